"""Redis servers the fault tests own: one they can kill, freeze and restart; a 3-node cluster.

Each helper fails the test loudly (``pytest.fail``) when its server cannot start.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from webhook_support import free_port, wait_for_port


def _binary(name: str) -> str:
    found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else "")
    if not found:
        pytest.fail(f"{name} is not installed: the Redis fault tests need it (apt install redis)")
    return found


def distinct_ports(count: int) -> list[int]:
    """``count`` different ports free on 127.0.0.1 (held open together while they are chosen)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


class RedisProcess:
    """A ``redis-server`` on a fixed port of 127.0.0.1 that a test can stop and start again."""

    def __init__(self, directory: str, *options: str, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.options = options
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start (or restart) the server on its port."""
        command = [
            _binary("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", self.directory, *self.options,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if not wait_for_port(self.port, 20, self.process):
            self.kill()
            pytest.fail(f"redis-server did not start on 127.0.0.1:{self.port}")

    def kill(self) -> None:
        """Kill the server (SIGKILL), as a crash would."""
        if self.process is not None:
            if self.process.poll() is None:
                os.kill(self.process.pid, signal.SIGCONT)
                self.process.kill()
            self.process.wait(10)
            self.process = None

    def freeze(self) -> None:
        """Stop the process (SIGSTOP): connections stay open and nothing answers."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        """Let a frozen server run again (SIGCONT)."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)


@contextmanager
def redis_process() -> Iterator[RedisProcess]:
    """A throw-away ``redis-server`` owned by one test."""
    with tempfile.TemporaryDirectory() as directory:
        server = RedisProcess(directory)
        server.start()
        try:
            yield server
        finally:
            server.kill()


@contextmanager
def redis_cluster(nodes: int = 3) -> Iterator[list[str]]:
    """A Redis Cluster of ``nodes`` primaries on 127.0.0.1; yields their ``redis://`` URLs."""
    with tempfile.TemporaryDirectory() as directory:
        ports = distinct_ports(2 * nodes)
        servers = [
            RedisProcess(
                directory,
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                f"nodes-{index}.conf",
                "--cluster-node-timeout",
                "5000",
                # The bus port defaults to port + 10000, past 65535 for high ephemeral ports.
                "--cluster-port",
                str(ports[nodes + index]),
                port=ports[index],
            )
            for index in range(nodes)
        ]
        try:
            for server in servers:
                server.start()
            addresses = [f"127.0.0.1:{server.port}" for server in servers]
            created = subprocess.run(
                [_binary("redis-cli"), "--cluster", "create", *addresses, "--cluster-yes"],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            if created.returncode != 0:
                pytest.fail(f"redis-cli --cluster create failed:\n{created.stdout}{created.stderr}")
            deadline = time.monotonic() + 30
            while not all(_cluster_ok(server.port) for server in servers):
                if time.monotonic() > deadline:
                    pytest.fail("the Redis Cluster did not reach cluster_state:ok in 30 s")
                time.sleep(0.1)
            yield [server.url for server in servers]
        finally:
            for server in servers:
                server.kill()


def _cluster_ok(port: int) -> bool:
    info = subprocess.run(
        [_binary("redis-cli"), "-p", str(port), "cluster", "info"],
        capture_output=True, text=True, timeout=10,
    )  # fmt: skip
    return "cluster_state:ok" in info.stdout


@contextmanager
def redis_sentinel(service: str = "webhooks") -> Iterator[tuple[int, RedisProcess]]:
    """A primary ``redis-server`` watched by one Sentinel; yields the Sentinel's port and it."""
    with tempfile.TemporaryDirectory() as directory, redis_process() as primary:
        port = free_port()
        config = Path(directory) / "sentinel.conf"
        config.write_text(
            f"port {port}\nbind 127.0.0.1\ndir {directory}\n"
            f"sentinel monitor {service} 127.0.0.1 {primary.port} 1\n"
            f"sentinel down-after-milliseconds {service} 5000\n"
        )
        process = subprocess.Popen(
            [_binary("redis-server"), str(config), "--sentinel"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if not wait_for_port(port, 20, process):
                pytest.fail(f"redis-server --sentinel did not start on 127.0.0.1:{port}")
            yield port, primary
        finally:
            process.kill()
            process.wait(10)
