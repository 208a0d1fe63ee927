"""The strict urlencoded decoder and the body reader."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from webhooks import BadRequest, PayloadTooLarge, UnsupportedMediaType
from webhooks.forms import media_type, parse_json_object, parse_urlencoded, read_body

pytestmark = pytest.mark.anyio

texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))


@given(st.dictionaries(texts.filter(bool), texts, max_size=20))
def test_decodes_what_urlencode_encodes(params: dict[str, str]) -> None:
    assert parse_urlencoded(urlencode(params).encode()) == params


def test_plus_is_space_and_escaped_plus_is_plus() -> None:
    assert parse_urlencoded(b"From=%2B1555&Name=Jane+Doe&Flag") == {
        "From": "+1555",
        "Name": "Jane Doe",
        "Flag": "",
    }


def test_later_keys_win_and_into_is_updated() -> None:
    params = parse_urlencoded(b"A=1&B=2")
    assert parse_urlencoded(b"A=3&&", params) == {"A": "3", "B": "2"}


def test_raw_utf8_is_accepted() -> None:
    assert parse_urlencoded("Body=caf\u00e9".encode()) == {"Body": "caf\u00e9"}


@pytest.mark.parametrize(
    "data", [b"A=%", b"A=%1", b"A=%g0", b"A=%ff", b"A=\xff", b"=1", b"A=%00", b"A=\x00"]
)
def test_malformed_data_is_rejected(data: bytes) -> None:
    with pytest.raises(BadRequest):
        parse_urlencoded(data)


def test_json_objects_become_string_parameters() -> None:
    assert parse_json_object(b'{"a": "x", "b": 1, "c": {"d": true}}') == {
        "a": "x",
        "b": "1",
        "c": '{"d":true}',
    }
    for bad in (b"[1]", b"{", b"\xff"):
        with pytest.raises(BadRequest):
            parse_json_object(bad)


def test_media_type() -> None:
    assert media_type(None) == ""
    assert media_type(b"Application/X-WWW-Form-Urlencoded; charset=UTF-8") == (
        "application/x-www-form-urlencoded"
    )
    with pytest.raises(UnsupportedMediaType):
        media_type(b"application/x-www-form-urlencoded; charset=latin-1")


def receiver(*messages: dict[str, Any]) -> Any:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    return receive


async def test_body_is_read_in_chunks_and_stops_early() -> None:
    ok = receiver(
        {"type": "http.request", "body": b"a=", "more_body": True},
        {"type": "http.request", "body": b"1", "more_body": False},
    )
    assert await read_body(ok, 10, None) == b"a=1"
    endless = receiver(
        {"type": "http.request", "body": b"x" * 8, "more_body": True},
        {"type": "http.request", "body": b"x" * 8, "more_body": True},
    )
    with pytest.raises(PayloadTooLarge):
        await read_body(endless, 10, None)
    with pytest.raises(PayloadTooLarge):
        await read_body(receiver(), 10, b"11")
    with pytest.raises(BadRequest, match="disconnected"):
        await read_body(
            receiver(
                {"type": "http.request", "body": b"a", "more_body": True},
                {"type": "http.disconnect"},
            ),
            10,
            None,
        )
