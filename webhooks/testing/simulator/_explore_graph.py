"""The flow graph :func:`~webhooks.testing.simulator._explore.explore` returns, and its drawings.

Nodes are documents (and the end of the call), edges the inputs between them; problems and
repeated cycles are listed beside them. :meth:`FlowGraph.to_mermaid` and
:meth:`FlowGraph.to_dot` draw it (``python -m webhooks explore --format svg`` runs Graphviz on
the DOT text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FlowCycle", "FlowEdge", "FlowGraph", "FlowNode", "FlowProblem", "merge_labels"]


@dataclass(frozen=True, slots=True)
class FlowNode:
    """A document (or an end of the call).

    Attributes:
        id: Stable identifier (``n1``, ``n2``...; ``end`` for the call ending).
        url: The document's path in the app (``""`` for ``end``; absolute for another host).
        label: The path and the first words spoken.
        codes: Error codes recorded when the document was fetched (a failing document).
        digest: The SHA-1 of the answer's body: with ``url``, what makes the node (flow
            coverage finds the nodes a test call went through by it).
    """

    id: str
    url: str
    label: str
    codes: tuple[int, ...] = ()
    digest: str = ""


@dataclass(frozen=True, slots=True)
class FlowEdge:
    """A transition: ``source`` led to ``target`` after ``label`` (``press 1``, ``timeout``...)."""

    source: str
    target: str
    label: str


@dataclass(frozen=True, slots=True)
class FlowProblem:
    """Something to look at: ``dead-end``, ``loop``, ``unreachable``, ``failing`` (a handler
    that failed, with its route and the inputs that led there, or a document that could not be
    read, with its codes), ``no-route`` (a URL no route serves, with the document and attribute
    that referenced it) or ``wrong-kind`` (a route of another kind than the request's, such as
    a Redirect to a ``@app.gather`` route)."""

    kind: str
    node: str
    message: str
    codes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class FlowCycle:
    """A cycle the call went around that the app leaves or changes (a ``repeat``, no problem).

    Attributes:
        nodes: The node ids around the cycle, the first repeated at the end.
        message: Its paths and nodes (``/voice -> /voice (n3 -> n3)``).
    """

    nodes: tuple[str, ...]
    message: str


@dataclass
class FlowGraph:
    """The flow found by :func:`explore`.

    Attributes:
        nodes: Nodes by id (documents plus ``end``).
        edges: Distinct transitions.
        problems: Dead ends (the call fell off a document after a prompt or a timeout), loops
            (cycles the call goes around unchanged, as often as the caller likes: same URLs,
            parameters and documents each time), unreachable routes of a ``webhooks.App``
            never requested, failing documents with their error codes.
        repeats: Cycles the app leaves after some rounds or that change as they go (a menu
            that counts its retries in the session); not problems.
        calls: How many calls were simulated (the replays around cycles included).
    """

    nodes: dict[str, FlowNode] = field(default_factory=dict)
    edges: list[FlowEdge] = field(default_factory=list)
    problems: list[FlowProblem] = field(default_factory=list)
    repeats: list[FlowCycle] = field(default_factory=list)
    calls: int = 0

    def merged_edges(self) -> list[FlowEdge]:
        """The edges with parallel ones (same source and target) merged into one, labelled
        with every input: ``press 0, 3\u20139, *, #, timeout``. The drawings use them."""
        labels: dict[tuple[str, str], list[str]] = {}
        for e in self.edges:
            labels.setdefault((e.source, e.target), []).append(e.label)
        return [FlowEdge(s, t, merge_labels(texts)) for (s, t), texts in labels.items()]

    def to_mermaid(self) -> str:
        """The flow as a Mermaid ``flowchart`` diagram.

        The ``end`` node is written ``End``: a lower-case ``end`` is a Mermaid keyword.
        """
        lines = ["flowchart TD"]
        for node in self.nodes.values():
            shape = ("((", "))") if node.id == "end" else ("[", "]")
            lines.append(f'    {_mermaid_id(node.id)}{shape[0]}"{_quote(node.label)}"{shape[1]}')
        lines += [
            f'    {_mermaid_id(e.source)} -->|"{_quote(e.label)}"| {_mermaid_id(e.target)}'
            for e in self.merged_edges()
        ]
        return "\n".join(lines) + "\n"

    def to_dot(self) -> str:
        """The flow as a Graphviz DOT digraph."""
        lines = ["digraph ivr {", "    rankdir=TB;", "    node [shape=box];"]
        for node in self.nodes.values():
            extra = ", shape=doublecircle" if node.id == "end" else ""
            extra += ", color=red" if node.codes else ""
            lines.append(f'    {node.id} [label="{_quote(node.label)}"{extra}];')
        lines += [
            f'    {e.source} -> {e.target} [label="{_quote(e.label)}"];'
            for e in self.merged_edges()
        ]
        return "\n".join([*lines, "}"]) + "\n"


_KEY_ORDER = "0123456789*#"


def merge_labels(labels: list[str]) -> str:
    """Labels of parallel edges as one: the keys pressed after one ``press`` (single keys in
    key order, runs of three or more digits as a range: ``press 0, 3\u20139, *, #``), then the
    other labels.

    Args:
        labels: The labels of the edges between the same two nodes.
    """
    pressed = list(dict.fromkeys(t[6:] for t in labels if t.startswith("press ")))
    single = sorted((k for k in pressed if len(k) == 1 and k in _KEY_ORDER), key=_KEY_ORDER.index)
    longer = [k for k in pressed if k not in single]
    others = [t for t in dict.fromkeys(labels) if not t.startswith("press ")]
    parts: list[str] = []
    run: list[str] = []
    for key in [*single, ""]:
        if key.isdigit() and run and int(key) == int(run[-1]) + 1:
            run.append(key)
            continue
        if run:
            parts += [f"{run[0]}\u2013{run[-1]}"] if len(run) >= 3 else run
        run = [key] if key.isdigit() else []
        if key and not key.isdigit():
            parts.append(key)
    keys = [f"press {', '.join(parts + longer)}"] if parts or longer else []
    return ", ".join(keys + others)


def _mermaid_id(node_id: str) -> str:
    return "End" if node_id == "end" else node_id


def _quote(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")
