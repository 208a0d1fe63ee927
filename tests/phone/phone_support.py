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

from inboundxml import Dial, Gather, Hangup, Number, Pause, Play, Response, Say, Sms
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


async def beep(request: Request) -> HTTPResponse:
    """A tiny WAV file the app serves itself."""
    return HTTPResponse(BEEP, media_type="audio/wav")


def make_app() -> App:
    """The test app: a menu, a tour of the verbs, a Dial, a failing handler, a bad document."""
    app = App(
        routes=[Route("/bad", bad_document, methods=["GET", "POST"]), Route("/beep.wav", beep)]
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
