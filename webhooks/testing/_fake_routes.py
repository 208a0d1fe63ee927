"""The route table of the fake platform: every endpoint of the REST reference, in its order.

Most routes are the generic handlers of ``_fake_routing`` applied to a resource kind; the ones
with behaviour of their own come from ``_fake_endpoints``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from . import _fake_kinds as k
from ._fake_endpoints import (
    FRAUD_FLAGS,
    NUMBER_SETTINGS,
    add_byoc,
    add_credential,
    allowed_countries,
    available,
    buy_fields,
    byoc_only,
    change_password,
    client_fields,
    domain_fields,
    effect_call,
    fraud,
    frauds,
    interrupt_or_digits,
    ip_address,
    lookup,
    make_call,
    mapped,
    mapping,
    message_fields,
    mms_fields,
    participant_play,
    play_call,
    record_call,
    transcribe_fields,
    transcription_text,
    unmap,
    update_ip,
)
from ._fake_records import Kind
from ._fake_routing import (
    Filter,
    Handler,
    Route,
    accepted,
    contains,
    create,
    delete,
    eq,
    flag,
    get,
    list_of,
    number,
    on_date,
    update,
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
        make_call,
        _MAKE_CALL,
        {"From": 21213, "To": 21201, "Url": 21205},
    ),
    _r("GET", "/Calls/{CallSid}", "calls.get", get(k.CALL)),
    _list("/Calls", "calls.list", k.CALL, _CALL_FILTERS, ("StartTime",)),
    _r(
        "POST",
        "/Calls/{CallSid}",
        "calls.update",
        interrupt_or_digits,
        ("Url", "Method", "Status", "PlayDtmf", "PlayDtmfDirection"),
    ),
    _r(
        "POST",
        "/Calls/{CallSid}/Recordings",
        "calls.record",
        record_call,
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
        play_call,
        ("Direction", "Loop"),
        {"AudioUrl": 61003},
    ),
    _r("POST", "/Calls/{CallSid}/Effect", "calls.effect", effect_call, (*_EFFECT, *_EFFECT_MORE)),
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
        create(k.SMS, fields=message_fields),
        ("StatusCallback", "StatusCallbackMethod", "AllowMultiple"),
        {"To": 21604, "Body": 21602, "From": 21603},
    ),
    _r("GET", "/SMS/Messages/{SMSMessageSid}", "sms.get", get(k.SMS)),
    _list("/SMS/Messages", "sms.list", k.SMS, _SMS_FILTERS, ("DateSent",)),
    _r(
        "POST",
        "/MMS/Messages",
        "mms.create",
        create(k.MMS, fields=mms_fields),
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
        participant_play,
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
        create(k.APPLICATION, NUMBER_SETTINGS),
        NUMBER_SETTINGS,
    ),
    _r(
        "POST",
        _APP,
        "applications.update",
        update(k.APPLICATION, NUMBER_SETTINGS),
        NUMBER_SETTINGS,
    ),
    _r("DELETE", _APP, "applications.delete", delete(k.APPLICATION)),
    _list("/Applications", "applications.list", k.APPLICATION, _NAME_FILTER),
    _list(_APP + "/Clients", "clients.list", k.CLIENT, owner=k.APPLICATION),
    _r("GET", _APP + "/Clients/{ClientSid}", "clients.get", get(k.CLIENT, k.APPLICATION)),
    _r(
        "POST",
        _APP + "/Clients/Tokens",
        "clients.token",
        create(k.CLIENT, owner=k.APPLICATION, fields=client_fields),
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
        create(k.DOMAIN, _DOMAIN, fields=domain_fields),
        _DOMAIN,
        {"DomainName": 62006},
    ),
    _r("POST", _DOM, "domains.update", update(k.DOMAIN, _DOMAIN), _DOMAIN),
    _r("DELETE", _DOM, "domains.delete", delete(k.DOMAIN)),
    _r(
        "GET",
        _DOM + "/CredentialListMappings",
        "domains.credential_lists",
        mapped(k.CREDENTIAL_LIST, _CRED_MAP[0]),
        ("Page", "PageSize"),
    ),
    _r(
        "POST",
        _DOM + "/CredentialListMappings",
        "domains.map_credential_list",
        mapping(k.CREDENTIAL_LIST, *_CRED_MAP),
        required={"CredentialListSid": 62012},
    ),
    _r(
        "DELETE",
        _DOM + "/CredentialListMappings/{CLSid}",
        "domains.unmap_credential_list",
        unmap(k.CREDENTIAL_LIST, _CRED_MAP[0], _CRED_MAP[2]),
    ),
    _r(
        "GET",
        _DOM + "/IpAccessControlListMappings",
        "domains.ip_acls",
        mapped(k.IP_ACL, _ACL_MAP[0]),
        ("Page", "PageSize"),
    ),
    _r(
        "POST",
        _DOM + "/IpAccessControlListMappings",
        "domains.map_ip_acl",
        mapping(k.IP_ACL, *_ACL_MAP),
        required={"IpAccessControlListSid": 62008},
    ),
    _r(
        "DELETE",
        _DOM + "/IpAccessControlListMappings/{ALSid}",
        "domains.unmap_ip_acl",
        unmap(k.IP_ACL, _ACL_MAP[0], _ACL_MAP[2]),
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
        add_credential,
        required={"Username": 62000, "Password": 62001},
    ),
    _r(
        "POST",
        _CL + "/Credentials/{CredentialSid}",
        "credentials.update",
        change_password,
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
            fields=lambda ctx: ip_address(ctx, 62005),
        ),
        required={"FriendlyName": 20002, "IpAddress": 62005},
    ),
    _r(
        "POST",
        _ACL + "/IpAddresses/{IpSid}",
        "ip_addresses.update",
        update_ip,
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
        create(k.NUMBER, NUMBER_SETTINGS, fields=buy_fields),
        ("AreaCode", "PhoneNumber", *NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r(
        "POST",
        "/IncomingPhoneNumbers/{IncomingPhoneNumberSid}",
        "numbers.update",
        update(k.NUMBER, NUMBER_SETTINGS),
        (*NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r(
        "DELETE",
        "/IncomingPhoneNumbers/{IncomingPhoneNumberSid}",
        "numbers.release",
        delete(k.NUMBER),
    ),
    _list("/Numbers/Byoc", "byoc.list", k.NUMBER, _NUMBER_FILTERS, where=byoc_only),
    _r(
        "POST",
        "/Numbers/Byoc",
        "byoc.add",
        add_byoc,
        (*NUMBER_SETTINGS, *_NUMBER_APPS),
        {"ByocVendor": 10022, "PhoneNumber": 21401, "Type": 10022},
    ),
    _r(
        "POST",
        "/Numbers/BYOC/{Sid}",
        "byoc.update",
        update(k.NUMBER, NUMBER_SETTINGS),
        (*NUMBER_SETTINGS, *_NUMBER_APPS),
    ),
    _r("DELETE", "/Numbers/Byoc/{Sid}", "byoc.delete", delete(k.NUMBER)),
    _r(
        "GET",
        "/AvailablePhoneNumbers/{Country}/{Type}",
        "available_numbers.list",
        available,
        ("Contains", "AreaCode", "InRegion", "InPostalCode", "Page", "PageSize"),
    ),
    _r(
        "GET",
        "/Numbers/AllowedCountries/{NumberType}",
        "allowed_countries.list",
        allowed_countries,
        ("Country", "ServiceType", "Page", "PageSize"),
    ),
    # recordings, transcriptions, notifications
    _r("GET", "/Recordings/{RecordingSid}", "recordings.get", get(k.RECORDING)),
    _list("/Recordings", "recordings.list", k.RECORDING, _RECORDING_FILTERS, ("DateCreated",)),
    _r("DELETE", "/Recordings/{RecordingSid}", "recordings.delete", delete(k.RECORDING)),
    _r("GET", "/Transcriptions/{TranscriptionSid}", "transcriptions.get", transcription_text),
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
        create(k.TRANSCRIPTION, _TRANSCRIBE, fields=transcribe_fields),
        (*_TRANSCRIBE, "Quality"),
    ),
    _r(
        "POST",
        "/Transcriptions",
        "transcriptions.create",
        create(k.TRANSCRIPTION, _TRANSCRIBE, fields=transcribe_fields),
        (*_TRANSCRIBE, "Quality", "AudioUrl"),
    ),
    _r("GET", "/Notifications/{NotificationSid}", "notifications.get", get(k.NOTIFICATION)),
    _list("/Notifications", "notifications.list", k.NOTIFICATION, _LOG_FILTER),
    # lookups and fraud control
    _r(
        "POST",
        "/Lookups/Carrier",
        "lookups.carrier",
        lookup(k.CARRIER_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Carrier", "lookups.carrier_list", k.CARRIER_LOOKUP),
    _r(
        "POST",
        "/Lookups/Cnam",
        "lookups.cnam",
        lookup(k.CNAM_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Cnam", "lookups.cnam_list", k.CNAM_LOOKUP),
    _r(
        "POST",
        "/Lookups/Bna",
        "lookups.bna",
        lookup(k.BNA_LOOKUP),
        required={"PhoneNumber": 21401},
    ),
    _list("/Lookups/Bna", "lookups.bna_list", k.BNA_LOOKUP),
    _r(
        "POST",
        "/Fraud/Block/{CountryCode}",
        "fraud.block",
        fraud("blocked", "blocked"),
        FRAUD_FLAGS,
    ),
    _r(
        "POST",
        "/Fraud/Authorize/{CountryCode}",
        "fraud.authorize",
        fraud("authorized", "authorized"),
        FRAUD_FLAGS,
    ),
    _r("POST", "/Fraud/Extend/{CountryCode}", "fraud.extend", fraud("extend", "authorized")),
    _r(
        "POST",
        "/Fraud/Whitelist/{CountryCode}",
        "fraud.whitelist",
        fraud("whitelisted", "whitelisted"),
        FRAUD_FLAGS,
    ),
    _r("GET", "/Fraud", "fraud.list", frauds, ("Page", "PageSize")),
)
"""Every endpoint of the REST reference, in its order."""
