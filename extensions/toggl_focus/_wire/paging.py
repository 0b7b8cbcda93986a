"""The pagination rules: what a page is, the plan a listing's first page fixes, its checks.

Sync/async-neutral, so both pagers (`_async/pager.py` and its generated twin) iterate with
them: the page size and stopping rules of each operation (from the spec's `x-pagination`,
via `pagination_meta`), `Page`, `MAX_PAGES`, and the checks that raise `PaginationError`.
Why the pagers spend no request more than the API needs is told in `toggl_focus.pagination`,
the public module, which re-exports `Page` and `MAX_PAGES` from here with the pagers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs
import httpx

from .._ground.check import given
from ..errors import FocusConfigError, FocusError, PaginationError
from .pagination_meta import PAGINATION, PaginationSpec
from .raw import capturing

__all__ = ["MAX_PAGES", "Page", "resumable"]

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
        # Each item's id (the item itself without one); inline: a call per item cost 2%.
        keys = [getattr(item, "id", item) for item in items]
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
