"""Command line: ``python -m inboundxml validate|fmt|schema|generate``.

``validate [--strict] FILE...`` prints ``FILE:LINE: error CODE path: message`` (or ``warning``)
for every problem; it exits 1 when there is an error (with ``--strict``, also a warning), 2
when a file cannot be read, else 0; ``fmt FILE`` prints the canonical form of a document;
``schema`` prints the XML Schema shipped with the package; ``generate`` rewrites the files
derived from the element table, in the source checkout or under ``--out DIR``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ._generate import SCHEMA_FILE, source_root, write_all
from ._parse import check, parse
from .errors import InboundXMLError

__all__ = ["main"]


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _validate(files: Sequence[str], strict: bool) -> int:
    status = 0
    for name in files:
        try:
            problems = check(_read(name))
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            status = 2 if status == 0 else status
            continue
        for problem in problems:
            line = problem.line if problem.line is not None else 0
            where = f" {problem.path}:" if problem.path else ""
            print(f"{name}:{line}: {problem.severity} {problem.code}{where} {problem.message}")
        if any(strict or p.severity == "error" for p in problems) and status != 2:
            status = 1
    return status


def _fmt(name: str, compact: bool) -> int:
    try:
        doc = parse(_read(name))
    except OSError as exc:
        print(f"{name}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except InboundXMLError as exc:
        for problem in exc.problems:
            line = problem.line or 0
            print(
                f"{name}:{line}: {problem.severity} {problem.code} {problem.message}",
                file=sys.stderr,
            )
        return 1
    sys.stdout.write(doc.to_xml(pretty=not compact) + ("\n" if compact else ""))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m inboundxml", description="Validate and format InboundXML documents."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate",
        help="report every problem of documents (errors the platform refuses, warnings it "
        "reads past)",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="documents ('-' for stdin)")
    validate.add_argument(
        "--strict", action="store_true", help="fail on warnings too (exit 1), not only on errors"
    )
    fmt = commands.add_parser("fmt", help="print the canonical form of a document")
    fmt.add_argument("file", metavar="FILE", help="the document ('-' for stdin)")
    fmt.add_argument("--compact", action="store_true", help="one line, no indentation")
    commands.add_parser("schema", help="print the XML Schema of InboundXML")
    generate = commands.add_parser(
        "generate", help="rewrite the schema, stub and reference from the element table"
    )
    generate.add_argument(
        "--out", metavar="DIR", type=Path, help="write under DIR (default: the source checkout)"
    )
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.files, args.strict)
    if args.command == "fmt":
        return _fmt(args.file, args.compact)
    if args.command == "schema":
        sys.stdout.write((resources.files("inboundxml") / SCHEMA_FILE).read_text("utf-8"))
        return 0
    return _generate(args.out)


def _generate(out: Path | None) -> int:
    root = out if out is not None else source_root()
    if root is None:
        print(
            "generate: the package is installed, not a source checkout, and its files are not "
            "rewritten in place; pass --out DIR to write the generated files under DIR "
            "(`python -m inboundxml schema` prints the schema)",
            file=sys.stderr,
        )
        return 2
    for path in write_all(root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
