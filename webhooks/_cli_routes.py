"""``python -m webhooks routes MODULE[:APP]``: list an app's webhook routes."""

from __future__ import annotations

import argparse
from typing import Any

from webhooks._cli import Subparsers, command, load_app
from webhooks.app import App

__all__ = ["add_routes", "format_routes", "run_routes"]


@command("routes")
def add_routes(parsers: Subparsers) -> None:
    """Add the ``routes`` subcommand."""
    parser = parsers.add_parser(
        "routes",
        help="list an app's webhook routes",
        description="Print each webhook route of MODULE:APP: its path, kind and handler.",
    )
    parser.add_argument("app", metavar="MODULE[:APP]", help="e.g. examples.ivr (means :app)")
    parser.set_defaults(func=run_routes)


def format_routes(app: App) -> list[str]:
    """One aligned line per route: path, kind (the decorator) and the handler's dotted name.

    Paths are shown as registered: a URL token, if any, is never printed.
    """
    rows = [
        (route.path, route.kind.name, f"{_module(route.handler)}.{route.name}")
        for route in app.routes
    ]
    if not rows:
        return ["(no webhook routes)"]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    return [f"{p:<{widths[0]}}  {k:<{widths[1]}}  {h}" for p, k, h in rows]


def _module(handler: Any) -> str:
    return str(getattr(handler, "__module__", "?"))


def run_routes(args: argparse.Namespace) -> int:
    """Print the routes; exit 2 if the target is not a :class:`webhooks.App`."""
    app = load_app(args.app)
    if not isinstance(app, App):
        raise SystemExit(f"error: {args.app} is not a webhooks.App")
    for line in format_routes(app):
        print(line)
    return 0
