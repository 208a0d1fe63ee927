"""Serve an ASGI app with uvicorn on a free loopback port, in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn
from starlette.types import ASGIApp

__all__ = ["serve_in_thread"]


@contextlib.contextmanager
def serve_in_thread(
    app: ASGIApp,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    startup_timeout: float = 10.0,
    http: str = "auto",
) -> Iterator[tuple[str, int]]:
    """Run ``app`` under uvicorn until the block ends; yields the bound ``(host, port)``.

    The socket is bound before uvicorn starts, so port 0 picks a free port without races.
    The block is entered once uvicorn accepts connections, and left once it has shut down.

    Raises:
        RuntimeError: uvicorn did not start within ``startup_timeout`` seconds.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        bound_port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            http=http,
            ws="none",
            timeout_graceful_shutdown=5,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-fake", daemon=True
        )
        thread.start()
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                thread.join(startup_timeout)
                raise RuntimeError(f"uvicorn did not start on {host}:{bound_port}")
            time.sleep(0.005)
        try:
            yield host, bound_port
        finally:
            server.should_exit = True
            thread.join(startup_timeout)
    finally:
        sock.close()
