"""Hypothesis strategies: random valid InboundXML trees built from the element classes."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from inboundxml import Element, verbs
from inboundxml._values import lexicon
from inboundxml.spec import ELEMENTS, Attr, Kind, TextKind

__all__ = ["damaged", "documents", "elements", "xml_text"]


def _xml_char(c: str) -> bool:
    n = ord(c)
    return n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or n >= 0x10000


xml_char = st.characters(codec="utf-8").filter(_xml_char)
"""Any character XML 1.0 can carry."""


def xml_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Arbitrary text made of characters XML 1.0 can carry."""
    return st.text(xml_char, min_size=min_size, max_size=max_size)


_URL_CHARS = "abcxyz019-._~/?=&'\"<>é{}|"
urls = st.builds(
    lambda scheme, path: scheme + path,
    st.sampled_from(["https://example.com/", "http://a.example/x?", "/"]),
    st.text(st.sampled_from(_URL_CHARS), max_size=30),
)
"""Valid URLs (absolute or relative), with characters that need escaping."""
media = st.builds(
    lambda scheme, path: scheme + path,
    st.sampled_from(["https://example.com/", "/", "tone_stream://"]),
    st.text(st.sampled_from(_URL_CHARS + "%()"), max_size=30),
)
"""What Play, Redirect and Ping take as text: URLs and tone-stream strings."""

_phone = st.from_regex(r"\+?[0-9][0-9 ().\-]{0,14}[0-9]", fullmatch=True)
_names = xml_text(1, 30).map(str.strip).filter(lambda s: bool(s.strip()))


def _int(attr: Attr) -> st.SearchStrategy[int]:
    if attr.values:
        return st.sampled_from([int(v) for v in attr.values])
    lo = attr.minimum if attr.minimum is not None else -(2**31)
    hi = attr.maximum if attr.maximum is not None else 2**31 - 1
    return st.integers(lo, hi)


def attribute_value(attr: Attr) -> st.SearchStrategy[Any]:
    """Valid Python values of one attribute (including accepted spellings)."""
    kind = attr.kind
    if kind is Kind.URL:
        return urls
    if kind in (Kind.METHOD, Kind.ENUM):
        return st.sampled_from(sorted(lexicon(attr)))
    if kind is Kind.BOOL:
        return st.booleans() | st.sampled_from(["true", "True", "TRUE", "1", "false", "0"])
    if kind is Kind.INT:
        return _int(attr)
    if kind is Kind.KEY:
        return st.sampled_from(list("0123456789#*"))
    if kind is Kind.DIGITS:
        return st.from_regex(r"[0-9#*w]{1,10}", fullmatch=True)
    if kind is Kind.PATTERNS:
        return st.from_regex(r"[0-9#*]{1,4}(,[0-9#*]{1,4}){0,3}", fullmatch=True)
    if kind is Kind.BOOL_OR_INT:
        return st.booleans() | st.integers(1, 10**6)
    if attr.required:
        return xml_text(1, 20).filter(lambda s: bool(s.strip()))
    return xml_text()


def _text(tag: str) -> st.SearchStrategy[str] | None:
    spec = ELEMENTS[tag]
    kind = spec.text
    if kind is TextKind.SPEECH:
        limit = spec.text_max or 200
        return xml_text(1, min(limit, 60)).filter(lambda s: bool(s.strip()))
    if kind is TextKind.URL:
        return media
    if kind is TextKind.PHONE:
        return _phone
    if kind is TextKind.TARGET:
        return _phone | urls.map(lambda u: "sip:" + u.replace("/", ""))
    if kind is TextKind.NAME:
        return _names
    return None


@st.composite
def _attrs(draw: st.DrawFn, tag: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in ELEMENTS[tag].attrs:
        if attr.required or draw(st.booleans()):
            out[attr.py] = draw(attribute_value(attr))
    return out


@st.composite
def elements(draw: st.DrawFn, tag: str = "Response", depth: int = 0) -> Element:
    """A random valid element of ``tag`` with random valid attributes, text and children."""
    spec = ELEMENTS[tag]
    cls: Any = verbs.CLASSES[tag]
    kwargs = draw(_attrs(tag))
    text = _text(tag)
    if spec.children:
        count = 1 if tag == "Connect" else draw(st.integers(0, 4 if depth == 0 else 3))
        use_text = text is not None and (count == 0 or draw(st.booleans()))
        if use_text and text is not None:
            return cls(draw(text), **kwargs)  # type: ignore[no-any-return]
        if spec.content_required:
            count = max(count, 1)
        kids = [
            draw(elements(draw(st.sampled_from(spec.children)), depth + 1)) for _ in range(count)
        ]
        return cls(*kids, **kwargs)  # type: ignore[no-any-return]
    if text is not None:
        optional = not spec.text_required and draw(st.booleans())
        return cls(**kwargs) if optional else cls(draw(text), **kwargs)  # type: ignore[no-any-return]
    return cls(**kwargs)  # type: ignore[no-any-return]


def documents() -> st.SearchStrategy[Element]:
    """Random valid documents (a ``Response`` root)."""
    return elements("Response")


_ATTRIBUTE = re.compile(rb'="[^"]*"')
_CLOSE = re.compile(rb"</?[A-Za-z]+")
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """Bytes of a valid document with one random change: a value, a tag, stray text or a
    new child (most are invalid, some still valid). They start with the XML declaration.
    """
    return _DECLARATION + draw(_damaged_body())


@st.composite
def _damaged_body(draw: st.DrawFn) -> bytes:
    data = draw(documents()).to_xml(pretty=draw(st.booleans()), declaration=False).encode()
    junk = draw(st.text(st.sampled_from("abc 1-0#*+/:.%<>&;TrueFalse\t\n"), max_size=12))
    safe = junk.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").encode()
    how = draw(st.sampled_from(["value", "tag", "text", "child", "drop"]))
    if how == "value":
        spots = list(_ATTRIBUTE.finditer(data))
        if spots:
            at = draw(st.sampled_from(spots))
            return data[: at.start()] + b'="' + safe + b'"' + data[at.end() :]
    if how == "tag":
        spots = list(_CLOSE.finditer(data))
        at = draw(st.sampled_from(spots))
        name = draw(st.sampled_from(["Say", "Play", "Pause", "Dial", "Number", "Gather", "Foo"]))
        slash = b"</" if at.group().startswith(b"</") else b"<"
        return data[: at.start()] + slash + name.encode() + data[at.end() :]
    data = re.sub(rb"<Response([^>]*)/>", rb"<Response\1></Response>", data)
    cut = data.rfind(b"</Response>")
    ends = [m.end() for m in re.finditer(rb">", data[:cut])]
    if how == "text":
        end = draw(st.sampled_from(ends))
        return data[:end] + safe + data[end:]
    if how == "child":
        child = draw(st.sampled_from([b"<Say>hi</Say>", b"<Pause/>", b"<Hangup/>", b"<x/>"]))
        end = draw(st.sampled_from(ends))
        return data[:end] + child + data[end:]
    return _ATTRIBUTE.sub(b"", data, count=1) if b'="' in data else data + b" "
