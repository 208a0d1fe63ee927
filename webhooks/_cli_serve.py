"""``python -m webhooks serve MODULE[:APP]``: run an app under uvicorn, with bounds.

What the server bounds (and the flags that set it):

- request line and headers: ``--max-header-size`` bytes (default 16 KiB; 431 beyond);
- the time to send a whole request: ``--request-timeout`` seconds (default 10; the connection
  is closed), and an idle keep-alive connection: ``--keep-alive`` seconds (default 5);
- the body: the app's ``max_body_size`` (default 64 KiB; 413 beyond).

Connections in total (``--limit-concurrency`` answers 503 beyond a number per worker), TLS,
and per-client rates are for the reverse proxy in front (see the operations guide).

``--workers N`` needs sessions that every worker sees: with the in-memory store, it refuses to
start and names :class:`~webhooks.RedisStore`.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import os
import sys
from typing import Any

from webhooks._cli import Subparsers, app_target, command, load_app
from webhooks._cli_routes import format_routes
from webhooks._server import DEFAULT_MAX_HEADER_SIZE, DEFAULT_REQUEST_TIMEOUT, PROTOCOLS
from webhooks.app import App
from webhooks.sessions import MemoryStore

__all__ = ["add_serve", "log_config", "run_serve"]


@command("serve")
def add_serve(parsers: Subparsers) -> None:
    """Add the ``serve`` subcommand."""
    parser = parsers.add_parser(
        "serve",
        help="serve an app with uvicorn",
        description="Serve MODULE:APP with uvicorn (httptools and uvloop when installed), "
        "bounding header size and slow clients. MODULE alone means MODULE:app.",
    )
    parser.add_argument("app", metavar="MODULE[:APP]", help="e.g. examples.ivr:app")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--reload", action="store_true", help="restart when a Python file changes (development)"
    )
    parser.add_argument(
        "--reload-dir",
        action="append",
        default=None,
        metavar="DIR",
        help="a directory to watch with --reload (repeatable; default: the current directory)",
    )
    parser.add_argument("--log-level", default="info", help="log level (default info)")
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also log uvicorn's access line (default off: the app logs one line per webhook, "
        "without the URL token)",
    )
    parser.add_argument(
        "--max-header-size",
        type=int,
        default=DEFAULT_MAX_HEADER_SIZE,
        help=f"bytes of request line and headers (default {DEFAULT_MAX_HEADER_SIZE}; 431 beyond)",
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=DEFAULT_REQUEST_TIMEOUT,
        help=f"seconds to send a whole request before the connection is closed "
        f"(default {DEFAULT_REQUEST_TIMEOUT:g})",
    )
    parser.add_argument(
        "--keep-alive", type=int, default=5, help="seconds an idle connection is kept (default 5)"
    )
    parser.add_argument(
        "--limit-concurrency",
        type=int,
        default=None,
        metavar="N",
        help="answer 503 beyond N connections and requests at once per worker (default: no "
        "limit; a reverse proxy usually bounds connections)",
    )
    parser.set_defaults(func=run_serve)


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging configuration plus the ``webhooks`` loggers at ``level`` on stderr."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["webhooks"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config


def run_serve(args: argparse.Namespace) -> int:
    """Import the app (to fail early with a clear message), print its routes, run uvicorn."""
    import uvicorn

    target = app_target(args.app)
    app = load_app(target)
    if args.workers < 1:
        raise SystemExit("error: --workers must be at least 1")
    if args.max_header_size < 1024 or args.request_timeout <= 0:
        raise SystemExit("error: --max-header-size must be >= 1024 and --request-timeout > 0")
    if args.workers > 1 and args.reload:
        raise SystemExit("error: --reload serves one worker; drop --workers")
    if args.workers > 1 and isinstance(getattr(app, "sessions", None), MemoryStore):
        raise SystemExit(
            f"error: {target} keeps sessions in a MemoryStore, which each of the {args.workers} "
            "workers would hold separately (a call's requests reach different workers); use "
            "App(session_store=RedisStore(...)) for several workers, or serve one worker"
        )
    if isinstance(app, App):
        print(f"webhook routes of {target}:", file=sys.stderr)
        for line in format_routes(app):
            print(f"  {line}", file=sys.stderr)
    # Worker processes (and a reloaded server) read the bounds from the environment.
    os.environ["WEBHOOKS_REQUEST_TIMEOUT"] = str(args.request_timeout)
    os.environ["WEBHOOKS_MAX_HEADER_SIZE"] = str(args.max_header_size)
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    uvicorn.run(
        target if args.workers > 1 or args.reload else app,
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=args.reload,
        reload_dirs=args.reload_dir,
        log_level=args.log_level,
        log_config=log_config(args.log_level),
        access_log=args.access_log,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http=PROTOCOLS[http],
        h11_max_incomplete_event_size=args.max_header_size,
        timeout_keep_alive=args.keep_alive,
        limit_concurrency=args.limit_concurrency,
        lifespan="on",
    )
    return 0
