"""Conference rooms shared between the simulated calls of one simulator.

``<Dial><Conference>name</Conference></Dial>`` puts the call in the room ``name``; every
simulated call dialling the same name joins the same :class:`Room`. A call stays in the room
(waiting) until it hangs up, the test ends the room (``sim.conference(name).end()``), or a
participant whose ``endConferenceOnExit`` is true leaves. Then, like any Dial, the call
requests the Dial ``action`` (``DialCallStatus=completed``) or runs its next element.

A caller who enters a room that has not started (fewer than two participants, nobody with
``startConferenceOnEnter``) gets the ``waitUrl`` document (else ``waitSound``), fetched once
with ``ConferenceSid`` and ``FriendlyName`` added and played at once, then again and again
while the test lets time pass (``call.wait``) until the room starts. A URL ending in ``.mp3``,
``.wav``... (or answered with an ``audio/*`` type) is played as audio.

Callback parameters (``ConferenceSid``, ``FriendlyName``, ``ConferenceStatus``,
``ConferenceEvent``) are the configurable assumptions of
:class:`~webhooks.testing.ParameterNames`; only the first ``callbackUrl`` given for a room is
used, as documented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inboundxml import Element

from ._sim_engine import ENDED, Pending, attr
from ._sim_model import ConferenceEvent, Dialed, new_sid
from ._sim_side import fetch_side, play_side

if TYPE_CHECKING:
    from ._sim_call import SimCall
    from ._sim_engine import Engine

__all__ = ["Room", "hold", "join"]


class Room:
    """A conference room.

    Attributes:
        name: The room's name (the Conference text).
        sid: Its Sid (``CF`` + 32 hex).
        status: ``init``, ``in-progress`` or ``completed``.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.sid = new_sid("CF")
        self.status = "init"
        self._members: list[Engine] = []
        self._visitors: list[Engine] = []
        self.callback: tuple[str, str] | None = None

    @property
    def participants(self) -> list[SimCall]:
        """The calls in the room now, in order of arrival."""
        return [c.face for c in self._members]

    @property
    def history(self) -> list[SimCall]:
        """Every call that was ever in the room."""
        return [c.face for c in self._visitors]

    def __repr__(self) -> str:
        return f"Room({self.name!r}, status={self.status!r}, participants={len(self._members)})"

    async def _callback(self, call: Engine, event: str) -> None:
        if self.callback is None:
            return
        n = call.ctx.names
        extra = {
            n.conference_sid: self.sid,
            n.conference_name: self.name,
            n.conference_status: self.status,
            n.conference_event: event,
        }
        await call.notify(self.callback[0], self.callback[1], "conference", extra)

    async def enter(self, call: Engine, noun: Element) -> None:
        """Add ``call`` to the room."""
        if self.callback is None and noun.attrs.get("callback_url"):
            method = str(noun.attrs.get("callback_method") or "POST")
            self.callback = (call.resolve(str(noun.attrs["callback_url"])), method)
        self._members.append(call)
        self._visitors.append(call)
        if len(self._members) >= 2 or noun.attrs.get("start_conference_on_enter"):
            self.status = "in-progress"
        call.transcript.append(ConferenceEvent(self.name, "enter", call.clock))
        await self._callback(call, "enter")

    async def leave(self, call: Engine, *, resume: bool = True) -> None:
        """Take ``call`` out; end the room if it had ``endConferenceOnExit``; resume the call.

        Args:
            call: A participant.
            resume: Whether the call continues its document (False when it is hanging up).
        """
        if call not in self._members:
            return
        self._members.remove(call)
        data = call.pending.data if call.pending is not None else {}
        call.pending = None
        call.transcript.append(ConferenceEvent(self.name, "exit", call.clock))
        await self._callback(call, "exit")
        noun: Element | None = data.get("noun")
        if noun is not None and noun.attrs.get("end_conference_on_exit"):
            await self.end()
        elif not self._members and self.status != "completed":
            self.status = "completed"
            await self._callback(call, "end")
        if resume:
            await _after(call, data)

    async def end(self) -> None:
        """End the room: every participant leaves and continues its own document."""
        if self.status == "completed":
            return
        self.status = "completed"
        last = self._members[-1] if self._members else None
        for call in list(self._members):
            await self.leave(call)
        if last is not None:
            await self._callback(last, "end")


async def join(call: Engine, dial: Element, noun: Element) -> None:
    """``<Dial><Conference>``: enter the room and wait there."""
    name = noun.text or ""
    room = call.ctx.rooms.get(name)
    if room is None or room.status == "completed":
        room = call.ctx.rooms[name] = Room(name)

    async def leave(c: Engine) -> None:
        await room.leave(c, resume=False)

    call.pending = Pending(
        "conference", noun, call.where, call.doc_url,
        {"room": room, "dial": dial, "noun": noun, "since": call.clock, "leave": leave},
    )  # fmt: skip
    await room.enter(call, noun)
    if room.status == "init" and call.status not in ENDED:
        await _wait_music(call, room, noun)


async def _wait_music(call: Engine, room: Room, noun: Element) -> None:
    """Fetch ``waitUrl`` (else ``waitSound``) and play it to the caller who waits."""
    url, method, where = noun.attrs.get("wait_url"), attr(noun, "waitMethod"), "waitUrl"
    if not url:
        url, method = noun.attrs.get("wait_sound"), attr(noun, "waitSoundMethod")
        where = "waitSound"
    if not url:
        return
    n = call.ctx.names
    extra = {n.conference_sid: room.sid, n.conference_name: room.name}
    doc = await fetch_side(call, str(url), str(method), "conference-wait", extra, audio=True)
    if doc is None or call.pending is None:
        return
    call.pending.data["music"] = (doc, str(url), f"Conference@{where}")
    await play_side(call, doc, str(url), f"Conference@{where}", 13238)


async def hold(call: Engine, seconds: float) -> None:
    """``seconds`` pass in the room; a caller still waiting for the conference to start hears
    the wait document again and again (a prompt that has started plays to its end)."""
    p = call.pending
    assert p is not None  # noqa: S101 - callers check
    end = call.clock + seconds
    music = p.data.get("music")
    while music and p.data["room"].status == "init" and call.pending is p and call.clock < end:
        before = call.clock
        doc, url, where = music
        await play_side(call, doc, url, where, 13238, until=end, again=True)
        if call.clock == before:
            break
    if call.pending is p and call.clock < end:
        await call.tick(end - call.clock)


async def _after(call: Engine, data: dict[str, object]) -> None:
    if call.status in ENDED:
        return
    dial = data["dial"]
    assert isinstance(dial, Element)  # noqa: S101 - set by join()
    since = data["since"]
    seconds = call.clock - float(since) if isinstance(since, float | int) else 0.0
    leg = new_sid("CF")
    call.transcript.append(Dialed((str(data["room"].name),), "completed", seconds, leg, call.clock))  # type: ignore[attr-defined]
    n = call.ctx.names
    if dial.attrs.get("action"):
        result = {
            n.dial_call_sid: leg,
            n.dial_call_status: "completed",
            n.dial_call_duration: str(round(seconds)),
        }
        call.trigger = "conference ended"
        if not await call.fetch(
            str(dial.attrs["action"]), str(attr(dial, "method")), "dial", **result
        ):
            return
    if not call.running:
        await call.run()
