"""Voicemail: record a message, thank the caller, keep the transcription when it arrives.

The routes live on a :class:`~webhooks.Router` so that other apps (see ``examples.ivr``) can
include them; ``app`` serves them on their own::

    python -m webhooks serve examples.voicemail:app
"""

from __future__ import annotations

import logging

from inboundxml import Hangup, Record, Response, Say
from webhooks import App, RecordEvent, Router, TranscriptionEvent, VoiceEvent

logger = logging.getLogger(__name__)

router = Router()
MESSAGES: dict[str, dict[str, str]] = {}
"""Messages by CallSid (a real app would use a database)."""


def record_message() -> Response:
    """The document that records a message (also used by the IVR's menu)."""
    return Response(
        Say("Please leave your message after the beep. Press the pound key when you are done."),
        Record(
            action=saved,
            background=False,
            max_length=120,
            finish_on_key="#",
            play_beep=True,
            transcribe=True,
            transcribe_callback=transcribed,
        ),
        Say("We did not get a message. Goodbye."),
        Hangup(),
    )


@router.voice("/voicemail")
async def start(call: VoiceEvent) -> Response:
    """Ask for a message and record it."""
    return record_message()


@router.record("/voicemail/saved")
async def saved(event: RecordEvent) -> Response:
    """The recording is done: remember it and say goodbye."""
    MESSAGES[event.call_sid] = {
        "from": event.from_ or "unknown",
        "recording_url": event.recording_url or "",
        "duration": str(event.recording_duration or 0),
    }
    return Response(Say("Thank you. Your message has been saved. Goodbye."), Hangup())


@router.transcription("/voicemail/transcription")
async def transcribed(event: TranscriptionEvent) -> None:
    """The transcription arrived (minutes later): attach its text to the message."""
    text = event.transcription_text or ""
    if event.call_sid:
        MESSAGES.setdefault(event.call_sid, {})["text"] = text
    logger.info("voicemail transcription for %s: %s", event.call_sid, text)


app = App()
app.include(router)
