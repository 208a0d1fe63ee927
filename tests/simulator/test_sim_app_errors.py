"""A handler that fails fails the test: the simulator re-raises the app's exception."""

from __future__ import annotations

import io
import sys
import types
from typing import Any

import pytest

from inboundxml import Gather, Response, Say
from webhooks import App, GatherEvent, StatusEvent, VoiceEvent
from webhooks.errors import HandlerError
from webhooks.testing import Simulator
from webhooks.testing.simulator._cli import call_main


def crashing_app() -> App:
    app = App()

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1."), action=menu, num_digits=1))

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        raise ZeroDivisionError("the menu divides by zero")

    @app.voice("/none")
    async def nothing(call: VoiceEvent) -> Response:
        return None  # type: ignore[return-value]

    @app.voice("/bad-xml")
    async def bad_xml(call: VoiceEvent) -> str:
        return "<Response><Nope/></Response>"

    @app.status("/status")
    async def status(event: StatusEvent) -> None:
        raise KeyError("status store")

    return app


def test_a_handler_that_raises_fails_the_call_with_its_own_exception() -> None:
    sim = Simulator(crashing_app())
    call = sim.call("/voice")
    with pytest.raises(ZeroDivisionError, match="divides by zero") as info:
        call.press("1")
    [note] = info.value.__notes__
    assert "POST /menu (gather after press 1)" in note
    assert "SAY    Press 1." in note  # the transcript so far
    assert "http://testserver" not in note


def test_returning_none_or_invalid_markup_fails_with_a_handler_or_markup_error() -> None:
    sim = Simulator(crashing_app())
    with pytest.raises(HandlerError, match="returned None"):
        sim.call("/none")
    with pytest.raises(ValueError, match="Nope"):
        sim.call("/bad-xml")


def test_a_failing_status_callback_fails_the_test_too() -> None:
    sim = Simulator(crashing_app())
    with pytest.raises(KeyError, match="status store"):
        sim.call("/voice", status_callback="/status")


def test_without_raising_the_call_goes_on_with_the_fallback_and_keeps_the_error() -> None:
    sim = Simulator(crashing_app(), raise_app_exceptions=False)
    call = sim.call("/voice").press("1")
    assert call.status == "completed"
    assert call.said[-1].startswith("We are sorry, an application error has occurred")
    failed = call.requests[-1]
    assert isinstance(failed.app_error, ZeroDivisionError)
    assert call.requests[0].app_error is None


def test_an_asgi_app_that_raises_is_re_raised() -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            raise RuntimeError("raw ASGI failure")

    sim = Simulator(app)
    with pytest.raises(RuntimeError, match="raw ASGI failure"):
        sim.call("/voice")
    quiet = Simulator(app, raise_app_exceptions=False)
    call = quiet.call("/voice")
    assert call.requests[0].status == 500
    assert isinstance(call.requests[0].app_error, RuntimeError)


def test_the_call_command_shows_the_failing_handler_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = types.ModuleType("crashing_app_module")
    module.app = crashing_app()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crashing_app_module", module)
    out = io.StringIO()
    assert call_main(["crashing_app_module:app", "--press", "1"], out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[2] == "[   0.8s] SAY    We are sorry, an application error has occurred. Goodbye."
    assert lines[-1] == (
        "HANDLER FAILED POST /menu: ZeroDivisionError: the menu divides by zero "
        "(the caller heard the app's fallback document)"
    )
    assert 'raise ZeroDivisionError("the menu divides by zero")' in capsys.readouterr().err
