"""The lenient reading, ``parse(source, strict=False)``: what the platform would execute.

It accepts a superset of what the strict reading accepts (the same objects where both accept),
refuses exactly the documents with a problem of severity "error", and keeps what it cannot
type as written, so a document renders back as it was.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import damaged, documents

from inboundxml import Element, InboundXMLError, check, parse
from inboundxml.verbs import Answer, Dial, Gather, Number, Response, Say

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(doc=documents(), pretty=st.booleans())
def test_both_readings_return_equal_objects_for_valid_documents(doc: Element, pretty: bool) -> None:
    data = doc.to_bytes(pretty=pretty)
    assert parse(data, strict=False) == parse(data) == doc


@SETTINGS
@given(data=damaged())
def test_lenient_accepts_a_superset_of_strict_and_refuses_only_errors(data: bytes) -> None:
    problems = check(data)
    errors = [p for p in problems if p.severity == "error"]
    try:
        strict: Element | None = parse(data)
    except InboundXMLError:
        strict = None
    try:
        lenient: Element | None = parse(data, strict=False)
    except InboundXMLError as exc:
        lenient = None
        refused = list(exc.problems)
    else:
        refused = problems
    assert refused == problems
    assert (strict is None) == bool(problems)
    assert (lenient is None) == bool(errors)
    if strict is not None:
        assert lenient == strict
    if lenient is not None:
        # What it kept renders, and reads back leniently as the same document.
        again = parse(lenient.to_bytes(), strict=False)
        assert again == lenient


@pytest.mark.parametrize(
    "source",
    [
        '<Response><Dial dialMusic="dial music">+15551234567</Dial></Response>',
        '<Response><Record action="" transcribe="true"/></Response>',
        '<Response><Gather numDigits="x" timeout="0"/></Response>',
        '<Response><Say voice="robot" loop="-1">Hi</Say></Response>',
        '<Response><Conference hangupOnStar="maybe">c</Conference></Response>',
        '<Response><Answer foo="1"/><PlayLastRecording foo="1"/></Response>',
        "<Response><Dial>{{placeholder}}</Dial></Response>",
        "<Response><Say></Say><Play></Play><Dial></Dial></Response>",
        "<Response><Gather><Dial>+15551234567</Dial></Gather></Response>",
        "<Response><Connect><Agent>A</Agent><Agent>B</Agent></Connect></Response>",
    ],
)
def test_values_and_elements_it_cannot_type_are_kept_as_written(source: str) -> None:
    doc = parse(source, strict=False)
    written = etree.fromstring(source)
    rendered = etree.fromstring(doc.to_bytes())
    assert [e.tag for e in written.iter()] == [e.tag for e in rendered.iter()]
    for before, after in zip(written.iter(), rendered.iter(), strict=True):
        kept: dict[str, str] = {str(k): str(v) for k, v in after.attrib.items()}
        assert all(kept.get(str(k)) == str(v) for k, v in before.attrib.items())
        assert (before.text or "") == (after.text or "")
    assert check(source)
    assert all(p.severity == "warning" for p in check(source))


def test_unknown_elements_and_stray_text_are_dropped_with_warnings() -> None:
    source = "<Response><Gather>press one<Say>Hi</Say></Gather><DTMF>1</DTMF></Response>"
    assert parse(source, strict=False) == Response(Gather(Say("Hi")))
    assert [(p.code, p.severity) for p in check(source)] == [
        (12200, "warning"),
        (12200, "warning"),
    ]


@pytest.mark.parametrize(
    "source",
    ["<Response><Refer><x/>00</Refer></Response>", "<Response><Connect><x/></Connect></Response>"],
)
def test_an_element_whose_content_was_all_dropped_is_kept_empty(source: str) -> None:
    doc = parse(source, strict=False)
    assert parse(doc.to_bytes(), strict=False) == doc
    assert doc.children[0].children == ()


def test_what_it_keeps_is_visible_on_the_elements() -> None:
    doc = parse(
        '<Response><Answer foo="1"/><Dial timeout="soon">+1</Dial></Response>', strict=False
    )
    answer, dial = doc.children
    assert answer.attrs == {"foo": "1"}
    assert dial.attrs["timeout"] == "soon"
    assert dial.text == "+1"


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("<Response><Say>Hi</Response>", 12100),
        ("<Say>Hi</Say>", 12102),
        ('<?xml version="1.1"?><Response/>', 12101),
        ('<!DOCTYPE r [<!ENTITY w "w">]><Response><Say>&w;</Say></Response>', 12100),
        ("<Response><Say>Tom & Jerry</Say></Response>", 11102),
    ],
)
def test_lenient_reading_refuses_what_the_platform_refuses(source: str, code: int) -> None:
    with pytest.raises(InboundXMLError) as info:
        parse(source, strict=False)
    assert info.value.code == code
    assert info.value.problems[0].severity == "error"


def test_lenient_reading_keeps_the_depth_bound() -> None:
    with pytest.raises(InboundXMLError) as info:
        parse("<Response><Gather><Say>Hi</Say></Gather></Response>", strict=False, max_depth=2)
    assert info.value.code == 12200


def test_a_valid_large_document_reads_alike_on_both_front_ends() -> None:
    doc = Response(*(Say(f"Message {i}") for i in range(80)), Dial(Number("+15551234567")))
    assert parse(doc.to_bytes(), strict=False) == doc
    damaged_large = doc.to_xml().replace("<Say>Message 3</Say>", "<Say loop='x'>Message 3</Say>")
    lenient = parse(damaged_large, strict=False)
    assert lenient.children[3].attrs == {"loop": "x"}
    assert [p.code for p in check(damaged_large)] == [13510]


def test_answer_is_kept_with_unknown_attributes() -> None:
    assert parse('<Response><Answer foo="1"/></Response>', strict=False).children[0].tag == (
        Answer().tag
    )
