"""Every endpoint, on both clients: the request the platform receives and the model returned."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import ACCOUNT, BASE, TOKEN, Handler, Seen, json_response, params_of
from rest_cases import CASES, Case, sample

from webhooks.rest import AsyncClient, Client, Page
from webhooks.rest._resource import Resource, endpoint, listing

LISTINGS = [case for case in CASES if case.listing]
MakeTransport = Callable[[Handler], httpx.MockTransport]


def resolve(client: Any, dotted: str) -> Any:
    """``client.calls.create`` from ``"calls.create"``."""
    target = client
    for name in dotted.split("."):
        target = getattr(target, name)
    return target


def page_body(case: Case) -> dict[str, Any]:
    """A one-page list answer holding one sample item."""
    assert case.key is not None
    return {
        case.key: [sample(case.model)],
        "page": 0,
        "page_size": 50,
        "num_pages": 1,
        "total": 1,
        "start": 0,
        "end": 0,
        "uri": f"/v2/Accounts/{ACCOUNT}{case.path}.json?Page=0&amp;PageSize=50",
        "next_page_uri": "",
    }


def answer(case: Case) -> Handler:
    """A mock platform answering the case's endpoint."""

    def handler(request: httpx.Request) -> httpx.Response:
        suffix = request.url.path.rsplit(".", 1)[-1]
        if suffix in {"txt", "csv", "xml"}:
            return httpx.Response(200, text=f"raw {suffix}")
        if case.listing:
            return json_response(200, page_body(case))
        return json_response(200, sample(case.model))

    return handler


def check_request(request: httpx.Request, case: Case, suffix: str | None = None) -> None:
    """The request has the documented method, path, parameters and credentials."""
    assert request.method == case.method
    assert request.url.path == f"/v2/Accounts/{ACCOUNT}{case.path}{suffix or case.suffix}"
    assert sorted(params_of(request)) == sorted(case.params)
    expected = base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    if request.method == "POST":
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"


def check_result(result: Any, case: Case) -> None:
    """The answer became the endpoint's model, with the sample's identity."""
    if case.text:
        assert result == "raw txt"
        return
    assert isinstance(result, case.model)
    body = sample(case.model)
    if "sid" in body:
        assert result.sid == body["sid"]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_sync_endpoint_sends_documented_request_and_returns_model(
    case: Case, seen: Seen, mock_transport: MakeTransport
) -> None:
    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=mock_transport(answer(case))) as client:
        result = resolve(client, case.call)(*case.args, **case.kwargs)
        items = list(result) if case.listing else [result]
    assert len(seen.requests) == 1
    check_request(seen.last, case)
    assert len(items) == 1
    check_result(items[0], case)


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_endpoint_sends_documented_request_and_returns_model(
    case: Case, seen: Seen, mock_transport: MakeTransport
) -> None:
    transport = mock_transport(answer(case))
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        call = resolve(client, case.call)(*case.args, **case.kwargs)
        items = [item async for item in call] if case.listing else [await call]
    assert len(seen.requests) == 1
    check_request(seen.last, case)
    assert len(items) == 1
    check_result(items[0], case)


@pytest.mark.parametrize("case", LISTINGS, ids=[case.id for case in LISTINGS])
def test_sync_list_page_returns_page_with_paging_fields(
    case: Case, seen: Seen, mock_transport: MakeTransport
) -> None:
    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=mock_transport(answer(case))) as client:
        page = resolve(client, f"{case.call}_page")(*case.args, **case.kwargs, page_size=50)
    check_request(
        seen.last, Case(**{**case.__dict__, "params": [*case.params, ("PageSize", "50")]})
    )
    assert isinstance(page, Page)
    assert (page.page, page.page_size, page.num_pages, page.total) == (0, 50, 1, 1)
    assert page.uri.endswith("?Page=0&PageSize=50")
    check_result(page.items[0], case)


@pytest.mark.anyio
@pytest.mark.parametrize("case", LISTINGS, ids=[case.id for case in LISTINGS])
async def test_async_list_page_and_text_views(
    case: Case, seen: Seen, mock_transport: MakeTransport
) -> None:
    transport = mock_transport(answer(case))
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        page = await resolve(client, f"{case.call}_page")(*case.args, **case.kwargs, page=0)
        text = await resolve(client, f"{case.call}_text")("xml", *case.args, **case.kwargs)
    assert isinstance(page, Page)
    check_result(page[0], case)
    assert text == "raw xml"
    check_request(seen.last, case, suffix=".xml")


@pytest.mark.parametrize("case", LISTINGS, ids=[case.id for case in LISTINGS])
def test_sync_list_text_returns_raw_csv(
    case: Case, seen: Seen, mock_transport: MakeTransport
) -> None:
    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=mock_transport(answer(case))) as client:
        text = resolve(client, f"{case.call}_text")("csv", *case.args, **case.kwargs)
    assert text == "raw csv"
    check_request(seen.last, case, suffix=".csv")


def _defined_endpoints(client: Client) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    stack: list[Any] = [value for value in vars(client).values() if isinstance(value, Resource)]
    while stack:
        resource = stack.pop()
        for klass in type(resource).__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, endpoint | listing):
                    found.add((type(resource).__name__, name))
        stack.extend(v for v in vars(resource).values() if isinstance(v, Resource))
    return found


def test_endpoint_table_covers_every_endpoint_of_the_client() -> None:
    with Client(ACCOUNT, TOKEN, base_url=BASE) as client:
        defined = _defined_endpoints(client)
        covered = set()
        for case in CASES:
            owner, _, name = case.call.rpartition(".")
            covered.add((type(resolve(client, owner)).__name__, name))
    assert covered == defined
    assert len(CASES) == len(defined) == 102


def test_an_endpoint_is_bound_once_per_client_and_keeps_its_docstring() -> None:
    with (
        Client(ACCOUNT, TOKEN, base_url=BASE) as first,
        Client(ACCOUNT, TOKEN, base_url=BASE) as second,
    ):
        assert first.calls.get is first.calls.get
        assert first.calls.get is not second.calls.get
        assert first.calls.list_page is first.calls.list_page
        assert (first.calls.get.__doc__ or "").startswith("Read one call.")


def test_byoc_add_sends_the_number_in_the_query_and_its_settings_in_the_form(
    mock_transport: MakeTransport, seen: Seen
) -> None:
    (case,) = [case for case in CASES if case.call == "byoc_numbers.add"]
    transport = mock_transport(answer(case))
    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        client.byoc_numbers.add(byoc_vendor="acme", phone_number="+4412345", sms_url="https://a")
    request = seen.last
    assert request.url.path.endswith("/Numbers/Byoc.json")
    assert request.url.params.multi_items() == [
        ("ByocVendor", "acme"),
        ("PhoneNumber", "+4412345"),
        ("Type", "local"),
    ]
    assert request.content == b"SmsUrl=https%3A%2F%2Fa"
