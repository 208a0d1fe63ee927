"""The examples run the way their docstrings say: scripts, and the Redis app under two workers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from webhook_support import REPO, redis_server, serve_subprocess, voice_params

from examples import simulate_ivr
from inboundxml import Gather, Hangup, Say, parse


def test_simulate_ivr_plays_three_calls(capsys: pytest.CaptureFixture[str]) -> None:
    simulate_ivr.main()
    out = capsys.readouterr().out
    assert "dialled +15550100002: completed" in out
    assert "saved: 8 s from +15550001111: 'please call me back'" in out
    assert "heard: We did not receive your choice. Goodbye." in out
    assert out.count("ended: completed") == 3


def test_rest_client_tour_runs_against_a_local_fake_platform() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CPAAS_")}
    env["PYTHONPATH"] = str(REPO)  # as after ``pip install -e .``
    result = subprocess.run(
        [sys.executable, "examples/rest_client.py"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("using Client(account_sid='AC")
    assert "base_url='http://127.0.0.1:" in lines[0]
    assert lines[-2] == "call is now completed"
    assert lines[-1].startswith("missing call: HTTP 404")


@pytest.fixture(scope="module")
def redis_app() -> Iterator[str]:
    """``examples.redis_sessions:app`` served by two workers sharing one redis-server."""
    with (
        redis_server() as url,
        serve_subprocess(
            "examples.redis_sessions:app", "--workers", "2", env={"REDIS_URL": url}
        ) as base_url,
    ):
        yield base_url


def test_redis_sessions_counts_wrong_pins_across_workers(redis_app: str) -> None:
    params = voice_params(CallSid="CA" + "4" * 32)
    with httpx.Client(base_url=redis_app, timeout=10) as client:
        tries = [client.post("/pin", data={**params, "Digits": "0000"}) for _ in range(3)]
        again = client.post("/voice", data=params)
        ended = client.post("/status", data={**params, "CallStatus": "completed"})
        fresh = client.post("/voice", data=params)
        right = client.post("/pin", data={**params, "Digits": "2468"})
    assert [parse(r.content).children[0] for r in tries] == [
        Say("That PIN is not correct."),
        Say("That PIN is not correct."),
        Say("Too many wrong PINs. Goodbye."),
    ]
    prompt = parse(again.content).children[0]
    assert isinstance(prompt, Gather)
    assert prompt.children[0] == Say("Please enter your PIN. You have 0 tries left.")
    assert ended.status_code == 204
    assert parse(fresh.content).children[0].children[0] == Say(
        "Please enter your PIN. You have 3 tries left."
    )
    assert parse(right.content).children[-1] == Hangup()
