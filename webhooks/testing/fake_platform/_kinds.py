"""The resource types of the REST API: one :class:`Kind` each, with its wire-field template.

Templates list the fields in the order the platform sends them, with the platform's types
(strings for most numbers and flags, as recorded). SID prefixes the platform documents are used
as documented; the ones it does not document (``SM`` SMS, ``MM`` MMS, ``CF`` conference, ``PA``
participant, ``AP`` application, ``CI`` application client, ``AG`` agent, ``FR`` fraud rule) are
invented in the same format.
"""

from __future__ import annotations

from typing import Any, Final

from ._records import API_VERSION, CallRecord, Fill, Kind

__all__ = [
    "ACCOUNT",
    "AGENT",
    "ALLOWED_COUNTRY",
    "APPLICATION",
    "AVAILABLE_NUMBER",
    "BNA_LOOKUP",
    "CALL",
    "CARRIER_LOOKUP",
    "CLIENT",
    "CNAM_LOOKUP",
    "CONFERENCE",
    "CREDENTIAL",
    "CREDENTIAL_LIST",
    "DOMAIN",
    "FRAUD_RULE",
    "IP_ACL",
    "IP_ADDRESS",
    "KINDS",
    "MMS",
    "NOTIFICATION",
    "NUMBER",
    "PARTICIPANT",
    "RECORDING",
    "SMS",
    "TRANSCRIPTION",
    "USAGE",
]

_NUMBER_SETTINGS: Final[dict[str, Any]] = {
    "voice_url": "",
    "voice_method": "POST",
    "voice_fallback_url": "",
    "voice_fallback_method": "POST",
    "voice_caller_id_lookup": "false",
    "sms_url": "",
    "sms_method": "POST",
    "sms_fallback_url": "",
    "sms_fallback_method": "POST",
    "heartbeat_url": "",
    "heartbeat_method": "POST",
    "status_callback": "",
    "status_callback_method": "POST",
    "hangup_callback": "",
    "hangup_callback_method": "POST",
}
# The fields most templates begin or end with.
_OWNED: Final[dict[str, Any]] = {"sid": Fill.SID, "account_sid": Fill.ACCOUNT}
_STAMPS: Final[dict[str, Any]] = {"date_created": Fill.NOW, "date_updated": Fill.NOW}
_DATED: Final[dict[str, Any]] = {**_STAMPS, "uri": Fill.URI}
_LINKED: Final[dict[str, Any]] = {**_DATED, "subresource_uris": {}}
_LOOKUP_TAIL: Final[dict[str, Any]] = {"price": "0.0000", "api_version": API_VERSION, **_DATED}

ACCOUNT = Kind(
    "accounts",
    "Account",
    "AC",
    "",
    "accounts",
    {
        "sid": Fill.SID,
        "friendly_name": "Fake account",
        "status": "active",
        "account_balance": "100.0000",
        "max_outbound_limit": "0.40",
        "type": "full",
        "time_zone": "GMT",
        **_LINKED,
    },
    subresources={
        "usages": "Usages",
        "conferences": "Conferences",
        "transactions": "Transactions",
        "notifications": "Notifications",
        "fraud": "Fraud",
        "calls": "Calls",
        "transcriptions": "Transcriptions",
        "incoming_phone_numbers": "IncomingPhoneNumbers",
        "sms_messages": "SMS/Messages",
        "carrier": "Lookups/Carrier",
        "available_phone_numbers": "AvailablePhoneNumbers",
        "cnam": "Lookups/Cnam",
        "bna": "Lookups/Bna",
    },
)
USAGE = Kind(
    "usages",
    "Usage",
    "AU",
    "Usages/{sid}",
    "usages",
    {
        "sid": Fill.SID,
        "product": "Outbound Call",
        "product_id": 1,
        "day": "01",
        "month": "01",
        "year": "2017",
        "quantity": 0,
        "total": 0,
        "average_cost": "0.0000",
        "total_cost": "0.0000",
        "uri": Fill.URI,
    },
)
CALL = Kind(
    "calls",
    "Call",
    "CA",
    "Calls/{sid}",
    "calls",
    {
        "sid": Fill.SID,
        "parent_call_sid": "",
        "account_sid": Fill.ACCOUNT,
        "to": "",
        "from": "",
        "phone_number_sid": "",
        "status": "queued",
        "direction": "outbound-api",
        "answered_by": "tbd",
        "start_time": None,
        "end_time": None,
        "duration": 0,
        "duration_billed": 0,
        "price": "0.0000",
        "api_version": API_VERSION,
        "forwarded_from": "",
        "caller_id_blocked": "false",
        "recordings_count": "",
        **_LINKED,
    },
    subresources={"notifications": "Notifications", "recordings": "Recordings"},
    not_found=21204,
    record=CallRecord,
)
SMS = Kind(
    "sms_messages",
    "SmsMessage",
    "SM",
    "SMS/Messages/{sid}",
    "sms_messages",
    {
        **_OWNED,
        "from": "",
        "to": "",
        "body": "",
        "status": "sent",
        "direction": "outbound-api",
        "price": "0.0000",
        "date_sent": Fill.NOW,
        **_STAMPS,
        "api_version": API_VERSION,
        "uri": Fill.URI,
    },
)
MMS = Kind(
    "mms_messages",
    "MmsMessage",
    "MM",
    "MMS/Messages/{sid}",
    "mms_messages",
    {
        "mms_sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "from": "",
        "to": "",
        "body": "",
        "media_url": "",
        "status": "queued",
        "direction": "outbound",
        "date_created": Fill.NOW,
        "apiVersion": API_VERSION,
    },
    sid_field="mms_sid",
    iso_dates=True,
)
CONFERENCE = Kind(
    "conferences",
    "Conference",
    "CF",
    "Conferences/{sid}",
    "conferences",
    {
        "sid": Fill.SID,
        "friendly_name": "",
        "account_sid": Fill.ACCOUNT,
        "status": "init",
        "active_participants_count": 0,
        **_LINKED,
    },
    subresources={"participants": "Participants"},
)
PARTICIPANT = Kind(
    "participants",
    "Participant",
    "PA",
    "Conferences/{parent}/Participants/{sid}",
    "participants",
    {
        "sid": Fill.SID,
        "conference_sid": Fill.PARENT,
        "account_sid": Fill.ACCOUNT,
        "caller_name": "",
        "caller_number": "",
        "duration": "0",
        "muted": "false",
        "deaf": "false",
        **_DATED,
    },
    owner=CONFERENCE,
    counter="active_participants_count",
)
APPLICATION = Kind(
    "applications",
    "Application",
    "AP",
    "Applications/{sid}",
    "applications",
    {
        "sid": Fill.SID,
        "friendly_name": "",
        "account_sid": Fill.ACCOUNT,
        **_NUMBER_SETTINGS,
        "voice_caller_id_lookup": False,
        "client_count": 0,
        "api_version": API_VERSION,
        **_DATED,
    },
)
CLIENT = Kind(
    "clients",
    "ApplicationClient",
    "CI",
    "Applications/{parent}/Clients/{sid}",
    "clients",
    {
        **_OWNED,
        "application_sid": Fill.PARENT,
        "nickname": "",
        "client_password": "",
        "presence_status": "init",
        "session_id": None,
        "remote_ip": "",
        "api_version": API_VERSION,
        **_DATED,
    },
    owner=APPLICATION,
    counter="client_count",
)
AGENT = Kind(
    "agents",
    "Agent",
    "AG",
    "Agents/{sid}",
    "agents",
    {
        **_OWNED,
        "friendly_name": "",
        "timeout": "",
        "callback_url": "",
        "callback_method": "POST",
        "language": "",
        "event_callback_url": "",
        "event_callback_method": "POST",
        "events": "",
        **_DATED,
    },
    aliases={"Event_ Callback_method": "event_callback_method"},
)
DOMAIN = Kind(
    "domains",
    "Domain",
    "SD",
    "SIP/Domains/{sid}",
    "domains",
    {
        **_OWNED,
        "friendly_name": "",
        "domain_name": "",
        "domain_sip_url": "",
        "auth_type": "no_traffic",
        "voice_url": "",
        "voice_method": "POST",
        "voice_fallback_url": "",
        "voice_fallback_method": "POST",
        "voice_status_callback_url": "",
        "voice_status_callback_method": "POST",
        "voice_heartbeat_callback": "",
        "voice_heartbeat_callback_method": "POST",
        **_LINKED,
    },
    subresources={
        "ip_access_control_list_mappings": "IpAccessControlListMappings",
        "credential_list_mappings": "CredentialListMappings",
    },
    aliases={
        "VoiceStatusCallback": "voice_status_callback_url",
        "HeartbeatUrl": "voice_heartbeat_callback",
        "HeartbeatMethod": "voice_heartbeat_callback_method",
    },
)


def _sip_list(name: str, element: str, prefix: str, path: str, entries: str, link: str) -> Kind:
    """A SIP list (``/SIP/{path}``): a name and the count of its ``entries``, which its
    ``subresource_uris`` link to as ``link``."""
    template = {**_OWNED, "friendly_name": "", f"{entries}_count": 0, **_LINKED}
    resources = {link: entries.title().replace("_", "")}
    return Kind(name, element, prefix, f"SIP/{path}/{{sid}}", name, template, resources)


def _sip_entry(name: str, element: str, prefix: str, owner: Kind, fields: dict[str, Any]) -> Kind:
    """An entry of a SIP list (``…/{owner's}/{Entries}/{sid}``), counted by its owner."""
    path = f"{owner.path.replace('{sid}', '{parent}')}/{name.title().replace('_', '')}/{{sid}}"
    template = {**_OWNED, **fields, **_LINKED}
    counter = f"{name}_count"
    return Kind(name, element, prefix, path, name, template, {}, owner=owner, counter=counter)


CREDENTIAL_LIST = _sip_list(
    "credential_lists", "CredentialsList", "CL", "CredentialLists", "credentials", "credentials"
)
CREDENTIAL = _sip_entry(
    "credentials",
    "Credential",
    "SC",
    CREDENTIAL_LIST,
    {"username": "", "friendly_name": "", "credential_list": Fill.PARENT},
)
# The recorded fixture names the IP address list "credentials"; kept as recorded.
IP_ACL = _sip_list(
    "ip_access_control",
    "IpAccessControlList",
    "AL",
    "IpAccessControlLists",
    "ip_addresses",
    "credentials",
)
IP_ADDRESS = _sip_entry(
    "ip_addresses", "IpAddress", "IP", IP_ACL, {"friendly_name": "", "ip_address": ""}
)
NUMBER = Kind(
    "incoming_phone_numbers",
    "IncomingPhoneNumber",
    "DI",
    "IncomingPhoneNumbers/{sid}",
    "incoming_phone_numbers",
    {
        **_OWNED,
        "phone_number": "",
        "friendly_name": "",
        "type": "local",
        "capabilities": {"voice": "true", "sms": "true"},
        **_NUMBER_SETTINGS,
        "next_renewal_date": "",
        "api_version": API_VERSION,
        **_DATED,
    },
)
AVAILABLE_NUMBER = Kind(
    "available_phone_numbers",
    "AvailablePhoneNumber",
    "",
    "",
    "available_phone_numbers",
    {
        "phone_number": "",
        "friendly_name": "",
        "iso_country": "US",
        "country_code": "+1",
        "type": "local",
        "monthly_cost": "1.00",
        "per_minute_cost": "0.0100",
        "voice_enabled": "true",
        "sms_enabled": "true",
        "supports_forwarded_from": "true",
        "unblock_support": "false",
        "npa": "",
        "city": "",
        "region": "",
        "postal_code": "",
    },
)
ALLOWED_COUNTRY = Kind(
    "allowed_countries",
    "AllowedCountry",
    "",
    "",
    "allowed_countries",
    {"country_code": "", "country_name": "", "number_type": "", "service_type": ""},
)
RECORDING = Kind(
    "recordings",
    "Recording",
    "RE",
    "Recordings/{sid}",
    "recordings",
    {
        **_OWNED,
        "call_sid": "",
        "duration": 0,
        "recording_url": "",
        "price": "0.0000",
        "api_version": API_VERSION,
        **_DATED,
    },
    not_found=21501,
)
TRANSCRIPTION = Kind(
    "transcriptions",
    "Transcription",
    "TR",
    "Transcriptions/{sid}",
    "transcriptions",
    {
        **_OWNED,
        "status": "in-progress",
        "type": "auto",
        "audio_url": "",
        # Only a transcription of one of the platform's recordings names it.
        "recording_sid": Fill.SOMETIMES,
        "duration": 0,
        "transcription_text": "",
        "price": "0.0000",
        "transcribe_callback": "",
        "callback_method": "POST",
        "api_version": API_VERSION,
        **_DATED,
    },
)
NOTIFICATION = Kind(
    "notifications",
    "Notification",
    "NO",
    "Notifications/{sid}",
    "notifications",
    {
        **_OWNED,
        "call_sid": None,
        "log": 0,
        "error_code": 0,
        "more_info": "",
        "message_text": "",
        "message_date": Fill.NOW,
        "request_url": "",
        "request_method": "POST",
        "request_variables": "",
        "response_body": "",
        "response_headers": "",
        "api_version": API_VERSION,
        **_DATED,
    },
)
CARRIER_LOOKUP = Kind(
    "carrier_lookups",
    "CarrierLookup",
    "CR",
    "Lookups/Carrier/{sid}",
    "carrier_lookups",
    {
        **_OWNED,
        "phone_number": "",
        "network": "Fake Mobile",
        "mobile": True,
        "carrier_id": 1,
        "country_code": "US",
        "sponsor_network": "",
        "sponsor_carrier_id": 0,
        "sponsor_mobile": False,
        "sponsor_country_code": "",
        **_LOOKUP_TAIL,
    },
)
CNAM_LOOKUP = Kind(
    "cnam_lookups",
    "CnamLookup",
    "CL",
    "Lookups/Cnam/{sid}",
    "cnam_lookups",
    {
        **_OWNED,
        "phone_number": "",
        "body": None,
        **_LOOKUP_TAIL,
    },
)
BNA_LOOKUP = Kind(
    "bna_lookups",
    "BnaLookup",
    "BL",
    "Lookups/Bna/{sid}",
    "bna_lookups",
    {
        **_OWNED,
        "phone_number": "",
        "city": "",
        "state": "",
        "zip_code": "",
        "country_code": "US",
        **_LOOKUP_TAIL,
    },
)
FRAUD_RULE = Kind(
    "frauds",
    "FraudRule",
    "FR",
    "",
    "frauds",
    {
        "sid": Fill.SID,
        "country_code": "",
        "country_name": "",
        "country_prefix": "",
        "mobile_enabled": False,
        "landline_enabled": False,
        "sms_enabled": False,
        "is_lock": False,
        **_STAMPS,
        # Only an authorization expires; blocked and whitelisted rules have no such field.
        "expiration_date": Fill.SOMETIMES,
    },
)

KINDS: Final[tuple[Kind, ...]] = (
    ACCOUNT,
    USAGE,
    CALL,
    SMS,
    MMS,
    CONFERENCE,
    PARTICIPANT,
    APPLICATION,
    CLIENT,
    AGENT,
    DOMAIN,
    CREDENTIAL_LIST,
    CREDENTIAL,
    IP_ACL,
    IP_ADDRESS,
    NUMBER,
    AVAILABLE_NUMBER,
    ALLOWED_COUNTRY,
    RECORDING,
    TRANSCRIPTION,
    NOTIFICATION,
    CARRIER_LOOKUP,
    CNAM_LOOKUP,
    BNA_LOOKUP,
    FRAUD_RULE,
)
"""Every resource type, in the order of the REST reference."""
