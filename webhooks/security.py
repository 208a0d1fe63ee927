"""Optional checks that a request came from the platform, and the app's public URL.

The platform does **not** sign its requests (no signature header, no HMAC scheme is documented),
so nothing here is cryptographic proof. What a deployment can do, each off by default:

- serve the webhooks over HTTPS only, behind a TLS terminator (see ``trusted_proxies``);
- put an unguessable token in every callback URL (a path segment or a query parameter) — the
  platform keeps the URL you configure, query string included;
- require the ``AccountSid`` parameter to equal your own Account Sid;
- require HTTP basic credentials (whether the platform sends ``https://user:pass@host/...``
  credentials from a callback URL is not documented: test it with your account first).

Secrets are compared with :func:`hmac.compare_digest` and never appear in reprs or logs.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote

from webhooks.errors import ConfigurationError, Forbidden, Unauthorized

__all__ = ["Secret", "Security"]

_IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Secret:
    """A string that never shows itself in ``repr``/``str`` and compares in constant time.

    Args:
        value: The secret text.

    Raises:
        ConfigurationError: If ``value`` is empty.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise ConfigurationError("a secret must not be empty")
        self._value = value.encode()

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def matches(self, candidate: str | bytes) -> bool:
        """Compare with ``candidate`` in constant time."""
        if isinstance(candidate, str):
            candidate = candidate.encode()
        return hmac.compare_digest(self._value, candidate)

    def reveal(self) -> str:
        """Return the secret text (for building URLs that must carry it)."""
        return self._value.decode()


def _networks(trusted: Iterable[str] | str) -> frozenset[_IPNetwork] | Literal["*"]:
    if trusted == "*":
        return "*"
    items = [trusted] if isinstance(trusted, str) else list(trusted)
    try:
        return frozenset(ipaddress.ip_network(item, strict=False) for item in items)
    except ValueError as exc:
        raise ConfigurationError(f"trusted_proxies: {exc}") from None


@dataclass(frozen=True, repr=False)
class Security:
    """The authenticity settings of an app; built by :class:`webhooks.App` from its arguments.

    Args:
        token: Secret that every webhook URL must carry (``None``: no check).
        token_in: ``"path"`` (``https://host/<token>/voice``) or ``"query"`` (``?token=...``).
        token_param: Name of the query parameter when ``token_in="query"``.
        account_sid: Required value of the ``AccountSid`` parameter when present.
        basic_auth: ``(username, password)`` required in an ``Authorization: Basic`` header.
        trusted_proxies: Addresses or networks (or ``"*"``) whose ``X-Forwarded-Proto`` and
            ``X-Forwarded-Host`` headers are believed when building the public URL.

    Raises:
        ConfigurationError: On an empty secret, an unknown ``token_in`` or a bad network.
    """

    token: Secret | None = None
    token_in: Literal["path", "query"] = "path"  # noqa: S105 - not a secret
    token_param: str = "token"  # noqa: S105 - not a secret
    account_sid: str | None = None
    basic_auth: tuple[str, Secret] | None = None
    trusted_proxies: frozenset[_IPNetwork] | Literal["*"] = field(default_factory=frozenset)

    @classmethod
    def build(
        cls,
        *,
        token: str | None = None,
        token_in: Literal["path", "query"] = "path",  # noqa: S107 - not a secret
        token_param: str = "token",  # noqa: S107 - not a secret
        account_sid: str | None = None,
        basic_auth: tuple[str, str] | None = None,
        trusted_proxies: Iterable[str] | str = (),
    ) -> Security:
        """Validate the settings and build the checker (see the class arguments)."""
        if token_in not in ("path", "query"):
            raise ConfigurationError(f"token_in must be 'path' or 'query', got {token_in!r}")
        if token is not None and token_in == "path" and "/" in token:  # noqa: S105
            raise ConfigurationError("a path token must not contain '/'")
        return cls(
            token=Secret(token) if token is not None else None,
            token_in=token_in,
            token_param=token_param,
            account_sid=account_sid or None,
            basic_auth=(basic_auth[0], Secret(basic_auth[1])) if basic_auth else None,
            trusted_proxies=_networks(trusted_proxies),
        )

    @property
    def in_path(self) -> bool:
        """Whether the URL token is a path segment (else a query parameter)."""
        return self.token_in == "path"  # noqa: S105 - not a secret

    def __repr__(self) -> str:
        return (
            f"Security(token={'set' if self.token else None}, token_in={self.token_in!r}, "
            f"account_sid={self.account_sid!r}, basic_auth={'set' if self.basic_auth else None}, "
            f"trusted_proxies={self.trusted_proxies!r})"
        )

    def check_authorization(self, header: bytes | None) -> None:
        """Check the ``Authorization`` header against ``basic_auth``.

        Raises:
            Unauthorized: If credentials are required and missing or wrong.
        """
        if self.basic_auth is None:
            return
        if header is None or not header[:6].lower() == b"basic ":
            raise Unauthorized("HTTP basic credentials required")
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True).partition(b":")
        except (binascii.Error, ValueError):
            raise Unauthorized("malformed basic credentials") from None
        want_user, want_password = self.basic_auth
        user_ok = hmac.compare_digest(user, want_user.encode())
        if not (want_password.matches(password) and user_ok):
            raise Unauthorized("wrong basic credentials")

    def strip_path_token(self, path: str) -> str | None:
        """Split ``/<token>/rest`` and return ``/rest`` if the token matches, else ``None``."""
        if self.token is None or not self.in_path:
            return path
        segment, slash, rest = path[1:].partition("/")
        if slash and self.token.matches(segment):
            return "/" + rest
        return None

    def check_query_token(self, params: dict[str, str]) -> None:
        """Remove the query-string token from ``params`` and check it.

        Raises:
            Forbidden: If the token is missing or wrong.
        """
        if self.token is None or self.in_path:
            return
        if not self.token.matches(params.pop(self.token_param, "")):
            raise Forbidden("missing or wrong URL token")

    def check_account(self, params: dict[str, str]) -> None:
        """Check the ``AccountSid`` parameter (absent is accepted: SMS callbacks may omit it).

        Raises:
            Forbidden: If it is present and differs from the configured Account Sid.
        """
        sent = params.get("AccountSid")
        if (
            self.account_sid is not None
            and sent is not None
            and not hmac.compare_digest(sent.encode(), self.account_sid.encode())
        ):
            raise Forbidden("AccountSid does not match this application")

    def trusts(self, client: tuple[str, int] | list[object] | None) -> bool:
        """Whether the peer address ``client`` (from the ASGI scope) is a trusted proxy."""
        if self.trusted_proxies == "*":
            return True
        if not self.trusted_proxies or not client:
            return False
        try:
            address = ipaddress.ip_address(str(client[0]))
        except ValueError:
            return False
        return any(address in network for network in self.trusted_proxies)

    def url_token(self) -> tuple[str, str]:
        """Return the ``(path prefix, query suffix)`` that generated URLs must carry."""
        if self.token is None:
            return "", ""
        if self.in_path:
            return "/" + quote(self.token.reveal(), safe=""), ""
        return "", f"?{quote(self.token_param)}={quote(self.token.reveal(), safe='')}"
