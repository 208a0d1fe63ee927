"""Writes :mod:`webhooks.rest._codes`, the platform's error dictionary, from ``errors.tsv``.

``errors.tsv`` (code, area, meaning; tab-separated, no header) is the platform's reference, kept
outside the package. Run ``python -m webhooks.rest._codegen PATH/errors.tsv`` to regenerate the
table after the reference changes; a test checks that the shipped table is what this writes.

Two codes carry two meanings in the reference (31026, 62006): both are kept, each followed by
its area in parentheses.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

__all__ = ["main", "meanings", "render"]

_TARGET = Path(__file__).with_name("_codes.py")
_HEADER = '''"""The platform's error codes and their meanings.

Generated from ``errors.tsv`` by :mod:`webhooks.rest._codegen`; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MEANINGS"]

MEANINGS: Final[Mapping[int, str]] = {
'''


def meanings(tsv: str) -> dict[int, str]:
    """The meaning of each code of ``errors.tsv``, in the file's order.

    Args:
        tsv: The text of ``errors.tsv``.

    Raises:
        ValueError: For a line that is not ``code<TAB>area<TAB>meaning``.
    """
    rows: dict[int, list[tuple[str, str]]] = {}
    for number, line in enumerate(tsv.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0].isdigit():
            raise ValueError(f"errors.tsv line {number}: expected code, area, meaning: {line!r}")
        code, area, meaning = fields
        rows.setdefault(int(code), []).append((area.strip(), meaning.strip()))
    return {
        code: found[0][1]
        if len(found) == 1
        else "; ".join(f"{meaning} ({area})" for area, meaning in found)
        for code, found in rows.items()
    }


def _literal(text: str) -> str:
    # Quoted as ``ruff format`` quotes: double quotes unless the text holds only double quotes.
    if '"' in text and "'" not in text:
        return repr(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _entry(code: int, meaning: str) -> str:
    line = f"    {code}: {_literal(meaning)},"
    if len(line) <= 100:
        return line
    parts = textwrap.wrap(meaning, 88, drop_whitespace=False)
    body = "\n".join(f"        {_literal(part)}" for part in parts)
    return f"    {code}: (\n{body}\n    ),"


def render(tsv: str) -> str:
    """The source of ``_codes.py`` for the text of ``errors.tsv``.

    Args:
        tsv: The text of ``errors.tsv``.
    """
    entries = "\n".join(_entry(code, meaning) for code, meaning in meanings(tsv).items())
    return f"{_HEADER}{entries}\n}}\n"


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``_codes.py`` from the ``errors.tsv`` named on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m webhooks.rest._codegen PATH/errors.tsv", file=sys.stderr)
        return 2
    _TARGET.write_text(render(Path(args[0]).read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
