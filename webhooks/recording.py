"""Record the webhook traffic of an app to a JSON Lines file, to replay it as regression tests.

::

    from webhooks import App, Recorder

    app = App(recorder=Recorder("calls.jsonl"))

Every webhook request (path, method, parameters) and the app's answer (status, body) becomes one
line of ``calls.jsonl``; the requests of one call share its ``call_sid``. Replay them against
the current app with ``python -m webhooks replay MODULE:app calls.jsonl`` (or
:func:`webhooks.testing.replay` in a test): every answer that changed is reported.

Secrets never reach the file: the app's URL token (in the path, the query or the URLs of the
answer), the
``Authorization`` and ``Cookie`` headers and the parameters named in ``redact`` are written as
``[redacted]``; so is ``AccountSid`` unless ``keep_account_sid=True``. The file is rotated at
``max_bytes`` (``calls.jsonl.1``, ``.2``... up to ``backups``). Recording never blocks the event
loop: the request path only puts the raw request on a queue; a background thread decodes,
redacts, encodes and writes. Should the writer fall behind by ``max_pending`` requests, further
ones are counted in :attr:`Recorder.dropped` rather than queued.

Each line holds: ``v`` (format version, 1), ``at`` (Unix time), ``call_sid``, ``route`` (the
route's path), ``kind`` (``voice``, ``gather``...), ``method``, ``path`` (as requested, token
redacted), ``params`` (query and form body merged, the body winning), ``headers``,
``status``, ``content_type`` and ``body`` (the answer as text).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl

from starlette.types import Message, Receive, Scope, Send

__all__ = ["FORMAT_VERSION", "REDACTED", "Recorder"]

FORMAT_VERSION: Final = 1
"""The ``v`` of every line this module writes."""

REDACTED: Final = "[redacted]"
"""What a secret is written as."""

DEFAULT_REDACT: Final = ("AuthToken", "Password", "Pin")
"""Parameters written as ``[redacted]`` by default."""

_SECRET_HEADERS = frozenset({b"authorization", b"cookie", b"proxy-authorization"})
_KEPT_HEADERS = frozenset(
    {b"content-type", b"user-agent", b"x-forwarded-proto", b"x-forwarded-host"}
)

logger = logging.getLogger("webhooks.recording")


class _Secrets:
    """What the app itself holds secret: its URL token and where it goes."""

    __slots__ = ("param", "token")

    def __init__(self, security: Any) -> None:
        token = getattr(security, "token", None)
        self.token: str | None = token.reveal() if token is not None else None
        self.param: str = str(getattr(security, "token_param", "token"))


@dataclass(frozen=True, slots=True)
class _Raw:
    """One exchange as the request path saw it: nothing decoded yet."""

    at: float
    route: str
    kind: str
    method: str
    path: str
    query: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes
    status: int
    content_type: str
    answer: bytes
    secrets: _Secrets


class Recorder:
    """Appends every webhook request of an app and its answer to a JSON Lines file.

    Args:
        path: The file (created with its folder if missing; appended to).
        max_bytes: Size at which the file is rotated (default 10 MiB).
        backups: How many rotated files are kept (``path.1`` is the newest).
        redact: Parameter names written as ``[redacted]`` (the app's URL token parameter is
            always redacted).
        keep_account_sid: Write ``AccountSid`` as sent (default: redacted).
        max_pending: Requests the writer may fall behind by before new ones are dropped.

    Raises:
        ValueError: If ``max_bytes`` or ``max_pending`` is not positive, or ``backups`` is
            negative.

    Example:
        >>> app = App(recorder=Recorder("calls.jsonl", max_bytes=50_000_000))
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        max_bytes: int = 10 * 1024 * 1024,
        backups: int = 3,
        redact: Iterable[str] = DEFAULT_REDACT,
        keep_account_sid: bool = False,
        max_pending: int = 10_000,
    ) -> None:
        if max_bytes <= 0 or max_pending <= 0 or backups < 0:
            raise ValueError("max_bytes and max_pending must be positive, backups at least 0")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.backups = backups
        self.redact = frozenset(redact)
        self.keep_account_sid = keep_account_sid
        self.max_pending = max_pending
        self.dropped = 0
        """Requests not recorded because the writer had fallen behind."""
        self._queue: queue.SimpleQueue[_Raw | threading.Event | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._secrets: _Secrets | None = None

    def __repr__(self) -> str:
        return f"Recorder({str(self.path)!r}, max_bytes={self.max_bytes}, backups={self.backups})"

    # -- the request path (event loop): only queue ----------------------------------------------

    def watch(
        self, route: Any, scope: Scope, receive: Receive, send: Send, security: Any
    ) -> tuple[Receive, Send]:
        """Wrap one request's channels so that its body and the answer are recorded.

        The app calls this for each webhook request; the wrappers copy bytes and, when the
        answer is complete, queue the exchange for the writer thread.

        Args:
            route: The matched route (its ``path`` and ``kind``).
            scope: The request's ASGI scope.
            receive: The request's receive channel.
            send: The request's send channel.
            security: The app's security settings (its URL token is redacted).

        Returns:
            The ``(receive, send)`` to use instead.
        """
        if self._secrets is None:
            self._secrets = _Secrets(security)
        secrets = self._secrets
        body = bytearray()
        answer = bytearray()
        status = 0
        content_type = ""

        async def recording_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body.extend(message.get("body", b""))
            return message

        async def recording_send(message: Message) -> None:
            nonlocal status, content_type
            if message["type"] == "http.response.start":
                status = message["status"]
                for key, value in message.get("headers", ()):
                    if key.lower() == b"content-type":
                        content_type = value.decode("latin-1")
            elif message["type"] == "http.response.body":
                answer.extend(message.get("body", b""))
                if not message.get("more_body"):
                    self._put(
                        _Raw(
                            time.time(),
                            route.path,
                            route.kind.name,
                            scope["method"],
                            scope["path"],
                            scope.get("query_string", b""),
                            list(scope.get("headers", ())),
                            bytes(body),
                            status,
                            content_type,
                            bytes(answer),
                            secrets,
                        )
                    )
            await send(message)

        return recording_receive, recording_send

    def _put(self, raw: _Raw) -> None:
        if self._queue.qsize() >= self.max_pending:
            self.dropped += 1
            return
        if self._thread is None:
            with self._lock:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._write_all, name="webhooks-recorder", daemon=True
                    )
                    self._thread.start()
                    atexit.register(self.close)  # what is queued reaches the file at exit
        self._queue.put(raw)

    # -- the writer thread ------------------------------------------------------------------------

    def _write_all(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            raw = self._queue.get()
            if raw is None:
                return
            if isinstance(raw, threading.Event):  # flush(): everything before it is written
                raw.set()
                continue
            try:
                self._write(encode(raw, self.redact, self.keep_account_sid))
            except Exception:  # a record that cannot be written must not stop the others
                logger.exception("could not record a webhook request to %s", self.path)

    def _write(self, line: bytes) -> None:
        size = self.path.stat().st_size if self.path.exists() else 0
        if size and size + len(line) > self.max_bytes:
            self._rotate()
        with self.path.open("ab") as file:
            file.write(line)

    def _rotate(self) -> None:
        if self.backups == 0:
            self.path.unlink()
            return
        for n in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{n + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))

    def flush(self) -> None:
        """Wait until every request recorded so far is in the file."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            done = threading.Event()
            self._queue.put(done)
            done.wait()

    def close(self) -> None:
        """Write what is queued and stop the writer thread (a later request starts it again)."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def encode(raw: _Raw, redact: frozenset[str], keep_account_sid: bool) -> bytes:
    """One exchange as a redacted JSON line (done by the writer thread)."""
    secrets = raw.secrets
    params = dict(parse_qsl(raw.query.decode("latin-1"), keep_blank_values=True))
    content_type = next((v for k, v in raw.headers if k == b"content-type"), b"")
    if raw.body and content_type.split(b";")[0].strip() == b"application/x-www-form-urlencoded":
        params.update(parse_qsl(raw.body.decode("utf-8", "replace"), keep_blank_values=True))
    elif raw.body and content_type.split(b";")[0].strip() == b"application/json":
        try:
            decoded = json.loads(raw.body)
        except ValueError:
            decoded = None
        if isinstance(decoded, dict):
            params.update({str(k): str(v) for k, v in decoded.items()})
    hidden = redact | {secrets.param} if secrets.token is not None else redact
    for name, value in params.items():
        if name in hidden or (name == "AccountSid" and not keep_account_sid):
            params[name] = REDACTED
        elif secrets.token is not None and secrets.token in value:  # UrlBase and the like
            params[name] = value.replace(secrets.token, REDACTED)
    path = raw.path
    answer = raw.answer.decode("utf-8", "replace")
    if secrets.token is not None:
        path = "/".join(REDACTED if part == secrets.token else part for part in path.split("/"))
        answer = answer.replace(secrets.token, REDACTED)  # the URLs of the app's documents
    headers = {
        k.decode("latin-1"): REDACTED if k in _SECRET_HEADERS else v.decode("latin-1")
        for k, v in raw.headers
        if k in _KEPT_HEADERS or k in _SECRET_HEADERS
    }
    record = {
        "v": FORMAT_VERSION,
        "at": round(raw.at, 3),
        "call_sid": params.get("CallSid") or params.get("SmsSid") or params.get("MessageSid"),
        "route": raw.route,
        "kind": raw.kind,
        "method": raw.method,
        "path": path,
        "params": params,
        "headers": headers,
        "status": raw.status,
        "content_type": raw.content_type,
        "body": answer,
    }
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"
