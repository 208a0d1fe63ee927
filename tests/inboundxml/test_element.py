"""Rendering: canonical values, attribute order, escaping, pretty output, str/bytes, repr."""

from __future__ import annotations

import pytest
from lxml import etree

import inboundxml
from inboundxml import InboundXMLError, parse
from inboundxml.verbs import (
    Agent,
    Conference,
    Connect,
    Dial,
    Gather,
    Hangup,
    Mms,
    Number,
    Pause,
    Play,
    Record,
    Redirect,
    Response,
    Say,
    Sip,
    Sms,
)


def _tree(doc: inboundxml.Element) -> etree._Element:
    return etree.fromstring(doc.to_bytes())


def test_flags_render_as_true_and_false() -> None:
    flags: dict[str, object] = {"transcribe": "TRUE", "play_beep": "0", "background": False}
    doc = Response(Record(**flags))  # type: ignore[arg-type]
    record = _tree(doc)[0]
    expected = {"transcribe": "true", "playBeep": "false", "background": "false"}
    assert dict(record.items()) == expected


def test_methods_render_upper_case() -> None:
    doc = Response(Gather(method="post"), Redirect("/next", method="get"))
    assert _tree(doc)[0].get("method") == "POST"
    assert _tree(doc)[1].get("method") == "GET"


def test_voice_aliases_render_as_female_and_male() -> None:
    doc = Response(Say("a", voice="woman"), Say("b", voice="man"))
    assert [say.get("voice") for say in _tree(doc)] == ["female", "male"]


def test_gather_always_carries_input() -> None:
    assert _tree(Response(Gather()))[0].get("input") == "dtmf"
    assert _tree(Response(Gather(input="speech")))[0].get("input") == "speech"
    assert parse("<Response><Gather/></Response>").children[0].attrs["input"] == "dtmf"


def test_sms_and_mms_always_carry_to_and_from() -> None:
    doc = Response(
        Sms("Hi", to="+1", from_="+2"),
        Mms(to="+3", from_="+4", media_url="https://example.com/a.png"),
    )
    sms, mms = _tree(doc)
    assert (sms.get("to"), sms.get("from")) == ("+1", "+2")
    assert (mms.get("to"), mms.get("from"), mms.get("mediaUrl")) == (
        "+3",
        "+4",
        "https://example.com/a.png",
    )


def test_attribute_order_does_not_depend_on_keyword_order() -> None:
    one = Response(Dial("+1", timeout=5, action="/a", record=True, method="GET"))
    two = Response(Dial("+1", method="GET", record=True, action="/a", timeout=5))
    assert one.to_xml() == two.to_xml()
    parsed = parse(
        '<Response><Dial record="1" timeout="5" method="GET" action="/a">+1</Dial></Response>'
    )
    assert parsed.to_xml() == one.to_xml()
    assert list(_tree(one)[0].attrib) == list(_tree(two)[0].attrib)


def test_special_characters_are_escaped_in_text_and_attributes() -> None:
    nasty = "a & b < c > d \" e ' f"
    doc = Response(
        Say(nasty),
        Sms(nasty, to=nasty, from_="+1"),
        Dial(Sip("sip:x@example.com", password=nasty), caller_name=nasty),
    )
    tree = _tree(doc)
    assert tree[0].text == nasty
    assert (tree[1].text, tree[1].get("to")) == (nasty, nasty)
    assert tree[2].get("callerName") == nasty
    assert tree[2][0].get("password") == nasty


def test_unicode_survives_text_and_attributes() -> None:
    text = "información 日本語 😀 \u2028 \U0010fffd"
    doc = Response(Say(text), Dial(Conference(text), caller_name=text))
    tree = _tree(doc)
    assert tree[0].text == text
    assert tree[1][0].text == text
    assert tree[1].get("callerName") == text


def test_whitespace_in_text_and_attributes_survives_a_round_trip() -> None:
    doc = Response(Say(" a\tb\r\nc "), Gather(hints="x\ty\nz\r"))
    assert parse(doc.to_xml()) == doc
    assert _tree(doc)[0].text == " a\tb\r\nc "


def test_pretty_output_is_indented_and_parses_back_equal() -> None:
    doc = Response(Gather(Say("Hi"), Pause(length=1)), Dial(Number("+1")), Hangup())
    pretty = doc.to_xml(pretty=True)
    assert pretty.splitlines()[1:3] == ["<Response>", '  <Gather input="dtmf">']
    assert parse(pretty) == doc


def test_str_is_to_xml_and_to_bytes_is_utf8_with_declaration() -> None:
    doc = Response(Say("héllo"))
    assert str(doc) == doc.to_xml()
    data = doc.to_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert data.decode("utf-8") == doc.to_xml()
    assert "héllo".encode() in data
    assert not doc.to_xml(declaration=False).startswith("<?xml")


def test_repr_evaluates_to_an_equal_object() -> None:
    doc = Response(
        Gather(Say('It\'s "quoted"', voice="woman", loop=2), action="/m", num_digits=1),
        Dial(Number("+15551234567", send_digits="w1"), Conference("r", beep=True)),
        Connect(Agent("AG1")),
        Sms("Hi", to="+1", from_="+2"),
        Play("https://example.com/a.mp3"),
        status_callback="https://example.com/s",
    )
    scope = {name: getattr(inboundxml, name) for name in inboundxml.__all__}
    assert eval(repr(doc), scope) == doc  # noqa: S307  (our own repr)


def test_repr_hides_the_sip_password() -> None:
    sip = Sip("sip:alice@example.com", username="alice", password="hunter2")
    assert "hunter2" not in repr(sip)
    assert "hunter2" not in repr(Response(Dial(sip)))
    assert sip.attrs["password"] == "hunter2"


def test_equality_compares_tag_attributes_text_and_children() -> None:
    assert Say("a") == Say("a")
    assert Say("a") != Say("b")
    assert Say("a", loop=1) != Say("a")
    assert Response(Say("a")) != Response(Say("a"), Say("a"))
    assert Say("a") != "a"


def test_characters_xml_cannot_carry_are_refused_when_building() -> None:
    for bad in ("\x00", "\x08", "\x0b", "\x1f", "\ufffe", "\ud800"):
        with pytest.raises(InboundXMLError):
            Say(f"a{bad}b")
        with pytest.raises(InboundXMLError):
            Gather(hints=f"a{bad}b")
