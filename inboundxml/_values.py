"""Value checking and escaping, compiled from the element table.

Each attribute of :mod:`inboundxml.spec` gets one coercer: a function taking a Python value
(built documents) or markup text (parsed documents) and returning the canonical value, or
raising :class:`Invalid` with a message that says what was given and what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from .spec import Attr, ElementSpec, Kind, TextKind

__all__ = [
    "URL_MAX",
    "BadFormat",
    "Invalid",
    "TooLong",
    "Unencodable",
    "UrlResolver",
    "coercer",
    "describe_allowed",
    "escape_attr",
    "escape_text",
    "lexicon",
    "render_value",
    "text_checker",
    "text_limit",
    "use_url_resolver",
]

UrlResolver = Callable[[Callable[..., Any]], str]
"""Maps a webhook handler to the URL of its route."""

_resolver: ContextVar[UrlResolver | None] = ContextVar("inboundxml_url_resolver", default=None)


@contextmanager
def use_url_resolver(resolver: UrlResolver) -> Iterator[None]:
    """Resolve handlers given as URL attributes through ``resolver`` inside the block.

    ``Gather(action=menu)`` stores the URL of the handler ``menu``: the innermost active
    resolver maps the function to its route. Web frameworks set one around each handler call.

    Args:
        resolver: A function from a handler to its URL.
    """
    token = _resolver.set(resolver)
    try:
        yield
    finally:
        _resolver.reset(token)


class Invalid(Exception):  # noqa: N818  (internal signal, never escapes)
    """A value that an attribute or element text does not allow (internal)."""


class Unencodable(Invalid):
    """A character that XML 1.0 cannot carry (the platform's 11102)."""


class TooLong(Invalid):
    """A URL longer than the platform allows (the platform's 12301)."""


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KEY = frozenset("0123456789#*")
_DIGITS = re.compile(r"[0-9#*w]+")
_PATTERNS = re.compile(r"[0-9#*]+(,[0-9#*]+)*")
_PHONE = re.compile(r"\+?[0-9 ().\-]*[0-9][0-9 ().\-]*")
# RFC 3986: a scheme, when present, and percent-escapes of two hex digits (xs:anyURI).
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_URL_BAD = re.compile(r"\s")
_BOOL_TEXT = {
    "true": True,
    "True": True,
    "TRUE": True,
    "1": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "0": False,
}
_METHODS = {"GET": "GET", "POST": "POST", "get": "GET", "post": "POST"}
URL_MAX = 200


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_chars(text: str) -> None:
    """Reject characters that XML 1.0 cannot represent."""
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise Unencodable(
            f"contains the character U+{ord(bad.group()):04X} at position {bad.start()}, "
            "which XML 1.0 cannot carry"
        )


def _as_int(value: object) -> int:
    if isinstance(value, bool):
        raise Invalid(f"got {_show(value)}; expected an integer, not a flag")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[+-]?[0-9]+", text):
            return int(text)
    raise Invalid(f"got {_show(value)}; expected an integer")


def _range_text(attr: Attr) -> str:
    lo, hi = attr.minimum, attr.maximum
    if lo is not None and hi is not None:
        return f"an integer from {lo} to {hi}"
    if lo is not None:
        return f"an integer >= {lo}"
    return "an integer"


def _resolve_url(value: object) -> str:
    if callable(value):
        resolver = _resolver.get()
        if resolver is None:
            name = getattr(value, "__qualname__", repr(value))
            raise Invalid(
                f"got the handler {name} but no URL resolver is active; "
                "give a URL string or build the document inside a webhook handler"
            )
        value = resolver(value)
    if not isinstance(value, str):
        raise Invalid(f"got {_show(value)}; expected a URL string")
    return value


def check_url(text: str) -> str:
    """Canonical form of a URL value: non-empty, no whitespace, at most 200 characters."""
    text = text.strip()
    if not text:
        raise Invalid("is empty; expected a URL (omit the attribute to use the default)")
    if _URL_BAD.search(text):
        raise Invalid(f"got {_show(text)}; a URL cannot contain whitespace")
    check_chars(text)
    head, colon, _ = text.partition(":")
    if colon and not any(c in head for c in "/?#") and not _SCHEME.fullmatch(head):
        raise Invalid(f"got {_show(text)}; {head!r} is not a URL scheme")
    if _BAD_PERCENT.search(text):
        raise Invalid(f"got {_show(text)}; '%' must start a two-hex-digit escape like %20")
    return text


def lexicon(attr: Attr) -> dict[str, str]:
    """Every accepted spelling of an enum or method attribute, mapped to its canonical value."""
    if attr.kind is Kind.METHOD:
        return dict(_METHODS)
    table = {v: v for v in attr.values}
    table.update(attr.aliases)
    return table


def coercer(attr: Attr) -> Callable[[object], object]:
    """The function that checks a value of ``attr`` and returns its canonical form."""
    kind = attr.kind
    if kind is Kind.URL:

        def url(value: object) -> object:
            text = check_url(_resolve_url(value))
            if len(text) > URL_MAX:
                raise TooLong(f"is {len(text)} characters long; the platform allows {URL_MAX}")
            return text

        return url
    if kind is Kind.METHOD:

        def method(value: object) -> object:
            found = _METHODS.get(value) if isinstance(value, str) else None
            if found is None:
                raise Invalid(f"got {_show(value)}; allowed: 'GET' or 'POST'")
            return found

        return method
    if kind is Kind.BOOL:

        def flag(value: object) -> object:
            if value is True or value is False:
                return value
            found = _BOOL_TEXT.get(value) if isinstance(value, str) else None
            if found is None:
                raise Invalid(f"got {_show(value)}; allowed: True or False ('true'/'false')")
            return found

        return flag
    if kind is Kind.INT:
        lo, hi = attr.minimum, attr.maximum
        allowed = frozenset(int(v) for v in attr.values)

        def integer(value: object) -> object:
            number = _as_int(value)
            if allowed and number not in allowed:
                listed = ", ".join(attr.values)
                raise Invalid(f"got {_show(value)}; allowed: {listed}")
            if (lo is not None and number < lo) or (hi is not None and number > hi):
                raise Invalid(f"got {_show(value)}; expected {_range_text(attr)}")
            return number

        return integer
    if kind is Kind.ENUM:
        table = lexicon(attr)

        def enum(value: object) -> object:
            found = table.get(value) if isinstance(value, str) else None
            if found is None:
                listed = ", ".join(repr(v) for v in attr.values)
                if len(attr.values) > 12:
                    listed = ", ".join(repr(v) for v in attr.values[:8]) + ", ..."
                raise Invalid(f"got {_show(value)}; allowed: {listed}")
            return found

        return enum
    if kind is Kind.BOOL_OR_INT:

        def flag_or_int(value: object) -> object:
            if value is True or value is False:
                return value
            if isinstance(value, str) and value in _BOOL_TEXT:
                return _BOOL_TEXT[value]
            try:
                number = _as_int(value)
            except Invalid:
                number = 0
            if number < 1:
                raise Invalid(f"got {_show(value)}; expected True, False or an integer >= 1")
            # "1" reads as a boolean: 1 and True are one value, rendered "true".
            return True if number == 1 else number

        return flag_or_int
    return _string_coercer(attr)


def _string_coercer(attr: Attr) -> Callable[[object], object]:
    kind = attr.kind

    def string(value: object) -> object:
        if not isinstance(value, str):
            raise Invalid(f"got {_show(value)}; expected a string")
        check_chars(value)
        if kind is Kind.KEY and value not in _KEY:
            raise Invalid(f"got {_show(value)}; allowed: one key of 0-9, '#' or '*'")
        if kind is Kind.DIGITS and not _DIGITS.fullmatch(value):
            raise Invalid(f"got {_show(value)}; allowed: keys 0-9, '#', '*' and 'w' (a pause)")
        if kind is Kind.PATTERNS and not _PATTERNS.fullmatch(value):
            raise Invalid(
                f"got {_show(value)}; allowed: comma-separated patterns of 0-9, '#' and '*'"
            )
        if attr.required and not value.strip():
            raise Invalid("is empty; a value is required")
        return value

    return string


def text_limit(spec: ElementSpec) -> int | None:
    """The most characters the text of ``spec`` may hold (:data:`URL_MAX` for a URL)."""
    return URL_MAX if spec.text is TextKind.URL else spec.text_max


def text_checker(spec: ElementSpec) -> Callable[[object], str | None]:
    """The function that checks the text content of ``spec`` and returns its canonical form.

    It raises :class:`Invalid`; the caller knows which code applies (``spec.text_code`` for a
    missing or unusable text, ``spec.format_code`` for a badly formatted one).
    """
    kind, required, limit = spec.text, spec.text_required, spec.text_max

    def check(value: object) -> str | None:
        if value is None:
            if required:
                raise Invalid("is missing; this element needs text")
            return None
        if not isinstance(value, str):
            raise Invalid(f"got {_show(value)}; expected text (a string)")
        check_chars(value)
        if kind is not TextKind.SPEECH:
            value = value.strip()
        if not value.strip():
            if required:
                raise Invalid("is empty; this element needs text")
            return None
        if limit is not None and len(value) > limit:
            raise Invalid(f"is {len(value)} characters long; at most {limit} are allowed")
        return value

    return check


class BadFormat(Invalid):
    """Text of the right type but in the wrong format (phone numbers, URLs)."""


def check_format(spec: ElementSpec, text: str) -> None:
    """Check the format of a canonical text (phone numbers, URLs); raise :class:`BadFormat`."""
    kind = spec.text
    if kind is TextKind.URL and _URL_BAD.search(text):
        raise BadFormat(f"got {_show(text)}; a URL cannot contain whitespace")
    if kind is TextKind.URL and len(text) > URL_MAX:
        raise TooLong(f"is {len(text)} characters long; the platform allows {URL_MAX}")
    if kind is TextKind.PHONE and not _PHONE.fullmatch(text):
        raise BadFormat(
            f"got {_show(text)}; expected a phone number (digits, optional leading '+', "
            "spaces, dashes, dots or brackets)"
        )
    if (
        kind is TextKind.TARGET
        and not text.startswith(("sip:", "sips:"))
        and not _PHONE.fullmatch(text)
    ):
        raise BadFormat(f"got {_show(text)}; expected a phone number or a 'sip:' URI")


def escape_text(text: str) -> str:
    """Escape text content: ``&``, ``<``, ``>`` and carriage returns (kept through parsing)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


_ATTR_SPECIAL = re.compile("[&<>\"'\t\n\r]")
_ATTR_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&apos;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}


def _attr_sub(match: re.Match[str]) -> str:
    return _ATTR_ESCAPES[match.group()]


def escape_attr(text: str) -> str:
    """Escape an attribute value for double quotes (whitespace kept through normalisation)."""
    if _ATTR_SPECIAL.search(text) is None:
        return text
    return _ATTR_SPECIAL.sub(_attr_sub, text)


def render_value(value: object) -> str:
    """The markup text of a canonical value (``true``/``false``, digits, escaped strings)."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    return escape_attr(str(value))


def describe_allowed(attr: Attr) -> str:
    """The values ``attr`` allows, in words (markdown), for docs and docstrings."""
    if attr.kind is Kind.ENUM:
        text = ", ".join(f"`{v}`" for v in attr.values[:12])
        if len(attr.values) > 12:
            text += f", ... ({len(attr.values)} values)"
        if attr.aliases:
            text += "; also " + ", ".join(f"`{a}`" for a in list(attr.aliases)[:6])
        return text
    if attr.kind is Kind.INT:
        if attr.values:
            return ", ".join(f"`{v}`" for v in attr.values)
        low, high = attr.minimum, attr.maximum
        if low is not None and high is not None:
            return f"integer {low}..{high}"
        if low is not None:
            return f"integer >= {low}"
        return "integer" if high is None else f"integer <= {high}"
    return {
        Kind.URL: f"URL (at most {URL_MAX} characters) or a handler",
        Kind.METHOD: "`GET`, `POST`",
        Kind.BOOL: "`true`, `false`",
        Kind.STRING: "text",
        Kind.KEY: "one of `0`-`9`, `#`, `*`",
        Kind.DIGITS: "`0`-`9`, `#`, `*`, `w`",
        Kind.PATTERNS: "comma-separated `0`-`9`, `#`, `*` patterns",
        Kind.BOOL_OR_INT: "`true`, `false` or integer >= 1",
    }[attr.kind]
