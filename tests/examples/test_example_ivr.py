"""examples/ivr.py: menu, sales sub-menu, voicemail, retries; in-process and served by the CLI."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from webhook_support import action_of, asgi_client, serve_subprocess, voice_params

from examples import voicemail
from examples.ivr import app
from inboundxml import Dial, Gather, Hangup, Number, Record, Redirect, Say, parse

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def served_ivr() -> Iterator[str]:
    """``python -m webhooks serve examples.ivr:app`` on a free port."""
    with serve_subprocess("examples.ivr:app") as url:
        yield url


async def test_answers_with_a_menu_where_1_is_a_choice() -> None:
    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    doc = parse(reply.content)
    gather = doc.children[0]
    assert isinstance(gather, Gather)
    assert gather.num_digits == 1
    assert gather.action == "/menu"
    assert "press 1" in str(gather.children[0].text)
    assert doc.children[1] == Redirect("/voice")


async def test_1_opens_the_sales_menu_and_its_choices_dial() -> None:
    async with asgi_client(app) as client:
        sales = await client.post("/menu", data=voice_params(Digits="1"))
        dial = await client.post("/sales", data=voice_params(Digits="2"))
        wrong = await client.post("/sales", data=voice_params(Digits="9"))
    assert action_of(sales.content) == "/sales"
    assert parse(dial.content).children[1] == Dial(Number("+15550100002"))
    assert parse(wrong.content).children[-1] == Redirect("/voice")


async def test_2_records_a_voicemail_with_transcription() -> None:
    async with asgi_client(app) as client:
        reply = await client.post("/menu", data=voice_params(Digits="2"))
        saved = await client.post(
            "/voicemail/saved",
            data=voice_params(RecordingUrl="https://r.example/1.mp3", RecordingDuration="9"),
        )
        text = await client.post(
            "/voicemail/transcription",
            data={"CallSid": voice_params()["CallSid"], "TranscriptionText": "call me back"},
        )
    record = parse(reply.content).children[1]
    assert isinstance(record, Record)
    assert record.action == "/voicemail/saved"
    assert record.transcribe is True
    assert record.transcribe_callback == "/voicemail/transcription"
    assert parse(saved.content).children[-1] == Hangup()
    assert text.status_code == 204
    message = voicemail.MESSAGES[voice_params()["CallSid"]]
    assert message["duration"] == "9"
    assert message["text"] == "call me back"


async def test_other_keys_repeat_the_menu_and_three_timeouts_hang_up() -> None:
    params = voice_params(CallSid="CA" + "9" * 32)
    async with asgi_client(app) as client:
        wrong = await client.post("/menu", data={**params, "Digits": "7"})
        replies = [await client.post("/voice", data=params) for _ in range(4)]
    assert parse(wrong.content).children == (
        Say("Sorry, that is not a valid choice."),
        Redirect("/voice"),
    )
    assert [isinstance(parse(r.content).children[0], Gather) for r in replies] == [True] * 3 + [
        False
    ]
    assert parse(replies[-1].content).children[-1] == Hangup()


async def test_final_status_ends_the_session() -> None:
    params = voice_params(CallSid="CA" + "8" * 32)
    async with asgi_client(app) as client:
        await client.post("/voice", data=params)
        await client.post("/voice", data=params)
        ended = await client.post("/status", data={**params, "CallStatus": "completed"})
        again = await client.post("/voice", data=params)
    assert ended.status_code == 204
    assert "Welcome" in str(parse(again.content).children[0].children[0].text)


async def test_served_by_the_cli_through_uvicorn(served_ivr: str) -> None:
    async with httpx.AsyncClient(base_url=served_ivr) as client:
        menu = await client.post("/voice", data=voice_params(CallSid="CA" + "1" * 32))
        sales = await client.post("/menu", data=voice_params(CallSid="CA" + "1" * 32, Digits="1"))
        bad = await client.post("/voice", content=b"%%", headers={"content-type": "text/plain"})
    assert menu.status_code == 200
    assert menu.headers["content-type"] == "application/xml"
    assert action_of(menu.content) == "/menu"
    assert action_of(sales.content) == "/sales"
    assert bad.status_code == 415
