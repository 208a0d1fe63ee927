"""SIP IP access control lists (ACLs) and their addresses.

``client.sip.ip_acls.create(friendly_name="office")``,
``client.sip.ip_acls.addresses.create(acl_sid, friendly_name=…, ip_address="203.0.113.7")``.
A SIP domain takes traffic once an ACL is mapped to it (see :mod:`webhooks.rest.sip`).
"""

from __future__ import annotations

from typing import Any

from ._core import DEFAULT, CallTimeout, Op
from ._locators import Where, deletes, lists, named, paging, reads, writes
from ._params import segment
from ._resource import M, Resource, endpoint
from ._wire import Int, Model, Text, Timestamp, UriMap

__all__ = ["IpAccessControlList", "IpAccessControlLists", "IpAddress", "IpAddresses"]


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


def _renamed(acl_sid: str, *, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        acl_sid: The ACL's SID.
        friendly_name: The new name.
        timeout: This request's timeout.
    """
    return named(_acl(acl_sid).path)(friendly_name=friendly_name, timeout=timeout)


class IpAddresses(Resource[M]):
    """The addresses of IP ACLs: ``client.sip.ip_acls.addresses``."""

    get = reads(_address, IpAddress, "Read one address.")
    list = lists(_addresses, "ip_addresses", IpAddress, "List the addresses of an ACL.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_address, IpAddress, "Remove an address from its ACL.")

    @endpoint
    def create(
        self, acl_sid: str, *, friendly_name: str, ip_address: str, timeout: CallTimeout = DEFAULT
    ) -> Op[IpAddress]:
        """Add an address to an ACL (never retried once sent).

        Args:
            acl_sid: The ACL's SID.
            friendly_name: Its name.
            ip_address: An IPv4 address.
            timeout: This request's timeout.
        """
        return self._post(
            _addresses(acl_sid).path,
            IpAddress.model_validate_json,
            locals(),
            replay_safe=False,
            skip=("acl_sid",),
        )

    @endpoint
    def update(
        self,
        acl_sid: str,
        ip_sid: str,
        *,
        friendly_name: str,
        ip_address: str,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[IpAddress]:
        """Change an address.

        Args:
            acl_sid: The ACL's SID.
            ip_sid: The address's SID.
            friendly_name: Its name.
            ip_address: An IPv4 address.
            timeout: This request's timeout.
        """
        return self._post(
            _address(acl_sid, ip_sid).path,
            IpAddress.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("acl_sid", "ip_sid"),
        )


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
    update = writes(_renamed, IpAccessControlList, "Rename an IP ACL.", replay_safe=True)
