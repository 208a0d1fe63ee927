"""Fixtures of the example tests; the helpers are shared with ``tests/webhooks``."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"
