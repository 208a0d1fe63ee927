"""``python -m webhooks COMMAND``: see :mod:`webhooks._cli` for the subcommands."""

from __future__ import annotations

from webhooks._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
