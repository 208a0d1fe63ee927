"""Client settings: credentials, region or base URL, timeouts, read from arguments or environment.

Environment variables, used when the matching argument is not given:

==================== =====================================================================
``CPAAS_ACCOUNT_SID`` the account SID (``AC`` + 32 hex), the HTTP Basic user name
``CPAAS_AUTH_TOKEN``  the auth token, the HTTP Basic password
``CPAAS_REGION``      ``us`` (default), ``eu`` or ``sg``
``CPAAS_BASE_URL``    an explicit API root such as ``http://127.0.0.1:8000/v2`` (wins over
                      the region)
==================== =====================================================================

HTTPS is required, except for loopback hosts (``localhost``, ``127.0.0.0/8``, ``::1``) so that
local fakes and tests can be served over plain HTTP.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

import httpx

from .errors import UsageError

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENV_ACCOUNT_SID",
    "ENV_AUTH_TOKEN",
    "ENV_BASE_URL",
    "ENV_REGION",
    "REGIONS",
    "Region",
    "Settings",
    "TimeoutArg",
]

Region = Literal["us", "eu", "sg"]
"""The platform's regions; EU accounts must use ``eu``."""

REGIONS: Final[Mapping[str, str]] = {
    "us": "https://api-us.cpaas.avayacloud.com/v2",
    "eu": "https://api-eu.cpaas.avayacloud.com/v2",
    "sg": "https://api-sg.cpaas.avayacloud.com/v2",
}
"""The API root of each region."""

ENV_ACCOUNT_SID: Final = "CPAAS_ACCOUNT_SID"
ENV_AUTH_TOKEN: Final = "CPAAS_AUTH_TOKEN"  # noqa: S105 - the variable's name, not a secret
ENV_REGION: Final = "CPAAS_REGION"
ENV_BASE_URL: Final = "CPAAS_BASE_URL"

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
"""30 s to read or write, 10 s to connect."""

TimeoutArg = float | httpx.Timeout | None
"""A timeout in seconds, an ``httpx.Timeout``, or ``None`` for no timeout."""


def _is_loopback(host: str) -> bool:
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """Validate an API root and return it without a trailing slash.

    Args:
        base_url: E.g. ``https://api-eu.cpaas.avayacloud.com/v2`` or ``http://127.0.0.1:8080/v2``.

    Raises:
        UsageError: When the URL is not absolute, or is plain HTTP to a non-loopback host.
    """
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL as exc:
        raise UsageError(f"base_url is not a valid URL: {base_url!r}") from exc
    if url.scheme not in {"http", "https"} or not url.host:
        raise UsageError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise UsageError(
            f"base_url must use https (plain http is allowed for loopback hosts only), "
            f"got {base_url!r}"
        )
    if url.query or url.fragment:
        raise UsageError(f"base_url must not have a query or fragment, got {base_url!r}")
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
        if "/" in sid or "?" in sid or "#" in sid:
            raise UsageError(f"account_sid is not a SID: {sid!r}")
        root = base_url or (None if region else env.get(ENV_BASE_URL))
        if root is None:
            name = (region or env.get(ENV_REGION) or "us").lower()
            if name not in REGIONS:
                raise UsageError(f"region must be one of {sorted(REGIONS)}, got {name!r}")
            root = REGIONS[name]
        return cls(sid, token, check_base_url(root))
