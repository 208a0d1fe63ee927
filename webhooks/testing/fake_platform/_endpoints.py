"""The handlers of the fake platform's endpoints that have behaviour of their own.

Messages, conference participants, application clients, numbers, transcriptions, lookups and
fraud rules; calls are in ``_calls`` and the SIP endpoints in ``_sip``. The routes
that only create, read, update or delete use the generic handlers of ``_crud``. The
table of routes is in ``_routes``.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Final

from . import _kinds as k
from ._crud import apply, create, find
from ._limits import check_media, check_sms_body
from ._paging import Filter, contains, eq, paginate
from ._records import FakeRecord, Kind, format_date, parse_date
from ._render import ApiFailure, Body, Item, Text
from ._routing import Ctx, Handler, truthy

__all__ = [
    "COUNTRIES",
    "FRAUD_FLAGS",
    "NUMBER_SETTINGS",
    "add_byoc",
    "allowed_countries",
    "available",
    "buy_fields",
    "byoc_fields",
    "byoc_only",
    "client_fields",
    "fraud",
    "frauds",
    "lookup",
    "message_fields",
    "mms_fields",
    "participant_play",
    "transcribe_fields",
    "transcription_text",
]

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


# --- messages, conferences, applications -------------------------------------------------------


def _message(ctx: Ctx) -> dict[str, Any]:
    return {"to": ctx.params["To"], "from": ctx.params["From"], "body": ctx.params.get("Body", "")}


def message_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a sent SMS; its body within the platform's length (21605, 21610)."""
    fields = _message(ctx)
    check_sms_body(fields["body"])
    return fields


def mms_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a sent MMS; registered media within size and type (14116, 14117)."""
    url = ctx.params["MediaUrl"]
    check_media(ctx.fake.media, url)
    return {**_message(ctx), "media_url": url}


async def participant_play(ctx: Ctx) -> Body:
    """POST …/Participants/{sid}/Play: remember the audio URLs played."""
    conference = find(ctx, k.CONFERENCE, ctx.args["ConferenceSid"])
    participant = find(ctx, k.PARTICIPANT, ctx.args["ParticipantSid"], conference.sid)
    participant.extra.setdefault("played", []).extend(ctx.all("AudioUrl"))
    return Item(k.PARTICIPANT.element, participant.data)


def client_fields(ctx: Ctx) -> dict[str, Any]:
    """The fields of a new application client, with a generated password."""
    return {"nickname": ctx.params["Nickname"], "client_password": secrets.token_hex(8)}


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


def byoc_only(record: FakeRecord) -> bool:
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
        }
        if rule == "authorized":
            fields["expiration_date"] = format_date(now + timedelta(days=30))
        record = ctx.store.add(k.FRAUD_RULE, fields, now=now)
        record.extra["rule"] = rule
        apply(ctx, record, FRAUD_FLAGS, now)
        return Item("", {wrapper: record.data})

    return handler


def _sms_enabled(item: Mapping[str, Any], _op: str, value: str) -> bool:
    (rule,) = item.values()
    return truthy(str(rule.get("sms_enabled"))) == truthy(value)


FRAUD_FILTERS: Final[Mapping[str, Filter]] = {"SmsEnabled": _sms_enabled}
"""The filters of the fraud rule list (the vendor's SDKs send ``SmsEnabled``)."""


async def frauds(ctx: Ctx) -> Body:
    """GET /Fraud: every rule, wrapped by its kind; ``SmsEnabled`` keeps the matching ones."""
    items = [{r.extra["rule"]: r.data} for r in reversed(ctx.store.all(k.FRAUD_RULE))]
    return paginate(ctx, "", k.FRAUD_RULE.list_key, items, FRAUD_FILTERS)
