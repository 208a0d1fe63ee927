"""Malformed requests: every one is answered 4xx with a one-line reason, never 500."""

from __future__ import annotations

from collections.abc import AsyncIterator, MutableMapping
from typing import Any
from urllib.parse import urlencode

import anyio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from webhook_support import ACCOUNT_SID, CALL_SID, asgi_client, voice_params

from inboundxml import Response, Say
from webhooks import App, GatherEvent, RecordEvent, SmsEvent, StatusEvent, VoiceEvent

pytestmark = pytest.mark.anyio

FORM = "application/x-www-form-urlencoded"
GOOD = urlencode(voice_params()).encode()


def build_app() -> App:
    app = App(max_body_size=1024)

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        return Response(Say("hi"))

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        return Response(Say("menu"))

    @app.record("/recorded")
    async def recorded(event: RecordEvent) -> Response:
        return Response(Say("saved"))

    @app.sms("/sms")
    async def sms(message: SmsEvent) -> Response:
        return Response()

    @app.status("/status")
    async def status(event: StatusEvent) -> None:
        return None

    return app


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


# (id, method, path, headers, body, expected status)
CASES: list[tuple[str, str, str, dict[str, Any], Any, int]] = [
    (
        "wrong-content-type-json",
        "POST",
        "/voice",
        {"content-type": "application/json"},
        b'{"CallSid":"CA1"}',
        415,
    ),
    ("wrong-content-type-text", "POST", "/voice", {"content-type": "text/plain"}, GOOD, 415),
    (
        "wrong-content-type-multipart",
        "POST",
        "/voice",
        {"content-type": "multipart/form-data; boundary=x"},
        b"--x--",
        415,
    ),
    (
        "wrong-content-type-xml",
        "POST",
        "/voice",
        {"content-type": "application/xml"},
        b"<Response/>",
        415,
    ),
    ("missing-content-type", "POST", "/voice", {}, GOOD, 415),
    (
        "latin1-charset",
        "POST",
        "/voice",
        {"content-type": FORM + "; charset=iso-8859-1"},
        GOOD,
        415,
    ),
    (
        "non-ascii-content-type",
        "POST",
        "/voice",
        {"content-type": b"application/x-www-form-urlencoded; charset=\xe9"},
        GOOD,
        415,
    ),
    (
        "invalid-utf8-body",
        "POST",
        "/voice",
        {"content-type": FORM},
        GOOD + b"&CallerName=\xff\xfe",
        400,
    ),
    (
        "invalid-utf8-percent",
        "POST",
        "/voice",
        {"content-type": FORM},
        GOOD + b"&CallerName=%C3%28",
        400,
    ),
    (
        "overlong-utf8-percent",
        "POST",
        "/voice",
        {"content-type": FORM},
        GOOD + b"&CallerName=%C0%AF",
        400,
    ),
    ("truncated-percent", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=%4", 400),
    ("bare-percent", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=100%", 400),
    ("non-hex-percent", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=%zz", 400),
    ("signed-percent", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=%+1", 400),
    ("percent-in-key", "POST", "/voice", {"content-type": FORM}, GOOD + b"&Caller%GName=x", 400),
    ("nul-raw", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=a\x00b", 400),
    ("nul-escaped", "POST", "/voice", {"content-type": FORM}, GOOD + b"&CallerName=a%00b", 400),
    ("empty-key", "POST", "/voice", {"content-type": FORM}, GOOD + b"&=value", 400),
    ("too-many-fields", "GET", "/voice?" + "&".join(f"k{i}=v" for i in range(1001)), {}, None, 400),
    (
        "body-over-limit",
        "POST",
        "/voice",
        {"content-type": FORM},
        GOOD + b"&Pad=" + b"x" * 2048,
        413,
    ),
    (
        "declared-over-limit",
        "POST",
        "/voice",
        {"content-type": FORM, "content-length": "999999"},
        b"",
        413,
    ),
    (
        "streamed-over-limit",
        "POST",
        "/voice",
        {"content-type": FORM},
        chunks(GOOD, b"&Pad=" + b"x" * 700, b"y" * 700),
        413,
    ),
    (
        "bad-content-length",
        "POST",
        "/voice",
        {"content-type": FORM, "content-length": "ten"},
        b"",
        400,
    ),
    ("invalid-utf8-query", "GET", "/voice?CallerName=%FF", {}, None, 400),
    ("bad-percent-query", "GET", "/voice?CallSid=%G1", {}, None, 400),
    (
        "missing-callsid-voice",
        "POST",
        "/voice",
        {"content-type": FORM},
        urlencode({k: v for k, v in voice_params().items() if k != "CallSid"}).encode(),
        400,
    ),
    (
        "missing-accountsid-voice",
        "POST",
        "/voice",
        {"content-type": FORM},
        urlencode({k: v for k, v in voice_params().items() if k != "AccountSid"}).encode(),
        400,
    ),
    ("empty-post", "POST", "/voice", {}, b"", 400),
    ("empty-get", "GET", "/menu", {}, None, 400),
    ("gather-without-callsid", "GET", f"/menu?AccountSid={ACCOUNT_SID}&Digits=1", {}, None, 400),
    (
        "record-duration-not-int",
        "POST",
        "/recorded",
        {"content-type": FORM},
        urlencode(voice_params(RecordingDuration="ten")).encode(),
        400,
    ),
    (
        "record-duration-float",
        "POST",
        "/recorded",
        {"content-type": FORM},
        urlencode(voice_params(RecordingDuration="1.5")).encode(),
        400,
    ),
    ("sms-missing-body", "POST", "/sms", {"content-type": FORM}, b"From=%2B1555&To=%2B1666", 400),
    ("sms-missing-from", "POST", "/sms", {"content-type": FORM}, b"To=%2B1666&Body=hi", 400),
    (
        "status-without-callsid",
        "POST",
        "/status",
        {"content-type": FORM},
        b"CallStatus=completed",
        400,
    ),
    ("method-put", "PUT", "/voice", {"content-type": FORM}, GOOD, 405),
    ("method-delete", "DELETE", "/voice", {}, None, 405),
    ("method-patch", "PATCH", "/status", {"content-type": FORM}, GOOD, 405),
    ("json-on-voice-route", "POST", "/voice", {"content-type": "application/json"}, b"[]", 415),
]


@pytest.mark.parametrize(
    ("method", "path", "headers", "body", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
async def test_malformed_request_gets_4xx_with_one_line_reason(
    method: str, path: str, headers: dict[str, Any], body: Any, expected: int
) -> None:
    async with asgi_client(build_app()) as client:
        reply = await client.request(method, path, headers=headers, content=body)
    assert reply.status_code == expected, reply.text
    assert reply.headers["content-type"].startswith("text/plain")
    assert reply.text
    assert "\n" not in reply.text
    assert "Traceback" not in reply.text


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


async def test_well_formed_request_of_the_corpus_is_accepted() -> None:
    async with asgi_client(build_app()) as client:
        reply = await client.post("/voice", content=GOOD, headers={"content-type": FORM})
    assert reply.status_code == 200
    assert CALL_SID not in reply.text


FUZZ_APP = build_app()


@settings(max_examples=150, deadline=None)
@given(
    body=st.binary(max_size=300),
    query=st.binary(max_size=60),
    content_type=st.sampled_from([FORM, FORM + "; charset=utf-8", "text/plain", ""]),
    path=st.sampled_from(["/voice", "/menu", "/recorded", "/sms", "/status"]),
)
def test_arbitrary_bytes_never_get_a_server_error(
    body: bytes, query: bytes, content_type: str, path: str
) -> None:
    """Raw ASGI (no client-side URL checks): whatever the bytes, the answer is below 500."""
    headers = [(b"content-length", b"%d" % len(body))]
    if content_type:
        headers.append((b"content-type", content_type.encode()))
    scope = {
        "type": "http", "method": "POST", "path": path, "root_path": "", "scheme": "http",
        "query_string": query, "headers": headers, "client": ("127.0.0.1", 1),
    }  # fmt: skip
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    anyio.run(FUZZ_APP, scope, receive, send)
    assert len(statuses) == 1
    assert statuses[0] < 500
