"""Replay recorded webhook traffic against the current app and find every answer that changed.

::

    from webhooks.testing import load_recording, replay

    changes = replay(app, "calls.jsonl")        # every call of the file
    assert not changes, "\\n".join(c.report() for c in changes)

A recording is what :class:`webhooks.Recorder` wrote. Each call's requests are sent again, in
order and with the recorded parameters (the call keeps its CallSid; its session in the app is
emptied first), through the simulator's in-process transport; the answer's status and document
are compared with the recorded ones. Documents are compared in canonical form, so a change of
attribute order or quoting is no change. Redacted secrets are filled in from the app's own
settings (its URL token, ``account_sid`` and basic-auth credentials).
"""

from __future__ import annotations

import base64
import difflib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from lxml import etree

from inboundxml import InboundXMLError, parse
from webhooks.recording import REDACTED
from webhooks.sessions import SessionStore

from ._model import SimulationError
from ._transport import ASGITransport, Runner

__all__ = [
    "AnswerChange",
    "RecordedCall",
    "RecordedRequest",
    "assert_replays",
    "load_recording",
    "replay",
    "replay_main",
]

_ORIGIN = "http://replay.invalid"


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One recorded webhook request and the answer the app gave then.

    Attributes:
        method: ``GET`` or ``POST``.
        path: The path requested (the URL token, if any, redacted).
        params: The parameters sent (query and form merged).
        status: The HTTP status of the recorded answer.
        body: The recorded answer.
        content_type: Its content type.
        kind: The route kind that served it (``voice``, ``gather``...).
        line: Where it is in the recording (``calls.jsonl:12``).
    """

    method: str
    path: str
    params: dict[str, str]
    status: int
    body: str
    content_type: str = ""
    kind: str = ""
    line: str = ""

    def describe(self) -> str:
        """``POST /menu (Digits=1)``: the request in one line."""
        shown = ("Digits", "SpeechResult", "CallStatus", "DialCallStatus", "RecordingUrl")
        what = ", ".join(
            f"{k}={self.params[k]}"
            for k in shown
            if k in self.params and not (k == "CallStatus" and self.params[k] == "in-progress")
        )
        return f"{self.method} {self.path}" + (f" ({what})" if what else "")


@dataclass(frozen=True, slots=True)
class RecordedCall:
    """The recorded requests of one call (or message), in the order they were made.

    Attributes:
        call_sid: The CallSid (or SmsSid) that links them.
        requests: The requests.
    """

    call_sid: str
    requests: tuple[RecordedRequest, ...]

    def __str__(self) -> str:
        return f"{self.call_sid} ({len(self.requests)} requests)"


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """A request whose answer is not the recorded one.

    Attributes:
        call_sid: The call.
        index: The request's position in the call (0: the first).
        request: The recorded request.
        status: The status the app answers now.
        body: The answer now.
        diff: The unified diff of the recorded and the current document (canonical form).
        app_error: What the app's handler raised now, if it failed.
    """

    call_sid: str
    index: int
    request: RecordedRequest
    status: int
    body: str
    diff: str
    app_error: BaseException | None = field(default=None, compare=False)

    def report(self) -> str:
        """The change as text: the request, the statuses, the handler's failure and the diff."""
        head = f"{self.call_sid} #{self.index + 1} {self.request.describe()}"
        if self.request.line:
            head += f" [{self.request.line}]"
        lines = [head]
        if self.status != self.request.status:
            lines.append(f"  status {self.request.status} -> {self.status}")
        if self.app_error is not None:
            lines.append(f"  the handler failed: {type(self.app_error).__name__}: {self.app_error}")
        lines += [f"  {line}" for line in self.diff.splitlines()]
        return "\n".join(lines)


def load_recording(*paths: str | os.PathLike[str]) -> list[RecordedCall]:
    """Read recordings (``calls.jsonl``, and rotated ``calls.jsonl.1``... if given) into calls.

    Requests are grouped by ``call_sid`` and ordered by time; calls come in the order of their
    first request. Requests without a CallSid each form a call of their own.

    Raises:
        SimulationError: On a line that is not a recorded request (naming file and line).
    """
    found: list[tuple[float, str, RecordedRequest]] = []
    for path in paths:
        name = Path(path).name
        for number, text in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
                request = RecordedRequest(
                    method=str(data["method"]),
                    path=str(data["path"]),
                    params={str(k): str(v) for k, v in dict(data["params"]).items()},
                    status=int(data["status"]),
                    body=str(data.get("body") or ""),
                    content_type=str(data.get("content_type") or ""),
                    kind=str(data.get("kind") or ""),
                    line=f"{name}:{number}",
                )
                sid = str(data.get("call_sid") or f"{name}:{number}")
                found.append((float(data.get("at") or 0), sid, request))
            except (ValueError, KeyError, TypeError) as exc:
                raise SimulationError(f"{name}:{number}: not a recorded request ({exc})") from None
    found.sort(key=lambda item: item[0])
    calls: dict[str, list[RecordedRequest]] = {}
    for _, sid, request in found:
        calls.setdefault(sid, []).append(request)
    return [RecordedCall(sid, tuple(requests)) for sid, requests in calls.items()]


def replay(
    app: Any, recording: str | os.PathLike[str] | RecordedCall | Iterable[RecordedCall]
) -> list[AnswerChange]:
    """Send every recorded request to ``app`` again; return the answers that changed.

    Args:
        app: The ASGI app (a ``webhooks.App``: its URL token, ``account_sid`` and basic-auth
            credentials replace the redacted ones).
        recording: A recording file, one :class:`RecordedCall`, or several.

    Returns:
        One :class:`AnswerChange` per request whose status or document differs, in order.
    """
    if isinstance(recording, str | os.PathLike):
        calls = load_recording(recording)
    elif isinstance(recording, RecordedCall):
        calls = [recording]
    else:
        calls = list(recording)
    return Runner().run(_replay(app, calls))


def assert_replays(
    app: Any, recording: str | os.PathLike[str] | RecordedCall | Iterable[RecordedCall]
) -> None:
    """Fail the test if any recorded answer changed; the message holds every change's diff.

    Made for one test per recorded call::

        @pytest.mark.parametrize("call", load_recording("tests/calls.jsonl"), ids=str)
        def test_recorded_call(call: RecordedCall) -> None:
            assert_replays(app, call)

    Raises:
        AssertionError: Listing each changed answer (:meth:`AnswerChange.report`).
    """
    changes = replay(app, recording)
    if changes:
        listed = "\n".join(change.report() for change in changes)
        raise AssertionError(f"{len(changes)} recorded answers changed:\n{listed}")


def replay_main(app: Any, paths: Iterable[str | os.PathLike[str]], out: TextIO) -> int:
    """Replay recordings and print every change (``python -m webhooks replay``).

    Returns:
        0 if every answer is the recorded one, 1 otherwise.
    """
    calls = load_recording(*paths)
    changes = replay(app, calls)
    for change in changes:
        print(change.report(), file=out)
    requests = sum(len(call.requests) for call in calls)
    changed_calls = len({change.call_sid for change in changes})
    print(
        f"# {len(calls)} calls, {requests} requests replayed: {len(changes)} answers changed "
        f"in {changed_calls} calls",
        file=out,
    )
    return 1 if changes else 0


async def _replay(app: Any, calls: list[RecordedCall]) -> list[AnswerChange]:
    security = getattr(app, "security", None)
    transport = ASGITransport(app, _ORIGIN, headers=_auth_headers(security))
    store = getattr(app, "sessions", None)
    secret = getattr(security, "token", None)
    token = secret.reveal() if secret is not None else None
    changes: list[AnswerChange] = []
    try:
        for call in calls:
            if isinstance(store, SessionStore):
                await store.delete(call.call_sid)
            for index, req in enumerate(call.requests):
                url, params = _request(req, security)
                reply = await transport.request(req.method, url, params)
                body = reply.body.decode("utf-8", "replace")
                if token is not None:  # recorded answers have it redacted
                    body = body.replace(token, REDACTED)
                before, now = _canonical(req.body), _canonical(body)
                if reply.status != req.status or before != now:
                    diff = "\n".join(
                        difflib.unified_diff(before, now, "recorded", "now", lineterm="")
                    )
                    error = reply.app_errors[0] if reply.app_errors else None
                    changes.append(
                        AnswerChange(call.call_sid, index, req, reply.status, body, diff, error)
                    )
    finally:
        await transport.aclose()
    return changes


_ANY_ACCOUNT_SID = "AC" + "0" * 32


def _request(req: RecordedRequest, security: Any) -> tuple[str, dict[str, str]]:
    """The URL and parameters to send: redacted secrets filled in from the app's settings."""
    params = dict(req.params)
    path = req.path
    token = getattr(security, "token", None)
    query = ""
    if token is not None:
        secret = token.reveal()
        path = "/".join(secret if part == REDACTED else part for part in path.split("/"))
        name = str(getattr(security, "token_param", "token"))
        if not getattr(security, "in_path", True):
            params.pop(name, None)
            _, query = security.url_token()
        params = {k: v.replace(REDACTED, secret) if v != REDACTED else v for k, v in params.items()}
    if params.get("AccountSid") == REDACTED:
        # The app's own AccountSid where it checks one; else any SID of the platform's shape.
        account = getattr(security, "account_sid", None)
        params["AccountSid"] = str(account) if account else _ANY_ACCOUNT_SID
    return _ORIGIN + path + query, params


def _auth_headers(security: Any) -> list[tuple[bytes, bytes]]:
    credentials = getattr(security, "basic_auth", None)
    if not credentials:
        return []
    user, password = credentials
    secret = password.reveal() if hasattr(password, "reveal") else str(password)
    token = base64.b64encode(f"{user}:{secret}".encode()).decode()
    return [(b"authorization", f"Basic {token}".encode())]


def _canonical(body: str) -> list[str]:
    """A document in canonical form, one element per line (other bodies as they are)."""
    if not body.strip():
        return []
    try:
        text = parse(body).to_xml()
        tree = etree.fromstring(text.encode())
        pretty: bytes = etree.tostring(tree, pretty_print=True)
        return pretty.decode().splitlines()
    except (InboundXMLError, etree.XMLSyntaxError, ValueError):
        return body.splitlines()
