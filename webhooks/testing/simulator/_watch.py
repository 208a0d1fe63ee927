"""Who is told about each simulated call: the flow-coverage plugin, while it measures.

:func:`watch_calls` adds a watcher (called with the app and each new call); the explorer's own
calls run inside :func:`unwatched`, so they never count as calls of the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Watcher", "announce", "unwatched", "watch_calls"]

Watcher = Callable[[Any, Any], None]
"""Called with ``(app, call)``: the in-process app (``None`` over HTTP) and the new ``SimCall``."""

_watchers: list[Watcher] = []
_paused = [0]


def watch_calls(watcher: Watcher) -> Callable[[], None]:
    """Tell ``watcher`` about every call simulated from now on; returns what stops it."""
    _watchers.append(watcher)

    def stop() -> None:
        if watcher in _watchers:
            _watchers.remove(watcher)

    return stop


@contextmanager
def unwatched() -> Iterator[None]:
    """Calls simulated inside the block are not announced (the explorer's)."""
    _paused[0] += 1
    try:
        yield
    finally:
        _paused[0] -= 1


def announce(app: Any, call: Any) -> None:
    """Tell the watchers about a new call."""
    if _watchers and not _paused[0]:
        for watcher in list(_watchers):
            watcher(app, call)
