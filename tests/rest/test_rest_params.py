"""Python keywords become the platform's parameter names and values by one rule plus aliases."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from webhooks.rest import UsageError
from webhooks.rest._params import encode, form, segment, wire_name


@pytest.mark.parametrize(
    ("python", "wire"),
    [
        ("status_callback", "StatusCallback"),
        ("from_", "From"),
        ("to", "To"),
        ("sip_auth_username", "SipAuthUsername"),
        ("ip_access_control_list_sid", "IpAccessControlListSid"),
        ("pitch_semi_tones", "PitchSemiTones"),
        ("ring_timeout", "Timeout"),
        ("start_time_after", "StartTime>"),
        ("date_sent_before", "DateSent<"),
        ("date_transcribed", "DateTranscribed"),
    ],
)
def test_wire_name_rule_and_aliases(python: str, wire: str) -> None:
    assert wire_name(python) == wire


class Color(enum.Enum):
    """An enum whose value is sent."""

    RED = "red"


def test_values_are_encoded_as_the_platform_expects() -> None:
    params = form(
        record=True,
        hide_caller_id=False,
        start_time_after=date(2017, 1, 1),
        start_time_before=datetime(2017, 3, 19, 23, 30, tzinfo=timezone(-timedelta(hours=2))),
        audio_url=["a", "b"],
        color=Color.RED,
        page_size=10,
        missing=None,
    )
    assert params == (
        ("Record", "true"),
        ("HideCallerId", "false"),
        ("StartTime>", "2017-01-01"),
        ("StartTime<", "2017-03-20"),
        ("AudioUrl", "a"),
        ("AudioUrl", "b"),
        ("Color", "red"),
        ("PageSize", "10"),
    )


def test_only_the_named_parameters_are_sent_and_aliases_win() -> None:
    assert form() == ()
    assert encode({"friendly_name": "x", "agent_timeout": 5}, aliases={"friendly_name": "F_n"}) == (
        ("F_n", "x"),
        ("AgentTimeout", "5"),
    )


def test_naive_datetime_keeps_its_date() -> None:
    assert encode({"date_created": datetime(2017, 1, 2, 3, 4, tzinfo=UTC)}) == (
        ("DateCreated", "2017-01-02"),
    )


def test_values_without_a_wire_form_are_refused() -> None:
    with pytest.raises(UsageError, match="dict"):
        encode({"friendly_name": {"a": 1}})


def test_segments_are_quoted_and_must_not_be_empty() -> None:
    assert segment("a/b c", "sid") == "a%2Fb%20c"
    with pytest.raises(UsageError, match="conference_sid"):
        segment(" ", "conference_sid")
