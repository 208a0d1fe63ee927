"""Prometheus metrics of a webhook app: ``App(metrics=True)`` serves them at ``/metrics``.

Needs the ``metrics`` extra (``pip install 'cpaas-toolkit[metrics]'``, i.e. ``prometheus-client``).
Each app has its own registry, so two apps in one process do not collide. The series, labelled
by ``route`` (the path as registered) and ``kind`` (the decorator, e.g. ``gather``):

==========================================  ====================================================
``webhooks_requests_total``                 answered webhooks, also by ``status`` and ``outcome``
                                            (``ok``, ``failed``, ``rejected``)
``webhooks_request_duration_seconds``       latency histogram, from arrival to the answer sent
``webhooks_failures_total``                 handler and session-store failures
``webhooks_sessions_active``                sessions held by a :class:`~webhooks.MemoryStore`
                                            (absent for other stores: Redis counts its own keys)
==========================================  ====================================================

With several worker processes each worker has its own numbers; scrape each worker (or run one
worker per container), since a scrape through the shared port reaches one worker at random.

Example:
    >>> from webhooks import App
    >>> app = App(metrics=True)
    >>> app.metrics.registry  # doctest: +ELLIPSIS
    <prometheus_client.registry.CollectorRegistry object at ...>
"""

from __future__ import annotations

from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response

from webhooks._telemetry import Outcome
from webhooks.errors import ConfigurationError
from webhooks.routing import Route

__all__ = ["LATENCY_BUCKETS", "PrometheusMetrics"]

LATENCY_BUCKETS: Final = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
"""Upper bounds (seconds) of the latency histogram's buckets."""


class PrometheusMetrics:
    """The metrics of one app and the ``/metrics`` endpoint that serves them.

    Args:
        store: The app's session store (a store with a length is shown as active sessions).
        registry: The registry to use (default: a new one for this app).

    Raises:
        ConfigurationError: If ``prometheus-client`` is not installed.
    """

    def __init__(self, store: object, registry: Any = None) -> None:
        try:
            import prometheus_client as prom
        except ImportError:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "App(metrics=True) needs prometheus-client: pip install 'cpaas-toolkit[metrics]'"
            ) from None
        self._prom = prom
        self.registry: Any = registry if registry is not None else prom.CollectorRegistry()
        self.requests = prom.Counter(
            "webhooks_requests",
            "Webhook requests answered, by route, kind, HTTP status and outcome.",
            ["route", "kind", "status", "outcome"],
            registry=self.registry,
        )
        self.latency = prom.Histogram(
            "webhooks_request_duration_seconds",
            "Seconds from a webhook's arrival to its answer, by route and kind.",
            ["route", "kind"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.failures = prom.Counter(
            "webhooks_failures",
            "Handler and session-store failures, by route and kind.",
            ["route", "kind"],
            registry=self.registry,
        )
        if hasattr(store, "__len__"):
            sessions = prom.Gauge(
                "webhooks_sessions_active",
                "Sessions held in this process's memory store.",
                registry=self.registry,
            )
            sessions.set_function(lambda: len(store))
        self._children: dict[tuple[str, int, str], tuple[Any, Any, Any]] = {}

    def finished(
        self,
        route: Route,
        call_sid: str | None,
        status: int,
        seconds: float,
        outcome: Outcome,
        started: float,
    ) -> None:
        """Count one answered webhook (the label lookups are cached per route and status)."""
        key = (route.path, status, outcome)
        children = self._children.get(key)
        if children is None:
            labels = (route.path, route.kind.name)
            children = self._children[key] = (
                self.requests.labels(*labels, str(status), outcome),
                self.latency.labels(*labels),
                self.failures.labels(*labels),
            )
        children[0].inc()
        children[1].observe(seconds)
        if outcome == "failed":
            children[2].inc()

    def render(self) -> bytes:
        """The current metrics in the Prometheus text format."""
        rendered: bytes = self._prom.generate_latest(self.registry)
        return rendered

    async def endpoint(self, request: Request) -> Response:
        """``GET /metrics``: the Prometheus text exposition."""
        return Response(self.render(), media_type=self._prom.CONTENT_TYPE_LATEST)
