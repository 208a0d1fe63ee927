"""``python -m webhooks schema [DIR]``: write the JSON Schemas of the webhook events."""

from __future__ import annotations

import argparse
from pathlib import Path

from webhooks._cli import Subparsers, command
from webhooks.events import write_event_schemas

__all__ = ["add_schema", "run_schema"]


@command("schema")
def add_schema(parsers: Subparsers) -> None:
    """Add the ``schema`` subcommand."""
    parser = parsers.add_parser("schema", help="write the JSON Schemas of the webhook events")
    parser.add_argument(
        "directory", nargs="?", default="schema/events", help="target (default schema/events)"
    )
    parser.set_defaults(func=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    """Write one ``<EventName>.json`` per event class."""
    for path in write_event_schemas(Path(args.directory)):
        print(path)
    return 0
