"""``SimCall``: one simulated call, what a test inspects and how it answers prompts.

Every input method has a synchronous form (``press``) and an async one (``press_async``); the
synchronous ones run the simulator's private event loop, so use one style per simulator.

The call's state and execution live in a private :class:`~._engine.Engine`; ``SimCall`` is
the test's view of it, so that only the test API is public.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, TypeVar

from inboundxml import Element
from webhooks.events import CallStatus

from ._conference import hold
from ._dial import DialLeg, bridge_keys, bridge_wait
from ._engine import ENDED, Context, Engine, attr
from ._model import Gathered, HungUp, SentMessage, SimNotification, SimRequest, Spoke, Step
from ._room_keys import room_keys
from ._table import VOICE
from ._transport import Runner
from ._verbs import finish_gather, finish_record

__all__ = ["SimCall", "engine_of"]

S = TypeVar("S", bound=Step)


class SimCall:
    """A simulated call: transcript, requests and status, and the caller's actions.

    Made by :meth:`Simulator.call` (and :meth:`Simulator.run_queued` for calls created through
    a fake platform), not directly.
    """

    def __init__(self, ctx: Context, runner: Runner, **options: Any) -> None:
        self._engine = Engine(ctx, VOICE, **options)
        self._engine.face = self
        self._runner = runner

    def __repr__(self) -> str:
        return f"<SimCall {self.sid} {self.status}: {self.describe()}>"

    # -- state -------------------------------------------------------------------------------

    @property
    def sid(self) -> str:
        """The CallSid (``CA`` + 32 hex), the same on every request of the call."""
        return self._engine.sid

    @property
    def from_(self) -> str:
        """The calling number."""
        return self._engine.from_

    @property
    def to(self) -> str:
        """The called number."""
        return self._engine.to

    @property
    def direction(self) -> str:
        """``inbound`` or ``outbound-api``."""
        return self._engine.direction

    @property
    def status(self) -> CallStatus:
        """``queued``, ``in-progress``, then ``completed``, ``busy``, ``no-answer``,
        ``failed``, ``canceled`` or ``rejected``: a :class:`webhooks.CallStatus` (a ``str``),
        the vocabulary of the webhooks' ``CallStatus``."""
        return CallStatus(self._engine.status)

    @property
    def clock(self) -> float:
        """Virtual seconds since the call connected."""
        return self._engine.clock

    @property
    def transcript(self) -> list[Step]:
        """Every step, in order (``Spoke``, ``Played``, ``Gathered``... ``HungUp``)."""
        return self._engine.transcript

    @property
    def requests(self) -> list[SimRequest]:
        """Every request the platform made for this call, with its answer."""
        return self._engine.requests

    @property
    def notifications(self) -> list[SimNotification]:
        """Warnings and errors the platform would log (code, message, URL)."""
        return self._engine.notifications

    @property
    def scheduled_hangup(self) -> tuple[float, str] | None:
        """``(virtual time, element)`` of a pending ``<Hangup schedule>``, or ``None``."""
        return self._engine.scheduled_hangup

    @property
    def legs(self) -> list[DialLeg]:
        """The calls placed by its Dials (``DialLeg``; not conferences), in order."""
        return self._engine.legs

    # -- inspection ---------------------------------------------------------------------------

    @property
    def said(self) -> list[str]:
        """The texts spoken to the caller, in order (one entry per Say and loop round)."""
        return [s.text for s in self.transcript if isinstance(s, Spoke)]

    @property
    def messages(self) -> list[SentMessage]:
        """The messages this call's documents sent."""
        return [s for s in self.transcript if isinstance(s, SentMessage)]

    @property
    def ended(self) -> bool:
        """Whether the call is over."""
        return self.status in ENDED

    def fork(self) -> SimCall:
        """A new call (a new CallSid) in this call's state, to try another input from here.

        The twin has this call's transcript, requests and waiting Gather or Record; the
        original is left as it is. The app's own per-call state (``event.session``) is not
        copied: :func:`~webhooks.testing.explore` copies a ``webhooks.App``'s session itself.

        Raises:
            SimulationError: Unless the call waits at a Gather or a Record (a call in a
                conference or a bridged Dial shares state with other calls).
        """
        if self.waiting_for not in ("gather", "record"):
            raise self._error("only a call waiting at a Gather or a Record can be forked")
        twin = SimCall.__new__(SimCall)
        twin._engine = self._engine.fork()
        twin._engine.face = twin
        twin._runner = self._runner
        return twin

    @property
    def waiting_for(self) -> str | None:
        """``gather``, ``record``, ``loop``, ``conference`` or ``bridge`` (a Dial with
        ``hangupOnStar`` or ``digitsMatch`` in conversation) while the call waits, else None."""
        p = self._engine.pending
        return p.kind if p is not None else None

    @property
    def waiting_at(self) -> Element | None:
        """The element the call waits at (the Gather, Record, Dial, Conference noun, looping
        Say or Play), or None; ``waiting_for`` says what it waits for."""
        p = self._engine.pending
        return p.verb if p is not None else None

    @property
    def gather(self) -> Element | None:
        """The Gather (or GetSpeech) waiting for input, if any."""
        p = self._engine.pending
        return p.verb if p is not None and p.kind == "gather" else None

    @property
    def last_request(self) -> SimRequest:
        """The most recent request (raises if none was made)."""
        if not self.requests:
            raise self._error("no request has been made")
        return self.requests[-1]

    def codes(self) -> list[int]:
        """The error codes of the notifications, in order."""
        return [n.code for n in self.notifications]

    def describe(self) -> str:
        """One line saying what the call is doing now."""
        if self.ended:
            last = next((s for s in reversed(self.transcript) if isinstance(s, HungUp)), None)
            if last is None:
                return f"the call has ended ({self.status})"
            how = {"end of document": "at the end of the document", "error": "after an error"}
            tail = how.get(last.reason)
            if tail is None:
                where = last.where.rsplit("/", 1)[-1].split("[")[0] if last.where else last.reason
                tail = f"after {where} at {last.where}" if last.where else f"({last.reason})"
            return f"the call has ended ({self.status}) {tail}"
        p = self._engine.pending
        if p is None:
            return f"the call is {self.status}"
        what = {
            "gather": f"a {p.verb.tag} is waiting for input",
            "record": "a Record is recording",
            "loop": f"a {p.verb.tag} is looping until the call ends",
            "conference": f"the call is in conference {p.verb.text!r}",
            "bridge": f"the call is bridged to {_leg_target(p.data)}",
        }[p.kind]
        return f"{what} at {p.where} of {p.url}"

    def _error(self, need: str) -> Exception:
        from ._model import SimulationError

        return SimulationError(f"{self.describe()}; {need}")

    # -- actions (async) ----------------------------------------------------------------------

    async def press_async(self, keys: str) -> None:
        """Async form of :meth:`press`."""
        e, p = self._engine, self._engine.pending
        if p is not None and p.kind in ("bridge", "conference"):
            if p.kind == "bridge":
                await bridge_keys(e, keys)
            else:
                await room_keys(e, keys, self.describe())
            await e.run()
            return
        if p is None or p.kind != "gather":
            raise self._error("no Gather (or Dial or room listening for keys) is waiting")
        if "dtmf" not in str(attr(p.verb, "input") or "dtmf"):
            raise self._error("the Gather listens for speech only")
        await finish_gather(e, keys, None)
        await e.run()

    async def say_speech_async(self, text: str) -> None:
        """Async form of :meth:`say_speech`."""
        e, p = self._engine, self._engine.pending
        if p is None or p.kind != "gather":
            raise self._error("no Gather is listening for speech")
        if p.verb.tag == "Gather" and "speech" not in str(attr(p.verb, "input") or ""):
            raise self._error("the Gather listens for keys only (input='dtmf')")
        await finish_gather(e, "", text)
        await e.run()

    async def record_async(
        self, seconds: float = 5.0, *, text: str | None = None, key: str | None = None
    ) -> None:
        """Async form of :meth:`record`."""
        e = self._engine
        if e.pending is None or e.pending.kind != "record":
            raise self._error("no foreground Record is waiting")
        await finish_record(e, seconds, text, key)
        await e.run()

    async def wait_async(self, seconds: float | None = None) -> None:
        """Async form of :meth:`wait`."""
        e, p = self._engine, self._engine.pending
        if p is None:
            raise self._error("nothing is waiting")
        e.trigger = "timeout" if p.kind in ("gather", "record") else ""
        if p.kind == "gather" and (seconds is None or seconds >= float(attr(p.verb, "timeout"))):
            await e.tick(float(attr(p.verb, "timeout") or 5))
            if self.ended:
                return
            e.pending = None
            e.transcript.append(Gathered("", None, True, e.clock))
        elif p.kind == "record":
            await e.tick(float(attr(p.verb, "timeout") or 5))
            if self.ended:
                return
            e.pending = None
        elif p.kind == "bridge":
            await bridge_wait(e, seconds)
        else:
            span = seconds if seconds is not None else 60.0
            await (hold(e, span) if p.kind == "conference" else e.tick(span))
            if e.interrupt_to is None:
                return
            e.pending = None
        await e.run()

    async def hangup_async(self) -> None:
        """Async form of :meth:`hangup`."""
        if self.ended:
            raise self._error("it cannot hang up again")
        await self._engine.end("completed", "caller")

    async def interrupt_async(self, url: str, method: str = "POST") -> None:
        """Async form of :meth:`interrupt`."""
        e = self._engine
        if self.ended:
            raise self._error("a live-call interrupt needs a live call")
        e.interrupt_to = (url, method)
        if e.running:
            return  # takes effect after the element now running
        await e.leave_pending()
        e.trigger = "interrupt"
        await e.run()

    async def send_digits_async(self, digits: str) -> None:
        """Async form of :meth:`send_digits`: the keys reach a waiting Gather, else buffer."""
        if self.waiting_for == "gather":
            await self.press_async(digits)
        else:
            self._engine.typeahead += digits

    # -- actions (sync) -----------------------------------------------------------------------

    def _sync(self, coro: Coroutine[Any, Any, None]) -> SimCall:
        self._runner.run(coro)
        return self

    def press(self, keys: str) -> SimCall:
        """Press keypad keys at the waiting Gather, or during a bridged Dial that listens.

        At a Gather, keys count towards ``numDigits`` and ``finishOnKey`` (the finish key is not
        sent). If the keys do not complete the input, the caller stops typing and the Gather
        times out with the digits so far (no digits: the next element runs). Keys left over
        after the input is complete are buffered for the next Gather (type-ahead).

        During a Dial with ``hangupOnStar``, ``*`` ends the dialled call and the document goes
        on; with ``digitsMatch``, keys completing a pattern are reported to ``callbackUrl``.
        In a conference room the Conference's ``hangupOnStar`` and ``digitsMatch`` work alike
        (``*`` leaves the room; the room's ``callbackUrl`` gets the patterns).

        Raises:
            SimulationError: If nothing listens for keys; the message says what the call is
                doing.
        """
        return self._sync(self.press_async(keys))

    def say_speech(self, text: str) -> SimCall:
        """Speak ``text`` at a Gather with ``input`` including ``speech`` (or a GetSpeech).

        The result goes to ``action`` as ``SpeechResult`` (an assumed name: see
        :class:`ParameterNames`) with an empty ``Digits``.

        Raises:
            SimulationError: If nothing is listening for speech.
        """
        return self._sync(self.say_speech_async(text))

    def record(
        self, seconds: float = 5.0, *, text: str | None = None, key: str | None = None
    ) -> SimCall:
        """Leave a recording of ``seconds`` at the waiting foreground Record.

        Args:
            seconds: Its length (capped at ``maxLength``).
            text: What the caller said; sent as the transcription when ``transcribe`` is on.
            key: The key that ended it (sent as ``Digits``), if any.

        Raises:
            SimulationError: If no foreground Record is waiting.
        """
        return self._sync(self.record_async(seconds, text=text, key=key))

    def wait(self, seconds: float | None = None) -> SimCall:
        """Let time pass: a waiting Gather or Record times out; loops and rooms go on; a
        bridged Dial goes on until the dialled party hangs up.

        Args:
            seconds: How long; ``None`` means the element's timeout (60 s for loops/rooms, the
                rest of the scripted call for a bridge).
        """
        return self._sync(self.wait_async(seconds))

    def hangup(self) -> SimCall:
        """The caller hangs up (status ``completed``)."""
        return self._sync(self.hangup_async())

    def interrupt(self, url: str, method: str = "POST") -> SimCall:
        """Live-call control: run the document at ``url`` once the current element finishes."""
        return self._sync(self.interrupt_async(url, method))

    def send_digits(self, digits: str) -> SimCall:
        """Live-call control: play DTMF keys into the call."""
        return self._sync(self.send_digits_async(digits))

    def notification(self, code: int) -> SimNotification:
        """The first notification with ``code``.

        Raises:
            SimulationError: If there is none; the message lists the codes recorded.
        """
        for n in self.notifications:
            if n.code == code:
                return n
        raise self._error(f"no notification {code} (recorded: {self.codes()})")

    def steps(self, kind: type[S]) -> list[S]:
        """The transcript steps of one type, typed, e.g. ``call.steps(Dialed)[0].targets``."""
        return [s for s in self.transcript if isinstance(s, kind)]


def _leg_target(data: dict[str, Any]) -> str:
    bridge = data.get("bridge")
    return str(getattr(getattr(bridge, "leg", None), "target", "?"))


def engine_of(call: SimCall) -> Engine:
    """The engine behind ``call``: how the simulator's own modules drive a call the test holds."""
    return call._engine
