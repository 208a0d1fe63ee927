"""What the app tells operators about each webhook: one log line, metrics, a trace span.

Every webhook request ends in exactly one record on the ``webhooks.access`` logger (level INFO):
``route``, ``kind``, ``call_sid``, ``status``, ``latency_ms``, ``outcome`` (``ok``, ``failed``
or ``rejected``) and, for a rejection, its ``reason``. The fields are in the message (logfmt)
and, for structured handlers, attributes of the record (``record.webhook``, a dict).

Metrics (:mod:`webhooks.metrics`, ``App(metrics=True)``) and spans (:mod:`webhooks.tracing`,
``App(tracing=True)``) are optional; when they are off, a request costs two clock reads and one
logging level check here.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any, Final, Protocol

from webhooks.routing import Route

__all__ = ["ACCESS_LOGGER", "Outcome", "Telemetry", "WebhookObserver", "access_logger"]

ACCESS_LOGGER: Final = "webhooks.access"
"""The logger of the one line per webhook."""

Outcome = str
"""``"ok"``, ``"failed"`` (the handler or the session store failed) or ``"rejected"`` (4xx)."""

_access = logging.getLogger(ACCESS_LOGGER)
access_logger: Final = _access
"""The ``webhooks.access`` logger itself."""


class WebhookObserver(Protocol):
    """What an optional observer (metrics, tracing) is told about each webhook."""

    def finished(
        self,
        route: Route,
        call_sid: str | None,
        status: int,
        seconds: float,
        outcome: Outcome,
        started: float,
    ) -> None:
        """A webhook was answered (``started`` is its ``time.perf_counter()`` at arrival)."""


class Telemetry:
    """The per-app bookkeeping of answered webhooks: the log line, failure counts, observers.

    Attributes:
        failures: Handler and session-store failures by route path, since the app started.
        rejections: Rejected requests by HTTP status.
    """

    __slots__ = ("failures", "observers", "rejections")

    def __init__(self) -> None:
        self.failures: Counter[str] = Counter()
        self.rejections: Counter[int] = Counter()
        self.observers: list[WebhookObserver] = []

    def finished(
        self,
        route: Route,
        call_sid: str | None,
        status: int,
        started: float,
        outcome: Outcome,
        reason: str | None = None,
    ) -> None:
        """Record one answered webhook (called once per request, after the answer is sent)."""
        if outcome == "rejected":
            self.rejections[status] += 1
        logged = _access.isEnabledFor(logging.INFO)
        if logged or self.observers:
            seconds = time.perf_counter() - started
            for observer in self.observers:
                observer.finished(route, call_sid, status, seconds, outcome, started)
            if logged:
                _log(route, call_sid, status, seconds, outcome, reason)


def _log(
    route: Route,
    call_sid: str | None,
    status: int,
    seconds: float,
    outcome: Outcome,
    reason: str | None,
) -> None:
    fields: dict[str, Any] = {
        "route": route.path,
        "kind": route.kind.name,
        "call_sid": call_sid,
        "status": status,
        "latency_ms": round(seconds * 1000, 3),
        "outcome": outcome,
    }
    message = "webhook route=%s kind=%s call_sid=%s status=%d latency_ms=%.3f outcome=%s"
    args: tuple[Any, ...] = tuple(fields.values())
    if reason is not None:
        fields["reason"] = reason
        message += " reason=%r"
        args += (reason,)
    _access.info(message, *args, extra={"webhook": fields})
