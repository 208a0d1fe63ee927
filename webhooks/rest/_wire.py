"""The base model of every REST resource and the field types that absorb the wire's quirks.

The platform's JSON is loose: numbers and booleans often arrive as strings (``"55"``,
``"false"``), empty values as ``""``, times in RFC 2822 (``Thu, 16 Mar 2017 13:49:37 -0000``)
except for MMS, which uses ISO 8601 (``2017-10-16T08:15:08+0000``). The annotated types below
accept every form seen and give Python values; ``""`` and ``null`` become ``None``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

__all__ = ["Bool", "Int", "Model", "Money", "Text", "Timestamp", "UriMap"]

_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def _blank_to_none(value: Any) -> Any:
    if value is None or (isinstance(value, str) and value.strip() in {"", "null"}):
        return None
    return value


def _to_bool(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    return value


def _to_int(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, str):
        return int(value.strip())
    return value


def _to_decimal(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, float | int | str) and not isinstance(value, bool):
        try:
            return Decimal(str(value).strip())
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal amount: {value!r}") from exc
    return value


_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def _rfc2822(text: str) -> datetime:
    # The platform's own shape, "Thu, 16 Mar 2017 13:49:37 -0000", read without the general
    # (and several times slower) email parser; anything else goes to the email parser.
    parts = text.split()
    if len(parts) == 6 and parts[2] in _MONTHS and len(parts[5]) == 5:
        hour, minute, second = parts[4].split(":")
        zone = parts[5]
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
        tz = UTC if not offset else timezone(-offset if zone[0] == "-" else offset)
        return datetime(
            int(parts[3]),
            _MONTHS[parts[2]],
            int(parts[1]),
            int(hour),
            int(minute),
            int(second),
            tzinfo=tz,
        )
    return parsedate_to_datetime(text)


def parse_time(value: Any) -> Any:
    """Read an RFC 2822 or ISO 8601 time as an aware UTC-based ``datetime``; ``""`` is ``None``.

    Args:
        value: The wire value (a string, a ``datetime`` or ``None``).

    Raises:
        ValueError: When a string is neither RFC 2822 nor ISO 8601.
    """
    value = _blank_to_none(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    parsed: datetime
    try:
        # ISO 8601 starts with "YYYY-"; anything else is taken as RFC 2822.
        iso = text[4:5] == "-" and text[:4].isdigit()
        parsed = datetime.fromisoformat(text) if iso else _rfc2822(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"not an RFC 2822 or ISO 8601 time: {value!r}") from exc
    # "-0000" in RFC 2822 means "UTC, origin unknown" and parses as naive: all times are UTC.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


Bool = Annotated[bool | None, BeforeValidator(_to_bool)]
"""A boolean that may arrive as ``true``/``"true"``/``"True"``/``"1"``; ``""`` is ``None``."""

Int = Annotated[int | None, BeforeValidator(_to_int)]
"""An integer that may arrive as a string (``"55"``); ``""`` is ``None``."""

Money = Annotated[Decimal | None, BeforeValidator(_to_decimal)]
"""An amount (price, balance) arriving as a string such as ``"0.1872"``, kept exact."""

Timestamp = Annotated[datetime | None, BeforeValidator(parse_time)]
"""A time in RFC 2822 or ISO 8601, read as an aware ``datetime`` in UTC."""

Text = Annotated[str | None, BeforeValidator(_blank_to_none)]
"""A string where ``""`` and ``"null"`` mean "absent"."""

UriMap = dict[str, str]
"""The ``subresource_uris`` mapping: subresource name to its URI."""


class Model(BaseModel):
    """Base of every REST resource: frozen, and keeping the fields the client does not know.

    Fields are the snake_case keys of the platform's JSON. Keys this version does not model are
    kept and readable as attributes or through ``model_extra``; field names that are Python
    keywords take a trailing underscore (``from_`` reads the ``from`` key).
    """

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)
