"""The route table of the fake platform: every endpoint of the REST reference, in its order.

Each resource kind is declared once, as an ``At`` (``_resources``: its route names, paths
and owner), which makes its routes: the generic handlers of ``_crud`` for those that only
read, list, create, update or delete, and the handlers of ``_calls``, ``_sip`` and
``_endpoints`` for those with behaviour of their own. The lookups, fraud rules and SIP
mappings, alike within each group, come from one helper per group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from . import _kinds as k
from ._calls import effect_call, interrupt_or_digits, make_call, play_call, record_call
from ._crud import create
from ._endpoints import (
    FRAUD_FILTERS,
    FRAUD_FLAGS,
    NUMBER_SETTINGS,
    add_byoc,
    allowed_countries,
    available,
    buy_fields,
    byoc_only,
    client_fields,
    fraud,
    frauds,
    lookup,
    message_fields,
    mms_fields,
    participant_play,
    transcribe_fields,
    transcription_text,
)
from ._paging import Filter, contains, eq, flag, number, on_date
from ._records import Kind
from ._resources import At, list_route, route
from ._routing import Route
from ._sip import (
    add_credential,
    change_password,
    domain_fields,
    ip_address,
    mapped,
    mapping,
    unmap,
    update_ip,
)

__all__ = ["ROUTES"]

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
_INTERRUPT: Final = ("Url", "Method", "Status", "PlayDtmf", "PlayDtmfDirection")
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


def _mappings(
    name: str, target: Kind, slot: str, sid: str, codes: tuple[int, int, int]
) -> tuple[Route, ...]:
    """List, map and unmap the ``target`` lists of a domain: ``{name}Mappings`` is the path,
    ``{name}Sid`` the mapped list's parameter, ``slot`` the domain's record of its mappings
    (and, less its ``s``, the routes' label), ``codes`` the errors of :func:`mapping`."""
    path, param, label = f"{_DOMAINS.item}/{name}Mappings", f"{name}Sid", slot.removesuffix("s")
    return (
        route("GET", path, f"domains.{slot}", mapped(target, slot), ("Page", "PageSize")),
        route(
            "POST",
            path,
            f"domains.map_{label}",
            mapping(target, slot, param, codes),
            required={param: codes[0]},
        ),
        route("DELETE", f"{path}/{{{sid}}}", f"domains.unmap_{label}", unmap(target, slot, codes)),
    )


def _lookup(name: str, kind: Kind, path: str) -> tuple[Route, ...]:
    """Look up numbers (``POST``) and list past lookups (``GET``)."""
    at = f"lookups.{name}"
    return (
        route("POST", path, at, lookup(kind), required={"PhoneNumber": 21401}),
        list_route(path, f"{at}_list", kind),
    )


def _rule(action: str, rule: str, wrapper: str, params: Sequence[str] = FRAUD_FLAGS) -> Route:
    """A fraud control action on a country."""
    path = f"/Fraud/{action}/{{CountryCode}}"
    return route("POST", path, f"fraud.{action.lower()}", fraud(rule, wrapper), params)


_ACCOUNT = At("account", k.ACCOUNT, "")
_USAGES = At("usages", k.USAGE, "/Usages", "UsageSid")
_CALLS = At("calls", k.CALL, "/Calls", "CallSid")
_SMS = At("sms", k.SMS, "/SMS/Messages", "SMSMessageSid")
_MMS = At("mms", k.MMS, "/MMS/Messages", "MMSSid")
_CONFERENCES = At("conferences", k.CONFERENCE, "/Conferences", "ConferenceSid")
_PARTICIPANTS = At(
    "participants",
    k.PARTICIPANT,
    _CONFERENCES.item + "/Participants",
    "ParticipantSid",
    k.CONFERENCE,
)
_APPLICATIONS = At("applications", k.APPLICATION, "/Applications", "ApplicationSid")
_CLIENTS = At("clients", k.CLIENT, _APPLICATIONS.item + "/Clients", "ClientSid", k.APPLICATION)
_AGENTS = At("agents", k.AGENT, "/Agents", "AgentSid")
_DOMAINS = At("domains", k.DOMAIN, "/SIP/Domains", "DomainSid")
_CREDENTIAL_LISTS = At("credential_lists", k.CREDENTIAL_LIST, "/SIP/CredentialLists", "CLSid")
_CREDENTIALS = At(
    "credentials",
    k.CREDENTIAL,
    _CREDENTIAL_LISTS.item + "/Credentials",
    "CredentialSid",
    k.CREDENTIAL_LIST,
)
_IP_ACLS = At("ip_acls", k.IP_ACL, "/SIP/IpAccessControlLists", "AclSid")
_IP_ADDRESSES = At("ip_addresses", k.IP_ADDRESS, _IP_ACLS.item + "/IpAddresses", "IpSid", k.IP_ACL)
_NUMBERS = At("numbers", k.NUMBER, "/IncomingPhoneNumbers", "IncomingPhoneNumberSid")
_BYOC = At("byoc", k.NUMBER, "/Numbers/Byoc", "Sid")
_RECORDINGS = At("recordings", k.RECORDING, "/Recordings", "RecordingSid")
_TRANSCRIPTIONS = At("transcriptions", k.TRANSCRIPTION, "/Transcriptions", "TranscriptionSid")
_NOTIFICATIONS = At("notifications", k.NOTIFICATION, "/Notifications", "NotificationSid")

ROUTES: Final[tuple[Route, ...]] = (
    # account, usage
    _ACCOUNT.get(),
    _ACCOUNT.update(("FriendlyName",)),
    _USAGES.get(),
    _USAGES.listing(_USAGE_FILTERS),
    # calls
    _CALLS.route("create", make_call, _MAKE_CALL, {"From": 21213, "To": 21201, "Url": 21205}),
    _CALLS.get(),
    _CALLS.listing(_CALL_FILTERS, ("StartTime",)),
    _CALLS.route("update", interrupt_or_digits, _INTERRUPT, below=""),
    _CALLS.route("record", record_call, _RECORD_CALL, {"Record": 10022}, below="/Recordings"),
    _CALLS.nested("/Recordings", "recordings", k.RECORDING, "call_sid"),
    _CALLS.route("play", play_call, ("Direction", "Loop"), {"AudioUrl": 61003}, below="/Play"),
    _CALLS.route("effect", effect_call, (*_EFFECT, *_EFFECT_MORE), below="/Effect"),
    _CALLS.nested("/Notifications", "notifications", k.NOTIFICATION, "call_sid"),
    # SMS, MMS
    _SMS.create(
        params=("StatusCallback", "StatusCallbackMethod", "AllowMultiple"),
        required={"To": 21604, "Body": 21602, "From": 21603},
        fields=message_fields,
    ),
    _SMS.get(),
    _SMS.listing(_SMS_FILTERS, ("DateSent",)),
    _MMS.create(
        params=("Body", "StatusCallback", "StatusCallbackMethod"),
        required={"From": 32000, "To": 32001, "MediaUrl": 10022},
        fields=mms_fields,
    ),
    _MMS.get(),
    _MMS.listing(_MMS_FILTERS, ("DateSent",)),
    # conferences
    _CONFERENCES.get(),
    _CONFERENCES.listing(_CONFERENCE_FILTERS, ("DateCreated", "DateUpdated")),
    _PARTICIPANTS.get(),
    _PARTICIPANTS.listing(_PARTICIPANT_FILTERS),
    _PARTICIPANTS.update(("Muted", "Deaf")),
    _PARTICIPANTS.route("play", participant_play, required={"AudioUrl": 61003}, below="/Play"),
    _PARTICIPANTS.delete("hangup"),
    # applications and clients
    _APPLICATIONS.get(),
    _APPLICATIONS.create(NUMBER_SETTINGS),
    _APPLICATIONS.update(NUMBER_SETTINGS),
    _APPLICATIONS.delete(),
    _APPLICATIONS.listing(_NAME_FILTER),
    _CLIENTS.listing(),
    _CLIENTS.get(),
    _CLIENTS.create(
        required={"Nickname": 31023},
        fields=client_fields,
        label="token",
        path=_CLIENTS.items + "/Tokens",
    ),
    # Dialogflow agents
    _AGENTS.listing(),
    _AGENTS.get(),
    _AGENTS.update(_AGENT, label="configure", path=_AGENTS.item + "/ConfigProfile"),
    # SIP domains and mappings
    _DOMAINS.get(),
    _DOMAINS.listing(),
    _DOMAINS.create(_DOMAIN, required={"DomainName": 62006}, fields=domain_fields),
    _DOMAINS.update(_DOMAIN),
    _DOMAINS.delete(),
    *_mappings(
        "CredentialList", k.CREDENTIAL_LIST, "credential_lists", "CLSid", (62012, 62013, 62015)
    ),
    *_mappings("IpAccessControlList", k.IP_ACL, "ip_acls", "ALSid", (62008, 62009, 62011)),
    # SIP credential lists and credentials
    *_CREDENTIAL_LISTS.named(),
    _CREDENTIALS.get(),
    _CREDENTIALS.listing(),
    _CREDENTIALS.route("create", add_credential, required={"Username": 62000, "Password": 62001}),
    _CREDENTIALS.route("update", change_password, required={"Password": 62003}, below=""),
    _CREDENTIALS.delete(),
    # SIP IP access control lists and addresses
    *_IP_ACLS.named(),
    _IP_ADDRESSES.get(),
    _IP_ADDRESSES.listing(),
    _IP_ADDRESSES.create(
        ("FriendlyName",),
        required={"FriendlyName": 20002, "IpAddress": 62005},
        fields=lambda ctx: ip_address(ctx, 62005),
    ),
    _IP_ADDRESSES.route(
        "update", update_ip, required={"FriendlyName": 20002, "IpAddress": 62004}, below=""
    ),
    _IP_ADDRESSES.delete(),
    # phone numbers
    _NUMBERS.get(),
    _NUMBERS.listing(_NUMBER_FILTERS),
    _NUMBERS.create(
        NUMBER_SETTINGS, ("AreaCode", "PhoneNumber", *_NUMBER_APPS), fields=buy_fields, label="buy"
    ),
    _NUMBERS.update(NUMBER_SETTINGS, _NUMBER_APPS),
    _NUMBERS.delete("release"),
    _BYOC.listing(_NUMBER_FILTERS, where=byoc_only),
    _BYOC.route(
        "add",
        add_byoc,
        (*NUMBER_SETTINGS, *_NUMBER_APPS),
        {"ByocVendor": 10022, "PhoneNumber": 21401, "Type": 10022},
    ),
    # The reference spells this one path "BYOC"; the router ignores the case of literals.
    _BYOC.update(NUMBER_SETTINGS, _NUMBER_APPS, path="/Numbers/BYOC/{Sid}"),
    _BYOC.delete(),
    route(
        "GET",
        "/AvailablePhoneNumbers/{Country}/{Type}",
        "available_numbers.list",
        available,
        # The vendor's SDK repeats the path's Country and Type as query parameters.
        ("Contains", "AreaCode", "InRegion", "InPostalCode", "Country", "Type", "Page", "PageSize"),
    ),
    route(
        "GET",
        "/Numbers/AllowedCountries/{NumberType}",
        "allowed_countries.list",
        allowed_countries,
        ("Country", "ServiceType", "Page", "PageSize"),
    ),
    # recordings, transcriptions, notifications
    _RECORDINGS.get(),
    _RECORDINGS.listing(_RECORDING_FILTERS, ("DateCreated",)),
    _RECORDINGS.delete(),
    _TRANSCRIPTIONS.route("get", transcription_text, method="GET", below=""),
    _TRANSCRIPTIONS.listing(_TRANSCRIPTION_FILTERS, ("DateTranscribed",)),
    _RECORDINGS.nested("/Transcriptions", "transcriptions", k.TRANSCRIPTION, "recording_sid"),
    _RECORDINGS.route(
        "transcribe",
        create(k.TRANSCRIPTION, _TRANSCRIBE, fields=transcribe_fields),
        (*_TRANSCRIBE, "Quality"),
        below="/Transcriptions",
    ),
    _TRANSCRIPTIONS.create(_TRANSCRIBE, ("Quality", "AudioUrl"), fields=transcribe_fields),
    _NOTIFICATIONS.get(),
    _NOTIFICATIONS.listing(_LOG_FILTER),
    # lookups and fraud control
    *_lookup("carrier", k.CARRIER_LOOKUP, "/Lookups/Carrier"),
    *_lookup("cnam", k.CNAM_LOOKUP, "/Lookups/Cnam"),
    *_lookup("bna", k.BNA_LOOKUP, "/Lookups/Bna"),
    _rule("Block", "blocked", "blocked"),
    _rule("Authorize", "authorized", "authorized"),
    _rule("Extend", "extend", "authorized", ()),
    _rule("Whitelist", "whitelisted", "whitelisted"),
    route("GET", "/Fraud", "fraud.list", frauds, ("Page", "PageSize", *FRAUD_FILTERS)),
)
"""Every endpoint of the REST reference, in its order."""
