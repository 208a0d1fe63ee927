"""Documents played beside a call's own document: to a dialled party or to a waiting caller.

The platform fetches such documents for ``<Number url>`` (played to the called party before
the bridge), ``<Dial ifMachineUrl>`` (with ``ifMachine="redirect"``) and Conference
``waitUrl``/``waitSound`` (hold music while the caller waits). Only the prompts mean something
there (``spec/webhooks.md`` §4.12, §4.14): Say, Play, Pause and PlayLastRecording run; a
Dial is an error (13201 on a dialled leg; 13238, like Gather and Record, in a wait document);
any other verb raises :class:`SimulationError`, since what the platform does with it is not
documented. A failed fetch is recorded as a notification and the call goes on without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from inboundxml import Element, Response

from ._engine import ENDED, Engine, FetchError
from ._model import Played, SimNotification, SimulationError
from ._verbs import prompt

__all__ = ["AUDIO_EXTENSIONS", "PROMPTS", "fetch_side", "play_side"]

PROMPTS = frozenset({"Say", "Play", "Pause", "PlayLastRecording"})
AUDIO_EXTENSIONS = (".mp3", ".wav", ".ogg", ".aiff", ".gsm")
"""A URL whose path ends so is audio, played without a request (as ``<Play>`` does)."""


async def fetch_side(
    e: Engine, url: str, method: str, kind: str, extra: Mapping[str, str], *, audio: bool
) -> Response | str | None:
    """Fetch a side document with ``e``'s parameters plus ``extra``.

    Args:
        e: The call (or dialled leg) the document is for.
        url: Its URL, resolved against ``e``'s current document.
        method: ``GET`` or ``POST``.
        kind: The request kind recorded in ``requests``.
        extra: Parameters added to the default ones.
        audio: Whether an audio file is acceptable (wait URLs): an audio URL is then returned
            as is (by extension, without a request, or by an ``audio/*`` answer).

    Returns:
        The document, the URL of the audio to play, or ``None`` when the fetch failed (the
        problems are in ``e.notifications``).
    """
    url = e.resolve(url)
    if audio and urlsplit(url).path.lower().endswith(AUDIO_EXTENSIONS):
        return url
    try:
        return await e.get_document(url, method.upper(), kind, e.params(**extra))
    except FetchError as exc:
        answer = e.requests[-1].content_type if e.requests else ""
        if audio and answer.lower().startswith("audio/"):
            return url
        e.record_problems(exc, url)
        return None


async def play_side(
    e: Engine,
    doc: Response | str,
    url: str,
    where: str,
    forbidden: int,
    *,
    until: float | None = None,
    again: bool = False,
    ignore_others: bool = False,
) -> None:
    """Play a side document (or audio URL) to ``e``: the prompts, once each, in order.

    Args:
        e: The call or leg that hears it; its transcript and clock advance.
        doc: The document, or the URL of an audio file.
        url: The document's URL (for notifications).
        where: What the document is, for messages (``Number@url``, ``Conference@waitUrl``).
        forbidden: The code for a Dial there (13201) or for Gather/Record/Dial (13238).
        until: Start no prompt at or after this virtual time (one that started finishes).
        again: A repeat: the problems were already recorded the first time.
        ignore_others: Skip the verbs that are neither prompts nor forbidden (documented for
            ``Dial@confirmSound``) instead of raising.

    Raises:
        SimulationError: For a verb whose effect there is not documented (Hangup, Redirect...).
    """
    items = [doc] if isinstance(doc, str) else doc.children
    banned = {"Dial"} if forbidden == 13201 else {"Gather", "Record", "Dial"}
    for verb in items:
        if e.status in ENDED or (until is not None and e.clock >= until):
            return
        if isinstance(verb, str):
            e.transcript.append(Played(verb, e.clock))
            await e.tick(e.ctx.audio_seconds.get(verb, e.ctx.default_audio_seconds))
        elif verb.tag in PROMPTS:
            await prompt(e, verb, nested=True)
        elif verb.tag not in banned and ignore_others:
            continue
        elif verb.tag not in banned:
            raise SimulationError(_unmodelled(verb, where))
        elif not again:
            message = f"{verb.tag} is not allowed in the document of {where}"
            e.notifications.append(SimNotification(forbidden, message, e.resolve(url)))


def _unmodelled(verb: Element, where: str) -> str:
    return (
        f"<{verb.tag}> in the document of {where}: the simulator runs only Say, Play, Pause "
        f"and PlayLastRecording there (what the platform does with {verb.tag} is undocumented)"
    )
