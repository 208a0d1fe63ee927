"""When and how long to wait before sending a request again.

What is retried:

- Connection failures, HTTP 429 and HTTP 5xx (500, 502, 503, 504 by default).
- Only requests that are *safe to replay*: every GET and DELETE, and the POSTs that set state
  to given values, so that sending them twice leaves the same result (updating an account,
  application, number, SIP domain, credential list, IP ACL, IP address or credential; muting
  a participant; a call's voice effect; fraud block/authorize/whitelist).
- A POST that creates something or starts an action (make a call, send an SMS or MMS, buy a
  number, run a lookup, transcribe, record, play, send digits, interrupt, extend a fraud
  authorization, map a credential list or IP ACL) is **never** replayed once it may have
  reached the platform. It is retried only after a failure to *connect*, when nothing was sent.

How long: ``backoff * 2 ** (attempt - 1)``, capped at ``max_backoff``, then reduced by a random
``jitter`` fraction. A ``Retry-After`` answer header (seconds or an HTTP date) is honoured as
given; one longer than ``max_backoff`` ends the retries and the error is raised.

Every retry is logged at WARNING on the ``webhooks.rest`` logger and passed to the client's
``on_retry`` hook as a :class:`RetryEvent`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

__all__ = ["RetryEvent", "RetryPolicy", "parse_retry_after"]

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How the client retries failed requests.

    Args:
        max_attempts: Attempts in total, the first included; ``1`` disables retries.
        backoff: Seconds before the first retry; doubled for each further one.
        max_backoff: The longest wait, in seconds (also the longest ``Retry-After`` honoured).
        jitter: The random fraction (0 to 1) taken off each wait, to spread out clients.
        statuses: The HTTP statuses worth another attempt.

    Example:
        ``Client(retry=RetryPolicy(max_attempts=5, backoff=0.2))``
    """

    max_attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    jitter: float = 0.5
    statuses: frozenset[int] = field(default=_RETRY_STATUSES)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {self.max_attempts}")
        if self.backoff < 0 or self.max_backoff < 0:
            raise ValueError("backoff and max_backoff must not be negative")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"jitter must be between 0 and 1, got {self.jitter}")

    @classmethod
    def never(cls) -> RetryPolicy:
        """A policy that sends every request once."""
        return cls(max_attempts=1)

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed attempt number ``attempt``, or ``None`` to give up.

        Args:
            attempt: The attempt that just failed, counting from 1.
            retry_after: The wait the platform asked for, if any.
        """
        if attempt >= self.max_attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_backoff else None
        wait = min(self.backoff * 2 ** (attempt - 1), self.max_backoff)
        spread: float = random.random()  # noqa: S311 - jitter, not cryptography
        return float(wait * (1 - self.jitter * spread))

    def retries_status(self, status: int) -> bool:
        """Whether an answer with this HTTP status is worth another attempt."""
        return status in self.statuses


@dataclass(frozen=True, slots=True)
class RetryEvent:
    """One retry, as passed to the ``on_retry`` hook before the client waits.

    Attributes:
        method: The HTTP method.
        url: The request URL (never containing credentials).
        attempt: The attempt that failed, counting from 1.
        delay: Seconds the client waits before the next attempt.
        status: The HTTP status that caused the retry, or ``None`` for a connection failure.
        error: The ``httpx`` exception that caused the retry, or ``None`` for a status.
    """

    method: str
    url: str
    attempt: int
    delay: float
    status: int | None = None
    error: Exception | None = None

    @property
    def reason(self) -> str:
        """``HTTP 503`` or the name of the connection error."""
        if self.status is not None:
            return f"HTTP {self.status}"
        return type(self.error).__name__ if self.error is not None else "unknown"


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Read a ``Retry-After`` header: delay seconds or an HTTP date; ``None`` if absent/invalid.

    Args:
        value: The header value.
        now: The current time, for HTTP dates (defaults to the clock).
    """
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def replayable_error(exc: Exception, *, replay_safe: bool) -> bool:
    """Whether a transport failure may be retried for a request of this kind.

    A failure to connect means nothing was sent, so any request may go again; any other failure
    may have happened after the platform acted, so only replay-safe requests are retried.
    """
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return True
    return replay_safe and isinstance(exc, httpx.TransportError)
