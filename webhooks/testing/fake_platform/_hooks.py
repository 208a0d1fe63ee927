"""The fake platform's call hooks: their types, and how a handler runs one.

:class:`~._platform.FakePlatform` holds the hooks (``on_call_created``, ``on_call_updated``);
the call handlers in ``_calls`` run them with :func:`run_hook`.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import Literal, ParamSpec

from ._records import CallRecord

__all__ = ["CallAction", "CallCreatedHook", "CallUpdatedHook", "run_hook"]

P = ParamSpec("P")

CallAction = Literal["interrupt", "send_digits", "record", "play", "effect"]
"""A live-call request: ``POST /Calls/{sid}`` with ``Url``/``Method``/``Status``
(``interrupt``) or ``PlayDtmf`` (``send_digits``), ``…/Recordings`` (``record``), ``…/Play``
(``play``) and ``…/Effect`` (``effect``)."""

CallCreatedHook = Callable[[CallRecord], Awaitable[None] | None]
"""Called with each call made through ``POST /Calls``."""

CallUpdatedHook = Callable[[CallRecord, CallAction, Mapping[str, str]], Awaitable[None] | None]
"""Called with the call, the action and the request's parameters of each live-call request."""


async def run_hook(
    hook: Callable[P, Awaitable[None] | None] | None, *args: P.args, **kwargs: P.kwargs
) -> None:
    """Call ``hook`` (when set) with the arguments, and await what it returns if awaitable."""
    if hook is not None:
        result = hook(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
