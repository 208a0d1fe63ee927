"""Testing helpers: the platform's REST API in memory (:class:`FakePlatform`)."""

from ._fake_faults import Fault, FaultInjector
from ._fake_records import CallRecord, Record
from .fake_platform import (
    CallAction,
    CallCreatedHook,
    CallUpdatedHook,
    DroppedConnectionError,
    FakePlatform,
    RequestRecord,
)

__all__ = [
    "CallAction",
    "CallCreatedHook",
    "CallRecord",
    "CallUpdatedHook",
    "DroppedConnectionError",
    "FakePlatform",
    "Fault",
    "FaultInjector",
    "Record",
    "RequestRecord",
]

# --- offline call simulator ------------------------------------------------------------------
from ._sim_model import (
    Answered,
    ConferenceEvent,
    Dialed,
    DialOutcome,
    Gathered,
    HungUp,
    Notification,
    ParameterNames,
    Paused,
    Pinged,
    Played,
    Recorded,
    Redirected,
    Referred,
    SentMessage,
    SimRequest,
    SimulationError,
    Spoke,
    Step,
    TalkedToAgent,
)
from .simulator import SimCall, SimMessage, Simulator

__all__ += [
    "Answered",
    "ConferenceEvent",
    "DialOutcome",
    "Dialed",
    "Gathered",
    "HungUp",
    "Notification",
    "ParameterNames",
    "Paused",
    "Pinged",
    "Played",
    "Recorded",
    "Redirected",
    "Referred",
    "SentMessage",
    "SimCall",
    "SimMessage",
    "SimRequest",
    "SimulationError",
    "Simulator",
    "Spoke",
    "Step",
    "TalkedToAgent",
]
