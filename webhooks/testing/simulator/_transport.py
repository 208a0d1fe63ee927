"""How the simulated platform reaches the application: in-process ASGI or HTTP on 127.0.0.1.

The in-process transport calls the ASGI application directly with the same scope, headers and
form-encoded body the platform would send over HTTP, so the app's whole request path (routing,
form parsing, security checks, error handling) runs as in production, minus the socket. It also
runs the app's ASGI lifespan, as a server does: startup before the first request (or when the
simulator's context is entered), shutdown when the simulator is closed.
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import threading
import weakref
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar
from urllib.parse import quote_plus, urlsplit

import httpx

from webhooks.app import APP_ERRORS

from ._model import SimulationError

__all__ = ["ASGITransport", "HTTPTransport", "Reply", "Runner", "Transport"]

T = TypeVar("T")

ASGIApp = Callable[..., Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status, content type and body (status 0: no connection).

    ``app_errors`` holds what the app's handlers raised while answering (in-process only: the
    app reports them under :data:`webhooks.app.APP_ERRORS`; an ASGI app that lets an exception
    escape reports it that way too).
    """

    status: int
    content_type: str
    body: bytes
    app_errors: tuple[BaseException, ...] = ()


class Transport(Protocol):
    """Sends one platform request and returns the answer."""

    origin: str

    async def request(self, method: str, url: str, params: dict[str, str]) -> Reply:
        """Send ``params`` form-encoded (POST) or in the query string (GET) to ``url``."""
        ...

    async def startup(self) -> None:
        """Prepare the application (in-process: its lifespan startup); idempotent."""
        ...

    async def aclose(self) -> None:
        """Release resources."""
        ...


def _last_line(message: dict[str, Any]) -> str:
    """The gist of a ``*.failed`` message (servers put a whole traceback there)."""
    lines = [line for line in str(message.get("message", "")).splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no message)"


class _Lifespan:
    """One run of an app's ASGI ``lifespan`` scope, as a task on the running loop."""

    def __init__(self, app: ASGIApp, state: dict[str, Any]) -> None:
        self.app, self.state = app, state
        self.to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.loop = asyncio.get_running_loop()
        self.task: asyncio.Task[None] | None = None
        self.error: Exception | None = None

    async def _main(self) -> None:
        scope = {
            "type": "lifespan",
            "asgi": {"version": "3.0", "spec_version": "2.0"},
            "state": self.state,
        }
        try:
            await self.app(scope, self.to_app.get, self.from_app.put)
        except Exception as exc:  # reported by startup/shutdown
            self.error = exc
        finally:
            self.from_app.put_nowait({"type": "finished"})

    async def startup(self) -> None:
        """Send ``lifespan.startup`` and wait for the answer.

        An app that does not speak the lifespan protocol (it returns or raises without
        answering) is served without one, as ASGI servers do.

        Raises:
            SimulationError: If the app answers ``lifespan.startup.failed``.
        """
        self.task = self.loop.create_task(self._main(), name="cpaas-simulator-lifespan")
        await self.to_app.put({"type": "lifespan.startup"})
        answer = await self.from_app.get()
        if answer["type"] == "lifespan.startup.failed":
            raise SimulationError(f"the app's lifespan startup failed: {_last_line(answer)}")

    async def shutdown(self) -> None:
        """Send ``lifespan.shutdown`` and wait for the app to finish it.

        Raises:
            SimulationError: If the app answers ``lifespan.shutdown.failed``.
        """
        if self.task is None or self.task.done():
            return
        await self.to_app.put({"type": "lifespan.shutdown"})
        answer = await self.from_app.get()
        await asyncio.wait([self.task])
        if answer["type"] == "lifespan.shutdown.failed":
            raise SimulationError(f"the app's lifespan shutdown failed: {_last_line(answer)}")

    def shutdown_soon(self) -> None:
        """Ask for shutdown from anywhere (a finalizer): the app finishes when the loop runs."""
        if self.task is not None and not self.task.done() and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.to_app.put_nowait, {"type": "lifespan.shutdown"})


_quote = functools.lru_cache(maxsize=8192)(quote_plus)


def urlencode(params: dict[str, str]) -> str:
    """Form-encode ``params`` (as :func:`urllib.parse.urlencode`, with a cache of quoted values:
    most parameters repeat on every request of a call)."""
    return "&".join(f"{_quote(k)}={_quote(v)}" for k, v in params.items())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class ASGITransport:
    """Calls an ASGI app in-process, as if it were served at ``origin``.

    Args:
        app: The ASGI application.
        origin: ``scheme://host[:port]`` the app appears to be served at.
        headers: Headers sent with every request (e.g. basic-auth credentials).
    """

    def __init__(
        self,
        app: ASGIApp,
        origin: str = "http://testserver",
        headers: Sequence[tuple[bytes, bytes]] = (),
    ) -> None:
        self.app = app
        self._headers = list(headers)
        self.origin = origin.rstrip("/")
        parts = urlsplit(self.origin)
        self._scheme = parts.scheme
        self._host = parts.netloc.encode("latin-1")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        self._server = (parts.hostname or "testserver", port)
        self.state: dict[str, Any] = {}
        self._lifespan: _Lifespan | None = None

    async def startup(self) -> None:
        """Run the app's lifespan startup once (again after :meth:`aclose`).

        The lifespan's ``state`` is copied into every request's scope, as servers do.

        Raises:
            SimulationError: If the app's startup fails.
        """
        if self._lifespan is not None:
            return
        self.state = {}
        lifespan = self._lifespan = _Lifespan(self.app, self.state)
        weakref.finalize(self, lifespan.shutdown_soon)
        try:
            await lifespan.startup()
        except BaseException:
            self._lifespan = None
            raise

    async def request(self, method: str, url: str, params: dict[str, str]) -> Reply:
        """Run one request through the app (only URLs of ``origin`` reach it)."""
        if self._lifespan is None:
            await self.startup()
        if _origin(url) != self.origin:
            return Reply(0, "", b"")
        parts = urlsplit(url)
        query = parts.query
        body = b""
        errors: list[BaseException] = []
        headers = [(b"host", self._host), (b"user-agent", b"cpaas-simulator"), *self._headers]
        if method == "GET":
            extra = urlencode(params)
            query = f"{query}&{extra}" if query and extra else (query or extra)
        else:
            body = urlencode(params).encode()
            headers.append((b"content-type", b"application/x-www-form-urlencoded"))
            headers.append((b"content-length", str(len(body)).encode()))
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": self._scheme,
            "path": parts.path or "/",
            "raw_path": (parts.path or "/").encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": self._server,
            "state": dict(self.state),
            "extensions": {APP_ERRORS: errors},
        }
        sent = False

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return {"type": "http.disconnect"}

        status = 0
        content_type = ""
        chunks: list[bytes] = []

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, content_type
            if message["type"] == "http.response.start":
                status = message["status"]
                for key, value in message.get("headers", ()):
                    if key.lower() == b"content-type":
                        content_type = value.decode("latin-1")
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self.app(scope, receive, send)
        except Exception as exc:  # an app that raises is what a 500 looks like on the wire
            errors.append(exc)
            return Reply(500, "text/plain", b"", tuple(errors))
        return Reply(status, content_type, b"".join(chunks), tuple(errors))

    async def aclose(self) -> None:
        """Run the app's lifespan shutdown, if its startup ran.

        Raises:
            SimulationError: If the app's shutdown fails.
        """
        lifespan, self._lifespan = self._lifespan, None
        if lifespan is not None:
            await lifespan.shutdown()


class HTTPTransport:
    """Sends requests over HTTP to a server on 127.0.0.1 (never anywhere else).

    Args:
        base_url: ``http://127.0.0.1:PORT`` (or ``localhost``).
        timeout: Seconds before a request counts as failed.
    """

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        parts = urlsplit(base_url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SimulationError(f"base_url must point at 127.0.0.1, got {base_url!r}")
        self.origin = _origin(base_url)
        self._client = httpx.AsyncClient(timeout=timeout)

    async def request(self, method: str, url: str, params: dict[str, str]) -> Reply:
        """Send the request; a connection failure answers status 0."""
        if _origin(url) != self.origin:
            return Reply(0, "", b"")
        try:
            if method == "GET":
                answer = await self._client.get(url, params=params)
            else:
                answer = await self._client.post(url, data=params)
        except httpx.HTTPError:
            return Reply(0, "", b"")
        return Reply(answer.status_code, answer.headers.get("content-type", ""), answer.content)

    async def startup(self) -> None:
        """Nothing to do: the server runs the app's lifespan."""

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.aclose()


async def _drain(tasks: set[asyncio.Task[Any]]) -> None:
    await asyncio.gather(*tasks, return_exceptions=True)


class Runner:
    """Runs the simulator's coroutines for the synchronous API on one private event loop.

    Every simulator of the process shares that loop (closed at exit), so an app that keeps
    loop-bound objects between requests keeps working across simulators. In a thread without
    a running loop the loop runs right there (no thread hop, fastest). Called from inside a
    running loop (a sync helper used in async code), the loop runs in a helper thread while
    the caller waits.
    """

    _loop: asyncio.AbstractEventLoop | None = None
    _lock = threading.RLock()

    @classmethod
    def _get_loop(cls) -> asyncio.AbstractEventLoop:
        if cls._loop is None or cls._loop.is_closed():
            cls._loop = asyncio.new_event_loop()
            atexit.register(cls._close)
        return cls._loop

    @classmethod
    def _close(cls) -> None:
        loop, cls._loop = cls._loop, None
        if loop is not None and not loop.is_closed() and not loop.is_running():
            tasks = asyncio.all_tasks(loop)  # lifespans of simulators never closed
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(_drain(tasks))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` to completion and return its result."""
        with self._lock:
            loop = self._get_loop()
            try:
                asyncio.get_running_loop()
                in_loop = True
            except RuntimeError:
                in_loop = False
            if not in_loop:  # outside the except block: the app's errors get no context
                return loop.run_until_complete(coro)
            box: list[T] = []
            errors: list[BaseException] = []

            def target() -> None:
                try:
                    box.append(loop.run_until_complete(coro))
                except BaseException as exc:  # re-raised in the caller's thread
                    errors.append(exc)

            thread = threading.Thread(target=target, name="cpaas-simulator")
            thread.start()
            thread.join()
            if errors:
                raise errors[0]
            return box[0]
