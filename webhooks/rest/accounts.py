"""The account itself, its usage records and its notifications (error and warning log).

``client.account.get()``, ``client.usages.list(month=3, year=2017)``,
``client.notifications.list(log=0)``.
"""

from __future__ import annotations

from ._core import DEFAULT, CallTimeout
from ._locators import Where, lists, reads, writes
from ._params import form, segment
from ._resource import M, Resource
from ._wire import Int, Model, Money, Text, Timestamp, UriMap
from .types import NotificationLog, ProductCode

__all__ = ["Account", "AccountResource", "Notification", "Notifications", "Usage", "Usages"]


class Account(Model):
    """The account: status (``active``, ``suspended``, ``closed``), type and balance."""

    sid: str
    friendly_name: Text = None
    status: Text = None
    account_balance: Money = None
    max_outbound_limit: Money = None
    type: Text = None
    time_zone: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None
    subresource_uris: UriMap | None = None


class Usage(Model):
    """The use of one product on one day: quantity (units, e.g. minutes) and cost."""

    sid: str
    product: Text = None
    product_id: Int = None
    day: Int = None
    month: Int = None
    year: Int = None
    quantity: Int = None
    total: Int = None
    average_cost: Money = None
    total_cost: Money = None
    uri: Text = None


class Notification(Model):
    """A log entry the platform wrote about a request it made (``log``: 0 error, 1 warning,
    2 info); ``message_text`` is url-encoded ``ErrorCode=…&Msg=…&LogLevel=…``."""

    sid: str
    account_sid: Text = None
    call_sid: Text = None
    log: Int = None
    error_code: Int = None
    more_info: Text = None
    message_text: Text = None
    message_date: Timestamp = None
    request_url: Text = None
    request_method: Text = None
    request_variables: Text = None
    response_body: Text = None
    response_headers: Text = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


def _account(*, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        timeout: This request's timeout.
    """
    return Where("", timeout)


def _renamed_account(*, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        friendly_name: The new name.
        timeout: This request's timeout.
    """
    return Where("", timeout, form(friendly_name=friendly_name))


class AccountResource(Resource[M]):
    """The account endpoints: ``client.account``."""

    get = reads(_account, Account, "Read the account.")

    update = writes(_renamed_account, Account, "Rename the account.", replay_safe=True)


def _usage(usage_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        usage_sid: The usage record's SID (``AU…``).
        timeout: This request's timeout.
    """
    return Where(f"/Usages/{segment(usage_sid, 'usage_sid')}", timeout)


def _notification(notification_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        notification_sid: The notification's SID (``NO…``).
        timeout: This request's timeout.
    """
    return Where(f"/Notifications/{segment(notification_sid, 'notification_sid')}", timeout)


def _usages(
    *,
    day: int | None = None,
    month: int | None = None,
    year: int | None = None,
    product: ProductCode | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        day: Day of the month, 1-31.
        month: Month, 1-12.
        year: Year, e.g. 2017.
        product: A product code (1 Outbound Call, 3 Outbound SMS, … see spec §4).
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where(
        "/Usages", timeout, form(day=day, month=month, year=year, product=product), page, page_size
    )


class Usages(Resource[M]):
    """The ``/Usages`` endpoints: ``client.usages``."""

    get = reads(_usage, Usage, "Read one usage record.")

    list = lists(_usages, "usages", Usage, "List usage records.")

    list_page = list.page_view()
    list_text = list.text_view()


def _notifications(
    *,
    log: NotificationLog | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        log: Only this level: 0 error, 1 warning, 2 info.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where("/Notifications", timeout, form(log=log), page, page_size)


class Notifications(Resource[M]):
    """The ``/Notifications`` endpoints: ``client.notifications``."""

    get = reads(_notification, Notification, "Read one notification.")

    list = lists(_notifications, "notifications", Notification, "List notifications.")

    list_page = list.page_view()
    list_text = list.text_view()
