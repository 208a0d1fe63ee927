"""SMS auto-reply that respects opt-outs.

The platform itself handles the STOP/START keywords (it answers and updates its block list), so
this app only remembers them: after STOP it stays silent, after START it replies again. Set the
number's SMS URL to ``/sms`` and serve it::

    python -m webhooks serve examples.sms_autoreply:app

Offline, ``Simulator(app).sms("/sms", body="hello")`` runs the reply (``sim.messages``).
"""

from __future__ import annotations

from inboundxml import Response, Sms
from webhooks import App, SmsEvent

STOP_WORDS = frozenset({"STOP", "UNSUBSCRIBE", "CANCEL", "QUIT"})
START_WORDS = frozenset({"START", "SUBSCRIBE", "RESUME", "UNSTOP", "YES"})
OPTED_OUT: set[str] = set()
"""Numbers that sent a stop word (a real app would use a database)."""

app = App()


@app.sms("/sms")
def incoming_sms(message: SmsEvent) -> Response:
    """Reply once to each message, unless the sender opted out."""
    keyword = message.body.strip().upper()
    if keyword in STOP_WORDS:
        OPTED_OUT.add(message.from_)
        return Response()  # the platform confirms the opt-out itself
    if keyword in START_WORDS:
        OPTED_OUT.discard(message.from_)
        return Response()
    if message.from_ in OPTED_OUT:
        return Response()
    return Response(
        Sms(
            "Thanks for your message! We will get back to you soon. Reply STOP to opt out.",
            to=message.from_,
            from_=message.to,
        )
    )
