"""Models read the wire's quirks into Python values, keep unknown fields and are frozen."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

import pydantic
import pytest
from pydantic import BeforeValidator

from webhooks.rest import (
    Call,
    DialogflowAgent,
    Domain,
    FraudRule,
    IncomingPhoneNumber,
    MmsMessage,
    Participant,
    Usage,
    _wire,
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


_ODD_VALUES: list[object] = [
    None,
    "",
    " ",
    "\x1c",
    "\u3000",
    "null",
    " null ",
    "nul",
    "nulls",
    "null x",
    "n",
    "nu",
    "x",
    " padded ",
    "55",
    " 55 ",
    "-3",
    "1_000",
    "\u0663",
    "5.0",
    "0.1872",
    "1e3",
    "NaN",
    "true",
    "True",
    " FALSE ",
    "yes",
    "Off",
    "t",
    0,
    1,
    2,
    5.0,
    0.1,
    True,
    False,
    [],
]

_REFERENCE: dict[str, Any] = {
    "Text": Annotated[str | None, BeforeValidator(_wire._blank_to_none)],
    "Int": Annotated[int | None, BeforeValidator(_wire._to_int)],
    "Bool": Annotated[bool | None, BeforeValidator(_wire._to_bool)],
    "Money": Annotated[Decimal | None, BeforeValidator(_wire._to_decimal)],
    "Timestamp": Annotated[datetime | None, BeforeValidator(_wire.parse_time)],
}


def _outcome(adapter: pydantic.TypeAdapter[object], value: object) -> tuple[object, ...]:
    try:
        return ("ok", adapter.validate_python(value))
    except pydantic.ValidationError:
        return ("error",)


@pytest.mark.parametrize("name", sorted(_REFERENCE))
def test_wire_types_read_every_value_as_their_python_readers_do(name: str) -> None:
    fast: pydantic.TypeAdapter[object] = pydantic.TypeAdapter(getattr(_wire, name))
    reference: pydantic.TypeAdapter[object] = pydantic.TypeAdapter(_REFERENCE[name])
    values = [*_ODD_VALUES, "Thu, 16 Mar 2017 13:49:37 -0000", "2017-10-16T08:15:08+0000"]
    for value in values:
        expected = _outcome(reference, value)
        if name == "Int" and value == "5.0":
            expected = ("ok", 5)  # pydantic's own int parsing also takes "5.0"
        assert _outcome(fast, value) == expected, value
        if expected[0] == "ok" and not isinstance(value, list):
            assert fast.validate_json(json.dumps(value)) == expected[1], value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 16 Mar 2017 13:49:37 -0000", datetime(2017, 3, 16, 13, 49, 37, tzinfo=UTC)),
        ("Thu, 16 Mar 2017 13:49:37 +0000", datetime(2017, 3, 16, 13, 49, 37, tzinfo=UTC)),
        ("Thu, 6 Mar 2017 03:04:05 +0130", datetime(2017, 3, 6, 1, 34, 5, tzinfo=UTC)),
        ("Mon, 06 Mar 2017 03:04:05 -0800", datetime(2017, 3, 6, 11, 4, 5, tzinfo=UTC)),
        ("6 Mar 2017 03:04:05 GMT", datetime(2017, 3, 6, 3, 4, 5, tzinfo=UTC)),
        ("2017-10-16T08:15:08", datetime(2017, 10, 16, 8, 15, 8, tzinfo=UTC)),
    ],
)
def test_parse_time_reads_rfc2822_and_iso_times_as_aware_utc(text: str, expected: datetime) -> None:
    parsed = _wire.parse_time(text)
    assert parsed == expected
    assert parsed.tzinfo is not None


@pytest.mark.parametrize("text", ["Thu, 16 Mar 2017 25:49:37 -0000", "16 Foo 2017", "soon"])
def test_parse_time_refuses_what_is_no_time(text: str) -> None:
    with pytest.raises(ValueError, match="not an RFC 2822 or ISO 8601 time"):
        _wire.parse_time(text)
