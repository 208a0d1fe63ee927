"""Reading the platform's error answers, in JSON or XML, into the matching exception.

JSON: ``{"status": 400, "message": "...", "code": 70001, "more_info": "https://..."}``.
XML: ``<Response><RestException><Status>403</Status><Message>...</Message><Code>10004</Code>
<MoreInfo>...</MoreInfo></RestException></Response>``. Anything else (an HTML page from a proxy,
an empty body) still gives an :class:`ApiError` with the HTTP status and reason phrase.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import (
    ApiError,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ServerError,
)

__all__ = ["parse_error_body", "to_error"]

_INVALID_CREDENTIALS = 10004


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _from_json(content: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(content)
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("RestException"), dict):
        data = data["RestException"]
    if not isinstance(data, dict):
        return None
    lowered = {str(key).lower(): value for key, value in data.items()}
    return {
        "status": _int(lowered.get("status")),
        "code": _int(lowered.get("code")),
        "message": str(lowered.get("message") or ""),
        "more_info": str(lowered.get("more_info") or lowered.get("moreinfo") or ""),
    }


def _from_xml(content: bytes) -> dict[str, Any] | None:
    # Imported for the first XML error body only: importing the client stays free of lxml.
    from lxml import etree

    # Entities, DTDs and the network are off: the body comes from the network.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError:
        return None
    node = root if root.tag == "RestException" else root.find("RestException")
    if node is None:
        return None

    def text(tag: str) -> str:
        child = node.find(tag)
        return (child.text or "").strip() if child is not None else ""

    return {
        "status": _int(text("Status")),
        "code": _int(text("Code")),
        "message": text("Message"),
        "more_info": text("MoreInfo"),
    }


def parse_error_body(content: bytes, content_type: str = "") -> dict[str, Any]:
    """Read ``status``, ``code``, ``message`` and ``more_info`` from an error body.

    Args:
        content: The body.
        content_type: The ``Content-Type`` header; the body is sniffed when it is not telling.

    Returns:
        The four fields; ``status`` and ``code`` are ``None`` and the strings empty when absent.
    """
    stripped = content.lstrip()
    first = "xml" if stripped.startswith(b"<") else "json"
    if "xml" in content_type:
        first = "xml"
    readers = (_from_xml, _from_json) if first == "xml" else (_from_json, _from_xml)
    for reader in readers:
        fields = reader(stripped)
        if fields is not None:
            return fields
    return {"status": None, "code": None, "message": "", "more_info": ""}


def to_error(
    status: int,
    content: bytes,
    content_type: str,
    *,
    reason: str,
    method: str,
    url: str,
    retry_after: float | None = None,
) -> ApiError:
    """Build the exception for an error answer; the HTTP status decides the class.

    Args:
        status: The HTTP status.
        content: The body.
        content_type: The ``Content-Type`` header.
        reason: The HTTP reason phrase, the message when the body has none.
        method: The request method.
        url: The request URL.
        retry_after: The ``Retry-After`` delay in seconds, for :class:`RateLimitError`.
    """
    fields = parse_error_body(content, content_type)
    code: int | None = fields["code"]
    message: str = fields["message"] or reason or "error"
    more_info: str = fields["more_info"]
    if status == 429:
        return RateLimitError(
            status, code, message, more_info, method=method, url=url, retry_after=retry_after
        )
    kind: type[ApiError] = ApiError
    if status == 401 or code == _INVALID_CREDENTIALS:
        kind = AuthenticationError
    elif status == 404:
        kind = NotFoundError
    elif status >= 500:
        kind = ServerError
    return kind(status, code, message, more_info, method=method, url=url)
