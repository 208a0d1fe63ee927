"""InboundXML: build, validate, render and parse the markup of the Avaya Communications APIs.

Build a document from verb objects; every value is checked as it is given, against the
platform's documented rules, and errors carry the platform's own error codes::

    from inboundxml import Gather, Redirect, Response, Say

    doc = Response(
        Gather(Say("Press 1 for sales"), action="/menu", num_digits=1, timeout=5),
        Say("We did not get your answer"),
        Redirect("/voice"),
    )
    body = doc.to_bytes()

Parse a document back into the same objects with :func:`parse`.

The parser (and with it lxml) is imported on first use of :func:`parse` or :func:`check`, so
code that only builds documents, or only needs :class:`CPaaSError` (the REST client), does
without it.
"""

import typing as _typing

from ._element import Element
from ._values import UrlResolver, use_url_resolver
from .errors import CPaaSError, InboundXMLError, Problem

if _typing.TYPE_CHECKING:  # imported on first use (see __getattr__)
    from ._parse import check, parse
from .verbs import (
    Agent,
    Answer,
    Conference,
    Connect,
    Dial,
    Gather,
    GetSpeech,
    Hangup,
    Mms,
    Number,
    Pause,
    Ping,
    Play,
    PlayLastRecording,
    Record,
    Redirect,
    Refer,
    Reject,
    Response,
    Say,
    Sip,
    Sms,
    User,
)

__all__ = [
    "Agent",
    "Answer",
    "CPaaSError",
    "Conference",
    "Connect",
    "Dial",
    "Element",
    "Gather",
    "GetSpeech",
    "Hangup",
    "InboundXMLError",
    "Mms",
    "Number",
    "Pause",
    "Ping",
    "Play",
    "PlayLastRecording",
    "Problem",
    "Record",
    "Redirect",
    "Refer",
    "Reject",
    "Response",
    "Say",
    "Sip",
    "Sms",
    "UrlResolver",
    "User",
    "check",
    "parse",
    "use_url_resolver",
]


def __getattr__(name: str) -> _typing.Any:
    """Import :func:`parse` and :func:`check` on first use, then keep them in the package."""
    if name in ("check", "parse"):
        from . import _parse

        value = getattr(_parse, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'inboundxml' has no attribute {name!r}")
