"""Walk every branch of an IVR with the simulator and draw its flow.

::

    from webhooks.testing import explore

    graph = explore(app, path="/voice", depth=4)
    assert not graph.problems
    print(graph.to_mermaid())

Each branch is replayed from a fresh call (so per-call sessions start empty). At every Gather
the explorer tries each key the Gather accepts (``0``-``9``, ``*``, ``#``; with ``numDigits``
greater than 1 the key repeated, otherwise the key followed by ``finishOnKey``) and the
timeout; at a foreground Record a recording and silence; at every Dial the outcomes
``answered``, ``busy``, ``no-answer`` and ``failed``, and during a Dial that listens for keys
``*`` (``hangupOnStar``), each ``digitsMatch`` pattern and the end of the conversation. Nodes
are distinct documents (URL and content), edges the requests between them, labelled with the
input that led there.

A call that comes back to a document it already had is going around a cycle. The explorer
replays it around the cycle :data:`ROUNDS` more times: if every round requests the same URLs
with the same parameters and gets the same documents, nothing in the app's state changes and
the cycle is reported as a ``loop`` problem (the caller can go round it forever). A cycle the
app leaves, or that changes as it goes (a retry counter in the session), is a ``repeat``.
"""

from __future__ import annotations

import hashlib
from collections import deque
from typing import Any
from urllib.parse import urlsplit

from ._call import SimCall
from ._engine import attr
from ._explore_graph import FlowCycle, FlowEdge, FlowGraph, FlowNode, FlowProblem
from ._model import Dialed, HungUp, SimRequest
from ._simulator import Simulator

__all__ = ["ROUNDS", "FlowCycle", "FlowEdge", "FlowGraph", "FlowNode", "FlowProblem", "explore"]

ROUNDS = 3
"""How many more times the explorer goes around a cycle to tell a loop from a repeat."""

_DOC_KINDS = {"voice", "gather", "record", "dial", "redirect", "sms-action", "refer", "agent"}
_KEYS = "0123456789*#"
_OUTCOMES = ("busy", "no-answer", "failed")
Action = tuple[str, str]


def _options(call: SimCall) -> list[Action]:
    p = call._engine.pending
    if p is None:
        return []
    if p.kind == "gather":
        limit = int(str(p.verb.attrs.get("num_digits") or 0))
        finish = str(attr(p.verb, "finishOnKey") or "#")
        keys = [
            k * limit
            if limit > 1 and k != finish
            else (k if limit == 1 or k == finish else k + finish)
            for k in _KEYS
        ]
        return [("press", k) for k in keys] + [("wait", "")]
    if p.kind == "record":
        return [("record", ""), ("wait", "")]
    if p.kind == "bridge":  # a Dial listening for keys: each way out of the conversation
        star = [("press", "*")] if attr(p.verb, "hangupOnStar") else []
        patterns = str(p.verb.attrs.get("digits_match") or "").split(",")
        return [*star, *(("press", k) for k in patterns if k), ("wait", "")]
    return [("hangup", "")]


def _act(call: SimCall, action: Action) -> None:
    kind, arg = action
    if kind == "press":
        call.press(arg)
    elif kind == "record":
        call.record(5)
    elif kind == "wait":
        call.wait()
    else:
        call.hangup()


class _Explorer:
    def __init__(self, sim: Simulator, path: str) -> None:
        self.sim, self.path = sim, path
        self.graph = FlowGraph()
        self._ids: dict[tuple[str, str], str] = {}
        self._edges: set[FlowEdge] = set()
        self._cycles: set[tuple[str, ...]] = set()
        self.visited_urls: set[str] = set()

    def node(self, url: str, body: bytes, label: str, codes: tuple[int, ...] = ()) -> str:
        key = (url, hashlib.sha1(body, usedforsecurity=False).hexdigest())
        if key not in self._ids:
            nid = f"n{len(self._ids) + 1}"
            self._ids[key] = nid
            self.graph.nodes[nid] = FlowNode(nid, url, label, codes)
        return self._ids[key]

    def edge(self, source: str, target: str, label: str) -> None:
        e = FlowEdge(source, target, label)
        if e not in self._edges:
            self._edges.add(e)
            self.graph.edges.append(e)

    def play(self, actions: tuple[Action, ...], plan: tuple[str, ...]) -> tuple[SimCall, list[int]]:
        """One call with these inputs; also how many requests it had made after each input."""
        self.sim._ctx.dial_plan = list(plan)
        call = self.sim.call(self.path)
        marks = [len(call.requests)]
        for action in actions:
            if call.ended:
                break
            _act(call, action)
            marks.append(len(call.requests))
        self.graph.calls += 1
        return call, marks

    def replay(self, actions: tuple[Action, ...], plan: tuple[str, ...]) -> tuple[SimCall, str]:
        call, marks = self.play(actions, plan)
        current, visits = self.record(call)
        self.cycles(call, actions, plan, marks, visits)
        return call, current

    def record(self, call: SimCall) -> tuple[str, list[tuple[int, str]]]:
        """Add the call's documents and transitions; return its last node and the nodes it
        visited, with the index of the request that fetched each."""
        current, pending_label = "", ""
        visits: list[tuple[int, str]] = []
        for index, req in enumerate(call.requests):
            if not _is_document(req):
                continue
            path = urlsplit(req.url).path
            self.visited_urls.add(path)
            if req.document is not None:
                said = next((s for s in _spoken(req.document)), "")
                label = f"{path}: {_shorten(said)}" if said else path
                target = self.node(req.url, req.body, label)
            else:
                notes = [n for n in call.notifications if n.url == req.url]
                codes = tuple(n.code for n in notes)
                listed = ", ".join(str(c) for c in codes) or "no answer"
                target = self.node(req.url, req.body, f"{path}: error {listed}", codes)
                why = "; ".join(f"{n.code} {n.message}" for n in notes) or "no document"
                self.problem("failing", target, f"{path} failed: {why}", codes)
            if current:
                self.edge(current, target, req.trigger or req.kind or pending_label)
            current = target
            visits.append((index, target))
        if call.ended and current:
            end = next((s for s in reversed(call.transcript) if isinstance(s, HungUp)), None)
            self.graph.nodes.setdefault("end", FlowNode("end", "", "call ends"))
            self.edge(current, "end", end.reason if end else "end")
            if end and end.reason == "end of document":
                tag = end.where.rsplit("/", 1)[-1].split("[")[0]
                if tag in ("Say", "Play", "Pause", "Gather", "GetSpeech", "PlayLastRecording"):
                    path = urlsplit(self.graph.nodes[current].url).path
                    self.problem(
                        "dead-end", current, f"{path}: the call falls off the document after {tag}"
                    )
        return current, visits

    def cycles(
        self,
        call: SimCall,
        actions: tuple[Action, ...],
        plan: tuple[str, ...],
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
            paths = " -> ".join(urlsplit(self.graph.nodes[n].url).path for n in nodes)
            message = f"{paths} ({' -> '.join(nodes)})"
            if self.endless(call, actions, plan, marks, visits[start][0], visits[pos][0]):
                self.problem("loop", node, message)
            else:
                self.graph.repeats.append(FlowCycle(nodes, message))

    def endless(
        self,
        call: SimCall,
        actions: tuple[Action, ...],
        plan: tuple[str, ...],
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
        size = sum(1 for r in call.requests[first:again] if _is_document(r))
        probe, _ = self.play((*actions[:end], *segment * ROUNDS), plan)
        more = [_signature(r) for r in probe.requests[again:] if _is_document(r)]
        rounds = [more[k * size : (k + 1) * size] for k in range(ROUNDS)]
        return len(more) >= size * ROUNDS and all(r == rounds[0] for r in rounds)

    def problem(self, kind: str, node: str, message: str, codes: tuple[int, ...] = ()) -> None:
        p = FlowProblem(kind, node, message, codes)
        if p not in self.graph.problems:
            self.graph.problems.append(p)


def _is_document(req: SimRequest) -> bool:
    return req.kind in _DOC_KINDS or req.kind == "fallback"


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


def _shorten(text: str, limit: int = 40) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with ``...``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 3].rsplit(" ", 1)[0] if " " in text[: limit - 3] else text[: limit - 3]
    return cut.rstrip(" ,.;:") + "..."


def _spoken(doc: Any) -> list[str]:
    return [el.text or "" for _, el in doc.walk() if el.tag == "Say"]


def explore(app: Any, path: str = "/voice", depth: int = 4, *, max_calls: int = 5000) -> FlowGraph:
    """Walk every branch of the IVR at ``path`` up to ``depth`` inputs; return its flow.

    Args:
        app: The ASGI app (or a :class:`Simulator` already configured).
        path: The Voice URL path.
        depth: Most inputs (key presses, timeouts, recordings) per branch.
        max_calls: Safety bound on simulated calls.
    """
    if isinstance(app, Simulator):
        return _explore(app, app, path, depth, max_calls)
    with Simulator(app) as sim:
        return _explore(sim, app, path, depth, max_calls)


def _explore(sim: Simulator, app: Any, path: str, depth: int, max_calls: int) -> FlowGraph:
    ex = _Explorer(sim, path)
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    queue: deque[tuple[tuple[Action, ...], tuple[str, ...]]] = deque([((), ())])
    while queue and ex.graph.calls < max_calls:
        actions, plan = queue.popleft()
        call, node = ex.replay(actions, plan)
        dials = len(call.steps(Dialed))
        if dials > len(plan):  # a Dial ran with the default outcome: try the others too
            queue.extend(
                (actions, (*plan, *["answered"] * (dials - len(plan) - 1), o)) for o in _OUTCOMES
            )
            plan = (*plan, *["answered"] * (dials - len(plan)))
        pending = call._engine.pending
        if pending is None or len(actions) >= depth:
            continue
        key = (node, pending.where, plan)
        if key in seen:
            continue
        seen.add(key)
        queue.extend(((*actions, option), plan) for option in _options(call))
    _find_unreachable(ex, app)
    return ex.graph


def _find_unreachable(ex: _Explorer, app: Any) -> None:
    routes = getattr(app, "iter_routes", None)
    if routes is None:
        return
    for route in routes():
        if route.kind.document and not route.kind.messaging and route.path not in ex.visited_urls:
            ex.graph.problems.append(
                FlowProblem(
                    "unreachable",
                    route.path,
                    f"{route.path} ({route.kind.name}) is never requested",
                )
            )
