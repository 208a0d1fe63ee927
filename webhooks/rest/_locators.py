"""The one way an endpoint is declared: a locator, and what the endpoint does there.

A *locator* is a function whose signature is the endpoint's (SIDs, parameters, ``page``,
``page_size``, ``timeout``) and which returns a :class:`Where`: the path, and the parameters
named one by one (``form(to=to, from_=from_)``; nothing is sent that the locator does not
name). :func:`reads`, :func:`deletes`, :func:`writes`, :func:`lists` and :func:`reads_text`
make an :class:`~._resource.endpoint` or :class:`~._resource.listing` of it, with the locator's
signature (so ``mypy`` checks the calls of both clients) and the locator's ``Args:`` in the
docstring. One item locator thus serves ``get`` and ``delete`` and gives the paths of the
writes below it; :func:`paging` is the locator of every list that takes nothing but paging
arguments, and :func:`named` of every write that sends nothing but a ``friendly_name``::

    def _send(*, to: str, body: str, timeout: CallTimeout = DEFAULT) -> Where:
        '''
        Args:
            to: The recipient.
            body: The text.
            timeout: This request's timeout.
        '''
        return Where("/SMS/Messages", timeout, form(to=to, body=body))

    class CredentialLists(Resource[M]):
        get = reads(_credential_list, CredentialList, "Read one credential list.")
        list = lists(paging("/SIP/CredentialLists"), "credential_lists", CredentialList, "…")
        create = writes(named("/SIP/CredentialLists"), CredentialList, "…", replay_safe=False)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, NamedTuple, ParamSpec, Protocol, TypeVar

from ._core import DEFAULT, CallTimeout, Op, Query
from ._params import Params, form
from ._resource import endpoint, listing
from ._wire import Model

__all__ = [
    "Naming",
    "Paging",
    "Where",
    "deletes",
    "lists",
    "named",
    "paging",
    "reads",
    "reads_text",
    "writes",
]

P = ParamSpec("P")
T = TypeVar("T")
ModelT = TypeVar("ModelT", bound=Model)


class Where(NamedTuple):
    """What a locator returns: where an endpoint acts and how.

    Attributes:
        path: The path below the account URL.
        timeout: The call's timeout.
        params: Form fields (POST) or filters (lists).
        page: For lists, the first page to read.
        page_size: For lists, the items per page.
        query: For the few writes documented with them, query parameters sent with the form.
    """

    path: str
    timeout: CallTimeout = DEFAULT
    params: Params = ()
    page: int | None = None
    page_size: int | None = None
    query: Params = ()


def _describe(build: Callable[..., Any], summary: str, locate: Callable[..., Any]) -> None:
    # The builder takes the locator's arguments: show its signature and its ``Args:``.
    signature = inspect.signature(locate)
    resource = inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)
    build.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[resource, *signature.parameters.values()], return_annotation=Any
    )
    build.__doc__ = f"{summary}\n\n{inspect.cleandoc(locate.__doc__ or '')}"


def _one(
    method: str,
    locate: Callable[P, Where],
    parse: Callable[[bytes], T],
    summary: str,
    replay_safe: bool,
    suffix: str = ".json",
) -> endpoint[P, T]:
    def build(_resource: Any, /, *args: P.args, **kwargs: P.kwargs) -> Op[T]:
        where = locate(*args, **kwargs)
        return Op(
            method, where.path, where.params, parse, replay_safe, where.timeout, suffix, where.query
        )

    _describe(build, summary, locate)
    return endpoint(build)


def reads(locate: Callable[P, Where], model: type[ModelT], summary: str) -> endpoint[P, ModelT]:
    """The endpoint reading one item (``GET``) where ``locate`` says.

    Args:
        locate: The locator: the endpoint's signature and ``Args:``.
        model: The answer's model.
        summary: The endpoint's one-line docstring.
    """
    return _one("GET", locate, model.model_validate_json, summary, True)


def _text(content: bytes) -> str:
    return content.decode("utf-8")


def reads_text(locate: Callable[P, Where], summary: str) -> endpoint[P, str]:
    """The endpoint reading one item as plain text (``GET`` of its ``.txt`` form).

    Args:
        locate: The locator: the endpoint's signature and ``Args:``.
        summary: The endpoint's one-line docstring.
    """
    return _one("GET", locate, _text, summary, True, ".txt")


def deletes(locate: Callable[P, Where], model: type[ModelT], summary: str) -> endpoint[P, ModelT]:
    """The endpoint deleting one item (``DELETE``) where ``locate`` says.

    Args:
        locate: The locator: the endpoint's signature and ``Args:``.
        model: The answer's model (the deleted item).
        summary: The endpoint's one-line docstring.
    """
    return _one("DELETE", locate, model.model_validate_json, summary, True)


def writes(
    locate: Callable[P, Where], model: type[ModelT], summary: str, *, replay_safe: bool
) -> endpoint[P, ModelT]:
    """The endpoint posting the locator's ``params`` as a form where ``locate`` says.

    Args:
        locate: The locator: the endpoint's signature and ``Args:``.
        model: The answer's model.
        summary: The endpoint's one-line docstring.
        replay_safe: Whether sending it twice is harmless (see :mod:`webhooks.rest.retry`).
    """
    return _one("POST", locate, model.model_validate_json, summary, replay_safe)


def lists(
    locate: Callable[P, Where], key: str, model: type[ModelT], summary: str
) -> listing[P, ModelT]:
    """The list endpoint of the items where ``locate`` says.

    Args:
        locate: The locator: the endpoint's signature and ``Args:``.
        key: The JSON key of the list in a page.
        model: The items' model.
        summary: The endpoint's one-line docstring.
    """
    item = model.model_validate

    def build(_resource: Any, /, *args: P.args, **kwargs: P.kwargs) -> Query[ModelT]:
        where = locate(*args, **kwargs)
        return Query(
            where.path, key, item, where.params, where.page, where.page_size, where.timeout
        )

    _describe(build, summary, locate)
    return listing(build)


class Paging(Protocol):
    """The signature of a list that takes nothing but paging arguments."""

    def __call__(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        timeout: CallTimeout = DEFAULT,
    ) -> Where: ...


def paging(path: str) -> Paging:
    """The locator of a list at ``path`` that takes nothing but paging arguments.

    Args:
        path: The list's path below the account URL.
    """

    def locate(
        *, page: int | None = None, page_size: int | None = None, timeout: CallTimeout = DEFAULT
    ) -> Where:
        """
        Args:
            page: The first page to read (from 0).
            page_size: Items per page.
            timeout: The timeout of each page's request.
        """
        return Where(path, timeout, page=page, page_size=page_size)

    return locate


class Naming(Protocol):
    """The signature of a write that sends nothing but a name."""

    def __call__(self, *, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Where: ...


def named(path: str) -> Naming:
    """The locator of a write at ``path`` that sends nothing but ``FriendlyName``.

    A resource renaming its items by their SID declares a locator with that SID's name (the
    name is part of the endpoint's signature) which hands the item's path here:
    ``named(_item(sid).path)(friendly_name=friendly_name, timeout=timeout)``.

    Args:
        path: The path below the account URL (the list to create in, or the item to rename).
    """

    def locate(*, friendly_name: str, timeout: CallTimeout = DEFAULT) -> Where:
        """
        Args:
            friendly_name: Its name.
            timeout: This request's timeout.
        """
        return Where(path, timeout, form(friendly_name=friendly_name))

    return locate
