"""Models read the wire's quirks into Python values, keep unknown fields and are frozen."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pydantic
import pytest

from webhooks.rest import (
    Call,
    DialogflowAgent,
    Domain,
    FraudRule,
    IncomingPhoneNumber,
    MmsMessage,
    Participant,
    Usage,
)

RECORDED_CALL = {
    "sid": "CA" + "a" * 32,
    "parent_call_sid": "",
    "account_sid": "AC" + "b" * 32,
    "to": "+385915125486",
    "from": "+385915125487",
    "status": "completed",
    "direction": "outbound-api",
    "answered_by": "tbd",
    "start_time": "Thu, 16 Mar 2017 13:49:37 -0000",
    "end_time": "Thu, 16 Mar 2017 13:49:41 +0100",
    "duration": 4,
    "duration_billed": 30,
    "price": "0.1872",
    "api_version": "v2",
    "caller_id_blocked": "false",
    "recordings_count": "",
    "subresource_uris": {"notifications": "/n", "recordings": "/r"},
    "brand_new_field": {"kept": True},
}


def test_call_reads_strings_blanks_and_rfc2822_times() -> None:
    call = Call.model_validate(RECORDED_CALL)
    assert call.from_ == "+385915125487"
    assert call.parent_call_sid is None
    assert call.caller_id_blocked is False
    assert call.recordings_count is None
    assert call.price == Decimal("0.1872")
    assert call.start_time == datetime(2017, 3, 16, 13, 49, 37, tzinfo=UTC)
    assert call.end_time is not None
    assert call.end_time.astimezone(UTC) == datetime(2017, 3, 16, 12, 49, 41, tzinfo=UTC)


def test_unknown_fields_are_kept() -> None:
    call = Call.model_validate(RECORDED_CALL)
    assert call.model_extra == {"brand_new_field": {"kept": True}}


def test_models_are_frozen() -> None:
    call = Call.model_validate(RECORDED_CALL)
    with pytest.raises(pydantic.ValidationError):
        call.status = "queued"  # type: ignore[misc]


def test_mms_reads_iso_times_mms_sid_and_camel_case_api_version() -> None:
    mms = MmsMessage.model_validate(
        {"mms_sid": "MM1", "date_created": "2017-10-16T08:15:08+0000", "apiVersion": "v2"}
    )
    assert mms.sid == "MM1"
    assert mms.api_version == "v2"
    assert mms.date_created == datetime(2017, 10, 16, 8, 15, 8, tzinfo=UTC)


def test_participant_and_usage_numbers_arrive_as_strings() -> None:
    participant = Participant.model_validate(
        {"sid": "PA1", "duration": "55", "muted": "false", "deaf": "True"}
    )
    assert (participant.duration, participant.muted, participant.deaf) == (55, False, True)
    usage = Usage.model_validate({"sid": "AU1", "day": "24", "month": "03", "year": "2017"})
    assert (usage.day, usage.month, usage.year) == (24, 3, 2017)


def test_number_capabilities_and_string_boolean() -> None:
    number = IncomingPhoneNumber.model_validate(
        {"sid": "DI1", "voice_caller_id_lookup": "false", "capabilities": {"voice": True}}
    )
    assert number.voice_caller_id_lookup is False
    assert number.capabilities == {"voice": True}


def test_fraud_rule_is_unwrapped_and_names_its_kind() -> None:
    rule = FraudRule.model_validate({"authorized": {"country_code": "CU", "is_lock": "false"}})
    assert (rule.kind, rule.country_code, rule.is_lock) == ("authorized", "CU", False)


def test_domain_reads_the_seed_spelling_of_the_sip_url() -> None:
    assert Domain.model_validate({"sid": "SD1", "domain-sip_url": "a.sip.zang.io"}).domain_sip_url
    assert DialogflowAgent.model_validate({"Friendly_name": "bot"}).friendly_name == "bot"


def test_a_malformed_time_is_a_validation_error() -> None:
    with pytest.raises(pydantic.ValidationError):
        Call.model_validate({"sid": "CA1", "start_time": "yesterday"})
