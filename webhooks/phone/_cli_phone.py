"""``python -m webhooks phone MODULE:app``: the dial pad page for an app, on 127.0.0.1."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from webhooks._cli import Subparsers

__all__ = ["add_phone", "build_parser", "phone_main", "run_phone"]

DESCRIPTION = (
    "Serve a dial pad page on 127.0.0.1 that plays simulated calls against MODULE:APP: the "
    "transcript of each call beside every request and InboundXML answer. The app's code is "
    "reloaded before a new call when its source files changed."
)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("app", metavar="MODULE:APP", help="e.g. examples.ivr:app")
    parser.add_argument(
        "--path", default="/voice", help="the path that answers a call (default /voice)"
    )
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument(
        "--from", dest="from_number", default="+15550001111", help="the caller's number"
    )
    parser.add_argument("--to", dest="to_number", default="+15552223333", help="the called number")
    parser.add_argument(
        "--log-level", default="warning", help="uvicorn log level (default warning)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``phone`` command on its own (for :func:`phone_main`)."""
    parser = argparse.ArgumentParser(prog="python -m webhooks phone", description=DESCRIPTION)
    _add_arguments(parser)
    return parser


def add_phone(parsers: Subparsers) -> None:
    """Add the ``phone`` subcommand to the ``python -m webhooks`` parser."""
    parser = parsers.add_parser(
        "phone", help="a dial pad page for trying an app's calls", description=DESCRIPTION
    )
    _add_arguments(parser)
    parser.set_defaults(func=run_phone)


def run_phone(args: argparse.Namespace) -> int:
    """Serve the phone page for ``args.app`` until interrupted; return the exit status."""
    import uvicorn

    from ._target import TargetError
    from .server import create_phone_app

    if not args.path.startswith("/"):
        raise SystemExit(f"error: --path must start with '/', got {args.path!r}")
    if not 0 <= args.port <= 65535:
        raise SystemExit(f"error: --port must be 0-65535, got {args.port}")
    try:
        app = create_phone_app(
            args.app, path=args.path, from_number=args.from_number, to_number=args.to_number
        )
    except TargetError as exc:
        raise SystemExit(f"error: {exc}") from None
    print(f"Phone for {args.app}: http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level=args.log_level, lifespan="off")
    return 0


def phone_main(argv: Sequence[str] | None = None) -> int:
    """Run ``phone`` with its own arguments (``["examples.ivr:app", "--port", "8765"]``)."""
    return run_phone(build_parser().parse_args(argv))
