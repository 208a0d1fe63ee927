"""Flow coverage: which documents and transitions of an IVR's flow the simulated calls took.

The flow is what :func:`~webhooks.testing.explore` finds: its nodes are documents (a path and
the answer's content), its edges the inputs between them and the ends of the call. A test call
*hits* a node when it fetched the same document, and an edge when it went from one such node to
the next the same way (``press 1``, ``timeout``, ``redirect``, a recording of any length...;
the call's end by the same reason). Documents a test reached that the explorer did not (deeper
than its ``depth``, or past a cycle it went round once) are not counted either way.

The flow coverage is ``(documents hit + edges hit) / (documents + edges)``, as branch coverage
counts statements and branches together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import urlsplit

from ._call import SimCall
from ._explore_checks import digest, is_document
from ._explore_graph import FlowEdge, FlowGraph, merge_labels
from ._model import HungUp

__all__ = ["FlowCoverage", "flow_coverage"]

_END = ("", "end")
NodeKey = tuple[str, str]


@dataclass(frozen=True)
class FlowCoverage:
    """How much of a flow the calls went through.

    Attributes:
        graph: The flow measured against.
        documents_hit: The ids of the nodes (documents) some call fetched.
        edges_hit: The edges some call took.
    """

    graph: FlowGraph
    documents_hit: frozenset[str] = frozenset()
    edges_hit: frozenset[FlowEdge] = field(default_factory=frozenset)

    @property
    def documents(self) -> int:
        """How many documents the flow has (the call's end not counted)."""
        return sum(1 for node in self.graph.nodes if node != "end")

    @property
    def edges(self) -> int:
        """How many distinct transitions the flow has."""
        return len(self.graph.edges)

    @property
    def percent(self) -> float:
        """Documents and edges hit, in percent of all (100 for an empty flow)."""
        total = self.documents + self.edges
        hit = len(self.documents_hit) + len(self.edges_hit)
        return 100.0 * hit / total if total else 100.0

    def untaken(self) -> list[str]:
        """The transitions no call took, parallel ones merged: ``/voice: Welcome... --press 2-->
        /menu: Please leave...``."""
        labels: dict[tuple[str, str], list[str]] = {}
        for edge in self.graph.edges:
            if edge not in self.edges_hit:
                labels.setdefault((edge.source, edge.target), []).append(edge.label)
        nodes = self.graph.nodes
        return [
            f"{nodes[source].label} --{merge_labels(texts)}--> {nodes[target].label}"
            for (source, target), texts in labels.items()
        ]

    def report(self) -> str:
        """The table printed by ``pytest --flow-coverage``, then the untaken transitions."""
        rows = [
            ("documents", self.documents, len(self.documents_hit)),
            ("edges", self.edges, len(self.edges_hit)),
            ("flow", self.documents + self.edges, len(self.documents_hit) + len(self.edges_hit)),
        ]
        lines = [f"{'':<10}{'total':>7}{'hit':>7}{'cover':>8}"]
        for name, total, hit in rows:
            share = 100.0 * hit / total if total else 100.0
            lines.append(f"{name:<10}{total:>7}{hit:>7}{share:>7.0f}%")
        untaken = self.untaken()
        if untaken:
            lines.append("untaken:")
            lines += [f"  {text}" for text in untaken]
        return "\n".join(lines)


def flow_coverage(graph: FlowGraph, calls: Iterable[SimCall]) -> FlowCoverage:
    """Measure which nodes and edges of ``graph`` the ``calls`` went through.

    Args:
        graph: The flow, from :func:`~webhooks.testing.explore`.
        calls: Simulated calls of the same app (a test session's).
    """
    ids = {(node.url, node.digest): node.id for node in graph.nodes.values() if node.digest}
    ids[_END] = "end"
    edges = {(e.source, e.target, _same_way(e.label)): e for e in graph.edges}
    nodes_hit: set[str] = set()
    edges_hit: set[FlowEdge] = set()
    for call in calls:
        path = _path(call)
        for key in path:
            if key[0] in ids:
                nodes_hit.add(ids[key[0]])
        for (source, _), (target, text) in pairwise(path):
            if source in ids and target in ids:
                edge = edges.get((ids[source], ids[target], _same_way(text)))
                if edge is not None:
                    edges_hit.add(edge)
    nodes_hit.discard("end")
    return FlowCoverage(graph, frozenset(nodes_hit), frozenset(edges_hit))


def _same_way(label: str) -> str:
    """An edge's label without what varies between calls taking it (a recording's length)."""
    return "record" if re.fullmatch(r"record [\d.]+s", label) else label


def _path(call: SimCall) -> list[tuple[NodeKey, str]]:
    """The documents the call fetched, each with the input that led there, then its end."""
    steps: list[tuple[NodeKey, str]] = []
    for req in call.requests:
        if is_document(req):
            steps.append(((urlsplit(req.url).path, digest(req.body)), req.trigger or req.kind))
    if call.ended and steps:
        end = next((s for s in reversed(call.transcript) if isinstance(s, HungUp)), None)
        steps.append((_END, end.reason if end else "end"))
    return steps
