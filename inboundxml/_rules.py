"""Every rule a document can break: what is checked, the platform's code, the message, and
whether the platform refuses the document (an error) or reports and goes on (a warning).

Each rule lives here once. The compiled constructors (:mod:`inboundxml._compile`), the
reporting walker (:mod:`inboundxml._parse`), the fast readers (:mod:`inboundxml._reader`) and the
source checks (:mod:`inboundxml._source`) build their problems with the functions below, and
read the structural facts they check (required attributes, emitted defaults, the number of
children) from them; the facts themselves come from the element table
(:mod:`inboundxml.spec`).

Severity follows the platform: it refuses a document only when it cannot read it (12100,
12101, 11102) or when the root is not Response (12102); every other problem is reported (12200,
"schema validation warning", or the verb's own code) and the call goes on. The lenient
reading, ``parse(source, strict=False)``, does the same; the strict reading refuses both.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from ._values import BadFormat, TooLong, Unencodable
from .errors import Problem
from .spec import ROOT, Attr, ElementSpec, TextKind

__all__ = [
    "RULES",
    "Rule",
    "Severity",
    "attribute_value",
    "child_limit",
    "child_not_allowed",
    "document",
    "emitted",
    "empty",
    "missing_attribute",
    "mixed_content",
    "required",
    "stray_text",
    "text_value",
    "too_deep",
    "too_many_children",
    "too_many_texts",
    "unknown_attribute",
    "unknown_element",
    "wrong_root",
]

UNENCODABLE_CODE = 11102
URL_TOO_LONG_CODE = 12301


class Severity(StrEnum):
    """How the platform treats a problem."""

    ERROR = "error"
    """The document is refused: nothing of it runs."""
    WARNING = "warning"
    """The problem is reported (a notification with its code) and the call goes on."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of InboundXML.

    Attributes:
        name: A short identifier.
        severity: Whether breaking it refuses the document.
        what: What the rule requires (one sentence, for the reference).
        code: The platform's code, in words when it depends on the element or attribute.
        lenient: What the lenient reading does with a document that breaks it.
    """

    name: str
    severity: Severity
    what: str
    code: str
    lenient: str


_E, _W = Severity.ERROR, Severity.WARNING
_RULES = (
    Rule("well-formed", _E, "The document is well-formed XML 1.0.", "12100", "refused"),
    Rule(
        "no-dtd",
        _E,
        "No DTD, entity declaration or external reference, in any encoding.",
        "12100",
        "refused",
    ),
    Rule(
        "encoding",
        _E,
        "UTF-8, UTF-16, UTF-32, ISO-8859-1 or US-ASCII, as declared.",
        "12100",
        "refused",
    ),
    Rule("size", _E, "At most `max_bytes` bytes (1 MiB by default).", "12100", "refused"),
    Rule("version", _E, "The XML declaration says version 1.0.", "12101", "refused"),
    Rule("characters", _E, "Text and values are properly XML-encoded.", "11102", "refused"),
    Rule("root", _E, "The root element is Response.", "12102", "refused"),
    Rule(
        "depth",
        _E,
        "Nested at most `max_depth` levels (16 by default; the parser's bound).",
        "12200",
        "refused",
    ),
    Rule("element", _W, "Every element is an InboundXML element.", "12200", "dropped"),
    Rule(
        "attribute",
        _W,
        "Every attribute is one the element has.",
        "12200",
        "kept as written",
    ),
    Rule(
        "value",
        _W,
        "Attribute values are of the attribute's type and range.",
        "the attribute's (12301 for a URL over 200 characters)",
        "kept as written",
    ),
    Rule("required", _W, "Required attributes are present.", "the attribute's", "left out"),
    Rule("nesting", _W, "Children are ones the parent may contain.", "the parent's", "kept"),
    Rule("count", _W, "No more children than the parent takes.", "the parent's", "kept"),
    Rule("stray-text", _W, "Only elements with text content hold text.", "12200", "text dropped"),
    Rule(
        "text",
        _W,
        "Text content is of the element's kind and length.",
        "the element's (12301 for a URL over 200 characters)",
        "kept as written",
    ),
    Rule(
        "content",
        _W,
        "Elements that need content (Dial, Say, ...) have text or children.",
        "the element's",
        "kept empty",
    ),
)
RULES: Mapping[str, Rule] = MappingProxyType({rule.name: rule for rule in _RULES})
"""Every rule by name, in the order of the reference."""


def _problem(rule: str, code: int, path: str, message: str, line: int | None = None) -> Problem:
    return Problem(code, path, message, line, RULES[rule].severity.value)


def document(rule: str, message: str, line: int | None = None, code: int = 12100) -> Problem:
    """A problem of the whole document (``rule`` is one of the error rules above)."""
    return _problem(rule, code, "", message, line)


def wrong_root(tag: str, path: str, hint: bool = False) -> Problem:
    """12102: the root element is not Response."""
    message = f"the root element must be {ROOT}, not {tag}"
    if hint:
        message += f"; wrap it: {ROOT}({tag}(...))"
    return _problem("root", 12102, path, message)


def too_deep(limit: int, path: str) -> Problem:
    """The document nests deeper than the parser allows."""
    return _problem("depth", 12200, path, f"nested deeper than {limit} levels")


def unknown_element(name: str, path: str) -> Problem:
    """12200: an element InboundXML does not have."""
    return _problem("element", 12200, path, f"<{name}> is not an InboundXML element")


def unknown_attribute(spec: ElementSpec, name: str, path: str, python: bool = False) -> Problem:
    """12200: an attribute the element does not have (``python``: named as a keyword)."""
    known = [a.py if python else a.xml for a in spec.attrs]
    hint = ""
    if python:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
    allowed = ", ".join(known) or "none"
    return _problem(
        "attribute", 12200, path, f"{spec.tag} has no attribute {name!r}{hint}; allowed: {allowed}"
    )


def attribute_value(
    spec: ElementSpec, attr: Attr, exc: Exception, path: str, parent: str | None = None
) -> Problem:
    """A value ``attr`` does not allow (its code depends on the parent element)."""
    if isinstance(exc, Unencodable):
        return _problem("characters", UNENCODABLE_CODE, path, f"{attr.xml} {exc}")
    code = URL_TOO_LONG_CODE if isinstance(exc, TooLong) else attr.code_in(parent)
    return _problem("value", code, path, f"{attr.xml} {exc}")


def missing_attribute(spec: ElementSpec, attr: Attr, path: str, python: bool = False) -> Problem:
    """A required attribute that is absent."""
    hint = f"; pass {attr.py}=..." if python else ""
    return _problem("required", attr.code, path, f"{attr.xml} is required{hint}")


def child_not_allowed(spec: ElementSpec, name: str, path: str) -> Problem:
    """A child the element may not contain (13320 in Gather, 13215 in Dial, else 12200)."""
    allowed = ", ".join(spec.children) or "no children"
    return _problem(
        "nesting",
        spec.child_code,
        path,
        f"{name} is not allowed inside {spec.tag}; allowed: {allowed}",
    )


def too_many_children(spec: ElementSpec, count: int, path: str) -> Problem:
    """More children than the element takes (Connect takes one Agent)."""
    return _problem(
        "count",
        spec.child_code,
        path,
        f"{spec.tag} takes at most {spec.max_children} child element(s); got {count}",
    )


def stray_text(spec: ElementSpec, content: str, path: str) -> Problem:
    """12200: text in an element without text content."""
    return _problem(
        "stray-text", 12200, path, f"{spec.tag} has no text content: {content.strip()[:40]!r}"
    )


def mixed_content(spec: ElementSpec, path: str, content: str | None = None) -> Problem:
    """12200: text beside child elements."""
    got = f": {content.strip()[:40]!r}" if content is not None else ""
    return _problem(
        "stray-text",
        12200,
        path,
        f"give {spec.tag} either text or {'/'.join(spec.children)} children, not both{got}",
    )


def too_many_texts(spec: ElementSpec, path: str) -> Problem:
    """12200: more than one text given to a constructor."""
    return _problem("stray-text", 12200, path, f"{spec.tag} takes one text at most")


def text_value(spec: ElementSpec, exc: Exception, path: str) -> Problem:
    """Text content the element does not allow."""
    if isinstance(exc, Unencodable):
        return _problem("characters", UNENCODABLE_CODE, path, f"text {exc}")
    code = spec.text_code
    if isinstance(exc, TooLong):
        code = URL_TOO_LONG_CODE
    elif isinstance(exc, BadFormat) and spec.format_code is not None:
        code = spec.format_code
    return _problem("text", code, path, f"text {exc}")


def empty(spec: ElementSpec, path: str) -> Problem:
    """An element that needs content but has none (13226 for Dial)."""
    kinds = " or ".join(spec.children)
    what = f"a destination as text or a {kinds} child" if spec.text is not TextKind.NONE else kinds
    return _problem("content", spec.content_code, path, f"{spec.tag} is empty; it needs {what}")


def required(spec: ElementSpec) -> tuple[Attr, ...]:
    """The attributes the element must have."""
    return tuple(a for a in spec.attrs if a.required)


def emitted(spec: ElementSpec) -> tuple[Attr, ...]:
    """The attributes written with their default when not given (Gather ``input``)."""
    return tuple(a for a in spec.attrs if a.emit is not None)


def child_limit(spec: ElementSpec) -> int | None:
    """The most children the element takes (None: no limit)."""
    return spec.max_children
