"""The phone's JSON API, in-process: calls, keys, documents, problems and errors."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from webhooks.phone import PhoneApp, create_phone_app
from webhooks.phone._backend import exchange_view, step_view

pytestmark = pytest.mark.anyio


async def start(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    answer = await client.post("/api/calls", json=body)
    assert answer.status_code == 201, answer.text
    call: dict[str, Any] = answer.json()
    return call


async def act(client: httpx.AsyncClient, call: dict[str, Any], action: str, **body: Any) -> Any:
    answer = await client.post(f"/api/calls/{call['id']}/{action}", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def said(call: dict[str, Any]) -> list[str]:
    return [step["text"] for step in call["steps"] if step["kind"] == "say"]


async def test_example_ivr_greets_and_answers_1_then_hangs_up() -> None:
    phone = create_phone_app("examples.ivr:app")
    transport = httpx.ASGITransport(app=phone)
    client = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1")
    with closing(phone):
        async with client:
            call = await start(client, **{"from": "+15550009999", "to": "+15550100000"})
            assert call["status"] == "in-progress"
            assert call["waiting"] == "gather"
            assert "Welcome to Example Corp." in said(call)[-1]
            assert call["exchanges"][0]["params"]["From"] == "+15550009999"

            call = await act(client, call, "press", digits="1")
            assert said(call)[-1].startswith("Sales.")
            assert [s["text"] for s in call["steps"] if s["kind"] == "gather"] == ["pressed 1"]
            assert call["exchanges"][-1]["params"]["Digits"] == "1"

            call = await act(client, call, "hangup")
            assert call["ended"] is True
            assert call["status"] == "completed"
            assert call["steps"][-1]["kind"] == "hangup"
            assert call["waiting"] is None

            fetched = (await client.get(f"/api/calls/{call['id']}")).json()
            assert fetched == call


async def test_requests_show_params_and_the_pretty_document(client: httpx.AsyncClient) -> None:
    call = await start(client)
    [exchange] = call["exchanges"]
    assert exchange["method"] == "POST"
    assert exchange["url"].endswith("/voice")
    assert exchange["params"]["CallSid"] == call["sid"]
    assert exchange["status"] == 200
    assert exchange["problems"] == []
    assert exchange["xml"].splitlines()[1:3] == [
        "<Response>",
        '  <Gather action="/menu" timeout="5" numDigits="1" input="dtmf">',
    ]


async def test_invalid_document_shows_problems_with_codes_and_lines(
    client: httpx.AsyncClient,
) -> None:
    call = await start(client, path="/bad")
    [exchange] = call["exchanges"]
    problems = {(p["code"], p["path"], p["line"]) for p in exchange["problems"]}
    assert (13314, "Response/Gather[0]@numDigits", 3) in problems
    assert 12200 in {code for code, _, _ in problems}
    assert "<Shout>" in exchange["xml"]  # shown as received, so the lines match
    assert any("13314" in note for note in call["notifications"])


async def test_wrong_keys_and_ended_calls_answer_json_errors(client: httpx.AsyncClient) -> None:
    call = await start(client)
    bad_keys = await client.post(f"/api/calls/{call['id']}/press", json={"digits": "1a"})
    assert bad_keys.status_code == 400
    assert "0-9" in bad_keys.json()["error"]["message"]

    await act(client, call, "hangup")
    late = await client.post(f"/api/calls/{call['id']}/press", json={"digits": "1"})
    assert late.status_code == 409
    error = late.json()["error"]
    assert error["type"] == "SimulationError"
    assert "ended" in error["message"]

    missing = await client.get("/api/calls/nope")
    assert missing.status_code == 404
    assert "no call" in missing.json()["error"]["message"]

    unknown = await client.get("/api/nothing")
    assert unknown.status_code == 404
    assert unknown.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "fragment"),
    [
        (b"{", "application/json", 400, "not valid JSON"),
        (b"[1]", "application/json", 400, "JSON object"),
        (b"path=/voice", "application/x-www-form-urlencoded", 415, "send JSON"),
        (b'{"path": "voice"}', "application/json", 400, "must start with '/'"),
        (b'{"from": 5}', "application/json", 400, "must be a string"),
        (b'{"dial_outcome": "maybe"}', "application/json", 400, "no-answer"),
    ],
)
async def test_bad_requests_answer_json_errors(
    client: httpx.AsyncClient, body: bytes, content_type: str, status: int, fragment: str
) -> None:
    answer = await client.post("/api/calls", content=body, headers={"content-type": content_type})
    assert answer.status_code == status
    assert fragment in answer.json()["error"]["message"]


async def test_failing_handler_shows_its_log_and_traceback(client: httpx.AsyncClient) -> None:
    call = await start(client, path="/boom")
    assert call["ended"] is True
    [record] = call["log"]
    assert record["level"] == "error"
    assert "boom" in record["message"]
    assert "failed" in record["message"]
    assert "the database is down" in record["details"]


async def test_the_request_of_a_failing_handler_carries_its_traceback(
    client: httpx.AsyncClient,
) -> None:
    call = await start(client, path="/boom")
    [exchange] = call["exchanges"]
    assert exchange["status"] == 200  # the caller heard the fallback document
    assert exchange["error"].startswith("the handler failed: RuntimeError: the database is down")
    assert "raise RuntimeError" in exchange["traceback"]


async def test_a_path_no_route_serves_is_no_route_not_a_bad_document(
    client: httpx.AsyncClient,
) -> None:
    call = await start(client, path="/nowhere")
    [exchange] = call["exchanges"]
    assert exchange["status"] == 404
    assert exchange["error"].startswith("no route")
    assert exchange["problems"] == []
    assert exchange["traceback"] is None


async def test_transcript_kinds_media_and_dial_outcome(client: httpx.AsyncClient) -> None:
    call = await start(client, path="/tour", dial_outcome="busy")
    kinds = [step["kind"] for step in call["steps"]]
    assert kinds == ["say", "play", "play", "pause", "sms", "dial", "say", "hangup"]
    local, remote = call["steps"][1], call["steps"][2]
    assert local["url"].startswith(f"/api/calls/{call['id']}/media?url=")
    assert remote["url"] is None  # not local: the page shows the URL, nothing is fetched
    assert call["steps"][5]["text"] == "dialled +15550100001: busy"
    assert said(call)[-1] == "Dial status busy."
    assert [m["kind"] for m in call["messages"]] == ["sms"]
    assert call["clock"] == call["steps"][-1]["at"]

    media = await client.get(local["url"])
    assert media.status_code == 200
    assert media.headers["content-type"] == "audio/wav"
    assert media.content.startswith(b"RIFF")

    far = await client.get(
        f"/api/calls/{call['id']}/media", params={"url": "https://media.example.com/far.mp3"}
    )
    assert far.status_code == 400


async def test_dial_outcome_can_change_during_a_call(client: httpx.AsyncClient) -> None:
    call = await start(client, path="/voice")
    call = await act(client, call, "dial", outcome="no-answer")
    assert call["dial_outcome"] == "no-answer"
    bad = await client.post(f"/api/calls/{call['id']}/dial", json={"outcome": "ringing"})
    assert bad.status_code == 400


async def test_wait_times_out_the_gather(client: httpx.AsyncClient) -> None:
    call = await start(client)
    call = await act(client, call, "wait")
    assert [s["text"] for s in call["steps"] if s["kind"] == "gather"] == [
        "no input: the Gather timed out"
    ]
    assert said(call)[-1] == "Goodbye."
    assert call["ended"] is True


async def test_calls_of_several_tabs_run_side_by_side(client: httpx.AsyncClient) -> None:
    first = await start(client)
    second = await start(client)
    assert first["id"] != second["id"]
    assert first["sid"] != second["sid"]
    await act(client, first, "press", digits="1")
    second = (await client.get(f"/api/calls/{second['id']}")).json()
    assert second["waiting"] == "gather"
    assert [s["kind"] for s in second["steps"]] == ["say"]


async def test_page_static_files_and_info(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert 'id="steps"' in page.text
    for name in ("phone.js", "phone.css"):
        assert (await client.get(f"/static/{name}")).status_code == 200
    info = (await client.get("/api/info")).json()
    assert info == {
        "app": "App",
        "reloads": False,
        "path": "/voice",
        "from": "+15550001111",
        "to": "+15552223333",
        "dial_outcomes": ["answered", "busy", "no-answer", "failed"],
    }


async def test_other_host_names_are_refused(phone_app: PhoneApp) -> None:
    transport = httpx.ASGITransport(app=phone_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://evil.example") as client:
        answer = await client.get("/api/info")
    assert answer.status_code == 400


async def test_leave_a_voicemail_at_the_record() -> None:
    phone = create_phone_app("examples.ivr:app")
    transport = httpx.ASGITransport(app=phone)
    with closing(phone):
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as ivr:
            call = await start(ivr)
            call = await act(ivr, call, "press", digits="2")
            assert call["waiting"] == "record"
            assert call["accepts"] == ["recording"]
            bad = await ivr.post(f"/api/calls/{call['id']}/record", json={"seconds": -1})
            assert bad.status_code == 400
            call = await act(ivr, call, "record", seconds=3)
            [recorded] = [s for s in call["steps"] if s["kind"] == "record"]
            assert recorded["text"] == "recorded (3 s)"


async def test_tabs_meet_in_the_same_conference_room() -> None:
    phone = create_phone_app("examples.conference:app")
    transport = httpx.ASGITransport(app=phone)
    with closing(phone):
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as tabs:
            first = await act(tabs, await start(tabs), "press", digits="1234")
            second = await act(tabs, await start(tabs), "press", digits="1234")
            assert first["waiting"] == second["waiting"] == "conference"
            first = (await tabs.get(f"/api/calls/{first['id']}")).json()
            entered = [s["text"] for s in first["steps"] if s["kind"] == "conference"]
            assert entered == ["enter room team-standup"]
            callbacks = [
                e for e in first["exchanges"] + second["exchanges"] if "conference" in e["url"]
            ]
            assert {e["params"]["CallSid"] for e in callbacks} == {first["sid"], second["sid"]}
            conference_sids = {e["params"]["ConferenceSid"] for e in callbacks}
            assert len(conference_sids) == 1  # one room, shared by both calls


def test_unknown_steps_and_failed_requests_are_still_shown() -> None:
    @dataclass(frozen=True)
    class Whistled:
        tune: str
        at: float = 1.5

    step = step_view(Whistled("la"), lambda url: None)
    assert (step.kind, step.text, step.at) == ("whistled", "tune=la", 1.5)

    @dataclass
    class Request:
        method: str = "POST"
        url: str = "http://testserver/voice"
        params: dict[str, str] = field(default_factory=dict)
        status: int = 0
        content_type: str = ""
        body: bytes = b""

    assert exchange_view(Request()).error == "the app could not be reached"
    assert exchange_view(Request(status=500)).error == "HTTP 500"
    html = exchange_view(Request(status=200, content_type="text/html", body=b"<p>hi</p>"))
    assert html.error == "answered text/html, not XML"
    assert html.problems[0].code == 12102  # the root is not Response
