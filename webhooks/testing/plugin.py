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

Flow coverage: ``pytest --flow-coverage`` (the app of the ``webhooks_app`` ini option) or
``pytest --flow-coverage=MODULE:app`` explores the app after the tests
(:func:`~webhooks.testing.explore`, ``--flow-coverage-depth``, default 4), finds which of its
documents and transitions the session's simulated calls went through, and prints a table
(documents and edges hit, in percent) and the transitions no test took.
``--flow-coverage-fail-under=N`` fails the session when the flow coverage is below N percent.

Importing this module has no side effects; the simulator is imported when a fixture is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from webhooks._cli import app_target

__all__ = [
    "FlowCoveragePlugin",
    "fake_platform",
    "pytest_addoption",
    "pytest_configure",
    "simulator",
    "webhooks_app",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ``webhooks_app`` ini option and the flow-coverage options."""
    parser.addini(
        "webhooks_app", "MODULE:ATTRIBUTE of the ASGI app the simulator drives", default=""
    )
    group = parser.getgroup("webhooks", "webhooks flow coverage")
    group.addoption(
        "--flow-coverage",
        nargs="?",
        const="",
        default=None,
        metavar="MODULE:APP",
        help="report which documents and transitions of the IVR the simulated calls took "
        "(the app of the webhooks_app ini option, or MODULE:APP)",
    )
    group.addoption(
        "--flow-coverage-fail-under",
        type=float,
        default=None,
        metavar="N",
        help="fail the session if the flow coverage is below N percent",
    )
    group.addoption(
        "--flow-coverage-depth",
        type=int,
        default=4,
        metavar="N",
        help="most inputs per branch when exploring the flow (default 4)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Start measuring flow coverage if ``--flow-coverage`` is given."""
    option = config.getoption("flow_coverage", None)
    if option is None:
        return
    target = str(option or config.getini("webhooks_app") or "")
    if not target:
        raise pytest.UsageError(
            "--flow-coverage needs an app: --flow-coverage=MODULE:APP or the webhooks_app ini "
            "option"
        )
    plugin = FlowCoveragePlugin(
        target,
        depth=int(config.getoption("flow_coverage_depth")),
        fail_under=config.getoption("flow_coverage_fail_under"),
    )
    config.pluginmanager.register(plugin, "webhooks-flow-coverage")


def _load(target: str) -> Any:
    """Import ``MODULE:ATTRIBUTE`` (a bare ``MODULE`` means ``MODULE:app``)."""
    module, _, attribute = app_target(target).partition(":")
    if not module or not attribute:
        raise pytest.UsageError(f"expected MODULE or MODULE:ATTRIBUTE, got {target!r}")
    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError) as exc:
        raise pytest.UsageError(f"cannot load the app {target!r}: {exc}") from None


class FlowCoveragePlugin:
    """Collects the session's simulated calls of one app and measures their flow coverage.

    Args:
        target: ``MODULE:ATTRIBUTE`` of the app.
        depth: Most inputs per branch when exploring.
        fail_under: Fail the session below this percentage, if given.
    """

    def __init__(self, target: str, *, depth: int = 4, fail_under: float | None = None) -> None:
        from webhooks.testing.simulator._watch import watch_calls

        self.target, self.depth, self.fail_under = target, depth, fail_under
        self.app = _load(target)
        self.calls: list[Any] = []
        self.coverage: Any = None
        """The :class:`~webhooks.testing.simulator._coverage.FlowCoverage`, after the tests."""
        self._stop = watch_calls(self._seen)

    def _seen(self, app: Any, call: Any) -> None:
        if app is self.app:
            self.calls.append(call)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Explore the app, measure, and fail the session if below ``fail_under``."""
        from webhooks.testing import explore
        from webhooks.testing.simulator._coverage import flow_coverage

        self._stop()
        graph = explore(self.app, depth=self.depth)
        self.coverage = flow_coverage(graph, self.calls)
        if self.fail_under is not None and self.coverage.percent < self.fail_under:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Print the table and the untaken transitions."""
        if self.coverage is None:
            return
        terminalreporter.write_sep("-", f"flow coverage: {self.target}")
        terminalreporter.write_line(
            f"{len(self.calls)} simulated calls of the app, {self.coverage.graph.calls} explored"
        )
        for line in self.coverage.report().splitlines():
            terminalreporter.write_line(line)
        if self.fail_under is not None and self.coverage.percent < self.fail_under:
            terminalreporter.write_line(
                f"FAIL: flow coverage {self.coverage.percent:.1f}% is below "
                f"--flow-coverage-fail-under={self.fail_under:g}",
                red=True,
            )


@pytest.fixture
def webhooks_app(request: pytest.FixtureRequest) -> Any:
    """The app under test: override this fixture, or set the ``webhooks_app`` ini option."""
    target = str(request.config.getini("webhooks_app") or "")
    if not target:
        pytest.fail("no app: override the webhooks_app fixture or set the webhooks_app ini option")
    return _load(target)


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
