"""The session model: a per-call mapping, the store interface and the open-session protocol.

:class:`SessionStore` is what a backend implements (a per-call lock and plain load, save and
delete of JSON text); :meth:`SessionStore.open` combines them around a request. The stores that
ship, and the public names, live in :mod:`webhooks.sessions`.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, MutableMapping
from types import TracebackType
from typing import Any, Final

from webhooks.errors import ConfigurationError, SessionError

__all__ = ["DEFAULT_TTL", "OpenSession", "Session", "SessionStore"]

DEFAULT_TTL: Final = 4 * 3600.0
"""Seconds a session survives without being used (calls rarely last longer)."""

_ENCODER: Final = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


class Session(MutableMapping[str, Any]):
    """A mutable mapping of JSON-serialisable values belonging to one call.

    Changes are stored when the handler returns; nested changes (``session["cart"].append(x)``)
    count too, because the stored form is compared, not the writes.
    """

    __slots__ = ("_data", "_raw")

    def __init__(self, data: dict[str, Any] | None = None, *, raw: str | None = None) -> None:
        self._data: dict[str, Any] = dict(data) if data else {}
        self._raw = raw

    @classmethod
    def loads(cls, raw: str | None) -> Session:
        """Rebuild a session from its stored JSON text (``None``: a new, empty session)."""
        return cls(json.loads(raw) if raw else None, raw=raw)

    def dumps(self) -> str:
        """Return the JSON text to store.

        Raises:
            SessionError: If a value is not JSON-serialisable.
        """
        try:
            return _ENCODER.encode(self._data)
        except (TypeError, ValueError) as exc:
            raise SessionError(f"session value is not JSON-serialisable: {exc}") from None

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value of ``key``, or ``default`` if it is absent."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Session({self._data!r})"


class SessionStore(ABC):
    """Where sessions live between requests; subclass it for another backend.

    A store provides a per-call lock and plain load/save/delete of the JSON text; :meth:`open`
    combines them. Every method is called on the app's event loop.

    Args:
        ttl: Seconds an entry survives after its last use.
    """

    def __init__(self, ttl: float = DEFAULT_TTL) -> None:
        if ttl <= 0:
            raise ConfigurationError(f"session ttl must be positive, got {ttl!r}")
        self.ttl = ttl

    @abstractmethod
    async def acquire(self, call_sid: str) -> str:
        """Wait for the call's lock and return a token that proves ownership."""

    @abstractmethod
    async def release(self, call_sid: str, token: str) -> None:
        """Release the call's lock if ``token`` still owns it."""

    @abstractmethod
    async def load(self, call_sid: str) -> str | None:
        """Return the stored JSON text (``None`` if absent) and renew its expiry."""

    @abstractmethod
    async def save(self, call_sid: str, data: str, token: str) -> None:
        """Store ``data`` if ``token`` still owns the call's lock.

        Raises:
            SessionError: If the lock was lost (the update is refused rather than lost silently).
        """

    @abstractmethod
    async def delete(self, call_sid: str) -> None:
        """Forget the call's session."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, nothing to do by default
        """Release the store's resources (called at application shutdown)."""

    def open(self, call_sid: str) -> OpenSession:
        """Lock, load and (on a clean exit) store the session of ``call_sid``.

        Example:
            >>> async with store.open("CA123") as session:  # doctest: +SKIP
            ...     session["tries"] = session.get("tries", 0) + 1
        """
        return OpenSession(self, call_sid)


class OpenSession:
    """The async context manager returned by :meth:`SessionStore.open`."""

    __slots__ = ("_store", "_token", "call_sid", "ended", "session")
    session: Session
    """The session, once entered."""

    def __init__(self, store: SessionStore, call_sid: str) -> None:
        self._store = store
        self.call_sid = call_sid
        self._token = ""
        self.ended = False
        """Set to drop the session on exit (the call has ended)."""

    async def __aenter__(self) -> Session:
        self._token = await self._store.acquire(self.call_sid)
        try:
            self.session = Session.loads(await self._store.load(self.call_sid))
        except BaseException:
            await self._store.release(self.call_sid, self._token)
            raise
        return self.session

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self.ended:
                await self._store.delete(self.call_sid)
            elif exc_type is None:
                data = self.changed()
                if data is not None:
                    await self._store.save(self.call_sid, data, self._token)
        finally:
            await self._store.release(self.call_sid, self._token)

    def changed(self) -> str | None:
        """The JSON text to store, or ``None`` if the session is unchanged (or new and empty)."""
        data = self.session.dumps()
        raw = self.session._raw
        return data if data != raw and (raw is not None or self.session) else None
