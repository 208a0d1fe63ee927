"""The verb and noun classes of InboundXML, one per element of the table.

The classes are compiled from :data:`inboundxml.spec.ELEMENTS` when the module is imported;
their typed signatures are in the generated ``verbs.pyi`` beside this file.
"""

from __future__ import annotations

from ._compile import compile_class
from ._element import Element
from .spec import ELEMENTS

CLASSES: dict[str, type[Element]] = {spec.tag: compile_class(spec) for spec in ELEMENTS.values()}
"""Every element class by tag."""

for _cls in CLASSES.values():
    _cls._allowed = frozenset(CLASSES[tag] for tag in _cls.spec.children)

Response = CLASSES["Response"]
Say = CLASSES["Say"]
Play = CLASSES["Play"]
PlayLastRecording = CLASSES["PlayLastRecording"]
Pause = CLASSES["Pause"]
Gather = CLASSES["Gather"]
GetSpeech = CLASSES["GetSpeech"]
Record = CLASSES["Record"]
Dial = CLASSES["Dial"]
Number = CLASSES["Number"]
Sip = CLASSES["Sip"]
User = CLASSES["User"]
Conference = CLASSES["Conference"]
Refer = CLASSES["Refer"]
Connect = CLASSES["Connect"]
Agent = CLASSES["Agent"]
Hangup = CLASSES["Hangup"]
Reject = CLASSES["Reject"]
Redirect = CLASSES["Redirect"]
Ping = CLASSES["Ping"]
Sms = CLASSES["Sms"]
Mms = CLASSES["Mms"]
Answer = CLASSES["Answer"]
