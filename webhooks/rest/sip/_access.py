"""SIP access control: credential lists with their credentials, IP ACLs with their addresses.

``client.sip.credential_lists`` (``.credentials``) and ``client.sip.ip_acls`` (``.addresses``).
"""

from __future__ import annotations

from typing import Any

from .._core import DEFAULT, CallTimeout
from .._locators import Where, deletes, lists, named, paging, reads, writes
from .._params import form, segment
from .._resource import M, Resource
from .._wire import Int, Model, Text, Timestamp, UriMap

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
