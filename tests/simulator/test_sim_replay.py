"""Recorded traffic replayed against the app: no change for the same app, each change found."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from examples import record_replay
from inboundxml import Gather, Hangup, Redirect, Response, Say
from webhooks import App, GatherEvent, Recorder, VoiceEvent
from webhooks._cli import main
from webhooks.testing import (
    RecordedCall,
    Simulator,
    assert_replays,
    load_recording,
    replay,
)


def ivr(version: int, recorder: Recorder | None = None, **options: Any) -> App:
    """The same IVR in two versions: version 2 renames sales and fails on key 3."""
    app = App(recorder=recorder, **options)

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        tries = call.session.get("tries", 0) + 1
        call.session["tries"] = tries
        return Response(
            Gather(Say(f"Welcome, try {tries}. Press 1 for sales."), action=menu, num_digits=1),
            Redirect(call.url_for(welcome)),
        )

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        if event.digits == "1":
            team = "sales" if version == 1 else "the sales team"
            return Response(Say(f"Connecting you to {team}."), Hangup())
        if event.digits == "3" and version == 2:
            raise RuntimeError("menu 3 is gone")
        return Response(Say("Goodbye."), Hangup())

    return app


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    """Four recorded calls of version 1: press 1, press 2, a timeout then 3, press 3."""
    path = tmp_path / "calls.jsonl"
    with Recorder(path) as recorder:
        sim = Simulator(ivr(1, recorder))
        sim.call("/voice").press("1")
        sim.call("/voice").press("2")
        sim.call("/voice").wait().press("3")
        sim.call("/voice").press("3")
    return path


def test_the_recording_groups_requests_by_call(recording: Path) -> None:
    calls = load_recording(recording)
    assert [len(call.requests) for call in calls] == [2, 2, 3, 2]
    assert [r.path for r in calls[2].requests] == ["/voice", "/voice", "/menu"]
    assert calls[2].requests[1].body.count("try 2") == 1  # the session counted the retry


def test_the_same_app_answers_every_request_as_recorded(recording: Path) -> None:
    assert replay(ivr(1), recording) == []


def test_each_changed_answer_is_found_with_a_document_diff(recording: Path) -> None:
    changes = replay(ivr(2), recording)
    found = [(c.call_sid[-4:], c.index, c.request.describe()) for c in changes]
    calls = load_recording(recording)
    assert found == [
        (calls[0].call_sid[-4:], 1, "POST /menu (Digits=1)"),
        (calls[2].call_sid[-4:], 2, "POST /menu (Digits=3)"),
        (calls[3].call_sid[-4:], 1, "POST /menu (Digits=3)"),
    ]
    renamed = changes[0]
    assert "-  <Say>Connecting you to sales.</Say>" in renamed.diff
    assert "+  <Say>Connecting you to the sales team.</Say>" in renamed.diff
    assert renamed.app_error is None
    failing = changes[1]
    assert isinstance(failing.app_error, RuntimeError)
    assert "the handler failed: RuntimeError: menu 3 is gone" in failing.report()


def test_the_pytest_helper_replays_one_call(recording: Path) -> None:
    first, second, *_ = load_recording(recording)
    assert_replays(ivr(2), second)  # press 2 did not change
    with pytest.raises(AssertionError, match="1 recorded answers changed") as info:
        assert_replays(ivr(2), first)
    assert "the sales team" in str(info.value)
    assert str(first) == f"{first.call_sid} (2 requests)"
    assert isinstance(first, RecordedCall)


def test_the_command_exits_1_on_changes_and_0_without(
    recording: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = types.ModuleType("replayed_ivr")
    module.v1, module.v2 = ivr(1), ivr(2)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "replayed_ivr", module)
    assert main(["replay", "replayed_ivr:v1", str(recording)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "# 4 calls, 9 requests replayed: 0 answers changed in 0 calls"
    )
    assert main(["replay", "replayed_ivr:v2", str(recording)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "# 4 calls, 9 requests replayed: 3 answers changed in 3 calls"
    assert "calls.jsonl:2]" in out  # where the request is in the recording


def test_a_token_protected_app_replays_with_its_own_secrets(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    options: dict[str, Any] = {"token": "s3cret-token", "account_sid": "AC" + "5" * 32}
    with Recorder(path) as recorder:
        sim = Simulator(ivr(1, recorder, **options), account_sid="AC" + "5" * 32)
        sim.call("/s3cret-token/voice").press("1")
    assert "s3cret-token" not in path.read_text()
    assert replay(ivr(1, None, **options), path) == []
    [change] = replay(ivr(2, None, **options), path)
    assert change.index == 1


def test_the_example_records_and_finds_the_reworded_prompt(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record_replay.main()
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "recorded 7 requests",
        "same app: 0 answers changed",
        "reworded app: 1 answers changed",
    ]
    assert "  +    <Say>Sales. New orders: press 1.</Say>" in out


def test_a_line_that_is_not_a_request_is_named(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    path.write_text('{"v": 1}\n')
    with pytest.raises(Exception, match=r"calls.jsonl:1: not a recorded request"):
        load_recording(path)
