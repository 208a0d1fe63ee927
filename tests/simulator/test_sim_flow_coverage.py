"""``pytest --flow-coverage``: which documents and transitions of the IVR the tests took."""

from __future__ import annotations

from pathlib import Path

import pytest

from examples.ivr import app as ivr_app
from webhooks.testing import Simulator, explore, flow_coverage

pytest_plugins = ("pytester",)

REPO = Path(__file__).resolve().parents[2]

KNOWN_TESTS = """
def test_sales_new_order(simulator):
    call = simulator.call("/voice").press("1").press("1")
    assert call.status == "completed"

def test_voicemail(simulator):
    call = simulator.call("/voice").press("2").record(8, key="#")
    assert call.said[-1].startswith("Thank you.")

def test_no_choice(simulator):
    call = simulator.call("/voice").wait().wait().wait()
    assert call.said[-1] == "We did not receive your choice. Goodbye."
"""


@pytest.fixture
def ivr_tests(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project testing ``examples.ivr`` with three calls: sales, voicemail, no choice."""
    pytester.syspathinsert(REPO)
    pytester.makeini("[pytest]\nwebhooks_app = examples.ivr:app\n")
    pytester.makepyfile(test_ivr=KNOWN_TESTS)
    return pytester


def test_the_table_counts_documents_and_edges_hit(ivr_tests: pytest.Pytester) -> None:
    result = ivr_tests.runpytest("--flow-coverage", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        [
            "*flow coverage: examples.ivr:app*",
            "3 simulated calls of the app, * explored",
            "            total    hit   cover",
            "documents      10      6     60%",
            "edges          48      8     17%",
            "flow           58     14     24%",
            "untaken:",
        ]
    )
    untaken = result.stdout.str().split("untaken:\n", 1)[1]
    assert "--press 0, 3\u20139, *, #--> /menu: Sorry, that is not a valid choice." in untaken
    assert "dial +15550100002 --end of document--> call ends" in untaken
    assert "--press 1--> /sales: Please hold" not in untaken  # the sales test took it


def test_below_the_threshold_the_session_fails(ivr_tests: pytest.Pytester) -> None:
    result = ivr_tests.runpytest(
        "--flow-coverage=examples.ivr:app",
        "--flow-coverage-fail-under=30",
        "-p",
        "no:cacheprovider",
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        ["FAIL: flow coverage 24.1% is below --flow-coverage-fail-under=30"]
    )
    passing = ivr_tests.runpytest("--flow-coverage", "--flow-coverage-fail-under=24")
    assert passing.ret == pytest.ExitCode.OK


def test_without_an_app_the_option_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_nothing="def test_nothing():\n    pass\n")
    result = pytester.runpytest("--flow-coverage")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--flow-coverage needs an app*"])


def test_a_calls_documents_and_edges_are_found_in_the_flow() -> None:
    graph = explore(ivr_app)
    sim = Simulator(ivr_app)
    coverage = flow_coverage(graph, [sim.call("/voice").press("2").record(3)])
    assert {graph.nodes[n].url for n in coverage.documents_hit} == {
        "/voice",
        "/menu",
        "/voicemail/saved",
    }
    assert len(coverage.edges_hit) == 3  # press 2, a recording (of any length), the hang-up
    assert coverage.percent == pytest.approx(100 * 6 / 58)
