"""Routing of the fake platform: what a handler gets, the route type and the matcher.

A request reaches its handler as a :class:`Ctx`: the platform as handlers see it (a
:class:`Platform`), the path arguments and the parameters; :func:`snake`, :func:`truthy` and
:func:`coerce` read parameters as the platform does. The handlers are in ``_crud`` (one per
shape, for any kind), ``_calls``, ``_sip`` and ``_endpoints``; lists are paged by ``_paging``.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ._hooks import CallCreatedHook, CallUpdatedHook
from ._records import CallRecord, Store
from ._render import ApiFailure, Body

__all__ = ["Ctx", "Handler", "Platform", "Route", "Router", "coerce", "snake", "truthy"]

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


class Platform(Protocol):
    """What the handlers use of the platform (:class:`~._platform.FakePlatform` is the one):
    its records, clock and options, the media and caller names tests gave it, its call hooks,
    and moving a call to a new status."""

    @property
    def store(self) -> Store:
        """The records of the account."""

    @property
    def amp_in_page_uris(self) -> bool:
        """Whether page URIs join their parameters with ``&amp;``."""

    @property
    def media(self) -> Mapping[str, tuple[int, str]]:
        """The known MMS media by URL: ``(size in bytes, content type)``."""

    @property
    def cnam_names(self) -> Mapping[str, str]:
        """Caller names of CNAM lookups, by phone number."""

    @property
    def on_call_created(self) -> CallCreatedHook | None:
        """Run with each call made by ``POST /Calls``."""

    @property
    def on_call_updated(self) -> CallUpdatedHook | None:
        """Run after each live-call request was applied to the call."""

    def now(self) -> datetime:
        """The current time (aware, UTC)."""

    def set_call_status(self, sid: str, status: str) -> CallRecord:
        """Move a call to a new status, as the platform would while running it."""


@dataclass(slots=True)
class Ctx:
    """What a handler gets: the platform, the path arguments and the parameters."""

    fake: Platform
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
