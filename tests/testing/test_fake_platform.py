"""FakePlatform: every endpoint round-trips; auth, 404, missing parameters and wrong methods."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from webhooks.testing import FakePlatform, FakeRecord
from webhooks.testing.fake_platform._routes import ROUTES
from webhooks.testing.fake_platform._routing import Route

SID = re.compile(r"^[A-Z]{2}[0-9a-f]{32}$")
RFC2822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0000$")
PAGING = (
    "page",
    "num_pages",
    "page_size",
    "total",
    "start",
    "end",
    "uri",
    "first_page_uri",
    "previous_page_uri",
    "next_page_uri",
    "last_page_uri",
)


def seed(fake: FakePlatform) -> dict[str, str]:
    """One resource of every kind, and the SIDs the endpoint cases refer to."""
    call = fake.add_call(from_="+15550001111", to="+15552223333")
    recording = fake.add_recording(call.sid, duration=7)
    conference = fake.add_conference("room")
    application = fake.add("applications", friendly_name="app")
    domain = fake.add("domains", domain_name="office", domain_sip_url="office.sip.zang.io")
    mapped_list = fake.add("credential_lists", friendly_name="mapped")
    mapped_acl = fake.add("ip_access_control", friendly_name="mapped")
    domain.extra.update(credential_lists=[mapped_list.sid], ip_acls=[mapped_acl.sid])
    byoc = fake.add_incoming_number("+15553334444", type="customer ported")
    byoc.extra["byoc"] = True
    fraud = fake.add("frauds", country_code="HR", expiration_date="")
    fraud.extra["rule"] = "authorized"
    records: dict[str, FakeRecord] = {
        "usage": fake.add("usages"),
        "sms": fake.add("sms_messages", from_="+15550001111", to="+15552223333", body="hi"),
        "mms": fake.add("mms_messages", from_="+15550001111", to="+15552223333"),
        "participant": fake.add_participant(conference.sid, "+15550001111"),
        "client": fake.add("clients", parent=application.sid, nickname="alice"),
        "agent": fake.add("agents", friendly_name="bot"),
        "cl2": fake.add("credential_lists", friendly_name="other"),
        "acl2": fake.add("ip_access_control", friendly_name="other"),
        "number": fake.add_incoming_number("+15557654321"),
        "transcription": fake.add_transcription("hello", recording_sid=recording.sid),
        "notification": fake.add("notifications", call_sid=call.sid),
    }
    records["credential"] = fake.add("credentials", parent=mapped_list.sid, username="bob")
    records["ip"] = fake.add("ip_addresses", parent=mapped_acl.sid, ip_address="10.0.0.1")
    sids = {name: record.sid for name, record in records.items()}
    sids.update(
        call=call.sid,
        recording=recording.sid,
        conference=conference.sid,
        app=application.sid,
        domain=domain.sid,
        cl=mapped_list.sid,
        acl=mapped_acl.sid,
        byoc=byoc.sid,
    )
    return sids


URL = "https://example.com/voice"
# route name -> (path below the account, form or query parameters); {names} are seed() SIDs.
CASES: dict[str, tuple[str, dict[str, str]]] = {
    "account.get": ("", {}),
    "account.update": ("", {"FriendlyName": "Renamed"}),
    "usages.get": ("/Usages/{usage}", {}),
    "usages.list": ("/Usages", {}),
    "calls.create": ("/Calls", {"From": "+15550001111", "To": "+15552223333", "Url": URL}),
    "calls.get": ("/Calls/{call}", {}),
    "calls.list": ("/Calls", {}),
    "calls.update": ("/Calls/{call}", {"Url": URL, "Method": "GET"}),
    "calls.record": ("/Calls/{call}/Recordings", {"Record": "true", "Direction": "both"}),
    "calls.recordings": ("/Calls/{call}/Recordings", {}),
    "calls.play": ("/Calls/{call}/Play", {"AudioUrl": "https://example.com/a.mp3"}),
    "calls.effect": ("/Calls/{call}/Effect", {"Pitch": "1.5", "PitchSemiTones": "-3"}),
    "calls.notifications": ("/Calls/{call}/Notifications", {}),
    "sms.create": ("/SMS/Messages", {"To": "+15552223333", "From": "+15550001111", "Body": "Hi"}),
    "sms.get": ("/SMS/Messages/{sms}", {}),
    "sms.list": ("/SMS/Messages", {}),
    "mms.create": (
        "/MMS/Messages",
        {"To": "+15552223333", "From": "+15550001111", "MediaUrl": "https://example.com/i.png"},
    ),
    "mms.get": ("/MMS/Messages/{mms}", {}),
    "mms.list": ("/MMS/Messages", {}),
    "conferences.get": ("/Conferences/{conference}", {}),
    "conferences.list": ("/Conferences", {}),
    "participants.get": ("/Conferences/{conference}/Participants/{participant}", {}),
    "participants.list": ("/Conferences/{conference}/Participants", {}),
    "participants.update": (
        "/Conferences/{conference}/Participants/{participant}",
        {"Muted": "true"},
    ),
    "participants.play": (
        "/Conferences/{conference}/Participants/{participant}/Play",
        {"AudioUrl": "https://example.com/a.mp3"},
    ),
    "participants.hangup": ("/Conferences/{conference}/Participants/{participant}", {}),
    "applications.get": ("/Applications/{app}", {}),
    "applications.create": ("/Applications", {"FriendlyName": "new", "VoiceUrl": URL}),
    "applications.update": ("/Applications/{app}", {"VoiceCallerIdLookup": "true"}),
    "applications.delete": ("/Applications/{app}", {}),
    "applications.list": ("/Applications", {}),
    "clients.list": ("/Applications/{app}/Clients", {}),
    "clients.get": ("/Applications/{app}/Clients/{client}", {}),
    "clients.token": ("/Applications/{app}/Clients/Tokens", {"Nickname": "carol"}),
    "agents.list": ("/Agents", {}),
    "agents.get": ("/Agents/{agent}", {}),
    "agents.configure": ("/Agents/{agent}/ConfigProfile", {"Friendly_name": "helper"}),
    "domains.get": ("/SIP/Domains/{domain}", {}),
    "domains.list": ("/SIP/Domains", {}),
    "domains.create": ("/SIP/Domains", {"DomainName": "newdomain", "VoiceUrl": URL}),
    "domains.update": ("/SIP/Domains/{domain}", {"HeartbeatUrl": URL}),
    "domains.delete": ("/SIP/Domains/{domain}", {}),
    "domains.credential_lists": ("/SIP/Domains/{domain}/CredentialListMappings", {}),
    "domains.map_credential_list": (
        "/SIP/Domains/{domain}/CredentialListMappings",
        {"CredentialListSid": "{cl2}"},
    ),
    "domains.unmap_credential_list": ("/SIP/Domains/{domain}/CredentialListMappings/{cl}", {}),
    "domains.ip_acls": ("/SIP/Domains/{domain}/IpAccessControlListMappings", {}),
    "domains.map_ip_acl": (
        "/SIP/Domains/{domain}/IpAccessControlListMappings",
        {"IpAccessControlListSid": "{acl2}"},
    ),
    "domains.unmap_ip_acl": ("/SIP/Domains/{domain}/IpAccessControlListMappings/{acl}", {}),
    "credential_lists.get": ("/SIP/CredentialLists/{cl}", {}),
    "credential_lists.list": ("/SIP/CredentialLists", {}),
    "credential_lists.create": ("/SIP/CredentialLists", {"FriendlyName": "new"}),
    "credential_lists.update": ("/SIP/CredentialLists/{cl}", {"FriendlyName": "renamed"}),
    "credential_lists.delete": ("/SIP/CredentialLists/{cl}", {}),
    "credentials.get": ("/SIP/CredentialLists/{cl}/Credentials/{credential}", {}),
    "credentials.list": ("/SIP/CredentialLists/{cl}/Credentials", {}),
    "credentials.create": (
        "/SIP/CredentialLists/{cl}/Credentials",
        {"Username": "dave", "Password": "secret-123"},
    ),
    "credentials.update": (
        "/SIP/CredentialLists/{cl}/Credentials/{credential}",
        {"Password": "another-123"},
    ),
    "credentials.delete": ("/SIP/CredentialLists/{cl}/Credentials/{credential}", {}),
    "ip_acls.get": ("/SIP/IpAccessControlLists/{acl}", {}),
    "ip_acls.list": ("/SIP/IpAccessControlLists", {}),
    "ip_acls.create": ("/SIP/IpAccessControlLists", {"FriendlyName": "new"}),
    "ip_acls.update": ("/SIP/IpAccessControlLists/{acl}", {"FriendlyName": "renamed"}),
    "ip_acls.delete": ("/SIP/IpAccessControlLists/{acl}", {}),
    "ip_addresses.get": ("/SIP/IpAccessControlLists/{acl}/IpAddresses/{ip}", {}),
    "ip_addresses.list": ("/SIP/IpAccessControlLists/{acl}/IpAddresses", {}),
    "ip_addresses.create": (
        "/SIP/IpAccessControlLists/{acl}/IpAddresses",
        {"FriendlyName": "office", "IpAddress": "10.0.0.2"},
    ),
    "ip_addresses.update": (
        "/SIP/IpAccessControlLists/{acl}/IpAddresses/{ip}",
        {"FriendlyName": "moved", "IpAddress": "10.0.0.3"},
    ),
    "ip_addresses.delete": ("/SIP/IpAccessControlLists/{acl}/IpAddresses/{ip}", {}),
    "numbers.get": ("/IncomingPhoneNumbers/{number}", {}),
    "numbers.list": ("/IncomingPhoneNumbers", {}),
    "numbers.buy": ("/IncomingPhoneNumbers", {"AreaCode": "555", "VoiceUrl": URL}),
    "numbers.update": ("/IncomingPhoneNumbers/{number}", {"SmsUrl": URL}),
    "numbers.release": ("/IncomingPhoneNumbers/{number}", {}),
    "byoc.list": ("/Numbers/Byoc", {}),
    "byoc.add": (
        "/Numbers/Byoc",
        {"ByocVendor": "acme", "PhoneNumber": "+15559990000", "Type": "Local"},
    ),
    "byoc.update": ("/Numbers/BYOC/{byoc}", {"VoiceUrl": URL}),
    "byoc.delete": ("/Numbers/Byoc/{byoc}", {}),
    "available_numbers.list": ("/AvailablePhoneNumbers/US/Local", {"AreaCode": "415"}),
    "allowed_countries.list": ("/Numbers/AllowedCountries/Local", {"Country": "HR"}),
    "recordings.get": ("/Recordings/{recording}", {}),
    "recordings.list": ("/Recordings", {}),
    "recordings.delete": ("/Recordings/{recording}", {}),
    "transcriptions.get": ("/Transcriptions/{transcription}", {}),
    "transcriptions.list": ("/Transcriptions", {}),
    "recordings.transcriptions": ("/Recordings/{recording}/Transcriptions", {}),
    "recordings.transcribe": ("/Recordings/{recording}/Transcriptions", {"Quality": "keywords"}),
    "transcriptions.create": ("/Transcriptions", {"AudioUrl": "https://example.com/a.mp3"}),
    "notifications.get": ("/Notifications/{notification}", {}),
    "notifications.list": ("/Notifications", {}),
    "lookups.carrier": ("/Lookups/Carrier", {"PhoneNumber": "+15552223333"}),
    "lookups.carrier_list": ("/Lookups/Carrier", {}),
    "lookups.cnam": ("/Lookups/Cnam", {"PhoneNumber": "+15552223333"}),
    "lookups.cnam_list": ("/Lookups/Cnam", {}),
    "lookups.bna": ("/Lookups/Bna", {"PhoneNumber": "+15552223333"}),
    "lookups.bna_list": ("/Lookups/Bna", {}),
    "fraud.block": ("/Fraud/Block/DE", {"MobileEnabled": "true"}),
    "fraud.authorize": ("/Fraud/Authorize/GB", {"SmsEnabled": "true"}),
    "fraud.extend": ("/Fraud/Extend/HR", {}),
    "fraud.whitelist": ("/Fraud/Whitelist/RS", {"LandlineEnabled": "true"}),
    "fraud.list": ("/Fraud", {}),
}

ROUTE_IDS = [route.name for route in ROUTES]


def request_for(
    fake: FakePlatform, route: Route, suffix: str = ".json"
) -> tuple[str, dict[str, str]]:
    """The URL and parameters of the case for ``route``, after seeding ``fake``."""
    sids = seed(fake)
    path, params = CASES[route.name]
    url = fake.account_uri + path.format(**sids) + suffix
    return url, {key: value.format(**sids) for key, value in params.items()}


async def send(
    client: httpx.AsyncClient, method: str, url: str, params: dict[str, str]
) -> httpx.Response:
    """Send form parameters on POST, query parameters otherwise."""
    if method == "POST":
        return await client.post(url, data=params)
    return await client.request(method, url, params=params)


def test_every_route_has_a_case() -> None:
    """The table of cases covers exactly the routes the fake serves."""
    assert set(CASES) == set(ROUTE_IDS)
    assert len(ROUTE_IDS) == len(set(ROUTE_IDS))


@pytest.mark.anyio
@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
async def test_route_round_trips_json(
    route: Route, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Each endpoint answers 200 with JSON; an item read back by its ``uri`` is the same."""
    url, params = request_for(fake, route)
    response = await send(client, route.method, url, params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert fake.requests[-1].path == url
    assert fake.requests[-1].params == params
    body: dict[str, Any] = response.json()
    list_keys = [key for key in body if isinstance(body[key], list)]
    if list_keys:
        assert list(body)[: len(PAGING)] == list(PAGING)
        assert body["total"] >= len(body[list_keys[0]])
        return
    item = body if "uri" in body else None
    if item is None or route.name.startswith("lookups."):
        return  # no uri (fraud rules, MMS) or no endpoint behind it (lookups)
    assert SID.match(item.get("sid") or item["mms_sid"])
    again = await client.get(item["uri"])
    if route.method == "DELETE" and ".unmap_" not in route.name:
        assert again.status_code == 404
    else:
        assert again.json() == item


@pytest.mark.anyio
@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
async def test_route_answers_xml(
    route: Route, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """The same request with ``.xml`` answers a ``<Response>`` document."""
    url, params = request_for(fake, route, ".xml")
    response = await send(client, route.method, url, params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == "Response"
    assert len(root) == 1


@pytest.mark.anyio
async def test_no_suffix_means_xml(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Without a format suffix the platform answers XML, with CamelCase elements."""
    call = fake.add_call(from_="+1555", to="+1666")
    response = await client.get(f"{fake.account_uri}/Calls/{call.sid}")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root[0].tag == "Call"
    assert root[0].findtext("Sid") == call.sid
    assert root[0].findtext("AccountSid") == fake.account_sid
    assert root[0].find("SubresourceUris/Recordings") is not None


@pytest.mark.anyio
async def test_account_is_the_account_path(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``GET /Accounts/{sid}.json`` answers the account with its subresource URIs."""
    body = (await client.get(f"{fake.account_uri}.json")).json()
    assert body["sid"] == fake.account_sid
    assert body["account_balance"] == "100.0000"
    assert body["subresource_uris"]["sms_messages"] == f"{fake.account_uri}/SMS/Messages.json"


@pytest.mark.anyio
async def test_call_fields_have_the_wire_types(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """A created call has the platform's fields, types and date format."""
    params = {"From": "+15550001111", "To": "+15552223333", "Url": URL, "HideCallerId": "True"}
    body = (await client.post(f"{fake.account_uri}/Calls.json", data=params)).json()
    assert SID.match(body["sid"])
    assert body["sid"].startswith("CA")
    assert body["status"] == "queued"
    assert body["direction"] == "outbound-api"
    assert body["duration"] == 0
    assert body["caller_id_blocked"] == "true"
    assert body["price"] == "0.0000"
    assert RFC2822.match(body["date_created"])
    assert body["uri"] == f"{fake.account_uri}/Calls/{body['sid']}.json"


@pytest.mark.anyio
async def test_mms_uses_iso_dates_and_camel_api_version(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """MMS keep their quirks: ``mms_sid``, ISO 8601 dates and ``apiVersion``."""
    params = {"To": "+15552223333", "From": "+15550001111", "MediaUrl": "https://e.com/i.png"}
    body = (await client.post(f"{fake.account_uri}/MMS/Messages.json", data=params)).json()
    assert body["mms_sid"].startswith("MM")
    assert body["apiVersion"] == "v2"
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$", body["date_created"])


def test_defaults_are_generated() -> None:
    """Without credentials the fake makes an ``AC`` SID and a 32-hex token."""
    fake = FakePlatform()
    assert SID.match(fake.account_sid)
    assert fake.account_sid.startswith("AC")
    assert re.fullmatch(r"[0-9a-f]{32}", fake.auth_token)
    assert fake.account_uri == f"/v2/Accounts/{fake.account_sid}"
    assert FakePlatform("AC" + "1" * 32, "tok").auth == ("AC" + "1" * 32, "tok")


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    "auth", [("ACnobody", "wrong"), None], ids=["wrong-credentials", "no-credentials"]
)
async def test_bad_credentials_answer_10004(
    auth: tuple[str, str] | None, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Wrong or missing credentials answer 403 with code 10004, as JSON for ``.json``."""
    url = f"{fake.account_uri}/Calls.json"
    response = await client.get(url, auth=auth or httpx.BasicAuth("", ""))
    assert response.status_code == 403
    body = response.json()
    assert body["status"] == 403
    assert body["code"] == 10004
    assert body["more_info"].endswith("/10004")
    assert isinstance(body["message"], str)


@pytest.mark.anyio
async def test_bad_credentials_answer_xml_for_xml(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """An ``.xml`` request gets the error as ``<Response><RestException>``."""
    response = await client.get(f"{fake.account_uri}/Calls.xml", auth=("AC", "nope"))
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    exception = root.find("RestException")
    assert exception is not None
    assert exception.findtext("Status") == "403"
    assert exception.findtext("Code") == "10004"
    assert exception.findtext("MoreInfo", "").endswith("/10004")


@pytest.mark.anyio
async def test_other_account_is_denied(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Valid credentials on another account's path answer 403."""
    response = await client.get(f"/v2/Accounts/AC{'0' * 32}/Calls.json")
    assert response.status_code == 403
    assert response.json()["code"] == 20006


GET_ITEM_ROUTES = [
    r for r in ROUTES if r.method == "GET" and r.pattern.endswith("}") and ".list" not in r.name
]


@pytest.mark.anyio
@pytest.mark.parametrize("route", GET_ITEM_ROUTES, ids=[r.name for r in GET_ITEM_ROUTES])
async def test_unknown_sid_answers_404(
    route: Route, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """An unknown SID answers 404 with the platform's error body."""
    url, _ = request_for(fake, route)
    url = re.sub(r"[A-Z]{2}[0-9a-f]{32}\.json$", "XX" + "0" * 32 + ".json", url)
    response = await client.get(url)
    assert response.status_code == 404, response.text
    body = response.json()
    assert body["status"] == 404
    assert body["code"] in {21204, 21227, 21501}


@pytest.mark.anyio
async def test_unknown_call_is_21204(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Calls have their own not-found code."""
    response = await client.get(f"{fake.account_uri}/Calls/CA{'0' * 32}.json")
    assert (response.status_code, response.json()["code"]) == (404, 21204)


@pytest.mark.anyio
async def test_unknown_path_answers_404(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """A path no endpoint has answers 404."""
    response = await client.get(f"{fake.account_uri}/Nothing/Here.json")
    assert response.status_code == 404
    assert (await client.get("/v1/Accounts/AC.json")).status_code == 404


REQUIRED = [(route, name, code) for route in ROUTES for name, code in route.required]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("route", "missing", "code"),
    REQUIRED,
    ids=[f"{route.name}-{name}" for route, name, _ in REQUIRED],
)
async def test_missing_required_parameter_answers_400(
    route: Route, missing: str, code: int, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """Leaving out a required parameter answers 400 with its code from the dictionary."""
    url, params = request_for(fake, route)
    params.pop(missing, None)
    response = await send(client, route.method, url, params)
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "message": f"{missing} is required",
        "code": code,
        "more_info": f"http://www.zang.io/docs/api/rest/overview/errors/{code}",
    }


@pytest.mark.anyio
async def test_buying_a_number_needs_area_code_or_number(
    fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """``POST /IncomingPhoneNumbers`` without ``AreaCode`` or ``PhoneNumber`` is 21408."""
    response = await client.post(f"{fake.account_uri}/IncomingPhoneNumbers.json", data={})
    assert (response.status_code, response.json()["code"]) == (400, 21408)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("method", "path", "code"),
    [
        ("DELETE", "/Calls", 20004),
        ("GET", "/Lookups/Cnam/x", 21501),
        ("DELETE", "/Calls/{call}/Play", 60001),
        ("GET", "/Fraud/Block/DE", 60001),
        ("POST", "/Recordings", 60000),
        ("GET", "/Numbers/Byoc/{byoc}", 60002),
        ("GET", "/SIP/Domains/{domain}/CredentialListMappings/{cl}", 20004),
    ],
)
async def test_wrong_method_answers_405(
    method: str, path: str, code: int, fake: FakePlatform, client: httpx.AsyncClient
) -> None:
    """A known path with another method answers 405 and the platform's method codes."""
    sids = seed(fake)
    response = await client.request(method, f"{fake.account_uri}{path.format(**sids)}.json")
    assert response.json()["code"] == code
    assert response.status_code == (404 if code == 21501 else 405)


@pytest.mark.anyio
async def test_strict_params_reject_unknown_parameters(client: httpx.AsyncClient) -> None:
    """With ``strict_params`` a misspelt parameter answers 400 / 20001."""
    fake = FakePlatform(strict_params=True)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fake), base_url="http://fake", auth=fake.auth
    ) as strict:
        params = {"From": "+1555", "To": "+1666", "Url": URL, "HearbeatMethod": "GET"}
        response = await strict.post(f"{fake.account_uri}/Calls.json", data=params)
        assert (response.status_code, response.json()["code"]) == (400, 20001)
        del params["HearbeatMethod"]
        response = await strict.post(f"{fake.account_uri}/Calls.json", data=params)
        assert response.status_code == 200


# --- other formats, the request log, seeding ------------------------------------------------


@pytest.mark.anyio
async def test_lists_answer_csv(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``.csv`` on a list answers a header row and one row per item."""
    for n in range(3):
        fake.add_call(from_=f"+1555000{n}", to="+15552223333")
    response = await client.get(f"{fake.account_uri}/Calls.csv")
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("sid,parent_call_sid,account_sid,to,from")
    assert len(lines) == 4


@pytest.mark.anyio
async def test_transcription_txt_is_its_text(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``GET /Transcriptions/{sid}.txt`` answers only the text."""
    transcription = fake.add_transcription("Hello there")
    response = await client.get(f"{fake.account_uri}/Transcriptions/{transcription.sid}.txt")
    assert response.text == "Hello there"
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.anyio
async def test_requests_are_logged(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """Every request is logged with method, path, resource, parameters and headers."""
    await client.post(
        f"{fake.account_uri}/Lookups/Cnam.json?PhoneNumber=%2B1",
        data={"PhoneNumber": ["+2", "+3"]},
    )
    logged = fake.requests[-1]
    assert logged.method == "POST"
    assert logged.resource == "/Lookups/Cnam"
    assert logged.format == "json"
    assert logged.params == {"PhoneNumber": "+3"}
    assert logged.pairs == (("PhoneNumber", "+1"), ("PhoneNumber", "+2"), ("PhoneNumber", "+3"))
    assert logged.headers["content-type"] == "application/x-www-form-urlencoded"
    assert len(fake.records("cnam_lookups")) == 3


@pytest.mark.anyio
async def test_cnam_answers_seeded_names(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """CNAM lookups answer the names in ``cnam_names`` (``null`` otherwise)."""
    fake.cnam_names["+15552223333"] = "ALICE"
    url = f"{fake.account_uri}/Lookups/Cnam.json"
    assert (await client.post(url, data={"PhoneNumber": "+15552223333"})).json()["body"] == "ALICE"
    assert (await client.post(url, data={"PhoneNumber": "+15550000000"})).json()["body"] is None


@pytest.mark.anyio
async def test_seeded_numbers_are_listed(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``add_incoming_number`` stores a number the API lists and reads back."""
    number = fake.add_incoming_number("+15557654321", voice_url=URL)
    body = (await client.get(f"{fake.account_uri}/IncomingPhoneNumbers.json")).json()
    assert [n["sid"] for n in body["incoming_phone_numbers"]] == [number.sid]
    assert body["incoming_phone_numbers"][0]["voice_url"] == URL
    assert body["incoming_phone_numbers"][0]["friendly_name"] == "+15557654321"


def test_seeding_rejects_unknown_fields_and_kinds(fake: FakePlatform) -> None:
    """A typo in a seeded field or kind fails loudly."""
    with pytest.raises(KeyError, match="no field 'voice_uri'"):
        fake.add_incoming_number("+1555", voice_uri=URL)
    with pytest.raises(KeyError, match="unknown kind"):
        fake.add("callz")


@pytest.mark.anyio
async def test_reset_forgets_everything(fake: FakePlatform, client: httpx.AsyncClient) -> None:
    """``reset()`` drops records, requests and faults but keeps the account."""
    fake.add_call(from_="+1", to="+2")
    fake.faults.add("*", status=500, times=None)
    await client.get(f"{fake.account_uri}.json")
    fake.reset()
    assert not fake.calls
    assert not fake.requests
    assert not list(fake.faults)
    assert (await client.get(f"{fake.account_uri}.json")).status_code == 200


@pytest.mark.anyio
async def test_lifespan_is_answered(fake: FakePlatform) -> None:
    """The app completes ASGI lifespan startup and shutdown."""
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send_message(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    await fake({"type": "lifespan"}, receive, send_message)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_public_names_are_sorted_and_exported() -> None:
    """The package's ``__all__`` is sorted; every class in it is documented."""
    import webhooks.testing as package

    assert package.__all__ == sorted(package.__all__)
    for name in package.__all__:
        value = getattr(package, name)
        assert not isinstance(value, type) or value.__doc__
