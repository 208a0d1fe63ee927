"""Keys a participant presses in a conference room: ``hangupOnStar`` and ``digitsMatch``.

``*`` with ``hangupOnStar`` "should end the conference" (the docs; for whom is undocumented):
with ``conference_star="leave"`` (the default) the caller leaves the room and its Dial goes on
(``action``, else the next element), the others stay; with ``"end"`` the room ends for every
participant. Keys after the ``*`` are kept for the next Gather.

Keys completing a ``digitsMatch`` pattern (a suffix of the keys typed since the last match)
are reported to the room's ``callbackUrl`` (the first given) with ``ConferenceEvent=digits``
and ``Digits=<pattern>`` (kind ``conference-digits``); the caller stays in the room.
"""

from __future__ import annotations

from ._conference import Room, end_room, leave_room, notify_room
from ._engine import Engine, attr
from ._model import Pressed, SimulationError

__all__ = ["room_keys"]


async def room_keys(call: Engine, keys: str, where: str) -> None:
    """The participant ``call`` presses ``keys`` in its room.

    Args:
        call: A call waiting in a room.
        keys: The keys, in order.
        where: What the call is doing, for the error message.

    Raises:
        SimulationError: If its Conference has neither ``hangupOnStar`` nor ``digitsMatch``
            (keys then do nothing the app could see).
    """
    p = call.pending
    assert p is not None  # noqa: S101 - callers check
    noun = p.verb
    room: Room = p.data["room"]
    star = _on(attr(noun, "hangupOnStar"))
    patterns = [x.strip() for x in str(noun.attrs.get("digits_match") or "").split(",")]
    patterns = [x for x in patterns if x]
    if not star and not patterns:
        raise SimulationError(
            f"{where}; its Conference has neither hangupOnStar nor digitsMatch, so keys "
            "pressed in the room do nothing"
        )
    matched: list[str] = []
    for i, key in enumerate(keys):
        if key == "*" and star:
            call.transcript.append(Pressed(keys[: i + 1], tuple(matched), True, call.clock))
            call.typeahead += keys[i + 1 :]
            call.trigger = "press *"
            if call.ctx.conference_star == "end":
                await end_room(room)
            else:
                await leave_room(room, call)
            return
        typed = p.data.get("typed", "") + key
        hit = next((x for x in patterns if typed.endswith(x)), None)
        p.data["typed"] = "" if hit else typed
        if hit is not None:
            matched.append(hit)
            extra = {call.ctx.names.dial_digits: hit}
            await notify_room(room, call, "digits", "conference-digits", **extra)
    call.transcript.append(Pressed(keys, tuple(matched), False, call.clock))


def _on(value: object) -> bool:
    """``hangupOnStar`` of Conference is typed as a string: ``true`` (any case) is on."""
    return value is True or str(value).strip().lower() == "true"
