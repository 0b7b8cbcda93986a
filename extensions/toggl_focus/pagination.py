"""Lazy auto-pagination that spends as few requests as the API allows, and no more.

Each paginated operation's rules (page and size params, max size, where the items and
the total are) come from the spec's `x-pagination`, via `_wire/pagination_meta.py`. The pagers
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

import importlib
from typing import TYPE_CHECKING

from ._wire.paging import MAX_PAGES, Page

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

# The pagers, written once in _async/pager.py (the sync twin generated from it), are
# exported here under their public names; they import the plan and the checks of
# `_wire/paging.py`, so they are loaded on first use (PEP 562): the sync client never loads
# the async pager.
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
