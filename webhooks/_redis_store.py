"""Sessions in Redis, shared by every worker and machine: :class:`RedisStore`.

Re-exported by :mod:`webhooks.sessions`; needs the ``redis`` extra only when instantiated.

Keys: the session of a call is ``<prefix>{<CallSid>}`` and its lock ``<prefix>{<CallSid>}:lock``.
The braces are a Redis Cluster hash tag: both keys of a call live in one hash slot, so the Lua
scripts that touch both never cross slots, on a single server, under Sentinel or on a cluster.

Faults are bounded:

- the connection pool is sized and *blocks* when exhausted (``max_connections``,
  ``pool_timeout``): a burst adds latency instead of failing callers;
- a lock's lease is short (``lock_lease``, default 3 s) and renewed while its holder runs, so a
  lock whose holder failed (a timeout, a frozen or restarted Redis, a killed worker) is gone a
  lease later, not minutes later;
- every command has a socket timeout (``socket_timeout``), so a frozen server costs a request
  that long, and then the app answers its fallback.
"""

from __future__ import annotations

import asyncio
import contextlib
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
_RENEW_IF_OWNER = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""


class RedisStore(SessionStore):
    """Sessions in Redis, shared by every worker and machine (extra ``cpaas-toolkit[redis]``).

    The per-call lock is a Redis key set with ``NX`` and a short lease that is renewed while the
    request holds it; saving, renewing and releasing check the lock's token in a Lua script, so a
    request whose lease ran out cannot overwrite a newer state: its update is refused with a
    :class:`~webhooks.errors.SessionError`, and the app answers that request as failed (its
    fallback, or HTTP 500 with ``on_error="500"``) rather than confirm a state it did not keep.

    Args:
        url: Redis URL, e.g. ``redis://127.0.0.1:6379/0`` (ignored when ``client`` is given).
            With ``cluster=True``, the URL of any node of a Redis Cluster.
        client: An existing client to use instead (not closed by the store):
            ``redis.asyncio.Redis``, ``redis.asyncio.RedisCluster``, or a Sentinel's
            ``master_for(...)`` client.
        cluster: Connect to a Redis Cluster through ``url`` (``redis.asyncio.RedisCluster``).
        prefix: Prefix of every key the store writes.
        ttl: Seconds an entry survives after its last use.
        lock_lease: Seconds a lock outlives a holder that stopped renewing it (renewed every
            third of it while held, so it need not exceed your slowest handler).
        lock_wait: Seconds to wait for a busy lock before failing the request.
        max_connections: Redis commands in flight at once from this store (and the size of
            the connection pool it creates, per node on a cluster); more wait their turn.
        pool_timeout: Seconds a command waits for a free connection before failing.
        socket_timeout: Seconds a command may take on the wire (connect and reply) before the
            request fails; bounds what a frozen server costs.

    Raises:
        ConfigurationError: If the ``redis`` package is not installed or a setting is not
            positive.

    Example:
        >>> store = RedisStore("redis://127.0.0.1:6379/0")  # doctest: +SKIP
        >>> cluster = RedisStore("redis://10.0.0.1:7000", cluster=True)  # doctest: +SKIP
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        client: Any = None,
        cluster: bool = False,
        prefix: str = "webhooks:session:",
        ttl: float = DEFAULT_TTL,
        lock_lease: float = 3.0,
        lock_wait: float = 10.0,
        max_connections: int = 100,
        pool_timeout: float = 10.0,
        socket_timeout: float = 2.0,
    ) -> None:
        super().__init__(ttl)
        if min(lock_lease, lock_wait, max_connections, pool_timeout, socket_timeout) <= 0:
            raise ConfigurationError(
                "lock_lease, lock_wait, max_connections, pool_timeout and socket_timeout "
                "must be positive"
            )
        try:
            import redis.asyncio
        except ImportError:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "RedisStore needs the redis package: pip install 'cpaas-toolkit[redis]'"
            ) from None
        self._owns_client = client is None
        timeouts = {"socket_timeout": socket_timeout, "socket_connect_timeout": socket_timeout}
        if client is not None:
            self._redis: Any = client
        elif cluster:
            self._redis = redis.asyncio.RedisCluster.from_url(
                url, max_connections=max_connections, **timeouts
            )
        else:
            pool = redis.asyncio.BlockingConnectionPool.from_url(
                url, max_connections=max_connections, timeout=pool_timeout, **timeouts
            )
            self._redis = redis.asyncio.Redis.from_pool(pool)  # closes the pool with it
        self._prefix = prefix
        self._ttl_ms = int(ttl * 1000)
        self._lease_ms = max(int(lock_lease * 1000), 1)
        self._renew_every = lock_lease / 3
        self._lock_wait = lock_wait
        self._max_connections = max_connections
        self._pool_timeout = pool_timeout
        self._slots: asyncio.Semaphore | None = None
        self._ready: asyncio.Lock | None = None
        self._save_script = self._redis.register_script(_SAVE_IF_OWNER)
        self._release_script = self._redis.register_script(_RELEASE_IF_OWNER)
        self._renew_script = self._redis.register_script(_RENEW_IF_OWNER)
        self._renewals: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def __repr__(self) -> str:
        return f"RedisStore(prefix={self._prefix!r}, ttl={self.ttl!r})"

    def keys(self, call_sid: str) -> tuple[str, str]:
        """Return the session key and the lock key of ``call_sid`` (one hash slot)."""
        key = f"{self._prefix}{{{call_sid}}}"
        return key, key + ":lock"

    async def _call(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one Redis command, waiting for a slot when ``max_connections`` are in flight."""
        slots = self._slots
        if slots is None:
            slots = await self._initialize()
        if slots.locked():
            try:
                await asyncio.wait_for(slots.acquire(), self._pool_timeout)
            except TimeoutError:
                raise SessionError(
                    f"no Redis connection free within {self._pool_timeout} s "
                    f"(max_connections={self._max_connections})"
                ) from None
        else:
            await slots.acquire()
        try:
            return await function(*args, **kwargs)
        finally:
            slots.release()

    async def _initialize(self) -> asyncio.Semaphore:
        """Let a cluster client learn the cluster's slots once, before concurrent commands.

        (A cluster client that discovers its nodes while many commands start at once may close
        the connections they are opening.)
        """
        ready = self._ready
        if ready is None:
            ready = self._ready = asyncio.Lock()
        async with ready:
            if self._slots is None:
                initialize = getattr(self._redis, "initialize", None)
                if initialize is not None:
                    await initialize()
                self._slots = asyncio.Semaphore(self._max_connections)
            return self._slots

    async def acquire(self, call_sid: str) -> str:
        """Set the call's lock key (``NX``, with a lease), polling while another holds it."""
        token = secrets.token_hex(8)
        lock = self.keys(call_sid)[1]
        deadline = time.monotonic() + self._lock_wait
        delay = 0.001
        while not await self._call(self._redis.set, lock, token, nx=True, px=self._lease_ms):
            if time.monotonic() >= deadline:
                raise SessionError(f"session of {call_sid} stayed locked for {self._lock_wait} s")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.02)
        self._schedule_renewal(lock, token)
        return token

    def _schedule_renewal(self, lock: str, token: str) -> None:
        loop = asyncio.get_running_loop()
        self._renewals[token] = loop.call_later(self._renew_every, self._renew, lock, token)

    def _renew(self, lock: str, token: str) -> None:
        """Extend a lease still held (a slow handler); stop when the lock is gone."""
        if self._renewals.pop(token, None) is None:
            return
        task = asyncio.get_running_loop().create_task(self._renew_once(lock, token))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _renew_once(self, lock: str, token: str) -> None:
        with contextlib.suppress(Exception):  # a lease not renewed simply expires
            if await self._call(self._renew_script, keys=[lock], args=[token, self._lease_ms]):
                self._schedule_renewal(lock, token)

    async def release(self, call_sid: str, token: str) -> None:
        """Stop renewing the lease and delete the lock key if ``token`` still owns it."""
        handle = self._renewals.pop(token, None)
        if handle is not None:
            handle.cancel()
        await self._call(self._release_script, keys=[self.keys(call_sid)[1]], args=[token])

    async def load(self, call_sid: str) -> str | None:
        """Return the stored JSON text (``None`` if absent) and renew its expiry (``GETEX``)."""
        raw = await self._call(self._redis.getex, self.keys(call_sid)[0], px=self._ttl_ms)
        return None if raw is None else bytes(raw).decode()

    async def save(self, call_sid: str, data: str, token: str) -> None:
        """Store ``data`` if ``token`` still owns the lock (checked in Lua).

        Raises:
            SessionError: If the lease expired and another request may own the session now.
        """
        saved = await self._call(
            self._save_script, keys=list(self.keys(call_sid)), args=[token, data, self._ttl_ms]
        )
        if not saved:
            raise SessionError(f"lock on the session of {call_sid} expired; update refused")

    async def delete(self, call_sid: str) -> None:
        """Delete the call's session key."""
        await self._call(self._redis.delete, self.keys(call_sid)[0])

    async def aclose(self) -> None:
        """Stop lease renewals and close the Redis connections if the store created them."""
        for handle in self._renewals.values():
            handle.cancel()
        self._renewals.clear()
        for task in list(self._tasks):
            task.cancel()
        if self._owns_client:
            await self._redis.aclose()
