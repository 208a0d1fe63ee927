"""Reading documents as the platform does (leniently, warnings kept), with a cache; attribute
values with the element table's defaults."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from inboundxml import Element, InboundXMLError, Problem, Response, parse
from inboundxml.spec import ELEMENTS, Kind

__all__ = ["VERB_CODES_FROM", "Reading", "attr", "read_document"]


_TYPED: dict[Kind, Callable[[Any], bool]] = {
    Kind.INT: lambda value: isinstance(value, int),
    Kind.BOOL: lambda value: isinstance(value, bool),
    Kind.BOOL_OR_INT: lambda value: isinstance(value, bool | int),
    Kind.METHOD: lambda value: value in ("GET", "POST"),
}
"""Kinds whose values the simulator computes with: a value the lenient reading kept as written
(``loop="-1"``, ``method="FETCH"``) is not one of them, and the default applies instead."""


@functools.cache
def _attr_spec(tag: str, xml: str) -> tuple[str, Any, Callable[[Any], bool]]:
    spec = ELEMENTS[tag].attr(xml)
    if spec is None:
        return "", None, _any
    default: Any = spec.default
    if default in ("true", "false"):
        default = default == "true"
    elif default is not None and default.isdigit():
        default = int(default)
    elif default is not None and " " in default:
        default = None
    return spec.py, default, _TYPED.get(spec.kind, _any)


def _any(value: Any) -> bool:
    return True


def attr(verb: Element, xml: str) -> Any:
    """An attribute's value, or the documented default from the element table (else None).

    Defaults that are prose in the table (``the current document URL``, ``no limit``) give None.
    So does a value the lenient reading could not type, where the simulator needs the type.
    """
    py, default, usable = _attr_spec(verb.tag, xml)
    value = verb.attrs.get(py)
    return default if value is None or not usable(value) else value


VERB_CODES_FROM: Final = 13000
"""Codes from here on (13xxx, 14xxx) are raised by the verb handlers when the element runs
(``spec/inboundxml.md`` §1.3); lower ones (12200, 11100...) are logged when the document is read."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A document as the platform reads it.

    Attributes:
        document: What runs.
        warnings: Problems logged when the document is read; it runs all the same.
        faults: Problems a verb handler raises when its element runs, by the path of the
            element of ``Response`` that holds them (``Response/Gather[0]``): the elements
            before it run, then the document fails (the fallback URL, else the error message).
    """

    document: Response
    warnings: tuple[Problem, ...] = ()
    faults: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)


_READ: dict[tuple[bytes, bool], Reading] = {}
_READ_MAX = 512


def read_document(body: bytes, *, strict: bool = False) -> Reading:
    """Read ``body`` as the platform does: leniently (``inboundxml.parse(strict=False)``).

    ``strict=True`` refuses problems of severity ``warning`` too. Documents are not mutated by
    the simulator and most repeat from call to call, so readings are cached.

    Raises:
        InboundXMLError: The problems that stop the document (all of them when ``strict``).
    """
    key = (body, strict)
    found = _READ.get(key)
    if found is None:
        problems: tuple[Problem, ...] = ()
        try:
            parsed = parse(body)  # the fast path: a clean document
        except InboundXMLError as exc:
            if strict or any(p.severity == "error" for p in exc.problems):
                raise
            parsed, problems = parse(body, strict=False), tuple(exc.problems)
        if not isinstance(parsed, Response):  # parse() checks the root; this narrows the type
            raise InboundXMLError(Problem(12102, "", "root element must be Response"))
        faults: dict[str, tuple[Problem, ...]] = {}
        for problem in problems:
            if problem.code >= VERB_CODES_FROM:
                top = "/".join(problem.path.split("/")[:2]).partition("@")[0]
                faults[top] = (*faults.get(top, ()), problem)
        warnings = tuple(p for p in problems if p.code < VERB_CODES_FROM)
        found = Reading(parsed, warnings, faults)
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[key] = found
    return found
