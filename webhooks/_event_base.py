"""The base of every webhook event: decoding, the per-call session and live-call control.

:class:`Event` turns decoded request parameters into a frozen pydantic model, gives handlers the
call's session and, through the app that dispatched it, its REST client (``event.interrupt()``,
``event.hangup()``, ``event.send_digits()``) and URL resolver (``event.url_for()``). The
protocols here say what the app attaches to an event. The concrete event classes and the public
names live in :mod:`webhooks.events`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Protocol, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from webhooks.errors import BadRequest, ConfigurationError, SessionError
from webhooks.sessions import Session

__all__ = ["Binding", "CallsAPI", "ClientProtocol", "Event", "OptionalInt", "param"]


class CallsAPI(Protocol):
    """The part of a REST client's ``calls`` area that live-call control uses."""

    def interrupt(self, call_sid: str, /, *args: Any, **kwargs: Any) -> Any:
        """Interrupt a live call (``url=``, ``method=``, ``status=``)."""

    def send_digits(self, call_sid: str, /, *args: Any, **kwargs: Any) -> Any:
        """Play DTMF digits into a live call."""


class ClientProtocol(Protocol):
    """What ``App(client=...)`` needs: ``webhooks.rest.Client`` or ``AsyncClient`` fit it."""

    @property
    def calls(self) -> CallsAPI:
        """The calls API area."""


class Binding(Protocol):
    """What an app attaches to each event it dispatches: its REST client and URL resolver."""

    @property
    def client(self) -> ClientProtocol | None:
        """The app's REST client, if it was given one."""

    def resolve(self, handler: Callable[..., Any]) -> str:
        """Return the URL of the route of ``handler`` (absolute when the public URL is known)."""


def _blank_to_none(value: object) -> object:
    return None if value == "" else value


OptionalInt = Annotated[int | None, BeforeValidator(_blank_to_none)]
"""An integer parameter the platform may send empty (``""`` reads as ``None``)."""


def param(alias: str, description: str, default: Any = None) -> Any:
    """Declare an event field read from the platform's parameter ``alias``.

    Pass ``...`` as ``default`` for a parameter every request of the event carries.
    """
    return Field(default, alias=alias, description=description)


class Event(BaseModel):
    """Base of every webhook event: frozen, with the unnamed parameters kept in :attr:`extra`.

    Events are plain values: build one in a unit test with ``VoiceEvent(CallSid=..., ...)`` or
    :meth:`from_params` and call the handler with it.
    """

    model_config = ConfigDict(frozen=True, populate_by_name=True, str_strip_whitespace=False)

    call_sid: str | None = param("CallSid", "The call this request belongs to (`CA` + 32 hex).")
    account_sid: str | None = param("AccountSid", "The account (`AC` + 32 hex).")
    extra: dict[str, str] = Field(
        default_factory=dict, description="Every parameter this event class does not name."
    )

    # Request context attached by the app; slots rather than pydantic private attributes, which
    # would cost more than validating the fields.
    # (``_binding``: Binding; ``_session``: Session, or why there is none.)
    __slots__ = ("_binding", "_session")
    _aliases: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._aliases = frozenset(
            f.alias for name, f in cls.model_fields.items() if f.alias and name != "extra"
        )

    @classmethod
    def from_params(cls, params: dict[str, str]) -> Self:
        """Build the event from decoded request parameters.

        Args:
            params: Parameter names as the platform sends them, mapped to their values. The
                mapping is consumed: it may be changed.

        Returns:
            The validated event; parameters the class does not name go to :attr:`extra`.

        Raises:
            BadRequest: If a required parameter is missing or a value is invalid; the message is
                one line naming the parameter.
        """
        unknown = params.keys() - cls._aliases
        params["extra"] = {k: params.pop(k) for k in unknown} if unknown else {}  # type: ignore[assignment]
        try:
            event: Self = cls.__pydantic_validator__.validate_python(params)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"]) or "parameters"
            if error["type"] == "missing":
                raise BadRequest(f"missing {where}") from None
            raise BadRequest(f"invalid {where}: {error['msg']}") from None
        return event

    @property
    def session(self) -> Session:
        """The per-call mapping kept across the requests of this call (key: ``CallSid``).

        Raises:
            SessionError: If the app could not give this event a session (it has no ``CallSid``).
        """
        session = getattr(self, "_session", None)
        if isinstance(session, Session):
            return session
        if session is None:  # an event built outside an app: a detached, empty session
            session = Session()
            object.__setattr__(self, "_session", session)
            return session
        raise SessionError(session)

    def _calls(self) -> tuple[CallsAPI, str, Binding]:
        binding: Binding | None = getattr(self, "_binding", None)
        if binding is None or binding.client is None:
            raise ConfigurationError(
                "live-call control needs a REST client: create the app with App(client=...)"
            )
        if not self.call_sid:
            raise ConfigurationError(f"{type(self).__name__} has no CallSid to control")
        return binding.client.calls, self.call_sid, binding

    def interrupt(
        self,
        url: str | Callable[..., Any] | None = None,
        *,
        method: str | None = None,
        status: str | None = None,
    ) -> Any:
        """Interrupt this live call through the app's REST client (Interrupt Live Call).

        The new document takes effect after the element now running finishes.

        Args:
            url: The document to run instead: a URL, or a handler registered on the app.
            method: ``GET`` or ``POST`` for ``url``.
            status: ``completed`` (or ``canceled`` before answer) to end the call instead.

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        calls, call_sid, binding = self._calls()
        options: dict[str, str] = {}
        if url is not None:
            options["url"] = url if isinstance(url, str) else binding.resolve(url)
        if method is not None:
            options["method"] = method
        if status is not None:
            options["status"] = status
        return calls.interrupt(call_sid, **options)

    def hangup(self) -> Any:
        """End this live call (an interrupt with ``status="completed"``).

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        return self.interrupt(status="completed")

    def send_digits(self, digits: str, *, direction: str | None = None) -> Any:
        """Play DTMF ``digits`` (``0-9 # * w W``) into this live call.

        Args:
            digits: The digits to play (``w``/``W`` pause half a second).
            direction: ``in`` or ``out`` (the platform's default when omitted).

        Returns:
            What the client returns; ``await`` it when the app holds an ``AsyncClient``.

        Raises:
            ConfigurationError: If the app was created without ``client=``.
        """
        calls, call_sid, _ = self._calls()
        options = {"play_dtmf": digits}
        if direction is not None:
            options["play_dtmf_direction"] = direction
        return calls.send_digits(call_sid, **options)

    def url_for(self, handler: Callable[..., Any]) -> str:
        """Return the URL of ``handler``'s route, as verbs' URL attributes render it.

        Useful where the markup takes a URL as text, e.g. ``Redirect(call.url_for(welcome))``.

        Raises:
            ConfigurationError: If the event was not dispatched by an app, or ``handler`` is not
                registered on it.
        """
        binding: Binding | None = getattr(self, "_binding", None)
        if binding is None:
            raise ConfigurationError("url_for needs an event dispatched by an App")
        return binding.resolve(handler)
