"""Logging that stays readable during an outage: the first failure in full, then a count.

When a dependency is down (a session store, say), every request fails the same way; a traceback
per request buries the log (tens of megabytes a minute). :class:`LogThrottle` logs the first
failure of an episode with its traceback, then at most one line per interval saying how many
more there were. An episode ends when no failure of that key was seen for an interval.
"""

from __future__ import annotations

import logging
import time
from typing import Any

__all__ = ["LogThrottle"]


class LogThrottle:
    """Rate-limit repeated log records of one kind.

    Args:
        logger: Where the records go.
        interval: Seconds between two records of the same key.
    """

    __slots__ = ("_episodes", "interval", "logger")

    def __init__(self, logger: logging.Logger, interval: float = 10.0) -> None:
        self.logger = logger
        self.interval = interval
        # key -> [start of the current window, records held back in it, last occurrence]
        self._episodes: dict[str, list[float]] = {}

    def log(
        self,
        level: int,
        key: str,
        message: str,
        *args: Any,
        exc: BaseException | None = None,
    ) -> bool:
        """Log ``message % args`` unless a record of ``key`` was logged less than an interval ago.

        The first record of an episode carries ``exc``'s traceback; later ones (at most one per
        interval) say how many records were held back since the previous one.

        Returns:
            Whether a record was written.
        """
        now = time.monotonic()
        episode = self._episodes.get(key)
        if episode is None or now - episode[2] > self.interval:
            if len(self._episodes) > 1000:  # keys are few; never let them grow without bound
                self._episodes.clear()
            self._episodes[key] = [now, 0.0, now]
            self.logger.log(level, message, *args, exc_info=exc)
            return True
        episode[2] = now
        if now - episode[0] < self.interval:
            episode[1] += 1
            return False
        held, elapsed = int(episode[1]) + 1, now - episode[0]
        episode[0], episode[1] = now, 0.0
        self.logger.log(
            level,
            message + " (%d times in the last %.0f s)",
            *args,
            held,
            elapsed,
        )
        return True
