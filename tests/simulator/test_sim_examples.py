"""Every example app (besides the IVR, covered elsewhere) driven through its main paths."""

from __future__ import annotations

import anyio
import httpx
import pytest

from examples import conference, forwarding, live_control, sms_autoreply, voicemail
from webhooks.rest import AsyncClient
from webhooks.testing import (
    Dialed,
    FakePlatform,
    Gathered,
    HungUp,
    Recorded,
    Redirected,
    RoomEvent,
    SentMessage,
    Simulator,
    Spoke,
)

CALLER = "+15550001111"
NUMBER = "+15552223333"


# -- voicemail -------------------------------------------------------------------------------


def test_voicemail_records_saves_and_attaches_the_transcription() -> None:
    sim = Simulator(voicemail.app)
    call = sim.call("/voicemail", from_=CALLER, to=NUMBER)
    assert call.said == [
        "Please leave your message after the beep. Press the pound key when you are done."
    ]
    assert call.waiting_for == "record"
    call.record(8, text="please call me back", key="#")
    assert call.said[-1] == "Thank you. Your message has been saved. Goodbye."
    assert call.status == "completed"
    (recording,) = call.steps(Recorded)
    assert recording.duration == 8
    assert not recording.background
    assert recording.transcription == "please call me back"
    saved = voicemail.MESSAGES[call.sid]
    assert saved["from"] == CALLER
    assert saved["duration"] == "8"
    assert saved["recording_url"] == recording.url
    assert saved["text"] == "please call me back"
    assert [r.url.rsplit("/", 1)[-1] for r in call.requests] == [
        "voicemail",
        "saved",
        "transcription",
    ]


def test_voicemail_silence_says_goodbye_without_saving() -> None:
    sim = Simulator(voicemail.app)
    call = sim.call("/voicemail", from_=CALLER, to=NUMBER).wait()
    assert call.said[-1] == "We did not get a message. Goodbye."
    assert call.status == "completed"
    assert call.sid not in voicemail.MESSAGES


# -- SMS auto-reply --------------------------------------------------------------------------


def test_sms_autoreply_answers_the_sender_from_the_number_texted() -> None:
    sim = Simulator(sms_autoreply.app)
    sender = "+15550002001"
    msg = sim.sms("/sms", from_=sender, to=NUMBER, body="Hello there")
    (reply,) = msg.replies
    assert isinstance(reply, SentMessage)
    assert (reply.kind, reply.to, reply.from_) == ("sms", sender, NUMBER)
    assert reply.body.startswith("Thanks for your message!")
    assert "Reply STOP to opt out." in reply.body
    assert sim.messages == [reply]


def test_sms_autoreply_stays_silent_after_stop_and_replies_again_after_start() -> None:
    sim = Simulator(sms_autoreply.app)
    sender = "+15550002002"
    assert sim.sms("/sms", from_=sender, to=NUMBER, body=" stop ").replies == []
    assert sender in sms_autoreply.OPTED_OUT
    assert sim.sms("/sms", from_=sender, to=NUMBER, body="are you there?").replies == []
    other = sim.sms("/sms", from_="+15550002003", to=NUMBER, body="hi")
    assert len(other.replies) == 1
    assert sim.sms("/sms", from_=sender, to=NUMBER, body="START").replies == []
    assert sender not in sms_autoreply.OPTED_OUT
    again = sim.sms("/sms", from_=sender, to=NUMBER, body="hello again")
    assert [r.to for r in again.replies] == [sender]
    assert [m.to for m in sim.messages] == ["+15550002003", sender]


# -- conference ------------------------------------------------------------------------------


def test_conference_two_callers_with_the_pin_share_the_room() -> None:
    sim = Simulator(conference.app)
    first = sim.call("/voice", from_="+15550003001", to=NUMBER)
    assert first.said == ["Please enter your four digit conference PIN."]
    first.press("1234")
    second = sim.call("/voice", from_="+15550003002", to=NUMBER).press("1234")
    for call in (first, second):
        assert call.said[-1] == "Joining the conference."
        assert call.status == "in-progress"
        assert call.steps(Gathered)[0].digits == "1234"
    room = sim.conference("team-standup")
    assert room.participants == [first, second]
    assert room.status == "in-progress"
    assert {e.room for e in first.steps(RoomEvent)} == {"team-standup"}
    callbacks = [e for e in conference.EVENTS if e["conference"] == room.sid]
    assert {e["call"] for e in callbacks} >= {first.sid, second.sid}
    first.hangup()
    assert room.participants == [second]
    second.hangup()
    assert room.participants == []


def test_conference_wrong_pin_is_refused_and_asked_again() -> None:
    sim = Simulator(conference.app)
    call = sim.call("/voice", from_=CALLER, to=NUMBER).press("9999")
    assert call.said[-2:] == [
        "That PIN is not valid.",
        "Please enter your four digit conference PIN.",
    ]
    assert len(call.steps(Redirected)) == 1
    call.press("5678")
    assert call.said[-1] == "Joining the conference."
    assert sim.conference("all-hands").participants == [call]


def test_conference_without_a_pin_says_goodbye() -> None:
    sim = Simulator(conference.app)
    call = sim.call("/voice", from_=CALLER, to=NUMBER).wait()
    assert call.said[-1] == "Goodbye."
    assert call.status == "completed"


# -- forwarding ------------------------------------------------------------------------------


def test_forwarding_office_answers_and_the_call_ends() -> None:
    sim = Simulator(forwarding.app)
    sim.script_dial(forwarding.OFFICE, outcome="answered", duration=42)
    call = sim.call("/voice", from_=CALLER, to=NUMBER)
    assert call.status == "completed"
    (dialed,) = call.steps(Dialed)
    assert (dialed.targets, dialed.outcome, dialed.duration) == (
        (forwarding.OFFICE,),
        "completed",
        42,
    )
    assert call.said == []
    assert call.requests[-1].params["DialCallStatus"] == "completed"


@pytest.mark.parametrize("office", ["busy", "no-answer", "failed"])
def test_forwarding_unanswered_office_falls_back_to_the_mobile(office: str) -> None:
    sim = Simulator(forwarding.app)
    sim.script_dial(forwarding.OFFICE, outcome=office)  # type: ignore[arg-type]
    sim.script_dial(forwarding.MOBILE, outcome="answered", duration=10)
    call = sim.call("/voice", from_=CALLER, to=NUMBER)
    assert call.said == ["Please hold, we are trying another number."]
    assert [(d.targets, d.outcome) for d in call.steps(Dialed)] == [
        ((forwarding.OFFICE,), office),
        ((forwarding.MOBILE,), "completed"),
    ]
    assert call.status == "completed"


def test_forwarding_nobody_answers_so_the_caller_leaves_a_voicemail() -> None:
    sim = Simulator(forwarding.app)
    sim.script_dial(forwarding.OFFICE, outcome="busy")
    sim.script_dial(forwarding.MOBILE, outcome="no-answer")
    call = sim.call("/voice", from_=CALLER, to=NUMBER)
    assert [d.outcome for d in call.steps(Dialed)] == ["busy", "no-answer"]
    assert call.said[-1].startswith("Please leave your message after the beep.")
    assert call.waiting_for == "record"
    call.record(5, text="ring me", key="#")
    assert call.said[-1] == "Thank you. Your message has been saved. Goodbye."
    assert voicemail.MESSAGES[call.sid]["text"] == "ring me"
    assert call.status == "completed"


def test_forwarding_fallback_url_rings_the_mobile() -> None:
    sim = Simulator(forwarding.app)
    call = sim.call("/fallback", from_=CALLER, to=NUMBER)
    assert call.said == ["Connecting you."]
    assert [d.targets for d in call.steps(Dialed)] == [(forwarding.MOBILE,)]
    assert call.status == "completed"


# -- live control ----------------------------------------------------------------------------


def test_live_control_interrupts_a_long_hold_through_the_rest_api(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = FakePlatform()
    sim = Simulator(live_control.app, platform=fake)
    client = AsyncClient(
        fake.account_sid,
        fake.auth_token,
        base_url="http://127.0.0.1/v2",
        transport=httpx.ASGITransport(app=fake),
    )
    monkeypatch.setattr(live_control.app, "client", client)
    monkeypatch.setattr(live_control.app, "public_url", "http://testserver")

    async def create() -> str:
        created = await client.calls.create(from_=NUMBER, to=CALLER, url="http://testserver/voice")
        return str(created.sid)

    sid = anyio.run(create)
    (call,) = sim.run_queued()
    assert call.sid == sid
    assert call.said == ["All our agents are busy. Please hold."]
    assert call.waiting_for == "loop"
    call.wait()
    call.wait()
    assert call.status == "in-progress"
    assert call.waiting_for == "loop"
    call.wait()  # the third heartbeat reaches the limit and interrupts through the REST API
    assert [r.kind for r in call.requests].count("heartbeat") == live_control.MAX_MINUTES
    assert sim.run_queued() == []  # applies the live-call request to the waiting call
    assert call.said == [
        "All our agents are busy. Please hold.",
        "Sorry, no agent is free. Please call again later. Goodbye.",
    ]
    assert call.status == "completed"
    assert (call.requests[-1].kind, call.requests[-1].url) == (
        "interrupt",
        "http://testserver/goodbye",
    )
    assert fake.calls[sid].status == "completed"
    assert [type(s) for s in call.transcript[-2:]] == [Spoke, HungUp]
    anyio.run(client.aclose)
