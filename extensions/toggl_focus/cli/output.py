"""How `focus` prints: rich tables on a terminal, `--json`, `--csv`, plain text when piped.

Results go to stdout; everything else (progress, the requests spent and the quota left,
warnings, errors) goes to stderr, so `focus ghosts ls --json > ghosts.json` stays pure JSON.
rich is imported only when a table or a progress bar is actually drawn. Every value
printed here goes through `safe` (server data is data: nothing a server sends is
interpreted, by the terminal, rich or a spreadsheet, nor crashes the command).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

from .errors import CliError
from .safe import csv_cell, dumps, visible

if TYPE_CHECKING:
    from .._wire.http import Counter

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
        elif self.mode == "table":
            self.table(items, columns, title=title)
        else:
            sys.stdout.write(self.lines(items, columns, header=True))

    def lines(self, items: Sequence[Any], columns: Sequence[Column], *, header: bool) -> str:
        """Rows as CSV or as tab-separated plain text (the header line first when `header`):
        what `rows` prints, and a streamed listing's one page. In plain text a tab or a
        newline in a value shows as \\t, \\n; in CSV, cells follow `safe.csv_cell`."""
        table = [[cell(col.get(item)) for col in columns] for item in items]
        if header:
            table.insert(0, [col.header for col in columns])
        if self.mode == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(
                [csv_cell(text) for text in line] for line in table
            )
            return buffer.getvalue()
        return "".join("\t".join(visible(text) for text in line) + "\n" for line in table)

    def json_items(self, items: Sequence[Any]) -> list[str]:
        """Each item as `json` prints it inside an array (indented by two), for streaming an
        array a page at a time that is byte for byte the array `rows` prints at once."""
        return [textwrap.indent(dumps(_jsonable(item), default=_default), "  ") for item in items]

    def table(self, items: Sequence[Any], columns: Sequence[Column], *, title: str = "") -> None:
        """Draw a rich table; every cell is a `Text` of `safe.visible`: no markup, inert."""
        from rich.table import Table
        from rich.text import Text

        grid = Table(
            title=Text(visible(title)) if title else None,
            title_justify="left",
            header_style="bold",
        )
        for col in columns:
            grid.add_column(Text(col.header), overflow="fold")
        for item in items:
            grid.add_row(*(Text(visible(cell(col.get(item)))) for col in columns))
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
                print(f"{col.header:<{width}}  {visible(cell(col.get(item)))}")

    def json(self, value: object) -> None:
        """Print a JSON document (datetimes as ISO 8601), exact and inert (`safe.dumps`)."""
        print(dumps(value, default=_default))

    def text(self, text: str) -> None:
        """Print result text the command composed (server values in it quoted with repr);
        its own tabs and newlines stay, any other control character shows as an escape."""
        print(visible(text, keep="\t\n"))


def _default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def console(stderr: bool = False) -> Any:
    """A rich console on stdout (or stderr) that reads no markup or emoji codes in strings:
    a string printed through it is shown as it is (styles come from style arguments)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False, emoji=False)


def note(text: str) -> None:
    """A line for the person at the terminal (stderr): progress notes, requests spent, quota
    (one line: a control character in it, a server's text included, shows as an escape)."""
    print(f"focus: {visible(text)}", file=sys.stderr, flush=True)


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
        from rich.markup import escape
        from rich.progress import Progress as RichProgress

        with RichProgress(console=console(stderr=True), transient=True) as progress:
            # the description column renders markup: escaped, it shows as written
            task = progress.add_task(escape(visible(description)), total=total)

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
