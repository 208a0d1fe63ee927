"""The public names of ``webhooks.rest``: a curated, sorted, complete ``__all__``."""

from __future__ import annotations

import importlib
import inspect

import pytest

import webhooks.rest as rest
from webhooks.rest import _resource, errors


def test_all_is_sorted_and_every_name_exists() -> None:
    # isort-style order (as ruff RUF022): constants, then classes and functions.
    assert rest.__all__ == sorted(rest.__all__, key=lambda name: (not name.isupper(), name))
    assert len(set(rest.__all__)) == len(rest.__all__)
    for name in rest.__all__:
        assert hasattr(rest, name), name


def test_every_exception_and_model_class_is_exported() -> None:
    exported = set(rest.__all__)
    exceptions = {name for name in errors.__all__ if inspect.isclass(getattr(errors, name))}
    assert exceptions <= exported
    assert errors.describe.__module__ == "webhooks.rest.errors"
    for name, value in vars(rest).items():
        if inspect.isclass(value) and issubclass(value, rest.Model | Exception):
            assert name in exported, name


def test_every_public_class_and_function_has_a_docstring() -> None:
    for name in rest.__all__:
        value = getattr(rest, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name


PUBLIC_MODULES = [
    "accounts",
    "applications",
    "available_numbers",
    "calls",
    "conferences",
    "errors",
    "lookups",
    "messages",
    "numbers",
    "paging",
    "recordings",
    "retry",
    "sip",
    "types",
]


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_each_module_exports_only_what_it_defines(module: str) -> None:
    """No re-export shims: a public class or function is exported by the module defining it
    (or, for the ``sip`` subpackage, by the package holding its private module)."""
    imported = importlib.import_module(f"webhooks.rest.{module}")
    for name in imported.__all__:
        value = getattr(imported, name)
        defined = inspect.isclass(value) or inspect.isfunction(value)
        if defined and value.__module__.startswith("webhooks."):
            home = value.__module__
            assert home == imported.__name__ or home.startswith(f"{imported.__name__}._"), name


def test_sip_is_one_subpackage() -> None:
    for gone in ("sip_access", "sip_acls", "sip_credentials"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(f"webhooks.rest.{gone}")


def test_every_declared_endpoint_has_a_docstring_naming_its_arguments() -> None:
    client = rest.Client("AC" + "1" * 32, "token", base_url="http://127.0.0.1:1/v2")
    with client:
        for owner, name in _resource.ENDPOINTS:
            resource = next(
                value
                for value in _walk(client)
                if type(value).__name__ == owner and hasattr(value, name)
            )
            doc = getattr(resource, name).__doc__ or ""
            assert doc.strip(), (owner, name)
            if "(" not in name and not name.endswith("_text"):
                params = inspect.signature(getattr(type(resource), name).build).parameters
                for param in list(params)[1:]:
                    if params[param].kind is not inspect.Parameter.VAR_KEYWORD:
                        assert f"{param}:" in doc, (owner, name, param)


def _walk(root: object) -> list[object]:
    found: list[object] = []
    stack = [v for v in vars(root).values() if isinstance(v, _resource.Resource)]
    while stack:
        value = stack.pop()
        found.append(value)
        stack.extend(v for v in vars(value).values() if isinstance(v, _resource.Resource))
    return found


@pytest.mark.parametrize("client_class", [rest.Client, rest.AsyncClient])
def test_clients_document_every_resource_group_they_have(client_class: type) -> None:
    from webhooks.rest._client import RESOURCES

    assert {"calls", "sms", "mms", "conferences", "sip", "recordings", "fraud"} <= set(RESOURCES)
    client = client_class("AC" + "0" * 32, "token", base_url="http://127.0.0.1:9/v2")
    doc = inspect.getdoc(client_class) or ""
    section = doc[doc.index("\nAttributes:\n") :]
    for name, resource in RESOURCES.items():
        assert isinstance(getattr(client, name), resource)
        assert f"\n    {name}: " in section, name
    assert not [
        name
        for name, value in vars(client).items()
        if isinstance(value, _resource.Resource) and name not in RESOURCES
    ]
