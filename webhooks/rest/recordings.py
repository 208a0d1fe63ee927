"""Recordings and transcriptions.

``client.recordings.list(call_sid=…)``, ``client.recordings.transcribe(recording_sid)``,
``client.transcriptions.text(sid)`` (the ``.txt`` form: the text only) and
``client.transcriptions.transcribe_audio(audio_url=…)`` for any audio file. Starting a
recording of a live call is ``client.calls.record``.
"""

from __future__ import annotations

from datetime import date

from ._core import DEFAULT, CallTimeout, Op, Query
from ._locators import Where, deletes, lists, reads
from ._params import segment
from ._resource import M, Resource, endpoint, listing
from ._wire import Int, Model, Money, Text, Timestamp
from .types import HttpMethod, TranscribeQuality, TranscriptionStatus

__all__ = ["Recording", "Recordings", "Transcription", "Transcriptions"]


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


def _text(content: bytes) -> str:
    return content.decode("utf-8")


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


class Recordings(Resource[M]):
    """The ``/Recordings`` endpoints: ``client.recordings``."""

    get = reads(_recording, Recording, "Read one recording.")

    @listing
    def list(
        self,
        *,
        call_sid: str | None = None,
        date_created: date | None = None,
        date_created_after: date | None = None,
        date_created_before: date | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[Recording]:
        """List recordings.

        Args:
            call_sid: Only the recordings of this call.
            date_created: Only recordings made on this date.
            date_created_after: Only recordings made on or after this date.
            date_created_before: Only recordings made on or before this date.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Recordings", "recordings", Recording.model_validate, locals())

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

    @endpoint
    def transcribe(
        self,
        recording_sid: str,
        *,
        transcribe_callback: str | None = None,
        callback_method: HttpMethod | None = None,
        slice_start: float | None = None,
        slice_duration: float | None = None,
        quality: TranscribeQuality | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Transcription]:
        """Transcribe a recording (never retried once sent).

        Args:
            recording_sid: The recording's SID.
            transcribe_callback: Told when the transcription is ready.
            callback_method: How ``transcribe_callback`` is requested.
            slice_start: Second at which to start.
            slice_duration: Seconds to transcribe.
            quality: ``auto`` or ``keywords``.
            timeout: This request's timeout.
        """
        return self._post(
            _transcriptions_of(recording_sid).path,
            Transcription.model_validate_json,
            locals(),
            replay_safe=False,
            skip=("recording_sid",),
        )


class Transcriptions(Resource[M]):
    """The ``/Transcriptions`` endpoints: ``client.transcriptions``."""

    get = reads(_transcription, Transcription, "Read one transcription.")

    @endpoint
    def text(self, transcription_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[str]:
        """Read only the text of a transcription (the ``.txt`` form).

        Args:
            transcription_sid: The transcription's SID.
            timeout: This request's timeout.
        """
        path = _transcription(transcription_sid).path
        return Op("GET", path, (), _text, True, timeout, ".txt")

    @listing
    def list(
        self,
        *,
        status: TranscriptionStatus | None = None,
        date_transcribed: date | None = None,
        date_transcribed_after: date | None = None,
        date_transcribed_before: date | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[Transcription]:
        """List transcriptions.

        Args:
            status: Only transcriptions in this state.
            date_transcribed: Only transcriptions made on this date.
            date_transcribed_after: Only transcriptions made on or after this date.
            date_transcribed_before: Only transcriptions made on or before this date.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/Transcriptions", "transcriptions", Transcription.model_validate, locals()
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def transcribe_audio(
        self,
        *,
        audio_url: str,
        transcribe_callback: str | None = None,
        callback_method: HttpMethod | None = None,
        slice_start: float | None = None,
        slice_duration: float | None = None,
        quality: TranscribeQuality | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Transcription]:
        """Transcribe an audio file given by URL (never retried once sent).

        Args:
            audio_url: The audio file's URL.
            transcribe_callback: Told when the transcription is ready.
            callback_method: How ``transcribe_callback`` is requested.
            slice_start: Second at which to start.
            slice_duration: Seconds to transcribe.
            quality: ``auto`` or ``keywords``.
            timeout: This request's timeout.
        """
        return self._post(
            "/Transcriptions", Transcription.model_validate_json, locals(), replay_safe=False
        )
