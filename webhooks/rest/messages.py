"""SMS and MMS: send, read and list messages.

``client.sms.send(to=…, from_=…, body=…)`` and ``client.mms.send(to=…, from_=…,
media_url=…)``. Sending is never retried once the request may have reached the platform.
"""

from __future__ import annotations

from datetime import date

from pydantic import AliasChoices, Field

from ._core import DEFAULT, CallTimeout, Op, Query
from ._locators import Where, reads
from ._params import segment
from ._resource import M, Resource, endpoint, listing
from ._wire import Model, Money, Text, Timestamp
from .types import HttpMethod, SmsDirection, SmsStatus

__all__ = ["MmsMessage", "MmsMessages", "SmsMessage", "SmsMessages"]


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


class SmsMessages(Resource[M]):
    """The ``/SMS/Messages`` endpoints: ``client.sms``."""

    @endpoint
    def send(
        self,
        *,
        to: str,
        from_: str,
        body: str,
        status_callback: str | None = None,
        status_callback_method: HttpMethod | None = None,
        allow_multiple: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[SmsMessage]:
        """Send an SMS (never retried once sent).

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
        return self._post(
            "/SMS/Messages", SmsMessage.model_validate_json, locals(), replay_safe=False
        )

    get = reads(_sms, SmsMessage, "Read one SMS.")

    @listing
    def list(
        self,
        *,
        to: str | None = None,
        from_: str | None = None,
        status: SmsStatus | None = None,
        direction: SmsDirection | None = None,
        date_sent: date | None = None,
        date_sent_after: date | None = None,
        date_sent_before: date | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[SmsMessage]:
        """List SMS messages.

        Args:
            to: Only messages to this number.
            from_: Only messages from this number.
            status: Only messages in this state.
            direction: Only messages in this direction.
            date_sent: Only messages sent on this date.
            date_sent_after: Only messages sent on or after this date (``DateSent>=``).
            date_sent_before: Only messages sent on or before this date (``DateSent<=``).
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/SMS/Messages", "sms_messages", SmsMessage.model_validate, locals())

    list_page = list.page_view()
    list_text = list.text_view()


class MmsMessages(Resource[M]):
    """The ``/MMS/Messages`` endpoints: ``client.mms``."""

    @endpoint
    def send(
        self,
        *,
        to: str,
        from_: str,
        media_url: str,
        body: str | None = None,
        status_callback: str | None = None,
        status_callback_method: HttpMethod | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[MmsMessage]:
        """Send an MMS (US and Canada; never retried once sent).

        Args:
            to: The recipient (E.164).
            from_: One of your numbers.
            media_url: One media file (≤ 750 KB; amr/mp3/wav, jpg/gif/png or mp4).
            body: Text sent with the media.
            status_callback: Told when the message is sent or fails.
            status_callback_method: How ``status_callback`` is requested.
            timeout: This request's timeout.
        """
        return self._post(
            "/MMS/Messages", MmsMessage.model_validate_json, locals(), replay_safe=False
        )

    get = reads(_mms, MmsMessage, "Read one MMS.")

    @listing
    def list(
        self,
        *,
        to: str | None = None,
        from_: str | None = None,
        date_sent: date | None = None,
        date_sent_after: date | None = None,
        date_sent_before: date | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[MmsMessage]:
        """List MMS messages (list key ``mms_messages``, else the body's one list).

        Args:
            to: Only messages to this number.
            from_: Only messages from this number.
            date_sent: Only messages sent on this date.
            date_sent_after: Only messages sent on or after this date.
            date_sent_before: Only messages sent on or before this date.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/MMS/Messages", "mms_messages", MmsMessage.model_validate, locals())

    list_page = list.page_view()
    list_text = list.text_view()
