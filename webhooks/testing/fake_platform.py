"""The platform's REST API, in memory: an ASGI app for tests of REST clients and simulators.

:class:`FakePlatform` answers every endpoint of the REST reference under the real URL layout
(``/v2/Accounts/{AccountSid}/Calls/{CallSid}.json``; no suffix or ``.xml`` for XML, ``.csv`` for
lists, ``.txt`` for a transcription's text), checks HTTP Basic credentials, keeps what is created
and answers with the platform's field names, types, paging fields and error bodies.

Use it in-process or over loopback::

    fake = FakePlatform()
    transport = httpx.ASGITransport(app=fake)
    async with httpx.AsyncClient(transport=transport, auth=fake.auth) as client:
        r = await client.post(f"http://fake{fake.account_uri}/Calls.json", data={...})

    with fake.serve() as base_url:          # "http://127.0.0.1:PORT/v2"
        ...

Tests can seed resources (:meth:`FakePlatform.add_incoming_number`, :meth:`FakePlatform.add`),
inspect :attr:`FakePlatform.requests`, inject faults through :attr:`FakePlatform.faults`, and
drive calls with :attr:`FakePlatform.on_call_created`, :attr:`FakePlatform.on_call_updated` and
:meth:`FakePlatform.set_call_status`.
"""

from __future__ import annotations

import base64
import contextlib
import inspect
import math
import secrets
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, cast
from urllib.parse import parse_qsl

import anyio
import httpx
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from inboundxml.errors import CPaaSError

from . import _fake_kinds as kinds
from ._fake_endpoints import ENDED_STATUSES
from ._fake_faults import Fault, FaultInjector
from ._fake_records import (
    API_VERSION,
    CallRecord,
    Kind,
    Record,
    Store,
    format_date,
    new_sid,
    parse_date,
)
from ._fake_render import MEDIA_TYPES, ApiFailure, Item, error_body, render
from ._fake_routes import ROUTES
from ._fake_routing import Ctx, Route, Router
from ._fake_server import serve_in_thread

__all__ = [
    "CallAction",
    "CallCreatedHook",
    "CallUpdatedHook",
    "DroppedConnectionError",
    "FakePlatform",
    "RequestRecord",
]

CallAction = Literal["interrupt", "send_digits", "record", "play", "effect"]
"""A live-call request: ``POST /Calls/{sid}`` with ``Url``/``Method``/``Status``
(``interrupt``) or ``PlayDtmf`` (``send_digits``), ``…/Recordings`` (``record``), ``…/Play``
(``play``) and ``…/Effect`` (``effect``)."""

CallCreatedHook = Callable[[CallRecord], Awaitable[None] | None]
"""Called with each call made through ``POST /Calls``."""

CallUpdatedHook = Callable[[CallRecord, CallAction, Mapping[str, str]], Awaitable[None] | None]
"""Called with the call, the action and the request's parameters of each live-call request."""


class DroppedConnectionError(CPaaSError, httpx.RemoteProtocolError):
    """A fault closed the connection without a response.

    Under uvicorn the fake closes the socket itself, and clients see the server disconnect.
    In-process (``httpx.ASGITransport``) there is no socket to close: the app raises this
    error, which httpx passes on to the caller; it is an ``httpx.RemoteProtocolError`` (a
    ``TransportError``), as a real disconnect would be.
    """


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request the fake received.

    Attributes:
        method: The HTTP method.
        path: The full path as sent (``/v2/Accounts/AC…/Calls.json``).
        resource: The path below the account, without format suffix (``/Calls``).
        format: ``json``, ``xml``, ``csv`` or ``txt``.
        params: Query and form parameters merged (form wins; the last of repeated keys).
        pairs: Every parameter in order, repeated keys kept (query first, then form).
        headers: The request headers, names in lower case.
    """

    method: str
    path: str
    resource: str
    format: str
    params: dict[str, str]
    pairs: tuple[tuple[str, str], ...]
    headers: dict[str, str]


def _utcnow() -> datetime:
    return datetime.now(UTC)


_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class FakePlatform:
    """The platform's REST API in memory, as an ASGI app.

    Args:
        account_sid: The account's SID; a random ``AC…`` SID when omitted.
        auth_token: The auth token; a random 32-hex token when omitted.
        api_version: The version segment of every path.
        amp_in_page_uris: Join the parameters of page URIs with a literal ``&amp;``, as some
            platform responses do (``False`` for a plain ``&``).
        strict_params: Reject parameters an endpoint does not document (400 / 20001).
        clock: Returns the current time (aware, UTC); for deterministic dates.

    Attributes:
        account_sid: The account's SID (the Basic auth user).
        auth_token: The auth token (the Basic auth password).
        requests: Every request received, oldest first.
        faults: The fault injector (see :class:`FaultInjector`).
        on_call_created: Awaited with each call made by ``POST /Calls`` after it is stored
            (status ``queued``) and before the response is sent. A simulator that wants to
            run the call after the response should start a task here.
        on_call_updated: Awaited after each live-call request was applied to the call
            (an interrupt with ``Status`` already changed the status), before the response.
        cnam_names: Caller names CNAM lookups answer with, by phone number.
        store: The records, by kind.
    """

    def __init__(
        self,
        account_sid: str | None = None,
        auth_token: str | None = None,
        *,
        api_version: str = API_VERSION,
        amp_in_page_uris: bool = True,
        strict_params: bool = False,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.account_sid = account_sid or new_sid("AC")
        self.auth_token = auth_token or secrets.token_hex(16)
        self.api_version = api_version
        self.amp_in_page_uris = amp_in_page_uris
        self.strict_params = strict_params
        self.now = clock
        self.store = Store(self.account_sid, kinds.KINDS, api_version)
        self.faults = FaultInjector()
        self.requests: list[RequestRecord] = []
        self.on_call_created: CallCreatedHook | None = None
        self.on_call_updated: CallUpdatedHook | None = None
        self.cnam_names: dict[str, str] = {}
        self._router = Router(ROUTES)
        token = f"{self.account_sid}:{self.auth_token}".encode()
        self._authorization = b"Basic " + base64.b64encode(token)
        self._add_account()

    # --- public helpers ------------------------------------------------------------------

    @property
    def auth(self) -> tuple[str, str]:
        """``(account_sid, auth_token)``, for ``httpx``'s ``auth=``."""
        return self.account_sid, self.auth_token

    @property
    def account_uri(self) -> str:
        """The account's path, ``/v2/Accounts/AC…``; resources are below it."""
        return self.store.root

    @property
    def routes(self) -> tuple[Route, ...]:
        """Every endpoint served, with method, pattern, name and documented parameters."""
        return self._router.routes

    @property
    def calls(self) -> Mapping[str, CallRecord]:
        """The calls by SID, oldest first (a live view)."""
        return cast("Mapping[str, CallRecord]", self.store.tables[kinds.CALL.name])

    def records(self, kind: str) -> list[Record]:
        """Every record of a kind, oldest first; ``kind`` is a list key such as ``"calls"``.

        Raises:
            KeyError: An unknown kind.
        """
        return self.store.all(self._kind(kind))

    def get(self, kind: str, sid: str) -> Record | None:
        """One record by kind (``"sms_messages"``) and SID, or ``None``."""
        return self.store.get(self._kind(kind), sid)

    def reset(self) -> None:
        """Forget every record, request and fault (credentials, options and hooks stay)."""
        self.store.clear()
        self.requests.clear()
        self.faults.clear()
        self.cnam_names.clear()
        self._add_account()

    def serve(self, *, port: int = 0) -> contextlib.AbstractContextManager[str]:
        """Serve the fake with uvicorn on 127.0.0.1 in a background thread.

        Use as ``with fake.serve() as base_url:``; ``base_url`` is the API root including the
        version (``http://127.0.0.1:PORT/v2``), as a REST client's ``base_url`` expects.
        Hooks then run on the server's thread.

        Args:
            port: The port; 0 picks a free one.
        """
        return self._serve(port)

    @contextlib.contextmanager
    def _serve(self, port: int) -> Iterator[str]:
        with serve_in_thread(self, port=port) as (host, bound):
            yield f"http://{host}:{bound}/{self.api_version}"

    # --- seeding ------------------------------------------------------------------------

    def add(
        self,
        kind: str,
        *,
        parent: str | None = None,
        sid: str | None = None,
        created: datetime | None = None,
        **fields: Any,
    ) -> Record:
        """Store a resource of any kind, as if the platform had created it.

        Args:
            kind: The list key of the kind (``"conferences"``, ``"usages"``, ``"agents"``...).
            parent: The owner's SID for nested kinds (a participant's conference...).
            sid: The SID; a new one when omitted.
            created: Its creation time (``date_created``/``date_updated``); now when omitted.
            **fields: Wire fields to set (``from_`` for ``from``); datetimes are rendered in
                the kind's date format.

        Raises:
            KeyError: An unknown kind or field.
        """
        found = self._kind(kind)
        values = {
            ("from" if name == "from_" else name): (
                format_date(value, iso=found.iso_dates) if isinstance(value, datetime) else value
            )
            for name, value in fields.items()
        }
        return self.store.add(found, values, parent=parent, sid=sid, now=created or self.now())

    def add_incoming_number(self, phone_number: str, **fields: Any) -> Record:
        """Store a phone number of the account (``friendly_name`` defaults to the number)."""
        fields.setdefault("friendly_name", phone_number)
        return self.add("incoming_phone_numbers", phone_number=phone_number, **fields)

    def add_call(
        self,
        *,
        from_: str,
        to: str,
        status: str = "in-progress",
        direction: str = "inbound",
        params: Mapping[str, str] | None = None,
        created: datetime | None = None,
        **fields: Any,
    ) -> CallRecord:
        """Store a call (by default a live inbound one); no hook is called.

        Args:
            from_: The caller.
            to: The called number.
            status: The call status.
            direction: The call direction.
            params: What :attr:`CallRecord.params` should hold (``Url``, ``StatusCallback``…).
            created: Its creation time.
            **fields: Other wire fields.
        """
        moment = created or self.now()
        if status != "queued":
            fields.setdefault("start_time", format_date(moment))
        values = {"from": from_, "to": to, "status": status, "direction": direction, **fields}
        call = self.store.add(kinds.CALL, values, now=moment, params=params)
        return cast("CallRecord", call)

    def add_conference(self, friendly_name: str, *, status: str = "init", **fields: Any) -> Record:
        """Store a conference."""
        return self.add("conferences", friendly_name=friendly_name, status=status, **fields)

    def add_participant(self, conference_sid: str, caller_number: str, **fields: Any) -> Record:
        """Store a participant of a conference (updates its ``active_participants_count``)."""
        return self.add(
            "participants", parent=conference_sid, caller_number=caller_number, **fields
        )

    def add_recording(self, call_sid: str = "", *, duration: int = 0, **fields: Any) -> Record:
        """Store a recording, of a call if ``call_sid`` is given."""
        sid = new_sid(kinds.RECORDING.prefix)
        fields.setdefault("recording_url", f"{self.store.item_path(kinds.RECORDING, sid)}.mp3")
        return self.add("recordings", sid=sid, call_sid=call_sid, duration=duration, **fields)

    def add_transcription(
        self, text: str, *, recording_sid: str = "", status: str = "completed", **fields: Any
    ) -> Record:
        """Store a transcription (served as text by ``GET /Transcriptions/{sid}.txt``)."""
        return self.add(
            "transcriptions",
            transcription_text=text,
            recording_sid=recording_sid,
            status=status,
            **fields,
        )

    # --- calls ----------------------------------------------------------------------------

    def set_call_status(
        self,
        sid: str,
        status: str,
        *,
        duration: int | None = None,
        answered_by: str | None = None,
        price: str | None = None,
    ) -> CallRecord:
        """Move a call to a new status, as the platform would while running it.

        ``in-progress`` sets ``start_time``; an ended status (``completed``, ``busy``,
        ``failed``, ``no-answer``, ``canceled``) sets ``end_time``, ``duration`` (seconds
        since the start, unless given) and ``duration_billed`` (whole 30-second blocks).
        No hook is called.

        Raises:
            KeyError: An unknown call SID.
        """
        call = self.calls[sid]
        data = call.data
        now = self.now()
        stamp = format_date(now)
        data["status"] = status
        if status == "in-progress" and not data["start_time"]:
            data["start_time"] = stamp
        if status in ENDED_STATUSES:
            data["end_time"] = data["end_time"] or stamp
            if duration is None:
                start = parse_date(data["start_time"])
                duration = int((now - start).total_seconds()) if start else 0
        if duration is not None:
            data["duration"] = duration
            data["duration_billed"] = math.ceil(duration / 30) * 30
        if answered_by is not None:
            data["answered_by"] = answered_by
        if price is not None:
            data["price"] = price
        data["date_updated"] = stamp
        return call

    async def _notify_created(self, call: CallRecord) -> None:
        if self.on_call_created is not None:
            result = self.on_call_created(call)
            if inspect.isawaitable(result):
                await result

    async def _notify_updated(
        self, call: CallRecord, action: CallAction, params: Mapping[str, str]
    ) -> None:
        if self.on_call_updated is not None:
            result = self.on_call_updated(call, action, params)
            if inspect.isawaitable(result):
                await result

    # --- ASGI ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI connection (``http`` and ``lifespan`` scopes)."""
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        method: str = scope["method"]
        path: str = scope["path"]
        fmt, bare = _split_format(path)
        segments = bare.split("/")
        query: bytes = scope["query_string"]
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True) if query else []
        if method in _BODY_METHODS:
            body = await _read_body(receive)
            if body:
                pairs += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        params = dict(pairs)
        resource = "/" + "/".join(segments[4:])
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        self.requests.append(
            RequestRecord(method, path, resource, fmt, params, tuple(pairs), headers)
        )
        fault = self.faults.take(method, resource)
        if fault is not None and await self._apply_fault(fault, fmt, scope, receive, send):
            return
        status = 200
        try:
            self._check_auth(headers.get("authorization", ""), segments)
            route, args = self._router.match(method, segments[4:])
            self._check_params(route, params)
            ctx = Ctx(self, args, params, pairs, fmt, path)
            body_out = await route.handler(ctx)
            content = render(body_out, fmt)
            media = MEDIA_TYPES["json" if fmt == "csv" and isinstance(body_out, Item) else fmt]
        except ApiFailure as failure:
            status = failure.status
            content, media = error_body(failure, fmt)
        await Response(content, status, media_type=media)(scope, receive, send)

    def _check_auth(self, authorization: str, segments: list[str]) -> None:
        if authorization.encode("latin-1") != self._authorization:
            scheme, _, token = authorization.partition(" ")
            try:
                decoded = base64.b64decode(token, validate=True).decode()
            except ValueError:
                decoded = ""
            if scheme.lower() != "basic" or decoded != f"{self.account_sid}:{self.auth_token}":
                raise ApiFailure(403, 10004, "Invalid credentials")
        if (
            len(segments) < 4
            or segments[0]
            or segments[1] != self.api_version
            or segments[2].lower() != "accounts"
        ):
            raise ApiFailure(404, 21501, "The requested resource was not found")
        if segments[3] != self.account_sid:
            raise ApiFailure(403, 20006, f"Access Denied to account {segments[3]}")

    def _check_params(self, route: Route, params: Mapping[str, str]) -> None:
        for name, code in route.required:
            if not params.get(name, "").strip():
                raise ApiFailure(400, code, f"{name} is required")
        if self.strict_params:
            unknown = sorted(set(params) - route.params)
            if unknown:
                raise ApiFailure(400, 20001, f"Unknown parameters: {', '.join(unknown)}")

    async def _apply_fault(
        self, fault: Fault, fmt: str, scope: Scope, receive: Receive, send: Send
    ) -> bool:
        """Apply a fault; ``True`` when it answered (or dropped) the request."""
        if fault.delay:
            await anyio.sleep(fault.delay)
        if fault.drop:
            await _drop_connection(send)
            return True
        if fault.status is None:
            return False
        failure = ApiFailure(fault.status, fault.code, fault.message or "Injected failure")
        content, media = error_body(failure, fmt)
        headers = {}
        if fault.retry_after is not None:
            headers["Retry-After"] = f"{fault.retry_after:g}"
        await Response(content, fault.status, headers, media)(scope, receive, send)
        return True

    # --- internals ------------------------------------------------------------------------

    def _add_account(self) -> None:
        self.store.add(kinds.ACCOUNT, sid=self.account_sid, now=self.now())

    def _kind(self, name: str) -> Kind:
        for kind in kinds.KINDS:
            if kind.name == name:
                return kind
        known = ", ".join(kind.name for kind in kinds.KINDS)
        raise KeyError(f"unknown kind {name!r}; kinds: {known}")


def _split_format(path: str) -> tuple[str, str]:
    """``(format, path without suffix)``; no suffix means XML, the platform's default."""
    dot = path.rfind(".")
    if dot > path.rfind("/"):
        suffix = path[dot + 1 :].lower()
        if suffix in MEDIA_TYPES:
            return suffix, path[:dot]
    return "xml", path


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message: Message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _drop_connection(send: Send) -> None:
    """Close the connection without a response.

    ASGI has no message for this. uvicorn answers an app that raises before responding with
    a 500, so where the server's ``send`` belongs to a uvicorn request cycle (which keeps its
    transport) the transport is closed directly, and the app returns once uvicorn has seen the
    disconnect (it then sends nothing). Elsewhere, :class:`DroppedConnectionError` is raised.

    Raises:
        DroppedConnectionError: No transport to close (in-process transports).
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None or not hasattr(transport, "close"):
        raise DroppedConnectionError("Server disconnected without sending a response.")
    transport.close()
    for _ in range(100):
        if getattr(cycle, "disconnected", True):
            return
        await anyio.sleep(0)
