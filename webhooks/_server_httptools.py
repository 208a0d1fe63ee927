"""The guarded httptools protocol (see :mod:`webhooks._server`); needs httptools installed."""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from webhooks._server import RequestGuard

__all__ = ["GuardedHttpToolsProtocol"]


class GuardedHttpToolsProtocol(RequestGuard, HttpToolsProtocol):
    """uvicorn's httptools protocol with a request read deadline and a header size limit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard_init()

    def data_received(self, data: bytes) -> None:
        """Parse, then refuse headers that are still unfinished past the limit."""
        in_headers, self._headers_ended = self._in_headers, False
        super().data_received(data)
        if in_headers and not self._headers_ended:  # the whole chunk was header bytes
            self._too_large(len(data))

    def on_message_begin(self) -> None:
        """A request starts: its deadline runs."""
        self._arm()
        self._in_headers = True
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        """The headers are in: stop counting them."""
        self._in_headers = False
        self._headers_ended = True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        """The whole request is in: the deadline is met."""
        self._disarm()
        self._in_headers = True
        self._header_bytes = 0
        super().on_message_complete()
