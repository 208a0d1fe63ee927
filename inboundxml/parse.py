"""InboundXML text -> verb objects, with every problem of a document reported at once.

The parser is hardened for documents from untrusted sources. The size bound is checked first;
the document is then made UTF-8 (:mod:`inboundxml._source`: UTF-8, UTF-16, UTF-32, ISO-8859-1
and US-ASCII are accepted, any other encoding is refused) and DTDs, entity declarations and
external references are refused with 12100 in every encoding, before a parser runs. The two
parser front ends (:mod:`inboundxml._frontends`) refuse them on their own too: nothing is
ever opened or fetched, and no entity but the five predefined ones is ever expanded. The
nesting depth is bounded.
"""

from __future__ import annotations

from lxml import etree

from ._element import (
    Element,
    attr_problem,
    canonical_text,
    empty_message,
    make,
    text_problem,
)
from ._frontends import Malformed, lxml_root
from ._reader import COERCERS, EXPAT_FROM, Irregular, read, read_large
from ._source import prepare
from ._values import Invalid
from .errors import InboundXMLError, Problem
from .spec import ELEMENTS, ROOT, ElementSpec, TextKind
from .verbs import CLASSES

__all__ = ["MAX_BYTES", "MAX_DEPTH", "check", "parse"]

MAX_BYTES = 1 << 20
"""Default bound on the size of a parsed document (1 MiB)."""
MAX_DEPTH = 16
"""Default bound on the nesting depth of a parsed document."""

_EMIT = {
    spec.tag: tuple((a.py, a.emit) for a in spec.attrs if a.emit is not None)
    for spec in ELEMENTS.values()
}


def parse(
    source: str | bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Element:
    """Parse and validate an InboundXML document.

    Every lexical form the platform accepts is understood (``True``/``1`` for flags, ``post``
    for methods, ``woman``/``man`` for voices) and turned into the canonical value, so
    ``parse(doc.to_xml()) == doc`` and ``parse(text).to_xml()`` is the canonical form.

    Args:
        source: The document, as text or bytes (UTF-8 unless it declares another encoding).
        max_bytes: Refuse larger documents.
        max_depth: Refuse documents nested deeper.

    Returns:
        The ``Response`` element.

    Raises:
        InboundXMLError: With every problem in ``.problems`` (each with its line): 12100 for
            malformed XML, DTDs or over-large documents; 11102 for badly encoded text; 12101
            for another XML version; 12102 when the root is not Response; 12200 and the
            13xxx/14xxx codes for invalid elements, attributes and text.
        TypeError: ``source`` is neither text nor bytes.
    """
    root, problems = _read(source, max_bytes, max_depth)
    if problems or root is None:
        raise InboundXMLError(problems)
    return root


def check(
    source: str | bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> list[Problem]:
    """Every problem of an InboundXML document (an empty list when it is valid).

    Takes the same arguments as :func:`parse`.
    """
    return _read(source, max_bytes, max_depth)[1]


def _read(
    source: str | bytes, max_bytes: int, max_depth: int
) -> tuple[Element | None, list[Problem]]:
    body = prepare(source, max_bytes)
    if isinstance(body, Problem):
        return None, [body]
    fast = True
    if len(body) >= EXPAT_FROM:
        element = read_large(body, max_depth)
        if element is not None:
            return element, []
        fast = False  # not plainly valid: the walker reads it
    try:
        tree = lxml_root(body)
    except Malformed as exc:
        return None, [Problem(exc.code, "", exc.message, exc.line)]
    if fast and tree.tag == ROOT:
        try:
            return read(tree, max_depth), []
        except Irregular:
            pass  # the walker says what is wrong
    walker = _Walker(max_depth)
    if tree.tag != ROOT:
        name = tree.tag if isinstance(tree.tag, str) else "?"
        walker.add(12102, name, f"the root element must be Response, not {name}", tree)
    root = walker.element(tree, name_of(tree), None, 1)
    return (root if not walker.problems else None), walker.problems


def name_of(node: etree._Element) -> str:
    """The tag of a node as written (namespaced tags keep their ``{uri}``)."""
    return node.tag if isinstance(node.tag, str) else "?"


class _Walker:
    """Turns an lxml tree into elements, collecting problems instead of stopping."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.problems: list[Problem] = []

    def add(self, code: int, path: str, message: str, node: etree._Element) -> None:
        line = node.sourceline if isinstance(node.sourceline, int) else None
        self.problems.append(Problem(code, path, message, line))

    def element(
        self, node: etree._Element, path: str, parent: str | None, depth: int
    ) -> Element | None:
        tag = node.tag
        spec = ELEMENTS.get(tag) if isinstance(tag, str) else None
        if spec is None:
            known = "an entity reference" if not isinstance(tag, str) else f"<{tag}>"
            self.add(12200, path, f"{known} is not an InboundXML element", node)
            return None
        if depth > self.max_depth:
            self.add(12200, path, f"nested deeper than {self.max_depth} levels", node)
            return None
        attrs = self.attributes(node, spec, path, parent)
        children = self.children(node, spec, path, depth)
        text = self.text(node, spec, path, children)
        if self.problems:
            return None
        return make(CLASSES[spec.tag], attrs, text, children)

    def attributes(
        self, node: etree._Element, spec: ElementSpec, path: str, parent: str | None
    ) -> dict[str, object]:
        attrs: dict[str, object] = {}
        for key, raw in node.attrib.items():
            name = key if isinstance(key, str) else key.decode()
            found = COERCERS.get((spec.tag, name))
            if found is None:
                allowed = ", ".join(a.xml for a in spec.attrs) or "none"
                self.add(
                    12200,
                    f"{path}@{name}",
                    f"{spec.tag} has no attribute {name!r}; allowed: {allowed}",
                    node,
                )
                continue
            attr, coerce = found
            try:
                attrs[attr.py] = coerce(raw)
            except Invalid as exc:
                problem = attr_problem(spec, attr, exc, parent)
                self.add(problem.code, f"{path}@{attr.xml}", problem.message, node)
        for attr in spec.attrs:
            if attr.required and attr.xml not in node.attrib:
                self.add(attr.code, f"{path}@{attr.xml}", f"{attr.xml} is required", node)
        for key, value in _EMIT[spec.tag]:
            attrs.setdefault(key, value)
        return attrs

    def children(
        self, node: etree._Element, spec: ElementSpec, path: str, depth: int
    ) -> list[Element]:
        out: list[Element] = []
        seen: dict[str, int] = {}
        for child in node:
            name = name_of(child)
            index = seen.get(name, 0)
            seen[name] = index + 1
            here = f"{path}/{name}[{index}]"
            if isinstance(child.tag, str) and child.tag in ELEMENTS and name not in spec.children:
                allowed = ", ".join(spec.children) or "no children"
                self.add(
                    spec.child_code,
                    here,
                    f"{name} is not allowed inside {spec.tag}; allowed: {allowed}",
                    child,
                )
                continue
            element = self.element(child, here, spec.tag, depth + 1)
            if element is not None:
                out.append(element)
        if spec.max_children is not None and len(node) > spec.max_children:
            self.add(
                spec.child_code,
                path,
                f"{spec.tag} takes at most {spec.max_children} child element(s); got {len(node)}",
                node,
            )
        return out

    def text(
        self, node: etree._Element, spec: ElementSpec, path: str, children: list[Element]
    ) -> str | None:
        stray = [node.text or ""] + [child.tail or "" for child in node]
        content = "".join(stray)
        if spec.text is TextKind.NONE or len(node):
            if content.strip():
                what = "has no text content" if spec.text is TextKind.NONE else "mixes text and"
                detail = (
                    "" if spec.text is TextKind.NONE else " child elements; use one or the other"
                )
                self.add(12200, path, f"{spec.tag} {what}{detail}: {content.strip()[:40]!r}", node)
            if spec.content_required and not len(node):
                self._empty(node, spec, path)
            return None
        try:
            text = canonical_text(spec, node.text)
        except Invalid as exc:
            problem = text_problem(spec, exc)
            self.add(problem.code, path, problem.message, node)
            return None
        if text is None and spec.content_required:
            self._empty(node, spec, path)
        return text

    def _empty(self, node: etree._Element, spec: ElementSpec, path: str) -> None:
        self.add(spec.content_code, path, empty_message(spec), node)
