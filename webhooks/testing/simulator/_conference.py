"""Conference rooms shared between the simulated calls of one simulator.

``<Dial><Conference>name</Conference></Dial>`` puts the call in the room ``name``; every
simulated call dialling the same name joins the same :class:`Room`. A call stays in the room
(waiting) until it hangs up, the test ends the room (``sim.end_conference(name)``), or a
participant whose ``endConferenceOnExit`` is true leaves. Then, like any Dial, the call
requests the Dial ``action`` (``DialCallStatus=completed``) or runs its next element.

A caller who enters a room that has not started (fewer than two participants, nobody with
``startConferenceOnEnter``) gets the ``waitUrl`` document (else ``waitSound``), fetched once
with ``ConferenceSid`` and ``FriendlyName`` added and played at once, then again and again
while the test lets time pass (``call.wait``) until the room starts. A URL ending in ``.mp3``,
``.wav``... (or answered with an ``audio/*`` type) is played as audio.

Callback parameters (``ConferenceSid``, ``FriendlyName``, ``ConferenceStatus``,
``ConferenceEvent``, ``Muted``) are the configurable assumptions of
:class:`~webhooks.testing.ParameterNames`; only the first ``callbackUrl`` given for a room is
used, as documented.

The first call that enters sets the room's ``maxParticipants`` (40 by default); a call that
finds the room full does not enter (``ConferenceEvent`` ``full``) and its Dial ends with
``conference_full_status`` (``busy``). A participant with ``muted`` is listed in
``Room.muted``; one with ``beep`` makes everyone in the room hear a beep (``Played(BEEP)``,
taking no time) when it enters and leaves. The first participant with ``record="true"``
has the room recorded from its start to its end, timed on that participant's clock (calls run
on their own clocks; the recording stops when that participant leaves); its
``recordCallbackUrl`` then gets ``RecordingUrl``, ``RecordingDuration``, ``RecordingSid``,
``ConferenceSid`` and ``FriendlyName``. Keys pressed in a room: :mod:`._room_keys`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inboundxml import Element

from ._engine import ENDED, Engine, Pending, attr
from ._model import Dialed, Played, Recorded, RoomEvent, new_sid
from ._side import fetch_side, play_side

__all__ = ["BEEP", "Room", "end_room", "hold", "join", "leave_room", "notify_room"]


BEEP = "https://sounds.sim.invalid/beep.wav"
"""The URL of the conference beep in transcripts (``Played(BEEP)``)."""


class Room:
    """A conference room, as a test sees it (``sim.conference(name)``).

    Made by the first call that enters the room, not directly; ended by
    :meth:`Simulator.end_conference`.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._sid = new_sid("CF")
        self._status = "init"
        self._members: list[Engine] = []
        self._visitors: list[Engine] = []
        self._callback: tuple[str, str] | None = None
        self._limit: int | None = None
        self._muted: list[Engine] = []
        self._recording: _Recording | None = None

    def __repr__(self) -> str:
        n = len(self._members)
        return (
            f"<Room {self._sid} {self._name!r} {self._status}, "
            f"{n} participant{'' if n == 1 else 's'}>"
        )

    @property
    def name(self) -> str:
        """The room's name (the Conference text)."""
        return self._name

    @property
    def sid(self) -> str:
        """Its Sid (``CF`` + 32 hex), sent as ``ConferenceSid``."""
        return self._sid

    @property
    def status(self) -> str:
        """``init`` (waiting to start), ``in-progress`` or ``completed``."""
        return self._status

    @property
    def participants(self) -> list[Any]:
        """The calls in the room now, in order of arrival."""
        return [c.face for c in self._members]

    @property
    def history(self) -> list[Any]:
        """Every call that was ever in the room."""
        return [c.face for c in self._visitors]

    @property
    def muted(self) -> list[Any]:
        """The participants who joined muted (``muted="true"``), in order of arrival."""
        return [c.face for c in self._members if c in self._muted]

    @property
    def max_participants(self) -> int | None:
        """The limit set by the first call that entered (``maxParticipants``, 40 by default),
        or ``None`` before anyone entered."""
        return self._limit


async def notify_room(
    room: Room, call: Engine, event: str, kind: str = "conference", **more: str
) -> None:
    """Request the room's ``callbackUrl`` (if any) about ``event`` of ``call``."""
    if room._callback is None:
        return
    n = call.ctx.names
    extra = {
        n.conference_sid: room._sid,
        n.conference_name: room._name,
        n.conference_status: room._status,
        n.conference_event: event,
        n.conference_muted: "true" if call in room._muted else "false",
        **more,
    }
    await call.notify(room._callback[0], room._callback[1], kind, extra)


def _beep(room: Room, noun: Element) -> None:
    """A participant with ``beep`` came or went: everyone in the room hears a beep."""
    if attr(noun, "beep"):
        for member in room._members:
            member.transcript.append(Played(BEEP, member.clock))


def _started(room: Room, call: Engine) -> None:
    room._status = "in-progress"
    rec = room._recording
    if rec is not None and rec.start is None:
        rec.start = rec.owner.clock


async def _enter(room: Room, call: Engine, noun: Element) -> None:
    """Add ``call`` to the room; the first ``callbackUrl`` given is the room's."""
    if room._callback is None and noun.attrs.get("callback_url"):
        method = str(noun.attrs.get("callback_method") or "POST")
        room._callback = (call.resolve(str(noun.attrs["callback_url"])), method)
    room._members.append(call)
    room._visitors.append(call)
    if attr(noun, "muted"):
        room._muted.append(call)
    if room._recording is None and attr(noun, "record"):
        callback = noun.attrs.get("record_callback_url")
        room._recording = _Recording(call, noun, call.resolve(str(callback)) if callback else "")
    call.transcript.append(RoomEvent(room._name, "enter", call.clock))
    starts = bool(noun.attrs.get("start_conference_on_enter")) or len(room._members) >= 2
    if starts or room._status == "in-progress":
        _started(room, call)
    _beep(room, noun)
    await notify_room(room, call, "enter")


async def leave_room(room: Room, call: Engine, *, resume: bool = True) -> None:
    """Take ``call`` out; end the room if it had ``endConferenceOnExit``; resume the call.

    Args:
        room: The room.
        call: A participant.
        resume: Whether the call continues its document (False when it is hanging up).
    """
    if call not in room._members:
        return
    room._members.remove(call)
    data = call.pending.data if call.pending is not None else {}
    call.pending = None
    call.transcript.append(RoomEvent(room._name, "exit", call.clock))
    rec = room._recording
    if rec is not None and rec.owner is call and rec.start is not None:
        rec.end = call.clock
    noun: Element | None = data.get("noun")
    if noun is not None:
        _beep(room, noun)
    await notify_room(room, call, "exit")
    if noun is not None and noun.attrs.get("end_conference_on_exit"):
        await end_room(room)
    elif not room._members and room._status != "completed":
        room._status = "completed"
        await _stop_recording(room)
        await notify_room(room, call, "end")
    if resume:
        await _after(call, data)


async def end_room(room: Room) -> None:
    """End ``room``: every participant leaves and continues its own document."""
    if room._status == "completed":
        return
    room._status = "completed"
    last = room._members[-1] if room._members else None
    rec = room._recording
    if rec is not None and rec.start is not None and rec.end is None:
        rec.end = rec.owner.clock
    for call in list(room._members):
        await leave_room(room, call)
    await _stop_recording(room)
    if last is not None:
        await notify_room(room, last, "end")


async def join(call: Engine, dial: Element, noun: Element) -> None:
    """``<Dial><Conference>``: enter the room and wait there."""
    name = noun.text or ""
    room = call.ctx.rooms.get(name)
    if room is None or room.status == "completed":
        room = call.ctx.rooms[name] = Room(name)
    if room._limit is None:
        room._limit = int(attr(noun, "maxParticipants"))  # 1-40, checked by the parser
    if len(room._members) >= room._limit:
        await _full(call, room, dial)
        return

    async def leave(c: Engine) -> None:
        await leave_room(room, c, resume=False)

    call.pending = Pending(
        "conference", noun, call.where, call.doc_url,
        {"room": room, "dial": dial, "noun": noun, "since": call.clock, "leave": leave},
    )  # fmt: skip
    await _enter(room, call, noun)
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


@dataclass
class _Recording:
    """The room's recording, asked for by ``owner`` (the first with ``record="true"``) and
    timed on its clock: from the room's start (or its entry) to the room's end (or its exit)."""

    owner: Engine
    noun: Element
    callback: str = ""
    start: float | None = None
    end: float | None = None
    sent: bool = False


async def _full(call: Engine, room: Room, dial: Element) -> None:
    """The room already has ``maxParticipants`` participants: the call does not enter and
    its Dial ends with ``conference_full_status``."""
    call.transcript.append(RoomEvent(room._name, "full", call.clock))
    call.trigger = "conference full"
    data = {"dial": dial, "room": room, "since": call.clock}
    await _after(call, data, call.ctx.conference_full_status)


async def _stop_recording(room: Room) -> None:
    """The room ended: the recording is complete; ``recordCallbackUrl`` is told."""
    rec = room._recording
    if rec is None or rec.start is None or rec.sent:
        return
    rec.sent, owner = True, rec.owner
    end = rec.end if rec.end is not None else owner.clock
    seconds = max(end - rec.start, 0.0)
    sid = new_sid("RE")
    fmt = str(attr(rec.noun, "recordFileFormat") or "mp3").lower()
    url = f"https://recordings.sim.invalid/{owner.ctx.account_sid}/{sid}.{fmt}"
    owner.transcript.append(Recorded(url, seconds, True, None, rec.start))
    if rec.callback:
        n = owner.ctx.names
        extra = {
            "RecordingUrl": url,
            "RecordingDuration": str(round(seconds)),
            n.recording_sid: sid,
            n.conference_sid: room._sid,
            n.conference_name: room._name,
        }
        method = str(attr(rec.noun, "recordCallbackMethod") or "POST")
        await owner.notify(rec.callback, method, "record-callback", extra)


async def _after(call: Engine, data: dict[str, object], status: str = "completed") -> None:
    if call.status in ENDED:
        return
    dial = data["dial"]
    assert isinstance(dial, Element)  # noqa: S101 - set by join()
    since = data["since"]
    seconds = call.clock - float(since) if isinstance(since, float | int) else 0.0
    leg = new_sid("CF")
    call.transcript.append(Dialed((str(data["room"].name),), status, seconds, leg, call.clock))  # type: ignore[attr-defined]
    n = call.ctx.names
    if dial.attrs.get("action"):
        result = {
            n.dial_call_sid: leg,
            n.dial_call_status: status,
            n.dial_call_duration: str(round(seconds)),
        }
        call.trigger = call.trigger or "conference ended"
        if not await call.fetch(
            str(dial.attrs["action"]), str(attr(dial, "method")), "dial", **result
        ):
            return
    if not call.running:
        await call.run()
