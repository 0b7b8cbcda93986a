"""Lazy auto-pagination that spends as few requests as the API allows, and no more.

Each paginated operation's rules (page and size params, max size, where the items and
the total are) come from the spec's `x-pagination`, via `_pagination_meta`. The pagers
use the largest page size unless told otherwise, stop on the total when there is one
(never an extra empty request) and on a short page when there is none.

They do not trust the server to end the listing. The first page fixes the plan: with a
total, `ceil(min(total, max_items) / page_size)` requests and never more (later pages
cannot extend it, and concurrent prefetching stays inside it). `PaginationError` stops
the iteration when a page repeats the previous page's ids (a server ignoring `?page=`),
when the total changes between pages, or before page `max_pages` + 1 (`MAX_PAGES` unless
the pager is told otherwise). Pages yielded before the error are the caller's.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterator
from types import TracebackType
from typing import Generic, TypeVar

import attrs
import httpx

from ._check import given
from ._pagination_meta import PAGINATION, PaginationSpec
from ._raw import capturing
from .errors import FocusConfigError, FocusError, PaginationError

__all__ = [
    "MAX_PAGES",
    "AsyncItemIterator",
    "AsyncPageIterator",
    "AsyncPager",
    "Page",
    "SyncPager",
]

T = TypeVar("T")

MAX_PAGES = 1000
"""Default page cap of one iteration: at most this many requests, then `PaginationError`.

1,000 pages are 100,000 items at the largest page size, and more requests than the
largest hourly quota (600) allows: a listing that stops here was going to spend the
quota anyway. Pass `max_pages` to a `list()` call (or a pager) to change it.
"""


@attrs.frozen
class Page(Generic[T]):
    """One fetched page: its number, its items, the page size asked for, the total if known,
    and the raw HTTP response it came from (headers, status; already read and redacted)."""

    number: int
    items: list[T]
    size: int
    total: int | None
    response: httpx.Response | None = attrs.field(default=None, repr=False, eq=False)


Fetch = Callable[[int, int], tuple[list[T], int | None]]
AsyncFetch = Callable[[int, int], Awaitable[tuple[list[T], int | None]]]
Fetched = tuple[list[T], int | None, httpx.Response | None]


def _fetch_page(fetch: Fetch[T], number: int, size: int) -> Fetched[T]:
    """Fetch one page, keeping its response; an error names the page to resume from."""
    with _resumable(number), capturing() as seen:
        items, total = fetch(number, size)
    return items, total, seen[-1] if seen else None


async def _afetch_page(fetch: AsyncFetch[T], number: int, size: int) -> Fetched[T]:
    """Async `_fetch_page` (its own task when prefetched: the capture is per task)."""
    with _resumable(number), capturing() as seen:
        items, total = await fetch(number, size)
    return items, total, seen[-1] if seen else None


@contextlib.contextmanager
def _resumable(number: int) -> Iterator[None]:
    """Mark a FocusError raised fetching page `number` with `next_page` (where to resume)."""
    try:
        yield
    except FocusError as err:
        if err.next_page is None:
            err.next_page = number
        raise


def _count(name: str, value: object, low: int, high: int | None = None) -> int:
    """`value` as an int in low..high; FocusConfigError for another type (bool too) or range."""
    wanted = f"an int >= {low}" if high is None else f"an int between {low} and {high}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise FocusConfigError(f"{name} must be {wanted}, got {given(value)}")
    if value < low or (high is not None and value > high):
        raise FocusConfigError(f"{name} must be {wanted}, got {given(value)}")
    return value


@attrs.frozen
class _Plan:
    """Page size and stopping rules for one listing."""

    operation: str
    spec: PaginationSpec
    size: int
    max_items: int | None
    max_pages: int
    start: int

    @classmethod
    def make(
        cls,
        operation: str,
        page_size: int | None,
        max_items: int | None,
        max_pages: int | None = None,
        start_page: int | None = None,
    ) -> _Plan:
        """Validate the pager's arguments (FocusConfigError, before any request)."""
        spec = PAGINATION[operation]
        if page_size is not None:
            page_size = _count("page_size", page_size, 1, spec["max_size"])
        if max_items is not None:
            max_items = _count("max_items", max_items, 0)
        cap = MAX_PAGES if max_pages is None else _count("max_pages", max_pages, 1)
        first = spec["first_page"]
        start = first if start_page is None else _count("start_page", start_page, first)
        size = page_size or spec["max_size"]
        if page_size is None and max_items:
            size = min(size, max_items)
        return cls(
            operation=operation,
            spec=spec,
            size=size,
            max_items=max_items,
            max_pages=cap,
            start=start,
        )

    @property
    def first(self) -> int:
        return self.spec["first_page"]

    @property
    def skipped(self) -> int:
        """Pages before `start_page`: taken as fetched in full by an earlier listing."""
        return self.start - self.first

    def requests_for(self, total: int | None) -> int | None:
        """Requests the listing needs after a first page announcing `total` (None: unbounded)."""
        bounds = [b for b in (total, self.max_items) if b is not None]
        if not bounds:
            return None
        return max(1, -(-min(bounds) // self.size))

    def clip(self, items: list[T], seen: int) -> list[T]:
        if self.max_items is None:
            return items
        return items[: max(0, self.max_items - seen)]


def _key(item: object) -> object:
    """What identifies an item when comparing pages: its `id` (the item itself if it has none)."""
    return getattr(item, "id", item)


class _Walk(Generic[T]):
    """One iteration's progress, the plan its first page fixed, and the checks on each page."""

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.number = plan.start  # the next page to fetch
        self.seen = 0  # items yielded
        self.pages = 0  # pages yielded
        self.before = plan.skipped * plan.size  # items of the pages before start_page
        self.finished = plan.max_items is not None and self.before >= plan.max_items
        self.planned: int | None = 0 if self.finished else None
        self.total: int | None = None  # the first page's
        self._previous: list[object] | None = None

    @property
    def last(self) -> int | None:
        """Number of the last page the plan allows (None until known, or without a bound)."""
        return None if self.planned is None else self.plan.start + self.planned - 1

    @property
    def last_allowed(self) -> int | None:
        """The last page that may be requested: the plan's last, and never past the cap."""
        cap = self.plan.start + self.plan.max_pages - 1
        return cap if self.last is None else min(self.last, cap)

    def check_cap(self) -> None:
        """PaginationError instead of fetching page `max_pages` + 1."""
        if self.pages >= self.plan.max_pages:
            raise self._error(
                f"the server has not ended the listing after {self.pages} pages "
                f"(max_pages={self.plan.max_pages}); pass a larger max_pages or narrower filters "
                "if that many are expected"
            )

    def accept(
        self, items: list[T], total: int | None, response: httpx.Response | None = None
    ) -> Page[T]:
        """Check page `self.number` against the previous ones and turn it into a Page."""
        plan = self.plan
        if self.pages == 0:
            self.total = total
            planned = plan.requests_for(total)
            # Resumed: the pages before start_page are not requested again (at least this one).
            self.planned = None if planned is None else max(1, planned - plan.skipped)
        elif total != self.total:
            before, now = ("none" if t is None else t for t in (self.total, total))
            raise self._error(
                f"the total changed from {before} (page {plan.start}) to {now}: "
                "the listing changed while paging or the server is inconsistent; list again"
            )
        keys = [_key(item) for item in items]
        if keys and keys == self._previous:
            raise self._error(
                f"it repeated page {self.number - 1} (the same {len(keys)} ids): "
                "the server seems to ignore the page parameter"
            )
        if keys:
            self._previous = keys
        kept = plan.clip(items, self.before + self.seen)
        page = Page(number=self.number, items=kept, size=plan.size, total=total, response=response)
        self.seen += len(kept)
        self.pages += 1
        self.finished = (
            len(items) < plan.size
            or (plan.max_items is not None and self.before + self.seen >= plan.max_items)
            or (self.last is not None and self.number >= self.last)
        )
        self.number += 1
        return page

    def _error(self, what: str) -> PaginationError:
        return PaginationError(
            f"{self.plan.operation}: stopped at page {self.number}: {what}. Already fetched "
            f"and yielded: {self.pages} page(s), {self.seen} item(s)",
            operation=self.plan.operation,
            page=self.number,
            pages_fetched=self.pages,
        )


class SyncPager(Generic[T]):
    """Iterate items lazily (`for g in pager`) or whole pages (`pager.pages()`).

    `planned_requests` is None until an iteration's first page arrives, then the most
    requests that iteration will spend (None when the API gives no total and there is no
    `max_items`: then only a short page or `max_pages` ends it). `next_page` is the page
    the iteration would fetch next (None once it has ended): after an error, or a `break`,
    `list(..., start_page=pager.next_page)` with the same arguments goes on from there.
    """

    def __init__(
        self,
        fetch: Fetch[T],
        *,
        operation: str,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        start_page: int | None = None,
    ) -> None:
        self._fetch = fetch
        self._plan = _Plan.make(operation, page_size, max_items, max_pages, start_page)
        self.planned_requests: int | None = None
        self.next_page: int | None = self._plan.start

    def pages(self) -> Iterator[Page[T]]:
        """Fetch and yield one page at a time; PaginationError when the server misbehaves."""
        walk: _Walk[T] = _Walk(self._plan)
        if walk.finished:  # max_items=0
            self.planned_requests = 0
        while not walk.finished:
            self.next_page = walk.number
            walk.check_cap()
            page = walk.accept(*_fetch_page(self._fetch, walk.number, self._plan.size))
            self.planned_requests = walk.planned
            self.next_page = None if walk.finished else walk.number
            yield page
        self.next_page = None

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[T]):
    """Async iteration; once the total is known, later pages are fetched `concurrency` at a time.

    `async for` over the pager (or over `pages()`) gets a fresh iterator object. Leaving the
    loop early cancels the page requests still in flight: at once when the iterator is
    dropped (CPython frees it when the loop ends), and deterministically with `aclose()`
    or `async with` (e.g. `async with aiter(pager) as ghosts: async for g in ghosts: ...`).
    """

    def __init__(
        self,
        fetch: AsyncFetch[T],
        *,
        operation: str,
        page_size: int | None = None,
        max_items: int | None = None,
        concurrency: int = 1,
        max_pages: int | None = None,
        start_page: int | None = None,
    ) -> None:
        self._plan = _Plan.make(operation, page_size, max_items, max_pages, start_page)
        self._concurrency = _count("concurrency", concurrency, 1)
        self._fetch = fetch
        self.planned_requests: int | None = None
        self.next_page: int | None = self._plan.start

    def pages(self) -> AsyncPageIterator[T]:
        """Pages in order; concurrent fetching never goes beyond the plan the first page fixed."""
        return AsyncPageIterator(self)

    def __aiter__(self) -> AsyncItemIterator[T]:
        return AsyncItemIterator(self.pages())


class AsyncPageIterator(Generic[T]):
    """One iteration of an AsyncPager's pages; `aclose()` (or `async with`) cancels prefetches."""

    def __init__(self, pager: AsyncPager[T]) -> None:
        self._pager = pager
        self._walk: _Walk[T] = _Walk(pager._plan)
        self._pending: dict[int, asyncio.Task[Fetched[T]]] = {}
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
        number, size = walk.number, pager._plan.size
        if walk.pages > 0 and walk.total is not None and pager._concurrency > 1:
            self._start_prefetches()
            fetched = await self._pending.pop(number)
        else:
            fetched = await _afetch_page(pager._fetch, number, size)
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
        while self._next_to_start <= last and len(self._pending) < pager._concurrency:
            number = self._next_to_start
            self._pending[number] = asyncio.ensure_future(
                _afetch_page(pager._fetch, number, pager._plan.size)
            )
            self._next_to_start += 1

    def _cancel(self) -> list[asyncio.Task[Fetched[T]]]:
        self._closed = True
        tasks = list(self._pending.values())
        self._pending.clear()
        for task in tasks:
            task.cancel()
        return tasks

    async def aclose(self) -> None:
        """Stop: cancel the page requests in flight and wait until they have ended."""
        tasks = self._cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def __aenter__(self) -> AsyncPageIterator[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # Dropped without aclose() (a `break` out of `async for`): cancel what is in flight.
        with contextlib.suppress(AttributeError, RuntimeError):  # half-built, or loop closed
            self._cancel()


class AsyncItemIterator(Generic[T]):
    """One iteration of an AsyncPager's items; `aclose()` (or `async with`) cancels prefetches."""

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
        """Stop (items of the current page too): cancel the page requests in flight, await them."""
        self._items = iter(())
        await self._pages.aclose()

    async def __aenter__(self) -> AsyncItemIterator[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
