"""From typed Python keyword arguments to the platform's request parameters.

One rule plus a few explicit aliases:

- ``status_callback`` -> ``StatusCallback``: each ``_``-separated word capitalised and joined;
  a trailing ``_`` (``from_``) is dropped.
- A name ending in ``_after`` or ``_before`` is a date-range filter: ``start_time_after`` ->
  ``StartTime>`` and ``date_sent_before`` -> ``DateSent<``; url-encoded with its value this is
  ``StartTime%3E=2017-01-01``, i.e. ``StartTime>=2017-01-01`` as the platform expects. Both ends
  are inclusive; the plain name (``start_time``) means "on that date".
- :data:`ALIASES` spells the names the rule cannot produce (the Dialogflow agent fields).

Values: ``None`` is left out, booleans become ``true``/``false``, dates ``YYYY-MM-DD``, enums
their value, and a list or tuple repeats the key (``AudioUrl``, ``PhoneNumber``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from .errors import UsageError

__all__ = ["ALIASES", "Params", "encode", "form", "segment", "wire_name"]

Params = tuple[tuple[str, str], ...]
"""Encoded request parameters: ``(name, value)`` pairs, keys may repeat."""

ALIASES: Mapping[str, str] = {
    # ``timeout=`` is every call's client-side timeout; Make Call's ring time is ``Timeout``.
    "ring_timeout": "Timeout",
}
"""Explicit parameter names for the keywords the capitalisation rule cannot produce.

Endpoints with their own spelling (the Dialogflow agent profile) pass extra aliases to
:func:`encode`.
"""

_cache: dict[str, str] = {}


def wire_name(name: str) -> str:
    """Return the platform's parameter name for a Python keyword.

    Args:
        name: The keyword, e.g. ``status_callback``, ``from_`` or ``start_time_after``.

    Returns:
        ``StatusCallback``, ``From``, ``StartTime>``.
    """
    cached = _cache.get(name)
    if cached is not None:
        return cached
    alias = ALIASES.get(name)
    if alias is None:
        stem, operator = name.rstrip("_"), ""
        for suffix, op in (("_after", ">"), ("_before", "<")):
            if stem.endswith(suffix):
                stem, operator = stem[: -len(suffix)], op
        alias = "".join(word[:1].upper() + word[1:] for word in stem.split("_")) + operator
    _cache[name] = alias
    return alias


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _value(value.value)
    if isinstance(value, datetime):
        value = value.astimezone(UTC).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | int | float | Decimal):
        return str(value)
    raise UsageError(f"cannot send a {type(value).__name__} as a request parameter: {value!r}")


def encode(values: Mapping[str, Any], *, aliases: Mapping[str, str] | None = None) -> Params:
    """Encode parameters, each named explicitly by the endpoint, as request parameters.

    Args:
        values: Python names to values; ``None`` values are left out.
        aliases: Names of this endpoint that the rule does not spell (checked first).

    Raises:
        UsageError: For a value that has no wire form (e.g. a dict).
    """
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        if value is None:
            continue
        key = aliases[name] if aliases and name in aliases else wire_name(name)
        if isinstance(value, list | tuple):
            pairs.extend((key, _value(item)) for item in value)
        else:
            pairs.append((key, _value(value)))
    return tuple(pairs)


def segment(value: str, what: str) -> str:
    """Quote one path segment (a SID, a country code), refusing an empty one.

    Args:
        value: The segment as given by the caller.
        what: Its name, for the error message (``call_sid``).

    Raises:
        UsageError: When the value is empty or not a string.
    """
    if isinstance(value, str) and value.isalnum() and value.isascii():
        return value  # a SID or a country code: nothing to quote
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{what} must be a non-empty string, got {value!r}")
    return quote(value, safe="")


def form(**fields: object) -> Params:
    """Encode the parameters an endpoint names, one keyword each: ``form(to=to, from_=from_)``.

    Args:
        **fields: Python names to values (``None`` is left out), spelled by :func:`wire_name`.

    Raises:
        UsageError: For a value that has no wire form (e.g. a dict).
    """
    return encode(fields)
