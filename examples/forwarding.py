"""Call forwarding with a fallback: ring the office, then the mobile, then take a message.

``/voice`` dials the office for 20 seconds; the Dial ``action`` (``/forward/result``) gets the
outcome: if nobody answered it tries the mobile, and after that records a message. ``/fallback``
is meant as the number's Voice Fallback URL: if the primary document fails, it rings the mobile.
Serve it, or play a call in the terminal (the dialled parties answer)::

    python -m webhooks serve examples.forwarding:app
    python -m webhooks call examples.forwarding:app
"""

from __future__ import annotations

from examples import voicemail
from inboundxml import Dial, Hangup, Number, Response, Say
from webhooks import App, CallStatus, DialEvent, FallbackEvent, VoiceEvent

OFFICE = "+15550100010"
MOBILE = "+15550100011"

app = App()
app.include(voicemail.router)


@app.voice("/voice")
async def forward(call: VoiceEvent) -> Response:
    """Ring the office first."""
    call.session["tried"] = [OFFICE]
    return Response(Dial(Number(OFFICE), action=result, timeout=20, caller_id=call.from_))


@app.dial("/forward/result")
async def result(event: DialEvent) -> Response:
    """Continue after a dial attempt: done if answered, else the next number, else voicemail."""
    if event.dial_call_status is CallStatus.COMPLETED:
        return Response(Hangup())
    tried: list[str] = event.session.get("tried", [])
    if MOBILE not in tried:
        event.session["tried"] = [*tried, MOBILE]
        return Response(
            Say("Please hold, we are trying another number."),
            Dial(Number(MOBILE), action=result, timeout=20, caller_id=event.from_),
        )
    return voicemail.record_message()


@app.fallback("/fallback")
async def fallback(call: FallbackEvent) -> Response:
    """The primary document failed: ring the mobile directly."""
    return Response(Say("Connecting you."), Dial(Number(MOBILE), timeout=30))
