"""Fault injection for the fake platform: delays, throttling, errors and dropped connections.

:class:`FaultInjector` holds the pending :class:`Fault` s; :func:`apply_fault` carries one out
on an ASGI connection.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import anyio
import httpx
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from inboundxml.errors import CPaaSError

from ._render import ApiFailure, error_body

__all__ = ["DroppedConnectionError", "Fault", "FaultInjector", "apply_fault"]

_METHODS = frozenset({"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "*"})


def _compile(path: str) -> re.Pattern[str] | None:
    """``*`` matches one path segment, ``**`` any run of them; ``None`` matches everything."""
    if path in {"*", "**", ""}:
        return None
    if not path.startswith("/"):
        path = "/" + path
    parts = [re.escape(part) for part in path.split("**")]
    source = ".*".join(part.replace(r"\*", "[^/]*") for part in parts)
    return re.compile(source, re.IGNORECASE)


class DroppedConnectionError(CPaaSError, httpx.RemoteProtocolError):
    """A fault closed the connection without a response.

    Under uvicorn the fake closes the socket itself, and clients see the server disconnect.
    In-process (``httpx.ASGITransport``) there is no socket to close: the app raises this
    error, which httpx passes on to the caller; it is an ``httpx.RemoteProtocolError`` (a
    ``TransportError``), as a real disconnect would be.
    """


@dataclass(eq=False)
class Fault:
    """One injected fault, applied to the next ``times`` requests its pattern matches.

    A fault first waits ``delay`` seconds, then either drops the connection (``drop``), answers
    with ``status`` and the platform's error body, or, with neither, lets the request through
    (a pure delay).

    Attributes:
        pattern: ``"METHOD /path"`` or ``"/path"``; the path is relative to the account
            (``/Calls/*``, ``/SIP/**``, ``/`` for the account itself) and has no format suffix.
            ``*`` matches one segment, ``**`` any number; ``"*"`` alone matches every request.
            Matching ignores case.
        status: The HTTP status to answer with (429, 500, 503...), or ``None``.
        delay: Seconds to wait before acting.
        retry_after: The ``Retry-After`` header, in seconds (default 1 for a 429).
        drop: Close the connection without any response.
        times: How many matching requests it applies to; ``None`` for all of them.
        code: The ``code`` of the error body (the platform documents none for these failures).
        message: The ``message`` of the error body.
        hits: How many requests it was applied to so far.
    """

    pattern: str = "*"
    status: int | None = None
    delay: float = 0.0
    retry_after: float | None = None
    drop: bool = False
    times: int | None = 1
    code: int = 0
    message: str | None = None
    hits: int = 0
    _method: str = field(init=False, repr=False, default="*")
    _path: re.Pattern[str] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        if self.status is not None and not 400 <= self.status <= 599:
            raise ValueError(f"a fault's status must be 400-599, got {self.status}")
        if self.times is not None and self.times < 1:
            raise ValueError(f"a fault's times must be >= 1 or None, got {self.times}")
        if self.delay < 0:
            raise ValueError(f"a fault's delay must be >= 0, got {self.delay}")
        if self.status == 429 and self.retry_after is None:
            self.retry_after = 1
        method, _, path = self.pattern.strip().rpartition(" ")
        method = method.strip().upper() or "*"
        if method not in _METHODS:
            raise ValueError(f"unknown method {method!r} in fault pattern {self.pattern!r}")
        self._method = method
        self._path = _compile(path.strip())

    def matches(self, method: str, path: str) -> bool:
        """Whether the fault applies to a request (``path`` relative to the account)."""
        if self._method != "*" and self._method != method:
            return False
        return self._path is None or self._path.fullmatch(path) is not None


class FaultInjector:
    """The faults of a fake platform, checked in the order they were added.

    Example::

        fake.faults.add("GET /Calls/*", status=503)              # the next matching request
        fake.faults.add("POST /Calls", status=429, retry_after=2, times=3)
        fake.faults.add("*", delay=0.05, times=None)             # every request, forever
        fake.faults.add("GET /Calls/*", drop=True)               # connection closed
    """

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(
        self,
        pattern: str = "*",
        *,
        status: int | None = None,
        delay: float = 0.0,
        retry_after: float | None = None,
        drop: bool = False,
        times: int | None = 1,
        code: int = 0,
        message: str | None = None,
    ) -> Fault:
        """Add a fault; see :class:`Fault` for the arguments.

        Raises:
            ValueError: A status outside 400-599, ``times`` < 1, a negative delay or an
                unknown method in the pattern.
        """
        fault = Fault(pattern, status, delay, retry_after, drop, times, code, message)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every pending fault."""
        with self._lock:
            self._faults.clear()

    def __len__(self) -> int:
        return len(self._faults)

    def __iter__(self) -> Iterator[Fault]:
        return iter(list(self._faults))

    def take(self, method: str, path: str) -> Fault | None:
        """The first pending fault matching a request, counted as used; ``None`` if none."""
        if not self._faults:
            return None
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    if fault.times is not None and fault.hits >= fault.times:
                        self._faults.remove(fault)
                    return fault
        return None


async def apply_fault(fault: Fault, fmt: str, scope: Scope, receive: Receive, send: Send) -> bool:
    """Apply a fault to a request; ``True`` when it answered (or dropped) the request.

    Raises:
        DroppedConnectionError: A dropped connection with no transport to close.
    """
    if fault.delay:
        await anyio.sleep(fault.delay)
    if fault.drop:
        await _drop_connection(send)
        return True
    if fault.status is None:
        return False
    failure = ApiFailure(fault.status, fault.code, fault.message or "Injected failure")
    content, media = error_body(failure, fmt)
    headers = {}
    if fault.retry_after is not None:
        headers["Retry-After"] = f"{fault.retry_after:g}"
    await Response(content, fault.status, headers, media)(scope, receive, send)
    return True


async def _drop_connection(send: Send) -> None:
    """Close the connection without a response.

    ASGI has no message for this. uvicorn answers an app that raises before responding with
    a 500, so where the server's ``send`` belongs to a uvicorn request cycle (which keeps its
    transport) the transport is closed directly, and the app returns once uvicorn has seen the
    disconnect (it then sends nothing). Elsewhere, :class:`DroppedConnectionError` is raised.

    Raises:
        DroppedConnectionError: No transport to close (in-process transports).
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None or not hasattr(transport, "close"):
        raise DroppedConnectionError("Server disconnected without sending a response.")
    transport.close()
    for _ in range(100):
        if getattr(cycle, "disconnected", True):
            return
        await anyio.sleep(0)
