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
import time
from collections import deque
from types import TracebackType
from typing import Any, Final

from webhooks._redis_store import RedisStore
from webhooks._session import DEFAULT_TTL, OpenSession, Session, SessionStore

__all__ = ["DEFAULT_TTL", "MemoryStore", "OpenSession", "RedisStore", "Session", "SessionStore"]

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
