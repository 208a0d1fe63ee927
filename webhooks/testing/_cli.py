"""Registers ``python -m webhooks call``, ``explore`` and ``replay``.

The arguments and what runs them live in :mod:`webhooks.testing.simulator._cli`, which also serves
``call_main``/``explore_main`` for calling the commands from Python.
"""

from __future__ import annotations

import argparse

from webhooks._cli import Subparsers, command

from .simulator._cli import add_call_arguments, add_explore_arguments, run_call, run_explore

__all__ = ["add_call_command", "add_explore_command", "add_replay_command"]


@command("call")
def add_call_command(parsers: Subparsers) -> None:
    """Add ``call``: play a simulated call against an app and print its transcript."""
    parser = parsers.add_parser(
        "call",
        help="play a simulated call in the terminal (python -m webhooks call MODULE:app --press 1)",
        description="Play a simulated call against MODULE:APP and print its transcript; "
        "without --press, ask for keys at each Gather (empty line: let it time out).",
    )
    add_call_arguments(parser)
    parser.set_defaults(func=lambda args: run_call(args))


@command("explore")
def add_explore_command(parsers: Subparsers) -> None:
    """Add ``explore``: walk every branch of an IVR and draw its flow."""
    parser = parsers.add_parser(
        "explore",
        help="walk every branch of an IVR; report dead ends, loops and failing documents",
        description="Walk every branch of the IVR of MODULE:APP; print the problems on stderr "
        "and the flow on stdout.",
    )
    add_explore_arguments(parser)
    parser.set_defaults(func=lambda args: run_explore(args))


@command("replay")
def add_replay_command(parsers: Subparsers) -> None:
    """Add ``replay``: re-run recorded webhook traffic and report every changed answer."""
    parser = parsers.add_parser(
        "replay",
        help="replay a recording (webhooks.Recorder) against an app; exit 1 if answers changed",
        description="Send every request recorded in RECORDING (JSON Lines written by "
        "webhooks.Recorder) to MODULE:APP again, call by call, and print a document diff for "
        "every answer that changed.",
    )
    parser.add_argument("app", metavar="MODULE:APP", help="the ASGI app, e.g. examples.ivr:app")
    parser.add_argument(
        "recordings", nargs="+", metavar="RECORDING", help="calls.jsonl (and rotated files)"
    )
    parser.set_defaults(func=_run_replay)


def _run_replay(args: argparse.Namespace) -> int:
    import sys

    from webhooks._cli import load_app

    from .simulator._replay import replay_main

    return replay_main(load_app(args.app), args.recordings, sys.stdout)
