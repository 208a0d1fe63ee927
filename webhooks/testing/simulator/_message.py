"""``SimMessage``: an inbound SMS/MMS simulated by :meth:`Simulator.sms`, and its reply.

Only ``Sms``, ``Mms`` and ``Redirect`` run in a reply document; any other verb is skipped with
notification 14110.
"""

from __future__ import annotations

from typing import Any

from ._engine import Context, Engine
from ._model import SentMessage, SimNotification, SimRequest, new_sid
from ._table import MESSAGING

__all__ = ["SimMessage", "message_engine"]


class _MessageEngine(Engine):
    """An inbound message's engine: SMS request parameters; only Sms, Mms and Redirect run."""

    def params(self, **extra: str) -> dict[str, str]:
        """``From``, ``To``, ``Body`` (documented) plus ``AccountSid``, ``SmsSid``,
        ``SmsStatus=received``, ``Direction=incoming`` and ``ApiVersion`` (assumed)."""
        p = {
            "AccountSid": self.ctx.account_sid,
            "ApiVersion": self.ctx.api_version,
            self.ctx.names.sms_sid: self.sid,
            self.ctx.names.sms_status: "received",
            "Direction": "incoming",
            "From": self.from_,
            "To": self.to,
            "Body": self.extra_params.get("Body", ""),
        }
        p.update(self.extra_params)
        p.update(extra)
        return p


class SimMessage:
    """An inbound SMS/MMS and the document that answered it (made by :meth:`Simulator.sms`)."""

    def __init__(self, ctx: Context, *, body: str, **options: Any) -> None:
        self._engine = _MessageEngine(
            ctx,
            MESSAGING,
            direction="incoming",
            params={"Body": body},
            sid=new_sid("SM"),
            **options,
        )
        self._engine.face = self
        self._engine.status = "received"

    def __repr__(self) -> str:
        replies = len(self.replies)
        return (
            f"<SimMessage {self.sid} from {self.from_} to {self.to}: {_shorten(self.body)!r}, "
            f"{replies} {'reply' if replies == 1 else 'replies'}>"
        )

    @property
    def sid(self) -> str:
        """The message Sid (``SM`` + 32 hex), sent as ``SmsSid``."""
        return self._engine.sid

    @property
    def from_(self) -> str:
        """The sender."""
        return self._engine.from_

    @property
    def to(self) -> str:
        """The number texted."""
        return self._engine.to

    @property
    def body(self) -> str:
        """The text sent."""
        return self._engine.extra_params.get("Body", "")

    @property
    def replies(self) -> list[SentMessage]:
        """The messages the answer sent (``<Sms>``/``<Mms>``), in order."""
        return [s for s in self._engine.transcript if isinstance(s, SentMessage)]

    @property
    def requests(self) -> list[SimRequest]:
        """Every request made, with its answer."""
        return self._engine.requests

    @property
    def notifications(self) -> list[SimNotification]:
        """Problems found (14110 for a verb not allowed in an SMS reply)."""
        return self._engine.notifications


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def message_engine(msg: SimMessage) -> Engine:
    """The engine behind ``msg``: how the simulator runs the reply document."""
    return msg._engine
