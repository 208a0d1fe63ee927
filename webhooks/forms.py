"""Reading and decoding webhook parameters: the body stream, the query string, the form.

The platform sends parameters either in the query string (GET) or in an
``application/x-www-form-urlencoded`` body (POST, the default); both may arrive together. The
decoder here is strict, because a webhook body that is not well-formed did not come from the
platform: bad percent-escapes, invalid UTF-8 and NUL characters are rejected with
:class:`~webhooks.errors.BadRequest` instead of being replaced silently.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final

from webhooks.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType

__all__ = [
    "DEFAULT_MAX_BODY_SIZE",
    "FORM_CONTENT_TYPE",
    "MAX_FIELDS",
    "media_type",
    "parse_json_object",
    "parse_urlencoded",
    "read_body",
]

DEFAULT_MAX_BODY_SIZE: Final = 64 * 1024
"""Largest accepted body in bytes (64 KiB); the platform's forms are a few hundred bytes."""

FORM_CONTENT_TYPE: Final = "application/x-www-form-urlencoded"
"""The media type of the platform's form bodies (the only one accepted, besides agent JSON)."""

MAX_FIELDS: Final = 1000
"""Most parameters accepted in one request (query string and body together)."""

_HEX_CHAR: Final[dict[str, str]] = {
    a + b: chr(int(a + b, 16)) for a in "0123456789abcdefABCDEF" for b in "0123456789abcdefABCDEF"
}
_SEPARATOR_SAFE: Final = {**_HEX_CHAR, "26": "\x00a", "3D": "\x00e", "3d": "\x00e"}
_UTF8_CHARSETS: Final = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})

_MEDIA_TYPES: dict[bytes, str] = {}

Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]


def _unquote(text: str, table: dict[str, str] = _HEX_CHAR) -> str:
    """Decode the ``%XX`` escapes of ``text`` (``+`` is already a space; NUL is checked before).

    Each escape becomes the Latin-1 character of its byte, so the bytes turn into UTF-8 text in
    one ``encode``/``decode`` step.
    """
    head, *rest = text.split("%")
    get = table.get
    pieces = [head]
    for chunk in rest:
        char = get(chunk[:2])
        if char is None:
            raise BadRequest(f"invalid percent-encoding {'%' + chunk[:2]!r} in the parameters")
        pieces.append(char)
        pieces.append(chunk[2:])
    if text.isascii():
        joined = "".join(pieces)
        if joined.isascii():
            return joined
    else:  # raw non-ASCII text between the escapes: turn it into its UTF-8 bytes first
        joined = "".join(p if i % 2 else p.encode().decode("latin-1") for i, p in enumerate(pieces))
    try:
        return joined.encode("latin-1").decode()
    except UnicodeDecodeError:
        raise BadRequest("percent-encoded parameter is not valid UTF-8") from None


def parse_urlencoded(data: bytes, into: dict[str, str] | None = None) -> dict[str, str]:
    """Decode ``application/x-www-form-urlencoded`` data strictly.

    Later occurrences of a key overwrite earlier ones, and keys already in ``into`` are
    overwritten too: pass the decoded query string as ``into`` to let the body win.

    Args:
        data: The raw query string or body.
        into: A mapping to add the parameters to (a new dict if omitted).

    Returns:
        The mapping of parameter names to values.

    Raises:
        BadRequest: On invalid UTF-8, a bad ``%`` escape, a NUL character, an empty parameter
            name or more than 1000 parameters.

    Example:
        >>> parse_urlencoded(b"From=%2B15551234567&Body=hi+there")
        {'From': '+15551234567', 'Body': 'hi there'}
    """
    params: dict[str, str] = {} if into is None else into
    if not data:
        return params
    try:
        text = data.decode()
    except UnicodeDecodeError:
        raise BadRequest("parameters are not valid UTF-8") from None
    if "\x00" in text:
        raise BadRequest("NUL character in the parameters")
    if "+" in text:
        text = text.replace("+", " ")
    pairs = text.split("&")
    if len(pairs) > MAX_FIELDS:
        raise BadRequest(f"more than {MAX_FIELDS} parameters")
    if "%" not in text:
        for pair in pairs:
            if pair:
                key, _, value = pair.partition("=")
                if not key:
                    raise BadRequest("parameter with an empty name")
                params[key] = value
        return params
    if "%00" in text:
        raise BadRequest("NUL character in the parameters")
    # Decode the whole text at once; escaped separators become NUL-marked placeholders (NUL
    # cannot occur otherwise) so that splitting afterwards stays right.
    text = _unquote(text, _SEPARATOR_SAFE)
    marked = "\x00" in text
    for pair in text.split("&"):
        if pair:
            key, _, value = pair.partition("=")
            if marked:
                key, value = _unmark(key), _unmark(value)
            if not key:
                raise BadRequest("parameter with an empty name")
            params[key] = value
    return params


def _unmark(text: str) -> str:
    if "\x00" in text:
        return text.replace("\x00a", "&").replace("\x00e", "=")
    return text


def parse_json_object(data: bytes, into: dict[str, str] | None = None) -> dict[str, str]:
    """Decode a JSON object body into string parameters (used only for Dialogflow callbacks).

    Top-level strings are kept as they are, other values as their compact JSON text.

    Args:
        data: The raw body.
        into: A mapping to add the parameters to (a new dict if omitted).

    Returns:
        The mapping of parameter names to values.

    Raises:
        BadRequest: If the body is not a UTF-8 JSON object.
    """
    params: dict[str, str] = {} if into is None else into
    try:
        obj = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("body is not valid JSON") from None
    if not isinstance(obj, dict):
        raise BadRequest("JSON body is not an object")
    for key, value in obj.items():
        params[key] = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return params


def media_type(content_type: bytes | None) -> str:
    """Return the lower-cased media type of a ``Content-Type`` value, checking its charset.

    Args:
        content_type: The raw header value, or ``None`` if absent.

    Returns:
        The media type without parameters (``""`` if there was no header).

    Raises:
        UnsupportedMediaType: If the header is not ASCII or names a charset other than UTF-8.
    """
    if content_type is None:
        return ""
    known = _MEDIA_TYPES.get(content_type)
    if known is not None:
        return known
    mime = _media_type(content_type)
    if len(_MEDIA_TYPES) < 64:  # the platform sends one or two spellings; bound the cache
        _MEDIA_TYPES[content_type] = mime
    return mime


def _media_type(content_type: bytes) -> str:
    try:
        text = content_type.decode("ascii").lower()
    except UnicodeDecodeError:
        raise UnsupportedMediaType("Content-Type header is not ASCII") from None
    mime, _, rest = text.partition(";")
    for param in rest.split(";"):
        name, _, value = param.partition("=")
        if name.strip() == "charset" and value.strip().strip('"') not in _UTF8_CHARSETS:
            raise UnsupportedMediaType(f"unsupported charset {value.strip()!r}; send UTF-8")
    return mime.strip()


async def read_body(
    receive: Receive,
    limit: int,
    declared: bytes | None,
    first: MutableMapping[str, Any] | None = None,
) -> bytes:
    """Read a request body from an ASGI ``receive`` channel, stopping as soon as it is too long.

    Args:
        receive: The ASGI receive callable.
        limit: The largest accepted size in bytes.
        declared: The raw ``Content-Length`` header, if any; checked before reading.
        first: The first message, if the caller has received it already.

    Returns:
        The whole body.

    Raises:
        BadRequest: If ``Content-Length`` is not a number or the client disconnected.
        PayloadTooLarge: If the body is (or is declared to be) longer than ``limit``.
    """
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest("Content-Length is not a number")
        if int(declared) > limit:
            raise PayloadTooLarge(f"body larger than {limit} bytes")
    message = first if first is not None else await receive()
    body: bytes = message.get("body", b"")
    if not message.get("more_body", False):
        if message["type"] == "http.disconnect":
            raise BadRequest("client disconnected")
        if len(body) > limit:
            raise PayloadTooLarge(f"body larger than {limit} bytes")
        return body
    chunks = [body]
    size = len(body)
    while message.get("more_body", False):
        message = await receive()
        if message["type"] == "http.disconnect":
            raise BadRequest("client disconnected")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
