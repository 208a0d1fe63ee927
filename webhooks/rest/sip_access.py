"""SIP access control: credential lists (:mod:`webhooks.rest.sip_credentials`) and IP ACLs
(:mod:`webhooks.rest.sip_acls`), importable from here as well."""

from __future__ import annotations

from .sip_acls import IpAccessControlList, IpAccessControlLists, IpAddress, IpAddresses
from .sip_credentials import Credential, CredentialList, CredentialLists, Credentials

__all__ = [
    "Credential",
    "CredentialList",
    "CredentialLists",
    "Credentials",
    "IpAccessControlList",
    "IpAccessControlLists",
    "IpAddress",
    "IpAddresses",
]
