"""What operators see: the failure policy, one log line per webhook, metrics and trace spans."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from prometheus_client.parser import text_string_to_metric_families
from webhook_support import CALL_SID, asgi_client, uvicorn_thread, voice_params

from inboundxml import Hangup, Response, Say, parse
from webhooks import App, ConfigurationError, GatherEvent, Route, StatusEvent, VoiceEvent
from webhooks.app import APP_ERRORS, DEFAULT_FALLBACK

pytestmark = pytest.mark.anyio
OTHER_CALL = "CA" + "e" * 32


def build_app(**options: object) -> App:
    app = App(**options)  # type: ignore[arg-type]

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        call.session["seen"] = True
        return Response(Say("hello"))

    @app.gather("/broken")
    def broken(event: GatherEvent) -> Response:
        raise RuntimeError("the menu is broken")

    @app.status("/status")
    def status(event: StatusEvent) -> None:
        return None

    return app


# -- on_error ---------------------------------------------------------------------------------


async def test_a_failure_answers_the_fallback_by_default() -> None:
    app = build_app()
    async with asgi_client(app) as client:
        reply = await client.post("/broken", data=voice_params(Digits="1"))
    assert reply.status_code == 200
    assert parse(reply.content) == DEFAULT_FALLBACK


@pytest.mark.parametrize("policy", ["500", 500])
async def test_on_error_500_hands_the_call_to_the_platforms_fallback_url(policy: Any) -> None:
    app = build_app(on_error=policy)
    async with asgi_client(app) as client:
        reply = await client.post("/broken", data=voice_params(Digits="1"))
        fine = await client.post("/voice", data=voice_params())
    assert reply.status_code == 500
    assert reply.headers["content-type"].startswith("text/plain")
    assert "Traceback" not in reply.text
    assert fine.status_code == 200


async def test_on_error_callable_chooses_the_document_or_500() -> None:
    seen: list[tuple[str, str]] = []

    def on_error(exc: Exception, route: Route) -> Response | None:
        seen.append((type(exc).__name__, route.path))
        return Response(Say("Please call back later."), Hangup()) if route.kind.document else None

    app = build_app(on_error=on_error)
    async with asgi_client(app) as client:
        reply = await client.post("/broken", data=voice_params(Digits="1"))
    assert parse(reply.content) == Response(Say("Please call back later."), Hangup())
    assert seen == [("RuntimeError", "/broken")]


def test_on_error_is_checked() -> None:
    with pytest.raises(ConfigurationError, match="on_error"):
        App(on_error="503")  # type: ignore[arg-type]


async def test_every_failure_is_counted_logged_once_and_reported_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = build_app()
    reported: list[BaseException] = []
    scope_extensions = {APP_ERRORS: reported}

    async def call() -> None:
        scope = {
            "type": "http", "method": "POST", "path": "/broken", "root_path": "", "scheme": "http",
            "query_string": b"", "client": ("127.0.0.1", 1), "extensions": scope_extensions,
            "headers": [(b"content-type", b"application/x-www-form-urlencoded")],
        }  # fmt: skip
        body = "&".join(f"{k}={v}" for k, v in voice_params(Digits="1").items()).encode()

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: object) -> None:
            return None

        await app(scope, receive, send)

    with caplog.at_level(logging.ERROR, logger="webhooks"):
        for _ in range(3):
            await call()
    failures = [r for r in caplog.records if r.name == "webhooks" and r.levelno == logging.ERROR]
    assert len(failures) == 3  # one record per failure
    for record in failures:
        message = record.getMessage()
        assert "/broken" in message
        assert CALL_SID in message
        assert "RuntimeError: the menu is broken" in message
        assert record.exc_info is not None
    assert app.telemetry.failures == {"/broken": 3}
    assert [str(exc) for exc in reported] == ["the menu is broken"] * 3


# -- the log line -----------------------------------------------------------------------------


async def test_one_structured_line_per_webhook_and_every_rejection_with_its_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = build_app()
    with caplog.at_level(logging.INFO, logger="webhooks.access"):
        async with asgi_client(app) as client:
            await client.post("/voice", data=voice_params())
            await client.post("/broken", data=voice_params(Digits="1"))
            await client.post("/status", data=voice_params(CallStatus="completed"))
            await client.post("/voice", data=voice_params(CallSid="CA1"))
            await client.put("/voice", data=voice_params())
    lines = [r for r in caplog.records if r.name == "webhooks.access"]
    fields = [r.webhook for r in lines]  # type: ignore[attr-defined]
    assert [(f["route"], f["kind"], f["status"], f["outcome"]) for f in fields] == [
        ("/voice", "voice", 200, "ok"),
        ("/broken", "gather", 200, "failed"),
        ("/status", "status", 204, "ok"),
        ("/voice", "voice", 400, "rejected"),
        ("/voice", "voice", 405, "rejected"),
    ]
    assert fields[0]["call_sid"] == CALL_SID
    assert fields[0]["latency_ms"] >= 0
    assert "CallSid must be 'CA' followed by 32 hex digits" in fields[3]["reason"]
    assert "reason=" in lines[3].getMessage()
    assert "method PUT not allowed" in fields[4]["reason"]
    assert app.telemetry.rejections == {400: 1, 405: 1}


async def test_the_log_line_never_shows_the_url_token(caplog: pytest.LogCaptureFixture) -> None:
    app = build_app(token="s3cr3t-path-token")
    with caplog.at_level(logging.INFO, logger="webhooks"):
        async with asgi_client(app) as client:
            reply = await client.post("/s3cr3t-path-token/voice", data=voice_params())
            assert reply.status_code == 200
            wrong = await client.post("/wrong-token/voice", data=voice_params())
            assert wrong.status_code == 403
            bare = await client.post("/voice", data=voice_params())
            assert bare.status_code == 403
    assert "route=/voice" in caplog.text
    assert "s3cr3t" not in caplog.text
    reasons = [r.webhook.get("reason") for r in caplog.records if r.name == "webhooks.access"]  # type: ignore[attr-defined]
    assert reasons == [None, "missing or wrong URL token", "missing or wrong URL token"]


# -- metrics ----------------------------------------------------------------------------------


def scrape(base_url: str) -> dict[str, dict[tuple[tuple[str, str], ...], float]]:
    text = httpx.get(base_url + "/metrics").text
    samples: dict[str, dict[tuple[tuple[str, str], ...], float]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return samples


def test_metrics_are_served_at_slash_metrics_by_route_and_kind() -> None:
    app = build_app(metrics=True)
    with uvicorn_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        for _ in range(3):
            assert client.post("/voice", data=voice_params()).status_code == 200
        client.post("/voice", data=voice_params(CallSid=OTHER_CALL))
        client.post("/broken", data=voice_params(Digits="1"))
        client.post("/voice", data=voice_params(CallSid="CA1"))
        reply = client.get("/metrics")
        assert reply.headers["content-type"].startswith("text/plain")
        samples = scrape(base_url)
    requests = samples["webhooks_requests_total"]
    voice_ok = (("kind", "voice"), ("outcome", "ok"), ("route", "/voice"), ("status", "200"))
    assert requests[voice_ok] == 4
    broken = (("kind", "gather"), ("outcome", "failed"), ("route", "/broken"), ("status", "200"))
    assert requests[broken] == 1
    rejected = (("kind", "voice"), ("outcome", "rejected"), ("route", "/voice"), ("status", "400"))
    assert requests[rejected] == 1
    assert samples["webhooks_failures_total"][(("kind", "gather"), ("route", "/broken"))] == 1
    latency = samples["webhooks_request_duration_seconds_count"]
    assert latency[(("kind", "voice"), ("route", "/voice"))] == 5
    assert samples["webhooks_sessions_active"][()] == 2  # two calls hold a session


def test_metrics_are_off_by_default() -> None:
    app = build_app()
    with uvicorn_thread(app) as base_url:
        assert httpx.get(base_url + "/metrics").status_code == 404


# -- tracing ----------------------------------------------------------------------------------


async def test_a_span_per_webhook_and_one_trace_per_call() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = build_app(tracing=provider)
    tracer = provider.get_tracer("handler")

    @app.voice("/nested")
    async def nested(call: VoiceEvent) -> Response:
        with tracer.start_as_current_span("lookup"):
            return Response(Say("found"))

    async with asgi_client(app) as client:
        await client.post("/voice", data=voice_params())
        await client.post("/nested", data=voice_params())
        await client.post("/broken", data=voice_params(Digits="1"))
        await client.post("/voice", data=voice_params(CallSid=OTHER_CALL))
        await client.post("/voice", data=voice_params(CallSid="CA1"))
    spans = {
        (s.name, (s.attributes or {}).get("webhooks.call_sid")): s
        for s in exporter.get_finished_spans()
    }
    voice = spans[("POST /voice", CALL_SID)]
    assert voice.kind is SpanKind.SERVER
    assert (
        dict(voice.attributes or {}).items()
        >= {
            "webhooks.route": "/voice",
            "webhooks.kind": "voice",
            "webhooks.outcome": "ok",
            "http.response.status_code": 200,
        }.items()
    )
    broken = spans[("POST /broken", CALL_SID)]
    assert broken.status.status_code is StatusCode.ERROR
    assert broken.attributes["webhooks.outcome"] == "failed"  # type: ignore[index]
    lookup = spans[("lookup", None)]
    assert lookup.parent is not None
    assert lookup.parent.span_id == spans[("POST /nested", CALL_SID)].context.span_id
    # One trace per call: the CallSid's 32 hex digits are the trace id.
    same_call = [voice, broken, spans[("POST /nested", CALL_SID)], lookup]
    assert {s.context.trace_id for s in same_call} == {int(CALL_SID[2:], 16)}
    other = spans[("POST /voice", OTHER_CALL)]
    assert other.context.trace_id == int(OTHER_CALL[2:], 16)
    rejected = spans[("webhook /voice rejected", None)]
    assert rejected.attributes["http.response.status_code"] == 400  # type: ignore[index]
