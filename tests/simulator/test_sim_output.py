"""The exact text of the ``call`` transcript and of the explorer's report and diagrams."""

from __future__ import annotations

import io
import sys
import types

import pytest
from sim_apps import docs_app

from webhooks.testing import (
    Answered,
    Dialed,
    Gathered,
    HungUp,
    Paused,
    Pinged,
    Played,
    Recorded,
    Redirected,
    Referred,
    RoomEvent,
    SentMessage,
    Step,
    TalkedToAgent,
    explore,
)
from webhooks.testing.simulator import Pressed, SentDigits
from webhooks.testing.simulator._cli import call_main, explore_main, format_step


@pytest.mark.parametrize(
    ("step", "line"),
    [
        (Paused(3, 1.25), "[   1.2s] PAUSE  3s"),
        (Played("https://a.example/x.mp3", 2), "[   2.0s] PLAY   https://a.example/x.mp3"),
        (Gathered("12", None, False, 3), "[   3.0s] INPUT  12"),
        (Gathered("", None, True, 3), "[   3.0s] INPUT  (timeout)"),
        (Gathered("", None, False, 3), "[   3.0s] INPUT  (finish key)"),
        (Gathered("", "sales", False, 3), "[   3.0s] INPUT  said 'sales'"),
        (Recorded("https://r/1.mp3", 8, False), "[   0.0s] RECORD 8s: https://r/1.mp3"),
        (
            Recorded("https://r/1.mp3", 8, True),
            "[   0.0s] RECORD 8s in the background: https://r/1.mp3",
        ),
        (Dialed(("+1555",), "busy", 0, "CA1", 4), "[   4.0s] DIAL   +1555: busy (0s)"),
        (RoomEvent("room", "enter", 1), "[   1.0s] ROOM   enter room"),
        (
            SentMessage("sms", "+1222", "+1333", "hi", "SM1", at=5),
            "[   5.0s] SMS    to +1222: hi",
        ),
        (Redirected("http://testserver/b", 9.8), "[   9.8s] GOTO   http://testserver/b"),
        (Pinged("http://testserver/p", 0), "[   0.0s] PING   http://testserver/p"),
        (Referred("sip:a@b.example", "failed", 0), "[   0.0s] REFER  sip:a@b.example: failed"),
        (TalkedToAgent("AG1", "completed", 20, 20), "[  20.0s] AGENT  AG1: completed (20s)"),
        (Answered(0), "[   0.0s] ANSWER"),
        (
            HungUp("completed", "hangup", "Response/Hangup[0]", 7),
            "[   7.0s] END    completed (hangup)",
        ),
    ],
)
def test_every_step_has_a_readable_line(step: Step, line: str) -> None:
    assert format_step(step) == line


def test_call_transcript_of_a_redirecting_document(monkeypatch: pytest.MonkeyPatch) -> None:
    app = docs_app(
        {
            "/voice": lambda p: (
                "<Say>Bye</Say><Hangup/>"
                if "Digits" in p
                else '<Gather numDigits="1"><Say>Press a key</Say></Gather>'
                "<Ping>/p</Ping><Redirect>/again</Redirect>"
            ),
            "/again": '<Gather numDigits="1" action="/voice"><Say>Once more</Say></Gather>',
            "/p": "",
        }
    )
    module = types.ModuleType("sim_output_app")
    module.app = app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sim_output_app", module)
    out = io.StringIO()
    assert call_main(["sim_output_app:app", "--press", "", "--press", "5"], out=out) == 0
    assert out.getvalue().splitlines() == [
        "[   0.0s] SAY    Press a key",
        "[   6.2s] INPUT  (timeout)",
        "[   6.2s] PING   /p",
        "[   6.2s] GOTO   /again",
        "[   6.2s] SAY    Once more",
        "[   7.0s] INPUT  5",
        "[   7.0s] SAY    Bye",
        "[   7.5s] END    completed (hangup)",
    ]


def test_explorer_report_names_each_loop_once_with_paths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = io.StringIO()
    assert explore_main(["examples.conference:app"], out=out) == 0
    assert capsys.readouterr().err.splitlines() == [
        "# loop: /voice -> /join -> /voice (n1 -> n2 -> n1)",
        "# 3 nodes, 14 edges, 15 calls",
    ]
    lines = out.getvalue().splitlines()
    assert lines[:4] == [
        "flowchart TD",
        '    n1["/voice: Please enter your four digit..."]',
        '    n2["/join: That PIN is not valid."]',
        '    End(("call ends"))',
    ]
    assert (
        '    n1 -->|"press #, 0000, 1111, 2222, 3333, 4444, 5555, 6666, 7777, 8888, 9999, ****"| n2'
        in lines
    )
    assert '    n1 -->|"hangup"| End' in lines


def test_explorer_failing_and_dead_end_messages() -> None:
    app = docs_app(
        {
            "/v": '<Gather numDigits="1" action="/m"/><Say>fell off</Say>',
            "/m": lambda p: "<Hangup/>" if p["Digits"] == "1" else '<Pause length="0"/>',
        }
    )
    graph = explore(app, path="/v", depth=2)
    messages = {(p.kind, p.message) for p in graph.problems}
    assert ("dead-end", "/v: the call falls off the document after Say") in messages
    assert any(
        kind == "failing" and message.startswith("/m failed: 13910 ") for kind, message in messages
    )
    labels = {n.label for n in graph.nodes.values()}
    assert "/m: error 13910" in labels
    assert not any("(" in label for label in labels)


def test_explorer_dot_keeps_the_end_node_id() -> None:
    graph = explore(docs_app({"/v": "<Say>Hello there</Say><Hangup/>"}), path="/v")
    assert graph.to_dot().splitlines() == [
        "digraph ivr {",
        "    rankdir=TB;",
        "    node [shape=box];",
        '    n1 [label="/v: Hello there"];',
        '    end [label="call ends", shape=doublecircle];',
        '    n1 -> end [label="hangup"];',
        "}",
    ]
    assert graph.to_mermaid().splitlines()[-1] == '    n1 -->|"hangup"| End'


def test_keys_during_a_dial_and_digits_sent_have_their_lines() -> None:
    assert format_step(Pressed("12*", ("12",), True, 4)) == (
        "[   4.0s] KEYS   12* (matched 12, the dialled call hung up)"
    )
    assert format_step(Pressed("7", (), False, 4)) == "[   4.0s] KEYS   7"
    assert format_step(SentDigits("1w2", 0)) == "[   0.0s] DTMF   1w2"


def test_call_transcript_shows_what_the_called_party_heard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = docs_app(
        {
            "/voice": '<Dial hangupOnStar="true"><Number url="/w" sendDigits="9">+15550001'
            "</Number></Dial><Say>Back with us</Say>",
            "/w": "<Say>Call for you</Say>",
        }
    )
    module = types.ModuleType("sim_output_dial")
    module.app = app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sim_output_dial", module)
    out = io.StringIO()
    assert call_main(["sim_output_dial:app", "--press", "*"], out=out) == 0
    assert out.getvalue().splitlines() == [
        "[   0.0s] (to +15550001) DTMF   9",
        "[   0.2s] (to +15550001) SAY    Call for you",
        "[   1.4s] KEYS   * (the dialled call hung up)",
        "[   1.4s] DIAL   +15550001: completed (0s)",
        "[   1.4s] SAY    Back with us",
        "[   2.6s] END    completed (end of document)",
    ]
