"""The one place that knows the simulator: start calls, drive them, and turn them into views.

The server talks to the simulator only through :class:`SimulatorLike` / :class:`SimCallLike`
(the few members it uses) and reads transcript steps, requests and notifications by their
attributes, so the page keeps working when the simulator grows new step kinds: an unknown step
shows as its class name and fields.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from ._steps import accepted_input, bridge_view, leg_views, step_view
from ._views import CallView, ExchangeView, LogView, document_view, plain

__all__ = [
    "DIAL_OUTCOMES",
    "PhoneCall",
    "SimCallLike",
    "SimulatorLike",
    "capture_logs",
    "exchange_view",
    "step_view",
]

DIAL_OUTCOMES = ("answered", "busy", "no-answer", "failed")
"""What a dialled party can do, as the page offers it."""

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class SimCallLike(Protocol):
    """The members of a simulated call the phone uses."""

    @property
    def status(self) -> str:
        """The call status."""
        ...

    @property
    def transcript(self) -> Sequence[Any]:
        """The typed steps so far."""
        ...

    @property
    def requests(self) -> Sequence[Any]:
        """The requests made to the app so far."""
        ...

    @property
    def notifications(self) -> Sequence[Any]:
        """The platform's warnings and errors so far."""
        ...

    def press(self, digits: str) -> Any:
        """Answer the waiting Gather with ``digits``."""
        ...

    def wait(self, seconds: float | None = None) -> Any:
        """Let the call go on without input (a Gather times out, a bridged Dial goes on)."""
        ...

    def say_speech(self, text: str) -> Any:
        """Say ``text`` at the waiting Gather (``input`` with ``speech``) or GetSpeech."""
        ...

    def hangup(self) -> Any:
        """The caller hangs up."""
        ...

    def record(self, seconds: float = 5.0, *, text: str | None = None) -> Any:
        """Leave a recording at the waiting Record."""
        ...


class SimulatorLike(Protocol):
    """The members of the simulator the phone uses."""

    @property
    def origin(self) -> str:
        """``scheme://host`` the app appears to be served at."""
        ...

    def call(self, path: str, *, from_: str, to: str) -> SimCallLike:
        """Start a call answered by ``path``."""
        ...


class PhoneCall:
    """One call of the page: the simulated call and what the page chose for it.

    Args:
        id: The page's handle.
        call: The simulated call.
        path: The app's path that answered.
        from_number: The caller.
        to_number: The called number.
        dial_outcome: What the next Dial does.
        origin: The ``scheme://host`` the simulator serves the app at (media URLs of that
            host are fetched through the phone).
    """

    def __init__(
        self,
        id: str,
        call: SimCallLike,
        *,
        path: str,
        from_number: str,
        to_number: str,
        dial_outcome: str,
        origin: str,
    ) -> None:
        self.id = id
        self.call = call
        self.path = path
        self.from_number = from_number
        self.to_number = to_number
        self.dial_outcome = dial_outcome
        self.origin = origin
        self.app: Any = None
        """The app (of the code loaded when the call started) that answers the call."""
        self.log: list[LogView] = []

    def view(self) -> CallView:
        """The call's state for the page."""
        call = self.call
        status = str(getattr(call, "status", "unknown"))
        steps = [step_view(s, self.media_url) for s in list(call.transcript)]
        ended = bool(getattr(call, "ended", False)) or any(s.kind == "hangup" for s in steps)
        waiting = getattr(call, "waiting_for", None) or getattr(call, "waiting", None)
        waiting = None if ended or waiting is None else str(plain(waiting))
        legs = leg_views(call, self.media_url)
        describe = getattr(call, "describe", None)
        clock = getattr(call, "clock", None)
        if clock is None:
            clock = getattr(call, "elapsed", None)
        return CallView(
            id=self.id,
            sid=str(getattr(call, "sid", "") or getattr(call, "call_sid", "")),
            status=status,
            ended=ended,
            waiting=waiting,
            doing=str(describe()) if callable(describe) else None,
            accepts=accepted_input(call, waiting),
            bridge=bridge_view(call, waiting, legs),
            clock=float(clock) if isinstance(clock, int | float) else None,
            from_number=self.from_number,
            to_number=self.to_number,
            path=self.path,
            dial_outcome=self.dial_outcome,
            steps=steps,
            legs=legs,
            exchanges=[exchange_view(r) for r in list(call.requests)],
            notifications=[_notification_text(n) for n in list(call.notifications)],
            messages=[s for s in steps if s.kind in ("sms", "mms")],
            log=list(self.log),
        )

    def media_url(self, url: str) -> str | None:
        """Where the page can load ``url`` from, or ``None`` if it is not local."""
        parts = urlsplit(url)
        if not parts.scheme and url.startswith("/"):
            return f"/api/calls/{self.id}/media?url={quote(url, safe='')}"
        if parts.scheme not in ("http", "https"):
            return None
        if f"{parts.scheme}://{parts.netloc}" == self.origin:
            return f"/api/calls/{self.id}/media?url={quote(url, safe='')}"
        if parts.hostname in _LOCAL_HOSTS:
            return url
        return None


def exchange_view(request: Any) -> ExchangeView:
    """Describe one request of the simulated platform, with its answer's document.

    A request on which the app's handler failed shows the exception and its traceback (the
    answer is the app's fallback document); a 404 says that no route serves the path, rather
    than reading the error page as a document.
    """
    params = getattr(request, "params", {}) or {}
    status = getattr(request, "status", None)
    body = getattr(request, "body", None)
    content_type = str(getattr(request, "content_type", "") or "")
    failed = isinstance(status, int) and (status == 0 or status >= 400)
    xml, problems = document_view(body) if body and not failed else (None, [])
    error = None
    if isinstance(status, int):
        if status == 0:
            error = "the app could not be reached"
        elif status == 404:
            error = "no route: the app serves nothing at this path (HTTP 404)"
        elif status >= 400:
            error = f"HTTP {status}"
        elif body and "xml" not in content_type and content_type:
            error = f"answered {content_type}, not XML"
    app_error = getattr(request, "app_error", None)
    trace = None
    if isinstance(app_error, BaseException):
        error = f"the handler failed: {type(app_error).__name__}: {app_error}"
        if status == 200:
            error += " (the caller heard the app's fallback document)"
        trace = "".join(traceback.format_exception(app_error))
    return ExchangeView(
        method=str(getattr(request, "method", "POST")),
        url=str(getattr(request, "url", "")),
        params={str(k): str(v) for k, v in dict(params).items()},
        status=status if isinstance(status, int) else None,
        xml=xml,
        problems=problems,
        error=error,
        traceback=trace,
    )


def _notification_text(notification: Any) -> str:
    code = getattr(notification, "code", None)
    message = getattr(notification, "message", None)
    level = getattr(notification, "level", "")
    if message is None:
        return str(plain(notification))
    prefix = f"{level} " if level else ""
    if code is None or str(code) in str(message):
        return f"{prefix}{message}"
    return f"{prefix}{code}: {message}"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[LogView] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("uvicorn", "httpx", "httpcore")):
            return
        details = None
        if record.exc_info and record.exc_info[0] is not None:
            details = "".join(traceback.format_exception(*record.exc_info))
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not break the call
            message = str(record.msg)
        self.records.append(LogView(record.levelname.lower(), message, details))


_capture_lock = threading.Lock()


@contextmanager
def capture_logs() -> Iterator[list[LogView]]:
    """Collect the warnings and errors logged while the block runs (one block at a time)."""
    collector = _Collector()
    root = logging.getLogger()
    with _capture_lock:
        root.addHandler(collector)
        try:
            yield collector.records
        finally:
            root.removeHandler(collector)
