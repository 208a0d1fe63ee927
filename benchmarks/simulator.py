"""Simulator speed: a 5-step IVR call in-process, and the explorer on two IVRs.

Targets: at most 1 ms per simulated call (at least 1,000 calls/s on one core), the explorer on
``examples.ivr`` in at most 2 s, and on a generated IVR of 1,093 documents (a tree of menus six
levels deep, keys 1-3, other keys say goodbye) in at most 10 s, with the time per document
constant as the tree grows (measured at two sizes). Run with ``python -m benchmarks.simulator``
(or as a script from the repository root).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from examples.ivr import app as example_ivr
from inboundxml import Gather, Hangup, Record, Response, Say
from webhooks import App, GatherEvent, RecordEvent, VoiceEvent
from webhooks.testing import Simulator, explore

app = App()


@app.voice("/voice")
async def greeting(call: VoiceEvent) -> Response:
    """Step 1 and 2: the greeting and the main menu."""
    return Response(Say("Welcome."), Gather(Say("Press 1 for support."), action=menu, num_digits=1))


@app.gather("/menu")
async def menu(event: GatherEvent) -> Response:
    """Step 3: the sub-menu."""
    return Response(Gather(Say("Press 2 to leave a message."), action=sub, num_digits=1))


@app.gather("/sub")
async def sub(event: GatherEvent) -> Response:
    """Step 4: record a message."""
    return Response(Say("Speak after the beep."), Record(action=done, background=False))


@app.record("/done")
async def done(event: RecordEvent) -> Response:
    """Step 5: goodbye."""
    return Response(Say("Thanks."), Hangup())


def bench_calls(n: int = 3000) -> float:
    """Seconds per simulated 5-step call."""
    sim = Simulator(app)
    for _ in range(200):  # warm up
        sim.call("/voice").press("1").press("2").record(3)
    start = time.perf_counter()
    for _ in range(n):
        call = sim.call("/voice").press("1").press("2").record(3)
    elapsed = (time.perf_counter() - start) / n
    assert call.status == "completed", call.describe()
    assert call.said[-1] == "Thanks."
    return elapsed


def bench_explore() -> tuple[float, int]:
    """Seconds to explore the example IVR at depth 4, and the calls it simulated."""
    start = time.perf_counter()
    graph = explore(example_ivr, path="/voice", depth=4)
    return time.perf_counter() - start, graph.calls


def tree_ivr(levels: int) -> App:
    """An IVR of menus ``levels`` deep: keys 1-3 go one menu down (the last level's keys reach
    a leaf that says where it is and hangs up), other keys and the timeout say goodbye.

    It has (3**(levels + 1) - 1) / 2 menus and leaves, plus the goodbye document: 1,093 + 1
    documents at 6 levels.
    """
    tree = App()

    def menu_at(at: str) -> Response:
        return Response(
            Gather(
                Say(f"Menu {at or 'main'}. Press 1, 2 or 3."),
                action=f"/menu?at={at}",
                num_digits=1,
                timeout=3,
            ),
            Say("Goodbye."),
            Hangup(),
        )

    @tree.voice("/voice")
    async def root(call: VoiceEvent) -> Response:
        return menu_at("")

    @tree.gather("/menu")
    async def choose(event: GatherEvent) -> Response:
        at = str(event.extra.get("at", ""))
        if event.digits not in ("1", "2", "3"):
            return Response(Say("Goodbye."), Hangup())
        below = at + (event.digits or "")
        if len(below) == levels:
            return Response(Say(f"You reached {below}."), Hangup())
        return menu_at(below)

    return tree


def bench_explore_tree(levels: int) -> tuple[float, int, int]:
    """Seconds to explore the generated IVR of ``levels`` levels, its documents and calls."""
    tree = tree_ivr(levels)
    start = time.perf_counter()
    graph = explore(tree, path="/voice", depth=levels + 1)
    elapsed = time.perf_counter() - start
    assert not graph.problems, graph.problems[:3]
    documents = len([n for n in graph.nodes.values() if n.id != "end"])
    return elapsed, documents, graph.calls


def main() -> None:
    """Print the results against their targets."""
    per_call = bench_calls()
    rate = f"{per_call * 1000:.3f} ms/call, {1 / per_call:,.0f} calls/s"
    print(f"5-step IVR call: {rate} (target <= 1 ms)")
    seconds, calls = bench_explore()
    print(f"explore examples.ivr depth 4: {seconds:.3f} s, {calls} calls (target <= 2 s)")
    for levels in (5, 6):
        seconds, documents, calls = bench_explore_tree(levels)
        print(
            f"explore a generated IVR of {documents:,} documents: {seconds:.2f} s, "
            f"{documents / seconds:,.0f} documents/s, {calls:,} calls "
            f"({seconds / documents * 1000:.2f} ms/document; target <= 10 s at 1,094 documents)"
        )


if __name__ == "__main__":
    main()
