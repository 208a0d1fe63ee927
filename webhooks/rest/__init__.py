"""REST client for the Avaya Communications APIs (formerly Zang / TelAPI).

Quick tour::

    from webhooks.rest import Client

    with Client("AC…", "token", region="us") as client:     # or base_url=…, or CPAAS_* env vars
        call = client.calls.create(from_="+15550001111", to="+15552223333", url="https://…")
        for c in client.calls.list(status="completed"):      # pages fetched lazily
            print(c.sid, c.duration)
        page = client.calls.list_page(page=0, page_size=20)   # one page with its paging fields
        client.calls.interrupt(call.sid, status="completed")

:class:`AsyncClient` has the same resources, awaited (``async for`` over ``list()``).

Resources: ``account``, ``usages``, ``notifications``, ``calls``, ``sms``, ``mms``,
``conferences`` (``.participants``), ``applications`` (``.clients``), ``agents``, ``sip``
(``.domains``, ``.credential_lists`` (``.credentials``), ``.ip_acls`` (``.addresses``)),
``incoming_numbers``, ``byoc_numbers``, ``available_numbers``, ``allowed_countries``,
``recordings``, ``transcriptions``, ``lookups``, ``fraud``. Every list endpoint ``x`` also has
``x_page`` (one :class:`Page`) and ``x_text`` (the raw ``xml`` or ``csv`` body).

Parameters are snake_case keywords (``status_callback`` -> ``StatusCallback``, ``from_`` ->
``From``; date filters ``start_time_after=date(2017, 1, 1)`` -> ``StartTime>=2017-01-01``) and
every call takes ``timeout=`` (per attempt); the client's ``deadline=`` (30 s) bounds a call,
retries included. Configuration from the environment: ``CPAAS_ACCOUNT_SID``,
``CPAAS_AUTH_TOKEN``, ``CPAAS_REGION`` (``us``, ``eu``, ``sg`` or the legacy ``zang``),
``CPAAS_BASE_URL``; proxies from ``proxy=`` or ``HTTPS_PROXY``/``NO_PROXY`` (``trust_env``).
Errors: :mod:`webhooks.rest.errors` (``describe(code)`` gives a code's meaning); retries:
:mod:`webhooks.rest.retry`. Importing this package loads neither starlette nor the webhook app.
"""

from __future__ import annotations

from ._client import AsyncClient, Client
from ._config import REGIONS, Region
from ._core import DEFAULT, CallTimeout, Format
from ._wire import Model
from .accounts import Account, Notification, Usage
from .applications import Application, ApplicationClient, ApplicationSettings, DialogflowAgent
from .available_numbers import AllowedCountry, AvailablePhoneNumber
from .calls import Call
from .conferences import Conference, Participant
from .errors import (
    ApiError,
    AuthenticationError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    RateLimitError,
    RequestTimeout,
    RestError,
    ServerError,
    TransportError,
    UsageError,
)
from .lookups import BnaLookup, CarrierLookup, CnamLookup, FraudRule
from .messages import MessageFilters, MmsMessage, SmsMessage
from .numbers import IncomingPhoneNumber, NumberSettings
from .paging import AsyncPageIterator, Page, PageIterator
from .recordings import Recording, TranscribeOptions, Transcription
from .retry import RetryEvent, RetryPolicy
from .sip import (
    Credential,
    CredentialList,
    Domain,
    DomainSettings,
    IpAccessControlList,
    IpAddress,
)

__all__ = [
    "DEFAULT",
    "REGIONS",
    "Account",
    "AllowedCountry",
    "ApiError",
    "Application",
    "ApplicationClient",
    "ApplicationSettings",
    "AsyncClient",
    "AsyncPageIterator",
    "AuthenticationError",
    "AvailablePhoneNumber",
    "BnaLookup",
    "Call",
    "CallTimeout",
    "CarrierLookup",
    "Client",
    "CnamLookup",
    "Conference",
    "Credential",
    "CredentialList",
    "DialogflowAgent",
    "Domain",
    "DomainSettings",
    "Format",
    "FraudRule",
    "IncomingPhoneNumber",
    "InvalidResponseError",
    "IpAccessControlList",
    "IpAddress",
    "MessageFilters",
    "MmsMessage",
    "Model",
    "NetworkError",
    "NotFoundError",
    "Notification",
    "NumberSettings",
    "Page",
    "PageIterator",
    "Participant",
    "RateLimitError",
    "Recording",
    "Region",
    "RequestTimeout",
    "RestError",
    "RetryEvent",
    "RetryPolicy",
    "ServerError",
    "SmsMessage",
    "TranscribeOptions",
    "Transcription",
    "TransportError",
    "Usage",
    "UsageError",
]
