"""SIP credential lists and their username/password credentials.

``client.sip.credential_lists.create(friendly_name="office")``,
``client.sip.credential_lists.credentials.create(list_sid, username=…, password=…)``.
A SIP domain takes traffic once a list is mapped to it (see :mod:`webhooks.rest.sip`).
"""

from __future__ import annotations

from typing import Any

from ._core import DEFAULT, CallTimeout, Op
from ._locators import Where, deletes, lists, named, paging, reads, writes
from ._params import segment
from ._resource import M, Resource, endpoint
from ._wire import Int, Model, Text, Timestamp, UriMap

__all__ = ["Credential", "CredentialList", "CredentialLists", "Credentials"]


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


def _renamed(
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


class Credentials(Resource[M]):
    """The credentials of credential lists: ``client.sip.credential_lists.credentials``."""

    get = reads(_credential, Credential, "Read one credential.")
    list = lists(_credentials, "credentials", Credential, "List the credentials of a list.")
    list_page = list.page_view()
    list_text = list.text_view()
    delete = deletes(_credential, Credential, "Remove a credential from its list.")

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
        return self._post(
            _credentials(credential_list_sid).path,
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
        return self._post(
            _credential(credential_list_sid, credential_sid).path,
            Credential.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("credential_list_sid", "credential_sid"),
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
    update = writes(_renamed, CredentialList, "Rename a credential list.", replay_safe=True)
