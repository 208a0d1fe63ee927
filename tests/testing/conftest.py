"""Fixtures for the tests of the testing helpers: a fake platform, in-process and served."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from webhooks.testing import FakePlatform


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"


@pytest.fixture
def fake() -> FakePlatform:
    """A fresh fake platform."""
    return FakePlatform()


@pytest.fixture
async def client(fake: FakePlatform) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client talking to ``fake`` in-process, authenticated, rooted at the account."""
    transport = httpx.ASGITransport(app=fake)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://fake", auth=fake.auth
    ) as http:
        yield http


@pytest.fixture(scope="session")
def served_fake() -> Iterator[tuple[FakePlatform, str]]:
    """One fake served by uvicorn on 127.0.0.1 for the whole session, with its base URL."""
    platform = FakePlatform()
    with platform.serve() as base_url:
        yield platform, base_url


@pytest.fixture
def live(served_fake: tuple[FakePlatform, str]) -> Iterator[tuple[FakePlatform, str]]:
    """The served fake, reset before and after the test."""
    platform, _ = served_fake
    platform.reset()
    yield served_fake
    platform.reset()
