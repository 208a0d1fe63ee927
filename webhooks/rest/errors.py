"""Exceptions raised by the REST client.

Every exception derives from :class:`RestError`, itself a :class:`inboundxml.errors.CPaaSError`::

    CPaaSError
    └── RestError                       everything the REST client raises
        ├── UsageError (ValueError)     bad configuration or argument; nothing was sent
        ├── ApiError                    the platform answered with an error status
        │   ├── AuthenticationError     invalid credentials (401, or code 10004 with 403)
        │   ├── NotFoundError           no such resource (404)
        │   ├── RateLimitError          too many requests (429); ``.retry_after``
        │   └── ServerError             the platform failed (5xx)
        ├── InvalidResponseError        a success answer whose body cannot be read
        └── TransportError              no answer: wraps the ``httpx`` error (``__cause__``)
            ├── NetworkError            connecting, sending or receiving failed
            └── RequestTimeout          the configured timeout elapsed

``ApiError`` carries what the platform said (``status``, ``code``, ``message``, ``more_info``),
read from either the JSON or the XML error body, and the meaning of its code in the platform's
error dictionary (:func:`describe`, shipped with the package). No exception message ever
contains the auth token: messages name the HTTP method and URL only, and URLs never carry
credentials.
"""

from __future__ import annotations

from inboundxml.errors import CPaaSError

from ._codes import MEANINGS

__all__ = [
    "ApiError",
    "AuthenticationError",
    "InvalidResponseError",
    "NetworkError",
    "NotFoundError",
    "RateLimitError",
    "RequestTimeout",
    "RestError",
    "ServerError",
    "TransportError",
    "UsageError",
    "describe",
]

_TERSE_WORDS = 4


def describe(code: int) -> str | None:
    """The meaning of one of the platform's error codes, from its error dictionary.

    Args:
        code: The code, e.g. ``21217``.

    Returns:
        ``"Phone number does not appear to be valid"``, or ``None`` for a code the dictionary
        does not list.
    """
    return MEANINGS.get(code)


def _summary(message: str, meaning: str | None) -> str:
    """The platform's message, with the code's meaning added when the message is terse."""
    if meaning is None or len(message.split()) >= _TERSE_WORDS:
        return message
    said, means = message.casefold(), meaning.casefold()
    if said in means or means in said:
        return message or meaning
    return f"{message} ({meaning})" if message else meaning


class RestError(CPaaSError):
    """Root of every exception raised by :mod:`webhooks.rest`."""


class UsageError(RestError, ValueError):
    """The client was configured or called with values it cannot send; no request was made.

    Examples: a plain ``http://`` base URL that is not a loopback address, a missing auth token,
    an empty SID, buying a number without ``area_code`` or ``phone_number``.
    """


class ApiError(RestError):
    """The platform answered with an error status.

    Args:
        status: The HTTP status of the answer.
        code: The platform's error code (see ``errors.tsv``), or ``None`` if the body had none.
        message: The platform's message, or the HTTP reason phrase.
        more_info: The documentation URL the platform gave, or ``""``.
        method: The HTTP method of the failed request.
        url: The URL of the failed request (it never contains credentials).

    Attributes:
        status: The HTTP status.
        code: The platform's error code, e.g. 10004 for invalid credentials.
        message: The platform's message.
        more_info: The documentation URL the platform gave.
        method: The HTTP method of the failed request.
        url: The URL of the failed request.
        meaning: The code's meaning in the error dictionary (:func:`describe`), or ``None``.
            ``str()`` of the error adds it when the platform's message is terse (fewer than
            four words) or missing.
    """

    def __init__(
        self,
        status: int,
        code: int | None,
        message: str,
        more_info: str = "",
        *,
        method: str = "",
        url: str = "",
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.more_info = more_info
        self.method = method
        self.url = url
        self.meaning = describe(code) if code is not None else None
        code_text = f" code {code}" if code is not None else ""
        summary = _summary(message, self.meaning)
        super().__init__(f"{method} {url} -> HTTP {status}{code_text}: {summary}".strip())

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
            f"message={self.message!r})"
        )


class AuthenticationError(ApiError):
    """The account SID or auth token was refused (HTTP 401, or code 10004 answered with 403)."""


class NotFoundError(ApiError):
    """The resource does not exist, or belongs to another account (HTTP 404)."""


class RateLimitError(ApiError):
    """The platform asked the client to slow down (HTTP 429).

    Attributes:
        retry_after: Seconds the platform asked to wait (from ``Retry-After``), or ``None``.
    """

    def __init__(
        self,
        status: int,
        code: int | None,
        message: str,
        more_info: str = "",
        *,
        method: str = "",
        url: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status, code, message, more_info, method=method, url=url)
        self.retry_after = retry_after


class ServerError(ApiError):
    """The platform failed to process the request (HTTP 5xx)."""


class InvalidResponseError(RestError):
    """The platform answered with a success status but the body is not what the API documents.

    The underlying parse or validation error is the ``__cause__``.
    """


class TransportError(RestError):
    """No answer was received; the ``httpx`` exception is the ``__cause__``.

    Args:
        message: What failed, naming the method and URL.
        method: The HTTP method of the request.
        url: The URL of the request.
    """

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class NetworkError(TransportError):
    """Connecting to the platform, sending the request or reading the answer failed."""


class RequestTimeout(TransportError):  # noqa: N818 - named like httpx.ConnectTimeout
    """The timeout (connect, read, write or pool) elapsed before the answer arrived."""
