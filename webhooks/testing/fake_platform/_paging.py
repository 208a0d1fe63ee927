"""Lists of the fake platform: filters on their parameters, and pages with the platform's
paging fields (``page``, ``num_pages``, ``first_page_uri``...)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date
from typing import Any
from urllib.parse import quote

from ._limits import check_page_size
from ._records import parse_date
from ._render import ApiFailure, Page
from ._routing import Ctx, truthy

__all__ = [
    "DATE_OPERATORS",
    "DEFAULT_PAGE_SIZE",
    "Filter",
    "accepted",
    "contains",
    "eq",
    "flag",
    "number",
    "on_date",
    "paginate",
]

DEFAULT_PAGE_SIZE = 50

Filter = Callable[[Mapping[str, Any], str, str], bool]
"""``(item, operator, value) -> keep``; the operator is ``""``, ``">="`` or ``"<="``."""


def eq(field_name: str) -> Filter:
    """Keep items whose field equals the value (case-insensitively)."""
    return lambda item, _op, value: str(item.get(field_name) or "").lower() == value.lower()


def contains(field_name: str) -> Filter:
    """Keep items whose field contains the value."""
    return lambda item, _op, value: value in str(item.get(field_name) or "")


def number(field_name: str) -> Filter:
    """Keep items whose numeric field equals the value (``"03"`` equals ``3``)."""

    def keep(item: Mapping[str, Any], _op: str, value: str) -> bool:
        try:
            return int(item.get(field_name) or 0) == int(value)
        except ValueError:
            raise ApiFailure(400, 10022, f"{value!r} is not a whole number") from None

    return keep


def flag(field_name: str) -> Filter:
    """Keep items whose boolean field (``"true"``/``"false"``) matches the value."""
    return lambda item, _op, value: truthy(str(item.get(field_name))) == truthy(value)


def on_date(field_name: str) -> Filter:
    """Filter on a date field: ``Name=YYYY-MM-DD`` (that day), ``Name>=…``, ``Name<=…``.

    Raises:
        ApiFailure: 400 / 32005 for a value that is not a date.
    """

    def keep(item: Mapping[str, Any], op: str, value: str) -> bool:
        try:
            wanted = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ApiFailure(400, 32005) from None
        moment = parse_date(item.get(field_name))
        if moment is None:
            return False
        day = moment.astimezone(UTC).date()
        if op == ">=":
            return day >= wanted
        if op == "<=":
            return day <= wanted
        return day == wanted

    return keep


DATE_OPERATORS = ("", ">", "<", ">=", "<=")


def accepted(filters: Mapping[str, Filter], dates: Sequence[str] = ()) -> frozenset[str]:
    """The parameter names of a list route: paging, filters, and operator forms of dates."""
    names = {"Page", "PageSize", *filters}
    names.update(name + op for name in dates for op in DATE_OPERATORS)
    return frozenset(names)


def _split_operator(key: str) -> tuple[str, str]:
    name = key.rstrip("<>=")
    op = key[len(name) :]
    return name, {">": ">=", "<": "<=", "": ""}.get(op, op)


def _int_param(ctx: Ctx, name: str, default: int, minimum: int) -> int:
    raw = ctx.params.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiFailure(400, 10022, f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ApiFailure(400, 10022, f"{name} must be at least {minimum}, got {value}")
    return value


def paginate(
    ctx: Ctx,
    element: str,
    list_key: str,
    items: Sequence[Mapping[str, Any]],
    filters: Mapping[str, Filter] | None = None,
) -> Page:
    """Filter ``items`` by the request's filter parameters and cut out the requested page.

    Page URIs keep the filters, then ``Page`` and ``PageSize``; with ``amp_in_page_uris``
    they are joined by a literal ``&amp;`` in JSON and CSV, as some platform responses do.
    """
    kept: list[tuple[str, str]] = []
    if filters:
        for key, value in ctx.pairs:
            name, op = _split_operator(key)
            keep = filters.get(name)
            if keep is None:
                continue
            items = [item for item in items if keep(item, op, value)]
            kept.append((key, value))
    page = _int_param(ctx, "Page", 0, 0)
    size = _int_param(ctx, "PageSize", DEFAULT_PAGE_SIZE, 1)
    check_page_size(size)
    total = len(items)
    num_pages = math.ceil(total / size)
    start = page * size
    chunk = list(items[start : start + size])
    # The quirk is in JSON; XML escapes a plain "&" in its attributes anyway.
    sep = "&amp;" if ctx.fake.amp_in_page_uris and ctx.fmt != "xml" else "&"
    base = ctx.path

    def uri(number: int) -> str:
        """The URI of page ``number``."""
        query = [*kept, ("Page", str(number)), ("PageSize", str(size))]
        return base + "?" + sep.join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)

    last = max(num_pages - 1, 0)
    paging = {
        "page": page,
        "num_pages": num_pages,
        "page_size": size,
        "total": total,
        "start": start,
        "end": start + len(chunk) - 1 if chunk else start,
        "uri": uri(page),
        "first_page_uri": uri(0),
        "previous_page_uri": uri(page - 1) if page > 0 else "",
        "next_page_uri": uri(page + 1) if page < last else "",
        "last_page_uri": uri(last),
    }
    return Page(element, list_key, chunk, paging)
