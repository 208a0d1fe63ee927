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
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ClassVar, Protocol, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic.json_schema import JsonSchemaValue

from webhooks.errors import BadRequest, ConfigurationError, SessionError
from webhooks.sessions import Session

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


class _OpenEnum(StrEnum):
    """A string enum that also accepts values it does not list (they pass through)."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> JsonSchemaValue:
        documented = ", ".join(m.value for m in cls)
        return {
            "title": cls.__name__,
            "type": "string",
            "examples": [m.value for m in cls],
            "description": f"Documented values: {documented}; other strings are passed through.",
        }


class CallStatus(_OpenEnum):
    """``CallStatus``: documented values plus the SDK's extra ones; others pass through."""

    QUEUED = "queued"
    RINGING = "ringing"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    BUSY = "busy"
    FAILED = "failed"
    NO_ANSWER = "no-answer"
    CANCELED = "canceled"
    PRE_QUEUED = "pre-queued"
    REJECTED = "rejected"
    NO_BALANCE = "no-balance"
    STRAIGHT_TO_VM = "straight-to-vm"
    UNKNOWN = "unknown"

    @property
    def is_final(self) -> bool:
        """Whether the call has ended with this status (its session can be dropped)."""
        return self in _FINAL_STATUSES


_FINAL_STATUSES = frozenset(
    {
        CallStatus.COMPLETED,
        CallStatus.BUSY,
        CallStatus.FAILED,
        CallStatus.NO_ANSWER,
        CallStatus.CANCELED,
        CallStatus.REJECTED,
        CallStatus.NO_BALANCE,
    }
)


class CallDirection(_OpenEnum):
    """``Direction`` of a call; webhooks of REST-created calls were seen with plain ``outbound``."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"
    OUTBOUND_API = "outbound-api"
    OUTBOUND_DIAL = "outbound-dial"
    INBOUND_SIP = "inbound-sip"
    INBOUND_CLIENT = "inbound-client"
    INTER_CLIENT = "inter-client"
    OUTBOUND_SIP = "outbound-sip"
    UNKNOWN = "unknown"


class MessageStatus(_OpenEnum):
    """Status of an SMS/MMS (``<Sms action>`` reports only ``sent`` or ``failed``)."""

    SENT = "sent"
    RECEIVED = "received"
    SENDING = "sending"
    QUEUED = "queued"
    FAILED = "failed"
    DELETED = "deleted"


class MessageDirection(_OpenEnum):
    """Direction of an SMS/MMS."""

    INCOMING = "incoming"
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    OUTBOUND_API = "outbound-api"
    OUTBOUND_CALL = "outbound-call"
    OUTBOUND_REPLY = "outbound-reply"


class TranscriptionStatus(_OpenEnum):
    """Status of a transcription."""

    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    FAILED = "failed"


class ConferenceStatus(_OpenEnum):
    """Status of a conference."""

    INIT = "init"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"


class CallsAPI(Protocol):
    """The part of a REST client's ``calls`` area that live-call control uses."""

    def interrupt(self, call_sid: str, /, *args: Any, **kwargs: Any) -> Any:
        """Interrupt a live call (``url=``, ``method=``, ``status=``)."""

    def send_digits(self, call_sid: str, /, *args: Any, **kwargs: Any) -> Any:
        """Play DTMF digits into a live call."""


class ClientProtocol(Protocol):
    """What ``App(client=...)`` needs: ``webhooks.rest.Client`` or ``AsyncClient`` fit it."""

    @property
    def calls(self) -> CallsAPI:
        """The calls API area."""


class Binding(Protocol):
    """What an app attaches to each event it dispatches: its REST client and URL resolver."""

    @property
    def client(self) -> ClientProtocol | None:
        """The app's REST client, if it was given one."""

    def resolve(self, handler: Callable[..., Any]) -> str:
        """Return the URL of the route of ``handler`` (absolute when the public URL is known)."""


def _blank_to_none(value: object) -> object:
    return None if value == "" else value


OptionalInt = Annotated[int | None, BeforeValidator(_blank_to_none)]


def _field(alias: str, description: str, default: Any = None) -> Any:
    return Field(default, alias=alias, description=description)


class Event(BaseModel):
    """Base of every webhook event: frozen, with the unnamed parameters kept in :attr:`extra`.

    Events are plain values: build one in a unit test with ``VoiceEvent(CallSid=..., ...)`` or
    :meth:`from_params` and call the handler with it.
    """

    model_config = ConfigDict(frozen=True, populate_by_name=True, str_strip_whitespace=False)

    call_sid: str | None = _field("CallSid", "The call this request belongs to (`CA` + 32 hex).")
    account_sid: str | None = _field("AccountSid", "The account (`AC` + 32 hex).")
    extra: dict[str, str] = Field(
        default_factory=dict, description="Every parameter this event class does not name."
    )

    # Request context attached by the app; slots rather than pydantic private attributes, which
    # would cost more than validating the fields.
    # (``_binding``: Binding; ``_session``: Session, or why there is none.)
    __slots__ = ("_binding", "_session")
    _aliases: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._aliases = frozenset(
            f.alias for name, f in cls.model_fields.items() if f.alias and name != "extra"
        )

    @classmethod
    def from_params(cls, params: dict[str, str]) -> Self:
        """Build the event from decoded request parameters.

        Args:
            params: Parameter names as the platform sends them, mapped to their values. The
                mapping is consumed: it may be changed.

        Returns:
            The validated event; parameters the class does not name go to :attr:`extra`.

        Raises:
            BadRequest: If a required parameter is missing or a value is invalid; the message is
                one line naming the parameter.
        """
        unknown = params.keys() - cls._aliases
        params["extra"] = {k: params.pop(k) for k in unknown} if unknown else {}  # type: ignore[assignment]
        try:
            event: Self = cls.__pydantic_validator__.validate_python(params)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"]) or "parameters"
            if error["type"] == "missing":
                raise BadRequest(f"missing {where}") from None
            raise BadRequest(f"invalid {where}: {error['msg']}") from None
        return event

    @property
    def session(self) -> Session:
        """The per-call mapping kept across the requests of this call (key: ``CallSid``).

        Raises:
            SessionError: If the app could not give this event a session (it has no ``CallSid``).
        """
        session = getattr(self, "_session", None)
        if isinstance(session, Session):
            return session
        if session is None:  # an event built outside an app: a detached, empty session
            session = Session()
            object.__setattr__(self, "_session", session)
            return session
        raise SessionError(session)

    def _calls(self) -> tuple[CallsAPI, str, Binding]:
        binding: Binding | None = getattr(self, "_binding", None)
        if binding is None or binding.client is None:
            raise ConfigurationError(
                "live-call control needs a REST client: create the app with App(client=...)"
            )
        if not self.call_sid:
            raise ConfigurationError(f"{type(self).__name__} has no CallSid to control")
        return binding.client.calls, self.call_sid, binding

    def interrupt(
        self,
        url: str | Callable[..., Any] | None = None,
        *,
        method: str | None = None,
        status: str | None = None,
    ) -> Any:
        """Interrupt this live call through the app's REST client (Interrupt Live Call).

        The new document takes effect after the element now running finishes.

        Args:
            url: The document to run instead: a URL, or a handler registered on the app.
            method: ``GET`` or ``POST`` for ``url``.
            status: ``completed`` (or ``canceled`` before answer) to end the call instead.

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        calls, call_sid, binding = self._calls()
        options: dict[str, str] = {}
        if url is not None:
            options["url"] = url if isinstance(url, str) else binding.resolve(url)
        if method is not None:
            options["method"] = method
        if status is not None:
            options["status"] = status
        return calls.interrupt(call_sid, **options)

    def hangup(self) -> Any:
        """End this live call (an interrupt with ``status="completed"``).

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        return self.interrupt(status="completed")

    def send_digits(self, digits: str, *, direction: str | None = None) -> Any:
        """Play DTMF ``digits`` (``0-9 # * w W``) into this live call.

        Args:
            digits: The digits to play (``w``/``W`` pause half a second).
            direction: ``in`` or ``out`` (the platform's default when omitted).

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        calls, call_sid, _ = self._calls()
        options = {"play_dtmf": digits}
        if direction is not None:
            options["play_dtmf_direction"] = direction
        return calls.send_digits(call_sid, **options)

    def url_for(self, handler: Callable[..., Any]) -> str:
        """Return the URL of ``handler``'s route, as verbs' URL attributes render it.

        Useful where the markup takes a URL as text, e.g. ``Redirect(call.url_for(welcome))``.

        Raises:
            ConfigurationError: If the event was not dispatched by an app, or ``handler`` is not
                registered on it.
        """
        binding: Binding | None = getattr(self, "_binding", None)
        if binding is None:
            raise ConfigurationError("url_for needs an event dispatched by an App")
        return binding.resolve(handler)


class CallEvent(Event):
    """The parameters sent with every voice-related request (spec §3)."""

    call_sid: str = _field("CallSid", "The call this request belongs to (`CA` + 32 hex).", ...)
    account_sid: str = _field("AccountSid", "The account (`AC` + 32 hex).", ...)
    from_: str | None = _field("From", "Calling number or SIP URI (normalised when possible).")
    to: str | None = _field("To", "Called number or SIP URI.")
    call_status: CallStatus | None = _field("CallStatus", "Status of the call at this moment.")
    direction: CallDirection | None = _field("Direction", "Direction of the call.")
    api_version: str | None = _field("ApiVersion", "`v1` on TelAPI, `v2` on Zang/Avaya.")
    caller_name: str | None = _field("CallerName", "Name registered to the calling phone.")
    url_base: str | None = _field("UrlBase", "Document URL used when the call connected.")
    forwarded_from: str | None = _field("ForwardedFrom", "Number the call was forwarded from.")

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

    digits: str = _field("Digits", "Digits entered, without the finish key.", "")


class GetSpeechEvent(CallEvent):
    """``<GetSpeech action>``: the recognition result (parameter names unknown: ``extra``)."""


class RecordEvent(CallEvent):
    """``<Record action>``: the recording just made."""

    recording_url: str | None = _field("RecordingUrl", "URL of the recording.")
    recording_duration: OptionalInt = _field("RecordingDuration", "Length in seconds.")
    digits: str | None = _field("Digits", "Key that ended the recording (name unverified).")


class DialEvent(CallEvent):
    """``<Dial action>`` or ``callbackUrl``: the dialled leg's result.

    The platform's names for these fields are unknown; the typed ones follow the common
    ``DialCall*`` convention and are ``None`` when absent.
    """

    dial_call_sid: str | None = _field("DialCallSid", "Sid of the dialled leg (unverified).")
    dial_call_status: CallStatus | None = _field(
        "DialCallStatus", "Status of the dialled leg (unverified name)."
    )
    dial_call_duration: OptionalInt = _field("DialCallDuration", "Seconds (unverified name).")


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

    from_: str = _field("From", "Sending number.", ...)
    to: str = _field("To", "Your number.", ...)
    body: str = _field("Body", "Message text.", ...)


class MmsEvent(Event):
    """An inbound MMS (media fields are unknown and stay in ``extra``)."""

    from_: str = _field("From", "Sending number.", ...)
    to: str = _field("To", "Your number.", ...)
    body: str = _field("Body", "Message text, possibly empty.", "")


class SmsActionEvent(Event):
    """``<Sms action>``/``<Mms action>``: the outcome of a message sent from a document."""

    from_: str | None = _field("From", "Number of the call or message.")
    to: str | None = _field("To", "Number of the call or message.")
    sms_sid: str | None = _field("SmsSid", "Sid of the sent message (unverified name).")
    sms_status: MessageStatus | None = _field("SmsStatus", "`sent` or `failed` (unverified).")
    body: str | None = _field("Body", "Text of the sent message.")


class SmsStatusEvent(SmsActionEvent):
    """A message ``statusCallback``: the outcome of a send (field names unverified)."""


class RecordingEvent(Event):
    """A recording callback, posted once a recording is processed (names unverified)."""

    recording_sid: str | None = _field("RecordingSid", "Sid of the recording (`RE`...).")
    recording_url: str | None = _field("RecordingUrl", "URL of the recording.")
    recording_duration: OptionalInt = _field("RecordingDuration", "Length in seconds.")


class TranscriptionEvent(Event):
    """A transcription callback (names follow the Transcription resource; unverified)."""

    transcription_sid: str | None = _field("TranscriptionSid", "Sid of the transcription.")
    transcription_status: TranscriptionStatus | None = _field(
        "TranscriptionStatus", "Status of the transcription."
    )
    transcription_text: str | None = _field("TranscriptionText", "The text.")
    recording_sid: str | None = _field("RecordingSid", "Sid of the transcribed recording.")
    recording_url: str | None = _field("RecordingUrl", "URL of the transcribed audio.")


class ConferenceEvent(Event):
    """``<Conference callbackUrl>``: a participant entered or left, or the conference ended."""

    conference_sid: str | None = _field("ConferenceSid", "Sid of the conference (unverified).")
    conference_status: ConferenceStatus | None = _field(
        "ConferenceStatus", "Status of the conference (unverified name)."
    )
    from_: str | None = _field("From", "Participant's number.")
    to: str | None = _field("To", "Number called.")


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
