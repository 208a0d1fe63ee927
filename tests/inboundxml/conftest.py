"""Fixtures of the markup tests: the oracles of the shared reference folder and our schema.

The reference folder exists in CI but not in a user's clone: only the tests that use the
``vendor_schema``/``corpus_dir`` fixtures are skipped when it is absent.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from lxml import etree

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
if str(TESTS) not in sys.path:  # makes tests/strategies.py importable as ``strategies``
    sys.path.insert(0, str(TESTS))

SHARED = ROOT.parent / "shared" / "reference"
"""The read-only reference folder beside the checkout (in CI; absent from a user's clone)."""


def _shared(relative: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the reference folder {SHARED} is not available")
    path = SHARED / relative
    assert path.exists(), f"{path} is missing from the reference folder"
    return path


@pytest.fixture(scope="session")
def vendor_schema() -> etree.XMLSchema:
    """The vendor's XSD (zang-java copy): what the platform's own validator accepts."""
    return etree.XMLSchema(etree.parse(str(_shared("zang-inboundxml.xsd"))))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The corpus of real documents with ``INDEX.tsv``."""
    return _shared("corpus")


@pytest.fixture(scope="session")
def project_schema() -> etree.XMLSchema:
    """The committed ``schema/inboundxml.xsd`` of this project."""
    return etree.XMLSchema(etree.parse(str(ROOT / "schema" / "inboundxml.xsd")))


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe nobody writes to: opening it for reading blocks forever."""
    path = tmp_path / "pipe.dtd"
    os.mkfifo(path)
    return path
