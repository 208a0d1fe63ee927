"""The fake answers as the platform's own recorded answers do: value types, field sets, case."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from webhooks.testing import FakePlatform

pytestmark = pytest.mark.anyio


async def test_sip_domain_auth_type_has_the_recorded_case(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """``auth_type`` moves through ``no_traffic``, ``ip_acl``, ``ip_and_credential`` and
    ``credential_list`` in lower case, as in the vendor's recorded answers."""
    sip = f"{fake.account_uri}/SIP"
    domain = (await client.post(f"{sip}/Domains.json", data={"DomainName": "acme"})).json()
    acl = (await client.post(f"{sip}/IpAccessControlLists.json", data={"FriendlyName": "a"})).json()
    cl = (await client.post(f"{sip}/CredentialLists.json", data={"FriendlyName": "c"})).json()
    d = f"{sip}/Domains/{domain['sid']}"
    seen = [domain["auth_type"]]
    await client.post(
        f"{d}/IpAccessControlListMappings.json", data={"IpAccessControlListSid": acl["sid"]}
    )
    seen.append((await client.get(f"{d}.json")).json()["auth_type"])
    await client.post(f"{d}/CredentialListMappings.json", data={"CredentialListSid": cl["sid"]})
    seen.append((await client.get(f"{d}.json")).json()["auth_type"])
    await client.delete(f"{d}/IpAccessControlListMappings/{acl['sid']}.json")
    seen.append((await client.get(f"{d}.json")).json()["auth_type"])
    assert seen == ["no_traffic", "ip_acl", "ip_and_credential", "credential_list"]


async def test_strict_params_accept_country_and_type_repeated_in_the_query() -> None:
    """The vendor's SDK repeats the path's ``Country`` and ``Type`` as query parameters."""
    fake = FakePlatform(strict_params=True)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fake), base_url="http://fake", auth=fake.auth
    ) as strict:
        url = f"{fake.account_uri}/AvailablePhoneNumbers/US/Local.json"
        answer = await strict.get(url, params={"Country": "US", "Type": "Local", "AreaCode": "415"})
        assert answer.status_code == 200
        assert answer.json()["available_phone_numbers"]
        wrong = await strict.get(url, params={"Country": "US", "Kind": "Local"})
        assert (wrong.status_code, wrong.json()["code"]) == (400, 20001)


async def test_incoming_number_capabilities_are_strings(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    bought = await client.post(
        f"{fake.account_uri}/IncomingPhoneNumbers.json", data={"PhoneNumber": "+14155550100"}
    )
    assert bought.json()["capabilities"] == {"voice": "true", "sms": "true"}


async def test_only_an_authorization_carries_an_expiration_date(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    fraud = f"{fake.account_uri}/Fraud"
    blocked = (await client.post(f"{fraud}/Block/CU.json", data={"MobileEnabled": "true"})).json()
    listed = (await client.post(f"{fraud}/Whitelist/FR.json")).json()
    authorized = (await client.post(f"{fraud}/Authorize/DE.json")).json()
    assert "expiration_date" not in blocked["blocked"]
    assert "expiration_date" not in listed["whitelisted"]
    assert authorized["authorized"]["expiration_date"]
    rules = (await client.get(f"{fraud}.json")).json()["frauds"]
    assert sorted(kind for rule in rules for kind in rule) == [
        "authorized",
        "blocked",
        "whitelisted",
    ]


async def test_fraud_rules_are_listed_by_sms_enabled(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    fraud = f"{fake.account_uri}/Fraud"
    await client.post(f"{fraud}/Block/CU.json", data={"SmsEnabled": "true"})
    await client.post(f"{fraud}/Block/KP.json", data={"SmsEnabled": "false"})
    rules = (await client.get(f"{fraud}.json", params={"SmsEnabled": "true"})).json()["frauds"]
    assert [rule["blocked"]["country_code"] for rule in rules] == ["CU"]


async def test_a_transcription_of_an_audio_url_names_no_recording(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    of_url = await client.post(
        f"{fake.account_uri}/Transcriptions.json", data={"AudioUrl": "https://a/b.mp3"}
    )
    assert "recording_sid" not in of_url.json()
    recording = fake.add_recording(duration=5)
    of_recording = await client.post(
        f"{fake.account_uri}/Recordings/{recording.sid}/Transcriptions.json"
    )
    assert of_recording.json()["recording_sid"] == recording.sid
    assert "recording_sid" not in fake.add_transcription("hi").data


async def test_a_single_item_asked_as_csv_answers_csv(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    call = fake.add_call(from_="+15550001111", to="+15552223333")
    answer = await client.get(f"{fake.account_uri}/Calls/{call.sid}.csv")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [(row["sid"], row["from"]) for row in rows] == [(call.sid, "+15550001111")]
