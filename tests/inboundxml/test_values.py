"""Value helpers: URL resolution of handlers, escaping."""

from __future__ import annotations

import pytest

from inboundxml import InboundXMLError, use_url_resolver
from inboundxml._values import escape_attr, escape_text
from inboundxml.verbs import Gather, Record, Redirect, Response


def menu() -> str:
    return "menu"


def voicemail() -> str:
    return "voicemail"


def test_handler_url_resolves_through_the_active_resolver() -> None:
    with use_url_resolver(lambda handler: f"https://example.com/{handler.__name__}"):
        gather = Gather(action=menu)
        record = Record(action=voicemail, transcribe_callback=menu)
    assert gather.attrs["action"] == "https://example.com/menu"
    assert record.attrs["transcribe_callback"] == "https://example.com/menu"
    assert Response(gather).to_xml().count("https://example.com/menu") == 1


def test_innermost_resolver_wins_and_is_reset_on_exit() -> None:
    with use_url_resolver(lambda h: "/outer"):
        with use_url_resolver(lambda h: "/inner"):
            assert Gather(action=menu).attrs["action"] == "/inner"
        assert Gather(action=menu).attrs["action"] == "/outer"
    with pytest.raises(InboundXMLError) as info:
        Gather(action=menu)
    assert (info.value.code, info.value.path) == (11100, "Gather@action")


def test_handler_without_resolver_is_11100() -> None:
    with pytest.raises(InboundXMLError) as info:
        Record(action=voicemail)
    assert (info.value.code, info.value.path) == (11100, "Record@action")


def test_resolver_result_is_checked_like_any_url() -> None:
    with use_url_resolver(lambda h: "not a url"), pytest.raises(InboundXMLError) as info:
        Gather(action=menu)
    assert info.value.code == 11100


def test_handler_text_is_not_a_url() -> None:
    with pytest.raises(InboundXMLError):
        Redirect(menu)  # type: ignore[arg-type]


def test_escape_text_and_attribute() -> None:
    assert escape_text("a&b<c>d\"e'f\r") == "a&amp;b&lt;c&gt;d\"e'f&#13;"
    assert escape_attr("a&b<c>d\"e'f\t\n\r") == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;&#10;&#13;"
    assert escape_attr("plain") == "plain"
