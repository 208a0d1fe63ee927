"""What a test sees of a call, a message, a dialled leg and a conference room: the test API,
typed, with reprs."""

from __future__ import annotations

import re
from typing import assert_type

import pytest
from sim_apps import docs_app

from webhooks.testing import (
    Dialed,
    DialLeg,
    Recorded,
    Room,
    SimCall,
    SimMessage,
    Simulator,
    Spoke,
)

CALL_API = {
    # state
    "sid", "from_", "to", "direction", "status", "clock", "transcript", "requests",
    "notifications", "scheduled_hangup", "legs",
    # inspection
    "said", "messages", "ended", "waiting_for", "waiting_at", "gather", "last_request",
    "codes", "describe", "fork", "notification", "steps",
    # the caller's actions and live-call control
    "press", "say_speech", "record", "wait", "hangup", "interrupt", "send_digits",
    "press_async", "say_speech_async", "record_async", "wait_async", "hangup_async",
    "interrupt_async", "send_digits_async",
}  # fmt: skip
MESSAGE_API = {"sid", "from_", "to", "body", "replies", "requests", "notifications"}
LEG_API = {
    "sid", "target", "parent", "answered_by", "status", "transcript", "requests", "said",
    "digits_sent",
}  # fmt: skip
ROOM_API = {"name", "sid", "status", "participants", "history", "muted", "max_participants"}

SMS = '<Sms to="+15550001111" from="+15552223333">ok</Sms>'
DIAL = '<Dial action="/after"><Number sendDigits="12">+15550001</Number></Dial>'
ROOM = "<Dial><Conference>team room</Conference></Dial><Say>left</Say>"


def public(obj: object) -> set[str]:
    return {name for name in dir(obj) if not name.startswith("_")}


def test_a_call_shows_only_the_test_api() -> None:
    call = Simulator(docs_app({"/voice": DIAL, "/after": "<Hangup/>"})).call("/voice")
    assert public(SimCall) == CALL_API
    assert public(call) == CALL_API


def test_a_message_shows_only_its_result() -> None:
    msg = Simulator(docs_app({"/sms": SMS})).sms("/sms", body="hi")
    assert public(SimMessage) == MESSAGE_API
    assert public(msg) == MESSAGE_API
    assert (msg.body, msg.from_, msg.to) == ("hi", "+15550001111", "+15552223333")
    assert [r.body for r in msg.replies] == ["ok"]


def test_a_dialled_leg_shows_only_what_the_called_party_got() -> None:
    call = Simulator(docs_app({"/voice": DIAL, "/after": "<Hangup/>"})).call("/voice")
    (leg,) = call.legs
    assert public(DialLeg) == LEG_API
    assert public(leg) == LEG_API
    assert leg.parent is call
    assert leg.digits_sent == "12"


def test_a_room_shows_only_who_is_there_and_its_status() -> None:
    sim = Simulator(docs_app({"/voice": ROOM}))
    first, second = sim.call("/voice"), sim.call("/voice")
    room = sim.conference("team room")
    assert public(type(room)) == ROOM_API
    assert public(room) == ROOM_API
    assert (room.name, room.status) == ("team room", "in-progress")
    assert re.fullmatch(r"CF[0-9a-f]{32}", room.sid)
    first.hangup()
    assert room.participants == [second]
    assert room.history == [first, second]


def test_a_room_is_read_only() -> None:
    sim = Simulator(docs_app({"/voice": ROOM}))
    sim.call("/voice")
    room = sim.conference("team room")
    for name in ROOM_API:
        with pytest.raises(AttributeError):
            setattr(room, name, None)
    assert room.status == "init"


def test_steps_keeps_the_step_type() -> None:
    call = Simulator(docs_app({"/voice": DIAL, "/after": "<Hangup/>"})).call("/voice")
    dialed = call.steps(Dialed)
    assert_type(dialed, list[Dialed])
    assert dialed[0].targets == ("+15550001",)
    assert call.steps(Recorded) == []


def test_the_element_a_call_waits_at() -> None:
    sim = Simulator(docs_app({"/voice": '<Gather numDigits="1"/>', "/r": "<Record/>"}))
    call = sim.call("/voice")
    assert call.waiting_at is not None
    assert call.waiting_at is call.gather
    assert call.waiting_at.tag == "Gather"
    call.hangup()
    assert call.waiting_at is None


def test_reprs_are_short_and_readable() -> None:
    sim = Simulator(docs_app({"/voice": DIAL, "/after": "<Hangup/>", "/sms": SMS}))
    msg = sim.sms("/sms", body="hi")
    assert re.fullmatch(
        r"<SimMessage SM[0-9a-f]{32} from \+15550001111 to \+15552223333: 'hi', 1 reply>",
        repr(msg),
    )
    call = sim.call("/voice")
    assert repr(call) == (
        f"<SimCall {call.sid} completed: the call has ended (completed) after Hangup at "
        "Response/Hangup[0]>"
    )
    assert repr(call.legs[0]) == f"<DialLeg {call.legs[0].sid} to +15550001 completed>"
    long = sim.sms("/sms", body="a rather long message that goes on and on")
    assert "'a rather long message that...', 1 reply>" in repr(long)


def test_a_room_repr_names_it_and_counts_its_participants() -> None:
    sim = Simulator(docs_app({"/voice": ROOM}))
    first = sim.call("/voice")
    room = sim.conference("team room")
    assert repr(room) == f"<Room {room.sid} 'team room' init, 1 participant>"
    sim.call("/voice")
    assert repr(room) == f"<Room {room.sid} 'team room' in-progress, 2 participants>"
    first.hangup()
    sim.end_conference("team room")
    assert repr(room) == f"<Room {room.sid} 'team room' completed, 0 participants>"


@pytest.mark.anyio
async def test_a_room_ends_from_an_event_loop_too() -> None:
    sim = Simulator(docs_app({"/voice": ROOM}))
    call = await sim.call_async("/voice")
    room = sim.conference("team room")
    assert isinstance(room, Room)
    assert call.waiting_for == "conference"
    await sim.end_conference_async("team room")
    assert room.status == "completed"
    assert [step.text for step in call.steps(Spoke)][-1:] == ["left"]
