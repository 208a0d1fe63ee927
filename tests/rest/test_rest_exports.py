"""The public names of ``webhooks.rest``: a curated, sorted, complete ``__all__``."""

from __future__ import annotations

import inspect

import webhooks.rest as rest
from webhooks.rest import errors


def test_all_is_sorted_and_every_name_exists() -> None:
    # isort-style order (as ruff RUF022): constants, then classes and functions.
    assert rest.__all__ == sorted(rest.__all__, key=lambda name: (not name.isupper(), name))
    assert len(set(rest.__all__)) == len(rest.__all__)
    for name in rest.__all__:
        assert hasattr(rest, name), name


def test_every_exception_and_model_class_is_exported() -> None:
    exported = set(rest.__all__)
    assert set(errors.__all__) <= exported
    for name, value in vars(rest).items():
        if inspect.isclass(value) and issubclass(value, rest.Model | Exception):
            assert name in exported, name


def test_every_public_class_and_function_has_a_docstring() -> None:
    for name in rest.__all__:
        value = getattr(rest, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name
