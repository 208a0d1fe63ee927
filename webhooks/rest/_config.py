"""Client settings: credentials, region or base URL, timeouts, read from arguments or environment.

Environment variables, used when the matching argument is not given:

==================== =====================================================================
``CPAAS_ACCOUNT_SID`` the account SID (``AC`` + 32 hex), the HTTP Basic user name
``CPAAS_AUTH_TOKEN``  the auth token, the HTTP Basic password
``CPAAS_REGION``      ``us`` (default), ``eu``, ``sg`` or ``zang`` (see :data:`REGIONS`)
``CPAAS_BASE_URL``    an explicit API root such as ``http://127.0.0.1:8000/v2`` (wins over
                      the region)
==================== =====================================================================

HTTPS is required, except for loopback hosts (``localhost``, ``127.0.0.0/8``, ``::1``) so that
local fakes and tests can be served over plain HTTP. A base URL never carries credentials
(``https://AC…:token@host/v2`` is refused, and the refusal does not repeat the token): they go in
``account_sid`` and ``auth_token``, which the client sends in the ``Authorization`` header.

Proxies: like ``httpx``, the clients honour ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and
``NO_PROXY`` (and ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``) unless built with ``trust_env=False``;
``proxy="http://proxy.example:3128"`` names a proxy explicitly (and wins over the environment).

Time: every attempt has the per-attempt :data:`DEFAULT_TIMEOUT` (10 s to read or write, 5 s to
connect; ``timeout=``), and every call, retries and the waits between them included, ends within
:data:`DEFAULT_DEADLINE` (30 s; ``deadline=``, ``None`` for no limit).
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from .errors import UsageError

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "ENV_ACCOUNT_SID",
    "ENV_AUTH_TOKEN",
    "ENV_BASE_URL",
    "ENV_REGION",
    "REGIONS",
    "Region",
    "Settings",
    "TimeoutArg",
    "check_account_sid",
    "check_base_url",
    "redact",
]

Region = Literal["us", "eu", "sg", "zang"]
"""The platform's regions (EU accounts must use ``eu``) and the legacy ``zang`` host."""

REGIONS: Final[Mapping[str, str]] = {
    "us": "https://api-us.cpaas.avayacloud.com/v2",
    "eu": "https://api-eu.cpaas.avayacloud.com/v2",
    "sg": "https://api-sg.cpaas.avayacloud.com/v2",
    "zang": "https://api.zang.io/v2",
}
"""The API root of each region.

``zang`` is the legacy host the vendor's SDKs default to. The reference also prints a "default"
root, ``https://api.cpaas.avayacloud.com.io/v2`` (it looks like a typo of the regional hosts);
it is not a region here, but ``base_url="https://api.cpaas.avayacloud.com.io/v2"`` reaches it.
"""

ENV_ACCOUNT_SID: Final = "CPAAS_ACCOUNT_SID"
ENV_AUTH_TOKEN: Final = "CPAAS_AUTH_TOKEN"  # noqa: S105 - the variable's name, not a secret
ENV_REGION: Final = "CPAAS_REGION"
ENV_BASE_URL: Final = "CPAAS_BASE_URL"

DEFAULT_TIMEOUT: Final = httpx.Timeout(10.0, connect=5.0)
"""Per attempt: 10 s to read or write, 5 s to connect."""

DEFAULT_DEADLINE: Final = 30.0
"""Seconds a call may take in total, retries and the waits between them included."""

_ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_USERINFO = re.compile(r"(?<=//)[^/?#]*@")

TimeoutArg = float | httpx.Timeout | None
"""A timeout in seconds, an ``httpx.Timeout``, or ``None`` for no timeout."""


def _is_loopback(host: str) -> bool:
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def redact(text: str) -> str:
    """``text`` with the user information of any URL in it (``//user:token@``) masked.

    Args:
        text: A URL or a message that may quote one.
    """
    return _USERINFO.sub("***@", text)


def check_account_sid(account_sid: str) -> str:
    """Validate an account SID: ``AC`` and 32 hexadecimal digits.

    Args:
        account_sid: The SID as given.

    Raises:
        UsageError: Naming what was given and what is allowed.
    """
    if not _ACCOUNT_SID.fullmatch(account_sid):
        raise UsageError(
            f"account_sid must be 'AC' followed by 32 hexadecimal digits "
            f"(34 characters, as on the account dashboard), got {account_sid!r} "
            f"({len(account_sid)} characters)"
        )
    return account_sid


def check_base_url(base_url: str) -> str:
    """Validate an API root and return it without a trailing slash.

    Args:
        base_url: E.g. ``https://api-eu.cpaas.avayacloud.com/v2`` or ``http://127.0.0.1:8080/v2``.

    Raises:
        UsageError: When the URL is not absolute, carries credentials, has a query or fragment,
            or is plain HTTP to a non-loopback host. The message never repeats credentials.
    """
    shown = redact(base_url)
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        # Not chained: httpx's message would quote the URL, credentials and all.
        raise UsageError(f"base_url is not a valid URL: {shown!r}") from None
    if url.userinfo:
        raise UsageError(
            f"base_url must not carry credentials (user:token@); pass account_sid= and "
            f"auth_token= instead, got {shown!r}"
        )
    if url.scheme not in {"http", "https"} or not url.host:
        raise UsageError(f"base_url must be an absolute http(s) URL, got {shown!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise UsageError(
            f"base_url must use https (plain http is allowed for loopback hosts only), "
            f"got {shown!r}"
        )
    if url.query or url.fragment:
        raise UsageError(f"base_url must not have a query or fragment, got {shown!r}")
    return str(url).rstrip("/")


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved configuration of a client (the token is kept out of the repr)."""

    account_sid: str
    auth_token: str
    base_url: str

    def __repr__(self) -> str:
        return f"Settings(account_sid={self.account_sid!r}, base_url={self.base_url!r})"

    @property
    def account_url(self) -> str:
        """The URL of the account resource, the prefix of every endpoint."""
        return f"{self.base_url}/Accounts/{self.account_sid}"

    @classmethod
    def resolve(
        cls,
        account_sid: str | None,
        auth_token: str | None,
        *,
        region: str | None,
        base_url: str | None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Combine arguments with the environment (arguments win).

        Raises:
            UsageError: When a credential is missing, the region is unknown or the base URL is
                refused (see :func:`check_base_url`).
        """
        env = os.environ if environ is None else environ
        sid = account_sid or env.get(ENV_ACCOUNT_SID, "")
        token = auth_token or env.get(ENV_AUTH_TOKEN, "")
        if not sid:
            raise UsageError(f"no account SID: pass account_sid= or set {ENV_ACCOUNT_SID}")
        if not token:
            raise UsageError(f"no auth token: pass auth_token= or set {ENV_AUTH_TOKEN}")
        check_account_sid(sid)
        root = base_url or (None if region else env.get(ENV_BASE_URL))
        if root is None:
            name = (region or env.get(ENV_REGION) or "us").lower()
            if name not in REGIONS:
                raise UsageError(f"region must be one of {sorted(REGIONS)}, got {name!r}")
            root = REGIONS[name]
        return cls(sid, token, check_base_url(root))
