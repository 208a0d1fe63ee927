"""Hostile documents are refused with 12100 in every accepted encoding, before any parser runs.

DTDs, entity declarations and external references are refused whatever the encoding of the
bytes; other encodings are refused by name; the size bound comes first and nothing before it
depends on the size of the document.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from blocking import run_guarded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

from inboundxml import Element, InboundXMLError, Problem, check, parse
from inboundxml._source import ENCODINGS, prepare
from inboundxml.verbs import Response, Say

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]><Response><Say>&lol9;</Say></Response>"
)
HOSTILE = {
    "file_dtd": '<!DOCTYPE Response SYSTEM "file:///etc/shadow"><Response><Say>Hi</Say></Response>',
    "missing_dtd": '<!DOCTYPE Response SYSTEM "file:///nonexistent.dtd"><Response/>',
    "doctype_only": "<!DOCTYPE Response><Response><Say>Hi</Say></Response>",
    "xxe": '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response><Say>&x;</Say></Response>',
    "internal_entity": '<!DOCTYPE r [<!ENTITY w "word">]><Response><Say>&w;</Say></Response>',
    "billion_laughs": _LAUGHS,
    "parameter_entity": '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.invalid/p">%p;]><Response/>',
    "public_dtd": '<!DOCTYPE Response PUBLIC "-//X//Y" "http://example.invalid/y.dtd"><Response/>',
}

# Every way of writing the accepted Unicode encodings: (codec, declared name, with BOM).
WIDE = [
    ("utf-16-le", "UTF-16", True),
    ("utf-16-le", "UTF-16", False),
    ("utf-16-be", "UTF-16", True),
    ("utf-16-be", "UTF-16", False),
    ("utf-32-le", "UTF-32", True),
    ("utf-32-le", "UTF-32", False),
    ("utf-32-be", "UTF-32", True),
    ("utf-32-be", "UTF-32", False),
    ("utf-8", "UTF-8", True),
    ("utf-8", "UTF-8", False),
]
_BOM = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
    "utf-8": codecs.BOM_UTF8,
}


def encode(text: str, codec: str, bom: bool, declared: str | None = None) -> bytes:
    """``text`` in ``codec``, with a byte order mark and an XML declaration if asked."""
    if declared is not None:
        text = f'<?xml version="1.0" encoding="{declared}"?>' + text
    return (_BOM[codec] if bom else b"") + text.encode(codec)


def _padded(text: str) -> str:
    # Over 1 KiB: large documents are read with expat, small ones with lxml.
    return text.replace("<Response>", "<Response>" + "<Pause/>" * 200, 1)


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize(("codec", "declared", "bom"), WIDE)
@pytest.mark.parametrize("declare", [False, True])
@pytest.mark.parametrize("size", ["small", "large"])
def test_hostile_document_is_refused_with_12100_in_every_encoding(
    name: str, codec: str, declared: str, bom: bool, declare: bool, size: str
) -> None:
    text = HOSTILE[name] if size == "small" else _padded(HOSTILE[name])
    data = encode(text, codec, bom, declared if declare else None)
    problems = check(data)
    assert [(p.code, p.line) for p in problems] == [(12100, 1)]
    assert "not allowed" in problems[0].message
    assert "root" not in problems[0].message
    with pytest.raises(InboundXMLError) as info:
        parse(data)
    assert info.value.code == 12100


@pytest.mark.parametrize(("codec", "declared", "bom"), WIDE)
@pytest.mark.parametrize("declare", [False, True])
def test_plain_document_parses_in_every_accepted_encoding(
    codec: str, declared: str, bom: bool, declare: bool
) -> None:
    doc = Response(Say("Grüße, 日本語 😀"))
    for text in (doc.to_xml(declaration=False), _padded(doc.to_xml(declaration=False))):
        data = encode(text, codec, bom, declared if declare else None)
        assert parse(data).children[-1] == Say("Grüße, 日本語 😀")


@pytest.mark.parametrize(("codec", "declared", "bom"), WIDE)
def test_dtd_naming_a_fifo_is_refused_without_opening_it(
    fifo: Path, codec: str, declared: str, bom: bool
) -> None:
    text = f'<!DOCTYPE Response SYSTEM "{fifo.as_uri()}"><Response><Say>Hi</Say></Response>'
    for data in (encode(text, codec, bom), encode(_padded(text), codec, bom)):
        found = run_guarded(lambda data=data: check(data))  # type: ignore[misc]
        assert isinstance(found, list)
        assert [p.code for p in found] == [12100]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'<?xml version="1.0" encoding="Shift_JIS"?><Response/>', "'Shift_JIS' is not supported"),
        (b'<?xml version="1.0" encoding="nope"?><Response/>', "'nope' is not supported"),
        (b'<?xml version="1.0" encoding="UTF-16"?><Response/>', "declares 'UTF-16'"),
        ('<?xml version="1.0" encoding="UTF-8"?><Response/>'.encode("utf-16"), "declares"),
        (codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="latin-1"?><Response/>', "declares"),
        (
            b'<?xml version="1.0" encoding="ascii"?><Response><Say>\xc3\xa9</Say></Response>',
            "ASCII",
        ),
        ("<Response/>".encode("utf-16-le")[:-1], "ends inside"),
        (b"\xff\xfe\x00\xd8<\x00", "not valid UTF-16-LE"),
    ],
)
def test_other_encodings_and_mismatched_declarations_are_refused_clearly(
    data: bytes, says: str
) -> None:
    problems = check(data)
    assert [p.code for p in problems] == [12100]
    assert says in problems[0].message


def test_the_accepted_encodings_are_named_in_the_refusal() -> None:
    problem = check(b'<?xml version="1.0" encoding="EBCDIC-US"?><Response/>')[0]
    for name in ENCODINGS:
        assert name in problem.message


def test_size_bound_is_checked_before_anything_else() -> None:
    # A str of spaces after "<?xml" used to be scanned by a backtracking pattern first.
    huge = "<?xml" + " " * (1 << 21)
    assert prepare(huge, 1 << 20) == Problem(
        12100, "", "document is over 1048576 bytes; the limit is 1048576"
    )
    assert isinstance(prepare(huge.encode(), 1 << 20), Problem)
    problems = check("<?xml" + " " * ((1 << 20) - 10))
    assert [p.code for p in problems] == [12100]
    assert "declaration" in problems[0].message


def test_a_declaration_is_read_from_a_bounded_head_only() -> None:
    spaced = '<?xml version="1.0"' + " " * 600 + "?><Response/>"
    assert [p.code for p in check(spaced)] == [12100]
    assert check('<?xml version="1.0"   encoding="UTF-8"  standalone="yes" ?><Response/>') == []


def test_str_sources_ignore_their_declared_encoding() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><Response><Say>é</Say></Response>'
    assert parse(text) == Response(Say("é"))


def test_markup_declaration_inside_the_document_is_refused_with_its_line() -> None:
    problems = check('<Response>\n<Say>Hi</Say>\n<!ENTITY x "y"></Response>')
    assert [(p.code, p.line) for p in problems] == [(12100, 3)]


_CODECS = st.sampled_from(WIDE)


@settings(max_examples=200, deadline=None)
@given(
    codec=_CODECS,
    declare=st.booleans(),
    name=st.sampled_from(sorted(HOSTILE)),
    prefix=st.text(st.sampled_from(" \n\t"), max_size=3),
    pad=st.integers(min_value=0, max_value=150),
)
def test_hostile_documents_are_refused_whatever_the_encoding(
    codec: tuple[str, str, bool], declare: bool, name: str, prefix: str, pad: int
) -> None:
    codec_name, declared, bom = codec
    text = HOSTILE[name].replace("<Response>", "<Response>" + "<Pause/>" * pad, 1)
    if not declare:
        text = prefix + text
    data = encode(text, codec_name, bom, declared if declare else None)
    problems = check(data)
    assert [p.code for p in problems] == [12100]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codec=_CODECS, doc=documents(), pretty=st.booleans(), strict=st.booleans())
def test_valid_documents_read_alike_in_every_encoding(
    codec: tuple[str, str, bool], doc: Element, pretty: bool, strict: bool
) -> None:
    codec_name, declared, bom = codec
    data = encode(doc.to_xml(pretty=pretty, declaration=False), codec_name, bom, declared)
    assert parse(data, strict=strict) == doc
    assert check(data) == []
