"""The offline call simulator: plays the platform's side of calls and messages against an app.

:class:`Simulator` drives calls (:class:`SimCall`) and messages (:class:`SimMessage`) on a
virtual clock; :func:`explore` walks every branch of an IVR and returns its flow graph;
:func:`replay` sends recorded traffic (:class:`webhooks.Recorder`) to the app again and
returns the answers that changed; :func:`flow_coverage` measures which parts of the flow
simulated calls went through.
"""

from ._conference import Room
from ._coverage import FlowCoverage, flow_coverage
from ._explore import explore
from ._explore_graph import FlowCycle, FlowEdge, FlowGraph, FlowNode, FlowProblem
from ._model import (
    Answered,
    Dialed,
    DialOutcome,
    Gathered,
    HungUp,
    ParameterNames,
    Paused,
    Pinged,
    Played,
    Pressed,
    Recorded,
    Redirected,
    Referred,
    RoomEvent,
    SentDigits,
    SentMessage,
    SimNotification,
    SimRequest,
    SimulationError,
    Spoke,
    Step,
    TalkedToAgent,
)
from ._replay import (
    AnswerChange,
    RecordedCall,
    RecordedRequest,
    assert_replays,
    load_recording,
    replay,
)
from ._simulator import CallPlatform, DialLeg, SimCall, SimMessage, Simulator

__all__ = [
    "AnswerChange",
    "Answered",
    "CallPlatform",
    "DialLeg",
    "DialOutcome",
    "Dialed",
    "FlowCoverage",
    "FlowCycle",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowProblem",
    "Gathered",
    "HungUp",
    "ParameterNames",
    "Paused",
    "Pinged",
    "Played",
    "Pressed",
    "Recorded",
    "RecordedCall",
    "RecordedRequest",
    "Redirected",
    "Referred",
    "Room",
    "RoomEvent",
    "SentDigits",
    "SentMessage",
    "SimCall",
    "SimMessage",
    "SimNotification",
    "SimRequest",
    "SimulationError",
    "Simulator",
    "Spoke",
    "Step",
    "TalkedToAgent",
    "assert_replays",
    "explore",
    "flow_coverage",
    "load_recording",
    "replay",
]
