"""Listings that show rows as they arrive and spend no request the user did not ask for.

A paged listing (`ghosts ls`, `users ls`, `teams ls`) stops at `DEFAULT_LIMIT` rows unless
told otherwise (`--limit N`, `--all`): 100 rows are one request at the API's largest page,
well inside a free plan's 30 an hour. When more exist, a line on stderr says how many and
how to get them, with what `--all` would cost (as gh says "showing 30 of 120").

The client's pager fetches a page when it is iterated, so rows are written page by page:
tab-separated text and CSV line by line, `--json` as one JSON array written item by item
(the same document `json.dumps` would print, still valid JSON when the listing stops early:
the array is closed on an error or Ctrl-C). A reader that goes away (`| head -3`) stops the
listing at the next write, before the next page is requested. On a terminal the table is
drawn once, at the end, with a progress bar of pages meanwhile; Ctrl-C draws what was
fetched, then the command exits 130.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import CliError
from .output import Column, Output, Progress, note

if TYPE_CHECKING:
    from .session import Session

__all__ = ["DEFAULT_LIMIT", "limit_of", "limit_options", "listing_cost", "show"]

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_LIMIT = 100
"""Rows a listing shows unless told otherwise: one request at 100 per page."""
PAGE = 100  # the largest page the API allows; the client asks for it


def _requests(count: int) -> str:
    return f"{count} request{'s' * (count != 1)}"


def limit_options(noun: str) -> Callable[[F], F]:
    """`--limit N` (default `DEFAULT_LIMIT`) and `--all`, as the parameters `limit`, `all_`."""

    def decorator(f: F) -> F:
        f = click.option(
            "--all", "all_", is_flag=True, help=f"All the {noun}: 1 request per {PAGE}."
        )(f)
        return click.option(
            "--limit",
            type=click.IntRange(min=1),
            show_default=False,
            help=f"At most N {noun} (default {DEFAULT_LIMIT}: 1 request).",
        )(f)

    return decorator


def limit_of(limit: int | None, all_: bool) -> int | None:
    """The most rows to list: `--limit`, none with `--all`, else `DEFAULT_LIMIT`."""
    if all_ and limit is not None:
        raise CliError("give --limit or --all, not both")
    if all_:
        return None
    return DEFAULT_LIMIT if limit is None else limit


def listing_cost(limit: int | None, noun: str) -> tuple[str, str]:
    """What a listing of at most `limit` rows spends, for `Session.dry_run`."""
    if limit is None:
        return "at least 1 request", f"GET {noun}, 1 per {PAGE} (the first page tells how many)"
    return _requests(math.ceil(limit / PAGE)), f"GET {noun}, up to {limit}"


class _Writer:
    """Writes a listing's rows as pages arrive (or keeps them for a table drawn at the end).

    Each page is formatted first and written in one piece, so a Ctrl-C while one is being
    formatted leaves whole rows (and, with `--json`, whole items) behind it.
    """

    def __init__(self, out: Output, columns: Sequence[Column]) -> None:
        self.out = out
        self.columns = columns
        self.started = False  # a first page has arrived
        self.count = 0
        self._kept: list[Any] = []  # table mode
        self._json_open = False  # "[" written

    def write(self, items: Sequence[Any]) -> None:
        """Write one page's rows (the header first) and flush them to the reader."""
        if self.out.mode == "table":
            self._kept.extend(items)
        else:
            text = self._page(items)
            sys.stdout.write(text)
            sys.stdout.flush()
            self._json_open = self._json_open or (self.out.mode == "json" and bool(items))
        self.started = True
        self.count += len(items)

    def _page(self, items: Sequence[Any]) -> str:
        """One page as text: the header before the first page, then its rows."""
        if self.out.mode == "json":
            parts = self.out.json_items(items)
            if not parts:
                return ""
            return ("," if self._json_open else "[") + "\n" + ",\n".join(parts)
        return self.out.lines(items, self.columns, header=not self.started)

    def close(self, title: str) -> None:
        """End the output: close the JSON array, or draw the table of the rows kept."""
        if not self.started:
            return  # nothing arrived: print nothing (an error line says why)
        if self.out.mode == "json":
            sys.stdout.write("\n]\n" if self._json_open else "[]\n")
            sys.stdout.flush()
        elif self.out.mode == "table":
            self.out.table(self._kept, self.columns, title=title)


def show(
    s: Session,
    out: Output,
    pager: Any,
    columns: Sequence[Column],
    *,
    noun: str,
    limit: int | None,
) -> None:
    """Print a paged listing as it arrives, then say on stderr what was left out.

    `pager` is the client's (`focus.ghosts.list(..., max_items=limit)`): each page is
    requested only when the previous one has been written.
    """
    writer = _Writer(out, columns)
    total: int | None = None
    # Rows streaming to a terminal would tear a progress bar drawn on the same screen.
    progress = s.progress if out.mode == "table" or not sys.stdout.isatty() else Progress(False)
    try:
        with progress.bar(f"listing {noun}") as update:
            for page in pager.pages():
                total = page.total
                writer.write(page.items)
                update(total=pager.planned_requests)
    except BrokenPipeError:
        raise  # the reader is gone: nothing more to write
    except BaseException:  # Ctrl-C, an API error: show what was fetched, then fail
        writer.close(f"{writer.count} {noun} (stopped early)")
        raise
    shown = writer.count
    left_out = total is not None and total > shown
    writer.close(f"{shown} of {total} {noun}" if left_out else f"{shown} {noun}")
    if total is not None and total > shown:
        note(
            f"showing {shown} of {total} {noun}: --limit N shows more, --all shows all "
            f"{total} ({_requests(math.ceil(total / PAGE))})"
        )
    elif total is None and limit is not None and shown >= limit:
        note(
            f"showing the first {shown} {noun}; there may be more: --limit N shows more, "
            f"--all shows all (1 request per {PAGE})"
        )
