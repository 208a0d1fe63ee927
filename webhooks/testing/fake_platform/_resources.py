"""Routes declared once per resource kind, for the fake platform's route table.

An :class:`At` names a resource kind's routes and paths (``At("calls", CALL, "/Calls",
"CallSid")``); its methods make the routes that only read, list, create, update or delete, using
the generic handlers of ``_crud``, and place the routes whose handlers have behaviour of
their own (``_calls``, ``_sip``, ``_endpoints``) on the same paths. The table
itself is in ``_routes``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._crud import create, delete, get, list_of, update
from ._paging import Filter, accepted
from ._records import Kind
from ._routing import Ctx, Handler, Route

__all__ = ["At", "list_route", "route"]


def route(
    method: str,
    pattern: str,
    name: str,
    handler: Handler,
    params: Sequence[str] = (),
    required: Mapping[str, int] | None = None,
) -> Route:
    """A route accepting ``params`` and ``required`` (with the error code of each missing one)."""
    required = required or {}
    return Route(
        method, pattern, name, handler, frozenset(params) | set(required), tuple(required.items())
    )


def list_route(
    pattern: str,
    name: str,
    kind: Kind,
    filters: Mapping[str, Filter] | None = None,
    dates: Sequence[str] = (),
    **options: Any,
) -> Route:
    """A list route: ``list_of(kind, filters, **options)``; ``dates`` take operators."""
    handler = list_of(kind, filters, **options)
    return Route("GET", pattern, name, handler, accepted(filters or {}, dates))


@dataclass(frozen=True, slots=True)
class At:
    """One resource kind's place in the API, and the generic routes made from it.

    Attributes:
        name: The route names' prefix (``calls``).
        kind: The resource kind.
        items: The list's path (``/Calls``).
        sid: The path argument naming one item (``CallSid``); ``""`` when the list's path is
            the item's (the account).
        owner: The kind the items live under, checked to exist (participants: conferences).
    """

    name: str
    kind: Kind
    items: str
    sid: str = ""
    owner: Kind | None = None

    @property
    def item(self) -> str:
        """The item's path (``/Calls/{CallSid}``)."""
        return f"{self.items}/{{{self.sid}}}" if self.sid else self.items

    def get(self) -> Route:
        """``GET`` one item."""
        return route("GET", self.item, f"{self.name}.get", get(self.kind, self.owner))

    def listing(
        self,
        filters: Mapping[str, Filter] | None = None,
        dates: Sequence[str] = (),
        **options: Any,
    ) -> Route:
        """``GET`` the list, filtered by ``filters`` (``dates`` take operators)."""
        name = f"{self.name}.list"
        return list_route(self.items, name, self.kind, filters, dates, owner=self.owner, **options)

    def create(
        self,
        settable: Sequence[str] = (),
        params: Sequence[str] = (),
        required: Mapping[str, int] | None = None,
        *,
        fields: Callable[[Ctx], Mapping[str, Any]] | None = None,
        label: str = "create",
        path: str | None = None,
    ) -> Route:
        """``POST`` a new item; it accepts ``settable``, ``params`` and ``required``."""
        handler = create(self.kind, settable, owner=self.owner, fields=fields)
        name = f"{self.name}.{label}"
        return route("POST", path or self.items, name, handler, (*settable, *params), required)

    def update(
        self,
        settable: Sequence[str],
        params: Sequence[str] = (),
        required: Mapping[str, int] | None = None,
        *,
        label: str = "update",
        path: str | None = None,
    ) -> Route:
        """``POST`` changes to an item; it accepts ``settable``, ``params`` and ``required``."""
        handler = update(self.kind, settable, self.owner)
        name = f"{self.name}.{label}"
        return route("POST", path or self.item, name, handler, (*settable, *params), required)

    def delete(self, label: str = "delete") -> Route:
        """``DELETE`` an item."""
        return route("DELETE", self.item, f"{self.name}.{label}", delete(self.kind, self.owner))

    def route(
        self,
        label: str,
        handler: Handler,
        params: Sequence[str] = (),
        required: Mapping[str, int] | None = None,
        *,
        method: str = "POST",
        below: str | None = None,
    ) -> Route:
        """A route with a handler of its own: on the list, or ``below`` the item (``""``: on
        the item itself)."""
        path = self.items if below is None else self.item + below
        return route(method, path, f"{self.name}.{label}", handler, params, required)

    def nested(self, below: str, label: str, kind: Kind, link: str) -> Route:
        """``GET`` the list ``below`` an item of the ``kind`` records whose ``link`` field
        holds the item's SID (a call's recordings)."""
        path, name = self.item + below, f"{self.name}.{label}"
        return list_route(path, name, kind, owner=self.kind, owner_field=link)

    def named(self) -> tuple[Route, ...]:
        """Every route of a list that has nothing but a required name (SIP lists)."""
        name, required = ("FriendlyName",), {"FriendlyName": 20002}
        return (
            self.get(),
            self.listing(),
            self.create(name, required=required),
            self.update(name, required=required),
            self.delete(),
        )
