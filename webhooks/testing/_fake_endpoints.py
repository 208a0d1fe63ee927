"""The endpoint table of the fake platform: every route of the REST reference.

Most routes are the generic handlers of ``_fake_routing`` applied to a resource kind; the ones
with behaviour of their own (calls, messages, SIP mappings, numbers, lookups, fraud rules) are
written out below the helpers they share.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any, Final

from . import _fake_records as k
from ._fake_records import CallRecord, Kind, Record, format_date
from ._fake_render import ApiFailure, Body, Item, Text
from ._fake_routing import (
    Ctx,
    Filter,
    Handler,
    Route,
    accepted,
    apply,
    contains,
    create,
    delete,
    eq,
    find,
    flag,
    get,
    list_of,
    number,
    on_date,
    paginate,
    sid_arg,
    truthy,
    update,
)

__all__ = ["ENDED_STATUSES", "ROUTES"]

ENDED_STATUSES: Final = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
"""Call statuses after which a call takes no more live-call actions."""

_NUMBER_SETTINGS: Final = (
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
_NUMBER_APPS: Final = ("VoiceApplicationSid", "SmsApplicationSid", "MmsApplicationSid")
_MAKE_CALL: Final = (
    "From",
    "To",
    "Url",
    "Method",
    "FallbackUrl",
    "FallbackMethod",
    "StatusCallback",
    "StatusCallbackMethod",
    "HeartbeatUrl",
    "HeartbeatMethod",
    "ForwardedFrom",
    "PlayDtmf",
    "Timeout",
    "HideCallerId",
    "Record",
    "RecordCallback",
    "RecordCallbackMethod",
    "Transcribe",
    "TranscribeCallback",
    "TranscribeQuality",
    "StraightToVoicemail",
    "IfMachine",
    "IfMachineUrl",
    "IfMachineMethod",
    "SipAuthUsername",
    "SipAuthPassword",
)
_RECORD_CALL: Final = (
    "Record",
    "Direction",
    "TimeLimit",
    "CallbackUrl",
    "Callback",
    "FileFormat",
    "TrimSilence",
    "Transcribe",
    "TranscribeQuality",
    "TranscribeCallback",
)
_EFFECT: Final = ("AudioDirection", "AudioDirections", "Pitch", "PitchSemiTones")
_EFFECT_MORE: Final = ("PitchOctaves", "Rate", "Tempo")
_TRANSCRIBE: Final = ("TranscribeCallback", "CallbackMethod", "SliceStart", "SliceDuration")
_DOMAIN: Final = (
    "FriendlyName",
    "VoiceUrl",
    "VoiceMethod",
    "VoiceFallbackUrl",
    "VoiceFallbackMethod",
    "HeartbeatUrl",
    "HeartbeatMethod",
    "VoiceStatusCallback",
    "VoiceStatusCallbackMethod",
)
_AGENT: Final = (
    "Friendly_name",
    "Timeout",
    "Callback_url",
    "Callback_method",
    "Language",
    "Event_callback_url",
    "Events",
    "Event_Callback_method",
    "Event_ Callback_method",
)
_FRAUD_FLAGS: Final = ("MobileEnabled", "LandlineEnabled", "SmsEnabled")

# ISO code -> (name, dialling prefix); enough countries for tests of numbers and fraud rules.
COUNTRIES: Final[Mapping[str, tuple[str, str]]] = {
    "US": ("United States", "+1"),
    "CA": ("Canada", "+1"),
    "GB": ("United Kingdom", "+44"),
    "DE": ("Germany", "+49"),
    "HR": ("Croatia", "+385"),
    "RS": ("Serbia", "+381"),
}


def _params(*groups: Sequence[str]) -> frozenset[str]:
    return frozenset(name for group in groups for name in group)


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


async def _make_call(ctx: Ctx) -> Body:
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


async def _interrupt_or_digits(ctx: Ctx) -> Body:
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


async def _record_call(ctx: Ctx) -> Body:
    call = _live_call(ctx)
    _choice(ctx, "Direction", {"in", "out", "both"}, 21507)
    _choice(ctx, "FileFormat", {"mp3", "wav"}, 10022)
    recordings = [r for r in ctx.store.all(k.RECORDING) if r.data["call_sid"] == call.sid]
    if truthy(ctx.params["Record"]):
        fmt = ctx.params.get("FileFormat", "mp3").lower()
        sid = k.new_sid(k.RECORDING.prefix)
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


async def _play_call(ctx: Ctx) -> Body:
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


async def _effect_call(ctx: Ctx) -> Body:
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


def _message_fields(ctx: Ctx) -> dict[str, Any]:
    return {"to": ctx.params["To"], "from": ctx.params["From"], "body": ctx.params.get("Body", "")}


def _mms_fields(ctx: Ctx) -> dict[str, Any]:
    return {**_message_fields(ctx), "media_url": ctx.params["MediaUrl"]}


async def _participant_play(ctx: Ctx) -> Body:
    conference = find(ctx, k.CONFERENCE, ctx.args["ConferenceSid"])
    participant = find(ctx, k.PARTICIPANT, ctx.args["ParticipantSid"], conference.sid)
    participant.extra.setdefault("played", []).extend(ctx.all("AudioUrl"))
    return Item(k.PARTICIPANT.element, participant.data)


def _client_fields(ctx: Ctx) -> dict[str, Any]:
    return {"nickname": ctx.params["Nickname"], "client_password": secrets.token_hex(8)}


# --- SIP ---------------------------------------------------------------------------------------


def _domain_fields(ctx: Ctx) -> dict[str, Any]:
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


def _mapping(target: Kind, slot: str, param: str, codes: tuple[int, int, int]) -> Handler:
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


def _unmap(target: Kind, slot: str, codes: tuple[int, int, int]) -> Handler:
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


def _mapped(target: Kind, slot: str) -> Handler:
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


async def _add_credential(ctx: Ctx) -> Body:
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


async def _change_password(ctx: Ctx) -> Body:
    record = find(ctx, k.CREDENTIAL, ctx.args["CredentialSid"], ctx.args["CLSid"])
    record.extra["password"] = _password(ctx, 62003)
    apply(ctx, record, (), ctx.fake.now())
    return Item(k.CREDENTIAL.element, record.data)


def _ip_address(ctx: Ctx, code: int, exclude: str = "") -> dict[str, Any]:
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


async def _update_ip(ctx: Ctx) -> Body:
    record = find(ctx, k.IP_ADDRESS, ctx.args["IpSid"], ctx.args["AclSid"])
    record.data.update(_ip_address(ctx, 62004, exclude=record.sid))
    apply(ctx, record, ("FriendlyName",), ctx.fake.now())
    return Item(k.IP_ADDRESS.element, record.data)


# --- numbers -----------------------------------------------------------------------------------


def _buy_fields(ctx: Ctx) -> dict[str, Any]:
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


def _byoc_fields(ctx: Ctx) -> dict[str, Any]:
    fields = _buy_fields(ctx)
    fields["type"] = ctx.params["Type"].lower()
    return fields


async def _add_byoc(ctx: Ctx) -> Body:
    item = await create(k.NUMBER, _NUMBER_SETTINGS, fields=_byoc_fields)(ctx)
    assert isinstance(item, Item)  # noqa: S101 - create answers with one item
    record = find(ctx, k.NUMBER, str(item.data["sid"]))
    record.extra["byoc"] = True
    record.extra["vendor"] = ctx.params["ByocVendor"]
    return item


def _byoc_only(record: Record) -> bool:
    return bool(record.extra.get("byoc"))


async def _available(ctx: Ctx) -> Body:
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


async def _allowed_countries(ctx: Ctx) -> Body:
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


async def _transcription_text(ctx: Ctx) -> Body:
    record = find(ctx, k.TRANSCRIPTION, ctx.args["TranscriptionSid"])
    if ctx.fmt == "txt":
        return Text(str(record.data["transcription_text"]))
    return Item(k.TRANSCRIPTION.element, record.data)


def _transcribe_fields(ctx: Ctx) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": ctx.params.get("Quality", "auto").lower()}
    recording_sid = ctx.args.get("RecordingSid")
    if recording_sid:
        recording = find(ctx, k.RECORDING, recording_sid)
        fields.update(recording_sid=recording.sid, audio_url=recording.data["recording_url"])
    else:
        fields["audio_url"] = ctx.params.get("AudioUrl", "")
    return fields


def _lookup(kind: Kind) -> Handler:
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


def _fraud(rule: str, wrapper: str) -> Handler:
    async def handler(ctx: Ctx) -> Body:
        code = ctx.args["CountryCode"].upper()
        now = ctx.fake.now()
        existing = next(
            (r for r in ctx.store.all(k.FRAUD_RULE) if r.data["country_code"] == code), None
        )
        if rule == "extend":
            if existing is None or existing.extra.get("rule") != "authorized":
                raise ApiFailure(400, 10022, f"{code} has no authorization to extend")
            expires = k.parse_date(existing.data["expiration_date"]) or now
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
        apply(ctx, record, _FRAUD_FLAGS, now)
        return Item("", {wrapper: record.data})

    return handler


async def _frauds(ctx: Ctx) -> Body:
    items = [{r.extra["rule"]: r.data} for r in reversed(ctx.store.all(k.FRAUD_RULE))]
    return paginate(ctx, "", k.FRAUD_RULE.list_key, items)


# --- the table ---------------------------------------------------------------------------------

_CALL_FILTERS: Final[dict[str, Filter]] = {
    "To": eq("to"),
    "From": eq("from"),
    "Status": eq("status"),
    "StartTime": on_date("start_time"),
    "SipDomain": contains("to"),
}
_SMS_FILTERS: Final[dict[str, Filter]] = {
    "To": eq("to"),
    "From": eq("from"),
    "DateSent": on_date("date_sent"),
    "Status": eq("status"),
    "Direction": eq("direction"),
}
_MMS_FILTERS: Final[dict[str, Filter]] = {
    "To": eq("to"),
    "From": eq("from"),
    "DateSent": on_date("date_created"),
}
_CONFERENCE_FILTERS: Final[dict[str, Filter]] = {
    "FriendlyName": eq("friendly_name"),
    "Status": eq("status"),
    "DateCreated": on_date("date_created"),
    "DateUpdated": on_date("date_updated"),
}
_PARTICIPANT_FILTERS: Final[dict[str, Filter]] = {"Muted": flag("muted"), "Deaf": flag("deaf")}
_NAME_FILTER: Final[dict[str, Filter]] = {"FriendlyName": eq("friendly_name")}
_NUMBER_FILTERS: Final[dict[str, Filter]] = {
    "Contains": contains("phone_number"),
    "FriendlyName": eq("friendly_name"),
}
_USAGE_FILTERS: Final[dict[str, Filter]] = {
    "Day": number("day"),
    "Month": number("month"),
    "Year": number("year"),
    "Product": number("product_id"),
}
_RECORDING_FILTERS: Final[dict[str, Filter]] = {
    "CallSid": eq("call_sid"),
    "DateCreated": on_date("date_created"),
}
_TRANSCRIPTION_FILTERS: Final[dict[str, Filter]] = {
    "Status": eq("status"),
    "DateTranscribed": on_date("date_updated"),
}
_LOG_FILTER: Final[dict[str, Filter]] = {"Log": number("log")}


def _list(
    pattern: str,
    name: str,
    kind: Kind,
    filters: Mapping[str, Filter] | None = None,
    dates: Sequence[str] = (),
    **options: Any,
) -> Route:
    handler = list_of(kind, filters, **options)
    return Route("GET", pattern, name, handler, accepted(filters or {}, dates))


def _r(
    method: str,
    pattern: str,
    name: str,
    handler: Handler,
    params: Sequence[str] = (),
    required: Mapping[str, int] | None = None,
) -> Route:
    required = required or {}
    return Route(
        method, pattern, name, handler, frozenset(params) | set(required), tuple(required.items())
    )


_CL = "/SIP/CredentialLists/{CLSid}"
_ACL = "/SIP/IpAccessControlLists/{AclSid}"
_DOM = "/SIP/Domains/{DomainSid}"
_CONF = "/Conferences/{ConferenceSid}"
_APP = "/Applications/{ApplicationSid}"
_CRED_MAP = ("credential_lists", "CredentialListSid", (62012, 62013, 62015))
_ACL_MAP = ("ip_acls", "IpAccessControlListSid", (62008, 62009, 62011))

ROUTES: Final[tuple[Route, ...]] = (
    # account, usage
    _r("GET", "", "account.get", get(k.ACCOUNT)),
    _r("POST", "", "account.update", update(k.ACCOUNT, ("FriendlyName",)), ("FriendlyName",)),
    _r("GET", "/Usages/{UsageSid}", "usages.get", get(k.USAGE)),
    _list("/Usages", "usages.list", k.USAGE, _USAGE_FILTERS),
    # calls
    _r(
        "POST",
        "/Calls",
        "calls.create",
        _make_call,
        _MAKE_CALL,
        {"From": 21213, "To": 21201, "Url": 21205},
    ),
    _r("GET", "/Calls/{CallSid}", "calls.get", get(k.CALL)),
    _list("/Calls", "calls.list", k.CALL, _CALL_FILTERS, ("StartTime",)),
    _r(
        "POST",
        "/Calls/{CallSid}",
        "calls.update",
        _interrupt_or_digits,
        ("Url", "Method", "Status", "PlayDtmf", "PlayDtmfDirection"),
    ),
    _r(
        "POST",
        "/Calls/{CallSid}/Recordings",
        "calls.record",
        _record_call,
        _RECORD_CALL,
        {"Record": 10022},
    ),
    _list(
        "/Calls/{CallSid}/Recordings",
        "calls.recordings",
        k.RECORDING,
        owner=k.CALL,
        owner_field="call_sid",
    ),
    _r(
        "POST",
        "/Calls/{CallSid}/Play",
        "calls.play",
        _play_call,
        ("Direction", "Loop"),
        {"AudioUrl": 61003},
    ),
    _r("POST", "/Calls/{CallSid}/Effect", "calls.effect", _effect_call, (*_EFFECT, *_EFFECT_MORE)),
    _list(
        "/Calls/{CallSid}/Notifications",
        "calls.notifications",
        k.NOTIFICATION,
        owner=k.CALL,
        owner_field="call_sid",
    ),
    # SMS, MMS
    _r(
        "POST",
        "/SMS/Messages",
        "sms.create",
        create(k.SMS, fields=_message_fields),
        ("StatusCallback", "StatusCallbackMethod", "AllowMultiple"),
        {"To": 21604, "Body": 21602, "From": 21603},
    ),
    _r("GET", "/SMS/Messages/{SMSMessageSid}", "sms.get", get(k.SMS)),
    _list("/SMS/Messages", "sms.list", k.SMS, _SMS_FILTERS, ("DateSent",)),
    _r(
        "POST",
        "/MMS/Messages",
        "mms.create",
        create(k.MMS, fields=_mms_fields),
        ("Body", "StatusCallback", "StatusCallbackMethod"),
        {"From": 32000, "To": 32001, "MediaUrl": 10022},
    ),
    _r("GET", "/MMS/Messages/{MMSSid}", "mms.get", get(k.MMS)),
    _list("/MMS/Messages", "mms.list", k.MMS, _MMS_FILTERS, ("DateSent",)),
    # conferences
    _r("GET", _CONF, "conferences.get", get(k.CONFERENCE)),
    _list(
        "/Conferences",
        "conferences.list",
        k.CONFERENCE,
        _CONFERENCE_FILTERS,
        ("DateCreated", "DateUpdated"),
    ),
    _r(
        "GET",
        _CONF + "/Participants/{ParticipantSid}",
        "participants.get",
        get(k.PARTICIPANT, k.CONFERENCE),
    ),
    _list(
        _CONF + "/Participants",
        "participants.list",
        k.PARTICIPANT,
        _PARTICIPANT_FILTERS,
        owner=k.CONFERENCE,
    ),
    _r(
        "POST",
        _CONF + "/Participants/{ParticipantSid}",
        "participants.update",
        update(k.PARTICIPANT, ("Muted", "Deaf"), k.CONFERENCE),
        ("Muted", "Deaf"),
    ),
    _r(
        "POST",
        _CONF + "/Participants/{ParticipantSid}/Play",
        "participants.play",
        _participant_play,
        required={"AudioUrl": 61003},
    ),
    _r(
        "DELETE",
        _CONF + "/Participants/{ParticipantSid}",
        "participants.hangup",
        delete(k.PARTICIPANT, k.CONFERENCE),
    ),
    # applications and clients
    _r("GET", _APP, "applications.get", get(k.APPLICATION)),
    _r(
        "POST",
        "/Applications",
        "applications.create",
        create(k.APPLICATION, _NUMBER_SETTINGS),
        _NUMBER_SETTINGS,
    ),
    _r(
        "POST",
        _APP,
        "applications.update",
        update(k.APPLICATION, _NUMBER_SETTINGS),
        _NUMBER_SETTINGS,
    ),
    _r("DELETE", _APP, "applications.delete", delete(k.APPLICATION)),
    _list("/Applications", "applications.list", k.APPLICATION, _NAME_FILTER),
    _list(_APP + "/Clients", "clients.list", k.CLIENT, owner=k.APPLICATION),
    _r("GET", _APP + "/Clients/{ClientSid}", "clients.get", get(k.CLIENT, k.APPLICATION)),
    _r(
        "POST",
        _APP + "/Clients/Tokens",
        "clients.token",
        create(k.CLIENT, owner=k.APPLICATION, fields=_client_fields),
        required={"Nickname": 31023},
    ),
    # Dialogflow agents
    _list("/Agents", "agents.list", k.AGENT),
    _r("GET", "/Agents/{AgentSid}", "agents.get", get(k.AGENT)),
    _r(
        "POST",
        "/Agents/{AgentSid}/ConfigProfile",
        "agents.configure",
        update(k.AGENT, _AGENT),
        _AGENT,
    ),
    # SIP domains and mappings
    _r("GET", _DOM, "domains.get", get(k.DOMAIN)),
    _list("/SIP/Domains", "domains.list", k.DOMAIN),
    _r(
        "POST",
        "/SIP/Domains",
        "domains.create",
        create(k.DOMAIN, _DOMAIN, fields=_domain_fields),
        _DOMAIN,
        {"DomainName": 62006},
    ),
    _r("POST", _DOM, "domains.update", update(k.DOMAIN, _DOMAIN), _DOMAIN),
    _r("DELETE", _DOM, "domains.delete", delete(k.DOMAIN)),
    _r(
        "GET",
        _DOM + "/CredentialListMappings",
        "domains.credential_lists",
        _mapped(k.CREDENTIAL_LIST, _CRED_MAP[0]),
        ("Page", "PageSize"),
    ),
    _r(
        "POST",
        _DOM + "/CredentialListMappings",
        "domains.map_credential_list",
        _mapping(k.CREDENTIAL_LIST, *_CRED_MAP),
        required={"CredentialListSid": 62012},
    ),
    _r(
        "DELETE",
        _DOM + "/CredentialListMappings/{CLSid}",
        "domains.unmap_credential_list",
        _unmap(k.CREDENTIAL_LIST, _CRED_MAP[0], _CRED_MAP[2]),
    ),
    _r(
        "GET",
        _DOM + "/IpAccessControlListMappings",
        "domains.ip_acls",
        _mapped(k.IP_ACL, _ACL_MAP[0]),
        ("Page", "PageSize"),
    ),
    _r(
        "POST",
        _DOM + "/IpAccessControlListMappings",
        "domains.map_ip_acl",
        _mapping(k.IP_ACL, *_ACL_MAP),
        required={"IpAccessControlListSid": 62008},
    ),
    _r(
        "DELETE",
        _DOM + "/IpAccessControlListMappings/{ALSid}",
        "domains.unmap_ip_acl",
        _unmap(k.IP_ACL, _ACL_MAP[0], _ACL_MAP[2]),
    ),
    # SIP credential lists and credentials
    _r("GET", _CL, "credential_lists.get", get(k.CREDENTIAL_LIST)),
    _list("/SIP/CredentialLists", "credential_lists.list", k.CREDENTIAL_LIST),
    _r(
        "POST",
        "/SIP/CredentialLists",
        "credential_lists.create",
        create(k.CREDENTIAL_LIST, ("FriendlyName",)),
        required={"FriendlyName": 20002},
    ),
    _r(
        "POST",
        _CL,
        "credential_lists.update",
        update(k.CREDENTIAL_LIST, ("FriendlyName",)),
        required={"FriendlyName": 20002},
    ),
    _r("DELETE", _CL, "credential_lists.delete", delete(k.CREDENTIAL_LIST)),
    _r(
        "GET",
        _CL + "/Credentials/{CredentialSid}",
        "credentials.get",
        get(k.CREDENTIAL, k.CREDENTIAL_LIST),
    ),
    _list(_CL + "/Credentials", "credentials.list", k.CREDENTIAL, owner=k.CREDENTIAL_LIST),
    _r(
        "POST",
        _CL + "/Credentials",
        "credentials.create",
        _add_credential,
        required={"Username": 62000, "Password": 62001},
    ),
    _r(
        "POST",
        _CL + "/Credentials/{CredentialSid}",
        "credentials.update",
        _change_password,
        required={"Password": 62003},
    ),
    _r(
        "DELETE",
        _CL + "/Credentials/{CredentialSid}",
        "credentials.delete",
        delete(k.CREDENTIAL, k.CREDENTIAL_LIST),
    ),
    # SIP IP access control lists and addresses
    _r("GET", _ACL, "ip_acls.get", get(k.IP_ACL)),
    _list("/SIP/IpAccessControlLists", "ip_acls.list", k.IP_ACL),
    _r(
        "POST",
        "/SIP/IpAccessControlLists",
        "ip_acls.create",
        create(k.IP_ACL, ("FriendlyName",)),
        required={"FriendlyName": 20002},
    ),
    _r(
        "POST",
        _ACL,
        "ip_acls.update",
        update(k.IP_ACL, ("FriendlyName",)),
        required={"FriendlyName": 20002},
    ),
    _r("DELETE", _ACL, "ip_acls.delete", delete(k.IP_ACL)),
    _r("GET", _ACL + "/IpAddresses/{IpSid}", "ip_addresses.get", get(k.IP_ADDRESS, k.IP_ACL)),
    _list(_ACL + "/IpAddresses", "ip_addresses.list", k.IP_ADDRESS, owner=k.IP_ACL),
    _r(
        "POST",
        _ACL + "/IpAddresses",
        "ip_addresses.create",
        create(
            k.IP_ADDRESS,
            ("FriendlyName",),
            owner=k.IP_ACL,
            fields=lambda ctx: _ip_address(ctx, 62005),
        ),
        required={"FriendlyName": 20002, "IpAddress": 62005},
    ),
    _r(
        "POST",
        _ACL + "/IpAddresses/{IpSid}",
        "ip_addresses.update",
        _update_ip,
        required={"FriendlyName": 20002, "IpAddress": 62004},
    ),
    _r(
        "DELETE",
        _ACL + "/IpAddresses/{IpSid}",
        "ip_addresses.delete",
        delete(k.IP_ADDRESS, k.IP_ACL),
    ),
    # phone numbers
    _r("GET", "/IncomingPhoneNumbers/{IncomingPhoneNumberSid}", "numbers.get", get(k.NUMBER)),
    _list("/IncomingPhoneNumbers", "numbers.list", k.NUMBER, _NUMBER_FILTERS),
    _r(
        "POST",
        "/IncomingPhoneNumbers",
        "numbers.buy",
        create(k.NUMBER, _NUMBER_SETTINGS, fields=_buy_fields),
        ("AreaCode", "PhoneNumber", *_NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r(
        "POST",
        "/IncomingPhoneNumbers/{IncomingPhoneNumberSid}",
        "numbers.update",
        update(k.NUMBER, _NUMBER_SETTINGS),
        (*_NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r(
        "DELETE",
        "/IncomingPhoneNumbers/{IncomingPhoneNumberSid}",
        "numbers.release",
        delete(k.NUMBER),
    ),
    _list("/Numbers/Byoc", "byoc.list", k.NUMBER, _NUMBER_FILTERS, where=_byoc_only),
    _r(
        "POST",
        "/Numbers/Byoc",
        "byoc.add",
        _add_byoc,
        (*_NUMBER_SETTINGS, *_NUMBER_APPS),
        {"ByocVendor": 10022, "PhoneNumber": 21401, "Type": 10022},
    ),
    _r(
        "POST",
        "/Numbers/BYOC/{Sid}",
        "byoc.update",
        update(k.NUMBER, _NUMBER_SETTINGS),
        (*_NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r("DELETE", "/Numbers/Byoc/{Sid}", "byoc.delete", delete(k.NUMBER)),
    _r(
        "GET",
        "/AvailablePhoneNumbers/{Country}/{Type}",
        "available_numbers.list",
        _available,
        ("Contains", "AreaCode", "InRegion", "InPostalCode", "Page", "PageSize"),
    ),
    _r(
        "GET",
        "/Numbers/AllowedCountries/{NumberType}",
        "allowed_countries.list",
        _allowed_countries,
        ("Country", "ServiceType", "Page", "PageSize"),
    ),
    # recordings, transcriptions, notifications
    _r("GET", "/Recordings/{RecordingSid}", "recordings.get", get(k.RECORDING)),
    _list("/Recordings", "recordings.list", k.RECORDING, _RECORDING_FILTERS, ("DateCreated",)),
    _r("DELETE", "/Recordings/{RecordingSid}", "recordings.delete", delete(k.RECORDING)),
    _r("GET", "/Transcriptions/{TranscriptionSid}", "transcriptions.get", _transcription_text),
    _list(
        "/Transcriptions",
        "transcriptions.list",
        k.TRANSCRIPTION,
        _TRANSCRIPTION_FILTERS,
        ("DateTranscribed",),
    ),
    _list(
        "/Recordings/{RecordingSid}/Transcriptions",
        "recordings.transcriptions",
        k.TRANSCRIPTION,
        owner=k.RECORDING,
        owner_field="recording_sid",
    ),
    _r(
        "POST",
        "/Recordings/{RecordingSid}/Transcriptions",
        "recordings.transcribe",
        create(k.TRANSCRIPTION, _TRANSCRIBE, fields=_transcribe_fields),
        (*_TRANSCRIBE, "Quality"),
    ),
    _r(
        "POST",
        "/Transcriptions",
        "transcriptions.create",
        create(k.TRANSCRIPTION, _TRANSCRIBE, fields=_transcribe_fields),
        (*_TRANSCRIBE, "Quality", "AudioUrl"),
    ),
    _r("GET", "/Notifications/{NotificationSid}", "notifications.get", get(k.NOTIFICATION)),
    _list("/Notifications", "notifications.list", k.NOTIFICATION, _LOG_FILTER),
    # lookups and fraud control
    _r(
        "POST",
        "/Lookups/Carrier",
        "lookups.carrier",
        _lookup(k.CARRIER_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Carrier", "lookups.carrier_list", k.CARRIER_LOOKUP),
    _r(
        "POST",
        "/Lookups/Cnam",
        "lookups.cnam",
        _lookup(k.CNAM_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Cnam", "lookups.cnam_list", k.CNAM_LOOKUP),
    _r(
        "POST",
        "/Lookups/Bna",
        "lookups.bna",
        _lookup(k.BNA_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Bna", "lookups.bna_list", k.BNA_LOOKUP),
    _r(
        "POST",
        "/Fraud/Block/{CountryCode}",
        "fraud.block",
        _fraud("blocked", "blocked"),
        _FRAUD_FLAGS,
    ),
    _r(
        "POST",
        "/Fraud/Authorize/{CountryCode}",
        "fraud.authorize",
        _fraud("authorized", "authorized"),
        _FRAUD_FLAGS,
    ),
    _r("POST", "/Fraud/Extend/{CountryCode}", "fraud.extend", _fraud("extend", "authorized")),
    _r(
        "POST",
        "/Fraud/Whitelist/{CountryCode}",
        "fraud.whitelist",
        _fraud("whitelisted", "whitelisted"),
        _FRAUD_FLAGS,
    ),
    _r("GET", "/Fraud", "fraud.list", _frauds, ("Page", "PageSize")),
)
"""Every endpoint of the REST reference, in its order."""
