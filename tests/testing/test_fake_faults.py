"""FakePlatform fault injection: delays, 429, 500/503 and dropped connections, in-process and
over uvicorn."""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx
import pytest

from webhooks.testing import DroppedConnectionError, FakePlatform, Fault

Target = tuple[FakePlatform, httpx.AsyncClient]


@pytest.fixture(params=["in-process", "uvicorn"])
async def target(
    request: pytest.FixtureRequest, live: tuple[FakePlatform, str]
) -> AsyncIterator[Target]:
    """A fake and a client reaching it in-process or over 127.0.0.1."""
    if request.param == "in-process":
        fake = FakePlatform()
        transport = httpx.ASGITransport(app=fake)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://fake", auth=fake.auth
        ) as client:
            yield fake, client
    else:
        fake, base_url = live
        root = base_url.removesuffix("/v2")
        async with httpx.AsyncClient(base_url=root, auth=fake.auth) as client:
            yield fake, client


def calls_url(fake: FakePlatform, sid: str = "", suffix: str = ".json") -> str:
    return f"{fake.account_uri}/Calls{'/' + sid if sid else ''}{suffix}"


@pytest.mark.anyio
@pytest.mark.parametrize("status", [500, 503])
async def test_error_status_for_the_next_request(status: int, target: Target) -> None:
    """A status fault answers the next matching request with the error body, then stops."""
    fake, client = target
    call = fake.add_call(from_="+1", to="+2")
    fake.faults.add("GET /Calls/*", status=status, times=1)
    first = await client.get(calls_url(fake, call.sid))
    assert first.status_code == status
    assert first.json() == {
        "status": status,
        "message": "Injected failure",
        "code": 0,
        "more_info": "http://www.zang.io/docs/api/rest/overview/errors/0",
    }
    assert (await client.get(calls_url(fake, call.sid))).status_code == 200
    assert not list(fake.faults)


@pytest.mark.anyio
async def test_throttling_sends_retry_after(target: Target) -> None:
    """A 429 fault carries ``Retry-After`` (1 s unless given) for ``times`` requests."""
    fake, client = target
    fake.faults.add("POST /Calls", status=429, retry_after=2.5, times=2)
    data = {"From": "+1", "To": "+2", "Url": "https://example.com/v"}
    answers = [await client.post(calls_url(fake), data=data) for _ in range(3)]
    assert [a.status_code for a in answers] == [429, 429, 200]
    assert answers[0].headers["retry-after"] == "2.5"
    assert answers[0].json()["status"] == 429
    fake.faults.add(status=429)
    assert (await client.get(calls_url(fake))).headers["retry-after"] == "1"


@pytest.mark.anyio
async def test_delay_slows_the_request_down(target: Target) -> None:
    """A pure delay fault waits, then lets the request through."""
    fake, client = target
    fake.faults.add("GET /Calls", delay=0.2)
    started = time.perf_counter()
    response = await client.get(calls_url(fake))
    assert time.perf_counter() - started >= 0.2
    assert response.status_code == 200
    assert len(fake.faults) == 0  # spent: the next request is not delayed


@pytest.mark.anyio
async def test_dropped_connection_is_a_transport_error(target: Target) -> None:
    """A drop fault closes the connection without a response: httpx raises a transport error."""
    fake, client = target
    fake.faults.add("GET /Calls", drop=True)
    with pytest.raises(httpx.RemoteProtocolError):
        await client.get(calls_url(fake))
    assert (await client.get(calls_url(fake))).status_code == 200


@pytest.mark.anyio
async def test_in_process_drop_raises_dropped_connection_error() -> None:
    """In-process, the drop surfaces as ``DroppedConnectionError``, an httpx TransportError."""
    fake = FakePlatform()
    fake.faults.add(drop=True)
    transport = httpx.ASGITransport(app=fake)
    async with httpx.AsyncClient(transport=transport, base_url="http://fake") as client:
        with pytest.raises(DroppedConnectionError) as caught:
            await client.get(calls_url(fake))
    assert isinstance(caught.value, httpx.TransportError)


def test_uvicorn_drop_sends_no_bytes_at_all(live: tuple[FakePlatform, str]) -> None:
    """Over uvicorn the socket is closed before anything is written (no 500 page)."""
    fake, base_url = live
    fake.faults.add(drop=True)
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"
    assert parts.port is not None
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(f"GET {calls_url(fake)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert sock.recv(1024) == b""


@pytest.mark.anyio
async def test_faults_apply_before_authentication(target: Target) -> None:
    """Faults act at the transport level: even unauthenticated requests get them."""
    fake, client = target
    fake.faults.add("*", status=503)
    response = await client.get(calls_url(fake), auth=("AC", "wrong"))
    assert response.status_code == 503


@pytest.mark.anyio
async def test_fault_error_body_is_xml_for_xml(target: Target) -> None:
    """The injected error body follows the request's format."""
    fake, client = target
    fake.faults.add(status=500, code=12400, message="Internal Failure")
    response = await client.get(calls_url(fake, suffix=".xml"))
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.findtext("RestException/Code") == "12400"
    assert root.findtext("RestException/Message") == "Internal Failure"


@pytest.mark.anyio
async def test_unlimited_fault_stays(target: Target) -> None:
    """``times=None`` applies to every matching request; other routes are untouched."""
    fake, client = target
    fault = fake.faults.add("GET /SMS/**", status=500, times=None)
    for _ in range(3):
        assert (await client.get(f"{fake.account_uri}/SMS/Messages.json")).status_code == 500
    assert (await client.get(calls_url(fake))).status_code == 200
    assert fault.hits == 3
    fake.faults.clear()
    assert (await client.get(f"{fake.account_uri}/SMS/Messages.json")).status_code == 200


@pytest.mark.parametrize(
    ("pattern", "method", "path", "expected"),
    [
        ("*", "GET", "/Calls", True),
        ("GET /Calls/*", "GET", "/Calls/CA1", True),
        ("GET /Calls/*", "GET", "/Calls/CA1/Recordings", False),
        ("GET /Calls/**", "GET", "/Calls/CA1/Recordings", True),
        ("GET /Calls/*", "POST", "/Calls/CA1", False),
        ("/Calls", "DELETE", "/Calls", True),
        ("* /calls", "POST", "/Calls", True),
        ("POST /", "POST", "/", True),
        ("/SIP/*/CA1", "GET", "/SIP/Domains/CA1", True),
    ],
)
def test_fault_patterns(pattern: str, method: str, path: str, expected: bool) -> None:
    """``*`` is one segment, ``**`` any; the method is optional; case is ignored."""
    assert Fault(pattern).matches(method, path) is expected


@pytest.mark.parametrize(
    "arguments",
    [{"status": 200}, {"times": 0}, {"delay": -1.0}, {"pattern": "FETCH /Calls"}],
)
def test_invalid_faults_are_rejected(arguments: dict[str, object]) -> None:
    """Statuses outside 400-599, ``times`` < 1, negative delays and unknown methods fail."""
    with pytest.raises(ValueError, match="fault"):
        FakePlatform().faults.add(**arguments)  # type: ignore[arg-type]


def test_serve_starts_and_stops_a_server() -> None:
    """``serve()`` yields a loopback base URL that answers, and frees it afterwards."""
    fake = FakePlatform()
    with fake.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/v2")
        response = httpx.get(f"{base_url}/Accounts/{fake.account_sid}.json", auth=fake.auth)
        assert response.json()["sid"] == fake.account_sid
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base_url}/Accounts/{fake.account_sid}.json", auth=fake.auth)
