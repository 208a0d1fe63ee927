"""The public API of the package: a curated, sorted, complete ``__all__``."""

from __future__ import annotations

import inspect
import subprocess
import sys

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
