"""What each verb does in the simulation (``spec/inboundxml.md`` §2.1, defaults from §3).

Every handler receives the engine and the element; it records transcript steps, advances the
virtual clock, makes the platform's requests and either lets the next element run, loads a new
document, marks the call as waiting for the test, or ends the call.
"""

from __future__ import annotations

from inboundxml import Element

from ._engine import ENDED, Engine, Pending, attr, say_seconds
from ._model import (
    Answered,
    Gathered,
    Paused,
    Pinged,
    Played,
    Recorded,
    Redirected,
    Referred,
    SentMessage,
    Spoke,
    TalkedToAgent,
    new_sid,
)

__all__ = [
    "answer",
    "connect",
    "finish_background",
    "finish_gather",
    "finish_record",
    "gather",
    "hangup",
    "message",
    "ping",
    "prompt",
    "record",
    "recording_url",
    "redirect",
    "refer",
    "reject",
]


async def prompt(e: Engine, verb: Element, nested: bool = False) -> None:
    """Say / Play / PlayLastRecording / Pause (also the prompts nested in Gather)."""
    tag = verb.tag
    if tag == "Pause":
        seconds = float(attr(verb, "length"))
        e.transcript.append(Paused(seconds, e.clock))
        await e.tick(seconds)
        return
    loop = int(attr(verb, "loop") or 0) if tag in ("Say", "Play") else 1
    for _ in range(max(loop, 1)):
        if tag == "Say":
            text = verb.text or ""
            e.transcript.append(Spoke(text, attr(verb, "voice"), attr(verb, "language"), e.clock))
            await e.tick(say_seconds(text, e.ctx.words_per_second))
        else:
            url = (e.last_recording or "") if tag == "PlayLastRecording" else (verb.text or "")
            e.transcript.append(Played(url, e.clock))
            await e.tick(e.ctx.audio_seconds.get(url, e.ctx.default_audio_seconds))
        if e.status in ENDED:
            return
    if loop == 0 and not nested:  # 0 = until the call ends (nested: once, then listen)
        e.pending = Pending("loop", verb, e.where, e.doc_url)


async def gather(e: Engine, verb: Element) -> None:
    """``<Gather>``/``<GetSpeech>``: play the nested prompts, then wait for input."""
    for child in verb.children:
        await prompt(e, child, nested=True)
        if e.status in ENDED:
            return
    e.pending = Pending("gather", verb, e.where, e.doc_url, {"digits": ""})
    if e.typeahead:
        keys, e.typeahead = e.typeahead, ""
        await finish_gather(e, keys, None)


async def finish_gather(e: Engine, keys: str, speech: str | None) -> None:
    """Feed keys (or speech) to the waiting Gather; request ``action`` or time out."""
    p = e.pending
    assert p is not None  # noqa: S101 - callers check
    verb = p.verb
    limit = int(str(verb.attrs.get("num_digits") or 0))
    finish = str(attr(verb, "finishOnKey") or "#") if verb.tag == "Gather" else "#"
    digits, done = p.data["digits"], speech is not None
    for i, key in enumerate(keys):
        if key == finish:
            done, e.typeahead = True, keys[i + 1 :]
            break
        digits += key
        if limit and len(digits) >= limit:
            done, e.typeahead = True, keys[i + 1 :]
            break
    if not done:  # the caller stops typing: the Gather times out with what it has
        await e.tick(float(attr(verb, "timeout") or 5))
        if e.status in ENDED:
            return
        if not digits:
            e.pending = None
            e.transcript.append(Gathered("", None, True, e.clock))
            return
    e.pending = None
    e.transcript.append(Gathered(digits, speech, False, e.clock))
    extra = {"Digits": digits}
    if speech is not None:
        extra[e.ctx.names.speech_result] = speech
    e.trigger = (
        f"say {speech!r}" if speech is not None else f"press {keys[: len(keys) - len(e.typeahead)]}"
    )
    action = verb.attrs.get("action") or e.doc_url
    await e.fetch(str(action), str(attr(verb, "method")), "gather", **extra)


def recording_url(e: Engine, verb: Element) -> tuple[str, str]:
    """A new recording's Sid and URL (``https://recordings.sim.invalid/...``)."""
    sid = new_sid("RE")
    fmt = attr(verb, "fileFormat") or "mp3"
    return sid, f"https://recordings.sim.invalid/{e.ctx.account_sid}/{sid}.{fmt}"


async def record(e: Engine, verb: Element) -> None:
    """``<Record>``: in the background from now until hang-up, else wait for the recording."""
    if attr(verb, "background"):
        sid, url = recording_url(e, verb)
        e.last_recording = url
        e.background.append((verb, e.clock, sid, url))
        return
    e.pending = Pending("record", verb, e.where, e.doc_url)


async def finish_record(e: Engine, seconds: float, text: str | None, key: str | None) -> None:
    """End the waiting foreground Record; request ``action`` and the transcription callback."""
    p = e.pending
    assert p is not None  # noqa: S101 - callers check
    verb, e.pending = p.verb, None
    seconds = min(seconds, float(attr(verb, "maxLength")))
    await e.tick(seconds)
    if e.status in ENDED:
        return
    sid, url = recording_url(e, verb)
    e.last_recording = url
    e.transcript.append(Recorded(url, seconds, False, text, e.clock))
    e.trigger = f"record {seconds:g}s"
    extra = {
        "RecordingUrl": url,
        "RecordingDuration": str(round(seconds)),
        e.ctx.names.recording_sid: sid,
    }
    if key:
        extra["Digits"] = key
    action = verb.attrs.get("action") or e.doc_url
    await e.fetch(str(action), str(attr(verb, "method")), "record", **extra)
    await _transcribe(e, verb, sid, url, text)


async def _transcribe(e: Engine, verb: Element, sid: str, url: str, text: str | None) -> None:
    callback = verb.attrs.get("transcribe_callback")
    if not attr(verb, "transcribe") or not callback:
        return
    n = e.ctx.names
    await e.notify(
        str(callback),
        str(attr(verb, "method")),
        "transcription",
        {
            n.transcription_sid: new_sid("TR"),
            n.transcription_status: "completed" if text is not None else "failed",
            n.transcription_text: text or "",
            n.recording_sid: sid,
            "RecordingUrl": url,
        },
    )


async def finish_background(e: Engine) -> None:
    """At hang-up: background recordings stop (or at ``maxLength``)."""
    for verb, start, sid, url in e.background:
        seconds = min(e.clock - start, float(attr(verb, "maxLength")))
        e.transcript.insert(-1, Recorded(url, seconds, True, None, start))
        if verb.attrs.get("action"):
            extra = {"RecordingUrl": url, "RecordingDuration": str(round(seconds))}
            await e.notify(str(verb.attrs["action"]), str(attr(verb, "method")), "record", extra)
        await _transcribe(e, verb, sid, url, None)
    e.background = []


async def message(e: Engine, verb: Element) -> None:
    """``<Sms>``/``<Mms>``: send the message, its status callback, then ``action``."""
    n = e.ctx.names
    media = verb.attrs.get("media_url")
    msg = SentMessage(
        verb.tag.lower(),
        str(verb.attrs.get("to") or e.from_),
        str(verb.attrs.get("from_") or e.to),
        verb.text or "",
        new_sid("SM" if verb.tag == "Sms" else "MM"),
        str(media) if media else None,
        "sent",
        e.clock,
    )
    e.transcript.append(msg)
    e.ctx.messages.append(msg)
    result = {n.sms_sid: msg.sid, n.sms_status: "sent", "Body": msg.body}
    status_cb = verb.attrs.get("status_callback")
    if status_cb:
        method = str(attr(verb, "statusCallbackMethod") or "POST")
        await e.notify(str(status_cb), method, "sms-status", result)
    if verb.attrs.get("action"):
        await e.fetch(str(verb.attrs["action"]), str(attr(verb, "method")), "sms-action", **result)


async def redirect(e: Engine, verb: Element) -> None:
    """``<Redirect>``: fetch the document at its URL."""
    url = e.resolve(verb.text or "")
    e.transcript.append(Redirected(url, e.clock))
    e.url_base = e.doc_url
    await e.fetch(url, str(attr(verb, "method")), "redirect")


async def ping(e: Engine, verb: Element) -> None:
    """``<Ping>``: request its URL and ignore the answer."""
    url = e.resolve(verb.text or "")
    e.transcript.append(Pinged(url, e.clock))
    await e.notify(url, str(attr(verb, "method")), "ping", {})


async def hangup(e: Engine, verb: Element) -> None:
    """``schedule`` > 0: the call goes on with the next elements and ends that many virtual
    seconds from now (the earliest of several schedules wins); else it ends at once."""
    seconds = float(attr(verb, "schedule") or 0)
    if seconds <= 0:
        await e.end("completed", "hangup")
        return
    at = e.clock + seconds
    if e.scheduled_hangup is None or at < e.scheduled_hangup[0]:
        e.scheduled_hangup = (at, e.where)


async def reject(e: Engine, verb: Element) -> None:
    """``<Reject>``: end the call ``busy`` or ``rejected``."""
    reason = str(attr(verb, "reason"))
    await e.end("busy" if reason == "busy" else "rejected", "reject")


async def refer(e: Engine, verb: Element) -> None:
    """``<Refer>``: transfer the call (scripted outcome), then ``action`` if it did not end."""
    target = verb.text or next((c.text or "" for c in verb.children), "")
    outcome = e.ctx.dial_scripts.get(target, e.ctx.default_dial)
    status = {"answered": "completed", "no-answer": "timeout"}.get(outcome.outcome, "failed")
    e.transcript.append(Referred(target, status, e.clock))
    extra = {e.ctx.names.refer_status: status}
    if verb.attrs.get("callback_url"):
        method = str(attr(verb, "callbackMethod"))
        await e.notify(str(verb.attrs["callback_url"]), method, "refer-callback", extra)
    if status == "completed":
        await e.end("completed", "refer")
    elif verb.attrs.get("action"):
        await e.tick(float(str(verb.attrs.get("timeout") or 0)) if status == "timeout" else 0.0)
        if e.status in ENDED:
            return
        await e.fetch(str(verb.attrs["action"]), str(attr(verb, "method")), "refer", **extra)


async def connect(e: Engine, verb: Element) -> None:
    """``<Connect>``: talk to an agent (scripted outcome), then ``action``."""
    agent = next((c.text or "" for c in verb.children), "")
    outcome = e.ctx.dial_scripts.get(agent, e.ctx.default_dial)
    status = "completed" if outcome.outcome == "answered" else "failed"
    seconds = outcome.duration if status == "completed" else 0.0
    await e.tick(seconds)
    e.transcript.append(TalkedToAgent(agent, status, seconds, e.clock))
    if verb.attrs.get("action") and e.status not in ENDED:
        n = e.ctx.names
        extra = {n.agent_sid: agent, n.agent_status: status}
        await e.fetch(str(verb.attrs["action"]), str(attr(verb, "method")), "agent", **extra)


async def answer(e: Engine, verb: Element) -> None:
    """``<Answer>``: answer the call (a transcript step)."""
    e.transcript.append(Answered(e.clock))
