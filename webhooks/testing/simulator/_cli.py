"""The ``call`` and ``explore`` subcommands of ``python -m webhooks``.

``call`` plays one call against an app and prints its transcript; without ``--press`` inputs
it is interactive and asks for keys at each Gather (empty line: let it time out). ``explore``
walks every branch and prints the problems and the flow (Mermaid, DOT or SVG).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from ._call import SimCall
from ._simulator import Simulator
from ._text import format_step, short_url

__all__ = [
    "add_call_arguments",
    "add_explore_arguments",
    "call_main",
    "explore_main",
    "format_step",
    "run_call",
    "run_explore",
]

BROKEN_PIPE = 141
"""The exit status a shell reports for a program ended by SIGPIPE (128 + 13), as ``yes | head``
ends ``yes``."""


def _load(target: str) -> Any:
    from webhooks._cli import load_app

    return load_app(target)


class _Printer:
    """Prints a call's new transcript lines, with what dialled parties heard in time order."""

    def __init__(self, call: SimCall, out: TextIO, origin: str = "") -> None:
        self.call, self.out, self.origin = call, out, origin
        self.shown = 0
        self.heard: dict[str, int] = {}

    def _legs_until(self, at: float) -> None:
        for leg in self.call.legs:
            done = self.heard.get(leg.sid, 0)
            for step in leg.transcript[done:]:
                if step.at > at:
                    break
                line = format_step(step, self.origin)
                print(f"{line[:10]}(to {leg.target}) {line[10:]}", file=self.out)
                done += 1
            self.heard[leg.sid] = done

    def flush(self) -> None:
        """Print the steps not printed yet."""
        for step in self.call.transcript[self.shown :]:
            self._legs_until(step.at)
            print(format_step(step, self.origin), file=self.out)
        self.shown = len(self.call.transcript)
        self._legs_until(self.call.clock)


def add_call_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``call`` (options may come before or after ``MODULE:app``)."""
    parser.add_argument("app", metavar="MODULE:APP", help="the ASGI app, e.g. examples.ivr:app")
    parser.add_argument("--path", default="/voice", help="the Voice URL path (default /voice)")
    parser.add_argument(
        "--press",
        action="append",
        default=None,
        metavar="KEYS",
        help="keys for a Gather (or a Dial with hangupOnStar/digitsMatch); repeat for each "
        "input; without --press the call is interactive",
    )
    parser.add_argument(
        "--from", dest="from_", default="+15550001111", metavar="NUMBER", help="the caller"
    )
    parser.add_argument("--to", default="+15552223333", metavar="NUMBER", help="the number called")


def call_main(argv: Sequence[str], stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """``python -m webhooks call MODULE:app [--path /voice] [--press KEYS]... [--from N --to N]``.

    Returns:
        0 when the call completed without notifications, 1 otherwise (141 if the output
        was closed early, e.g. by ``| head``).
    """
    parser = argparse.ArgumentParser(prog="python -m webhooks call")
    add_call_arguments(parser)
    return run_call(parser.parse_args(list(argv)), stdin, out)


def run_call(
    args: argparse.Namespace, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    """Play the call the parsed ``call`` arguments describe; see :func:`call_main`."""
    stdin, out = stdin or sys.stdin, out or sys.stdout
    app = _load(args.app)
    # The call goes on as the caller hears it; each failing handler is shown after it.
    with _quiet_app_log(), Simulator(app, raise_app_exceptions=False) as sim:
        return _quiet_on_broken_pipe(out, lambda: _play(sim, args, stdin, out))


def _quiet_on_broken_pipe(out: TextIO, work: Callable[[], int]) -> int:
    """Run ``work``; if the reader of ``out`` went away, stop without a traceback."""
    try:
        return work()
    except BrokenPipeError:
        if out is sys.stdout:
            # Python flushes stdout again at exit: point it at /dev/null so that fails quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        return BROKEN_PIPE


def _play(sim: Simulator, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    call = sim.call(args.path, from_=args.from_, to=args.to)
    printer = _Printer(call, out, sim.origin)
    printer.flush()
    presses = list(args.press) if args.press is not None else None
    while not call.ended and call.waiting_for is not None:
        kind = call.waiting_for
        if presses is not None:
            if kind in ("gather", "bridge") and presses:
                call.press(presses.pop(0))
            elif kind == "record":
                call.record(5)
            elif kind in ("gather", "bridge"):
                call.wait()
            else:
                call.hangup()
        else:
            print(f"? {call.describe()} (keys, empty to wait, q to hang up): ", end="", file=out)
            out.flush()
            line = stdin.readline()
            answer = line.strip()
            if not line:  # end of input: end the prompt's line as the terminal would
                print(file=out)
            if not line or answer == "q":
                call.hangup()
            elif kind in ("gather", "bridge") and answer:
                call.press(answer)
            elif kind == "record" and answer:
                call.record(5, key=answer[:1])
            elif kind in ("gather", "record", "bridge"):
                call.wait()
            else:
                call.hangup()
        printer.flush()
    for note in call.notifications:
        where = short_url(note.url, sim.origin)
        print(f"NOTIFICATION {note.code}: {note.message} ({where})", file=out)
    failed = 0
    for req in call.requests:
        error = req.app_error
        if error is None:
            continue
        failed += 1
        print(
            f"HANDLER FAILED {req.method} {short_url(req.url, sim.origin)}: "
            f"{type(error).__name__}: {error} (the caller heard the app's fallback document)",
            file=out,
        )
        print("".join(traceback.format_exception(error)).rstrip(), file=sys.stderr)
    out.flush()  # inside the broken-pipe guard
    return 1 if call.notifications or failed else 0


@contextlib.contextmanager
def _quiet_app_log() -> Iterator[None]:
    """Without logging configured, keep the app's tracebacks (one per failing request) off
    the terminal while exploring; a configured logging setup is left alone."""
    if logging.getLogger().handlers:
        yield
        return
    logger = logging.getLogger("webhooks")
    quiet = logging.NullHandler()
    logger.addHandler(quiet)
    try:
        yield
    finally:
        logger.removeHandler(quiet)


def add_explore_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``explore`` (options may come before or after ``MODULE:app``)."""
    parser.add_argument("app", metavar="MODULE:APP", help="the ASGI app, e.g. examples.ivr:app")
    parser.add_argument("--path", default="/voice", help="the Voice URL path (default /voice)")
    parser.add_argument("--depth", type=int, default=4, help="most inputs per branch (default 4)")
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg"),
        default="mermaid",
        help="the graph on stdout (default mermaid; svg needs Graphviz dot)",
    )


def explore_main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """``python -m webhooks explore MODULE:app [--path /voice] [--depth N] [--format F]``.

    Returns:
        0 without problems other than loops, 1 otherwise, 2 if SVG is asked and ``dot`` is
        not installed.
    """
    parser = argparse.ArgumentParser(prog="python -m webhooks explore")
    add_explore_arguments(parser)
    return run_explore(parser.parse_args(list(argv)), out)


def run_explore(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Explore the app the parsed ``explore`` arguments name; see :func:`explore_main`."""
    from ._explore import explore

    out = out or sys.stdout
    app = _load(args.app)
    with _quiet_app_log():  # failing handlers are listed as problems, each once
        graph = explore(app, path=args.path, depth=args.depth)
    for p in graph.problems:
        print(f"# {p.kind}: {p.message}", file=sys.stderr)
    for cycle in graph.repeats:
        print(f"# repeat: {cycle.message}", file=sys.stderr)
    print(
        f"# {len(graph.nodes)} nodes, {len(graph.edges)} edges, {graph.calls} calls",
        file=sys.stderr,
    )
    if args.format == "mermaid":
        text = graph.to_mermaid()
    elif args.format == "dot":
        text = graph.to_dot()
    else:
        dot = shutil.which("dot")
        if dot is None:
            print(
                "error: --format svg needs Graphviz 'dot' on PATH; use --format dot",
                file=sys.stderr,
            )
            return 2
        svg = subprocess.run(  # noqa: S603 - runs the dot binary found on PATH
            [dot, "-Tsvg"], input=graph.to_dot(), capture_output=True, text=True, check=True
        )
        text = svg.stdout

    def write() -> int:
        out.write(text)
        out.flush()
        return 1 if any(p.kind != "loop" for p in graph.problems) else 0

    return _quiet_on_broken_pipe(out, write)
