"""The ASGI application: routes webhook requests to handlers and answers with InboundXML.

A request goes through one pure pipeline: parameters (query string + form body, body wins) ->
typed event -> handler -> :class:`inboundxml.Response` -> bytes. Webhook routes are served on a
thin raw-ASGI path (no ``request.form()``); every other path, and the lifespan, go to an inner
Starlette application, so extra Starlette routes (health checks, pages) can sit beside the
webhooks.

Failures never reach the caller as a traceback: malformed requests get a 4xx with a one-line
reason; a failing handler, an invalid document, a wrong return value or a session store that
cannot be used goes through one failure path, :meth:`App._failed`: counted, logged once with the
route, the CallSid and the exception, and answered as ``on_error`` says (default: the safe
fallback document, an apology and a hang-up; or HTTP 500, so that the platform fetches the
number's Fallback URL).

Every webhook ends in one structured log line (see :mod:`webhooks._telemetry`); metrics and
trace spans are optional (``metrics=True``, ``tracing=True``).
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import re
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any, Final, Literal, TypeAlias

import anyio.to_thread
from starlette.applications import Starlette
from starlette.routing import BaseRoute
from starlette.routing import Route as StarletteRoute
from starlette.types import Receive, Scope, Send

from inboundxml import Hangup, InboundXMLError, Response, Say, parse, use_url_resolver
from webhooks._asgi import forwarded_base, read_event, send_document, send_rejection
from webhooks._telemetry import Telemetry, access_logger
from webhooks._throttle import LogThrottle
from webhooks.errors import BadRequest, ConfigurationError, HandlerError
from webhooks.events import ClientProtocol, Event
from webhooks.forms import DEFAULT_MAX_BODY_SIZE
from webhooks.recording import Recorder
from webhooks.routing import Route, Router
from webhooks.security import Security
from webhooks.sessions import MemoryStore, SessionStore

__all__ = ["APP_ERRORS", "DEFAULT_FALLBACK", "App", "ErrorPolicy"]

APP_ERRORS: Final = "webhooks.app_errors"
"""Key of the ASGI ``scope["extensions"]`` entry (a list) where the app reports handler failures.

The caller still gets the fallback document; an in-process caller that put a list there (the
simulator, to fail the test) finds each failure's exception in it."""

logger = logging.getLogger("webhooks")

DEFAULT_FALLBACK: Final = Response(
    Say("We are sorry, an application error has occurred. Goodbye."), Hangup()
)

ErrorPolicy: TypeAlias = (
    Literal["fallback", "500", 500] | Callable[[Exception, Route], Response | None]
)
"""What a caller gets when a request fails (``App(on_error=...)``).

- ``"fallback"`` (default): HTTP 200 with the app's fallback document (``fallback=`` /
  ``sms_fallback=``): the caller hears an apology and the call ends.
- ``"500"`` (or ``500``): HTTP 500 with no document. The platform then fetches the Fallback
  URL configured for the number or application (``VoiceFallbackUrl``, ``SmsFallbackUrl``, or
  ``FallbackUrl`` of a REST-created call) and logs notification 12105; without one, the caller
  hears "An error has occurred" and the call ends.
- a callable ``(exception, route) -> Response | None``: its document is answered with HTTP 200;
  ``None`` (or an exception of its own) answers HTTP 500 as above.
"""

# The failures of the session store: during an outage every request fails alike, so these are
# logged once per interval with a count (the first with its traceback).
_NO_SESSION: Final = "could not open its session"
_NOT_STORED: Final = "could not store its session"
_STORE_FAILURES: Final = frozenset({_NO_SESSION, _NOT_STORED})


class _RequestContext:
    """Per-request binding given to events and to the markup's URL resolver."""

    __slots__ = ("_app", "_base", "client", "outcome", "scope")

    def __init__(self, app: App, scope: Scope) -> None:
        self._app = app
        self.scope = scope
        self.client: ClientProtocol | None = app.client
        self.outcome = "ok"
        self._base: str | None = None

    def resolve(self, handler: Callable[..., Any]) -> str:
        """The URL of ``handler``'s route: absolute when the public base URL is known."""
        app = self._app
        path = app._paths.get(handler) or app.url_path_for(handler)
        base = self._base
        if base is None:  # the same for every URL of the request: worked out once
            root: str = self.scope.get("root_path", "")
            base = self._base = (app._public_base(self.scope) or "") + root
        return base + path


class App(Router):
    """A webhook application: decorate handlers, serve it with any ASGI server.

    Args:
        client: A REST client (``webhooks.rest.Client``/``AsyncClient``) for live-call control
            from handlers (``event.interrupt(...)``, ``event.hangup()``).
        session_store: Where ``event.session`` lives (default: a :class:`MemoryStore`).
        public_url: The app's public base URL (``https://ivr.example.com``); handler URLs in
            documents are then absolute.
        token: A secret every webhook URL must carry (see :mod:`webhooks.security`).
        token_in: ``"path"`` (``/<token>/voice``) or ``"query"`` (``/voice?token=...``).
        token_param: Query parameter name for ``token_in="query"``.
        account_sid: Reject requests whose ``AccountSid`` differs (403).
        basic_auth: ``(username, password)`` required as HTTP basic credentials (401).
        trusted_proxies: Peer addresses/networks (or ``"*"``) whose ``X-Forwarded-Proto`` and
            ``X-Forwarded-Host`` give the public URL (TLS terminators, load balancers).
        max_body_size: Largest accepted body in bytes (413 beyond; default 64 KiB).
        handler_budget: Seconds after which a handler is logged as slow (warning).
        fallback: The document a caller gets when a voice handler fails.
        sms_fallback: The answer when an SMS/MMS handler fails (default: no reply).
        on_error: What a failed request is answered (see :data:`ErrorPolicy`): ``"fallback"``
            (default), ``"500"`` (the platform's Fallback URL takes over) or a callable.
        metrics: Serve Prometheus metrics at ``/metrics`` (extra ``cpaas-toolkit[metrics]``;
            see :mod:`webhooks.metrics`).
        tracing: An OpenTelemetry span per webhook (extra ``cpaas-toolkit[otel]``; see
            :mod:`webhooks.tracing`): ``True`` for the global tracer provider, or a
            ``TracerProvider``.
        routes: Extra Starlette routes served beside the webhooks.
        recorder: Records every webhook request and its answer to a JSON Lines file, for
            ``python -m webhooks replay`` (see :mod:`webhooks.recording`); off by default.

    Raises:
        ConfigurationError: On inconsistent settings or an invalid fallback document.

    Example:
        >>> app = App()
        >>> @app.voice("/voice")
        ... async def incoming(call: VoiceEvent) -> Response:
        ...     return Response(Say("Hello"), Hangup())
    """

    def __init__(
        self,
        *,
        client: ClientProtocol | None = None,
        session_store: SessionStore | None = None,
        public_url: str | None = None,
        token: str | None = None,
        token_in: Literal["path", "query"] = "path",  # noqa: S107 - not a secret
        token_param: str = "token",  # noqa: S107 - not a secret
        account_sid: str | None = None,
        basic_auth: tuple[str, str] | None = None,
        trusted_proxies: Iterable[str] | str = (),
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        handler_budget: float = 1.0,
        fallback: Response | None = None,
        sms_fallback: Response | None = None,
        on_error: ErrorPolicy = "fallback",
        metrics: bool = False,
        tracing: Any = False,
        routes: Sequence[BaseRoute] = (),
        recorder: Recorder | None = None,
    ) -> None:
        super().__init__()
        if public_url is not None and not re.match(r"https?://[^/?#]+(/[^?#]*)?$", public_url):
            raise ConfigurationError(f"public_url must be an http(s) base URL: {public_url!r}")
        if max_body_size <= 0 or handler_budget <= 0:
            raise ConfigurationError("max_body_size and handler_budget must be positive")
        self.client = client
        self.sessions: SessionStore = session_store if session_store is not None else MemoryStore()
        self.security = Security.build(
            token=token,
            token_in=token_in,
            token_param=token_param,
            account_sid=account_sid,
            basic_auth=basic_auth,
            trusted_proxies=trusted_proxies,
        )
        self.public_url = public_url.rstrip("/") if public_url else None
        self.max_body_size = max_body_size
        self.handler_budget = handler_budget
        try:
            self._fallback = (fallback or DEFAULT_FALLBACK).to_bytes()
            self._sms_fallback = (sms_fallback or Response()).to_bytes()
        except InboundXMLError as exc:
            raise ConfigurationError(f"invalid fallback document: {exc}") from exc
        if on_error == 500:
            on_error = "500"
        if not (on_error in ("fallback", "500") or callable(on_error)):
            raise ConfigurationError(
                f"on_error must be 'fallback', '500' or a callable, got {on_error!r}"
            )
        self.on_error: ErrorPolicy = on_error
        self.telemetry = Telemetry()
        self._store_failures = LogThrottle(logger)
        extra_routes = list(routes)
        self.metrics: Any = None
        if metrics:
            from webhooks.metrics import PrometheusMetrics

            self.metrics = PrometheusMetrics(self.sessions)
            self.telemetry.observers.append(self.metrics)
            extra_routes.append(StarletteRoute("/metrics", self.metrics.endpoint, methods=["GET"]))
        self.tracing: Any = None
        if tracing:
            from webhooks.tracing import Tracing

            self.tracing = Tracing(None if tracing is True else tracing)
            self.telemetry.observers.append(self.tracing)
        self._table: dict[str, Route] | None = None
        self._paths: dict[Any, str] = {}
        self._starlette = Starlette(routes=extra_routes, lifespan=self._lifespan)
        self.recorder = recorder

    def __repr__(self) -> str:
        return f"App(routes={len(list(self.iter_routes()))}, security={self.security!r})"

    @property
    def routes(self) -> list[Route]:
        """Every webhook route, with full paths."""
        return list(self.iter_routes())

    def _start(self) -> dict[str, Route]:
        """Close registration and build the path table (first request or lifespan startup)."""
        if self._table is None:
            table: dict[str, Route] = {}
            paths: dict[Any, str] = {}
            for route in self.iter_routes():
                if route.path in table:
                    raise ConfigurationError(f"path {route.path!r} is registered twice")
                table[route.path] = route
                paths.setdefault(route.handler, route.path)
            self._close()
            prefix, query = self.security.url_token()
            self._paths = {handler: prefix + path + query for handler, path in paths.items()}
            self._table = table
        return self._table

    @contextlib.asynccontextmanager
    async def _lifespan(self, _: Starlette) -> AsyncIterator[None]:
        self._start()
        try:
            yield
        finally:
            await self.sessions.aclose()

    def url_path_for(self, handler: Callable[..., Any]) -> str:
        """Return the path (with the URL token, if any) at which ``handler`` is served.

        Args:
            handler: A function registered on this app or on an included router.

        Raises:
            ConfigurationError: If ``handler`` is not registered.
        """
        path = self._paths.get(handler)
        if path is not None:
            return path
        path = next((r.path for r in self.iter_routes() if r.handler is handler), None)
        if path is None:
            name = getattr(handler, "__qualname__", repr(handler))
            raise ConfigurationError(f"{name} is not registered as a route of this app")
        prefix, query = self.security.url_token()
        return prefix + path + query

    def _public_base(self, scope: Scope) -> str | None:
        """The public ``scheme://host`` of this request, if known (configured or via proxies)."""
        if self.public_url is not None:
            return self.public_url
        return forwarded_base(scope, self.security)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection (HTTP webhooks here; everything else through Starlette)."""
        if scope["type"] == "http":
            table = self._table or self._start()
            path: str = scope["path"]
            root: str = scope.get("root_path", "")
            if root and path.startswith(root):
                path = path[len(root) :] or "/"
            if self.security.token is not None and self.security.in_path:
                stripped = self.security.strip_path_token(path)
                route = table.get(stripped) if stripped is not None else None
                if stripped is None and (
                    path in table or f"/{path[1:].partition('/')[2]}" in table
                ):
                    await self._reject_token(path, table, send)
                    return
            else:
                route = table.get(path)
            if route is not None:
                await self._dispatch(route, scope, receive, send)
                return
        await self._starlette(scope, receive, send)

    async def _reject_token(self, path: str, table: dict[str, Route], send: Send) -> None:
        """Answer 403 to a webhook path without its URL token; log it under the route's path."""
        started = time.perf_counter()
        reason = "missing or wrong URL token"
        await send_rejection(send, 403, reason.encode())
        route = table.get(path) or table[f"/{path[1:].partition('/')[2]}"]
        self.telemetry.finished(route, None, 403, started, "rejected", reason)

    async def _dispatch(self, route: Route, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        if self.recorder is not None:
            receive, send = self.recorder.watch(route, scope, receive, send, self.security)
        try:
            event = await read_event(route, scope, receive, self.security, self.max_body_size)
        except BadRequest as exc:
            await send_rejection(send, exc.status_code, exc.reason.encode())
            self.telemetry.finished(route, None, exc.status_code, started, "rejected", exc.reason)
            return
        context = _RequestContext(self, scope)
        if self.tracing is None:
            status, body = await self.handle(route, event, context)
        else:
            with self.tracing.span(route, event, scope) as span:
                status, body = await self.handle(route, event, context)
                self.tracing.answered(span, status, context.outcome)
        await send_document(send, status, body)
        telemetry = self.telemetry
        if telemetry.observers or access_logger.isEnabledFor(logging.INFO):  # else: nothing to do
            telemetry.finished(route, event.call_sid, status, started, context.outcome)

    async def handle(
        self, route: Route, event: Event, context: _RequestContext | None = None
    ) -> tuple[int, bytes]:
        """Run ``route``'s handler for ``event`` and return the HTTP status and body to send.

        This is the core that the ASGI path, the simulator and tests share, free of HTTP: it
        opens the call's session, sets the URL resolver, runs the handler and renders its answer.
        It never raises for a handler's fault: such answers follow ``on_error``. A session that
        cannot be opened (e.g. the store is down) or stored (e.g. a lock lease ran out and the
        update was refused) is treated like a failing handler: the caller must not hear a
        document whose state was not kept.

        Args:
            route: The matched route.
            event: The event built from the request.
            context: The request binding (a relative-URL binding when omitted).

        Returns:
            ``(200, document bytes)``, ``(204, b"")`` for a notification answered ``None``, or
            ``(500, b"")`` for a failure when ``on_error`` asks for it.
        """
        if context is None:
            scope: Scope = {
                "type": "http",
                "scheme": "http",
                "headers": [],
                "root_path": "",
                "client": None,
            }
            context = _RequestContext(self, scope)
        object.__setattr__(event, "_binding", context)
        call_sid = event.call_sid
        try:
            if not call_sid:
                reason = f"{type(event).__name__} has no CallSid, so it has no session"
                object.__setattr__(event, "_session", reason)
                result = await self._run(route, event, context)
            else:
                opened = self.sessions.open(call_sid)
                try:
                    object.__setattr__(event, "_session", await opened.__aenter__())
                except Exception as exc:
                    return self._failed(route, call_sid, context, exc, _NO_SESSION)
                try:
                    result = await self._run(route, event, context)
                    if route.kind.name == "status" and getattr(event, "is_final", False):
                        opened.ended = True
                except BaseException as exc:
                    with contextlib.suppress(Exception):  # the handler's failure is the one told
                        await opened.__aexit__(type(exc), exc, exc.__traceback__)
                    raise
                try:
                    await opened.__aexit__(None, None, None)
                except Exception as exc:
                    return self._failed(route, call_sid, context, exc, _NOT_STORED)
        except Exception as exc:
            return self._failed(route, call_sid, context, exc, "failed")
        if isinstance(result, Response):
            try:
                return 200, result.to_bytes()
            except InboundXMLError as exc:
                return self._failed(route, call_sid, context, exc, "returned an invalid document")
        if result is None:
            if not route.kind.document:
                return 204, b""
            problem = HandlerError(
                f"handler {route.name} returned None; return an inboundxml.Response"
            )
            return self._failed(route, call_sid, context, problem, "returned None")
        if isinstance(result, str | bytes):
            # twilio-python users return str(response): InboundXML text is read, validated and
            # answered in its canonical form.
            try:
                return 200, parse(result).to_bytes()
            except InboundXMLError as exc:
                return self._failed(route, call_sid, context, exc, "returned invalid InboundXML")
        problem = HandlerError(
            f"handler {route.name} returned {type(result).__name__}; return an "
            "inboundxml.Response (or InboundXML as str or bytes)"
        )
        return self._failed(route, call_sid, context, problem, "returned a wrong type")

    def _failed(
        self,
        route: Route,
        call_sid: str | None,
        context: _RequestContext,
        exc: Exception,
        what: str,
    ) -> tuple[int, bytes]:
        """The one answer to a failure: counted, logged once, reported, answered per ``on_error``.

        The log record names the route, the handler, the CallSid and the exception (with its
        traceback). Failures of the session store are logged once per interval with a count,
        the first with its traceback, so an outage does not flood the log. An in-process caller
        that wants the failure itself (the simulator) puts a list under :data:`APP_ERRORS` in
        the ASGI scope's ``extensions``; the exception is appended there.
        """
        context.outcome = "failed"
        self.telemetry.failures[route.path] += 1
        message = "route %s (handler %s) %s (CallSid=%s): %s: %s"
        args = (route.path, route.name, what, call_sid, type(exc).__name__, exc)
        if what in _STORE_FAILURES:
            key = f"{what}: {type(exc).__name__}"
            self._store_failures.log(logging.ERROR, key, message, *args, exc=exc)
        else:
            logger.error(message, *args, exc_info=exc)
        reported = context.scope.get("extensions", {}).get(APP_ERRORS)
        if isinstance(reported, list):
            reported.append(exc)
        policy = self.on_error
        if policy == "fallback":
            return 200, self._sms_fallback if route.kind.messaging else self._fallback
        if policy != "500" and callable(policy):
            try:
                document = policy(exc, route)
                if document is not None:
                    return 200, document.to_bytes()
            except Exception:
                logger.exception("on_error for route %s failed; answering 500", route.path)
        return 500, b""

    async def _run(self, route: Route, event: Event, context: _RequestContext) -> Any:
        with use_url_resolver(context.resolve):
            started = time.perf_counter()
            if route.is_async:
                result = await route.handler(event)
            else:
                result = await anyio.to_thread.run_sync(route.handler, event)
                if inspect.isawaitable(result):
                    result = await result
            elapsed = time.perf_counter() - started
        if elapsed > self.handler_budget:
            logger.warning(
                "handler %s took %.3f s, over its budget of %.3f s (CallSid=%s)",
                route.name,
                elapsed,
                self.handler_budget,
                event.call_sid,
            )
        return result
