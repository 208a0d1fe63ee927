"""The simulator's data: errors, parameter names, scripted outcomes, transcript steps, records.

Everything here is plain frozen data so tests can compare it with ``==`` and read it in
assertion messages.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Literal

from inboundxml import Response
from inboundxml.errors import CPaaSError

__all__ = [
    "Answered",
    "DialOutcome",
    "Dialed",
    "Gathered",
    "HungUp",
    "ParameterNames",
    "Paused",
    "Pinged",
    "Played",
    "Pressed",
    "Recorded",
    "Redirected",
    "Referred",
    "RoomEvent",
    "SentDigits",
    "SentMessage",
    "SimNotification",
    "SimRequest",
    "SimulationError",
    "Spoke",
    "Step",
    "TalkedToAgent",
    "new_sid",
]

DialStatus = Literal["answered", "busy", "no-answer", "failed"]
AnsweredBy = Literal["human", "machine"]


class SimulationError(CPaaSError):
    """The simulation cannot do what the test asked (e.g. keys pressed with no Gather waiting).

    The message always says what the call is doing at that moment.
    """


def new_sid(prefix: str) -> str:
    """A fresh platform Sid: ``prefix`` followed by 32 lower-case hex digits."""
    return prefix + secrets.token_hex(16)


@dataclass(frozen=True, slots=True)
class ParameterNames:
    """Names of the request parameters the platform's documentation does not give.

    ``spec/webhooks.md`` marks these names **[unknown]**. The defaults follow the nearest
    documented convention (the ``DialCall*`` names the toolkit's ``DialEvent`` reads, the
    Transcription resource's fields, the ``Sms*`` names of the old TelAPI pages). Override any
    of them to match what your deployment actually sends::

        Simulator(app, names=ParameterNames(speech_result="Speech"))

    Attributes:
        dial_call_sid: Dial ``action``/``callbackUrl``: Sid of the dialled leg.
        dial_call_status: Dial ``action``/``callbackUrl``: outcome of the dialled leg
            (``completed``, ``busy``, ``no-answer``, ``failed``; ``in-progress`` on connect).
        dial_call_duration: Dial ``action``/``callbackUrl``: seconds the dialled leg lasted.
        speech_result: Gather/GetSpeech ``action``: the recognised words.
        sms_sid: Sms/Mms ``action`` and ``statusCallback``: Sid of the sent message.
        sms_status: Sms/Mms ``action`` and ``statusCallback``: ``sent`` or ``failed``.
        transcription_text: transcription callback: the text.
        transcription_status: transcription callback: ``completed`` or ``failed``.
        transcription_sid: transcription callback: Sid of the transcription.
        recording_sid: Record ``action`` and transcription callback: Sid of the recording.
        heartbeat_duration: heartbeat (and final status) callbacks: seconds elapsed.
        conference_sid: Conference ``callbackUrl``: Sid of the room.
        conference_name: Conference ``callbackUrl``: the room's name.
        conference_status: Conference ``callbackUrl``: ``init``/``in-progress``/``completed``.
        conference_event: Conference ``callbackUrl``: ``enter``, ``exit`` or ``end``.
        refer_status: Refer ``action``/``callbackUrl``: ``completed``, ``failed`` or
            ``timeout``.
        agent_sid: Connect ``action``: the Agent Sid.
        agent_status: Connect ``action``: ``completed`` or ``failed``.
        agent_result: Connect ``action``: the conversation's result, if scripted.
        answered_by: Dial ``action``/``callbackUrl`` and ``ifMachineUrl`` of a Dial with
            ``ifMachine``: ``human`` or ``machine`` (the Call resource's ``answered_by``).
        parent_call_sid: requests made for a dialled leg (``Number@url``, ``ifMachineUrl``):
            the caller's CallSid (the Call resource's ``parent_call_sid``).
        dial_digits: Dial and Conference ``callbackUrl``: the ``digitsMatch`` pattern the
            caller typed (named like Gather's documented ``Digits``).
        conference_muted: Conference ``callbackUrl``: ``true`` if the participant the event
            is about joined muted (the Participant resource's ``muted``).
    """

    dial_call_sid: str = "DialCallSid"
    dial_call_status: str = "DialCallStatus"
    dial_call_duration: str = "DialCallDuration"
    speech_result: str = "SpeechResult"
    sms_sid: str = "SmsSid"
    sms_status: str = "SmsStatus"
    transcription_text: str = "TranscriptionText"
    transcription_status: str = "TranscriptionStatus"
    transcription_sid: str = "TranscriptionSid"
    recording_sid: str = "RecordingSid"
    heartbeat_duration: str = "CallDuration"
    conference_sid: str = "ConferenceSid"
    conference_name: str = "FriendlyName"
    conference_status: str = "ConferenceStatus"
    conference_event: str = "ConferenceEvent"
    refer_status: str = "ReferStatus"
    agent_sid: str = "AgentSid"
    agent_status: str = "AgentStatus"
    agent_result: str = "AgentResult"
    answered_by: str = "AnsweredBy"
    parent_call_sid: str = "ParentCallSid"
    dial_digits: str = "Digits"
    conference_muted: str = "Muted"


@dataclass(frozen=True, slots=True)
class DialOutcome:
    """What the dialled party (or a Refer target, or an Agent) does, scripted by the test.

    Attributes:
        outcome: ``answered``, ``busy``, ``no-answer`` or ``failed``.
        duration: Seconds the bridged call lasts when answered (capped by ``Dial@timeLimit``).
        answered_by: ``human``, or ``machine`` for an answering machine (what a Dial with
            ``ifMachine`` then does is in ``docs/simulator.md``).
        ring: Seconds it rings before answering (the caller hears ``dialMusic`` meanwhile);
            as long as the Dial's ``timeout`` or longer: nobody answers.
    """

    outcome: DialStatus = "answered"
    duration: float = 30.0
    answered_by: AnsweredBy = "human"
    ring: float = 0.0


# -- transcript steps ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spoke:
    """``<Say>``: text spoken to the caller (once per loop round).

    Attributes:
        text: The words.
        voice: ``female`` or ``male``.
        language: The TTS language.
        at: Virtual seconds since the call connected when the speech started.
    """

    text: str
    voice: str = "female"
    language: str = "en"
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Played:
    """``<Play>`` or ``<PlayLastRecording>``: audio played (once per loop round)."""

    url: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Paused:
    """``<Pause>``: silence."""

    seconds: float
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Gathered:
    """``<Gather>``/``<GetSpeech>`` finished: the input, or a timeout (``timed_out``)."""

    digits: str
    speech: str | None = None
    timed_out: bool = False
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Recorded:
    """``<Record>`` finished (foreground) or started (background)."""

    url: str
    duration: float
    background: bool = False
    transcription: str | None = None
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Dialed:
    """``<Dial>`` finished: who was dialled and what happened."""

    targets: tuple[str, ...]
    outcome: str
    duration: float
    call_sid: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Pressed:
    """Keys the caller pressed during a bridged Dial or in a conference room
    (``hangupOnStar``, ``digitsMatch``).

    Attributes:
        keys: The keys, in order.
        matched: The ``digitsMatch`` patterns they completed, in order.
        hung_up: Whether ``*`` ended the dialled call or left the room (``hangupOnStar``).
    """

    keys: str
    matched: tuple[str, ...] = ()
    hung_up: bool = False
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class SentDigits:
    """``sendDigits``: DTMF played to the called party after it answered (``w`` = 0.5 s)."""

    digits: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class RoomEvent:
    """Something happened to the call in a conference room.

    ``event`` is ``enter`` or ``exit``, or ``full`` when the room had ``maxParticipants``
    already and the call did not enter.
    """

    room: str
    event: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class SentMessage:
    """``<Sms>``/``<Mms>``: a message the document sent (also listed in ``sim.messages``)."""

    kind: str
    to: str
    from_: str
    body: str
    sid: str
    media_url: str | None = None
    status: str = "sent"
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Redirected:
    """``<Redirect>``: the call moved to another document."""

    url: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Pinged:
    """``<Ping>``: a fire-and-forget request."""

    url: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Referred:
    """``<Refer>``: a SIP transfer and its scripted outcome."""

    target: str
    outcome: str
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class TalkedToAgent:
    """``<Connect><Agent>``: a conversation with a Dialogflow agent (scripted)."""

    agent_sid: str
    outcome: str
    duration: float
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Answered:
    """``<Answer>``: the call was answered explicitly."""

    at: float = 0.0


@dataclass(frozen=True, slots=True)
class HungUp:
    """The call ended.

    Attributes:
        status: The final call status (``completed``, ``busy``, ``rejected``...).
        reason: What ended it: ``hangup``, ``reject``, ``end of document``, ``caller``,
            ``error``, ``refer`` or ``api``.
        where: The element that ended it (``Response/Hangup[0]``) or ``""``.
        at: Virtual seconds since connect.
    """

    status: str
    reason: str
    where: str = ""
    at: float = 0.0


Step = (
    Spoke
    | Played
    | Paused
    | Gathered
    | Recorded
    | Dialed
    | Pressed
    | SentDigits
    | RoomEvent
    | SentMessage
    | Redirected
    | Pinged
    | Referred
    | TalkedToAgent
    | Answered
    | HungUp
)
"""Any transcript step."""


@dataclass(frozen=True, slots=True)
class SimNotification:
    """A warning or error the platform would log as a Notification resource.

    Attributes:
        code: The platform error code (12100, 12105, 11200, 12300...).
        message: What went wrong.
        url: The request URL concerned.
        level: ``error`` or ``warning``.
    """

    code: int
    message: str
    url: str = ""
    level: str = "error"


@dataclass(slots=True)
class SimRequest:
    """One request the simulated platform made to the application.

    Attributes:
        method: ``GET`` or ``POST``.
        url: The absolute URL (query string included for GET).
        params: The parameters sent (form body for POST, query for GET).
        kind: What it was for: ``voice``, ``sms``, ``fallback``, ``redirect``, ``gather``,
            ``record``, ``dial``, ``dial-callback``, ``status``, ``heartbeat``, ``ping``,
            ``transcription``, ``sms-action``, ``sms-status``, ``conference``, ``refer``,
            ``refer-callback``, ``agent``, ``interrupt``, ``record-callback``,
            ``dial-digits`` (a ``digitsMatch`` hit), ``number-url``, ``if-machine``,
            ``conference-wait``, ``dial-music``, ``confirm-sound``, ``dial-heartbeat``,
            ``conference-digits``.
        status: The HTTP status of the answer (0 when the request could not be made).
        content_type: The answer's content type.
        body: The answer's body.
        document: The parsed document for document requests that parsed, else ``None``.
        at: Virtual seconds since the call connected.
        trigger: The input that led to it (``press 1``, ``timeout``...), or ``""``.
        origin: The element of the previous document that made it (``Response/Gather[0]``),
            or ``""``.
        app_error: The exception of the app's handler that failed on it (the app answered its
            fallback document), or ``None``. In-process only: over HTTP the simulator sees the
            answer, not the server's exceptions.
    """

    method: str
    url: str
    params: dict[str, str]
    kind: str
    status: int = 0
    content_type: str = ""
    body: bytes = b""
    document: Response | None = None
    at: float = 0.0
    trigger: str = ""
    origin: str = field(default="", repr=False)
    app_error: BaseException | None = field(default=None, repr=False)
