"""Per-call state kept across the requests of one call: ``event.session``.

A session is a mapping of JSON values keyed by ``CallSid``. The app opens it before the handler
runs and stores it afterwards if it changed, holding a per-call lock the whole time, so two
requests of the same call (say a status callback racing a Gather action) run one after the other
and neither update is lost. Entries expire ``ttl`` seconds after their last use, and at once when
the call's final status callback arrives.

Two stores ship: :class:`MemoryStore` (default; one process, at most ``max_sessions`` entries,
the least recently used evicted first) and :class:`RedisStore` (several workers or machines;
install the ``redis`` extra).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, deque
from types import TracebackType
from typing import Any, Final

from webhooks._redis_store import RedisStore
from webhooks._session import DEFAULT_TTL, OpenSession, Session, SessionStore
from webhooks.errors import ConfigurationError

__all__ = [
    "DEFAULT_MAX_SESSIONS",
    "DEFAULT_TTL",
    "MemoryStore",
    "OpenSession",
    "RedisStore",
    "Session",
    "SessionStore",
]

DEFAULT_MAX_SESSIONS: Final = 50_000
"""Entries a :class:`MemoryStore` keeps by default (about 20 MB of small sessions)."""

_SCALARS: Final = frozenset({str, int, float, bool, type(None)})
_EVICTION_LOG_INTERVAL: Final = 10.0
_SWEEP_STEP: Final = 64
"""Expired entries dropped per store write at most: the sweep never stalls the event loop."""

logger = logging.getLogger("webhooks.sessions")


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

    Memory is bounded: at most ``max_sessions`` entries are kept, and when a new call would
    exceed that, the session used least recently is evicted (logged as a warning, at most once
    per 10 s with a count). Entries are kept in order of last use, so expired ones are dropped a
    few at a time on each write, never in one long sweep.

    Args:
        ttl: Seconds an entry survives after its last use.
        max_sessions: Entries kept at most (default :data:`DEFAULT_MAX_SESSIONS`).

    Raises:
        ConfigurationError: If ``ttl`` or ``max_sessions`` is not positive.
    """

    def __init__(
        self, ttl: float = DEFAULT_TTL, *, max_sessions: int = DEFAULT_MAX_SESSIONS
    ) -> None:
        super().__init__(ttl)
        if max_sessions <= 0:
            raise ConfigurationError(f"max_sessions must be positive, got {max_sessions!r}")
        self.max_sessions = max_sessions
        # In order of last use (oldest first): expiry times increase along it. An OrderedDict,
        # because taking a plain dict's first key is O(n) after many deletions at its front.
        self._data: OrderedDict[str, tuple[str | dict[str, Any], float]] = OrderedDict()
        # Per-call locks: a call present here is locked; its deque holds the waiting requests.
        self._waiters: dict[str, deque[asyncio.Future[None]]] = {}
        self._evictions_logged = 0
        self._evictions_logged_at = -_EVICTION_LOG_INTERVAL
        self._sweep_at = 0.0
        self.evicted = 0
        """Sessions evicted so far to stay within ``max_sessions``."""

    def __repr__(self) -> str:
        return f"MemoryStore(ttl={self.ttl!r}, max_sessions={self.max_sessions!r})"

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
        entries = self._data
        item = entries.get(call_sid)
        if item is None:
            return None
        now = time.monotonic()
        if item[1] <= now:
            del entries[call_sid]
            return None
        entries[call_sid] = (item[0], now + self.ttl)
        entries.move_to_end(call_sid)  # now the most recently used
        return item[0]

    def _put(self, call_sid: str, data: str | dict[str, Any]) -> None:
        now = time.monotonic()
        entries = self._data
        entries[call_sid] = (data, now + self.ttl)
        entries.move_to_end(call_sid)
        if now >= self._sweep_at:
            # The oldest entries come first: drop a few expired ones. The oldest expiry left is a
            # lower bound for later (entries only leave the front), so until then nothing to do.
            for _ in range(_SWEEP_STEP):
                oldest = next(iter(entries))
                expires = entries[oldest][1]
                if expires > now:
                    self._sweep_at = expires
                    break
                del entries[oldest]
        if len(entries) > self.max_sessions:  # one entry was added: one goes
            entries.popitem(last=False)
            self.evicted += 1
            if now >= self._evictions_logged_at + _EVICTION_LOG_INTERVAL:
                self._log_evictions(now)

    def _log_evictions(self, now: float) -> None:
        """A warning at most once per interval, with the count since the previous one."""
        count, self._evictions_logged = self.evicted - self._evictions_logged, self.evicted
        logger.warning(
            "MemoryStore is full (max_sessions=%d): evicted %d least recently used session(s) "
            "since the last warning; raise max_sessions or end sessions sooner",
            self.max_sessions,
            count,
        )
        self._evictions_logged_at = now
