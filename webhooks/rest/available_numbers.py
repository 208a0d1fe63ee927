"""Numbers for sale and the countries where numbers may be used.

``client.available_numbers.list("US", "Local", area_code="415")`` finds numbers to buy with
``client.incoming_numbers.buy`` (:mod:`webhooks.rest.numbers`);
``client.allowed_countries.list("local")`` says where a number type may be used.
"""

from __future__ import annotations

from pydantic import Field

from ._core import DEFAULT, CallTimeout
from ._locators import Where, lists
from ._params import form, segment
from ._resource import M, Resource
from ._wire import Bool, Model, Money, Text
from .types import AvailableNumberType, ServiceType

__all__ = ["AllowedCountries", "AllowedCountry", "AvailableNumbers", "AvailablePhoneNumber"]


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


def _available(
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
) -> Where:
    """
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
    path = f"/AvailablePhoneNumbers/{segment(country, 'country')}"
    path += f"/{segment(number_type, 'number_type')}"
    return Where(
        path,
        timeout,
        form(
            contains=contains,
            area_code=area_code,
            in_region=in_region,
            in_postal_code=in_postal_code,
        ),
        page,
        page_size,
    )


class AvailableNumbers(Resource[M]):
    """The ``/AvailablePhoneNumbers`` endpoint: ``client.available_numbers``."""

    list = lists(
        _available,
        "available_phone_numbers",
        AvailablePhoneNumber,
        "List numbers for sale.",
    )

    list_page = list.page_view()
    list_text = list.text_view()


def _allowed(
    number_type: str,
    *,
    country: str | None = None,
    service_type: ServiceType | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        number_type: The number type, e.g. ``local``.
        country: A two-letter code or ``LEGACY_COUNTRY``.
        service_type: ``byoc``, ``siptrunk``, ``cpaas`` or ``LEGACY_SERVICE``.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    path = f"/Numbers/AllowedCountries/{segment(number_type, 'number_type')}"
    return Where(path, timeout, form(country=country, service_type=service_type), page, page_size)


class AllowedCountries(Resource[M]):
    """The ``/Numbers/AllowedCountries`` endpoint: ``client.allowed_countries``."""

    list = lists(
        _allowed,
        "allowed_countries",
        AllowedCountry,
        "List the countries allowed for a number type (list key undocumented).",
    )

    list_page = list.page_view()
    list_text = list.text_view()
