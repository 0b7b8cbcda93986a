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

The pagers themselves (`SyncPager`, `AsyncPager` and the async one's iterators, exported
here) are written once, async, in `_async/pager.py`; the sync twin is generated. With the
async client, `concurrency` > 1 fetches later pages that many at a time once the total is
known. Leaving an `async for` early cancels the page requests still in flight: at once when
the iterator is dropped (CPython frees it when the loop ends), and deterministically with
`aclose()` or `async with` (e.g. `async with aiter(pager) as ghosts: async for g in ghosts:`).
"""

from __future__ import annotations

import contextlib
import importlib
import operator
from collections.abc import Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs
import httpx

from ._check import given
from ._pagination_meta import PAGINATION, PaginationSpec
from ._raw import capturing
from .errors import FocusConfigError, FocusError, PaginationError

if TYPE_CHECKING:
    from ._async.pager import AsyncItemIterator, AsyncPageIterator, AsyncPager
    from ._sync.pager import SyncPager

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
    concurrency: int = 1  # pages in flight at once; > 1 only with the async client
    start: int = 1  # the first page to fetch: `first` unless resuming (`start_page`)

    @classmethod
    def make(
        cls,
        operation: str,
        page_size: int | None,
        max_items: int | None,
        max_pages: int | None = None,
        concurrency: int = 1,
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
            concurrency=_count("concurrency", concurrency, 1),
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


@contextlib.contextmanager
def resumable(number: int) -> Iterator[list[httpx.Response]]:
    """Around fetching page `number`: collect its response, and mark a FocusError with it.

    The error's `next_page` is where a later `list(..., start_page=...)` goes on.
    """
    try:
        with capturing() as seen:
            yield seen
    except FocusError as err:
        if err.next_page is None:
            err.next_page = number
        raise


_ID = operator.attrgetter("id")


def _keys(items: list[T]) -> list[object]:
    """What identifies each item when comparing pages: its `id` (the item itself if it has none).

    attrgetter maps in C: a Python call per item cost 3% of the CPU of a long listing.
    """
    try:
        return list(map(_ID, items))
    except AttributeError:
        return [getattr(item, "id", item) for item in items]


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
        keys = _keys(items)
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


# The pagers, written once in _async/pager.py (the sync twin generated from it), are
# exported here under their public names; they import the plan and the checks above, so
# they are loaded on first use (PEP 562): the sync client never loads the async pager.
_PAGERS = {
    "AsyncItemIterator": "._async.pager",
    "AsyncPageIterator": "._async.pager",
    "AsyncPager": "._async.pager",
    "SyncPager": "._sync.pager",
}

if not TYPE_CHECKING:  # type checkers read the imports at the top

    def __getattr__(name: str) -> object:
        """Import a pager from its module on first use, then keep it here."""
        module = _PAGERS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __package__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PAGERS})
