"""FakePlatform calls and stateful resources: hooks, status changes, live-call actions, SIP."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from webhooks.testing import CallAction, CallRecord, FakePlatform

URL = "https://example.com/voice"
MAKE = {
    "From": "+15550001111",
    "To": "+15552223333",
    "Url": URL,
    "Method": "get",
    "StatusCallback": "https://example.com/status",
    "HeartbeatUrl": "https://example.com/beat",
}


@pytest.mark.anyio
async def test_created_call_reaches_the_async_hook(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """``on_call_created`` is awaited with the stored, queued call and its URLs."""
    seen: list[CallRecord] = []

    async def created(call: CallRecord) -> None:
        seen.append(call)

    fake.on_call_created = created
    body = (await client.post(f"{fake.account_uri}/Calls.json", data=MAKE)).json()
    (call,) = seen
    assert call.sid == body["sid"]
    assert fake.calls[call.sid] is call
    assert (call.status, call.direction) == ("queued", "outbound-api")
    assert (call.from_, call.to) == ("+15550001111", "+15552223333")
    assert (call.url, call.method) == (URL, "GET")
    assert call.status_callback == "https://example.com/status"
    assert call.status_callback_method == "POST"
    assert call.heartbeat_url == "https://example.com/beat"
    assert (call.fallback_url, call.fallback_method) == ("", "POST")
    assert call.params["Url"] == URL


@pytest.mark.anyio
async def test_sync_hook_can_move_the_call_on(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """A plain function works as hook; what it changes is what the response shows."""

    def created(call: CallRecord) -> None:
        fake.set_call_status(call.sid, "ringing")

    fake.on_call_created = created
    body = (await client.post(f"{fake.account_uri}/Calls.json", data=MAKE)).json()
    assert body["status"] == "ringing"


def test_set_call_status_fills_times_and_durations() -> None:
    """``in-progress`` starts the clock; ``completed`` ends it with duration and billing."""
    now = [datetime(2017, 3, 16, 13, 49, 37, tzinfo=UTC)]
    fake = FakePlatform(clock=lambda: now[0])
    call = fake.add_call(from_="+1", to="+2", status="queued", direction="outbound-api")
    assert call.data["start_time"] is None
    fake.set_call_status(call.sid, "in-progress", answered_by="human")
    assert call.data["start_time"] == "Thu, 16 Mar 2017 13:49:37 -0000"
    now[0] += timedelta(seconds=4)
    fake.set_call_status(call.sid, "completed", price="0.1872")
    assert call.data["end_time"] == "Thu, 16 Mar 2017 13:49:41 -0000"
    assert (call.duration, call.data["duration_billed"]) == (4, 30)
    assert (call.data["answered_by"], call.data["price"]) == ("human", "0.1872")
    fake.set_call_status(call.sid, "completed", duration=95)
    assert call.data["duration_billed"] == 120


class Recorder:
    """An ``on_call_updated`` hook that remembers what it was told."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, CallAction, dict[str, str]]] = []

    async def __call__(
        self, call: CallRecord, action: CallAction, params: Mapping[str, str]
    ) -> None:
        self.seen.append((call.sid, action, dict(params)))


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("suffix", "params", "action"),
    [
        ("", {"Url": "https://example.com/next", "Method": "GET"}, "interrupt"),
        ("", {"PlayDtmf": "1w2#"}, "send_digits"),
        ("/Recordings", {"Record": "true"}, "record"),
        ("/Play", {"AudioUrl": "https://example.com/a.mp3", "Loop": "true"}, "play"),
        ("/Effect", {"Rate": "1.2"}, "effect"),
    ],
)
async def test_live_call_actions_reach_the_update_hook(
    suffix: str,
    params: dict[str, str],
    action: CallAction,
    fake: FakePlatform,
    client: httpx.AsyncClient,
) -> None:
    """Each live-call request calls ``on_call_updated`` with its action and parameters."""
    recorder = Recorder()
    fake.on_call_updated = recorder
    call = fake.add_call(from_="+1", to="+2")
    response = await client.post(f"{fake.account_uri}/Calls/{call.sid}{suffix}.json", data=params)
    assert response.status_code == 200, response.text
    assert recorder.seen == [(call.sid, action, params)]


@pytest.mark.anyio
async def test_interrupt_changes_url_and_digits_are_kept(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """An interrupt replaces the call's URL; sent digits are kept in order."""
    call = fake.add_call(from_="+1", to="+2", params={"Url": URL})
    url = f"{fake.account_uri}/Calls/{call.sid}.json"
    await client.post(url, data={"Url": "https://example.com/next"})
    await client.post(url, data={"PlayDtmf": "12"})
    await client.post(url, data={"PlayDtmf": "3#"})
    assert call.url == "https://example.com/next"
    assert call.digits == ["12", "3#"]


@pytest.mark.anyio
async def test_hang_up_by_interrupt(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``Status=completed`` ends a live call; then live-call requests answer 21221."""
    recorder = Recorder()
    fake.on_call_updated = recorder
    call = fake.add_call(from_="+1", to="+2")
    url = f"{fake.account_uri}/Calls/{call.sid}.json"
    body = (await client.post(url, data={"Status": "completed"})).json()
    assert body["status"] == "completed"
    assert body["end_time"]
    assert recorder.seen[0][1] == "interrupt"
    again = await client.post(
        f"{fake.account_uri}/Calls/{call.sid}/Play.json", data={"AudioUrl": URL}
    )
    assert (again.status_code, again.json()["code"]) == (400, 21221)


@pytest.mark.anyio
async def test_cancel_only_before_answer(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``Status=canceled`` works on queued/ringing calls and answers 21220 otherwise."""
    queued = fake.add_call(from_="+1", to="+2", status="queued")
    live = fake.add_call(from_="+1", to="+2")
    ok = await client.post(
        f"{fake.account_uri}/Calls/{queued.sid}.json", data={"Status": "canceled"}
    )
    assert ok.json()["status"] == "canceled"
    no = await client.post(f"{fake.account_uri}/Calls/{live.sid}.json", data={"Status": "canceled"})
    assert (no.status_code, no.json()["code"]) == (400, 21220)


@pytest.mark.anyio
async def test_recording_a_live_call(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Record=true adds a recording listed under the call; Record=false answers the last one."""
    call = fake.add_call(from_="+1", to="+2")
    url = f"{fake.account_uri}/Calls/{call.sid}/Recordings.json"
    stop_early = await client.post(url, data={"Record": "false"})
    assert stop_early.json()["code"] == 21509
    started = (await client.post(url, data={"Record": "true", "FileFormat": "wav"})).json()
    assert started["sid"].startswith("RE")
    assert started["call_sid"] == call.sid
    assert started["recording_url"].endswith(".wav")
    stopped = (await client.post(url, data={"Record": "false"})).json()
    assert stopped["sid"] == started["sid"]
    listed = (await client.get(url)).json()
    assert [r["sid"] for r in listed["recordings"]] == [started["sid"]]
    assert call.data["recordings_count"] == "1"
    bad = await client.post(url, data={"Record": "true", "Direction": "sideways"})
    assert bad.json()["code"] == 21507


@pytest.mark.anyio
@pytest.mark.parametrize("params", [{"PitchSemiTones": "15"}, {"Rate": "0"}, {"Tempo": "x"}])
async def test_effect_bounds(
    params: dict[str, str], fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Out-of-range effect parameters answer 21222."""
    call = fake.add_call(from_="+1", to="+2")
    response = await client.post(f"{fake.account_uri}/Calls/{call.sid}/Effect.json", data=params)
    assert (response.status_code, response.json()["code"]) == (400, 21222)


@pytest.mark.anyio
async def test_made_call_links_the_number(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """A call from one of the account's numbers carries its ``phone_number_sid``."""
    number = fake.add_incoming_number("+15550001111")
    body = (await client.post(f"{fake.account_uri}/Calls.json", data=MAKE)).json()
    assert body["phone_number_sid"] == number.sid


@pytest.mark.anyio
async def test_updates_change_and_deletes_remove(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """An application is created, changed, listed and deleted through the API."""
    base = f"{fake.account_uri}/Applications"
    created = (await client.post(f"{base}.json", data={"FriendlyName": "ivr"})).json()
    assert created["voice_caller_id_lookup"] is False
    assert created["voice_method"] == "POST"
    changed = (
        await client.post(
            f"{base}/{created['sid']}.json", data={"VoiceUrl": URL, "VoiceCallerIdLookup": "True"}
        )
    ).json()
    assert (changed["voice_url"], changed["voice_caller_id_lookup"]) == (URL, True)
    assert (await client.get(f"{base}.json")).json()["applications"] == [changed]
    assert (await client.delete(f"{base}/{created['sid']}.json")).json()["sid"] == created["sid"]
    assert (await client.get(f"{base}.json")).json()["total"] == 0


@pytest.mark.anyio
async def test_participants_count_and_hangup(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Participants update the conference's count; muting is a string flag; DELETE hangs up."""
    conference = fake.add_conference("room", status="in-progress")
    first = fake.add_participant(conference.sid, "+1")
    fake.add_participant(conference.sid, "+2")
    assert conference.data["active_participants_count"] == 2
    url = f"{fake.account_uri}/Conferences/{conference.sid}/Participants/{first.sid}.json"
    muted = (await client.post(url, data={"Muted": "True"})).json()
    assert (muted["muted"], muted["deaf"]) == ("true", "false")
    assert (await client.delete(url)).status_code == 200
    assert conference.data["active_participants_count"] == 1
    assert (await client.get(url)).status_code == 404


@pytest.mark.anyio
async def test_sip_domain_mappings_set_auth_type(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Mapping credential lists and IP ACLs to a domain changes its ``auth_type``."""
    sip = f"{fake.account_uri}/SIP"
    domain = (await client.post(f"{sip}/Domains.json", data={"DomainName": "acme"})).json()
    assert (domain["domain_sip_url"], domain["auth_type"]) == ("acme.sip.zang.io", "no_traffic")
    dup = await client.post(f"{sip}/Domains.json", data={"DomainName": "acme"})
    assert dup.json()["code"] == 62007
    cl = (await client.post(f"{sip}/CredentialLists.json", data={"FriendlyName": "c"})).json()
    acl = (await client.post(f"{sip}/IpAccessControlLists.json", data={"FriendlyName": "a"})).json()
    d = f"{sip}/Domains/{domain['sid']}"
    await client.post(f"{d}/CredentialListMappings.json", data={"CredentialListSid": cl["sid"]})
    again = await client.post(
        f"{d}/CredentialListMappings.json", data={"CredentialListSid": cl["sid"]}
    )
    assert again.json()["code"] == 62013
    assert (await client.get(f"{d}.json")).json()["auth_type"] == "credential_list"
    await client.post(
        f"{d}/IpAccessControlListMappings.json", data={"IpAccessControlListSid": acl["sid"]}
    )
    assert (await client.get(f"{d}.json")).json()["auth_type"] == "ip_and_credential"
    listed = (await client.get(f"{d}/CredentialListMappings.json")).json()
    assert [c["sid"] for c in listed["credential_lists"]] == [cl["sid"]]
    await client.delete(f"{d}/CredentialListMappings/{cl['sid']}.json")
    assert (await client.get(f"{d}.json")).json()["auth_type"] == "ip_acl"
    gone = await client.delete(f"{d}/CredentialListMappings/{cl['sid']}.json")
    assert gone.json()["code"] == 62015
    unknown = await client.post(
        f"{d}/IpAccessControlListMappings.json", data={"IpAccessControlListSid": "AL0"}
    )
    assert unknown.json()["code"] == 62008


@pytest.mark.anyio
async def test_credentials_and_ip_addresses_rules(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Short passwords, duplicate usernames and bad or duplicate IPs answer their codes."""
    cl = fake.add("credential_lists", friendly_name="c")
    creds = f"{fake.account_uri}/SIP/CredentialLists/{cl.sid}/Credentials.json"
    short = await client.post(creds, data={"Username": "bob", "Password": "short"})
    assert short.json()["code"] == 62001
    made = (await client.post(creds, data={"Username": "bob", "Password": "long-enough"})).json()
    assert "password" not in made
    assert cl.data["credentials_count"] == 1
    dup = await client.post(creds, data={"Username": "bob", "Password": "long-enough"})
    assert dup.json()["code"] == 62002
    acl = fake.add("ip_access_control", friendly_name="a")
    ips = f"{fake.account_uri}/SIP/IpAccessControlLists/{acl.sid}/IpAddresses.json"
    bad = await client.post(ips, data={"FriendlyName": "x", "IpAddress": "::1"})
    assert bad.json()["code"] == 62005
    await client.post(ips, data={"FriendlyName": "x", "IpAddress": "10.1.1.1"})
    twice = await client.post(ips, data={"FriendlyName": "y", "IpAddress": "10.1.1.1"})
    assert twice.json()["code"] == 62016
    assert acl.data["ip_addresses_count"] == 1
    await client.delete(f"{fake.account_uri}/SIP/IpAccessControlLists/{acl.sid}.json")
    assert fake.records("ip_addresses") == []


@pytest.mark.anyio
async def test_fraud_rules(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Fraud rules are wrapped by their kind; extending adds 30 days to an authorization."""
    fraud = f"{fake.account_uri}/Fraud"
    missing = await client.post(f"{fraud}/Extend/DE.json")
    assert missing.status_code == 400
    authorized = (await client.post(f"{fraud}/Authorize/DE.json", data={"SmsEnabled": "1"})).json()
    rule = authorized["authorized"]
    assert (rule["country_name"], rule["country_prefix"], rule["sms_enabled"]) == (
        "Germany",
        "+49",
        True,
    )
    extended = (await client.post(f"{fraud}/Extend/DE.json")).json()["authorized"]
    assert extended["expiration_date"] != rule["expiration_date"]
    await client.post(f"{fraud}/Block/RS.json")
    listed = (await client.get(f"{fraud}.json")).json()["frauds"]
    assert [next(iter(item)) for item in listed] == ["blocked", "authorized"]


@pytest.mark.anyio
async def test_available_numbers(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Available numbers are generated per country and type, and filtered."""
    url = f"{fake.account_uri}/AvailablePhoneNumbers/US/Local.json"
    body = (await client.get(url, params={"AreaCode": "415", "PageSize": "5"})).json()
    assert body["total"] == 20
    assert all(n["phone_number"].startswith("+1415") for n in body["available_phone_numbers"])
    assert body["available_phone_numbers"][0]["voice_enabled"] == "true"
    toll = (await client.get(f"{fake.account_uri}/AvailablePhoneNumbers/US/Tollfree.json")).json()
    assert toll["available_phone_numbers"][0]["phone_number"].startswith("+1800")
    bad = await client.get(f"{fake.account_uri}/AvailablePhoneNumbers/US/Mobile.json")
    assert bad.status_code == 400
