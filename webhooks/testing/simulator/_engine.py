"""The execution engine of one simulated call: fetching documents, running verbs, ending.

The engine is a state machine. :meth:`Engine.run` performs the current document's elements in
order until the call ends or an element waits for the test (a Gather waiting for keys, a
foreground Record, an endless loop, a conference room, a bridged Dial); the test's input then
resumes it. Verb semantics (``spec/inboundxml.md`` §2.1) live in :mod:`._verbs`,
:mod:`._dial` and :mod:`._conference`.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

from inboundxml import Element, InboundXMLError, Problem, Response
from webhooks.events import CallStatus

from ._context import Context, Pending
from ._markup import Reading, attr, read_document
from ._model import (
    HungUp,
    SimNotification,
    SimRequest,
    SimulationError,
    Spoke,
    Step,
    new_sid,
)
from ._text import short_url, with_transcript

__all__ = [
    "ENDED",
    "Context",
    "Engine",
    "FetchError",
    "Handler",
    "Pending",
    "VerbTable",
    "attr",
    "read_document",
]

ENDED = frozenset(status.value for status in CallStatus if status.is_final)
"""The statuses of an ended call: the final ones of :class:`webhooks.CallStatus`."""
ERROR_MESSAGE = "An error has occurred"
_XML_TYPES = ("text/xml", "application/xml")


Handler = Callable[["Engine", Element], Awaitable[None]]
"""What one verb does: receives the engine and the element."""


@dataclass(frozen=True, slots=True)
class VerbTable:
    """What the elements of a document do: a handler per verb tag, and what runs at hang-up.

    The tables live in :mod:`._table`, in one place; an engine is made with its table.
    """

    handlers: Mapping[str, Handler]
    on_hangup: tuple[Callable[[Engine], Awaitable[None]], ...] = ()


class Engine:
    """State and execution of one simulated call.

    Tests never see an engine: they hold its ``face`` (a ``SimCall``, ``SimMessage`` or
    ``DialLeg``), which shows the test API only.
    """

    def __init__(
        self,
        ctx: Context,
        table: VerbTable,
        *,
        from_: str,
        to: str,
        direction: str,
        caller_name: str | None = None,
        forwarded_from: str | None = None,
        fallback_url: str | None = None,
        fallback_method: str = "POST",
        status_callback: str | None = None,
        status_method: str = "POST",
        heartbeat_url: str | None = None,
        heartbeat_method: str = "POST",
        params: dict[str, str] | None = None,
        sid: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.table = table
        self.face: Any = self
        """The object a test holds for this call (set by it); the engine until then."""
        self.sid = sid or new_sid("CA")
        self.from_, self.to, self.direction = from_, to, direction
        self.caller_name, self.forwarded_from = caller_name, forwarded_from
        self.status = "queued"
        self.clock = 0.0
        self.transcript: list[Step] = []
        self.requests: list[SimRequest] = []
        self.notifications: list[SimNotification] = []
        self.pending: Pending | None = None
        self.fallback = (fallback_url, fallback_method)
        self.status_callbacks: list[tuple[str, str]] = []
        if status_callback:
            self.status_callbacks.append((status_callback, status_method))
        self.heartbeat = (heartbeat_url, heartbeat_method) if heartbeat_url else None
        self.extra_params = dict(params or {})
        self.url_base = ""
        self.doc_url = ""
        self.document: Response | None = None
        self.verbs: list[tuple[str, Element]] = []
        self.faults: Mapping[str, tuple[Problem, ...]] = {}
        self.index = 0
        self.where = ""
        self.last_recording: str | None = None
        self.background: list[tuple[Element, float, str, str]] = []
        self.typeahead = ""
        self.trigger = ""
        self.interrupt_to: tuple[str, str] | None = None
        self.running = False
        self.documents_run = 0  # documents loaded since the call last waited
        self.controls: list[tuple[str, dict[str, str]]] = []
        self.hangup_requested = ""
        self.data_url = ("", "POST")
        self.scheduled_hangup: tuple[float, str] | None = None
        self.legs: list[Any] = []
        """The ``DialLeg`` faces of the calls its Dials placed (:mod:`._dial` owns them)."""

    def fork(self) -> Engine:
        """A new call in this call's state (new CallSid): what happened so far, the current
        document and what it waits for. Only for a call waiting at a Gather or a Record: legs,
        rooms and bridges are not copied."""
        twin = copy.copy(self)
        twin.sid = new_sid("CA")
        twin.face = twin
        for name in ("transcript", "requests", "notifications", "status_callbacks"):
            setattr(twin, name, list(getattr(self, name)))
        twin.background, twin.controls, twin.legs = list(self.background), [], list(self.legs)
        twin.extra_params = dict(self.extra_params)
        if self.pending is not None:
            twin.pending = replace(self.pending, data=dict(self.pending.data))
        return twin

    # -- parameters and requests -------------------------------------------------------------

    def params(self, **extra: str) -> dict[str, str]:
        """The default voice request parameters (webhooks.md §3) plus ``extra``."""
        p = {
            "AccountSid": self.ctx.account_sid,
            "ApiVersion": self.ctx.api_version,
            "CallSid": self.sid,
            "CallStatus": self.status,
            "Direction": self.direction,
            "From": self.from_,
            "To": self.to,
            "CallerName": self.caller_name or self.from_,
            "UrlBase": self.url_base,
        }
        if self.forwarded_from:
            p["ForwardedFrom"] = self.forwarded_from
        p.update(self.extra_params)
        p.update(extra)
        return p

    def resolve(self, url: str) -> str:
        """Resolve ``url`` against the current document URL (or the app's origin)."""
        return urljoin(self.doc_url or self.ctx.transport.origin + "/", url)

    async def _request(
        self, method: str, url: str, kind: str, params: dict[str, str]
    ) -> SimRequest:
        """Send one request, record it, and re-raise what the app's handler raised on it
        (unless the simulator was made with ``raise_app_exceptions=False``)."""
        reply = await self.ctx.transport.request(method, url, params)
        req = SimRequest(
            method, url, params, kind, reply.status, reply.content_type, reply.body, None,
            self.clock, self.trigger, self.where,
            reply.app_errors[0] if reply.app_errors else None,
        )  # fmt: skip
        self.requests.append(req)
        if req.app_error is not None and self.ctx.raise_app_exceptions:
            origin = self.ctx.transport.origin
            raise with_transcript(req.app_error, req, self.sid, self.transcript, origin)
        return req

    async def notify(self, url: str, method: str, kind: str, extra: dict[str, str]) -> None:
        """Make a request whose answer the platform ignores (status, Ping, callbacks)."""
        url = self.resolve(url)
        req = await self._request(method, url, kind, self.params(**extra))
        if not 200 <= req.status < 400:
            self.notifications.append(
                SimNotification(
                    11200, f"{kind} callback failed (HTTP {req.status})", url, "warning"
                )
            )

    async def get_document(
        self, url: str, method: str, kind: str, params: dict[str, str]
    ) -> Response:
        """Request a document and read it (see :meth:`read`)."""
        return (await self.read(url, method, kind, params)).document

    async def read(self, url: str, method: str, kind: str, params: dict[str, str]) -> Reading:
        """Request a document and read it as the platform does; log its warnings.

        Raises:
            FetchError: With the platform's error codes if there is no document to run.
        """
        req = await self._request(method, url, kind, params)
        self.trigger = ""
        if req.status == 0:
            raise FetchError([(11205, "connection failed")])
        if req.status >= 400:
            raise FetchError([(11200, f"HTTP {req.status} from the document URL")])
        ctype = req.content_type.split(";")[0].strip().lower()
        if ctype not in _XML_TYPES:
            raise FetchError([(12300, f"invalid Content-Type {req.content_type!r}")])
        try:
            reading = read_document(req.body, strict=self.ctx.strict)
        except InboundXMLError as exc:
            raise FetchError([(p.code, str(p)) for p in exc.problems]) from None
        for problem in reading.warnings:  # logged by the platform; the document still runs
            self.notifications.append(SimNotification(problem.code, str(problem), url, "warning"))
        req.document = reading.document
        return reading

    async def fetch(self, url: str, method: str, kind: str, **extra: str) -> bool:
        """Fetch a document and make it current (fallback on failure); False if the call ended.

        On failure every problem is recorded as a notification; the call's ``fallback_url`` is
        then fetched once (notification 12105). If nothing works the caller hears "An error has
        occurred" and the call ends.
        """
        url = self.resolve(url)
        params = self.params(**extra)
        try:
            reading = await self.read(url, method, kind, params)
        except FetchError as exc:
            self.record_problems(exc, url)
            return await self.fall_back(params)
        await self.load(url, reading.document, reading.faults)
        return True

    async def fall_back(self, params: dict[str, str]) -> bool:
        """The document failed: run the call's ``fallback_url`` (12105), else the error
        message and the end of the call (False)."""
        fb_url, fb_method = self.fallback
        if not fb_url:
            await self.fail()
            return False
        fb_url = self.resolve(fb_url)
        self.notifications.append(SimNotification(12105, "fallback URL used", fb_url, "warning"))
        try:
            reading = await self.read(fb_url, fb_method, "fallback", params)
        except FetchError as exc:
            self.record_problems(exc, fb_url)
            await self.fail()
            return False
        await self.load(fb_url, reading.document, reading.faults)
        return True

    def record_problems(self, exc: FetchError, url: str) -> None:
        """Record the problems of a failed fetch as notifications."""
        for code, message in exc.problems:
            self.notifications.append(SimNotification(code, message, url))

    async def load(
        self, url: str, doc: Response, faults: Mapping[str, tuple[Problem, ...]] | None = None
    ) -> None:
        """Make ``doc`` (fetched from ``url``) the current document, from its first element.

        ``faults``: problems raised when the element of ``Response`` at that path runs.

        Raises:
            SimulationError: More than ``max_documents`` documents in a row without the call
                waiting for anything: documents that redirect to one another forever.
        """
        self.documents_run += 1
        if self.documents_run > self.ctx.max_documents:
            raise SimulationError(
                f"{self.ctx.max_documents} documents in a row, the last from "
                f"{short_url(url, self.ctx.transport.origin)}, without the "
                "call waiting for input: an endless chain of Redirects? (Simulator("
                "max_documents=...) raises the limit)"
            )
        self.doc_url, self.document, self.index = url, doc, 0
        self.faults = faults or {}
        counts: dict[str, int] = {}
        self.verbs = []
        for child in doc.children:
            n = counts.get(child.tag, 0)
            counts[child.tag] = n + 1
            self.verbs.append((f"Response/{child.tag}[{n}]", child))
        a = doc.attrs
        callback = a.get("status_callback")
        if callback and not any(u == callback for u, _ in self.status_callbacks):
            method = str(a.get("status_method") or "POST")
            self.status_callbacks.append((str(callback), method))
            await self.notify(str(callback), method, "status", {})
        if a.get("heartbeat_callback") and self.heartbeat is None:
            self.heartbeat = (
                str(a["heartbeat_callback"]),
                str(a.get("heartbeat_method") or "POST"),
            )

    # -- running ---------------------------------------------------------------------------

    async def run(self) -> None:
        """Perform elements until the call ends or waits for input."""
        self.running = True
        self.documents_run = 0
        try:
            while self.status not in ENDED and self.pending is None:
                if self.hangup_requested:
                    status, self.hangup_requested = self.hangup_requested, ""
                    await self.end(status, "api")
                    return
                if self.interrupt_to is not None:
                    url, method = self.interrupt_to
                    self.interrupt_to = None
                    if not await self.fetch(url, method, "interrupt"):
                        return
                    continue
                if self.index >= len(self.verbs):
                    if self.scheduled_hangup is not None:  # silence until the scheduled moment
                        await self.tick(self.scheduled_hangup[0] - self.clock)
                    await self.end("completed", "end of document")
                    return
                self.where, verb = self.verbs[self.index]
                self.index += 1
                faults = self.faults.get(self.where)
                if faults is not None:  # the verb's handler refuses it: the document fails
                    for problem in faults:
                        self.notifications.append(
                            SimNotification(problem.code, str(problem), self.doc_url)
                        )
                    if not await self.fall_back(self.params()):
                        return
                    continue
                await self.table.handlers[verb.tag](self, verb)
        finally:
            self.running = False

    async def tick(self, seconds: float) -> None:
        """Advance the virtual clock, sending a heartbeat at every whole minute crossed.

        A hang-up scheduled (``<Hangup schedule>``) within ``seconds`` ends the call at that
        moment; callers check the status after a tick.
        """
        target = self.clock + max(seconds, 0.0)
        due = self.scheduled_hangup
        if due is None or due[0] > target or self.status in ENDED:
            await self._advance(target)
            return
        await self._advance(max(due[0], self.clock))
        self.scheduled_hangup, self.where = None, due[1]
        await self.end("completed", "hangup")

    async def _advance(self, target: float) -> None:
        start, self.clock = self.clock, target
        if self.heartbeat is None:
            return
        minute = int(start // 60) + 1
        while minute * 60 <= self.clock and self.status not in ENDED:
            url, method = self.heartbeat
            await self.notify(
                url, method, "heartbeat", {self.ctx.names.heartbeat_duration: str(minute * 60)}
            )
            minute += 1

    async def say(self, text: str, voice: str = "female", language: str = "en") -> None:
        """Speak ``text`` once: a transcript step and ``words / words_per_second`` seconds."""
        self.transcript.append(Spoke(text, voice, language, self.clock))
        await self.tick(say_seconds(text, self.ctx.words_per_second))

    async def fail(self) -> None:
        """Nothing works: the caller hears the error message and the call ends."""
        self.where = ""
        await self.say(ERROR_MESSAGE)
        await self.end("completed", "error")

    async def leave_pending(self) -> None:
        """Stop waiting: run the pending element's ``leave`` hook (callbacks see the call
        still live), then forget it."""
        p, self.pending = self.pending, None
        leave = p.data.get("leave") if p is not None else None
        if leave is not None:
            self.pending = p  # the hook reads its own state
            try:
                await leave(self)
            finally:
                self.pending = None

    async def end(self, status: str, reason: str) -> None:
        """End the call with ``status``; finish recordings and send the final callbacks."""
        if self.status in ENDED:
            return
        await self.leave_pending()
        self.status = status
        self.transcript.append(HungUp(status, reason, self.where, self.clock))
        for hook in self.table.on_hangup:
            await hook(self)
        duration = {self.ctx.names.heartbeat_duration: str(round(self.clock))}
        for url, method in self.status_callbacks:
            await self.notify(url, method, "status", duration)
        for on_end in self.ctx.on_end:
            await on_end(self)


def say_seconds(text: str, words_per_second: float) -> float:
    """Speaking time of ``text``: words / rate, rounded up to 0.1 s, at least 0.5 s."""
    words = len(text.split())
    tenths = -(-words * 10 // words_per_second) if words else 0
    return max(tenths / 10, 0.5)


class FetchError(Exception):
    """A document could not be had: ``problems`` are ``(code, message)`` pairs."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__(problems)
        self.problems = problems
