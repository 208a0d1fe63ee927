"""Applications (reusable voice/SMS URL sets), their clients, and Dialogflow agents.

``client.applications.create(friendly_name=…, voice_url=…)``,
``client.applications.clients.create(application_sid, nickname="alice")`` and
``client.agents.configure(agent_sid, language="en-US:standard:female")``.
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field

from ._core import DEFAULT, CallTimeout, Op, Query
from ._params import segment
from ._resource import M, Resource, endpoint, listing
from ._wire import Bool, Int, Model, Text, Timestamp
from .types import HttpMethod

__all__ = [
    "Agents",
    "Application",
    "ApplicationClient",
    "ApplicationClients",
    "Applications",
    "DialogflowAgent",
]


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


def _app_path(application_sid: str) -> str:
    return f"/Applications/{segment(application_sid, 'application_sid')}"


class ApplicationClients(Resource[M]):
    """The clients of applications: ``client.applications.clients``."""

    @endpoint
    def get(
        self, application_sid: str, client_sid: str, *, timeout: CallTimeout = DEFAULT
    ) -> Op[ApplicationClient]:
        """Read one application client.

        Args:
            application_sid: The application's SID.
            client_sid: The client's SID.
            timeout: This request's timeout.
        """
        path = f"{_app_path(application_sid)}/Clients/{segment(client_sid, 'client_sid')}"
        return self._get(path, ApplicationClient.model_validate_json, timeout)

    @listing
    def list(
        self,
        application_sid: str,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[ApplicationClient]:
        """List the clients of an application.

        Args:
            application_sid: The application's SID.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        path = f"{_app_path(application_sid)}/Clients"
        return self._query(
            path, "clients", ApplicationClient.model_validate, locals(), skip=("application_sid",)
        )

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def create(
        self, application_sid: str, *, nickname: str, timeout: CallTimeout = DEFAULT
    ) -> Op[ApplicationClient]:
        """Create a client and its password (never retried once sent).

        Args:
            application_sid: The application's SID.
            nickname: The client's name (required; missing -> code 31023).
            timeout: This request's timeout.
        """
        path = f"{_app_path(application_sid)}/Clients/Tokens"
        return self._post(
            path,
            ApplicationClient.model_validate_json,
            locals(),
            replay_safe=False,
            skip=("application_sid",),
        )


class Applications(Resource[M]):
    """The ``/Applications`` endpoints: ``client.applications``; clients in ``.clients``.

    Args:
        runner: The client.
    """

    def __init__(self, runner: Any) -> None:
        super().__init__(runner)
        self.clients: ApplicationClients[M] = ApplicationClients(runner)

    @endpoint
    def get(self, application_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[Application]:
        """Read one application.

        Args:
            application_sid: The application's SID.
            timeout: This request's timeout.
        """
        return self._get(_app_path(application_sid), Application.model_validate_json, timeout)

    @listing
    def list(
        self,
        *,
        friendly_name: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[Application]:
        """List applications.

        Args:
            friendly_name: Only applications with this name.
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Applications", "applications", Application.model_validate, locals())

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def create(
        self,
        *,
        friendly_name: str | None = None,
        voice_url: str | None = None,
        voice_method: HttpMethod | None = None,
        voice_fallback_url: str | None = None,
        voice_fallback_method: HttpMethod | None = None,
        voice_caller_id_lookup: bool | None = None,
        sms_url: str | None = None,
        sms_method: HttpMethod | None = None,
        sms_fallback_url: str | None = None,
        sms_fallback_method: HttpMethod | None = None,
        heartbeat_url: str | None = None,
        heartbeat_method: HttpMethod | None = None,
        status_callback: str | None = None,
        status_callback_method: HttpMethod | None = None,
        hangup_callback: str | None = None,
        hangup_callback_method: HttpMethod | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Application]:
        """Create an application (never retried once sent).

        Args:
            friendly_name: Its name.
            voice_url: InboundXML URL for calls.
            voice_method: How ``voice_url`` is requested.
            voice_fallback_url: Requested when ``voice_url`` fails.
            voice_fallback_method: How ``voice_fallback_url`` is requested.
            voice_caller_id_lookup: Look up the caller's name (CNAM) on inbound calls.
            sms_url: URL told about inbound SMS.
            sms_method: How ``sms_url`` is requested.
            sms_fallback_url: Requested when ``sms_url`` fails.
            sms_fallback_method: How ``sms_fallback_url`` is requested.
            heartbeat_url: Requested every 60 s during calls.
            heartbeat_method: How ``heartbeat_url`` is requested.
            status_callback: Told when calls end.
            status_callback_method: How ``status_callback`` is requested.
            hangup_callback: Told when calls hang up.
            hangup_callback_method: How ``hangup_callback`` is requested.
            timeout: This request's timeout.
        """
        return self._post(
            "/Applications", Application.model_validate_json, locals(), replay_safe=False
        )

    @endpoint
    def update(
        self,
        application_sid: str,
        *,
        friendly_name: str | None = None,
        voice_url: str | None = None,
        voice_method: HttpMethod | None = None,
        voice_fallback_url: str | None = None,
        voice_fallback_method: HttpMethod | None = None,
        voice_caller_id_lookup: bool | None = None,
        sms_url: str | None = None,
        sms_method: HttpMethod | None = None,
        sms_fallback_url: str | None = None,
        sms_fallback_method: HttpMethod | None = None,
        heartbeat_url: str | None = None,
        heartbeat_method: HttpMethod | None = None,
        status_callback: str | None = None,
        status_callback_method: HttpMethod | None = None,
        hangup_callback: str | None = None,
        hangup_callback_method: HttpMethod | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Op[Application]:
        """Change an application; only the given fields change (the arguments of :meth:`create`).

        Args:
            application_sid: The application's SID; the other arguments are as for ``create``.
        """
        return self._post(
            _app_path(application_sid),
            Application.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("application_sid",),
        )

    @endpoint
    def delete(self, application_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[Application]:
        """Delete an application.

        Args:
            application_sid: The application's SID.
            timeout: This request's timeout.
        """
        return self._delete(_app_path(application_sid), Application.model_validate_json, timeout)


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


class Agents(Resource[M]):
    """The Dialogflow ``/Agents`` endpoints: ``client.agents``."""

    @endpoint
    def get(self, agent_sid: str, *, timeout: CallTimeout = DEFAULT) -> Op[DialogflowAgent]:
        """Read an agent's profile.

        Args:
            agent_sid: The agent's SID.
            timeout: This request's timeout.
        """
        path = f"/Agents/{segment(agent_sid, 'agent_sid')}"
        return self._get(path, DialogflowAgent.model_validate_json, timeout)

    @listing
    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Query[DialogflowAgent]:
        """List agents (list key undocumented: ``agents``, else the body's one list).

        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return self._query("/Agents", "agents", DialogflowAgent.model_validate, locals())

    list_page = list.page_view()
    list_text = list.text_view()

    @endpoint
    def configure(
        self,
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
    ) -> Op[DialogflowAgent]:
        """Change an agent's profile (``ConfigProfile``; replay-safe: it sets values).

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
        path = f"/Agents/{segment(agent_sid, 'agent_sid')}/ConfigProfile"
        return self._post(
            path,
            DialogflowAgent.model_validate_json,
            locals(),
            replay_safe=True,
            skip=("agent_sid",),
            aliases=_AGENT_ALIASES,
        )
