"""The app's ASGI lifespan runs around the simulated calls, as under a server."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as HTTPResponse
from starlette.routing import Route

from webhooks.testing import SimulationError, Simulator, explore


class Resource:
    """Something an app opens at startup and closes at shutdown (a pool, a client...)."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.open = False


def resource_app(resource: Resource, *, fail: str = "") -> Starlette:
    """An app whose handler needs the resource its lifespan opens, and the lifespan state."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        if fail == "startup":
            raise RuntimeError("no database")
        resource.open = True
        resource.events.append("startup")
        yield {"greeting": "Hello from the lifespan"}
        resource.open = False
        resource.events.append("shutdown")
        if fail == "shutdown":
            raise RuntimeError("could not flush")

    async def voice(request: Request) -> HTTPResponse:
        if not resource.open:
            return HTTPResponse("closed", status_code=500)
        resource.events.append("request")
        text = request.state.greeting
        return HTTPResponse(f"<Response><Say>{text}</Say></Response>", media_type="text/xml")

    return Starlette(routes=[Route("/voice", voice, methods=["POST"])], lifespan=lifespan)


def test_startup_runs_before_the_first_call_and_shutdown_at_close() -> None:
    resource = Resource()
    sim = Simulator(resource_app(resource))
    assert resource.events == []
    call = sim.call("/voice")
    assert call.said == ["Hello from the lifespan"]
    assert call.codes() == []
    sim.call("/voice")
    assert resource.events == ["startup", "request", "request"]
    sim.close()
    assert resource.events == ["startup", "request", "request", "shutdown"]
    assert not resource.open


def test_context_manager_starts_on_entering_and_stops_on_leaving() -> None:
    resource = Resource()
    with Simulator(resource_app(resource)) as sim:
        assert resource.events == ["startup"]
        assert sim.call("/voice").said == ["Hello from the lifespan"]
    assert resource.events == ["startup", "request", "shutdown"]


def test_a_closed_simulator_starts_the_app_again_for_the_next_call() -> None:
    resource = Resource()
    sim = Simulator(resource_app(resource))
    sim.call("/voice")
    sim.close()
    assert sim.call("/voice").said == ["Hello from the lifespan"]
    sim.close()
    assert resource.events == ["startup", "request", "shutdown"] * 2


def test_failed_startup_raises_with_the_apps_message() -> None:
    sim = Simulator(resource_app(Resource(), fail="startup"))
    with pytest.raises(SimulationError) as info:
        sim.call("/voice")
    assert str(info.value) == "the app's lifespan startup failed: RuntimeError: no database"
    with (
        pytest.raises(SimulationError, match="startup failed"),
        Simulator(resource_app(Resource(), fail="startup")),
    ):
        pass  # pragma: no cover - entering fails


def test_failed_shutdown_raises_at_close() -> None:
    resource = Resource()
    sim = Simulator(resource_app(resource, fail="shutdown"))
    sim.call("/voice")
    with pytest.raises(SimulationError) as info:
        sim.close()
    assert str(info.value) == "the app's lifespan shutdown failed: RuntimeError: could not flush"


def test_an_app_without_lifespan_support_is_served_without_one() -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"  # raises for the lifespan scope, as many raw apps do
        await receive()
        body = b"<Response><Say>plain</Say></Response>"
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/xml")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    with Simulator(app) as sim:
        assert sim.call("/voice").said == ["plain"]


def test_explorer_runs_the_lifespan_around_its_calls() -> None:
    resource = Resource()
    graph = explore(resource_app(resource), path="/voice")
    assert graph.calls == 1
    assert resource.events == ["startup", "request", "shutdown"]


@pytest.mark.anyio
async def test_async_context_manager() -> None:
    resource = Resource()
    async with Simulator(resource_app(resource)) as sim:
        assert resource.events == ["startup"]
        call = await sim.call_async("/voice")
        assert call.said == ["Hello from the lifespan"]
    assert resource.events == ["startup", "request", "shutdown"]
