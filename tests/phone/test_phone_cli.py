"""``python -m webhooks phone MODULE:app``: the command serves the page on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from phone_support import free_port

from webhooks._cli import build_parser
from webhooks.phone._cli_phone import phone_main

ROOT = Path(__file__).resolve().parents[2]


def test_phone_is_a_subcommand_of_python_m_webhooks() -> None:
    args = build_parser().parse_args(["phone", "examples.ivr:app", "--port", "9000"])
    assert (args.app, args.path, args.port) == ("examples.ivr:app", "/voice", 9000)
    assert args.func.__name__ == "run_phone"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        ([":app"], "MODULE:ATTRIBUTE"),
        (["phone_no_such_module"], "cannot load"),
        (["examples.ivr:app", "--path", "voice"], "--path must start with '/'"),
        (["examples.ivr:app", "--port", "70000"], "--port must be"),
        (["examples.ivr:missing"], "no attribute 'missing'"),
    ],
)
def test_bad_arguments_exit_with_a_message(argv: list[str], fragment: str) -> None:
    with pytest.raises(SystemExit, match=fragment):
        phone_main(argv)


def test_the_command_serves_the_page_and_calls() -> None:
    port = free_port()
    command = [sys.executable, "-m", "webhooks", "phone", "examples.ivr:app", "--port", str(port)]
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    client = httpx.Client(trust_env=False, timeout=10)  # never through a proxy
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                info = client.get(f"{base}/api/info", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    output = server.communicate()[0]
                    pytest.fail(f"the phone did not start:\n{output}")
                time.sleep(0.1)
        assert info.json()["app"] == "examples.ivr:app"
        assert "Dial pad" in client.get(f"{base}/").text
        call = client.post(f"{base}/api/calls", json={}).json()
        assert call["steps"][0]["text"].startswith("Welcome to Example Corp.")
    finally:
        client.close()
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{port}/" in output
