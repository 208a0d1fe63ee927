"""The ASGI application: dispatch, parameters, URL resolution, failures and live-call control."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import MutableMapping
from typing import Any

import anyio
import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Route as StarletteRoute
from webhook_support import CALL_SID, action_of, asgi_client, voice_params

from inboundxml import Gather, Hangup, Redirect, Response, Say, parse
from webhooks import (
    AgentEvent,
    App,
    CallStatus,
    ConfigurationError,
    GatherEvent,
    HeartbeatEvent,
    RegistrationClosed,
    Router,
    SmsEvent,
    StatusEvent,
    VoiceEvent,
)

pytestmark = pytest.mark.anyio


def make_ivr() -> App:
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1"), action=menu, num_digits=1), Hangup())

    @app.gather("/menu")
    def menu(event: GatherEvent) -> Response:
        return Response(Say(f"You pressed {event.digits}"), Redirect(event.url_for(welcome)))

    return app


async def test_post_form_becomes_typed_event_and_document() -> None:
    seen: list[VoiceEvent] = []
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        seen.append(call)
        return Response(Say("Hello"))

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params(Custom="x"))
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/xml"
    assert parse(reply.content) == Response(Say("Hello"))
    event = seen[0]
    assert event.call_sid == CALL_SID
    assert event.call_status is CallStatus.IN_PROGRESS
    assert event.from_ == "+15550001111"
    assert event.extra == {"Custom": "x"}


async def test_get_query_string_is_accepted() -> None:
    app = make_ivr()
    async with asgi_client(app) as client:
        reply = await client.get("/menu", params=voice_params(Digits="7"))
    assert parse(reply.content).children[0] == Say("You pressed 7")


async def test_query_and_body_are_merged_and_body_wins() -> None:
    seen: list[GatherEvent] = []
    app = App()

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        seen.append(event)
        return Response()

    async with asgi_client(app) as client:
        await client.post("/menu?Digits=1&Tag=q", data=voice_params(Digits="2"))
    assert seen[0].digits == "2"
    assert seen[0].extra == {"Tag": "q"}


async def test_handler_given_as_url_renders_its_route_path() -> None:
    async with asgi_client(make_ivr()) as client:
        doc = (await client.post("/voice", data=voice_params())).content
        redirect = parse((await client.post("/menu", data=voice_params(Digits="1"))).content)
    assert action_of(doc) == "/menu"
    assert redirect.children[1] == Redirect("/voice")


async def test_handler_url_is_absolute_with_public_url_and_token() -> None:
    app = App(public_url="https://ivr.example.com/", token="s3cret")

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(action=welcome, num_digits=1))

    async with asgi_client(app) as client:
        doc = (await client.post("/s3cret/voice", data=voice_params())).content
    assert action_of(doc) == "https://ivr.example.com/s3cret/voice"


async def test_trusted_proxy_headers_give_the_public_url() -> None:
    app = App(trusted_proxies=["127.0.0.1"])

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(action=welcome))

    headers = {"x-forwarded-proto": "https", "x-forwarded-host": "ivr.example.com"}
    async with asgi_client(app) as client:
        trusted = (await client.post("/voice", data=voice_params(), headers=headers)).content
    assert action_of(trusted) == "https://ivr.example.com/voice"

    untrusted_app = App(trusted_proxies=["10.0.0.0/8"])
    untrusted_app.voice("/voice")(welcome)
    async with asgi_client(untrusted_app) as client:
        reply = await client.post("/voice", data=voice_params(), headers=headers)
    assert action_of(reply.content) == "/voice"


async def test_root_path_is_respected_when_mounted() -> None:
    app = make_ivr()
    async with asgi_client(app, root_path="/hooks") as client:
        reply = await client.post("/hooks/voice", data=voice_params())
    assert action_of(reply.content) == "/hooks/menu"


async def test_failing_handler_gets_safe_document_and_logged_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = App()

    @app.voice("/voice")
    async def broken(call: VoiceEvent) -> Response:
        raise RuntimeError("database down")

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert reply.status_code == 200
    doc = parse(reply.content)
    assert isinstance(doc.children[0], Say)
    assert doc.children[-1] == Hangup()
    assert "database down" not in reply.text
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert CALL_SID in record.getMessage()
    assert record.exc_info is not None


@pytest.mark.parametrize(
    "result",
    [None, "<Response><Dial><Gather/></Dial></Response>", b"not xml", {"not": "a doc"}, 42],
    ids=["none", "invalid-str", "bytes-not-xml", "dict", "int"],
)
async def test_wrong_return_value_gets_configured_fallback(result: Any) -> None:
    app = App(fallback=Response(Say("Custom fallback"), Hangup()))

    @app.voice("/voice")
    def wrong(call: VoiceEvent) -> Any:
        return result

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert parse(reply.content).children[0] == Say("Custom fallback")


@pytest.mark.parametrize("as_bytes", [False, True])
async def test_inboundxml_returned_as_text_is_validated_and_answered(as_bytes: bool) -> None:
    """A handler may return ``str(response)`` (or its bytes), as twilio-python users do."""
    document = Response(Say("Hello"), Hangup())
    text = str(document)

    app = App()

    @app.voice("/voice")
    def as_text(call: VoiceEvent) -> Any:
        return text.encode() if as_bytes else text

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert reply.status_code == 200
    assert parse(reply.content) == document


async def test_invalid_document_at_render_gets_fallback(caplog: pytest.LogCaptureFixture) -> None:
    from inboundxml import Dial

    app = App()

    @app.voice("/voice")
    async def incomplete(call: VoiceEvent) -> Response:
        return Response(Dial())  # no destination: rejected when rendered

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert parse(reply.content).children[-1] == Hangup()
    assert any("invalid document" in r.getMessage() for r in caplog.records)


async def test_sms_handler_failure_answers_without_voice_verbs() -> None:
    app = App()

    @app.sms("/sms")
    def broken(message: SmsEvent) -> Response:
        raise ValueError("boom")

    async with asgi_client(app) as client:
        reply = await client.post("/sms", data={"From": "+1555", "To": "+1666", "Body": "hi"})
    assert parse(reply.content) == Response()


async def test_notification_returning_none_is_answered_204() -> None:
    app = App()
    seen: list[StatusEvent] = []

    @app.status("/status")
    async def status(event: StatusEvent) -> None:
        seen.append(event)

    async with asgi_client(app) as client:
        reply = await client.post("/status", data=voice_params(CallStatus="completed"))
    assert reply.status_code == 204
    assert reply.content == b""
    assert "content-type" not in reply.headers
    assert "content-length" not in reply.headers
    assert seen[0].is_final


async def test_slow_handler_is_logged_as_warning(caplog: pytest.LogCaptureFixture) -> None:
    app = App(handler_budget=0.01)

    @app.voice("/voice")
    def slow(call: VoiceEvent) -> Response:
        time.sleep(0.03)
        return Response(Hangup())

    async with asgi_client(app) as client:
        await client.post("/voice", data=voice_params())
    warning = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert "slow" in warning.getMessage()
    assert CALL_SID in warning.getMessage()


async def test_sync_handlers_run_in_a_worker_thread_with_the_resolver() -> None:
    threads: list[int] = []
    app = App()

    @app.voice("/voice")
    def welcome(call: VoiceEvent) -> Response:
        threads.append(threading.get_ident())
        return Response(Gather(action=welcome))

    async with asgi_client(app) as client:
        doc = (await client.post("/voice", data=voice_params())).content
    assert threads[0] != threading.get_ident()
    assert action_of(doc) == "/voice"


async def test_router_is_included_with_prefix_and_resolves_urls() -> None:
    router = Router(prefix="/support")

    @router.voice("/start")
    async def start(call: VoiceEvent) -> Response:
        return Response(Gather(action=pressed))

    @router.gather("/pressed")
    async def pressed(event: GatherEvent) -> Response:
        return Response(Hangup())

    app = App()
    app.include(router, prefix="/v1")
    async with asgi_client(app) as client:
        doc = (await client.post("/v1/support/start", data=voice_params())).content
    assert action_of(doc) == "/v1/support/pressed"
    assert [r.path for r in app.routes] == ["/v1/support/start", "/v1/support/pressed"]


async def test_registration_closes_once_the_app_serves() -> None:
    app = make_ivr()
    router = Router()
    app.include(router)
    async with asgi_client(app) as client:
        await client.post("/voice", data=voice_params())
    with pytest.raises(RegistrationClosed, match="started serving"):
        app.voice("/late")(lambda call: None)
    with pytest.raises(RegistrationClosed):
        router.status("/late")(lambda event: None)


def test_decorators_return_the_function_unchanged_and_reject_bad_paths() -> None:
    app = App()

    def handler(call: VoiceEvent) -> Response:
        return Response()

    assert app.voice("/voice")(handler) is handler
    with pytest.raises(ConfigurationError, match="twice"):
        app.gather("/voice")(handler)
    with pytest.raises(ConfigurationError, match="start with"):
        app.voice("voice")(handler)
    with pytest.raises(ConfigurationError, match="unknown callback kind"):
        app.add_route("/x", handler, kind="fax")


async def test_unknown_path_is_404_and_extra_starlette_routes_are_served() -> None:
    async def health(request: Any) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = App(routes=[StarletteRoute("/health", health)])
    async with asgi_client(app) as client:
        assert (await client.get("/health")).text == "ok"
        assert (await client.post("/nowhere", data=voice_params())).status_code == 404


async def test_session_persists_across_requests_and_ends_with_the_call() -> None:
    app = App()

    @app.voice("/voice")
    async def count(call: VoiceEvent) -> Response:
        call.session["visits"] = call.session.get("visits", 0) + 1
        return Response(Say(str(call.session["visits"])))

    @app.status("/status")
    async def status(event: StatusEvent) -> None:
        return None

    async with asgi_client(app) as client:
        for expected in ("1", "2", "3"):
            doc = parse((await client.post("/voice", data=voice_params())).content)
            assert doc.children[0] == Say(expected)
        await client.post("/status", data=voice_params(CallStatus="completed"))
        doc = parse((await client.post("/voice", data=voice_params())).content)
    assert doc.children[0] == Say("1")


async def test_concurrent_requests_of_one_call_do_not_lose_updates() -> None:
    app = App()

    @app.heartbeat("/heartbeat")
    async def beat(event: HeartbeatEvent) -> None:
        value = event.session.get("n", 0)
        await anyio.sleep(0.001)  # let the other requests interleave
        event.session["n"] = value + 1

    @app.voice("/voice")
    async def show(call: VoiceEvent) -> Response:
        return Response(Say(str(call.session.get("n"))))

    async with asgi_client(app) as client:

        async def beat_once() -> None:
            assert (await client.post("/heartbeat", data=voice_params())).status_code == 204

        async with anyio.create_task_group() as tg:
            for _ in range(25):
                tg.start_soon(beat_once)
        doc = parse((await client.post("/voice", data=voice_params())).content)
    assert doc.children[0] == Say("25")


class FakeCalls:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, Any]]] = []

    def interrupt(self, call_sid: str, **options: Any) -> str:
        self.requests.append(("interrupt", call_sid, options))
        return "interrupted"

    def send_digits(self, call_sid: str, **options: Any) -> str:
        self.requests.append(("send_digits", call_sid, options))
        return "sent"


class FakeClient:
    def __init__(self) -> None:
        self.calls = FakeCalls()


class FakeAsyncCalls(FakeCalls):
    async def interrupt(self, call_sid: str, **options: Any) -> str:  # type: ignore[override]
        await anyio.sleep(0)
        return FakeCalls.interrupt(self, call_sid, **options)


class FakeAsyncClient:
    def __init__(self) -> None:
        self.calls = FakeAsyncCalls()


async def test_live_call_control_through_an_async_client() -> None:
    client = FakeAsyncClient()
    app = App(client=client, public_url="https://ivr.example.com")

    @app.heartbeat("/heartbeat")
    async def beat(event: HeartbeatEvent) -> None:
        await event.interrupt(url=goodbye, method="POST")

    @app.voice("/goodbye")
    async def goodbye(call: VoiceEvent) -> Response:
        return Response(Hangup())

    async with asgi_client(app) as http:
        assert (await http.post("/heartbeat", data=voice_params())).status_code == 204
    assert client.calls.requests == [
        ("interrupt", CALL_SID, {"url": "https://ivr.example.com/goodbye", "method": "POST"})
    ]


async def test_live_call_control_through_a_sync_client() -> None:
    client = FakeClient()
    app = App(client=client)
    results: list[Any] = []

    @app.gather("/menu")
    def menu(event: GatherEvent) -> Response:
        results.append(event.send_digits("1w2", direction="out"))
        results.append(event.hangup())
        return Response()

    async with asgi_client(app) as http:
        await http.post("/menu", data=voice_params(Digits="9"))
    assert results == ["sent", "interrupted"]
    assert client.calls.requests == [
        ("send_digits", CALL_SID, {"play_dtmf": "1w2", "play_dtmf_direction": "out"}),
        ("interrupt", CALL_SID, {"status": "completed"}),
    ]


async def test_live_call_control_without_client_is_a_configuration_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        call.hangup()
        return Response()

    async with asgi_client(app) as client:
        reply = await client.post("/voice", data=voice_params())
    assert parse(reply.content).children[-1] == Hangup()
    assert any("App(client=...)" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    with pytest.raises(ConfigurationError, match="client"):
        VoiceEvent.from_params(voice_params()).hangup()


async def test_lifespan_closes_registration_and_the_store() -> None:
    app = make_ivr()
    closed: list[bool] = []

    async def aclose() -> None:
        closed.append(True)

    app.sessions.aclose = aclose  # type: ignore[method-assign]
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    await app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert closed == [True]
    with pytest.raises(RegistrationClosed):
        app.voice("/late")(lambda call: None)


async def test_agent_callbacks_accept_json_bodies() -> None:
    seen: list[AgentEvent] = []
    app = App()

    @app.agent_event("/agent/events")
    async def agent_event(event: AgentEvent) -> None:
        seen.append(event)

    async with asgi_client(app) as client:
        reply = await client.post(
            "/agent/events",
            json={"CallSid": CALL_SID, "event": "onAgentRespond", "parameters": {"a": 1}},
        )
    assert reply.status_code == 204
    assert seen[0].call_sid == CALL_SID
    assert seen[0].extra == {"event": "onAgentRespond", "parameters": '{"a":1}'}


async def test_handle_is_the_http_free_core() -> None:
    app = make_ivr()
    route = next(r for r in app.routes if r.path == "/menu")
    status, body = await app.handle(route, GatherEvent.from_params(voice_params(Digits="4")))
    assert status == 200
    assert parse(body).children[0] == Say("You pressed 4")
