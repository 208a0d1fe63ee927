"""Facts about InboundXML, written down from the platform reference (spec/inboundxml.md §1-§5).

These tables are deliberately independent of :mod:`inboundxml.spec`: the tests compare the
package against them, so a mistake in the package's table shows up as a failing test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

ELEMENT_TAGS: tuple[str, ...] = (
    "Response",
    "Say",
    "Play",
    "PlayLastRecording",
    "Pause",
    "Gather",
    "GetSpeech",
    "Record",
    "Dial",
    "Number",
    "Sip",
    "User",
    "Conference",
    "Refer",
    "Connect",
    "Agent",
    "Hangup",
    "Reject",
    "Redirect",
    "Ping",
    "Sms",
    "Mms",
    "Answer",
)

_PROMPTS = frozenset({"Say", "Play", "PlayLastRecording", "Pause"})

# §2: which children each element may contain.
CHILDREN: dict[str, frozenset[str]] = {tag: frozenset() for tag in ELEMENT_TAGS}
CHILDREN.update(
    {
        "Response": frozenset(
            {
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
            }
        ),
        "Gather": _PROMPTS,
        "GetSpeech": _PROMPTS,
        "Dial": frozenset({"Number", "Sip", "User", "Conference"}),
        "Refer": frozenset({"Sip"}),
        "Connect": frozenset({"Agent"}),
    }
)

# §2: the code for a child that is not allowed (12200 where the platform has none).
CHILD_CODE: dict[str, int] = {"Gather": 13320, "Dial": 13215}

# A minimal valid instance of each element, as markup (used to nest elements when parsing).
MARKUP: dict[str, str] = {
    "Response": "<Response/>",
    "Say": "<Say>Hello</Say>",
    "Play": "<Play>https://example.com/a.mp3</Play>",
    "PlayLastRecording": "<PlayLastRecording/>",
    "Pause": '<Pause length="1"/>',
    "Gather": "<Gather/>",
    "GetSpeech": '<GetSpeech grammar="https://example.com/g.grxml"/>',
    "Record": "<Record/>",
    "Dial": "<Dial>+15551234567</Dial>",
    "Number": "<Number>+15551234567</Number>",
    "Sip": "<Sip>sip:alice@example.com</Sip>",
    "User": "<User>alice</User>",
    "Conference": "<Conference>room</Conference>",
    "Refer": "<Refer>sip:desk@example.com</Refer>",
    "Connect": "<Connect><Agent>AG123</Agent></Connect>",
    "Agent": "<Agent>AG123</Agent>",
    "Hangup": "<Hangup/>",
    "Reject": "<Reject/>",
    "Redirect": "<Redirect>https://example.com/next</Redirect>",
    "Ping": "<Ping>https://example.com/ping</Ping>",
    "Sms": '<Sms to="+15551234567" from="+15557654321">Hi</Sms>',
    "Mms": '<Mms to="+15551234567" from="+15557654321" mediaUrl="https://example.com/a.png"/>',
    "Answer": "<Answer/>",
}

# Python expressions building a minimal valid instance (evaluated with the classes in scope).
BUILD: dict[str, str] = {
    "Response": "Response()",
    "Say": "Say('Hello')",
    "Play": "Play('https://example.com/a.mp3')",
    "PlayLastRecording": "PlayLastRecording()",
    "Pause": "Pause(length=1)",
    "Gather": "Gather()",
    "GetSpeech": "GetSpeech(grammar='https://example.com/g.grxml')",
    "Record": "Record()",
    "Dial": "Dial('+15551234567')",
    "Number": "Number('+15551234567')",
    "Sip": "Sip('sip:alice@example.com')",
    "User": "User('alice')",
    "Conference": "Conference('room')",
    "Refer": "Refer('sip:desk@example.com')",
    "Connect": "Connect(Agent('AG123'))",
    "Agent": "Agent('AG123')",
    "Hangup": "Hangup()",
    "Reject": "Reject()",
    "Redirect": "Redirect('https://example.com/next')",
    "Ping": "Ping('https://example.com/ping')",
    "Sms": "Sms('Hi', to='+15551234567', from_='+15557654321')",
    "Mms": "Mms(to='+15551234567', from_='+15557654321', media_url='https://example.com/a.png')",
    "Answer": "Answer()",
}

# Keyword arguments that make each element valid on its own (required attributes).
REQUIRED_KWARGS: dict[str, dict[str, str]] = {
    "GetSpeech": {"grammar": "https://example.com/g.grxml"},
    "Sms": {"to": "+15551234567", "from_": "+15557654321"},
    "Mms": {
        "to": "+15551234567",
        "from_": "+15557654321",
        "media_url": "https://example.com/a.png",
    },
}
REQUIRED_MARKUP: dict[str, str] = {
    "GetSpeech": 'grammar="https://example.com/g.grxml"',
    "Sms": 'to="+15551234567" from="+15557654321"',
    "Mms": 'to="+15551234567" from="+15557654321" mediaUrl="https://example.com/a.png"',
}
# Text content that makes each element valid (None: the element takes no text).
TEXT: dict[str, str | None] = {
    "Say": "Hello",
    "Play": "https://example.com/a.mp3",
    "Dial": "+15551234567",
    "Number": "+15551234567",
    "Sip": "sip:alice@example.com",
    "User": "alice",
    "Conference": "room",
    "Refer": "sip:desk@example.com",
    "Agent": "AG123",
    "Redirect": "https://example.com/next",
    "Ping": "https://example.com/ping",
    "Sms": "Hi",
    "Mms": "Look",
}


class K(Enum):
    """Attribute value types of §1.1 and §3."""

    URL = "url"
    METHOD = "method"
    BOOL = "bool"
    INT = "int"
    ENUM = "enum"
    STRING = "string"
    KEY = "key"
    DIGITS = "digits"
    PATTERNS = "patterns"
    BOOL_OR_INT = "bool_or_int"


Codes = frozenset[int]


@dataclass(frozen=True)
class A:
    """One attribute: its element, markup name, value type and error code(s).

    ``codes`` holds every code the reference allows for a bad value (one code in most cases;
    two where the reference gives both the URL code 11100 and "no dedicated code" 12200).
    """

    element: str
    xml: str
    kind: K
    codes: Codes
    lo: int | None = None
    hi: int | None = None
    values: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
    bad: tuple[str, ...] = ()
    nested: dict[str, int] = field(default_factory=dict)
    required: bool = False

    @property
    def py(self) -> str:
        if self.xml == "from":
            return "from_"
        out = ""
        for ch in self.xml:
            out += f"_{ch.lower()}" if ch.isupper() else ch
        return out

    @property
    def id(self) -> str:
        return f"{self.element}@{self.xml}"


def _c(*codes: int) -> Codes:
    return frozenset(codes)


NO = _c(12200)
URLC = _c(11100)
URL_EITHER = _c(11100, 12200)


def url(el: str, xml: str, codes: Codes = URL_EITHER, required: bool = False) -> A:
    return A(el, xml, K.URL, codes, required=required)


def method(el: str, xml: str, code: int = 12200) -> A:
    return A(el, xml, K.METHOD, _c(code))


def flag(el: str, xml: str, code: int = 12200) -> A:
    return A(el, xml, K.BOOL, _c(code))


def integer(
    el: str, xml: str, code: int = 12200, lo: int | None = None, hi: int | None = None
) -> A:
    return A(el, xml, K.INT, _c(code), lo=lo, hi=hi)


def string(el: str, xml: str, code: int = 12200, required: bool = False) -> A:
    return A(el, xml, K.STRING, _c(code), required=required)


def _cased(*values: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        out[v.capitalize()] = v
        out[v.upper()] = v
    return out


_DIRECTION_ALIASES = _cased("in", "out", "both")
GATHER_LANGUAGE_SAMPLE = ("en-US", "en-GB", "es-MX", "af-ZA", "cmn-Hans-CN", "yue-Hant-HK")

ATTRIBUTES: tuple[A, ...] = (
    # §3.1 Response
    url("Response", "statusCallback", URLC),
    method("Response", "statusMethod"),
    url("Response", "heartbeatCallback", URLC),
    method("Response", "heartbeatMethod"),
    # §3.2 Say
    A(
        "Say",
        "voice",
        K.ENUM,
        _c(13511),
        values=("female", "male"),
        aliases={"woman": "female", "man": "male"},
        bad=("robot", "Female", "MALE", "women", ""),
        nested={"Gather": 13321},
    ),
    A(
        "Say",
        "language",
        K.ENUM,
        NO,
        values=("en", "en-gb", "es", "fr", "it", "de"),
        # The BCP-47 forms developers type are read as the platform's six languages.
        aliases={
            "en-US": "en",
            "en-GB": "en-gb",
            "es-ES": "es",
            "fr-FR": "fr",
            "it-IT": "it",
            "de-DE": "de",
        },
        bad=("EN", "pt", "", "en-AU", "es-us"),
    ),
    A("Say", "loop", K.INT, _c(13510), lo=0, nested={"Gather": 13322}),
    # §3.3 Play
    A("Play", "loop", K.INT, _c(13410), lo=0),
    method("Play", "method"),
    # §3.7 Pause
    integer("Pause", "length", 13910, lo=1, hi=99998),
    # §3.4 Gather
    url("Gather", "action", URLC),
    method("Gather", "method", 13312),
    integer("Gather", "timeout", 13313, lo=1),
    A("Gather", "finishOnKey", K.KEY, _c(13310)),
    integer("Gather", "numDigits", 13314, lo=0),
    A(
        "Gather",
        "input",
        K.ENUM,
        NO,
        values=("dtmf", "speech", "speech dtmf"),
        bad=("dtmf speech", "DTMF", "voice", ""),
    ),
    string("Gather", "hints"),
    A(
        "Gather",
        "language",
        K.ENUM,
        NO,
        values=GATHER_LANGUAGE_SAMPLE,
        bad=("en", "en-us", "xx-XX", "english"),
    ),
    # §3.5 GetSpeech
    url("GetSpeech", "grammar", _c(13335), required=True),
    url("GetSpeech", "action"),
    method("GetSpeech", "method"),
    integer("GetSpeech", "timeout", lo=1),
    flag("GetSpeech", "playBeep"),
    # §3.8 Record
    url("Record", "action", URLC),
    method("Record", "method", 13610),
    integer("Record", "timeout", 13611, lo=1),
    A("Record", "finishOnKey", K.KEY, _c(13613)),
    integer("Record", "maxLength", 13612, lo=1),
    flag("Record", "transcribe"),
    url("Record", "transcribeCallback"),
    A(
        "Record",
        "transcribeQuality",
        K.ENUM,
        NO,
        values=("auto", "silver", "gold", "platinum", "manual", "hybrid", "keywords", "subtitles"),
        aliases={
            "AUTO": "auto",
            "SILVER": "silver",
            "GOLD": "gold",
            "PLATINUM": "platinum",
            "MANUAL": "manual",
            **_cased("hybrid", "keywords", "subtitles"),
        },
        # "Auto" etc.: the capitalised form exists only for hybrid/keywords/subtitles.
        bad=("Auto", "Gold", "best", ""),
    ),
    integer("Record", "sliceStart", lo=1),
    integer("Record", "sliceDuration", lo=1),
    flag("Record", "playBeep"),
    flag("Record", "bothLegs"),
    A("Record", "fileFormat", K.ENUM, NO, values=("mp3", "wav"), bad=("ogg", "MP3X")),
    A(
        "Record",
        "direction",
        K.ENUM,
        NO,
        values=("in", "out", "both", "inlow"),
        aliases=_DIRECTION_ALIASES,
        bad=("iN", "sideways", "INLOW"),
    ),
    flag("Record", "background"),
    A(
        "Record",
        "sampleRate",
        K.ENUM,
        NO,
        values=("8000", "16000", "32000", "48000"),
        bad=("44100", "0", "8k"),
    ),
    flag("Record", "trimSilence"),
    integer("Record", "lifetime", lo=1),
    # §3.9 Dial
    url("Dial", "action", URLC),
    method("Dial", "method", 13210),
    integer("Dial", "timeout", 13212, lo=1),
    flag("Dial", "hangupOnStar", 13213),
    integer("Dial", "timeLimit", 13216, lo=1),
    string("Dial", "callerId", 13214),
    flag("Dial", "hideCallerId"),
    string("Dial", "callerName"),
    url("Dial", "dialMusic"),
    url("Dial", "callbackUrl", URLC),
    method("Dial", "callbackMethod"),
    url("Dial", "confirmSound"),
    A("Dial", "digitsMatch", K.PATTERNS, NO),
    A("Dial", "straightToVm", K.BOOL_OR_INT, NO),
    url("Dial", "heartbeatUrl"),
    method("Dial", "heartbeatMethod"),
    string("Dial", "forwardedFrom"),
    flag("Dial", "record"),
    A(
        "Dial",
        "recordDirection",
        K.ENUM,
        NO,
        values=("in", "out", "both", "inlow"),
        aliases=_DIRECTION_ALIASES,
        bad=("iN", "sideways"),
    ),
    url("Dial", "recordCallbackUrl"),
    integer("Dial", "recordLifetime", lo=1),
    A("Dial", "recordFormat", K.ENUM, NO, values=("mp3", "wav"), bad=("ogg",)),
    A(
        "Dial",
        "ifMachine",
        K.ENUM,
        NO,
        values=("continue", "redirect", "hangup"),
        aliases={**_cased("continue", "redirect", "hangup"), "HangUp": "hangup"},
        bad=("cOntinue", "hang-up", "detect"),
    ),
    url("Dial", "ifMachineUrl"),
    method("Dial", "ifMachineMethod"),
    flag("Dial", "outboundAction"),
    # §3.10 Number
    A("Number", "sendDigits", K.DIGITS, _c(13222)),
    url("Number", "url"),
    method("Number", "method", 13221),
    flag("Number", "sendOnPreanswer"),
    # §3.11 Sip
    string("Sip", "username"),
    string("Sip", "password"),
    A("Sip", "sendDigits", K.DIGITS, NO),
    url("Sip", "action"),
    method("Sip", "method"),
    # §3.12 User
    A("User", "sendDigits", K.DIGITS, NO),
    string("User", "params"),
    # §3.13 Conference
    flag("Conference", "muted", 13230),
    flag("Conference", "beep", 13235),
    flag("Conference", "startConferenceOnEnter", 13232),
    flag("Conference", "endConferenceOnExit", 13231),
    integer("Conference", "maxParticipants", lo=1, hi=40),
    url("Conference", "waitUrl", _c(13233)),
    method("Conference", "waitMethod", 13234),
    url("Conference", "callbackUrl"),
    method("Conference", "callbackMethod"),
    method("Conference", "method"),
    url("Conference", "waitSound"),
    method("Conference", "waitSoundMethod"),
    A("Conference", "digitsMatch", K.PATTERNS, NO),
    flag("Conference", "stayAlone"),
    flag("Conference", "record"),
    A("Conference", "recordFileFormat", K.ENUM, NO, values=("mp3", "wav"), bad=("ogg",)),
    url("Conference", "recordCallbackUrl"),
    method("Conference", "recordCallbackMethod"),
    # §3.14 Refer
    url("Refer", "action"),
    method("Refer", "method"),
    integer("Refer", "timeout", lo=1),
    url("Refer", "callbackUrl"),
    method("Refer", "callbackMethod"),
    # §3.15 Connect
    url("Connect", "action"),
    method("Connect", "method"),
    # §3.16 Hangup
    integer("Hangup", "schedule", lo=0),
    string("Hangup", "reason"),
    # §3.17 Reject
    A("Reject", "reason", K.ENUM, NO, values=("busy", "rejected"), bad=("Busy", "declined", "")),
    # §3.18 Redirect, §3.19 Ping
    method("Redirect", "method", 13710),
    method("Ping", "method"),
    # §3.20 Sms
    string("Sms", "to", 14101, required=True),
    string("Sms", "from", 14102, required=True),
    url("Sms", "action", URLC),
    method("Sms", "method", 14104),
    url("Sms", "statusCallback", _c(14105)),
    method("Sms", "statusCallbackMethod"),
    # §3.21 Mms (mediaUrl: 14115 is the media code; Mms@* also listed as "no dedicated code")
    string("Mms", "to", 14101, required=True),
    string("Mms", "from", 14102, required=True),
    url("Mms", "mediaUrl", _c(14115, 12200, 11100), required=True),
    url("Mms", "action"),
    method("Mms", "method"),
    url("Mms", "statusCallback"),
)

# Attributes present in some schema copy but not in the reference XSD (§5): unknown here.
NOT_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("Mms", "statusCallbackMethod"),
    ("Response", "foo"),
    ("User", "method"),
    ("User", "url"),
    ("Say", "method"),
    ("PlayLastRecording", "foo"),
    ("Answer", "foo"),
    ("Gather", "numdigits"),
    ("Sms", "From"),
)

BOOL_FORMS: tuple[tuple[str, bool], ...] = (
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("1", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    ("0", False),
)
BOOL_BAD: tuple[str, ...] = ("yes", "no", "tRue", "2", "")
METHOD_FORMS: tuple[tuple[str, str], ...] = (
    ("GET", "GET"),
    ("POST", "POST"),
    ("get", "GET"),
    ("post", "POST"),
)
METHOD_BAD: tuple[str, ...] = ("Get", "Post", "PUT", "DELETE", "")
URL_GOOD: tuple[str, ...] = (
    "https://example.com/next",
    "/relative/path",
    "https://example.com/a?x=1&y='2'",
    "https://example.com/" + "a" * (200 - len("https://example.com/")),
)
URL_BAD: tuple[str, ...] = (
    "",
    "   ",
    "https://example.com/a b",
)
# §1.6: a URL longer than 200 characters is 12301, for every URL attribute and URL text.
URL_TOO_LONG = "https://example.com/" + "a" * (201 - len("https://example.com/"))
KEYS: tuple[str, ...] = tuple("0123456789#*")
KEY_BAD: tuple[str, ...] = ("", "##", "a", "10", "true")
DIGITS_GOOD: tuple[str, ...] = ("1", "ww12w3221", "#*0", "w")
DIGITS_BAD: tuple[str, ...] = ("", "12x", "1 2", "W1")
PATTERNS_GOOD: tuple[str, ...] = ("1", "12,3#", "*9,#,0")
PATTERNS_BAD: tuple[str, ...] = ("", "1,,2", "1,", "w1", "a")


def valid_markup(attr: A) -> list[tuple[str, object]]:
    """Markup spellings of valid values and their canonical Python values."""
    if attr.kind is K.URL:
        return [(u, u) for u in URL_GOOD]
    if attr.kind is K.METHOD:
        return list(METHOD_FORMS)
    if attr.kind is K.BOOL:
        return list(BOOL_FORMS)
    if attr.kind is K.INT:
        out: list[tuple[str, object]] = []
        for n in (attr.lo, attr.hi):
            if n is not None:
                out.append((str(n), n))
        if attr.lo is not None:
            out.append((str(attr.lo + 1), attr.lo + 1))
        if attr.hi is None:
            out.append(("3600", 3600))
        return out
    if attr.kind is K.ENUM:
        pairs: list[tuple[str, object]] = [(v, int(v) if v.isdigit() else v) for v in attr.values]
        pairs += list(attr.aliases.items())
        return pairs
    if attr.kind is K.KEY:
        return [(k, k) for k in KEYS]
    if attr.kind is K.DIGITS:
        return [(d, d) for d in DIGITS_GOOD]
    if attr.kind is K.PATTERNS:
        return [(p, p) for p in PATTERNS_GOOD]
    if attr.kind is K.BOOL_OR_INT:
        return [*BOOL_FORMS, ("2", 2), ("30", 30)]
    return [("+15551234567", "+15551234567"), ("a & <b> \"c\" 'd' é", "a & <b> \"c\" 'd' é")]


def invalid_markup(attr: A) -> list[str]:
    """Markup spellings that the attribute must refuse."""
    if attr.kind is K.URL:
        return list(URL_BAD)
    if attr.kind is K.METHOD:
        return list(METHOD_BAD)
    if attr.kind is K.BOOL:
        return list(BOOL_BAD)
    if attr.kind is K.INT:
        out = ["abc", "1.5", ""]
        if attr.lo is not None:
            out.append(str(attr.lo - 1))
        if attr.hi is not None:
            out.append(str(attr.hi + 1))
        return out
    if attr.kind is K.ENUM:
        return list(attr.bad)
    if attr.kind is K.KEY:
        return list(KEY_BAD)
    if attr.kind is K.DIGITS:
        return list(DIGITS_BAD)
    if attr.kind is K.PATTERNS:
        return list(PATTERNS_BAD)
    if attr.kind is K.BOOL_OR_INT:
        return ["yes", "-1", "1.5", ""]
    return ["", "   "] if attr.required else []


def valid_python(attr: A) -> list[tuple[object, object]]:
    """Python values (and lexical strings) accepted when building, with canonical values."""
    pairs: list[tuple[object, object]] = list(valid_markup(attr))
    if attr.kind is K.BOOL:
        pairs += [(True, True), (False, False)]
    if attr.kind is K.INT:
        pairs += [(v, v) for _, v in valid_markup(attr)]
    if attr.kind is K.BOOL_OR_INT:
        pairs += [(True, True), (False, False), (5, 5)]
    if attr.kind is K.ENUM and all(v.isdigit() for v in attr.values):
        pairs += [(int(v), int(v)) for v in attr.values]
    return pairs


def invalid_python(attr: A) -> list[object]:
    """Python values refused when building."""
    out: list[object] = list(invalid_markup(attr))
    if attr.kind is K.INT:
        out += [True, 1.5, "1.0"]
        if attr.lo is not None:
            out.append(attr.lo - 1)
        if attr.hi is not None:
            out.append(attr.hi + 1)
    if attr.kind is K.BOOL:
        out += [1, 0, "yes"]
    if attr.kind in (K.URL, K.STRING, K.METHOD) or (
        attr.kind is K.ENUM and not attr.values[0].isdigit()
    ):
        out.append(42)
    return out


# §3 text rules: (element, text, code) for text that must be refused.
BAD_TEXT: tuple[tuple[str, str, Codes], ...] = (
    ("Say", "", _c(13520)),
    ("Say", "   \n ", _c(13520)),
    ("Say", "x" * 4097, _c(13520)),
    ("Play", "", _c(13421)),
    ("Play", "  ", _c(13421)),
    ("Play", "https://example.com/a b.mp3", _c(11100, 13421)),
    ("Number", "", _c(13226)),
    ("Number", "call me", _c(13223)),
    ("Dial", "not a number", _c(13223)),
    ("Sip", "", _c(13226)),
    ("User", "", _c(13227)),
    ("Conference", "", _c(13237)),
    ("Agent", "", _c(12200)),
    ("Redirect", "", _c(11100)),
    ("Redirect", "https://example.com/a b", _c(11100)),
    ("Ping", "", _c(11100, 12200)),
    ("Sms", "", _c(14103)),
    ("Sms", "x" * 161, _c(14103)),
)
# Text that must be accepted, and the canonical text kept.
GOOD_TEXT: tuple[tuple[str, str, str | None], ...] = (
    ("Say", "x" * 4096, "x" * 4096),
    ("Say", "  keep my spaces  ", "  keep my spaces  "),
    ("Say", "a & b < c > d \" e ' f", "a & b < c > d \" e ' f"),
    ("Say", "información, menú, 日本語, 😀", "información, menú, 日本語, 😀"),
    ("Play", "tone_stream://%(10000,0,350,440)", "tone_stream://%(10000,0,350,440)"),
    ("Play", "  https://example.com/a.mp3\n", "https://example.com/a.mp3"),
    ("Number", "+1 555-123-4567", "+1 555-123-4567"),
    ("Dial", "sip:alice@example.com", "sip:alice@example.com"),
    ("Dial", "555-555-5555", "555-555-5555"),
    ("Conference", "Conference Room 1", "Conference Room 1"),
    ("Sms", "x" * 160, "x" * 160),
    ("Mms", "", None),
)
