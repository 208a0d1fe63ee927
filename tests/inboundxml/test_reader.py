"""The fast path of the parser agrees with the reporting walker on every document.

The fast readers (over lxml and over expat trees) may only accept what the walker accepts,
and must then build the same elements; whatever they refuse, the walker reports.
"""

from __future__ import annotations

import importlib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import damaged, documents

from inboundxml import Element, InboundXMLError, parse
from inboundxml import _frontends as frontends
from inboundxml import _reader as reader
from inboundxml._compile import canonical_text, fast_text_source
from inboundxml.spec import ELEMENTS
from inboundxml.verbs import Gather, Hangup, Pause, Play, Response, Say

PARSE = importlib.import_module("inboundxml._parse")


def walked(data: bytes) -> tuple[Element | None, list[int]]:
    """What the reporting walker makes of ``data``: the element, or the problem codes."""
    tree = etree.fromstring(data, frontends.lxml_parser())
    walker = PARSE._Walker(PARSE.MAX_DEPTH)
    element = walker.element(tree, "Response", None, 1)
    return element, [p.code for p in walker.problems]


def fast(tree: reader.Node) -> Element | None:
    """What a fast reader makes of ``tree`` (None when it refuses)."""
    try:
        return reader.read(tree, PARSE.MAX_DEPTH)
    except reader.Irregular:
        return None


def expat_tree(data: bytes) -> ElementTree.Element:
    """The ``xml.etree`` tree of ``data`` (generated documents, never with a DTD)."""
    return ElementTree.fromstring(data)  # noqa: S314


def both_fast(data: bytes) -> tuple[Element | None, Element | None]:
    return fast(etree.fromstring(data, frontends.lxml_parser())), fast(expat_tree(data))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), pretty=st.booleans())
def test_fast_readers_build_what_the_walker_builds(doc: Element, pretty: bool) -> None:
    data = doc.to_bytes(pretty=pretty)
    element, problems = walked(data)
    assert problems == []
    assert element == doc
    on_lxml, on_expat = both_fast(data)
    assert on_lxml == doc
    assert on_expat == doc
    assert on_lxml is not None
    assert on_lxml.to_xml() == doc.to_xml()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=damaged())
def test_fast_readers_accept_only_what_the_walker_accepts(data: bytes) -> None:
    try:
        tree = etree.fromstring(data, frontends.lxml_parser())
    except etree.XMLSyntaxError:
        with pytest.raises(ElementTree.ParseError):
            expat_tree(data)
        return
    element, problems = walked(data)
    on_lxml = fast(tree)
    on_expat = fast(expat_tree(data))
    if problems:
        assert on_lxml is None
        assert on_expat is None
    else:
        assert on_lxml == element
        assert on_expat == element


def test_large_documents_are_read_with_expat_in_every_encoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[int] = []
    real = PARSE.read_large

    def spy(data: bytes, max_depth: int) -> Element | None:
        seen.append(len(data))
        element: Element | None = real(data, max_depth)
        return element

    monkeypatch.setattr(PARSE, "read_large", spy)
    large = Response(*(Say(f"Message {i}") for i in range(60)))
    small = Response(Say("Hi"))
    body = len(large.to_xml(declaration=False).encode())
    assert len(large.to_bytes()) >= reader.EXPAT_FROM > len(small.to_bytes())
    assert parse(large.to_bytes()) == large
    assert parse(small.to_bytes()) == small
    assert seen == [body]
    latin = large.to_xml().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert parse(latin.encode("latin-1")) == large
    assert parse(large.to_xml().replace("UTF-8", "UTF-16").encode("utf-16")) == large
    assert parse(large.to_xml(declaration=False).encode("utf-32")) == large
    assert seen == [body] * 4  # every encoding reaches the parsers as UTF-8


def test_a_large_document_expat_refuses_is_reported_by_the_walker() -> None:
    body = "".join(f"<Say>Message {i}</Say>" for i in range(60))
    problems = PARSE.check(f"<Response>{body}<Say>Tom &amp; &jerry;</Say></Response>")
    assert [p.code for p in problems] == [11102]
    problems = PARSE.check(f"<Response>{body}<Pause length='0'/></Response>")
    assert [(p.code, p.path) for p in problems] == [(13910, "Response/Pause[0]@length")]


def test_attribute_sets_beyond_the_cache_size_are_all_checked() -> None:
    pauses = [Pause(length=n) for n in range(1, reader.CACHE_SIZE + 50)]
    doc = Response(*pauses)
    assert parse(doc.to_bytes()) == doc
    with pytest.raises(Exception, match="13910"):
        parse(Response(*pauses).to_xml().replace('length="7"', 'length="0"'))


def test_long_attribute_values_are_checked_but_not_kept() -> None:
    hints = ",".join(f"word{i}" for i in range(reader.CACHED_LENGTH // 5))
    assert len(hints) > reader.CACHED_LENGTH
    first = parse(Response(Gather(hints=hints)).to_bytes())
    again = parse(Response(Gather(hints=hints)).to_bytes())
    assert first == again == Response(Gather(hints=hints))
    parse(Response(Gather(hints="yes,no")).to_bytes())
    cache = reader._READERS["Gather"].__globals__["_cache"]
    assert any("yes,no" in str(key) for key in cache)
    assert all(hints not in str(key) for key in cache)


def test_parsed_elements_share_no_state_a_caller_can_change() -> None:
    one = parse(Response(Play("https://example.com/a.mp3", loop=2)).to_bytes())
    two = parse(Response(Play("https://example.com/a.mp3", loop=2)).to_bytes())
    one.children[0].attrs["loop"] = 5
    one.append(Say("more"))
    assert two == Response(Play("https://example.com/a.mp3", loop=2))
    assert one.children[0].attrs == {"loop": 2}


def test_fast_readers_and_walker_agree_on_every_corpus_document(corpus_dir: Path) -> None:
    compared = 0
    for path in sorted(corpus_dir.glob("*.xml")):
        data = path.read_bytes()
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            continue  # refused before any reader runs
        try:
            tree = etree.fromstring(data, frontends.lxml_parser())
        except etree.XMLSyntaxError:
            continue
        element, problems = walked(data)
        expected = None if problems else element
        assert fast(tree) == expected, path.name
        assert fast(expat_tree(data)) == expected, path.name
        compared += 1
    assert compared >= 100


XML_CHARS = st.characters(
    exclude_categories=["Cs"],
    exclude_characters="".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
    + "\ufffe\uffff",
)
TEXT_TAGS = sorted(tag for tag, spec in ELEMENTS.items() if fast_text_source(spec, parsed=True))


@settings(max_examples=400)
@given(
    tag=st.sampled_from(TEXT_TAGS),
    text=st.one_of(
        st.text(XML_CHARS, max_size=40),
        st.text(st.sampled_from(" \t\n\r\xa0\u2028\u3000\x85\x7fab1+:/é"), max_size=12),
    ),
)
def test_the_parsed_text_test_proves_only_canonical_valid_text(tag: str, text: str) -> None:
    spec = ELEMENTS[tag]
    test = eval(f"lambda text: {fast_text_source(spec, parsed=True)}")  # noqa: S307
    if test(text):
        assert canonical_text(spec, text) == text


def test_elements_all_in_their_attributes_are_read_once_and_shared() -> None:
    doc = Response(Pause(length=2), Say("Hi"), Pause(length=2), Hangup(), Pause(length=3))
    one, two = parse(doc.to_bytes()), parse(doc.to_bytes())
    assert one == two == doc
    pause, say, again, hangup, other = one.children
    assert pause is again is two.children[0]
    assert hangup is two.children[3]
    assert other is not pause
    assert other == Pause(length=3)
    assert say is not two.children[1]  # elements with text are read each time
    assert str(pause) == '<Pause length="2"/>'
    with pytest.raises(InboundXMLError):
        pause.append(Say("more"))
    assert parse(Response(Pause()).to_bytes()).children[0] == Pause()
