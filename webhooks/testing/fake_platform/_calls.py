"""The fake platform's calls: making them, their live-call actions and their status changes.

``POST /Calls`` stores a queued call and hands it to ``on_call_created``; the live-call requests
(interrupt, send digits, record, play, effect) are checked and handed to ``on_call_updated``.
:func:`advance_call` moves a call through its statuses, as the platform does while running it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Final

from . import _kinds as k
from ._crud import find
from ._hooks import run_hook
from ._limits import check_recordings, check_ring_timeout
from ._records import CallRecord, format_date, new_sid, parse_date
from ._render import ApiFailure, Body, Item
from ._routing import Ctx, truthy

__all__ = [
    "ENDED_STATUSES",
    "advance_call",
    "effect_call",
    "interrupt_or_digits",
    "make_call",
    "play_call",
    "record_call",
]

ENDED_STATUSES: Final = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
"""Call statuses after which a call takes no more live-call actions."""


def advance_call(
    call: CallRecord,
    status: str,
    now: datetime,
    *,
    duration: int | None = None,
    answered_by: str | None = None,
    price: str | None = None,
) -> None:
    """Move a call to ``status`` at ``now``; see :meth:`FakePlatform.set_call_status`."""
    data = call.data
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


def _call(ctx: Ctx) -> CallRecord:
    record = find(ctx, k.CALL, ctx.args["CallSid"])
    assert isinstance(record, CallRecord)  # noqa: S101 - the store builds calls as CallRecord
    return record


def _live_call(ctx: Ctx) -> CallRecord:
    call = _call(ctx)
    if call.status in ENDED_STATUSES:
        raise ApiFailure(400, 21221)
    return call


async def make_call(ctx: Ctx) -> Body:
    """POST /Calls: store a queued call, link the account's number, call ``on_call_created``."""
    p = ctx.params
    check_ring_timeout(p.get("Timeout"))
    numbers = {r.data["phone_number"]: r.sid for r in ctx.store.all(k.NUMBER)}
    fields = {
        "to": p["To"].strip(),
        "from": p["From"].strip(),
        "phone_number_sid": numbers.get(p["From"].strip(), ""),
        "forwarded_from": p.get("ForwardedFrom", ""),
        "caller_id_blocked": "true" if p.get("HideCallerId", "").lower() == "true" else "false",
    }
    call = ctx.store.add(k.CALL, fields, now=ctx.fake.now(), params=p)
    assert isinstance(call, CallRecord)  # noqa: S101 - the store builds calls as CallRecord
    await run_hook(ctx.fake.on_call_created, call)
    return Item(k.CALL.element, call.data)


async def interrupt_or_digits(ctx: Ctx) -> Body:
    """POST /Calls/{sid}: send digits (``PlayDtmf``) and/or interrupt (``Url``, ``Status``)."""
    call = _live_call(ctx)
    p = ctx.params
    if "PlayDtmf" in p:
        call.digits.append(p["PlayDtmf"])
        await run_hook(ctx.fake.on_call_updated, call, "send_digits", p)
    if p.keys() & {"Url", "Method", "Status"} or "PlayDtmf" not in p:
        status = p.get("Status", "").lower()
        if status == "canceled" and call.status not in {"queued", "ringing"}:
            raise ApiFailure(400, 21220, "Only queued or ringing calls can be canceled")
        if status and status not in {"canceled", "completed"}:
            raise ApiFailure(400, 21220, f"Status must be canceled or completed, got {status!r}")
        for name in ("Url", "Method"):
            if name in p:
                call.params[name] = p[name]
        if status:
            ctx.fake.set_call_status(call.sid, status)
        await run_hook(ctx.fake.on_call_updated, call, "interrupt", p)
    return Item(k.CALL.element, call.data)


def _choice(ctx: Ctx, name: str, allowed: set[str], code: int) -> None:
    value = ctx.params.get(name)
    if value is not None and value.lower() not in allowed:
        raise ApiFailure(400, code, f"{name} must be one of {sorted(allowed)}, got {value!r}")


async def record_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Recordings: start (a new recording) or stop (the last one)."""
    call = _live_call(ctx)
    _choice(ctx, "Direction", {"in", "out", "both"}, 21507)
    _choice(ctx, "FileFormat", {"mp3", "wav"}, 10022)
    recordings = [r for r in ctx.store.all(k.RECORDING) if r.data["call_sid"] == call.sid]
    if truthy(ctx.params["Record"]):
        check_recordings(len(recordings))
        fmt = ctx.params.get("FileFormat", "mp3").lower()
        sid = new_sid(k.RECORDING.prefix)
        url = f"{ctx.store.item_path(k.RECORDING, sid)}.{fmt}"
        fields = {"call_sid": call.sid, "recording_url": url}
        record = ctx.store.add(k.RECORDING, fields, sid=sid, now=ctx.fake.now())
        call.data["recordings_count"] = str(len(recordings) + 1)
    elif recordings:
        record = recordings[-1]
    else:
        raise ApiFailure(400, 21509)
    await run_hook(ctx.fake.on_call_updated, call, "record", ctx.params)
    return Item(k.RECORDING.element, record.data)


async def play_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Play: hand the audio to ``on_call_updated``."""
    call = _live_call(ctx)
    _choice(ctx, "Direction", {"in", "out", "both"}, 10022)
    await run_hook(ctx.fake.on_call_updated, call, "play", ctx.params)
    return Item(k.CALL.element, call.data)


_EFFECT_BOUNDS: Final[Mapping[str, tuple[float, float]]] = {
    "Pitch": (0.0, float("inf")),
    "Rate": (0.0, float("inf")),
    "Tempo": (0.0, float("inf")),
    "PitchSemiTones": (-14.0, 14.0),
    "PitchOctaves": (-1.0, 1.0),
}


async def effect_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Effect: check the bounds (21222) and hand on the effect."""
    call = _live_call(ctx)
    for name, (low, high) in _EFFECT_BOUNDS.items():
        if name in ctx.params:
            try:
                value = float(ctx.params[name])
            except ValueError:
                raise ApiFailure(400, 21222, f"{name} must be a number") from None
            exclusive = high == float("inf")
            if (value <= low if exclusive else value < low) or value > high:
                raise ApiFailure(400, 21222, f"{name} is out of bounds")
    await run_hook(ctx.fake.on_call_updated, call, "effect", ctx.params)
    return Item(k.CALL.element, call.data)
