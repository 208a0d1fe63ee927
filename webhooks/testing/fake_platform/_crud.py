"""The generic handlers of the fake platform, written once per shape and used for any kind.

:func:`get`, :func:`list_of`, :func:`create`, :func:`update` and :func:`delete` make the
handler of one shape for a resource :class:`~._records.Kind` (and its owner, for nested
kinds); :func:`find`, :func:`apply` and :func:`sid_arg` are what the handlers with behaviour of
their own build on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from ._paging import Filter, paginate
from ._records import FakeRecord, Kind, format_date
from ._render import ApiFailure, Body, Item
from ._routing import Ctx, Handler, coerce, snake

__all__ = [
    "apply",
    "create",
    "delete",
    "find",
    "get",
    "list_of",
    "owner_of",
    "sid_arg",
    "update",
]


def sid_arg(ctx: Ctx, position: int = -1) -> str:
    """The path argument at ``position`` (the last one is the item's SID).

    The account's own path has no argument: its SID is the account's.
    """
    values = list(ctx.args.values())
    return values[position] if values else ctx.store.account_sid


def find(ctx: Ctx, kind: Kind, sid: str, parent: str | None = None) -> FakeRecord:
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


def apply(ctx: Ctx, record: FakeRecord, settable: Sequence[str], now: datetime) -> None:
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
    where: Callable[[FakeRecord], bool] | None = None,
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
