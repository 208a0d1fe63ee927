"""Helpers of the webhook tests: platform-like parameters, clients, and real servers.

Servers run on free ports of 127.0.0.1; every server helper fails loudly (``pytest.fail``)
when its server cannot start: these tests stand for features, so they are never skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from inboundxml import parse
from webhooks import App

REPO = Path(__file__).resolve().parents[1]
CALL_SID = "CA" + "0123456789abcdef" * 2
ACCOUNT_SID = "AC" + "fedcba9876543210" * 2


def voice_params(**overrides: str) -> dict[str, str]:
    """The parameters of an inbound call (spec section 3), as the platform sends them."""
    params = {
        "AccountSid": ACCOUNT_SID,
        "ApiVersion": "v2",
        "CallSid": CALL_SID,
        "CallStatus": "in-progress",
        "CallerName": "Jane Doe",
        "Direction": "inbound",
        "From": "+15550001111",
        "To": "+15552223333",
        "UrlBase": "https://example.com/voice",
    }
    params.update(overrides)
    return params


def asgi_client(
    app: App, base_url: str = "http://testserver", root_path: str = ""
) -> httpx.AsyncClient:
    """An httpx client that calls ``app`` in-process."""
    transport = httpx.ASGITransport(app=app, root_path=root_path)
    return httpx.AsyncClient(transport=transport, base_url=base_url)


def action_of(document: bytes, index: int = 0) -> str | None:
    """The ``action`` of the Gather (or other verb) at ``index`` of a rendered document."""
    action: str | None = getattr(parse(document).children[index], "action")  # noqa: B009
    return action


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(
    port: int, timeout: float, process: subprocess.Popen[bytes] | None = None
) -> bool:
    """Wait until something accepts connections on ``port`` (False on timeout or exit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        with socket.socket() as sock:
            sock.settimeout(0.2)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


@contextmanager
def uvicorn_thread(app: App) -> Iterator[str]:
    """Serve ``app`` with uvicorn (httptools) in a thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", http="httptools", loop="asyncio"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def _process(command: Sequence[str], port: int, what: str, **options: Any) -> Iterator[None]:
    """Run ``command``, wait for ``port`` to accept connections, stop it afterwards."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **options)
        try:
            if not wait_for_port(port, 20, process):
                process.kill()
                process.wait()
                log.seek(0)
                output = log.read().decode(errors="replace")
                pytest.fail(f"{what} did not start on 127.0.0.1:{port}:\n{output}")
            yield
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def serve_subprocess(
    target: str, *extra: str, env: dict[str, str] | None = None, pythonpath: str = ""
) -> Iterator[str]:
    """Run ``python -m webhooks serve TARGET`` in a subprocess; yield its base URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "webhooks", "serve", target, "--port", str(port),
        "--log-level", "warning", *extra,
    ]  # fmt: skip
    path = os.pathsep.join(p for p in (str(REPO), pythonpath) if p)
    environment = {**os.environ, **(env or {}), "PYTHONPATH": path}
    with _process(command, port, " ".join(command), cwd=REPO, env=environment):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def redis_server() -> Iterator[str]:
    """Start a throw-away ``redis-server`` (no persistence); yield its URL."""
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        pytest.fail(
            "redis-server is not installed: the RedisStore tests need it (apt install redis-server)"
        )
    port = free_port()
    command = [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]
    with _process(command, port, "redis-server"):
        yield f"redis://127.0.0.1:{port}/0"
