"""Phone numbers: your incoming numbers, BYOC numbers, numbers for sale, allowed countries.

``client.available_numbers.list("US", "Local", area_code="415")`` finds numbers,
``client.incoming_numbers.buy(phone_number=…, voice_url=…)`` buys one,
``client.incoming_numbers.update(sid, sms_url=…)`` and ``.release(sid)`` manage it.
``client.byoc_numbers`` does the same for numbers you bring from another carrier.
"""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from pydantic import Field

from ._core import DEFAULT, CallTimeout, Op, Query
from ._params import segment
from ._resource import M, Resource, endpoint, listing
from ._wire import Bool, Model, Money, Text, Timestamp
from .errors import UsageError
from .types import AvailableNumberType, HttpMethod, ServiceType

__all__ = [
    "AllowedCountries",
    "AllowedCountry",
    "AvailableNumbers",
    "AvailablePhoneNumber",
    "ByocNumbers",
    "IncomingNumbers",
    "IncomingPhoneNumber",
    "NumberSettings",
]


class NumberSettings(TypedDict, total=False):
    """The settings of a number, given when buying, adding or updating it (all optional).

    Voice and SMS URLs with their methods and fallbacks, the heartbeat, status and hangup
    callbacks, caller-ID lookup, and the applications that handle voice, SMS and MMS instead.
    """

    friendly_name: str
    voice_url: str
    voice_method: HttpMethod
    voice_fallback_url: str
    voice_fallback_method: HttpMethod
    voice_caller_id_lookup: bool
    sms_url: str
    sms_method: HttpMethod
    sms_fallback_url: str
    sms_fallback_method: HttpMethod
    heartbeat_url: str
    heartbeat_method: HttpMethod
    status_callback: str
    status_callback_method: HttpMethod
    hangup_callback: str
    hangup_callback_method: HttpMethod
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


class AvailablePhoneNumber(Model):
    """A number for sale, with its monthly and per-minute cost."""

    phone_number: str
    friendly_name: Text = None
    iso_country: Text = None
    country_code: Text = None
    type: Text = None
    monthly_cost: Money = None
    per_minute_cost: Money = None
    setup_cost: Money = None
    voice_enabled: Bool = None
    sms_enabled: Bool = None
    supports_forwarded_from: Bool = None
    unblock_support: Bool = None
    region: Text = None
    city: Text = None
    postal_code: Text = None
    rate_center: Text = None
    lata: Text = None
    npa: Text = None
    exchange: Text = None


class AllowedCountry(Model):
    """A country where numbers of a type may be used (fields undocumented; all are kept)."""

    country_code: Text = Field(default=None)
    country_name: Text = None
    country: Text = None
    service_type: Text = None


def _settings(values: dict[str, Any], settings: NumberSettings) -> dict[str, Any]:
    merged: dict[str, Any] = dict(settings)
    merged.update((k, v) for k, v in values.items() if k != "settings")
    return merged


class IncomingNumbers(Resource[M]):
    """The ``/IncomingPhoneNumbers`` endpoints: ``client.incoming_numbers``."""

    @endpoint
    def get(self, number_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IncomingPhoneNumber]:
        """Read one of your numbers.

        Args:
            number_sid: The number's SID (``DI…``).
            timeout: This request's timeout.
        """
        path = f"/IncomingPhoneNumbers/{segment(number_sid, 'number_sid')}"
        return self._get(path, IncomingPhoneNumber.model_validate_json, timeout)

    @listing
    def list(
        self,
        *,
        contains: str | None = None,
        friendly_name: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[IncomingPhoneNumber]:
        """List your numbers.

        Args:
            contains: Only numbers containing these digits.
            friendly_name: Only numbers with this name.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/IncomingPhoneNumbers",
            "incoming_phone_numbers",
            IncomingPhoneNumber.model_validate,
            locals(),
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def buy(
        self,
        *,
        area_code: str | None = None,
        phone_number: str | None = None,
        timeout: CallTimeout = DEFAULT,
        **settings: Unpack[NumberSettings],
    ) -> Op[IncomingPhoneNumber]:
        """Buy a number: a given one, or any in an area code (never retried once sent).

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
        values = _settings(locals(), settings)
        return self._post(
            "/IncomingPhoneNumbers",
            IncomingPhoneNumber.model_validate_json,
            values,
            replay_safe=False,
        )

    @endpoint
    def update(
        self,
        number_sid: str,
        *,
        timeout: CallTimeout = DEFAULT,
        **settings: Unpack[NumberSettings],
    ) -> Op[IncomingPhoneNumber]:
        """Change a number's settings; only the given ones change.

        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
            **settings: The settings to change (:class:`NumberSettings`).
        """
        path = f"/IncomingPhoneNumbers/{segment(number_sid, 'number_sid')}"
        return self._post(
            path,
            IncomingPhoneNumber.model_validate_json,
            _settings(locals(), settings),
            replay_safe=True,
            skip=("number_sid",),
        )

    @endpoint
    def release(
        self, number_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[IncomingPhoneNumber]:
        """Release (give up) a number.

        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
        """
        path = f"/IncomingPhoneNumbers/{segment(number_sid, 'number_sid')}"
        return self._delete(path, IncomingPhoneNumber.model_validate_json, timeout)


class ByocNumbers(Resource[M]):
    """The bring-your-own-carrier ``/Numbers/Byoc`` endpoints: ``client.byoc_numbers``."""

    @listing
    def list(
        self,
        *,
        contains: str | None = None,
        friendly_name: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[IncomingPhoneNumber]:
        """List your BYOC numbers.

        Args:
            contains: Only numbers containing these digits.
            friendly_name: Only numbers with this name.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query(
            "/Numbers/Byoc",
            "incoming_phone_numbers",
            IncomingPhoneNumber.model_validate,
            locals(),
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def add(
        self,
        *,
        byoc_vendor: str,
        phone_number: str,
        type: str = "local",
        timeout: CallTimeout = DEFAULT,
        **settings: Unpack[NumberSettings],
    ) -> Op[IncomingPhoneNumber]:
        """Add a number you bring from another carrier (never retried once sent).

        Args:
            byoc_vendor: The carrier the number comes from.
            phone_number: The number (any length).
            type: ``local``.
            timeout: This request's timeout.
            **settings: The number's settings (:class:`NumberSettings`).
        """
        return self._post(
            "/Numbers/Byoc",
            IncomingPhoneNumber.model_validate_json,
            _settings(locals(), settings),
            replay_safe=False,
        )

    @endpoint
    def update(
        self,
        number_sid: str,
        *,
        timeout: CallTimeout = DEFAULT,
        **settings: Unpack[NumberSettings],
    ) -> Op[IncomingPhoneNumber]:
        """Change a BYOC number's settings (path casing ``/Numbers/BYOC/…`` as documented).

        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
            **settings: The settings to change (:class:`NumberSettings`).
        """
        path = f"/Numbers/BYOC/{segment(number_sid, 'number_sid')}"
        return self._post(
            path,
            IncomingPhoneNumber.model_validate_json,
            _settings(locals(), settings),
            replay_safe=True,
            skip=("number_sid",),
        )

    @endpoint
    def remove(self, number_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[IncomingPhoneNumber]:
        """Remove a BYOC number.

        Args:
            number_sid: The number's SID.
            timeout: This request's timeout.
        """
        path = f"/Numbers/Byoc/{segment(number_sid, 'number_sid')}"
        return self._delete(path, IncomingPhoneNumber.model_validate_json, timeout)


class AvailableNumbers(Resource[M]):
    """The ``/AvailablePhoneNumbers`` endpoint: ``client.available_numbers``."""

    @listing
    def list(
        self,
        country: str,
        number_type: AvailableNumberType = "Local",
        *,
        contains: str | None = None,
        area_code: str | None = None,
        in_region: str | None = None,
        in_postal_code: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[AvailablePhoneNumber]:
        """List numbers for sale.

        Args:
            country: Two-letter country code, e.g. ``US``.
            number_type: ``Local`` or ``Tollfree``.
            contains: Only numbers containing these digits.
            area_code: Only numbers in this area code (North America only).
            in_region: Only numbers in this region (state).
            in_postal_code: Only numbers near this postal code.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = (
            f"/AvailablePhoneNumbers/{segment(country, 'country')}"
            f"/{segment(number_type, 'number_type')}"
        )
        return self._query(
            path,
            "available_phone_numbers",
            AvailablePhoneNumber.model_validate,
            locals(),
            skip=("country", "number_type"),
        )

    list_page = list.page_view()
    list_text = list.text_view()


class AllowedCountries(Resource[M]):
    """The ``/Numbers/AllowedCountries`` endpoint: ``client.allowed_countries``."""

    @listing
    def list(
        self,
        number_type: str,
        *,
        country: str | None = None,
        service_type: ServiceType | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[AllowedCountry]:
        """List the countries allowed for a number type (list key undocumented).

        Args:
            number_type: The number type, e.g. ``local``.
            country: A two-letter code or ``LEGACY_COUNTRY``.
            service_type: ``byoc``, ``siptrunk``, ``cpaas`` or ``LEGACY_SERVICE``.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = f"/Numbers/AllowedCountries/{segment(number_type, 'number_type')}"
        return self._query(
            path,
            "allowed_countries",
            AllowedCountry.model_validate,
            locals(),
            skip=("number_type",),
        )

    list_page = list.page_view()
    list_text = list.text_view()
