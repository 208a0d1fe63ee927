"""The fast path of the parser: the tree of a valid document -> verb objects.

Most documents a parser sees are valid, so this reader only proves a tree valid and builds
its elements; it does not say what is wrong. At the first irregularity it raises
:class:`Irregular` and the caller parses with the reporting walker, which finds every
problem (with paths and lines) or, in a case the fast path leaves to it, builds the same
elements.

The reader takes an lxml tree or an ``xml.etree`` one (they share the API it uses). lxml
parses small documents faster; expat with the C tree builder of ``xml.etree`` costs a little
more to parse but much less to walk, so documents from :data:`EXPAT_FROM` bytes on are read
with it (:func:`read_large`). Both parsers are the front ends of
:mod:`inboundxml._frontends`: neither reads a DTD, expands a declared entity or opens
anything.

Everything here is derived from the table:

- the attributes of an element are checked and rendered once per distinct attribute set
  (``Say voice="female" loop="2"``) and the result is kept in a bounded cache; elements share
  the (never mutated) attribute dict of their set;
- an element all in its attributes (no text, no children: ``<Pause length="2"/>``) can never
  change, so the cache keeps the element itself, with its markup, and documents share it;
- text goes through the check the constructors use (a cheap test that proves common text
  valid, the full check otherwise); the cheap test knows that parsed text holds only
  characters XML carries.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import partial
from typing import Any, Protocol

from . import _rules as rules
from ._compile import canonical_text, compile_source, fast_text_source
from ._element import Element
from ._frontends import expat_root
from ._render import attr_string, leaf_markup
from ._values import Invalid, coercer
from .spec import ELEMENTS, ROOT, Attr, ElementSpec, TextKind
from .verbs import CLASSES

__all__ = ["COERCERS", "EXPAT_FROM", "Irregular", "read", "read_large"]

EXPAT_FROM = 1024
"""Size in bytes from which UTF-8 documents are parsed with expat rather than lxml."""

CACHE_SIZE = 4096
"""Distinct attribute sets kept checked; the cache starts over when it is full."""
CACHED_LENGTH = 512
"""Attribute sets whose values are longer in all are checked every time, never kept."""


class Irregular(Exception):  # noqa: N818  (internal signal, never escapes the parser)
    """The tree is not a plainly valid document: the reporting walker must look at it."""


class Node(Protocol):
    """What the reader uses of an element node (lxml's and ``xml.etree``'s have it)."""

    @property
    def tag(self) -> object:
        """The tag (``{uri}name`` in a namespace; not a string for other nodes)."""

    @property
    def text(self) -> str | None:
        """The text before the first child."""

    @property
    def tail(self) -> str | None:
        """The text after the element, up to its next sibling."""

    def items(self) -> Collection[tuple[str | bytes, str | bytes]]:
        """The attributes, as written."""

    def __len__(self) -> int:
        """The number of children."""

    def __iter__(self) -> Iterator[Node]:
        """The children."""


_Attrs = tuple[dict[str, object], str]
_Key = tuple[tuple[str | bytes, str | bytes], ...]
_Reader = Callable[[Node, int], Element]


def read_large(body: bytes, max_depth: int) -> Element | None:
    """Parse a prepared UTF-8 ``body`` with expat and read it; None if not plainly valid."""
    root = expat_root(body)
    if root is None or root.tag != ROOT:
        return None
    try:
        return read(root, max_depth)
    except Irregular:
        return None


def read(node: Node, max_depth: int) -> Element:
    """The element of ``node`` and its descendants; raise :class:`Irregular` on any doubt.

    ``node`` must be the root; ``max_depth`` bounds the nesting (the root is at depth 1).
    """
    reader = _READERS.get(node.tag)
    if reader is None or max_depth < 1:
        raise Irregular
    return reader(node, max_depth - 1)


def reader_source(spec: ElementSpec) -> str:
    """The reader of one element, compiled from its table entry.

    Its second argument is how many levels may still nest below the element.
    """
    if _content_free(spec):
        return _shared_reader_source(spec)
    lines = [
        "def read(node, room):",
        "    items = node.items()",
        "    if items:",
        "        key = tuple(items)",
        "        try:",
        "            attrs, astr = _cache[key]",
        "        except KeyError:",
        "            attrs, astr = _attributes(key)",
        "    else:",
    ]
    lines += (
        ["        raise _Irregular"] if rules.required(spec) else ["        attrs, astr = _bare"]
    )
    lines += [
        "    element = _new(_cls)",
        "    element._attrs = attrs",
        "    element._astr = astr",
        "    element._markup = None",
        "    text = node.text",
    ]
    if spec.children:
        lines += [
            "    if len(node):",
            "        if text is not None and not text.isspace():",
            "            raise _Irregular",
            "        if room < 1:",
            "            raise _Irregular",
            "        room -= 1",
            "        children = []",
            "        append = children.append",
            "        try:",
            "            for child in node:",
            "                tail = child.tail",
            "                if tail is not None and not tail.isspace():",
            "                    raise _Irregular",
            "                append(_children[child.tag](child, room))",
            "        except KeyError:",  # a child that may not be here
            "            raise _Irregular from None",
        ]
        limit = rules.child_limit(spec)
        if limit is not None:
            lines += [
                f"        if len(children) > {limit}:",
                "            raise _Irregular",
            ]
        lines += [
            "        element._text = None",
            "        element._children = children",
            "        return element",
        ]
    else:
        lines += ["    if len(node):", "        raise _Irregular"]
    if spec.text is not TextKind.NONE:
        fast = fast_text_source(spec, parsed=True)
        pad = ""
        if fast:
            lines.append(f"    if not ({fast}):")
            pad = "    "
        lines += [
            f"{pad}    try:",
            f"{pad}        text = _check_text(text)",
            f"{pad}    except _Invalid:",
            f"{pad}        raise _Irregular from None",
        ]
        if spec.content_required:
            lines += [f"{pad}    if text is None:", f"{pad}        raise _Irregular"]
        lines.append("    element._text = text")
    else:
        if spec.content_required:
            lines.append("    raise _Irregular")
        else:
            lines += [
                "    if text is not None and not text.isspace():",
                "        raise _Irregular",
                "    element._text = None",
            ]
    lines.append(f"    element._children = {'[]' if spec.children else 'None'}")
    lines.append("    return element")
    return "\n".join(lines) + "\n"


def _content_free(spec: ElementSpec) -> bool:
    """Whether an element of ``spec`` is all in its attributes (no children, no text)."""
    return not spec.children and spec.text is TextKind.NONE and not spec.content_required


def _shared_reader_source(spec: ElementSpec) -> str:
    """The reader of an element all in its attributes (``<Pause length="2"/>``).

    Such an element never changes once built (it has no children to append to), so one
    element per attribute set is kept, with its markup, and every document shares it.
    """
    lines = [
        "def read(node, room):",
        "    if len(node):",
        "        raise _Irregular",
        "    text = node.text",
        "    if text is not None and not text.isspace():",
        "        raise _Irregular",
        "    items = node.items()",
        "    if not items:",
        "        if _plain is None:",
        "            raise _Irregular",
        "        return _plain",
        "    key = tuple(items)",
        "    try:",
        "        return _cache[key]",
        "    except KeyError:",
        "        return _attributes(key)",
    ]
    return "\n".join(lines) + "\n"


def _compile(spec: ElementSpec) -> tuple[_Reader, dict[object, _Reader]]:
    """The reader of ``spec`` and the map of its children's readers (filled by the caller)."""
    cache: dict[_Key, _Attrs | Element] = {}
    children: dict[object, _Reader] = {}
    cls = CLASSES[spec.tag]
    bare = _complete(spec, {})
    shared = _content_free(spec)

    def attributes(key: _Key) -> _Attrs | Element:
        found = _check_attributes(spec, key)
        result: _Attrs | Element = _shared_leaf(cls, found) if shared else found
        if sum(len(raw) for _, raw in key) <= CACHED_LENGTH:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            cache[key] = result
        return result

    namespace: dict[str, Any] = {
        "_Irregular": Irregular,
        "_Invalid": Invalid,
        "_new": object.__new__,
        "_cls": cls,
        "_cache": cache,
        "_attributes": attributes,
        "_bare": bare,
        "_plain": _shared_leaf(cls, bare) if shared and bare is not None else None,
        "_check_text": partial(canonical_text, spec),
        "_children": children,
    }
    compile_source(reader_source(spec), f"read_{spec.tag}", namespace)
    reader: _Reader = namespace["read"]
    reader.__qualname__ = f"read_{spec.tag}"
    return reader, children


def _shared_leaf(cls: type[Element], found: _Attrs) -> Element:
    """The element, all in its attributes, that every document reading them shares."""
    element = object.__new__(cls)
    element._attrs, element._astr = found
    element._text = None
    element._children = None
    element._markup = leaf_markup(cls.tag, element._astr, None)
    return element


def _check_attributes(spec: ElementSpec, key: _Key) -> _Attrs:
    """Check an attribute set never seen (or no longer cached)."""
    given: dict[str, object] = {}
    for name, raw in key:
        found = COERCERS.get((spec.tag, name))
        if found is None:
            raise Irregular
        attr, coerce = found
        try:
            given[attr.py] = coerce(raw)
        except Invalid:
            raise Irregular from None
    result = _complete(spec, given)
    if result is None:
        raise Irregular
    return result


def _complete(spec: ElementSpec, given: dict[str, object]) -> _Attrs | None:
    """Table-ordered attributes with the always-emitted defaults, or None if one is missing."""
    for attr in rules.required(spec):
        if attr.py not in given:
            return None
    for attr in rules.emitted(spec):
        if attr.py not in given:
            given[attr.py] = attr.emit
    ordered = {a.py: given[a.py] for a in spec.attrs if a.py in given}
    return ordered, attr_string(spec, ordered)


COERCERS: dict[tuple[str, object], tuple[Attr, Callable[[object], object]]] = {
    (spec.tag, attr.xml): (attr, coercer(attr)) for spec in ELEMENTS.values() for attr in spec.attrs
}
_READERS: dict[object, _Reader] = {}
_CHILDREN: dict[str, dict[object, _Reader]] = {}
for _spec in ELEMENTS.values():
    _READERS[_spec.tag], _CHILDREN[_spec.tag] = _compile(_spec)
for _spec in ELEMENTS.values():
    _CHILDREN[_spec.tag].update((tag, _READERS[tag]) for tag in _spec.children)
del _spec
