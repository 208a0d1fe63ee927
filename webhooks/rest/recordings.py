"""Recordings and transcriptions.

``client.recordings.list(call_sid=…)``, ``client.recordings.transcribe(recording_sid)``,
``client.transcriptions.text(sid)`` (the ``.txt`` form: the text only) and
``client.transcriptions.transcribe_audio(audio_url=…)`` for any audio file. Starting a
recording of a live call is ``client.calls.record``.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict, Unpack

from ._core import DEFAULT, CallTimeout
from ._locators import Where, deletes, lists, reads, reads_text, writes
from ._params import Params, form, segment
from ._resource import M, Resource
from ._wire import Int, Model, Money, Text, Timestamp
from .types import HttpMethod, TranscribeQuality, TranscriptionStatus

__all__ = ["Recording", "Recordings", "TranscribeOptions", "Transcription", "Transcriptions"]


class Recording(Model):
    """A recording of a call; ``recording_url`` is the audio file."""

    sid: str
    account_sid: Text = None
    call_sid: Text = None
    duration: Int = None
    recording_url: Text = None
    price: Money = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class Transcription(Model):
    """A transcription of a recording or of an audio URL (``status``: ``in-progress``,
    ``completed`` or ``failed``; ``type``: ``auto`` or ``keywords``)."""

    sid: str
    account_sid: Text = None
    status: Text = None
    type: Text = None
    audio_url: Text = None
    recording_sid: Text = None
    duration: Int = None
    transcription_text: Text = None
    price: Money = None
    transcribe_callback: Text = None
    callback_method: Text = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class TranscribeOptions(TypedDict, total=False):
    """How to transcribe a recording or an audio file (all optional).

    ``transcribe_callback`` (told when the transcription is ready) and ``callback_method`` (how
    it is requested); ``slice_start`` (the second at which to start) and ``slice_duration``
    (seconds to transcribe); ``quality``: ``auto`` or ``keywords`` (``hybrid`` in the SDKs).
    """

    transcribe_callback: str
    callback_method: HttpMethod
    slice_start: float
    slice_duration: float
    quality: TranscribeQuality


def _recording(recording_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        recording_sid: The recording's SID (``RE…``).
        timeout: This request's timeout.
    """
    return Where(f"/Recordings/{segment(recording_sid, 'recording_sid')}", timeout)


def _transcriptions_of(
    recording_sid: str,
    *,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        recording_sid: The recording's SID.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    path = f"{_recording(recording_sid).path}/Transcriptions"
    return Where(path, timeout, page=page, page_size=page_size)


def _transcription(transcription_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        transcription_sid: The transcription's SID (``TR…``).
        timeout: This request's timeout.
    """
    return Where(f"/Transcriptions/{segment(transcription_sid, 'transcription_sid')}", timeout)


def _recordings_list(
    *,
    call_sid: str | None = None,
    date_created: date | None = None,
    date_created_after: date | None = None,
    date_created_before: date | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: Only the recordings of this call.
        date_created: Only recordings made on this date.
        date_created_after: Only recordings made on or after this date.
        date_created_before: Only recordings made on or before this date.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(
        "/Recordings",
        timeout,
        form(
            call_sid=call_sid,
            date_created=date_created,
            date_created_after=date_created_after,
            date_created_before=date_created_before,
        ),
        page,
        page_size,
    )


def _transcribing(options: TranscribeOptions) -> Params:
    return form(**options)


def _transcribe(
    recording_sid: str, *, timeout: CallTimeout = DEFAULT, **options: Unpack[TranscribeOptions]
) -> Where:
    """
    Args:
        recording_sid: The recording's SID.
        timeout: This request's timeout.
        **options: How to transcribe (:class:`TranscribeOptions`).
    """
    return Where(_transcriptions_of(recording_sid).path, timeout, _transcribing(options))


def _transcribe_audio(
    *, audio_url: str, timeout: CallTimeout = DEFAULT, **options: Unpack[TranscribeOptions]
) -> Where:
    """
    Args:
        audio_url: The audio file's URL.
        timeout: This request's timeout.
        **options: How to transcribe (:class:`TranscribeOptions`).
    """
    fields = form(audio_url=audio_url) + _transcribing(options)
    return Where("/Transcriptions", timeout, fields)


class Recordings(Resource[M]):
    """The ``/Recordings`` endpoints: ``client.recordings``."""

    get = reads(_recording, Recording, "Read one recording.")

    list = lists(_recordings_list, "recordings", Recording, "List recordings.")

    list_page = list.page_view()
    list_text = list.text_view()

    delete = deletes(_recording, Recording, "Delete a recording.")
    list_transcriptions = lists(
        _transcriptions_of,
        "transcriptions",
        Transcription,
        "List the transcriptions of one recording.",
    )
    list_transcriptions_page = list_transcriptions.page_view()
    list_transcriptions_text = list_transcriptions.text_view()

    transcribe = writes(
        _transcribe,
        Transcription,
        "Transcribe a recording (never retried once sent).",
        replay_safe=False,
    )


def _transcriptions_list(
    *,
    status: TranscriptionStatus | None = None,
    date_transcribed: date | None = None,
    date_transcribed_after: date | None = None,
    date_transcribed_before: date | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        status: Only transcriptions in this state.
        date_transcribed: Only transcriptions made on this date.
        date_transcribed_after: Only transcriptions made on or after this date.
        date_transcribed_before: Only transcriptions made on or before this date.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(
        "/Transcriptions",
        timeout,
        form(
            status=status,
            date_transcribed=date_transcribed,
            date_transcribed_after=date_transcribed_after,
            date_transcribed_before=date_transcribed_before,
        ),
        page,
        page_size,
    )


class Transcriptions(Resource[M]):
    """The ``/Transcriptions`` endpoints: ``client.transcriptions``."""

    get = reads(_transcription, Transcription, "Read one transcription.")

    text = reads_text(_transcription, "Read only the text of a transcription (the ``.txt`` form).")

    list = lists(_transcriptions_list, "transcriptions", Transcription, "List transcriptions.")

    list_page = list.page_view()
    list_text = list.text_view()

    transcribe_audio = writes(
        _transcribe_audio,
        Transcription,
        "Transcribe an audio file given by URL (never retried once sent).",
        replay_safe=False,
    )
