"""The verb tables: what each element of a document does, read in one place.

:data:`VOICE` is the table of calls (``spec/inboundxml.md`` §2.1: every child of
``<Response>``); the nouns (``Number``, ``Sip``, ``User``, ``Conference``, ``Agent``) are run by
their verb. :data:`MESSAGING` is the table of an SMS/MMS reply, where only ``Sms``, ``Mms`` and
``Redirect`` run and any other verb is skipped with notification 14110. An engine is made with
its table; nothing is registered by importing a module.
"""

from __future__ import annotations

from types import MappingProxyType

from inboundxml import Element

from ._dial import dial
from ._engine import Engine, VerbTable
from ._model import SimNotification
from ._verbs import (
    answer,
    connect,
    finish_background,
    gather,
    hangup,
    message,
    ping,
    prompt,
    record,
    redirect,
    refer,
    reject,
)

__all__ = ["MESSAGING", "VOICE", "not_in_sms"]

VOICE = VerbTable(
    MappingProxyType(
        {
            "Say": prompt,
            "Play": prompt,
            "PlayLastRecording": prompt,
            "Pause": prompt,
            "Gather": gather,
            "GetSpeech": gather,
            "Record": record,
            "Dial": dial,
            "Refer": refer,
            "Connect": connect,
            "Hangup": hangup,
            "Reject": reject,
            "Redirect": redirect,
            "Ping": ping,
            "Sms": message,
            "Mms": message,
            "Answer": answer,
        }
    ),
    on_hangup=(finish_background,),
)
"""The verbs of a call, and the background recordings finished at hang-up."""


async def not_in_sms(e: Engine, verb: Element) -> None:
    """A verb an SMS reply cannot run: skipped, with notification 14110."""
    e.notifications.append(
        SimNotification(14110, f"{verb.tag} is not allowed in an SMS reply", e.doc_url, "warning")
    )


MESSAGING = VerbTable(
    MappingProxyType(
        {
            tag: handler if tag in ("Sms", "Mms", "Redirect") else not_in_sms
            for tag, handler in VOICE.handlers.items()
        }
    )
)
"""The verbs of an SMS/MMS reply: only Sms, Mms and Redirect run."""
