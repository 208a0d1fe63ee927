"""Open enums: the status and direction values the platform sends in webhook parameters.

The documented values are members; anything else passes through as a member created on the fly
(``CallDirection("outbound")`` works), so a value the documentation missed never rejects a
request. Re-exported by :mod:`webhooks.events`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self

from pydantic.json_schema import JsonSchemaValue

__all__ = [
    "CallDirection",
    "CallStatus",
    "ConferenceStatus",
    "MessageDirection",
    "MessageStatus",
    "TranscriptionStatus",
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
