"""A webhook app set up for production: bounded, observable, handing failures to the platform.

- Sessions live in Redis when ``REDIS_URL`` is set (a node of a Redis Cluster with
  ``REDIS_CLUSTER=1``), so any number of workers can serve; otherwise in memory, one worker.
- ``on_error="500"``: a request that fails (a handler that raises, a session store that is
  down) is answered HTTP 500, so the platform fetches the number's Fallback URL.
- Prometheus metrics at ``/metrics``; an OpenTelemetry span per webhook, one trace per call
  (through the global tracer provider: configure an exporter, or set ``OTEL_CONSOLE=1`` to
  print spans on standard output).
- Every webhook URL carries the secret ``WEBHOOK_TOKEN`` when it is set.

Serve it::

    python -m webhooks serve examples.production
    REDIS_URL=redis://127.0.0.1:6379/0 python -m webhooks serve examples.production --workers 4
"""

from __future__ import annotations

import os

from inboundxml import Gather, Hangup, Redirect, Response, Say
from webhooks import (
    App,
    GatherEvent,
    MemoryStore,
    RedisStore,
    SessionStore,
    StatusEvent,
    VoiceEvent,
)


def _store() -> SessionStore:
    url = os.environ.get("REDIS_URL")
    if url is None:
        return MemoryStore()
    return RedisStore(url, cluster=os.environ.get("REDIS_CLUSTER") == "1")


def _tracing() -> bool:
    if os.environ.get("OTEL_CONSOLE") == "1":
        from opentelemetry import trace
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
        trace.set_tracer_provider(provider)
    return True


app = App(
    session_store=_store(),
    token=os.environ.get("WEBHOOK_TOKEN") or None,
    on_error="500",
    metrics=True,
    tracing=_tracing(),
)


@app.voice("/voice")
async def welcome(call: VoiceEvent) -> Response:
    """Offer the menu; after three tries, say goodbye."""
    tries = call.session["tries"] = call.session.get("tries", 0) + 1
    if tries > 3:
        return Response(Say("Goodbye."), Hangup())
    return Response(
        Gather(Say("For opening hours, press 1."), action=menu, num_digits=1),
        Redirect(call.url_for(welcome)),
    )


@app.gather("/menu")
async def menu(event: GatherEvent) -> Response:
    """Answer the choice."""
    if event.digits == "1":
        return Response(Say("We are open from nine to five."), Hangup())
    return Response(Redirect(event.url_for(welcome)))


@app.status("/status")
async def call_status(event: StatusEvent) -> None:
    """The final status ends the session (the app drops it by itself)."""
