"""Fixtures of the example tests; the helpers are shared with ``tests/webhooks``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

if "webhook_support" not in sys.modules:
    _path = Path(__file__).resolve().parents[1] / "webhooks" / "webhook_support.py"
    _spec = importlib.util.spec_from_file_location("webhook_support", _path)
    assert _spec is not None
    assert _spec.loader is not None
    sys.modules["webhook_support"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["webhook_support"])


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"
