"""The records the fake platform keeps, and the store holding them.

Every resource is a :class:`FakeRecord` whose ``data`` holds the fields exactly as the platform puts
them on the wire (numbers and booleans as strings where the platform sends strings, RFC 2822
dates, ISO 8601 dates on MMS). One :class:`Kind` per resource type (the table is in
``_kinds``) says how to build a record: its SID prefix, its URI, the JSON list key, the XML
element, and a template of its fields.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime
from typing import Any, Final

__all__ = [
    "API_VERSION",
    "CallRecord",
    "FakeRecord",
    "Fill",
    "Kind",
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
    SOMETIMES = "sometimes"
    """A field the platform sends only with some records: left out unless it is given."""


@dataclass(eq=False, slots=True)
class FakeRecord:
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
class CallRecord(FakeRecord):
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
        record: The record class (:class:`CallRecord` for calls).
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
    record: type[FakeRecord] = FakeRecord


class Store:
    """All records of one fake account, by kind and SID, in creation order.

    Args:
        account_sid: The account that owns everything.
        kinds: Every resource type.
        api_version: The version segment of URIs (``v2``).
    """

    def __init__(
        self, account_sid: str, kinds: Sequence[Kind], api_version: str = API_VERSION
    ) -> None:
        self.account_sid = account_sid
        self.kinds = tuple(kinds)
        self.root = f"/{api_version}/Accounts/{account_sid}"
        self.tables: dict[str, dict[str, FakeRecord]] = {kind.name: {} for kind in kinds}

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
    ) -> FakeRecord:
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
        given = fields or {}
        data: dict[str, Any] = {}
        for name, value in kind.template.items():
            if value is Fill.SOMETIMES:
                if name in given:
                    data[name] = None  # its place; the value follows
            elif isinstance(value, Fill):
                data[name] = fill[value]
            elif isinstance(value, dict):
                data[name] = dict(value)
            else:
                data[name] = value
        if kind.subresources is not None:
            data["subresource_uris"] = {
                key: f"{path}/{sub}.json" for key, sub in kind.subresources.items()
            }
        for name, value in given.items():
            if name not in data:
                raise KeyError(f"{kind.element} has no field {name!r}; fields: {', '.join(data)}")
            data[name] = value
        record = kind.record(kind, sid, data, parent)
        if isinstance(record, CallRecord):
            record.params.update(params or {})
        self.tables[kind.name][sid] = record
        self._recount(record)
        return record

    def get(self, kind: Kind, sid: str) -> FakeRecord | None:
        """The record of that kind and SID, if any."""
        return self.tables[kind.name].get(sid)

    def all(self, kind: Kind) -> list[FakeRecord]:
        """Every record of a kind, oldest first."""
        return list(self.tables[kind.name].values())

    def remove(self, record: FakeRecord) -> None:
        """Delete a record and the records nested under it."""
        self.tables[record.kind.name].pop(record.sid, None)
        self._recount(record)
        for kind in self.kinds:
            if kind.owner is record.kind:
                for child in [r for r in self.all(kind) if r.parent == record.sid]:
                    self.tables[kind.name].pop(child.sid, None)

    def _recount(self, record: FakeRecord) -> None:
        kind = record.kind
        if kind.owner is None or kind.counter is None or record.parent is None:
            return
        owner = self.get(kind.owner, record.parent)
        if owner is not None:
            owner.data[kind.counter] = sum(
                1 for r in self.tables[kind.name].values() if r.parent == record.parent
            )
