"""The ``python -m webhooks`` command line: a registry of subcommands.

A subcommand is a function that receives the argparse sub-parsers object and adds its parser,
setting ``func`` to what runs it. It registers itself with :func:`command`. Subcommands live in
their own modules, found at start-up without editing this file:

- ``webhooks/_cli_<name>.py`` modules (``serve``, ``routes`` and ``schema`` ship here), and
- a ``_cli`` module in any subpackage of :mod:`webhooks` (e.g. ``webhooks/testing/_cli.py``).

Example of a subcommand module::

    from webhooks._cli import command

    @command("call")
    def add_call(parsers: Subparsers) -> None:
        parser = parsers.add_parser("call", help="play a call against an app")
        parser.add_argument("app")
        parser.set_defaults(func=run_call)      # run_call(args) -> int (the exit status)
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["Subparsers", "app_target", "command", "load_app", "main"]

Subparsers = Any
"""The object returned by :meth:`argparse.ArgumentParser.add_subparsers`."""

_COMMANDS: dict[str, Callable[[Subparsers], None]] = {}


def command(name: str) -> Callable[[Callable[[Subparsers], None]], Callable[[Subparsers], None]]:
    """Register the function that adds subcommand ``name`` to the parser.

    Args:
        name: The subcommand's name; a later registration of the same name replaces it.

    Returns:
        A decorator that returns the function unchanged.
    """

    def register(add: Callable[[Subparsers], None]) -> Callable[[Subparsers], None]:
        _COMMANDS[name] = add
        return add

    return register


def _discover() -> dict[str, str]:
    """Import every command module; return the ones that failed, with their error.

    A module that fails to import (a missing optional dependency, say) costs only its own
    commands: the others still run.
    """
    import webhooks

    failed: dict[str, str] = {}
    for info in pkgutil.iter_modules(webhooks.__path__):
        if info.name.startswith("_cli_"):
            module = f"webhooks.{info.name}"
        elif info.ispkg:
            module = f"webhooks.{info.name}._cli"
        else:
            continue
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                failed[module] = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # reported; the other commands still run
            failed[module] = f"{type(exc).__name__}: {exc}"
    return failed


def app_target(target: str) -> str:
    """Return ``target`` as ``MODULE:ATTRIBUTE``: a bare ``MODULE`` means ``MODULE:app``."""
    return target if ":" in target else f"{target}:app"


def load_app(target: str) -> Any:
    """Import ``MODULE:ATTRIBUTE`` (``examples.ivr:app``; ``examples.ivr`` alone means
    ``examples.ivr:app``) and return the attribute. Every command that takes an app uses this.

    Raises:
        SystemExit: With a one-line message if the module or attribute cannot be found.
    """
    module_name, _, attribute = app_target(target).partition(":")
    if not module_name or not attribute:
        raise SystemExit(f"error: expected MODULE or MODULE:ATTRIBUTE, got {target!r}")
    if "" not in sys.path:
        sys.path.insert(0, "")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise SystemExit(f"error: cannot import {module_name!r}: {exc}") from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise SystemExit(f"error: module {module_name!r} has no attribute {attribute!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every discovered subcommand.

    Command modules that cannot be imported are named on standard error and in the help.
    """
    failed = _discover()
    for module, error in failed.items():
        print(f"warning: the commands of {module} are unavailable: {error}", file=sys.stderr)
    epilog = "".join(f"unavailable: {module} ({error})\n" for module, error in failed.items())
    parser = argparse.ArgumentParser(
        prog="python -m webhooks",
        description="Serve and explore webhook applications.",
        epilog=epilog or None,
    )
    parsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in sorted(_COMMANDS):
        _COMMANDS[name](parsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.func(args)
    return status
