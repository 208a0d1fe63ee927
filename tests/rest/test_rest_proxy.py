"""Proxies: ``proxy=``, and ``HTTP(S)_PROXY`` / ``NO_PROXY`` honoured unless ``trust_env=False``.

The proxy is a real one on 127.0.0.1 that forwards plain-HTTP requests to the target and counts
them; a ``CONNECT`` (the start of an HTTPS tunnel) is counted and refused, so that HTTPS traffic
is seen reaching it without any certificate.
"""

from __future__ import annotations

import http.client
import json
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlsplit

import pytest
from conftest import ACCOUNT, FAST, TOKEN
from rest_cases import sample

from webhooks.rest import AsyncClient, Call, Client, NetworkError

CALL = "CA" + "1" * 32
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


class _Target(BaseHTTPRequestHandler):
    """The platform: answers every GET with a Call."""

    def do_GET(self) -> None:
        body = json.dumps(sample(Call)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@dataclass
class Counts:
    """What the proxy saw: forwarded request targets and refused tunnels."""

    forwarded: list[str] = field(default_factory=list)
    tunnels: list[str] = field(default_factory=list)


class _ProxyServer(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    counts: Counts


class _Proxy(BaseHTTPRequestHandler):
    """A forwarding proxy: absolute-form requests go on to their host; CONNECT is refused."""

    server: _ProxyServer

    def do_GET(self) -> None:
        target = urlsplit(self.path)
        assert target.hostname == "127.0.0.1", "the proxy only forwards to 127.0.0.1"
        self.server.counts.forwarded.append(self.path)
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        path = target.path + (f"?{target.query}" if target.query else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
        upstream.request("GET", path, headers=headers)
        answer = upstream.getresponse()
        body = answer.read()
        upstream.close()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type", "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_CONNECT(self) -> None:
        self.server.counts.tunnels.append(self.path)
        self.send_response(403, "tunnels refused")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def _serve(server: HTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return thread


@pytest.fixture
def target() -> Iterator[str]:
    """The base URL of a platform on 127.0.0.1."""
    server = HTTPServer(("127.0.0.1", 0), _Target)
    _serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    server.shutdown()
    server.server_close()


@pytest.fixture
def proxy() -> Iterator[tuple[str, Counts]]:
    """A counting forwarding proxy on 127.0.0.1: its URL and its counts."""
    server = _ProxyServer(("127.0.0.1", 0), _Proxy)
    server.counts = Counts()
    _serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}", server.counts
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_outer_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy settings from the outer environment."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_an_explicit_proxy_forwards_every_request(
    target: str, proxy: tuple[str, Counts], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, counts = proxy
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the argument wins over the environment
    with Client(ACCOUNT, TOKEN, base_url=target, proxy=url) as client:
        assert client.calls.get(CALL).sid == sample(Call)["sid"]
        client.calls.get(CALL)
    assert counts.forwarded == [f"{target}/Accounts/{ACCOUNT}/Calls/{CALL}.json"] * 2


def test_http_proxy_from_the_environment_is_honoured(
    target: str, proxy: tuple[str, Counts], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, counts = proxy
    monkeypatch.setenv("HTTP_PROXY", url)
    with Client(ACCOUNT, TOKEN, base_url=target) as client:
        client.calls.get(CALL)
    assert len(counts.forwarded) == 1


def test_no_proxy_and_trust_env_false_bypass_the_environments_proxy(
    target: str, proxy: tuple[str, Counts], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, counts = proxy
    monkeypatch.setenv("HTTP_PROXY", url)
    with Client(ACCOUNT, TOKEN, base_url=target, trust_env=False) as client:
        client.calls.get(CALL)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with Client(ACCOUNT, TOKEN, base_url=target) as client:
        client.calls.get(CALL)
    assert counts.forwarded == []


def test_https_proxy_carries_https_requests_through_a_tunnel(
    proxy: tuple[str, Counts], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, counts = proxy
    monkeypatch.setenv("HTTPS_PROXY", url)
    with (
        Client(ACCOUNT, TOKEN, base_url="https://127.0.0.1:9/v2", retry=FAST) as client,
        pytest.raises(NetworkError, match="ProxyError") as caught,
    ):
        client.calls.get(CALL)
    assert counts.tunnels == ["127.0.0.1:9"] * FAST.max_attempts
    assert "403" in str(caught.value)


@pytest.mark.anyio
async def test_async_client_goes_through_the_proxy_too(
    target: str, proxy: tuple[str, Counts], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, counts = proxy
    monkeypatch.setenv("ALL_PROXY", url)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=target) as client:
        await client.calls.get(CALL)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=target, proxy=url, trust_env=False) as client:
        await client.calls.get(CALL)
    assert len(counts.forwarded) == 2
