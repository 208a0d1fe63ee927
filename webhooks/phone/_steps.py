"""Transcript lines for the page: one readable line per simulator step, the dialled legs, and
what the element the call waits at listens for.

Steps are read by class name and fields, never through the simulator's classes, so a step kind
the page does not know yet still shows: as its name and fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._views import BridgeView, LegView, StepView, plain

__all__ = ["accepted_input", "bridge_view", "leg_views", "step_view"]

Media = Callable[[str], str | None]
"""Maps a media URL to one the page can load, or ``None``."""

Line = Callable[[dict[str, Any]], tuple[str, str]]
"""Turns a step's fields into its ``(kind, text)``."""


def _seconds(value: Any) -> str:
    return f"{float(value):g} s" if isinstance(value, int | float) else str(value)


def _gathered(f: dict[str, Any]) -> tuple[str, str]:
    if f.get("timed_out"):
        return "gather", "no input: the Gather timed out"
    if f.get("speech") is not None:
        return "gather", f'said "{f["speech"]}"'
    if f.get("digits"):
        return "gather", f"pressed {f['digits']}"
    return "gather", "pressed only the finish key"


def _recorded(f: dict[str, Any]) -> tuple[str, str]:
    what = "background recording started" if f.get("background") else "recorded"
    text = f"{what} ({_seconds(f.get('duration', 0))})"
    if f.get("transcription"):
        text += f': "{f["transcription"]}"'
    return "record", text


def _dialed(f: dict[str, Any]) -> tuple[str, str]:
    targets = ", ".join(str(t) for t in f.get("targets") or ()) or "?"
    outcome = str(f.get("outcome", "?"))
    text = f"dialled {targets}: {outcome}"
    if outcome in ("answered", "completed"):
        text += f" ({_seconds(f.get('duration', 0))} talking)"
    return "dial", text


def _pressed(f: dict[str, Any]) -> tuple[str, str]:
    what = [f"matched {pattern}" for pattern in f.get("matched") or ()]
    if f.get("hung_up"):
        what.append("the dialled call was hung up")
    text = f"pressed {f.get('keys', '')} during the bridged call"
    return "keys", text + (f": {', '.join(what)}" if what else "")


def _message(f: dict[str, Any]) -> tuple[str, str]:
    text = f"to {f.get('to', '?')}: {f.get('body', '')}"
    if f.get("media_url"):
        text += f" [{f['media_url']}]"
    if f.get("status") not in (None, "sent"):
        text += f" ({f['status']})"
    return str(f.get("kind", "sms")).lower(), text


def _agent(f: dict[str, Any]) -> tuple[str, str]:
    text = f"talked to agent {f.get('agent_sid', '?')}: {f.get('outcome', '?')}"
    if f.get("outcome") == "completed":
        text += f" ({_seconds(f.get('duration', 0))})"
    return "agent", text


LINES: dict[str, Line] = {
    "Spoke": lambda f: ("say", str(f.get("text", ""))),
    "Played": lambda f: ("play", str(f.get("url", ""))),
    "Paused": lambda f: ("pause", f"{_seconds(f.get('seconds', 0))} of silence"),
    "Gathered": _gathered,
    "Recorded": _recorded,
    "Dialed": _dialed,
    "Pressed": _pressed,
    "SentDigits": lambda f: ("dtmf", f"sent digits {f.get('digits', '')}"),
    "RoomEvent": lambda f: ("conference", f"{f.get('event', '?')} room {f.get('room', '?')}"),
    "SentMessage": _message,
    "Redirected": lambda f: ("redirect", f"redirected to {f.get('url', '?')}"),
    "Pinged": lambda f: ("ping", f"pinged {f.get('url', '?')}"),
    "Referred": lambda f: ("refer", f"referred to {f.get('target', '?')}: {f.get('outcome', '?')}"),
    "TalkedToAgent": _agent,
    "Answered": lambda f: ("answer", "the call was answered"),
    "HungUp": lambda f: ("hangup", f"call ended: {f.get('status', '?')} ({f.get('reason', '?')})"),
}
"""The line of each step class the page knows, by class name."""


def step_view(step: Any, media: Media) -> StepView:
    """Describe one transcript step of the simulator for the page.

    Args:
        step: A step (``Spoke``, ``Played``, ``Dialed``, ...); unknown kinds are shown by name
            and fields.
        media: Maps a media URL to one the page can load (or ``None``).
    """
    name = type(step).__name__
    data = plain(step)
    fields: dict[str, Any] = data if isinstance(data, dict) else {"value": data}
    at = fields.pop("at", None)
    detail = {
        k: ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        for k, v in fields.items()
        if v not in (None, "", [])
    }
    line = LINES.get(name)
    if line is None:
        kind = name.lower()
        text = ", ".join(f"{k}={v}" for k, v in detail.items()) or name
    else:
        kind, text = line(fields)
    url = None
    if name in ("Played", "Recorded") and fields.get("url"):
        url = media(str(fields["url"]))
    return StepView(
        kind=kind,
        text=text,
        at=float(at) if isinstance(at, int | float) else None,
        url=url,
        detail=detail,
    )


def leg_views(call: Any, media: Media) -> list[LegView]:
    """The calls placed by the call's Dials (``call.legs``), with their own transcripts."""
    legs = []
    for leg in list(getattr(call, "legs", None) or ()):
        steps = [step_view(s, media) for s in list(getattr(leg, "transcript", ()))]
        answered_by = getattr(leg, "answered_by", None)
        legs.append(
            LegView(
                sid=str(getattr(leg, "sid", "")),
                target=str(getattr(leg, "target", "") or getattr(leg, "to", "")),
                status=str(getattr(leg, "status", "unknown")),
                answered_by=None if answered_by is None else str(answered_by),
                said=[str(s) for s in getattr(leg, "said", None) or ()],
                digits_sent=str(getattr(leg, "digits_sent", "") or ""),
                steps=steps,
            )
        )
    return legs


def _waiting_element(call: Any) -> Any:
    """The element the call waits at (the public ``gather``, else ``waiting_at``)."""
    gather = getattr(call, "gather", None)
    if gather is not None:
        return gather
    return getattr(call, "waiting_at", None)


def accepted_input(call: Any, waiting: str | None) -> list[str]:
    """What the waiting element takes: ``dtmf``, ``speech`` (a Gather's ``input``, a
    GetSpeech), ``recording`` (a foreground Record); keys at a bridged Dial that listens."""
    if waiting == "record":
        return ["recording"]
    if waiting == "bridge":
        return ["dtmf"]
    if waiting != "gather":
        return []
    verb = _waiting_element(call)
    if verb is None:
        return ["dtmf"]
    modes = str(getattr(verb, "attrs", {}).get("input") or "").lower().split()
    accepts = ["dtmf"] if not modes or "dtmf" in modes else []
    if getattr(verb, "tag", "") == "GetSpeech" or "speech" in modes:
        accepts.append("speech")
    return accepts


def bridge_view(call: Any, waiting: str | None, legs: list[LegView]) -> BridgeView | None:
    """The bridged Dial the call waits at (``hangupOnStar``, ``digitsMatch``), if any."""
    if waiting != "bridge":
        return None
    verb = _waiting_element(call)
    attrs = getattr(verb, "attrs", {}) if verb is not None else {}
    patterns = [p.strip() for p in str(attrs.get("digits_match") or "").split(",")]
    live = [leg for leg in legs if leg.status == "in-progress"] or legs
    return BridgeView(
        target=live[-1].target if live else "?",
        hangup_on_star=attrs.get("hangup_on_star") in (True, "true"),
        digits_match=[p for p in patterns if p],
    )
