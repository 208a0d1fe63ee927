"""A small IVR: a greeting menu, a sales sub-menu and voicemail.

``/voice`` answers the call: press 1 for sales, 2 to leave a message. Without an answer the menu
repeats (three times at most, counted in ``call.session``). Set the number's Status Callback to
``/status``: the final status ends the call's session. Serve it with::

    python -m webhooks serve examples.ivr:app
"""

from __future__ import annotations

import logging

from examples import voicemail
from inboundxml import Dial, Gather, Hangup, Number, Redirect, Response, Say
from webhooks import App, GatherEvent, StatusEvent, VoiceEvent

logger = logging.getLogger(__name__)

SALES_NEW = "+15550100001"
SALES_EXISTING = "+15550100002"
MAX_TRIES = 3

app = App()
app.include(voicemail.router)


@app.voice("/voice")
async def welcome(call: VoiceEvent) -> Response:
    """Greet the caller and offer the main menu."""
    tries = call.session.get("tries", 0) + 1
    call.session["tries"] = tries
    if tries > MAX_TRIES:
        return Response(Say("We did not receive your choice. Goodbye."), Hangup())
    greeting = "Welcome to Example Corp." if tries == 1 else "Let's try again."
    return Response(
        Gather(
            Say(f"{greeting} For sales, press 1. To leave a message, press 2."),
            action=menu,
            num_digits=1,
            timeout=5,
        ),
        Redirect(call.url_for(welcome)),
    )


@app.gather("/menu")
async def menu(event: GatherEvent) -> Response:
    """Route the caller's choice in the main menu."""
    if event.digits == "1":
        return Response(
            Gather(
                Say("Sales. For a new order, press 1. For an existing order, press 2."),
                action=sales,
                num_digits=1,
                timeout=5,
            ),
            Redirect(event.url_for(welcome)),
        )
    if event.digits == "2":
        return voicemail.record_message()
    return Response(Say("Sorry, that is not a valid choice."), Redirect(event.url_for(welcome)))


@app.gather("/sales")
async def sales(event: GatherEvent) -> Response:
    """Connect the caller to the right sales line."""
    numbers = {"1": SALES_NEW, "2": SALES_EXISTING}
    if event.digits not in numbers:
        return Response(Say("Sorry, that is not a valid choice."), Redirect(event.url_for(welcome)))
    return Response(Say("Please hold while we connect you."), Dial(Number(numbers[event.digits])))


@app.status("/status")
async def call_status(event: StatusEvent) -> None:
    """Log how the call ended (the app drops the session on a final status)."""
    if event.is_final:
        logger.info("call %s ended: %s", event.call_sid, event.call_status)
