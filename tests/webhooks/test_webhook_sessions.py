"""Per-call sessions: MemoryStore and RedisStore (against a real redis-server)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
import redis.asyncio
from webhook_support import asgi_client, serve_subprocess, voice_params

from inboundxml import Response, Say, parse
from webhooks import (
    App,
    ConfigurationError,
    HeartbeatEvent,
    MemoryStore,
    RedisStore,
    Session,
    SessionError,
    StatusEvent,
    VoiceEvent,
)
from webhooks.app import DEFAULT_FALLBACK

pytestmark = pytest.mark.anyio
HERE = os.path.dirname(__file__)


def counting_app(store: object) -> App:
    app = App(session_store=store)  # type: ignore[arg-type]

    @app.heartbeat("/count")
    async def count(event: HeartbeatEvent) -> None:
        value = event.session.get("count", 0)
        await anyio.sleep(0.002)
        event.session["count"] = value + 1

    @app.voice("/show")
    async def show(call: VoiceEvent) -> Response:
        return Response(Say(str(call.session.get("count", 0))))

    @app.status("/status")
    async def status(event: StatusEvent) -> None:
        return None

    return app


async def shown(client: httpx.AsyncClient, call_sid: str) -> str:
    reply = await client.post("/show", data=voice_params(CallSid=call_sid))
    return str(parse(reply.content).children[0].text)


def test_session_is_a_json_mapping() -> None:
    session = Session.loads('{"a": [1]}')
    session["a"].append(2)
    assert session.dumps() == '{"a":[1,2]}'
    session["bad"] = object()
    with pytest.raises(SessionError, match="JSON"):
        session.dumps()


def test_store_settings_are_checked() -> None:
    with pytest.raises(ConfigurationError):
        MemoryStore(ttl=0)


async def test_memory_store_expires_entries_after_ttl() -> None:
    store = MemoryStore(ttl=0.05)
    async with store.open("CA1") as session:
        session["x"] = 1
    async with store.open("CA1") as session:
        assert session == {"x": 1}
    await anyio.sleep(0.1)
    async with store.open("CA1") as session:
        assert session == {}
    assert len(store) == 0


async def test_memory_store_does_not_save_when_the_handler_fails() -> None:
    store = MemoryStore()

    async def failing_request() -> None:
        async with store.open("CA1") as session:
            session["x"] = 1
            raise RuntimeError

    with pytest.raises(RuntimeError):
        await failing_request()
    async with store.open("CA1") as session:
        assert session == {}
    assert not store._waiters


async def test_a_session_that_cannot_be_stored_fails_the_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The caller must not hear a document whose state was not kept: the fallback instead."""
    app = App()

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        call.session["bad"] = {1, 2}
        return Response(Say("ok"))

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert parse(reply.content) == DEFAULT_FALLBACK
    assert "could not store its session" in caplog.text
    assert app.telemetry.failures == {"/voice": 1}


@pytest.fixture
async def redis_store(redis_url: str) -> AsyncIterator[RedisStore]:
    store = RedisStore(redis_url, prefix=f"test:{os.getpid()}:{id(object())}:")
    yield store
    await store.aclose()


@pytest.mark.redis
async def test_two_app_instances_share_one_redis(redis_url: str) -> None:
    prefix = "shared-instances:"
    stores = [RedisStore(redis_url, prefix=prefix), RedisStore(redis_url, prefix=prefix)]
    apps = [counting_app(store) for store in stores]
    call = "CA" + "a" * 32
    async with asgi_client(apps[0]) as first, asgi_client(apps[1]) as second:
        for i in range(6):
            client = (first, second)[i % 2]
            assert (await client.post("/count", data=voice_params(CallSid=call))).status_code == 204
        assert await shown(first, call) == "6"
        assert await shown(second, call) == "6"

        async def count(client: httpx.AsyncClient) -> None:
            await client.post("/count", data=voice_params(CallSid=call))

        async with anyio.create_task_group() as tg:
            for i in range(30):
                tg.start_soon(count, (first, second)[i % 2])
        assert await shown(second, call) == "36"
        await first.post("/status", data=voice_params(CallSid=call, CallStatus="completed"))
        assert await shown(second, call) == "0"
    for store in stores:
        await store.aclose()


@pytest.mark.redis
async def test_redis_entries_expire_after_ttl(redis_url: str) -> None:
    store = RedisStore(redis_url, prefix="ttl:", ttl=0.2)
    async with store.open("CA1") as session:
        session["x"] = 1
    async with store.open("CA1") as session:
        assert session == {"x": 1}
    await anyio.sleep(0.35)
    async with store.open("CA1") as session:
        assert session == {}
    await store.aclose()


@pytest.mark.redis
async def test_redis_refuses_an_update_whose_lock_lease_ran_out(redis_url: str) -> None:
    slow = RedisStore(redis_url, prefix="lease:")
    fast = RedisStore(redis_url, prefix="lease:")
    admin = redis.asyncio.Redis.from_url(redis_url)

    async def slow_request() -> None:
        async with slow.open("CA1") as session:
            session["who"] = "slow"
            # The lease lapses, as when its holder is cut off from Redis for longer than it.
            await admin.delete(slow.keys("CA1")[1])
            async with fast.open("CA1") as other:
                other["who"] = "fast"

    try:
        with pytest.raises(SessionError, match="expired"):
            await slow_request()
        async with fast.open("CA1") as session:
            assert session == {"who": "fast"}
    finally:
        await admin.aclose()
        await slow.aclose()
        await fast.aclose()


@pytest.mark.redis
async def test_redis_lease_is_renewed_while_its_holder_runs(redis_url: str) -> None:
    holder = RedisStore(redis_url, prefix="renew:", lock_lease=0.3)
    waiter = RedisStore(redis_url, prefix="renew:", lock_wait=0.1)
    try:
        async with holder.open("CA1") as session:
            session["n"] = 1
            await anyio.sleep(1.0)  # three leases long: renewed, so still ours
            with pytest.raises(SessionError, match="locked"):
                async with waiter.open("CA1"):
                    pass
        async with waiter.open("CA1") as session:
            assert session == {"n": 1}
    finally:
        await holder.aclose()
        await waiter.aclose()


@pytest.mark.redis
async def test_redis_lock_wait_is_bounded(redis_url: str) -> None:
    holder = RedisStore(redis_url, prefix="wait:")
    waiter = RedisStore(redis_url, prefix="wait:", lock_wait=0.05)
    async with holder.open("CA1"):
        with pytest.raises(SessionError, match="locked"):
            async with waiter.open("CA1"):
                pass
    await holder.aclose()
    await waiter.aclose()


@pytest.fixture(scope="module")
def redis_servers(redis_url: str) -> Iterator[list[str]]:
    """Two single-worker uvicorn servers and one two-worker server, all on one Redis."""
    env = {"WEBHOOK_TEST_REDIS_URL": redis_url}
    target = "redis_counter_app:app"
    with (
        serve_subprocess(target, env=env, pythonpath=HERE) as one,
        serve_subprocess(target, env=env, pythonpath=HERE) as two,
        serve_subprocess(target, "--workers", "2", env=env, pythonpath=HERE) as pair,
    ):
        yield [one, two, pair]


@pytest.mark.redis
async def test_uvicorn_servers_sharing_redis_keep_the_session(redis_servers: list[str]) -> None:
    call = "CA" + "b" * 32
    one, two, pair = redis_servers
    async with httpx.AsyncClient(base_url=one) as first, httpx.AsyncClient(base_url=two) as second:
        for i in range(10):
            client = (first, second)[i % 2]
            assert (await client.post("/count", data=voice_params(CallSid=call))).status_code == 204
        assert (await shown(second, call)).split()[0] == "10"

        async def count(client: httpx.AsyncClient) -> None:
            reply = await client.post("/count", data=voice_params(CallSid=call))
            assert reply.status_code == 204

        async with anyio.create_task_group() as tg:
            for i in range(40):
                tg.start_soon(count, (first, second)[i % 2])
        assert (await shown(first, call)).split()[0] == "50"

    pids = set()
    call = "CA" + "c" * 32
    limits = httpx.Limits(max_keepalive_connections=0)  # a new connection per request
    async with httpx.AsyncClient(base_url=pair, limits=limits) as client:

        async def count_and_show() -> None:
            await client.post("/count", data=voice_params(CallSid=call))
            pids.add((await shown(client, call)).split()[1])

        async with anyio.create_task_group() as tg:
            for _ in range(30):
                tg.start_soon(count_and_show)
        assert (await shown(client, call)).split()[0] == "30"
    assert pids  # served by the workers of one uvicorn (how many were used is up to the kernel)


async def test_memory_lock_survives_a_cancelled_waiter() -> None:
    store = MemoryStore()
    order: list[str] = []

    async def request(name: str, hold: float) -> None:
        async with store.open("CA1") as session:
            order.append(name)
            session[name] = True
            await anyio.sleep(hold)

    async with anyio.create_task_group() as tg:
        tg.start_soon(request, "first", 0.05)
        await anyio.sleep(0.01)
        with anyio.CancelScope() as doomed:
            doomed.cancel()  # cancelled while waiting: must not keep or lose the lock
            await request("cancelled", 0)
        tg.start_soon(request, "third", 0)
    assert order == ["first", "third"]
    assert not store._waiters
    async with store.open("CA1") as session:
        assert session == {"first": True, "third": True}
