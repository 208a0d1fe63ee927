"""The element base class: the API every verb and noun shares.

The verb classes are compiled from the element table by :mod:`inboundxml._compile`; their
instances are built by their constructors (checked values) or by the parser (:func:`make`).
Every element keeps the same layout, which the renderer, the compiled constructors and the
readers share:

- ``_attrs``: the attribute values by Python keyword (canonical values; in a leniently read
  document, values it could not type as written, and unknown attributes by markup name);
- ``_astr``: the attributes rendered, in table order (``' numDigits="1"'``);
- ``_text``: the text content, or None;
- ``_children``: the list of children, or None for elements without children;
- ``_markup``: the whole markup of an element without children, made by its constructor
  (its values are final) or by the reader for an element all in its attributes, or None
  (elements with children, other parsed elements).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar, NoReturn

from . import _rules as rules
from ._render import DECLARATION, Incomplete, attr_string, markup, render_children
from ._values import describe_allowed
from .errors import InboundXMLError
from .spec import ELEMENTS, ROOT, Attr, ElementSpec, TextKind

__all__ = [
    "Element",
    "attr_property",
    "check_count",
    "class_docstring",
    "fail_child",
    "fail_mixed",
    "make",
]


_DOCUMENT_START = f"{DECLARATION}<{ROOT}"
_DOCUMENT_END = f"</{ROOT}>"


class Element:
    """Base class of every InboundXML element.

    Elements compare equal when their tag, attributes, text and children are equal; their
    ``repr`` is the Python expression that builds them (for elements of a leniently read
    document with problems, the expression shows the values as written, which the
    constructor would refuse).
    """

    __slots__ = ("_astr", "_attrs", "_children", "_markup", "_text")
    spec: ClassVar[ElementSpec]
    tag: ClassVar[str]
    _allowed: ClassVar[frozenset[type[Element]]] = frozenset()
    _needs_content: ClassVar[bool] = False
    _close: ClassVar[str]
    _text_check: ClassVar[Callable[[object], str | None]]

    _attrs: dict[str, object]
    _astr: str
    _text: str | None
    _children: list[Element] | None
    _markup: str | None

    @property
    def text(self) -> str | None:
        """The text content (``None`` when there is none)."""
        return self._text

    @property
    def children(self) -> tuple[Element, ...]:
        """The child elements, in order."""
        return tuple(self._children or ())

    @property
    def attrs(self) -> dict[str, object]:
        """The attributes given, by Python keyword, with their canonical values.

        In a document read with ``parse(source, strict=False)``, a value that could not be
        typed is the text as written, and an attribute the element does not have is kept
        under its markup name.
        """
        return dict(self._attrs)

    def append(self, *children: Element) -> Element:
        """Add children at the end and return the element (so calls can be chained).

        Raises:
            InboundXMLError: A child this element may not contain (e.g. 13320 in Gather,
                13215 in Dial, 12200 elsewhere).
        """
        if not self.spec.children:
            fail_child(self.spec, children[0] if children else None)
        if self._text is not None and children:
            fail_mixed(self.spec)
        allowed = self._allowed
        for child in children:
            if type(child) not in allowed:
                fail_child(self.spec, child)
        if self._children is None:
            self._children = []
        self._children.extend(children)
        check_count(self.spec, self._children)
        return self

    def walk(self, path: str | None = None) -> Iterator[tuple[str, Element]]:
        """Yield ``(path, element)`` for this element and every descendant, in document order.

        Paths look like ``Response/Gather[0]/Say[1]`` (indexes count siblings of one tag).
        """
        here = path if path is not None else self.tag
        yield here, self
        seen: dict[str, int] = {}
        for child in self._children or ():
            index = seen.get(child.tag, 0)
            seen[child.tag] = index + 1
            yield from child.walk(f"{here}/{child.tag}[{index}]")

    def validate(self) -> None:
        """Check that the document is complete (what construction cannot know yet).

        Raises:
            InboundXMLError: e.g. 13226 for a Dial without destination, 12102 when the root
                is not Response.
        """
        self.to_xml()

    def to_xml(self, *, pretty: bool = False, declaration: bool = True) -> str:
        """The document as text, with the XML declaration.

        Args:
            pretty: Indent nested elements by two spaces, one element per line.
            declaration: Start with ``<?xml version="1.0" encoding="UTF-8"?>``.

        Raises:
            InboundXMLError: 12102 if this element is not a Response; 13226 for a Dial
                without destination (and other incomplete elements).
        """
        if self.tag != ROOT:
            raise InboundXMLError(rules.wrong_root(self.tag, self.tag, hint=True))
        return self._rendered(pretty, declaration)

    def to_bytes(self, *, pretty: bool = False) -> bytes:
        """The document as UTF-8 bytes with the XML declaration, ready for an HTTP body.

        Raises:
            InboundXMLError: As :meth:`to_xml`.
        """
        children = self._children
        if pretty or not children or self.tag != ROOT:
            return self.to_xml(pretty=pretty).encode()
        # The common case in one call and one join: Response's own tags are constants.
        out = [_DOCUMENT_START, self._astr, ">"]
        try:
            render_children(children, out)
        except Incomplete as exc:
            raise self._incomplete(exc) from None
        out.append(_DOCUMENT_END)
        return "".join(out).encode()

    def _rendered(self, pretty: bool, declaration: bool) -> str:
        try:
            return markup(self, pretty, declaration)
        except Incomplete as exc:
            raise self._incomplete(exc) from None

    def _incomplete(self, exc: Incomplete) -> InboundXMLError:
        path, element = next((p, e) for p, e in self.walk() if e is exc.element)
        return InboundXMLError(rules.empty(element.spec, path))

    def __str__(self) -> str:
        if self.tag == ROOT:
            return self.to_xml()
        return self._rendered(False, False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element):
            return NotImplemented
        return (
            self.__class__ is other.__class__
            and self._attrs == other._attrs
            and self._text == other._text
            and (self._children or []) == (other._children or [])
        )

    __hash__ = None  # type: ignore[assignment]  # elements are mutable (append)

    def __repr__(self) -> str:
        parts = [repr(self._text)] if self._text is not None else []
        parts += [repr(child) for child in self._children or ()]
        secret = _SECRETS.get(self.tag, frozenset())
        for key, value in self._attrs.items():
            parts.append(f"{key}={'***' if key in secret else repr(value)}")
        return f"{self.tag}({', '.join(parts)})"


_SECRETS = {spec.tag: frozenset(a.py for a in spec.attrs if a.secret) for spec in ELEMENTS.values()}


def fail_child(spec: ElementSpec, child: object) -> NoReturn:
    """Raise for a child ``spec`` may not contain (a string where it has no text)."""
    if isinstance(child, str):
        raise InboundXMLError(rules.stray_text(spec, child, spec.tag))
    kind = type(child)  # what it is, not what its __class__ says
    name = kind.tag if issubclass(kind, Element) else kind.__name__
    raise InboundXMLError(rules.child_not_allowed(spec, name, f"{spec.tag}/{name}"))


def fail_mixed(spec: ElementSpec) -> NoReturn:
    """Raise for text given beside children."""
    raise InboundXMLError(rules.mixed_content(spec, spec.tag))


def check_count(spec: ElementSpec, children: list[Element]) -> None:
    """Raise when ``children`` are more than ``spec`` takes."""
    limit = rules.child_limit(spec)
    if limit is not None and len(children) > limit:
        raise InboundXMLError(rules.too_many_children(spec, len(children), spec.tag))


def make(
    cls: type[Element],
    attrs: Mapping[str, object],
    text: str | None,
    children: list[Element] | None,
    extra: Mapping[str, str] | None = None,
) -> Element:
    """Build an element from parts already read (the parser's walker uses it).

    ``attrs`` are by Python keyword; ``extra`` maps the markup names of attributes the element
    does not have to their values as written (kept by the lenient reading).
    """
    element = cls.__new__(cls)
    spec = cls.spec
    ordered = {a.py: attrs[a.py] for a in spec.attrs if a.py in attrs}
    element._astr = attr_string(spec, ordered, extra)
    if extra:
        ordered.update(extra)
    element._attrs = ordered
    element._text = text
    element._children = children if spec.children else None
    element._markup = None
    return element


def attr_property(attr: Attr) -> property:
    """The read-only property of ``attr`` on its verb class."""
    key = attr.py

    def get(self: Element) -> object:
        return self._attrs.get(key)

    return property(get, doc=attr.doc)


def class_docstring(spec: ElementSpec) -> str:
    """The docstring of the verb class of ``spec`` (Args name each attribute's code)."""
    lines = [spec.doc, ""]
    if spec.then:
        lines += [f"After it: {spec.then}", ""]
    if spec.text is not TextKind.NONE:
        need = "required" if spec.text_required else "optional"
        lines += [f"Text: {spec.text.value} ({need}; error {spec.text_code}).", ""]
    if spec.children:
        lines += [f"Children: {', '.join(spec.children)}.", ""]
    if spec.attrs:
        lines.append("Args:")
        for attr in spec.attrs:
            extra = f" Default: {attr.default}." if attr.default else ""
            lines.append(
                f"    {attr.py}: {attr.doc} Allowed: {describe_allowed(attr)}. "
                f"({attr.xml}; error {attr.code}).{extra}"
            )
        lines.append("")
    lines += ["Raises:", "    InboundXMLError: A value the platform does not allow.", ""]
    lines += ["Example:", f"    >>> {spec.example}" if spec.example else "", ""]
    return "\n".join(lines)
