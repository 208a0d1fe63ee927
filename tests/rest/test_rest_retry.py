"""Retries: idempotent requests are retried after 429/5xx and lost connections; creates are not."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest
from conftest import ACCOUNT, BASE, FAST, TOKEN, json_response
from rest_cases import sample

from webhooks.rest import (
    AsyncClient,
    Call,
    Client,
    NetworkError,
    RateLimitError,
    RequestTimeout,
    RetryEvent,
    RetryPolicy,
    ServerError,
)
from webhooks.rest.retry import parse_retry_after

CALL = "CA" + "1" * 32


class Script:
    """A mock platform that plays a script of failures, then answers with a Call."""

    def __init__(self, *steps: int | type[httpx.TransportError], retry_after: str = "") -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.retry_after = retry_after

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps.pop(0) if self.steps else 200
        if isinstance(step, int):
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            body = sample(Call) if step == 200 else {"status": step, "message": "busy"}
            return json_response(step, body, headers)
        raise step("scripted failure", request=request)


def client_for(
    script: Script,
    retry: RetryPolicy = FAST,
    on_retry: Callable[[RetryEvent], None] | None = None,
) -> Client:
    """A client over the script."""
    transport = httpx.MockTransport(script)
    return Client(
        ACCOUNT, TOKEN, base_url=BASE, retry=retry, on_retry=on_retry, transport=transport
    )


def test_get_is_retried_after_503_and_succeeds() -> None:
    script = Script(503)
    events: list[RetryEvent] = []
    with client_for(script, on_retry=events.append) as client:
        call = client.calls.get(CALL)
    assert call.sid == sample(Call)["sid"]
    assert len(script.requests) == 2
    assert [(event.status, event.attempt, event.method) for event in events] == [(503, 1, "GET")]


def test_get_is_retried_after_a_dropped_connection() -> None:
    script = Script(httpx.RemoteProtocolError)
    events: list[RetryEvent] = []
    with client_for(script, on_retry=events.append) as client:
        assert isinstance(client.calls.get(CALL), Call)
    assert len(script.requests) == 2
    assert isinstance(events[0].error, httpx.RemoteProtocolError)
    assert events[0].reason == "RemoteProtocolError"


def test_create_is_not_retried_after_a_dropped_response() -> None:
    script = Script(httpx.RemoteProtocolError)
    with client_for(script) as client, pytest.raises(NetworkError) as caught:
        client.calls.create(to="+1555", from_="+1666", url="https://a/v")
    assert len(script.requests) == 1
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


def test_create_is_not_retried_after_a_read_timeout() -> None:
    script = Script(httpx.ReadTimeout)
    with client_for(script) as client, pytest.raises(RequestTimeout):
        client.sms.send(to="+1555", from_="+1666", body="hi")
    assert len(script.requests) == 1


def test_create_is_not_retried_after_503() -> None:
    script = Script(503)
    with client_for(script) as client, pytest.raises(ServerError):
        client.sms.send(to="+1555", from_="+1666", body="hi")
    assert len(script.requests) == 1


def test_create_is_retried_after_a_connect_error_since_nothing_was_sent() -> None:
    script = Script(httpx.ConnectError)
    with client_for(script) as client:
        assert isinstance(client.calls.create(to="+1555", from_="+1666", url="https://a/v"), Call)
    assert len(script.requests) == 2


def test_replay_safe_update_is_retried_after_502() -> None:
    script = Script(502)
    with client_for(script) as client:
        client.calls.effect(CALL, pitch=1.2)
    assert len(script.requests) == 2


def test_retries_stop_after_max_attempts() -> None:
    script = Script(500, 500, 500, 500)
    with client_for(script) as client, pytest.raises(ServerError):
        client.calls.get(CALL)
    assert len(script.requests) == FAST.max_attempts


def test_each_retry_is_logged_on_the_webhooks_rest_logger(caplog: pytest.LogCaptureFixture) -> None:
    script = Script(503, 429)
    with caplog.at_level(logging.WARNING, logger="webhooks.rest"), client_for(script) as client:
        client.calls.get(CALL)
    records = [record for record in caplog.records if record.name == "webhooks.rest"]
    assert len(records) == 2
    assert records[0].levelno == logging.WARNING
    assert isinstance(records[0].args, tuple)
    assert records[0].args[:3] == (
        "GET",
        f"{BASE}/Accounts/{ACCOUNT}/Calls/{CALL}.json",
        "HTTP 503",
    )


def test_retry_after_header_sets_the_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("webhooks.rest._client.time.sleep", slept.append)
    script = Script(429, retry_after="2")
    policy = RetryPolicy(max_attempts=2, backoff=0.1, max_backoff=5.0)
    with client_for(script, retry=policy) as client:
        client.calls.get(CALL)
    assert slept == [2.0]


def test_retry_after_longer_than_max_backoff_ends_the_retries() -> None:
    script = Script(429, retry_after="120")
    with (
        client_for(script, retry=RetryPolicy(max_backoff=10.0)) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        client.calls.get(CALL)
    assert caught.value.retry_after == 120.0
    assert len(script.requests) == 1


def test_backoff_doubles_is_capped_and_jitter_only_shortens() -> None:
    policy = RetryPolicy(max_attempts=10, backoff=0.5, max_backoff=3.0, jitter=0.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [0.5, 1.0, 2.0, 3.0]
    assert policy.delay(10) is None
    jittery = RetryPolicy(max_attempts=10, backoff=1.0, jitter=0.5)
    assert all(0.5 <= (jittery.delay(1) or 0) <= 1.0 for _ in range(50))


def test_retry_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="jitter"):
        RetryPolicy(jitter=2)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Mon, 01 Jan 2024 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@pytest.mark.anyio
async def test_async_get_is_retried_after_503_and_a_dropped_connection() -> None:
    script = Script(503, httpx.RemoteProtocolError)
    transport = httpx.MockTransport(script)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, retry=FAST, transport=transport) as c:
        assert isinstance(await c.calls.get(CALL), Call)
    assert len(script.requests) == 3


@pytest.mark.anyio
async def test_async_create_is_not_retried_after_a_dropped_response() -> None:
    script = Script(httpx.RemoteProtocolError)
    transport = httpx.MockTransport(script)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, retry=FAST, transport=transport) as c:
        with pytest.raises(NetworkError):
            await c.mms.send(to="+1555", from_="+1666", media_url="https://a/p.png")
    assert len(script.requests) == 1


def test_network_error_names_the_underlying_cause() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    transport = httpx.MockTransport(handler)
    with (
        Client(ACCOUNT, TOKEN, base_url=BASE, retry=FAST, transport=transport) as client,
        pytest.raises(NetworkError) as caught,
    ):
        client.calls.get(CALL)
    message = str(caught.value)
    assert "ConnectError: [Errno -2] Name or service not known" in message
    assert "after 3 attempts" in message
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_no_retry_starts_that_would_end_past_the_deadline() -> None:
    script = Script(httpx.ReadTimeout, httpx.ReadTimeout, httpx.ReadTimeout)
    events: list[RetryEvent] = []
    slow = RetryPolicy(max_attempts=3, backoff=60.0, max_backoff=60.0, jitter=0.0)
    transport = httpx.MockTransport(script)
    with (
        Client(
            ACCOUNT,
            TOKEN,
            base_url=BASE,
            retry=slow,
            deadline=5.0,
            on_retry=events.append,
            transport=transport,
        ) as client,
        pytest.raises(RequestTimeout, match="5 s deadline would pass") as caught,
    ):
        client.calls.get(CALL)
    assert len(script.requests) == 1
    assert events == []
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_a_retried_status_answer_past_the_deadline_is_raised_as_is() -> None:
    script = Script(503, retry_after="10")
    with (
        Client(
            ACCOUNT,
            TOKEN,
            base_url=BASE,
            deadline=5.0,
            transport=httpx.MockTransport(script),
        ) as client,
        pytest.raises(ServerError),
    ):
        client.calls.get(CALL)
    assert len(script.requests) == 1


def test_each_retry_has_its_timeouts_cut_to_the_time_left() -> None:
    script = Script(httpx.ReadTimeout, httpx.ReadTimeout)
    reads: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        reads.append(request.extensions["timeout"]["read"])
        return script(request)

    transport = httpx.MockTransport(handler)
    with Client(
        ACCOUNT, TOKEN, base_url=BASE, retry=FAST, deadline=8.0, transport=transport
    ) as client:
        client.calls.get(CALL)
    assert len(reads) == 3
    assert reads[0] == 8.0
    assert all(later <= earlier for earlier, later in itertools.pairwise(reads))


@pytest.mark.anyio
async def test_async_client_gives_up_a_retry_that_would_pass_the_deadline() -> None:
    script = Script(httpx.ConnectError)
    slow = RetryPolicy(max_attempts=2, backoff=60.0, max_backoff=60.0, jitter=0.0)
    transport = httpx.MockTransport(script)
    async with AsyncClient(
        ACCOUNT, TOKEN, base_url=BASE, retry=slow, deadline=1.0, transport=transport
    ) as client:
        with pytest.raises(NetworkError, match="deadline would pass"):
            await client.calls.get(CALL)
    assert len(script.requests) == 1
