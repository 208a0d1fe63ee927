"""Phone numbers of the account: incoming numbers and BYOC numbers.

``client.incoming_numbers.buy(phone_number=…, voice_url=…)`` buys a number found with
``client.available_numbers`` (:mod:`webhooks.rest.available_numbers`),
``client.incoming_numbers.update(sid, sms_url=…)`` and ``.release(sid)`` manage it.
``client.byoc_numbers`` does the same for numbers you bring from another carrier.
"""

from __future__ import annotations

from typing import Any, Protocol, Unpack

from ._core import DEFAULT, CallTimeout
from ._locators import Where, deletes, lists, reads, writes
from ._params import encode, form, segment
from ._resource import M, Resource
from ._wire import Bool, Model, Text, Timestamp
from .applications import ApplicationSettings
from .errors import UsageError

__all__ = ["ByocNumbers", "IncomingNumbers", "IncomingPhoneNumber", "NumberSettings"]


class NumberSettings(ApplicationSettings, total=False):
    """The settings of a number, given when buying, adding or updating it (all optional).

    Voice and SMS URLs with their methods and fallbacks, the heartbeat, status and hangup
    callbacks, caller-ID lookup, and the applications that handle voice, SMS and MMS instead.
    """

    voice_application_sid: str
    sms_application_sid: str
    mms_application_sid: str


class IncomingPhoneNumber(Model):
    """A number of the account (``type``: ``local``, ``international``, ``tollfree``, …);
    ``capabilities`` says whether it takes voice and SMS."""

    sid: str
    account_sid: Text = None
    phone_number: Text = None
    friendly_name: Text = None
    type: Text = None
    capabilities: dict[str, Any] | None = None
    voice_url: Text = None
    voice_method: Text = None
    voice_fallback_url: Text = None
    voice_fallback_method: Text = None
    voice_caller_id_lookup: Bool = None
    sms_url: Text = None
    sms_method: Text = None
    sms_fallback_url: Text = None
    sms_fallback_method: Text = None
    heartbeat_url: Text = None
    heartbeat_method: Text = None
    status_callback: Text = None
    status_callback_method: Text = None
    hangup_callback: Text = None
    hangup_callback_method: Text = None
    next_renewal_date: Text = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


_KEY = "incoming_phone_numbers"


def _number(number_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        number_sid: The number's SID (``DI…``).
        timeout: This request's timeout.
    """
    return Where(f"/IncomingPhoneNumbers/{segment(number_sid, 'number_sid')}", timeout)


class _NumberSid(Protocol):
    def __call__(self, number_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where: ...


def _byoc(path: str) -> _NumberSid:
    """The locator of a BYOC number below ``path`` (the reference spells it two ways)."""

    def locate(number_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
        """
        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
        """
        return Where(f"{path}/{segment(number_sid, 'number_sid')}", timeout)

    return locate


class _NumberChange(Protocol):
    def __call__(
        self, number_sid: str, *, timeout: CallTimeout = DEFAULT, **settings: Unpack[NumberSettings]
    ) -> Where: ...


def _changed(locate: _NumberSid) -> _NumberChange:
    """The locator changing the settings of the number that ``locate`` finds."""

    def change(
        number_sid: str, *, timeout: CallTimeout = DEFAULT, **settings: Unpack[NumberSettings]
    ) -> Where:
        """
        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
            **settings: The settings to change (:class:`NumberSettings`).
        """
        return Where(locate(number_sid).path, timeout, encode(settings))

    return change


class _OwnedPaging(Protocol):
    def __call__(
        self,
        *,
        contains: str | None = None,
        friendly_name: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where: ...


def _owned(path: str) -> _OwnedPaging:
    """The locator of a list of the account's numbers at ``path``."""

    def locate(
        *,
        contains: str | None = None,
        friendly_name: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where:
        """
        Args:
            contains: Only numbers containing these digits.
            friendly_name: Only numbers with this name.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        filters = encode({"contains": contains, "friendly_name": friendly_name})
        return Where(path, timeout, filters, page, page_size)

    return locate


def _buy(
    *,
    area_code: str | None = None,
    phone_number: str | None = None,
    timeout: CallTimeout = DEFAULT,
    **settings: Unpack[NumberSettings],
) -> Where:
    """
    Args:
        area_code: Buy any available number in this area code.
        phone_number: Buy this number (from ``available_numbers.list``).
        timeout: This request's timeout.
        **settings: The number's settings (:class:`NumberSettings`).

    Raises:
        UsageError: When neither ``area_code`` nor ``phone_number`` is given.
    """
    if area_code is None and phone_number is None:
        raise UsageError("buying a number needs area_code= or phone_number=")
    return Where(
        "/IncomingPhoneNumbers",
        timeout,
        form(area_code=area_code, phone_number=phone_number, **settings),
    )


class IncomingNumbers(Resource[M]):
    """The ``/IncomingPhoneNumbers`` endpoints: ``client.incoming_numbers``."""

    get = reads(_number, IncomingPhoneNumber, "Read one of your numbers.")
    list = lists(_owned("/IncomingPhoneNumbers"), _KEY, IncomingPhoneNumber, "List your numbers.")
    list_page = list.page_view()
    list_text = list.text_view()

    buy = writes(
        _buy,
        IncomingPhoneNumber,
        "Buy a number: a given one, or any in an area code (never retried once sent).",
        replay_safe=False,
    )

    update = writes(
        _changed(_number),
        IncomingPhoneNumber,
        "Change a number's settings; only the given ones change.",
        replay_safe=True,
    )

    release = deletes(_number, IncomingPhoneNumber, "Release (give up) a number.")


def _add_byoc(
    *,
    byoc_vendor: str,
    phone_number: str,
    type: str = "local",
    timeout: CallTimeout = DEFAULT,
    **settings: Unpack[NumberSettings],
) -> Where:
    """
    Args:
        byoc_vendor: The carrier the number comes from.
        phone_number: The number (any length).
        type: ``local``.
        timeout: This request's timeout.
        **settings: The number's settings (:class:`NumberSettings`).
    """
    # As the reference shows it: ``POST …/Numbers/Byoc.json?ByocVendor=…&PhoneNumber=…&Type=…``,
    # the number's settings in the form body.
    number = form(byoc_vendor=byoc_vendor, phone_number=phone_number, type=type)
    return Where("/Numbers/Byoc", timeout, form(**settings), query=number)


class ByocNumbers(Resource[M]):
    """The bring-your-own-carrier ``/Numbers/Byoc`` endpoints: ``client.byoc_numbers``."""

    list = lists(_owned("/Numbers/Byoc"), _KEY, IncomingPhoneNumber, "List your BYOC numbers.")
    list_page = list.page_view()
    list_text = list.text_view()

    add = writes(
        _add_byoc,
        IncomingPhoneNumber,
        "Add a number you bring from another carrier (never retried once sent).",
        replay_safe=False,
    )

    update = writes(
        _changed(_byoc("/Numbers/BYOC")),
        IncomingPhoneNumber,
        "Change a BYOC number's settings (path casing ``/Numbers/BYOC/…`` as documented).",
        replay_safe=True,
    )
    remove = deletes(_byoc("/Numbers/Byoc"), IncomingPhoneNumber, "Remove a BYOC number.")
