"""The project's XSD: only Response as root, and it accepts what the builder renders."""

from __future__ import annotations

import pytest
from inboundxml_facts import BUILD, ELEMENT_TAGS
from lxml import etree

from inboundxml import Element, verbs
from inboundxml.schema import xsd

NOUN_PARENT = {"Number": "Dial", "Sip": "Dial", "User": "Dial", "Conference": "Dial"}


def _docs() -> list[Element]:
    scope = {tag: getattr(verbs, tag) for tag in ELEMENT_TAGS}
    out = []
    for tag, expression in BUILD.items():
        element = eval(expression, scope)  # noqa: S307  (our own literal table)
        if tag == "Response":
            out.append(element)
        elif tag in NOUN_PARENT:
            out.append(verbs.Response(verbs.Dial(element)))
        elif tag == "Agent":
            out.append(verbs.Response(verbs.Connect(element)))
        else:
            out.append(verbs.Response(element))
    return out


def test_generated_schema_is_a_valid_xsd() -> None:
    etree.XMLSchema(etree.fromstring(xsd().encode()))


@pytest.mark.parametrize("root", ["<Say>Hi</Say>", "<Reject/>", "<Hangup/>"])
def test_our_schema_rejects_a_root_that_is_not_response(
    project_schema: etree.XMLSchema, root: str
) -> None:
    assert not project_schema.validate(etree.fromstring(root))


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: repr(d)[:40])
def test_built_documents_are_valid_under_our_schema_and_the_vendor_schema(
    project_schema: etree.XMLSchema, vendor_schema: etree.XMLSchema, doc: Element
) -> None:
    tree = etree.fromstring(doc.to_bytes())
    assert project_schema.validate(tree), project_schema.error_log
    assert vendor_schema.validate(tree), vendor_schema.error_log


def test_our_schema_rejects_what_the_parser_rejects(project_schema: etree.XMLSchema) -> None:
    for bad in (
        '<Response><Pause length="0"/></Response>',
        '<Response><Gather timeout="0"/></Response>',
        '<Response><Say voice="robot">Hi</Say></Response>',
        "<Response><Gather><Dial>+1</Dial></Gather></Response>",
        "<Response><Number>+1</Number></Response>",
        f"<Response><Redirect>/{'a' * 200}</Redirect></Response>",
        f"<Response><Gather action='/{'a' * 200}'/></Response>",
    ):
        assert not project_schema.validate(etree.fromstring(bad)), bad
