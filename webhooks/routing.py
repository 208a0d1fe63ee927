"""Decorator routing: one decorator per callback kind, a :class:`Router` to compose larger apps.

The platform sends no event type, so the kind of a route decides the event class and whether the
platform expects a document back::

    router = Router()

    @router.gather("/menu")
    def menu(event: GatherEvent) -> Response: ...

    app.include(router, prefix="/support")      # serves /support/menu

Decorators register the handler and return it unchanged, so it stays a plain, testable callable.
Registration closes when the app starts serving; later registrations raise
:class:`~webhooks.errors.RegistrationClosed`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from webhooks import events as ev
from webhooks.errors import ConfigurationError, RegistrationClosed

__all__ = ["KINDS", "Handler", "Kind", "Route", "Router"]

Handler = Callable[[Any], Any]
"""A handler: ``(event) -> Response | None``, or a coroutine function returning the same."""

H = TypeVar("H", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of callback: which event class it builds and what the platform does with the answer.

    Attributes:
        name: The decorator name (``"gather"``).
        event: The event class requests of this kind become.
        document: Whether the platform runs the answer as InboundXML (else it ignores the body).
        messaging: Whether the answer is an SMS reply (only Sms/Mms make sense there).
        json: Whether a JSON object body is accepted besides the form encoding.
    """

    name: str
    event: type[ev.Event]
    document: bool
    messaging: bool = False
    json: bool = False


KINDS: Final[dict[str, Kind]] = {
    k.name: k
    for k in (
        Kind("voice", ev.VoiceEvent, document=True),
        Kind("fallback", ev.FallbackEvent, document=True),
        Kind("gather", ev.GatherEvent, document=True),
        Kind("get_speech", ev.GetSpeechEvent, document=True),
        Kind("record", ev.RecordEvent, document=True),
        Kind("dial", ev.DialEvent, document=True),
        Kind("refer", ev.ReferEvent, document=True),
        Kind("sms_action", ev.SmsActionEvent, document=True),
        Kind("agent", ev.AgentEvent, document=True, json=True),
        Kind("sms", ev.SmsEvent, document=True, messaging=True),
        Kind("mms", ev.MmsEvent, document=True, messaging=True),
        Kind("status", ev.StatusEvent, document=False),
        Kind("heartbeat", ev.HeartbeatEvent, document=False),
        Kind("ping", ev.PingEvent, document=False),
        Kind("dial_callback", ev.DialEvent, document=False),
        Kind("refer_callback", ev.ReferEvent, document=False),
        Kind("recording", ev.RecordingEvent, document=False),
        Kind("transcription", ev.TranscriptionEvent, document=False),
        Kind("conference", ev.ConferenceEvent, document=False),
        Kind("sms_status", ev.SmsStatusEvent, document=False),
        Kind("agent_event", ev.AgentEvent, document=False, json=True),
    )
}
"""Every callback kind by decorator name."""


@dataclass(frozen=True, slots=True)
class Route:
    """One registered webhook: a path, its kind and its handler.

    Attributes:
        path: The path relative to the app (prefixes applied), e.g. ``/support/menu``.
        kind: The callback kind.
        handler: The function as registered.
        name: The route's name (the handler's ``__qualname__`` unless given).
        is_async: Whether the handler is a coroutine function (else it runs in a worker thread).
    """

    path: str
    kind: Kind
    handler: Handler
    name: str
    is_async: bool


def _check_path(path: str, what: str) -> str:
    if not path.startswith("/") or "?" in path or "#" in path:
        raise ConfigurationError(f"{what} must start with '/' and hold no query: {path!r}")
    return path


def _check_prefix(prefix: str) -> str:
    return _check_path(prefix, "prefix").rstrip("/") if prefix else ""


class Router:
    """A group of webhook routes, included into an :class:`~webhooks.App` with ``app.include``.

    Args:
        prefix: Prepended to every path of this router (e.g. ``"/sales"``).

    Example:
        >>> router = Router(prefix="/sales")
        >>> @router.voice("/start")
        ... def start(call: VoiceEvent) -> Response: ...
    """

    def __init__(self, *, prefix: str = "") -> None:
        self.prefix = _check_prefix(prefix)
        self._own: list[Route] = []
        self._included: list[tuple[str, Router]] = []
        self._closed = False

    def _close(self) -> None:
        self._closed = True
        for _, router in self._included:
            router._close()

    def _check_open(self) -> None:
        if self._closed:
            raise RegistrationClosed(
                "routes are fixed once the app has started serving; register them at import time"
            )

    def add_route(self, path: str, handler: Handler, *, kind: str, name: str | None = None) -> None:
        """Register ``handler`` for requests of ``kind`` at ``path`` (what the decorators call).

        Args:
            path: The path, starting with ``/``.
            handler: A sync or async function taking the event.
            kind: One of :data:`KINDS` (``"voice"``, ``"gather"``, ...).
            name: A name for logs (default: the handler's qualified name).

        Raises:
            RegistrationClosed: If the app has started serving.
            ConfigurationError: If ``kind`` is unknown, the path is malformed or already taken.
        """
        self._check_open()
        if kind not in KINDS:
            raise ConfigurationError(f"unknown callback kind {kind!r}; known: {', '.join(KINDS)}")
        if not callable(handler):
            raise ConfigurationError(f"handler for {path!r} is not callable: {handler!r}")
        full = self.prefix + _check_path(path, "path")
        if any(r.path == full for r in self._own):
            raise ConfigurationError(f"path {full!r} is registered twice")
        self._own.append(
            Route(
                path=full,
                kind=KINDS[kind],
                handler=handler,
                name=name or str(getattr(handler, "__qualname__", repr(handler))),
                is_async=inspect.iscoroutinefunction(handler),
            )
        )

    def include(self, router: Router, *, prefix: str = "") -> None:
        """Serve every route of ``router`` (also those added to it later) under ``prefix``.

        Raises:
            RegistrationClosed: If the app has started serving.
            ConfigurationError: If ``prefix`` is malformed or ``router`` is this router.
        """
        self._check_open()
        if router is self:
            raise ConfigurationError("a router cannot include itself")
        self._included.append((_check_prefix(prefix), router))

    def iter_routes(self) -> Iterator[Route]:
        """Yield every route with its full path (own routes first, then included ones)."""
        yield from self._own
        for prefix, router in self._included:
            for route in router.iter_routes():
                path = self.prefix + prefix + route.path
                yield Route(path, route.kind, route.handler, route.name, route.is_async)

    def _decorator(self, kind: str, path: str, name: str | None) -> Callable[[H], H]:
        def register(handler: H) -> H:
            self.add_route(path, handler, kind=kind, name=name)
            return handler

        return register

    # One decorator per kind. Each returns the handler unchanged.

    def voice(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Document request of a call (Voice URL, REST ``Url``, Redirect): ``VoiceEvent``."""
        return self._decorator("voice", path, name)

    def fallback(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Fallback URL, fetched when the primary document failed: ``FallbackEvent``."""
        return self._decorator("fallback", path, name)

    def gather(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Gather action>``, with the digits entered: ``GatherEvent``."""
        return self._decorator("gather", path, name)

    def get_speech(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<GetSpeech action>``: ``GetSpeechEvent``."""
        return self._decorator("get_speech", path, name)

    def record(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Record action>``, with the recording: ``RecordEvent``."""
        return self._decorator("record", path, name)

    def dial(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Dial action>``, when the dialled call ends: ``DialEvent``."""
        return self._decorator("dial", path, name)

    def refer(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Refer action>``, when a transfer failed: ``ReferEvent``."""
        return self._decorator("refer", path, name)

    def sms_action(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Sms action>``/``<Mms action>`` after a send: ``SmsActionEvent``."""
        return self._decorator("sms_action", path, name)

    def agent(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Dialogflow agent ``Callback_url`` (``<Connect action>``): ``AgentEvent``."""
        return self._decorator("agent", path, name)

    def sms(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Inbound SMS at a number's SMS URL: ``SmsEvent``; reply with ``Sms``."""
        return self._decorator("sms", path, name)

    def mms(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Inbound MMS at a number's MMS URL: ``MmsEvent``."""
        return self._decorator("mms", path, name)

    def status(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Call status callback (notification; a final status ends the session): ``StatusEvent``."""
        return self._decorator("status", path, name)

    def heartbeat(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Heartbeat every 60 s of a call (notification): ``HeartbeatEvent``."""
        return self._decorator("heartbeat", path, name)

    def ping(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Ping>`` (notification): ``PingEvent``."""
        return self._decorator("ping", path, name)

    def dial_callback(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Dial callbackUrl>`` (notification): ``DialEvent``."""
        return self._decorator("dial_callback", path, name)

    def refer_callback(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Refer callbackUrl>`` (notification): ``ReferEvent``."""
        return self._decorator("refer_callback", path, name)

    def recording(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Recording callback (notification): ``RecordingEvent``."""
        return self._decorator("recording", path, name)

    def transcription(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Transcription callback (notification): ``TranscriptionEvent``."""
        return self._decorator("transcription", path, name)

    def conference(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """``<Conference callbackUrl>`` (notification): ``ConferenceEvent``."""
        return self._decorator("conference", path, name)

    def sms_status(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """SMS/MMS ``statusCallback`` (notification): ``SmsStatusEvent``."""
        return self._decorator("sms_status", path, name)

    def agent_event(self, path: str, *, name: str | None = None) -> Callable[[H], H]:
        """Dialogflow agent ``Event_callback_url`` (notification): ``AgentEvent``."""
        return self._decorator("agent_event", path, name)
