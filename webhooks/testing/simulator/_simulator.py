"""The offline call simulator: the platform's side of a call, driven by a test.

::

    from webhooks.testing import Simulator

    sim = Simulator(app)                                # in-process, no network
    call = sim.call("/voice", from_="+15550001111", to="+15552223333")
    assert "press 1" in call.said[-1]
    call.press("1")
    assert call.status == "in-progress"

The simulator requests the app's documents exactly as the platform does (form-encoded POST, or
GET when a ``method`` says so, with ``AccountSid``, ``CallSid``, ``CallStatus``, ``Direction``,
``From``, ``To``, ``CallerName``, ``UrlBase``...), parses them with :func:`inboundxml.parse`
and performs them element by element with a virtual clock. See ``docs/simulator.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ._call import SimCall, engine_of
from ._conference import Room, end_room
from ._dial import DialLeg
from ._engine import ENDED, Context, Engine
from ._message import SimMessage, message_engine
from ._model import (
    AnsweredBy,
    DialOutcome,
    DialStatus,
    ParameterNames,
    Pressed,
    SentDigits,
    SentMessage,
)
from ._platform import CallPlatform, apply_controls, attach
from ._transport import ASGIApp, ASGITransport, HTTPTransport, Runner, Transport
from ._watch import announce

__all__ = [
    "CallPlatform",
    "DialLeg",
    "Pressed",
    "SentDigits",
    "SimCall",
    "SimMessage",
    "Simulator",
]


class Simulator:
    """Simulates the platform against an ASGI app (in-process) or a server on 127.0.0.1.

    Args:
        app: The ASGI application (a :class:`webhooks.App` or any ASGI app).
        base_url: Instead of ``app``: ``http://127.0.0.1:PORT`` of a running server.
        platform: A fake REST platform (``FakePlatform``); calls created through its REST API
            are queued and run by :meth:`run_queued`; live-call requests act on the calls.
        origin: The URL the in-process app appears to be served at.
        names: Names of the parameters the platform does not document.
        account_sid: The AccountSid sent on every request (random ``AC``... by default).
        api_version: The ``ApiVersion`` parameter.
        words_per_second: Speaking rate used to time ``<Say>`` (default 2.5: 150 words/min).
        max_documents: How many documents a call may run in a row without waiting for input
            (a press, speech, a recording, a bridged call); more raise :class:`SimulationError`
            (documents that redirect to one another forever).
        audio_seconds: Length of audio files by URL, for ``<Play>`` timing.
        default_audio_seconds: Length of any other audio file.
        default_dial: What an unscripted dialled party does (answers, talks 30 s).
        dtmf_seconds: Length of one key of ``sendDigits`` (``w`` is the documented 0.5 s).
        machine_detection_seconds: How long answering-machine detection takes on a Dial with
            ``ifMachine`` (undocumented; 4 s assumed).
        if_machine_redirect: Which call runs the ``ifMachineUrl`` document of
            ``<Dial ifMachine="redirect">`` (undocumented): ``called`` (the default: played to
            the machine, then the dialled call ends) or ``caller`` (the caller's call leaves
            the Dial and continues with it).
        conference_star: What ``*`` does in a room whose Conference has ``hangupOnStar``
            (undocumented for whom): ``leave`` (the default: the caller leaves the room) or
            ``end`` (the room ends for every participant).
        conference_full_status: The ``DialCallStatus`` of a call that finds its room full
            (``maxParticipants``; undocumented): ``busy`` (the default) or ``failed``.
        raise_app_exceptions: A handler that fails (raises, returns an invalid document or a
            wrong type) fails the test: its exception is re-raised from the simulator's method
            that made the request, with a note naming the request and the call's transcript so
            far. ``False``: the call goes on with what the caller would hear (the app's fallback
            document) and the exception is kept in ``call.requests[i].app_error``. In-process
            only: a server reached by ``base_url`` answers its fallback document, and its
            exceptions stay in its log.
        strict: Read the app's documents strictly. By default they are read as the platform
            reads them (``inboundxml.parse(..., strict=False)``): a problem the platform only
            warns about (12200, a verb's own code) is kept in ``call.notifications`` with level
            ``warning`` and the call goes on. ``True`` makes such a document fail like an
            invalid one (its problems as notifications, then the fallback).

    Attributes:
        calls: Every call simulated, in order.
        message_sessions: Every inbound SMS/MMS simulated.
    """

    def __init__(
        self,
        app: ASGIApp | None = None,
        *,
        base_url: str | None = None,
        platform: CallPlatform | None = None,
        origin: str = "http://testserver",
        names: ParameterNames | None = None,
        account_sid: str | None = None,
        api_version: str = "v2",
        words_per_second: float = 2.5,
        max_documents: int = 100,
        audio_seconds: Mapping[str, float] | None = None,
        default_audio_seconds: float = 5.0,
        default_dial: DialOutcome | None = None,
        dtmf_seconds: float = 0.2,
        machine_detection_seconds: float = 4.0,
        if_machine_redirect: Literal["called", "caller"] = "called",
        conference_star: Literal["leave", "end"] = "leave",
        conference_full_status: Literal["busy", "failed"] = "busy",
        raise_app_exceptions: bool = True,
        strict: bool = False,
    ) -> None:
        transport: Transport
        if (app is None) == (base_url is None):
            raise TypeError("give exactly one of app or base_url")
        if if_machine_redirect not in ("called", "caller"):
            raise ValueError(
                f"if_machine_redirect must be 'called' or 'caller', got {if_machine_redirect!r}"
            )
        if conference_star not in ("leave", "end"):
            raise ValueError(f"conference_star must be 'leave' or 'end', got {conference_star!r}")
        if conference_full_status not in ("busy", "failed"):
            raise ValueError(
                f"conference_full_status must be 'busy' or 'failed', got {conference_full_status!r}"
            )
        self._app = app
        if app is not None:
            transport = ASGITransport(app, origin)
        else:
            assert base_url is not None  # noqa: S101 - checked above
            transport = HTTPTransport(base_url)
        self._ctx = Context(transport, names or ParameterNames(), api_version=api_version)
        if account_sid:
            self._ctx.account_sid = account_sid
        self._ctx.words_per_second = words_per_second
        self._ctx.max_documents = max_documents
        self._ctx.audio_seconds = dict(audio_seconds or {})
        self._ctx.default_audio_seconds = default_audio_seconds
        self._ctx.default_dial = default_dial or DialOutcome()
        self._ctx.dtmf_seconds = dtmf_seconds
        self._ctx.machine_detection_seconds = machine_detection_seconds
        self._ctx.if_machine_redirect = if_machine_redirect
        self._ctx.conference_star = conference_star
        self._ctx.conference_full_status = conference_full_status
        self._ctx.raise_app_exceptions = raise_app_exceptions
        self._ctx.strict = strict
        self._runner = Runner()
        self.calls: list[SimCall] = []
        self.message_sessions: list[SimMessage] = []
        self._queued: list[SimCall] = []
        self.platform = platform
        if platform is not None:
            attach(platform, self._ctx, self._runner, self.calls, self._queued)

    # -- configuration -------------------------------------------------------------------------

    @property
    def account_sid(self) -> str:
        """The AccountSid sent on every request."""
        return self._ctx.account_sid

    @property
    def origin(self) -> str:
        """``scheme://host`` that relative paths are resolved against."""
        return self._ctx.transport.origin

    @property
    def messages(self) -> list[SentMessage]:
        """Every message sent by any document (calls and SMS replies), in order."""
        return self._ctx.messages

    def script_dial(
        self,
        target: str,
        outcome: DialStatus = "answered",
        duration: float = 30,
        *,
        answered_by: AnsweredBy = "human",
        ring: float = 0.0,
    ) -> None:
        """Script what the dialled party ``target`` does (also Refer targets and Agent Sids).

        Args:
            target: The number, SIP URI, client name or Agent Sid as written in the document.
            outcome: ``answered``, ``busy``, ``no-answer`` or ``failed``.
            duration: Seconds the bridged call lasts when answered.
            answered_by: ``machine``: an answering machine answers (see ``ifMachine``).
            ring: Seconds it rings before answering (the caller hears the Dial's
                ``dialMusic``); the Dial's ``timeout`` or more means nobody answers.
        """
        self._ctx.dial_scripts[target] = DialOutcome(
            outcome, float(duration), answered_by, float(ring)
        )

    @property
    def raise_app_exceptions(self) -> bool:
        """Whether a failing handler's exception is re-raised (see the constructor)."""
        return self._ctx.raise_app_exceptions

    @raise_app_exceptions.setter
    def raise_app_exceptions(self, value: bool) -> None:
        self._ctx.raise_app_exceptions = value

    @property
    def strict(self) -> bool:
        """Whether documents the platform would play with warnings fail instead (see ``strict``
        in the class docstring)."""
        return self._ctx.strict

    @strict.setter
    def strict(self, value: bool) -> None:
        self._ctx.strict = value

    @property
    def default_dial(self) -> DialOutcome:
        """What a dialled party without a script does (the ``default_dial`` option); settable
        between calls (the phone page sets it before each step)."""
        return self._ctx.default_dial

    @default_dial.setter
    def default_dial(self, outcome: DialOutcome) -> None:
        self._ctx.default_dial = outcome

    def script_next_dials(self, outcomes: Sequence[DialStatus]) -> None:
        """The next Dials of any call end with ``outcomes``, in order, whatever their targets'
        scripts say (the explorer tries every outcome this way); later Dials follow the
        scripts again.

        Args:
            outcomes: ``answered``, ``busy``, ``no-answer`` or ``failed`` per Dial.
        """
        self._ctx.dial_plan = list(outcomes)

    def conference(self, name: str) -> Room:
        """The conference room ``name`` (raises ``KeyError`` if no call entered it)."""
        room: Room = self._ctx.rooms[name]
        return room

    def end_conference(self, name: str) -> None:
        """End room ``name``: its participants continue their documents."""
        self._runner.run(end_room(self._ctx.rooms[name]))

    async def end_conference_async(self, name: str) -> None:
        """Like :meth:`end_conference`, in an event loop."""
        await end_room(self._ctx.rooms[name])

    # -- calls -------------------------------------------------------------------------------

    def _new_call(self, path: str, options: dict[str, Any]) -> tuple[SimCall, str, str]:
        method = str(options.pop("method", "POST")).upper()
        options.setdefault("direction", "inbound")
        options.setdefault("from_", "+15550001111")
        options.setdefault("to", "+15552223333")
        call = SimCall(self._ctx, self._runner, **options)
        self.calls.append(call)
        announce(self._app, call)
        return call, engine_of(call).resolve(path), method

    async def call_async(self, path: str = "/voice", **options: Any) -> SimCall:
        """Async form of :meth:`call`."""
        call, url, method = self._new_call(path, options)
        await start(engine_of(call), url, method)
        return call

    def call(
        self,
        path: str = "/voice",
        *,
        from_: str = "+15550001111",
        to: str = "+15552223333",
        **options: Any,
    ) -> SimCall:
        """Place an inbound call to the document at ``path`` and run it until it waits or ends.

        Args:
            path: The Voice URL: a path of the app or an absolute URL.
            from_: The caller.
            to: The number called.
            **options: ``method`` (``POST``), ``caller_name``, ``forwarded_from``,
                ``fallback_url``/``fallback_method``, ``status_callback``/``status_method``,
                ``heartbeat_url``/``heartbeat_method``, ``direction`` (``inbound``),
                ``params`` (extra request parameters, e.g. ``WebClientParam_*``).

        Returns:
            The call, waiting at its first Gather (or Record, conference...) or ended.
        """
        call, url, method = self._new_call(path, {"from_": from_, "to": to, **options})
        self._runner.run(start(engine_of(call), url, method))
        return call

    def sms(
        self,
        path: str = "/sms",
        *,
        from_: str = "+15550001111",
        to: str = "+15552223333",
        body: str = "",
        method: str = "POST",
        fallback_url: str | None = None,
    ) -> SimMessage:
        """Send an inbound SMS to the app's SMS URL and run the reply document.

        Only ``Sms``, ``Mms`` and ``Redirect`` run in a reply; other verbs are skipped with
        notification 14110. Replies default ``to`` the sender and ``from`` the number texted.
        """
        return self._runner.run(
            self.sms_async(
                path, from_=from_, to=to, body=body, method=method, fallback_url=fallback_url
            )
        )

    async def sms_async(self, path: str = "/sms", **options: Any) -> SimMessage:
        """Async form of :meth:`sms`."""
        body = str(options.pop("body", ""))
        method = str(options.pop("method", "POST")).upper()
        msg = SimMessage(self._ctx, body=body, **options)
        self.message_sessions.append(msg)
        e = message_engine(msg)
        if await e.fetch(e.resolve(path), method, "sms"):
            await e.run()
        return msg

    # -- outbound calls from a fake platform ----------------------------------------------------

    def run_queued(self) -> list[SimCall]:
        """Run the calls created through the fake platform's REST API since the last run.

        Returns:
            Those calls, each waiting at its first input point or ended.
        """
        return self._runner.run(self.run_queued_async())

    async def run_queued_async(self) -> list[SimCall]:
        """Async form of :meth:`run_queued`."""
        for call in self.calls:
            await apply_controls(call)
        started, self._queued = self._queued, []
        for call in started:
            e = engine_of(call)
            await start(e, e.resolve(e.data_url[0]), e.data_url[1])
        return started

    def start(self) -> None:
        """Run the app's ASGI lifespan startup now (in-process; otherwise nothing to do).

        Without it the startup runs before the simulator's first request. ``with Simulator(app)
        as sim:`` calls it on entering.

        Raises:
            SimulationError: If the app's startup fails (``lifespan.startup.failed``).
        """
        self._runner.run(self._ctx.transport.startup())

    def close(self) -> None:
        """Run the app's lifespan shutdown (in-process) or close the HTTP connections.

        A later call starts the app again.

        Raises:
            SimulationError: If the app's shutdown fails (``lifespan.shutdown.failed``).
        """
        self._runner.run(self._ctx.transport.aclose())

    async def start_async(self) -> None:
        """Async form of :meth:`start`."""
        await self._ctx.transport.startup()

    async def aclose(self) -> None:
        """Async form of :meth:`close`."""
        await self._ctx.transport.aclose()

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Simulator:
        await self.start_async()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


async def start(call: Engine, url: str, method: str) -> None:
    """Connect ``call``: status callbacks, then the first document, then run it."""
    call.status = "in-progress"
    call.url_base = url
    for cb_url, cb_method in list(call.status_callbacks):
        await call.notify(cb_url, cb_method, "status", {})
    if call.status not in ENDED and await call.fetch(url, method, "voice"):
        await call.run()
