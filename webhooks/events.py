"""Typed events: what the platform sends to each kind of webhook URL.

The platform sends no event type, so the route decides which class an incoming request becomes.
Parameter names the platform documents are typed attributes in snake_case (``CallSid`` ->
``call_sid``, ``From`` -> ``from_``); every other parameter is kept, as sent, in
:attr:`Event.extra`. Where the platform's parameter names are unknown (see the docstrings), a field
named after the nearest documented convention is typed and optional, and the raw parameter is
still reachable through ``extra`` if the guess is wrong.

Status and direction values are *open* enums: the documented values are members, anything else
passes through as a member created on the fly (``CallDirection("outbound")`` works).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Binding (what an app attaches to the events it dispatches) is importable here, not exported.
from webhooks._event_base import Binding as Binding
from webhooks._event_base import CallsAPI, ClientProtocol, Event, OptionalInt, param
from webhooks._open_enums import (
    CallDirection,
    CallStatus,
    ConferenceStatus,
    MessageDirection,
    MessageStatus,
    TranscriptionStatus,
)

__all__ = [
    "AgentEvent",
    "CallDirection",
    "CallEvent",
    "CallStatus",
    "CallsAPI",
    "ClientProtocol",
    "ConferenceEvent",
    "ConferenceStatus",
    "DialEvent",
    "Event",
    "FallbackEvent",
    "GatherEvent",
    "GetSpeechEvent",
    "HeartbeatEvent",
    "MessageDirection",
    "MessageStatus",
    "MmsEvent",
    "PingEvent",
    "RecordEvent",
    "RecordingEvent",
    "ReferEvent",
    "SmsActionEvent",
    "SmsEvent",
    "SmsStatusEvent",
    "StatusEvent",
    "TranscriptionEvent",
    "TranscriptionStatus",
    "VoiceEvent",
    "event_json_schemas",
    "write_event_schemas",
]


class CallEvent(Event):
    """The parameters sent with every voice-related request (spec §3)."""

    call_sid: str = param("CallSid", "The call this request belongs to (`CA` + 32 hex).", ...)
    account_sid: str = param("AccountSid", "The account (`AC` + 32 hex).", ...)
    from_: str | None = param("From", "Calling number or SIP URI (normalised when possible).")
    to: str | None = param("To", "Called number or SIP URI.")
    call_status: CallStatus | None = param("CallStatus", "Status of the call at this moment.")
    direction: CallDirection | None = param("Direction", "Direction of the call.")
    api_version: str | None = param("ApiVersion", "`v1` on TelAPI, `v2` on Zang/Avaya.")
    caller_name: str | None = param("CallerName", "Name registered to the calling phone.")
    url_base: str | None = param("UrlBase", "Document URL used when the call connected.")
    forwarded_from: str | None = param("ForwardedFrom", "Number the call was forwarded from.")

    @property
    def web_client_params(self) -> dict[str, str]:
        """Parameters a browser client passed when placing the call (``WebClientParam_<name>``)."""
        prefix = "WebClientParam_"
        return {k[len(prefix) :]: v for k, v in self.extra.items() if k.startswith(prefix)}


class VoiceEvent(CallEvent):
    """A document request for a call: the Voice URL of a number, a REST call's ``Url``, Redirect."""


class FallbackEvent(VoiceEvent):
    """A fallback URL request, made when the primary document failed (error fields unknown)."""


class GatherEvent(CallEvent):
    """``<Gather action>``: the digits entered (speech results arrive in ``extra``)."""

    digits: str = param("Digits", "Digits entered, without the finish key.", "")


class GetSpeechEvent(CallEvent):
    """``<GetSpeech action>``: the recognition result (parameter names unknown: ``extra``)."""


class RecordEvent(CallEvent):
    """``<Record action>``: the recording just made."""

    recording_url: str | None = param("RecordingUrl", "URL of the recording.")
    recording_duration: OptionalInt = param("RecordingDuration", "Length in seconds.")
    digits: str | None = param("Digits", "Key that ended the recording (name unverified).")


class DialEvent(CallEvent):
    """``<Dial action>`` or ``callbackUrl``: the dialled leg's result.

    The platform's names for these fields are unknown; the typed ones follow the common
    ``DialCall*`` convention and are ``None`` when absent.
    """

    dial_call_sid: str | None = param("DialCallSid", "Sid of the dialled leg (unverified).")
    dial_call_status: CallStatus | None = param(
        "DialCallStatus", "Status of the dialled leg (unverified name)."
    )
    dial_call_duration: OptionalInt = param("DialCallDuration", "Seconds (unverified name).")


class StatusEvent(CallEvent):
    """A call status callback, sent when the call connects and when it ends."""

    @property
    def is_final(self) -> bool:
        """Whether this callback reports the end of the call."""
        return self.call_status is not None and self.call_status.is_final


class HeartbeatEvent(CallEvent):
    """Sent every 60 s during a call that has lasted at least 60 s."""


class PingEvent(CallEvent):
    """``<Ping>``: a notification; the answer is ignored."""


class ReferEvent(CallEvent):
    """``<Refer action>`` (transfer failed or timed out) or ``callbackUrl`` (transfer status)."""


class SmsEvent(Event):
    """An inbound SMS at a number's SMS URL."""

    from_: str = param("From", "Sending number.", ...)
    to: str = param("To", "Your number.", ...)
    body: str = param("Body", "Message text.", ...)


class MmsEvent(Event):
    """An inbound MMS (media fields are unknown and stay in ``extra``)."""

    from_: str = param("From", "Sending number.", ...)
    to: str = param("To", "Your number.", ...)
    body: str = param("Body", "Message text, possibly empty.", "")


class SmsActionEvent(Event):
    """``<Sms action>``/``<Mms action>``: the outcome of a message sent from a document."""

    from_: str | None = param("From", "Number of the call or message.")
    to: str | None = param("To", "Number of the call or message.")
    sms_sid: str | None = param("SmsSid", "Sid of the sent message (unverified name).")
    sms_status: MessageStatus | None = param("SmsStatus", "`sent` or `failed` (unverified).")
    body: str | None = param("Body", "Text of the sent message.")


class SmsStatusEvent(SmsActionEvent):
    """A message ``statusCallback``: the outcome of a send (field names unverified)."""


class RecordingEvent(Event):
    """A recording callback, posted once a recording is processed (names unverified)."""

    recording_sid: str | None = param("RecordingSid", "Sid of the recording (`RE`...).")
    recording_url: str | None = param("RecordingUrl", "URL of the recording.")
    recording_duration: OptionalInt = param("RecordingDuration", "Length in seconds.")


class TranscriptionEvent(Event):
    """A transcription callback (names follow the Transcription resource; unverified)."""

    transcription_sid: str | None = param("TranscriptionSid", "Sid of the transcription.")
    transcription_status: TranscriptionStatus | None = param(
        "TranscriptionStatus", "Status of the transcription."
    )
    transcription_text: str | None = param("TranscriptionText", "The text.")
    recording_sid: str | None = param("RecordingSid", "Sid of the transcribed recording.")
    recording_url: str | None = param("RecordingUrl", "URL of the transcribed audio.")


class ConferenceEvent(Event):
    """``<Conference callbackUrl>``: a participant entered or left, or the conference ended."""

    conference_sid: str | None = param("ConferenceSid", "Sid of the conference (unverified).")
    conference_status: ConferenceStatus | None = param(
        "ConferenceStatus", "Status of the conference (unverified name)."
    )
    from_: str | None = param("From", "Participant's number.")
    to: str | None = param("To", "Number called.")


class AgentEvent(Event):
    """A Dialogflow agent callback (``Callback_url`` or ``Event_callback_url``); format unknown.

    Form and JSON bodies are both accepted; everything arrives in ``extra``.
    """


EVENT_CLASSES: tuple[type[Event], ...] = (
    AgentEvent,
    CallEvent,
    ConferenceEvent,
    DialEvent,
    FallbackEvent,
    GatherEvent,
    GetSpeechEvent,
    HeartbeatEvent,
    MmsEvent,
    PingEvent,
    RecordEvent,
    RecordingEvent,
    ReferEvent,
    SmsActionEvent,
    SmsEvent,
    SmsStatusEvent,
    StatusEvent,
    TranscriptionEvent,
    VoiceEvent,
)
"""Every event class, in the order of their names."""


def event_json_schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema of every event class, by class name, as the platform spells fields."""
    return {c.__name__: c.model_json_schema(by_alias=True) for c in EVENT_CLASSES}


def write_event_schemas(directory: Path) -> list[Path]:
    """Write ``<EventName>.json`` for every event class into ``directory``.

    Args:
        directory: Target directory (``schema/events`` in the repository); created if missing.

    Returns:
        The files written.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in event_json_schemas().items():
        path = directory / f"{name}.json"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
