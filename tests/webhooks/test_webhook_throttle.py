"""An outage is logged once per interval with a count; the first record has the traceback."""

from __future__ import annotations

import logging

import pytest

from webhooks._throttle import LogThrottle


def test_repeats_are_counted_and_logged_once_per_interval(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    now = [100.0]
    monkeypatch.setattr("webhooks._throttle.time.monotonic", lambda: now[0])
    throttle = LogThrottle(logging.getLogger("test.throttle"), interval=10.0)
    error = ConnectionError("refused")
    with caplog.at_level(logging.ERROR, logger="test.throttle"):
        for _ in range(50):  # 5 s of failures, 10 a second
            throttle.log(logging.ERROR, "redis", "store down: %s", "x", exc=error)
            now[0] += 0.1
        now[0] += 5.5  # past the interval, still failing
        throttle.log(logging.ERROR, "redis", "store down: %s", "x", exc=error)
        now[0] += 60  # recovered for a while; a new outage starts
        throttle.log(logging.ERROR, "redis", "store down: %s", "x", exc=error)
    messages = [(r.getMessage(), r.exc_info is not None) for r in caplog.records]
    assert messages == [
        ("store down: x", True),
        ("store down: x (50 times in the last 10 s)", False),
        ("store down: x", True),
    ]


def test_keys_are_throttled_apart(caplog: pytest.LogCaptureFixture) -> None:
    throttle = LogThrottle(logging.getLogger("test.throttle"))
    with caplog.at_level(logging.WARNING, logger="test.throttle"):
        assert throttle.log(logging.WARNING, "a", "first")
        assert throttle.log(logging.WARNING, "b", "second")
        assert not throttle.log(logging.WARNING, "a", "first")
    assert [r.getMessage() for r in caplog.records] == ["first", "second"]
