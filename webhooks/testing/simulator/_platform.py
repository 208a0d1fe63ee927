"""Connecting the simulator to a fake REST platform: outbound calls and live-call control.

``FakePlatform`` calls ``on_call_created`` for every ``POST /Calls`` and ``on_call_updated``
for every live-call request. The hook may run on another thread (``fake.serve()``) or inside
the REST request, so the simulator never runs the app from a hook: a created call is queued
(``Simulator.run_queued()`` runs it), and a live-call request is recorded on the call and
applied at once if the call is being executed (an interrupt then takes effect after the
element now running, as documented) or at the call's next step otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ._call import SimCall, engine_of
from ._engine import ENDED, Context, Engine
from ._transport import Runner

__all__ = ["CallPlatform", "apply_controls", "attach"]


class CallPlatform(Protocol):
    """What the simulator needs from a fake REST platform (``FakePlatform`` fits).

    The simulator sets both hooks: created calls are queued for :meth:`Simulator.run_queued`,
    live-call requests (interrupt, send digits, hang up) act on the simulated calls.
    """

    on_call_created: Any
    on_call_updated: Any

    def set_call_status(self, sid: str, status: str, *, duration: int | None = None) -> Any:
        """Move a call to ``status``."""
        ...


def attach(
    platform: CallPlatform,
    ctx: Context,
    runner: Runner,
    calls: list[SimCall],
    queued: list[SimCall],
) -> None:
    """Set the platform's hooks to queue created calls and control live ones.

    Args:
        platform: The fake platform.
        ctx: The simulator's shared context.
        runner: The simulator's runner (for the calls' synchronous API).
        calls: The simulator's calls: created calls are added, controls look calls up there.
        queued: The calls :meth:`Simulator.run_queued` starts next.
    """

    def created(record: Any) -> None:
        p: Mapping[str, str] = record.params
        call = SimCall(
            ctx,
            runner,
            sid=record.sid,
            from_=p.get("From", ""),
            to=p.get("To", ""),
            direction="outbound-api",
            caller_name=p.get("CallerName") or "Outbound Call",
            forwarded_from=p.get("ForwardedFrom") or None,
            fallback_url=p.get("FallbackUrl") or None,
            fallback_method=(p.get("FallbackMethod") or "POST").upper(),
            status_callback=p.get("StatusCallback") or None,
            status_method=(p.get("StatusCallbackMethod") or "POST").upper(),
            heartbeat_url=p.get("HeartbeatUrl") or None,
            heartbeat_method=(p.get("HeartbeatMethod") or "POST").upper(),
        )
        engine_of(call).data_url = (p.get("Url", ""), (p.get("Method") or "POST").upper())
        calls.append(call)
        queued.append(call)

    def updated(record: Any, action: str, params: Mapping[str, str]) -> None:
        call = next((engine_of(c) for c in calls if c.sid == record.sid), None)
        if call is None or call.status in ENDED:
            return
        call.controls.append((action, dict(params)))
        if call.running:
            _flag(call)

    async def on_end(call: Engine) -> None:
        if any(c is call.face for c in calls) and call.direction.startswith("outbound"):
            try:
                platform.set_call_status(call.sid, call.status, duration=round(call.clock))
            except KeyError:
                return

    platform.on_call_created = created
    platform.on_call_updated = updated
    ctx.on_end.append(on_end)


def _flag(call: Engine) -> None:
    """Turn recorded controls into engine flags (used while the call runs)."""
    for action, params in call.controls:
        if action == "interrupt" and params.get("Url"):
            call.interrupt_to = (params["Url"], (params.get("Method") or "POST").upper())
        elif action == "interrupt" and params.get("Status"):
            call.hangup_requested = params["Status"].lower()
        elif action == "send_digits":
            call.typeahead += params.get("PlayDtmf", "")
    call.controls.clear()


async def apply_controls(call: SimCall) -> None:
    """Apply live-call requests recorded while the call was waiting."""
    e = engine_of(call)
    if not e.controls:
        return
    _flag(e)
    if e.hangup_requested:
        status, e.hangup_requested = e.hangup_requested, ""
        await e.end(status, "api")
        return
    if e.interrupt_to is not None:
        url, method = e.interrupt_to
        await call.interrupt_async(url, method)
    elif e.typeahead and call.waiting_for == "gather":
        keys, e.typeahead = e.typeahead, ""
        await call.press_async(keys)
