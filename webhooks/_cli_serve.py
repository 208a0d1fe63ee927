"""``python -m webhooks serve MODULE:app``: run an app under uvicorn."""

from __future__ import annotations

import argparse
import importlib.util

from webhooks._cli import Subparsers, command, load_app

__all__ = ["add_serve", "run_serve"]


@command("serve")
def add_serve(parsers: Subparsers) -> None:
    """Add the ``serve`` subcommand."""
    parser = parsers.add_parser(
        "serve",
        help="serve an app with uvicorn",
        description="Serve MODULE:APP with uvicorn (httptools and uvloop when installed).",
    )
    parser.add_argument("app", metavar="MODULE:APP", help="e.g. examples.ivr:app")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--log-level", default="info", help="uvicorn log level (default info)")
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="log every request (default: on, unless the app has a URL token to keep secret)",
    )
    parser.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """Import the app (to fail early with a clear message) and run uvicorn."""
    import uvicorn

    app = load_app(args.app)
    if args.workers < 1:
        raise SystemExit("error: --workers must be at least 1")
    access_log = args.access_log
    if access_log is None:
        security = getattr(app, "security", None)
        access_log = getattr(security, "token", None) is None
    uvicorn.run(
        args.app if args.workers > 1 else app,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        access_log=access_log,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http="httptools" if importlib.util.find_spec("httptools") else "h11",
        lifespan="on",
    )
    return 0
