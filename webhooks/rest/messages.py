"""SMS and MMS: send, read and list messages.

``client.sms.send(to=…, from_=…, body=…)`` and ``client.mms.send(to=…, from_=…,
media_url=…)``. Sending is never retried once the request may have reached the platform.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict, Unpack

from pydantic import AliasChoices, Field

from ._core import DEFAULT, CallTimeout
from ._locators import Where, lists, reads, writes
from ._params import form, segment
from ._resource import M, Resource
from ._wire import Model, Money, Text, Timestamp
from .types import HttpMethod, SmsDirection, SmsStatus

__all__ = ["MessageFilters", "MmsMessage", "MmsMessages", "SmsMessage", "SmsMessages"]


class MessageFilters(TypedDict, total=False):
    """The filters of the SMS and MMS lists (all optional).

    ``to`` and ``from_``: only messages to or from this number; ``date_sent``: sent on this date;
    ``date_sent_after`` / ``date_sent_before``: on or after / before it (``DateSent>=``,
    ``DateSent<=``).
    """

    to: str
    from_: str
    date_sent: date
    date_sent_after: date
    date_sent_before: date


class SmsMessage(Model):
    """An SMS (``status``: ``sent``, ``received``, ``sending``, ``queued``, ``failed``)."""

    sid: str
    account_sid: Text = None
    from_: Text = Field(default=None, alias="from")
    to: Text = None
    body: Text = None
    status: Text = None
    direction: Text = None
    price: Money = None
    date_sent: Timestamp = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    api_version: Text = None
    uri: Text = None


class MmsMessage(Model):
    """An MMS. Its SID is ``mms_sid`` on the wire (also readable as ``sid``); its times are
    ISO 8601 and its version key is ``apiVersion``, both read into the usual fields."""

    mms_sid: str = Field(validation_alias=AliasChoices("mms_sid", "sid"))
    account_sid: Text = None
    from_: Text = Field(default=None, alias="from")
    to: Text = None
    body: Text = None
    media_url: Text = None
    status: Text = None
    direction: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    api_version: Text = Field(
        default=None, validation_alias=AliasChoices("apiVersion", "api_version")
    )
    uri: Text = None

    @property
    def sid(self) -> str:
        """The message's SID (the wire's ``mms_sid``)."""
        return self.mms_sid


def _sms(sms_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        sms_sid: The message's SID.
        timeout: This request's timeout.
    """
    return Where(f"/SMS/Messages/{segment(sms_sid, 'sms_sid')}", timeout)


def _mms(mms_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        mms_sid: The message's SID.
        timeout: This request's timeout.
    """
    return Where(f"/MMS/Messages/{segment(mms_sid, 'mms_sid')}", timeout)


def _send_sms(
    *,
    to: str,
    from_: str,
    body: str,
    status_callback: str | None = None,
    status_callback_method: HttpMethod | None = None,
    allow_multiple: bool | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        to: The recipient (E.164).
        from_: One of your numbers.
        body: The text: 160 GSM / 70 Unicode characters per segment, at most 765 / 335
            concatenated; international destinations take one segment only.
        status_callback: Told when the message is sent or fails.
        status_callback_method: How ``status_callback`` is requested.
        allow_multiple: ``AllowMultiple`` as sent by the official SDKs (meaning undocumented).
        timeout: This request's timeout.
    """
    return Where(
        "/SMS/Messages",
        timeout,
        form(
            to=to,
            from_=from_,
            body=body,
            status_callback=status_callback,
            status_callback_method=status_callback_method,
            allow_multiple=allow_multiple,
        ),
    )


def _sms_list(
    *,
    status: SmsStatus | None = None,
    direction: SmsDirection | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
    **filters: Unpack[MessageFilters],
) -> Where:
    """
    Args:
        status: Only messages in this state.
        direction: Only messages in this direction.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
        **filters: By number and date (:class:`MessageFilters`).
    """
    fields = form(status=status, direction=direction, **filters)
    return Where("/SMS/Messages", timeout, fields, page, page_size)


def _mms_list(
    *,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
    **filters: Unpack[MessageFilters],
) -> Where:
    """
    Args:
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
        **filters: By number and date (:class:`MessageFilters`).
    """
    return Where("/MMS/Messages", timeout, form(**filters), page, page_size)


class SmsMessages(Resource[M]):
    """The ``/SMS/Messages`` endpoints: ``client.sms``."""

    send = writes(
        _send_sms, SmsMessage, "Send an SMS (never retried once sent).", replay_safe=False
    )

    get = reads(_sms, SmsMessage, "Read one SMS.")

    list = lists(_sms_list, "sms_messages", SmsMessage, "List SMS messages.")

    list_page = list.page_view()
    list_text = list.text_view()


def _send_mms(
    *,
    to: str,
    from_: str,
    media_url: str,
    body: str | None = None,
    status_callback: str | None = None,
    status_callback_method: HttpMethod | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        to: The recipient (E.164).
        from_: One of your numbers.
        media_url: One media file (≤ 750 KB; amr/mp3/wav, jpg/gif/png or mp4).
        body: Text sent with the media.
        status_callback: Told when the message is sent or fails.
        status_callback_method: How ``status_callback`` is requested.
        timeout: This request's timeout.
    """
    return Where(
        "/MMS/Messages",
        timeout,
        form(
            to=to,
            from_=from_,
            media_url=media_url,
            body=body,
            status_callback=status_callback,
            status_callback_method=status_callback_method,
        ),
    )


class MmsMessages(Resource[M]):
    """The ``/MMS/Messages`` endpoints: ``client.mms``."""

    send = writes(
        _send_mms,
        MmsMessage,
        "Send an MMS (US and Canada; never retried once sent).",
        replay_safe=False,
    )

    get = reads(_mms, MmsMessage, "Read one MMS.")

    list = lists(
        _mms_list,
        "mms_messages",
        MmsMessage,
        "List MMS messages (list key ``mms_messages``, else the body's one list).",
    )

    list_page = list.page_view()
    list_text = list.text_view()
