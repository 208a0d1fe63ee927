"""What a ``<Dial>`` adds around the call it places: ringback, confirm sound, recording, heartbeats.

- ``dialMusic``: while the dialled party rings (``DialOutcome.ring`` seconds, or ``timeout``
  when nobody answers) the caller hears that document instead of ringback. It is fetched once
  with the caller's parameters (kind ``dial-music``; which call's parameters is undocumented)
  when ringing starts, and played round and round until the party answers or the Dial gives
  up; the answer cuts the prompt that is playing. An audio URL (``.mp3``, ``.wav``...) plays
  without a request. Dial there gives 13201; verbs other than the prompts raise
  :class:`SimulationError`.
- ``confirmSound``: played to the called party once it answered (after ``sendDigits`` and
  ``Number@url``), with the leg's parameters (kind ``confirm-sound``). Say, Play and Pause run;
  a Dial gives 13201; anything else is ignored, as documented.
- ``record="true"``: the bridged conversation is recorded from the bridge to the end of the
  dialled call (``Recorded`` step, background, in the caller's transcript); ``recordFormat``
  (``mp3`` by default) is the file's extension. ``recordCallbackUrl`` is then told with POST
  (kind ``record-callback``): ``RecordingUrl``, ``RecordingDuration`` (as for ``<Record>``),
  ``RecordingSid`` and ``DialCallSid``. The callback is sent at once when the dialled call
  ends (the platform sends it once the file is processed), before ``callbackUrl`` and
  ``action``. ``recordDirection`` and ``recordLifetime`` change nothing the app can see.
- ``heartbeatUrl``: every 60 virtual seconds of the bridged conversation (none unless it lasts
  longer than 60 s), ``heartbeatMethod``, kind ``dial-heartbeat``, with ``DialCallSid`` and
  ``CallDuration`` (seconds since the bridge started).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import cycle
from typing import Any, Generic, TypeVar

from inboundxml import Element

from ._engine import ENDED, Engine, attr, say_seconds
from ._model import (
    DialOutcome,
    Paused,
    Played,
    Recorded,
    SimNotification,
    SimulationError,
    Spoke,
    new_sid,
)
from ._side import PROMPTS, fetch_side

__all__ = ["Bridge", "bridge_tick", "ring", "stop_recording"]


LegT = TypeVar("LegT", bound=Engine)


@dataclass
class Bridge(Generic[LegT]):
    """A Dial in progress: the dialled leg, its outcome and what the caller typed."""

    verb: Element
    leg: LegT
    targets: tuple[str, ...]
    outcome: DialOutcome
    detect: bool
    start: float = 0.0
    ends_at: float = 0.0
    typed: str = ""
    patterns: list[str] = field(default_factory=list)
    bridged: bool = False
    beats: int = 0

    @property
    def listens(self) -> bool:
        """Whether the Dial listens for keys (``hangupOnStar`` or ``digitsMatch``)."""
        return bool(attr(self.verb, "hangupOnStar")) or bool(self.patterns)


async def ring(e: Engine, b: Bridge[Any], seconds: float) -> None:
    """The dialled party rings ``seconds``: the caller hears ``dialMusic`` (else ringback)."""
    url = b.verb.attrs.get("dial_music")
    end = e.clock + seconds
    if url:
        doc = await fetch_side(e, str(url), "POST", "dial-music", {}, audio=True)
        if doc is not None:
            items: list[str | Element] = [doc] if isinstance(doc, str) else [*doc.children]
            due = e.scheduled_hangup  # a scheduled hang-up cuts the music too
            _music(e, items, min(end, due[0]) if due else end, e.resolve(str(url)))
    await e.tick(end - e.clock)


def _music(e: Engine, items: list[str | Element], end: float, url: str) -> None:
    """Write the prompts heard until ``end`` into the transcript (the clock stays put)."""
    playable: list[str | Element] = []
    for verb in items:
        if isinstance(verb, Element) and verb.tag == "Dial":
            message = "Dial is not allowed in the document of Dial@dialMusic"
            e.notifications.append(SimNotification(13201, message, url))
        elif isinstance(verb, Element) and verb.tag not in PROMPTS:
            raise SimulationError(
                f"<{verb.tag}> in the document of Dial@dialMusic: the simulator plays only Say, "
                f"Play, Pause and PlayLastRecording there (what the platform does with "
                f"{verb.tag} is undocumented)"
            )
        else:
            playable.append(verb)
    t = e.clock
    if not playable:
        return
    for verb in cycle(playable):
        if t >= end:
            return
        length, step = _prompt(e, verb, t)
        e.transcript.append(step)
        t += max(length, 0.1)


def _prompt(e: Engine, verb: str | Element, t: float) -> tuple[float, Spoke | Played | Paused]:
    if isinstance(verb, str):
        return e.ctx.audio_seconds.get(verb, e.ctx.default_audio_seconds), Played(verb, t)
    if verb.tag == "Say":
        text = verb.text or ""
        spoke = Spoke(text, attr(verb, "voice"), attr(verb, "language"), t)
        return say_seconds(text, e.ctx.words_per_second), spoke
    if verb.tag == "Pause":
        seconds = float(attr(verb, "length"))
        return seconds, Paused(seconds, t)
    url = (e.last_recording or "") if verb.tag == "PlayLastRecording" else (verb.text or "")
    return e.ctx.audio_seconds.get(url, e.ctx.default_audio_seconds), Played(url, t)


async def bridge_tick(e: Engine, b: Bridge[Any], seconds: float) -> None:
    """``seconds`` of the bridged conversation pass, with the Dial's heartbeats."""
    target = e.clock + seconds
    url = b.verb.attrs.get("heartbeat_url")
    while url:
        beat = b.start + 60.0 * (b.beats + 1)
        if beat > target or beat >= b.ends_at:
            break
        await e.tick(beat - e.clock)
        if e.status in ENDED or e.pending is None or e.pending.kind != "bridge":
            return
        b.beats += 1
        n = e.ctx.names
        extra = {n.dial_call_sid: b.leg.sid, n.heartbeat_duration: str(60 * b.beats)}
        method = str(attr(b.verb, "heartbeatMethod"))
        await e.notify(str(url), method, "dial-heartbeat", extra)
    await e.tick(target - e.clock)


async def stop_recording(e: Engine, b: Bridge[Any], talked: float) -> None:
    """The dialled call ended: the recording of the bridge (``record``) is complete."""
    verb = b.verb
    if not b.bridged or not attr(verb, "record"):
        return
    sid = new_sid("RE")
    fmt = str(attr(verb, "recordFormat") or "mp3").lower()
    url = f"https://recordings.sim.invalid/{e.ctx.account_sid}/{sid}.{fmt}"
    e.transcript.append(Recorded(url, talked, True, None, b.start))
    callback = verb.attrs.get("record_callback_url")
    if callback:
        n = e.ctx.names
        extra = {
            "RecordingUrl": url,
            "RecordingDuration": str(round(talked)),
            n.recording_sid: sid,
            n.dial_call_sid: b.leg.sid,
        }
        await e.notify(str(callback), "POST", "record-callback", extra)
