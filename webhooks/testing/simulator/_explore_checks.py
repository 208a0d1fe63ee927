"""What the explorer says about each request: node labels and the problems it shows.

A request's problems: the app's handler failed on it (``failing``, with the route and the inputs
that led there), no route serves its URL (``no-route``, naming the document and the attribute
that referenced it), the route that served it is of the wrong kind (``wrong-kind``: a Redirect
to a ``@app.gather`` route, a Gather ``action`` pointing at a ``@app.voice`` route), or its
document could not be read (``failing``, with the platform's error codes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inboundxml import Response

from ._model import SimNotification, SimRequest
from ._text import short_url

__all__ = [
    "DOCUMENT_KINDS",
    "RouteTable",
    "digest",
    "failure",
    "is_document",
    "label",
    "request_problems",
]

DOCUMENT_KINDS = frozenset(
    {"voice", "fallback", "gather", "record", "dial", "redirect", "sms-action", "refer", "agent"}
)
"""Kinds of the requests whose answer the call runs (the nodes of the flow)."""

ENTRY_KINDS = frozenset({"voice", "fallback"})
"""Route kinds a number's configuration requests (Voice URL, Fallback URL): entry points."""

_EXPECTED = {
    "voice": ("voice", "fallback"),
    "redirect": ("voice", "fallback"),
    "interrupt": ("voice", "fallback"),
    "fallback": ("voice", "fallback"),
    "gather": ("gather", "get_speech"),
    "record": ("record",),
    "dial": ("dial",),
    "refer": ("refer",),
    "agent": ("agent",),
    "sms-action": ("sms_action",),
}
"""The route kinds that can serve each kind of document request."""

_ATTRIBUTE = {"redirect": "URL", "voice": "Voice URL", "fallback": "fallback URL"}
"""Which attribute of the referring element holds the URL (``action`` when not listed)."""


@dataclass(frozen=True, slots=True)
class RouteTable:
    """The routes of a ``webhooks.App`` by path (empty for another ASGI app)."""

    routes: dict[str, Any]

    @classmethod
    def of(cls, app: Any) -> RouteTable:
        """The table of ``app`` (its ``iter_routes()``), or an empty one."""
        iter_routes = getattr(app, "iter_routes", None)
        return cls({r.path: r for r in iter_routes()} if iter_routes is not None else {})

    def kind(self, path: str) -> str | None:
        """The kind (``voice``, ``gather``...) of the route at ``path``, if any."""
        route = self.routes.get(path)
        return None if route is None else str(route.kind.name)

    def name(self, path: str) -> str:
        """``path`` and the handler's name (``/menu (menu)``), or just ``path``."""
        route = self.routes.get(path)
        return path if route is None else f"{path} ({str(route.name).rsplit('.', 1)[-1]})"


def is_document(req: SimRequest) -> bool:
    """Whether the call runs the answer of ``req`` (a node of the flow)."""
    return req.kind in DOCUMENT_KINDS


def digest(body: bytes) -> str:
    """The SHA-1 of an answer: with its path, what tells two documents apart."""
    return hashlib.sha1(body, usedforsecurity=False).hexdigest()


def label(path: str, doc: Response | None) -> str:
    """A node's label: the path, the first words spoken, and whom its Dials call."""
    if doc is None:
        return path
    said = next((el.text or "" for _, el in doc.walk() if el.tag == "Say"), "")
    text = f"{path}: {_shorten(said)}" if said else path
    targets = [
        str(el.text or el.attrs.get("name") or el.tag).strip()
        for _, dial in doc.walk()
        if dial.tag == "Dial"
        for el in dial.children
    ]
    return f"{text} -> dial {', '.join(targets)}" if targets else text


def failure(
    req: SimRequest, notes: Sequence[SimNotification]
) -> tuple[SimNotification, ...] | None:
    """Why a document request failed (its error notifications; all of them when the document
    could not be read), or None when its document ran.

    A document fails when it could not be read, or when one of its verbs refused to run (a
    13xxx/14xxx code recorded as an error when that verb was reached).
    """
    errors = tuple(n for n in notes if n.level == "error")
    if req.document is not None and not errors:
        return None
    return errors or tuple(notes)


def request_problems(
    req: SimRequest,
    referrer: str,
    inputs: Sequence[str],
    notes: Sequence[SimNotification],
    routes: RouteTable,
    origin: str,
) -> list[tuple[str, str, tuple[int, ...]]]:
    """The problems of one document request, as ``(kind, message, codes)``.

    Args:
        req: The request.
        referrer: The path of the document whose element requested it (``""`` for the first).
        inputs: The inputs of the call up to this request (``press 1``, ``timeout``...).
        notes: The call's notifications about the request's URL.
        routes: The app's routes.
        origin: The simulated app's origin (shown as paths).
    """
    path = short_url(req.url, origin).split("?")[0]
    via = ", ".join(inputs) or "the call's first request"
    found: list[tuple[str, str, tuple[int, ...]]] = []
    if req.status == 404:
        tag = req.origin.rsplit("/", 1)[-1].split("[")[0] if req.origin else ""
        attribute = _ATTRIBUTE.get(req.kind, "action")
        where = f"the {tag} {attribute} at {req.origin} of {referrer}" if tag else "the call"
        found.append(
            ("no-route", f"{path}: no route serves it (HTTP 404); requested by {where}", ())
        )
        return found
    if req.app_error is not None:
        error = req.app_error
        found.append(
            (
                "failing",
                f"{routes.name(path)} failed: {type(error).__name__}: {error} (after {via})",
                (),
            )
        )
    elif (why_failed := failure(req, notes)) is not None:
        codes = tuple(n.code for n in why_failed)
        why = "; ".join(f"{n.code} {n.message}" for n in why_failed) or "no document"
        found.append(("failing", f"{path} failed: {why}", codes))
    served_by = routes.kind(path)
    expected = _EXPECTED.get(req.kind)
    if served_by is not None and expected is not None and served_by not in expected:
        what = f"{req.origin} of {referrer}" if req.origin and referrer else "the call"
        found.append(
            (
                "wrong-kind",
                f"{routes.name(path)} is a {served_by} route, but {what} requests it as a "
                f"{req.kind} document (expected a {' or '.join(expected)} route)",
                (),
            )
        )
    return found


def _shorten(text: str, limit: int = 40) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with ``...``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 3].rsplit(" ", 1)[0] if " " in text[: limit - 3] else text[: limit - 3]
    return cut.rstrip(" ,.;:") + "..."
