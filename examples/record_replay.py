"""Record an IVR's webhook traffic, then replay it against a changed IVR.

In production, give the app a recorder: every webhook request and its answer is appended to
``calls.jsonl`` (secrets redacted, rotated at 10 MiB)::

    app = App(recorder=Recorder("calls.jsonl"))

Later, ``python -m webhooks replay MODULE:app calls.jsonl`` sends every recorded request to
the current app and prints a document diff for each answer that changed (exit 1). This script
does both offline: it records three simulated calls of a small IVR, replays them against the
same IVR (no change), then against one whose sales prompt was reworded. Run it from the
repository root::

    python -m examples.record_replay
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from inboundxml import Dial, Gather, Hangup, Number, Redirect, Response, Say
from webhooks import App, GatherEvent, Recorder, VoiceEvent
from webhooks.testing import Simulator, replay


def make_app(sales_prompt: str, recorder: Recorder | None = None) -> App:
    """A two-level IVR whose sales menu says ``sales_prompt``."""
    app = App(recorder=recorder)

    @app.voice("/voice")
    async def welcome(call: VoiceEvent) -> Response:
        return Response(
            Gather(Say("For sales, press 1."), action=menu, num_digits=1, timeout=5),
            Say("Goodbye."),
            Hangup(),
        )

    @app.gather("/menu")
    async def menu(event: GatherEvent) -> Response:
        if event.digits != "1":
            return Response(Say("That is not a valid choice."), Redirect(event.url_for(welcome)))
        return Response(Gather(Say(sales_prompt), action=sales, num_digits=1), Hangup())

    @app.gather("/sales")
    async def sales(event: GatherEvent) -> Response:
        return Response(Dial(Number("+15550100001")))

    return app


def main() -> None:
    """Record three calls, replay them unchanged, then against the reworded IVR."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calls.jsonl"
        with Recorder(path) as recorder:
            sim = Simulator(make_app("Sales. Press 1 for a new order.", recorder))
            sim.call("/voice").press("1").press("1")
            sim.call("/voice").press("9")
            sim.call("/voice").wait()
        print(f"recorded {len(path.read_text().splitlines())} requests")
        same = replay(make_app("Sales. Press 1 for a new order."), path)
        print(f"same app: {len(same)} answers changed")
        changes = replay(make_app("Sales. New orders: press 1."), path)
        print(f"reworded app: {len(changes)} answers changed")
        for change in changes:
            print(change.report())


if __name__ == "__main__":
    main()
