"""What the calls of one simulator share (:class:`Context`) and what a call waits for
(:class:`Pending`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from inboundxml import Element

from ._model import DialOutcome, ParameterNames, SentMessage, new_sid
from ._transport import Transport

__all__ = ["Context", "Pending"]


@dataclass
class Context:
    """What the calls of one simulator share: transport, names, scripts, rooms, messages.

    Attributes mirror the :class:`~webhooks.testing.Simulator` options of the same names.
    """

    transport: Transport
    names: ParameterNames = field(default_factory=ParameterNames)
    account_sid: str = field(default_factory=lambda: new_sid("AC"))
    api_version: str = "v2"
    words_per_second: float = 2.5
    max_documents: int = 100
    audio_seconds: dict[str, float] = field(default_factory=dict)
    default_audio_seconds: float = 5.0
    dial_scripts: dict[str, DialOutcome] = field(default_factory=dict)
    default_dial: DialOutcome = field(default_factory=DialOutcome)
    messages: list[SentMessage] = field(default_factory=list)
    rooms: dict[str, Any] = field(default_factory=dict)
    """The conference rooms by name (``Room`` of :mod:`._conference`, which owns them)."""
    on_end: list[Callable[[Any], Awaitable[None]]] = field(default_factory=list)
    """Run with each call's engine when the call ends."""
    dial_plan: list[str] = field(default_factory=list)
    dtmf_seconds: float = 0.2
    machine_detection_seconds: float = 4.0
    if_machine_redirect: str = "called"
    conference_star: str = "leave"
    conference_full_status: str = "busy"
    raise_app_exceptions: bool = True
    strict: bool = False


@dataclass
class Pending:
    """What a call is waiting for: ``gather``, ``record``, ``loop``, ``conference`` or
    ``bridge``.

    ``data["leave"]``, if set, is awaited when the call ends or is interrupted while waiting
    (it leaves the room, ends the dialled call...).
    """

    kind: str
    verb: Element
    where: str
    url: str
    data: dict[str, Any] = field(default_factory=dict)
