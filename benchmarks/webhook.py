"""Webhook throughput: the example IVR against a bare Starlette route, in the same run.

Three measurements:

1. in-process: microseconds per request, calling the ASGI apps directly with a fake
   scope/receive/send (no server, no sockets);
2. over HTTP: requests per second of ``examples.ivr:app`` (``POST /voice``: form -> event ->
   handler -> small document) and of a bare Starlette route returning fixed bytes, each served
   by uvicorn (httptools, uvloop) on 127.0.0.1 and driven by a keep-alive load generator on raw
   asyncio sockets with a fixed number of connections and a fixed duration;
3. ``--soak SECONDS --concurrency N``: whole calls (voice -> menu -> sales -> final status) for
   a long time at many connections; prints errors and the server's memory (RSS) over time.

Targets: IVR >= 0.55x the bare-Starlette requests/s, <= 25 us per request in-process.
``benchmarks/soak.py`` runs the app as ``python -m webhooks serve`` serves it, with a new call
per request, for memory.

    python benchmarks/webhook.py                        # in-process + HTTP, 5 s per server
    python benchmarks/webhook.py --duration 10 --connections 8
    python benchmarks/webhook.py --soak 60 --concurrency 200
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import Response  # noqa: E402
from starlette.routing import Route  # noqa: E402

from examples.ivr import app as ivr_app  # noqa: E402
from webhooks import MemoryStore  # noqa: E402

FIXED = b'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>'
ACCOUNT = "AC" + "fedcba9876543210" * 2


async def _fixed(request: Request) -> Response:
    return Response(FIXED, media_type="application/xml")


bare_app = Starlette(routes=[Route("/voice", _fixed, methods=["GET", "POST"])])
"""The baseline: a Starlette route that ignores the request and returns fixed bytes."""


def form(call: int, **extra: str) -> bytes:
    """A platform-like form body (about 300 bytes) for call number ``call``."""
    params = {
        "AccountSid": ACCOUNT,
        "ApiVersion": "v2",
        "CallSid": f"CA{call:032x}",
        "CallStatus": "ringing",
        "CallerName": "Jane Doe",
        "Direction": "inbound",
        "From": "+17325551234",
        "To": "+17325556789",
        "UrlBase": "https://ivr.example.com/voice",
        **extra,
    }
    return urlencode(params).encode()


# -- 1. in-process --------------------------------------------------------------------------


def _scope(path: str, body: bytes) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def _per_request_us(app: Any, bodies: list[bytes]) -> float:
    status: list[int] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    requests = [
        (_scope("/voice", body), {"type": "http.request", "body": body, "more_body": False})
        for body in bodies
    ]
    message: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        return message

    started = time.process_time()
    for scope, message in requests:  # noqa: B007 - receive() reads it
        await app(scope, receive, send)
    elapsed = time.process_time() - started
    if set(status) != {200}:
        raise SystemExit(f"in-process: unexpected statuses {sorted(set(status))}")
    return elapsed / len(bodies) * 1e6


def in_process(requests: int, rounds: int) -> dict[str, float]:
    """Median CPU microseconds per request of each app over ``rounds`` rounds.

    CPU time of this process rather than wall time, so that other load on the machine does not
    count; every request is the first request of a new call (a new session).
    """
    results: dict[str, list[float]] = {"ivr": [], "bare": []}
    for round_ in range(rounds):
        bodies = [form(round_ * requests + i) for i in range(requests)]
        ivr_app.sessions = MemoryStore()
        for name, app in (("ivr", ivr_app), ("bare", bare_app)):
            results[name].append(asyncio.run(_per_request_us(app, bodies)))
    return {name: statistics.median(values) for name, values in results.items()}


# -- 2. over HTTP -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """One app served by uvicorn (httptools + uvloop) in a subprocess on 127.0.0.1."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.port = _free_port()
        command = [sys.executable, __file__, "--serve", name, "--port", str(self.port)]
        self.process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL)
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        name = self.name
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"server {name!r} did not start on port {self.port}")
            time.sleep(0.05)

    def rss_kib(self) -> int:
        """Resident memory of the server process (KiB)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(name: str, port: int) -> None:
    """Run one of the benchmark's apps (the ``--serve`` mode of this script)."""
    import uvicorn

    app = ivr_app if name == "ivr" else bare_app
    uvicorn.run(
        app, host="127.0.0.1", port=port, http="httptools", loop="uvloop", log_level="warning",
        access_log=False,
    )  # fmt: skip


def _request(path: str, body: bytes) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    if length:
        await reader.readexactly(length)
    return status


class Load:
    """Counts of a load run."""

    def __init__(self) -> None:
        self.ok = 0
        self.errors = 0


async def _connection(
    port: int, load: Load, stop_at: float, next_call: Callable[[], Awaitable[list[bytes]]]
) -> None:
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            load.errors += 1
            await asyncio.sleep(0.01)
            continue
        try:
            while time.monotonic() < stop_at:
                for request in await next_call():
                    status = await _exchange(reader, writer, request)
                    if status in (200, 204):
                        load.ok += 1
                    else:
                        load.errors += 1
        except (OSError, asyncio.IncompleteReadError, ValueError):
            load.errors += 1
        finally:
            writer.close()


async def _drive(
    port: int, connections: int, seconds: float, whole_calls: bool, on_tick: Callable[[], None]
) -> Load:
    load = Load()
    counter = iter(range(10**12))

    async def next_call() -> list[bytes]:
        call = next(counter)
        if not whole_calls:
            return [_request("/voice", form(call))]
        return [
            _request("/voice", form(call)),
            _request("/menu", form(call, Digits="1")),
            _request("/sales", form(call, Digits="2")),
            _request("/status", form(call, CallStatus="completed")),
        ]

    stop_at = time.monotonic() + seconds

    async def ticker() -> None:
        while time.monotonic() < stop_at:
            on_tick()
            await asyncio.sleep(1)

    tasks = [_connection(port, load, stop_at, next_call) for _ in range(connections)]
    await asyncio.gather(ticker(), *tasks)
    return load


def _run_load(server: Server, connections: int, seconds: float, whole_calls: bool = False,
              on_tick: Callable[[], None] = lambda: None) -> Load:  # fmt: skip
    try:
        import uvloop

        runner: Any = uvloop.run
    except ImportError:  # pragma: no cover
        runner = asyncio.run
    result: Load = runner(_drive(server.port, connections, seconds, whole_calls, on_tick))
    return result


def over_http(connections: int, seconds: float, rounds: int) -> dict[str, float]:
    """Requests/s of each server over ``rounds`` alternating rounds.

    Returns the best rate of each server and ``"ratio"``: the median over the rounds of
    ivr/bare, each round's pair measured back to back, so that a busy moment of a shared
    machine weighs on both sides of a ratio alike.
    """
    rates: dict[str, list[float]] = {"bare": [], "ivr": []}
    servers = {name: Server(name) for name in rates}
    try:
        for server in servers.values():  # warm up both
            _run_load(server, connections, 1.0)
        for _ in range(rounds):
            for name, server in servers.items():
                load = _run_load(server, connections, seconds)
                if load.errors:
                    raise SystemExit(f"{name}: {load.errors} errors under load")
                rates[name].append(load.ok / seconds)
    finally:
        for server in servers.values():
            server.stop()
    ratios = [ivr / bare for ivr, bare in zip(rates["ivr"], rates["bare"], strict=True)]
    best = {name: max(values) for name, values in rates.items()}
    return {**best, "ratio": statistics.median(ratios)}


# -- 3. soak ----------------------------------------------------------------------------------


def soak(seconds: float, concurrency: int) -> None:
    """Whole calls for ``seconds`` at ``concurrency`` connections; errors and RSS."""
    server = Server("ivr")
    samples: list[int] = []
    try:
        _run_load(server, 8, 1.0, whole_calls=True)
        start_rss = server.rss_kib()
        load = _run_load(
            server, concurrency, seconds, whole_calls=True,
            on_tick=lambda: samples.append(server.rss_kib()),
        )  # fmt: skip
        end_rss = server.rss_kib()
    finally:
        server.stop()
    print(f"soak: {seconds:.0f} s at {concurrency} connections, whole calls of 4 requests")
    print(f"  requests ok: {load.ok}  ({load.ok / seconds:,.0f}/s)   errors: {load.errors}")
    print(
        f"  server RSS: start {start_rss / 1024:.1f} MiB, peak {max(samples) / 1024:.1f} MiB, "
        f"end {end_rss / 1024:.1f} MiB"
    )
    print("  RSS every 10 s (MiB): " + " ".join(f"{s / 1024:.1f}" for s in samples[::10]))


def main() -> None:
    """Parse the command line and run the chosen measurements."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per HTTP round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per server")
    parser.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    parser.add_argument("--requests", type=int, default=20000, help="in-process requests/round")
    parser.add_argument("--soak", type=float, metavar="SECONDS", help="run the soak test only")
    parser.add_argument("--concurrency", type=int, default=200, help="connections in the soak")
    parser.add_argument("--serve", choices=["ivr", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return
    if args.soak:
        soak(args.soak, args.concurrency)
        return
    micro = in_process(args.requests, args.rounds)
    print(f"in-process, CPU time (median of {args.rounds} x {args.requests} POST /voice):")
    print(f"  bare Starlette route  {micro['bare']:6.1f} us/request")
    verdict = "ok" if micro["ivr"] <= 25 else "OVER TARGET"
    print(f"  examples.ivr          {micro['ivr']:6.1f} us/request   (target <= 25: {verdict})")
    rates = over_http(args.connections, args.duration, args.rounds)
    ratio = rates["ratio"]
    print(
        f"uvicorn httptools+uvloop, {args.connections} keep-alive connections, "
        f"best of {args.rounds} x {args.duration:.0f} s (cpus: {os.cpu_count()}):"
    )
    print(f"  bare Starlette route  {rates['bare']:9,.0f} req/s   1.00x")
    verdict = "ok" if ratio >= 0.55 else "UNDER TARGET"
    print(
        f"  examples.ivr          {rates['ivr']:9,.0f} req/s   {ratio:.2f}x"
        f"  (median of the paired rounds' ratios; best/best "
        f"{rates['ivr'] / rates['bare']:.2f}x; target >= 0.55x: {verdict})"
    )


if __name__ == "__main__":
    main()
