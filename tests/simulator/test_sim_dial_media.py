"""Dial around its call: dialMusic, confirmSound, record and heartbeatUrl."""

from __future__ import annotations

import pytest
from sim_apps import docs_app

from webhooks.testing import (
    Dialed,
    Paused,
    Played,
    Recorded,
    SimCall,
    SimRequest,
    SimulationError,
    Simulator,
    Spoke,
)


def sim_for(routes: dict[str, object], **options: object) -> Simulator:
    return Simulator(docs_app(routes), **options)  # type: ignore[arg-type]


def requests(call: SimCall, kind: str) -> list[SimRequest]:
    return [r for r in call.requests if r.kind == kind]


# -- dialMusic ---------------------------------------------------------------------------------


def test_dial_music_plays_to_the_caller_while_the_party_rings() -> None:
    sim = sim_for(
        {
            "/v": '<Dial dialMusic="/music" action="/after">+15550001</Dial>',
            "/music": "<Play>https://x.test/ring.mp3</Play><Say>Please hold on</Say>",
            "/after": "<Say>after</Say>",
        },
        audio_seconds={"https://x.test/ring.mp3": 4},
    )
    sim.script_dial("+15550001", ring=10, duration=20)
    call = sim.call("/v")
    (music,) = requests(call, "dial-music")
    assert (music.method, music.url) == ("POST", "http://testserver/music")
    assert music.params["CallSid"] == call.sid
    assert music.params["Direction"] == "inbound"
    assert call.steps(Played) == [
        Played("https://x.test/ring.mp3", 0.0),
        Played("https://x.test/ring.mp3", 5.2),
    ]
    assert call.steps(Spoke)[0] == Spoke("Please hold on", "female", "en", 4.0)
    assert call.said == ["Please hold on", "Please hold on", "after"]
    (dialed,) = call.steps(Dialed)
    assert (dialed.outcome, dialed.duration, dialed.at) == ("completed", 20.0, 30.0)
    assert call.legs[0].transcript == []  # the called party never hears it


def test_dial_music_plays_until_the_timeout_when_nobody_answers() -> None:
    sim = sim_for(
        {
            "/v": '<Dial dialMusic="https://x.test/hold.wav" timeout="12" action="/after">'
            "+15550001</Dial>",
            "/after": lambda p: f"<Say>{p['DialCallStatus']}</Say>",
        }
    )
    sim.script_dial("+15550001", "no-answer")
    call = sim.call("/v")
    assert requests(call, "dial-music") == []  # an audio URL plays without a request
    assert [s.at for s in call.steps(Played)] == [0.0, 5.0, 10.0]
    assert call.said == ["no-answer"]
    assert call.steps(Dialed)[0].at == 12.0


def test_a_party_ringing_as_long_as_the_timeout_does_not_answer() -> None:
    sim = sim_for({"/v": '<Dial timeout="5">+15550001</Dial>'})
    sim.script_dial("+15550001", ring=5)
    call = sim.call("/v")
    assert call.steps(Dialed)[0].outcome == "no-answer"
    assert call.legs[0].status == "no-answer"


def test_a_scheduled_hangup_while_it_rings_cancels_the_dialled_call() -> None:
    sim = sim_for(
        {"/v": '<Hangup schedule="7"/><Dial dialMusic="https://x.test/m.mp3">+15550001</Dial>'},
        audio_seconds={"https://x.test/m.mp3": 3},
    )
    sim.script_dial("+15550001", ring=20)
    call = sim.call("/v")
    assert [s.at for s in call.steps(Played)] == [0.0, 3.0, 6.0]
    assert call.legs[0].status == "canceled"
    assert call.steps(Dialed) == []
    assert call.clock == 7.0


def test_a_dial_in_the_dial_music_document_is_13201() -> None:
    sim = sim_for(
        {
            "/v": '<Dial dialMusic="/music">+15550001</Dial>',
            "/music": "<Say>hold</Say><Dial>+15559999</Dial>",
        }
    )
    sim.script_dial("+15550001", ring=0.5)
    call = sim.call("/v")
    assert call.codes() == [13201]
    assert call.said == ["hold"]


def test_other_verbs_in_the_dial_music_document_raise() -> None:
    sim = sim_for({"/v": '<Dial dialMusic="/music">+15550001</Dial>', "/music": "<Hangup/>"})
    with pytest.raises(SimulationError, match=r"<Hangup> in the document of Dial@dialMusic"):
        sim.call("/v")


# -- confirmSound ------------------------------------------------------------------------------


def test_confirm_sound_plays_to_the_called_party_on_answer() -> None:
    sim = sim_for(
        {
            "/v": '<Dial confirmSound="/confirm"><Number sendDigits="1">+15550001</Number></Dial>'
            "<Say>back</Say>",
            "/confirm": '<Say>Call from the office</Say><Pause length="1"/><Gather/>'
            "<Redirect>/v</Redirect>",
        }
    )
    sim.script_dial("+15550001", duration=10)
    call = sim.call("/v")
    (leg,) = call.legs
    (confirm,) = requests(call, "confirm-sound")
    assert confirm.params["CallSid"] == leg.sid
    assert confirm.params["ParentCallSid"] == call.sid
    assert confirm.params["Direction"] == "outbound-dial"
    assert leg.said == ["Call from the office"]
    assert [type(s).__name__ for s in leg.transcript] == ["SentDigits", "Spoke", "Paused"]
    assert call.said == ["back"]  # Gather and Redirect there are ignored
    assert call.notifications == []
    (dialed,) = call.steps(Dialed)
    assert dialed.at == pytest.approx(0.2 + 1.6 + 1.0 + 10.0)  # keys, Say, Pause, talk


def test_a_dial_in_the_confirm_sound_document_is_13201() -> None:
    sim = sim_for(
        {"/v": '<Dial confirmSound="/c">+15550001</Dial>', "/c": "<Dial>+15559999</Dial>"}
    )
    assert sim.call("/v").codes() == [13201]


# -- record ------------------------------------------------------------------------------------


def test_record_posts_the_recording_of_the_bridge_before_the_action() -> None:
    sim = sim_for(
        {
            "/v": '<Dial record="true" recordFormat="wav" recordDirection="in" recordLifetime="7"'
            ' recordCallbackUrl="/rec" callbackUrl="/cb" action="/after">+15550001</Dial>',
            "/rec": "",
            "/cb": "",
            "/after": "<Hangup/>",
        }
    )
    sim.script_dial("+15550001", ring=3, duration=42)
    call = sim.call("/v")
    (leg,) = call.legs
    (rec,) = requests(call, "record-callback")
    assert (rec.method, rec.url, rec.at) == ("POST", "http://testserver/rec", 45.0)
    assert rec.params["CallSid"] == call.sid
    assert rec.params["DialCallSid"] == leg.sid
    assert rec.params["RecordingDuration"] == "42"
    assert rec.params["RecordingSid"].startswith("RE")
    assert rec.params["RecordingUrl"].endswith(rec.params["RecordingSid"] + ".wav")
    assert call.steps(Recorded) == [Recorded(rec.params["RecordingUrl"], 42.0, True, None, 3.0)]
    kinds = [r.kind for r in call.requests]
    assert kinds == ["voice", "dial-callback", "record-callback", "dial-callback", "dial"]


def test_the_recording_ends_when_the_caller_hangs_up() -> None:
    sim = sim_for(
        {"/v": '<Dial record="true" hangupOnStar="true" recordCallbackUrl="/rec">1</Dial>'}
    )
    call = sim.call("/v").wait(12).hangup()
    (rec,) = requests(call, "record-callback")
    assert rec.params["RecordingDuration"] == "12"
    assert rec.params["RecordingUrl"].endswith(".mp3")


def test_an_unanswered_dial_makes_no_recording() -> None:
    sim = sim_for({"/v": '<Dial record="true" recordCallbackUrl="/rec">+15550001</Dial>'})
    sim.script_dial("+15550001", "busy")
    call = sim.call("/v")
    assert call.steps(Recorded) == []
    assert requests(call, "record-callback") == []


# -- heartbeatUrl ------------------------------------------------------------------------------


def test_heartbeats_every_minute_of_the_bridge() -> None:
    sim = sim_for(
        {
            "/v": '<Say>connecting</Say><Dial heartbeatUrl="/hb" heartbeatMethod="GET">'
            "+15550001</Dial><Say>back</Say>",
            "/hb": "",
        }
    )
    sim.script_dial("+15550001", duration=150)
    call = sim.call("/v")
    beats = requests(call, "dial-heartbeat")
    start = call.steps(Spoke)[0].at + 0.5
    assert [(r.method, r.at, r.params["CallDuration"]) for r in beats] == [
        ("GET", start + 60, "60"),
        ("GET", start + 120, "120"),
    ]
    assert {r.params["DialCallSid"] for r in beats} == {call.legs[0].sid}
    assert call.said == ["connecting", "back"]


def test_no_heartbeat_for_a_bridge_of_a_minute_or_less() -> None:
    sim = sim_for({"/v": '<Dial heartbeatUrl="/hb">+15550001</Dial>', "/hb": ""})
    sim.script_dial("+15550001", duration=60)
    assert requests(sim.call("/v"), "dial-heartbeat") == []


def test_heartbeats_follow_the_test_through_a_listening_bridge() -> None:
    sim = sim_for(
        {"/v": '<Dial heartbeatUrl="/hb" hangupOnStar="true">+15550001</Dial>', "/hb": ""}
    )
    sim.script_dial("+15550001", duration=600)
    call = sim.call("/v").wait(100)
    assert len(requests(call, "dial-heartbeat")) == 1
    call.wait(30).press("*")
    assert [r.params["CallDuration"] for r in requests(call, "dial-heartbeat")] == ["60", "120"]
    assert call.steps(Dialed)[0].duration == 130.0
    assert not any(isinstance(s, Paused) for s in call.transcript)
