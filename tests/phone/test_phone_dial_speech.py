"""The phone's JSON API, in-process: a line for every step, dialled legs, keys during a bridged
Dial, and speech at a Gather."""

from __future__ import annotations

import typing
from typing import Any

import httpx
import pytest
from phone_support import AGENT, LEG, REFER_TO

from inboundxml import Gather, GetSpeech
from webhooks.phone._steps import LINES, accepted_input, step_view
from webhooks.testing import (
    Answered,
    Dialed,
    Gathered,
    Pinged,
    Pressed,
    Recorded,
    Referred,
    SentDigits,
    SentMessage,
    Step,
    TalkedToAgent,
)

pytestmark = pytest.mark.anyio


async def start(client: httpx.AsyncClient, path: str) -> dict[str, Any]:
    answer = await client.post("/api/calls", json={"path": path})
    assert answer.status_code == 201, answer.text
    call: dict[str, Any] = answer.json()
    return call


async def act(client: httpx.AsyncClient, call: dict[str, Any], action: str, **body: Any) -> Any:
    answer = await client.post(f"/api/calls/{call['id']}/{action}", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def refused(
    client: httpx.AsyncClient, call: dict[str, Any], action: str, status: int, **body: Any
) -> str:
    answer = await client.post(f"/api/calls/{call['id']}/{action}", json=body)
    assert answer.status_code == status, answer.text
    message: str = answer.json()["error"]["message"]
    return message


def lines(call: dict[str, Any], kind: str) -> list[str]:
    return [step["text"] for step in call["steps"] if step["kind"] == kind]


def no_media(url: str) -> None:
    return None


# -- a line for every step ------------------------------------------------------------------


def test_every_step_type_of_the_simulator_has_its_own_line() -> None:
    """No step of the simulator falls back to the name-and-fields line of unknown kinds."""
    names = {kind.__name__ for kind in typing.get_args(Step)}
    assert names <= set(LINES), names - set(LINES)


@pytest.mark.parametrize(
    ("step", "kind", "text"),
    [
        (Pressed("12", ("12",)), "keys", "pressed 12 during the bridged call: matched 12"),
        (
            Pressed("9*", (), hung_up=True),
            "keys",
            "pressed 9* during the bridged call: the dialled call was hung up",
        ),
        (Pressed("5"), "keys", "pressed 5 during the bridged call"),
        (SentDigits("1w2", 0.5), "dtmf", "sent digits 1w2"),
        (Pinged("http://testserver/ping"), "ping", "pinged http://testserver/ping"),
        (Referred("sip:a@b", "failed"), "refer", "referred to sip:a@b: failed"),
        (TalkedToAgent("AG1", "completed", 12.0), "agent", "talked to agent AG1: completed (12 s)"),
        (TalkedToAgent("AG1", "failed", 0.0), "agent", "talked to agent AG1: failed"),
        (Answered(), "answer", "the call was answered"),
        (Gathered("", "sales"), "gather", 'said "sales"'),
        (Gathered(""), "gather", "pressed only the finish key"),
        (
            Dialed(("+1555",), "completed", 30.0, "CA1"),
            "dial",
            "dialled +1555: completed (30 s talking)",
        ),
        (
            Dialed(("+1555", "+1666"), "no-answer", 0.0, "CA1"),
            "dial",
            "dialled +1555, +1666: no-answer",
        ),
        (
            Recorded("http://testserver/r.wav", 4, transcription="call me"),
            "record",
            'recorded (4 s): "call me"',
        ),
        (
            SentMessage(
                "Mms", "+1", "+2", "hi", "MM1", media_url="http://x/y.png", status="failed"
            ),
            "mms",
            "to +1: hi [http://x/y.png] (failed)",
        ),
    ],
)
def test_step_lines(step: object, kind: str, text: str) -> None:
    view = step_view(step, no_media)
    assert (view.kind, view.text) == (kind, text)


async def test_answer_ping_agent_and_refer_steps_through_the_api(
    client: httpx.AsyncClient,
) -> None:
    call = await start(client, "/more")
    assert [(s["kind"], s["text"]) for s in call["steps"]] == [
        ("answer", "the call was answered"),
        ("ping", "pinged http://testserver/pinged"),
        ("agent", f"talked to agent {AGENT}: completed (30 s)"),
        ("refer", f"referred to {REFER_TO}: completed"),
        ("hangup", "call ended: completed (refer)"),
    ]
    assert call["doing"] == "the call has ended (completed) after Refer at Response/Refer[0]"
    assert call["legs"] == []


# -- dialled legs and keys during the bridge --------------------------------------------------


async def test_a_bridged_dial_shows_its_leg_and_waits_for_keys(client: httpx.AsyncClient) -> None:
    call = await start(client, "/bridge")
    assert call["waiting"] == "bridge"
    assert call["accepts"] == ["dtmf"]
    assert call["bridge"] == {"target": LEG, "hangup_on_star": True, "digits_match": ["12", "34"]}
    assert f"bridged to {LEG}" in call["doing"]
    [leg] = call["legs"]
    assert (leg["target"], leg["status"], leg["answered_by"]) == (LEG, "in-progress", "human")
    assert leg["digits_sent"] == "1w2"
    assert leg["said"] == ["A caller from the phone page."]
    assert [(s["kind"], s["text"]) for s in leg["steps"]] == [
        ("dtmf", "sent digits 1w2"),
        ("say", "A caller from the phone page."),
    ]
    assert lines(call, "dial") == []  # the Dial is still going on

    call = await act(client, call, "press", digits="12")
    assert lines(call, "keys") == ["pressed 12 during the bridged call: matched 12"]
    assert call["waiting"] == "bridge"
    reported = call["exchanges"][-1]
    assert reported["url"].endswith("/dial-callback")
    assert reported["params"]["Digits"] == "12"
    assert reported["params"]["DialCallStatus"] == "in-progress"

    call = await act(client, call, "press", digits="*")
    assert lines(call, "keys")[-1] == (
        "pressed * during the bridged call: the dialled call was hung up"
    )
    assert lines(call, "dial") == [f"dialled {LEG}: completed (0 s talking)"]
    assert lines(call, "say")[-1] == "Dial status completed."
    assert call["legs"][0]["status"] == "completed"
    assert call["bridge"] is None
    assert call["accepts"] == []


async def test_waiting_lets_the_bridged_call_run_on(client: httpx.AsyncClient) -> None:
    call = await start(client, "/bridge")
    began = call["clock"]
    call = await act(client, call, "wait", seconds=10)
    assert call["waiting"] == "bridge"
    assert call["clock"] == pytest.approx(began + 10)

    call = await act(client, call, "wait")
    assert lines(call, "dial") == [f"dialled {LEG}: completed (30 s talking)"]
    assert call["legs"][0]["status"] == "completed"
    assert call["ended"] is True


async def test_a_short_wait_keeps_the_gather_waiting(client: httpx.AsyncClient) -> None:
    call = await act(client, await start(client, "/voice"), "wait", seconds=2)
    assert call["waiting"] == "gather"
    assert lines(call, "gather") == []
    call = await act(client, call, "wait", seconds=5)  # the Gather's timeout
    assert lines(call, "gather") == ["no input: the Gather timed out"]


@pytest.mark.parametrize("seconds", [-1, 0, True, "5", 100_000])
async def test_wait_refuses_bad_seconds(client: httpx.AsyncClient, seconds: object) -> None:
    call = await start(client, "/bridge")
    assert "seconds must be" in await refused(client, call, "wait", 400, seconds=seconds)


async def test_a_dial_that_does_not_connect_has_a_leg_without_a_bridge(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post("/api/calls", json={"path": "/tour", "dial_outcome": "no-answer"})
    call = answer.json()
    [leg] = call["legs"]
    assert (leg["target"], leg["status"], leg["steps"]) == ("+15550100001", "no-answer", [])
    assert lines(call, "dial") == ["dialled +15550100001: no-answer"]


# -- speech ---------------------------------------------------------------------------------


async def test_say_a_phrase_at_a_gather_that_accepts_speech(client: httpx.AsyncClient) -> None:
    call = await start(client, "/speech")
    assert call["waiting"] == "gather"
    assert call["accepts"] == ["dtmf", "speech"]
    call = await act(client, call, "say", text="  sales  ")
    assert lines(call, "gather") == ['said "sales"']
    assert lines(call, "say")[-1] == "Connecting you to sales."
    sent = call["exchanges"][-1]["params"]
    assert (sent["SpeechResult"], sent["Digits"]) == ("sales", "")


async def test_keys_still_answer_a_speech_and_dtmf_gather(client: httpx.AsyncClient) -> None:
    call = await act(client, await start(client, "/speech"), "press", digits="4")
    assert lines(call, "say")[-1] == "Connecting you to key 4."


async def test_a_speech_only_gather_refuses_keys(client: httpx.AsyncClient) -> None:
    call = await start(client, "/speech-only")
    assert call["accepts"] == ["speech"]
    message = await refused(client, call, "press", 409, digits="1")
    assert "speech only" in message
    call = await act(client, call, "say", text="Ada")
    assert lines(call, "say")[-1] == "Connecting you to Ada."


@pytest.mark.parametrize(
    ("element", "accepts"),
    [
        (GetSpeech(grammar="http://example.com/yes-no.grxml"), ["dtmf", "speech"]),
        (Gather(input="speech dtmf"), ["dtmf", "speech"]),
        (Gather(input="speech"), ["speech"]),
        (Gather(), ["dtmf"]),
    ],
)
def test_what_a_waiting_gather_accepts(element: object, accepts: list[str]) -> None:
    """As the simulator takes them: a GetSpeech takes keys too (no ``input`` attribute)."""

    class Call:
        gather = element

    assert accepted_input(Call(), "gather") == accepts
    assert accepted_input(Call(), "conference") == []


async def test_speech_is_refused_where_nothing_listens_for_it(client: httpx.AsyncClient) -> None:
    call = await start(client, "/voice")
    assert call["accepts"] == ["dtmf"]
    assert "keys only" in await refused(client, call, "say", 409, text="sales")
    assert "empty" in await refused(client, call, "say", 400, text="   ")
    assert "longer than 500" in await refused(client, call, "say", 400, text="x" * 501)
    assert "must be a string" in await refused(client, call, "say", 400, text=5)
    bridged = await start(client, "/bridge")
    assert "no Gather" in await refused(client, bridged, "say", 409, text="hello")
