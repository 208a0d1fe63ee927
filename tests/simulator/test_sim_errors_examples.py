"""Error cases, fallback, SMS, the example apps, the explorer, the CLI and outbound calls."""

from __future__ import annotations

import io

import pytest
from sim_apps import docs_app

from examples.ivr import app as ivr_app
from webhooks.testing import FakePlatform, ParameterNames, Simulator, explore
from webhooks.testing.simulator._cli import call_main, explore_main


def test_invalid_document_plays_the_error_message_with_codes() -> None:
    sim = Simulator(docs_app({"/v": '<Gather numDigits="-1"/>'}))
    call = sim.call("/v")
    assert call.said == ["An error has occurred"]
    assert call.codes() == [13314]
    assert call.status == "completed"


def test_http_500_and_wrong_content_type() -> None:
    assert Simulator(docs_app({"/v": "500"})).call("/v").codes() == [11200]
    plain = Simulator(docs_app({"/v": "<Say>x</Say>"}, content_type="text/plain"))
    assert plain.call("/v").codes() == [12300]


def test_fallback_url_is_fetched_and_12105_recorded() -> None:
    sim = Simulator(docs_app({"/v": "500", "/fb": "<Say>fallback</Say>"}))
    call = sim.call("/v", fallback_url="/fb")
    assert call.said == ["fallback"]
    assert call.codes() == [11200, 12105]
    assert [r.kind for r in call.requests] == ["voice", "fallback"]


def test_sms_reply_and_disallowed_verbs() -> None:
    sim = Simulator(
        docs_app(
            {
                "/sms": lambda p: (
                    f"<Sms to='{p['From']}' from='{p['To']}'>echo {p['Body']}</Sms><Say>no</Say>"
                )
            }
        ),
        names=ParameterNames(sms_sid="MessageSid"),
    )
    msg = sim.sms("/sms", from_="+1999", to="+1888", body="hello")
    assert [(m.to, m.from_, m.body) for m in msg.replies] == [("+1999", "+1888", "echo hello")]
    assert msg.requests[0].params["MessageSid"].startswith("SM")
    assert [n.code for n in msg.notifications] == [14110]
    assert sim.messages == msg.replies


def test_example_ivr_main_paths() -> None:
    sim = Simulator(ivr_app)
    call = sim.call("/voice")
    assert "Welcome to Example Corp" in call.said[0]
    call.press("1")
    assert call.said[-1].startswith("Sales.")
    call.press("2")
    assert call.said[-1] == "Please hold while we connect you."
    assert call.status == "completed"
    voicemail = sim.call("/voice").press("2")
    assert voicemail.waiting_for == "record"
    voicemail.record(8, text="call me back", key="#")
    assert voicemail.said[-1].startswith("Thank you.")
    lost = sim.call("/voice").wait().wait().wait()
    assert lost.said[-1] == "We did not receive your choice. Goodbye."


def test_explorer_on_the_example_ivr() -> None:
    graph = explore(ivr_app, path="/voice", depth=3)
    labels = {n.label.split(":")[0] for n in graph.nodes.values()}
    assert {"/voice", "/menu", "/sales", "/voicemail/saved"} <= labels
    assert any(e.label == "press 1" for e in graph.edges)
    assert any(e.label == "timeout" for e in graph.edges)
    kinds = {p.kind for p in graph.problems}
    assert "loop" not in kinds  # the menu's retries are capped: repeats, not loops
    assert graph.repeats
    assert graph.problems == []  # /voicemail is the Voice URL of another number: an entry point
    assert "/voicemail" in {n.url for n in graph.nodes.values()}
    assert graph.to_mermaid().startswith("flowchart TD")
    assert graph.to_dot().startswith("digraph ivr {")


def test_explorer_finds_dead_ends_and_failing_documents() -> None:
    app = docs_app(
        {
            "/v": '<Gather numDigits="1" action="/m"/><Say>fell off</Say>',
            "/m": lambda p: "<Hangup/>" if p["Digits"] == "1" else '<Pause length="0"/>',
        }
    )
    graph = explore(app, path="/v", depth=2)
    assert any(p.kind == "dead-end" for p in graph.problems)
    assert any(p.kind == "failing" and 13910 in p.codes for p in graph.problems)


def test_cli_call_with_presses_and_interactive() -> None:
    out = io.StringIO()
    assert call_main(["examples.ivr:app", "--press", "1", "--press", "1"], out=out) == 0
    text = out.getvalue()
    assert "SAY    Welcome to Example Corp." in text
    assert "DIAL   +15550100001: completed" in text
    out = io.StringIO()
    call_main(["examples.ivr:app"], stdin=io.StringIO("2\n\nq\n"), out=out)
    assert "Please leave your message" in out.getvalue()


def test_cli_explore_formats(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    explore_main(["examples.ivr:app", "--depth", "2", "--format", "dot"], out=out)
    assert out.getvalue().startswith("digraph")
    assert capsys.readouterr().err.splitlines()[-1].startswith("# 11 nodes, ")


def test_outbound_call_through_the_rest_client_runs_end_to_end() -> None:
    from webhooks.rest import AsyncClient, Client  # noqa: F401

    fake = FakePlatform()
    sim = Simulator(ivr_app, platform=fake)
    import anyio
    import httpx

    async def create() -> str:
        transport = httpx.ASGITransport(app=fake)
        async with AsyncClient(
            fake.account_sid, fake.auth_token, base_url="http://127.0.0.1/v2", transport=transport
        ) as client:
            call = await client.calls.create(
                from_="+15550001111", to="+15552223333", url="http://testserver/voice"
            )
            return str(call.sid)

    sid = anyio.run(create)
    (call,) = sim.run_queued()
    assert call.sid == sid
    assert call.direction == "outbound-api"
    assert call.requests[0].params["Direction"] == "outbound-api"
    assert "Welcome" in call.said[0]
    call.press("1").press("1")
    assert fake.calls[sid].status == "completed"
