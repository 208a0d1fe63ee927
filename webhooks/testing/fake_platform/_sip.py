"""The fake platform's SIP endpoints that check what they are given.

Domains (a valid, free name), the mappings of credential lists and IP ACLs to domains (which
set the domain's ``auth_type``), credentials (a free username, a long enough password) and the
addresses of IP ACLs (a free IPv4 address).
"""

from __future__ import annotations

import ipaddress
from typing import Any

from . import _kinds as k
from ._crud import apply, find, sid_arg
from ._paging import paginate
from ._records import FakeRecord, Kind
from ._render import ApiFailure, Body, Item
from ._routing import Ctx, Handler

__all__ = [
    "add_credential",
    "change_password",
    "domain_fields",
    "ip_address",
    "mapped",
    "mapping",
    "unmap",
    "update_ip",
]


def domain_fields(ctx: Ctx) -> dict[str, Any]:
    """A new domain's name and SIP URL: 62006 when invalid, 62007 when taken."""
    name = ctx.params["DomainName"].strip().lower()
    if not name or not all(c.isalnum() or c in "-." for c in name):
        raise ApiFailure(400, 62006)
    if any(r.data["domain_name"] == name for r in ctx.store.all(k.DOMAIN)):
        raise ApiFailure(400, 62007)
    return {"domain_name": name, "domain_sip_url": f"{name}.sip.zang.io"}


def _auth_type(domain: FakeRecord) -> str:
    acls, creds = bool(domain.extra.get("ip_acls")), bool(domain.extra.get("credential_lists"))
    return {
        (False, False): "no_traffic",
        (True, False): "ip_acl",
        (False, True): "credential_list",
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
