"""Tests of the example IVR, measured with flow coverage.

Three calls (sales, voicemail, no choice) through ``examples.ivr``; run them with the flow
coverage report from the repository root::

    pytest examples/ivr_flow_tests.py --flow-coverage=examples.ivr:app

The table says how many of the IVR's documents and transitions they went through (60% of the
documents, 24% of documents and transitions together) and lists the transitions no test took:
the invalid keys, the retries, the existing-order line... Add ``--flow-coverage-fail-under=N``
to fail below N percent.
"""

# ruff: noqa: S101 - pytest tests assert
from __future__ import annotations

from typing import Any

import pytest

from examples import ivr
from webhooks.testing import Simulator


@pytest.fixture
def webhooks_app() -> Any:
    """The app the plugin's ``simulator`` fixture drives."""
    return ivr.app


def test_sales_new_order(simulator: Simulator) -> None:
    """Press 1 for sales, then 1 for a new order: the call is put through."""
    call = simulator.call("/voice").press("1").press("1")
    assert [leg.target for leg in call.legs] == [ivr.SALES_NEW]
    assert call.status == "completed"


def test_voicemail(simulator: Simulator) -> None:
    """Press 2 and leave a message."""
    call = simulator.call("/voice").press("2").record(8, key="#")
    assert call.said[-1].startswith("Thank you.")


def test_no_choice(simulator: Simulator) -> None:
    """No key at all: three tries, then goodbye."""
    call = simulator.call("/voice").wait().wait().wait()
    assert call.said[-1] == "We did not receive your choice. Goodbye."
