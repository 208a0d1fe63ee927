"""Each parser front end refuses DTDs, entities and external references on its own.

These tests hand documents to the front ends directly, without the check that
:func:`inboundxml._source.prepare` makes first: neither parser may read a DTD, expand a
declared entity, or open or fetch anything named in the document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from blocking import run_guarded
from lxml import etree

from inboundxml._frontends import Malformed, Refuse, expat_root, lxml_parser, lxml_root

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(2, 10))
    + '<!ENTITY lol1 "lol">]><Response><Say>&lol9;</Say></Response>'
)
DTDS = {
    "doctype": b"<!DOCTYPE Response><Response/>",
    "internal_entity": b'<!DOCTYPE r [<!ENTITY w "word">]><Response><Say>&w;</Say></Response>',
    "external_entity": (
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response><Say>&x;</Say></Response>'
    ),
    "external_subset": b'<!DOCTYPE Response SYSTEM "file:///etc/passwd"><Response/>',
    "parameter_entity": (
        b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.invalid/p">%p;]><Response/>'
    ),
    "billion_laughs": _LAUGHS.encode(),
    "entity_in_content": b'<Response><!ENTITY w "word"><Say>&w;</Say></Response>',
}


@pytest.mark.parametrize("name", sorted(DTDS))
def test_lxml_front_end_refuses_a_dtd_on_its_own(name: str) -> None:
    with pytest.raises(Malformed) as info:
        lxml_root(DTDS[name])
    assert info.value.code in (12100, 11102)
    assert "passwd" not in info.value.message or name == "external_subset"


@pytest.mark.parametrize("name", sorted(DTDS))
def test_expat_front_end_refuses_a_dtd_on_its_own(name: str) -> None:
    assert expat_root(DTDS[name]) is None


def test_front_ends_read_a_plain_document() -> None:
    body = b"<Response><Say>Tom &amp; Jerry</Say></Response>"
    for root in (lxml_root(body), expat_root(body)):
        assert root is not None
        assert (root.tag, root[0].text) == ("Response", "Tom & Jerry")


@pytest.mark.parametrize(
    "body",
    [b"", b"  ", b"<Response/><Response/>", b"text<Response/>", b"<Response/>text", b"<a"],
)
def test_front_ends_want_exactly_one_root_element(body: bytes) -> None:
    with pytest.raises(Malformed):
        lxml_root(body)
    assert expat_root(body) is None


def test_front_ends_never_open_a_fifo_named_as_the_external_subset(fifo: Path) -> None:
    body = f'<!DOCTYPE Response SYSTEM "{fifo}"><Response/>'.encode()
    assert isinstance(run_guarded(lambda: lxml_root(body)), Malformed)
    assert run_guarded(lambda: expat_root(body)) is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-32"])
def test_the_lxml_parser_itself_loads_nothing_even_given_a_dtd_in_its_prolog(
    fifo: Path, encoding: str
) -> None:
    # Straight to the configured lxml parser, DTD in the prolog: its resolver refuses the
    # external subset and the external entity, so the pipe is never opened.
    for text in (
        f'<!DOCTYPE Response SYSTEM "{fifo}"><Response/>',
        f'<!DOCTYPE r [<!ENTITY x SYSTEM "{fifo.as_uri()}">]><Response>&x;</Response>',
        f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{fifo.as_uri()}">%p;]><Response/>',
    ):
        declared = f'<?xml version="1.0" encoding="{encoding.upper()}"?>{text}'
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, collect_ids=False
        )
        # (collect_ids=False is the setting with which libxml2 loads an external subset)
        parser.resolvers.add(Refuse())
        for candidate in (lxml_parser(), parser):
            result = run_guarded(
                lambda candidate=candidate, declared=declared: _parse_with(  # type: ignore[misc]
                    candidate, declared.encode(encoding)
                )
            )
            if isinstance(result, etree._Element):
                assert result.text in (None, "")  # the entity was not expanded
            else:
                assert isinstance(result, Exception)


def _parse_with(parser: etree.XMLParser, data: bytes) -> etree._Element | Exception:
    try:
        return etree.fromstring(data, parser)
    except Exception as exc:  # the test inspects it
        return exc


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"<Response>", "<Response> (line 1) is never closed"),
        (b"<Response>\n<Say>", "<Say> (line 2) is never closed"),
        (b"</Response>", "</Response> closes an element that is not open"),
    ],
)
def test_lxml_messages_speak_of_the_document_not_the_wrapper(body: bytes, says: str) -> None:
    with pytest.raises(Malformed) as info:
        lxml_root(body)
    assert info.value.message == f"not well-formed XML: {says}"
    assert "_" not in info.value.message
    assert "column" not in info.value.message
