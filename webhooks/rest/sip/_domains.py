"""SIP domains and the mapping of credential lists and IP ACLs onto them: ``client.sip.domains``.

A domain (``{name}.sip.zang.io``) takes traffic only after an IP ACL and/or a credential list is
mapped to it.
"""

from __future__ import annotations

from typing import Protocol, TypedDict, Unpack

from pydantic import AliasChoices, Field

from .._core import DEFAULT, CallTimeout
from .._locators import Where, deletes, lists, paging, reads, writes
from .._params import encode, form, segment
from .._resource import M, Resource
from .._wire import Model, Text, Timestamp, UriMap
from ..types import HttpMethod
from ._access import CredentialList, IpAccessControlList

__all__ = ["Domain", "DomainSettings", "SipDomains"]


class DomainSettings(TypedDict, total=False):
    """The settings of a SIP domain, given when creating or updating it (all optional).

    ``friendly_name`` (a label); ``voice_url`` (InboundXML for calls to the domain),
    ``voice_method``, ``voice_fallback_url`` and ``voice_fallback_method`` (requested when
    ``voice_url`` fails); ``heartbeat_url`` (requested every 60 s during calls) and
    ``heartbeat_method``; ``voice_status_callback`` (told when calls end) and
    ``voice_status_callback_method``.
    """

    friendly_name: str
    voice_url: str
    voice_method: HttpMethod
    voice_fallback_url: str
    voice_fallback_method: HttpMethod
    heartbeat_url: str
    heartbeat_method: HttpMethod
    voice_status_callback: str
    voice_status_callback_method: HttpMethod


class Domain(Model):
    """A SIP domain (``auth_type``: ``ip_acl``, ``credential_list``, ``ip_and_credential`` or
    ``no_traffic``, in the case of the platform's recorded answers)."""

    sid: str
    account_sid: Text = None
    friendly_name: Text = None
    domain_name: Text = None
    domain_sip_url: Text = Field(
        default=None, validation_alias=AliasChoices("domain_sip_url", "domain-sip_url")
    )
    auth_type: Text = None
    voice_url: Text = None
    voice_method: Text = None
    voice_fallback_url: Text = None
    voice_fallback_method: Text = None
    voice_status_callback_url: Text = None
    voice_status_callback_method: Text = None
    voice_heartbeat_callback: Text = None
    voice_heartbeat_callback_method: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


_DOMAINS = "/SIP/Domains"


def _domain(domain_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        domain_sid: The domain's SID (``SD…``).
        timeout: This request's timeout.
    """
    return Where(f"{_DOMAINS}/{segment(domain_sid, 'domain_sid')}", timeout)


def _changed(
    domain_sid: str, *, timeout: CallTimeout = DEFAULT, **settings: Unpack[DomainSettings]
) -> Where:
    """
    Args:
        domain_sid: The domain's SID.
        timeout: This request's timeout.
        **settings: The settings to change (:class:`DomainSettings`).
    """
    return Where(_domain(domain_sid).path, timeout, encode(settings))


class _MappedPaging(Protocol):
    def __call__(
        self,
        domain_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where: ...


def _mapped(mappings: str) -> _MappedPaging:
    """The locator of the lists (``mappings``) mapped to a domain."""

    def locate(
        domain_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where:
        """
        Args:
            domain_sid: The domain's SID.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = f"{_domain(domain_sid).path}/{mappings}"
        return Where(path, timeout, page=page, page_size=page_size)

    return locate


def _credential_list_mapping(
    domain_sid: str, credential_list_sid: str, *, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        domain_sid: The domain's SID.
        credential_list_sid: The list's SID.
        timeout: This request's timeout.
    """
    list_sid = segment(credential_list_sid, "credential_list_sid")
    return Where(f"{_domain(domain_sid).path}/CredentialListMappings/{list_sid}", timeout)


def _ip_acl_mapping(domain_sid: str, acl_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        domain_sid: The domain's SID.
        acl_sid: The ACL's SID.
        timeout: This request's timeout.
    """
    acl = segment(acl_sid, "acl_sid")
    return Where(f"{_domain(domain_sid).path}/IpAccessControlListMappings/{acl}", timeout)


def _new_domain(
    *, domain_name: str, timeout: CallTimeout = DEFAULT, **settings: Unpack[DomainSettings]
) -> Where:
    """
    Args:
        domain_name: The name; the address becomes ``{domain_name}.sip.zang.io``.
        timeout: This request's timeout.
        **settings: The domain's settings (:class:`DomainSettings`).
    """
    return Where(_DOMAINS, timeout, form(domain_name=domain_name, **settings))


def _map_credential_list(
    domain_sid: str, *, credential_list_sid: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        domain_sid: The domain's SID.
        credential_list_sid: The list's SID.
        timeout: This request's timeout.
    """
    return Where(
        f"{_domain(domain_sid).path}/CredentialListMappings",
        timeout,
        form(credential_list_sid=credential_list_sid),
    )


def _map_ip_acl(
    domain_sid: str, *, ip_access_control_list_sid: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        domain_sid: The domain's SID.
        ip_access_control_list_sid: The ACL's SID.
        timeout: This request's timeout.
    """
    return Where(
        f"{_domain(domain_sid).path}/IpAccessControlListMappings",
        timeout,
        form(ip_access_control_list_sid=ip_access_control_list_sid),
    )


class SipDomains(Resource[M]):
    """The ``/SIP/Domains`` endpoints: ``client.sip.domains``."""

    get = reads(_domain, Domain, "Read one domain.")
    list = lists(paging(_DOMAINS), "domains", Domain, "List domains.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_domain, Domain, "Delete a domain.")

    create = writes(
        _new_domain, Domain, "Create a domain (never retried once sent).", replay_safe=False
    )

    update = writes(
        _changed, Domain, "Change a domain; only the given settings change.", replay_safe=True
    )

    list_credential_lists = lists(
        _mapped("CredentialListMappings"),
        "credential_lists",
        CredentialList,
        "List the credential lists mapped to a domain.",
    )
    list_credential_lists_page = list_credential_lists.page_view()
    list_credential_lists_text = list_credential_lists.text_view()

    map_credential_list = writes(
        _map_credential_list,
        CredentialList,
        "Map a credential list to a domain (never retried once sent).",
        replay_safe=False,
    )

    unmap_credential_list = deletes(
        _credential_list_mapping, CredentialList, "Remove a credential list from a domain."
    )
    list_ip_acls = lists(
        _mapped("IpAccessControlListMappings"),
        "ip_access_control",
        IpAccessControlList,
        "List the IP ACLs mapped to a domain.",
    )
    list_ip_acls_page = list_ip_acls.page_view()
    list_ip_acls_text = list_ip_acls.text_view()

    map_ip_acl = writes(
        _map_ip_acl,
        IpAccessControlList,
        "Map an IP ACL to a domain (never retried once sent).",
        replay_safe=False,
    )

    unmap_ip_acl = deletes(_ip_acl_mapping, IpAccessControlList, "Remove an IP ACL from a domain.")
