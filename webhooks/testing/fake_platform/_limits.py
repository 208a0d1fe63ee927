"""The platform's documented limits, each checked once, with the code the fake answers.

========================= ============ =======================================================
limit                     answer       source of the code
========================= ============ =======================================================
``PageSize`` at most 50   400 / 10022  chosen: the reference calls 50 the maximum but names no
                                       code; 10022 is "REST API call rejected with incorrect
                                       parameters"
a URL parameter at most   400 / 12301  chosen: the reference gives the limit, not its code;
200 characters                         12301 is "Length of the URL is bigger than allowed"
Make Call ``Timeout``     400 / 21208  errors.tsv: "Invalid Timeout"
1 to 999 seconds
SMS ``Body``: 765 GSM-7   400 / 21605  errors.tsv: "Maximum SMS body length…" (the message
characters (5 segments)                names the real limit)
SMS ``Body``: 335 UCS-2   400 / 21610  errors.tsv: "Maximum Unicode SMS body length…"
characters (5 segments)
MMS media at most 750 KB  400 / 14116  errors.tsv: "MMS: File size was bigger than maximum
                                       allowed" (media registered with
                                       :meth:`FakePlatform.add_media`; others are not fetched)
MMS media type            400 / 14117  errors.tsv: "MMS: File type … unsupported"
at most 5 recordings      400 / 21510  errors.tsv: "Call has too many recordings"
per call
========================= ============ =======================================================

International SMS destinations take one segment only on the platform; the fake does not know
which destinations are international for an account and does not check that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._render import ApiFailure

__all__ = [
    "MAX_MEDIA_BYTES",
    "MAX_PAGE_SIZE",
    "MAX_RECORDINGS_PER_CALL",
    "MAX_URL_LENGTH",
    "MEDIA_TYPES",
    "check_media",
    "check_page_size",
    "check_recordings",
    "check_ring_timeout",
    "check_sms_body",
    "check_urls",
    "is_url_param",
]

MAX_PAGE_SIZE: Final = 50
MAX_URL_LENGTH: Final = 200
MAX_RING_TIMEOUT: Final = 999
MAX_GSM_UNITS: Final = 765
MAX_UCS2_UNITS: Final = 335
MAX_MEDIA_BYTES: Final = 750 * 1024
MAX_RECORDINGS_PER_CALL: Final = 5
MEDIA_TYPES: Final = frozenset(
    {
        "audio/amr",
        "audio/mpeg",
        "audio/mp3",
        "audio/wav",
        "audio/x-wav",
        "image/jpeg",
        "image/gif",
        "image/png",
        "video/mp4",
    }
)
"""The media an MMS may carry: amr/mp3/wav audio, jpg/gif/png images, mp4 video."""

_GSM_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION: Final = frozenset("^{}\\[~]|€\f")  # two units each (escape + character)


def is_url_param(name: str) -> bool:
    """Whether a parameter carries a URL (``Url``, ``VoiceUrl``, ``StatusCallback``, …)."""
    lowered = name.lower()
    return lowered.endswith(("url", "callback")) and not lowered.endswith("method")


def check_urls(params: Mapping[str, str]) -> None:
    """Refuse a URL parameter longer than 200 characters (400 / 12301)."""
    for name, value in params.items():
        if len(value) > MAX_URL_LENGTH and is_url_param(name):
            raise ApiFailure(
                400,
                12301,
                f"{name} is {len(value)} characters long; URLs may have at most {MAX_URL_LENGTH}",
            )


def check_page_size(size: int) -> None:
    """Refuse a page size above 50 (400 / 10022)."""
    if size > MAX_PAGE_SIZE:
        raise ApiFailure(400, 10022, f"PageSize must be at most {MAX_PAGE_SIZE}, got {size}")


def check_ring_timeout(value: str | None) -> None:
    """Refuse a Make Call ``Timeout`` that is not 1 to 999 seconds (400 / 21208)."""
    if value is None or not value.strip():
        return
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= MAX_RING_TIMEOUT:
        raise ApiFailure(
            400, 21208, f"Timeout must be 1 to {MAX_RING_TIMEOUT} seconds, got {value!r}"
        )


def check_sms_body(body: str) -> None:
    """Refuse an SMS body longer than 5 segments: 765 GSM-7 units (400 / 21605) or, with any
    character outside GSM-7, 335 UCS-2 units (400 / 21610)."""
    units = 0
    for char in body:
        if char in _GSM_BASIC:
            units += 1
        elif char in _GSM_EXTENSION:
            units += 2
        else:
            ucs2 = len(body.encode("utf-16-le")) // 2
            if ucs2 > MAX_UCS2_UNITS:
                raise ApiFailure(
                    400,
                    21610,
                    f"A Unicode SMS body may have at most {MAX_UCS2_UNITS} characters, got {ucs2}",
                )
            return
    if units > MAX_GSM_UNITS:
        raise ApiFailure(
            400, 21605, f"An SMS body may have at most {MAX_GSM_UNITS} characters, got {units}"
        )


def check_media(media: Mapping[str, tuple[int, str]], url: str) -> None:
    """Refuse known MMS media that is too large (400 / 14116) or of another type (400 / 14117).

    Args:
        media: URL -> (size in bytes, content type) of the media the test registered.
        url: The ``MediaUrl`` sent.
    """
    known = media.get(url)
    if known is None:
        return
    size, content_type = known
    if content_type.split(";")[0].strip().lower() not in MEDIA_TYPES:
        raise ApiFailure(400, 14117, f"MMS media of type {content_type!r} is not supported")
    if size > MAX_MEDIA_BYTES:
        raise ApiFailure(
            400, 14116, f"MMS media is {size} bytes; at most {MAX_MEDIA_BYTES} (750 KB)"
        )


def check_recordings(count: int) -> None:
    """Refuse a sixth recording of one call (400 / 21510)."""
    if count >= MAX_RECORDINGS_PER_CALL:
        raise ApiFailure(
            400, 21510, f"A call may have at most {MAX_RECORDINGS_PER_CALL} recordings"
        )
