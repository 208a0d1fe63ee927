"""Typed signatures of the verb classes (generated from inboundxml/spec.py)."""

from collections.abc import Callable
from typing import Any, Literal

from ._element import Element

Method = Literal["GET", "POST", "get", "post"]

CLASSES: dict[str, type[Element]]


class Response(Element):
    """The root of every document: the platform runs its children top to bottom."""

    def __init__(
        self,
        *children: Say | Play | PlayLastRecording | Pause | Gather | GetSpeech | Record | Dial | Refer | Connect | Hangup | Reject | Redirect | Ping | Sms | Mms | Answer,
        status_callback: str | Callable[..., Any] | None = None,
        status_method: Method | None = None,
        heartbeat_callback: str | Callable[..., Any] | None = None,
        heartbeat_method: Method | None = None,
    ) -> None: ...
    @property
    def status_callback(self) -> str | None:
        """URL told when the call connects and when it ends."""
    @property
    def status_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `statusCallback`."""
    @property
    def heartbeat_callback(self) -> str | None:
        """URL requested every 60 s while the call lasts."""
    @property
    def heartbeat_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `heartbeatCallback`."""


class Say(Element):
    """Speaks its text with text-to-speech. Parents: Response, Gather or GetSpeech."""

    def __init__(
        self,
        text: str,
        /,
        *,
        voice: Literal['female', 'male', 'woman', 'man'] | None = None,
        language: Literal['en', 'en-gb', 'es', 'fr', 'it', 'de', 'en-US', 'en-GB', 'es-ES', 'fr-FR', 'it-IT', 'de-DE'] | None = None,
        loop: int | None = None,
    ) -> None: ...
    @property
    def voice(self) -> Literal['female', 'male'] | None:
        """Voice of the speech."""
    @property
    def language(self) -> Literal['en', 'en-gb', 'es', 'fr', 'it', 'de'] | None:
        """Language of the speech."""
    @property
    def loop(self) -> int | None:
        """How many times to speak; 0 repeats until the call ends."""


class Play(Element):
    """Plays the audio file at the URL given as text. Parents: Response, Gather or GetSpeech."""

    def __init__(
        self,
        text: str,
        /,
        *,
        loop: int | None = None,
        method: Method | None = None,
    ) -> None: ...
    @property
    def loop(self) -> int | None:
        """How many times to play; 0 repeats until the call ends."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method used to fetch the audio."""


class PlayLastRecording(Element):
    """Plays back the last recording made on this call. Parents: Response, Gather or GetSpeech."""

    def __init__(
        self,
    ) -> None: ...


class Pause(Element):
    """Silence for `length` seconds. Parents: Response, Gather or GetSpeech."""

    def __init__(
        self,
        *,
        length: int | None = None,
    ) -> None: ...
    @property
    def length(self) -> int | None:
        """Seconds of silence."""


class Gather(Element):
    """Collects keypad digits (or speech) while its prompts play, then requests `action`."""

    def __init__(
        self,
        *children: Say | Play | PlayLastRecording | Pause,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        timeout: int | None = None,
        finish_on_key: str | None = None,
        num_digits: int | None = None,
        input: Literal['dtmf', 'speech', 'speech dtmf'] | None = None,
        hints: str | None = None,
        language: Literal['af-ZA', 'am-ET', 'hy-AM', 'az-AZ', 'id-ID', 'ms-MY', 'bn-BD', 'bn-IN', 'ca-ES', 'cs-CZ', 'da-DK', 'de-DE', 'en-AU', 'en-CA', 'en-GH', 'en-GB', 'en-IN', 'en-IE', 'en-KE', 'en-NZ', 'en-NG', 'en-PH', 'en-ZA', 'en-TZ', 'en-US', 'es-AR', 'es-BO', 'es-CL', 'es-CO', 'es-CR', 'es-EC', 'es-SV', 'es-ES', 'es-US', 'es-GT', 'es-HN', 'es-MX', 'es-NI', 'es-PA', 'es-PY', 'es-PE', 'es-PR', 'es-DO', 'es-UY', 'es-VE', 'eu-ES', 'il-PH', 'fr-CA', 'fr-FR', 'gl-ES', 'ka-GE', 'gu-IN', 'hr-HR', 'zu-ZA', 'is-IS', 'it-IT', 'jv-ID', 'kn-IN', 'km-KH', 'lo-LA', 'lv-LV', 'lt-LT', 'hu-HU', 'ml-IN', 'mr-IN', 'nl-NL', 'ne-NP', 'nb-NO', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'si-LK', 'sk-SK', 'sl-SI', 'su-ID', 'sw-TZ', 'sw-KE', 'fi-FI', 'sv-SE', 'ta-IN', 'ta-SG', 'ta-LK', 'ta-MY', 'te-IN', 'vi-VN', 'tr-TR', 'ur-PK', 'ur-IN', 'el-GR', 'bg-BG', 'ru-RU', 'sr-RS', 'uk-UA', 'he-IL', 'ar-IL', 'ar-JO', 'ar-AE', 'ar-BH', 'ar-DZ', 'ar-SA', 'ar-IQ', 'ar-KW', 'ar-MA', 'ar-TN', 'ar-OM', 'ar-PS', 'ar-QA', 'ar-LB', 'ar-EG', 'fa-IR', 'hi-IN', 'th-TH', 'ko-KR', 'cmn-Hant-TW', 'yue-Hant-HK', 'ja-JP', 'cmn-Hans-HK', 'cmn-Hans-CN'] | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL requested with `Digits` once input ends."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def timeout(self) -> int | None:
        """Seconds to wait for the next digit."""
    @property
    def finish_on_key(self) -> str | None:
        """Key that ends the input (not included in `Digits`)."""
    @property
    def num_digits(self) -> int | None:
        """Stop after this many digits."""
    @property
    def input(self) -> Literal['dtmf', 'speech', 'speech dtmf'] | None:
        """What to listen for."""
    @property
    def hints(self) -> str | None:
        """Comma-separated words that help speech recognition."""
    @property
    def language(self) -> Literal['af-ZA', 'am-ET', 'hy-AM', 'az-AZ', 'id-ID', 'ms-MY', 'bn-BD', 'bn-IN', 'ca-ES', 'cs-CZ', 'da-DK', 'de-DE', 'en-AU', 'en-CA', 'en-GH', 'en-GB', 'en-IN', 'en-IE', 'en-KE', 'en-NZ', 'en-NG', 'en-PH', 'en-ZA', 'en-TZ', 'en-US', 'es-AR', 'es-BO', 'es-CL', 'es-CO', 'es-CR', 'es-EC', 'es-SV', 'es-ES', 'es-US', 'es-GT', 'es-HN', 'es-MX', 'es-NI', 'es-PA', 'es-PY', 'es-PE', 'es-PR', 'es-DO', 'es-UY', 'es-VE', 'eu-ES', 'il-PH', 'fr-CA', 'fr-FR', 'gl-ES', 'ka-GE', 'gu-IN', 'hr-HR', 'zu-ZA', 'is-IS', 'it-IT', 'jv-ID', 'kn-IN', 'km-KH', 'lo-LA', 'lv-LV', 'lt-LT', 'hu-HU', 'ml-IN', 'mr-IN', 'nl-NL', 'ne-NP', 'nb-NO', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'si-LK', 'sk-SK', 'sl-SI', 'su-ID', 'sw-TZ', 'sw-KE', 'fi-FI', 'sv-SE', 'ta-IN', 'ta-SG', 'ta-LK', 'ta-MY', 'te-IN', 'vi-VN', 'tr-TR', 'ur-PK', 'ur-IN', 'el-GR', 'bg-BG', 'ru-RU', 'sr-RS', 'uk-UA', 'he-IL', 'ar-IL', 'ar-JO', 'ar-AE', 'ar-BH', 'ar-DZ', 'ar-SA', 'ar-IQ', 'ar-KW', 'ar-MA', 'ar-TN', 'ar-OM', 'ar-PS', 'ar-QA', 'ar-LB', 'ar-EG', 'fa-IR', 'hi-IN', 'th-TH', 'ko-KR', 'cmn-Hant-TW', 'yue-Hant-HK', 'ja-JP', 'cmn-Hans-HK', 'cmn-Hans-CN'] | None:
        """BCP-47 language of the speech to recognise."""


class GetSpeech(Element):
    """Recognises speech with an SRGS grammar and sends the result to `action`."""

    def __init__(
        self,
        *children: Say | Play | PlayLastRecording | Pause,
        grammar: str | Callable[..., Any],
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        timeout: int | None = None,
        play_beep: bool | None = None,
    ) -> None: ...
    @property
    def grammar(self) -> str | None:
        """URL of the SRGS grammar."""
    @property
    def action(self) -> str | None:
        """URL receiving the results."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def timeout(self) -> int | None:
        """Seconds to wait for speech."""
    @property
    def play_beep(self) -> bool | None:
        """Beep before listening."""


class Record(Element):
    """Records the caller; the recording's URL is sent to `action`."""

    def __init__(
        self,
        *,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        timeout: int | None = None,
        finish_on_key: str | None = None,
        max_length: int | None = None,
        transcribe: bool | None = None,
        transcribe_callback: str | Callable[..., Any] | None = None,
        transcribe_quality: Literal['auto', 'silver', 'gold', 'platinum', 'manual', 'hybrid', 'keywords', 'subtitles', 'AUTO', 'SILVER', 'GOLD', 'PLATINUM', 'MANUAL', 'Hybrid', 'HYBRID', 'Keywords', 'KEYWORDS', 'Subtitles', 'SUBTITLES'] | None = None,
        slice_start: int | None = None,
        slice_duration: int | None = None,
        play_beep: bool | None = None,
        both_legs: bool | None = None,
        file_format: Literal['mp3', 'wav'] | None = None,
        direction: Literal['in', 'out', 'both', 'inlow', 'In', 'IN', 'Out', 'OUT', 'Both', 'BOTH', ''] | None = None,
        background: bool | None = None,
        sample_rate: Literal[8000, 16000, 32000, 48000] | None = None,
        trim_silence: bool | None = None,
        lifetime: int | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL requested with `RecordingUrl` and `RecordingDuration`."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action` and `transcribeCallback`."""
    @property
    def timeout(self) -> int | None:
        """Seconds of silence that end the recording."""
    @property
    def finish_on_key(self) -> str | None:
        """Key that ends the recording."""
    @property
    def max_length(self) -> int | None:
        """Maximum length in seconds."""
    @property
    def transcribe(self) -> bool | None:
        """Transcribe the recording."""
    @property
    def transcribe_callback(self) -> str | None:
        """URL receiving the transcription."""
    @property
    def transcribe_quality(self) -> Literal['auto', 'silver', 'gold', 'platinum', 'manual', 'hybrid', 'keywords', 'subtitles'] | None:
        """Transcription quality."""
    @property
    def slice_start(self) -> int | None:
        """Start (s) of the part to transcribe."""
    @property
    def slice_duration(self) -> int | None:
        """Length (s) of the part to transcribe."""
    @property
    def play_beep(self) -> bool | None:
        """Beep when recording starts."""
    @property
    def both_legs(self) -> bool | None:
        """Record both legs (older spelling of `direction`)."""
    @property
    def file_format(self) -> Literal['mp3', 'wav'] | None:
        """Audio format."""
    @property
    def direction(self) -> Literal['in', 'out', 'both', 'inlow'] | None:
        """Which audio to record: `in` (caller), `out` (other leg), `both`."""
    @property
    def background(self) -> bool | None:
        """Record while the rest of the document runs (`false` blocks until done)."""
    @property
    def sample_rate(self) -> Literal[8000, 16000, 32000, 48000] | None:
        """Sample rate in Hz."""
    @property
    def trim_silence(self) -> bool | None:
        """Drop leading silence."""
    @property
    def lifetime(self) -> int | None:
        """Retention of the recording, in days."""


class Dial(Element):
    """Calls a number, SIP address, client or conference and bridges it with the caller."""

    def __init__(
        self,
        *content: str | Number | Sip | User | Conference,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        timeout: int | None = None,
        hangup_on_star: bool | None = None,
        time_limit: int | None = None,
        caller_id: str | None = None,
        hide_caller_id: bool | None = None,
        caller_name: str | None = None,
        dial_music: str | Callable[..., Any] | None = None,
        callback_url: str | Callable[..., Any] | None = None,
        callback_method: Method | None = None,
        confirm_sound: str | Callable[..., Any] | None = None,
        digits_match: str | None = None,
        straight_to_vm: bool | int | None = None,
        heartbeat_url: str | Callable[..., Any] | None = None,
        heartbeat_method: Method | None = None,
        forwarded_from: str | None = None,
        record: bool | None = None,
        record_direction: Literal['in', 'out', 'both', 'inlow', 'In', 'IN', 'Out', 'OUT', 'Both', 'BOTH', ''] | None = None,
        record_callback_url: str | Callable[..., Any] | None = None,
        record_lifetime: int | None = None,
        record_format: Literal['mp3', 'wav'] | None = None,
        if_machine: Literal['continue', 'redirect', 'hangup', 'Continue', 'CONTINUE', 'Redirect', 'REDIRECT', 'Hangup', 'HANGUP', 'HangUp'] | None = None,
        if_machine_url: str | Callable[..., Any] | None = None,
        if_machine_method: Method | None = None,
        outbound_action: bool | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL requested when the dialled call ends."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def timeout(self) -> int | None:
        """Seconds to wait for an answer."""
    @property
    def hangup_on_star(self) -> bool | None:
        """The caller may press * to drop the dialled party."""
    @property
    def time_limit(self) -> int | None:
        """Maximum call length in seconds."""
    @property
    def caller_id(self) -> str | None:
        """Number shown to the called party."""
    @property
    def hide_caller_id(self) -> bool | None:
        """Hide the caller ID."""
    @property
    def caller_name(self) -> str | None:
        """Caller name to present."""
    @property
    def dial_music(self) -> str | None:
        """InboundXML played to the caller instead of ringing."""
    @property
    def callback_url(self) -> str | None:
        """URL told when the dialled call connects and ends."""
    @property
    def callback_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `callbackUrl`."""
    @property
    def confirm_sound(self) -> str | None:
        """InboundXML played to the called party on answer."""
    @property
    def digits_match(self) -> str | None:
        """Digit patterns reported to `callbackUrl`."""
    @property
    def straight_to_vm(self) -> bool | int | None:
        """Go straight to voicemail (mobile destinations)."""
    @property
    def heartbeat_url(self) -> str | None:
        """URL requested every 60 s during the call."""
    @property
    def heartbeat_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `heartbeatUrl`."""
    @property
    def forwarded_from(self) -> str | None:
        """Number to present as forwarded from."""
    @property
    def record(self) -> bool | None:
        """Record the dialled call."""
    @property
    def record_direction(self) -> Literal['in', 'out', 'both', 'inlow'] | None:
        """Which audio to record."""
    @property
    def record_callback_url(self) -> str | None:
        """URL receiving the recording."""
    @property
    def record_lifetime(self) -> int | None:
        """Retention of the recording, in days."""
    @property
    def record_format(self) -> Literal['mp3', 'wav'] | None:
        """Recording format."""
    @property
    def if_machine(self) -> Literal['continue', 'redirect', 'hangup'] | None:
        """What to do when a machine answers."""
    @property
    def if_machine_url(self) -> str | None:
        """URL used when `ifMachine` is `redirect`."""
    @property
    def if_machine_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `ifMachineUrl`."""
    @property
    def outbound_action(self) -> bool | None:
        """Undocumented platform flag."""


class Number(Element):
    """A phone number to dial (inside Dial)."""

    def __init__(
        self,
        text: str,
        /,
        *,
        send_digits: str | None = None,
        url: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        send_on_preanswer: bool | None = None,
    ) -> None: ...
    @property
    def send_digits(self) -> str | None:
        """Keys played to the called party on answer."""
    @property
    def url(self) -> str | None:
        """InboundXML run for the called party before bridging."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `url`."""
    @property
    def send_on_preanswer(self) -> bool | None:
        """Send digits on early media."""


class Sip(Element):
    """A SIP address to dial (inside Dial) or to transfer to (inside Refer)."""

    def __init__(
        self,
        text: str,
        /,
        *,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        username: str | None = None,
        password: str | None = None,
        send_digits: str | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL requested when the SIP call ends."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def username(self) -> str | None:
        """SIP authentication user name."""
    @property
    def password(self) -> str | None:
        """SIP authentication password."""
    @property
    def send_digits(self) -> str | None:
        """Keys played on answer."""


class User(Element):
    """A client of the same application to dial, by nickname (inside Dial)."""

    def __init__(
        self,
        text: str,
        /,
        *,
        send_digits: str | None = None,
        params: str | None = None,
    ) -> None: ...
    @property
    def send_digits(self) -> str | None:
        """Keys played on answer."""
    @property
    def params(self) -> str | None:
        """Parameters passed to the client."""


class Conference(Element):
    """A conference room to join, by name (inside Dial)."""

    def __init__(
        self,
        text: str,
        /,
        *,
        muted: bool | None = None,
        beep: bool | None = None,
        start_conference_on_enter: bool | None = None,
        end_conference_on_exit: bool | None = None,
        max_participants: int | None = None,
        time_limit: int | None = None,
        wait_url: str | Callable[..., Any] | None = None,
        wait_method: Method | None = None,
        hangup_on_star: bool | None = None,
        callback_url: str | Callable[..., Any] | None = None,
        callback_method: Method | None = None,
        method: Method | None = None,
        wait_sound: str | Callable[..., Any] | None = None,
        wait_sound_method: Method | None = None,
        digits_match: str | None = None,
        stay_alone: bool | None = None,
        record: bool | None = None,
        record_file_format: Literal['mp3', 'wav'] | None = None,
        record_callback_url: str | Callable[..., Any] | None = None,
        record_callback_method: Method | None = None,
    ) -> None: ...
    @property
    def muted(self) -> bool | None:
        """Join muted."""
    @property
    def beep(self) -> bool | None:
        """Beep when participants enter or leave."""
    @property
    def start_conference_on_enter(self) -> bool | None:
        """Start the conference when this caller enters."""
    @property
    def end_conference_on_exit(self) -> bool | None:
        """End the conference when this caller leaves."""
    @property
    def max_participants(self) -> int | None:
        """Room size."""
    @property
    def time_limit(self) -> int | None:
        """Maximum conference length in seconds."""
    @property
    def wait_url(self) -> str | None:
        """Audio or InboundXML for callers waiting."""
    @property
    def wait_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `waitUrl`."""
    @property
    def hangup_on_star(self) -> bool | None:
        """Pressing * leaves the conference."""
    @property
    def callback_url(self) -> str | None:
        """URL told when participants enter or leave."""
    @property
    def callback_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `callbackUrl`."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method of the conference's requests."""
    @property
    def wait_sound(self) -> str | None:
        """InboundXML (Play only) for callers waiting."""
    @property
    def wait_sound_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `waitSound`."""
    @property
    def digits_match(self) -> str | None:
        """Digit patterns reported to `callbackUrl`."""
    @property
    def stay_alone(self) -> bool | None:
        """Keep a lone caller in the room."""
    @property
    def record(self) -> bool | None:
        """Record the conference."""
    @property
    def record_file_format(self) -> Literal['mp3', 'wav'] | None:
        """Recording format."""
    @property
    def record_callback_url(self) -> str | None:
        """URL receiving the recording."""
    @property
    def record_callback_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `recordCallbackUrl`."""


class Refer(Element):
    """Transfers a SIP call with SIP REFER; the platform leg is replaced."""

    def __init__(
        self,
        *content: str | Sip,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        timeout: int | None = None,
        callback_url: str | Callable[..., Any] | None = None,
        callback_method: Method | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL requested when the transfer fails or times out."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def timeout(self) -> int | None:
        """Seconds to wait for the transfer."""
    @property
    def callback_url(self) -> str | None:
        """URL receiving the transfer status."""
    @property
    def callback_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `callbackUrl`."""


class Connect(Element):
    """Connects the call to a Dialogflow agent (exactly one Agent child)."""

    def __init__(
        self,
        *children: Agent,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
    ) -> None: ...
    @property
    def action(self) -> str | None:
        """URL receiving the conversation's outcome."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""


class Agent(Element):
    """The Sid of the Dialogflow agent to connect to (inside Connect)."""

    def __init__(
        self,
        text: str,
        /,
    ) -> None: ...


class Hangup(Element):
    """Ends the call."""

    def __init__(
        self,
        *,
        schedule: int | None = None,
        reason: str | None = None,
    ) -> None: ...
    @property
    def schedule(self) -> int | None:
        """Seconds from now until the hang-up."""
    @property
    def reason(self) -> str | None:
        """Reason reported for the hang-up."""


class Reject(Element):
    """Refuses an incoming call without answering it."""

    def __init__(
        self,
        *,
        reason: Literal['busy', 'rejected'] | None = None,
    ) -> None: ...
    @property
    def reason(self) -> Literal['busy', 'rejected'] | None:
        """`busy`: busy tone; `rejected`: a not-in-service message."""


class Redirect(Element):
    """Stops this document and continues with the document at the URL given as text."""

    def __init__(
        self,
        text: str,
        /,
        *,
        method: Method | None = None,
    ) -> None: ...
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for the URL."""


class Ping(Element):
    """Notifies the URL given as text without changing the call flow."""

    def __init__(
        self,
        text: str,
        /,
        *,
        method: Method | None = None,
    ) -> None: ...
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for the URL."""


class Sms(Element):
    """Sends a text message."""

    def __init__(
        self,
        text: str,
        /,
        *,
        to: str,
        from_: str,
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        status_callback: str | Callable[..., Any] | None = None,
        status_callback_method: Method | None = None,
    ) -> None: ...
    @property
    def to(self) -> str | None:
        """Recipient number."""
    @property
    def from_(self) -> str | None:
        """One of your platform numbers."""
    @property
    def action(self) -> str | None:
        """URL requested after sending; its document continues."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def status_callback(self) -> str | None:
        """URL told the outcome of the send."""
    @property
    def status_callback_method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `statusCallback`."""


class Mms(Element):
    """Sends a multimedia message."""

    def __init__(
        self,
        text: str | None = None,
        /,
        *,
        to: str,
        from_: str,
        media_url: str | Callable[..., Any],
        action: str | Callable[..., Any] | None = None,
        method: Method | None = None,
        status_callback: str | Callable[..., Any] | None = None,
    ) -> None: ...
    @property
    def to(self) -> str | None:
        """Recipient number."""
    @property
    def from_(self) -> str | None:
        """One of your platform numbers."""
    @property
    def media_url(self) -> str | None:
        """URL of the media to send."""
    @property
    def action(self) -> str | None:
        """URL requested after sending; its document continues."""
    @property
    def method(self) -> Literal['GET', 'POST'] | None:
        """HTTP method for `action`."""
    @property
    def status_callback(self) -> str | None:
        """URL told the outcome of the send."""


class Answer(Element):
    """Answers the call explicitly (semantics undocumented by the platform)."""

    def __init__(
        self,
    ) -> None: ...
