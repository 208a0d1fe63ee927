"""SIP access control: credential lists with their credentials, IP ACLs with their addresses.

``client.sip.credential_lists.create(friendly_name="office")``,
``client.sip.credential_lists.credentials.create(list_sid, username=…, password=…)``,
``client.sip.ip_acls.addresses.create(acl_sid, friendly_name=…, ip_address="203.0.113.7")``.
A SIP domain takes traffic once a list is mapped to it (see :mod:`webhooks.rest.sip`).
"""

from __future__ import annotations

from typing import Any

from ._core import DEFAULT, CallTimeout, Op, Query
from ._params import segment
from ._resource import M, Resource, endpoint, listing
from ._wire import Int, Model, Text, Timestamp, UriMap

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


def _cl(list_sid: str) -> str:
    return f"/SIP/CredentialLists/{segment(list_sid, 'credential_list_sid')}"


def _acl(acl_sid: str) -> str:
    return f"/SIP/IpAccessControlLists/{segment(acl_sid, 'acl_sid')}"


class Credentials(Resource[M]):
    """The credentials of credential lists: ``client.sip.credential_lists.credentials``."""

    @endpoint
    def get(
        self, credential_list_sid: str, credential_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[Credential]:
        """Read one credential.

        Args:
            credential_list_sid: The list's SID (``CL…``).
            credential_sid: The credential's SID (``SC…``).
            timeout: This request's timeout.
        """
        path = f"{_cl(credential_list_sid)}/Credentials/{segment(credential_sid, 'credential_sid')}"
        return self._get(path, Credential.model_validate_json, timeout)

    @listing
    def list(
        self,
        credential_list_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[Credential]:
        """List the credentials of a list.

        Args:
            credential_list_sid: The list's SID.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = f"{_cl(credential_list_sid)}/Credentials"
        return self._query(
            path, "credentials", Credential.model_validate, locals(), skip=("credential_list_sid",)
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def create(
        self,
        credential_list_sid: str,
        *,
        username: str,
        password: str,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Credential]:
        """Add a credential to a list (never retried once sent).

        Args:
            credential_list_sid: The list's SID.
            username: The SIP username.
            password: The SIP password (at least 8 characters).
            timeout: This request's timeout.
        """
        path = f"{_cl(credential_list_sid)}/Credentials"
        return self._post(
            path,
            Credential.model_validate_json,
            locals(),
            replay_safe=False,
            skip=("credential_list_sid",),
        )

    @endpoint
    def update(
        self,
        credential_list_sid: str,
        credential_sid: str,
        *,
        password: str,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Credential]:
        """Change a credential's password.

        Args:
            credential_list_sid: The list's SID.
            credential_sid: The credential's SID.
            password: The new password (at least 8 characters).
            timeout: This request's timeout.
        """
        path = f"{_cl(credential_list_sid)}/Credentials/{segment(credential_sid, 'credential_sid')}"
        return self._post(
            path,
            Credential.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("credential_list_sid", "credential_sid"),
        )

    @endpoint
    def delete(
        self, credential_list_sid: str, credential_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[Credential]:
        """Remove a credential from its list.

        Args:
            credential_list_sid: The list's SID.
            credential_sid: The credential's SID.
            timeout: This request's timeout.
        """
        path = f"{_cl(credential_list_sid)}/Credentials/{segment(credential_sid, 'credential_sid')}"
        return self._delete(path, Credential.model_validate_json, timeout)


class CredentialLists(Resource[M]):
    """The ``/SIP/CredentialLists`` endpoints: ``client.sip.credential_lists``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.credentials: Credentials[M] = Credentials(runner)

    @endpoint
    def get(
        self, credential_list_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[CredentialList]:
        """Read one credential list.

        Args:
            credential_list_sid: The list's SID.
            timeout: This request's timeout.
        """
        return self._get(_cl(credential_list_sid), CredentialList.model_validate_json, timeout)

    @listing
    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[CredentialList]:
        """List credential lists (key ``credential_lists``, as in the recorded answers).

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/SIP/CredentialLists", "credential_lists", CredentialList.model_validate, locals()
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def create(self, *, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Op[CredentialList]:
        """Create a credential list (never retried once sent).

        Args:
            friendly_name: Its name.
            timeout: This request's timeout.
        """
        return self._post(
            "/SIP/CredentialLists", CredentialList.model_validate_json, locals(), replay_safe=False
        )

    @endpoint
    def update(
        self, credential_list_sid: str, *, friendly_name: str, timeout: CallTimeout = DEFAULT
    ) -> Op[CredentialList]:
        """Rename a credential list.

        Args:
            credential_list_sid: The list's SID.
            friendly_name: The new name.
            timeout: This request's timeout.
        """
        return self._post(
            _cl(credential_list_sid),
            CredentialList.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("credential_list_sid",),
        )

    @endpoint
    def delete(
        self, credential_list_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[CredentialList]:
        """Delete a credential list.

        Args:
            credential_list_sid: The list's SID.
            timeout: This request's timeout.
        """
        return self._delete(_cl(credential_list_sid), CredentialList.model_validate_json, timeout)


class IpAddresses(Resource[M]):
    """The addresses of IP ACLs: ``client.sip.ip_acls.addresses``."""

    @endpoint
    def get(self, acl_sid: str, ip_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IpAddress]:
        """Read one address.

        Args:
            acl_sid: The ACL's SID (``AL…``).
            ip_sid: The address's SID (``IP…``).
            timeout: This request's timeout.
        """
        path = f"{_acl(acl_sid)}/IpAddresses/{segment(ip_sid, 'ip_sid')}"
        return self._get(path, IpAddress.model_validate_json, timeout)

    @listing
    def list(
        self,
        acl_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[IpAddress]:
        """List the addresses of an ACL.

        Args:
            acl_sid: The ACL's SID.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = f"{_acl(acl_sid)}/IpAddresses"
        return self._query(
            path, "ip_addresses", IpAddress.model_validate, locals(), skip=("acl_sid",)
        )

    list_page = list.page_view()
    list_text = list.text_view()

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
        path = f"{_acl(acl_sid)}/IpAddresses"
        return self._post(
            path, IpAddress.model_validate_json, locals(), replay_safe=False, skip=("acl_sid",)
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
        path = f"{_acl(acl_sid)}/IpAddresses/{segment(ip_sid, 'ip_sid')}"
        return self._post(
            path,
            IpAddress.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("acl_sid", "ip_sid"),
        )

    @endpoint
    def delete(self, acl_sid: str, ip_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IpAddress]:
        """Remove an address from its ACL.

        Args:
            acl_sid: The ACL's SID.
            ip_sid: The address's SID.
            timeout: This request's timeout.
        """
        path = f"{_acl(acl_sid)}/IpAddresses/{segment(ip_sid, 'ip_sid')}"
        return self._delete(path, IpAddress.model_validate_json, timeout)


class IpAccessControlLists(Resource[M]):
    """The ``/SIP/IpAccessControlLists`` endpoints: ``client.sip.ip_acls``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.addresses: IpAddresses[M] = IpAddresses(runner)

    @endpoint
    def get(self, acl_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IpAccessControlList]:
        """Read one IP ACL.

        Args:
            acl_sid: The ACL's SID.
            timeout: This request's timeout.
        """
        return self._get(_acl(acl_sid), IpAccessControlList.model_validate_json, timeout)

    @listing
    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[IpAccessControlList]:
        """List IP ACLs.

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/SIP/IpAccessControlLists",
            "ip_access_control",
            IpAccessControlList.model_validate,
            locals(),
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def create(
        self, *, friendly_name: str, timeout: CallTimeout = DEFAULT
    ) -> Op[IpAccessControlList]:
        """Create an IP ACL (never retried once sent).

        Args:
            friendly_name: Its name.
            timeout: This request's timeout.
        """
        return self._post(
            "/SIP/IpAccessControlLists",
            IpAccessControlList.model_validate_json,
            locals(),
            replay_safe=False,
        )

    @endpoint
    def update(
        self, acl_sid: str, *, friendly_name: str, timeout: CallTimeout = DEFAULT
    ) -> Op[IpAccessControlList]:
        """Rename an IP ACL.

        Args:
            acl_sid: The ACL's SID.
            friendly_name: The new name.
            timeout: This request's timeout.
        """
        return self._post(
            _acl(acl_sid),
            IpAccessControlList.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("acl_sid",),
        )

    @endpoint
    def delete(self, acl_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IpAccessControlList]:
        """Delete an IP ACL.

        Args:
            acl_sid: The ACL's SID.
            timeout: This request's timeout.
        """
        return self._delete(_acl(acl_sid), IpAccessControlList.model_validate_json, timeout)
