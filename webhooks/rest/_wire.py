"""The base model of every REST resource and the field types that absorb the wire's quirks.

The platform's JSON is loose: numbers and booleans often arrive as strings (``"55"``,
``"false"``), empty values as ``""``, times in RFC 2822 (``Thu, 16 Mar 2017 13:49:37 -0000``)
except for MMS, which uses ISO 8601 (``2017-10-16T08:15:08+0000``). The annotated types below
accept every form seen and give Python values; ``""`` and ``null`` become ``None``.
"""

from __future__ import annotations

from datetime import UTC, datetime
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
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError) as exc:
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
