"""Play the example IVR offline with the call simulator: no server, no phone, no network.

Three calls go through ``examples.ivr``: a caller who picks sales and is put through (what the
sales line does is scripted), one who leaves a voicemail, and one who never presses a key. Each
call prints what the caller heard and how it ended. Run it from the repository root::

    python -m examples.simulate_ivr

The same calls, written as tests, use the pytest plugin's ``simulator`` fixture (see
``docs/simulator.md``).
"""

from __future__ import annotations

from examples import ivr, voicemail
from webhooks.testing import SimCall, Simulator


def show(title: str, call: SimCall) -> None:
    """Print what the caller heard, the dialled calls and how the call ended."""
    print(f"== {title}")
    for text in call.said:
        print(f"   heard: {text}")
    for leg in call.legs:
        print(f"   dialled {leg.target}: {leg.status}")
    print(f"   ended: {call.status} after {len(call.requests)} requests")


def main() -> None:
    """Place the three calls."""
    with Simulator(ivr.app) as sim:
        sim.script_dial(ivr.SALES_EXISTING, outcome="answered", duration=45)

        call = sim.call("/voice", from_="+15550001111", to="+15552223333")
        call.press("1")  # sales
        call.press("2")  # existing order: the Dial is scripted, the caller talks 45 s
        show("sales, existing order", call)

        call = sim.call("/voice")
        call.press("2")  # voicemail
        call.record(8, text="please call me back", key="#")
        show("voicemail", call)
        message = voicemail.MESSAGES[call.sid]
        print(f"   saved: {message['duration']} s from {message['from']}: {message['text']!r}")

        call = sim.call("/voice")
        while not call.ended:
            call.wait()  # every Gather times out
        show("no answer", call)


if __name__ == "__main__":
    main()
