"""Applications (reusable voice/SMS URL sets), their clients, and Dialogflow agents.

``client.applications.create(friendly_name=…, voice_url=…)``,
``client.applications.clients.create(application_sid, nickname="alice")`` and
``client.agents.configure(agent_sid, language="en-US:standard:female")``.
"""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from pydantic import AliasChoices, Field

from ._core import DEFAULT, CallTimeout
from ._locators import Where, deletes, lists, paging, reads, writes
from ._params import encode, form, segment
from ._resource import M, Resource
from ._wire import Bool, Int, Model, Text, Timestamp
from .types import HttpMethod

__all__ = [
    "Agents",
    "Application",
    "ApplicationClient",
    "ApplicationClients",
    "ApplicationSettings",
    "Applications",
    "DialogflowAgent",
]


class ApplicationSettings(TypedDict, total=False):
    """The settings of an application, given when creating or updating it (all optional).

    ``friendly_name``; ``voice_url`` (InboundXML for calls), ``voice_method``,
    ``voice_fallback_url`` and ``voice_fallback_method`` (requested when ``voice_url`` fails);
    ``voice_caller_id_lookup`` (look up the caller's name, CNAM, on inbound calls); ``sms_url``
    (told about inbound SMS), ``sms_method``, ``sms_fallback_url``, ``sms_fallback_method``;
    ``heartbeat_url`` (requested every 60 s during calls) and ``heartbeat_method``;
    ``status_callback`` (told when calls end) and ``status_callback_method``;
    ``hangup_callback`` (told when calls hang up) and ``hangup_callback_method``.
    """

    friendly_name: str
    voice_url: str
    voice_method: HttpMethod
    voice_fallback_url: str
    voice_fallback_method: HttpMethod
    voice_caller_id_lookup: bool
    sms_url: str
    sms_method: HttpMethod
    sms_fallback_url: str
    sms_fallback_method: HttpMethod
    heartbeat_url: str
    heartbeat_method: HttpMethod
    status_callback: str
    status_callback_method: HttpMethod
    hangup_callback: str
    hangup_callback_method: HttpMethod


class Application(Model):
    """A named set of voice and SMS URLs that numbers can point to."""

    sid: str
    friendly_name: Text = None
    account_sid: Text = None
    voice_url: Text = None
    voice_method: Text = None
    voice_fallback_url: Text = None
    voice_fallback_method: Text = None
    voice_caller_id_lookup: Bool = None
    sms_url: Text = None
    sms_method: Text = None
    sms_fallback_url: Text = None
    sms_fallback_method: Text = None
    heartbeat_url: Text = None
    heartbeat_method: Text = None
    status_callback: Text = None
    status_callback_method: Text = None
    hangup_callback: Text = None
    hangup_callback_method: Text = None
    client_count: Int = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


class ApplicationClient(Model):
    """A client (e.g. a WebRTC endpoint) of an application; ``client_password`` is returned
    when it is created (``presence_status``: ``init``, ``idle``, ``loggedin``, ``loggedout``)."""

    sid: str
    account_sid: Text = None
    application_sid: Text = None
    nickname: Text = None
    client_password: Text = Field(default=None, repr=False)
    presence_status: Text = None
    session_id: Text = None
    remote_ip: Text = None
    api_version: Text = None
    date_created: Timestamp = None
    date_updated: Timestamp = None
    uri: Text = None


def _either(snake: str, seed: str) -> Any:
    return Field(default=None, validation_alias=AliasChoices(snake, seed))


class DialogflowAgent(Model):
    """A Dialogflow agent's profile. The JSON spelling is undocumented: both snake_case and the
    seed's ``Friendly_name`` style are read."""

    sid: Text = None
    friendly_name: Text = _either("friendly_name", "Friendly_name")
    timeout: Int = _either("timeout", "Timeout")
    callback_url: Text = _either("callback_url", "Callback_url")
    language: Text = _either("language", "Language")
    event_callback_url: Text = _either("event_callback_url", "Event_callback_url")
    events: Text = _either("events", "Events")


def _application(application_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        application_sid: The application's SID.
        timeout: This request's timeout.
    """
    return Where(f"/Applications/{segment(application_sid, 'application_sid')}", timeout)


def _changed(
    application_sid: str,
    *,
    timeout: CallTimeout = DEFAULT,
    **settings: Unpack[ApplicationSettings],
) -> Where:
    """
    Args:
        application_sid: The application's SID.
        timeout: This request's timeout.
        **settings: The settings to change (:class:`ApplicationSettings`).
    """
    return Where(_application(application_sid).path, timeout, encode(settings))


def _client(application_sid: str, client_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        application_sid: The application's SID.
        client_sid: The client's SID.
        timeout: This request's timeout.
    """
    path = f"{_application(application_sid).path}/Clients/{segment(client_sid, 'client_sid')}"
    return Where(path, timeout)


def _clients(
    application_sid: str,
    *,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        application_sid: The application's SID.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    path = f"{_application(application_sid).path}/Clients"
    return Where(path, timeout, page=page, page_size=page_size)


def _new_client(application_sid: str, *, nickname: str, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        application_sid: The application's SID.
        nickname: The client's name (required; missing -> code 31023).
        timeout: This request's timeout.
    """
    return Where(f"{_clients(application_sid).path}/Tokens", timeout, form(nickname=nickname))


class ApplicationClients(Resource[M]):
    """The clients of applications: ``client.applications.clients``."""

    get = reads(_client, ApplicationClient, "Read one application client.")
    list = lists(_clients, "clients", ApplicationClient, "List the clients of an application.")
    list_page = list.page_view()
    list_text = list.text_view()

    create = writes(
        _new_client,
        ApplicationClient,
        "Create a client and its password (never retried once sent).",
        replay_safe=False,
    )


def _applications(
    *,
    friendly_name: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        friendly_name: Only applications with this name.
        page: The first page to read (from 0).
        page_size: Items per page.
        timeout: The timeout of each page's request.
    """
    return Where("/Applications", timeout, form(friendly_name=friendly_name), page, page_size)


def _new_application(
    *, timeout: CallTimeout = DEFAULT, **settings: Unpack[ApplicationSettings]
) -> Where:
    """
    Args:
        timeout: This request's timeout.
        **settings: The application's settings (:class:`ApplicationSettings`).
    """
    return Where("/Applications", timeout, form(**settings))


class Applications(Resource[M]):
    """The ``/Applications`` endpoints: ``client.applications``; clients in ``.clients``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.clients: ApplicationClients[M] = ApplicationClients(runner)

    get = reads(_application, Application, "Read one application.")
    delete = deletes(_application, Application, "Delete an application.")

    list = lists(_applications, "applications", Application, "List applications.")

    list_page = list.page_view()
    list_text = list.text_view()

    create = writes(
        _new_application,
        Application,
        "Create an application (never retried once sent).",
        replay_safe=False,
    )

    update = writes(
        _changed,
        Application,
        "Change an application; only the given settings change.",
        replay_safe=True,
    )


_AGENT_ALIASES = {
    "friendly_name": "Friendly_name",
    "agent_timeout": "Timeout",
    "callback_url": "Callback_url",
    "callback_method": "Callback_method",
    "language": "Language",
    "event_callback_url": "Event_callback_url",
    # The seed prints "Event_ Callback_method"; the space is taken as a typo.
    "event_callback_method": "Event_Callback_method",
    "events": "Events",
}


def _agent(agent_sid: str, *, timeout: CallTimeout = DEFAULT) -> Where:
    """
    Args:
        agent_sid: The agent's SID.
        timeout: This request's timeout.
    """
    return Where(f"/Agents/{segment(agent_sid, 'agent_sid')}", timeout)


def _agent_profile(
    agent_sid: str,
    *,
    friendly_name: str | None = None,
    agent_timeout: int | None = None,
    callback_url: str | None = None,
    callback_method: HttpMethod | None = None,
    language: str | None = None,
    event_callback_url: str | None = None,
    event_callback_method: HttpMethod | None = None,
    events: str | None = None,
    timeout: CallTimeout = DEFAULT,
) -> Where:
    """
    Args:
        agent_sid: The agent's SID.
        friendly_name: Its name (``Friendly_name``).
        agent_timeout: The agent's ``Timeout``.
        callback_url: ``Callback_url``.
        callback_method: ``Callback_method`` (the platform takes POST only).
        language: ``LanguageCode:VoiceType:Gender``, e.g. ``en-US:standard:female``.
        event_callback_url: ``Event_callback_url``.
        event_callback_method: The event callback's method (POST only).
        events: ``onConversationStarted; onAgentRespond; onConversationEnded`` or a subset.
        timeout: This request's timeout.
    """
    path = f"{_agent(agent_sid).path}/ConfigProfile"
    return Where(
        path,
        timeout,
        encode(
            {
                "friendly_name": friendly_name,
                "agent_timeout": agent_timeout,
                "callback_url": callback_url,
                "callback_method": callback_method,
                "language": language,
                "event_callback_url": event_callback_url,
                "event_callback_method": event_callback_method,
                "events": events,
            },
            aliases=_AGENT_ALIASES,
        ),
    )


class Agents(Resource[M]):
    """The Dialogflow ``/Agents`` endpoints: ``client.agents``."""

    get = reads(_agent, DialogflowAgent, "Read an agent's profile.")
    list = lists(
        paging("/Agents"),
        "agents",
        DialogflowAgent,
        "List agents (list key undocumented: ``agents``, else the body's one list).",
    )
    list_page = list.page_view()
    list_text = list.text_view()

    configure = writes(
        _agent_profile,
        DialogflowAgent,
        "Change an agent's profile (``ConfigProfile``; replay-safe: it sets values).",
        replay_safe=True,
    )
