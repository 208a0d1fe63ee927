"""Live-call control: end calls that run too long, through the REST API.

Calls hear hold music; the heartbeat (every 60 s) counts minutes in the session and, once the
limit is reached, interrupts the call with a goodbye document. The REST client comes from the
environment (``CPAAS_ACCOUNT_SID``, ``CPAAS_AUTH_TOKEN``); the app's public URL from
``CPAAS_PUBLIC_URL``, so the interrupt URL is absolute. Serve it where the platform reaches it::

    CPAAS_ACCOUNT_SID=AC... CPAAS_AUTH_TOKEN=... CPAAS_PUBLIC_URL=https://ivr.example.com \
        python -m webhooks serve examples.live_control:app

Without credentials the app serves its documents, but the interrupt raises
``ConfigurationError`` (logged). Offline, give the app an ``AsyncClient`` of a ``FakePlatform``
and run the call with ``Simulator(app, platform=fake)`` (see ``docs/simulator.md``, *Outbound
calls and live-call control*).
"""

from __future__ import annotations

import os

from inboundxml import Hangup, Play, Response, Say
from webhooks import App, ClientProtocol, HeartbeatEvent, VoiceEvent

HOLD_MUSIC = "https://example.com/audio/hold.mp3"
MAX_MINUTES = 3


def _client() -> ClientProtocol | None:
    sid, token = os.environ.get("CPAAS_ACCOUNT_SID"), os.environ.get("CPAAS_AUTH_TOKEN")
    if not (sid and token):
        return None
    from webhooks.rest import AsyncClient

    client: ClientProtocol = AsyncClient(sid, token)
    return client


app = App(client=_client(), public_url=os.environ.get("CPAAS_PUBLIC_URL"))


@app.voice("/voice")
async def hold(call: VoiceEvent) -> Response:
    """Play hold music, with a heartbeat every minute."""
    return Response(
        Say("All our agents are busy. Please hold."),
        Play(HOLD_MUSIC, loop=0),
        heartbeat_callback=minute,
    )


@app.heartbeat("/heartbeat")
async def minute(event: HeartbeatEvent) -> None:
    """Count the minutes; at the limit, interrupt the call with the goodbye document."""
    minutes = event.session.get("minutes", 0) + 1
    event.session["minutes"] = minutes
    if minutes >= MAX_MINUTES:
        await event.interrupt(url=goodbye)


@app.voice("/goodbye")
async def goodbye(call: VoiceEvent) -> Response:
    """The document the interrupted call runs."""
    return Response(Say("Sorry, no agent is free. Please call again later. Goodbye."), Hangup())
