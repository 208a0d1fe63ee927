"""The error types: codes, paths, lines and every problem."""

from __future__ import annotations

import pytest

from inboundxml import CPaaSError, InboundXMLError, Problem


def test_error_carries_the_first_problem_and_all_problems() -> None:
    problems = [Problem(13314, "Response/Gather[0]@numDigits", "bad", 2), Problem(12200, "", "x")]
    error = InboundXMLError(problems)
    assert (error.code, error.path, error.line, error.message) == (
        13314,
        "Response/Gather[0]@numDigits",
        2,
        "bad",
    )
    assert error.problems == tuple(problems)
    assert isinstance(error, CPaaSError)
    assert isinstance(error, ValueError)


def test_error_needs_a_problem() -> None:
    with pytest.raises(TypeError):
        InboundXMLError([])


def test_problem_is_readable() -> None:
    assert str(Problem(13910, "Pause@length", "length got 0", 3)) == (
        "line 3: 13910 Pause@length: length got 0"
    )
    assert str(Problem(12100, "", "not XML")) == "12100 not XML"
