"""FakePlatform lists: paging fields, page walking and the filters the reference names."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import httpx
import pytest

from webhooks.testing import FakePlatform


@pytest.mark.anyio
async def test_walks_three_pages_by_next_page_uri(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Seven calls in pages of three: three pages, newest first, linked by page URIs."""
    sids = [fake.add_call(from_=f"+1555000{n}", to="+15552223333").sid for n in range(7)]
    url: str = f"{fake.account_uri}/Calls.json?PageSize=3"
    pages = []
    while url:
        body = (await client.get(url)).json()
        pages.append(body)
        url = html.unescape(body["next_page_uri"])
    assert [len(page["calls"]) for page in pages] == [3, 3, 1]
    assert [c["sid"] for page in pages for c in page["calls"]] == sids[::-1]
    first, second, last = pages
    assert (first["page"], first["num_pages"], first["page_size"], first["total"]) == (0, 3, 3, 7)
    assert (first["start"], first["end"]) == (0, 2)
    assert (second["start"], second["end"]) == (3, 5)
    assert (last["start"], last["end"]) == (6, 6)
    assert first["previous_page_uri"] == ""
    assert last["next_page_uri"] == ""
    assert second["previous_page_uri"] == first["uri"]
    assert first["last_page_uri"] == last["uri"]
    assert first["uri"] == f"{fake.account_uri}/Calls.json?Page=0&amp;PageSize=3"


@pytest.mark.anyio
async def test_plain_ampersand_when_asked(client: httpx.AsyncClient) -> None:
    """``amp_in_page_uris=False`` joins page URI parameters with ``&``."""
    fake = FakePlatform(amp_in_page_uris=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fake), base_url="http://fake", auth=fake.auth
    ) as plain:
        body = (await plain.get(f"{fake.account_uri}/Calls.json")).json()
    assert body["uri"] == f"{fake.account_uri}/Calls.json?Page=0&PageSize=50"


@pytest.mark.anyio
async def test_empty_list(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """An empty list has no pages, total 0 and no next or previous page."""
    body = (await client.get(f"{fake.account_uri}/Recordings.json")).json()
    assert body["recordings"] == []
    assert (body["total"], body["num_pages"], body["start"], body["end"]) == (0, 0, 0, 0)
    assert body["next_page_uri"] == body["previous_page_uri"] == ""


@pytest.mark.anyio
async def test_page_past_the_end_is_empty(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """A page beyond the last answers an empty list, not an error."""
    fake.add_conference("a")
    body = (await client.get(f"{fake.account_uri}/Conferences.json?Page=5")).json()
    assert body["conferences"] == []
    assert body["total"] == 1


@pytest.mark.anyio
@pytest.mark.parametrize("query", ["Page=-1", "Page=x", "PageSize=0"])
async def test_bad_paging_parameters(
    query: str, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Negative or non-numeric paging parameters answer 400."""
    response = await client.get(f"{fake.account_uri}/Calls.json?{query}")
    assert (response.status_code, response.json()["code"]) == (400, 10022)


@pytest.mark.anyio
async def test_xml_lists_carry_paging_attributes(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """In XML the paging fields are attributes of the list element."""
    for n in range(4):
        fake.add("sms_messages", from_="+1", to=f"+2{n}", body="x")
    response = await client.get(f"{fake.account_uri}/SMS/Messages.xml?PageSize=2&Page=1")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    messages = root.find("SmsMessages")
    assert messages is not None
    assert messages.attrib["page"] == "1"
    assert messages.attrib["numpages"] == "2"
    assert messages.attrib["pagesize"] == "2"
    assert messages.attrib["total"] == "4"
    assert messages.attrib["previouspageuri"].endswith("SMS/Messages.xml?Page=0&PageSize=2")
    assert [m.tag for m in messages] == ["SmsMessage", "SmsMessage"]


@pytest.mark.anyio
async def test_filters_keep_in_page_uris(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Filters select items and stay in the page URIs."""
    for n in range(5):
        call = fake.add_call(from_="+15550001111", to=f"+1555222000{n % 2}")
        if n < 4:
            fake.set_call_status(call.sid, "completed")
    url = f"{fake.account_uri}/Calls.json?To=%2B15552220000&Status=completed&PageSize=1"
    body = (await client.get(url)).json()
    assert body["total"] == 2
    assert body["calls"][0]["to"] == "+15552220000"
    assert body["next_page_uri"].startswith(
        f"{fake.account_uri}/Calls.json?To=%2B15552220000&amp;Status=completed&amp;Page=1"
    )


@pytest.mark.anyio
async def test_date_filters_with_operators(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``StartTime>=``, ``StartTime<=`` and ``StartTime=`` compare dates (UTC)."""
    for day in (1, 15, 28):
        fake.add_call(from_="+1", to=f"+2{day}", created=datetime(2017, 3, day, 12, tzinfo=UTC))
    url = f"{fake.account_uri}/Calls.json"

    async def to_numbers(params: dict[str, str]) -> list[str]:
        body = (await client.get(url, params=params)).json()
        return sorted(c["to"] for c in body["calls"])

    assert await to_numbers({"StartTime>": "2017-03-15"}) == ["+215", "+228"]
    assert await to_numbers({"StartTime<": "2017-03-15"}) == ["+21", "+215"]
    assert await to_numbers({"StartTime>=": "2017-03-02", "StartTime<=": "2017-03-20"}) == ["+215"]
    assert await to_numbers({"StartTime": "2017-03-28"}) == ["+228"]
    bad = await client.get(url, params={"StartTime>": "yesterday"})
    assert (bad.status_code, bad.json()["code"]) == (400, 32005)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/SMS/Messages", {"DateSent": "2017-03-01", "Direction": "incoming"}, 1),
        ("/Usages", {"Month": "3", "Product": "1"}, 1),
        ("/Notifications", {"Log": "1"}, 1),
        ("/IncomingPhoneNumbers", {"Contains": "777"}, 1),
        ("/Conferences", {"Status": "completed"}, 1),
        ("/Transcriptions", {"Status": "failed"}, 1),
        ("/Recordings", {"DateCreated<": "2017-03-02"}, 1),
    ],
)
async def test_list_filters(
    path: str,
    params: dict[str, str],
    expected: int,
    fake: FakePlatform,
    client: httpx.AsyncClient,
) -> None:
    """The filters of each list select what they name."""
    march = datetime(2017, 3, 1, 9, tzinfo=UTC)
    fake.add("sms_messages", direction="incoming", created=march, date_sent=march)
    fake.add("sms_messages", direction="incoming")
    fake.add("usages", month="03", product_id=1)
    fake.add("usages", month="04", product_id=1)
    fake.add("notifications", log=1)
    fake.add("notifications", log=0)
    fake.add_incoming_number("+15557770000")
    fake.add_incoming_number("+15551110000")
    fake.add_conference("a", status="completed")
    fake.add_conference("b")
    fake.add_transcription("x", status="failed")
    fake.add_transcription("y")
    fake.add_recording(created=march)
    fake.add_recording()
    body = (await client.get(f"{fake.account_uri}{path}.json", params=params)).json()
    assert body["total"] == expected


@pytest.mark.anyio
async def test_participant_filters(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Participants filter by ``Muted`` and ``Deaf``."""
    conference = fake.add_conference("room")
    fake.add_participant(conference.sid, "+1", muted="true")
    fake.add_participant(conference.sid, "+2")
    url = f"{fake.account_uri}/Conferences/{conference.sid}/Participants.json"
    body = (await client.get(url, params={"Muted": "True"})).json()
    assert [p["caller_number"] for p in body["participants"]] == ["+1"]
