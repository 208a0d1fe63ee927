"""The handlers of the fake platform's endpoints that have behaviour of their own.

Calls and live-call actions, messages, SIP mappings and credentials, numbers, lookups and fraud
rules; the routes that only create, read, update or delete use the generic handlers of
``_fake_routing``. The table of routes is in ``_fake_routes``.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Final

from . import _fake_kinds as k
from ._fake_records import CallRecord, Kind, Record, format_date, new_sid, parse_date
from ._fake_render import ApiFailure, Body, Item, Text
from ._fake_routing import (
    Ctx,
    Filter,
    Handler,
    apply,
    contains,
    create,
    eq,
    find,
    paginate,
    sid_arg,
    truthy,
)

__all__ = [
    "COUNTRIES",
    "ENDED_STATUSES",
    "FRAUD_FLAGS",
    "NUMBER_SETTINGS",
    "add_byoc",
    "add_credential",
    "allowed_countries",
    "available",
    "buy_fields",
    "byoc_fields",
    "byoc_only",
    "change_password",
    "client_fields",
    "domain_fields",
    "effect_call",
    "fraud",
    "frauds",
    "interrupt_or_digits",
    "ip_address",
    "lookup",
    "make_call",
    "mapped",
    "mapping",
    "message_fields",
    "mms_fields",
    "participant_play",
    "play_call",
    "record_call",
    "transcribe_fields",
    "transcription_text",
    "unmap",
    "update_ip",
]

ENDED_STATUSES: Final = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
"""Call statuses after which a call takes no more live-call actions."""

NUMBER_SETTINGS: Final = (
    "FriendlyName",
    "VoiceUrl",
    "VoiceMethod",
    "VoiceFallbackUrl",
    "VoiceFallbackMethod",
    "VoiceCallerIdLookup",
    "SmsUrl",
    "SmsMethod",
    "SmsFallbackUrl",
    "SmsFallbackMethod",
    "HeartbeatUrl",
    "HeartbeatMethod",
    "StatusCallback",
    "StatusCallbackMethod",
    "HangupCallback",
    "HangupCallbackMethod",
)
FRAUD_FLAGS: Final = ("MobileEnabled", "LandlineEnabled", "SmsEnabled")

# ISO code -> (name, dialling prefix); enough countries for tests of numbers and fraud rules.
COUNTRIES: Final[Mapping[str, tuple[str, str]]] = {
    "US": ("United States", "+1"),
    "CA": ("Canada", "+1"),
    "GB": ("United Kingdom", "+44"),
    "DE": ("Germany", "+49"),
    "HR": ("Croatia", "+385"),
    "RS": ("Serbia", "+381"),
}


# --- calls -------------------------------------------------------------------------------


def _call(ctx: Ctx) -> CallRecord:
    record = find(ctx, k.CALL, ctx.args["CallSid"])
    assert isinstance(record, CallRecord)  # noqa: S101 - the store builds calls as CallRecord
    return record


def _live_call(ctx: Ctx) -> CallRecord:
    call = _call(ctx)
    if call.status in ENDED_STATUSES:
        raise ApiFailure(400, 21221)
    return call


async def make_call(ctx: Ctx) -> Body:
    """POST /Calls: store a queued call, link the account's number, call ``on_call_created``."""
    p = ctx.params
    numbers = {r.data["phone_number"]: r.sid for r in ctx.store.all(k.NUMBER)}
    fields = {
        "to": p["To"].strip(),
        "from": p["From"].strip(),
        "phone_number_sid": numbers.get(p["From"].strip(), ""),
        "forwarded_from": p.get("ForwardedFrom", ""),
        "caller_id_blocked": "true" if p.get("HideCallerId", "").lower() == "true" else "false",
    }
    call = ctx.store.add(k.CALL, fields, now=ctx.fake.now(), params=p)
    assert isinstance(call, CallRecord)  # noqa: S101 - the store builds calls as CallRecord
    await ctx.fake._notify_created(call)
    return Item(k.CALL.element, call.data)


async def interrupt_or_digits(ctx: Ctx) -> Body:
    """POST /Calls/{sid}: send digits (``PlayDtmf``) and/or interrupt (``Url``, ``Status``)."""
    call = _live_call(ctx)
    p = ctx.params
    if "PlayDtmf" in p:
        call.digits.append(p["PlayDtmf"])
        await ctx.fake._notify_updated(call, "send_digits", p)
    if p.keys() & {"Url", "Method", "Status"} or "PlayDtmf" not in p:
        status = p.get("Status", "").lower()
        if status == "canceled" and call.status not in {"queued", "ringing"}:
            raise ApiFailure(400, 21220, "Only queued or ringing calls can be canceled")
        if status and status not in {"canceled", "completed"}:
            raise ApiFailure(400, 21220, f"Status must be canceled or completed, got {status!r}")
        for name in ("Url", "Method"):
            if name in p:
                call.params[name] = p[name]
        if status:
            ctx.fake.set_call_status(call.sid, status)
        await ctx.fake._notify_updated(call, "interrupt", p)
    return Item(k.CALL.element, call.data)


def _choice(ctx: Ctx, name: str, allowed: set[str], code: int) -> None:
    value = ctx.params.get(name)
    if value is not None and value.lower() not in allowed:
        raise ApiFailure(400, code, f"{name} must be one of {sorted(allowed)}, got {value!r}")


async def record_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Recordings: start (a new recording) or stop (the last one)."""
    call = _live_call(ctx)
    _choice(ctx, "Direction", {"in", "out", "both"}, 21507)
    _choice(ctx, "FileFormat", {"mp3", "wav"}, 10022)
    recordings = [r for r in ctx.store.all(k.RECORDING) if r.data["call_sid"] == call.sid]
    if truthy(ctx.params["Record"]):
        fmt = ctx.params.get("FileFormat", "mp3").lower()
        sid = new_sid(k.RECORDING.prefix)
        url = f"{ctx.store.item_path(k.RECORDING, sid)}.{fmt}"
        fields = {"call_sid": call.sid, "recording_url": url}
        record = ctx.store.add(k.RECORDING, fields, sid=sid, now=ctx.fake.now())
        call.data["recordings_count"] = str(len(recordings) + 1)
    elif recordings:
        record = recordings[-1]
    else:
        raise ApiFailure(400, 21509)
    await ctx.fake._notify_updated(call, "record", ctx.params)
    return Item(k.RECORDING.element, record.data)


async def play_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Play: hand the audio to ``on_call_updated``."""
    call = _live_call(ctx)
    _choice(ctx, "Direction", {"in", "out", "both"}, 10022)
    await ctx.fake._notify_updated(call, "play", ctx.params)
    return Item(k.CALL.element, call.data)


_EFFECT_BOUNDS: Final[Mapping[str, tuple[float, float]]] = {
    "Pitch": (0.0, float("inf")),
    "Rate": (0.0, float("inf")),
    "Tempo": (0.0, float("inf")),
    "PitchSemiTones": (-14.0, 14.0),
    "PitchOctaves": (-1.0, 1.0),
}


async def effect_call(ctx: Ctx) -> Body:
    """POST /Calls/{sid}/Effect: check the bounds (21222) and hand on the effect."""
    call = _live_call(ctx)
    for name, (low, high) in _EFFECT_BOUNDS.items():
        if name in ctx.params:
            try:
                value = float(ctx.params[name])
            except ValueError:
                raise ApiFailure(400, 21222, f"{name} must be a number") from None
            exclusive = high == float("inf")
            if (value <= low if exclusive else value < low) or value > high:
                raise ApiFailure(400, 21222, f"{name} is out of bounds")
    await ctx.fake._notify_updated(call, "effect", ctx.params)
    return Item(k.CALL.element, call.data)


# --- messages, conferences, applications -------------------------------------------------------


def message_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a sent SMS."""
    return {"to": ctx.params["To"], "from": ctx.params["From"], "body": ctx.params.get("Body", "")}


def mms_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a sent MMS."""
    return {**message_fields(ctx), "media_url": ctx.params["MediaUrl"]}


async def participant_play(ctx: Ctx) -> Body:
    """POST …/Participants/{sid}/Play: remember the audio URLs played."""
    conference = find(ctx, k.CONFERENCE, ctx.args["ConferenceSid"])
    participant = find(ctx, k.PARTICIPANT, ctx.args["ParticipantSid"], conference.sid)
    participant.extra.setdefault("played", []).extend(ctx.all("AudioUrl"))
    return Item(k.PARTICIPANT.element, participant.data)


def client_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a new application client, with a generated password."""
    return {"nickname": ctx.params["Nickname"], "client_password": secrets.token_hex(8)}


# --- SIP ---------------------------------------------------------------------------------------


def domain_fields(ctx: Ctx) -> dict[str, Any]:
    """A new domain's name and SIP URL: 62006 when invalid, 62007 when taken."""
    name = ctx.params["DomainName"].strip().lower()
    if not name or not all(c.isalnum() or c in "-." for c in name):
        raise ApiFailure(400, 62006)
    if any(r.data["domain_name"] == name for r in ctx.store.all(k.DOMAIN)):
        raise ApiFailure(400, 62007)
    return {"domain_name": name, "domain_sip_url": f"{name}.sip.zang.io"}


def _auth_type(domain: Record) -> str:
    acls, creds = bool(domain.extra.get("ip_acls")), bool(domain.extra.get("credential_lists"))
    return {
        (False, False): "no_traffic",
        (True, False): "IP_ACL",
        (False, True): "CREDENTIAL_LIST",
        (True, True): "ip_and_credential",
    }[acls, creds]


def mapping(target: Kind, slot: str, param: str, codes: tuple[int, int, int]) -> Handler:
    """POST a mapping of a credential list / IP ACL to a domain (invalid, duplicate codes)."""
    invalid, duplicate, _ = codes

    async def handler(ctx: Ctx) -> Body:
        domain = find(ctx, k.DOMAIN, ctx.args["DomainSid"])
        sid = ctx.params[param]
        if ctx.store.get(target, sid) is None:
            raise ApiFailure(400, invalid)
        mapped: list[str] = domain.extra.setdefault(slot, [])
        if sid in mapped:
            raise ApiFailure(400, duplicate)
        mapped.append(sid)
        domain.data["auth_type"] = _auth_type(domain)
        return Item(target.element, find(ctx, target, sid).data)

    return handler


def unmap(target: Kind, slot: str, codes: tuple[int, int, int]) -> Handler:
    """DELETE a mapping from a domain (the third code when it is not mapped)."""

    async def handler(ctx: Ctx) -> Body:
        domain = find(ctx, k.DOMAIN, ctx.args["DomainSid"])
        sid = sid_arg(ctx)
        mapped: list[str] = domain.extra.setdefault(slot, [])
        if sid not in mapped:
            raise ApiFailure(400, codes[2])
        mapped.remove(sid)
        domain.data["auth_type"] = _auth_type(domain)
        return Item(target.element, find(ctx, target, sid).data)

    return handler


def mapped(target: Kind, slot: str) -> Handler:
    """GET the credential lists / IP ACLs mapped to a domain."""

    async def handler(ctx: Ctx) -> Body:
        domain = find(ctx, k.DOMAIN, ctx.args["DomainSid"])
        records = [ctx.store.get(target, sid) for sid in domain.extra.get(slot, [])]
        items = [r.data for r in records if r is not None]
        return paginate(ctx, target.element, target.list_key, items)

    return handler


def _password(ctx: Ctx, code: int) -> str:
    password = ctx.params.get("Password", "")
    if len(password) < 8:
        raise ApiFailure(400, code, "The password must have at least 8 characters")
    return password


async def add_credential(ctx: Ctx) -> Body:
    """POST a SIP credential: 62002 for a taken username, 62001 for a short password."""
    parent = find(ctx, k.CREDENTIAL_LIST, ctx.args["CLSid"]).sid
    username = ctx.params["Username"]
    if any(
        r.data["username"] == username for r in ctx.store.all(k.CREDENTIAL) if r.parent == parent
    ):
        raise ApiFailure(400, 62002)
    password = _password(ctx, 62001)
    fields = {"username": username, "friendly_name": username}
    record = ctx.store.add(k.CREDENTIAL, fields, parent=parent, now=ctx.fake.now())
    record.extra["password"] = password
    return Item(k.CREDENTIAL.element, record.data)


async def change_password(ctx: Ctx) -> Body:
    """POST a credential's new password (62003 when too short)."""
    record = find(ctx, k.CREDENTIAL, ctx.args["CredentialSid"], ctx.args["CLSid"])
    record.extra["password"] = _password(ctx, 62003)
    apply(ctx, record, (), ctx.fake.now())
    return Item(k.CREDENTIAL.element, record.data)


def ip_address(ctx: Ctx, code: int, exclude: str = "") -> dict[str, Any]:
    """The validated ``IpAddress`` (IPv4 only; ``code`` when invalid, 62016 when taken)."""
    value = ctx.params["IpAddress"].strip()
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        raise ApiFailure(400, code) from None
    parent = ctx.args["AclSid"]
    siblings = [r for r in ctx.store.all(k.IP_ADDRESS) if r.parent == parent and r.sid != exclude]
    if any(r.data["ip_address"] == value for r in siblings):
        raise ApiFailure(400, 62016)
    return {"ip_address": value}


async def update_ip(ctx: Ctx) -> Body:
    """POST changes to an IP address of an ACL."""
    record = find(ctx, k.IP_ADDRESS, ctx.args["IpSid"], ctx.args["AclSid"])
    record.data.update(ip_address(ctx, 62004, exclude=record.sid))
    apply(ctx, record, ("FriendlyName",), ctx.fake.now())
    return Item(k.IP_ADDRESS.element, record.data)


# --- numbers -----------------------------------------------------------------------------------


def buy_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a bought number: ``PhoneNumber``, or a number in ``AreaCode`` (21408)."""
    number = ctx.params.get("PhoneNumber", "").strip()
    area = ctx.params.get("AreaCode", "").strip()
    if not number and not area:
        raise ApiFailure(400, 21408)
    if not number:
        number = f"+1{area}{secrets.randbelow(10**7):07d}"
    renewal = ctx.fake.now() + timedelta(days=30)
    return {
        "phone_number": number,
        "friendly_name": number,
        "next_renewal_date": format_date(renewal),
    }


def byoc_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a BYOC number (its ``type`` from ``Type``)."""
    fields = buy_fields(ctx)
    fields["type"] = ctx.params["Type"].lower()
    return fields


async def add_byoc(ctx: Ctx) -> Body:
    """POST /Numbers/Byoc: store a number marked as brought by the customer."""
    item = await create(k.NUMBER, NUMBER_SETTINGS, fields=byoc_fields)(ctx)
    assert isinstance(item, Item)  # noqa: S101 - create answers with one item
    record = find(ctx, k.NUMBER, str(item.data["sid"]))
    record.extra["byoc"] = True
    record.extra["vendor"] = ctx.params["ByocVendor"]
    return item


def byoc_only(record: Record) -> bool:
    """Whether a number was added through BYOC."""
    return bool(record.extra.get("byoc"))


async def available(ctx: Ctx) -> Body:
    """GET /AvailablePhoneNumbers/{Country}/{Type}: 20 generated numbers, filtered."""
    country = ctx.args["Country"].upper()
    kind = ctx.args["Type"].lower()
    if kind not in {"local", "tollfree"}:
        raise ApiFailure(400, 10022, f"Type must be Local or Tollfree, got {ctx.args['Type']!r}")
    prefix = COUNTRIES.get(country, ("", ""))[1]
    items: list[Mapping[str, Any]] = []
    if prefix:
        area = "800" if kind == "tollfree" else ctx.params.get("AreaCode") or "555"
        for i in range(20):
            local = f"{area}{2000100 + i:07d}" if prefix == "+1" else f"{100200300 + i}"
            item = dict(k.AVAILABLE_NUMBER.template)
            item.update(
                phone_number=f"{prefix}{local}",
                friendly_name=f"{prefix}{local}",
                iso_country=country,
                country_code=prefix,
                type=kind,
                npa=area if prefix == "+1" else "",
                city="Springfield",
                region="IL" if country == "US" else country,
                postal_code="62701",
            )
            items.append(item)
    filters: dict[str, Filter] = {
        "Contains": contains("phone_number"),
        "InRegion": eq("region"),
        "InPostalCode": eq("postal_code"),
    }
    return paginate(ctx, k.AVAILABLE_NUMBER.element, k.AVAILABLE_NUMBER.list_key, items, filters)


async def allowed_countries(ctx: Ctx) -> Body:
    """GET /Numbers/AllowedCountries/{NumberType}: the countries the fake knows."""
    items = [
        {
            "country_code": code,
            "country_name": name,
            "number_type": ctx.args["NumberType"].lower(),
            "service_type": ctx.params.get("ServiceType", "cpaas"),
        }
        for code, (name, _prefix) in COUNTRIES.items()
    ]
    filters = {"Country": eq("country_code")}
    kind = k.ALLOWED_COUNTRY
    return paginate(ctx, kind.element, kind.list_key, list(items), filters)


# --- recordings, transcriptions, lookups, fraud ------------------------------------------------


async def transcription_text(ctx: Ctx) -> Body:
    """GET /Transcriptions/{sid}: the resource, or only its text for ``.txt``."""
    record = find(ctx, k.TRANSCRIPTION, ctx.args["TranscriptionSid"])
    if ctx.fmt == "txt":
        return Text(str(record.data["transcription_text"]))
    return Item(k.TRANSCRIPTION.element, record.data)


def transcribe_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a new transcription, of a recording or of ``AudioUrl``."""
    fields: dict[str, Any] = {"type": ctx.params.get("Quality", "auto").lower()}
    recording_sid = ctx.args.get("RecordingSid")
    if recording_sid:
        recording = find(ctx, k.RECORDING, recording_sid)
        fields.update(recording_sid=recording.sid, audio_url=recording.data["recording_url"])
    else:
        fields["audio_url"] = ctx.params.get("AudioUrl", "")
    return fields


def lookup(kind: Kind) -> Handler:
    """POST a lookup: one record per ``PhoneNumber``; answers the first."""

    async def handler(ctx: Ctx) -> Body:
        numbers = ctx.all("PhoneNumber")
        now = ctx.fake.now()
        records = []
        for phone in numbers:
            fields: dict[str, Any] = {"phone_number": phone}
            if kind is k.CNAM_LOOKUP:
                fields["body"] = ctx.fake.cnam_names.get(phone)
            records.append(ctx.store.add(kind, fields, now=now))
        return Item(kind.element, records[0].data)

    return handler


def fraud(rule: str, wrapper: str) -> Handler:
    """POST /Fraud/{Block|Authorize|Whitelist|Extend}/{CountryCode}: set or extend a rule."""

    async def handler(ctx: Ctx) -> Body:
        code = ctx.args["CountryCode"].upper()
        now = ctx.fake.now()
        existing = next(
            (r for r in ctx.store.all(k.FRAUD_RULE) if r.data["country_code"] == code), None
        )
        if rule == "extend":
            if existing is None or existing.extra.get("rule") != "authorized":
                raise ApiFailure(400, 10022, f"{code} has no authorization to extend")
            expires = parse_date(existing.data["expiration_date"]) or now
            existing.data["expiration_date"] = format_date(expires + timedelta(days=30))
            existing.data["date_updated"] = format_date(now)
            return Item("", {wrapper: existing.data})
        if existing is not None:
            ctx.store.remove(existing)
        name, prefix = COUNTRIES.get(code, (code, ""))
        fields: dict[str, Any] = {
            "country_code": code,
            "country_name": name,
            "country_prefix": prefix,
            "expiration_date": format_date(now + timedelta(days=30))
            if rule == "authorized"
            else "",
        }
        record = ctx.store.add(k.FRAUD_RULE, fields, now=now)
        record.extra["rule"] = rule
        apply(ctx, record, FRAUD_FLAGS, now)
        return Item("", {wrapper: record.data})

    return handler


async def frauds(ctx: Ctx) -> Body:
    """GET /Fraud: every rule, wrapped by its kind."""
    items = [{r.extra["rule"]: r.data} for r in reversed(ctx.store.all(k.FRAUD_RULE))]
    return paginate(ctx, "", k.FRAUD_RULE.list_key, items)
