"""Parsing: every lexical form of the reference, every problem with code/path/line, hardening.

Every test runs twice: once with documents read by lxml and once by expat (the parser reads
documents from ``EXPAT_FROM`` bytes on with expat; the fixture moves that bound).
"""

from __future__ import annotations

import importlib
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from inboundxml_facts import (
    ATTRIBUTES,
    BAD_TEXT,
    BUILD,
    CHILD_CODE,
    CHILDREN,
    ELEMENT_TAGS,
    GOOD_TEXT,
    MARKUP,
    NOT_ATTRIBUTES,
    REQUIRED_MARKUP,
    TEXT,
    A,
    invalid_markup,
    valid_markup,
)

from inboundxml import Element, InboundXMLError, Problem, check, parse, verbs
from inboundxml.verbs import (
    Conference,
    Dial,
    Gather,
    Hangup,
    Number,
    Pause,
    Play,
    Record,
    Response,
    Say,
    Sip,
    Sms,
)

PARSE_MODULE = importlib.import_module("inboundxml._parse")


@pytest.fixture(autouse=True, params=["lxml", "expat"])
def front_end(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which parser reads the documents of the test (whatever their size)."""
    bound = 0 if request.param == "expat" else 1 << 62
    monkeypatch.setattr(PARSE_MODULE, "EXPAT_FROM", bound)
    return str(request.param)


NOUN_PARENT = {"Number": "Dial", "Sip": "Dial", "User": "Dial", "Conference": "Dial"}


def element_markup(tag: str, attrs: str = "", inner: str | None = None) -> str:
    """``tag`` with its required attributes, ``attrs`` and valid content."""
    head = " ".join(part for part in (tag, REQUIRED_MARKUP.get(tag, ""), attrs) if part)
    if inner is None:
        inner = TEXT.get(tag) or ("<Agent>AG123</Agent>" if tag == "Connect" else "")
    return f"<{head}>{inner}</{tag}>"


def place(tag: str, markup: str) -> tuple[str, str]:
    """A document holding ``markup`` on line 2, and the path of the element."""
    if tag == "Response":
        return f"\n{markup}", "Response"
    if tag in NOUN_PARENT:
        return f"<Response><Dial>\n{markup}</Dial></Response>", f"Response/Dial[0]/{tag}[0]"
    if tag == "Agent":
        return f"<Response><Connect>\n{markup}</Connect></Response>", "Response/Connect[0]/Agent[0]"
    return f"<Response>\n{markup}</Response>", f"Response/{tag}[0]"


def find(doc: Element, path: str) -> Element:
    return next(element for where, element in doc.walk() if where == path)


def _valid_cases() -> list[Any]:
    return [
        pytest.param(a, text, canonical, id=f"{a.id}={text!r}")
        for a in ATTRIBUTES
        for text, canonical in valid_markup(a)
    ]


def _invalid_cases() -> list[Any]:
    return [
        pytest.param(a, text, id=f"{a.id}={text!r}")
        for a in ATTRIBUTES
        for text in invalid_markup(a)
    ]


@pytest.mark.parametrize(("attr", "text", "canonical"), _valid_cases())
def test_every_accepted_lexical_form_parses_to_the_canonical_value(
    attr: A, text: str, canonical: object
) -> None:
    source, path = place(attr.element, _with_attr(attr, text))
    doc = parse(source)
    assert find(doc, path).attrs[attr.py] == canonical
    assert parse(doc.to_xml()) == doc


def _with_attr(attr: A, text: str) -> str:
    """The element's markup with ``attr`` set to ``text`` (replacing a required value)."""
    required = REQUIRED_MARKUP.get(attr.element, "")
    kept = " ".join(p for p in required.split(" ") if not p.startswith(f"{attr.xml}="))
    head = " ".join(p for p in (attr.element, kept, f"{attr.xml}={quoteattr(text)}") if p)
    tag = attr.element
    inner = TEXT.get(tag) or ("<Agent>AG123</Agent>" if tag == "Connect" else "")
    return f"<{head}>{inner}</{tag}>"


@pytest.mark.parametrize(("attr", "text"), _invalid_cases())
def test_invalid_lexical_form_is_reported_with_code_path_and_line(attr: A, text: str) -> None:
    source, path = place(attr.element, _with_attr(attr, text))
    problems = check(source)
    assert [(p.path, p.line) for p in problems] == [(f"{path}@{attr.xml}", 2)]
    assert problems[0].code in attr.codes
    with pytest.raises(InboundXMLError) as info:
        parse(source)
    assert info.value.problems == tuple(problems)


@pytest.mark.parametrize("attr", [a for a in ATTRIBUTES if a.required], ids=lambda a: a.id)
def test_missing_required_attribute_is_reported_with_its_code(attr: A) -> None:
    required = REQUIRED_MARKUP[attr.element]
    kept = " ".join(p for p in required.split(" ") if not p.startswith(f"{attr.xml}="))
    source, path = place(attr.element, element_markup(attr.element).replace(required, kept))
    problems = check(source)
    assert [(p.path, p.line) for p in problems] == [(f"{path}@{attr.xml}", 2)]
    assert problems[0].code in attr.codes


@pytest.mark.parametrize(("tag", "name"), NOT_ATTRIBUTES)
def test_attribute_unknown_to_the_reference_schema_is_12200(tag: str, name: str) -> None:
    source, path = place(tag, element_markup(tag, f'{name}="GET"'))
    assert [(p.code, p.path) for p in check(source)] == [(12200, f"{path}@{name}")]


def test_sms_without_to_and_from_reports_14101_and_14102() -> None:
    problems = check("<Response><Sms>Hi</Sms></Response>")
    assert {(p.code, p.path) for p in problems} == {
        (14101, "Response/Sms[0]@to"),
        (14102, "Response/Sms[0]@from"),
    }


@pytest.mark.parametrize(
    ("attribute", "parent", "code"),
    [
        ('voice="robot"', "Gather", 13321),
        ('loop="-1"', "Gather", 13322),
        ('voice="robot"', "GetSpeech", 13511),
        ('loop="-1"', "GetSpeech", 13510),
        ('voice="robot"', "Response", 13511),
        ('loop="-1"', "Response", 13510),
    ],
)
def test_say_value_codes_depend_on_the_parent(attribute: str, parent: str, code: int) -> None:
    say = f"<Say {attribute}>Hi</Say>"
    if parent == "Response":
        source, path = f"<Response>{say}</Response>", "Response/Say[0]"
    else:
        source = f"<Response>{element_markup(parent, inner=say)}</Response>"
        path = f"Response/{parent}[0]/Say[0]"
    name = attribute.split("=")[0]
    assert [(p.code, p.path) for p in check(source)] == [(code, f"{path}@{name}")]


def test_every_problem_of_a_document_is_reported_at_once_with_lines() -> None:
    source = (
        "<Response>\n"
        '<Gather numDigits="x" timeout="0">\n'
        "  <Dial>+15551234567</Dial>\n"
        "</Gather>\n"
        '<Pause length="0"/>\n'
        "<Say/>\n"
        "<Sms>Hi</Sms>\n"
        "</Response>"
    )
    found = [(p.code, p.path, p.line) for p in check(source)]
    assert found == [
        (13314, "Response/Gather[0]@numDigits", 2),
        (13313, "Response/Gather[0]@timeout", 2),
        (13320, "Response/Gather[0]/Dial[0]", 3),
        (13910, "Response/Pause[0]@length", 5),
        (13520, "Response/Say[0]", 6),
        (14101, "Response/Sms[0]@to", 7),
        (14102, "Response/Sms[0]@from", 7),
    ]
    with pytest.raises(InboundXMLError) as info:
        parse(source)
    assert [(p.code, p.path, p.line) for p in info.value.problems] == found
    assert (info.value.code, info.value.path, info.value.line) == found[0]


# --- text -------------------------------------------------------------------------------


@pytest.mark.parametrize(("tag", "text", "codes"), BAD_TEXT, ids=lambda v: repr(v)[:30])
def test_invalid_text_is_reported_with_its_code(tag: str, text: str, codes: frozenset[int]) -> None:
    source, path = place(tag, element_markup(tag, inner=text))
    problems = check(source)
    assert [(p.path, p.line) for p in problems] == [(path, 2)]
    assert problems[0].code in codes


@pytest.mark.parametrize(("tag", "text", "canonical"), GOOD_TEXT, ids=lambda v: repr(v)[:30])
def test_valid_text_parses_to_the_canonical_text(
    tag: str, text: str, canonical: str | None
) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    source, path = place(tag, element_markup(tag, inner=escaped))
    assert find(parse(source), path).text == canonical


@pytest.mark.parametrize(
    "tag",
    [
        "Response",
        "PlayLastRecording",
        "Pause",
        "Gather",
        "GetSpeech",
        "Record",
        "Hangup",
        "Reject",
        "Answer",
    ],
)
def test_text_in_an_element_without_text_content_is_12200(tag: str) -> None:
    if tag == "Response":
        source, path = "<Response>stray words</Response>", "Response"
    else:
        source, path = place(tag, element_markup(tag, inner="stray words"))
        source = source.replace("\n", "")
    assert [(p.code, p.path) for p in check(source)] == [(12200, path)]


def test_empty_dial_is_13226_when_parsed() -> None:
    assert [(p.code, p.path) for p in check("<Response><Dial></Dial></Response>")] == [
        (13226, "Response/Dial[0]")
    ]


@pytest.mark.parametrize("agents", [0, 2])
def test_connect_needs_exactly_one_agent(agents: int) -> None:
    inner = "<Agent>AG1</Agent>" * agents
    problems = check(f"<Response><Connect>{inner}</Connect></Response>")
    assert [(p.code, p.path) for p in problems] == [(12200, "Response/Connect[0]")]


# --- nesting (§2), every parent x every child -------------------------------------------


def _nesting_cases() -> list[Any]:
    return [
        pytest.param(parent, child, id=f"{parent}>{child}")
        for parent in ELEMENT_TAGS
        for child in ELEMENT_TAGS
        if not (parent == "Connect" and child == "Agent")
    ]


@pytest.mark.parametrize(("parent", "child"), _nesting_cases())
def test_nesting_rule_of_the_reference_holds_when_parsing(parent: str, child: str) -> None:
    inner = MARKUP[child]
    if parent == "Response":
        source, path = f"<Response>{inner}</Response>", "Response"
    else:
        source, path = place(parent, element_markup(parent, inner=inner))
    problems = check(source)
    where = f"{path}/{child}[0]"
    if child in CHILDREN[parent]:
        assert problems == []
        doc = parse(source)
        assert find(doc, where).tag == child
    else:
        code = CHILD_CODE.get(parent, 12200)
        assert (code, where) in {(p.code, p.path) for p in problems}


def test_connect_with_its_agent_parses() -> None:
    doc = parse("<Response><Connect><Agent>AG1</Agent></Connect></Response>")
    assert doc == Response(verbs.Connect(verbs.Agent("AG1")))


def test_root_that_is_not_response_is_12102() -> None:
    problems = check("<Say>Hello</Say>")
    assert problems[0].code == 12102
    assert check("<Reject/>")[0].code == 12102


def test_namespaced_response_is_not_response() -> None:
    problems = check('<Response xmlns="urn:x"><Say>Hi</Say></Response>')
    assert problems[0].code == 12102


def test_unknown_element_is_12200_with_its_path() -> None:
    problems = check("<Response><Say>Hi</Say>\n<DTMF>1</DTMF></Response>")
    assert [(p.code, p.path, p.line) for p in problems] == [(12200, "Response/DTMF[0]", 2)]


# --- round trips --------------------------------------------------------------------------


def _documents() -> list[Response]:
    scope = {tag: getattr(verbs, tag) for tag in ELEMENT_TAGS}
    docs = []
    for tag, expression in BUILD.items():
        element = eval(expression, scope)  # noqa: S307  (our own literal table)
        if tag == "Response":
            docs.append(element)
        elif tag in NOUN_PARENT:
            docs.append(Response(Dial(element)))
        elif tag == "Agent":
            docs.append(Response(verbs.Connect(element)))
        else:
            docs.append(Response(element))
    docs.append(
        Response(
            Gather(
                Say("Press 1", voice="man", loop=2, language="en-gb"),
                Play("https://example.com/a.mp3", loop=0, method="get"),
                Pause(length=2),
                verbs.PlayLastRecording(),
                action="/menu?a=1&b=2",
                num_digits=1,
                finish_on_key="*",
                input="speech dtmf",
                language="es-MX",
            ),
            Record(background=False, max_length=60, direction="IN", transcribe_quality="GOLD"),
            Dial(
                Number("+15551234567", send_digits="ww1"),
                Sip("sip:a@example.com", username="u", password="p&<>\"'"),
                verbs.User("alice"),
                Conference("room", beep="True", max_participants=10),  # type: ignore[arg-type]
                if_machine="HangUp",
                straight_to_vm=3,
                record="1",  # type: ignore[arg-type]
            ),
            Sms("Thanks <3 & bye", to="+1", from_="+2", status_callback="/s"),
            Hangup(schedule=3, reason="busy"),
            status_callback="https://example.com/status",
        )
    )
    return docs


@pytest.mark.parametrize("doc", _documents(), ids=lambda d: repr(d)[:40])
@pytest.mark.parametrize("pretty", [False, True])
def test_rendered_document_parses_back_equal(doc: Response, pretty: bool) -> None:
    assert parse(doc.to_xml(pretty=pretty)) == doc
    assert parse(doc.to_bytes(pretty=pretty)) == doc
    assert parse(doc.to_xml(pretty=pretty)).to_xml() == doc.to_xml()


# --- sources: str, bytes, encodings ------------------------------------------------------


def test_str_with_an_encoding_declaration_parses() -> None:
    source = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><Response><Say>información</Say></Response>'
    )
    assert parse(source) == Response(Say("información"))


def test_utf8_bytes_parse() -> None:
    source = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>日本語 😀</Say></Response>'
    assert parse(source.encode("utf-8")) == Response(Say("日本語 😀"))


def test_bytes_in_a_declared_encoding_parse() -> None:
    source = '<?xml version="1.0" encoding="ISO-8859-1"?><Response><Say>menú</Say></Response>'
    assert parse(source.encode("latin-1")) == Response(Say("menú"))


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbf<Response/>") == Response()


def test_comments_processing_instructions_and_cdata_are_read_as_text() -> None:
    doc = parse("<Response><!-- x --><?pi y?><Say>a<![CDATA[ <b> & ]]>c</Say></Response>")
    assert doc == Response(Say("a <b> & c"))


def test_xml_version_other_than_1_0_is_12101() -> None:
    assert [p.code for p in check('<?xml version="1.1"?><Response/>')] == [12101]


def test_malformed_xml_is_12100_with_line() -> None:
    problems = check("<Response>\n<Say>Hi</Response>")
    assert [p.code for p in problems] == [12100]
    assert problems[0].line == 2


def test_unescaped_ampersand_is_11102() -> None:
    assert [p.code for p in check("<Response><Say>Tom & Jerry</Say></Response>")] == [11102]


def test_parse_of_something_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00\x01\x02",
        b"\xff\xfe<\x00R\x00",
        b"\x80\x81\x82<Response/>",
        b"<Response>\xc3\x28</Response>",
        b'<?xml version="1.0" encoding="nope"?><Response/>',
        b'<?xml version="1.0" encoding="UTF-16"?><Response/>',
        b"<Response",
        b"<<<>>>",
        "<Response>\ud800</Response>".encode("utf-8", "surrogatepass"),
    ],
)
def test_garbage_bytes_raise_only_inboundxml_error(garbage: bytes) -> None:
    with pytest.raises(InboundXMLError) as info:
        parse(garbage)
    assert info.value.problems
    assert all(isinstance(p, Problem) for p in info.value.problems)


# --- hardening ----------------------------------------------------------------------------

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]><Response><Say>&lol9;</Say></Response>"
)
HOSTILE = {
    "xxe": '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response><Say>&x;</Say></Response>',
    "billion_laughs": _LAUGHS,
    "external_dtd": '<!DOCTYPE Response SYSTEM "http://example.invalid/x.dtd"><Response/>',
    "parameter_entity": (
        '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.invalid/p">%p;]><Response/>'
    ),
    "internal_entity": '<!DOCTYPE r [<!ENTITY w "word">]><Response><Say>&w;</Say></Response>',
    "public_dtd": '<!DOCTYPE Response PUBLIC "-//X//Y" "http://example.invalid/y.dtd"><Response/>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("as_bytes", [False, True])
def test_hostile_document_is_rejected(name: str, as_bytes: bool) -> None:
    source: str | bytes = HOSTILE[name].encode() if as_bytes else HOSTILE[name]
    with pytest.raises(InboundXMLError) as info:
        parse(source)
    assert info.value.code == 12100
    assert "passwd" not in str(info.value)


def test_oversize_document_is_rejected() -> None:
    big = "<Response>" + "<Say>Hello</Say>" * 70_000 + "</Response>"
    with pytest.raises(InboundXMLError) as info:
        parse(big)
    assert info.value.code == 12100
    with pytest.raises(InboundXMLError):
        parse("<Response><Say>Hello</Say></Response>", max_bytes=20)
    assert parse(big, max_bytes=2_000_000).children[0] == Say("Hello")


def test_too_deep_nesting_is_rejected() -> None:
    source = "<Response><Gather><Say>Hi</Say></Gather></Response>"
    assert parse(source) == Response(Gather(Say("Hi")))
    problems = check(source, max_depth=2)
    assert [(p.code, p.path) for p in problems] == [(12200, "Response/Gather[0]/Say[0]")]
    deep = "<Response>" + "<x>" * 50_000 + "</x>" * 50_000 + "</Response>"
    with pytest.raises(InboundXMLError) as info:
        parse(deep)
    assert info.value.code == 12100
