"""Fixtures of the phone tests: the anyio backend, the phone app and an in-process client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from phone_support import make_app

from webhooks.phone import PhoneApp, create_phone_app


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"


@pytest.fixture
def phone_app() -> Iterator[PhoneApp]:
    """The phone for the test app of :mod:`phone_support` (closed afterwards)."""
    app = create_phone_app(make_app())
    yield app
    app.close()


@pytest.fixture
async def client(phone_app: PhoneApp) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client of the phone (``httpx.ASGITransport``)."""
    transport = httpx.ASGITransport(app=phone_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client
