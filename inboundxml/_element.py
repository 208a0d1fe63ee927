"""The element base class and the compiler that turns a table entry into a verb class.

Each class gets an ``__init__`` compiled from its table entry whose keywords are the element's
attributes (snake_case): it checks every value as it is given and pre-renders the attributes,
so that building and serializing a document costs little more than formatting a string.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, NoReturn

from ._values import (
    UNENCODABLE_CODE,
    BadFormat,
    Invalid,
    Unencodable,
    check_format,
    coercer,
    describe_allowed,
    escape_attr,
    escape_text,
    lexicon,
    render_value,
    text_checker,
)
from .errors import InboundXMLError, Problem
from .spec import ELEMENTS, ROOT, Attr, ElementSpec, Kind, TextKind

__all__ = ["Element", "compile_class", "make"]

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class _Incomplete(Exception):  # noqa: N818  (internal signal, never escapes)
    """An element found incomplete while rendering; the caller adds its path."""

    def __init__(self, element: Element, code: int, message: str) -> None:
        super().__init__(message)
        self.element, self.code, self.message = element, code, message


class Element:
    """Base class of every InboundXML element.

    Elements compare equal when their tag, attributes, text and children are equal; their
    ``repr`` is the Python expression that builds them.
    """

    __slots__ = ("_astr", "_attrs", "_children", "_text")
    spec: ClassVar[ElementSpec]
    tag: ClassVar[str]
    _allowed: ClassVar[frozenset[type[Element]]] = frozenset()
    _needs_content: ClassVar[bool] = False
    _text_check: ClassVar[Callable[[object], str | None]]

    _attrs: dict[str, object]
    _astr: str
    _text: str | None
    _children: list[Element] | None

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
        """The attributes given, by Python keyword, with their canonical values."""
        return dict(self._attrs)

    def append(self, *children: Element) -> Element:
        """Add children at the end and return the element (so calls can be chained).

        Raises:
            InboundXMLError: A child this element may not contain (e.g. 13320 in Gather,
                13215 in Dial, 12200 elsewhere).
        """
        if not self.spec.children:
            _fail_child(self.spec, children[0] if children else None)
        if self._text is not None and children:
            _fail_mixed(self.spec)
        allowed = self._allowed
        for child in children:
            if child.__class__ not in allowed:
                _fail_child(self.spec, child)
        if self._children is None:
            self._children = []
        self._children.extend(children)
        _check_count(self.spec, self._children)
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
            raise InboundXMLError(
                Problem(
                    12102,
                    self.tag,
                    f"the root element must be Response, not {self.tag}; "
                    f"wrap it: Response({self.tag}(...))",
                )
            )
        return self._markup(pretty, declaration)

    def to_bytes(self, *, pretty: bool = False) -> bytes:
        """The document as UTF-8 bytes with the XML declaration, ready for an HTTP body.

        Raises:
            InboundXMLError: As :meth:`to_xml`.
        """
        return self.to_xml(pretty=pretty).encode()

    def _markup(self, pretty: bool, declaration: bool) -> str:
        out: list[str] = []
        if declaration:
            out.append(DECLARATION + "\n" if pretty else DECLARATION)
        try:
            if pretty:
                self._render_pretty(out, "")
            else:
                _render(self, out)
        except _Incomplete as exc:
            path = next(p for p, e in self.walk() if e is exc.element)
            raise InboundXMLError(Problem(exc.code, path, exc.message)) from None
        return "".join(out)

    def _render_pretty(self, out: list[str], indent: str) -> None:
        children = self._children
        if children:
            out.append(f"{indent}<{self.tag}{self._astr}>\n")
            for child in children:
                child._render_pretty(out, indent + "  ")
            out.append(f"{indent}</{self.tag}>\n")
        else:
            out.append(indent)
            _render_leaf(self, out)
            out.append("\n")

    def __str__(self) -> str:
        if self.tag == ROOT:
            return self.to_xml()
        return self._markup(False, False)

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


def _render(element: Element, out: list[str]) -> None:
    # One function for the whole tree, with leaves rendered inline: most elements are
    # leaves, and a call per element would cost more than the rendering itself.
    children = element._children
    if not children:
        _render_leaf(element, out)
        return
    tag = element.tag
    out.append(f"<{tag}{element._astr}>")
    for child in children:
        if child._children:
            _render(child, out)
            continue
        text = child._text
        if text is None:
            if child._needs_content:
                _incomplete(child)
            out.append(f"<{child.tag}{child._astr}/>")
        else:
            if "&" in text or "<" in text or ">" in text or "\r" in text:
                text = escape_text(text)
            out.append(f"<{child.tag}{child._astr}>{text}</{child.tag}>")
    out.append(f"</{tag}>")


def _render_leaf(element: Element, out: list[str]) -> None:
    tag, text = element.tag, element._text
    if text is not None:
        out.append(f"<{tag}{element._astr}>{escape_text(text)}</{tag}>")
    elif element._needs_content:
        _incomplete(element)
    else:
        out.append(f"<{tag}{element._astr}/>")


def empty_message(spec: ElementSpec) -> str:
    """What an element that needs content but has none is told."""
    kinds = " or ".join(spec.children)
    what = f"a destination as text or a {kinds} child" if spec.text is not TextKind.NONE else kinds
    return f"{spec.tag} is empty; it needs {what}"


def _incomplete(element: Element) -> NoReturn:
    spec = element.spec
    raise _Incomplete(element, spec.content_code, empty_message(spec))


def _fail_child(spec: ElementSpec, child: object) -> NoReturn:
    if isinstance(child, str):
        problem = f"{spec.tag} has no text content; got the string {child[:40]!r}"
        raise InboundXMLError(Problem(12200, spec.tag, problem))
    name = child.tag if isinstance(child, Element) else type(child).__name__
    allowed = ", ".join(spec.children) if spec.children else "no children"
    raise InboundXMLError(
        Problem(
            spec.child_code,
            f"{spec.tag}/{name}",
            f"{name} is not allowed inside {spec.tag}; allowed: {allowed}",
        )
    )


def _fail_mixed(spec: ElementSpec) -> NoReturn:
    raise InboundXMLError(
        Problem(
            12200,
            spec.tag,
            f"give {spec.tag} either text or {'/'.join(spec.children)} children, not both",
        )
    )


def _check_count(spec: ElementSpec, children: list[Element]) -> None:
    if spec.max_children is not None and len(children) > spec.max_children:
        raise InboundXMLError(
            Problem(
                spec.child_code,
                spec.tag,
                f"{spec.tag} takes at most {spec.max_children} child element(s); "
                f"got {len(children)}",
            )
        )


def attr_problem(spec: ElementSpec, attr: Attr, exc: Invalid, parent: str | None = None) -> Problem:
    """The problem for an invalid value of ``attr`` (the code depends on the parent)."""
    code = UNENCODABLE_CODE if isinstance(exc, Unencodable) else attr.code_in(parent)
    return Problem(code, f"{spec.tag}@{attr.xml}", f"{attr.xml} {exc}")


def text_problem(spec: ElementSpec, exc: Invalid) -> Problem:
    """The problem for invalid text content of ``spec``."""
    code = spec.text_code
    if isinstance(exc, Unencodable):
        code = UNENCODABLE_CODE
    elif isinstance(exc, BadFormat) and spec.format_code is not None:
        code = spec.format_code
    return Problem(code, spec.tag, f"text {exc}")


def canonical_text(spec: ElementSpec, value: object) -> str | None:
    """Check text content and return its canonical form; raise :class:`Invalid`."""
    text = ELEMENT_TEXT[spec.tag](value)
    if text is not None:
        check_format(spec, text)
    return text


def _render_expr(attr: Attr) -> str:
    """The markup of a checked value ``v`` of a flag or number attribute."""
    if attr.kind is Kind.BOOL:
        return "('true' if v else 'false')"
    if attr.kind is Kind.INT:
        return "str(v)"
    return "_rv(v)"  # BOOL_OR_INT


def _fast_check(attr: Attr) -> str:
    """A cheap test that proves a common value of a flag or number valid (else the full check)."""
    if attr.kind is Kind.INT and not attr.values:
        lo = "" if attr.minimum is None else f"{attr.minimum} <= "
        hi = "" if attr.maximum is None else f" <= {attr.maximum}"
        test = "{x}.__class__ is int"
        return test + (f" and {lo}{{x}}{hi}" if lo or hi else "")
    if attr.kind is Kind.BOOL:
        return "{x}.__class__ is bool"
    return ""


def fast_text_source(spec: ElementSpec, *, str_or_none: bool = False) -> str:
    """A cheap test that proves common text valid, when the format needs no further check.

    The test reads the variable ``text``; with ``str_or_none`` it may assume that ``text`` is
    a string or None (as parsed text is).
    """
    limit = f" and len(text) <= {spec.text_max}" if spec.text_max is not None else ""
    typed = "text" if str_or_none else "text.__class__ is str and text"
    if spec.text is TextKind.SPEECH:
        return f"{typed} and text.isprintable() and not text.isspace(){limit}"
    if spec.text in (TextKind.URL, TextKind.NAME):
        return f"{typed} and text.isprintable() and ' ' not in text{limit}"
    return ""


_BY_NUMBER = frozenset({Kind.INT, Kind.BOOL, Kind.BOOL_OR_INT})
"""Kinds given as Python numbers or flags; every other kind is given as a string."""
SMALL_INTS = 100
"""Integer attribute values below this have their markup made in advance."""
KNOWN_VALUES = 1024
"""Strings remembered per attribute as valid (with their markup); the memory starts over when
full. Closed lists (enums, methods) are known from the start."""


def _absent(index: int, attr: Attr) -> list[str]:
    """The ``else`` branch of an attribute not given: required, emitted default, or nothing."""
    if attr.required:
        return ["    else:", f"        raise _missing({index})"]
    if attr.emit is not None:
        return [
            "    else:",
            f"        a[{attr.py!r}] = {attr.emit!r}",
            f"        s += ' {attr.xml}=\"{escape_attr(attr.emit)}\"'",
        ]
    return []


def _known_values(attr: Attr, check: Callable[[object], object]) -> dict[str, tuple[object, str]]:
    """The strings known valid for ``attr`` from the start: every form of a closed list."""
    if attr.kind not in (Kind.ENUM, Kind.METHOD):
        return {}
    known = {}
    for raw in lexicon(attr):
        value = check(raw)
        known[raw] = (value, f' {attr.xml}="{render_value(value)}"')
    return known


def _init_source(spec: ElementSpec) -> str:
    has_text = spec.text is not TextKind.NONE
    if has_text and spec.children:
        params = ["self", "*content"]
    elif has_text:
        params = ["self", "text=None", "/"] + (["*"] if spec.attrs else [])
    elif spec.children:
        params = ["self", "*children"]
    else:
        params = ["self"] + (["*"] if spec.attrs else [])
    params += [f"{a.py}=None" for a in spec.attrs]
    params.append("**unknown")
    lines = [f"def __init__({', '.join(params)}):"]
    lines += ["    if unknown:", "        _unknown(unknown)", "    a = {}", "    s = ''"]
    for i, attr in enumerate(spec.attrs):
        lines.append(f"    if {attr.py} is not None:")
        if attr.kind not in _BY_NUMBER:
            # Strings seen before map straight to their canonical value and markup.
            x = attr.py
            lines += [
                f"        c = _k{i}.get({x}) if {x}.__class__ is str else None",
                "        if c is None:",
                f"            c = _m{i}({x})",
                f"        a[{x!r}] = c[0]",
                "        s += c[1]",
            ]
            lines += _absent(i, attr)
            continue
        fast = _fast_check(attr)
        if fast:
            lines += [
                f"        if {fast.format(x=attr.py)}:",
                f"            v = {attr.py}",
                "        else:",
            ]
        pad = "    " if fast else ""
        lines += [
            f"{pad}        try:",
            f"{pad}            v = _c{i}({attr.py})",
            f"{pad}        except _Invalid as e:",
            f"{pad}            raise _fail({i}, e) from None",
            f"        a[{attr.py!r}] = v",
        ]
        markup = f"' {attr.xml}=\"' + {_render_expr(attr)} + '\"'"
        if attr.kind is Kind.INT:  # small numbers have their markup made in advance
            lines.append(f"        s += _f{i}[v] if 0 <= v < {SMALL_INTS} else {markup}")
        else:
            lines.append(f"        s += {markup}")
        lines += _absent(i, attr)
    lines += ["    self._attrs = a", "    self._astr = s"]
    if has_text and spec.children:
        lines += ["    self._text, self._children = _content(content)"]
    elif has_text:
        fast = fast_text_source(spec)
        if fast:
            lines += [f"    if {fast}:", "        self._text = text", "    else:"]
            lines += ["        self._text = _text(text)"]
        else:
            lines += ["    self._text = _text(text)"]
        lines += ["    self._children = None"]
    elif spec.children:
        lines += [
            "    allowed = self._allowed",
            "    for c in children:",
            "        if c.__class__ not in allowed:",
            "            _bad(c)",
            "    self._text = None",
            "    self._children = list(children)",
        ]
        if spec.max_children is not None:
            lines += ["    _count(self._children)"]
    else:
        lines += ["    self._text = None", "    self._children = None"]
    return "\n".join(lines) + "\n"


def compile_class(spec: ElementSpec) -> type[Element]:
    """Compile the verb class of one table entry (its ``_allowed`` children are set later)."""
    attrs = spec.attrs

    def fail(index: int, exc: Invalid) -> InboundXMLError:
        return InboundXMLError(attr_problem(spec, attrs[index], exc))

    def missing(index: int) -> InboundXMLError:
        attr = attrs[index]
        return InboundXMLError(
            Problem(
                attr.code,
                f"{spec.tag}@{attr.xml}",
                f"{attr.xml} is required; pass {attr.py}=...",
            )
        )

    def text(value: object) -> str | None:
        try:
            return canonical_text(spec, value)
        except Invalid as exc:
            raise InboundXMLError(text_problem(spec, exc)) from None

    def unknown(given: dict[str, object]) -> NoReturn:
        name = next(iter(given))
        known = [a.py for a in attrs]
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        allowed = ", ".join(known) or "none"
        raise InboundXMLError(
            Problem(
                12200,
                f"{spec.tag}@{name}",
                f"{spec.tag} has no attribute {name!r}{hint}; allowed: {allowed}",
            )
        )

    def bad(child: object) -> NoReturn:
        _fail_child(spec, child)

    def count(children: list[Element]) -> None:
        _check_count(spec, children)

    cls: type[Element] = type(
        spec.tag,
        (Element,),
        {
            "__slots__": (),
            "spec": spec,
            "tag": spec.tag,
            "_needs_content": spec.content_required,
        },
    )

    def content(items: tuple[object, ...]) -> tuple[str | None, list[Element]]:
        value: str | None = None
        kids: list[Element] = []
        for item in items:
            if isinstance(item, str):
                if value is not None:
                    raise InboundXMLError(
                        Problem(12200, spec.tag, f"{spec.tag} takes one text at most")
                    )
                value = text(item)
            elif isinstance(item, Element) and item.__class__ in cls._allowed:
                kids.append(item)
            else:
                bad(item)
        if value is not None and kids:
            _fail_mixed(spec)
        return value, kids

    namespace: dict[str, Any] = {
        "_Invalid": Invalid,
        "_fail": fail,
        "_missing": missing,
        "_unknown": unknown,
        "_text": text,
        "_content": content,
        "_bad": bad,
        "_count": count,
        "_rv": render_value,
    }
    for i, attr in enumerate(attrs):
        check = coercer(attr)
        namespace[f"_c{i}"] = check
        known = _known_values(attr, check)
        namespace[f"_k{i}"] = known
        namespace[f"_m{i}"] = _learner(i, attr, check, known, fail)
        if attr.kind is Kind.INT:
            namespace[f"_f{i}"] = tuple(f' {attr.xml}="{n}"' for n in range(SMALL_INTS))
    # Compiling the constructor from the table (as dataclasses do) keeps one check per
    # given keyword and no per-call loop over the element's attributes.
    exec(_init_source(spec), namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{spec.tag}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    cls.__doc__ = _docstring(spec)
    cls.__module__ = __name__
    for attr in attrs:
        setattr(cls, attr.py, _attr_property(attr))
    return cls


def _learner(
    index: int,
    attr: Attr,
    check: Callable[[object], object],
    known: dict[str, tuple[object, str]],
    fail: Callable[[int, Invalid], InboundXMLError],
) -> Callable[[object], tuple[object, str]]:
    """Check a value not known yet; remember it (and its markup) when it is a valid string."""
    learns = attr.kind not in (Kind.ENUM, Kind.METHOD)  # closed lists are known in full

    def learn(given: object) -> tuple[object, str]:
        try:
            value = check(given)
        except Invalid as exc:
            raise fail(index, exc) from None
        result = (value, f' {attr.xml}="{render_value(value)}"')
        if learns and given.__class__ is str:
            if len(known) >= KNOWN_VALUES:
                known.clear()
            known[given] = result
        return result

    return learn


def _attr_property(attr: Attr) -> property:
    key = attr.py

    def get(self: Element) -> object:
        return self._attrs.get(key)

    return property(get, doc=attr.doc)


def _docstring(spec: ElementSpec) -> str:
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


ELEMENT_TEXT: dict[str, Callable[[object], str | None]] = {
    spec.tag: text_checker(spec) for spec in ELEMENTS.values()
}


def attr_string(spec: ElementSpec, attrs: dict[str, object]) -> str:
    """The pre-rendered attribute text of canonical ``attrs`` (in table order)."""
    return "".join(f' {a.xml}="{render_value(attrs[a.py])}"' for a in spec.attrs if a.py in attrs)


def make(
    cls: type[Element], attrs: dict[str, object], text: str | None, children: list[Element] | None
) -> Element:
    """Build an element from already-checked parts (used by the parser)."""
    element = cls.__new__(cls)
    ordered = {a.py: attrs[a.py] for a in cls.spec.attrs if a.py in attrs}
    element._attrs = ordered
    element._astr = attr_string(cls.spec, ordered)
    element._text = text
    element._children = children if cls.spec.children else None
    return element
