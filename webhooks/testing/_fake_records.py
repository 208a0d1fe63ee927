"""The resources the fake platform keeps: their kinds, wire fields, SIDs and dates.

Every resource is a :class:`Record` whose ``data`` holds the fields exactly as the platform puts
them on the wire (numbers and booleans as strings where the platform sends strings, RFC 2822
dates, ISO 8601 dates on MMS). One :class:`Kind` per resource type says how to build a record:
its SID prefix, its URI, the JSON list key, the XML element, and a template of its fields.

SID prefixes the platform documents are used as documented; the ones it does not document
(``SM`` SMS, ``MM`` MMS, ``CF`` conference, ``PA`` participant, ``AP`` application, ``CI``
application client, ``AG`` agent, ``FR`` fraud rule) are invented in the same format.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime
from typing import Any, Final

__all__ = [
    "KINDS",
    "CallRecord",
    "Fill",
    "Kind",
    "Record",
    "Store",
    "format_date",
    "new_sid",
    "parse_date",
]

API_VERSION: Final = "v2"


def new_sid(prefix: str) -> str:
    """A SID in the platform's format: a two-letter prefix and 32 hex digits."""
    return prefix + uuid.uuid4().hex


def format_date(moment: datetime, *, iso: bool = False) -> str:
    """Render a time as the platform does: RFC 2822 (``-0000``), or ISO 8601 for MMS."""
    if iso:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")
    return formatdate(moment.timestamp())


def parse_date(value: object) -> datetime | None:
    """Read back a date this module wrote (either format); ``None`` when there is none."""
    if not isinstance(value, str) or not value:
        return None
    if value[:4].isdigit():
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    moment = parsedate_to_datetime(value)
    # "-0000" reads back as a naive time; the platform means UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Fill(enum.Enum):
    """Template placeholders filled in when a record is built."""

    SID = "sid"
    ACCOUNT = "account"
    PARENT = "parent"
    NOW = "now"
    URI = "uri"


@dataclass(frozen=True, slots=True)
class Kind:
    """One resource type of the REST API.

    Attributes:
        name: The store key (``"calls"``).
        element: The XML element of one item (``"Call"``).
        prefix: The SID prefix (``"CA"``).
        path: The item's path below the account, with ``{parent}`` and ``{sid}``.
        list_key: The JSON key of the list in list responses.
        template: The wire fields in order, with :class:`Fill` placeholders and defaults.
        subresources: ``subresource_uris`` keys and the path each names below the item.
        aliases: Request parameters whose field name is not the snake_case of the parameter.
        not_found: The error code of an unknown SID.
        sid_field: The field holding the SID (``mms_sid`` on MMS).
        iso_dates: Dates are ISO 8601 instead of RFC 2822.
        owner: The kind a nested resource lives under (its records have a ``parent``).
        counter: The owner's field counting these records (``credentials_count``).
    """

    name: str
    element: str
    prefix: str
    path: str
    list_key: str
    template: Mapping[str, Any]
    subresources: Mapping[str, str] | None = None
    aliases: Mapping[str, str] = field(default_factory=dict)
    not_found: int = 21227
    sid_field: str = "sid"
    iso_dates: bool = False
    owner: Kind | None = None
    counter: str | None = None


@dataclass(eq=False, slots=True)
class Record:
    """One stored resource.

    Attributes:
        kind: Its resource type.
        sid: Its SID.
        data: The wire fields, exactly as GET returns them in JSON. Change them freely.
        parent: The SID of the owning resource for nested resources (participants,
            credentials, IP addresses, application clients), else ``None``.
        extra: State the platform does not show (a credential's password, a domain's
            mappings, a fraud rule's kind).
    """

    kind: Kind
    sid: str
    data: dict[str, Any]
    parent: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class CallRecord(Record):
    """A call, with the parameters it was created with.

    The platform's Call resource does not show the URLs a call was made with; they are kept in
    ``params`` (the form of ``POST /Calls``, or of the seeding helper) and exposed as
    properties for a simulator that executes the call.

    Attributes:
        params: The parameters of the request that created the call.
        digits: Every ``PlayDtmf`` sent to the live call, in order.
    """

    params: dict[str, str] = field(default_factory=dict)
    digits: list[str] = field(default_factory=list)

    def _param(self, name: str, default: str = "") -> str:
        return self.params.get(name) or default

    @property
    def status(self) -> str:
        """The call status (``queued``, ``ringing``, ``in-progress``, ``completed``...)."""
        return str(self.data["status"])

    @property
    def direction(self) -> str:
        """``outbound-api`` for calls made over REST, ``inbound`` for seeded inbound calls."""
        return str(self.data["direction"])

    @property
    def from_(self) -> str:
        """The caller."""
        return str(self.data["from"])

    @property
    def to(self) -> str:
        """The called number or SIP address."""
        return str(self.data["to"])

    @property
    def duration(self) -> int:
        """The duration in seconds."""
        return int(self.data["duration"])

    @property
    def url(self) -> str:
        """The InboundXML URL the call runs (``Url``)."""
        return self._param("Url")

    @property
    def method(self) -> str:
        """The HTTP method for ``url`` (``Method``, default ``POST``)."""
        return self._param("Method", "POST").upper()

    @property
    def fallback_url(self) -> str:
        """``FallbackUrl``, or ``""``."""
        return self._param("FallbackUrl")

    @property
    def fallback_method(self) -> str:
        """``FallbackMethod``, default ``POST``."""
        return self._param("FallbackMethod", "POST").upper()

    @property
    def status_callback(self) -> str:
        """``StatusCallback``, or ``""``."""
        return self._param("StatusCallback")

    @property
    def status_callback_method(self) -> str:
        """``StatusCallbackMethod``, default ``POST``."""
        return self._param("StatusCallbackMethod", "POST").upper()

    @property
    def heartbeat_url(self) -> str:
        """``HeartbeatUrl``, or ``""``."""
        return self._param("HeartbeatUrl")

    @property
    def heartbeat_method(self) -> str:
        """``HeartbeatMethod``, default ``POST``."""
        return self._param("HeartbeatMethod", "POST").upper()


# Templates are written in the order the platform sends the fields.
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
_STAMPS: Final[dict[str, Any]] = {"date_created": Fill.NOW, "date_updated": Fill.NOW}
_LOOKUP_TAIL: Final[dict[str, Any]] = {
    "price": "0.0000",
    "api_version": API_VERSION,
    **_STAMPS,
    "uri": Fill.URI,
}

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
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
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
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
    },
    subresources={"notifications": "Notifications", "recordings": "Recordings"},
    not_found=21204,
)
SMS = Kind(
    "sms_messages",
    "SmsMessage",
    "SM",
    "SMS/Messages/{sid}",
    "sms_messages",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
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
        **_STAMPS,
        "uri": Fill.URI,
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
        **_STAMPS,
        "uri": Fill.URI,
    },
)
CLIENT = Kind(
    "clients",
    "ApplicationClient",
    "CI",
    "Applications/{parent}/Clients/{sid}",
    "clients",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "application_sid": Fill.PARENT,
        "nickname": "",
        "client_password": "",
        "presence_status": "init",
        "session_id": None,
        "remote_ip": "",
        "api_version": API_VERSION,
        **_STAMPS,
        "uri": Fill.URI,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "friendly_name": "",
        "timeout": "",
        "callback_url": "",
        "callback_method": "POST",
        "language": "",
        "event_callback_url": "",
        "event_callback_method": "POST",
        "events": "",
        **_STAMPS,
        "uri": Fill.URI,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
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
CREDENTIAL_LIST = Kind(
    "credential_lists",
    "CredentialsList",
    "CL",
    "SIP/CredentialLists/{sid}",
    "credential_lists",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "friendly_name": "",
        "credentials_count": 0,
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
    },
    subresources={"credentials": "Credentials"},
)
CREDENTIAL = Kind(
    "credentials",
    "Credential",
    "SC",
    "SIP/CredentialLists/{parent}/Credentials/{sid}",
    "credentials",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "username": "",
        "friendly_name": "",
        "credential_list": Fill.PARENT,
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
    },
    subresources={},
    owner=CREDENTIAL_LIST,
    counter="credentials_count",
)
IP_ACL = Kind(
    "ip_access_control",
    "IpAccessControlList",
    "AL",
    "SIP/IpAccessControlLists/{sid}",
    "ip_access_control",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "friendly_name": "",
        "ip_addresses_count": 0,
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
    },
    # The recorded fixture names the IP address list "credentials"; kept as recorded.
    subresources={"credentials": "IpAddresses"},
)
IP_ADDRESS = Kind(
    "ip_addresses",
    "IpAddress",
    "IP",
    "SIP/IpAccessControlLists/{parent}/IpAddresses/{sid}",
    "ip_addresses",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "friendly_name": "",
        "ip_address": "",
        **_STAMPS,
        "uri": Fill.URI,
        "subresource_uris": {},
    },
    subresources={},
    owner=IP_ACL,
    counter="ip_addresses_count",
)
NUMBER = Kind(
    "incoming_phone_numbers",
    "IncomingPhoneNumber",
    "DI",
    "IncomingPhoneNumbers/{sid}",
    "incoming_phone_numbers",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "phone_number": "",
        "friendly_name": "",
        "type": "local",
        "capabilities": {"voice": True, "sms": True},
        **_NUMBER_SETTINGS,
        "next_renewal_date": "",
        "api_version": API_VERSION,
        **_STAMPS,
        "uri": Fill.URI,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "call_sid": "",
        "duration": 0,
        "recording_url": "",
        "price": "0.0000",
        "api_version": API_VERSION,
        **_STAMPS,
        "uri": Fill.URI,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
        "status": "in-progress",
        "type": "auto",
        "audio_url": "",
        "recording_sid": "",
        "duration": 0,
        "transcription_text": "",
        "price": "0.0000",
        "transcribe_callback": "",
        "callback_method": "POST",
        "api_version": API_VERSION,
        **_STAMPS,
        "uri": Fill.URI,
    },
)
NOTIFICATION = Kind(
    "notifications",
    "Notification",
    "NO",
    "Notifications/{sid}",
    "notifications",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        **_STAMPS,
        "uri": Fill.URI,
    },
)
CARRIER_LOOKUP = Kind(
    "carrier_lookups",
    "CarrierLookup",
    "CR",
    "Lookups/Carrier/{sid}",
    "carrier_lookups",
    {
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        "sid": Fill.SID,
        "account_sid": Fill.ACCOUNT,
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
        "expiration_date": "",
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


class Store:
    """All records of one fake account, by kind and SID, in creation order.

    Args:
        account_sid: The account that owns everything.
        api_version: The version segment of URIs (``v2``).
    """

    def __init__(self, account_sid: str, api_version: str = API_VERSION) -> None:
        self.account_sid = account_sid
        self.root = f"/{api_version}/Accounts/{account_sid}"
        self.tables: dict[str, dict[str, Record]] = {kind.name: {} for kind in KINDS}

    def clear(self) -> None:
        """Forget every record."""
        for table in self.tables.values():
            table.clear()

    def item_path(self, kind: Kind, sid: str, parent: str | None = None) -> str:
        """The path of one item without format suffix (``/v2/Accounts/AC…/Calls/CA…``)."""
        if not kind.path:
            return self.root
        return f"{self.root}/{kind.path.format(sid=sid, parent=parent)}"

    def add(
        self,
        kind: Kind,
        fields: Mapping[str, Any] | None = None,
        *,
        parent: str | None = None,
        sid: str | None = None,
        now: datetime | None = None,
        params: Mapping[str, str] | None = None,
    ) -> Record:
        """Build a record from the kind's template and ``fields``, and store it.

        Raises:
            KeyError: A field the kind does not have.
        """
        sid = sid or new_sid(kind.prefix)
        stamp = format_date(now or datetime.now(UTC), iso=kind.iso_dates)
        path = self.item_path(kind, sid, parent)
        fill = {
            Fill.SID: sid,
            Fill.ACCOUNT: self.account_sid,
            Fill.PARENT: parent,
            Fill.NOW: stamp,
            Fill.URI: f"{path}.json",
        }
        data: dict[str, Any] = {}
        for name, value in kind.template.items():
            if isinstance(value, Fill):
                data[name] = fill[value]
            elif isinstance(value, dict):
                data[name] = dict(value)
            else:
                data[name] = value
        if kind.subresources is not None:
            data["subresource_uris"] = {
                key: f"{path}/{sub}.json" for key, sub in kind.subresources.items()
            }
        for name, value in (fields or {}).items():
            if name not in data:
                raise KeyError(f"{kind.element} has no field {name!r}; fields: {', '.join(data)}")
            data[name] = value
        record: Record
        if kind is CALL:
            record = CallRecord(kind, sid, data, parent, params=dict(params or {}))
        else:
            record = Record(kind, sid, data, parent)
        self.tables[kind.name][sid] = record
        self._recount(record)
        return record

    def get(self, kind: Kind, sid: str) -> Record | None:
        """The record of that kind and SID, if any."""
        return self.tables[kind.name].get(sid)

    def all(self, kind: Kind) -> list[Record]:
        """Every record of a kind, oldest first."""
        return list(self.tables[kind.name].values())

    def remove(self, record: Record) -> None:
        """Delete a record and the records nested under it."""
        self.tables[record.kind.name].pop(record.sid, None)
        self._recount(record)
        for kind in KINDS:
            if kind.owner is record.kind:
                for child in [r for r in self.all(kind) if r.parent == record.sid]:
                    self.tables[kind.name].pop(child.sid, None)

    def _recount(self, record: Record) -> None:
        kind = record.kind
        if kind.owner is None or kind.counter is None or record.parent is None:
            return
        owner = self.get(kind.owner, record.parent)
        if owner is not None:
            owner.data[kind.counter] = sum(
                1 for r in self.tables[kind.name].values() if r.parent == record.parent
            )
