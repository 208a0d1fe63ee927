"""Calls: make a call, read and list calls, and control a live call.

``client.calls.create(from_=…, to=…, url=…)`` places a call; ``interrupt`` redirects or ends
it; ``send_digits``, ``record``, ``play`` and ``effect`` act on it while it is live.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from pydantic import Field

from ._core import DEFAULT, CallTimeout
from ._locators import Where, lists, reads, writes
from ._params import form, segment
from ._resource import M, Resource
from ._wire import Bool, Int, Model, Money, Text, Timestamp, UriMap
from .accounts import Notification
from .recordings import Recording
from .types import (
    AudioDirection,
    CallStatus,
    DtmfDirection,
    FileFormat,
    HttpMethod,
    IfMachine,
    InterruptStatus,
    RecordDirection,
    TranscribeQuality,
)

__all__ = ["Call", "Calls"]


class Call(Model):
    """A phone or SIP call.

    ``status`` is one of ``queued``, ``ringing``, ``in-progress``, ``completed``, ``busy``,
    ``failed``, ``no-answer``, ``canceled`` (others pass through); ``direction`` one of
    ``inbound``, ``outbound-api``, ``outbound-dial`` (or an SDK-only value).
    """

    sid: str
    parent_call_sid: Text = None
    account_sid: Text = None
    to: Text = None
    from_: Text = Field(default=None, alias="from")
    phone_number_sid: Text = None
    status: Text = None
    direction: Text = None
    answered_by: Text = None
    start_time: Timestamp = None
    end_time: Timestamp = None
    duration: Int = None
    duration_billed: Int = None
    price: Money = None
    api_version: Text = None
    forwarded_from: Text = None
    caller_id_blocked: Bool = None
    recordings_count: Int = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


def _call(call_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        call_sid: The call's SID (``CA…``).
        timeout: This request's timeout.
    """
    return Where(f"/Calls/{segment(call_sid, 'call_sid')}", timeout)


class _CallPaging(Protocol):
    def __call__(
        self,
        call_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where: ...


def _of_call(below: str) -> _CallPaging:
    """The locator of a list ``below`` a call (``Recordings``, ``Notifications``)."""

    def locate(
        call_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where:
        """
        Args:
            call_sid: The call's SID.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return Where(f"{_call(call_sid).path}/{below}", timeout, page=page, page_size=page_size)

    return locate


def _make_call(
    *,
    to: str,
    from_: str,
    url: str,
    method: HttpMethod | None = None,
    fallback_url: str | None = None,
    fallback_method: HttpMethod | None = None,
    status_callback: str | None = None,
    status_callback_method: HttpMethod | None = None,
    heartbeat_url: str | None = None,
    heartbeat_method: HttpMethod | None = None,
    forwarded_from: str | None = None,
    play_dtmf: str | None = None,
    ring_timeout: int | None = None,
    hide_caller_id: bool | None = None,
    record: bool | None = None,
    record_callback: str | None = None,
    record_callback_method: HttpMethod | None = None,
    transcribe: bool | None = None,
    transcribe_callback: str | None = None,
    transcribe_quality: TranscribeQuality | None = None,
    straight_to_voicemail: bool | None = None,
    if_machine: IfMachine | None = None,
    if_machine_url: str | None = None,
    if_machine_method: HttpMethod | None = None,
    sip_auth_username: str | None = None,
    sip_auth_password: str | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        to: The number (E.164) or SIP URI (``sip:user@host``) to call.
        from_: The caller ID shown to the callee.
        url: The InboundXML URL requested when the call is answered.
        method: How ``url`` is requested.
        fallback_url: Requested when ``url`` fails.
        fallback_method: How ``fallback_url`` is requested.
        status_callback: Told when the call ends.
        status_callback_method: How ``status_callback`` is requested.
        heartbeat_url: Requested every 60 s during the call.
        heartbeat_method: How ``heartbeat_url`` is requested.
        forwarded_from: Sets the forwarded-from number (``ForwardedFrom``).
        play_dtmf: Digits played when the call is answered (``0-9 # * w W``).
        ring_timeout: Seconds to let it ring (``Timeout``; max 999).
        hide_caller_id: Block the caller ID.
        record: Record the whole call.
        record_callback: Told when the recording is ready.
        record_callback_method: How ``record_callback`` is requested.
        transcribe: Transcribe the recording.
        transcribe_callback: Told when the transcription is ready.
        transcribe_quality: ``auto`` or ``keywords``.
        straight_to_voicemail: Go to voicemail directly (mobile numbers).
        if_machine: What to do if a machine answers.
        if_machine_url: The InboundXML URL for ``if_machine="redirect"``.
        if_machine_method: How ``if_machine_url`` is requested.
        sip_auth_username: Username for SIP digest authentication.
        sip_auth_password: Password for SIP digest authentication.
        timeout: This request's timeout.
    """
    return Where(
        "/Calls",
        timeout,
        form(
            to=to,
            from_=from_,
            url=url,
            method=method,
            fallback_url=fallback_url,
            fallback_method=fallback_method,
            status_callback=status_callback,
            status_callback_method=status_callback_method,
            heartbeat_url=heartbeat_url,
            heartbeat_method=heartbeat_method,
            forwarded_from=forwarded_from,
            play_dtmf=play_dtmf,
            ring_timeout=ring_timeout,
            hide_caller_id=hide_caller_id,
            record=record,
            record_callback=record_callback,
            record_callback_method=record_callback_method,
            transcribe=transcribe,
            transcribe_callback=transcribe_callback,
            transcribe_quality=transcribe_quality,
            straight_to_voicemail=straight_to_voicemail,
            if_machine=if_machine,
            if_machine_url=if_machine_url,
            if_machine_method=if_machine_method,
            sip_auth_username=sip_auth_username,
            sip_auth_password=sip_auth_password,
        ),
    )


def _calls(
    *,
    to: str | None = None,
    from_: str | None = None,
    status: CallStatus | None = None,
    start_time: date | None = None,
    start_time_after: date | None = None,
    start_time_before: date | None = None,
    sip_domain: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        to: Only calls to this number.
        from_: Only calls from this number.
        status: Only calls in this state.
        start_time: Only calls started on this date (UTC).
        start_time_after: Only calls started on or after this date (``StartTime>=``).
        start_time_before: Only calls started on or before this date (``StartTime<=``).
        sip_domain: Only calls through this SIP domain.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(
        "/Calls",
        timeout,
        form(
            to=to,
            from_=from_,
            status=status,
            start_time=start_time,
            start_time_after=start_time_after,
            start_time_before=start_time_before,
            sip_domain=sip_domain,
        ),
        page,
        page_size,
    )


def _interrupt(
    call_sid: str,
    *,
    url: str | None = None,
    method: HttpMethod | None = None,
    status: InterruptStatus | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: The call's SID.
        url: The InboundXML URL the call continues with.
        method: How ``url`` is requested.
        status: ``canceled`` (queued or ringing calls) or ``completed`` (any call) ends it.
        timeout: This request's timeout.
    """
    path = _call(call_sid).path
    return Where(path, timeout, form(url=url, method=method, status=status))


def _send_digits(
    call_sid: str,
    *,
    play_dtmf: str,
    play_dtmf_direction: DtmfDirection | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: The call's SID.
        play_dtmf: Digits ``0-9 # *``; ``w``/``W`` pause 0.5 s; ``digit@ms`` sets a length.
        play_dtmf_direction: ``in`` or ``out``.
        timeout: This request's timeout.
    """
    path = _call(call_sid).path
    return Where(path, timeout, form(play_dtmf=play_dtmf, play_dtmf_direction=play_dtmf_direction))


def _record(
    call_sid: str,
    *,
    record: bool = True,
    direction: RecordDirection | None = None,
    time_limit: int | None = None,
    callback_url: str | None = None,
    file_format: FileFormat | None = None,
    trim_silence: bool | None = None,
    transcribe: bool | None = None,
    transcribe_quality: TranscribeQuality | None = None,
    transcribe_callback: str | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: The call's SID.
        record: ``True`` starts, ``False`` stops.
        direction: ``in``, ``out`` or ``both``.
        time_limit: Maximum length in seconds.
        callback_url: Told when the recording is ready.
        file_format: ``mp3`` or ``wav``.
        trim_silence: Cut silence at the start and end.
        transcribe: Transcribe the recording.
        transcribe_quality: ``auto`` or ``keywords``.
        transcribe_callback: Told when the transcription is ready.
        timeout: This request's timeout.
    """
    path = f"{_call(call_sid).path}/Recordings"
    return Where(
        path,
        timeout,
        form(
            record=record,
            direction=direction,
            time_limit=time_limit,
            callback_url=callback_url,
            file_format=file_format,
            trim_silence=trim_silence,
            transcribe=transcribe,
            transcribe_quality=transcribe_quality,
            transcribe_callback=transcribe_callback,
        ),
    )


def _play(
    call_sid: str,
    *,
    audio_url: str,
    direction: RecordDirection | None = None,
    loop: bool | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: The call's SID.
        audio_url: The audio file's URL.
        direction: ``in``, ``out`` or ``both``.
        loop: Repeat until stopped.
        timeout: This request's timeout.
    """
    path = f"{_call(call_sid).path}/Play"
    return Where(path, timeout, form(audio_url=audio_url, direction=direction, loop=loop))


def _effect(
    call_sid: str,
    *,
    audio_direction: AudioDirection | None = None,
    pitch: float | None = None,
    pitch_semi_tones: float | None = None,
    pitch_octaves: float | None = None,
    rate: float | None = None,
    tempo: float | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        call_sid: The call's SID.
        audio_direction: ``in`` or ``out`` (platform default ``out``).
        pitch: Pitch factor > 0 (default 1; wins over ``pitch_semi_tones``).
        pitch_semi_tones: -14 to 14 (default 0).
        pitch_octaves: -1 to 1 (default 0).
        rate: Rate factor > 0 (default 1).
        tempo: Tempo factor > 0 (default 1).
        timeout: This request's timeout.
    """
    path = f"{_call(call_sid).path}/Effect"
    return Where(
        path,
        timeout,
        form(
            audio_direction=audio_direction,
            pitch=pitch,
            pitch_semi_tones=pitch_semi_tones,
            pitch_octaves=pitch_octaves,
            rate=rate,
            tempo=tempo,
        ),
    )


class Calls(Resource[M]):
    """The ``/Calls`` endpoints: ``client.calls``."""

    create = writes(_make_call, Call, "Make a call (never retried once sent).", replay_safe=False)

    get = reads(_call, Call, "Read one call.")

    list = lists(_calls, "calls", Call, "List calls, newest first.")

    list_page = list.page_view()
    list_text = list.text_view()

    interrupt = writes(
        _interrupt,
        Call,
        "Redirect a live call to new InboundXML, or end it.",
        replay_safe=False,
    )

    send_digits = writes(_send_digits, Call, "Play DTMF tones into a live call.", replay_safe=False)

    record = writes(
        _record,
        Recording,
        "Start (or, with ``record=False``, stop) recording a live call.",
        replay_safe=False,
    )

    play = writes(_play, Call, "Play an audio file into a live call.", replay_safe=False)

    effect = writes(
        _effect,
        Call,
        "Change a live call's voice (replay-safe: it sets values).",
        replay_safe=True,
    )

    list_recordings = lists(
        _of_call("Recordings"), "recordings", Recording, "List the recordings of one call."
    )
    list_recordings_page = list_recordings.page_view()
    list_recordings_text = list_recordings.text_view()
    list_notifications = lists(
        _of_call("Notifications"),
        "notifications",
        Notification,
        "List the notifications (errors, warnings) of one call.",
    )
    list_notifications_page = list_notifications.page_view()
    list_notifications_text = list_notifications.text_view()
