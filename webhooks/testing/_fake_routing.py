"""Routing of the fake platform: the route type, the matcher, and the generic CRUD handlers.

Handlers are written once per shape (get one, list, create, update, delete) and parametrised by
the resource :class:`~._fake_records.Kind`; the endpoint table (``_fake_endpoints``) combines
them with the few handlers that need their own logic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ._fake_records import Kind, Record, Store, format_date, parse_date
from ._fake_render import ApiFailure, Body, Item, Page

if TYPE_CHECKING:
    from .fake_platform import FakePlatform

__all__ = [
    "Ctx",
    "Filter",
    "Handler",
    "Route",
    "Router",
    "coerce",
    "create",
    "delete",
    "get",
    "list_of",
    "paginate",
    "snake",
    "update",
]

DEFAULT_PAGE_SIZE = 50
_FIRST_CAP = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake(param: str) -> str:
    """The field a request parameter sets: ``VoiceCallerIdLookup`` -> ``voice_caller_id_lookup``."""
    return _FIRST_CAP.sub(r"_\1", param).replace(" ", "").lower()


def truthy(value: str) -> bool:
    """The platform's boolean spellings: ``true``, ``True``, ``1``."""
    return value.strip().lower() in {"true", "1", "yes"}


def coerce(template: Any, value: str) -> Any:
    """Convert a form value to the wire type of the field whose default is ``template``.

    Raises:
        ApiFailure: 400 / 10022 for a number that is not one.
    """
    if isinstance(template, bool):
        return truthy(value)
    if isinstance(template, int):
        try:
            return int(value)
        except ValueError:
            raise ApiFailure(400, 10022, f"{value!r} is not a whole number") from None
    if template in {"true", "false"}:
        return "true" if truthy(value) else "false"
    return value


@dataclass(slots=True)
class Ctx:
    """What a handler gets: the platform, the path arguments and the parameters."""

    fake: FakePlatform
    args: dict[str, str]
    params: dict[str, str]
    pairs: list[tuple[str, str]]
    fmt: str
    path: str

    @property
    def store(self) -> Store:
        """The records of the account."""
        return self.fake.store

    def all(self, name: str) -> list[str]:
        """Every value of a repeatable parameter, in order."""
        return [value for key, value in self.pairs if key == name]


Handler = Callable[[Ctx], Awaitable[Body]]


@dataclass(frozen=True, slots=True)
class Route:
    """One endpoint of the REST API.

    Attributes:
        method: ``GET``, ``POST`` or ``DELETE``.
        pattern: The path below ``/Accounts/{AccountSid}``, e.g. ``/Calls/{CallSid}``.
        name: A stable name (``calls.get``).
        handler: The coroutine answering it.
        params: The parameters it accepts (``strict_params`` rejects others).
        required: Required parameters and the error code of each when missing.
    """

    method: str
    pattern: str
    name: str
    handler: Handler = field(repr=False, compare=False)
    params: frozenset[str] = frozenset()
    required: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class _Node:
    literals: dict[str, _Node] = field(default_factory=dict)
    param: tuple[str, _Node] | None = None
    methods: dict[str, Route] = field(default_factory=dict)


class Router:
    """Matches request paths to routes, segment by segment; literals win over parameters.

    Literal segments match regardless of case (the platform's own documentation spells
    ``/Numbers/Byoc`` and ``/Numbers/BYOC`` for the same resource).
    """

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = tuple(routes)
        self._root = _Node()
        for route in routes:
            node = self._root
            for segment in route.pattern.strip("/").split("/") if route.pattern else []:
                if segment.startswith("{"):
                    if node.param is None:
                        node.param = (segment[1:-1], _Node())
                    node = node.param[1]
                else:
                    node = node.literals.setdefault(segment.lower(), _Node())
            if route.method in node.methods:
                raise ValueError(f"duplicate route {route.method} {route.pattern}")
            node.methods[route.method] = route

    def _walk(
        self, node: _Node, segments: Sequence[str], args: dict[str, str]
    ) -> Iterator[tuple[_Node, dict[str, str]]]:
        if not segments:
            if node.methods:
                yield node, args
            return
        head, rest = segments[0], segments[1:]
        child = node.literals.get(head.lower())
        if child is not None:
            yield from self._walk(child, rest, args)
        if node.param is not None and head:
            yield from self._walk(node.param[1], rest, {**args, node.param[0]: head})

    def match(self, method: str, segments: Sequence[str]) -> tuple[Route, dict[str, str]]:
        """The route and path arguments of a request.

        Raises:
            ApiFailure: 404 / 21501 for an unknown path, 405 for a known path with another
                method (60001 when only POST is allowed, 60002 for POST and DELETE, 60000
                when only GET is, 20004 otherwise).
        """
        allowed: set[str] = set()
        for node, args in self._walk(self._root, segments, {}):
            route = node.methods.get(method)
            if route is not None:
                return route, args
            allowed.update(node.methods)
        if not allowed:
            raise ApiFailure(404, 21501, "The requested resource was not found")
        code = {
            frozenset({"POST"}): 60001,
            frozenset({"POST", "DELETE"}): 60002,
            frozenset({"GET"}): 60000,
        }.get(frozenset(allowed), 20004)
        raise ApiFailure(405, code)


# --- lists ------------------------------------------------------------------------------

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


# --- generic handlers ----------------------------------------------------------------------


def sid_arg(ctx: Ctx, position: int = -1) -> str:
    """The path argument at ``position`` (the last one is the item's SID).

    The account's own path has no argument: its SID is the account's.
    """
    values = list(ctx.args.values())
    return values[position] if values else ctx.store.account_sid


def find(ctx: Ctx, kind: Kind, sid: str, parent: str | None = None) -> Record:
    """The record, or a 404 with the kind's code.

    Raises:
        ApiFailure: 404 when there is no such record (or it belongs to another parent).
    """
    record = ctx.store.get(kind, sid)
    if record is None or (parent is not None and record.parent != parent):
        raise ApiFailure(404, kind.not_found, f"{kind.element} {sid} could not be found")
    return record


def owner_of(ctx: Ctx, owner: Kind | None) -> str | None:
    """The owning record's SID (the path argument before the last), checked to exist."""
    if owner is None:
        return None
    parent = sid_arg(ctx, -2) if len(ctx.args) > 1 else sid_arg(ctx)
    find(ctx, owner, parent)
    return parent


def apply(ctx: Ctx, record: Record, settable: Sequence[str], now: datetime) -> None:
    """Set the fields named by the given parameters, where present, and touch the record."""
    data = record.data
    for param in settable:
        if param in ctx.params:
            name = record.kind.aliases.get(param) or snake(param)
            data[name] = coerce(record.kind.template.get(name, ""), ctx.params[param])
    if "date_updated" in data:
        data["date_updated"] = format_date(now, iso=record.kind.iso_dates)


def get(kind: Kind, owner: Kind | None = None) -> Handler:
    """GET one item."""

    async def handler(ctx: Ctx) -> Body:
        parent = owner_of(ctx, owner) if owner else None
        return Item(kind.element, find(ctx, kind, sid_arg(ctx), parent).data)

    return handler


def list_of(
    kind: Kind,
    filters: Mapping[str, Filter] | None = None,
    owner: Kind | None = None,
    owner_field: str | None = None,
    where: Callable[[Record], bool] | None = None,
) -> Handler:
    """GET a page of a list, newest first.

    Args:
        kind: The listed resource.
        filters: The filter parameters the route supports.
        owner: The resource named by the last path argument, checked to exist.
        owner_field: The field linking items to the owner (default: the record's parent).
        where: An extra predicate on records.
    """

    async def handler(ctx: Ctx) -> Body:
        parent = owner_of(ctx, owner)
        records = ctx.store.all(kind)
        if parent is not None:
            if owner_field is None:
                records = [r for r in records if r.parent == parent]
            else:
                records = [r for r in records if r.data.get(owner_field) == parent]
        if where is not None:
            records = [r for r in records if where(r)]
        items = [r.data for r in reversed(records)]
        return paginate(ctx, kind.element, kind.list_key, items, filters)

    return handler


def create(
    kind: Kind,
    settable: Sequence[str] = (),
    owner: Kind | None = None,
    fields: Callable[[Ctx], Mapping[str, Any]] | None = None,
) -> Handler:
    """POST a new item: template defaults, then ``fields(ctx)``, then the settable parameters."""

    async def handler(ctx: Ctx) -> Body:
        parent = owner_of(ctx, owner)
        now = ctx.fake.now()
        record = ctx.store.add(kind, fields(ctx) if fields else None, parent=parent, now=now)
        apply(ctx, record, settable, now)
        return Item(kind.element, record.data)

    return handler


def update(kind: Kind, settable: Sequence[str], owner: Kind | None = None) -> Handler:
    """POST changes to an item."""

    async def handler(ctx: Ctx) -> Body:
        parent = owner_of(ctx, owner) if owner else None
        record = find(ctx, kind, sid_arg(ctx), parent)
        apply(ctx, record, settable, ctx.fake.now())
        return Item(kind.element, record.data)

    return handler


def delete(kind: Kind, owner: Kind | None = None) -> Handler:
    """DELETE an item (and anything nested under it); answers with the deleted item."""

    async def handler(ctx: Ctx) -> Body:
        parent = owner_of(ctx, owner) if owner else None
        record = find(ctx, kind, sid_arg(ctx), parent)
        ctx.store.remove(record)
        return Item(kind.element, record.data)

    return handler
