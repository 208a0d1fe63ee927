"""Number lookups (carrier, caller name, billing address) and fraud control rules.

``client.lookups.carrier(phone_number="+14155550100")``, ``client.lookups.cnam([...])``,
``client.lookups.bna([...])``; ``client.fraud.block("CU", mobile_enabled=True)``,
``.authorize``, ``.extend``, ``.whitelist`` and ``.list()``. Lookups are billed, so they are
never retried once sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import model_validator

from ._core import DEFAULT, CallTimeout, Op, Query
from ._params import segment
from ._resource import M, Resource, endpoint, listing
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


class Lookups(Resource[M]):
    """The ``/Lookups`` endpoints: ``client.lookups``."""

    @endpoint
    def carrier(self, *, phone_number: str, timeout: CallTimeout = DEFAULT) -> Op[CarrierLookup]:
        """Look up a number's carrier (billed; never retried once sent).

        Args:
            phone_number: The number, E.164.
            timeout: This request's timeout.
        """
        return self._post(
            "/Lookups/Carrier", CarrierLookup.model_validate_json, locals(), replay_safe=False
        )

    @listing
    def list_carrier(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[CarrierLookup]:
        """List past carrier lookups.

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/Lookups/Carrier", "carrier_lookups", CarrierLookup.model_validate, locals()
        )

    list_carrier_page = list_carrier.page_view()
    list_carrier_text = list_carrier.text_view()

    @endpoint
    def cnam(
        self, *, phone_number: str | Sequence[str], timeout: CallTimeout = DEFAULT
    ) -> Op[CnamLookup]:
        """Look up caller names (billed; never retried once sent).

        Args:
            phone_number: A number or several (sent as repeated ``PhoneNumber``).
            timeout: This request's timeout.
        """
        if not isinstance(phone_number, str):
            phone_number = tuple(phone_number)
        return self._post(
            "/Lookups/Cnam", CnamLookup.model_validate_json, locals(), replay_safe=False
        )

    @listing
    def list_cnam(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[CnamLookup]:
        """List past CNAM lookups.

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Lookups/Cnam", "cnam_lookups", CnamLookup.model_validate, locals())

    list_cnam_page = list_cnam.page_view()
    list_cnam_text = list_cnam.text_view()

    @endpoint
    def bna(
        self, *, phone_number: str | Sequence[str], timeout: CallTimeout = DEFAULT
    ) -> Op[BnaLookup]:
        """Look up billing names and addresses of US numbers (billed; never retried once sent).

        Args:
            phone_number: A number or several (sent as repeated ``PhoneNumber``).
            timeout: This request's timeout.
        """
        if not isinstance(phone_number, str):
            phone_number = tuple(phone_number)
        return self._post(
            "/Lookups/Bna", BnaLookup.model_validate_json, locals(), replay_safe=False
        )

    @listing
    def list_bna(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[BnaLookup]:
        """List past BNA lookups.

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Lookups/Bna", "bna_lookups", BnaLookup.model_validate, locals())

    list_bna_page = list_bna.page_view()
    list_bna_text = list_bna.text_view()


def _fraud(action: str, country_code: str) -> str:
    return f"/Fraud/{action}/{segment(country_code, 'country_code')}"


_SKIP = ("country_code",)


class Fraud(Resource[M]):
    """The ``/Fraud`` endpoints: ``client.fraud``; country codes are two letters (``CU``)."""

    @endpoint
    def block(
        self,
        country_code: str,
        *,
        mobile_enabled: bool | None = None,
        landline_enabled: bool | None = None,
        sms_enabled: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[FraudRule]:
        """Block calls and/or SMS to a country (replay-safe: it sets values).

        Args:
            country_code: The country.
            mobile_enabled: The rule covers mobile numbers.
            landline_enabled: The rule covers landlines.
            sms_enabled: The rule covers SMS.
            timeout: This request's timeout.
        """
        path = _fraud("Block", country_code)
        return self._post(
            path, FraudRule.model_validate_json, locals(), replay_safe=True, skip=_SKIP
        )

    @endpoint
    def authorize(
        self,
        country_code: str,
        *,
        mobile_enabled: bool | None = None,
        landline_enabled: bool | None = None,
        sms_enabled: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[FraudRule]:
        """Authorize a country for 30 days (replay-safe: it sets values).

        Args:
            country_code: The country.
            mobile_enabled: The rule covers mobile numbers.
            landline_enabled: The rule covers landlines.
            sms_enabled: The rule covers SMS.
            timeout: This request's timeout.
        """
        path = _fraud("Authorize", country_code)
        return self._post(
            path, FraudRule.model_validate_json, locals(), replay_safe=True, skip=_SKIP
        )

    @endpoint
    def extend(self, country_code: str, *, timeout: CallTimeout = DEFAULT) -> Op[FraudRule]:
        """Extend a country's authorization by 30 days (never retried once sent).

        Args:
            country_code: The country.
            timeout: This request's timeout.
        """
        path = _fraud("Extend", country_code)
        return self._post(
            path, FraudRule.model_validate_json, locals(), replay_safe=False, skip=_SKIP
        )

    @endpoint
    def whitelist(
        self,
        country_code: str,
        *,
        mobile_enabled: bool | None = None,
        landline_enabled: bool | None = None,
        sms_enabled: bool | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[FraudRule]:
        """Whitelist a country permanently (replay-safe: it sets values).

        Args:
            country_code: The country.
            mobile_enabled: The rule covers mobile numbers.
            landline_enabled: The rule covers landlines.
            sms_enabled: The rule covers SMS.
            timeout: This request's timeout.
        """
        path = _fraud("Whitelist", country_code)
        return self._post(
            path, FraudRule.model_validate_json, locals(), replay_safe=True, skip=_SKIP
        )

    @listing
    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[FraudRule]:
        """List fraud control rules.

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Fraud", "frauds", FraudRule.model_validate, locals())

    list_page = list.page_view()
    list_text = list.text_view()
