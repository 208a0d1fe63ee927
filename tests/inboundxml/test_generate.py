"""The committed generated files (stub, schema, reference) match the element table."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from inboundxml._generate import OUTPUTS, SCHEMA_FILE
from inboundxml.schema import xsd

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("relative", "make"), sorted(OUTPUTS.items()))
def test_committed_generated_file_is_up_to_date(relative: str, make: Callable[[], str]) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == make(), (
        f"{relative} is out of date with inboundxml/spec.py; run `python -m inboundxml generate`"
    )


def test_outputs_cover_the_stub_the_schema_and_the_reference() -> None:
    assert set(OUTPUTS) == {
        "inboundxml/verbs.pyi",
        "inboundxml/inboundxml.xsd",
        "schema/inboundxml.xsd",
        "docs/reference.md",
    }


def test_the_schema_is_package_data() -> None:
    packaged = resources.files("inboundxml") / SCHEMA_FILE
    assert packaged.read_text(encoding="utf-8") == xsd()
