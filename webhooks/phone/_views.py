"""What the page shows, as plain data: calls, transcript steps, requests and their documents.

The views are frozen dataclasses turned into JSON with :func:`dataclasses.asdict`; the backend
fills them from the simulator's objects, so the page never depends on the simulator's classes.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from inboundxml import InboundXMLError, parse

__all__ = [
    "BridgeView",
    "CallView",
    "ExchangeView",
    "LegView",
    "LogView",
    "ProblemView",
    "StepView",
    "document_view",
    "plain",
]


@dataclass(frozen=True, slots=True)
class ProblemView:
    """One validation problem of a document: the platform's code, where, what, which line."""

    code: int
    path: str
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class StepView:
    """One entry of the transcript.

    Attributes:
        kind: What happened, in lower case: ``say``, ``play``, ``pause``, ``gather``, ``record``,
            ``dial``, ``keys`` (pressed during a bridged Dial), ``dtmf`` (sent to a dialled
            party), ``conference``, ``sms``, ``mms``, ``redirect``, ``ping``, ``refer``,
            ``agent``, ``answer``, ``hangup``; a step kind the page does not know: its class
            name in lower case.
        text: A one-line description (the words of a Say, the URL of a Play, ...).
        at: The call's virtual clock, in seconds, when it happened (if known).
        url: A media URL the page can offer (a Play's file, a recording).
        detail: Further fields, as strings.
    """

    kind: str
    text: str
    at: float | None = None
    url: str | None = None
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExchangeView:
    """One request the simulated platform made to the app, and the answer.

    Attributes:
        method: ``GET`` or ``POST``.
        url: The URL requested.
        params: The parameters sent.
        status: The HTTP status of the answer, if known.
        xml: The answer's document: pretty-printed when valid, as received when not.
        problems: The validation problems of the document (empty when valid).
        error: A failure that is not a document problem (a failing handler, no route, an HTTP
            error, a wrong media type).
        traceback: The traceback of the app's handler that failed on this request, if any.
    """

    method: str
    url: str
    params: dict[str, str]
    status: int | None = None
    xml: str | None = None
    problems: list[ProblemView] = field(default_factory=list)
    error: str | None = None
    traceback: str | None = None


@dataclass(frozen=True, slots=True)
class LogView:
    """A log record of the app (a failing handler, an invalid document) during the call."""

    level: str
    message: str
    details: str | None = None


@dataclass(frozen=True, slots=True)
class LegView:
    """A call placed by a ``<Dial>``: whom it rang and what the called party heard.

    Attributes:
        sid: Its CallSid (``DialCallSid`` on the caller's requests).
        target: The number, SIP address or client dialled.
        status: ``ringing``, ``in-progress``, ``completed``, ``busy``, ``no-answer``...
        answered_by: ``human`` or ``machine``, if known.
        said: The words spoken to the called party.
        digits_sent: The ``sendDigits`` keys played to the called party.
        steps: The called party's transcript.
    """

    sid: str
    target: str
    status: str
    answered_by: str | None
    said: list[str]
    digits_sent: str
    steps: list[StepView]


@dataclass(frozen=True, slots=True)
class BridgeView:
    """A bridged ``<Dial>`` that listens for the caller's keys (the call waits for the user).

    Attributes:
        target: Who the caller is talking to.
        hangup_on_star: Whether ``*`` hangs up the dialled call.
        digits_match: The ``digitsMatch`` patterns reported to the Dial's ``callbackUrl``.
    """

    target: str
    hangup_on_star: bool
    digits_match: list[str]


@dataclass(frozen=True, slots=True)
class CallView:
    """The state of one simulated call, as the page shows it.

    Attributes:
        id: The page's handle of the call (``/api/calls/{id}``).
        sid: The simulated CallSid.
        status: The call status (``in-progress``, ``completed``, ``busy``, ...).
        ended: Whether the call is over.
        waiting: What the call waits for (``gather``, ``record``, ``bridge``, ``conference``,
            ``loop``), or ``None``.
        doing: One line saying what the call is doing (where it waits, how it ended).
        accepts: The input the waiting element takes: ``dtmf`` (keys), ``speech`` (a phrase),
            ``recording``; empty when only waiting or hanging up helps.
        bridge: The bridged Dial waiting for keys, if the call waits at one.
        clock: The virtual clock in seconds, if the simulator keeps one.
        from_number: The caller.
        to_number: The called number.
        path: The app's path that answered the call.
        dial_outcome: What the next Dial does: ``answered``, ``busy``, ``no-answer``...
        steps: The transcript.
        legs: The calls its Dials placed, each with what the called party heard.
        exchanges: Every request made to the app, in order.
        notifications: The platform's notifications (warnings and errors) for the call.
        messages: SMS/MMS the app sent during the call.
        log: Log records of the app during the call.
    """

    id: str
    sid: str
    status: str
    ended: bool
    waiting: str | None
    doing: str | None
    accepts: list[str]
    bridge: BridgeView | None
    clock: float | None
    from_number: str
    to_number: str
    path: str
    dial_outcome: str
    steps: list[StepView]
    legs: list[LegView]
    exchanges: list[ExchangeView]
    notifications: list[str]
    messages: list[StepView]
    log: list[LogView]

    def to_json(self) -> dict[str, Any]:
        """The view as JSON-ready data."""
        return dataclasses.asdict(self)


def document_view(body: str | bytes | None) -> tuple[str | None, list[ProblemView]]:
    """Return a document to show (pretty when valid, as received when not) and its problems.

    Args:
        body: The answer's body; ``None`` or empty for no document.
    """
    if body is None:
        return None, []
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if not text.strip():
        return text, []
    try:
        doc = parse(text)
    except InboundXMLError as exc:
        return text, problem_views(exc)
    try:
        return doc.to_xml(pretty=True), []
    except InboundXMLError as exc:
        return text, problem_views(exc)


def problem_views(exc: InboundXMLError) -> list[ProblemView]:
    """The problems of ``exc`` as views."""
    return [ProblemView(p.code, p.path, p.message, p.line) for p in exc.problems]


def plain(value: Any) -> Any:
    """Turn a simulator value (dataclass, pydantic model, enum, mapping...) into JSON data."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return plain(dump())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return str(value)
