"""Response bodies of the fake platform: items, pages and errors in JSON, XML, CSV and text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    "MEDIA_TYPES",
    "ApiFailure",
    "Body",
    "Item",
    "Page",
    "Text",
    "error_body",
    "render",
]

MEDIA_TYPES: Final[Mapping[str, str]] = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}

MORE_INFO: Final = "http://www.zang.io/docs/api/rest/overview/errors/{code}"

# The messages of the codes the fake answers with, as in the platform's error dictionary.
MESSAGES: Final[Mapping[int, str]] = {
    0: "Injected failure",
    10004: "Invalid credentials supplied",
    10022: "REST API call rejected with incorrect parameters",
    20001: "Unknown parameters",
    20002: "Invalid FriendlyName",
    20004: "Method not allowed",
    20006: "Access Denied",
    21201: "No 'To' number specified",
    21204: "Call could not be found",
    21205: "Invalid URL",
    21213: "'From' phone number is required",
    21220: "Invalid call state",
    21221: "Call is not active. Resource access is allowed only for active (live) calls",
    21227: "SID Could not be found",
    21401: "Invalid Phone Number",
    21408: "No PhoneNumber or AreaCode POSTed",
    21501: "Resource not available",
    21507: "Recording parameter 'direction' must be one of 'in', 'out' or 'both'",
    21509: "Recording could not be stopped",
    21602: "Message body is required",
    21603: "'From' phone number is required to send an SMS",
    21604: "'To' phone number is required to send an SMS",
    31023: "Invalid Nickname provided. You need to provide nickname in order to generate "
    "application client token",
    32000: "Invalid source number provided",
    32001: "Invalid destination number provided",
    32005: "Invalid Date filter provided",
    50006: "Fatal error transcribing audio due to missing or invalid media url",
    60000: "POST, PUT, DELETE methods are not allowed",
    60001: "Only POST method is allowed",
    60002: "Only POST and DELETE methods are allowed",
    61003: "Invalid or missing Play URL",
    62000: "Invalid username provided. Please make sure to pass valid username in order to "
    "create SIP credential",
    62001: "Invalid password provided. Please make sure to pass valid password in order to "
    "create SIP credential",
    62002: "SIP credential for specified username already exist. Please pick different username",
    62003: "Invalid password provided. Please make sure to pass valid password in order to "
    "updated SIP credential",
    62004: "Invalid ip address provided. Please make sure to pass valid ip address in order to "
    "update record",
    62005: "Invalid ip address provided. Please make sure to pass valid ip address in order to "
    "create record",
    62006: "Domain name is not valid. Please make sure domain name is set and contains only "
    "letters, digits and/or dash",
    62007: "Domain name is not available. Please pick another name",
    62008: "Invalid ip access control list sid provided. Please sure one exist first",
    62009: "IP access control list is already assigned to domain",
    62011: "IP access control list is not assigned to domain. Removal rejected",
    62012: "Invalid credential list sid provided. Please sure one exist first",
    62013: "Credential list is already assigned to domain",
    62015: "Credential list is not assigned to domain. Removal rejected",
    62016: "Ip address already exist for specified ip access control list",
}


class ApiFailure(Exception):  # noqa: N818 - internal control flow, never leaves the app
    """Raised inside a handler to answer with the platform's error body."""

    def __init__(self, status: int, code: int, message: str | None = None) -> None:
        self.status = status
        self.code = code
        self.message = message or MESSAGES.get(code, "Error")
        super().__init__(f"{status} {code} {self.message}")


@dataclass(frozen=True, slots=True)
class Item:
    """One resource: ``element`` names it in XML (``""``: ``data`` is a one-key wrapper)."""

    element: str
    data: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list.

    Attributes:
        element: The XML element of an item, or ``""`` when every item is a one-key mapping
            whose key names it (fraud rules).
        list_key: The JSON key of the list.
        items: The items on this page.
        paging: The paging fields, in wire order.
    """

    element: str
    list_key: str
    items: list[Mapping[str, Any]]
    paging: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Text:
    """A plain body (a transcription's ``.txt``)."""

    text: str


Body = Item | Page | Text


def camel(name: str) -> str:
    """The XML element name of a JSON field: ``account_sid`` -> ``AccountSid``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml_element(name: str, value: Any, out: list[str]) -> None:
    tag = camel(name)
    if isinstance(value, Mapping):
        out.append(f"<{tag}>")
        for key, child in value.items():
            _xml_element(key, child, out)
        out.append(f"</{tag}>")
    else:
        out.append(f"<{tag}>{escape(_scalar(value))}</{tag}>")


def _xml_items(element: str, items: Iterable[Mapping[str, Any]], out: list[str]) -> None:
    for item in items:
        if element:
            _xml_element(element, item, out)
        else:
            for key, value in item.items():
                _xml_element(key, value, out)


_XML_PAGING: Final = {
    "page_size": "pagesize",
    "num_pages": "numpages",
    "first_page_uri": "firstpageuri",
    "previous_page_uri": "previouspageuri",
    "next_page_uri": "nextpageuri",
    "last_page_uri": "lastpageuri",
}


def _xml(body: Item | Page) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<Response>']
    if isinstance(body, Item):
        _xml_items(body.element, [body.data], out)
    else:
        attrs = "".join(
            f" {_XML_PAGING.get(key, key)}={quoteattr(_scalar(value))}"
            for key, value in body.paging.items()
        )
        tag = camel(body.list_key)
        out.append(f"<{tag}{attrs}>")
        _xml_items(body.element, body.items, out)
        out.append(f"</{tag}>")
    out.append("</Response>")
    return "".join(out).encode()


def _flat(item: Mapping[str, Any]) -> dict[str, str]:
    """One CSV row: scalar fields only; a one-key wrapper (fraud rules) is unwrapped."""
    if len(item) == 1:
        (inner,) = item.values()
        if isinstance(inner, Mapping):
            return _flat(inner)
    return {key: _scalar(value) for key, value in item.items() if not isinstance(value, Mapping)}


def _csv(items: list[Mapping[str, Any]]) -> bytes:
    rows = [_flat(item) for item in items]
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue().encode()


def render(body: Body, fmt: str) -> bytes:
    """Encode a body in the requested format (``json``, ``xml``, ``csv`` or ``txt``).

    Text is only meaningful for :class:`Text`; an item asked for as CSV is a header row and
    its one row.
    """
    if isinstance(body, Text):
        return body.text.encode()
    if fmt == "xml":
        return _xml(body)
    if isinstance(body, Page):
        if fmt == "csv":
            return _csv(body.items)
        return json.dumps({**body.paging, body.list_key: body.items}).encode()
    if fmt == "csv":
        return _csv([body.data])
    return json.dumps(body.data).encode()


def error_body(failure: ApiFailure, fmt: str) -> tuple[bytes, str]:
    """The platform's error body for ``failure``: JSON for ``.json`` requests, else XML."""
    more_info = MORE_INFO.format(code=failure.code)
    if fmt == "json":
        payload = {
            "status": failure.status,
            "message": failure.message,
            "code": failure.code,
            "more_info": more_info,
        }
        return json.dumps(payload).encode(), MEDIA_TYPES["json"]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Response><RestException>'
        f"<Status>{failure.status}</Status><Message>{escape(failure.message)}</Message>"
        f"<Code>{failure.code}</Code><MoreInfo>{escape(more_info)}</MoreInfo>"
        "</RestException></Response>"
    )
    return xml.encode(), MEDIA_TYPES["xml"]
