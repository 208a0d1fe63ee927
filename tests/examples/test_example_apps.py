"""The other examples: voicemail, SMS auto-reply, conference, forwarding, live-call control."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from webhook_support import action_of, asgi_client, uvicorn_thread, voice_params

from examples import conference, forwarding, live_control, sms_autoreply, voicemail
from inboundxml import Dial, Hangup, Number, Play, Record, Response, Sms, parse
from webhooks import App

pytestmark = pytest.mark.anyio


def sms(body: str, sender: str = "+15550009999") -> dict[str, str]:
    return {"From": sender, "To": "+15552223333", "Body": body, "SmsSid": "SM1"}


async def test_voicemail_alone_records_and_saves() -> None:
    async with asgi_client(voicemail.app) as client:
        start = await client.post("/voicemail", data=voice_params(CallSid="CA" + "5" * 32))
        done = await client.post(
            "/voicemail/saved", data=voice_params(CallSid="CA" + "5" * 32, RecordingUrl="u")
        )
    record = parse(start.content).children[1]
    assert isinstance(record, Record)
    assert record.background is False
    assert parse(done.content).children[-1] == Hangup()
    assert voicemail.MESSAGES["CA" + "5" * 32]["recording_url"] == "u"


async def test_sms_autoreply_replies_once_and_respects_stop() -> None:
    async with asgi_client(sms_autoreply.app) as client:
        first = parse((await client.post("/sms", data=sms("hello"))).content)
        stop = parse((await client.post("/sms", data=sms(" stop "))).content)
        silent = parse((await client.post("/sms", data=sms("hello again"))).content)
        await client.post("/sms", data=sms("START"))
        back = parse((await client.post("/sms", data=sms("hi"))).content)
    reply = first.children[0]
    assert isinstance(reply, Sms)
    assert (reply.to, reply.from_) == ("+15550009999", "+15552223333")
    assert stop == Response()
    assert silent == Response()
    assert isinstance(back.children[0], Sms)


async def test_conference_joins_the_room_of_the_pin_and_tracks_events() -> None:
    async with asgi_client(conference.app) as client:
        ask = await client.post("/voice", data=voice_params())
        join = await client.post("/join", data=voice_params(Digits="1234"))
        wrong = await client.post("/join", data=voice_params(Digits="0000"))
        event = await client.post(
            "/conference/events", data=voice_params(ConferenceSid="CF1", ConferenceStatus="init")
        )
    assert action_of(ask.content) == "/join"
    dial = parse(join.content).children[1]
    assert isinstance(dial, Dial)
    room = dial.children[0]
    assert room.text == "team-standup"
    assert getattr(room, "callback_url") == "/conference/events"  # noqa: B009
    assert parse(wrong.content).children[0].text == "That PIN is not valid."
    assert event.status_code == 204
    assert conference.EVENTS[-1]["conference"] == "CF1"


async def test_forwarding_tries_office_then_mobile_then_voicemail() -> None:
    params = voice_params(CallSid="CA" + "7" * 32)
    async with asgi_client(forwarding.app) as client:
        first = parse((await client.post("/voice", data=params)).content)
        second = parse(
            (
                await client.post("/forward/result", data={**params, "DialCallStatus": "no-answer"})
            ).content
        )
        third = parse(
            (
                await client.post("/forward/result", data={**params, "DialCallStatus": "busy"})
            ).content
        )
        answered = parse(
            (
                await client.post("/forward/result", data={**params, "DialCallStatus": "completed"})
            ).content
        )
        fallback = parse((await client.post("/fallback", data=params)).content)
    assert first.children[0].children == (Number(forwarding.OFFICE),)
    assert first.children[0].action == "/forward/result"  # type: ignore[attr-defined]
    assert second.children[1].children == (Number(forwarding.MOBILE),)
    assert isinstance(third.children[1], Record)
    assert answered == Response(Hangup())
    assert fallback.children[1] == Dial(Number(forwarding.MOBILE), timeout=30)


class RecordingCalls:
    def __init__(self) -> None:
        self.interrupts: list[tuple[str, dict[str, Any]]] = []

    async def interrupt(self, call_sid: str, **options: Any) -> None:
        self.interrupts.append((call_sid, options))

    async def send_digits(self, call_sid: str, **options: Any) -> None:
        raise AssertionError("not used")


class RecordingClient:
    def __init__(self) -> None:
        self.calls = RecordingCalls()


async def test_live_control_interrupts_the_call_at_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = RecordingClient()
    monkeypatch.setattr(live_control.app, "client", client)
    monkeypatch.setattr(live_control.app, "public_url", "https://ivr.example.com")
    params = voice_params(CallSid="CA" + "3" * 32)
    async with asgi_client(live_control.app) as http:
        hold = parse((await http.post("/voice", data=params)).content)
        for _ in range(live_control.MAX_MINUTES):
            assert (await http.post("/heartbeat", data=params)).status_code == 204
        goodbye = parse((await http.post("/goodbye", data=params)).content)
    assert getattr(hold, "heartbeat_callback") == "https://ivr.example.com/heartbeat"  # noqa: B009
    assert hold.children[1] == Play(live_control.HOLD_MUSIC, loop=0)
    assert client.calls.interrupts == [
        (params["CallSid"], {"url": "https://ivr.example.com/goodbye"})
    ]
    assert goodbye.children[-1] == Hangup()


@pytest.fixture(scope="module")
def live_servers() -> Iterator[dict[str, str]]:
    """Every example app served by uvicorn (httptools) in a thread."""
    apps: dict[str, App] = {
        "voicemail": voicemail.app,
        "sms": sms_autoreply.app,
        "conference": conference.app,
        "forwarding": forwarding.app,
    }
    urls: dict[str, str] = {}
    managers = [uvicorn_thread(app) for app in apps.values()]
    try:
        for name, manager in zip(apps, managers, strict=True):
            urls[name] = manager.__enter__()
        yield urls
    finally:
        for manager in managers:
            manager.__exit__(None, None, None)


@pytest.mark.parametrize(
    ("name", "path", "params", "expected"),
    [
        ("voicemail", "/voicemail", voice_params(), 200),
        ("sms", "/sms", sms("hello", sender="+15550008888"), 200),
        ("conference", "/join", voice_params(Digits="5678"), 200),
        ("forwarding", "/voice", voice_params(), 200),
        ("forwarding", "/voice", {"From": "+1"}, 400),
    ],
)
async def test_examples_served_by_uvicorn(
    live_servers: dict[str, str], name: str, path: str, params: dict[str, str], expected: int
) -> None:
    async with httpx.AsyncClient(base_url=live_servers[name]) as client:
        reply = await client.post(path, data=params)
    assert reply.status_code == expected
    if expected == 200:
        assert parse(reply.content).children
