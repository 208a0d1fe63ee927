"""``App(recorder=Recorder(...))`` writes every webhook request and its answer to JSON Lines."""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from inboundxml import Gather, Hangup, Response, Say
from webhooks import App, GatherEvent, Recorder, VoiceEvent
from webhooks.recording import REDACTED
from webhooks.testing import Simulator

pytestmark = pytest.mark.anyio

SID = "AC" + "1" * 32


def ivr(recorder: Recorder | None = None, **options: Any) -> App:
    app = App(recorder=recorder, **options)

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1."), action=menu, num_digits=1), Hangup())

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        return Response(Say(f"You pressed {event.digits}."), Hangup())

    return app


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_recording_is_off_by_default() -> None:
    assert App().recorder is None


def test_each_request_and_answer_is_a_line_linked_by_call_sid(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "calls.jsonl")
    sim = Simulator(ivr(recorder))
    first = sim.call("/voice").press("1")
    second = sim.call("/voice").press("2")
    recorder.close()
    written = lines(tmp_path / "calls.jsonl")
    assert [(r["call_sid"], r["path"], r["kind"]) for r in written] == [
        (first.sid, "/voice", "voice"),
        (first.sid, "/menu", "gather"),
        (second.sid, "/voice", "voice"),
        (second.sid, "/menu", "gather"),
    ]
    menu = written[1]
    assert menu["method"] == "POST"
    assert menu["params"]["Digits"] == "1"
    assert menu["params"]["CallSid"] == first.sid
    assert menu["status"] == 200
    assert menu["body"] == first.requests[1].body.decode()
    assert menu["v"] == 1


async def test_secrets_never_reach_the_file(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    recorder = Recorder(path, redact=("Password",))
    app = ivr(recorder, token="t0ken-s3cret", basic_auth=("ivr", "pa55word"), account_sid=SID)
    credentials = base64.b64encode(b"ivr:pa55word").decode()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ivr.test") as client:
        answer = await client.post(
            "/t0ken-s3cret/voice",
            data={"CallSid": "CA" + "2" * 32, "AccountSid": SID, "Password": "1234"},
            headers={"Authorization": f"Basic {credentials}"},
        )
    assert answer.status_code == 200
    recorder.close()
    text = path.read_text()
    for secret in ("t0ken-s3cret", "pa55word", credentials, SID, "1234"):
        assert secret not in text
    [line] = lines(path)
    assert line["path"] == f"/{REDACTED}/voice"
    assert line["headers"]["authorization"] == REDACTED
    assert line["params"]["AccountSid"] == REDACTED
    assert line["params"]["Password"] == REDACTED


def test_the_account_sid_can_be_kept(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "calls.jsonl", keep_account_sid=True)
    sim = Simulator(ivr(recorder), account_sid=SID)
    sim.call("/voice")
    recorder.close()
    [line] = lines(tmp_path / "calls.jsonl")
    assert line["params"]["AccountSid"] == SID


def test_the_file_is_rotated_at_its_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "calls.jsonl"
    recorder = Recorder(path, max_bytes=2_000, backups=2)
    sim = Simulator(ivr(recorder))
    for _ in range(10):
        sim.call("/voice").press("1")
    recorder.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["calls.jsonl", "calls.jsonl.1", "calls.jsonl.2"]
    assert all((tmp_path / name).stat().st_size <= 2_000 for name in files)
    assert lines(path)  # the newest lines are in the file itself


def test_a_writer_that_falls_behind_drops_records_instead_of_blocking(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "calls.jsonl", max_pending=1)
    release = threading.Event()
    write = recorder._write  # the writer thread's step, held up to stand for a slow disk

    def slow_write(line: bytes) -> None:
        release.wait()
        write(line)

    recorder._write = slow_write  # type: ignore[method-assign]
    sim = Simulator(ivr(recorder))
    calls = [sim.call("/voice") for _ in range(4)]
    assert all(call.waiting_for == "gather" for call in calls)  # every request was answered
    assert recorder.dropped >= 2
    release.set()
    recorder.close()
    assert len(lines(tmp_path / "calls.jsonl")) == 4 - recorder.dropped


def test_invalid_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        Recorder(tmp_path / "x.jsonl", max_bytes=0)
