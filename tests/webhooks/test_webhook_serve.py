"""``python -m webhooks serve`` bounds what a client can hold: real uvicorn on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
import uvicorn
from webhook_support import free_port, serve_subprocess, voice_params, wait_for_port


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    """The example IVR served with a 2 s request deadline and an 8 KiB header limit."""
    with serve_subprocess(
        "examples.ivr", "--request-timeout", "2", "--max-header-size", "8192"
    ) as url:
        port = urlparse(url).port
        assert port is not None
        yield url, port


def connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.settimeout(30)  # generous: only proves "not forever"
    return sock


def closed_by_server(sock: socket.socket) -> bool:
    try:
        return sock.recv(65536) == b""
    except ConnectionResetError:
        return True


def test_a_header_trickling_one_byte_a_second_is_cut_off(server: tuple[str, int]) -> None:
    _, port = server
    with connect(port) as sock:
        sock.sendall(b"POST /voice HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        sent_after = 0
        started = time.monotonic()
        try:
            while time.monotonic() - started < 30:
                sock.sendall(b"a")
                sent_after += 1
                time.sleep(1)
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert closed_by_server(sock)
    assert sent_after < 30  # closed long before the client gave up


def test_a_connection_that_sends_nothing_is_closed(server: tuple[str, int]) -> None:
    _, port = server
    with connect(port) as sock:
        assert closed_by_server(sock)


def test_a_body_that_never_completes_is_cut_off(server: tuple[str, int]) -> None:
    _, port = server
    with connect(port) as sock:
        sock.sendall(
            b"POST /voice HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nCall"
        )
        assert closed_by_server(sock)


def test_oversized_headers_get_431_and_the_connection_closed(server: tuple[str, int]) -> None:
    _, port = server
    with connect(port) as sock:
        sock.sendall(b"POST /voice HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 65536)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 431 ")


def test_ordinary_requests_on_a_kept_alive_connection_are_served(server: tuple[str, int]) -> None:
    url, _ = server
    with httpx.Client(base_url=url) as client:
        for _ in range(2):
            assert client.post("/voice", data=voice_params()).status_code == 200
            time.sleep(1.2)  # idle between requests is the keep-alive's business, not a deadline
        reply = client.post("/voice", data=voice_params(CallSid="CA" + "x" * 60000))
    assert reply.status_code == 400
    assert reply.text.startswith("CallSid must be 'CA' followed by 32 hex digits, got 60002")


def test_the_h11_protocol_has_the_same_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without httptools, ``serve`` runs h11 with the same read deadline."""
    from examples.ivr import app
    from webhooks._server import GuardedH11Protocol

    monkeypatch.setenv("WEBHOOKS_REQUEST_TIMEOUT", "1")
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", http=GuardedH11Protocol
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        assert wait_for_port(port, 10)
        with connect(port) as sock:
            sock.sendall(b"POST /voice HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
            assert closed_by_server(sock)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert client.post("/voice", data=voice_params()).status_code == 200
    finally:
        server.should_exit = True
        thread.join(10)


APP_SOURCE = """
from inboundxml import Response, Say
from webhooks import App, VoiceEvent

app = App()


@app.voice("/voice")
def voice(call: VoiceEvent) -> Response:
    return Response(Say("{text}"))
"""


def test_serve_reload_restarts_when_the_code_changes(tmp_path: Path) -> None:
    module = tmp_path / "reloaded_app.py"
    module.write_text(APP_SOURCE.format(text="first"))
    with (
        serve_subprocess(
            "reloaded_app", "--reload", "--reload-dir", str(tmp_path), pythonpath=str(tmp_path)
        ) as url,
        httpx.Client(base_url=url) as client,
    ):
        assert "first" in client.post("/voice", data=voice_params()).text
        module.write_text(APP_SOURCE.format(text="second"))
        deadline = time.monotonic() + 30  # generous: only "not forever"
        answer = ""
        while "second" not in answer and time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                answer = client.post("/voice", data=voice_params()).text
            except httpx.TransportError:
                answer = ""  # restarting
        assert "second" in answer
