"""Elements -> markup: compact (one line) or pretty (indented), with the XML declaration.

Elements keep their attributes pre-rendered (``_astr``, made by the constructor or the reader
when the values are checked), so rendering only joins strings and escapes text. An element
that still lacks content it needs (a Dial without destination) cannot be rendered: the
renderer raises :class:`Incomplete` and the caller names the path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NoReturn, Protocol

from ._values import escape_text, render_value
from .spec import ElementSpec

__all__ = [
    "DECLARATION",
    "Incomplete",
    "Rendered",
    "attr_string",
    "leaf_markup",
    "markup",
    "render_children",
]

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class Rendered(Protocol):
    """What the renderer reads of an element (the layout :class:`Element` documents)."""

    @property
    def tag(self) -> str:
        """The element's tag."""

    @property
    def _astr(self) -> str:
        """The attributes, rendered (``' numDigits="1"'``)."""

    @property
    def _text(self) -> str | None:
        """The text content."""

    @property
    def _markup(self) -> str | None:
        """The whole markup of an element without children, when it is made in advance."""

    @property
    def _close(self) -> str:
        """The element's end tag (``'</Gather>'``)."""

    @property
    def _children(self) -> Sequence[Rendered] | None:
        """The children."""

    @property
    def _needs_content(self) -> bool:
        """Whether the element needs text or children to be complete."""


class Incomplete(Exception):  # noqa: N818  (internal signal, never escapes)
    """An element found incomplete while rendering; the caller adds its path."""

    def __init__(self, element: Rendered) -> None:
        super().__init__(element.tag)
        self.element = element


def markup(element: Rendered, pretty: bool, declaration: bool) -> str:
    """The markup of ``element`` and its descendants.

    Raises:
        Incomplete: An element needs content it does not have.
    """
    if not pretty:
        if not element._children:
            out: list[str] = [DECLARATION] if declaration else []
            _render_leaf(element, out)
            return "".join(out)
        return _compact(element, DECLARATION if declaration else "")
    out = [DECLARATION + "\n"] if declaration else []
    _render_pretty(element, out, "")
    return "".join(out)


def _compact(element: Rendered, head: str) -> str:
    """``head`` and the compact markup of ``element``, an element with children."""
    out = [head, f"<{element.tag}{element._astr}>"]
    render_children(element._children, out)  # type: ignore[arg-type]
    out.append(element._close)
    return "".join(out)


def render_children(children: Sequence[Rendered], out: list[str]) -> None:
    """Append the compact markup of ``children`` to ``out`` (their parent writes its tags).

    Raises:
        Incomplete: An element needs content it does not have.
    """
    # One function for the whole tree, with leaves rendered inline: most elements are
    # leaves, and a call per element would cost more than the rendering itself.
    append = out.append
    for child in children:
        made = child._markup
        if made is not None:
            append(made)
        elif child._children:
            append(f"<{child.tag}{child._astr}>")
            render_children(child._children, out)
            append(child._close)
        else:  # a leaf read by the parser: no markup made in advance
            text = child._text
            name = child.tag
            if text is None:
                if child._needs_content:
                    _incomplete(child)
                append(f"<{name}{child._astr}/>")
            else:
                if "&" in text or "<" in text or ">" in text or "\r" in text:
                    text = escape_text(text)
                append(f"<{name}{child._astr}>{text}</{name}>")


def _render_leaf(element: Rendered, out: list[str]) -> None:
    made = element._markup
    if made is not None:
        out.append(made)
        return
    if element._text is None and element._needs_content:
        _incomplete(element)
    out.append(leaf_markup(element.tag, element._astr, element._text))


def leaf_markup(tag: str, astr: str, text: str | None) -> str:
    """The markup of an element without children, from its rendered attributes and text."""
    if text is None:
        return f"<{tag}{astr}/>"
    return f"<{tag}{astr}>{escape_text(text)}</{tag}>"


def _render_pretty(element: Rendered, out: list[str], indent: str) -> None:
    children = element._children
    if children:
        out.append(f"{indent}<{element.tag}{element._astr}>\n")
        for child in children:
            _render_pretty(child, out, indent + "  ")
        out.append(f"{indent}</{element.tag}>\n")
    else:
        out.append(indent)
        _render_leaf(element, out)
        out.append("\n")


def _incomplete(element: Rendered) -> NoReturn:
    raise Incomplete(element)


def attr_string(
    spec: ElementSpec, attrs: Mapping[str, object], extra: Mapping[str, str] | None = None
) -> str:
    """The rendered attributes of checked ``attrs`` (in table order), then ``extra`` ones.

    ``extra`` maps markup names to values as written: the attributes an element does not have,
    which the lenient reading keeps.
    """
    text = "".join(f' {a.xml}="{render_value(attrs[a.py])}"' for a in spec.attrs if a.py in attrs)
    if extra:
        text += "".join(f' {name}="{render_value(value)}"' for name, value in extra.items())
    return text
