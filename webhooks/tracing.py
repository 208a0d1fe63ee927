"""OpenTelemetry spans of a webhook app: ``App(tracing=True)``.

Needs the ``otel`` extra (``pip install 'cpaas-toolkit[otel]'``: ``opentelemetry-api`` and
``-sdk``); configure a tracer provider and exporter as usual, or pass one as ``tracing=``.

Each webhook is one ``SERVER`` span named ``<METHOD> <route>`` with the attributes
``webhooks.call_sid``, ``webhooks.route``, ``webhooks.kind``, ``webhooks.outcome`` (``ok``,
``failed``, ``rejected``), ``http.request.method`` and ``http.response.status_code``; a failed
request's span has status ``ERROR``. Spans a handler opens are its children.

**One trace per call.** The platform sends no trace context, but its ``CallSid`` is ``CA`` and 32
hex digits, exactly a W3C trace id: every span of a call gets the trace id of its ``CallSid``, as
the child of a remote parent span whose id is derived from the ``CallSid`` too. So a tracing
backend shows a call's requests, across workers and machines, as one trace. A request that
carries a ``traceparent`` header (a proxy that traces) continues that trace instead.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

from starlette.types import Scope

from webhooks._telemetry import Outcome
from webhooks.errors import ConfigurationError
from webhooks.events import Event
from webhooks.routing import Route

__all__ = ["Tracing", "call_trace_context"]


def call_trace_context(call_sid: str | None) -> Any:
    """The OpenTelemetry context whose remote parent stands for the call ``call_sid``.

    Returns:
        A context to start spans in, or ``None`` if ``call_sid`` is not a platform CallSid.
    """
    from opentelemetry import trace

    if not call_sid or len(call_sid) != 34:
        return None
    try:
        trace_id = int(call_sid[2:], 16)
        span_id = int(call_sid[2:18], 16) or 1
    except ValueError:
        return None
    if not trace_id:
        return None
    parent = trace.SpanContext(
        trace_id, span_id, is_remote=True, trace_flags=trace.TraceFlags(trace.TraceFlags.SAMPLED)
    )
    return trace.set_span_in_context(trace.NonRecordingSpan(parent))


class Tracing:
    """Makes the span of each webhook (used by :class:`webhooks.App`).

    Args:
        provider: A ``TracerProvider`` (default: the global one).

    Raises:
        ConfigurationError: If OpenTelemetry is not installed.
    """

    def __init__(self, provider: Any = None) -> None:
        try:
            from opentelemetry import propagate, trace
        except ImportError:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "App(tracing=...) needs OpenTelemetry: pip install 'cpaas-toolkit[otel]'"
            ) from None
        self._trace = trace
        self._propagate = propagate
        source = provider if provider is not None else trace.get_tracer_provider()
        self.tracer: Any = source.get_tracer("webhooks")

    def _parent(self, call_sid: str | None, scope: Scope) -> Any:
        headers = scope.get("headers") or ()
        if any(name == b"traceparent" for name, _ in headers):
            carrier = {name.decode("latin-1"): value.decode("latin-1") for name, value in headers}
            return self._propagate.extract(carrier)
        return call_trace_context(call_sid)

    @contextlib.contextmanager
    def span(self, route: Route, event: Event, scope: Scope) -> Iterator[Any]:
        """The current span while ``route`` handles ``event``."""
        attributes = {
            "webhooks.route": route.path,
            "webhooks.kind": route.kind.name,
            "http.request.method": scope.get("method", "POST"),
            "http.route": route.path,
        }
        if event.call_sid:
            attributes["webhooks.call_sid"] = event.call_sid
        with self.tracer.start_as_current_span(
            f"{scope.get('method', 'POST')} {route.path}",
            context=self._parent(event.call_sid, scope),
            kind=self._trace.SpanKind.SERVER,
            attributes=attributes,
        ) as span:
            yield span

    def answered(self, span: Any, status: int, outcome: Outcome) -> None:
        """Put the answer on the span."""
        span.set_attribute("webhooks.outcome", outcome)
        span.set_attribute("http.response.status_code", status)
        if outcome == "failed":
            span.set_status(self._trace.Status(self._trace.StatusCode.ERROR))

    def finished(
        self,
        route: Route,
        call_sid: str | None,
        status: int,
        seconds: float,
        outcome: Outcome,
        started: float,
    ) -> None:
        """Record a rejected request as a span of its own (answered ones have theirs already)."""
        if outcome != "rejected":
            return
        end = time.time_ns()
        span = self.tracer.start_span(
            f"webhook {route.path} rejected",
            kind=self._trace.SpanKind.SERVER,
            start_time=end - int(seconds * 1e9),
            attributes={
                "webhooks.route": route.path,
                "webhooks.kind": route.kind.name,
                "webhooks.outcome": outcome,
                "http.response.status_code": status,
            },
        )
        span.end(end_time=end)
