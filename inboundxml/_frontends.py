"""The two XML parser front ends, each configured so that it cannot load or declare anything.

A body prepared by :func:`inboundxml._source.prepare` is parsed by lxml (small documents, and
every document the reporting walker reads) or by expat through ``xml.etree`` (large ones; it
builds trees that are cheaper to walk). Both refuse DTDs, entity declarations and external
references *on their own*, whatever the body holds:

- the body is parsed as the content of a wrapper element (``<_>body</_>``): the document's
  prolog is closed before its first byte, and a ``<!DOCTYPE`` or ``<!ENTITY`` in content is not
  well-formed XML, so neither parser ever reads a DTD, and an entity reference can only name
  one of the five predefined entities (any other is an undefined entity: not well-formed);
- lxml is also set never to load a DTD, resolve an entity or use the network, and every
  external resource it could be asked for goes to a resolver that refuses it: nothing is
  opened or fetched even if a DTD reached it (a test feeds it one directly);
- expat (``xml.etree``'s parser) never opens anything itself: it has no handler for
  external entities.
"""

from __future__ import annotations

import re
import threading
from typing import NoReturn, TypeVar
from xml.etree import ElementTree

from lxml import etree

__all__ = ["Malformed", "Refuse", "expat_root", "lxml_parser", "lxml_root"]

_Node = TypeVar("_Node", etree._Element, ElementTree.Element)
_OPEN, _CLOSE = b"<_>", b"</_>"
_WHERE = re.compile(r", line \d+, column \d+$")
_UNCLOSED = re.compile(r"Opening and ending tag mismatch: (.+) line (\d+) and _")
_UNOPENED = re.compile(r"Opening and ending tag mismatch: _ line \d+ and (.+)")
_ENTITY_ERRORS = ("EntityRef", "Entity '", "xmlParseCharRef", "CharRef")
_local = threading.local()


class Malformed(Exception):  # noqa: N818  (internal signal, turned into a Problem)
    """The body is not a well-formed document with one root element."""

    def __init__(self, code: int, message: str, line: int | None) -> None:
        super().__init__(message)
        self.code, self.message, self.line = code, message, line


class Refuse(etree.Resolver):
    """Refuses every external resource (DTD, entity, XInclude) libxml2 asks for."""

    def resolve(self, system_url: str, public_id: str, context: object = None) -> NoReturn:
        raise Malformed(12100, f"external resource {system_url!r} refused", None)


def lxml_parser() -> etree.XMLParser:
    """This thread's lxml parser (lxml parsers keep state while parsing)."""
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        # collect_ids stays on: with it off, libxml2 loads the external DTD subset.
        parser = etree.XMLParser(
            encoding="utf-8",
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            remove_comments=True,
            remove_pis=True,
            huge_tree=False,
        )
        parser.resolvers.add(Refuse())
        _local.parser = parser
    return parser


def lxml_root(body: bytes) -> etree._Element:
    """The root element of ``body`` parsed by lxml.

    Raises:
        Malformed: 12100 when it is not well-formed (a DTD included), 11102 for a bad entity
            or character reference.
    """
    try:
        wrapper = etree.fromstring(_OPEN + body + _CLOSE, lxml_parser())
    except etree.XMLSyntaxError as exc:
        message = _plain(str(exc.msg or exc))
        code = 11102 if any(m in message for m in _ENTITY_ERRORS) else 12100
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise Malformed(code, f"not well-formed XML: {message}", line) from None
    except (ValueError, TypeError, LookupError) as exc:  # encoding trouble inside lxml
        raise Malformed(12100, f"cannot read the document: {exc}", None) from None
    return _only_root(wrapper, wrapper.sourceline)


def _plain(message: str) -> str:
    """lxml's message in terms of the document: no wrapper, no column (shifted by it)."""
    message = _WHERE.sub("", message)
    unclosed = _UNCLOSED.fullmatch(message)
    if unclosed is not None:
        return f"<{unclosed.group(1)}> (line {unclosed.group(2)}) is never closed"
    stray = _UNOPENED.fullmatch(message)
    if stray is not None:
        return f"</{stray.group(1)}> closes an element that is not open"
    return message


def expat_root(body: bytes) -> ElementTree.Element | None:
    """The root element of ``body`` parsed by expat, or None when expat cannot read it."""
    parser = ElementTree.XMLParser()  # noqa: S314  (a wrapper element: no DTD can be read)
    try:
        parser.feed(_OPEN)
        parser.feed(body)
        parser.feed(_CLOSE)
        wrapper = parser.close()
        return _only_root(wrapper, None)
    except (ElementTree.ParseError, ValueError, LookupError, Malformed):
        return None


def _only_root(wrapper: _Node, line: object) -> _Node:
    """The single element inside the wrapper, with nothing but whitespace around it."""
    if len(wrapper) != 1:
        what = "no root element" if not len(wrapper) else "more than one root element"
        raise Malformed(
            12100, f"not well-formed XML: {what}", line if isinstance(line, int) else None
        )
    root = wrapper[0]
    text, tail = wrapper.text, root.tail
    if (text is not None and not text.isspace()) or (tail is not None and not tail.isspace()):
        raise Malformed(12100, "not well-formed XML: text outside the root element", None)
    return root
