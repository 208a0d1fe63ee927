"""Pages of list resources, and the lazy iterators that follow them.

A list answer carries its items under a resource key (``calls``, ``sms_messages`` …) and the
paging fields ``page`` (0-based), ``page_size``, ``num_pages``, ``total``, ``start``, ``end`` and
the page URIs. ``client.calls.list()`` returns a :class:`PageIterator` (a
:class:`AsyncPageIterator` on the async client) that requests the next page only when the
previous one is used up; ``client.calls.list_page()`` returns one :class:`Page`.
"""

from __future__ import annotations

import html
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

__all__ = ["AsyncPageIterator", "Page", "PageIterator", "parse_page"]

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True, slots=True)
class Page(Sequence[T]):
    """One page of a list resource; a sequence of its items.

    Attributes:
        items: The resources on this page.
        page: This page's number, from 0.
        page_size: The number of items a full page holds.
        num_pages: The number of pages, or ``None`` when the platform did not say.
        total: The number of items over all pages, or ``None``.
        start: The position of the first item on this page over all pages (0-based).
        end: The position of the last item on this page.
        uri: This page's URI.
        first_page_uri: The URI of the first page (``""`` when absent).
        previous_page_uri: The URI of the previous page (``""`` when absent).
        next_page_uri: The URI of the next page (``""`` when absent).
        last_page_uri: The URI of the last page (``""`` when absent).
    """

    items: tuple[T, ...]
    page: int = 0
    page_size: int | None = None
    num_pages: int | None = None
    total: int | None = None
    start: int | None = None
    end: int | None = None
    uri: str = ""
    first_page_uri: str = ""
    previous_page_uri: str = ""
    next_page_uri: str = ""
    last_page_uri: str = ""

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        return self.items[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    @property
    def has_next(self) -> bool:
        """Whether another page follows this one."""
        if self.num_pages is not None:
            return self.page + 1 < self.num_pages
        return bool(self.next_page_uri)


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _uri(value: Any) -> str:
    if not isinstance(value, str) or value.strip() in {"", "null"}:
        return ""
    return html.unescape(value)


def parse_page(content: bytes, key: str, item: Callable[[Any], T]) -> Page[T]:
    """Read a JSON list answer.

    Args:
        content: The body.
        key: The resource key of the list (``calls``); when the body lacks it, the one list of
            objects in the body is taken (several list keys are undocumented).
        item: Reads one item.

    Raises:
        ValueError: When the body is not JSON or holds no list.
    """
    data = json.loads(content)
    if isinstance(data, list):
        return Page(tuple(item(raw) for raw in data), num_pages=1, total=len(data))
    if not isinstance(data, dict):
        raise ValueError("a list answer must be a JSON object")
    raw_items = data.get(key)
    if raw_items is None:
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) != 1:
            raise ValueError(f"no {key!r} list in the answer")
        raw_items = lists[0]
    return Page(
        items=tuple(item(raw) for raw in raw_items),
        page=_int(data.get("page")) or 0,
        page_size=_int(data.get("page_size")),
        num_pages=_int(data.get("num_pages")),
        total=_int(data.get("total")),
        start=_int(data.get("start")),
        end=_int(data.get("end")),
        uri=_uri(data.get("uri")),
        first_page_uri=_uri(data.get("first_page_uri")),
        previous_page_uri=_uri(data.get("previous_page_uri")),
        next_page_uri=_uri(data.get("next_page_uri")),
        last_page_uri=_uri(data.get("last_page_uri")),
    )


class PageQuery(Protocol[T, R_co]):
    """What the iterators need of a list and its filters (the core's ``Query`` is one): the
    request of its page, which the iterator's ``run`` sends, and the query of the next page."""

    def page_op(self) -> R_co:
        """The request of this query's page."""

    def following(self, page: Page[T]) -> PageQuery[T, R_co] | None:
        """The query of the page after ``page``, or ``None`` when ``page`` is the last one."""


class PageIterator(Iterator[T]):
    """Iterates over the items of a list resource, requesting pages as they are needed.

    Args:
        run: Sends one page's request and returns the page (the client's I/O).
        query: The list and its filters.
        limit: Stop after this many items (``None``: all of them).
    """

    def __init__(
        self, run: Callable[[R], Page[T]], query: PageQuery[T, R], limit: int | None = None
    ) -> None:
        self._run: Callable[[Any], Page[T]] = run
        self._query: PageQuery[T, Any] = query
        self._items = self._iterate(limit)

    def __repr__(self) -> str:
        return f"<PageIterator {self._query!r}>"

    def __next__(self) -> T:
        return next(self._items)

    def pages(self) -> Iterator[Page[T]]:
        """Iterate over whole pages instead of items (starting from the query's page)."""
        query: PageQuery[T, Any] | None = self._query
        while query is not None:
            page = self._run(query.page_op())
            yield page
            query = query.following(page)

    def _iterate(self, limit: int | None) -> Iterator[T]:
        count = 0
        for page in self.pages():
            for item in page.items:
                if limit is not None and count >= limit:
                    return
                count += 1
                yield item


class AsyncPageIterator(AsyncIterator[T]):
    """The async twin of :class:`PageIterator`: ``async for call in client.calls.list(): …``.

    Args:
        run: Sends one page's request and returns an awaitable of the page.
        query: The list and its filters.
        limit: Stop after this many items (``None``: all of them).
    """

    def __init__(
        self,
        run: Callable[[R], Awaitable[Page[T]]],
        query: PageQuery[T, R],
        limit: int | None = None,
    ) -> None:
        self._run: Callable[[Any], Awaitable[Page[T]]] = run
        self._query: PageQuery[T, Any] = query
        self._items = self._iterate(limit)

    def __repr__(self) -> str:
        return f"<AsyncPageIterator {self._query!r}>"

    async def __anext__(self) -> T:
        return await anext(self._items)

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Iterate over whole pages instead of items (starting from the query's page)."""
        query: PageQuery[T, Any] | None = self._query
        while query is not None:
            page = await self._run(query.page_op())
            yield page
            query = query.following(page)

    async def _iterate(self, limit: int | None) -> AsyncIterator[T]:
        count = 0
        async for page in self.pages():
            for item in page.items:
                if limit is not None and count >= limit:
                    return
                count += 1
                yield item

    async def collect(self) -> list[T]:
        """Read every remaining item into a list."""
        return [item async for item in self]
