"""Sessions in Redis, shared by every worker and machine: :class:`RedisStore`.

Re-exported by :mod:`webhooks.sessions`; needs the ``redis`` extra only when instantiated.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from typing import Any

from webhooks._session import DEFAULT_TTL, SessionStore
from webhooks.errors import ConfigurationError, SessionError

__all__ = ["RedisStore"]

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
