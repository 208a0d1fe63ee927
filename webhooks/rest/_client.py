"""``Client`` and ``AsyncClient``: thin I/O shells around :class:`~webhooks.rest._core.Core`.

Both take the same arguments and expose the same resource tree, built once by :class:`_Api`;
the only code that differs is opening the connection pool, sending a request and sleeping
between retries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, get_origin, get_type_hints

import anyio
import httpx

from ._config import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Settings, TimeoutArg, redact
from ._core import Core, Op, Query
from ._resource import Async, M, Resource, Runner, Sync
from .accounts import AccountResource, Notifications, Usages
from .applications import Agents, Applications
from .available_numbers import AllowedCountries, AvailableNumbers
from .calls import Calls
from .conferences import Conferences
from .errors import UsageError
from .lookups import Fraud, Lookups
from .messages import MmsMessages, SmsMessages
from .numbers import ByocNumbers, IncomingNumbers
from .paging import AsyncPageIterator, Page, PageIterator
from .recordings import Recordings, Transcriptions
from .retry import RetryEvent, RetryPolicy
from .sip import Sip

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")
TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


class _Api(Generic[M, TransportT]):
    """The constructor, resource tree and configuration shared by both clients.

    The resource tree is the annotated attributes below: one instance of each resource class
    per client (the clients' docstrings list them, from the same annotations).
    """

    _http: Any
    _core: Core
    account: AccountResource[M]
    usages: Usages[M]
    notifications: Notifications[M]
    calls: Calls[M]
    sms: SmsMessages[M]
    mms: MmsMessages[M]
    conferences: Conferences[M]
    applications: Applications[M]
    agents: Agents[M]
    sip: Sip[M]
    incoming_numbers: IncomingNumbers[M]
    byoc_numbers: ByocNumbers[M]
    available_numbers: AvailableNumbers[M]
    allowed_countries: AllowedCountries[M]
    recordings: Recordings[M]
    transcriptions: Transcriptions[M]
    lookups: Lookups[M]
    fraud: Fraud[M]

    def __init__(
        self,
        account_sid: str | None = None,
        auth_token: str | None = None,
        *,
        region: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        deadline: float | None = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        on_retry: Callable[[RetryEvent], None] | None = None,
        proxy: str | httpx.Proxy | None = None,
        trust_env: bool = True,
        transport: TransportT | None = None,
    ) -> None:
        settings = Settings.resolve(account_sid, auth_token, region=region, base_url=base_url)
        self._core = Core(
            settings,
            timeout=timeout,
            deadline=deadline,
            retry=retry or RetryPolicy(),
            on_retry=on_retry,
        )
        try:
            self._http = self._connect(transport, proxy, trust_env)
        except (ValueError, httpx.InvalidURL):
            # Not chained: httpx's message would quote the proxy URL with its credentials.
            shown = redact(str(proxy.url if isinstance(proxy, httpx.Proxy) else proxy))
            raise UsageError(f"proxy is not a valid proxy URL: {shown!r}") from None
        runner = Runner(self, self._run, self._iterate)
        for name, resource in RESOURCES.items():
            setattr(self, name, resource(runner))

    def __repr__(self) -> str:
        settings = self._core.settings
        return (
            f"{type(self).__name__}(account_sid={settings.account_sid!r}, "
            f"base_url={settings.base_url!r})"
        )

    @property
    def account_sid(self) -> str:
        """The account the client acts for."""
        return self._core.settings.account_sid

    @property
    def base_url(self) -> str:
        """The API root, e.g. ``https://api-us.cpaas.avayacloud.com/v2``."""
        return self._core.settings.base_url

    def _connect(
        self, transport: TransportT | None, proxy: str | httpx.Proxy | None, trust_env: bool
    ) -> Any:
        raise NotImplementedError

    def _run(self, op: Op[Any]) -> Any:
        """Send ``op`` with retries and return its result (an awaitable of it, when async)."""
        raise NotImplementedError

    def _iterate(self, query: Query[Any]) -> Any:
        """The lazy iterator over the items of ``query``."""
        raise NotImplementedError


class Client(_Api[Sync, httpx.BaseTransport]):
    """The synchronous REST client; one connection pool per instance.

    Args:
        account_sid: The account SID; default ``CPAAS_ACCOUNT_SID``.
        auth_token: The auth token; default ``CPAAS_AUTH_TOKEN``. It is never shown in reprs,
            logs or exception messages.
        region: ``us``, ``eu``, ``sg`` or the legacy ``zang`` (:data:`REGIONS`); default
            ``CPAAS_REGION``, else ``us``.
        base_url: An explicit API root (wins over the region); default ``CPAAS_BASE_URL``.
            Must be HTTPS unless the host is loopback, and must not carry credentials.
        timeout: The timeouts of each attempt (each call also takes ``timeout=``); default
            10 s to read or write, 5 s to connect.
        deadline: Seconds a call may take in total, retries and their waits included
            (default 30); each attempt's timeouts are cut to the time left. ``None``: no limit.
        retry: The retry policy (see :mod:`webhooks.rest.retry`).
        on_retry: Called with a :class:`RetryEvent` before each retry.
        proxy: A proxy for every request (``http://host:3128``, credentials in the URL or an
            ``httpx.Proxy``); wins over the environment.
        trust_env: Honour ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``,
            ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` as ``httpx`` does (default ``True``).
        transport: An ``httpx`` transport, e.g. ``httpx.MockTransport`` in tests.

    Raises:
        UsageError: When credentials are missing, the account SID is not ``AC`` + 32 hex
            digits, or the base URL or proxy is refused.

    Example::

        with Client(region="eu") as client:
            call = client.calls.create(from_="+3212345678", to="+3287654321", url="https://…")
    """

    _http: httpx.Client

    def _connect(
        self,
        transport: httpx.BaseTransport | None,
        proxy: str | httpx.Proxy | None,
        trust_env: bool,
    ) -> httpx.Client:
        return httpx.Client(
            timeout=self._core.timeout,
            transport=transport,
            limits=_LIMITS,
            proxy=proxy,
            trust_env=trust_env,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _run(self, op: Op[T]) -> T:
        core, attempt = self._core, 1
        request = core.request(op)
        expires = core.expiry(time.monotonic())
        while True:
            try:
                response = self._http.send(request)
            except httpx.TransportError as exc:
                wait = core.wait_after_error(op, attempt, exc, expires - time.monotonic())
            else:
                if response.status_code < 300:
                    return core.result(op, response)
                wait = core.wait_after_status(op, attempt, response, expires - time.monotonic())
            time.sleep(wait)
            core.retime(op, request, expires - time.monotonic())
            attempt += 1

    def _iterate(self, query: Query[T]) -> PageIterator[T]:
        run: Callable[[Op[Page[T]]], Page[T]] = self._run
        return PageIterator(run, query)


def _resources() -> dict[str, type[Resource[Any]]]:
    hints = get_type_hints(_Api)
    return {
        name: origin
        for name, hint in hints.items()
        if isinstance(origin := get_origin(hint), type) and issubclass(origin, Resource)
    }


RESOURCES = _resources()
"""The resource tree of both clients: attribute name -> resource class, in order."""


def _attributes_section() -> str:
    # Indented like the docstrings it ends, so that ``inspect.cleandoc`` keeps the layout.
    lines = ["", "    Attributes:"]
    for name, resource in RESOURCES.items():
        summary = (resource.__doc__ or name).strip().splitlines()[0]
        lines.append(f"        {name}: {summary}")
    return "\n".join(lines) + "\n"


class AsyncClient(_Api[Async, httpx.AsyncBaseTransport]):
    """The asynchronous REST client: the same resources, awaited; ``list()`` returns an async
    iterator. One connection pool per instance; use ``async with`` or :meth:`aclose`.

    Args:
        account_sid: The account SID; default ``CPAAS_ACCOUNT_SID``.
        auth_token: The auth token; default ``CPAAS_AUTH_TOKEN``.
        region: ``us``, ``eu``, ``sg`` or the legacy ``zang`` (:data:`REGIONS`); default
            ``CPAAS_REGION``, else ``us``.
        base_url: An explicit API root (wins over the region); default ``CPAAS_BASE_URL``.
        timeout: The timeouts of each attempt (each call also takes ``timeout=``); default
            10 s to read or write, 5 s to connect.
        deadline: Seconds a call may take in total, retries and their waits included
            (default 30); each attempt's timeouts are cut to the time left. ``None``: no limit.
        retry: The retry policy (see :mod:`webhooks.rest.retry`).
        on_retry: Called with a :class:`RetryEvent` before each retry.
        proxy: A proxy for every request (``http://host:3128``, credentials in the URL or an
            ``httpx.Proxy``); wins over the environment.
        trust_env: Honour ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``,
            ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` as ``httpx`` does (default ``True``).
        transport: An ``httpx`` async transport, e.g. ``httpx.ASGITransport(app)``.

    Raises:
        UsageError: When credentials are missing, the account SID is not ``AC`` + 32 hex
            digits, or the base URL or proxy is refused.

    Example::

        async with AsyncClient() as client:
            async for call in client.calls.list(status="completed"):
                print(call.sid)
    """

    _http: httpx.AsyncClient

    def _connect(
        self,
        transport: httpx.AsyncBaseTransport | None,
        proxy: str | httpx.Proxy | None,
        trust_env: bool,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=self._core.timeout,
            transport=transport,
            limits=_LIMITS,
            proxy=proxy,
            trust_env=trust_env,
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def _run(self, op: Op[T]) -> T:
        core, attempt = self._core, 1
        request = core.request(op)
        expires = core.expiry(time.monotonic())
        while True:
            try:
                response = await self._http.send(request)
            except httpx.TransportError as exc:
                wait = core.wait_after_error(op, attempt, exc, expires - time.monotonic())
            else:
                if response.status_code < 300:
                    return core.result(op, response)
                wait = core.wait_after_status(op, attempt, response, expires - time.monotonic())
            await anyio.sleep(wait)
            core.retime(op, request, expires - time.monotonic())
            attempt += 1

    def _iterate(self, query: Query[T]) -> AsyncPageIterator[T]:
        run: Callable[[Op[Page[T]]], Any] = self._run
        return AsyncPageIterator(run, query)


for _client in (Client, AsyncClient):
    _client.__doc__ = (_client.__doc__ or "") + _attributes_section()
