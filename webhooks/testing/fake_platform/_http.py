"""The HTTP edge of the fake platform: reading a request, its credentials and its parameters.

:func:`read_request` turns an ASGI ``http`` connection into a :class:`RequestRecord` (format
suffix, query and form parameters, headers); :func:`check_auth` and :func:`check_params` answer
the platform's errors for bad credentials, paths outside the account, missing and (with
``strict_params``) unknown parameters. :func:`lifespan` answers the ``lifespan`` scope.
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.types import Message, Receive, Scope, Send

from ._limits import check_urls
from ._render import MEDIA_TYPES, ApiFailure
from ._routing import Route

__all__ = [
    "RequestRecord",
    "check_auth",
    "check_params",
    "lifespan",
    "path_segments",
    "read_request",
    "split_format",
]

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request the fake received.

    Attributes:
        method: The HTTP method.
        path: The full path as sent (``/v2/Accounts/AC…/Calls.json``).
        resource: The path below the account, without format suffix (``/Calls``).
        format: ``json``, ``xml``, ``csv`` or ``txt``.
        params: Query and form parameters merged (form wins; the last of repeated keys).
        pairs: Every parameter in order, repeated keys kept (query first, then form).
        headers: The request headers, names in lower case.
    """

    method: str
    path: str
    resource: str
    format: str
    params: dict[str, str]
    pairs: tuple[tuple[str, str], ...]
    headers: dict[str, str]


def split_format(path: str) -> tuple[str, str]:
    """``(format, path without suffix)``; no suffix means XML, the platform's default."""
    dot = path.rfind(".")
    if dot > path.rfind("/"):
        suffix = path[dot + 1 :].lower()
        if suffix in MEDIA_TYPES:
            return suffix, path[:dot]
    return "xml", path


def path_segments(path: str) -> list[str]:
    """The segments of a path without its format suffix (``""``, ``v2``, ``Accounts``, …)."""
    return split_format(path)[1].split("/")


async def read_request(scope: Scope, receive: Receive) -> RequestRecord:
    """Read an ``http`` connection's request: its parameters (query, then form) and headers."""
    method: str = scope["method"]
    path: str = scope["path"]
    fmt = split_format(path)[0]
    query: bytes = scope["query_string"]
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True) if query else []
    if method in _BODY_METHODS:
        body = await _read_body(receive)
        if body:
            pairs += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    resource = "/" + "/".join(path_segments(path)[4:])
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
    return RequestRecord(method, path, resource, fmt, dict(pairs), tuple(pairs), headers)


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message: Message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def check_auth(
    authorization: str,
    segments: list[str],
    *,
    expected: bytes,
    account_sid: str,
    auth_token: str,
    api_version: str,
) -> None:
    """Check the ``Authorization`` header and that the path is below the account.

    Args:
        authorization: The request's header.
        segments: The path's segments (:func:`path_segments`).
        expected: The header the credentials make (compared first, as bytes).
        account_sid: The account's SID (the Basic user).
        auth_token: The auth token (the Basic password).
        api_version: The version segment every path starts with.

    Raises:
        ApiFailure: 403 / 10004 for other credentials, 404 / 21501 for a path outside
            ``/{version}/Accounts/``, 403 / 20006 for another account.
    """
    if not hmac.compare_digest(authorization.encode("latin-1"), expected):
        scheme, _, token = authorization.partition(" ")
        try:
            decoded = base64.b64decode(token, validate=True)
        except ValueError:
            decoded = b""
        credentials = f"{account_sid}:{auth_token}".encode()
        # Compared in constant time: the fake may be served where timing can be observed.
        if scheme.lower() != "basic" or not hmac.compare_digest(decoded, credentials):
            raise ApiFailure(403, 10004, "Invalid credentials")
    if (
        len(segments) < 4
        or segments[0]
        or segments[1] != api_version
        or segments[2].lower() != "accounts"
    ):
        raise ApiFailure(404, 21501, "The requested resource was not found")
    if segments[3] != account_sid:
        raise ApiFailure(403, 20006, f"Access Denied to account {segments[3]}")


def check_params(route: Route, params: Mapping[str, str], *, strict: bool) -> None:
    """Check the route's required parameters and, when ``strict``, that it knows every one.

    Raises:
        ApiFailure: 400 with the route's code for a missing parameter, 400 / 12301 for a URL
            longer than 200 characters, 400 / 20001 for unknown ones.
    """
    check_urls(params)
    for name, code in route.required:
        if not params.get(name, "").strip():
            raise ApiFailure(400, code, f"{name} is required")
    if strict:
        unknown = sorted(set(params) - route.params)
        if unknown:
            raise ApiFailure(400, 20001, f"Unknown parameters: {', '.join(unknown)}")


async def lifespan(receive: Receive, send: Send) -> None:
    """Answer the ``lifespan`` scope: start up and shut down at once."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
