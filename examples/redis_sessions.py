"""Sessions in Redis: a PIN check whose count of wrong tries every worker sees.

``/voice`` asks for a four-digit PIN and ``/pin`` checks it. Wrong tries are counted in
``event.session``, which lives in Redis (``REDIS_URL``, default ``redis://127.0.0.1:6379/0``):
the requests of one call may reach any worker and the count is still right. After three wrong
PINs the call ends; the final status callback (``/status``) drops the session. Serve it with
several workers::

    redis-server --port 6379 &
    python -m webhooks serve examples.redis_sessions:app --workers 4
"""

from __future__ import annotations

import os

from inboundxml import Gather, Hangup, Redirect, Response, Say
from webhooks import App, GatherEvent, RedisStore, StatusEvent, VoiceEvent

PIN = "2468"
MAX_TRIES = 3

app = App(session_store=RedisStore(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")))


@app.voice("/voice")
async def ask_pin(call: VoiceEvent) -> Response:
    """Ask for the PIN (the prompt says how many tries are left)."""
    left = MAX_TRIES - call.session.get("wrong", 0)
    return Response(
        Gather(
            Say(f"Please enter your PIN. You have {left} tries left."),
            action=check_pin,
            num_digits=4,
        ),
        Redirect(call.url_for(ask_pin)),
    )


@app.gather("/pin")
async def check_pin(event: GatherEvent) -> Response:
    """Accept the right PIN; count a wrong one and ask again, or end the call."""
    if event.digits == PIN:
        return Response(Say("Thank you, your PIN is correct."), Hangup())
    wrong = event.session.get("wrong", 0) + 1
    event.session["wrong"] = wrong
    if wrong >= MAX_TRIES:
        return Response(Say("Too many wrong PINs. Goodbye."), Hangup())
    return Response(Say("That PIN is not correct."), Redirect(event.url_for(ask_pin)))


@app.status("/status")
async def call_ended(event: StatusEvent) -> None:
    """Nothing to do: the app drops the call's session when the final status arrives."""
