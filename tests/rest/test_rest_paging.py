"""list() follows pages lazily, keeping the filters; list_page() exposes the paging fields."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from conftest import ACCOUNT, BASE, TOKEN, json_response
from rest_cases import sample

from webhooks.rest import AsyncClient, Call, Client, Page, RetryPolicy
from webhooks.rest.paging import parse_page

TOTAL, SIZE = 7, 3  # three pages: 3 + 3 + 1


def call_sid(n: int) -> str:
    """The SID of the n-th call of the fake list."""
    return f"CA{n:032x}"


class Platform:
    """A mock list endpoint of TOTAL calls, answering Page/PageSize like the platform."""

    def __init__(self, *, with_num_pages: bool = True) -> None:
        self.queries: list[dict[str, list[str]]] = []
        self.with_num_pages = with_num_pages

    def __call__(self, request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode())
        self.queries.append(query)
        page = int(query.get("Page", ["0"])[0])
        size = int(query.get("PageSize", ["50"])[0])
        items = [
            {**sample(Call), "sid": call_sid(n)}
            for n in range(page * size, min(TOTAL, (page + 1) * size))
        ]
        num_pages = -(-TOTAL // size)
        base = f"/v2/Accounts/{ACCOUNT}/Calls.json"
        body: dict[str, Any] = {
            "calls": items,
            "page": str(page),
            "page_size": size,
            "total": TOTAL,
            "start": page * size,
            "end": page * size + len(items) - 1,
            "uri": f"{base}?Page={page}&amp;PageSize={size}",
            "first_page_uri": f"{base}?Page=0&amp;PageSize={size}",
            "previous_page_uri": f"{base}?Page={page - 1}&amp;PageSize={size}" if page else "",
            "next_page_uri": (
                f"{base}?Page={page + 1}&amp;PageSize={size}" if page + 1 < num_pages else "null"
            ),
            "last_page_uri": f"{base}?Page={num_pages - 1}&amp;PageSize={size}",
        }
        if self.with_num_pages:
            body["num_pages"] = num_pages
        return json_response(200, body)


def client_for(platform: Platform) -> Client:
    """A client over the mock list."""
    transport = httpx.MockTransport(platform)
    return Client(ACCOUNT, TOKEN, base_url=BASE, retry=RetryPolicy.never(), transport=transport)


def test_list_follows_three_pages_and_keeps_the_filters() -> None:
    platform = Platform()
    with client_for(platform) as client:
        sids = [call.sid for call in client.calls.list(status="completed", page_size=SIZE)]
    assert sids == [call_sid(n) for n in range(TOTAL)]
    assert [q.get("Page") for q in platform.queries] == [None, ["1"], ["2"]]
    assert all(q["Status"] == ["completed"] and q["PageSize"] == ["3"] for q in platform.queries)


def test_list_is_lazy_and_requests_a_page_only_when_needed() -> None:
    platform = Platform()
    with client_for(platform) as client:
        calls = client.calls.list(page_size=SIZE)
        assert platform.queries == []
        first = next(calls)
        assert first.sid == call_sid(0)
        assert len(platform.queries) == 1
        rest = list(calls)
    assert len(rest) == TOTAL - 1
    assert len(platform.queries) == 3


def test_list_without_num_pages_follows_next_page_uri() -> None:
    platform = Platform(with_num_pages=False)
    with client_for(platform) as client:
        assert len(list(client.calls.list(page_size=SIZE))) == TOTAL
    assert len(platform.queries) == 3


def test_pages_yields_each_page_with_its_fields() -> None:
    with client_for(Platform()) as client:
        pages = list(client.calls.list(page_size=SIZE).pages())
    assert [(p.page, len(p), p.start, p.end) for p in pages] == [
        (0, 3, 0, 2),
        (1, 3, 3, 5),
        (2, 1, 6, 6),
    ]
    assert [p.has_next for p in pages] == [True, True, False]


def test_list_page_returns_one_page_with_unescaped_uris() -> None:
    with client_for(Platform()) as client:
        page = client.calls.list_page(page=1, page_size=SIZE)
    assert isinstance(page, Page)
    assert (page.page, page.page_size, page.num_pages, page.total) == (1, 3, 3, 7)
    assert page.next_page_uri == f"/v2/Accounts/{ACCOUNT}/Calls.json?Page=2&PageSize=3"
    assert page.previous_page_uri.endswith("?Page=0&PageSize=3")
    assert [call.sid for call in page] == [call_sid(n) for n in (3, 4, 5)]


def test_last_page_null_next_uri_reads_as_empty() -> None:
    with client_for(Platform()) as client:
        page = client.calls.list_page(page=2, page_size=SIZE)
    assert page.next_page_uri == ""
    assert not page.has_next


def test_list_starting_at_a_later_page_continues_from_there() -> None:
    with client_for(Platform()) as client:
        sids = [call.sid for call in client.calls.list(page=1, page_size=SIZE)]
    assert sids == [call_sid(n) for n in range(3, TOTAL)]


def test_parse_page_falls_back_to_the_only_list_when_the_key_is_unknown() -> None:
    page = parse_page(b'{"things": [{"sid": "X"}], "page": 0}', "agents", dict)
    assert page.items == ({"sid": "X"},)
    with pytest.raises(ValueError, match="agents"):
        parse_page(b'{"a": [], "b": []}', "agents", dict)


@pytest.mark.anyio
async def test_async_list_follows_three_pages() -> None:
    platform = Platform()
    transport = httpx.MockTransport(platform)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        sids = [call.sid async for call in client.calls.list(page_size=SIZE)]
        pages = [page async for page in client.calls.list(page_size=SIZE).pages()]
        collected = await client.calls.list(page_size=SIZE).collect()
    assert sids == [call_sid(n) for n in range(TOTAL)]
    assert [page.page for page in pages] == [0, 1, 2]
    assert len(collected) == TOTAL
