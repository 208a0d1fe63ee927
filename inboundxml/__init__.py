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
"""

from ._element import Element
from ._values import UrlResolver, use_url_resolver
from .errors import CPaaSError, InboundXMLError, Problem
from .parse import check, parse
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
