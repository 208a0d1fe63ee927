"""Walk every branch of an IVR with the simulator and draw its flow.

::

    from webhooks.testing import explore

    graph = explore(app, path="/voice", depth=4)
    assert not graph.problems
    print(graph.to_mermaid())

Every ``@app.voice`` route of a ``webhooks.App`` is an entry point (the Voice URL of some
number): the explorer starts from ``path`` and then from each of the others. Each branch
continues from a fork of the call waiting at the Gather or Record it branches at
(:meth:`SimCall.fork`; a ``webhooks.App``'s session is copied to the fork), so the cost grows
with the documents, not with their depth; ``fork=False``, and any branch at a Dial or a
conference, replays the inputs from a fresh call instead. At every Gather
the explorer tries each key the Gather accepts (``0``-``9``, ``*``, ``#``; with ``numDigits``
greater than 1 the key repeated, otherwise the key followed by ``finishOnKey``) and the
timeout; at a foreground Record a recording and silence; at every Dial the outcomes
``answered``, ``busy``, ``no-answer`` and ``failed``, and during a Dial that listens for keys
``*`` (``hangupOnStar``), each ``digitsMatch`` pattern and the end of the conversation. Nodes
are distinct documents (path and content), edges the requests between them, labelled with the
input that led there. Handlers run with ``raise_app_exceptions=False``: one that fails is a
``failing`` problem naming its route and the inputs that led there.

A call that comes back to a document it already had is going around a cycle. The explorer
replays it around the cycle :data:`ROUNDS` more times: if every round requests the same URLs
with the same parameters and gets the same documents, nothing in the app's state changes and
the cycle is reported as a ``loop`` problem (the caller can go round it forever). A cycle the
app leaves, or that changes as it goes (a retry counter in the session), is a ``repeat``.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from webhooks.sessions import SessionStore

from ._call import SimCall
from ._explore_checks import (
    ENTRY_KINDS,
    RouteTable,
    digest,
    failure,
    is_document,
    label,
    request_problems,
)
from ._explore_graph import FlowCycle, FlowEdge, FlowGraph, FlowNode, FlowProblem
from ._explore_inputs import FORKABLE, OUTCOMES, Action, Plan, act, options
from ._model import Dialed, DialStatus, HungUp, SimRequest, SimulationError
from ._simulator import Simulator
from ._text import short_url
from ._transport import Runner
from ._watch import unwatched

__all__ = ["ROUNDS", "FlowCycle", "FlowEdge", "FlowGraph", "FlowNode", "FlowProblem", "explore"]

ROUNDS = 3
"""How many more times the explorer goes around a cycle to tell a loop from a repeat."""


class _Explorer:
    def __init__(self, sim: Simulator, app: Any, fork: bool) -> None:
        self.sim, self.path, self.fork = sim, "", fork
        self.routes = RouteTable.of(app)
        store = getattr(app, "sessions", None)
        self.sessions = store if isinstance(store, SessionStore) else None
        self.graph = FlowGraph()
        self._ids: dict[tuple[str, str], str] = {}
        self._edges: set[FlowEdge] = set()
        self._cycles: set[tuple[str, ...]] = set()
        self._snapshots: dict[tuple[tuple[Action, ...], Plan], tuple[SimCall, list[int]]] = {}
        self.visited_paths: set[str] = set()
        self._reported: set[tuple[str, str, str]] = set()
        self.stuck: dict[int, str] = {}
        """Why a call of the walk could not go on (an endless chain of documents), by call."""

    def start(self, path: str) -> None:
        """Explore from the entry point ``path`` next."""
        self.path = path
        self._snapshots.clear()

    def node(self, path: str, body: bytes, text: str, codes: tuple[int, ...] = ()) -> str:
        key = (path, digest(body))
        if key not in self._ids:
            nid = f"n{len(self._ids) + 1}"
            self._ids[key] = nid
            self.graph.nodes[nid] = FlowNode(nid, path, text, codes, key[1])
        return self._ids[key]

    def edge(self, source: str, target: str, text: str) -> None:
        e = FlowEdge(source, target, text)
        if e not in self._edges:
            self._edges.add(e)
            self.graph.edges.append(e)

    def _resume(self, actions: tuple[Action, ...], plan: Plan) -> tuple[SimCall, list[int], int]:
        """A call that has had the longest prefix of ``actions`` already played (a fork of a
        snapshot), its request marks, and how many of the actions it has had."""
        if self.fork:
            for k in range(len(actions) - 1, 0, -1):
                for j in range(len(plan), -1, -1):
                    snap = self._snapshots.get((actions[:k], plan[:j]))
                    if snap is not None:
                        call = snap[0].fork()
                        self._copy_session(snap[0], call)
                        self.sim.script_next_dials(plan[j:])
                        return call, list(snap[1]), k
        self.sim.script_next_dials(plan)
        try:
            call = self.sim.call(self.path)
        except SimulationError as exc:  # documents that redirect to one another forever
            call = self.sim.calls[-1]
            self.stuck[id(call)] = str(exc)
        return call, [len(call.requests)], 0

    def _copy_session(self, source: SimCall, twin: SimCall) -> None:
        if self.sessions is not None:
            Runner().run(_copy_session(self.sessions, source.sid, twin.sid))

    def play(self, actions: tuple[Action, ...], plan: Plan) -> tuple[SimCall, list[int]]:
        """One call with these inputs; also how many requests it had made after each input."""
        call, marks, done = self._resume(actions, plan)
        for action in actions[done:]:
            if call.ended or id(call) in self.stuck:
                break
            try:
                act(call, action)
            except SimulationError as exc:  # documents that redirect to one another forever
                self.stuck[id(call)] = str(exc)
            marks.append(len(call.requests))
        self.graph.calls += 1
        if id(call) in self.stuck:
            return call, marks
        if self.fork and call.waiting_for in FORKABLE and len(marks) == len(actions) + 1:
            dials = len(call.steps(Dialed))
            if dials <= len(plan):
                self._snapshots.setdefault((actions, plan[:dials]), (call, marks))
        return call, marks

    def replay(self, actions: tuple[Action, ...], plan: Plan) -> tuple[SimCall, str]:
        call, marks = self.play(actions, plan)
        current, visits = self.record(call)
        stuck = self.stuck.pop(id(call), None)
        if stuck is not None:
            self.problem("loop", current, stuck)
            return call, ""
        self.cycles(call, actions, plan, marks, visits)
        return call, current

    def record(self, call: SimCall) -> tuple[str, list[tuple[int, str]]]:
        """Add the call's documents and transitions; return its last node and the nodes it
        visited, with the index of the request that fetched each."""
        origin = self.sim.origin
        current, referrer = "", ""
        inputs: list[str] = []
        visits: list[tuple[int, str]] = []
        for index, req in enumerate(call.requests):
            if req.trigger:
                inputs.append(req.trigger)
            if not is_document(req):
                if req.app_error is not None and current:
                    self._problems(call, req, referrer, inputs, current)
                continue
            path = short_url(req.url, origin).split("?")[0]
            self.visited_paths.add(path)
            notes = [n for n in call.notifications if n.url == req.url]
            failed = failure(req, notes)
            if failed is None:
                assert req.document is not None  # noqa: S101 - failure() says it ran
                target = self.node(path, req.body, label(path, req.document))
            else:  # no document, or one whose verb refused to run
                codes = tuple(n.code for n in failed)
                listed = ", ".join(str(c) for c in codes) or "no answer"
                text = "no route" if req.status == 404 else f"error {listed}"
                target = self.node(path, req.body, f"{path}: {text}", codes)
            self._problems(call, req, referrer, inputs, target)
            if current:
                self.edge(current, target, req.trigger or req.kind)
            current, referrer = target, path
            visits.append((index, target))
        if call.ended and current:
            end = next((s for s in reversed(call.transcript) if isinstance(s, HungUp)), None)
            self.graph.nodes.setdefault("end", FlowNode("end", "", "call ends"))
            self.edge(current, "end", end.reason if end else "end")
            if end and end.reason == "end of document":
                tag = end.where.rsplit("/", 1)[-1].split("[")[0]
                if tag in ("Say", "Play", "Pause", "Gather", "GetSpeech", "PlayLastRecording"):
                    path = self.graph.nodes[current].url
                    self.problem(
                        "dead-end", current, f"{path}: the call falls off the document after {tag}"
                    )
        return current, visits

    def _problems(
        self, call: SimCall, req: SimRequest, referrer: str, inputs: list[str], node: str
    ) -> None:
        notes = [n for n in call.notifications if n.url == req.url]
        steps = [f"call {self.path}", *inputs]
        found = request_problems(req, referrer, steps, notes, self.routes, self.sim.origin)
        for kind, message, codes in found:
            same = (kind, node, message.split(" (after ")[0])  # one input that led there is enough
            if same not in self._reported:
                self._reported.add(same)
                self.problem(kind, node, message, codes)

    def cycles(
        self,
        call: SimCall,
        actions: tuple[Action, ...],
        plan: Plan,
        marks: list[int],
        visits: list[tuple[int, str]],
    ) -> None:
        """Report each cycle in the call's path (once): a loop if it is endless, else a repeat."""
        last: dict[str, int] = {}
        for pos, (_, node) in enumerate(visits):
            start = last.get(node)
            last[node] = pos
            if start is None:
                continue
            nodes = tuple(n for _, n in visits[start : pos + 1])
            key = _rotation(nodes[:-1])
            if key in self._cycles:
                continue
            self._cycles.add(key)
            paths = " -> ".join(self.graph.nodes[n].url for n in nodes)
            message = f"{paths} ({' -> '.join(nodes)})"
            if self.endless(call, actions, plan, marks, visits[start][0], visits[pos][0]):
                self.problem("loop", node, message)
            else:
                self.graph.repeats.append(FlowCycle(nodes, message))

    def endless(
        self,
        call: SimCall,
        actions: tuple[Action, ...],
        plan: Plan,
        marks: list[int],
        first: int,
        again: int,
    ) -> bool:
        """Whether the cycle between requests ``first`` and ``again`` (same document) is
        endless: going round it :data:`ROUNDS` more times requests the same URLs with the same
        parameters and gets the same documents every round. (The first round is not compared:
        the call may have entered the cycle another way.)"""
        begin, end = _inputs_before(marks, first), _inputs_before(marks, again)
        segment = actions[begin:end]
        if not segment:  # the app went round without input and came out by itself
            return False
        size = sum(1 for r in call.requests[first:again] if is_document(r))
        probe, _ = self.play((*actions[:end], *segment * ROUNDS), plan)
        self.stuck.pop(id(probe), None)
        more = [_signature(r) for r in probe.requests[again:] if is_document(r)]
        rounds = [more[k * size : (k + 1) * size] for k in range(ROUNDS)]
        return len(more) >= size * ROUNDS and all(r == rounds[0] for r in rounds)

    def problem(self, kind: str, node: str, message: str, codes: tuple[int, ...] = ()) -> None:
        p = FlowProblem(kind, node, message, codes)
        if p not in self.graph.problems:
            self.graph.problems.append(p)


async def _copy_session(store: SessionStore, source: str, target: str) -> None:
    """Give the call ``target`` a copy of the session of ``source`` (a fork's session)."""
    data = await store.load(source)
    if data is None:
        return
    token = await store.acquire(target)
    try:
        await store.save(target, data, token)
    finally:
        await store.release(target, token)


def _inputs_before(marks: list[int], request: int) -> int:
    """How many inputs the call had been given when it made request number ``request``."""
    return next((k for k, made in enumerate(marks) if made > request), len(marks))


def _signature(req: SimRequest) -> tuple[object, ...]:
    """What must be equal for two rounds of a cycle to be the same: the URL, the parameters
    (without Sids and URLs, new on every recording or dialled call) and the answer."""
    params = sorted(
        (k, v) for k, v in req.params.items() if not k.endswith(("Sid", "Url", "UrlBase"))
    )
    return req.method, req.url, tuple(params), req.status, req.body


def _rotation(cycle: tuple[str, ...]) -> tuple[str, ...]:
    """The cycle started at its smallest node, so each cycle is reported once."""
    at = cycle.index(min(cycle))
    return cycle[at:] + cycle[:at]


def explore(
    app: Any,
    path: str = "/voice",
    depth: int = 4,
    *,
    max_calls: int = 5000,
    fork: bool = True,
) -> FlowGraph:
    """Walk every branch of the IVR at ``path`` (and the app's other Voice URLs) up to
    ``depth`` inputs; return its flow.

    Args:
        app: The ASGI app (or a :class:`Simulator` already configured).
        path: The Voice URL path explored first.
        depth: Most inputs (key presses, timeouts, recordings) per branch.
        max_calls: Safety bound on simulated calls.
        fork: Continue each branch from a fork of the call where it branches (the default);
            ``False`` replays every branch from a fresh call, for an app that keeps per-call
            state other than a ``webhooks.App`` session.

    Example:
        >>> graph = explore(app)
        >>> assert not graph.problems, graph.problems
        >>> print(graph.to_mermaid())
    """
    if isinstance(app, Simulator):
        raising, app.raise_app_exceptions = app.raise_app_exceptions, False
        try:
            with unwatched():
                return _explore(app, app, path, depth, max_calls, fork)
        finally:
            app.raise_app_exceptions = raising
    with unwatched(), Simulator(app, raise_app_exceptions=False) as sim:
        return _explore(sim, app, path, depth, max_calls, fork)


def _explore(
    sim: Simulator, app: Any, path: str, depth: int, max_calls: int, fork: bool
) -> FlowGraph:
    ex = _Explorer(sim, app, fork)
    roots = [path] + [
        p for p, r in ex.routes.routes.items() if r.kind.name == "voice" and p != path
    ]
    for root in roots:
        if root != path and root in ex.visited_paths:
            continue  # reached from an earlier entry point
        ex.start(root)
        _walk(ex, depth, max_calls)
    _find_unreachable(ex)
    return ex.graph


def _walk(ex: _Explorer, depth: int, max_calls: int) -> None:
    seen: set[tuple[str, str, Plan]] = set()
    queue: deque[tuple[tuple[Action, ...], Plan]] = deque([((), ())])
    while queue and ex.graph.calls < max_calls:
        actions, plan = queue.popleft()
        call, node = ex.replay(actions, plan)
        dials = len(call.steps(Dialed))
        if dials > len(plan):  # a Dial ran with the default outcome: try the others too
            first: DialStatus = "answered"
            answered: Plan = (first,) * (dials - len(plan) - 1)
            queue.extend((actions, (*plan, *answered, o)) for o in OUTCOMES)
            plan = (*plan, *answered, first)
        waiting = call.waiting_for
        if waiting is None or len(actions) >= depth:
            continue
        key = (node, f"{waiting}:{id(call.waiting_at)}", plan)
        if key in seen:
            continue
        seen.add(key)
        queue.extend(((*actions, option), plan) for option in options(call))


def _find_unreachable(ex: _Explorer) -> None:
    for route_path, route in ex.routes.routes.items():
        kind = route.kind
        if (
            kind.document
            and not kind.messaging
            and kind.name not in ENTRY_KINDS
            and route_path not in ex.visited_paths
        ):
            ex.graph.problems.append(
                FlowProblem(
                    "unreachable", route_path, f"{route_path} ({kind.name}) is never requested"
                )
            )
