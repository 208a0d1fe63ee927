"""Registers ``python -m webhooks call`` and ``python -m webhooks explore``.

Both commands parse their own options (see :mod:`webhooks.testing._cli_sim`); the registry
only hands them the rest of the command line.
"""

from __future__ import annotations

import argparse

from webhooks._cli import Subparsers, command

from ._cli_sim import call_main, explore_main

__all__ = ["add_call_command", "add_explore_command"]


@command("call")
def add_call_command(parsers: Subparsers) -> None:
    """Add ``call``: play a simulated call against an app and print its transcript."""
    parser = parsers.add_parser(
        "call",
        help="play a simulated call in the terminal (python -m webhooks call MODULE:app --press 1)",
        add_help=False,
    )
    parser.add_argument("args", nargs=argparse.REMAINDER)
    parser.set_defaults(func=lambda args: call_main(args.args))


@command("explore")
def add_explore_command(parsers: Subparsers) -> None:
    """Add ``explore``: walk every branch of an IVR and draw its flow."""
    parser = parsers.add_parser(
        "explore",
        help="walk every branch of an IVR; report dead ends, loops and failing documents",
        add_help=False,
    )
    parser.add_argument("args", nargs=argparse.REMAINDER)
    parser.set_defaults(func=lambda args: explore_main(args.args))
