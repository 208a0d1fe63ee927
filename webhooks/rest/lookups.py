"""Number lookups (carrier, caller name, billing address) and fraud control rules.

``client.lookups.carrier(phone_number="+14155550100")``, ``client.lookups.cnam([...])``,
``client.lookups.bna([...])``; ``client.fraud.block("CU", mobile_enabled=True)``,
``.authorize``, ``.extend``, ``.whitelist`` and ``.list()``. Lookups are billed, so they are
never retried once sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import model_validator

from ._core import DEFAULT, CallTimeout
from ._locators import Where, lists, paging, writes
from ._params import encode, form, segment
from ._resource import M, Resource
from ._wire import Bool, Int, Model, Money, Text, Timestamp

__all__ = ["BnaLookup", "CarrierLookup", "CnamLookup", "Fraud", "FraudRule", "Lookups"]


class CarrierLookup(Model):
    """The network serving a number, and whether it is mobile."""

    sid: str
    account_sid: Text = None
    phone_number: Text = None
    network: Text = None
    mobile: Bool = None
    carrier_id: Int = None
    country_code: Text = None
    mcc: Text = None
    mnc: Text = None
    sponsor_network: Text = None
    sponsor_carrier_id: Int = None
    sponsor_mobile: Bool = None
    sponsor_country_code: Text = None
    price: Money = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class CnamLookup(Model):
    """The caller name (CNAM) of a number; ``body`` is the name, or ``None``."""

    sid: str
    account_sid: Text = None
    phone_number: Text = None
    body: Text = None
    price: Money = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class BnaLookup(Model):
    """The billing name and address of a US number."""

    sid: str
    account_sid: Text = None
    phone_number: Text = None
    first_name: Text = None
    last_name: Text = None
    address: Text = None
    city: Text = None
    state: Text = None
    zip_code: Text = None
    country_code: Text = None
    price: Money = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class FraudRule(Model):
    """A fraud control rule for one country. The wire wraps it in its kind
    (``{"authorized": {…}}``); ``kind`` is that key: ``blocked``, ``authorized`` or
    ``whitelisted``."""

    kind: Text = None
    sid: Text = None
    country_code: Text = None
    country_name: Text = None
    country_prefix: Text = None
    mobile_enabled: Bool = None
    landline_enabled: Bool = None
    sms_enabled: Bool = None
    is_lock: Bool = None
    max_outbound_rate: Money = None
    expiration_date: Timestamp = None
    date_created: Timestamp = None
    date_updated: Timestamp = None

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        if isinstance(data, dict) and len(data) == 1:
            ((kind, inner),) = data.items()
            if isinstance(inner, dict):
                return {"kind": kind, **inner}
        return data


class _NumbersLookup(Protocol):
    def __call__(
        self, *, phone_number: str | Sequence[str], timeout: CallTimeout = DEFAULT
    ) -> Where: ...


def _numbers(path: str) -> _NumbersLookup:
    """The locator of a lookup of one or several numbers at ``path``."""

    def locate(*, phone_number: str | Sequence[str], timeout: CallTimeout = DEFAULT) -> Where:
        """
        Args:
            phone_number: A number or several (sent as repeated ``PhoneNumber``).
            timeout: This request's timeout.
        """
        numbers = phone_number if isinstance(phone_number, str) else tuple(phone_number)
        return Where(path, timeout, encode({"phone_number": numbers}))

    return locate


def _carrier(*, phone_number: str, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        phone_number: The number, E.164.
        timeout: This request's timeout.
    """
    return Where("/Lookups/Carrier", timeout, form(phone_number=phone_number))


class Lookups(Resource[M]):
    """The ``/Lookups`` endpoints: ``client.lookups``."""

    carrier = writes(
        _carrier,
        CarrierLookup,
        "Look up a number's carrier (billed; never retried once sent).",
        replay_safe=False,
    )

    list_carrier = lists(
        paging("/Lookups/Carrier"), "carrier_lookups", CarrierLookup, "List past carrier lookups."
    )
    list_carrier_page = list_carrier.page_view()
    list_carrier_text = list_carrier.text_view()
    cnam = writes(
        _numbers("/Lookups/Cnam"),
        CnamLookup,
        "Look up caller names (billed; never retried once sent).",
        replay_safe=False,
    )
    list_cnam = lists(
        paging("/Lookups/Cnam"), "cnam_lookups", CnamLookup, "List past CNAM lookups."
    )
    list_cnam_page = list_cnam.page_view()
    list_cnam_text = list_cnam.text_view()
    bna = writes(
        _numbers("/Lookups/Bna"),
        BnaLookup,
        "Look up billing names and addresses of US numbers (billed; never retried once sent).",
        replay_safe=False,
    )
    list_bna = lists(paging("/Lookups/Bna"), "bna_lookups", BnaLookup, "List past BNA lookups.")
    list_bna_page = list_bna.page_view()
    list_bna_text = list_bna.text_view()


class _RuleChange(Protocol):
    def __call__(
        self,
        country_code: str,
        *,
        mobile_enabled: bool | None = None,
        landline_enabled: bool | None = None,
        sms_enabled: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where: ...


def _rule(action: str) -> _RuleChange:
    """The locator of the fraud control ``action`` (``Block``, ``Authorize``, ``Whitelist``)."""

    def locate(
        country_code: str,
        *,
        mobile_enabled: bool | None = None,
        landline_enabled: bool | None = None,
        sms_enabled: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where:
        """
        Args:
            country_code: The country.
            mobile_enabled: The rule covers mobile numbers.
            landline_enabled: The rule covers landlines.
            sms_enabled: The rule covers SMS.
            timeout: This request's timeout.
        """
        fields = {
            "mobile_enabled": mobile_enabled,
            "landline_enabled": landline_enabled,
            "sms_enabled": sms_enabled,
        }
        path = f"/Fraud/{action}/{segment(country_code, 'country_code')}"
        return Where(path, timeout, encode(fields))

    return locate


def _extend(country_code: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        country_code: The country.
        timeout: This request's timeout.
    """
    path = f"/Fraud/Extend/{segment(country_code, 'country_code')}"
    return Where(path, timeout, ())


def _rules(
    *,
    sms_enabled: bool | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        sms_enabled: Only the rules that do (``True``) or do not cover SMS (``SmsEnabled``, as
            the vendor's SDKs send it).
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where("/Fraud", timeout, form(sms_enabled=sms_enabled), page, page_size)


class Fraud(Resource[M]):
    """The ``/Fraud`` endpoints: ``client.fraud``; country codes are two letters (``CU``)."""

    block = writes(
        _rule("Block"),
        FraudRule,
        "Block calls and/or SMS to a country (replay-safe: it sets values).",
        replay_safe=True,
    )
    authorize = writes(
        _rule("Authorize"),
        FraudRule,
        "Authorize a country for 30 days (replay-safe: it sets values).",
        replay_safe=True,
    )

    extend = writes(
        _extend,
        FraudRule,
        "Extend a country's authorization by 30 days (never retried once sent).",
        replay_safe=False,
    )

    whitelist = writes(
        _rule("Whitelist"),
        FraudRule,
        "Whitelist a country permanently (replay-safe: it sets values).",
        replay_safe=True,
    )
    list = lists(_rules, "frauds", FraudRule, "List fraud control rules.")
    list_page = list.page_view()
    list_text = list.text_view()
