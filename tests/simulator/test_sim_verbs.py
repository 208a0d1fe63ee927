"""Each verb's simulated semantics, against small Starlette apps."""

from __future__ import annotations

import re

import pytest
from sim_apps import Doc, docs_app

from webhooks.testing import (
    Dialed,
    Gathered,
    HungUp,
    Paused,
    Pinged,
    Played,
    Recorded,
    Redirected,
    Referred,
    SimulationError,
    Simulator,
    Spoke,
    TalkedToAgent,
)


def sim_for(routes: dict[str, object]) -> Simulator:
    return Simulator(docs_app(routes))  # type: ignore[arg-type]


def test_say_play_pause_are_timed_on_the_virtual_clock() -> None:
    sim = sim_for(
        {
            "/voice": '<Say loop="2">one two three four five</Say>'
            '<Play>https://a.example/x.mp3</Play><Pause length="3"/><Hangup/>'
        }
    )
    call = sim.call("/voice")
    assert call.said == ["one two three four five"] * 2
    assert call.transcript[:4] == [
        Spoke("one two three four five", "female", "en", 0.0),
        Spoke("one two three four five", "female", "en", 2.0),
        Played("https://a.example/x.mp3", 4.0),
        Paused(3.0, 9.0),
    ]
    assert call.transcript[-1] == HungUp("completed", "hangup", "Response/Hangup[0]", 12.0)
    assert call.status == "completed"


def test_request_parameters_are_the_platforms() -> None:
    seen: list[dict[str, str]] = []

    def doc(p: dict[str, str]) -> str:
        seen.append(p)
        return "<Hangup/>"

    sim = sim_for({"/voice": doc})
    call = sim.call("/voice", from_="+15551230000", to="+15559870000", forwarded_from="+1555")
    p = seen[0]
    assert re.fullmatch(r"CA[0-9a-f]{32}", p["CallSid"])
    assert re.fullmatch(r"AC[0-9a-f]{32}", p["AccountSid"])
    assert p["CallSid"] == call.sid
    assert p["Direction"] == "inbound"
    assert p["CallStatus"] == "in-progress"
    assert (p["From"], p["To"], p["ForwardedFrom"]) == ("+15551230000", "+15559870000", "+1555")
    assert p["UrlBase"] == "http://testserver/voice"
    assert p["ApiVersion"] == "v2"
    assert call.requests[0].method == "POST"
    assert call.requests[0].document is not None


def test_gather_num_digits_and_default_action_is_the_current_document() -> None:
    def voice(p: dict[str, str]) -> str:
        if "Digits" in p:
            return f"<Say>You chose {p['Digits']}</Say>"
        return '<Gather numDigits="2"><Say>Enter two digits</Say></Gather>'

    call = sim_for({"/voice": voice}).call("/voice")
    assert call.waiting_for == "gather"
    call.press("42")
    assert call.said[-1] == "You chose 42"
    assert call.requests[-1].kind == "gather"
    assert call.requests[-1].url == "http://testserver/voice"
    assert call.ended


def test_gather_finish_key_timeout_and_get_method() -> None:
    sim = sim_for(
        {
            "/voice": '<Gather action="next" method="GET" finishOnKey="*"><Say>Go</Say></Gather>'
            "<Say>No input</Say>",
            "/next": lambda p: f"<Say>got {p['Digits']}</Say>",
        }
    )
    call = sim.call("/voice")
    call.press("123*9")
    assert call.said[-1] == "got 123"
    assert call.requests[-1].method == "GET"
    assert "Digits=123" in call.requests[-1].url or call.requests[-1].params["Digits"] == "123"
    timed = sim.call("/voice").wait()
    assert timed.said[-1] == "No input"
    assert Gathered("", None, True, timed.clock - 0.8) in timed.transcript


def test_partial_keys_time_out_with_the_digits_so_far() -> None:
    sim = sim_for({"/voice": '<Gather timeout="7"/>', "/x": "<Hangup/>"})
    call = sim.call("/voice")
    call.press("12")
    assert call.requests[-1].params["Digits"] == "12"
    assert call.clock == 7.0


def test_speech_result_goes_to_action() -> None:
    sim = sim_for(
        {
            "/voice": '<Gather input="speech dtmf" action="/r"/>',
            "/r": lambda p: f"<Say>{p['SpeechResult']}</Say>",
        }
    )
    call = sim.call("/voice").say_speech("sales")
    assert call.said == ["sales"]
    dtmf_only = sim_for({"/voice": "<Gather/>"}).call("/voice")
    with pytest.raises(SimulationError, match="keys only"):
        dtmf_only.say_speech("hi")


def test_press_without_gather_says_what_the_call_is_doing() -> None:
    call = sim_for({"/voice": "<Say>Bye</Say><Hangup/>"}).call("/voice")
    with pytest.raises(SimulationError) as info:
        call.press("1")
    assert str(info.value) == (
        "the call has ended (completed) after Hangup at Response/Hangup[0]; "
        "no Gather (or Dial or room listening for keys) is waiting"
    )


def test_foreground_record_posts_recording_and_transcription() -> None:
    sim = sim_for(
        {
            "/voice": '<Record background="false" action="/saved" transcribe="true" '
            'transcribeCallback="/tx" maxLength="10"/>',
            "/saved": lambda p: f"<Say>{p['RecordingDuration']} {p['Digits']}</Say>",
            "/tx": lambda p: "",
        }
    )
    call = sim.call("/voice")
    assert call.waiting_for == "record"
    call.record(30, text="hello there", key="#")
    assert call.said == ["10 #"]
    rec = call.steps(Recorded)[0]
    assert rec.duration == 10.0
    assert rec.transcription == "hello there"
    tx = next(r for r in call.requests if r.kind == "transcription")
    assert tx.params["TranscriptionText"] == "hello there"
    assert tx.params["TranscriptionStatus"] == "completed"
    assert tx.params["RecordingUrl"] == rec.url


def test_background_record_is_the_default_and_does_not_block() -> None:
    sim = sim_for({"/voice": '<Record action="/r"/><Say>still here</Say>', "/r": ""})
    call = sim.call("/voice")
    assert call.said == ["still here"]
    rec = call.steps(Recorded)[0]
    assert rec.background
    assert [r.kind for r in call.requests] == ["voice", "record"]


def test_dial_scripted_outcomes_action_and_callback() -> None:
    sim = sim_for(
        {
            "/voice": '<Dial action="/after" callbackUrl="/cb" timeout="20">+15550001</Dial>',
            "/after": lambda p: f"<Say>{p['DialCallStatus']} {p['DialCallDuration']}</Say>",
            "/cb": "",
        }
    )
    sim.script_dial("+15550001", outcome="busy")
    assert sim.call("/voice").said == ["busy 0"]
    sim.script_dial("+15550001", outcome="no-answer")
    call = sim.call("/voice")
    assert call.said == ["no-answer 0"]
    assert call.clock >= 20
    sim.script_dial("+15550001", outcome="answered", duration=12)
    call = sim.call("/voice")
    assert call.said == ["completed 12"]
    assert [r.params["DialCallStatus"] for r in call.requests if r.kind == "dial-callback"] == [
        "in-progress",
        "completed",
    ]
    dialed = call.steps(Dialed)[0]
    assert dialed.targets == ("+15550001",)


def test_dial_without_action_runs_the_next_element() -> None:
    call = sim_for({"/voice": "<Dial><Number>+1555</Number></Dial><Say>after</Say>"}).call("/voice")
    assert call.said == ["after"]


def test_conference_rooms_are_shared_between_calls() -> None:
    sim = sim_for(
        {
            "/voice": '<Dial action="/out"><Conference endConferenceOnExit="true">'
            "room</Conference></Dial>",
            "/guest": "<Dial><Conference>room</Conference></Dial><Say>room closed</Say>",
            "/out": "<Say>left</Say>",
        }
    )
    host = sim.call("/voice")
    guest = sim.call("/guest")
    room = sim.conference("room")
    assert room.participants == [host, guest]
    assert room.status == "in-progress"
    assert guest.waiting_for == "conference"
    host.hangup()
    assert guest.said == ["room closed"]
    assert room.status == "completed"
    other = sim.call("/voice")
    sim.end_conference("room")
    assert other.said == ["left"]


def test_redirect_sends_url_base_and_ping_is_fire_and_forget() -> None:
    sim = sim_for(
        {
            "/voice": "<Ping>/p</Ping><Redirect method='GET'>/b</Redirect><Say>never</Say>",
            "/b": lambda p: f"<Say>{p['UrlBase']}</Say>",
            "/p": "<Say>ignored</Say>",
        }
    )
    call = sim.call("/voice")
    assert call.said == ["http://testserver/voice"]
    assert call.steps(Pinged) == [Pinged("http://testserver/p", 0.0)]
    assert call.steps(Redirected) == [Redirected("http://testserver/b", 0.0)]


def test_sms_verb_in_a_call_and_its_action() -> None:
    sim = sim_for(
        {
            "/voice": '<Sms to="+1222" from="+1333" action="/sent">hi</Sms><Say>skipped</Say>',
            "/sent": lambda p: f"<Say>{p['SmsStatus']} {p['Body']}</Say>",
        }
    )
    call = sim.call("/voice")
    assert call.said == ["sent hi"]
    assert [(m.to, m.from_, m.body) for m in sim.messages] == [("+1222", "+1333", "hi")]


def test_reject_and_hangup_statuses() -> None:
    assert sim_for({"/v": '<Reject reason="busy"/>'}).call("/v").status == "busy"
    assert sim_for({"/v": "<Reject/>"}).call("/v").status == "rejected"
    assert sim_for({"/v": '<Hangup schedule="4"/>'}).call("/v").clock == 4.0


def test_refer_and_agent_scripts() -> None:
    sim = sim_for(
        {
            "/v": '<Refer action="/f">sip:a@b.example</Refer><Say>next</Say>',
            "/f": lambda p: f"<Say>refer {p['ReferStatus']}</Say>",
            "/a": '<Connect action="/done"><Agent>AG1</Agent></Connect>',
            "/done": lambda p: f"<Say>{p['AgentSid']} {p['AgentStatus']}</Say>",
        }
    )
    ok = sim.call("/v")
    assert ok.steps(Referred) == [Referred("sip:a@b.example", "completed", 0.0)]
    assert ok.status == "completed"
    assert ok.said == []
    sim.script_dial("sip:a@b.example", outcome="failed")
    assert sim.call("/v").said == ["refer failed"]
    sim.script_dial("AG1", duration=20)
    agent = sim.call("/a")
    assert agent.said == ["AG1 completed"]
    talked = agent.steps(TalkedToAgent)[0]
    assert talked.duration == 20


def test_status_callbacks_and_heartbeats() -> None:
    sim = sim_for(
        {
            "/v": '<Response statusCallback="/s" heartbeatCallback="/hb"><Pause length="130"/>'
            "</Response>",
            "/s": "",
            "/hb": "",
        }
    )
    call = sim.call("/v", status_callback="/s2")
    kinds = [(r.kind, r.params["CallStatus"]) for r in call.requests if r.kind != "voice"]
    assert kinds == [
        ("status", "in-progress"),
        ("status", "in-progress"),
        ("heartbeat", "in-progress"),
        ("heartbeat", "in-progress"),
        ("status", "completed"),
        ("status", "completed"),
    ]
    beats = [r.params["CallDuration"] for r in call.requests if r.kind == "heartbeat"]
    assert beats == ["60", "120"]


def test_endless_loop_waits_and_interrupt_takes_over() -> None:
    sim = sim_for({"/v": '<Play loop="0">https://x.example/m.mp3</Play>', "/bye": "<Hangup/>"})
    call = sim.call("/v")
    assert call.waiting_for == "loop"
    call.wait(120)
    assert call.waiting_for == "loop"
    call.interrupt("/bye")
    assert call.status == "completed"
    assert call.requests[-1].kind == "interrupt"


def test_typeahead_keys_reach_the_next_gather() -> None:
    sim = sim_for(
        {
            "/v": '<Gather numDigits="1" action="/m"/>',
            "/m": lambda p: '<Gather numDigits="1" action="/n"/>',
            "/n": lambda p: f"<Say>{p['Digits']}</Say>",
        }
    )
    assert sim.call("/v").press("12").said == ["2"]


@pytest.mark.anyio
async def test_async_api() -> None:
    sim = sim_for({"/v": '<Gather numDigits="1" action="/m"/>', "/m": "<Say>ok</Say>"})
    call = await sim.call_async("/v")
    await call.press_async("5")
    assert call.said == ["ok"]


def test_documents_that_redirect_forever_raise_instead_of_hanging() -> None:
    app = docs_app(
        {"/a": "<Redirect>/b</Redirect>", "/b": "<Say>on hold</Say><Redirect>/a</Redirect>"}
    )
    with pytest.raises(SimulationError, match="10 documents in a row, the last from") as info:
        Simulator(app, max_documents=10).call("/a")
    assert "endless chain of Redirects" in str(info.value)
    steps: dict[str, Doc] = {f"/{i}": f"<Redirect>/{i + 1}</Redirect>" for i in range(30)}
    chain = docs_app({**steps, "/30": "<Hangup/>"})
    call = Simulator(chain, max_documents=31).call("/0")
    assert call.status == "completed"
    assert len(call.requests) == 31


def test_the_document_count_starts_over_each_time_the_call_waits() -> None:
    menu = '<Gather action="/menu" numDigits="1"><Say>Press</Say></Gather>'
    app = docs_app({"/menu": "<Redirect>/again</Redirect>", "/again": menu})
    call = Simulator(app, max_documents=2).call("/menu")
    for _ in range(5):
        call.press("1")
    assert call.waiting_for == "gather"
