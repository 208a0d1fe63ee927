"""Registers ``python -m webhooks phone`` (found by :mod:`webhooks._cli` at start-up)."""

from __future__ import annotations

from webhooks._cli import Subparsers, command

from ._cli_phone import add_phone

__all__ = ["add_phone_command"]


@command("phone")
def add_phone_command(parsers: Subparsers) -> None:
    """Add the ``phone`` subcommand."""
    add_phone(parsers)
