"""``import webhooks.rest`` stays light: no ASGI stack, no markup parser (checked in a fresh
interpreter, since this one has imported everything already)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import webhooks

_PROBE = (
    "import json, sys\n"
    "import {module}\n"
    "print(json.dumps(sorted(name for name in sys.modules if name.split('.')[0] in {roots!r})))"
)


def loaded_after_import(module: str, roots: set[str]) -> list[str]:
    """The modules under ``roots`` that a fresh interpreter holds after ``import module``."""
    probe = _PROBE.format(module=module, roots=sorted(roots))
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded


def test_importing_the_rest_client_does_not_load_starlette_or_the_webhook_app() -> None:
    loaded = loaded_after_import("webhooks.rest", {"starlette", "uvicorn", "webhooks"})
    assert not [name for name in loaded if name.startswith(("starlette", "uvicorn"))]
    assert "webhooks.app" not in loaded
    assert "webhooks.events" not in loaded


def test_importing_the_rest_client_does_not_load_lxml() -> None:
    assert loaded_after_import("webhooks.rest", {"lxml"}) == []


def test_building_markup_does_not_load_the_parser() -> None:
    """``inboundxml`` imports its parser (and lxml) on first use of ``parse``/``check``."""
    assert loaded_after_import("inboundxml", {"lxml", "inboundxml._parse"}) == []


def test_importing_the_package_alone_loads_none_of_its_parts() -> None:
    loaded = loaded_after_import("webhooks", {"starlette", "lxml", "webhooks", "inboundxml"})
    assert loaded == ["webhooks"]


def test_every_public_name_of_the_package_is_imported_on_first_use() -> None:
    for name in webhooks.__all__:
        value = getattr(webhooks, name)
        assert value.__name__ == name
    assert set(webhooks.__all__) <= set(dir(webhooks))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = webhooks.Nope  # type: ignore[attr-defined]


def test_the_type_stub_declares_exactly_the_public_names() -> None:
    stub = ast.parse(Path(webhooks.__file__).with_suffix(".pyi").read_text(encoding="utf-8"))
    imported = {
        alias.name for node in stub.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert imported == set(webhooks.__all__)
