"""Fixtures of the REST client tests: mock platforms, FakePlatform in-process and over uvicorn."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from webhooks.rest import RetryPolicy

ACCOUNT = "AC" + "0123456789abcdef" * 2
TOKEN = "tok-" + "5up3rs3cr3t" * 3
BASE = "http://127.0.0.1:8999/v2"
FAST = RetryPolicy(max_attempts=3, backoff=0.0, jitter=0.0)


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio."""
    return "asyncio"


@dataclass
class Seen:
    """What a mock platform received: one entry per request."""

    requests: list[httpx.Request] = field(default_factory=list)

    @property
    def last(self) -> httpx.Request:
        """The most recent request."""
        return self.requests[-1]


def params_of(request: httpx.Request) -> list[tuple[str, str]]:
    """The parameters of a request: its query string, then its form body for POST."""
    pairs = parse_qsl(request.url.query.decode(), keep_blank_values=True)
    if request.method == "POST":
        pairs += parse_qsl(request.content.decode(), keep_blank_values=True)
    return pairs


Handler = Callable[[httpx.Request], httpx.Response]


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """A JSON answer as the platform sends it."""
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
    )


@pytest.fixture
def seen() -> Seen:
    """The request log of a mock platform."""
    return Seen()


@pytest.fixture
def mock_transport(seen: Seen) -> Callable[[Handler], httpx.MockTransport]:
    """Wrap a handler into a MockTransport that records every request in ``seen``."""

    def make(handler: Handler) -> httpx.MockTransport:
        def record(request: httpx.Request) -> httpx.Response:
            request.read()
            seen.requests.append(request)
            return handler(request)

        return httpx.MockTransport(record)

    return make


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CPAAS_* variables from the outer environment."""
    for name in ("CPAAS_ACCOUNT_SID", "CPAAS_AUTH_TOKEN", "CPAAS_REGION", "CPAAS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
