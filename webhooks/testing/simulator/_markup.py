"""Reading documents: attribute values with the element table's defaults, a parse cache."""

from __future__ import annotations

import functools
from typing import Any

from inboundxml import Element, InboundXMLError, Problem, Response, parse
from inboundxml.spec import ELEMENTS

__all__ = ["attr", "parse_cached"]


@functools.cache
def _attr_spec(tag: str, xml: str) -> tuple[str, Any]:
    spec = ELEMENTS[tag].attr(xml)
    if spec is None:
        return "", None
    default: Any = spec.default
    if default in ("true", "false"):
        default = default == "true"
    elif default is not None and default.isdigit():
        default = int(default)
    elif default is not None and " " in default:
        default = None
    return spec.py, default


def attr(verb: Element, xml: str) -> Any:
    """An attribute's value, or the documented default from the element table (else None).

    Defaults that are prose in the table (``the current document URL``, ``no limit``) give None.
    """
    py, default = _attr_spec(verb.tag, xml)
    value = verb.attrs.get(py)
    return default if value is None else value


_PARSED: dict[bytes, Response] = {}
_PARSED_MAX = 512


def parse_cached(body: bytes) -> Response:
    """:func:`inboundxml.parse` with a small cache of identical bodies (documents are not
    mutated by the simulator; most IVR documents repeat from call to call)."""
    doc = _PARSED.get(body)
    if doc is None:
        parsed = parse(body)
        if not isinstance(parsed, Response):  # parse() checks the root; this narrows the type
            raise InboundXMLError(Problem(12102, "", "root element must be Response"))
        doc = parsed
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[body] = doc
    return doc
