"""SIP: domains, credential lists with their credentials, and IP ACLs with their addresses.

``client.sip.domains.create(domain_name="acme")`` makes ``acme.sip.zang.io``; it takes traffic
only once an IP ACL and/or a credential list is mapped to it::

    office = client.sip.ip_acls.create(friendly_name="office")
    client.sip.ip_acls.addresses.create(office.sid, friendly_name="gw", ip_address="203.0.113.7")
    staff = client.sip.credential_lists.create(friendly_name="staff")
    client.sip.credential_lists.credentials.create(staff.sid, username="ann", password="…")
    client.sip.domains.map_ip_acl(domain.sid, ip_access_control_list_sid=office.sid)
    client.sip.domains.map_credential_list(domain.sid, credential_list_sid=staff.sid)
"""

from __future__ import annotations

from typing import Any

from .._resource import M, Resource
from ._access import (
    Credential,
    CredentialList,
    CredentialLists,
    Credentials,
    IpAccessControlList,
    IpAccessControlLists,
    IpAddress,
    IpAddresses,
)
from ._domains import Domain, DomainSettings, SipDomains

__all__ = [
    "Credential",
    "CredentialList",
    "CredentialLists",
    "Credentials",
    "Domain",
    "DomainSettings",
    "IpAccessControlList",
    "IpAccessControlLists",
    "IpAddress",
    "IpAddresses",
    "Sip",
    "SipDomains",
]


class Sip(Resource[M]):
    """The SIP endpoints: ``client.sip.domains``, ``.credential_lists`` and ``.ip_acls``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.domains: SipDomains[M] = SipDomains(runner)
        self.credential_lists: CredentialLists[M] = CredentialLists(runner)
        self.ip_acls: IpAccessControlLists[M] = IpAccessControlLists(runner)
