"""What recording costs the app: CPU time of the event loop's thread per webhook request, with
and without ``App(recorder=Recorder(...))``.

The request path only copies the request and answer bytes and queues them; a background thread
decodes, redacts, encodes and writes. Its work competes for the GIL, so the loop thread's time
includes that contention. Target: at most 15 µs more per request. Run with
``python benchmarks/recording.py`` from the repository root.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inboundxml import Hangup, Response, Say
from webhooks import App, Recorder, VoiceEvent

BODY = (
    b"CallSid=CA" + b"1" * 32 + b"&AccountSid=AC" + b"2" * 32 + b"&From=%2B15550001111"
    b"&To=%2B15552223333&CallStatus=ringing&Direction=inbound&ApiVersion=v2"
)


def make_app(recorder: Recorder | None) -> App:
    """A one-route app answering a short document."""
    app = App(recorder=recorder)

    @app.voice("/voice")
    async def voice(call: VoiceEvent) -> Response:
        return Response(Say("Hello"), Hangup())

    return app


async def per_request(app: App, n: int) -> float:
    """Seconds of this thread's CPU per request, after a warm-up."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/voice",
        "raw_path": b"/voice",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"ivr.example.com"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", str(len(BODY)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("ivr.example.com", 80),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": BODY, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        return None

    for _ in range(500):
        await app(dict(scope), receive, send)
    start = time.thread_time()
    for _ in range(n):
        await app(dict(scope), receive, send)
    return (time.thread_time() - start) / n


def main(n: int = 20_000) -> None:
    """Print both costs and the difference against the target."""
    with tempfile.TemporaryDirectory() as folder:
        plain = asyncio.run(per_request(make_app(None), n))
        recorder = Recorder(Path(folder) / "calls.jsonl", max_pending=10 * n)
        recorded = asyncio.run(per_request(make_app(recorder), n))
        recorder.close()
    extra = (recorded - plain) * 1e6
    print(
        f"webhook request: {plain * 1e6:.1f} µs, recorded: {recorded * 1e6:.1f} µs "
        f"(+{extra:.1f} µs on the event loop's thread; target <= +15 µs), "
        f"{recorder.dropped} dropped"
    )


if __name__ == "__main__":
    main()
