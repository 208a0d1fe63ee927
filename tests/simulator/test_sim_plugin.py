"""The pytest plugin's fixtures."""

from __future__ import annotations

from typing import Any

import pytest

from examples.ivr import app as ivr_app
from webhooks.testing import FakePlatform, Simulator

# The entry point registers these when the package is installed; imported here so the tests
# also run from a source checkout.
from webhooks.testing.plugin import fake_platform, simulator  # noqa: F401


@pytest.fixture
def webhooks_app() -> Any:
    """The app under test, as a user's conftest would give it."""
    return ivr_app


def test_simulator_fixture_drives_the_app(simulator: Simulator) -> None:  # noqa: F811
    call = simulator.call("/voice").press("1")
    assert call.said[-1].startswith("Sales.")


def test_fake_platform_fixture(fake_platform: FakePlatform) -> None:  # noqa: F811
    assert fake_platform.account_sid.startswith("AC")
