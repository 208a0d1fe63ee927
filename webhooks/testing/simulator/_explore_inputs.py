"""The inputs the explorer tries where a call waits: keys, silence, a recording, a hang-up."""

from __future__ import annotations

from ._call import SimCall
from ._model import DialStatus

__all__ = ["FORKABLE", "OUTCOMES", "Action", "Plan", "act", "options"]

_KEYS = "0123456789*#"
OUTCOMES: tuple[DialStatus, ...] = ("busy", "no-answer", "failed")
"""The Dial outcomes tried besides ``answered``."""
FORKABLE = ("gather", "record")
"""What a call may wait for to be forked."""
Action = tuple[str, str]
"""An input: ``("press", "1")``, ``("wait", "")``, ``("record", "")``, ``("hangup", "")``."""
Plan = tuple[DialStatus, ...]
"""The outcomes of the Dials of a branch, in order."""


def options(call: SimCall) -> list[Action]:
    """Every input the explorer tries where ``call`` waits (none if it does not)."""
    kind, verb = call.waiting_for, call.waiting_at
    if kind is None or verb is None:
        return []
    if kind == "gather":
        limit = int(str(verb.attrs.get("num_digits") or 0))
        finish = str(verb.attrs.get("finish_on_key") or "#") if verb.tag == "Gather" else "#"
        keys = [
            k * limit
            if limit > 1 and k != finish
            else (k if limit == 1 or k == finish else k + finish)
            for k in _KEYS
        ]
        return [("press", k) for k in keys] + [("wait", "")]
    if kind == "record":
        return [("record", ""), ("wait", "")]
    if kind == "bridge":  # a Dial listening for keys: each way out of the conversation
        star = [("press", "*")] if _true(verb.attrs.get("hangup_on_star")) else []
        patterns = str(verb.attrs.get("digits_match") or "").split(",")
        return [*star, *(("press", k) for k in patterns if k), ("wait", "")]
    return [("hangup", "")]


def _true(value: object) -> bool:
    return str(value).lower() == "true" if isinstance(value, str) else bool(value)


def act(call: SimCall, action: Action) -> None:
    """Give ``call`` the input ``action``."""
    kind, arg = action
    if kind == "press":
        call.press(arg)
    elif kind == "record":
        call.record(5)
    elif kind == "wait":
        call.wait()
    else:
        call.hangup()
