"""The InboundXML element table: the single source of truth of the markup.

Every element, attribute, value type, allowed value, range, documented default, nesting rule
and platform error code lives here, once. The verb classes (:mod:`inboundxml.verbs`), the
validation, the renderer, the parser, ``schema/inboundxml.xsd``, the typing stub and the
reference documentation are all derived from :data:`ELEMENTS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "ELEMENTS",
    "GATHER_LANGUAGES",
    "ROOT",
    "Attr",
    "ElementSpec",
    "Kind",
    "TextKind",
    "python_name",
]

ROOT = "Response"


class Kind(StrEnum):
    """The value types of attributes."""

    URL = "url"
    """A URL (absolute or relative); a webhook handler is accepted in Python and resolved."""
    METHOD = "method"
    """An HTTP method: ``GET`` or ``POST`` (lower case accepted)."""
    BOOL = "bool"
    """A flag: ``true``/``false`` (``True``, ``TRUE``, ``1``, ``0``... accepted)."""
    INT = "int"
    """An integer within ``minimum``..``maximum``."""
    ENUM = "enum"
    """One of a closed list of values (``values``; ``aliases`` accepted on input)."""
    STRING = "string"
    """Free text."""
    KEY = "key"
    """One keypad key: ``0``-``9``, ``#`` or ``*``."""
    DIGITS = "digits"
    """Keys to send: ``0``-``9``, ``#``, ``*`` and ``w`` (a half-second wait)."""
    PATTERNS = "patterns"
    """Comma-separated digit patterns of ``0``-``9``, ``#`` and ``*``."""
    BOOL_OR_INT = "bool_or_int"
    """A flag or a positive integer."""


class TextKind(StrEnum):
    """What the text content of an element means."""

    NONE = "none"
    SPEECH = "speech"
    """Words to speak or send, kept exactly as given."""
    URL = "url"
    """A URL (surrounding whitespace dropped)."""
    PHONE = "phone"
    """A phone number (surrounding whitespace dropped)."""
    TARGET = "target"
    """A phone number or a ``sip:`` URI (surrounding whitespace dropped)."""
    NAME = "name"
    """A name or identifier (surrounding whitespace dropped)."""


_ALIASES = MappingProxyType({"from": "from_"})


def python_name(xml_name: str) -> str:
    """The keyword of an XML attribute: snake_case, with ``from`` spelt ``from_``."""
    if xml_name in _ALIASES:
        return _ALIASES[xml_name]
    return re.sub(r"(?<!^)(?=[A-Z])", "_", xml_name).lower()


@dataclass(frozen=True, slots=True)
class Attr:
    """One attribute of an element.

    Attributes:
        xml: The attribute's name in the markup (``numDigits``).
        kind: Its value type.
        doc: What it does (one sentence, shown in docstrings and the reference).
        code: The platform's error code for a bad value (12200 when none is dedicated).
        default: The documented default the platform applies when absent (text, for docs).
        values: For enums, the canonical values; for integers, the only values allowed.
        aliases: Other accepted spellings, mapped to a canonical value.
        fold_case: Whether an enum accepts any letter case.
        minimum: Smallest allowed integer.
        maximum: Largest allowed integer.
        required: Whether the attribute must be present.
        emit: A value written when the attribute is not given (so output is explicit).
        nested_codes: Error codes that replace ``code`` when the element sits in a parent.
        secret: Whether the value is hidden in ``repr`` (passwords).
    """

    xml: str
    kind: Kind
    doc: str
    code: int = 12200
    default: str | None = None
    values: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    fold_case: bool = False
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    emit: str | None = None
    nested_codes: Mapping[str, int] = field(default_factory=dict)
    secret: bool = False

    py: str = field(init=False)
    """The Python keyword of the attribute (derived from ``xml``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "py", python_name(self.xml))

    def code_in(self, parent: str | None) -> int:
        """The error code for a bad value when the element sits in ``parent``."""
        if parent is not None:
            return self.nested_codes.get(parent, self.code)
        return self.code


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """One element of InboundXML.

    Attributes:
        tag: The element name (``Gather``).
        doc: What it does.
        attrs: Its attributes, in output order.
        children: Tags of the elements it may contain.
        child_code: Error code for a child that is not allowed.
        text: What its text means (``TextKind.NONE`` for none).
        text_required: Whether text must be given.
        text_code: Error code for missing or bad text.
        text_max: Maximum text length in characters.
        format_code: Error code for text in the wrong format (phone numbers, URLs).
        content_required: Whether the element needs text or at least one child.
        content_code: Error code when it has neither.
        max_children: Most children allowed.
        then: What the platform does after the element (execution semantics).
        example: A Python expression building the element.
    """

    tag: str
    doc: str
    attrs: tuple[Attr, ...] = ()
    children: tuple[str, ...] = ()
    child_code: int = 12200
    text: TextKind = TextKind.NONE
    text_required: bool = False
    text_code: int = 12200
    text_max: int | None = None
    format_code: int | None = None
    content_required: bool = False
    content_code: int = 12200
    max_children: int | None = None
    then: str = ""
    example: str = ""

    def attr(self, xml: str) -> Attr | None:
        """The attribute named ``xml`` (markup name), or ``None``."""
        for a in self.attrs:
            if a.xml == xml:
                return a
        return None


def _method(xml: str, doc: str, code: int = 12200) -> Attr:
    return Attr(xml, Kind.METHOD, doc, code=code, default="POST")


def _url(xml: str, doc: str, code: int = 11100, default: str | None = None) -> Attr:
    return Attr(xml, Kind.URL, doc, code=code, default=default)


def _flag(xml: str, doc: str, code: int = 12200, default: str | None = "false") -> Attr:
    return Attr(xml, Kind.BOOL, doc, code=code, default=default)


def _cased(*values: str) -> dict[str, str]:
    """Accept ``value``, ``Value`` and ``VALUE`` for every value (the vendor's spellings)."""
    out: dict[str, str] = {}
    for v in values:
        out[v.capitalize()] = v
        out[v.upper()] = v
    return out


_DIRECTION: dict[str, object] = {
    "values": ("in", "out", "both", "inlow"),
    # An empty direction is the vendor's spelling of the default (both legs).
    "aliases": {**_cased("in", "out", "both"), "": "both"},
}

GATHER_LANGUAGES: tuple[str, ...] = tuple(
    """
    af-ZA am-ET hy-AM az-AZ id-ID ms-MY bn-BD bn-IN ca-ES cs-CZ da-DK de-DE en-AU en-CA en-GH
    en-GB en-IN en-IE en-KE en-NZ en-NG en-PH en-ZA en-TZ en-US es-AR es-BO es-CL es-CO es-CR
    es-EC es-SV es-ES es-US es-GT es-HN es-MX es-NI es-PA es-PY es-PE es-PR es-DO es-UY es-VE
    eu-ES il-PH fr-CA fr-FR gl-ES ka-GE gu-IN hr-HR zu-ZA is-IS it-IT jv-ID kn-IN km-KH lo-LA
    lv-LV lt-LT hu-HU ml-IN mr-IN nl-NL ne-NP nb-NO pl-PL pt-BR pt-PT ro-RO si-LK sk-SK sl-SI
    su-ID sw-TZ sw-KE fi-FI sv-SE ta-IN ta-SG ta-LK ta-MY te-IN vi-VN tr-TR ur-PK ur-IN el-GR
    bg-BG ru-RU sr-RS uk-UA he-IL ar-IL ar-JO ar-AE ar-BH ar-DZ ar-SA ar-IQ ar-KW ar-MA ar-TN
    ar-OM ar-PS ar-QA ar-LB ar-EG fa-IR hi-IN th-TH ko-KR cmn-Hant-TW yue-Hant-HK ja-JP
    cmn-Hans-HK cmn-Hans-CN
    """.split()  # noqa: SIM905  (a table of tags reads better as words)
)
"""Speech-recognition languages accepted by ``Gather@language`` (BCP-47 tags)."""

_PROMPTS = ("Say", "Play", "PlayLastRecording", "Pause")
_PROMPT_PARENTS = "Response, Gather or GetSpeech"

_ELEMENTS: tuple[ElementSpec, ...] = (
    ElementSpec(
        "Response",
        "The root of every document: the platform runs its children top to bottom.",
        attrs=(
            _url("statusCallback", "URL told when the call connects and when it ends."),
            _method("statusMethod", "HTTP method for `statusCallback`."),
            _url("heartbeatCallback", "URL requested every 60 s while the call lasts."),
            _method("heartbeatMethod", "HTTP method for `heartbeatCallback`."),
        ),
        children=(
            "Say",
            "Play",
            "PlayLastRecording",
            "Pause",
            "Gather",
            "GetSpeech",
            "Record",
            "Dial",
            "Refer",
            "Connect",
            "Hangup",
            "Reject",
            "Redirect",
            "Ping",
            "Sms",
            "Mms",
            "Answer",
        ),
        then="The call ends after the last child.",
        example='Response(Say("Hello"), Hangup())',
    ),
    ElementSpec(
        "Say",
        f"Speaks its text with text-to-speech. Parents: {_PROMPT_PARENTS}.",
        attrs=(
            Attr(
                "voice",
                Kind.ENUM,
                "Voice of the speech.",
                code=13511,
                default="female",
                values=("female", "male"),
                aliases={"woman": "female", "man": "male"},
                nested_codes={"Gather": 13321},
            ),
            Attr(
                "language",
                Kind.ENUM,
                "Language of the speech.",
                default="en",
                values=("en", "en-gb", "es", "fr", "it", "de"),
                # The BCP-47 tags developers type, read as the platform's six languages.
                aliases={
                    "en-US": "en",
                    "en-GB": "en-gb",
                    "es-ES": "es",
                    "fr-FR": "fr",
                    "it-IT": "it",
                    "de-DE": "de",
                },
            ),
            Attr(
                "loop",
                Kind.INT,
                "How many times to speak; 0 repeats until the call ends.",
                code=13510,
                default="1",
                minimum=0,
                maximum=2**31 - 1,
                nested_codes={"Gather": 13322},
            ),
        ),
        text=TextKind.SPEECH,
        text_required=True,
        text_code=13520,
        text_max=4096,
        then="Blocks while speaking, then the next element runs.",
        example='Say("Welcome to Example Corp", voice="female", language="en")',
    ),
    ElementSpec(
        "Play",
        f"Plays the audio file at the URL given as text. Parents: {_PROMPT_PARENTS}.",
        attrs=(
            Attr(
                "loop",
                Kind.INT,
                "How many times to play; 0 repeats until the call ends.",
                code=13410,
                default="1",
                minimum=0,
                maximum=2**31 - 1,
            ),
            _method("method", "HTTP method used to fetch the audio."),
        ),
        text=TextKind.URL,
        text_required=True,
        text_code=13421,
        format_code=11100,
        then="Blocks while playing, then the next element runs.",
        example='Play("https://example.com/hold.mp3", loop=2)',
    ),
    ElementSpec(
        "PlayLastRecording",
        f"Plays back the last recording made on this call. Parents: {_PROMPT_PARENTS}.",
        then="Blocks while playing, then the next element runs.",
        example="PlayLastRecording()",
    ),
    ElementSpec(
        "Pause",
        f"Silence for `length` seconds. Parents: {_PROMPT_PARENTS}.",
        attrs=(
            Attr(
                "length",
                Kind.INT,
                "Seconds of silence.",
                code=13910,
                default="1",
                minimum=1,
                maximum=99998,
            ),
        ),
        then="Blocks for `length` seconds, then the next element runs.",
        example="Pause(length=2)",
    ),
    ElementSpec(
        "Gather",
        "Collects keypad digits (or speech) while its prompts play, then requests `action`.",
        attrs=(
            _url(
                "action",
                "URL requested with `Digits` once input ends.",
                default="the current document URL",
            ),
            _method("method", "HTTP method for `action`.", code=13312),
            Attr(
                "timeout",
                Kind.INT,
                "Seconds to wait for the next digit.",
                code=13313,
                default="5",
                minimum=1,
            ),
            Attr(
                "finishOnKey",
                Kind.KEY,
                "Key that ends the input (not included in `Digits`).",
                code=13310,
                default="#",
            ),
            Attr(
                "numDigits",
                Kind.INT,
                "Stop after this many digits.",
                code=13314,
                default="no limit",
                minimum=0,
            ),
            Attr(
                "input",
                Kind.ENUM,
                "What to listen for.",
                default="dtmf",
                values=("dtmf", "speech", "speech dtmf"),
                emit="dtmf",
            ),
            Attr("hints", Kind.STRING, "Comma-separated words that help speech recognition."),
            Attr(
                "language",
                Kind.ENUM,
                "BCP-47 language of the speech to recognise.",
                default="en-US",
                values=GATHER_LANGUAGES,
            ),
        ),
        children=_PROMPTS,
        child_code=13320,
        then=(
            "Input received: requests `action` and runs the returned document; nothing after "
            "the Gather runs. No input before `timeout`: the next element runs."
        ),
        example='Gather(Say("Press 1 for sales"), action="/menu", num_digits=1, timeout=5)',
    ),
    ElementSpec(
        "GetSpeech",
        "Recognises speech with an SRGS grammar and sends the result to `action`.",
        attrs=(
            Attr("grammar", Kind.URL, "URL of the SRGS grammar.", code=13335, required=True),
            _url("action", "URL receiving the results.", default="the current document URL"),
            _method("method", "HTTP method for `action`."),
            Attr("timeout", Kind.INT, "Seconds to wait for speech.", minimum=1),
            _flag("playBeep", "Beep before listening.", default=None),
        ),
        children=_PROMPTS,
        then="As Gather: results go to `action`; no result: the next element runs.",
        example='GetSpeech(Say("Say a city"), grammar="https://example.com/cities.grxml")',
    ),
    ElementSpec(
        "Record",
        "Records the caller; the recording's URL is sent to `action`.",
        attrs=(
            _url(
                "action",
                "URL requested with `RecordingUrl` and `RecordingDuration`.",
                default="the current document URL",
            ),
            _method("method", "HTTP method for `action` and `transcribeCallback`.", code=13610),
            Attr(
                "timeout",
                Kind.INT,
                "Seconds of silence that end the recording.",
                code=13611,
                default="5",
                minimum=1,
            ),
            Attr(
                "finishOnKey",
                Kind.KEY,
                "Key that ends the recording.",
                code=13613,
                default="#",
            ),
            Attr(
                "maxLength",
                Kind.INT,
                "Maximum length in seconds.",
                code=13612,
                default="3600",
                minimum=1,
            ),
            _flag("transcribe", "Transcribe the recording."),
            _url("transcribeCallback", "URL receiving the transcription.", code=12200),
            Attr(
                "transcribeQuality",
                Kind.ENUM,
                "Transcription quality.",
                default="auto",
                values=(
                    "auto",
                    "silver",
                    "gold",
                    "platinum",
                    "manual",
                    "hybrid",
                    "keywords",
                    "subtitles",
                ),
                aliases={
                    **{v.upper(): v for v in ("auto", "silver", "gold", "platinum", "manual")},
                    **_cased("hybrid", "keywords", "subtitles"),
                },
            ),
            Attr("sliceStart", Kind.INT, "Start (s) of the part to transcribe.", minimum=1),
            Attr("sliceDuration", Kind.INT, "Length (s) of the part to transcribe.", minimum=1),
            _flag("playBeep", "Beep when recording starts."),
            _flag("bothLegs", "Record both legs (older spelling of `direction`)."),
            Attr(
                "fileFormat",
                Kind.ENUM,
                "Audio format.",
                default="mp3",
                values=("mp3", "wav"),
            ),
            Attr(
                "direction",
                Kind.ENUM,
                "Which audio to record: `in` (caller), `out` (other leg), `both`.",
                default="both",
                **_DIRECTION,  # type: ignore[arg-type]
            ),
            _flag(
                "background",
                "Record while the rest of the document runs (`false` blocks until done).",
                default="true",
            ),
            Attr(
                "sampleRate",
                Kind.INT,
                "Sample rate in Hz.",
                values=("8000", "16000", "32000", "48000"),
            ),
            _flag("trimSilence", "Drop leading silence."),
            Attr("lifetime", Kind.INT, "Retention of the recording, in days.", minimum=1),
        ),
        then=(
            "`background=true` (the default): the next element runs at once while recording "
            "goes on. `background=false`: blocks until done, then requests `action`."
        ),
        example='Record(action="/voicemail", max_length=120, background=False, transcribe=True)',
    ),
    ElementSpec(
        "Dial",
        "Calls a number, SIP address, client or conference and bridges it with the caller.",
        attrs=(
            _url("action", "URL requested when the dialled call ends."),
            _method("method", "HTTP method for `action`.", code=13210),
            Attr(
                "timeout",
                Kind.INT,
                "Seconds to wait for an answer.",
                code=13212,
                default="30",
                minimum=1,
            ),
            _flag("hangupOnStar", "The caller may press * to drop the dialled party.", 13213),
            Attr(
                "timeLimit",
                Kind.INT,
                "Maximum call length in seconds.",
                code=13216,
                default="14400",
                minimum=1,
            ),
            Attr("callerId", Kind.STRING, "Number shown to the called party.", code=13214),
            _flag("hideCallerId", "Hide the caller ID."),
            Attr("callerName", Kind.STRING, "Caller name to present."),
            _url("dialMusic", "InboundXML played to the caller instead of ringing.", 12200),
            _url("callbackUrl", "URL told when the dialled call connects and ends."),
            _method("callbackMethod", "HTTP method for `callbackUrl`."),
            _url("confirmSound", "InboundXML played to the called party on answer.", 12200),
            Attr("digitsMatch", Kind.PATTERNS, "Digit patterns reported to `callbackUrl`."),
            Attr(
                "straightToVm",
                Kind.BOOL_OR_INT,
                "Go straight to voicemail (mobile destinations).",
                default="false",
                minimum=1,
            ),
            _url("heartbeatUrl", "URL requested every 60 s during the call.", 12200),
            _method("heartbeatMethod", "HTTP method for `heartbeatUrl`."),
            Attr("forwardedFrom", Kind.STRING, "Number to present as forwarded from."),
            _flag("record", "Record the dialled call."),
            Attr(
                "recordDirection",
                Kind.ENUM,
                "Which audio to record.",
                default="both",
                **_DIRECTION,  # type: ignore[arg-type]
            ),
            _url("recordCallbackUrl", "URL receiving the recording.", 12200),
            Attr("recordLifetime", Kind.INT, "Retention of the recording, in days.", minimum=1),
            Attr("recordFormat", Kind.ENUM, "Recording format.", values=("mp3", "wav")),
            Attr(
                "ifMachine",
                Kind.ENUM,
                "What to do when a machine answers.",
                default="continue",
                values=("continue", "redirect", "hangup"),
                aliases={**_cased("continue", "redirect", "hangup"), "HangUp": "hangup"},
            ),
            _url("ifMachineUrl", "URL used when `ifMachine` is `redirect`.", 12200),
            _method("ifMachineMethod", "HTTP method for `ifMachineUrl`."),
            _flag("outboundAction", "Undocumented platform flag.", default=None),
        ),
        children=("Number", "Sip", "User", "Conference"),
        child_code=13215,
        text=TextKind.TARGET,
        format_code=13223,
        content_required=True,
        content_code=13226,
        then=(
            "Blocks until the dialled call ends; then requests `action` if set (its document "
            "continues the call), else the next element runs."
        ),
        example='Dial(Number("+15551234567"), action="/after-dial", timeout=20)',
    ),
    ElementSpec(
        "Number",
        "A phone number to dial (inside Dial).",
        attrs=(
            Attr(
                "sendDigits",
                Kind.DIGITS,
                "Keys played to the called party on answer.",
                code=13222,
            ),
            _url("url", "InboundXML run for the called party before bridging.", 12200),
            _method("method", "HTTP method for `url`.", code=13221),
            _flag("sendOnPreanswer", "Send digits on early media.", default=None),
        ),
        text=TextKind.PHONE,
        text_required=True,
        text_code=13226,
        format_code=13223,
        example='Number("+15551234567", send_digits="ww1")',
    ),
    ElementSpec(
        "Sip",
        "A SIP address to dial (inside Dial) or to transfer to (inside Refer).",
        attrs=(
            _url("action", "URL requested when the SIP call ends.", 12200),
            _method("method", "HTTP method for `action`."),
            Attr("username", Kind.STRING, "SIP authentication user name."),
            Attr("password", Kind.STRING, "SIP authentication password.", secret=True),
            Attr("sendDigits", Kind.DIGITS, "Keys played on answer."),
        ),
        text=TextKind.NAME,
        text_required=True,
        text_code=13226,
        example='Sip("sip:alice@example.com", username="alice", password="secret")',
    ),
    ElementSpec(
        "User",
        "A client of the same application to dial, by nickname (inside Dial).",
        attrs=(
            Attr("sendDigits", Kind.DIGITS, "Keys played on answer."),
            Attr("params", Kind.STRING, "Parameters passed to the client."),
        ),
        text=TextKind.NAME,
        text_required=True,
        text_code=13227,
        example='User("alice")',
    ),
    ElementSpec(
        "Conference",
        "A conference room to join, by name (inside Dial).",
        attrs=(
            _flag("muted", "Join muted.", 13230),
            _flag("beep", "Beep when participants enter or leave.", 13235),
            _flag("startConferenceOnEnter", "Start the conference when this caller enters.", 13232),
            _flag("endConferenceOnExit", "End the conference when this caller leaves.", 13231),
            Attr(
                "maxParticipants",
                Kind.INT,
                "Room size.",
                default="40",
                minimum=1,
                maximum=40,
            ),
            Attr("timeLimit", Kind.INT, "Maximum conference length in seconds.", minimum=1),
            _url("waitUrl", "Audio or InboundXML for callers waiting.", 13233),
            _method("waitMethod", "HTTP method for `waitUrl`.", code=13234),
            _flag("hangupOnStar", "Pressing * leaves the conference."),
            _url("callbackUrl", "URL told when participants enter or leave.", 12200),
            _method("callbackMethod", "HTTP method for `callbackUrl`."),
            _method("method", "HTTP method of the conference's requests."),
            _url("waitSound", "InboundXML (Play only) for callers waiting.", 12200),
            _method("waitSoundMethod", "HTTP method for `waitSound`."),
            Attr("digitsMatch", Kind.PATTERNS, "Digit patterns reported to `callbackUrl`."),
            _flag("stayAlone", "Keep a lone caller in the room."),
            _flag("record", "Record the conference."),
            Attr(
                "recordFileFormat",
                Kind.ENUM,
                "Recording format.",
                default="mp3",
                values=("mp3", "wav"),
            ),
            _url("recordCallbackUrl", "URL receiving the recording.", 12200),
            _method("recordCallbackMethod", "HTTP method for `recordCallbackUrl`."),
        ),
        text=TextKind.NAME,
        text_required=True,
        text_code=13237,
        example='Conference("standup", beep=True, max_participants=10)',
    ),
    ElementSpec(
        "Refer",
        "Transfers a SIP call with SIP REFER; the platform leg is replaced.",
        attrs=(
            _url("action", "URL requested when the transfer fails or times out.", 12200),
            _method("method", "HTTP method for `action`."),
            Attr("timeout", Kind.INT, "Seconds to wait for the transfer.", minimum=1),
            _url("callbackUrl", "URL receiving the transfer status.", 12200),
            _method("callbackMethod", "HTTP method for `callbackUrl`."),
        ),
        children=("Sip",),
        text=TextKind.TARGET,
        content_required=True,
        then="Success: the call leaves the platform. Failure: `action`, else the next element.",
        example='Refer(Sip("sip:desk@example.com"), action="/refer-failed")',
    ),
    ElementSpec(
        "Connect",
        "Connects the call to a Dialogflow agent (exactly one Agent child).",
        attrs=(
            _url("action", "URL receiving the conversation's outcome.", 12200),
            _method("method", "HTTP method for `action`."),
        ),
        children=("Agent",),
        content_required=True,
        max_children=1,
        then="Blocks while the agent converses; then `action` if set, else the next element.",
        example='Connect(Agent("AG0123456789abcdef0123456789abcdef"))',
    ),
    ElementSpec(
        "Agent",
        "The Sid of the Dialogflow agent to connect to (inside Connect).",
        text=TextKind.NAME,
        text_required=True,
        example='Agent("AG0123456789abcdef0123456789abcdef")',
    ),
    ElementSpec(
        "Hangup",
        "Ends the call.",
        attrs=(
            Attr(
                "schedule",
                Kind.INT,
                "Seconds from now until the hang-up.",
                default="0",
                minimum=0,
            ),
            Attr("reason", Kind.STRING, "Reason reported for the hang-up."),
        ),
        then="The call ends.",
        example="Hangup()",
    ),
    ElementSpec(
        "Reject",
        "Refuses an incoming call without answering it.",
        attrs=(
            Attr(
                "reason",
                Kind.ENUM,
                "`busy`: busy tone; `rejected`: a not-in-service message.",
                default="rejected",
                values=("busy", "rejected"),
            ),
        ),
        then="The call ends.",
        example='Reject(reason="busy")',
    ),
    ElementSpec(
        "Redirect",
        "Stops this document and continues with the document at the URL given as text.",
        attrs=(_method("method", "HTTP method for the URL.", code=13710),),
        text=TextKind.URL,
        text_required=True,
        text_code=11100,
        format_code=11100,
        then="Requests the URL (with `UrlBase`) and runs its document; the rest is ignored.",
        example='Redirect("/voice")',
    ),
    ElementSpec(
        "Ping",
        "Notifies the URL given as text without changing the call flow.",
        attrs=(_method("method", "HTTP method for the URL."),),
        text=TextKind.URL,
        text_required=True,
        text_code=11100,
        format_code=11100,
        then="Fire and forget: the next element runs.",
        example='Ping("https://example.com/ping")',
    ),
    ElementSpec(
        "Sms",
        "Sends a text message.",
        attrs=(
            Attr("to", Kind.STRING, "Recipient number.", code=14101, required=True),
            Attr("from", Kind.STRING, "One of your platform numbers.", code=14102, required=True),
            _url("action", "URL requested after sending; its document continues."),
            _method("method", "HTTP method for `action`.", code=14104),
            _url("statusCallback", "URL told the outcome of the send.", 14105),
            _method("statusCallbackMethod", "HTTP method for `statusCallback`."),
        ),
        text=TextKind.SPEECH,
        text_required=True,
        text_code=14103,
        text_max=160,
        then="With `action`: requests it and runs its document. Otherwise the next element.",
        example='Sms("Thanks for calling!", to="+15551234567", from_="+15557654321")',
    ),
    ElementSpec(
        "Mms",
        "Sends a multimedia message.",
        attrs=(
            Attr("to", Kind.STRING, "Recipient number.", code=14101, required=True),
            Attr("from", Kind.STRING, "One of your platform numbers.", code=14102, required=True),
            Attr("mediaUrl", Kind.URL, "URL of the media to send.", code=14115, required=True),
            _url("action", "URL requested after sending; its document continues."),
            _method("method", "HTTP method for `action`."),
            _url("statusCallback", "URL told the outcome of the send.", 12200),
        ),
        text=TextKind.SPEECH,
        then="With `action`: requests it and runs its document. Otherwise the next element.",
        example=(
            'Mms("Your ticket", to="+15551234567", from_="+15557654321", '
            'media_url="https://example.com/ticket.png")'
        ),
    ),
    ElementSpec(
        "Answer",
        "Answers the call explicitly (semantics undocumented by the platform).",
        then="The next element runs.",
        example="Answer()",
    ),
)

ELEMENTS: Mapping[str, ElementSpec] = MappingProxyType({e.tag: e for e in _ELEMENTS})
"""Every element of InboundXML by tag, in reference order."""

PARENTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        tag: tuple(p.tag for p in _ELEMENTS if tag in p.children)
        for tag in (e.tag for e in _ELEMENTS)
    }
)
"""For each tag, the tags of the elements that may contain it (derived from ``children``)."""
