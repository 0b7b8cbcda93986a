"""Lazy auto-pagination that spends as few requests as the API allows.

Each paginated operation's rules (page and size params, max size, where the items and
the total are) come from the spec's `x-pagination`, via `_pagination_meta`. The pagers
use the largest page size unless told otherwise, stop on the total when there is one
(never an extra empty request) and on a short page when there is none.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

import attrs

from ._pagination_meta import PAGINATION, PaginationSpec
from .errors import FocusConfigError

__all__ = ["AsyncPager", "Page", "SyncPager"]

T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One fetched page: its number, its items, the page size asked for, and the total if known."""

    number: int
    items: list[T]
    size: int
    total: int | None


Fetch = Callable[[int, int], tuple[list[T], int | None]]
AsyncFetch = Callable[[int, int], Awaitable[tuple[list[T], int | None]]]


@attrs.frozen
class _Plan:
    """Page size and stopping rules for one listing."""

    spec: PaginationSpec
    size: int
    max_items: int | None

    @classmethod
    def make(cls, operation: str, page_size: int | None, max_items: int | None) -> _Plan:
        spec = PAGINATION[operation]
        max_size = spec["max_size"]
        if page_size is not None and not 1 <= page_size <= max_size:
            raise FocusConfigError(f"page_size must be between 1 and {max_size}, got {page_size}")
        if max_items is not None and max_items < 0:
            raise FocusConfigError(f"max_items must be >= 0, got {max_items}")
        size = page_size or max_size
        if page_size is None and max_items:
            size = min(size, max_items)
        return cls(spec=spec, size=size, max_items=max_items)

    @property
    def first(self) -> int:
        return self.spec["first_page"]

    def last_page(self, total: int) -> int:
        """Number of the last page needed for `total` items (and for max_items)."""
        wanted = total if self.max_items is None else min(total, self.max_items)
        pages = max(1, -(-wanted // self.size))
        return self.first + pages - 1

    def done_after(self, number: int, items: int, total: int | None, seen: int) -> bool:
        """Whether page `number` (holding `items`) was the last one worth fetching."""
        if self.max_items is not None and seen >= self.max_items:
            return True
        if items < self.size or items == 0:
            return True
        return total is not None and number >= self.last_page(total)

    def clip(self, items: list[T], seen: int) -> list[T]:
        if self.max_items is None:
            return items
        return items[: max(0, self.max_items - seen)]


class SyncPager(Generic[T]):
    """Iterate items lazily (`for g in pager`) or whole pages (`pager.pages()`)."""

    def __init__(
        self,
        fetch: Fetch[T],
        *,
        operation: str,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> None:
        self._fetch = fetch
        self._plan = _Plan.make(operation, page_size, max_items)

    def pages(self) -> Iterator[Page[T]]:
        """Fetch and yield one page at a time."""
        plan = self._plan
        if plan.max_items == 0:
            return
        number, seen = plan.first, 0
        while True:
            items, total = self._fetch(number, plan.size)
            kept = plan.clip(items, seen)
            seen += len(kept)
            yield Page(number=number, items=kept, size=plan.size, total=total)
            if plan.done_after(number, len(items), total, seen):
                return
            number += 1

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[T]):
    """Async iteration; once the total is known, later pages are fetched `concurrency` at a time."""

    def __init__(
        self,
        fetch: AsyncFetch[T],
        *,
        operation: str,
        page_size: int | None = None,
        max_items: int | None = None,
        concurrency: int = 1,
    ) -> None:
        if concurrency < 1:
            raise FocusConfigError(f"concurrency must be >= 1, got {concurrency}")
        self._fetch = fetch
        self._plan = _Plan.make(operation, page_size, max_items)
        self._concurrency = concurrency

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield pages in order; concurrent fetching never changes the number of requests."""
        plan = self._plan
        if plan.max_items == 0:
            return
        number, seen = plan.first, 0
        items, total = await self._fetch(number, plan.size)
        while True:
            kept = plan.clip(items, seen)
            seen += len(kept)
            yield Page(number=number, items=kept, size=plan.size, total=total)
            if plan.done_after(number, len(items), total, seen):
                return
            if total is not None and self._concurrency > 1:
                async for page in self._rest_concurrently(number + 1, plan.last_page(total), seen):
                    yield page
                return
            number += 1
            items, total = await self._fetch(number, plan.size)

    async def _rest_concurrently(self, first: int, last: int, seen: int) -> AsyncIterator[Page[T]]:
        """Fetch pages first..last with at most `concurrency` in flight, yielding in order."""
        plan = self._plan
        pending: dict[int, asyncio.Task[tuple[list[T], int | None]]] = {}
        next_to_start = first
        try:
            for number in range(first, last + 1):
                while next_to_start <= last and len(pending) < self._concurrency:
                    pending[next_to_start] = asyncio.ensure_future(
                        self._fetch(next_to_start, plan.size)
                    )
                    next_to_start += 1
                items, total = await pending.pop(number)
                kept = plan.clip(items, seen)
                seen += len(kept)
                yield Page(number=number, items=kept, size=plan.size, total=total)
                if len(items) < plan.size or (
                    plan.max_items is not None and seen >= plan.max_items
                ):
                    return
        finally:
            for task in pending.values():
                task.cancel()
            if pending:
                await asyncio.gather(*pending.values(), return_exceptions=True)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
