"""The platform's documented limits, each refused by the fake with its code."""

from __future__ import annotations

import httpx
import pytest

from webhooks.testing import FakePlatform

pytestmark = pytest.mark.anyio

URL = "https://app.example/voice"


def code_of(response: httpx.Response) -> tuple[int, int]:
    """The status and the platform's error code of an answer."""
    return response.status_code, response.json()["code"]


async def test_page_size_is_at_most_50(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    calls = f"{fake.account_uri}/Calls.json"
    assert (await client.get(calls, params={"PageSize": "50"})).status_code == 200
    refused = await client.get(calls, params={"PageSize": "51"})
    assert code_of(refused) == (400, 10022)
    assert "at most 50" in refused.json()["message"]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/Calls.json", "Url"),
        ("/Calls.json", "StatusCallback"),
        ("/SMS/Messages.json", "StatusCallback"),
        ("/Applications.json", "VoiceUrl"),
    ],
)
async def test_urls_are_at_most_200_characters(
    fake: FakePlatform, client: httpx.AsyncClient, path: str, name: str
) -> None:
    base = {"From": "+15550001111", "To": "+15552223333", "Url": URL, "Body": "hi"}
    fits = "https://a.example/" + "x" * (200 - len("https://a.example/"))
    assert len(fits) == 200
    accepted = await client.post(f"{fake.account_uri}{path}", data={**base, name: fits})
    assert accepted.status_code == 200
    refused = await client.post(f"{fake.account_uri}{path}", data={**base, name: fits + "y"})
    assert code_of(refused) == (400, 12301)
    assert name in refused.json()["message"]


@pytest.mark.parametrize(("timeout", "ok"), [("1", True), ("999", True), ("1000", False)])
async def test_make_call_timeout_is_at_most_999(
    fake: FakePlatform, client: httpx.AsyncClient, timeout: str, ok: bool
) -> None:
    params = {"From": "+15550001111", "To": "+15552223333", "Url": URL, "Timeout": timeout}
    answer = await client.post(f"{fake.account_uri}/Calls.json", data=params)
    if ok:
        assert answer.status_code == 200
    else:
        assert code_of(answer) == (400, 21208)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("a" * 765, None),
        ("a" * 766, 21605),
        ("{" * 383, 21605),  # an extension character counts twice
        ("ж" * 335, None),
        ("ж" * 336, 21610),
        ("a" * 700 + "ж", 21610),
    ],
)
async def test_sms_body_is_at_most_five_segments(
    fake: FakePlatform, client: httpx.AsyncClient, body: str, code: int | None
) -> None:
    params = {"From": "+15550001111", "To": "+15552223333", "Body": body}
    answer = await client.post(f"{fake.account_uri}/SMS/Messages.json", data=params)
    if code is None:
        assert answer.status_code == 200
    else:
        assert code_of(answer) == (400, code)


@pytest.mark.parametrize(
    ("size", "content_type", "code"),
    [
        (750 * 1024, "image/jpeg", None),
        (750 * 1024 + 1, "image/png", 14116),
        (1000, "application/pdf", 14117),
    ],
)
async def test_mms_media_is_at_most_750_kb_of_a_supported_type(
    fake: FakePlatform, client: httpx.AsyncClient, size: int, content_type: str, code: int | None
) -> None:
    media = "https://media.example/file"
    fake.add_media(media, size=size, content_type=content_type)
    params = {"From": "+15550001111", "To": "+15552223333", "MediaUrl": media}
    answer = await client.post(f"{fake.account_uri}/MMS/Messages.json", data=params)
    if code is None:
        assert answer.status_code == 200
    else:
        assert code_of(answer) == (400, code)
    fake.reset()
    assert fake.media == {}


async def test_a_call_has_at_most_five_recordings(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    call = fake.add_call(from_="+15550001111", to="+15552223333", status="in-progress")
    url = f"{fake.account_uri}/Calls/{call.sid}/Recordings.json"
    for _ in range(5):
        assert (await client.post(url, data={"Record": "true"})).status_code == 200
    assert code_of(await client.post(url, data={"Record": "true"})) == (400, 21510)
    stopped = await client.post(url, data={"Record": "false"})
    assert stopped.status_code == 200
