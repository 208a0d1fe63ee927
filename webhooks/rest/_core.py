"""The I/O-free core shared by :class:`Client` and :class:`AsyncClient`.

An endpoint is described by an :class:`Op` (one request and how to read its answer) or a
:class:`Query` (a list resource, from which the ops of its pages are derived). :class:`Core`
turns an op into an ``httpx.Request``, an ``httpx.Response`` into a result or an
:class:`~webhooks.rest.errors.ApiError`, and decides about retries: after a failed attempt it
either raises or says how long to wait. The clients only send requests, read the clock and
sleep.

A call has a deadline (the client's ``deadline=``): every attempt's timeouts are capped to the
time left, and no retry is made whose wait would reach past it.
"""

from __future__ import annotations

import base64
import enum
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Final, Generic, Literal, NamedTuple, TypeVar
from urllib.parse import urlencode

import httpx

from . import _errorbody
from ._config import Settings, TimeoutArg, redact
from ._params import Params
from .errors import (
    InvalidResponseError,
    NetworkError,
    RequestTimeout,
    RestError,
    TransportError,
    UsageError,
)
from .paging import Page, parse_page
from .retry import RetryEvent, RetryPolicy, parse_retry_after, replayable_error

__all__ = ["DEFAULT", "CallTimeout", "Core", "Format", "Op", "Query", "UseDefault"]

T = TypeVar("T")
logger = logging.getLogger("webhooks.rest")

Format = Literal["xml", "csv"]
"""The raw formats a list resource can be read in."""


class UseDefault(enum.Enum):
    """Marker type of :data:`DEFAULT`."""

    DEFAULT = "DEFAULT"


DEFAULT: Final = UseDefault.DEFAULT
"""Use the client's timeout (the default of every call's ``timeout=``)."""

CallTimeout = TimeoutArg | UseDefault
"""The ``timeout=`` of a call, per attempt: seconds, an ``httpx.Timeout``, ``None`` (no limit but
the client's ``deadline``) or the default."""

_VERSION = "0.1.0"
_FORM: Final = "application/x-www-form-urlencoded"


class Op(NamedTuple, Generic[T]):
    """One request of one endpoint and the reader of its answer (a tuple: cheap to build).

    Attributes:
        method: ``GET``, ``POST`` or ``DELETE``.
        path: The path below the account URL (``/Calls/CA…``; ``""`` for the account).
        params: Query parameters (GET, DELETE) or form fields (POST).
        parse: Reads the answer's body.
        replay_safe: Whether sending it twice is harmless (see :mod:`webhooks.rest.retry`).
        timeout: The per-call timeout.
        suffix: The format suffix (``.json``, ``.xml``, ``.csv``, ``.txt``).
        query: Query parameters of a POST (the few endpoints documented with them).
    """

    method: str
    path: str
    params: Params
    parse: Callable[[bytes], T]
    replay_safe: bool
    timeout: CallTimeout = DEFAULT
    suffix: str = ".json"
    query: Params = ()

    def __repr__(self) -> str:
        return f"<Op {self.method} {self.path}{self.suffix} params={len(self.params)}>"


@dataclass(frozen=True, slots=True, repr=False)
class Query(Generic[T]):
    """A list resource with its filters; each page is read with :meth:`page_op`.

    Attributes:
        path: The list's path below the account URL.
        key: The JSON key of the list in a page (falls back to the only list in the body).
        item: Reads one list item.
        params: The filters.
        page: The first page to read (0-based), or ``None`` for the platform's default.
        page_size: Items per page, or ``None`` for the platform's default (50).
        timeout: The per-call timeout, used for every page.
    """

    path: str
    key: str
    item: Callable[[Any], T]
    params: Params
    page: int | None = None
    page_size: int | None = None
    timeout: CallTimeout = DEFAULT

    def __repr__(self) -> str:
        return f"<Query {self.path} page={self.page} page_size={self.page_size}>"

    def _paging(self) -> Params:
        paging: list[tuple[str, str]] = []
        if self.page is not None:
            paging.append(("Page", str(self.page)))
        if self.page_size is not None:
            paging.append(("PageSize", str(self.page_size)))
        return self.params + tuple(paging)

    def page_op(self) -> Op[Page[T]]:
        """The request of this query's page and the reader of that page."""
        key, item = self.key, self.item

        def parse(content: bytes) -> Page[T]:
            return parse_page(content, key, item)

        return Op("GET", self.path, self._paging(), parse, True, self.timeout)

    def text_op(self, fmt: Format) -> Op[str]:
        """The request of this query's page in a raw format (``xml`` or ``csv``)."""
        if fmt not in ("xml", "csv"):
            raise ValueError(f"format must be 'xml' or 'csv', got {fmt!r}")
        return Op("GET", self.path, self._paging(), _text, True, self.timeout, f".{fmt}")

    def following(self, page: Page[T]) -> Query[T] | None:
        """The query of the page after ``page``, or ``None`` when ``page`` is the last one."""
        if not page.items:
            return None
        if page.num_pages is not None:
            more = page.page + 1 < page.num_pages
        else:
            more = bool(page.next_page_uri)
        return replace(self, page=page.page + 1) if more else None


def _text(content: bytes) -> str:
    return content.decode("utf-8")


def _capped(timeout: TimeoutArg, left: float) -> dict[str, float | None]:
    """The timeouts of an attempt, none longer than the ``left`` seconds of the deadline."""
    given = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    if left == math.inf:
        return given.as_dict()
    return {
        name: left if value is None else min(value, left) for name, value in given.as_dict().items()
    }


class Core:
    """Request building, answer reading and retry decisions for one account.

    Args:
        settings: Credentials and API root.
        timeout: The default timeout of each attempt.
        deadline: Seconds a call may take in total, retries included, or ``None``.
        retry: The retry policy.
        on_retry: Called with a :class:`RetryEvent` before each retry.
    """

    __slots__ = (
        "_account_url",
        "_deadline",
        "_form_headers",
        "_headers",
        "_timeout",
        "deadline",
        "on_retry",
        "retry",
        "settings",
        "timeout",
    )

    def __init__(
        self,
        settings: Settings,
        *,
        timeout: TimeoutArg,
        deadline: float | None,
        retry: RetryPolicy,
        on_retry: Callable[[RetryEvent], None] | None,
    ) -> None:
        if deadline is not None and not deadline > 0:
            raise UsageError(
                f"deadline must be a positive number of seconds or None, got {deadline!r}"
            )
        self.settings = settings
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.deadline = deadline
        self.retry = retry
        self.on_retry = on_retry
        self._account_url = settings.account_url
        self._deadline = math.inf if deadline is None else deadline
        # Built once: httpx copies a Headers object's list instead of normalising a dict, and a
        # request that carries its timeout skips the client's per-request timeout merge.
        self._timeout = _capped(self.timeout, self._deadline)
        basic = f"{settings.account_sid}:{settings.auth_token}".encode()
        self._headers = httpx.Headers(
            {
                "Authorization": "Basic " + base64.b64encode(basic).decode("ascii"),
                "User-Agent": f"cpaas-toolkit/{_VERSION}",
                "Accept": "application/json",
            }
        )
        self._form_headers = self._headers.copy()
        self._form_headers["Content-Type"] = _FORM

    def __repr__(self) -> str:
        return f"<Core {self.settings!r}>"

    def expiry(self, now: float) -> float:
        """The clock reading (``time.monotonic()``) at which a call started ``now`` expires."""
        return now + self._deadline

    def request(self, op: Op[Any]) -> httpx.Request:
        """Build the ``httpx.Request`` of an op (credentials in the Authorization header)."""
        url = self._account_url + op.path + op.suffix
        timeout = self._timeout
        if op.timeout is not DEFAULT:
            timeout = _capped(op.timeout, self._deadline)
        extensions = {"timeout": timeout}
        if op.method == "POST":
            body = urlencode(op.params).encode("utf-8")
            return httpx.Request(
                "POST",
                url,
                params=op.query or None,
                content=body,
                headers=self._form_headers,
                extensions=extensions,
            )
        return httpx.Request(
            op.method, url, params=op.params or None, headers=self._headers, extensions=extensions
        )

    def result(self, op: Op[T], response: httpx.Response) -> T:
        """Read a success answer.

        Raises:
            ApiError: (or a subclass) when the status is not 2xx.
            InvalidResponseError: When the body is not what the endpoint returns.
        """
        if response.status_code >= 300:
            raise self.error(response)
        try:
            return op.parse(response.content)
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidResponseError(
                f"{op.method} {response.request.url} -> HTTP {response.status_code}: "
                f"unreadable body ({type(exc).__name__})"
            ) from exc

    def error(self, response: httpx.Response) -> RestError:
        """The :class:`ApiError` subclass for an error answer."""
        request = response.request
        return _errorbody.to_error(
            response.status_code,
            response.content,
            response.headers.get("content-type", ""),
            reason=response.reason_phrase,
            method=request.method,
            url=str(request.url),
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )

    def retime(self, op: Op[Any], request: httpx.Request, left: float) -> None:
        """Cap the timeouts of the next attempt of ``request`` to the ``left`` seconds."""
        timeout = self.timeout if op.timeout is DEFAULT else op.timeout
        request.extensions["timeout"] = _capped(timeout, left)

    def wait_after_status(
        self, op: Op[Any], attempt: int, response: httpx.Response, left: float = math.inf
    ) -> float:
        """The wait before retrying after an error status.

        Args:
            op: The request's op.
            attempt: The attempt that failed, from 1.
            response: Its answer.
            left: Seconds until the call's deadline.

        Raises:
            ApiError: (or a subclass) for the answer, when it is not retried.
        """
        status = response.status_code
        if op.replay_safe and self.retry.retries_status(status):
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            wait = self.retry.delay(attempt, retry_after)
            if wait is not None and wait < left:
                url = str(response.request.url)
                self._announce(RetryEvent(op.method, url, attempt, wait, status))
                return wait
        raise self.error(response)

    def wait_after_error(
        self, op: Op[Any], attempt: int, exc: httpx.HTTPError, left: float = math.inf
    ) -> float:
        """The wait before retrying after a transport failure (call it while handling ``exc``).

        Args:
            op: The request's op.
            attempt: The attempt that failed, from 1.
            exc: Its failure.
            left: Seconds until the call's deadline.

        Raises:
            TransportError: Wrapping ``exc`` (its ``__cause__``), when it is not retried.
        """
        late = False
        if replayable_error(exc, replay_safe=op.replay_safe):
            wait = self.retry.delay(attempt)
            if wait is not None and wait < left:
                url = str(exc.request.url) if _has_request(exc) else op.path
                self._announce(RetryEvent(op.method, url, attempt, wait, error=exc))
                return wait
            late = wait is not None
        raise self.transport_error(op, exc, attempts=attempt, late=late) from exc

    def transport_error(
        self, op: Op[Any], exc: httpx.HTTPError, *, attempts: int = 1, late: bool = False
    ) -> TransportError:
        """Wrap an ``httpx`` failure, naming its cause (the caller raises it ``from exc``).

        Args:
            op: The failed request's op.
            exc: The failure.
            attempts: How many attempts were made.
            late: Whether a retry was given up because the deadline would pass.
        """
        url = str(exc.request.url) if _has_request(exc) else op.path
        kind = RequestTimeout if isinstance(exc, httpx.TimeoutException) else NetworkError
        what = "timed out" if kind is RequestTimeout else "failed"
        cause = redact(str(exc).strip()) or "no detail"
        text = f"{op.method} {url} {what}: {type(exc).__name__}: {cause}"
        if attempts > 1:
            text += f" (after {attempts} attempts)"
        if late:
            text += f"; not retried: the call's {self.deadline:g} s deadline would pass"
        return kind(text, method=op.method, url=url)

    def _announce(self, event: RetryEvent) -> None:
        logger.warning(
            "retrying %s %s after %s (attempt %d of %d) in %.2fs",
            event.method,
            event.url,
            event.reason,
            event.attempt,
            self.retry.max_attempts,
            event.delay,
        )
        if self.on_retry is not None:
            self.on_retry(event)


def _has_request(exc: httpx.HTTPError) -> bool:
    try:
        exc.request  # noqa: B018 - the property raises when no request is attached
    except RuntimeError:
        return False
    return True
