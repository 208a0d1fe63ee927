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
import secrets
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, cast

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from . import _kinds as kinds
from ._calls import advance_call
from ._faults import DroppedConnectionError, FaultInjector, apply_fault
from ._hooks import CallCreatedHook, CallUpdatedHook
from ._http import (
    RequestRecord,
    check_auth,
    check_params,
    lifespan,
    path_segments,
    read_request,
)
from ._records import (
    API_VERSION,
    CallRecord,
    FakeRecord,
    Kind,
    Store,
    format_date,
    new_sid,
)
from ._render import MEDIA_TYPES, ApiFailure, error_body, render
from ._routes import ROUTES
from ._routing import Ctx, Route, Router
from ._server import serve_in_thread

__all__ = [
    "DroppedConnectionError",
    "FakePlatform",
    "RequestRecord",
]


def _utcnow() -> datetime:
    return datetime.now(UTC)


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
        media: The media files MMS may point at, by URL: ``(size in bytes, content type)``
            (see :meth:`add_media`); other URLs are accepted unchecked.
        store: The records, by kind.

    The platform's documented limits are enforced (page size, URL length, ring timeout, SMS
    body, MMS media, recordings per call); their codes are listed in
    :mod:`webhooks.testing.fake_platform._limits`.
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
        self.media: dict[str, tuple[int, str]] = {}
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

    def records(self, kind: str) -> list[FakeRecord]:
        """Every record of a kind, oldest first; ``kind`` is a list key such as ``"calls"``.

        Raises:
            KeyError: An unknown kind.
        """
        return self.store.all(self._kind(kind))

    def get(self, kind: str, sid: str) -> FakeRecord | None:
        """One record by kind (``"sms_messages"``) and SID, or ``None``."""
        return self.store.get(self._kind(kind), sid)

    def reset(self) -> None:
        """Forget every record, request and fault (credentials, options and hooks stay)."""
        self.store.clear()
        self.requests.clear()
        self.faults.clear()
        self.cnam_names.clear()
        self.media.clear()
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
    ) -> FakeRecord:
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

    def add_incoming_number(self, phone_number: str, **fields: Any) -> FakeRecord:
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

    def add_conference(
        self, friendly_name: str, *, status: str = "init", **fields: Any
    ) -> FakeRecord:
        """Store a conference."""
        return self.add("conferences", friendly_name=friendly_name, status=status, **fields)

    def add_participant(self, conference_sid: str, caller_number: str, **fields: Any) -> FakeRecord:
        """Store a participant of a conference (updates its ``active_participants_count``)."""
        return self.add(
            "participants", parent=conference_sid, caller_number=caller_number, **fields
        )

    def add_recording(self, call_sid: str = "", *, duration: int = 0, **fields: Any) -> FakeRecord:
        """Store a recording, of a call if ``call_sid`` is given."""
        sid = new_sid(kinds.RECORDING.prefix)
        fields.setdefault("recording_url", f"{self.store.item_path(kinds.RECORDING, sid)}.mp3")
        return self.add("recordings", sid=sid, call_sid=call_sid, duration=duration, **fields)

    def add_media(self, url: str, *, size: int, content_type: str = "image/jpeg") -> None:
        """Make a media file known, so that an MMS pointing at it is checked (the fake does not
        fetch URLs): more than 750 KB answers 400 / 14116, an unsupported type 400 / 14117.

        Args:
            url: The ``MediaUrl`` an MMS will send.
            size: Its size in bytes.
            content_type: Its media type (``image/jpeg``, ``audio/mpeg``, ``video/mp4``…).
        """
        self.media[url] = (size, content_type)

    def add_transcription(
        self, text: str, *, recording_sid: str = "", status: str = "completed", **fields: Any
    ) -> FakeRecord:
        """Store a transcription (served as text by ``GET /Transcriptions/{sid}.txt``); one of
        an audio URL (no ``recording_sid``) unless ``recording_sid`` is given."""
        if recording_sid:
            fields["recording_sid"] = recording_sid
        return self.add("transcriptions", transcription_text=text, status=status, **fields)

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
        advance_call(
            call, status, self.now(), duration=duration, answered_by=answered_by, price=price
        )
        return call

    # --- ASGI ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI connection (``http`` and ``lifespan`` scopes)."""
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = await read_request(scope, receive)
        self.requests.append(request)
        fmt = request.format
        fault = self.faults.take(request.method, request.resource)
        if fault is not None and await apply_fault(fault, fmt, scope, receive, send):
            return
        status = 200
        try:
            segments = path_segments(request.path)
            check_auth(
                request.headers.get("authorization", ""),
                segments,
                expected=self._authorization,
                account_sid=self.account_sid,
                auth_token=self.auth_token,
                api_version=self.api_version,
            )
            route, args = self._router.match(request.method, segments[4:])
            check_params(route, request.params, strict=self.strict_params)
            ctx = Ctx(self, args, request.params, list(request.pairs), fmt, request.path)
            body_out = await route.handler(ctx)
            content = render(body_out, fmt)
            media = MEDIA_TYPES[fmt]
        except ApiFailure as failure:
            status = failure.status
            content, media = error_body(failure, fmt)
        await Response(content, status, media_type=media)(scope, receive, send)

    # --- internals ------------------------------------------------------------------------

    def _add_account(self) -> None:
        self.store.add(kinds.ACCOUNT, sid=self.account_sid, now=self.now())

    def _kind(self, name: str) -> Kind:
        for kind in kinds.KINDS:
            if kind.name == name:
                return kind
        known = ", ".join(kind.name for kind in kinds.KINDS)
        raise KeyError(f"unknown kind {name!r}; kinds: {known}")
