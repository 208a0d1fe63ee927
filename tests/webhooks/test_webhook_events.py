"""Typed events: field names, open enums, extra parameters, JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from webhook_support import CALL_SID, voice_params

from webhooks import (
    BadRequest,
    CallDirection,
    CallStatus,
    DialEvent,
    GatherEvent,
    RecordEvent,
    SessionError,
    SmsEvent,
    StatusEvent,
    VoiceEvent,
)
from webhooks.events import EVENT_CLASSES, event_json_schemas
from webhooks.routing import KINDS

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema" / "events"


def test_documented_parameters_become_snake_case_attributes() -> None:
    event = GatherEvent.from_params(voice_params(Digits="12", ForwardedFrom="+1999"))
    assert (event.call_sid, event.from_, event.to, event.digits) == (
        CALL_SID,
        "+15550001111",
        "+15552223333",
        "12",
    )
    assert event.caller_name == "Jane Doe"
    assert event.api_version == "v2"
    assert event.url_base == "https://example.com/voice"
    assert event.forwarded_from == "+1999"
    assert event.extra == {}


def test_unknown_parameters_are_kept_in_extra() -> None:
    event = VoiceEvent.from_params(voice_params(AnsweredBy="human", WebClientParam_number="42"))
    assert event.extra == {"AnsweredBy": "human", "WebClientParam_number": "42"}
    assert event.web_client_params == {"number": "42"}


def test_statuses_and_directions_are_open_enums() -> None:
    event = VoiceEvent.from_params(voice_params(Direction="outbound", CallStatus="answered-ish"))
    assert event.direction is CallDirection.OUTBOUND
    assert VoiceEvent.from_params(voice_params(Direction="outbound-api")).direction is (
        CallDirection.OUTBOUND_API
    )
    assert event.call_status == "answered-ish"
    assert isinstance(event.call_status, CallStatus)
    assert not CallStatus("answered-ish").is_final
    assert CallStatus.NO_ANSWER.is_final


def test_events_are_frozen() -> None:
    event = VoiceEvent.from_params(voice_params())
    with pytest.raises(ValidationError):
        event.call_sid = "CA2"  # type: ignore[misc]


def test_events_can_be_built_by_python_name_for_unit_tests() -> None:
    event = StatusEvent(call_sid="CA1", account_sid="AC1", call_status=CallStatus.BUSY)
    assert event.is_final
    event.session["k"] = 1  # a detached session outside an app
    assert event.session == {"k": 1}


def test_blank_optional_numbers_are_none_and_bad_ones_rejected() -> None:
    assert RecordEvent.from_params(voice_params(RecordingDuration="")).recording_duration is None
    assert RecordEvent.from_params(voice_params(RecordingDuration="7")).recording_duration == 7
    with pytest.raises(BadRequest, match="invalid RecordingDuration"):
        RecordEvent.from_params(voice_params(RecordingDuration="x"))


def test_missing_required_parameter_names_it() -> None:
    with pytest.raises(BadRequest, match=r"^missing Body$"):
        SmsEvent.from_params({"From": "+1", "To": "+2"})


def test_dial_result_uses_the_dial_call_convention() -> None:
    event = DialEvent.from_params(voice_params(DialCallStatus="no-answer", DialCallDuration="0"))
    assert event.dial_call_status is CallStatus.NO_ANSWER
    assert event.dial_call_duration == 0


def test_session_of_a_dispatched_event_without_callsid_is_an_error() -> None:
    event = SmsEvent.from_params({"From": "+1", "To": "+2", "Body": "hi"})
    object.__setattr__(event, "_session", "SmsEvent has no CallSid, so no session")
    with pytest.raises(SessionError, match="no CallSid"):
        _ = event.session


def test_every_kind_has_an_exported_event_class() -> None:
    assert {kind.event for kind in KINDS.values()} <= set(EVENT_CLASSES)
    assert [c.__name__ for c in EVENT_CLASSES] == sorted(c.__name__ for c in EVENT_CLASSES)


def test_json_schemas_are_in_sync_with_the_models() -> None:
    """Regenerate with ``python -m webhooks schema`` when this fails."""
    expected = {
        f"{name}.json": json.dumps(schema, indent=2, sort_keys=True) + "\n"
        for name, schema in event_json_schemas().items()
    }
    actual = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert actual == expected


def test_schemas_use_the_platform_names_and_open_enums() -> None:
    schema = event_json_schemas()["GatherEvent"]
    assert {"CallSid", "AccountSid", "From", "Digits", "extra"} <= set(schema["properties"])
    assert set(schema["required"]) == {"CallSid", "AccountSid"}
    assert schema["$defs"]["CallStatus"]["type"] == "string"
    assert "enum" not in schema["$defs"]["CallStatus"]
