"""The public API of the package: a curated, sorted, complete ``__all__``."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import webhooks


def test_all_is_sorted_and_complete() -> None:
    assert webhooks.__all__ == sorted(webhooks.__all__)
    public = {n for n in dir(webhooks) if not n.startswith("_")}
    # Submodules and subpackages (rest, testing, phone...) appear once imported; not exports.
    modules = {n for n in public if inspect.ismodule(getattr(webhooks, n))}
    assert set(webhooks.__all__) == public - modules


def test_every_exported_name_has_a_docstring() -> None:
    for name in webhooks.__all__:
        assert getattr(webhooks, name).__doc__, name


def test_importing_webhooks_does_not_import_rest_or_testing() -> None:
    code = (
        "import sys, webhooks; print(sorted(m for m in sys.modules if m.startswith('webhooks.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "webhooks.rest" not in out.stdout
    assert "webhooks.testing" not in out.stdout


MODULES = [
    "webhooks._asgi",
    "webhooks._event_base",
    "webhooks._open_enums",
    "webhooks._redis_store",
    "webhooks._session",
    "webhooks.app",
    "webhooks.errors",
    "webhooks.events",
    "webhooks.forms",
    "webhooks.routing",
    "webhooks.security",
    "webhooks.sessions",
]


@pytest.mark.parametrize("name", MODULES)
def test_module_all_names_exist_and_its_functions_and_classes_are_documented(name: str) -> None:
    """Every name of ``__all__`` exists and is documented (ruff's RUF022 keeps the order)."""
    module = importlib.import_module(name)
    assert module.__doc__
    for export in module.__all__:
        value = getattr(module, export)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__doc__, f"{name}.{export}"


def test_events_and_sessions_re_export_what_their_private_modules_define() -> None:
    """``from webhooks.events import X`` works for the base class, the protocols, the enums."""
    for public, private in [
        ("webhooks.events", "webhooks._event_base"),
        ("webhooks.events", "webhooks._open_enums"),
        ("webhooks.sessions", "webhooks._session"),
        ("webhooks.sessions", "webhooks._redis_store"),
    ]:
        public_module = importlib.import_module(public)
        private_module = importlib.import_module(private)
        for export in private_module.__all__:
            assert getattr(public_module, export) is getattr(private_module, export), export
