"""Building elements: every attribute, text rule and nesting rule of the reference, in Python."""

from __future__ import annotations

from typing import Any

import pytest
from inboundxml_facts import (
    ATTRIBUTES,
    BAD_TEXT,
    CHILD_CODE,
    CHILDREN,
    ELEMENT_TAGS,
    GOOD_TEXT,
    REQUIRED_KWARGS,
    TEXT,
    A,
    invalid_python,
    valid_python,
)

import inboundxml
from inboundxml import InboundXMLError, verbs
from inboundxml._values import describe_allowed
from inboundxml.spec import ELEMENTS, Kind
from inboundxml.verbs import CLASSES, Agent, Dial, Gather, Number, Response, Say, Sms

CLS: dict[str, type[inboundxml.Element]] = {tag: getattr(verbs, tag) for tag in ELEMENT_TAGS}


def build(tag: str, *content: Any, **kwargs: Any) -> inboundxml.Element:
    """A valid element of ``tag`` (required attributes and text filled in) with ``kwargs``."""
    cls: Any = CLS[tag]
    args = {**REQUIRED_KWARGS.get(tag, {}), **kwargs}
    if content:
        return cls(*content, **args)  # type: ignore[no-any-return]
    if TEXT.get(tag) is not None:
        return cls(TEXT[tag], **args)  # type: ignore[no-any-return]
    if tag == "Connect":
        return cls(Agent("AG123"), **args)  # type: ignore[no-any-return]
    return cls(**args)  # type: ignore[no-any-return]


def _valid_cases() -> list[Any]:
    return [
        pytest.param(a, given, canonical, id=f"{a.id}={given!r}")
        for a in ATTRIBUTES
        for given, canonical in valid_python(a)
    ]


def _invalid_cases() -> list[Any]:
    return [
        pytest.param(a, given, id=f"{a.id}={given!r}")
        for a in ATTRIBUTES
        for given in invalid_python(a)
    ]


def test_verbs_module_exposes_exactly_the_23_element_classes() -> None:
    classes = {
        name
        for name, value in vars(verbs).items()
        if isinstance(value, type)
        and issubclass(value, inboundxml.Element)
        and value.__module__
        and not name.startswith("_")
        and name != "Element"
    }
    assert classes == set(ELEMENT_TAGS)
    assert set(verbs.CLASSES) == set(ELEMENT_TAGS)
    for tag in ELEMENT_TAGS:
        assert CLS[tag].tag == tag


@pytest.mark.parametrize(("attr", "given", "canonical"), _valid_cases())
def test_attribute_accepts_valid_value_and_stores_canonical_form(
    attr: A, given: object, canonical: object
) -> None:
    element = build(attr.element, **{attr.py: given})
    assert element.attrs[attr.py] == canonical
    assert type(element.attrs[attr.py]) is type(canonical)
    assert getattr(element, attr.py) == canonical


@pytest.mark.parametrize(("attr", "given"), _invalid_cases())
def test_attribute_rejects_invalid_value_with_its_platform_code(attr: A, given: object) -> None:
    with pytest.raises(InboundXMLError) as info:
        build(attr.element, **{attr.py: given})
    assert info.value.code in attr.codes
    assert info.value.path == attr.id
    assert len(info.value.problems) == 1
    assert info.value.problems[0].line is None


@pytest.mark.parametrize("attr", [a for a in ATTRIBUTES if a.required], ids=lambda a: a.id)
def test_missing_required_attribute_raises_its_code(attr: A) -> None:
    kwargs = dict(REQUIRED_KWARGS[attr.element])
    del kwargs[attr.py]
    cls: Any = CLS[attr.element]
    with pytest.raises(InboundXMLError) as info:
        cls(TEXT[attr.element], **kwargs) if TEXT.get(attr.element) else cls(**kwargs)
    assert info.value.code in attr.codes
    assert info.value.path == attr.id


def test_sms_without_to_raises_14101_and_without_from_raises_14102() -> None:
    with pytest.raises(InboundXMLError) as no_to:
        Sms("Hi", from_="+15557654321")  # type: ignore[call-arg]
    assert (no_to.value.code, no_to.value.path) == (14101, "Sms@to")
    with pytest.raises(InboundXMLError) as no_from:
        Sms("Hi", to="+15551234567")  # type: ignore[call-arg]
    assert (no_from.value.code, no_from.value.path) == (14102, "Sms@from")


@pytest.mark.parametrize("tag", ELEMENT_TAGS)
def test_unknown_keyword_is_rejected_with_12200(tag: str) -> None:
    with pytest.raises(InboundXMLError) as info:
        build(tag, bogus_option="1")
    assert info.value.code == 12200
    assert info.value.path == f"{tag}@bogus_option"


def test_markup_spelling_of_a_keyword_is_rejected_not_ignored() -> None:
    with pytest.raises(InboundXMLError) as info:
        Gather(numDigits=1)  # type: ignore[call-arg]
    assert info.value.code == 12200
    assert info.value.path == "Gather@numDigits"


@pytest.mark.parametrize(("tag", "text", "codes"), BAD_TEXT, ids=lambda v: repr(v)[:30])
def test_invalid_text_is_rejected_with_its_code(tag: str, text: str, codes: frozenset[int]) -> None:
    with pytest.raises(InboundXMLError) as info:
        CLS[tag](text, **REQUIRED_KWARGS.get(tag, {}))  # type: ignore[call-arg]
    assert info.value.code in codes
    assert info.value.path == tag


@pytest.mark.parametrize(("tag", "text", "canonical"), GOOD_TEXT, ids=lambda v: repr(v)[:30])
def test_valid_text_is_kept_in_canonical_form(tag: str, text: str, canonical: str | None) -> None:
    element = CLS[tag](text, **REQUIRED_KWARGS.get(tag, {}))  # type: ignore[call-arg]
    assert element.text == canonical


@pytest.mark.parametrize("tag", ["Say", "Play", "Number", "Sip", "User", "Conference", "Agent"])
def test_text_required_elements_refuse_missing_text(tag: str) -> None:
    with pytest.raises(InboundXMLError) as info:
        CLS[tag]()
    assert info.value.path == tag


def test_empty_say_is_13520_and_empty_play_is_13421() -> None:
    with pytest.raises(InboundXMLError) as say:
        Say("")
    assert say.value.code == 13520
    with pytest.raises(InboundXMLError) as play:
        inboundxml.Play("")
    assert play.value.code == 13421


# --- nesting (§2) -----------------------------------------------------------------------

_CONTAINERS = [tag for tag in ELEMENT_TAGS if CHILDREN[tag]]
_LEAVES = [tag for tag in ELEMENT_TAGS if not CHILDREN[tag]]


def _nesting_cases(allowed: bool) -> list[Any]:
    return [
        pytest.param(parent, child, id=f"{parent}>{child}")
        for parent in _CONTAINERS
        for child in ELEMENT_TAGS
        if (child in CHILDREN[parent]) is allowed
    ]


@pytest.mark.parametrize(("parent", "child"), _nesting_cases(allowed=True))
def test_allowed_child_is_accepted_when_building(parent: str, child: str) -> None:
    kid = build(child)
    element = CLS[parent](kid, **REQUIRED_KWARGS.get(parent, {}))  # type: ignore[call-arg]
    assert element.children == (kid,)
    appended = build(parent) if parent == "Connect" else None
    if appended is None:
        holder = CLS[parent](**REQUIRED_KWARGS.get(parent, {}))
        assert holder.append(kid) is holder
        assert holder.children == (kid,)


@pytest.mark.parametrize(("parent", "child"), _nesting_cases(allowed=False))
def test_forbidden_child_is_rejected_with_the_parents_code(parent: str, child: str) -> None:
    code = CHILD_CODE.get(parent, 12200)
    with pytest.raises(InboundXMLError) as info:
        CLS[parent](build(child), **REQUIRED_KWARGS.get(parent, {}))  # type: ignore[call-arg]
    assert info.value.code == code
    assert info.value.path == f"{parent}/{child}"
    holder = CLS[parent](**REQUIRED_KWARGS.get(parent, {}))
    with pytest.raises(InboundXMLError) as appended:
        holder.append(build(child))
    assert appended.value.code == code
    assert holder.children == ()


@pytest.mark.parametrize(("parent", "child"), [(p, c) for p in _LEAVES for c in ("Say", "Number")])
def test_elements_without_children_refuse_any_child(parent: str, child: str) -> None:
    with pytest.raises((TypeError, InboundXMLError)):
        build(parent, build(child))
    with pytest.raises(InboundXMLError) as info:
        build(parent).append(build(child))
    assert info.value.code == 12200


@pytest.mark.parametrize(("parent", "child"), _nesting_cases(allowed=False))
@pytest.mark.parametrize("place", [0, 3, 9])
def test_forbidden_child_among_allowed_ones_is_found_wherever_it_is(
    parent: str, child: str, place: int
) -> None:
    allowed = build(sorted(CHILDREN[parent])[0])
    kids = [allowed] * 10
    kids[place] = build(child)
    with pytest.raises(InboundXMLError) as info:
        CLS[parent](*kids[: max(place + 1, 2)], **REQUIRED_KWARGS.get(parent, {}))
    assert (info.value.code, info.value.path) == (
        CHILD_CODE.get(parent, 12200),
        f"{parent}/{child}",
    )


def test_an_object_posing_as_an_element_is_not_a_child() -> None:
    class Posing:
        @property  # type: ignore[misc]
        def __class__(self) -> type:
            return Say

    for count in (1, 10):
        with pytest.raises(InboundXMLError) as info:
            Response(*[Posing()] * count)  # type: ignore[arg-type]
        assert info.value.code == 12200


def test_dial_inside_gather_is_13320_and_say_inside_dial_is_13215() -> None:
    with pytest.raises(InboundXMLError) as gather:
        Gather(Dial("+15551234567"))  # type: ignore[arg-type]
    assert (gather.value.code, gather.value.path) == (13320, "Gather/Dial")
    with pytest.raises(InboundXMLError) as dial:
        Dial(Say("Hello"))  # type: ignore[arg-type]
    assert (dial.value.code, dial.value.path) == (13215, "Dial/Say")


def test_connect_takes_exactly_one_agent() -> None:
    with pytest.raises(InboundXMLError) as two:
        inboundxml.Connect(Agent("AG1"), Agent("AG2"))
    assert two.value.code == 12200
    with pytest.raises(InboundXMLError) as none:
        Response(inboundxml.Connect()).to_xml()
    assert (none.value.code, none.value.path) == (12200, "Response/Connect[0]")


def test_dial_takes_text_or_children_not_both() -> None:
    with pytest.raises(InboundXMLError) as info:
        Dial("+15551234567", Number("+15557654321"))
    assert info.value.code == 12200
    with pytest.raises(InboundXMLError):
        Dial("+15551234567").append(Number("+15557654321"))


def test_dial_without_destination_fails_13226_when_rendered_not_when_built() -> None:
    dial = Dial(action="/after")
    doc = Response(Say("Connecting"), dial)
    with pytest.raises(InboundXMLError) as info:
        doc.to_xml()
    assert (info.value.code, info.value.path) == (13226, "Response/Dial[0]")
    with pytest.raises(InboundXMLError) as validated:
        doc.validate()
    assert validated.value.code == 13226
    dial.append(Number("+15551234567"))
    doc.validate()
    assert doc.children[1].children == (Number("+15551234567"),)


def test_say_with_bad_voice_built_for_a_gather_raises_13511_at_construction() -> None:
    # Built bottom-up, the Say does not know its parent yet: its own code applies.
    with pytest.raises(InboundXMLError) as info:
        Gather(Say("Hi", voice="robot"))  # type: ignore[arg-type]
    assert (info.value.code, info.value.path) == (13511, "Say@voice")


@pytest.mark.parametrize("tag", [t for t in ELEMENT_TAGS if t != "Response"])
def test_rendering_an_element_that_is_not_response_is_12102(tag: str) -> None:
    with pytest.raises(InboundXMLError) as info:
        build(tag).to_xml()
    assert info.value.code == 12102
    with pytest.raises(InboundXMLError):
        build(tag).validate()


@pytest.mark.parametrize("tag", sorted(ELEMENTS))
def test_docstring_names_every_keyword_with_what_it_allows(tag: str) -> None:
    doc = CLASSES[tag].__doc__ or ""
    for attr in ELEMENTS[tag].attrs:
        line = next(line for line in doc.splitlines() if line.strip().startswith(f"{attr.py}:"))
        assert f"Allowed: {describe_allowed(attr)}." in line
        assert f"error {attr.code}" in line
        for value in attr.values[:12] if attr.kind is Kind.ENUM else ():
            assert f"`{value}`" in line


def test_integer_ranges_read_as_bounds() -> None:
    timeout = next(a for a in ELEMENTS["Gather"].attrs if a.py == "timeout")
    length = next(a for a in ELEMENTS["Pause"].attrs if a.py == "length")
    assert describe_allowed(timeout) == "integer >= 1"
    assert describe_allowed(length) == "integer 1..99998"
