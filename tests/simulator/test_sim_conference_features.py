"""Conference hangupOnStar, digitsMatch, record, muted, beep and maxParticipants."""

from __future__ import annotations

import pytest
from sim_apps import docs_app

from webhooks.testing import (
    Dialed,
    Played,
    Pressed,
    Recorded,
    RoomEvent,
    SimCall,
    SimRequest,
    SimulationError,
    Simulator,
)


def sim_for(routes: dict[str, object], **options: object) -> Simulator:
    return Simulator(docs_app(routes), **options)  # type: ignore[arg-type]


def requests(call: SimCall, kind: str) -> list[SimRequest]:
    return [r for r in call.requests if r.kind == kind]


def events(call: SimCall) -> list[str]:
    return [s.event for s in call.steps(RoomEvent)]


def room_doc(attrs: str, action: str = "") -> str:
    return f'<Dial{action}><Conference callbackUrl="/cb" {attrs}>team</Conference></Dial>'


BEEP = "https://sounds.sim.invalid/beep.wav"
AFTER = {
    "/after": lambda p: f"<Say>{p['DialCallStatus']} {p['DialCallDuration']}</Say>",
    "/cb": "",
    "/rec": "",
}


# -- hangupOnStar ------------------------------------------------------------------------------


def test_star_takes_the_caller_out_of_the_room_and_its_dial_goes_on() -> None:
    sim = sim_for(
        {"/v": room_doc('hangupOnStar="true"', ' action="/after"'), **AFTER},
    )
    first, second = sim.call("/v"), sim.call("/v")
    first.wait(20)
    first.press("*12")
    assert first.steps(Pressed) == [Pressed("*", (), True, 20.0)]
    assert events(first) == ["enter", "exit"]
    assert first.said == ["completed 20"]
    (action,) = requests(first, "dial")
    assert action.trigger == "press *"
    room = sim.conference("team")
    assert room.participants == [second]
    assert room.status == "in-progress"
    assert [r.params["ConferenceEvent"] for r in requests(first, "conference")] == [
        "enter",
        "exit",
    ]


def test_star_can_end_the_room_for_everyone() -> None:
    sim = sim_for(
        {"/v": room_doc('hangupOnStar="true"') + "<Say>out</Say>", **AFTER},
        conference_star="end",
    )
    first, second = sim.call("/v"), sim.call("/v")
    second.press("*")
    assert sim.conference("team").status == "completed"
    assert first.said == second.said == ["out"]
    assert first.ended
    assert second.ended


def test_star_is_an_ordinary_key_without_hangup_on_star() -> None:
    sim = sim_for({"/v": room_doc('digitsMatch="9"'), **AFTER})
    call = sim.call("/v").press("*")
    assert call.waiting_for == "conference"
    assert call.steps(Pressed) == [Pressed("*", (), False, 0.0)]


def test_keys_in_a_room_that_does_not_listen_raise() -> None:
    call = sim_for({"/v": room_doc(""), **AFTER}).call("/v")
    with pytest.raises(SimulationError, match="neither hangupOnStar nor digitsMatch"):
        call.press("1")


# -- digitsMatch -------------------------------------------------------------------------------


def test_digits_matching_a_pattern_go_to_the_room_callback() -> None:
    sim = sim_for({"/v": room_doc('digitsMatch="12,#9"'), **AFTER})
    call = sim.call("/v").press("3129").press("#9")
    assert call.steps(Pressed) == [
        Pressed("3129", ("12",), False, 0.0),
        Pressed("#9", ("#9",), False, 0.0),
    ]
    hits = requests(call, "conference-digits")
    assert [(r.method, r.url) for r in hits] == [("POST", "http://testserver/cb")] * 2
    assert [r.params["Digits"] for r in hits] == ["12", "#9"]
    assert {r.params["ConferenceEvent"] for r in hits} == {"digits"}
    assert hits[0].params["ConferenceSid"] == sim.conference("team").sid
    assert hits[0].params["CallSid"] == call.sid
    assert call.waiting_for == "conference"


# -- record ------------------------------------------------------------------------------------


def test_the_room_recording_is_posted_when_the_room_ends() -> None:
    sim = sim_for(
        {
            "/v": room_doc(
                'record="true" recordFileFormat="wav" recordCallbackUrl="/rec" '
                'recordCallbackMethod="GET"'
            ),
            **AFTER,
        }
    )
    owner = sim.call("/v").wait(5)  # alone: the room has not started
    other = sim.call("/v")
    owner.wait(40)
    assert requests(owner, "record-callback") == []
    sim.end_conference("team")
    (rec,) = requests(owner, "record-callback")
    assert requests(other, "record-callback") == []
    assert (rec.method, rec.url) == ("GET", "http://testserver/rec")
    assert rec.params["RecordingDuration"] == "40"
    assert rec.params["ConferenceSid"] == sim.conference("team").sid
    assert rec.params["FriendlyName"] == "team"
    assert rec.params["RecordingUrl"].endswith(rec.params["RecordingSid"] + ".wav")
    assert owner.steps(Recorded) == [Recorded(rec.params["RecordingUrl"], 40.0, True, None, 5.0)]


def test_a_room_that_never_started_makes_no_recording() -> None:
    sim = sim_for({"/v": room_doc('record="true" recordCallbackUrl="/rec"'), **AFTER})
    call = sim.call("/v").wait(30).hangup()
    assert call.steps(Recorded) == []
    assert requests(call, "record-callback") == []


# -- muted and beep ----------------------------------------------------------------------------


def test_a_muted_participant_is_listed_and_reported_muted() -> None:
    sim = sim_for(
        {"/v": room_doc(""), "/m": room_doc('muted="true"'), **AFTER},
    )
    speaker, listener = sim.call("/v"), sim.call("/m")
    room = sim.conference("team")
    assert room.muted == [listener]
    assert requests(listener, "conference")[0].params["Muted"] == "true"
    assert requests(speaker, "conference")[0].params["Muted"] == "false"
    listener.hangup()
    assert room.muted == []


def test_a_participant_with_beep_is_announced_to_the_room() -> None:
    sim = sim_for({"/v": room_doc(""), "/b": room_doc('beep="true"'), **AFTER})
    first = sim.call("/v").wait(3)
    beeper = sim.call("/b")
    assert first.steps(Played) == [Played(BEEP, 3.0)]
    assert beeper.steps(Played) == [Played(BEEP, 0.0)]
    beeper.wait(4).hangup()
    assert first.steps(Played) == [Played(BEEP, 3.0), Played(BEEP, 3.0)]
    assert beeper.steps(Played) == [Played(BEEP, 0.0)]  # it has left when the beep sounds
    assert events(beeper) == ["enter", "exit"]
    quiet = sim.call("/v")
    assert quiet.steps(Played) == []
    assert len(first.steps(Played)) == 2


# -- maxParticipants ---------------------------------------------------------------------------


def test_a_call_over_the_limit_does_not_enter_and_its_dial_is_busy() -> None:
    sim = sim_for(
        {"/v": room_doc('maxParticipants="2"', ' action="/after"'), **AFTER},
    )
    calls = [sim.call("/v") for _ in range(3)]
    room = sim.conference("team")
    assert room.max_participants == 2
    assert room.participants == calls[:2]
    late = calls[2]
    assert events(late) == ["full"]
    assert late.said == ["busy 0"]
    (dialed,) = late.steps(Dialed)
    assert (dialed.targets, dialed.outcome) == (("team",), "busy")
    assert requests(late, "dial")[0].trigger == "conference full"
    assert requests(late, "conference") == []
    assert room.history == calls[:2]


def test_the_full_status_is_an_option() -> None:
    sim = sim_for(
        {"/v": room_doc('maxParticipants="1"') + "<Say>next</Say>", **AFTER},
        conference_full_status="failed",
    )
    sim.call("/v")
    late = sim.call("/v")
    assert late.steps(Dialed)[0].outcome == "failed"
    assert late.said == ["next"]


def test_the_first_participant_sets_the_limit() -> None:
    sim = sim_for(
        {"/v": room_doc('maxParticipants="1"'), "/w": room_doc('maxParticipants="5"'), **AFTER}
    )
    sim.call("/v")
    assert sim.call("/w").steps(Dialed)[0].outcome == "busy"


def test_a_limit_outside_1_to_40_is_an_invalid_document() -> None:
    call = sim_for({"/v": room_doc('maxParticipants="50"'), **AFTER}).call("/v")
    assert call.codes() == [12200]


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="conference_star"):
        sim_for({}, conference_star="all")
    with pytest.raises(ValueError, match="conference_full_status"):
        sim_for({}, conference_full_status="no-answer")
