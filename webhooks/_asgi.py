"""The raw-ASGI edge of :class:`webhooks.App`: reading a request into an event, sending answers.

Webhook routes do without Starlette's request objects: the headers are scanned once, the usual
single-message body is read without an extra coroutine, and the checks run cheapest first. What
a handler's answer becomes is decided by the app; this module only sends it.
"""

from __future__ import annotations

import re
from typing import Final

from starlette.types import Receive, Scope, Send

from webhooks.errors import BadRequest, MethodNotAllowed, PayloadTooLarge, UnsupportedMediaType
from webhooks.events import Event
from webhooks.forms import (
    FORM_CONTENT_TYPE,
    media_type,
    parse_json_object,
    parse_urlencoded,
    read_body,
)
from webhooks.routing import Route
from webhooks.security import Security

__all__ = ["check_sids", "forwarded_base", "read_event", "send_document", "send_rejection"]

_XML_HEADERS: Final = [(b"content-type", b"application/xml")]
_TEXT_HEADERS: Final = [(b"content-type", b"text/plain; charset=utf-8")]
_EXTRA_HEADERS: Final[dict[int, list[tuple[bytes, bytes]]]] = {
    401: [(b"www-authenticate", b'Basic realm="webhooks", charset="UTF-8"')],
    405: [(b"allow", b"GET, POST")],
}
_HOST_RE: Final = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")
_CALL_SID: Final = re.compile(r"CA[0-9A-Fa-f]{32}").fullmatch
_ACCOUNT_SID: Final = re.compile(r"AC[0-9A-Fa-f]{32}").fullmatch


async def read_event(
    route: Route, scope: Scope, receive: Receive, security: Security, max_body_size: int
) -> Event:
    """Check a webhook request and decode its parameters into ``route``'s event class.

    Query string and body are merged (the body wins). The cheap checks come first: the method,
    the basic credentials and the URL token before the body is read, the ``AccountSid`` last.

    Args:
        route: The matched route (its kind gives the event class and whether JSON is accepted).
        scope: The ASGI HTTP scope.
        receive: The ASGI receive channel.
        security: The app's authenticity checks.
        max_body_size: The largest accepted body in bytes.

    Raises:
        BadRequest: Or a subclass carrying the HTTP status to answer (401, 403, 405, 413, 415).
    """
    method = scope["method"]
    if method != "POST" and method != "GET":
        raise MethodNotAllowed(f"method {method} not allowed; the platform uses GET or POST")
    content_type = content_length = authorization = None
    for name, value in scope["headers"]:
        if name == b"content-type":
            content_type = value
        elif name == b"content-length":
            content_length = value
        elif name == b"authorization":
            authorization = value
    if security.basic_auth is not None:
        security.check_authorization(authorization)
    query = scope["query_string"]
    params = parse_urlencoded(query) if query else {}
    if security.token is not None:
        security.check_query_token(params)
    if method == "POST":
        limit = max_body_size
        if content_length is not None and content_length.isdigit() and int(content_length) <= limit:
            # The usual case: one message holds the whole small body; no extra coroutine.
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body"):
                body = message.get("body", b"")
                if len(body) > limit:
                    raise PayloadTooLarge(f"body larger than {limit} bytes")
            else:
                body = await read_body(receive, limit, None, message)
        else:
            body = await read_body(receive, limit, content_length)
        if body:
            mime = media_type(content_type)
            if mime == FORM_CONTENT_TYPE:
                parse_urlencoded(body, params)
            elif mime == "application/json" and route.kind.json:
                parse_json_object(body, params)
            else:
                raise UnsupportedMediaType(
                    f"body must be {FORM_CONTENT_TYPE}, got {mime or 'no Content-Type'}"
                )
    check_sids(params)
    if security.account_sid is not None:
        security.check_account(params)
    return route.kind.event.from_params(params)


def check_sids(params: dict[str, str]) -> None:
    """Check the shape of ``CallSid`` and ``AccountSid`` before anything keeps them.

    The platform's Sids are two letters and 32 hex digits (``CA`` for calls, ``AC`` for
    accounts); a session is keyed by the ``CallSid``, so a request with any other value (a 60 KB
    string, say) is refused before a session, a log line or a metric holds it.

    Raises:
        BadRequest: Naming the parameter, the allowed shape and the length that was sent.
    """
    call_sid = params.get("CallSid")
    if call_sid is not None and not _CALL_SID(call_sid):
        raise BadRequest(_bad_sid("CallSid", "CA", call_sid))
    account_sid = params.get("AccountSid")
    if account_sid is not None and not _ACCOUNT_SID(account_sid):
        raise BadRequest(_bad_sid("AccountSid", "AC", account_sid))


def _bad_sid(name: str, prefix: str, value: str) -> str:
    shown = repr(value) if len(value) <= 40 else f"{len(value)} characters"
    return f"{name} must be {prefix!r} followed by 32 hex digits, got {shown}"


def forwarded_base(scope: Scope, security: Security) -> str | None:
    """Return the ``scheme://host`` that a trusted proxy's ``X-Forwarded-*`` headers give.

    ``None`` when the peer is not a trusted proxy or the headers are not a plain scheme and host.
    """
    if not security.trusted_proxies or not security.trusts(scope.get("client")):
        return None
    headers = dict(scope["headers"])
    proto = headers.get(b"x-forwarded-proto", scope["scheme"].encode()).decode("latin-1")
    host = headers.get(b"x-forwarded-host", headers.get(b"host", b"")).decode("latin-1")
    proto = proto.rsplit(",", 1)[-1].strip().lower()
    host = host.rsplit(",", 1)[-1].strip()
    if proto not in ("http", "https") or not _HOST_RE.fullmatch(host):
        return None
    return f"{proto}://{host}"


async def send_document(send: Send, status: int, body: bytes) -> None:
    """Answer with an InboundXML document (``application/xml``), a bare 204 No Content, or a
    bare 500 (a failure the platform's Fallback URL should take over)."""
    if status == 500:
        await _send(send, 500, b"application error", _TEXT_HEADERS)
        return
    if status == 204:
        # No content: no body, no content type, and (RFC 9110) no content length.
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    await _send(send, status, body, _XML_HEADERS)


async def send_rejection(send: Send, status: int, reason: bytes) -> None:
    """Answer a rejected request: ``status`` with a one-line plain-text ``reason``."""
    await _send(send, status, reason, _TEXT_HEADERS + _EXTRA_HEADERS.get(status, []))


async def _send(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"content-length", b"%d" % len(body))],
        }
    )
    await send({"type": "http.response.body", "body": body})
