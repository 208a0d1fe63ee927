"""The client against FakePlatform: in-process (ASGITransport) and over HTTP with uvicorn."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from conftest import FAST
from rest_cases import CASES

from webhooks.rest import (
    Application,
    AsyncClient,
    AuthenticationError,
    Call,
    Client,
    IncomingPhoneNumber,
    NetworkError,
    NotFoundError,
    RateLimitError,
    RequestTimeout,
    RetryEvent,
    RetryPolicy,
    ServerError,
    SmsMessage,
)
from webhooks.testing import FakePlatform
from webhooks.testing.fake_platform._routing import Route

ACCOUNT = "AC" + "f00d" * 8
TOKEN = "fake-platform-token-" + "9" * 12


@pytest.fixture
def fake() -> FakePlatform:
    """A fresh fake platform for the test account."""
    return FakePlatform(account_sid=ACCOUNT, auth_token=TOKEN)


@pytest.fixture
def live_url(fake: FakePlatform) -> Iterator[str]:
    """The fake served by uvicorn on 127.0.0.1 (``http://127.0.0.1:PORT/v2``)."""
    with fake.serve() as base_url:
        yield base_url


@pytest.fixture
def client(live_url: str) -> Iterator[Client]:
    """A sync client talking HTTP to the live fake."""
    with Client(ACCOUNT, TOKEN, base_url=live_url, retry=FAST) as client:
        yield client


@pytest.fixture(params=["asgi", "uvicorn"])
async def aclient(request: pytest.FixtureRequest, fake: FakePlatform) -> AsyncIterator[AsyncClient]:
    """An async client, in-process through ASGITransport or over HTTP to uvicorn."""
    if request.param == "asgi":
        transport = httpx.ASGITransport(app=fake)
        async with AsyncClient(
            ACCOUNT, TOKEN, base_url="http://127.0.0.1/v2", retry=FAST, transport=transport
        ) as client:
            yield client
    else:
        with fake.serve() as base_url:
            async with AsyncClient(ACCOUNT, TOKEN, base_url=base_url, retry=FAST) as client:
                yield client


def test_call_lifecycle_over_http(client: Client, fake: FakePlatform) -> None:
    call = client.calls.create(
        to="+15552223333", from_="+15550001111", url="https://example.com/voice", record=True
    )
    assert isinstance(call, Call)
    assert call.sid in fake.calls
    assert fake.requests[-1].params["Record"] == "true"
    assert client.calls.get(call.sid).to == "+15552223333"
    assert [c.sid for c in client.calls.list(to="+15552223333")] == [call.sid]
    client.calls.send_digits(call.sid, play_dtmf="12#")
    client.calls.play(call.sid, audio_url="https://example.com/a.mp3")
    client.calls.effect(call.sid, pitch=1.5)
    recording = client.calls.record(call.sid, time_limit=30)
    assert recording.sid.startswith("RE")
    ended = client.calls.interrupt(call.sid, status="completed")
    assert ended.status == "completed"


def test_sms_paging_follows_three_pages_over_http(client: Client) -> None:
    sent = [
        client.sms.send(to="+15552223333", from_="+15550001111", body=f"#{n}") for n in range(7)
    ]
    assert all(isinstance(message, SmsMessage) for message in sent)
    listed = list(client.sms.list(page_size=3))
    assert sorted(m.sid for m in listed) == sorted(m.sid for m in sent)
    pages = list(client.sms.list(page_size=3).pages())
    assert [len(page) for page in pages] == [3, 3, 1]
    assert pages[0].num_pages == 3
    assert pages[0].total == 7
    assert "&amp;" not in pages[0].next_page_uri
    assert pages[0].next_page_uri.endswith("Page=1&PageSize=3")


def test_numbers_can_be_found_bought_updated_and_released(client: Client) -> None:
    available = client.available_numbers.list_page("US", "Local", area_code="415", page_size=2)
    assert available.items
    bought = client.incoming_numbers.buy(
        phone_number=available[0].phone_number, voice_url="https://example.com/voice"
    )
    assert isinstance(bought, IncomingPhoneNumber)
    updated = client.incoming_numbers.update(bought.sid, sms_url="https://example.com/sms")
    assert updated.sms_url == "https://example.com/sms"
    assert updated.voice_url == "https://example.com/voice"
    client.incoming_numbers.release(bought.sid)
    with pytest.raises(NotFoundError):
        client.incoming_numbers.get(bought.sid)


def test_wrong_token_is_an_authentication_error(live_url: str) -> None:
    with (
        Client(ACCOUNT, "wrong", base_url=live_url) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.account.get()
    assert caught.value.code == 10004


def test_get_is_retried_after_injected_503_and_dropped_connection(
    client: Client, fake: FakePlatform
) -> None:
    call = client.calls.create(to="+15552223333", from_="+15550001111", url="https://e.com/v")
    fake.faults.add("GET /Calls/*", status=503)
    fake.faults.add("GET /Calls/*", drop=True)
    before = len(fake.requests)
    assert client.calls.get(call.sid).sid == call.sid
    assert len(fake.requests) - before >= 2


def test_create_is_not_replayed_after_a_dropped_connection(
    client: Client, fake: FakePlatform
) -> None:
    fake.faults.add("POST /SMS/Messages", drop=True)
    with pytest.raises(NetworkError):
        client.sms.send(to="+15552223333", from_="+15550001111", body="once")
    assert fake.records("sms_messages") == []


def test_rate_limit_over_http_carries_retry_after(live_url: str, fake: FakePlatform) -> None:
    fake.faults.add("GET /Calls", status=429, retry_after=3)
    policy = RetryPolicy(max_attempts=2, max_backoff=1.0)
    with (
        Client(ACCOUNT, TOKEN, base_url=live_url, retry=policy) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        client.calls.list_page()
    assert caught.value.retry_after == 3.0


def test_timeout_is_honoured_over_http(client: Client, fake: FakePlatform) -> None:
    # Without the timeout the delayed answer would arrive and succeed.
    fake.faults.add("GET /", delay=1.0, times=None)
    with pytest.raises(RequestTimeout):
        client.account.get(timeout=0.2)


@pytest.mark.anyio
async def test_async_application_lifecycle(aclient: AsyncClient) -> None:
    app = await aclient.applications.create(friendly_name="ivr", voice_url="https://e.com/v")
    assert isinstance(app, Application)
    renamed = await aclient.applications.update(app.sid, friendly_name="menu")
    assert renamed.friendly_name == "menu"
    assert [a.sid async for a in aclient.applications.list()] == [app.sid]
    token = await aclient.applications.clients.create(app.sid, nickname="alice")
    assert token.nickname == "alice"
    assert [c.sid async for c in aclient.applications.clients.list(app.sid)] == [token.sid]
    await aclient.applications.delete(app.sid)
    with pytest.raises(NotFoundError):
        await aclient.applications.get(app.sid)


@pytest.mark.anyio
async def test_async_sip_domain_with_credentials_and_ip_acl(aclient: AsyncClient) -> None:
    sip = aclient.sip
    domain = await sip.domains.create(domain_name="acme", friendly_name="Acme")
    creds = await sip.credential_lists.create(friendly_name="office")
    cred = await sip.credential_lists.credentials.create(
        creds.sid, username="bob", password="longenough1"
    )
    assert (await sip.credential_lists.credentials.get(creds.sid, cred.sid)).username == "bob"
    acl = await sip.ip_acls.create(friendly_name="gw")
    address = await sip.ip_acls.addresses.create(
        acl.sid, friendly_name="pbx", ip_address="203.0.113.7"
    )
    await sip.domains.map_credential_list(domain.sid, credential_list_sid=creds.sid)
    await sip.domains.map_ip_acl(domain.sid, ip_access_control_list_sid=acl.sid)
    assert [c.sid async for c in sip.domains.list_credential_lists(domain.sid)] == [creds.sid]
    assert [a.sid async for a in sip.domains.list_ip_acls(domain.sid)] == [acl.sid]
    await sip.domains.unmap_ip_acl(domain.sid, acl.sid)
    await sip.ip_acls.addresses.delete(acl.sid, address.sid)
    await sip.credential_lists.credentials.delete(creds.sid, cred.sid)
    assert [d.sid async for d in sip.domains.list()] == [domain.sid]


@pytest.mark.anyio
async def test_async_conference_participants_and_recordings(
    aclient: AsyncClient, fake: FakePlatform
) -> None:
    conference = fake.add_conference("room", status="in-progress")
    participant = fake.add_participant(conference.sid, "+15550001111")
    muted = await aclient.conferences.participants.update(
        conference.sid, participant.sid, muted=True
    )
    assert muted.muted is True
    await aclient.conferences.participants.play(
        conference.sid, participant.sid, audio_url=["https://e.com/1.mp3", "https://e.com/2.mp3"]
    )
    assert fake.requests[-1].pairs.count(("AudioUrl", "https://e.com/1.mp3")) == 1
    await aclient.conferences.participants.hangup(conference.sid, participant.sid)
    assert (await aclient.conferences.get(conference.sid)).friendly_name == "room"
    recording = fake.add_recording(duration=12)
    fake.add_transcription("hello world", recording_sid=recording.sid)
    transcriptions = [t async for t in aclient.transcriptions.list()]
    assert await aclient.transcriptions.text(transcriptions[0].sid) == "hello world"
    job = await aclient.recordings.transcribe(recording.sid, quality="auto")
    assert job.sid.startswith("TR")
    csv = await aclient.recordings.list_text("csv")
    assert recording.sid in csv


@pytest.mark.anyio
async def test_async_lookups_fraud_and_messages(aclient: AsyncClient) -> None:
    carrier = await aclient.lookups.carrier(phone_number="+14155550100")
    assert carrier.phone_number == "+14155550100"
    cnam = await aclient.lookups.cnam(phone_number=["+14155550100", "+14155550101"])
    assert cnam.sid
    assert len([c async for c in aclient.lookups.list_cnam()]) >= 1
    rule = await aclient.fraud.block("CU", mobile_enabled=True)
    assert rule.kind == "blocked"
    rules = [r async for r in aclient.fraud.list()]
    assert [r.country_code for r in rules] == ["CU"]
    mms = await aclient.mms.send(to="+15552223333", from_="+15550001111", media_url="https://e/p")
    assert (await aclient.mms.get(mms.sid)).mms_sid == mms.sid


@pytest.mark.anyio
async def test_async_get_is_retried_after_503(aclient: AsyncClient, fake: FakePlatform) -> None:
    events: list[RetryEvent] = []
    aclient._core.on_retry = events.append
    fake.faults.add("GET /", status=503)
    assert (await aclient.account.get()).sid == ACCOUNT
    assert [event.status for event in events] == [503]


@pytest.mark.anyio
async def test_async_server_error_after_retries_are_exhausted(
    aclient: AsyncClient, fake: FakePlatform
) -> None:
    fake.faults.add("GET /Calls", status=500, times=None)
    with pytest.raises(ServerError):
        await aclient.calls.list_page()


def _route_for(fake: FakePlatform, method: str, path: str) -> Route | None:
    segments = path.strip("/").split("/") if path else []
    best: tuple[int, Route] | None = None
    for route in fake.routes:
        parts = route.pattern.strip("/").split("/") if route.pattern else []
        if route.method != method or len(parts) != len(segments):
            continue
        if all(
            p.startswith("{") or p.lower() == s.lower()
            for p, s in zip(parts, segments, strict=True)
        ):
            literal = sum(not p.startswith("{") for p in parts)
            if best is None or literal > best[0]:
                best = (literal, route)
    return best[1] if best else None


def test_endpoint_table_reaches_every_fake_route_with_accepted_parameters(
    fake: FakePlatform,
) -> None:
    reached: set[str] = set()
    for case in CASES:
        route = _route_for(fake, case.method, case.path)
        assert route is not None, case.call
        sent = {name for name, _ in case.params} - {"Page", "PageSize"}
        assert sent <= route.params, (case.call, sent - route.params)
        reached.add(route.name)
    assert reached == {route.name for route in fake.routes}
