"""Authenticity checks (each off by default) and keeping secrets out of reprs and logs."""

from __future__ import annotations

import base64
import logging

import pytest
from webhook_support import ACCOUNT_SID, action_of, asgi_client, voice_params

from inboundxml import Gather, Response, Say
from webhooks import App, ConfigurationError, Secret, VoiceEvent
from webhooks.security import Security

pytestmark = pytest.mark.anyio
SECRET = "k9Xq-very-secret-token"
PASSWORD = "p4ss-w0rd-secret"


def app_with(**options: object) -> App:
    app = App(**options)  # type: ignore[arg-type]

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("hi"), action=welcome))

    return app


async def test_no_check_is_on_by_default() -> None:
    async with asgi_client(app_with()) as client:
        reply = await client.post("/voice", data=voice_params(AccountSid="AC" + "0" * 32))
    assert reply.status_code == 200


async def test_path_token_is_required_and_kept_in_generated_urls() -> None:
    app = app_with(token=SECRET)
    async with asgi_client(app) as client:
        ok = await client.post(f"/{SECRET}/voice", data=voice_params())
        missing = await client.post("/voice", data=voice_params())
        wrong = await client.post("/wrong-token/voice", data=voice_params())
        unknown = await client.post(f"/{SECRET}/nowhere", data=voice_params())
    assert ok.status_code == 200
    assert action_of(ok.content) == f"/{SECRET}/voice"
    assert (missing.status_code, wrong.status_code, unknown.status_code) == (403, 403, 404)
    assert SECRET not in missing.text + wrong.text


async def test_query_token_is_required_and_not_passed_to_the_event() -> None:
    seen: list[VoiceEvent] = []
    app = App(token=SECRET, token_in="query", token_param="key")

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        seen.append(call)
        return Response(Gather(action=welcome))

    async with asgi_client(app) as client:
        ok = await client.post(f"/voice?key={SECRET}", data=voice_params())
        body_only = await client.post("/voice", data={**voice_params(), "key": SECRET})
        wrong = await client.post("/voice?key=nope", data=voice_params())
    assert ok.status_code == 200
    assert seen[0].extra == {}
    assert action_of(ok.content) == f"/voice?key={SECRET}"
    assert (body_only.status_code, wrong.status_code) == (403, 403)


async def test_account_sid_must_match_when_configured() -> None:
    async with asgi_client(app_with(account_sid=ACCOUNT_SID)) as client:
        ok = await client.post("/voice", data=voice_params())
        other = await client.post("/voice", data=voice_params(AccountSid="AC" + "1" * 32))
    assert (ok.status_code, other.status_code) == (200, 403)
    assert other.text == "AccountSid does not match this application"


@pytest.mark.parametrize(
    ("authorization", "expected"),
    [
        (None, 401),
        ("Bearer abc", 401),
        ("Basic !!!not-base64", 401),
        ("Basic " + base64.b64encode(b"platform:wrong").decode(), 401),
        ("Basic " + base64.b64encode(b"other:" + PASSWORD.encode()).decode(), 401),
        ("Basic " + base64.b64encode(b"platform:" + PASSWORD.encode()).decode(), 200),
    ],
    ids=["missing", "bearer", "garbage", "wrong-password", "wrong-user", "right"],
)
async def test_basic_auth(authorization: str | None, expected: int) -> None:
    headers = {"authorization": authorization} if authorization else {}
    async with asgi_client(app_with(basic_auth=("platform", PASSWORD))) as client:
        reply = await client.post("/voice", data=voice_params(), headers=headers)
    assert reply.status_code == expected
    if expected == 401:
        assert reply.headers["www-authenticate"].startswith("Basic")


async def test_secrets_never_appear_in_reprs_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = app_with(token=SECRET, basic_auth=("platform", PASSWORD), account_sid=ACCOUNT_SID)
    async with asgi_client(app) as client:
        await client.post("/wrong/voice", data=voice_params())
        await client.post(f"/{SECRET}/voice", data=voice_params())
        auth = base64.b64encode(f"platform:{PASSWORD}".encode()).decode()
        await client.post(
            f"/{SECRET}/voice", data=voice_params(), headers={"authorization": f"Basic {auth}"}
        )
    logged = "".join(r.getMessage() for r in caplog.records if r.name.startswith("webhooks"))
    assert logged  # the rejections were logged, without the secrets
    shown = repr(app) + str(app.security) + repr(app.security.token) + logged
    assert SECRET not in shown
    assert PASSWORD not in shown
    assert repr(Secret(SECRET)) == "Secret('**********')"
    assert str(Secret(SECRET)) == "Secret('**********')"


def test_secret_compares_in_constant_time_helper() -> None:
    secret = Secret("abc")
    assert secret.matches("abc")
    assert secret.matches(b"abc")
    assert not secret.matches("abd")
    assert not secret.matches("")


@pytest.mark.parametrize(
    "options",
    [
        {"token": ""},
        {"token": "a/b"},
        {"token": "x", "token_in": "header"},
        {"trusted_proxies": ["not-an-ip"]},
        {"basic_auth": ("user", "")},
    ],
    ids=["empty-token", "slash-in-path-token", "bad-token-in", "bad-proxy", "empty-password"],
)
def test_bad_security_settings_are_configuration_errors(options: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        Security.build(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            {"x-forwarded-proto": "https", "x-forwarded-host": "a.example"},
            "https://a.example/voice",
        ),
        ({"x-forwarded-proto": "http, https"}, "https://testserver/voice"),
        ({"x-forwarded-host": "evil.example/path"}, "/voice"),
        ({"x-forwarded-proto": "gopher", "x-forwarded-host": "a.example"}, "/voice"),
    ],
    ids=["both", "proto-chain-last-wins", "host-with-path-refused", "bad-scheme-refused"],
)
async def test_forwarded_headers_from_any_trusted_peer(
    headers: dict[str, str], expected: str
) -> None:
    async with asgi_client(app_with(trusted_proxies="*")) as client:
        reply = await client.post("/voice", data=voice_params(), headers=headers)
    assert action_of(reply.content) == expected
