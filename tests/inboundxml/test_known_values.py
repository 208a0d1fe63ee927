"""Constructors remember string values they have checked, per attribute, within a bound."""

from __future__ import annotations

from typing import Any

import pytest

from inboundxml import InboundXMLError
from inboundxml import _compile as element
from inboundxml.verbs import Dial, Gather, Hangup, Pause, Say


def known(cls: Any, keyword: str) -> dict[object, tuple[object, str, dict[str, object]]]:
    """The memory of ``cls``'s attribute ``keyword``: value, markup, attributes it makes."""
    index = [a.py for a in cls.spec.attrs].index(keyword)
    memory: dict[object, tuple[object, str, dict[str, object]]] = cls.__init__.__globals__[
        f"_k{index}"
    ]
    return memory


def test_a_url_checked_once_is_remembered_with_its_markup() -> None:
    url = "https://example.com/remembered?a=1&b=2"
    first = Gather(action=url)
    markup = ' action="https://example.com/remembered?a=1&amp;b=2"'
    assert known(Gather, "action")[url] == (url, markup, {"action": url})
    again = Gather(action=url)
    assert again == first
    assert again.attrs["action"] == url
    assert markup in str(again)


def test_invalid_strings_are_never_remembered_and_always_refused() -> None:
    for _ in range(2):
        with pytest.raises(InboundXMLError) as info:
            Gather(action="/a b")
        assert info.value.code == 11100
    assert "/a b" not in known(Gather, "action")


def test_closed_lists_are_known_in_full_with_their_aliases() -> None:
    voices = known(Say, "voice")
    assert set(voices) == {"female", "male", "woman", "man"}
    assert voices["woman"] == ("female", ' voice="female"', {"voice": "female"})
    assert Say("hi", voice="woman") == Say("hi", voice="female")
    with pytest.raises(InboundXMLError) as info:
        Say("hi", voice="robot")  # type: ignore[arg-type]
    assert info.value.code == 13511
    assert "robot" not in voices


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(element, "KNOWN_VALUES", 8)
    memory = known(Dial, "action")
    for n in range(50):
        assert Dial("+15550001", action=f"/after/{n}").attrs["action"] == f"/after/{n}"
        assert len(memory) <= 8
    assert "/after/49" in memory


def test_strings_of_a_subclass_are_checked_every_time() -> None:
    class Path(str):
        pass

    assert Gather(action=Path("/menu-subclass")).attrs["action"] == "/menu-subclass"
    assert "/menu-subclass" not in known(Gather, "action")


@pytest.mark.parametrize("length", [1, 2, 99, 100, 101, 99998])
def test_numbers_render_alike_below_and_above_the_precomputed_range(length: int) -> None:
    assert element.SMALL_INTS == 100
    assert str(Pause(length=length)) == f'<Pause length="{length}"/>'
    assert str(Pause(length=str(length))) == f'<Pause length="{length}"/>'  # type: ignore[arg-type]


def test_small_numbers_and_flags_are_known_from_the_start_within_their_range() -> None:
    lengths = known(Pause, "length")
    assert lengths[1] == (1, ' length="1"', {"length": 1})
    assert 0 not in lengths  # Pause length starts at 1
    assert known(Dial, "record")[True] == (True, ' record="true"', {"record": True})
    assert known(Dial, "record")[False] == (False, ' record="false"', {"record": False})


@pytest.mark.parametrize("value", [True, False, 1.0])
def test_numbers_are_known_by_their_type_not_by_equality(value: object) -> None:
    """``True == 1`` and ``1.0 == 1``, yet neither is the integer a number attribute takes."""
    for _ in range(2):
        with pytest.raises(InboundXMLError) as info:
            Pause(length=value)  # type: ignore[arg-type]
        assert info.value.code == 13910
    assert str(Pause(length="1")) == str(Pause(length=1))  # type: ignore[arg-type]
    assert "1" not in known(Pause, "length")


def test_flags_given_as_text_render_like_flags() -> None:
    assert str(Dial("+1", record="TRUE")) == str(Dial("+1", record=True))  # type: ignore[arg-type]
    assert "TRUE" not in known(Dial, "record")


def test_elements_given_the_same_values_have_equal_but_separate_attributes() -> None:
    one, two = Say("a", loop=2), Say("b", loop=2)
    assert one.attrs == two.attrs == {"loop": 2}
    one.attrs["loop"] = 3  # a copy
    assert two.attrs == {"loop": 2}
    three = Say("c", loop=2, voice="man")
    assert three.attrs == {"voice": "male", "loop": 2}
    assert list(three.attrs) == ["voice", "loop"]  # table order
    assert Say("d", loop=2).attrs == {"loop": 2}
    assert Gather(timeout=3, num_digits=2, hints="x").attrs == {
        "timeout": 3,
        "num_digits": 2,
        "input": "dtmf",
        "hints": "x",
    }
    assert Say("e").attrs == {}


def texts(cls: Any) -> dict[str, tuple[str | None, str, str]]:
    """The memory of ``cls``'s texts: canonical text, end of the markup, whole markup."""
    memory: dict[str, tuple[str | None, str, str]] = cls.__init__.__globals__["_kt"]
    return memory


def test_a_text_checked_once_is_remembered_with_its_markup() -> None:
    text = "Fish & chips <today>"
    assert str(Say(text)) == "<Say>Fish &amp; chips &lt;today&gt;</Say>"
    assert texts(Say)[text] == (
        text,
        ">Fish &amp; chips &lt;today&gt;</Say>",
        "<Say>Fish &amp; chips &lt;today&gt;</Say>",
    )
    assert str(Say(text, loop=2)) == '<Say loop="2">Fish &amp; chips &lt;today&gt;</Say>'
    assert str(Say(text)) == "<Say>Fish &amp; chips &lt;today&gt;</Say>"
    assert str(Hangup()) == "<Hangup/>"
    assert str(Pause(length=2)) == '<Pause length="2"/>'
    assert str(Pause()) == "<Pause/>"


def test_invalid_long_and_subclassed_texts_are_never_remembered() -> None:
    class Words(str):
        pass

    for _ in range(2):
        with pytest.raises(InboundXMLError):
            Say("bell \x07")
    long = "x" * (element.KNOWN_TEXT_LENGTH + 1)
    assert Say(long).text == long
    assert Say(Words("subclassed words")).text == "subclassed words"
    assert not {"bell \x07", long, "subclassed words"} & set(texts(Say))


def test_the_text_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(element, "KNOWN_VALUES", 8)
    for n in range(50):
        assert Say(f"message {n}").text == f"message {n}"
        assert len(texts(Say)) <= 8
