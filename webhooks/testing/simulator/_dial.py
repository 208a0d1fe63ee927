"""``<Dial>`` to numbers, SIP addresses and clients: ringing, answer, the bridged call, its end.

Several destinations ring at once; the first scripted to answer wins (the explorer may impose
an outcome). A busy or failed Dial ends at once; one that rings (``dialMusic`` plays to the
caller meanwhile, see :mod:`._dial_media`) is answered after the scripted ``ring`` seconds
or ends unanswered after ``timeout``. An answered one, in order:

1. answering-machine detection, if the Dial has ``ifMachine``: ``machine_detection_seconds``
   pass; a party scripted ``answered_by="machine"`` then gets what ``ifMachine`` says:
   ``continue`` (bridge as for a person), ``hangup`` (the dialled call is hung up), or
   ``redirect``: the ``ifMachineUrl`` document is played to the machine and the dialled call
   ends (``if_machine_redirect="called"``, the default), or the caller's call leaves the Dial
   and continues with that document (``"caller"``);
2. ``callbackUrl`` is told the call connected;
3. ``sendDigits`` are played to the called party (``w`` = 0.5 s, other keys
   ``dtmf_seconds`` each), then the ``<Number url>`` document (Say/Play/Pause only), then the
   ``confirmSound`` document;
4. the bridge lasts the scripted duration (capped by ``timeLimit``), recorded with ``record``,
   with heartbeats to ``heartbeatUrl`` every 60 s. A Dial with
   ``hangupOnStar`` or ``digitsMatch`` waits there for the test (``waiting_for == "bridge"``):
   ``call.press("*")`` ends the dialled call, keys completing a ``digitsMatch`` pattern are
   reported to ``callbackUrl``, ``call.wait()`` lets the dialled party hang up.

At the end ``recordCallbackUrl`` and ``callbackUrl`` are told, then ``action`` is requested
(else the next element runs).
Requests made for the dialled leg carry its own ``CallSid`` (``Direction=outbound-dial``) and
the caller's as ``ParentCallSid``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from inboundxml import Element
from webhooks.events import CallStatus

from ._conference import join
from ._dial_media import Bridge, bridge_tick, ring, stop_recording
from ._engine import ENDED, Engine, Pending, attr
from ._model import (
    Dialed,
    DialOutcome,
    Pressed,
    SentDigits,
    SimNotification,
    SimRequest,
    Spoke,
    Step,
)
from ._side import fetch_side, play_side

__all__ = ["DialLeg", "bridge_keys", "bridge_wait", "dial"]


class _LegEngine(Engine):
    """The engine of a dialled call: its requests carry the caller's CallSid as
    ``ParentCallSid`` and are listed with the caller's."""

    def __init__(self, parent: Engine, target: str, verb: Element, outcome: DialOutcome) -> None:
        caller_id = verb.attrs.get("caller_id")
        super().__init__(
            parent.ctx,
            parent.table,
            from_=str(caller_id or parent.from_),
            to=target,
            direction="outbound-dial",
        )
        self.parent, self.target = parent, target
        self.answered_by = outcome.answered_by
        self.requests = parent.requests
        self.notifications = parent.notifications
        self.clock = parent.clock
        self.status = "ringing"
        self.face = DialLeg(self)

    def params(self, **extra: str) -> dict[str, str]:
        """The leg's own default parameters plus the caller's CallSid as ``ParentCallSid``."""
        return super().params(**{self.ctx.names.parent_call_sid: self.parent.sid, **extra})


class DialLeg:
    """The dialled call of a ``<Dial>``: what the called party heard and was sent (in
    ``call.legs``)."""

    def __init__(self, engine: _LegEngine) -> None:
        self._engine = engine

    def __repr__(self) -> str:
        return f"<DialLeg {self.sid} to {self.target} {self.status}>"

    @property
    def sid(self) -> str:
        """Its CallSid (``DialCallSid`` on the caller's requests)."""
        return self._engine.sid

    @property
    def target(self) -> str:
        """The number, SIP URI or client name, as written in the document."""
        return self._engine.target

    @property
    def parent(self) -> Any:
        """The caller's call (its ``SimCall``)."""
        return self._engine.parent.face

    @property
    def answered_by(self) -> str:
        """``human`` or ``machine`` (as scripted)."""
        return self._engine.answered_by

    @property
    def status(self) -> CallStatus:
        """``ringing``, ``in-progress``, then ``completed``, ``busy``, ``no-answer``,
        ``failed`` or ``canceled`` (the caller's call ended while it rang): a
        :class:`webhooks.CallStatus`."""
        return CallStatus(self._engine.status)

    @property
    def transcript(self) -> list[Step]:
        """``SentDigits`` and the prompts of the ``Number@url`` or ``ifMachineUrl`` document
        played to the called party."""
        return self._engine.transcript

    @property
    def requests(self) -> list[SimRequest]:
        """The caller's request list (the leg's requests are listed there too)."""
        return self._engine.requests

    @property
    def said(self) -> list[str]:
        """The texts spoken to the called party."""
        return [s.text for s in self.transcript if isinstance(s, Spoke)]

    @property
    def digits_sent(self) -> str:
        """The DTMF sent to the called party (``sendDigits``)."""
        return "".join(s.digits for s in self.transcript if isinstance(s, SentDigits))


async def dial(e: Engine, verb: Element) -> None:
    """Run a ``<Dial>`` (a Conference noun goes to :func:`._conference.join`)."""
    nouns: list[tuple[str, Element | None]] = [(verb.text, None)] if verb.text else []
    for child in verb.children:
        if child.tag == "Conference":
            await join(e, verb, child)
            return
        nouns.append((child.text or "", child))
    if not nouns:
        e.notifications.append(SimNotification(13226, "Dial has no destination", e.doc_url))
        return
    outcomes = [e.ctx.dial_scripts.get(t, e.ctx.default_dial) for t, _ in nouns]
    pick = next((i for i, o in enumerate(outcomes) if o.outcome == "answered"), 0)
    win = outcomes[pick]
    if e.ctx.dial_plan:  # the explorer's choice for this Dial
        win = replace(win, outcome=e.ctx.dial_plan.pop(0))  # type: ignore[arg-type]
    timeout = float(attr(verb, "timeout"))
    if win.outcome == "answered" and win.ring >= timeout:  # rang out before the answer
        win = replace(win, outcome="no-answer")
    target, noun = nouns[pick]
    leg = _LegEngine(e, target, verb, win)
    e.legs.append(leg.face)
    patterns = [p.strip() for p in str(verb.attrs.get("digits_match") or "").split(",")]
    detect = verb.attrs.get("if_machine") is not None
    b = Bridge(
        verb, leg, tuple(t for t, _ in nouns), win, detect, patterns=[p for p in patterns if p]
    )
    if win.outcome in ("answered", "no-answer"):
        await ring(e, b, win.ring if win.outcome == "answered" else timeout)
    if win.outcome != "answered":
        leg.status = win.outcome
        if e.status not in ENDED:
            await _finish(e, b, win.outcome, 0.0)
        return
    if e.status in ENDED:  # hung up while it rang
        leg.status = "canceled"
        return
    leg.status = "in-progress"
    if not await _answer(e, b, noun):
        return
    b.start, b.bridged = e.clock, True
    b.ends_at = e.clock + min(win.duration, float(attr(verb, "timeLimit")))
    e.pending = Pending("bridge", verb, e.where, e.doc_url, {"bridge": b, "leave": _leave})
    if not b.listens:
        await bridge_wait(e, None)


async def _answer(e: Engine, b: Bridge[_LegEngine], noun: Element | None) -> bool:
    """Machine detection, the connect callback, sendDigits and Number@url; False if the
    Dial is over (or the call ended) before the bridge."""
    verb, leg, n = b.verb, b.leg, e.ctx.names
    if b.detect:
        await e.tick(e.ctx.machine_detection_seconds)
        if e.status in ENDED:
            return False
    connect = {n.dial_call_sid: leg.sid, n.dial_call_status: "in-progress"}
    if b.detect:
        connect[n.answered_by] = leg.answered_by
    if verb.attrs.get("callback_url"):
        await e.notify(
            str(verb.attrs["callback_url"]), str(attr(verb, "callbackMethod")), "dial-callback",
            connect,
        )  # fmt: skip
    if b.detect and leg.answered_by == "machine" and not await _machine(e, b):
        return False
    digits = str(noun.attrs.get("send_digits") or "") if noun is not None else ""
    if digits:
        leg.clock = e.clock
        leg.transcript.append(SentDigits(digits, leg.clock))
        await e.tick(sum(0.5 if k == "w" else e.ctx.dtmf_seconds for k in digits))
    url = noun.attrs.get("url") if noun is not None and noun.tag == "Number" else None
    if url and e.status not in ENDED:
        method = str(attr(noun, "method")) if noun is not None else "POST"
        await _leg_document(e, leg, str(url), method, "number-url", "Number@url")
    confirm = verb.attrs.get("confirm_sound")
    if confirm and e.status not in ENDED:
        await _leg_document(e, leg, str(confirm), "POST", "confirm-sound", "Dial@confirmSound")
    return e.status not in ENDED


async def _machine(e: Engine, b: Bridge[_LegEngine]) -> bool:
    """An answering machine answered a Dial with ``ifMachine``: True to bridge anyway."""
    verb = b.verb
    mode = str(attr(verb, "ifMachine")).lower()
    url = verb.attrs.get("if_machine_url")
    if mode == "continue":
        return True
    if mode == "redirect" and not url:
        message = "ifMachine='redirect' without ifMachineUrl; the call was bridged"
        e.notifications.append(SimNotification(11100, message, e.doc_url, "warning"))
        return True
    if mode == "hangup":
        e.trigger = "machine"
        await _finish(e, b, "completed", 0.0)
        return False
    method = str(attr(verb, "ifMachineMethod"))
    extra = {e.ctx.names.answered_by: "machine"}
    if e.ctx.if_machine_redirect == "caller":
        await _finish(e, b, "completed", 0.0, action=False)
        e.trigger = "machine"
        await e.fetch(str(url), method, "if-machine", **extra)
        return False
    start = e.clock
    await _leg_document(e, b.leg, str(url), method, "if-machine", "Dial@ifMachineUrl", extra)
    if e.status not in ENDED:
        e.trigger = "machine"
        await _finish(e, b, "completed", e.clock - start)
    return False


async def _leg_document(
    e: Engine,
    leg: _LegEngine,
    url: str,
    method: str,
    kind: str,
    where: str,
    extra: dict[str, str] | None = None,
) -> None:
    """Fetch a document for the dialled leg and play it to the called party."""
    leg.url_base, leg.clock = e.resolve(url), e.clock
    doc = await fetch_side(leg, leg.url_base, method, kind, extra or {}, audio=False)
    if doc is not None:
        others = where == "Dial@confirmSound"  # documented: anything but prompts is ignored
        await play_side(leg, doc, leg.url_base, where, 13201, ignore_others=others)
    await e.tick(leg.clock - e.clock)


async def bridge_wait(e: Engine, seconds: float | None) -> None:
    """Let the bridged call go on ``seconds`` (``None``: until the dialled party hangs up)."""
    p = e.pending
    assert p is not None  # noqa: S101 - callers check
    b: Bridge[_LegEngine] = p.data["bridge"]
    remaining = max(b.ends_at - e.clock, 0.0)
    await bridge_tick(e, b, remaining if seconds is None else min(seconds, remaining))
    if e.status not in ENDED and e.pending is p and e.clock >= b.ends_at:
        await _finish(e, b, "completed", e.clock - b.start)


async def bridge_keys(e: Engine, keys: str) -> None:
    """The caller presses ``keys`` during the bridge: ``*`` with ``hangupOnStar`` ends the
    dialled call (later keys are kept for the next Gather); keys completing a ``digitsMatch``
    pattern (since the last match) are reported to ``callbackUrl``."""
    p = e.pending
    assert p is not None  # noqa: S101 - callers check
    b: Bridge[_LegEngine] = p.data["bridge"]
    n, verb = e.ctx.names, b.verb
    matched: list[str] = []
    for i, key in enumerate(keys):
        if key == "*" and attr(verb, "hangupOnStar"):
            e.transcript.append(Pressed(keys[: i + 1], tuple(matched), True, e.clock))
            e.typeahead += keys[i + 1 :]
            e.trigger = "press *"
            await _finish(e, b, "completed", e.clock - b.start)
            return
        b.typed += key
        hit = next((pattern for pattern in b.patterns if b.typed.endswith(pattern)), None)
        if hit is None:
            continue
        matched.append(hit)
        b.typed = ""
        if verb.attrs.get("callback_url"):
            extra = {n.dial_call_sid: b.leg.sid, n.dial_call_status: "in-progress"}
            extra[n.dial_digits] = hit
            method = str(attr(verb, "callbackMethod"))
            await e.notify(str(verb.attrs["callback_url"]), method, "dial-digits", extra)
    e.transcript.append(Pressed(keys, tuple(matched), False, e.clock))


async def _leave(e: Engine) -> None:
    """The caller's call ends (or is interrupted) during the bridge."""
    p = e.pending
    assert p is not None  # noqa: S101 - set by dial()
    b: Bridge[_LegEngine] = p.data["bridge"]
    await _finish(e, b, "completed", e.clock - b.start, action=False)


async def _finish(
    e: Engine, b: Bridge[_LegEngine], status: str, talked: float, *, action: bool = True
) -> None:
    """The dialled call is over: transcript, ``callbackUrl``, then ``action`` if any."""
    if e.pending is not None and e.pending.kind == "bridge":
        e.pending = None
    verb, leg, n = b.verb, b.leg, e.ctx.names
    status = "completed" if status == "answered" else status
    leg.status, leg.clock = status, e.clock
    e.transcript.append(Dialed(b.targets, status, talked, leg.sid, e.clock))
    await stop_recording(e, b, talked)
    result = {
        n.dial_call_sid: leg.sid,
        n.dial_call_status: status,
        n.dial_call_duration: str(round(talked)),
    }
    if b.detect:
        result[n.answered_by] = leg.answered_by
    if verb.attrs.get("callback_url"):
        method = str(attr(verb, "callbackMethod"))
        await e.notify(str(verb.attrs["callback_url"]), method, "dial-callback", result)
    if action and verb.attrs.get("action") and e.status not in ENDED:
        e.trigger = e.trigger or f"dial {b.outcome.outcome}"
        await e.fetch(str(verb.attrs["action"]), str(attr(verb, "method")), "dial", **result)
