"""pytest plugin of the toolkit (registered as the ``webhooks`` pytest11 entry point).

Fixtures:

- ``simulator``: a :class:`~webhooks.testing.Simulator` for the app under test. The app comes
  from a ``webhooks_app`` fixture your ``conftest.py`` overrides::

      @pytest.fixture
      def webhooks_app():
          from myproject.ivr import app
          return app

  or from the ini option ``webhooks_app = myproject.ivr:app`` (``[tool.pytest.ini_options]``).
- ``fake_platform``: a fresh :class:`~webhooks.testing.FakePlatform` (the REST API in memory).

Importing this module has no side effects; the simulator is imported when a fixture is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

__all__ = ["fake_platform", "pytest_addoption", "simulator", "webhooks_app"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ``webhooks_app`` ini option."""
    parser.addini(
        "webhooks_app", "MODULE:ATTRIBUTE of the ASGI app the simulator drives", default=""
    )


@pytest.fixture
def webhooks_app(request: pytest.FixtureRequest) -> Any:
    """The app under test: override this fixture, or set the ``webhooks_app`` ini option."""
    target = str(request.config.getini("webhooks_app") or "")
    if not target:
        pytest.fail("no app: override the webhooks_app fixture or set the webhooks_app ini option")
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


@pytest.fixture
def simulator(webhooks_app: Any) -> Iterator[Any]:
    """A :class:`~webhooks.testing.Simulator` driving ``webhooks_app`` in-process."""
    from webhooks.testing import Simulator

    sim = Simulator(webhooks_app)
    yield sim
    sim.close()


@pytest.fixture
def fake_platform() -> Any:
    """A fresh :class:`~webhooks.testing.FakePlatform`."""
    from webhooks.testing import FakePlatform

    return FakePlatform()
