"""Error answers and transport failures become the documented exception classes."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from conftest import ACCOUNT, BASE, TOKEN, Handler, json_response

from inboundxml.errors import CPaaSError
from webhooks.rest import (
    ApiError,
    AsyncClient,
    AuthenticationError,
    Client,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    RateLimitError,
    RequestTimeout,
    RestError,
    RetryPolicy,
    ServerError,
    TransportError,
    UsageError,
)
from webhooks.rest._errorbody import parse_error_body

MakeTransport = Callable[[Handler], httpx.MockTransport]
CALL = "CA" + "1" * 32

XML_403 = (
    b"<Response><RestException><Status>403</Status><Message>Invalid credentials</Message>"
    b"<Code>10004</Code><MoreInfo>http://www.zang.io/docs/api/rest/overview/errors/10004"
    b"</MoreInfo></RestException></Response>"
)
JSON_400 = {
    "status": 400,
    "message": "Country could not be authorized",
    "code": 70001,
    "more_info": "https://www.telapi.com/docs/api/rest/overview/errors/70001",
}


def client_for(handler: Handler) -> Client:
    """A client without retries over a mock platform."""
    return Client(
        ACCOUNT,
        TOKEN,
        base_url=BASE,
        retry=RetryPolicy.never(),
        transport=httpx.MockTransport(handler),
    )


def test_json_error_body_gives_api_error_with_platform_fields() -> None:
    with (
        client_for(lambda request: json_response(400, JSON_400)) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.fraud.authorize("CU")
    error = caught.value
    assert type(error) is ApiError
    assert (error.status, error.code, error.message) == (400, 70001, JSON_400["message"])
    assert error.more_info == JSON_400["more_info"]
    assert error.method == "POST"
    assert error.url.endswith("/Fraud/Authorize/CU.json")


def test_xml_error_body_with_code_10004_gives_authentication_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, content=XML_403, headers={"content-type": "application/xml"})

    with client_for(handler) as client, pytest.raises(AuthenticationError) as caught:
        client.account.get()
    assert (caught.value.status, caught.value.code) == (403, 10004)
    assert caught.value.message == "Invalid credentials"
    assert caught.value.more_info.endswith("/errors/10004")


def test_http_401_gives_authentication_error_without_body() -> None:
    with (
        client_for(lambda request: httpx.Response(401)) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.account.get()
    assert caught.value.code is None
    assert caught.value.message == "Unauthorized"


def test_http_404_gives_not_found_error() -> None:
    body = {"status": 404, "code": 20404, "message": "Not found", "more_info": ""}
    with (
        client_for(lambda request: json_response(404, body)) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        client.calls.get(CALL)
    assert (caught.value.status, caught.value.code) == (404, 20404)


def test_http_429_gives_rate_limit_error_with_retry_after() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(429, {"status": 429, "message": "Slow down"}, {"Retry-After": "7"})

    with client_for(handler) as client, pytest.raises(RateLimitError) as caught:
        client.sms.send(to="+1555", from_="+1666", body="hi")
    assert caught.value.retry_after == 7.0
    assert caught.value.status == 429


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_http_5xx_gives_server_error(status: int) -> None:
    with (
        client_for(lambda request: httpx.Response(status, text="<html>oops</html>")) as client,
        pytest.raises(ServerError) as caught,
    ):
        client.calls.get(CALL)
    assert caught.value.status == status
    assert caught.value.code is None


def test_unreadable_success_body_gives_invalid_response_error() -> None:
    with (
        client_for(lambda request: httpx.Response(200, text="not json")) as client,
        pytest.raises(InvalidResponseError) as caught,
    ):
        client.calls.get(CALL)
    assert isinstance(caught.value.__cause__, ValueError)


def test_connection_failure_gives_network_error_wrapping_httpx() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with client_for(handler) as client, pytest.raises(NetworkError) as caught:
        client.calls.get(CALL)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert isinstance(caught.value, TransportError)
    assert caught.value.method == "GET"


def test_read_timeout_gives_request_timeout_wrapping_httpx() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with client_for(handler) as client, pytest.raises(RequestTimeout) as caught:
        client.calls.get(CALL)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


@pytest.mark.parametrize(
    "kind",
    [
        ApiError,
        AuthenticationError,
        NotFoundError,
        RateLimitError,
        ServerError,
        InvalidResponseError,
        NetworkError,
        RequestTimeout,
        UsageError,
    ],
)
def test_every_rest_error_shares_the_toolkit_root(kind: type[Exception]) -> None:
    assert issubclass(kind, RestError)
    assert issubclass(kind, CPaaSError)


def test_empty_sid_is_a_usage_error_and_sends_nothing() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    with client_for(handler) as client, pytest.raises(UsageError, match="call_sid"):
        client.calls.get("")
    assert sent == []


def test_buying_a_number_without_area_code_or_number_is_a_usage_error() -> None:
    with (
        client_for(lambda request: httpx.Response(200)) as client,
        pytest.raises(UsageError, match="area_code"),
    ):
        client.incoming_numbers.buy(voice_url="https://a/v")


def test_parse_error_body_reads_the_rest_exception_of_either_format() -> None:
    assert parse_error_body(XML_403)["code"] == 10004
    assert parse_error_body(b'{"RestException": {"Status": "400", "Code": "21"}}') == {
        "status": 400,
        "code": 21,
        "message": "",
        "more_info": "",
    }
    assert parse_error_body(b"<html/>")["status"] is None
    assert parse_error_body(b"<!DOCTYPE x [<!ENTITY e 'boom'>]><x>&e;</x>")["code"] is None


@pytest.mark.anyio
async def test_async_client_raises_the_same_error_classes() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, content=XML_403)

    transport = httpx.MockTransport(handler)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.calls.get(CALL)
    assert caught.value.code == 10004
