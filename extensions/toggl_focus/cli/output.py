"""How `focus` prints: rich tables on a terminal, `--json`, `--csv`, plain text when piped.

Results go to stdout; everything else (progress, the requests spent and the quota left,
warnings, errors) goes to stderr, so `focus ghosts ls --json > ghosts.json` stays pure JSON.
rich is imported only when a table or a progress bar is actually drawn.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

from .errors import CliError

if TYPE_CHECKING:
    from .._http import Counter

__all__ = ["Column", "Output", "Progress", "cell"]

Mode = Literal["table", "plain", "json", "csv"]


class Column:
    """A column: its header and how to read its value from an item."""

    def __init__(self, header: str, get: Callable[[Any], object]) -> None:
        self.header = header
        self.get = get


def cell(value: object) -> str:
    """A value as text: unset and null are empty, lists are comma-joined, times are ISO 8601."""
    from toggl_focus_api.types import Unset

    if value is None or isinstance(value, Unset):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ",".join(cell(v) for v in value)
    return str(value)


def _jsonable(item: object) -> object:
    to_dict = getattr(item, "to_dict", None)
    return to_dict() if callable(to_dict) else item


class Output:
    """Where and how one command prints."""

    def __init__(self, *, json_: bool = False, csv_: bool = False) -> None:
        if json_ and csv_:
            raise CliError("give --json or --csv, not both")
        self.mode: Mode = "json" if json_ else "csv" if csv_ else "table"
        if self.mode == "table" and not sys.stdout.isatty():
            self.mode = "plain"

    def rows(self, items: Sequence[Any], columns: Sequence[Column], *, title: str = "") -> None:
        """Print a list: a table, tab-separated lines with a header, CSV or a JSON array."""
        if self.mode == "json":
            self.json([_jsonable(item) for item in items])
            return
        table = [[cell(col.get(item)) for col in columns] for item in items]
        headers = [col.header for col in columns]
        if self.mode == "csv":
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(headers)
            writer.writerows(table)
        elif self.mode == "plain":
            for line in [headers, *table]:
                print("\t".join(text.replace("\t", " ").replace("\n", " ") for text in line))
        else:
            from rich.table import Table

            grid = Table(title=title or None, title_justify="left", header_style="bold")
            for header in headers:
                grid.add_column(header, overflow="fold")
            for line in table:
                grid.add_row(*line)
            console().print(grid)

    def record(self, item: Any, columns: Sequence[Column]) -> None:
        """Print one object: field/value lines (or a one-row CSV, or a JSON object)."""
        if self.mode == "json":
            self.json(_jsonable(item))
        elif self.mode == "csv":
            self.rows([item], columns)
        else:
            width = max(len(col.header) for col in columns)
            for col in columns:
                print(f"{col.header:<{width}}  {cell(col.get(item))}")

    def json(self, value: object) -> None:
        """Print a JSON document (datetimes as ISO 8601)."""
        print(json.dumps(value, indent=2, ensure_ascii=False, default=_default))

    def text(self, text: str) -> None:
        """Print a line of result text to stdout."""
        print(text)


def _default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def console(stderr: bool = False) -> Any:
    """A rich console on stdout (or stderr)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def note(text: str) -> None:
    """A line for the person at the terminal (stderr): progress notes, requests spent, quota."""
    print(f"focus: {text}", file=sys.stderr, flush=True)


class Progress:
    """A progress bar on stderr; does nothing unless stderr is a terminal and progress is on."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    @contextmanager
    def bar(self, description: str, total: int | None = None) -> Iterator[Callable[..., None]]:
        """Yield `update(advance=1, total=None)` for a bar of `total` steps (None: unknown)."""
        if not self.enabled:
            yield lambda advance=1, total=None: None
            return
        from rich.progress import Progress as RichProgress

        with RichProgress(console=console(stderr=True), transient=True) as progress:
            task = progress.add_task(description, total=total)

            def update(advance: int = 1, total: int | None = None) -> None:
                progress.update(task, advance=advance, total=total)

            yield update

    @contextmanager
    def requests(self, description: str, total: int, counter: Counter) -> Iterator[None]:
        """A bar of requests spent (read from `counter`) out of `total` planned, while a bulk
        operation runs in this thread; a helper thread redraws it."""
        if not self.enabled:
            yield
            return
        done = threading.Event()
        with self.bar(description, total) as update:

            def follow() -> None:
                seen = 0
                while not done.wait(0.1):
                    now = counter.count
                    if now != seen:
                        update(advance=now - seen)
                        seen = now

            helper = threading.Thread(target=follow, daemon=True)
            helper.start()
            try:
                yield
            finally:
                done.set()
                helper.join()
