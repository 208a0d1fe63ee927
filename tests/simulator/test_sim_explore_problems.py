"""The explorer lists failing handlers, missing routes and routes of the wrong kind."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from examples.ivr import app as ivr_app
from inboundxml import Gather, Hangup, Redirect, Response, Say
from webhooks import App, GatherEvent, VoiceEvent
from webhooks.testing import explore
from webhooks.testing.simulator._cli import explore_main

REPO = Path(__file__).resolve().parents[2]


def broken_app() -> App:
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1 or 2."), action=menu, num_digits=1), Redirect("/gone"))

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        if event.digits == "1":
            raise LookupError("no such menu")
        if event.digits == "2":
            return Response(Gather(Say("Again."), action="/voice", num_digits=1))
        if event.digits == "3":
            return Response(Redirect(event.url_for(menu)))
        return Response(Hangup())

    return app


def test_a_failing_handler_is_a_problem_with_its_route_and_inputs() -> None:
    graph = explore(broken_app(), depth=1)
    [failing] = [p for p in graph.problems if p.kind == "failing"]
    assert failing.message == (
        "/menu (menu) failed: LookupError: no such menu (after call /voice, press 1)"
    )


def test_a_url_no_route_serves_names_the_element_that_referenced_it() -> None:
    graph = explore(broken_app(), depth=1)
    [missing] = [p for p in graph.problems if p.kind == "no-route"]
    assert missing.message == (
        "/gone: no route serves it (HTTP 404); requested by the Redirect URL at "
        "Response/Redirect[0] of /voice"
    )
    assert graph.nodes[missing.node].label == "/gone: no route"


def test_routes_of_the_wrong_kind_are_flagged() -> None:
    messages = {
        p.message for p in explore(broken_app(), depth=2).problems if p.kind == "wrong-kind"
    }
    assert messages == {
        "/menu (menu) is a gather route, but Response/Redirect[0] of /menu requests it as a "
        "redirect document (expected a voice or fallback route)",
        "/voice (welcome) is a voice route, but Response/Gather[0] of /menu requests it as a "
        "gather document (expected a gather or get_speech route)",
    }


def test_the_command_fails_on_a_failing_handler(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = types.ModuleType("explore_broken_app")
    module.app = broken_app()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "explore_broken_app", module)
    assert explore_main(["explore_broken_app:app", "--depth", "1"], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert "# failing: /menu (menu) failed: LookupError" in err


def test_the_example_ivr_has_no_problem_and_parallel_edges_are_merged() -> None:
    graph = explore(ivr_app)
    assert graph.problems == []
    lines = graph.to_mermaid().splitlines()
    assert '    n1 -->|"press 0, 3\u20139, *, #"| n2' in lines
    assert not any("testserver" in line for line in lines)
    dot = graph.to_dot()
    assert 'n1 -> n2 [label="press 0, 3\u20139, *, #"];' in dot


def test_nodes_reached_through_different_dial_targets_are_told_apart() -> None:
    labels = {n.label for n in explore(ivr_app).nodes.values() if n.url == "/sales"}
    assert {
        "/sales: Please hold while we connect you. -> dial +15550100001",
        "/sales: Please hold while we connect you. -> dial +15550100002",
    } <= labels


def test_forking_finds_the_same_flow_as_replaying_each_branch() -> None:
    forked, replayed = explore(ivr_app), explore(ivr_app, fork=False)
    assert forked.nodes == replayed.nodes
    assert set(forked.edges) == set(replayed.edges)
    assert forked.repeats == replayed.repeats
    assert forked.problems == replayed.problems


def test_documents_that_redirect_forever_are_a_loop_not_a_crash() -> None:
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1."), action=menu, num_digits=1), Hangup())

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        return Response(Redirect("/round"))

    @app.voice("/round")
    async def round_(call: VoiceEvent) -> Response:
        return Response(Redirect("/round"))

    graph = explore(app, depth=1)
    loops = [p.message for p in graph.problems if p.kind == "loop"]
    assert loops
    assert all(m.startswith("100 documents in a row, the last from /round") for m in loops)


def test_the_command_lists_a_failing_handler_once_without_tracebacks(tmp_path: Path) -> None:
    (tmp_path / "crashing_ivr.py").write_text(
        "from inboundxml import Gather, Response, Say\n"
        "from webhooks import App\n"
        "app = App()\n"
        "@app.voice('/voice')\n"
        "async def welcome(call):\n"
        "    return Response(Gather(Say('Press 1.'), action='/menu', num_digits=1))\n"
        "@app.gather('/menu')\n"
        "async def menu(event):\n"
        "    raise ZeroDivisionError('boom')\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    result = subprocess.run(
        [sys.executable, "-m", "webhooks", "explore", "crashing_ivr:app", "--depth", "1"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    failing = [line for line in result.stderr.splitlines() if line.startswith("# failing")]
    assert failing == [
        "# failing: /menu (menu) failed: ZeroDivisionError: boom (after call /voice, press 0)"
    ]
    assert "Traceback" not in result.stderr
