"""Conference ``waitUrl``/``waitSound``: fetched and played to callers waiting for the room."""

from __future__ import annotations

import pytest
from sim_apps import docs_app
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as HTTPResponse
from starlette.routing import Route

from webhooks.testing import Played, SimCall, SimRequest, SimulationError, Simulator, Spoke


def waits(call: SimCall) -> list[SimRequest]:
    return [r for r in call.requests if r.kind == "conference-wait"]


HOLD = "<Say>Please wait</Say><Play>https://cdn.example/m.mp3</Play>"


def test_the_wait_document_is_fetched_and_played_until_the_room_starts() -> None:
    sim = Simulator(
        docs_app(
            {
                "/v": '<Dial><Conference waitUrl="/hold" waitMethod="GET">room</Conference></Dial>',
                "/hold": HOLD,
            }
        ),
        audio_seconds={"https://cdn.example/m.mp3": 4},
    )
    first = sim.call("/v")
    (hold,) = waits(first)
    assert (hold.method, hold.url) == ("GET", "http://testserver/hold")
    room = sim.conference("room")
    assert hold.params["ConferenceSid"] == room.sid
    assert hold.params["FriendlyName"] == "room"
    assert hold.params["CallSid"] == first.sid
    assert first.waiting_for == "conference"
    assert first.clock == 4.8
    first.wait(10)  # the music again from 4.8; the Say begun at 14.4 plays to its end
    assert [
        (type(s).__name__, s.at) for s in first.transcript if isinstance(s, Spoke | Played)
    ] == [
        ("Spoke", 0.0),
        ("Played", 0.8),
        ("Spoke", 4.8),
        ("Played", 5.6),
        ("Spoke", 9.6),
        ("Played", 10.4),
        ("Spoke", 14.4),
    ]
    assert first.clock == pytest.approx(15.2)
    assert len(waits(first)) == 1  # fetched once, played again
    second = sim.call("/v")
    assert room.status == "in-progress"
    assert waits(second) == []
    assert second.said == []
    first.wait(30)
    assert first.said == ["Please wait"] * 4
    assert first.clock == pytest.approx(45.2)


def test_an_audio_wait_url_is_played_as_audio() -> None:
    sim = Simulator(
        docs_app(
            {"/v": '<Dial><Conference waitUrl="https://cdn.example/hold.mp3">r</Conference></Dial>'}
        )
    )
    call = sim.call("/v")
    assert call.transcript[-1] == Played("https://cdn.example/hold.mp3", 0.0)
    assert waits(call) == []


def test_an_app_answering_audio_is_played_too() -> None:
    async def voice(request: Request) -> HTTPResponse:
        xml = '<Response><Dial><Conference waitUrl="/music">r</Conference></Dial></Response>'
        return HTTPResponse(xml, media_type="text/xml")

    async def music(request: Request) -> HTTPResponse:
        return HTTPResponse(b"ID3", media_type="audio/mpeg")

    app = Starlette(
        routes=[Route("/v", voice, methods=["POST"]), Route("/music", music, methods=["POST"])]
    )
    call = Simulator(app).call("/v")
    assert call.transcript[-1] == Played("http://testserver/music", 0.0)
    assert call.codes() == []


def test_wait_sound_is_used_without_wait_url() -> None:
    sim = Simulator(
        docs_app(
            {
                "/v": '<Dial><Conference waitSound="/snd">r</Conference></Dial>',
                "/snd": "<Play>https://cdn.example/s.mp3</Play>",
            }
        )
    )
    call = sim.call("/v")
    assert [r.method for r in waits(call)] == ["POST"]
    assert call.transcript[-1] == Played("https://cdn.example/s.mp3", 0.0)


def test_gather_record_dial_in_a_wait_document_are_13238() -> None:
    sim = Simulator(
        docs_app(
            {
                "/v": '<Dial><Conference waitUrl="/hold">r</Conference></Dial>',
                "/hold": "<Gather/><Say>hold on</Say><Dial>+1555</Dial>",
            }
        )
    )
    call = sim.call("/v")
    assert call.codes() == [13238, 13238]
    assert call.notification(13238).message == (
        "Gather is not allowed in the document of Conference@waitUrl"
    )
    assert call.said == ["hold on"]
    call.wait(5)
    assert call.codes() == [13238, 13238]  # not again for the repeats


def test_a_verb_the_simulator_cannot_play_while_waiting_raises() -> None:
    sim = Simulator(
        docs_app(
            {
                "/v": '<Dial><Conference waitUrl="/hold">r</Conference></Dial>',
                "/hold": "<Redirect>/v</Redirect>",
            }
        )
    )
    with pytest.raises(SimulationError, match=r"^<Redirect> in the document of Conference@waitUrl"):
        sim.call("/v")


def test_no_wait_music_when_the_caller_starts_the_conference() -> None:
    sim = Simulator(
        docs_app(
            {
                "/v": '<Dial><Conference waitUrl="/hold" startConferenceOnEnter="true">r'
                "</Conference></Dial>",
                "/hold": HOLD,
            }
        )
    )
    call = sim.call("/v")
    assert waits(call) == []
    assert call.said == []
