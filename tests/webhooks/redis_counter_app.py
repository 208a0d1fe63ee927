"""An app whose session counts the requests of a call, stored in Redis (served by the tests).

``WEBHOOK_TEST_REDIS_URL`` names the server; with ``WEBHOOK_TEST_REDIS_CLUSTER=1`` it is a node of
a Redis Cluster.
"""

from __future__ import annotations

import asyncio
import os

from inboundxml import Response, Say
from webhooks import App, HeartbeatEvent, RedisStore, StatusEvent, VoiceEvent

app = App(
    session_store=RedisStore(
        os.environ.get("WEBHOOK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
        cluster=os.environ.get("WEBHOOK_TEST_REDIS_CLUSTER") == "1",
    )
)


@app.heartbeat("/count")
async def count(event: HeartbeatEvent) -> None:
    """Read, yield to other requests, then write: a lost update would show."""
    value = event.session.get("count", 0)
    await asyncio.sleep(0.002)
    event.session["count"] = value + 1


@app.voice("/show")
async def show(call: VoiceEvent) -> Response:
    """Say the count and the serving process."""
    return Response(Say(f"{call.session.get('count', 0)} {os.getpid()}"))


@app.status("/status")
async def status(event: StatusEvent) -> None:
    """A final status ends the session."""
