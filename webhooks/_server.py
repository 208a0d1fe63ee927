"""uvicorn's HTTP protocols with the bounds ``python -m webhooks serve`` promises.

uvicorn bounds an idle keep-alive connection (``timeout_keep_alive``) but not one that is
sending: a client trickling a header a byte a second holds its connection (and a file
descriptor) forever, and the httptools parser accepts headers of any size. The protocols here
add, per connection:

- a **request read deadline**: the request line, the headers and the body must arrive within
  ``WEBHOOKS_REQUEST_TIMEOUT`` seconds (default :data:`DEFAULT_REQUEST_TIMEOUT`) of the
  connection opening or of the request's first byte; otherwise the connection is closed;
- a **header size limit**: more than ``WEBHOOKS_MAX_HEADER_SIZE`` bytes (default
  :data:`DEFAULT_MAX_HEADER_SIZE`) before the end of the headers is answered
  ``431 Request Header Fields Too Large`` and the connection closed.

The handler's own run time is not limited here (see ``App(handler_budget=...)``). ``serve`` passes
the settings through the environment so that every worker process (and a reloaded one) reads
them; the protocol classes are named by import string (:data:`PROTOCOLS`). The httptools one
lives in :mod:`webhooks._server_httptools`, imported only where httptools is installed (it is
an optional speed-up: ``uvicorn[standard]``).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, Final

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "DEFAULT_MAX_HEADER_SIZE",
    "DEFAULT_REQUEST_TIMEOUT",
    "PROTOCOLS",
    "GuardedH11Protocol",
    "RequestGuard",
    "guard_settings",
]

DEFAULT_REQUEST_TIMEOUT: Final = 10.0
"""Seconds a client has to send a whole request (line, headers, body)."""
DEFAULT_MAX_HEADER_SIZE: Final = 16 * 1024
"""Bytes of request line and headers accepted (the platform's URLs are at most 200 characters)."""

PROTOCOLS: Final = {
    "httptools": "webhooks._server_httptools:GuardedHttpToolsProtocol",
    "h11": "webhooks._server:GuardedH11Protocol",
}
"""The guarded protocol of each uvicorn HTTP implementation, as an import string."""

_431: Final = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\ncontent-length: 29\r\n\r\nrequest headers are too large"
)


def guard_settings() -> tuple[float, int]:
    """The ``(request timeout, max header size)`` in force (from the environment)."""
    timeout = float(os.environ.get("WEBHOOKS_REQUEST_TIMEOUT", DEFAULT_REQUEST_TIMEOUT))
    size = int(os.environ.get("WEBHOOKS_MAX_HEADER_SIZE", DEFAULT_MAX_HEADER_SIZE))
    return timeout, size


class RequestGuard(asyncio.Protocol):
    """The deadline and the header count, shared by both protocols (put before uvicorn's
    protocol class among the bases).

    ``_reading`` is true from a request's first byte (or the connection's opening) until the
    request is complete; ``_header_bytes`` counts bytes received while its headers are unfinished.
    """

    transport: asyncio.Transport
    _deadline: asyncio.TimerHandle | None
    _header_bytes: int
    _in_headers: bool
    _headers_ended: bool
    _timeout: float
    _max_header: int

    def _guard_init(self) -> None:
        self._timeout, self._max_header = guard_settings()
        self._deadline = None
        self._header_bytes = 0
        self._in_headers = True
        self._headers_ended = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the deadline: the first request must arrive in time too."""
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Cancel the deadline."""
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is None:
            loop = asyncio.get_running_loop()
            self._deadline = loop.call_later(self._timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def _too_large(self, size: int) -> bool:
        """Count bytes received while headers are unfinished; 431 and close past the limit."""
        if not self._in_headers or self.transport.is_closing():
            return False
        self._header_bytes += size
        if self._header_bytes <= self._max_header:
            return False
        self._disarm()
        if not self.transport.is_closing():
            self.transport.write(_431)
            self.transport.close()
        return True


class GuardedH11Protocol(RequestGuard, H11Protocol):
    """uvicorn's h11 protocol with a request read deadline.

    h11 bounds the header size itself (``h11_max_incomplete_event_size``, which ``serve`` sets
    to ``--max-header-size``); uvicorn answers a longer header ``400``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard_init()
        self._in_headers = False  # h11 enforces its own limit (h11_max_incomplete_event_size)

    def data_received(self, data: bytes) -> None:
        """Parse, then run the deadline while the request is still incomplete."""
        import h11

        self._arm()
        super().data_received(data)
        if self.conn.their_state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._disarm()
