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
"""

from webhooks.app import App
from webhooks.errors import (
    BadRequest,
    ConfigurationError,
    Forbidden,
    MethodNotAllowed,
    PayloadTooLarge,
    RegistrationClosed,
    SessionError,
    Unauthorized,
    UnsupportedMediaType,
    WebhookError,
)
from webhooks.events import (
    AgentEvent,
    CallDirection,
    CallEvent,
    CallStatus,
    ClientProtocol,
    ConferenceEvent,
    ConferenceStatus,
    DialEvent,
    Event,
    FallbackEvent,
    GatherEvent,
    GetSpeechEvent,
    HeartbeatEvent,
    MessageDirection,
    MessageStatus,
    MmsEvent,
    PingEvent,
    RecordEvent,
    RecordingEvent,
    ReferEvent,
    SmsActionEvent,
    SmsEvent,
    SmsStatusEvent,
    StatusEvent,
    TranscriptionEvent,
    TranscriptionStatus,
    VoiceEvent,
)
from webhooks.recording import Recorder
from webhooks.routing import Route, Router
from webhooks.security import Secret
from webhooks.sessions import MemoryStore, RedisStore, Session, SessionStore

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
