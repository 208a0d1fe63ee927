"""Webhooks for the Avaya Communications APIs: typed events in, InboundXML out.

::

    from inboundxml import Gather, Response, Say
    from webhooks import App, GatherEvent, VoiceEvent

    app = App()

    @app.voice("/voice")
    async def incoming(call: VoiceEvent) -> Response:
        return Response(Gather(Say("Press 1 for sales"), action=menu, num_digits=1))

    @app.gather("/menu")
    def menu(event: GatherEvent) -> Response: ...

Serve it with ``python -m webhooks serve module:app``. The REST client lives in
:mod:`webhooks.rest` and the offline simulator in :mod:`webhooks.testing`; neither is imported
here.

The names below are imported on first use (:data:`_LAZY` says from where), so that importing a
subpackage such as :mod:`webhooks.rest` does not load the ASGI stack (starlette) or the event
models through this package. Their types are declared in ``__init__.pyi``; a test keeps the two
files and ``__all__`` in step: a name added here goes in ``__all__``, ``_LAZY`` and the stub.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = [
    "AgentEvent",
    "App",
    "BadRequest",
    "CallDirection",
    "CallEvent",
    "CallStatus",
    "ClientProtocol",
    "ConferenceEvent",
    "ConferenceStatus",
    "ConfigurationError",
    "DialEvent",
    "Event",
    "FallbackEvent",
    "Forbidden",
    "GatherEvent",
    "GetSpeechEvent",
    "HeartbeatEvent",
    "MemoryStore",
    "MessageDirection",
    "MessageStatus",
    "MethodNotAllowed",
    "MmsEvent",
    "PayloadTooLarge",
    "PingEvent",
    "RecordEvent",
    "Recorder",
    "RecordingEvent",
    "RedisStore",
    "ReferEvent",
    "RegistrationClosed",
    "Route",
    "Router",
    "Secret",
    "Session",
    "SessionError",
    "SessionStore",
    "SmsActionEvent",
    "SmsEvent",
    "SmsStatusEvent",
    "StatusEvent",
    "TranscriptionEvent",
    "TranscriptionStatus",
    "Unauthorized",
    "UnsupportedMediaType",
    "VoiceEvent",
    "WebhookError",
]

_LAZY: dict[str, str] = {
    "AgentEvent": "webhooks.events",
    "App": "webhooks.app",
    "BadRequest": "webhooks.errors",
    "CallDirection": "webhooks.events",
    "CallEvent": "webhooks.events",
    "CallStatus": "webhooks.events",
    "ClientProtocol": "webhooks.events",
    "ConferenceEvent": "webhooks.events",
    "ConferenceStatus": "webhooks.events",
    "ConfigurationError": "webhooks.errors",
    "DialEvent": "webhooks.events",
    "Event": "webhooks.events",
    "FallbackEvent": "webhooks.events",
    "Forbidden": "webhooks.errors",
    "GatherEvent": "webhooks.events",
    "GetSpeechEvent": "webhooks.events",
    "HeartbeatEvent": "webhooks.events",
    "MemoryStore": "webhooks.sessions",
    "MessageDirection": "webhooks.events",
    "MessageStatus": "webhooks.events",
    "MethodNotAllowed": "webhooks.errors",
    "MmsEvent": "webhooks.events",
    "PayloadTooLarge": "webhooks.errors",
    "PingEvent": "webhooks.events",
    "RecordEvent": "webhooks.events",
    "Recorder": "webhooks.recording",
    "RecordingEvent": "webhooks.events",
    "RedisStore": "webhooks.sessions",
    "ReferEvent": "webhooks.events",
    "RegistrationClosed": "webhooks.errors",
    "Route": "webhooks.routing",
    "Router": "webhooks.routing",
    "Secret": "webhooks.security",
    "Session": "webhooks.sessions",
    "SessionError": "webhooks.errors",
    "SessionStore": "webhooks.sessions",
    "SmsActionEvent": "webhooks.events",
    "SmsEvent": "webhooks.events",
    "SmsStatusEvent": "webhooks.events",
    "StatusEvent": "webhooks.events",
    "TranscriptionEvent": "webhooks.events",
    "TranscriptionStatus": "webhooks.events",
    "Unauthorized": "webhooks.errors",
    "UnsupportedMediaType": "webhooks.errors",
    "VoiceEvent": "webhooks.events",
    "WebhookError": "webhooks.errors",
}
"""Public name -> the module that defines it."""


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use, then keep it in the package."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'webhooks' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, the loaded submodules and the private names (no helper imports)."""
    names = {name for name, value in globals().items() if name.startswith("_") or _is_module(value)}
    return sorted(names | set(_LAZY))


def _is_module(value: object) -> bool:
    return isinstance(value, ModuleType)
