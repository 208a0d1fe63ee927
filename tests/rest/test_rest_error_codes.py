"""The platform's error dictionary ships with the package: ``describe`` and ``str(ApiError)``."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from conftest import ACCOUNT, BASE, TOKEN, json_response

from webhooks.rest import ApiError, Client, RetryPolicy
from webhooks.rest._codegen import meanings, render
from webhooks.rest.errors import describe

CALL = "CA" + "1" * 32
ERRORS_TSV = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "errors.tsv"
SHIPPED = Path(__file__).resolve().parents[2] / "webhooks" / "rest" / "_codes.py"


@pytest.mark.skipif(not ERRORS_TSV.exists(), reason="the platform reference (../shared) is absent")
def test_the_shipped_table_is_what_the_generator_writes_from_errors_tsv() -> None:
    tsv = ERRORS_TSV.read_text(encoding="utf-8")
    assert SHIPPED.read_text(encoding="utf-8") == render(tsv)
    for line in tsv.splitlines():
        code, _area, meaning = line.split("\t")
        assert meaning in (describe(int(code)) or "")


def test_describe_gives_the_meaning_of_a_code_or_none() -> None:
    assert describe(21217) == "Phone number does not appear to be valid"
    assert describe(10004) == "Invalid credentials supplied"
    assert describe(99999) is None
    assert describe(-1) is None


def test_a_code_listed_twice_keeps_both_meanings_with_their_areas() -> None:
    tsv = "31026\trest-lookups\tNot discovered\n31026\tbilling\tNo rate\n10004\tauth\tBad creds\n"
    assert meanings(tsv) == {
        31026: "Not discovered (rest-lookups); No rate (billing)",
        10004: "Bad creds",
    }
    assert "Rate could not be found" in (describe(31026) or "")


def test_the_generator_refuses_a_malformed_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        meanings("10004\tauth\tBad creds\nnot a row\n")


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"status": 400, "code": 21217}, "HTTP 400 code 21217: Bad Request (Phone number does"),
        ({"status": 400, "code": 21217, "message": "bad"}, "code 21217: bad (Phone number does"),
        (
            {"status": 400, "code": 70001, "message": "Country could not be authorized"},
            "code 70001: Country could not be authorized",
        ),
        ({"status": 403, "code": 10004, "message": "Invalid credentials"}, "Invalid credentials"),
        ({"status": 400, "code": 99999, "message": "odd"}, "code 99999: odd"),
    ],
)
def test_str_of_api_error_adds_the_meaning_when_the_message_is_terse(
    body: dict[str, object], shown: str
) -> None:
    transport = httpx.MockTransport(lambda request: json_response(int(str(body["status"])), body))
    with (
        Client(
            ACCOUNT, TOKEN, base_url=BASE, retry=RetryPolicy.never(), transport=transport
        ) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.calls.get(CALL)
    text = str(caught.value)
    assert shown in text
    assert text.count("(") <= 1
    assert caught.value.meaning == describe(int(str(body["code"])))
