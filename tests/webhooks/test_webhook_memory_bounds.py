"""MemoryStore keeps memory bounded: a cap with least-recently-used eviction, a sweep in steps."""

from __future__ import annotations

import logging

import pytest
from webhook_support import asgi_client, voice_params

from inboundxml import Response, Say
from webhooks import App, ConfigurationError, MemoryStore, VoiceEvent
from webhooks.sessions import DEFAULT_MAX_SESSIONS

pytestmark = pytest.mark.anyio


def sid(index: int) -> str:
    return f"CA{index:032x}"


async def remember(store: MemoryStore, call_sid: str, value: int = 1) -> None:
    async with store.open(call_sid) as session:
        session["n"] = value


async def test_the_default_cap_is_documented_and_positive() -> None:
    assert MemoryStore().max_sessions == DEFAULT_MAX_SESSIONS == 50_000
    with pytest.raises(ConfigurationError, match="max_sessions"):
        MemoryStore(max_sessions=0)


async def test_the_least_recently_used_session_is_evicted_first(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = MemoryStore(max_sessions=3)
    for index in range(3):
        await remember(store, sid(index))
    async with store.open(sid(0)) as session:  # used again: now the most recent
        assert session == {"n": 1}
    with caplog.at_level(logging.WARNING, logger="webhooks.sessions"):
        await remember(store, sid(3))
        await remember(store, sid(4))
    assert len(store) == 3
    assert store.evicted == 2
    for gone in (1, 2):
        async with store.open(sid(gone)) as session:
            assert session == {}
    warnings = [r for r in caplog.records if "evicted" in r.getMessage()]
    assert len(warnings) == 1  # once per interval, not once per eviction


async def test_expired_sessions_are_dropped_a_few_per_write(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mass expiry is swept in bounded steps: no write walks every entry."""
    now = [1000.0]
    monkeypatch.setattr("webhooks.sessions.time.monotonic", lambda: now[0])
    store = MemoryStore(ttl=60)
    for index in range(10_000):
        await remember(store, sid(index))
    now[0] += 61  # every entry has expired
    await remember(store, sid(10_000))
    assert 10_001 - len(store) <= 64  # one write dropped at most one step
    writes = 1
    while len(store) > writes:  # expired entries remain
        await remember(store, sid(20_000 + writes))
        writes += 1
        assert writes < 1000
    assert writes >= 10_000 // 64  # it took many small steps


async def test_a_flood_of_new_calls_stays_within_the_cap() -> None:
    app = App(session_store=MemoryStore(max_sessions=100))

    @app.voice("/voice")
    def voice(call: VoiceEvent) -> Response:
        call.session["seen"] = True
        return Response(Say("hi"))

    async with asgi_client(app) as client:
        for index in range(300):
            reply = await client.post("/voice", data=voice_params(CallSid=sid(index)))
            assert reply.status_code == 200
    assert isinstance(app.sessions, MemoryStore)
    assert len(app.sessions) == 100
    assert app.sessions.evicted == 200
