"""A small app with every kind of answer the phone shows, and a uvicorn server in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.requests import Request
from starlette.responses import Response as HTTPResponse
from starlette.routing import Route

from inboundxml import (
    Agent,
    Answer,
    Connect,
    Dial,
    Gather,
    Hangup,
    Number,
    Pause,
    Ping,
    Play,
    Refer,
    Response,
    Say,
    Sms,
)
from webhooks import App, DialEvent, GatherEvent, VoiceEvent

BAD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<Response>\n"
    '  <Gather numDigits="-3">\n'
    "    <Say>Pick one</Say>\n"
    "  </Gather>\n"
    "  <Shout>Hello</Shout>\n"
    "</Response>\n"
)
"""An invalid document: a bad ``numDigits`` (13314) and an unknown element."""

BEEP = (
    b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00"
    b"@\x1f\x00\x00\x01\x00\x08\x00data\x00\x00\x00\x00"
)


async def bad_document(request: Request) -> HTTPResponse:
    """Answer an invalid document, as a hand-written XML file would."""
    return HTTPResponse(BAD_DOCUMENT, media_type="application/xml")


LEG = "+15550100002"
"""The number the ``/bridge`` document dials (hangupOnStar, digitsMatch 12 and 34)."""
AGENT = "AG" + "0" * 32
"""The agent ``/more`` connects to."""
REFER_TO = "sip:desk@example.com"
"""Where ``/more`` refers the call."""


async def pinged(request: Request) -> HTTPResponse:
    """The ``<Ping>`` target: answers nothing."""
    return HTTPResponse(status_code=204)


async def beep(request: Request) -> HTTPResponse:
    """A tiny WAV file the app serves itself."""
    return HTTPResponse(BEEP, media_type="audio/wav")


def make_app() -> App:
    """The test app: a menu, a tour of the verbs, Dials, speech input, a failing handler, a bad
    document."""
    app = App(
        routes=[
            Route("/bad", bad_document, methods=["GET", "POST"]),
            Route("/beep.wav", beep),
            Route("/pinged", pinged, methods=["POST"]),
        ]
    )

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(
            Gather(Say("Welcome. For sales, press 1."), action=menu, num_digits=1, timeout=5),
            Say("Goodbye."),
            Hangup(),
        )

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        if event.digits == "1":
            return Response(
                Gather(Say("Sales. Enter your order number."), action=order, timeout=5),
                Hangup(),
            )
        return Response(Say("Not a valid choice."), Hangup())

    @app.gather("/order")
    async def order(event: GatherEvent) -> Response:
        return Response(Say(f"Order {event.digits}."), Hangup())

    @app.voice("/tour")
    async def tour(call: VoiceEvent) -> Response:
        return Response(
            Say("A tour."),
            Play("/beep.wav"),
            Play("https://media.example.com/far.mp3"),
            Pause(length=2),
            Sms("Thanks for calling", to=call.from_ or "", from_=call.to or ""),
            Dial(Number("+15550100001"), action=after_dial),
        )

    @app.dial("/after-dial")
    async def after_dial(event: DialEvent) -> Response:
        return Response(Say(f"Dial status {event.dial_call_status}."), Hangup())

    @app.voice("/speech")
    async def speech(call: VoiceEvent) -> Response:
        return Response(
            Gather(Say("Which department?"), action=department, input="speech dtmf", timeout=5),
            Hangup(),
        )

    @app.voice("/speech-only")
    async def speech_only(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Say a name."), action=department, input="speech"), Hangup())

    @app.gather("/department")
    async def department(event: GatherEvent) -> Response:
        heard = event.extra.get("SpeechResult") or f"key {event.digits}"
        return Response(Say(f"Connecting you to {heard}."), Hangup())

    @app.voice("/bridge")
    async def bridge(call: VoiceEvent) -> Response:
        return Response(
            Say("Connecting."),
            Dial(
                Number(LEG, send_digits="1w2", url=whisper),
                hangup_on_star=True,
                digits_match="12,34",
                callback_url=dial_callback,
                action=after_dial,
            ),
        )

    @app.voice("/whisper")
    async def whisper(call: VoiceEvent) -> Response:
        return Response(Say("A caller from the phone page."))

    @app.dial("/dial-callback")
    async def dial_callback(event: DialEvent) -> Response:
        return Response()

    @app.voice("/more")
    async def more(call: VoiceEvent) -> Response:
        return Response(
            Answer(),
            Ping("/pinged"),
            Connect(Agent(AGENT)),
            Refer(REFER_TO),
        )

    @app.voice("/boom")
    async def boom(call: VoiceEvent) -> Response:
        raise RuntimeError("the database is down")

    return app


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="phone-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the phone server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
