"""Properties over random valid documents, random text and random bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import documents

from inboundxml import Element, InboundXMLError, parse
from inboundxml.verbs import Response, Say, Sms

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_random_valid_documents_round_trip(doc: Element) -> None:
    assert parse(doc.to_xml()) == doc
    assert parse(doc.to_xml(pretty=True)) == doc
    assert parse(doc.to_bytes()) == doc


@SETTINGS
@given(documents())
def test_built_documents_render_as_the_same_documents_read_back(doc: Element) -> None:
    """Built elements without children carry markup made when built; read ones are rendered."""
    for pretty in (False, True):
        assert parse(doc.to_bytes()).to_xml(pretty=pretty) == doc.to_xml(pretty=pretty)
        assert parse(doc.to_bytes(), strict=False).to_xml(pretty=pretty) == doc.to_xml(
            pretty=pretty
        )


@SETTINGS
@given(doc=documents())
def test_random_valid_documents_are_valid_under_both_schemas(
    doc: Element, project_schema: etree.XMLSchema, vendor_schema: etree.XMLSchema
) -> None:
    tree = etree.fromstring(doc.to_bytes())
    assert project_schema.validate(tree), project_schema.error_log
    assert vendor_schema.validate(tree), vendor_schema.error_log


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_is_refused_or_round_trips(text: str) -> None:
    for make in (lambda t: Say(t), lambda t: Sms(t, to=t, from_="+1")):
        try:
            doc = Response(make(text))
        except InboundXMLError:
            continue
        etree.fromstring(doc.to_bytes())
        element = parse(doc.to_xml()).children[0]
        assert element.text == text
        if element.tag == "Sms":
            assert element.attrs["to"] == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "replace")))
def test_arbitrary_bytes_raise_only_inboundxml_error(data: bytes) -> None:
    try:
        parse(data)
    except InboundXMLError as exc:
        assert exc.problems  # noqa: PT017  (any input, so no pytest.raises)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("<>&;\"'=/ RespondSay!-[]?x"), max_size=60))
def test_markup_like_text_raises_only_inboundxml_error(source: str) -> None:
    try:
        parse("<Response>" + source + "</Response>")
    except InboundXMLError as exc:
        assert exc.problems  # noqa: PT017  (any input, so no pytest.raises)
