"""The phone server's HTTP edges: JSON bodies in, JSON errors out.

Every failure of an endpoint is answered as ``{"error": {"message", "type", "details"}}``:
:class:`PhoneError` with its own status, a ``SimulationError`` (the call cannot do what the
page asked) as 409, anything else as 500 with its traceback.
"""

from __future__ import annotations

import functools
import json
import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ._backend import DIAL_OUTCOMES

__all__ = [
    "Endpoint",
    "PhoneError",
    "body",
    "error",
    "guard",
    "number",
    "outcome",
    "text",
]

logger = logging.getLogger("webhooks.phone")


class PhoneError(Exception):
    """A request of the page that cannot be done; shown in the page as its message.

    Args:
        message: What went wrong, in one line.
        status: The HTTP status to answer with.
        details: More (a traceback), shown folded.
    """

    def __init__(self, message: str, status: int = 400, details: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.details = details


async def body(request: Request) -> dict[str, Any]:
    """The request's JSON object (``{}`` for an empty body).

    Raises:
        PhoneError: 415 for another content type, 400 for bad JSON or a non-object.
    """
    raw = await request.body()
    if not raw:
        return {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise PhoneError("send JSON (Content-Type: application/json)", 415)
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise PhoneError(f"the body is not valid JSON: {exc}", 400) from None
    if not isinstance(data, dict):
        raise PhoneError("the body must be a JSON object", 400)
    return data


def text(data: dict[str, Any], key: str, default: str, *, limit: int = 200) -> str:
    """The string ``data[key]`` (``default`` if missing or null), stripped.

    Raises:
        PhoneError: If it is not a string or is longer than ``limit``.
    """
    value = data.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str):
        raise PhoneError(f"{key!r} must be a string, got {type(value).__name__}", 400)
    value = value.strip()
    if len(value) > limit:
        raise PhoneError(f"{key!r} is longer than {limit} characters", 400)
    return value


def outcome(data: dict[str, Any], key: str, default: str) -> str:
    """What a dialled party does, ``data[key]``: one of :data:`DIAL_OUTCOMES`.

    Raises:
        PhoneError: For any other value.
    """
    value = text(data, key, default)
    if value not in DIAL_OUTCOMES:
        raise PhoneError(f"{key!r} must be one of {', '.join(DIAL_OUTCOMES)}, got {value!r}")
    return value


def number(data: dict[str, Any], key: str, default: float | None) -> float | None:
    """The positive number ``data[key]`` (``default`` if missing or null), in seconds.

    Raises:
        PhoneError: If it is not a number or not above zero.
    """
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
        raise PhoneError(f"{key} must be a positive number, got {value!r}")
    if value > 86400:
        raise PhoneError(f"{key} must be at most 86400 (a day), got {value!r}")
    return float(value)


Endpoint = Callable[[Request], Awaitable[Response]]
"""A Starlette endpoint."""


def guard(endpoint: Endpoint) -> Endpoint:
    """Answer every failure of ``endpoint`` as a JSON error the page can show."""

    @functools.wraps(endpoint)
    async def guarded(request: Request) -> Response:
        try:
            return await endpoint(request)
        except PhoneError as exc:
            return error(str(exc), type(exc).__name__, exc.status, exc.details)
        except Exception as exc:
            if _is_simulation_error(exc):
                return error(str(exc), type(exc).__name__, 409)
            logger.exception("phone: %s %s failed", request.method, request.url.path)
            details = traceback.format_exc()
            return error(str(exc) or type(exc).__name__, type(exc).__name__, 500, details)

    return guarded


def _is_simulation_error(exc: Exception) -> bool:
    from webhooks.testing import SimulationError

    return isinstance(exc, SimulationError)


def error(message: str, kind: str, status: int, details: str | None = None) -> Response:
    """The JSON error answer the page shows: ``{"error": {"message", "type", "details"}}``."""
    return JSONResponse(
        {"error": {"message": message, "type": kind, "details": details}}, status_code=status
    )
