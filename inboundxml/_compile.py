"""The compiler: table entries -> verb classes (their constructors).

Each class gets an ``__init__`` compiled from its table entry whose keywords are the element's
attributes (snake_case): it checks every value as it is given and pre-renders the attributes,
so that building and serializing a document costs little more than formatting a string. The
fast readers of the parser (:mod:`inboundxml._reader`) are compiled with :func:`compile_source`
and share the constructors' cheap text test (:func:`fast_text_source`).

The checks come from the table and the problems from :mod:`inboundxml._rules`. Generated
source is compiled under a file name of its own (``<inboundxml generated Say.__init__>``) and
registered with :mod:`linecache`, so tracebacks and debuggers show it.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from typing import Any, NoReturn

from . import _rules as rules
from ._element import Element, attr_property, check_count, class_docstring, fail_child, fail_mixed
from ._values import (
    Invalid,
    check_format,
    coercer,
    escape_attr,
    escape_text,
    lexicon,
    render_value,
    text_checker,
    text_limit,
)
from .errors import InboundXMLError
from .spec import ELEMENTS, Attr, ElementSpec, Kind, TextKind

__all__ = [
    "KNOWN_TEXT_LENGTH",
    "KNOWN_VALUES",
    "SMALL_INTS",
    "canonical_text",
    "compile_class",
    "compile_source",
    "fast_text_source",
]


def compile_source(source: str, name: str, namespace: dict[str, Any]) -> None:
    """Run generated ``source`` in ``namespace``, under a file name that tracebacks can show.

    Args:
        source: The generated code.
        name: What it defines (``Say.__init__``); the file name is made from it.
        namespace: The globals of the code; its definitions are added to it.
    """
    filename = f"<inboundxml generated {name}>"
    # A None modification time keeps the entry: linecache.checkcache drops only real files.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102


def canonical_text(spec: ElementSpec, value: object) -> str | None:
    """Check text content and return its canonical form; raise :class:`Invalid`."""
    text = ELEMENT_TEXT[spec.tag](value)
    if text is not None:
        check_format(spec, text)
    return text


def fast_text_source(spec: ElementSpec, *, parsed: bool = False) -> str:
    """A cheap test that proves common text valid, when the format needs no further check.

    The test reads the variable ``text``. With ``parsed`` the text comes from an XML parser:
    it is a string or None and holds only characters XML carries, so the test need not look
    for the others (a control character, a lone surrogate).
    """
    most = text_limit(spec)
    limit = f" and len(text) <= {most}" if most is not None else ""
    typed = "text" if parsed else "text.__class__ is str and text"
    if spec.text is TextKind.SPEECH:
        printable = "" if parsed else " and text.isprintable()"
        return f"{typed}{printable} and not text.isspace(){limit}"
    if spec.text in (TextKind.URL, TextKind.NAME):
        # No whitespace at all. In parsed ASCII text the only whitespace characters XML
        # carries are these four; other text needs the full test.
        unspaced = "text.isprintable() and ' ' not in text"
        if parsed:
            ascii_unspaced = " and ".join(f"{c!r} not in text" for c in " \t\n\r")
            unspaced = f"({ascii_unspaced} if text.isascii() else {unspaced})"
        return f"{typed} and {unspaced}{limit}"
    if spec.text is TextKind.PHONE:  # ASCII digits, after a '+' or not
        digits = "(text.isdigit() or (text[0] == '+' and text[1:].isdigit()))"
        return f"{typed} and text.isascii() and {digits}{limit}"
    return ""


_KEY_CLASS = {Kind.INT: int, Kind.BOOL: bool, Kind.BOOL_OR_INT: bool}
"""The class of the values an attribute's memory is keyed by (``str`` for the other kinds)."""
_NO_ATTRS: dict[str, object] = {}
"""The attributes of every element built without any (attribute dicts are never mutated)."""
SMALL_INTS = 100
"""Integer attribute values below this are known (with their markup) from the start."""
KNOWN_VALUES = 1024
"""Values remembered per attribute as valid (with their markup); the memory starts over when
full. Closed lists (enums, methods, flags) are known from the start. Texts of elements
without children are remembered likewise, with their markup."""
KNOWN_TEXT_LENGTH = 256
"""Longer texts are checked every time, never remembered."""


Known = tuple[object, str, dict[str, object]]
"""A value known valid: its canonical form, its markup, and the attributes it alone makes."""


def _known(attr: Attr, value: object) -> Known:
    return value, f' {attr.xml}="{render_value(value)}"', {attr.py: value}


def _add(index: int, attr: Attr, value: str, single: str, last: bool) -> list[str]:
    """Add an attribute to ``a``: dicts of one attribute are shared, copied before a second."""
    if index == 0:
        return [f"        a = {single}"]
    copy = ["            a = a.copy()", f"            a[{attr.py!r}] = {value}"]
    copy += [] if last else ["            own = True"]
    if index == 1:  # ``a`` is empty or shared
        return ["        if a is _E:", f"            a = {single}", "        else:", *copy]
    return [
        "        if a is _E:",
        f"            a = {single}",
        "        elif own:",
        f"            a[{attr.py!r}] = {value}",
        "        else:",
        *copy,
    ]


def _absent(index: int, attr: Attr, spec: ElementSpec) -> list[str]:
    """The ``else`` branch of an attribute not given: required, emitted default, or nothing."""
    if attr in rules.required(spec):
        return ["    else:", f"        raise _missing({index})"]
    if attr in rules.emitted(spec) and attr.emit is not None:
        return [
            "    else:",
            *_add(index, attr, repr(attr.emit), f"_d{index}", attr is spec.attrs[-1]),
            f"        s += ' {attr.xml}=\"{escape_attr(attr.emit)}\"'",
        ]
    return []


def _known_values(attr: Attr, check: Callable[[object], object]) -> dict[object, Known]:
    """The values known valid for ``attr`` from the start: a closed list, flags, small numbers."""
    if attr.kind in (Kind.ENUM, Kind.METHOD):
        given: list[object] = list(lexicon(attr))
    elif attr.kind in (Kind.BOOL, Kind.BOOL_OR_INT):
        given = [True, False]
    elif attr.kind is Kind.INT:
        given = list(range(SMALL_INTS))
    else:
        return {}
    known: dict[object, Known] = {}
    for raw in given:
        try:
            known[raw] = _known(attr, check(raw))
        except Invalid:
            continue
    return known


def _attr_lines(index: int, attr: Attr, spec: ElementSpec) -> list[str]:
    """Check a given value: values seen before map straight to their canonical value and markup."""
    x, key = attr.py, _KEY_CLASS.get(attr.kind, str).__name__
    lines = [
        f"    if {x} is not None:",
        f"        c = _k{index}.get({x}) if {x}.__class__ is {key} else None",
        "        if c is None:",
        "            try:",
        f"                c = _m{index}({x})",
        "            except _Invalid as e:",
        f"                raise _fail({index}, e) from None",
        *_add(index, attr, "c[0]", "c[2]", attr is spec.attrs[-1]),
        "        s += c[1]",
    ]
    return lines + _absent(index, attr, spec)


def _text_lines(spec: ElementSpec) -> list[str]:
    """Check the text of an element without children and make its markup.

    Texts seen before map straight to their canonical form and markup (whole, for an element
    built without attributes).
    """
    tag = spec.tag
    if spec.text is TextKind.NONE:
        return [
            "    self._text = None",
            f"    self._markup = f'<{tag}{{s}}/>' if s else '<{tag}/>'",
        ]
    lines = [
        "    c = _kt.get(text) if text.__class__ is str else None",
        "    if c is None:",
    ]
    fast = fast_text_source(spec)
    if fast:
        lines += [f"        if {fast}:", "            c = _lt(text, text)", "        else:"]
    pad = "    " if fast else ""
    lines += [
        f"{pad}        c = _lt(text, _text(text))",
        "    self._text = c[0]",
        f"    self._markup = f'<{tag}{{s}}{{c[1]}}' if s else c[2]",
    ]
    return lines


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
    lines += ["    if unknown:", "        _unknown(unknown)", "    a = _E", "    s = ''"]
    if len(spec.attrs) > 2:
        lines.append("    own = False")
    for i, attr in enumerate(spec.attrs):
        lines += _attr_lines(i, attr, spec)
    lines += ["    self._attrs = a", "    self._astr = s"]
    if not spec.children:
        lines += ["    self._children = None", *_text_lines(spec)]
        return "\n".join(lines) + "\n"
    lines.append("    self._markup = None")
    if has_text:
        lines += ["    self._text, self._children = _content(content)"]
    else:
        lines += [
            "    allowed = self._allowed",
            "    if len(children) > 4:",  # one pass in C; a loop costs less for a few
            "        if not allowed.issuperset(map(type, children)):",
            "            _bad_among(children)",
            "    else:",
            "        for c in children:",
            "            if type(c) not in allowed:",
            "                _bad_among(children)",
            "    self._text = None",
            "    self._children = list(children)",
        ]
        if rules.child_limit(spec) is not None:
            lines += ["    _count(self._children)"]
    return "\n".join(lines) + "\n"


def compile_class(spec: ElementSpec) -> type[Element]:
    """Compile the verb class of one table entry (its ``_allowed`` children are set later)."""
    attrs = spec.attrs

    def fail(index: int, exc: Invalid) -> InboundXMLError:
        attr = attrs[index]
        return InboundXMLError(rules.attribute_value(spec, attr, exc, f"{spec.tag}@{attr.xml}"))

    def missing(index: int) -> InboundXMLError:
        attr = attrs[index]
        path = f"{spec.tag}@{attr.xml}"
        return InboundXMLError(rules.missing_attribute(spec, attr, path, python=True))

    def text(value: object) -> str | None:
        try:
            return canonical_text(spec, value)
        except Invalid as exc:
            raise InboundXMLError(rules.text_value(spec, exc, spec.tag)) from None

    def unknown(given: dict[str, object]) -> NoReturn:
        name = next(iter(given))
        path = f"{spec.tag}@{name}"
        raise InboundXMLError(rules.unknown_attribute(spec, name, path, python=True))

    def bad(child: object) -> NoReturn:
        fail_child(spec, child)

    def bad_among(children: tuple[object, ...]) -> NoReturn:
        fail_child(spec, next(c for c in children if type(c) not in cls._allowed))

    def count(children: list[Element]) -> None:
        check_count(spec, children)

    cls: type[Element] = type(
        spec.tag,
        (Element,),
        {
            "__slots__": (),
            "spec": spec,
            "tag": spec.tag,
            "_close": f"</{spec.tag}>",
            "_needs_content": spec.content_required,
        },
    )

    def content(items: tuple[object, ...]) -> tuple[str | None, list[Element]]:
        value: str | None = None
        kids: list[Element] = []
        for item in items:
            if isinstance(item, str):
                if value is not None:
                    raise InboundXMLError(rules.too_many_texts(spec, spec.tag))
                value = text(item)
            elif isinstance(item, Element) and type(item) in cls._allowed:
                kids.append(item)
            else:
                bad(item)
        if value is not None and kids:
            fail_mixed(spec)
        return value, kids

    texts: dict[str, KnownText] = {}
    namespace: dict[str, Any] = {
        "_E": _NO_ATTRS,
        "_Invalid": Invalid,
        "_fail": fail,
        "_missing": missing,
        "_unknown": unknown,
        "_text": text,
        "_content": content,
        "_bad_among": bad_among,
        "_count": count,
        "_kt": texts,
        "_lt": _text_learner(spec.tag, texts),
    }
    for i, attr in enumerate(attrs):
        check = coercer(attr)
        known = _known_values(attr, check)
        namespace[f"_k{i}"] = known
        namespace[f"_m{i}"] = _learner(attr, check, known)
        if attr.emit is not None:
            namespace[f"_d{i}"] = {attr.py: attr.emit}
    # Compiling the constructor from the table (as dataclasses do) keeps one check per
    # given keyword and no per-call loop over the element's attributes.
    compile_source(_init_source(spec), f"{spec.tag}.__init__", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{spec.tag}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    cls.__doc__ = class_docstring(spec)
    cls.__module__ = "inboundxml.verbs"
    for attr in attrs:
        setattr(cls, attr.py, attr_property(attr))
    return cls


def _learner(
    attr: Attr, check: Callable[[object], object], known: dict[object, Known]
) -> Callable[[object], Known]:
    """Check a value not known yet (raise :class:`Invalid`); remember it and its markup."""
    key = _KEY_CLASS.get(attr.kind, str)
    learns = attr.kind not in (Kind.ENUM, Kind.METHOD)  # closed lists are known in full

    def learn(given: object) -> Known:
        result = _known(attr, check(given))
        if learns and given.__class__ is key:
            if len(known) >= KNOWN_VALUES:
                known.clear()
            known[given] = result
        return result

    return learn


KnownText = tuple[str | None, str, str]
"""A text known valid: its canonical form, the end of its element's markup (``'>Hi</Say>'``),
and the whole markup of its element without attributes (``'<Say>Hi</Say>'``)."""


def _text_learner(
    tag: str, known: dict[str, KnownText]
) -> Callable[[object, str | None], KnownText]:
    """Remember a text checked valid with its canonical form and its markup."""

    def learn(given: object, value: str | None) -> KnownText:
        end = "/>" if value is None else f">{escape_text(value)}</{tag}>"
        result = (value, end, f"<{tag}{end}")
        if given.__class__ is str and len(given) <= KNOWN_TEXT_LENGTH:
            if len(known) >= KNOWN_VALUES:
                known.clear()
            known[given] = result
        return result

    return learn


ELEMENT_TEXT: dict[str, Callable[[object], str | None]] = {
    spec.tag: text_checker(spec) for spec in ELEMENTS.values()
}
