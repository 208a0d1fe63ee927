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

from . import _rules as rules
from ._compile import canonical_text
from ._element import Element, make
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


def parse(
    source: str | bytes,
    *,
    strict: bool = True,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Element:
    """Parse and validate an InboundXML document.

    Every lexical form the platform accepts is understood (``True``/``1`` for flags, ``post``
    for methods, ``woman``/``man`` for voices, ``en-US`` for Say's ``en``) and turned into the
    canonical value, so ``parse(doc.to_xml()) == doc`` and ``parse(text).to_xml()`` is the
    canonical form.

    The strict reading (the default) refuses a document with any problem. The lenient reading
    (``strict=False``) returns the document the platform would execute: it refuses only what
    the platform refuses (problems of severity ``"error"``: not well-formed XML, a DTD,
    another XML version or encoding, a root that is not Response) and reads past warnings:
    values it cannot type are kept as written (a ``dialMusic`` that is not a URL, an empty
    ``action``), so the document renders back as it was; unknown attributes are kept too;
    unknown elements and stray text are dropped. :func:`check` lists the warnings. For a
    document without problems both readings return equal objects.

    An element without text or children (``<Pause length="2"/>``, ``<Hangup/>``) can never
    change, so valid documents that hold the same one may share one object.

    Args:
        source: The document, as text or bytes. Bytes are UTF-8 unless a byte order mark,
            the first bytes or the declaration say UTF-16 or UTF-32 (either byte order),
            ISO-8859-1 or US-ASCII; any other encoding is refused with 12100.
        strict: Refuse warnings too (the default), or read past them.
        max_bytes: Refuse larger documents.
        max_depth: Refuse documents nested deeper.

    Returns:
        The ``Response`` element.

    Raises:
        InboundXMLError: With every problem in ``.problems`` (each with its line and
            severity): 12100 for malformed XML, DTDs, other encodings or over-large
            documents; 11102 for badly encoded text; 12101 for another XML version; 12102
            when the root is not Response; 12200 and the 13xxx/14xxx codes (and 12301 for a
            URL over 200 characters) for invalid elements, attributes and text, when strict.
        TypeError: ``source`` is neither text nor bytes.
    """
    root, problems = _read(source, strict, max_bytes, max_depth)
    if root is None:
        raise InboundXMLError(problems)
    return root


def check(
    source: str | bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> list[Problem]:
    """Every problem of an InboundXML document (an empty list when it is valid).

    Each :class:`~inboundxml.Problem` carries its ``severity``: ``"error"`` for what the
    platform refuses (the lenient :func:`parse` raises on these), ``"warning"`` for what it
    reports and reads past. Takes the same arguments as :func:`parse`.
    """
    return _read(source, True, max_bytes, max_depth)[1]


def _read(
    source: str | bytes, strict: bool, max_bytes: int, max_depth: int
) -> tuple[Element | None, list[Problem]]:
    """The element (None when refused) and every problem of ``source``."""
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
        rule = "characters" if exc.code == rules.UNENCODABLE_CODE else "well-formed"
        return None, [rules.document(rule, exc.message, exc.line, exc.code)]
    if fast and tree.tag == ROOT:
        try:
            return read(tree, max_depth), []
        except Irregular:
            pass  # the walker says what is wrong
    walker = _Walker(max_depth, strict)
    if tree.tag != ROOT:
        walker.add(rules.wrong_root(name_of(tree), name_of(tree)), tree)
    root = walker.element(tree, name_of(tree), None, 1)
    refused = any(p.severity == "error" for p in walker.problems)
    if refused or (strict and walker.problems):
        return None, walker.problems
    return root, walker.problems


def _all_text(node: etree._Element) -> str:
    """The text of ``node`` itself: before its first child and after each child."""
    return "".join([node.text or ""] + [child.tail or "" for child in node])


def name_of(node: etree._Element) -> str:
    """The tag of a node as written (namespaced tags keep their ``{uri}``)."""
    return node.tag if isinstance(node.tag, str) else "?"


class _Walker:
    """Turns an lxml tree into elements, collecting problems instead of stopping.

    Strict, it builds nothing once a problem is found; lenient, it builds what the platform
    would execute (see :func:`parse`).
    """

    def __init__(self, max_depth: int, strict: bool = True) -> None:
        self.max_depth = max_depth
        self.strict = strict
        self.problems: list[Problem] = []

    def add(self, problem: Problem, node: etree._Element) -> None:
        line = node.sourceline if isinstance(node.sourceline, int) else None
        self.problems.append(
            Problem(problem.code, problem.path, problem.message, line, problem.severity)
        )

    def element(
        self, node: etree._Element, path: str, parent: str | None, depth: int
    ) -> Element | None:
        tag = node.tag
        spec = ELEMENTS.get(tag) if isinstance(tag, str) else None
        if spec is None:
            self.add(rules.unknown_element(name_of(node), path), node)
            return None
        if depth > self.max_depth:
            self.add(rules.too_deep(self.max_depth, path), node)
            return None
        attrs, extra = self.attributes(node, spec, path, parent)
        children = self.children(node, spec, path, depth)
        text = self.text(node, spec, path)
        if text is None and not children and spec.content_required:
            text = ""  # everything inside was dropped (lenient): kept empty, as it renders
        if self.strict and self.problems:
            return None
        return make(CLASSES[spec.tag], attrs, text, children, extra)

    def attributes(
        self, node: etree._Element, spec: ElementSpec, path: str, parent: str | None
    ) -> tuple[dict[str, object], dict[str, str]]:
        attrs: dict[str, object] = {}
        extra: dict[str, str] = {}
        for key, raw in node.attrib.items():
            name = key if isinstance(key, str) else key.decode()
            value = raw if isinstance(raw, str) else raw.decode()
            found = COERCERS.get((spec.tag, name))
            if found is None:
                self.add(rules.unknown_attribute(spec, name, f"{path}@{name}"), node)
                extra[name] = value
                continue
            attr, coerce = found
            try:
                attrs[attr.py] = coerce(value)
            except Invalid as exc:
                where = f"{path}@{attr.xml}"
                self.add(rules.attribute_value(spec, attr, exc, where, parent), node)
                attrs[attr.py] = value  # kept as written (lenient)
        for attr in rules.required(spec):
            if attr.xml not in node.attrib:
                self.add(rules.missing_attribute(spec, attr, f"{path}@{attr.xml}"), node)
        for attr in rules.emitted(spec):
            attrs.setdefault(attr.py, attr.emit)
        return attrs, extra

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
                self.add(rules.child_not_allowed(spec, name, here), child)
            element = self.element(child, here, spec.tag, depth + 1)
            if element is not None:
                out.append(element)
        limit = rules.child_limit(spec)
        if limit is not None and len(node) > limit:
            self.add(rules.too_many_children(spec, len(node), path), node)
        return out

    def text(self, node: etree._Element, spec: ElementSpec, path: str) -> str | None:
        if spec.text is TextKind.NONE or (len(node) and spec.children):
            content = _all_text(node)
            if content.strip():
                if spec.text is TextKind.NONE:
                    self.add(rules.stray_text(spec, content, path), node)
                else:
                    self.add(rules.mixed_content(spec, path, content), node)
            if spec.content_required and not len(node):
                self.add(rules.empty(spec, path), node)
                return ""  # kept empty (lenient): it renders as written
            return None
        raw = node.text
        if len(node):  # children it cannot hold (reported, dropped): its text is around them
            raw = _all_text(node)
        try:
            text = canonical_text(spec, raw)
        except Invalid as exc:
            self.add(rules.text_value(spec, exc, path), node)
            return raw or ""  # kept as written (lenient)
        if text is None and spec.content_required:
            self.add(rules.empty(spec, path), node)
            return raw or ""
        return text
