"""The auth token never shows in reprs, logs or exception messages."""

from __future__ import annotations

import base64
import logging
import traceback

import httpx
import pytest
from conftest import ACCOUNT, BASE, FAST, TOKEN, json_response

from webhooks.rest import AsyncClient, Client, RestError, UsageError
from webhooks.rest._config import Settings
from webhooks.rest._core import Op

CALL = "CA" + "1" * 32
SECRETS = (TOKEN, base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode())


def assert_secret_free(text: str) -> None:
    """Neither the token nor the encoded Basic credentials appear in ``text``."""
    for secret in SECRETS:
        assert secret not in text


def test_reprs_of_clients_resources_requests_and_settings_hide_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, {"sid": CALL})

    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=httpx.MockTransport(handler)) as client:
        client.calls.get(CALL)
        core = client._core
        op: Op[str] = Op("GET", f"/Calls/{CALL}", (), bytes.decode, True)
        texts = [
            repr(client),
            str(client),
            repr(client.calls),
            repr(client.sip.domains),
            repr(core),
            repr(core.settings),
            repr(op),
            repr(core.request(op)),
            repr(seen[0]),
            repr(seen[0].headers),
            repr(client.calls.list()),
        ]
    texts.append(repr(AsyncClient(ACCOUNT, TOKEN, base_url=BASE)))
    texts.append(repr(Settings(ACCOUNT, TOKEN, BASE)))
    for text in texts:
        assert_secret_free(text)
    assert ACCOUNT in texts[0]


@pytest.mark.parametrize("status", [401, 403, 404, 429, 500])
def test_error_messages_and_tracebacks_hide_the_token(status: int) -> None:
    transport = httpx.MockTransport(lambda request: json_response(status, {"message": "no"}))
    with (
        Client(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client,
        pytest.raises(RestError) as caught,
    ):
        client.sms.send(to="+1", from_="+2", body="x")
    assert_secret_free(str(caught.value))
    assert_secret_free(repr(caught.value))
    assert_secret_free("".join(traceback.format_exception(caught.value)))


def test_transport_error_messages_hide_the_token() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    transport = httpx.MockTransport(handler)
    with (
        Client(ACCOUNT, TOKEN, base_url=BASE, retry=FAST, transport=transport) as client,
        pytest.raises(RestError) as caught,
    ):
        client.calls.get(CALL)
    assert_secret_free("".join(traceback.format_exception(caught.value)))


def test_logs_of_requests_and_retries_hide_the_token(caplog: pytest.LogCaptureFixture) -> None:
    answers = iter([503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(next(answers), {"sid": CALL})

    transport = httpx.MockTransport(handler)
    with (
        caplog.at_level(logging.DEBUG),
        Client(ACCOUNT, TOKEN, base_url=BASE, retry=FAST, transport=transport) as client,
    ):
        client.calls.get(CALL)
    assert any(record.name == "webhooks.rest" for record in caplog.records)
    assert_secret_free(caplog.text)
    for record in caplog.records:
        assert_secret_free(record.getMessage())


def test_configuration_errors_hide_the_token() -> None:
    with pytest.raises(UsageError) as caught:
        Client(ACCOUNT, TOKEN, base_url="http://example.com/v2")
    assert_secret_free(str(caught.value))


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize(
    "url",
    [
        f"https://{ACCOUNT}:{TOKEN}@api-us.cpaas.avayacloud.com/v2",
        f"http://{ACCOUNT}:{TOKEN}@127.0.0.1:8000/v2",
        f"https://{TOKEN}@api.example.com/v2",
        f"http://user:{TOKEN}@example.com/v2",
        f"https://user:{TOKEN}@exa mple.com/v2",
        f"https://user:p@ss{TOKEN}@api.example.com/v2",
    ],
)
def test_credentials_in_base_url_are_refused_without_repeating_them(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UsageError, match="base_url") as caught:
        Client(ACCOUNT, TOKEN, base_url=url)
    assert_secret_free(str(caught.value))
    assert_secret_free("".join(traceback.format_exception(caught.value)))
    monkeypatch.setenv("CPAAS_BASE_URL", url)
    with pytest.raises(UsageError, match=r"credentials|valid URL") as caught:
        AsyncClient(ACCOUNT, TOKEN)
    assert_secret_free("".join(traceback.format_exception(caught.value)))


def test_a_proxy_url_with_credentials_that_is_invalid_is_refused_without_them() -> None:
    with pytest.raises(UsageError, match="proxy") as caught:
        Client(ACCOUNT, TOKEN, base_url=BASE, proxy=f"ftp://user:{TOKEN}@proxy.example:3128")
    assert_secret_free("".join(traceback.format_exception(caught.value)))
