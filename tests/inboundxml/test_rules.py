"""The rule table: one place per rule, each with its code and severity, used by every reader.

Also: 12301 for every URL over 200 characters, the BCP-47 language aliases of Say, and
generated code that tracebacks can show.
"""

from __future__ import annotations

import linecache
import traceback
from typing import Any

import pytest
from inboundxml_facts import ATTRIBUTES, URL_TOO_LONG, A

from inboundxml import InboundXMLError, Problem, check, parse, verbs
from inboundxml._generate import reference
from inboundxml._rules import RULES, Severity
from inboundxml.verbs import Gather, Response, Say

URL_ATTRIBUTES = [a for a in ATTRIBUTES if a.kind.name == "URL"]
NOUN_PARENT = {"Number": "Dial", "Sip": "Dial", "User": "Dial", "Conference": "Dial"}
REQUIRED: dict[str, dict[str, Any]] = {
    "GetSpeech": {"grammar": "/g.grxml"},
    "Sms": {"to": "+1", "from_": "+2"},
    "Mms": {"to": "+1", "from_": "+2", "media_url": "/m.png"},
}
TEXT = {
    "Play": "/a.mp3",
    "Number": "+1",
    "Sip": "sip:a@b",
    "User": "u",
    "Conference": "c",
    "Sms": "Hi",
    "Dial": "+15551234567",
    "Refer": "sip:a@b",
}


def _build(attr: A, value: str) -> Any:
    cls = getattr(verbs, attr.element)
    kwargs = {**REQUIRED.get(attr.element, {}), attr.py: value}
    args: list[object] = [TEXT[attr.element]] if attr.element in TEXT else []
    if attr.element == "Connect":
        args = [verbs.Agent("AG1")]
    return cls(*args, **kwargs)


def _document(element: Any) -> Any:
    if element.tag == "Response":
        return element
    if element.tag in NOUN_PARENT:
        return Response(verbs.Dial(element))
    return Response(element)


@pytest.mark.parametrize("attr", URL_ATTRIBUTES, ids=lambda a: a.id)
def test_every_url_attribute_over_200_characters_is_12301(attr: A) -> None:
    with pytest.raises(InboundXMLError) as info:
        _build(attr, URL_TOO_LONG)
    assert (info.value.code, info.value.path) == (12301, f"{attr.element}@{attr.xml}")
    ok = _document(_build(attr, URL_TOO_LONG[:-1]))
    source = ok.to_xml().replace(URL_TOO_LONG[:-1], URL_TOO_LONG)
    problems = check(source)
    assert [(p.code, p.severity) for p in problems] == [(12301, "warning")]
    assert problems[0].path.endswith(f"@{attr.xml}")
    lenient = parse(source, strict=False)
    assert lenient.to_xml() == source  # kept as written


@pytest.mark.parametrize("tag", ["Play", "Redirect", "Ping"])
def test_every_url_text_over_200_characters_is_12301(tag: str) -> None:
    cls = getattr(verbs, tag)
    url = "https://example.com/" + "a" * 193  # 213 characters
    with pytest.raises(InboundXMLError) as info:
        cls(url)
    assert info.value.code == 12301
    problems = check(f"<Response><{tag}>{url}</{tag}></Response>")
    assert [(p.code, p.path) for p in problems] == [(12301, f"Response/{tag}[0]")]
    assert cls(url[:200]).text == url[:200]


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("en-US", "en"),
        ("en-GB", "en-gb"),
        ("es-ES", "es"),
        ("fr-FR", "fr"),
        ("it-IT", "it"),
        ("de-DE", "de"),
    ],
)
def test_say_takes_the_bcp47_forms_of_its_languages(given: str, canonical: str) -> None:
    built = Say("Hi", language=given)  # type: ignore[arg-type]
    assert built.attrs["language"] == canonical
    source = f'<Response><Say language="{given}">Hi</Say></Response>'
    assert parse(source) == parse(source, strict=False) == Response(built)
    assert f'language="{canonical}"' in parse(source).to_xml()


def test_every_rule_has_a_severity_and_the_errors_are_the_platform_refusals() -> None:
    errors = {name for name, rule in RULES.items() if rule.severity is Severity.ERROR}
    assert errors == {
        "well-formed",
        "no-dtd",
        "encoding",
        "size",
        "version",
        "characters",
        "root",
        "depth",
    }
    assert all(rule.what and rule.code and rule.lenient for rule in RULES.values())


def test_the_reference_documents_every_rule_with_its_code_and_severity() -> None:
    text = reference()
    for rule in RULES.values():
        assert f"| {rule.name} | {rule.what} | {rule.code} | {rule.severity.value} |" in text


@pytest.mark.parametrize(
    ("source", "code", "severity"),
    [
        ("<Response><Say>Hi</Response>", 12100, "error"),
        ('<?xml version="1.1"?><Response/>', 12101, "error"),
        ("<Response><Say>Tom & Jerry</Say></Response>", 11102, "error"),
        ("<Say>Hi</Say>", 12102, "error"),
        ("<!DOCTYPE Response><Response/>", 12100, "error"),
        ("<Response><Foo/></Response>", 12200, "warning"),
        ('<Response foo="1"/>', 12200, "warning"),
        ('<Response><Gather numDigits="x"/></Response>', 13314, "warning"),
        ("<Response><Sms>Hi</Sms></Response>", 14101, "warning"),
        ("<Response><Gather><Dial>+1</Dial></Gather></Response>", 13320, "warning"),
        ("<Response><Dial/></Response>", 13226, "warning"),
        ("<Response><Gather>words</Gather></Response>", 12200, "warning"),
        ("<Response><Say/></Response>", 13520, "warning"),
    ],
)
def test_problems_carry_the_severity_of_their_rule(source: str, code: int, severity: str) -> None:
    first = check(source)[0]
    assert (first.code, first.severity) == (code, severity)


def test_built_problems_name_the_same_rules_as_parsed_ones() -> None:
    with pytest.raises(InboundXMLError) as built:
        Gather(num_digits=-1)
    parsed = check('<Response><Gather numDigits="-1"/></Response>')[0]
    assert (built.value.code, built.value.path) == (parsed.code, "Gather@numDigits")
    assert built.value.message.split(" got ")[0] == parsed.message.split(" got ")[0]
    assert built.value.problems[0].severity == parsed.severity


def test_problem_severity_defaults_to_error() -> None:
    assert Problem(12100, "", "x").severity == "error"


def test_a_traceback_through_a_constructor_shows_its_generated_source() -> None:
    try:
        Gather(num_digits=-1)
    except InboundXMLError as exc:
        frames = traceback.extract_tb(exc.__traceback__)
    init = next(f for f in frames if f.name == "__init__")
    assert init.filename == "<inboundxml generated Gather.__init__>"
    assert init.line is not None
    assert "raise _fail(" in init.line


def test_generated_code_is_registered_with_linecache() -> None:
    init = Say.__init__.__code__
    assert init.co_filename == "<inboundxml generated Say.__init__>"
    assert linecache.getline(init.co_filename, init.co_firstlineno).startswith("def __init__(")
    assert linecache.getline("<inboundxml generated read_Say>", 1).startswith("def read(")
