"""Closed vocabularies of request parameters, as ``Literal`` aliases.

Values the platform *returns* (call status, direction, …) are open: the models type them as
``str`` so that values added later pass through; the documented ones are listed here for
reference only where they are also accepted as filters.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "AudioDirection",
    "AvailableNumberType",
    "CallStatus",
    "ConferenceStatus",
    "DtmfDirection",
    "FileFormat",
    "HttpMethod",
    "IfMachine",
    "InterruptStatus",
    "NotificationLog",
    "ProductCode",
    "RecordDirection",
    "ServiceType",
    "SmsDirection",
    "SmsStatus",
    "TranscribeQuality",
    "TranscriptionStatus",
]

HttpMethod = Literal["GET", "POST"]
"""How the platform requests a callback URL (anything else is treated as POST)."""

CallStatus = Literal[
    "queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled"
]
"""Call states accepted by the ``status`` filter of ``calls.list``."""

InterruptStatus = Literal["canceled", "completed"]
"""Ending a live call: ``canceled`` for queued/ringing calls, ``completed`` for any call."""

DtmfDirection = Literal["in", "out"]
"""Which leg hears digits sent with ``calls.send_digits``."""

RecordDirection = Literal["in", "out", "both"]
"""Which audio of a live call is recorded or played to."""

AudioDirection = Literal["in", "out"]
"""Which audio a voice effect changes (platform default ``out``)."""

FileFormat = Literal["mp3", "wav"]
"""Recording file format."""

TranscribeQuality = Literal["auto", "keywords", "hybrid"]
"""Transcription quality; ``hybrid`` appears in the official SDKs only."""

IfMachine = Literal["continue", "redirect", "hangup"]
"""What to do when an answering machine picks up an outbound call."""

SmsStatus = Literal["sent", "received", "sending", "queued", "failed"]
"""SMS states accepted by the ``status`` filter of ``sms.list``."""

SmsDirection = Literal["incoming", "outbound-api", "outbound-call", "outbound-reply", "inbound"]
"""SMS directions accepted by the ``direction`` filter of ``sms.list``."""

ConferenceStatus = Literal["init", "in-progress", "completed"]
"""Conference states accepted by the ``status`` filter of ``conferences.list``."""

TranscriptionStatus = Literal["in-progress", "completed", "failed"]
"""Transcription states accepted by the ``status`` filter of ``transcriptions.list``."""

AvailableNumberType = Literal["Local", "Tollfree"]
"""Kinds of number offered by ``available_numbers.list``."""

ServiceType = Literal["byoc", "siptrunk", "cpaas", "LEGACY_SERVICE"]
"""Service types accepted by ``allowed_countries.list``."""

NotificationLog = Literal[0, 1, 2]
"""Notification levels: 0 error, 1 warning, 2 info."""

ProductCode = int
"""A usage product code: 1 Outbound Call, 2 Inbound Call, 3 Outbound SMS, 4 Inbound SMS,
5 Outbound SIP, 6 Inbound SIP, 7 Recording, 8 Recurring DID, 12 Transcription (Auto),
14 Transcription (Keywords), 19 CNAM Dip, 20 Carrier Lookup, … (spec §4)."""
