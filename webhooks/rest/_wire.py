"""The base model of every REST resource and the field types that absorb the wire's quirks.

The platform's JSON is loose: numbers and booleans often arrive as strings (``"55"``,
``"false"``), empty values as ``""``, times in RFC 2822 (``Thu, 16 Mar 2017 13:49:37 -0000``)
except for MMS, which uses ISO 8601 (``2017-10-16T08:15:08+0000``). The annotated types below
accept every form seen and give Python values; ``""`` and ``null`` become ``None``.

Each type validates a clean value (a non-blank string, a number, ``true``) inside pydantic-core
and calls its Python reader only for the values that need it (blanks, padded or unusual
spellings, times): a Python call per field would cost more than decoding the JSON itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, GetPydanticSchema
from pydantic_core import CoreSchema, core_schema

__all__ = ["Bool", "Int", "Model", "Money", "Text", "Timestamp", "UriMap", "parse_time"]

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
# The platform's own shape, "Thu, 16 Mar 2017 13:49:37 -0000", read by one regex; anything
# else goes to the general (and several times slower) email parser.
_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3}, )?(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}) "
    r"(\d\d):(\d\d):(\d\d) ([+-]\d{4})",
    re.ASCII,
)
_ZONES: dict[str, tzinfo] = {"+0000": UTC, "-0000": UTC}


def _zone(text: str) -> tzinfo:
    offset = timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))
    zone = timezone(-offset if text[0] == "-" else offset) if offset else UTC
    if len(_ZONES) < 256:
        _ZONES[text] = zone
    return zone


def _from_rfc2822(match: re.Match[str]) -> datetime:
    day, month, year, hour, minute, second, zone = match.groups()
    return datetime(
        int(year),
        _MONTHS[month],
        int(day),
        int(hour),
        int(minute),
        int(second),
        tzinfo=_ZONES.get(zone) or _zone(zone),
    )


def parse_time(value: Any) -> Any:
    """Read an RFC 2822 or ISO 8601 time as an aware UTC-based ``datetime``; ``""`` is ``None``.

    Args:
        value: The wire value (a string, a ``datetime`` or ``None``).

    Raises:
        ValueError: When a string is neither RFC 2822 nor ISO 8601.
    """
    if not isinstance(value, str):
        return value
    match = _RFC2822.fullmatch(value.strip())
    parsed: datetime
    try:
        if match is not None:
            return _from_rfc2822(match)
        text = value.strip()
        if not text or text == "null":
            return None
        # ISO 8601 starts with "YYYY-"; anything else is taken as RFC 2822.
        iso = text[4:5] == "-" and text[:4].isdigit()
        parsed = datetime.fromisoformat(text) if iso else parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"not an RFC 2822 or ISO 8601 time: {value!r}") from exc
    # "-0000" in RFC 2822 means "UTC, origin unknown" and parses as naive: all times are UTC.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


# str.strip's white space: Unicode White_Space (the regex engine's \s) plus \x1c-\x1f.
_SPACE = r"[\s\x1c-\x1f]"
_NOT_SPACE = r"[^\s\x1c-\x1f]"
# "" or "null", padded or not: read as None without a Python call.
_BLANK = core_schema.chain_schema(
    [
        core_schema.str_schema(pattern=rf"^{_SPACE}*(?:null)?{_SPACE}*$"),
        core_schema.with_default_schema(
            core_schema.none_schema(), default=None, on_error="default"
        ),
    ]
)
# Any other string (pydantic-core's regex engine has no look-ahead, hence the alternatives
# spelled out after an "n").
_FILLED = (
    rf"^{_SPACE}*(?:[^\s\x1c-\x1fn]|n(?:$|[^u]|u(?:$|[^l]|l(?:$|[^l]|l{_SPACE}*{_NOT_SPACE}))))"
)


def _lenient(clean: CoreSchema | None, read: Callable[[Any], Any], plain: CoreSchema) -> Any:
    """A nullable field type: ``clean`` values and blanks are validated natively; any other
    value goes through ``read`` (one Python call) and is then validated as the ``plain`` type.
    Without ``clean``, every value but ``null`` goes through ``read``.
    """
    schema: CoreSchema = core_schema.no_info_before_validator_function(
        read, core_schema.nullable_schema(plain)
    )
    if clean is not None:
        schema = core_schema.union_schema([clean, _BLANK, schema], mode="left_to_right")
    nullable = core_schema.nullable_schema(schema)
    return GetPydanticSchema(get_pydantic_core_schema=lambda _type, _handler: nullable)


_STR = core_schema.str_schema()
_INT = core_schema.int_schema()
_BOOL = core_schema.bool_schema()
_DECIMAL = core_schema.decimal_schema()

Bool = Annotated[bool | None, _lenient(_BOOL, _to_bool, _BOOL)]
"""A boolean that may arrive as ``true``/``"true"``/``"True"``/``"1"``; ``""`` is ``None``."""

Int = Annotated[int | None, _lenient(_INT, _to_int, _INT)]
"""An integer that may arrive as a string (``"55"``); ``""`` is ``None``."""

Money = Annotated[
    Decimal | None,
    _lenient(core_schema.chain_schema([_STR, _DECIMAL]), _to_decimal, _DECIMAL),
]
"""An amount (price, balance) arriving as a string such as ``"0.1872"``, kept exact."""

Timestamp = Annotated[
    datetime | None,
    _lenient(None, parse_time, core_schema.datetime_schema()),
]
"""A time in RFC 2822 or ISO 8601, read as an aware ``datetime`` in UTC."""

Text = Annotated[
    str | None, _lenient(core_schema.str_schema(pattern=_FILLED), _blank_to_none, _STR)
]
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
