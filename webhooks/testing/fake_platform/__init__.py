"""The platform's REST API in memory: :class:`FakePlatform`, its records and fault injection."""

from ._faults import DroppedConnectionError, Fault, FaultInjector
from ._hooks import CallAction, CallCreatedHook, CallUpdatedHook
from ._platform import FakePlatform, RequestRecord
from ._records import CallRecord, FakeRecord

__all__ = [
    "CallAction",
    "CallCreatedHook",
    "CallRecord",
    "CallUpdatedHook",
    "DroppedConnectionError",
    "FakePlatform",
    "FakeRecord",
    "Fault",
    "FaultInjector",
    "RequestRecord",
]
