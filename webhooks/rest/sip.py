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

from typing import Any, Protocol, TypedDict, Unpack

from pydantic import AliasChoices, Field

from ._core import DEFAULT, CallTimeout
from ._locators import Where, deletes, lists, named, paging, reads, writes
from ._params import encode, form, segment
from ._resource import M, Resource
from ._wire import Int, Model, Text, Timestamp, UriMap
from .types import HttpMethod

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


class CredentialList(Model):
    """A named list of SIP username/password credentials."""

    sid: str
    account_sid: Text = None
    friendly_name: Text = None
    credentials_count: Int = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


class Credential(Model):
    """One SIP credential (the password is never returned)."""

    sid: str
    account_sid: Text = None
    username: Text = None
    friendly_name: Text = None
    credential_list: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


_LISTS = "/SIP/CredentialLists"


def _credential_list(credential_list_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        credential_list_sid: The list's SID (``CL…``).
        timeout: This request's timeout.
    """
    return Where(f"{_LISTS}/{segment(credential_list_sid, 'credential_list_sid')}", timeout)


def _credential(
    credential_list_sid: str, credential_sid: str, *, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        credential_list_sid: The list's SID (``CL…``).
        credential_sid: The credential's SID (``SC…``).
        timeout: This request's timeout.
    """
    path = f"{_credential_list(credential_list_sid).path}/Credentials"
    return Where(f"{path}/{segment(credential_sid, 'credential_sid')}", timeout)


def _credentials(
    credential_list_sid: str,
    *,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        credential_list_sid: The list's SID.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    path = f"{_credential_list(credential_list_sid).path}/Credentials"
    return Where(path, timeout, page=page, page_size=page_size)


def _renamed_list(
    credential_list_sid: str, *, friendly_name: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        credential_list_sid: The list's SID.
        friendly_name: The new name.
        timeout: This request's timeout.
    """
    path = _credential_list(credential_list_sid).path
    return named(path)(friendly_name=friendly_name, timeout=timeout)


def _new_credential(
    credential_list_sid: str, *, username: str, password: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        credential_list_sid: The list's SID.
        username: The SIP username.
        password: The SIP password (at least 8 characters).
        timeout: This request's timeout.
    """
    return Where(
        _credentials(credential_list_sid).path, timeout, form(username=username, password=password)
    )


def _changed_credential(
    credential_list_sid: str, credential_sid: str, *, password: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        credential_list_sid: The list's SID.
        credential_sid: The credential's SID.
        password: The new password (at least 8 characters).
        timeout: This request's timeout.
    """
    return Where(
        _credential(credential_list_sid, credential_sid).path, timeout, form(password=password)
    )


class Credentials(Resource[M]):
    """The credentials of credential lists: ``client.sip.credential_lists.credentials``."""

    get = reads(_credential, Credential, "Read one credential.")
    list = lists(_credentials, "credentials", Credential, "List the credentials of a list.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_credential, Credential, "Remove a credential from its list.")

    create = writes(
        _new_credential,
        Credential,
        "Add a credential to a list (never retried once sent).",
        replay_safe=False,
    )

    update = writes(
        _changed_credential, Credential, "Change a credential's password.", replay_safe=True
    )


class CredentialLists(Resource[M]):
    """The ``/SIP/CredentialLists`` endpoints: ``client.sip.credential_lists``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.credentials: Credentials[M] = Credentials(runner)

    get = reads(_credential_list, CredentialList, "Read one credential list.")
    list = lists(
        paging(_LISTS),
        "credential_lists",
        CredentialList,
        "List credential lists (key ``credential_lists``, as in the recorded answers).",
    )
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_credential_list, CredentialList, "Delete a credential list.")

    create = writes(
        named(_LISTS),
        CredentialList,
        "Create a credential list (never retried once sent).",
        replay_safe=False,
    )
    update = writes(_renamed_list, CredentialList, "Rename a credential list.", replay_safe=True)


class IpAccessControlList(Model):
    """A named list of IPv4 addresses allowed to send SIP traffic."""

    sid: str
    account_sid: Text = None
    friendly_name: Text = None
    ip_addresses_count: Int = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


class IpAddress(Model):
    """One address of an IP access control list."""

    sid: str
    account_sid: Text = None
    friendly_name: Text = None
    ip_address: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


_ACLS = "/SIP/IpAccessControlLists"


def _acl(acl_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        acl_sid: The ACL's SID (``AL…``).
        timeout: This request's timeout.
    """
    return Where(f"{_ACLS}/{segment(acl_sid, 'acl_sid')}", timeout)


def _address(acl_sid: str, ip_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        acl_sid: The ACL's SID (``AL…``).
        ip_sid: The address's SID (``IP…``).
        timeout: This request's timeout.
    """
    return Where(f"{_acl(acl_sid).path}/IpAddresses/{segment(ip_sid, 'ip_sid')}", timeout)


def _addresses(
    acl_sid: str,
    *,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        acl_sid: The ACL's SID.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(f"{_acl(acl_sid).path}/IpAddresses", timeout, page=page, page_size=page_size)


def _renamed_acl(acl_sid: str, *, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        acl_sid: The ACL's SID.
        friendly_name: The new name.
        timeout: This request's timeout.
    """
    return named(_acl(acl_sid).path)(friendly_name=friendly_name, timeout=timeout)


def _new_address(
    acl_sid: str, *, friendly_name: str, ip_address: str, timeout: CallTimeout = DEFAULT
) -> Where:
    """
    Args:
        acl_sid: The ACL's SID.
        friendly_name: Its name.
        ip_address: An IPv4 address.
        timeout: This request's timeout.
    """
    return Where(
        _addresses(acl_sid).path, timeout, form(friendly_name=friendly_name, ip_address=ip_address)
    )


def _changed_address(
    acl_sid: str,
    ip_sid: str,
    *,
    friendly_name: str,
    ip_address: str,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        acl_sid: The ACL's SID.
        ip_sid: The address's SID.
        friendly_name: Its name.
        ip_address: An IPv4 address.
        timeout: This request's timeout.
    """
    return Where(
        _address(acl_sid, ip_sid).path,
        timeout,
        form(friendly_name=friendly_name, ip_address=ip_address),
    )


class IpAddresses(Resource[M]):
    """The addresses of IP ACLs: ``client.sip.ip_acls.addresses``."""

    get = reads(_address, IpAddress, "Read one address.")
    list = lists(_addresses, "ip_addresses", IpAddress, "List the addresses of an ACL.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_address, IpAddress, "Remove an address from its ACL.")

    create = writes(
        _new_address,
        IpAddress,
        "Add an address to an ACL (never retried once sent).",
        replay_safe=False,
    )

    update = writes(_changed_address, IpAddress, "Change an address.", replay_safe=True)


class IpAccessControlLists(Resource[M]):
    """The ``/SIP/IpAccessControlLists`` endpoints: ``client.sip.ip_acls``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.addresses: IpAddresses[M] = IpAddresses(runner)

    get = reads(_acl, IpAccessControlList, "Read one IP ACL.")
    list = lists(paging(_ACLS), "ip_access_control", IpAccessControlList, "List IP ACLs.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_acl, IpAccessControlList, "Delete an IP ACL.")

    create = writes(
        named(_ACLS),
        IpAccessControlList,
        "Create an IP ACL (never retried once sent).",
        replay_safe=False,
    )
    update = writes(_renamed_acl, IpAccessControlList, "Rename an IP ACL.", replay_safe=True)


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
    """A SIP domain (``auth_type``: ``IP_ACL``, ``CREDENTIAL_LIST``, ``ip_and_credential`` or
    ``no_traffic``)."""

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
