"""Configuration: arguments, environment variables, regions, HTTPS enforcement, timeouts."""

from __future__ import annotations

import httpx
import pytest
from conftest import ACCOUNT, BASE, TOKEN, json_response
from rest_cases import sample

from webhooks.rest import REGIONS, AsyncClient, Call, Client, UsageError

CALL = "CA" + "1" * 32


@pytest.mark.usefixtures("clean_env")
def test_credentials_and_base_url_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CPAAS_ACCOUNT_SID", ACCOUNT)
    monkeypatch.setenv("CPAAS_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("CPAAS_BASE_URL", "http://localhost:9000/v2/")
    with Client() as client:
        assert client.account_sid == ACCOUNT
        assert client.base_url == "http://localhost:9000/v2"


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize("region", ["us", "eu", "sg", "EU"])
def test_region_selects_its_host(region: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Client(ACCOUNT, TOKEN, region=region) as client:
        assert client.base_url == REGIONS[region.lower()]
    monkeypatch.setenv("CPAAS_REGION", region)
    with Client(ACCOUNT, TOKEN) as client:
        assert client.base_url == REGIONS[region.lower()]


@pytest.mark.usefixtures("clean_env")
def test_default_region_is_us_and_arguments_win_over_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Client(ACCOUNT, TOKEN) as client:
        assert client.base_url == "https://api-us.cpaas.avayacloud.com/v2"
    monkeypatch.setenv("CPAAS_ACCOUNT_SID", "ACenv")
    monkeypatch.setenv("CPAAS_BASE_URL", "https://env.example/v2")
    with Client(ACCOUNT, TOKEN, region="eu") as client:
        assert client.account_sid == ACCOUNT
        assert client.base_url == REGIONS["eu"]


@pytest.mark.usefixtures("clean_env")
def test_missing_credentials_or_unknown_region_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="CPAAS_ACCOUNT_SID"):
        Client(auth_token=TOKEN)
    with pytest.raises(UsageError, match="CPAAS_AUTH_TOKEN"):
        Client(ACCOUNT)
    with pytest.raises(UsageError, match="region"):
        Client(ACCOUNT, TOKEN, region="mars")


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.com/v2",
        "http://10.0.0.1/v2",
        "ftp://127.0.0.1/v2",
        "/v2",
        "https://api.example.com/v2?x=1",
    ],
)
def test_plain_http_to_a_remote_host_is_refused(url: str) -> None:
    with pytest.raises(UsageError, match="base_url"):
        Client(ACCOUNT, TOKEN, base_url=url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/v2",
        "http://127.9.9.9/v2",
        "http://[::1]:8000/v2",
        "http://localhost/v2",
        "https://api.example.com/v2",
    ],
)
def test_https_or_loopback_http_is_accepted(url: str) -> None:
    with Client(ACCOUNT, TOKEN, base_url=url) as client:
        assert client.base_url == url


def test_per_call_timeout_overrides_the_client_default() -> None:
    timeouts: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        return json_response(200, sample(Call))

    transport = httpx.MockTransport(handler)
    with Client(ACCOUNT, TOKEN, base_url=BASE, timeout=4.0, transport=transport) as client:
        client.calls.get(CALL)
        client.calls.get(CALL, timeout=0.25)
        client.calls.get(CALL, timeout=httpx.Timeout(1.0, connect=2.0))
    assert timeouts[0] == {"connect": 4.0, "read": 4.0, "write": 4.0, "pool": 4.0}
    assert timeouts[1] == {"connect": 0.25, "read": 0.25, "write": 0.25, "pool": 0.25}
    assert timeouts[2] == {"connect": 2.0, "read": 1.0, "write": 1.0, "pool": 1.0}


@pytest.mark.anyio
async def test_async_client_takes_the_same_per_call_timeout() -> None:
    timeouts: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        return json_response(200, {"calls": [], "page": 0, "num_pages": 0})

    transport = httpx.MockTransport(handler)
    async with AsyncClient(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        assert [c async for c in client.calls.list(timeout=0.5)] == []
    assert timeouts == [{"connect": 0.5, "read": 0.5, "write": 0.5, "pool": 0.5}]


@pytest.mark.usefixtures("clean_env")
def test_the_legacy_zang_host_is_a_named_region() -> None:
    with Client(ACCOUNT, TOKEN, region="zang") as client:
        assert client.base_url == "https://api.zang.io/v2"


def test_the_references_printed_default_root_is_reachable_as_a_base_url() -> None:
    url = "https://api.cpaas.avayacloud.com.io/v2"
    with Client(ACCOUNT, TOKEN, base_url=url) as client:
        assert client.base_url == url


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize(
    "sid",
    [
        "AC123",
        "CA" + "0" * 32,
        "AC" + "g" * 32,
        "AC" + "0" * 33,
        " AC" + "0" * 32,
        "AC" + "0" * 31 + "/",
    ],
)
def test_an_account_sid_that_is_not_ac_and_32_hex_digits_is_refused(
    sid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UsageError, match=r"account_sid must be 'AC' followed by 32 hexadecimal"):
        Client(sid, TOKEN, base_url=BASE)
    monkeypatch.setenv("CPAAS_ACCOUNT_SID", sid)
    with pytest.raises(UsageError, match=r"got '") as caught:
        AsyncClient(auth_token=TOKEN, base_url=BASE)
    assert repr(sid) in str(caught.value)


def test_upper_case_hex_digits_make_a_valid_account_sid() -> None:
    sid = "AC" + "ABCDEF0123456789" * 2
    with Client(sid, TOKEN, base_url=BASE) as client:
        assert client.account_sid == sid


def test_deadline_must_be_positive() -> None:
    with pytest.raises(ValueError, match="deadline"):
        Client(ACCOUNT, TOKEN, base_url=BASE, deadline=0)


def test_default_timeouts_are_per_attempt_and_capped_by_the_deadline() -> None:
    timeouts: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        return json_response(200, sample(Call))

    transport = httpx.MockTransport(handler)
    with Client(ACCOUNT, TOKEN, base_url=BASE, transport=transport) as client:
        client.calls.get(CALL)
        client.calls.get(CALL, timeout=None)
    with Client(ACCOUNT, TOKEN, base_url=BASE, deadline=2.0, transport=transport) as client:
        client.calls.get(CALL)
    with Client(ACCOUNT, TOKEN, base_url=BASE, deadline=None, transport=transport) as client:
        client.calls.get(CALL, timeout=None)
    assert timeouts[0] == {"connect": 5.0, "read": 10.0, "write": 10.0, "pool": 10.0}
    assert timeouts[1] == {"connect": 30.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert timeouts[2] == {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}
    assert timeouts[3] == {"connect": None, "read": None, "write": None, "pool": None}
