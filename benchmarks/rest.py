"""Benchmark: the REST client against raw httpx, both reading a call from FakePlatform.

FakePlatform is served by uvicorn on 127.0.0.1 in a separate process. In the same run, for
each mode, the client and the baseline make the same requests (``GET /Calls/{sid}.json`` with
HTTP Basic auth; the baseline decodes the JSON, the client also builds the typed ``Call``):

- sequential: ``client.calls.get(sid)`` on one ``Client``, one request at a time;
- concurrent: ``await client.calls.get(sid)`` on one ``AsyncClient``, 20 in flight.

Fairness on a loaded machine: both sides are warmed up first; each round runs ``--requests``
requests of each side in interleaved chunks of 100 (client, raw, raw, client, client, raw …)
so that load drifting during the round weighs on both alike, and the garbage collector runs
before each chunk. Each round gives one paired ratio, client/baseline requests per second; the
verdict uses the median round (1.0 = as fast as raw httpx; the target is at least 0.9). The
client process's CPU time per request of each side is printed too: the server runs elsewhere,
so it shows the client's own overhead with far less noise than throughput.

Run: ``python benchmarks/rest.py [--requests 1000] [--concurrency 20] [--rounds 7]``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from webhooks.rest import AsyncClient, Client, RetryPolicy  # noqa: E402

ACCOUNT = "AC" + "be7c" * 8
TOKEN = "bench-token-" + "0" * 20
SERVER = """
import sys, uvicorn
from webhooks.testing import FakePlatform
app = FakePlatform(account_sid=sys.argv[1], auth_token=sys.argv[2])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning", access_log=False)
"""
CHUNK = 100
"""Requests per timed chunk; client and baseline chunks alternate so load drift cancels out."""
WARM_UP = 200


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
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.Popen(command, cwd=REPO, env=env)
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


@dataclass
class Side:
    """What one side (client or baseline) spent in one round."""

    wall: float = 0.0
    cpu: float = 0.0
    requests: int = 0

    def add(self, wall: float, cpu: float, requests: int) -> None:
        """Count one chunk."""
        self.wall += wall
        self.cpu += cpu
        self.requests += requests

    @property
    def rate(self) -> float:
        """Requests per second."""
        return self.requests / self.wall

    @property
    def cpu_us(self) -> float:
        """Client-process CPU microseconds per request."""
        return self.cpu / self.requests * 1e6


@dataclass
class Result:
    """Every round of one mode."""

    mode: str
    rounds: list[tuple[Side, Side]] = field(default_factory=list)

    def ratios(self) -> list[float]:
        """Client/baseline requests per second, one per round."""
        return [ours.rate / theirs.rate for ours, theirs in self.rounds]

    def median_ratio(self) -> float:
        """The verdict's number: the median round's ratio."""
        return statistics.median(self.ratios())


def _chunks(requests: int, size: int) -> list[int]:
    full, rest = divmod(requests, size)
    return [size] * full + ([rest] if rest else [])


def sequential(base_url: str, sid: str, requests: int, rounds: int) -> Result:
    """Rounds of ``requests`` one-at-a-time requests of the client and of raw httpx."""
    url = f"{base_url}/Accounts/{ACCOUNT}/Calls/{sid}.json"
    client = Client(ACCOUNT, TOKEN, base_url=base_url, retry=RetryPolicy.never())
    raw = httpx.Client(auth=(ACCOUNT, TOKEN), headers={"Accept": "application/json"})

    def with_client(count: int) -> None:
        get = client.calls.get
        for _ in range(count):
            get(sid)

    def with_raw(count: int) -> None:
        for _ in range(count):
            response = raw.get(url)
            response.raise_for_status()
            response.json()

    def timed(job: Callable[[int], None], count: int, side: Side) -> None:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        job(count)
        side.add(time.perf_counter() - wall, time.process_time() - cpu, count)

    result = Result("sequential (Client)")
    with client, raw:
        with_client(WARM_UP)
        with_raw(WARM_UP)
        for _ in range(rounds):
            ours, theirs = Side(), Side()
            for index, count in enumerate(_chunks(requests, CHUNK)):
                order = [(with_client, ours), (with_raw, theirs)]
                for job, side in order[:: 1 if index % 2 else -1]:
                    timed(job, count, side)
            result.rounds.append((ours, theirs))
    return result


async def _pool(job: Callable[[], Awaitable[Any]], requests: int, concurrency: int) -> None:
    remaining = requests

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await job()

    await asyncio.gather(*(worker() for _ in range(min(concurrency, requests))))


async def concurrent(
    base_url: str, sid: str, requests: int, concurrency: int, rounds: int
) -> Result:
    """Rounds of ``requests`` requests of the async client and of raw httpx, ``concurrency``
    in flight."""
    url = f"{base_url}/Accounts/{ACCOUNT}/Calls/{sid}.json"
    client = AsyncClient(ACCOUNT, TOKEN, base_url=base_url, retry=RetryPolicy.never())
    raw = httpx.AsyncClient(auth=(ACCOUNT, TOKEN), headers={"Accept": "application/json"})

    async def ours_one() -> None:
        await client.calls.get(sid)

    async def raw_one() -> None:
        response = await raw.get(url)
        response.raise_for_status()
        response.json()

    async def timed(job: Callable[[], Awaitable[Any]], count: int, side: Side) -> None:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        await _pool(job, count, concurrency)
        side.add(time.perf_counter() - wall, time.process_time() - cpu, count)

    result = Result(f"concurrent (AsyncClient, {concurrency})")
    chunk = max(CHUNK, 5 * concurrency)
    async with client, raw:
        await _pool(ours_one, WARM_UP, concurrency)
        await _pool(raw_one, WARM_UP, concurrency)
        for _ in range(rounds):
            ours, theirs = Side(), Side()
            for index, count in enumerate(_chunks(requests, chunk)):
                order = [(ours_one, ours), (raw_one, theirs)]
                for job, side in order[:: 1 if index % 2 else -1]:
                    await timed(job, count, side)
            result.rounds.append((ours, theirs))
    return result


def report(result: Result) -> float:
    """Print one mode's rounds and summary; return the median ratio."""
    print(f"\n{result.mode}")
    print(
        "| round | webhooks.rest req/s | raw httpx req/s | ratio | client CPU µs/req (ours/raw) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: |")
    for number, (ours, theirs) in enumerate(result.rounds, 1):
        print(
            f"| {number} | {ours.rate:.0f} | {theirs.rate:.0f} | {ours.rate / theirs.rate:.2f}x "
            f"| {ours.cpu_us:.0f} / {theirs.cpu_us:.0f} |"
        )
    ratios = result.ratios()
    best_ours = max(ours.rate for ours, _ in result.rounds)
    best_theirs = max(theirs.rate for _, theirs in result.rounds)
    cpu_ours = statistics.median(ours.cpu_us for ours, _ in result.rounds)
    cpu_theirs = statistics.median(theirs.cpu_us for _, theirs in result.rounds)
    median = result.median_ratio()
    print(
        f"median ratio {median:.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}x); "
        f"best rounds {best_ours:.0f} vs {best_theirs:.0f} req/s = {best_ours / best_theirs:.2f}x; "
        f"client CPU {cpu_ours:.0f} vs {cpu_theirs:.0f} µs/req"
    )
    return median


def main() -> None:
    """Run both modes and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=1000, help="per side and round")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with serve() as base_url:
        with Client(ACCOUNT, TOKEN, base_url=base_url) as client:
            sid = client.calls.create(
                to="+15552223333", from_="+15550001111", url="https://example.com/voice"
            ).sid
        print(
            f"FakePlatform on {base_url} (uvicorn, separate process); {args.requests} requests "
            f"per side in each of {args.rounds} rounds, chunks of {CHUNK} interleaved"
        )
        seq = report(sequential(base_url, sid, args.requests, args.rounds))
        conc = report(
            asyncio.run(concurrent(base_url, sid, args.requests, args.concurrency, args.rounds))
        )
    verdict = "meets" if min(seq, conc) >= 0.9 else "misses"
    print(f"\ntarget: median ratio >= 0.90x raw httpx in both modes: {verdict}")


if __name__ == "__main__":
    main()
