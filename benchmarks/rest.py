"""Benchmark: the REST client against raw httpx, both reading a call from FakePlatform.

FakePlatform is served by uvicorn on 127.0.0.1 in a separate process. In the same run, for
each mode, the client and the baseline make the same requests (``GET /Calls/{sid}.json`` with
HTTP Basic auth; the baseline decodes the JSON, the client also builds the typed ``Call``):

- sequential: 1,000 ``client.calls.get(sid)`` on one ``Client``;
- concurrent: 1,000 ``await client.calls.get(sid)`` on one ``AsyncClient``, 20 in flight.

Each round interleaves chunks of 100 requests of the client and of the baseline, so that the
load of the machine weighs on both alike; the best round of each is reported with the ratio
client/baseline (1.0 = as fast as raw httpx; the target is at least 0.9).

Run: ``python benchmarks/rest.py [--requests 1000] [--concurrency 20] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from webhooks.rest import AsyncClient, Client, RetryPolicy

ACCOUNT = "AC" + "be7c" * 8
TOKEN = "bench-token-" + "0" * 20
SERVER = """
import sys, uvicorn
from webhooks.testing import FakePlatform
app = FakePlatform(account_sid=sys.argv[1], auth_token=sys.argv[2])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning", access_log=False)
"""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve() -> Iterator[str]:
    """Run FakePlatform under uvicorn in a child process; yield its API root."""
    port = free_port()
    command = [sys.executable, "-c", SERVER, ACCOUNT, TOKEN, str(port)]
    process = subprocess.Popen(command)
    base_url = f"http://127.0.0.1:{port}/v2"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the FakePlatform server did not start") from None
                time.sleep(0.05)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


CHUNK = 100
"""Requests per timed chunk; client and baseline chunks alternate so load drift cancels out."""


def sequential(base_url: str, sid: str, requests: int, rounds: int) -> tuple[float, float]:
    """Req/s of the client and of raw httpx, one request at a time (best round of each)."""
    url = f"{base_url}/Accounts/{ACCOUNT}/Calls/{sid}.json"
    client = Client(ACCOUNT, TOKEN, base_url=base_url, retry=RetryPolicy.never())
    raw = httpx.Client(auth=(ACCOUNT, TOKEN), headers={"Accept": "application/json"})

    def with_client(count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            client.calls.get(sid)
        return time.perf_counter() - started

    def with_raw(count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            response = raw.get(url)
            response.raise_for_status()
            response.json()
        return time.perf_counter() - started

    best_ours = best_theirs = 0.0
    with client, raw:
        with_client(50)
        with_raw(50)
        for _ in range(rounds):
            ours = theirs = 0.0
            for chunk in range(requests // CHUNK):
                if chunk % 2:
                    ours += with_client(CHUNK)
                    theirs += with_raw(CHUNK)
                else:
                    theirs += with_raw(CHUNK)
                    ours += with_client(CHUNK)
            best_ours = max(best_ours, requests / ours)
            best_theirs = max(best_theirs, requests / theirs)
    return best_ours, best_theirs


async def _pool(job: Callable[[], Awaitable[Any]], requests: int, concurrency: int) -> float:
    remaining = requests

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await job()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


async def concurrent(
    base_url: str, sid: str, requests: int, concurrency: int, rounds: int
) -> tuple[float, float]:
    """Req/s of the async client and of raw httpx, ``concurrency`` requests in flight."""
    url = f"{base_url}/Accounts/{ACCOUNT}/Calls/{sid}.json"
    client = AsyncClient(ACCOUNT, TOKEN, base_url=base_url, retry=RetryPolicy.never())
    raw = httpx.AsyncClient(auth=(ACCOUNT, TOKEN), headers={"Accept": "application/json"})

    async def ours_one() -> None:
        await client.calls.get(sid)

    async def raw_one() -> None:
        response = await raw.get(url)
        response.raise_for_status()
        response.json()

    best_ours = best_theirs = 0.0
    chunk_size = max(CHUNK, 5 * concurrency)
    async with client, raw:
        await _pool(ours_one, 100, concurrency)
        await _pool(raw_one, 100, concurrency)
        for _ in range(rounds):
            ours = theirs = 0.0
            for chunk in range(requests // chunk_size):
                if chunk % 2:
                    ours += await _pool(ours_one, chunk_size, concurrency)
                    theirs += await _pool(raw_one, chunk_size, concurrency)
                else:
                    theirs += await _pool(raw_one, chunk_size, concurrency)
                    ours += await _pool(ours_one, chunk_size, concurrency)
            done = chunk_size * (requests // chunk_size)
            best_ours = max(best_ours, done / ours)
            best_theirs = max(best_theirs, done / theirs)
    return best_ours, best_theirs


def report(mode: str, ours: float, theirs: float) -> float:
    """Print one mode's line; return the ratio."""
    ratio = ours / theirs
    print(
        f"{mode:<28} webhooks.rest {ours:8.0f} req/s   raw httpx {theirs:8.0f} req/s   {ratio:.2f}x"
    )
    return ratio


def main() -> None:
    """Run both modes and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with serve() as base_url:
        with Client(ACCOUNT, TOKEN, base_url=base_url) as client:
            sid = client.calls.create(
                to="+15552223333", from_="+15550001111", url="https://example.com/voice"
            ).sid
        print(f"FakePlatform on {base_url} (uvicorn, separate process); {args.requests} requests")
        seq = report("sequential (Client)", *sequential(base_url, sid, args.requests, args.rounds))
        conc = report(
            f"concurrent (AsyncClient, {args.concurrency})",
            *asyncio.run(concurrent(base_url, sid, args.requests, args.concurrency, args.rounds)),
        )
    verdict = "meets" if min(seq, conc) >= 0.9 else "misses"
    print(f"target >= 0.90x raw httpx in both modes: {verdict}")


if __name__ == "__main__":
    main()
