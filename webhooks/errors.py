"""Exceptions of the webhook application.

Every exception derives from :class:`inboundxml.errors.CPaaSError`, the root of the toolkit::

    CPaaSError
    └── WebhookError
        ├── BadRequest                  the request is malformed: answered 4xx, never 500
        │   ├── Unauthorized            missing or wrong HTTP basic credentials (401)
        │   ├── Forbidden               wrong URL token or AccountSid (403)
        │   ├── MethodNotAllowed        neither GET nor POST (405)
        │   ├── PayloadTooLarge         body over the configured limit (413)
        │   └── UnsupportedMediaType    body is not application/x-www-form-urlencoded (415)
        ├── ConfigurationError          the application is set up wrongly (e.g. no REST client)
        │   └── RegistrationClosed      a route was added after the app started serving
        ├── HandlerError                a handler answered nothing usable (None, a wrong type)
        └── SessionError                the per-call session cannot be used or stored
"""

from __future__ import annotations

from inboundxml.errors import CPaaSError

__all__ = [
    "BadRequest",
    "ConfigurationError",
    "Forbidden",
    "HandlerError",
    "MethodNotAllowed",
    "PayloadTooLarge",
    "RegistrationClosed",
    "SessionError",
    "Unauthorized",
    "UnsupportedMediaType",
    "WebhookError",
]


class WebhookError(CPaaSError):
    """Root of the errors raised by the :mod:`webhooks` application."""


class BadRequest(WebhookError):  # noqa: N818 - named after the HTTP status it produces
    """A malformed webhook request, answered with :attr:`status_code` and a one-line reason.

    Args:
        reason: One line saying what is wrong, safe to send to the caller (never a secret and
            never a traceback).

    Attributes:
        status_code: The HTTP status of the answer (400 unless a subclass says otherwise).
        reason: The one-line reason sent as the body.
    """

    status_code: int = 400

    def __init__(self, reason: str) -> None:
        self.reason = " ".join(reason.split())
        super().__init__(self.reason)


class Unauthorized(BadRequest):
    """HTTP basic credentials were required and are missing or wrong (401)."""

    status_code = 401


class Forbidden(BadRequest):
    """The URL token or the ``AccountSid`` does not match the configured one (403)."""

    status_code = 403


class MethodNotAllowed(BadRequest):
    """The platform only uses GET and POST; anything else is answered 405."""

    status_code = 405


class PayloadTooLarge(BadRequest):
    """The body is longer than the configured ``max_body_size`` (413)."""

    status_code = 413


class UnsupportedMediaType(BadRequest):
    """The body is not ``application/x-www-form-urlencoded`` in UTF-8 (415)."""

    status_code = 415


class ConfigurationError(WebhookError):
    """The application is configured wrongly, e.g. live-call control without a REST client."""


class RegistrationClosed(ConfigurationError):  # noqa: N818 - the name the API documents
    """A route was registered after the application started serving requests.

    Routes are fixed once the app has handled its first request or its lifespan startup, so that
    every worker serves the same set of URLs.
    """


class SessionError(WebhookError):
    """The per-call session is not available (no ``CallSid``) or could not be stored."""


class HandlerError(WebhookError):
    """A handler's answer cannot be sent: ``None`` where a document is due, or a wrong type.

    The caller hears the app's fallback document; the error is logged and, where a test asks
    for it (the simulator), raised there. A handler that raises reports its own exception.
    """
