"""A parsed document's bytes, checked and made UTF-8 before any XML parser sees them.

Every step before the size bound is constant time, and every step after it is linear:

1. the type of the source and its size (``max_bytes``) are checked first;
2. the encoding is found from the byte order mark or the first bytes (XML 1.0, appendix F)
   and the XML declaration, read from a bounded head of the document;
3. documents in another accepted encoding are decoded and re-encoded as UTF-8, so that the
   parsers only ever see UTF-8 and every check below sees the markup as written;
4. markup declarations (``<!DOCTYPE``, ``<!ENTITY``...) are refused with 12100.

The accepted encodings are :data:`ENCODINGS`; a document declaring any other is refused with
12100. The body handed on carries neither byte order mark nor declaration; its line numbers
are the document's.

The check of step 4 gives a clear message and the line; it is not the only defence: the
parser front ends (:mod:`inboundxml._frontends`) refuse markup declarations on their own.
"""

from __future__ import annotations

import codecs
import re

from . import _rules as rules
from .errors import Problem

__all__ = ["ENCODINGS", "prepare"]

ENCODINGS = ("UTF-8", "UTF-16", "UTF-32", "ISO-8859-1", "US-ASCII")
"""The encodings a parsed document may be in (UTF-16 and UTF-32 in either byte order, with or
without a byte order mark)."""

_HEAD = 512
"""How far into the document its XML declaration may reach (in characters)."""

_DECLARATION = re.compile(
    r"<\?xml\s+version\s*=\s*([\"'])(?P<version>[^\"']*)\1"
    r"(?:\s+encoding\s*=\s*([\"'])(?P<encoding>[^\"']*)\3)?"
    r"(?:\s+standalone\s*=\s*([\"'])[^\"']*\5)?\s*\?>"
)
_MARKUP_DECLARATION = re.compile(rb"<![A-Z]")
_CANONICAL = b'<?xml version="1.0" encoding="UTF-8"?>'
_SKIP = len(_CANONICAL)

# Byte order marks and the first bytes of '<' without one, longest first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Declared encodings allowed with each detected one (Python codec names).
_FAMILY = {
    "utf-8": frozenset({"utf-8"}),
    "ascii": frozenset({"utf-8", "ascii", "iso8859-1"}),
    "utf-16-le": frozenset({"utf-16", "utf-16-le"}),
    "utf-16-be": frozenset({"utf-16", "utf-16-be"}),
    "utf-32-le": frozenset({"utf-32", "utf-32-le"}),
    "utf-32-be": frozenset({"utf-32", "utf-32-be"}),
}
_KNOWN = frozenset().union(*_FAMILY.values())
_WRITTEN = {"utf-8": "UTF-8 with a byte order mark", "ascii": "an ASCII-compatible encoding"}
_ACCEPTED = ", ".join(ENCODINGS)


def _refuse(message: str, line: int | None = None, rule: str = "encoding") -> Problem:
    return rules.document(rule, message, line, 12101 if rule == "version" else 12100)


def _sniff(data: bytes) -> tuple[str, int]:
    """The encoding family of ``data`` and the length of its byte order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    first = data[:4]
    if len(first) == 4 and first[0] and not any(first[1:]):
        return "utf-32-le", 0
    if len(first) == 4 and first[3] and not any(first[:3]):
        return "utf-32-be", 0
    if len(first) >= 2 and first[0] and not first[1]:
        return "utf-16-le", 0
    if len(first) >= 2 and not first[0] and first[1]:
        return "utf-16-be", 0
    return "ascii", 0


def _codec(declared: str) -> str | None:
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return None


def prepare(source: str | bytes, max_bytes: int) -> bytes | Problem:
    """The UTF-8 body of a document (no byte order mark, no declaration), or why it is refused.

    Raises:
        TypeError: ``source`` is neither text nor bytes.
    """
    if type(source) is bytes:
        data = source
        # The common cases first: UTF-8 with our own declaration, or none.
        if len(data) <= max_bytes:
            if data.startswith(_CANONICAL):
                return _checked(data[_SKIP:])
            if data[:1] == b"<" and data[1:2] not in (b"\0", b"?"):
                return _checked(data)
    elif isinstance(source, str):
        if len(source) > max_bytes:  # every character is at least one byte
            return _refuse(
                f"document is over {max_bytes} bytes; the limit is {max_bytes}", None, "size"
            )
        data = source.encode("utf-8", "surrogatepass")
    elif isinstance(source, (bytearray, memoryview)):
        data = bytes(source)
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    if len(data) > max_bytes:
        return _refuse(f"document is {len(data)} bytes; the limit is {max_bytes}", None, "size")
    if isinstance(source, str):  # already decoded: only a byte order mark to drop
        family, skip = ("utf-8", 3) if data.startswith(codecs.BOM_UTF8) else ("ascii", 0)
    else:
        family, skip = _sniff(data)
    wide = family.startswith(("utf-16", "utf-32"))
    if wide:
        unit = 4 if family.startswith("utf-32") else 2
        try:
            text = data[skip : len(data) - (len(data) - skip) % unit].decode(family)
        except UnicodeDecodeError as exc:
            return _undecodable(data[skip:], family, exc)
        if (len(data) - skip) % unit:
            return _refuse(f"the document ends inside a {family.upper()} character")
        head = text[:_HEAD]
    else:
        head = data[skip : skip + _HEAD].decode("latin-1")
    declared, end = _declaration(head)
    if isinstance(declared, Problem):
        return declared
    codec = "utf-8" if isinstance(source, str) else _check_encoding(family, skip, declared)
    if isinstance(codec, Problem):
        return codec
    if wide:
        body = text[end:].encode("utf-8", "surrogatepass")
    elif codec in ("utf-8", "ascii") and not (codec == "ascii" and not data.isascii()):
        body = data[skip + end :] if skip or end else data
    else:
        try:
            body = data[skip + end :].decode(codec).encode("utf-8")
        except UnicodeDecodeError as exc:
            return _undecodable(data[skip + end :], codec, exc)
    return _checked(body)


def _checked(body: bytes) -> bytes | Problem:
    """``body``, unless it holds a markup declaration."""
    # (a one-byte search is a memchr: it keeps the common case cheap)
    found = _MARKUP_DECLARATION.search(body) if b"!" in body else None
    if found is not None:
        line = body.count(b"\n", 0, found.start()) + 1
        return _refuse("DTDs and entity declarations are not allowed", line, "no-dtd")
    return body


def _declaration(head: str) -> tuple[str | Problem | None, int]:
    """The declared encoding (None when not declared) and where the declaration ends."""
    if not head.startswith("<?xml") or head[5:6] not in (" ", "\t", "\r", "\n"):
        return None, 0
    found = _DECLARATION.match(head)
    if found is None:
        message = f"malformed XML declaration (within the first {_HEAD} characters)"
        return _refuse(message, 1, "well-formed"), 0
    if found.group("version") != "1.0":
        version = found.group("version")
        return _refuse(f"XML version {version!r}; only '1.0' is supported", 1, "version"), 0
    return found.group("encoding"), found.end()


def _check_encoding(family: str, skip: int, declared: str | Problem | None) -> str | Problem:
    """The codec to decode with: the declared one, if it agrees with the first bytes."""
    if declared is None or isinstance(declared, Problem):
        return family if family != "ascii" else "utf-8"
    codec = _codec(declared)
    if codec is None or codec not in _KNOWN:
        return _refuse(f"the encoding {declared!r} is not supported; accepted: {_ACCEPTED}", 1)
    if family == "ascii" and skip == 0 and codec in _FAMILY["ascii"]:
        return codec
    if codec in _FAMILY[family]:
        return family
    found = _WRITTEN.get(family, family.upper())
    return _refuse(f"the document declares {declared!r} but is written in {found}", 1)


def _undecodable(data: bytes, codec: str, exc: UnicodeDecodeError) -> Problem:
    line = data[: exc.start].decode(codec, "replace").count("\n") + 1
    return _refuse(f"the bytes at offset {exc.start} are not valid {codec.upper()}", line)
