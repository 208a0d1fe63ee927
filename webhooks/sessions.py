"""Per-call state kept across the requests of one call: ``event.session``.

A session is a mapping of JSON values keyed by ``CallSid``. The app opens it before the handler
runs and stores it afterwards if it changed, holding a per-call lock the whole time, so two
requests of the same call (say a status callback racing a Gather action) run one after the other
and neither update is lost. Entries expire ``ttl`` seconds after their last use, and at once when
the call's final status callback arrives.

Two stores ship: :class:`MemoryStore` (default; one process) and :class:`RedisStore` (several
workers or machines; install the ``redis`` extra).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator, MutableMapping
from types import TracebackType
from typing import Any, Final

from webhooks.errors import ConfigurationError, SessionError

__all__ = ["DEFAULT_TTL", "MemoryStore", "RedisStore", "Session", "SessionStore"]

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


_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


class _MemoryOpenSession(OpenSession):
    """:meth:`MemoryStore.open`: the same protocol without a coroutine per step.

    A session whose values are all scalars is kept as a plain dict copy (no JSON round trip);
    anything else is stored as JSON text, so values that Redis could not hold fail here too.
    """

    __slots__ = ("_before",)
    _store: MemoryStore

    async def __aenter__(self) -> Session:
        store, call_sid = self._store, self.call_sid
        if call_sid in store._waiters:
            await store.acquire(call_sid)
        else:
            store._waiters[call_sid] = deque()
        try:
            stored = self._before = store._get(call_sid)
            if stored is None or isinstance(stored, dict):
                self.session = Session(stored)
            else:
                self.session = Session.loads(stored)
        except BaseException:
            store._hand_over(call_sid)
            raise
        return self.session

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        store = self._store
        try:
            if self.ended:
                store._data.pop(self.call_sid, None)
            elif exc_type is None:
                data = self.session._data
                if _SCALARS.issuperset(map(type, data.values())):
                    if data != self._before and (data or self._before is not None):
                        store._put(self.call_sid, dict(data))
                else:
                    text = self.session.dumps()
                    if text != self._before:
                        store._put(self.call_sid, text)
        finally:
            store._hand_over(self.call_sid)


class MemoryStore(SessionStore):
    """Sessions in this process's memory: the default, right for a single worker.

    Args:
        ttl: Seconds an entry survives after its last use.
    """

    def __init__(self, ttl: float = DEFAULT_TTL) -> None:
        super().__init__(ttl)
        self._data: dict[str, tuple[str | dict[str, Any], float]] = {}
        # Per-call locks: a call present here is locked; its deque holds the waiting requests.
        self._waiters: dict[str, deque[asyncio.Future[None]]] = {}
        self._next_sweep = time.monotonic() + min(ttl, 60.0)

    def __len__(self) -> int:
        return len(self._data)

    async def acquire(self, call_sid: str) -> str:
        """Take the call's lock, waiting behind earlier requests of the same call."""
        waiters = self._waiters.get(call_sid)
        if waiters is None:  # free: taken without suspending
            self._waiters[call_sid] = deque()
            return ""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        waiters.append(future)
        try:
            await future
        except BaseException:
            if future.done() and not future.cancelled():
                self._hand_over(call_sid)  # the lock was ours already: pass it on
            else:
                waiters.remove(future)
            raise
        return ""

    async def release(self, call_sid: str, token: str) -> None:
        """Hand the call's lock to the next waiting request."""
        self._hand_over(call_sid)

    def _hand_over(self, call_sid: str) -> None:
        waiters = self._waiters[call_sid]
        while waiters:
            future = waiters.popleft()
            if not future.done():
                future.set_result(None)
                return
        del self._waiters[call_sid]

    def open(self, call_sid: str) -> OpenSession:
        """Lock, load and store like :meth:`SessionStore.open`, without a coroutine per step."""
        return _MemoryOpenSession(self, call_sid)

    async def load(self, call_sid: str) -> str | None:
        """Return the stored JSON text (``None`` if absent or expired) and renew its expiry."""
        stored = self._get(call_sid)
        return Session(stored).dumps() if isinstance(stored, dict) else stored

    async def save(self, call_sid: str, data: str, token: str) -> None:
        """Store ``data`` (the lock is held by the caller; ``token`` is unused here)."""
        self._put(call_sid, data)

    async def delete(self, call_sid: str) -> None:
        """Forget the call's session."""
        self._data.pop(call_sid, None)

    def _get(self, call_sid: str) -> str | dict[str, Any] | None:
        item = self._data.get(call_sid)
        if item is None:
            return None
        now = time.monotonic()
        if item[1] <= now:
            del self._data[call_sid]
            return None
        self._data[call_sid] = (item[0], now + self.ttl)
        return item[0]

    def _put(self, call_sid: str, data: str | dict[str, Any]) -> None:
        now = time.monotonic()
        self._data[call_sid] = (data, now + self.ttl)
        if now >= self._next_sweep:
            self._next_sweep = now + min(self.ttl, 60.0)
            for sid in [s for s, (_, expires) in self._data.items() if expires <= now]:
                del self._data[sid]


_SAVE_IF_OWNER = """
if redis.call('get', KEYS[2]) == ARGV[1] then
  redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
"""
_RELEASE_IF_OWNER = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class RedisStore(SessionStore):
    """Sessions in Redis, shared by every worker and machine (extra ``cpaas-toolkit[redis]``).

    The per-call lock is a Redis key set with ``NX`` and a lease; saving and releasing check the
    lock's token in a Lua script, so a request whose lease ran out cannot overwrite a newer state.

    Args:
        url: Redis URL, e.g. ``redis://127.0.0.1:6379/0`` (ignored when ``client`` is given).
        client: An existing ``redis.asyncio.Redis`` to use instead (not closed by the store).
        prefix: Prefix of every key the store writes.
        ttl: Seconds an entry survives after its last use.
        lock_lease: Seconds a lock is held at most (longer than your slowest handler).
        lock_wait: Seconds to wait for a busy lock before failing the request.

    Raises:
        ConfigurationError: If the ``redis`` package is not installed.
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        client: Any = None,
        prefix: str = "webhooks:session:",
        ttl: float = DEFAULT_TTL,
        lock_lease: float = 30.0,
        lock_wait: float = 10.0,
    ) -> None:
        super().__init__(ttl)
        try:
            import redis.asyncio
        except ImportError:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "RedisStore needs the redis package: pip install 'cpaas-toolkit[redis]'"
            ) from None
        self._owns_client = client is None
        self._redis: Any = client if client is not None else redis.asyncio.Redis.from_url(url)
        self._prefix = prefix
        self._ttl_ms = int(ttl * 1000)
        self._lease_ms = int(lock_lease * 1000)
        self._lock_wait = lock_wait
        self._save_script = self._redis.register_script(_SAVE_IF_OWNER)
        self._release_script = self._redis.register_script(_RELEASE_IF_OWNER)

    def __repr__(self) -> str:
        return f"RedisStore(prefix={self._prefix!r}, ttl={self.ttl!r})"

    def _keys(self, call_sid: str) -> tuple[str, str]:
        key = self._prefix + call_sid
        return key, key + ":lock"

    async def acquire(self, call_sid: str) -> str:
        """Set the call's lock key (``NX``, with a lease), polling while another holds it."""
        token = secrets.token_hex(8)
        lock = self._keys(call_sid)[1]
        deadline = time.monotonic() + self._lock_wait
        delay = 0.001
        while not await self._redis.set(lock, token, nx=True, px=self._lease_ms):
            if time.monotonic() >= deadline:
                raise SessionError(f"session of {call_sid} stayed locked for {self._lock_wait} s")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.02)
        return token

    async def release(self, call_sid: str, token: str) -> None:
        """Delete the call's lock key if ``token`` still owns it."""
        await self._release_script(keys=[self._keys(call_sid)[1]], args=[token])

    async def load(self, call_sid: str) -> str | None:
        """Return the stored JSON text (``None`` if absent) and renew its expiry (``GETEX``)."""
        raw = await self._redis.getex(self._keys(call_sid)[0], px=self._ttl_ms)
        return None if raw is None else bytes(raw).decode()

    async def save(self, call_sid: str, data: str, token: str) -> None:
        """Store ``data`` if ``token`` still owns the lock (checked in Lua)."""
        saved = await self._save_script(
            keys=list(self._keys(call_sid)), args=[token, data, self._ttl_ms]
        )
        if not saved:
            raise SessionError(f"lock on the session of {call_sid} expired; update refused")

    async def delete(self, call_sid: str) -> None:
        """Delete the call's session key."""
        await self._redis.delete(self._keys(call_sid)[0])

    async def aclose(self) -> None:
        """Close the Redis connection pool if the store created it."""
        if self._owns_client:
            await self._redis.aclose()
