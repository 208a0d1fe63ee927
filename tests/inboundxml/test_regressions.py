"""Edge cases of the reference that the package once got wrong: XML-unencodable characters,
bracketed phone numbers, URLs that are not xs:anyURI, the empty direction."""

from __future__ import annotations

import pytest

from inboundxml import InboundXMLError, check, parse
from inboundxml.verbs import Dial, Gather, Number, Play, Response, Say, Sms


@pytest.mark.parametrize(
    "make",
    [
        lambda: Say("a\x00b"),
        lambda: Play("https://example.com/\x01"),
        lambda: Sms("a\x0bb", to="+1", from_="+2"),
        lambda: Gather(hints="a\x1fb"),
        lambda: Dial("+1", caller_id="\x02"),
    ],
)
def test_characters_xml_cannot_carry_are_code_11102(make: object) -> None:
    # §1.2: text that cannot be XML-encoded -> 11102, whatever the element's own codes are.
    with pytest.raises(InboundXMLError) as info:
        make()  # type: ignore[operator]
    assert info.value.code == 11102


@pytest.mark.parametrize("number", ["(555)555-5555", "(555) 555-5555", "(415)555-0100"])
def test_phone_number_starting_with_a_bracket_is_accepted(number: str) -> None:
    # §3.10: the platform strips spaces, dashes and brackets; corpus 064 and 073 (vendor-valid)
    # use this form.
    assert Number(number).text == number
    assert Dial(number).text == number
    assert check(f"<Response><Dial>{number}</Dial></Response>") == []


@pytest.mark.parametrize(
    "url", ["tone_stream://", "https://example.com/%", "https://example.com/a%zz", "a_b://x"]
)
def test_url_attribute_that_is_not_an_xs_any_uri_is_refused_with_11100(url: str) -> None:
    # Both schemas type URL attributes as xs:anyURI: a bad scheme or a stray '%' would render
    # a document they reject, so the builder refuses it.
    with pytest.raises(InboundXMLError) as info:
        Response(Gather(action=url))
    assert info.value.code == 11100
    assert info.value.path == "Gather@action"


@pytest.mark.parametrize("attribute", ['Record direction=""', 'Dial recordDirection="" '])
def test_empty_direction_of_the_vendor_schema_is_accepted_when_parsing(attribute: str) -> None:
    # §1.1 zangDirection lists "" as an accepted lexical value, and §1.1 recommends accepting
    # every XSD lexical form when parsing.
    tag = attribute.split()[0]
    content = "+15551234567" if tag == "Dial" else ""
    assert parse(f"<Response><{attribute}>{content}</{tag}></Response>")
