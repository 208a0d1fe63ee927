"""Conferences and their participants.

``client.conferences.list(status="in-progress")``, and for the people in one:
``client.conferences.participants.update(conference_sid, participant_sid, muted=True)``,
``…participants.play(conference_sid, participant_sid, audio_url=[…])`` and
``…participants.hangup(conference_sid, participant_sid)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ._core import DEFAULT, CallTimeout
from ._locators import Where, deletes, lists, reads, writes
from ._params import form, segment
from ._resource import M, Resource
from ._wire import Bool, Int, Model, Text, Timestamp, UriMap
from .types import ConferenceStatus

__all__ = ["Conference", "Conferences", "Participant", "Participants"]


class Conference(Model):
    """A conference room (``status``: ``init``, ``in-progress`` or ``completed``)."""

    sid: str
    friendly_name: Text = None
    account_sid: Text = None
    status: Text = None
    active_participants_count: Int = None
    run_time: Int = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


class Participant(Model):
    """A call taking part in a conference."""

    sid: str
    conference_sid: Text = None
    account_sid: Text = None
    caller_name: Text = None
    caller_number: Text = None
    duration: Int = None
    muted: Bool = None
    deaf: Bool = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


def _conference(conference_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        conference_sid: The conference's SID.
        timeout: This request's timeout.
    """
    return Where(f"/Conferences/{segment(conference_sid, 'conference_sid')}", timeout)


def _participant(
    conference_sid: str, participant_sid: str, *, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        conference_sid: The conference's SID.
        participant_sid: The participant's SID.
        timeout: This request's timeout.
    """
    participant = segment(participant_sid, "participant_sid")
    return Where(f"{_conference(conference_sid).path}/Participants/{participant}", timeout)


def _participants(
    conference_sid: str,
    *,
    muted: bool | None = None,
    deaf: bool | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        conference_sid: The conference's SID.
        muted: Only participants who are (or are not) muted.
        deaf: Only participants who are (or are not) deaf.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    path = f"{_conference(conference_sid).path}/Participants"
    return Where(path, timeout, form(muted=muted, deaf=deaf), page, page_size)


def _participant_change(
    conference_sid: str,
    participant_sid: str,
    *,
    muted: bool | None = None,
    deaf: bool | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        conference_sid: The conference's SID.
        participant_sid: The participant's SID.
        muted: Whether the others stop hearing the participant.
        deaf: Whether the participant stops hearing the others.
        timeout: This request's timeout.
    """
    path = _participant(conference_sid, participant_sid).path
    return Where(path, timeout, form(muted=muted, deaf=deaf))


def _participant_play(
    conference_sid: str,
    participant_sid: str,
    *,
    audio_url: str | Sequence[str],
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        conference_sid: The conference's SID.
        participant_sid: The participant's SID.
        audio_url: An audio URL, or several (sent as repeated ``AudioUrl``).
        timeout: This request's timeout.
    """
    path = _participant(conference_sid, participant_sid).path + "/Play"
    if not isinstance(audio_url, str):
        audio_url = list(audio_url)
    return Where(path, timeout, form(audio_url=audio_url))


class Participants(Resource[M]):
    """The participants of conferences: ``client.conferences.participants``."""

    get = reads(_participant, Participant, "Read one participant.")

    list = lists(
        _participants, "participants", Participant, "List the participants of a conference."
    )

    list_page = list.page_view()
    list_text = list.text_view()

    update = writes(
        _participant_change,
        Participant,
        "Mute or deafen a participant, or undo it (replay-safe: it sets values).",
        replay_safe=True,
    )

    play = writes(
        _participant_play,
        Participant,
        "Play one or more audio files to a participant.",
        replay_safe=False,
    )

    hangup = deletes(
        _participant, Participant, "Hang up a participant (remove the call from the conference)."
    )


def _conferences(
    *,
    friendly_name: str | None = None,
    status: ConferenceStatus | None = None,
    date_created: date | None = None,
    date_created_after: date | None = None,
    date_created_before: date | None = None,
    date_updated: date | None = None,
    date_updated_after: date | None = None,
    date_updated_before: date | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        friendly_name: Only conferences with this name.
        status: Only conferences in this state.
        date_created: Only conferences created on this date.
        date_created_after: Only conferences created on or after this date.
        date_created_before: Only conferences created on or before this date.
        date_updated: Only conferences updated on this date.
        date_updated_after: Only conferences updated on or after this date.
        date_updated_before: Only conferences updated on or before this date.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(
        "/Conferences",
        timeout,
        form(
            friendly_name=friendly_name,
            status=status,
            date_created=date_created,
            date_created_after=date_created_after,
            date_created_before=date_created_before,
            date_updated=date_updated,
            date_updated_after=date_updated_after,
            date_updated_before=date_updated_before,
        ),
        page,
        page_size,
    )


class Conferences(Resource[M]):
    """The ``/Conferences`` endpoints: ``client.conferences``; participants in ``.participants``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.participants: Participants[M] = Participants(runner)

    get = reads(_conference, Conference, "Read one conference.")

    list = lists(_conferences, "conferences", Conference, "List conferences.")

    list_page = list.page_view()
    list_text = list.text_view()
