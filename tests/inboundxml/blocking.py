"""Run a parse that must not block (a FIFO named in a DTD) without hanging the test run."""

from __future__ import annotations

import threading
from collections.abc import Callable


def run_guarded(action: Callable[[], object], seconds: float = 20.0) -> object:
    """Run ``action`` in a thread and return what it returned or raised; fail if it blocks."""
    out: list[object] = []

    def target() -> None:
        try:
            out.append(action())
        except BaseException as exc:  # the test inspects it
            out.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the parser blocked: it opened the named file"
    return out[0]
