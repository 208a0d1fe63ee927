"""``examples.production`` served as documented: metrics, the log line, failures as 500."""

from __future__ import annotations

import httpx
from webhook_support import serve_subprocess, voice_params

from inboundxml import parse


def test_the_production_example_serves_webhooks_and_metrics() -> None:
    with serve_subprocess("examples.production") as url, httpx.Client(base_url=url) as client:
        menu = client.post("/voice", data=voice_params())
        assert menu.status_code == 200
        assert parse(menu.content).children[0].action == "/menu"  # type: ignore[attr-defined]
        hours = client.post("/menu", data=voice_params(Digits="1"))
        assert "nine to five" in hours.text
        assert client.post("/menu", data=voice_params(CallSid="CA1")).status_code == 400
        metrics = client.get("/metrics").text
    assert 'webhooks_requests_total{kind="voice",outcome="ok",route="/voice",status="200"} 1.0' in (
        metrics
    )
    assert 'outcome="rejected",route="/menu",status="400"} 1.0' in metrics
    assert "webhooks_sessions_active 1.0" in metrics
