"""RedisStore under faults and at scale, against real redis-server processes the tests own.

Each test starts its own server (or a 3-node cluster) because it kills, freezes (SIGSTOP) or
restarts it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
import redis.asyncio
from redis_support import RedisProcess, redis_cluster, redis_process, redis_sentinel
from webhook_support import asgi_client, serve_subprocess, voice_params

from inboundxml import Response, Say, parse
from webhooks import App, HeartbeatEvent, RedisStore, VoiceEvent
from webhooks.app import DEFAULT_FALLBACK

pytestmark = [pytest.mark.anyio, pytest.mark.redis]
HERE = os.path.dirname(__file__)
CALL = "CA" + "d" * 32


def counting_app(store: RedisStore, **options: object) -> App:
    app = App(session_store=store, **options)  # type: ignore[arg-type]

    @app.heartbeat("/count")
    async def count(event: HeartbeatEvent) -> None:
        value = event.session.get("count", 0)
        await anyio.sleep(0.002)
        event.session["count"] = value + 1

    @app.voice("/show")
    async def show(call: VoiceEvent) -> Response:
        return Response(Say(str(call.session.get("count", 0))))

    return app


async def shown(client: httpx.AsyncClient, call_sid: str = CALL) -> str:
    reply = await client.post("/show", data=voice_params(CallSid=call_sid))
    return str(parse(reply.content).children[0].text)


@pytest.fixture
def server() -> Iterator[RedisProcess]:
    with redis_process() as process:
        yield process


@pytest.fixture
async def store(server: RedisProcess) -> AsyncIterator[RedisStore]:
    store = RedisStore(server.url, socket_timeout=0.5, lock_lease=1.0, lock_wait=3.0)
    yield store
    await store.aclose()


async def test_a_burst_beyond_the_pool_waits_instead_of_failing(server: RedisProcess) -> None:
    """400 concurrent requests through a pool of 4 connections: all served, none failed."""
    store = RedisStore(server.url, max_connections=4)
    app = counting_app(store)
    statuses: list[int] = []
    async with asgi_client(app) as client:

        async def one(index: int) -> None:
            call = f"CA{index:032x}"
            reply = await client.post("/count", data=voice_params(CallSid=call))
            statuses.append(reply.status_code)

        async with anyio.create_task_group() as tg:
            for index in range(400):
                tg.start_soon(one, index)
        assert await shown(client, f"CA{7:032x}") == "1"
    await store.aclose()
    assert statuses == [204] * 400
    assert not app.telemetry.failures


async def test_a_lock_whose_holder_failed_is_gone_a_lease_later(
    server: RedisProcess, store: RedisStore
) -> None:
    """Redis frozen (SIGSTOP) under a request: the next request of the call is not blocked."""
    app = counting_app(store)

    @app.heartbeat("/slow")
    async def slow(event: HeartbeatEvent) -> None:
        event.session["count"] = event.session.get("count", 0) + 100
        server.freeze()  # the store fails under this request: its save and release time out
        await anyio.sleep(0.1)

    async with asgi_client(app) as client:
        assert (await client.post("/count", data=voice_params(CallSid=CALL))).status_code == 204
        failed = await client.post("/slow", data=voice_params(CallSid=CALL))
        assert failed.status_code == 200  # the heartbeat's failure answer: the fallback
        assert parse(failed.content) == DEFAULT_FALLBACK
        await anyio.sleep(10)  # frozen 10 s: ten leases long
        server.thaw()
        # The failed request's lock expired with its lease: this request takes the lock within
        # its 3 s lock_wait (with the old 30 s lease it would wait and fail).
        again = await client.post("/count", data=voice_params(CallSid=CALL))
        assert again.status_code == 204
        assert await shown(client) == "2"  # the failed request's update was not kept
    assert app.telemetry.failures == {"/slow": 1}


async def test_redis_down_is_logged_once_per_interval_and_the_app_recovers(
    server: RedisProcess, store: RedisStore, caplog: pytest.LogCaptureFixture
) -> None:
    app = counting_app(store)
    async with asgi_client(app) as client:
        assert (await client.post("/count", data=voice_params(CallSid=CALL))).status_code == 204
        server.kill()
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="webhooks"):
            for _ in range(30):
                reply = await client.post("/show", data=voice_params(CallSid=CALL))
                assert parse(reply.content) == DEFAULT_FALLBACK
        records = [r for r in caplog.records if "could not open its session" in r.getMessage()]
        assert len(records) == 1  # not 30
        assert records[0].exc_info is not None  # the first one carries the traceback
        assert CALL in records[0].getMessage()
        assert "/show" in records[0].getMessage()
        assert app.telemetry.failures == {"/show": 30}  # every failure is counted
        server.start()  # same port: the app reconnects without a restart
        assert (await client.post("/count", data=voice_params(CallSid=CALL))).status_code == 204
        assert await shown(client) == "1"  # a fresh server: the old state went with the old one


async def test_an_update_refused_after_the_lease_ran_out_fails_the_request(
    server: RedisProcess, store: RedisStore
) -> None:
    """The caller must not hear a document whose state was not kept: 500, Fallback URL next."""
    app = counting_app(store, on_error="500")
    admin = redis.asyncio.Redis.from_url(server.url)

    @app.voice("/lapse")
    async def lapse(call: VoiceEvent) -> Response:
        call.session["count"] = 99
        await admin.delete(store.keys(call.call_sid)[1])  # the lease ran out meanwhile
        return Response(Say("saved"))

    async with asgi_client(app) as client:
        reply = await client.post("/lapse", data=voice_params(CallSid=CALL))
        assert reply.status_code == 500
        assert await shown(client) == "0"
    await admin.aclose()


async def test_keys_of_one_call_share_a_hash_slot(store: RedisStore) -> None:
    from redis.crc import key_slot

    session, lock = store.keys(CALL)
    assert key_slot(session.encode()) == key_slot(lock.encode())
    assert f"{{{CALL}}}" in session


@pytest.fixture(scope="module")
def cluster() -> Iterator[list[str]]:
    with redis_cluster(3) as urls:
        yield urls


async def test_redis_store_on_a_cluster_client(cluster: list[str]) -> None:
    client = redis.asyncio.RedisCluster.from_url(cluster[0])
    store = RedisStore(client=client)
    app = counting_app(store)
    calls = [f"CA{index:032x}" for index in range(20)]  # spread over the cluster's slots
    async with asgi_client(app) as http:

        async def count(call: str) -> None:
            reply = await http.post("/count", data=voice_params(CallSid=call))
            assert reply.status_code == 204

        async with anyio.create_task_group() as tg:
            for call in calls:
                for _ in range(5):
                    tg.start_soon(count, call)
        assert {await shown(http, call) for call in calls} == {"5"}
    await store.aclose()
    await client.aclose()


async def test_two_app_processes_on_a_cluster_lose_no_update(cluster: list[str]) -> None:
    env = {"WEBHOOK_TEST_REDIS_URL": cluster[1], "WEBHOOK_TEST_REDIS_CLUSTER": "1"}
    target = "redis_counter_app:app"
    with (
        serve_subprocess(target, env=env, pythonpath=HERE) as one,
        serve_subprocess(target, env=env, pythonpath=HERE) as two,
    ):
        async with (
            httpx.AsyncClient(base_url=one, timeout=30) as first,
            httpx.AsyncClient(base_url=two, timeout=30) as second,
        ):

            async def count(client: httpx.AsyncClient) -> None:
                reply = await client.post("/count", data=voice_params(CallSid=CALL))
                assert reply.status_code == 204

            started = time.monotonic()
            async with anyio.create_task_group() as tg:
                for index in range(60):
                    tg.start_soon(count, (first, second)[index % 2])
            assert time.monotonic() - started < 60  # generous: only "not forever"
            assert (await shown(first)).split()[0] == "60"
            assert (await shown(second)).split()[0] == "60"


async def test_redis_store_through_sentinel() -> None:
    with redis_sentinel("webhooks") as (port, _):
        sentinel = redis.asyncio.Sentinel([("127.0.0.1", port)])  # type: ignore[no-untyped-call]
        client = sentinel.master_for("webhooks")
        store = RedisStore(client=client)
        app = counting_app(store)
        async with asgi_client(app) as http:

            async def count() -> None:
                reply = await http.post("/count", data=voice_params(CallSid=CALL))
                assert reply.status_code == 204

            async with anyio.create_task_group() as tg:
                for _ in range(30):
                    tg.start_soon(count)
            assert await shown(http) == "30"
        await store.aclose()
        await client.aclose()
        await client.connection_pool.disconnect()
        for connection in sentinel.sentinels:
            await connection.aclose()
