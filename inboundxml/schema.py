"""Writes ``schema/inboundxml.xsd`` from the element table.

The schema is stricter than the vendor's: only ``Response`` may be the root, integer ranges,
key patterns and text rules of the table are facets, and the attribute vocabularies are the
ones the parser accepts. Every document the builder renders is valid under it.

Run ``python -m inboundxml generate`` to rewrite the committed file; a test fails when it is out
of date.
"""

from __future__ import annotations

from lxml import etree

from ._values import URL_MAX, lexicon, text_limit
from .spec import ELEMENTS, ROOT, Attr, ElementSpec, Kind, TextKind

__all__ = ["xsd"]

XS = "http://www.w3.org/2001/XMLSchema"
_BOOLS = ("true", "false", "True", "False", "TRUE", "FALSE", "1", "0")
_PATTERNS = {
    Kind.KEY: "[0-9#*]",
    Kind.DIGITS: "[0-9#*w]+",
    Kind.PATTERNS: "[0-9#*]+(,[0-9#*]+)*",
}
_TEXT_PATTERNS = {
    TextKind.SPEECH: r"[\s\S]*\S[\s\S]*",
    TextKind.URL: r"\s*\S+\s*",
    TextKind.PHONE: r"\s*\+?[0-9 ().\-]*[0-9][0-9 ().\-]*\s*",
    TextKind.TARGET: r"\s*(sips?:\S+|\+?[0-9 ().\-]*[0-9][0-9 ().\-]*)\s*",
    TextKind.NAME: r"\s*\S[\s\S]*",
}


def _el(parent: etree._Element, kind: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{XS}}}{kind}", attrs)


def _restriction(parent: etree._Element, base: str) -> etree._Element:
    return _el(_el(parent, "simpleType"), "restriction", base=base)


def _shared_types(schema: etree._Element) -> None:
    method = _el(_el(schema, "simpleType", name="http_method"), "restriction", base="xs:string")
    for value in ("GET", "POST", "get", "post"):
        _el(method, "enumeration", value=value)
    flag = _el(_el(schema, "simpleType", name="flag"), "restriction", base="xs:string")
    for value in _BOOLS:
        _el(flag, "enumeration", value=value)
    url = _el(_el(schema, "simpleType", name="url"), "restriction", base="xs:anyURI")
    _el(url, "minLength", value="1")
    _el(url, "maxLength", value=str(URL_MAX))
    _el(url, "pattern", value=r"\s*\S+\s*")


def _attribute(parent: etree._Element, attr: Attr) -> None:
    use = "required" if attr.required else "optional"
    shared = {Kind.METHOD: "http_method", Kind.BOOL: "flag", Kind.URL: "url"}.get(attr.kind)
    if shared is not None:
        _el(parent, "attribute", name=attr.xml, type=shared, use=use)
        return
    node = _el(parent, "attribute", name=attr.xml, use=use)
    if attr.kind is Kind.BOOL_OR_INT:
        union = _el(_el(node, "simpleType"), "union", memberTypes="flag")
        _el(_restriction(union, "xs:integer"), "minInclusive", value=str(attr.minimum or 1))
        return
    if attr.kind is Kind.INT:
        rule = _restriction(node, "xs:integer")
        for value in attr.values:
            _el(rule, "enumeration", value=value)
        if attr.minimum is not None:
            _el(rule, "minInclusive", value=str(attr.minimum))
        if attr.maximum is not None:
            _el(rule, "maxInclusive", value=str(attr.maximum))
        return
    rule = _restriction(node, "xs:string")
    if attr.kind is Kind.ENUM:
        for value in lexicon(attr):
            _el(rule, "enumeration", value=value)
    elif attr.kind in _PATTERNS:
        _el(rule, "pattern", value=_PATTERNS[attr.kind])
    elif attr.required:
        _el(rule, "minLength", value="1")


def _element_type(schema: etree._Element, spec: ElementSpec) -> None:
    has_text = spec.text is not TextKind.NONE
    if has_text and not spec.children:
        text_type = f"{spec.tag}_text"
        rule = _el(_el(schema, "simpleType", name=text_type), "restriction", base="xs:string")
        longest = text_limit(spec)
        if longest is not None:
            _el(rule, "maxLength", value=str(longest))
        if spec.text_required:
            _el(rule, "pattern", value=_TEXT_PATTERNS[spec.text])
        complex_type = _el(schema, "complexType", name=spec.tag)
        body = _el(_el(complex_type, "simpleContent"), "extension", base=text_type)
    else:
        complex_type = _el(schema, "complexType", name=spec.tag)
        if has_text:
            complex_type.set("mixed", "true")
        body = complex_type
        if spec.children:
            most = str(spec.max_children) if spec.max_children is not None else "unbounded"
            least = "1" if spec.content_required and not has_text else "0"
            choice = _el(body, "choice", minOccurs=least, maxOccurs=most)
            for child in spec.children:
                _el(choice, "element", name=child, type=child)
    for attr in spec.attrs:
        _attribute(body, attr)


def xsd() -> str:
    """The XML Schema of InboundXML, generated from the element table."""
    schema = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    schema.append(
        etree.Comment(
            " InboundXML, generated from inboundxml/spec.py by `python -m inboundxml generate`. "
        )
    )
    _el(schema, "element", name=ROOT, type=ROOT)
    _shared_types(schema)
    for spec in ELEMENTS.values():
        _element_type(schema, spec)
    text: str = etree.tostring(schema, pretty_print=True, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text
