"""Dial in detail: hangupOnStar, digitsMatch, ifMachine, Number url and sendDigits."""

from __future__ import annotations

import pytest
from sim_apps import docs_app

from webhooks.testing import Dialed, SimCall, SimRequest, SimulationError, Simulator, Spoke
from webhooks.testing.simulator import DialLeg, Pressed, SentDigits


def sim_for(routes: dict[str, object], **options: object) -> Simulator:
    return Simulator(docs_app(routes), **options)  # type: ignore[arg-type]


def requests(call: SimCall, kind: str) -> list[SimRequest]:
    return [r for r in call.requests if r.kind == kind]


def after(p: dict[str, str]) -> str:
    return f"<Say>{p['DialCallStatus']} {p['DialCallDuration']} {p.get('AnsweredBy', '-')}</Say>"


# -- hangupOnStar ------------------------------------------------------------------------------


def test_star_ends_the_dialled_call_and_the_action_continues_the_call() -> None:
    sim = sim_for(
        {
            "/v": '<Dial hangupOnStar="true" action="/after" callbackUrl="/cb">+15550001</Dial>'
            "<Say>never</Say>",
            "/after": after,
            "/cb": "",
        }
    )
    sim.script_dial("+15550001", duration=60)
    call = sim.call("/v")
    assert call.waiting_for == "bridge"
    assert call.describe() == "the call is bridged to +15550001 at Response/Dial[0] of " + (
        "http://testserver/v"
    )
    call.wait(10)
    assert call.waiting_for == "bridge"
    call.press("*")
    (leg,) = call.legs
    assert call.steps(Pressed) == [Pressed("*", (), True, 10.0)]
    assert call.steps(Dialed) == [Dialed(("+15550001",), "completed", 10.0, leg.sid, 10.0)]
    assert call.said == ["completed 10 -"]
    (action,) = requests(call, "dial")
    assert action.trigger == "press *"
    assert action.params["DialCallSid"] == leg.sid
    assert [r.params["DialCallStatus"] for r in requests(call, "dial-callback")] == [
        "in-progress",
        "completed",
    ]
    assert leg.status == "completed"


def test_without_action_the_next_element_runs_after_star() -> None:
    sim = sim_for({"/v": '<Dial hangupOnStar="true">+15550001</Dial><Say>back</Say>'})
    call = sim.call("/v").press("*")
    assert call.said == ["back"]
    assert call.ended


def test_star_is_an_ordinary_key_without_hangup_on_star() -> None:
    sim = sim_for({"/v": '<Dial digitsMatch="9">+15550001</Dial><Say>back</Say>'})
    call = sim.call("/v").press("*")
    assert call.waiting_for == "bridge"
    assert call.steps(Pressed) == [Pressed("*", (), False, 0.0)]
    call.wait()
    assert call.said == ["back"]
    assert call.steps(Dialed)[0].at == 30.0


def test_keys_after_the_star_go_to_the_next_gather() -> None:
    sim = sim_for(
        {
            "/v": '<Dial hangupOnStar="true">+15550001</Dial><Gather numDigits="1" action="/g"/>',
            "/g": lambda p: f"<Say>got {p['Digits']}</Say>",
        }
    )
    assert sim.call("/v").press("*4").said == ["got 4"]


# -- digitsMatch -------------------------------------------------------------------------------


def test_matching_digits_are_reported_to_the_callback_url() -> None:
    sim = sim_for(
        {
            "/v": '<Dial digitsMatch="12,#9" callbackUrl="/cb" callbackMethod="GET" '
            'action="/after">+15550001</Dial>',
            "/cb": "",
            "/after": after,
        }
    )
    call = sim.call("/v")
    (leg,) = call.legs
    call.wait(5).press("512")
    call.wait(5).press("3#9")
    call.press("7")
    hits = requests(call, "dial-digits")
    assert [(r.method, r.params["Digits"], r.at) for r in hits] == [
        ("GET", "12", 5.0),
        ("GET", "#9", 10.0),
    ]
    assert hits[0].params["DialCallSid"] == leg.sid
    assert hits[0].params["DialCallStatus"] == "in-progress"
    assert hits[0].params["CallSid"] == call.sid
    assert call.steps(Pressed) == [
        Pressed("512", ("12",), False, 5.0),
        Pressed("3#9", ("#9",), False, 10.0),
        Pressed("7", (), False, 10.0),
    ]
    call.wait()
    assert call.said == ["completed 30 -"]
    assert requests(call, "dial")[0].at == 30.0


def test_the_caller_hanging_up_during_the_bridge_ends_the_dialled_call() -> None:
    sim = sim_for(
        {
            "/v": '<Dial digitsMatch="1" callbackUrl="/cb" action="/after">+15550001</Dial>',
            "/cb": "",
            "/after": after,
        }
    )
    call = sim.call("/v").wait(12).hangup()
    assert call.status == "completed"
    assert requests(call, "dial") == []
    end = requests(call, "dial-callback")[-1]
    assert (end.params["DialCallStatus"], end.params["DialCallDuration"]) == ("completed", "12")
    assert call.legs[0].status == "completed"


def test_an_interrupt_during_the_bridge_ends_the_dialled_call() -> None:
    sim = sim_for({"/v": '<Dial hangupOnStar="true">+15550001</Dial>', "/new": "<Say>moved</Say>"})
    call = sim.call("/v").wait(3).interrupt("/new")
    assert call.said == ["moved"]
    assert call.steps(Dialed)[0] == Dialed(("+15550001",), "completed", 3.0, call.legs[0].sid, 3.0)


def test_pressing_with_nothing_listening_says_so() -> None:
    call = sim_for({"/v": "<Say>hi</Say>"}).call("/v")
    with pytest.raises(
        SimulationError, match=r"no Gather \(or Dial or room listening for keys\) is waiting"
    ):
        call.press("*")


# -- ifMachine ---------------------------------------------------------------------------------


def machine_app() -> dict[str, object]:
    return {
        "/hangup": '<Dial ifMachine="hangup" action="/after" callbackUrl="/cb">+1555</Dial>',
        "/redirect": '<Dial ifMachine="redirect" ifMachineUrl="/vm" ifMachineMethod="GET" '
        'action="/after">+1555</Dial><Say>next</Say>',
        "/continue": '<Dial ifMachine="continue" action="/after">+1555</Dial>',
        "/vm": "<Say>Please call the shop back</Say>",
        "/after": after,
        "/cb": "",
    }


def test_if_machine_hangup_drops_the_machine_and_reports_it() -> None:
    sim = sim_for(machine_app())
    sim.script_dial("+1555", answered_by="machine")
    call = sim.call("/hangup")
    assert call.said == ["completed 0 machine"]
    assert requests(call, "dial")[0].at == 4.0  # machine detection
    connect = requests(call, "dial-callback")[0]
    assert (connect.params["DialCallStatus"], connect.params["AnsweredBy"]) == (
        "in-progress",
        "machine",
    )
    assert requests(call, "dial")[0].trigger == "machine"


def test_a_person_answering_an_if_machine_dial_is_bridged() -> None:
    sim = sim_for(machine_app())
    call = sim.call("/hangup")
    assert call.said == ["completed 30 human"]
    assert requests(call, "dial")[0].at == 34.0


def test_if_machine_redirect_plays_the_document_to_the_machine() -> None:
    sim = sim_for(machine_app())
    sim.script_dial("+1555", answered_by="machine")
    call = sim.call("/redirect", from_="+15550009999")
    (leg,) = call.legs
    (vm,) = requests(call, "if-machine")
    assert vm.method == "GET"
    assert vm.url == "http://testserver/vm"
    assert vm.params["CallSid"] == leg.sid
    assert vm.params["ParentCallSid"] == call.sid
    assert vm.params["Direction"] == "outbound-dial"
    assert (vm.params["From"], vm.params["To"]) == ("+15550009999", "+1555")
    assert vm.params["AnsweredBy"] == "machine"
    assert leg.said == ["Please call the shop back"]
    assert call.said == ["completed 2 machine"]


def test_if_machine_redirect_can_move_the_callers_call_instead() -> None:
    sim = sim_for(machine_app(), if_machine_redirect="caller")
    sim.script_dial("+1555", answered_by="machine")
    call = sim.call("/redirect")
    (vm,) = requests(call, "if-machine")
    assert vm.params["CallSid"] == call.sid
    assert vm.params["AnsweredBy"] == "machine"
    assert call.said == ["Please call the shop back"]
    assert requests(call, "dial") == []
    assert call.steps(Dialed)[0].outcome == "completed"
    with pytest.raises(ValueError, match="if_machine_redirect"):
        sim_for({}, if_machine_redirect="both")


def test_if_machine_continue_bridges_the_machine() -> None:
    sim = sim_for(machine_app(), machine_detection_seconds=2)
    sim.script_dial("+1555", answered_by="machine", duration=20)
    call = sim.call("/continue")
    assert call.said == ["completed 20 machine"]
    assert requests(call, "dial")[0].at == 22.0


def test_redirect_without_if_machine_url_is_noted_and_bridged() -> None:
    sim = sim_for({"/v": '<Dial ifMachine="redirect">+1555</Dial>'})
    sim.script_dial("+1555", answered_by="machine")
    call = sim.call("/v")
    assert call.codes() == [11100]
    assert call.steps(Dialed)[0].duration == 30.0


# -- Number url and sendDigits -----------------------------------------------------------------


def test_send_digits_and_the_number_url_document_reach_the_called_party() -> None:
    sim = sim_for(
        {
            "/v": '<Dial action="/after" callerId="+15557770000"><Number url="/whisper" '
            'sendDigits="1w2">+1555</Number></Dial>',
            "/whisper": lambda p: f"<Say>Call for {p['To']}</Say><Pause length='1'/>",
            "/after": after,
        }
    )
    call = sim.call("/v")
    (leg,) = call.legs
    assert isinstance(leg, DialLeg)
    assert leg.digits_sent == "1w2"
    assert leg.transcript[0] == SentDigits("1w2", 0.0)
    assert leg.said == ["Call for +1555"]
    assert call.said == ["completed 30 -"]
    (whisper,) = requests(call, "number-url")
    assert whisper.method == "POST"
    assert whisper.at == pytest.approx(0.9)  # after the digits: 0.2 + 0.5 + 0.2
    assert whisper.params["CallSid"] == leg.sid
    assert whisper.params["ParentCallSid"] == call.sid
    assert whisper.params["From"] == "+15557770000"
    assert requests(call, "dial")[0].at == pytest.approx(0.9 + 1.2 + 1 + 30)


def test_a_dial_in_the_number_url_document_is_13201() -> None:
    sim = sim_for(
        {
            "/v": '<Dial><Number url="/w">+1555</Number></Dial>',
            "/w": "<Dial>+1666</Dial><Say>hello</Say>",
        }
    )
    call = sim.call("/v")
    assert call.codes() == [13201]
    assert call.notification(13201).url == "http://testserver/w"
    assert call.legs[0].said == ["hello"]


def test_a_failing_number_url_is_noted_and_the_call_is_bridged() -> None:
    sim = sim_for({"/v": '<Dial><Number url="/w">+1555</Number></Dial>', "/w": "500"})
    call = sim.call("/v")
    assert call.codes() == [11200]
    assert call.steps(Dialed)[0].duration == 30.0


def test_a_verb_the_simulator_cannot_run_for_the_called_party_raises() -> None:
    sim = sim_for({"/v": '<Dial><Number url="/w">+1555</Number></Dial>', "/w": "<Gather/>"})
    with pytest.raises(SimulationError) as info:
        sim.call("/v")
    assert str(info.value) == (
        "<Gather> in the document of Number@url: the simulator runs only Say, Play, Pause and "
        "PlayLastRecording there (what the platform does with Gather is undocumented)"
    )


def test_the_caller_does_not_hear_the_called_partys_document() -> None:
    sim = sim_for(
        {"/v": '<Dial><Number url="/w">+1555</Number></Dial>', "/w": "<Say>whisper</Say>"}
    )
    call = sim.call("/v")
    assert not any(isinstance(s, Spoke) for s in call.transcript)
