"""The phone's web server: the page, its static files, and the JSON API that drives calls.

Endpoints (JSON in, JSON out; every error is ``{"error": {"message", "type", "details"}}``):

- ``GET /api/info``: the app, the default path and numbers, the dial outcomes offered.
- ``POST /api/calls`` ``{"path", "from", "to", "dial_outcome"}``: start a call (201, the call).
- ``GET /api/calls/{id}``: the call: status, transcript, requests and documents, notifications.
- ``POST /api/calls/{id}/press`` ``{"digits"}``: press keys for the waiting Gather, or during
  a bridged Dial that listens for them (``hangupOnStar``, ``digitsMatch``).
- ``POST /api/calls/{id}/say`` ``{"text"}``: say a phrase at a Gather that accepts speech.
- ``POST /api/calls/{id}/wait`` ``{"seconds"}``: let the call go on without input (a Gather
  or Record times out; a bridged Dial goes on ``seconds``, or until the dialled party hangs
  up).
- ``POST /api/calls/{id}/hangup``: the caller hangs up.
- ``POST /api/calls/{id}/record`` ``{"seconds", "text"}``: leave a recording at a Record.
- ``POST /api/calls/{id}/dial`` ``{"outcome"}``: what dialled parties do from now on.
- ``GET /api/calls/{id}/media?url=``: a media file the app serves itself (for ``<audio>``).

All calls run in one simulator (conference rooms are shared between the page's tabs). Before
each new call the app's modules are reloaded if their source files changed.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, TypeVar, cast
from urllib.parse import urlsplit

import anyio.to_thread
import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import _http
from ._backend import DIAL_OUTCOMES, PhoneCall, SimulatorLike, capture_logs
from ._http import PhoneError, guard
from ._target import Target, TargetError

__all__ = ["MAX_CALLS", "PhoneApp", "PhoneError", "create_phone_app"]

MAX_CALLS = 200
"""Calls kept for the page; the oldest are forgotten beyond this."""

T = TypeVar("T")
DialStatus = Literal["answered", "busy", "no-answer", "failed"]
SimulatorFactory = Callable[[Any], SimulatorLike]
"""Makes the simulator for an app: ``app -> simulator``."""
DialScripter = Callable[[SimulatorLike, str], None]
"""Sets what dialled parties do: ``(simulator, outcome) -> None``, called before each step."""


STATIC = Path(str(files("webhooks.phone") / "static"))


def _default_simulator(app: Any) -> SimulatorLike:
    from webhooks.testing import Simulator

    simulator: SimulatorLike = Simulator(app, raise_app_exceptions=False)
    return simulator


def _default_dial(sim: SimulatorLike, outcome: str) -> None:
    """Make every dialled party that the app has not scripted do ``outcome``."""
    from webhooks.testing import DialOutcome

    # One simulator serves every call (shared conference rooms), so the phone sets the
    # default before each call's step.
    scripted = DialOutcome(cast(DialStatus, outcome))
    if hasattr(type(sim), "default_dial"):
        sim.default_dial = scripted  # type: ignore[attr-defined]


class _Phone:
    """The server's state: the app, the simulator and the calls of every tab."""

    def __init__(
        self,
        target: Target,
        *,
        path: str,
        from_number: str,
        to_number: str,
        simulator: SimulatorFactory,
        dial: DialScripter,
    ) -> None:
        self.target = target
        self.path = path
        self.from_number = from_number
        self.to_number = to_number
        self._make_simulator = simulator
        self._dial = dial
        self._lock = threading.RLock()
        self._sim: SimulatorLike | None = None
        self._sim_app: Any = None
        self._all_sims: list[SimulatorLike] = []
        self.calls: OrderedDict[str, PhoneCall] = OrderedDict()

    def simulator(self) -> tuple[SimulatorLike, Any]:
        try:
            app = self.target.current()
        except TargetError as exc:
            raise PhoneError(str(exc), 422, exc.details) from None
        if self._sim is None or self._sim_app is not app:
            # Calls of the old code keep their simulator until the phone closes.
            self._sim = self._make_simulator(app)
            self._sim_app = app
            self._all_sims.append(self._sim)
        return self._sim, app

    def start(self, path: str, from_number: str, to_number: str, outcome: str) -> PhoneCall:
        with self._lock, capture_logs() as log:
            sim, app = self.simulator()
            self._dial(sim, outcome)
            call = sim.call(path, from_=from_number, to=to_number)
            origin = str(getattr(sim, "origin", "http://testserver"))
            phone_call = PhoneCall(
                secrets.token_hex(8),
                call,
                path=path,
                from_number=from_number,
                to_number=to_number,
                dial_outcome=outcome,
                origin=origin,
            )
            phone_call.app = app
            self.calls[phone_call.id] = phone_call
            while len(self.calls) > MAX_CALLS:
                self.calls.popitem(last=False)
            phone_call.log.extend(log)
        return phone_call

    def close(self) -> None:
        with self._lock:
            sims, self._all_sims, self._sim = self._all_sims, [], None
            self.calls.clear()
        for sim in sims:
            close = getattr(sim, "close", None)
            if close is not None:
                close()

    def get(self, call_id: str) -> PhoneCall:
        call = self.calls.get(call_id)
        if call is None:
            raise PhoneError(f"no call {call_id!r} (the phone server may have restarted)", 404)
        return call

    def act(self, call: PhoneCall, action: Callable[[], object]) -> None:
        with self._lock, capture_logs() as log:
            if self._sim is not None:
                self._dial(self._sim, call.dial_outcome)
            try:
                action()
            finally:
                call.log.extend(log)

    def set_dial(self, call: PhoneCall, outcome: str) -> None:
        with self._lock:
            call.dial_outcome = outcome


def create_phone_app(
    target_app: Any,
    path: str = "/voice",
    *,
    from_number: str = "+15550001111",
    to_number: str = "+15552223333",
    simulator: SimulatorFactory | None = None,
    dial: DialScripter | None = None,
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
) -> PhoneApp:
    """Build the phone's ASGI app for an application under test.

    Args:
        target_app: The app (an ASGI app such as a :class:`webhooks.App`), or its import string
            ``MODULE:ATTRIBUTE``; with an import string, the app's modules are reloaded before
            a new call when their source files changed.
        path: The path that answers a new call (the page can change it per call).
        from_number: The caller's number the page starts with.
        to_number: The called number the page starts with.
        simulator: Makes the simulator for an app (default: :class:`webhooks.testing.Simulator`).
        dial: Scripts the next Dial's outcome of a call (default: the simulator's own).
        allowed_hosts: Host names the page may be served under (guards against DNS rebinding).

    Raises:
        TargetError: If an import string cannot be imported.
    """
    target = Target(target_app)
    phone = _Phone(
        target,
        path=path,
        from_number=from_number,
        to_number=to_number,
        simulator=simulator or _default_simulator,
        dial=dial or _default_dial,
    )

    async def run(func: Callable[[], T]) -> T:
        return await anyio.to_thread.run_sync(func)

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-store"})

    async def info(request: Request) -> Response:
        return JSONResponse(
            {
                "app": target.name,
                "reloads": target.spec is not None,
                "path": phone.path,
                "from": phone.from_number,
                "to": phone.to_number,
                "dial_outcomes": list(DIAL_OUTCOMES),
            }
        )

    def answer(call: PhoneCall, status: int = 200) -> Response:
        return JSONResponse(call.view().to_json(), status_code=status)

    async def start_call(request: Request) -> Response:
        data = await _http.body(request)
        call_path = _http.text(data, "path", phone.path) or phone.path
        if not call_path.startswith("/"):
            raise PhoneError(f"the path must start with '/', got {call_path!r}")
        from_number = _http.text(data, "from", phone.from_number) or phone.from_number
        to_number = _http.text(data, "to", phone.to_number) or phone.to_number
        outcome = _http.outcome(data, "dial_outcome", "answered")

        call = await run(lambda: phone.start(call_path, from_number, to_number, outcome))
        return answer(call, 201)

    async def get_call(request: Request) -> Response:
        return answer(phone.get(request.path_params["call_id"]))

    async def press(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        data = await _http.body(request)
        digits = _http.text(data, "digits", "", limit=64)
        if not digits or any(c not in "0123456789*#" for c in digits):
            raise PhoneError(f"digits must be 0-9, * or #, got {digits!r}")
        await run(lambda: phone.act(call, lambda: call.call.press(digits)))
        return answer(call)

    async def say(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        phrase = _http.text(await _http.body(request), "text", "", limit=500)
        if not phrase:
            raise PhoneError("say something: 'text' is empty")
        await run(lambda: phone.act(call, lambda: call.call.say_speech(phrase)))
        return answer(call)

    async def wait(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        seconds = _http.number(await _http.body(request), "seconds", None)
        await run(lambda: phone.act(call, lambda: call.call.wait(seconds)))
        return answer(call)

    async def hangup(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        await _http.body(request)
        await run(lambda: phone.act(call, call.call.hangup))
        return answer(call)

    async def record(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        data = await _http.body(request)
        seconds = _http.number(data, "seconds", 5.0) or 5.0
        words = _http.text(data, "text", "", limit=2000) or None
        await run(lambda: phone.act(call, lambda: call.call.record(seconds, text=words)))
        return answer(call)

    async def set_dial(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        outcome = _http.outcome(await _http.body(request), "outcome", "answered")
        await run(lambda: phone.set_dial(call, outcome))
        return answer(call)

    async def media(request: Request) -> Response:
        call = phone.get(request.path_params["call_id"])
        url = request.query_params.get("url", "")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            if f"{parts.scheme}://{parts.netloc}" != call.origin:
                raise PhoneError("only files the app serves itself are fetched", 400)
        elif not url.startswith("/"):
            raise PhoneError("the url must be a path of the app", 400)
        app = call.app
        relative = parts.path + (f"?{parts.query}" if parts.query else "")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=call.origin) as client:
            got = await client.get(relative)
        if got.status_code != 200:
            raise PhoneError(f"the app answered {got.status_code} for {url}", 502)
        return Response(
            got.content, media_type=got.headers.get("content-type", "application/octet-stream")
        )

    routes = [
        Route("/", index),
        Route("/api/info", guard(info)),
        Route("/api/calls", guard(start_call), methods=["POST"]),
        Route("/api/calls/{call_id}", guard(get_call)),
        Route("/api/calls/{call_id}/press", guard(press), methods=["POST"]),
        Route("/api/calls/{call_id}/say", guard(say), methods=["POST"]),
        Route("/api/calls/{call_id}/wait", guard(wait), methods=["POST"]),
        Route("/api/calls/{call_id}/hangup", guard(hangup), methods=["POST"]),
        Route("/api/calls/{call_id}/record", guard(record), methods=["POST"]),
        Route("/api/calls/{call_id}/dial", guard(set_dial), methods=["POST"]),
        Route("/api/calls/{call_id}/media", guard(media)),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)  # noqa: S101 - registered for HTTPException only
        if not request.url.path.startswith("/api/"):
            return PlainTextResponse(str(exc.detail), status_code=exc.status_code)
        return _http.error(str(exc.detail), "HTTPException", exc.status_code)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(phone.close)

    return PhoneApp(
        phone,
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))],
        exception_handlers={HTTPException: on_http_error},
        lifespan=lifespan,
    )


class PhoneApp(Starlette):
    """The phone's ASGI app (made by :func:`create_phone_app`).

    The simulators are closed at the end of the ASGI lifespan, or by :meth:`close` when the
    app is used without one (in-process tests).
    """

    def __init__(self, phone: _Phone, **options: Any) -> None:
        super().__init__(**options)
        self._phone = phone

    def close(self) -> None:
        """Close every simulator and forget the calls."""
        self._phone.close()
