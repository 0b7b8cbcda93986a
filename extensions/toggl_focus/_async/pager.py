"""The pagers: iterate a listing lazily, by items or by whole pages, one request per page.

What a page is and when the listing ends (the plan, the checks, `PaginationError`) is
sync/async-neutral and lives in `toggl_focus._wire.paging`; `toggl_focus.pagination`
exports these classes under their public names; here is only the iteration. The async
pager's `concurrency` > 1 keeps later pages in flight once the total is known (the
`async_io` pair's prefetch); the sync pager has no `concurrency`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from types import TracebackType
from typing import Generic, Self, TypeVar

import httpx

from .._wire.async_io import AsyncPrefetch
from .._wire.paging import Page, _Plan, _Walk, resumable

__all__ = ["AsyncItemIterator", "AsyncPageIterator", "AsyncPager"]

T = TypeVar("T")

AsyncFetch = Callable[[int, int], Awaitable[tuple[list[T], int | None]]]
Fetched = tuple[list[T], int | None, httpx.Response | None]


async def _fetch_page(fetch: AsyncFetch[T], number: int, size: int) -> Fetched[T]:
    """Fetch page `number` with its response; an error says to resume from it (`next_page`).

    A prefetched page runs as its own task, so each page captures only its own response.
    """
    with resumable(number) as seen:
        items, total = await fetch(number, size)
    return items, total, seen[-1] if seen else None


class AsyncPager(Generic[T]):
    """Iterate items lazily (iterate the pager) or whole pages (`pager.pages()`).

    `planned_requests` is None until an iteration's first page arrives, then the most
    requests that iteration will spend (None when the API gives no total and there is no
    `max_items`: then only a short page or `max_pages` ends it). `next_page` is the page
    the iteration would fetch next (None once it has ended): after an error, or a `break`,
    `list(..., start_page=pager.next_page)` with the same arguments goes on from there.

    Each iteration gets a fresh iterator object, which `aclose()` or a `with` block ends;
    what that means for pages fetched concurrently is in `toggl_focus.pagination`.
    """

    def __init__(
        self,
        fetch: AsyncFetch[T],
        *,
        operation: str,
        page_size: int | None = None,
        max_items: int | None = None,
        concurrency: int = 1,  # async only
        max_pages: int | None = None,
        start_page: int | None = None,
    ) -> None:
        self._plan = _Plan.make(
            operation,
            page_size,
            max_items,
            max_pages,
            concurrency=concurrency,  # async only
            start_page=start_page,
        )
        self._fetch = fetch
        self.planned_requests: int | None = None
        self.next_page: int | None = self._plan.start

    def pages(self) -> AsyncPageIterator[T]:
        """Pages in order; PaginationError when the server misbehaves.

        Concurrent fetching (async) never goes beyond the plan the first page fixed.
        """
        return AsyncPageIterator(self)

    def __aiter__(self) -> AsyncItemIterator[T]:
        return AsyncItemIterator(self.pages())


class _Closing:
    """What both iterators share: a `with` block that ends with `aclose()`."""

    async def aclose(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class AsyncPageIterator(_Closing, Generic[T]):
    """One iteration of a pager's pages; `aclose()` (or a `with` block) cancels prefetches."""

    def __init__(self, pager: AsyncPager[T]) -> None:
        self._pager = pager
        self._walk: _Walk[T] = _Walk(pager._plan)
        self._ahead: AsyncPrefetch[Fetched[T]] = AsyncPrefetch()
        self._next_to_start = self._walk.number + 1
        self._closed = False
        if self._walk.finished:  # max_items=0
            pager.planned_requests = 0

    def __aiter__(self) -> AsyncPageIterator[T]:
        return self

    async def __anext__(self) -> Page[T]:
        if self._closed or self._walk.finished:
            if self._walk.finished:
                self._pager.next_page = None
            await self.aclose()
            raise StopAsyncIteration
        try:
            page = await self._next()
        except BaseException:
            await self.aclose()
            raise
        if self._walk.finished:  # a short page: what is still in flight is not needed
            await self.aclose()
        return page

    async def _next(self) -> Page[T]:
        walk, pager = self._walk, self._pager
        pager.next_page = walk.number
        walk.check_cap()
        number, plan = walk.number, pager._plan
        if walk.pages > 0 and walk.total is not None and plan.concurrency > 1:
            self._start_prefetches()
            fetched = await self._ahead.take(number)
        else:
            fetched = await _fetch_page(pager._fetch, number, plan.size)
        page = walk.accept(*fetched)
        pager.planned_requests = walk.planned
        pager.next_page = None if walk.finished else walk.number
        return page

    def _start_prefetches(self) -> None:
        """Keep `concurrency` pages in flight (or done, unread), never past the plan or the cap."""
        walk, pager = self._walk, self._pager
        last = walk.last_allowed
        assert last is not None
        self._next_to_start = max(self._next_to_start, walk.number)
        while self._next_to_start <= last and len(self._ahead) < pager._plan.concurrency:
            number = self._next_to_start
            self._ahead.start(number, _fetch_page(pager._fetch, number, pager._plan.size))
            self._next_to_start += 1

    async def aclose(self) -> None:
        """Stop: cancel the page requests in flight and wait until they have ended."""
        self._closed = True
        await self._ahead.aclose()

    def __del__(self) -> None:
        # Dropped without aclose() (a `break` out of the loop): cancel what is in flight.
        with contextlib.suppress(AttributeError, RuntimeError):  # half-built, or loop closed
            self._ahead.cancel()


class AsyncItemIterator(_Closing, Generic[T]):
    """One iteration of a pager's items; `aclose()` (or a `with` block) cancels prefetches."""

    def __init__(self, pages: AsyncPageIterator[T]) -> None:
        self._pages = pages
        self._items: Iterator[T] = iter(())

    def __aiter__(self) -> AsyncItemIterator[T]:
        return self

    async def __anext__(self) -> T:
        for item in self._items:
            return item
        while True:
            page = await self._pages.__anext__()
            self._items = iter(page.items)
            for item in self._items:
                return item

    async def aclose(self) -> None:
        """Stop (items of the current page too): cancel the requests in flight, wait for them."""
        self._items = iter(())
        await self._pages.aclose()
