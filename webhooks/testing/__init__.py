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
