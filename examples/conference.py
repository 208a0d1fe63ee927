"""A conference room: callers enter a PIN and join; the app tracks who is in the room.

PINs 1234 and 5678 open a room; the Conference ``callbackUrl`` (``/conference/events``) hears
who enters and leaves. Serve it, or play a call in the terminal::

    python -m webhooks serve examples.conference:app
    python -m webhooks call examples.conference:app --press 1234
"""

from __future__ import annotations

import logging

from inboundxml import Conference, Dial, Gather, Hangup, Redirect, Response, Say
from webhooks import App, ConferenceEvent, GatherEvent, VoiceEvent

logger = logging.getLogger(__name__)

ROOMS = {"1234": "team-standup", "5678": "all-hands"}
"""Conference rooms by PIN."""
EVENTS: list[dict[str, str]] = []
"""Conference callbacks received (a real app would update a dashboard)."""

app = App()


@app.voice("/voice")
async def ask_pin(call: VoiceEvent) -> Response:
    """Ask for the room's PIN."""
    return Response(
        Gather(Say("Please enter your four digit conference PIN."), action=join, num_digits=4),
        Say("Goodbye."),
        Hangup(),
    )


@app.gather("/join")
async def join(event: GatherEvent) -> Response:
    """Put the caller into the room of the PIN."""
    room = ROOMS.get(event.digits)
    if room is None:
        return Response(Say("That PIN is not valid."), Redirect(event.url_for(ask_pin)))
    return Response(
        Say("Joining the conference."),
        Dial(
            Conference(
                room,
                beep=True,
                start_conference_on_enter=True,
                max_participants=10,
                callback_url=room_event,
            )
        ),
    )


@app.conference("/conference/events")
async def room_event(event: ConferenceEvent) -> None:
    """A participant entered or left, or the conference ended."""
    EVENTS.append({"conference": event.conference_sid or "", "call": event.call_sid or ""})
    logger.info("conference %s: %s", event.conference_sid, event.conference_status)
