"""``<Hangup schedule>``: the document goes on and the call ends at the scheduled moment."""

from __future__ import annotations

from sim_apps import docs_app

from webhooks.testing import Dialed, Gathered, HungUp, Played, Simulator


def sim_for(routes: dict[str, object]) -> Simulator:
    return Simulator(docs_app(routes))  # type: ignore[arg-type]


def test_later_elements_run_until_the_scheduled_moment() -> None:
    sim = sim_for(
        {
            "/v": '<Hangup schedule="7"/><Play loop="3">https://a.example/m.mp3</Play>'
            "<Say>never</Say>",
        }
    )
    call = sim.call("/v")
    assert call.transcript == [
        Played("https://a.example/m.mp3", 0.0),
        Played("https://a.example/m.mp3", 5.0),
        HungUp("completed", "hangup", "Response/Hangup[0]", 7.0),
    ]
    assert call.said == []


def test_a_waiting_gather_is_cut_off() -> None:
    sim = sim_for({"/v": '<Hangup schedule="10"/><Gather timeout="30" action="/g"/>', "/g": ""})
    call = sim.call("/v")
    assert call.waiting_for == "gather"
    assert call.scheduled_hangup == (10.0, "Response/Hangup[0]")
    call.wait()
    assert call.ended
    assert call.clock == 10.0
    assert call.steps(Gathered) == []
    assert [r.kind for r in call.requests] == ["voice"]


def test_the_schedule_survives_a_new_document_and_the_earliest_wins() -> None:
    sim = sim_for(
        {
            "/v": '<Hangup schedule="50"/><Hangup schedule="20"/><Hangup schedule="30"/>'
            "<Redirect>/b</Redirect>",
            "/b": '<Pause length="60"/>',
            "/s": "",
        }
    )
    call = sim.call("/v", status_callback="/s")
    last = call.transcript[-1]
    assert last == HungUp("completed", "hangup", "Response/Hangup[1]", 20.0)
    final = [r for r in call.requests if r.kind == "status"][-1]
    assert (final.params["CallStatus"], final.params["CallDuration"]) == ("completed", "20")


def test_a_lone_scheduled_hangup_keeps_the_call_up_until_then() -> None:
    call = sim_for({"/v": '<Say>one moment</Say><Hangup schedule="4"/>'}).call("/v")
    assert call.transcript[-1] == HungUp("completed", "hangup", "Response/Hangup[0]", 4.8)


def test_zero_hangs_up_at_once() -> None:
    call = sim_for({"/v": '<Hangup schedule="0"/><Say>never</Say>'}).call("/v")
    assert call.said == []
    assert call.clock == 0.0


def test_a_scheduled_hangup_during_a_dial_ends_the_dialled_call_too() -> None:
    sim = sim_for(
        {
            "/v": '<Hangup schedule="12"/><Dial action="/after" callbackUrl="/cb">+1555</Dial>',
            "/after": "<Say>never</Say>",
            "/cb": "",
        }
    )
    call = sim.call("/v")
    assert call.clock == 12.0
    (dialed,) = call.steps(Dialed)
    assert (dialed.outcome, dialed.duration) == ("completed", 12.0)
    assert [r.kind for r in call.requests] == ["voice", "dial-callback", "dial-callback"]
    assert call.requests[-1].params["DialCallDuration"] == "12"
