"""The explorer tells endless loops (problems) from cycles the app leaves (repeats)."""

from __future__ import annotations

import io

import pytest
from sim_apps import docs_app

from examples.ivr import app as ivr_app
from inboundxml import Gather, Hangup, Redirect, Response, Say
from webhooks import App, VoiceEvent
from webhooks.testing.simulator._cli import explore_main
from webhooks.testing.simulator._explore import ROUNDS, explore


def test_a_menu_that_caps_its_retries_repeats_but_does_not_loop() -> None:
    graph = explore(ivr_app)
    assert [p for p in graph.problems if p.kind == "loop"] == []
    assert [c.message for c in graph.repeats] == [
        "/menu -> /voice -> /menu (n2 -> n3 -> n2)",
        "/voice -> /voice (n3 -> n3)",
    ]
    assert graph.repeats[1].nodes == ("n3", "n3")


def test_a_cycle_that_comes_back_unchanged_is_a_loop() -> None:
    app = docs_app(
        {
            "/voice": '<Gather numDigits="1" action="/again"><Say>Press a key</Say></Gather>',
            "/again": "<Say>Once more</Say><Redirect>/voice</Redirect>",
        }
    )
    graph = explore(app, depth=2)
    loops = [(p.node, p.message) for p in graph.problems if p.kind == "loop"]
    assert loops == [("n1", "/voice -> /again -> /voice (n1 -> n2 -> n1)")]
    assert graph.repeats == []


@pytest.mark.parametrize(("cap", "endless"), [(None, True), (ROUNDS, False)])
def test_a_menu_that_counts_its_rounds_in_the_session(cap: int | None, endless: bool) -> None:
    """The same document each round: a loop unless the app ends it within the rounds tried."""
    app = App()

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        rounds = call.session["rounds"] = call.session.get("rounds", 0) + 1
        if cap is not None and rounds > cap:
            return Response(Say("Goodbye"), Hangup())
        return Response(Gather(Say("Press a key"), action="/voice", num_digits=1))

    graph = explore(app, depth=3)
    loops = [p.message for p in graph.problems if p.kind == "loop"]
    repeats = [c.message for c in graph.repeats]
    cycle = "/voice -> /voice (n1 -> n1)"
    assert (loops, repeats) == (([cycle], []) if endless else ([], [cycle]))


def test_redirects_the_app_stops_by_itself_are_a_repeat() -> None:
    app = App()

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        rounds = call.session["rounds"] = call.session.get("rounds", 0) + 1
        if rounds > 3:
            return Response(Hangup())
        return Response(Say("Hold on"), Redirect("/voice"))

    graph = explore(app)
    assert [p for p in graph.problems if p.kind == "loop"] == []
    assert [c.message for c in graph.repeats] == ["/voice -> /voice (n1 -> n1)"]


def test_the_command_reports_repeats_apart_from_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert explore_main(["examples.ivr:app", "--depth", "2"], out=io.StringIO()) == 0
    err = capsys.readouterr().err.splitlines()
    assert "# repeat: /voice -> /voice (n3 -> n3)" in err
    assert not [line for line in err if line.startswith("# loop")]
