"""Soak: the served example IVR under a minute of new calls that never end.

``python -m webhooks serve examples.ivr`` (the real command: uvicorn, httptools, the connection
bounds, the default in-memory store with its default cap) is driven at 200 keep-alive
connections for 60 s; every request is ``POST /voice`` of a **new** CallSid and no call ever
sends its final status, so every request leaves a session behind: the worst case for memory.

Reports requests per second, errors (any answer but 200, any connection error) and the server's
resident memory (RSS) before and after. Targets: 0 errors; RSS growth <= 50 MB.

    python benchmarks/soak.py                           # 60 s at 200 connections
    python benchmarks/soak.py --seconds 20 --connections 100
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from webhook import REPO, Server, _free_port, _run_load  # noqa: E402

RSS_GROWTH_TARGET_MB = 50


class ServedApp(Server):
    """``python -m webhooks serve MODULE`` in a subprocess on 127.0.0.1."""

    def __init__(self, target: str) -> None:
        self.name = target
        self.port = _free_port()
        command = [
            sys.executable, "-m", "webhooks", "serve", target, "--port", str(self.port),
            "--log-level", "warning",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_until_listening()


def main() -> None:
    """Run the soak and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the soak")
    parser.add_argument("--connections", type=int, default=200, help="keep-alive connections")
    parser.add_argument("--app", default="examples.ivr", help="MODULE[:APP] to serve")
    args = parser.parse_args()
    server = ServedApp(args.app)
    samples: list[int] = []
    try:
        _run_load(server, 8, 1.0)  # warm up: imports, first sessions, allocator pools
        before = server.rss_kib()
        started = time.monotonic()
        load = _run_load(
            server, args.connections, args.seconds, on_tick=lambda: samples.append(server.rss_kib())
        )
        elapsed = time.monotonic() - started
        after = server.rss_kib()
    finally:
        server.stop()
    growth_mb = (after - before) / 1024
    print(
        f"soak: {args.app} served by `python -m webhooks serve`, {args.seconds:.0f} s at "
        f"{args.connections} connections, a new CallSid per request (cpus: {os.cpu_count()})"
    )
    print(f"  requests: {load.ok:,} ok, {load.errors} errors, {load.ok / elapsed:,.0f} req/s")
    print(
        f"  server RSS: before {before / 1024:.1f} MiB, after {after / 1024:.1f} MiB, "
        f"peak {max(samples, default=after) / 1024:.1f} MiB, growth {growth_mb:+.1f} MiB"
    )
    print("  RSS every 10 s (MiB): " + " ".join(f"{s / 1024:.1f}" for s in samples[::10]))
    errors_ok = "ok" if load.errors == 0 else "OVER TARGET"
    growth_ok = "ok" if growth_mb <= RSS_GROWTH_TARGET_MB else "OVER TARGET"
    print(
        f"  targets: 0 errors ({errors_ok}); RSS growth <= {RSS_GROWTH_TARGET_MB} MB ({growth_ok})"
    )


if __name__ == "__main__":
    main()
