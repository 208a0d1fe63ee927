"""Transcript steps and URLs as the terminal and error messages show them.

Paths of the simulated app are shown without its made-up origin (``/menu``, not
``http://testserver/menu``); other URLs stay absolute.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ._model import (
    Answered,
    Dialed,
    Gathered,
    HungUp,
    Paused,
    Pinged,
    Played,
    Pressed,
    Recorded,
    Redirected,
    Referred,
    RoomEvent,
    SentDigits,
    SentMessage,
    SimRequest,
    Spoke,
    Step,
    TalkedToAgent,
)

__all__ = ["format_step", "format_transcript", "short_url", "with_transcript"]


def short_url(url: str, origin: str) -> str:
    """``url`` without ``origin`` (the app's path and query) when it is the app's, else as is."""
    parts = urlsplit(url)
    if origin and f"{parts.scheme}://{parts.netloc}" == origin.rstrip("/"):
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url


def format_transcript(steps: Iterable[Step], origin: str = "", indent: str = "") -> str:
    """The steps as terminal lines, one per step (see :func:`format_step`)."""
    return "\n".join(indent + format_step(step, origin) for step in steps)


def format_step(step: Step, origin: str = "") -> str:
    """One transcript step as a terminal line (``[  5.6s] SAY  Welcome...``).

    Args:
        step: The step.
        origin: The simulated app's ``scheme://host``: its URLs are shown as paths.
    """
    at = f"[{step.at:6.1f}s]"
    match step:
        case Spoke():
            return f"{at} SAY    {step.text}"
        case Played():
            return f"{at} PLAY   {step.url}"
        case Paused():
            return f"{at} PAUSE  {step.seconds:g}s"
        case Gathered():
            if step.timed_out:
                return f"{at} INPUT  (timeout)"
            if step.speech is not None:
                return f"{at} INPUT  said {step.speech!r}"
            return f"{at} INPUT  {step.digits or '(finish key)'}"
        case Recorded():
            how = " in the background" if step.background else ""
            return f"{at} RECORD {step.duration:g}s{how}: {step.url}"
        case Dialed():
            return f"{at} DIAL   {', '.join(step.targets)}: {step.outcome} ({step.duration:g}s)"
        case Pressed():
            what = [f"matched {m}" for m in step.matched]
            what += ["the dialled call hung up"] if step.hung_up else []
            return f"{at} KEYS   {step.keys}" + (f" ({', '.join(what)})" if what else "")
        case SentDigits():
            return f"{at} DTMF   {step.digits}"
        case SentMessage():
            return f"{at} {step.kind.upper():6} to {step.to}: {step.body}"
        case RoomEvent():
            return f"{at} ROOM   {step.event} {step.room}"
        case Redirected():
            return f"{at} GOTO   {short_url(step.url, origin)}"
        case Pinged():
            return f"{at} PING   {short_url(step.url, origin)}"
        case Referred():
            return f"{at} REFER  {step.target}: {step.outcome}"
        case TalkedToAgent():
            return f"{at} AGENT  {step.agent_sid}: {step.outcome} ({step.duration:g}s)"
        case Answered():
            return f"{at} ANSWER"
        case HungUp():
            return f"{at} END    {step.status} ({step.reason})"
        case _:
            return f"{at} {_generic(step)}"


def _generic(step: object) -> str:
    """A step kind without its own line: its name and fields, without the dataclass repr."""
    name = type(step).__name__.upper()
    fields = getattr(step, "__dataclass_fields__", {})
    values = [str(getattr(step, f)) for f in fields if f != "at"]
    return f"{name:6} {' '.join(values)}".rstrip()


def with_transcript(
    exc: BaseException, req: SimRequest, sid: str, transcript: Iterable[Step], origin: str
) -> BaseException:
    """``exc`` with a note: which request of which call failed, and the call so far."""
    why = f" after {req.trigger}" if req.trigger else ""
    so_far = format_transcript(transcript, origin, "    ") or "    (nothing yet)"
    exc.add_note(
        f"The app's handler failed on {req.method} {short_url(req.url, origin)} ({req.kind}"
        f"{why}) of simulated call {sid} (Simulator(raise_app_exceptions=False) lets the "
        f"call go on with the app's fallback document). The call so far:\n{so_far}"
    )
    return exc
