"""Fixtures of the webhook tests: the anyio backend and a redis-server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webhook_support import redis_server


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A redis-server started for this test session (fails loudly if it cannot start)."""
    with redis_server() as url:
        yield url
