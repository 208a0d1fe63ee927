"""The public API of the package."""

from __future__ import annotations

import inspect

from inboundxml_facts import ELEMENT_TAGS

import inboundxml
from inboundxml import verbs


def test_all_is_sorted_and_lists_every_public_name() -> None:
    assert inboundxml.__all__ == sorted(inboundxml.__all__)
    for name in inboundxml.__all__:  # the parser's names are imported on first use
        assert hasattr(inboundxml, name)
    public = {
        name
        for name, value in vars(inboundxml).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert set(inboundxml.__all__) == public


def test_all_names_the_element_classes_the_parser_and_the_errors() -> None:
    expected = {*ELEMENT_TAGS, "Element", "InboundXMLError", "CPaaSError", "Problem"}
    expected |= {"parse", "check", "use_url_resolver", "UrlResolver"}
    assert set(inboundxml.__all__) == expected


def test_every_public_class_and_function_has_a_docstring() -> None:
    for name in inboundxml.__all__:
        value = getattr(inboundxml, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name
            if inspect.isclass(value):
                for member, attribute in vars(value).items():
                    if not member.startswith("_") and (
                        inspect.isfunction(attribute) or isinstance(attribute, property)
                    ):
                        assert inspect.getdoc(attribute), f"{name}.{member}"
    assert inspect.getdoc(verbs)
    assert inspect.getdoc(inboundxml)


def test_element_classes_are_the_same_objects_everywhere() -> None:
    for tag in ELEMENT_TAGS:
        assert getattr(inboundxml, tag) is getattr(verbs, tag) is verbs.CLASSES[tag]
