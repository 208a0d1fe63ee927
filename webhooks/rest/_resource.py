"""One definition of every endpoint for both clients.

A resource class (``Calls``, ``SmsMessages`` …) is generic over a mode, :class:`Sync` or
:class:`Async`. Its endpoints are I/O-free builder methods returning an :class:`Op` or a
:class:`Query`, wrapped by a descriptor:

- :class:`endpoint`: ``client.calls.get(sid)`` returns the model on ``Client`` and an awaitable
  of it on ``AsyncClient``;
- :class:`listing`: ``client.calls.list()`` returns a lazy :class:`PageIterator` /
  :class:`AsyncPageIterator`;
- ``listing.page_view()``: ``client.calls.list_page(page=2)`` returns one :class:`Page`;
- ``listing.text_view()``: ``client.calls.list_text("csv")`` returns the raw body.

The descriptors' overloads give each mode its precise type, so ``mypy`` checks arguments and
results of both clients from the single definition. Every builder is also recorded in
:data:`ENDPOINTS`, the table the tests run through.

Resource modules do not write builders: they declare every endpoint from a locator
(:mod:`._locators`), which builds the ``Op`` or ``Query`` these descriptors run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, Generic, NamedTuple, ParamSpec, Self, TypeVar, overload

from ._core import Format, Op, Query
from .paging import AsyncPageIterator, Page, PageIterator

__all__ = ["ENDPOINTS", "Async", "Resource", "Runner", "Sync", "endpoint", "listing"]

P = ParamSpec("P")
T = TypeVar("T")


class Sync:
    """Mode marker: the resource belongs to a :class:`~webhooks.rest.Client`."""


class Async:
    """Mode marker: the resource belongs to an :class:`~webhooks.rest.AsyncClient`."""


M = TypeVar("M", Sync, Async)

ENDPOINTS: list[tuple[str, str]] = []
"""``(resource class name, attribute)`` of every endpoint view, in definition order."""


class Runner(NamedTuple):
    """What the resources need of their client, which builds it from its own methods.

    Attributes:
        client: The client (``Client`` or ``AsyncClient``), as the resources' reprs show it.
        run: Sends an op and returns its result (an awaitable of it on the async client).
        iterate: Returns the lazy iterator over a query's items (an async one on the async
            client).
    """

    client: object
    run: Callable[[Op[Any]], Any]
    iterate: Callable[[Query[Any]], Any]


class Resource(Generic[M]):
    """Base of the resource classes: holds the client's runner of the built requests.

    Args:
        runner: The client's :class:`Runner`.
    """

    __slots__ = ("_runner",)

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._runner.client!r}>"


class _View:
    """Base of the endpoint descriptors: the builder, the docstring, and the binding of a
    resource's callable.

    Args:
        build: The builder (an ``Op`` or ``Query`` method).
        doc: The endpoint's docstring.
    """

    build: Callable[..., Any]

    def __init__(self, build: Callable[..., Any], doc: str | None) -> None:
        self.build = build
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        ENDPOINTS.append((owner.__name__, name))

    def _finish(self, runner: Runner) -> Callable[[Any], Any]:
        """What the endpoint does with what the builder built, on ``runner``."""
        raise NotImplementedError

    def _view(self, instance: Resource[Any] | None) -> Any:
        if instance is None:
            return self
        build, finish = self.build, self._finish(instance._runner)

        def call(*args: Any, **kwargs: Any) -> Any:
            return finish(build(instance, *args, **kwargs))

        return self._bind(instance, call)

    def _bind(self, instance: Resource[Any], call: Callable[..., Any]) -> Any:
        # The views are non-data descriptors: once the bound callable sits in the instance's
        # ``__dict__``, later lookups find it there and skip ``__get__`` altogether.
        call.__doc__ = self.__doc__
        vars(instance)[self.name] = call
        return call


class endpoint(_View, Generic[P, T]):  # noqa: N801 - used as a decorator, like ``property``
    """Turn a builder method returning ``Op[T]`` into an endpoint of both clients.

    Args:
        build: The builder; its parameters become the endpoint's parameters.
    """

    build: Callable[Concatenate[Any, P], Op[T]]

    def __init__(self, build: Callable[Concatenate[Any, P], Op[T]]) -> None:
        super().__init__(build, build.__doc__)

    def _finish(self, runner: Runner) -> Callable[[Op[T]], Any]:
        return runner.run

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(self, instance: Resource[Sync], owner: type) -> Callable[P, T]: ...
    @overload
    def __get__(self, instance: Resource[Async], owner: type) -> Callable[P, Awaitable[T]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type) -> Any:
        return self._view(instance)


class listing(_View, Generic[P, T]):  # noqa: N801 - used as a decorator, like ``property``
    """Turn a builder method returning ``Query[T]`` into a lazily paged list endpoint.

    Args:
        build: The builder; its parameters (filters, ``page``, ``page_size``, ``timeout``)
            become the endpoint's parameters.
    """

    build: Callable[Concatenate[Any, P], Query[T]]

    def __init__(self, build: Callable[Concatenate[Any, P], Query[T]]) -> None:
        super().__init__(build, build.__doc__)

    def _finish(self, runner: Runner) -> Callable[[Query[T]], Any]:
        return runner.iterate

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(self, instance: Resource[Sync], owner: type) -> Callable[P, PageIterator[T]]: ...
    @overload
    def __get__(
        self, instance: Resource[Async], owner: type
    ) -> Callable[P, AsyncPageIterator[T]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type) -> Any:
        return self._view(instance)

    def page_view(self) -> _PageView[P, T]:
        """The endpoint reading one page (``list_page``) of the same list."""
        return _PageView(self.build)

    def text_view(self) -> _TextView[P]:
        """The endpoint reading one page as raw XML or CSV text (``list_text``)."""
        return _TextView(self.build)


class _PageView(_View, Generic[P, T]):
    def __init__(self, build: Callable[Concatenate[Any, P], Query[T]]) -> None:
        super().__init__(
            build, f"One page of the list, with its paging fields.\n\n{build.__doc__ or ''}"
        )

    def _finish(self, runner: Runner) -> Callable[[Query[T]], Any]:
        run = runner.run

        def finish(query: Query[T]) -> Any:
            return run(query.page_op())

        return finish

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(self, instance: Resource[Sync], owner: type) -> Callable[P, Page[T]]: ...
    @overload
    def __get__(
        self, instance: Resource[Async], owner: type
    ) -> Callable[P, Awaitable[Page[T]]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type) -> Any:
        return self._view(instance)


class _TextView(_View, Generic[P]):
    def __init__(self, build: Callable[Concatenate[Any, P], Query[Any]]) -> None:
        super().__init__(
            build, "One page of the list as raw text; the first argument is 'xml' or 'csv'."
        )

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(
        self, instance: Resource[Sync], owner: type
    ) -> Callable[Concatenate[Format, P], str]: ...
    @overload
    def __get__(
        self, instance: Resource[Async], owner: type
    ) -> Callable[Concatenate[Format, P], Awaitable[str]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type) -> Any:
        if instance is None:
            return self
        build, run = self.build, instance._runner.run

        def call(fmt: Format, /, *args: Any, **kwargs: Any) -> Any:
            return run(build(instance, *args, **kwargs).text_op(fmt))

        return self._bind(instance, call)
