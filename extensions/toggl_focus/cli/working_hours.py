"""`focus working-hours`: a user's or a ghost's week, shown as a grid and set day by day.

Weekdays follow the API: 0 is Sunday. Entries without a weekday (Toggl's spec allows them)
show under `any`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import click

from .base import Group, argument, csv_option, dry_run_option, json_option
from .errors import CliError
from .output import Column, Output, cell, console
from .safe import visible
from .session import session

app = Group(help="Working hours of users and ghosts.", no_args_is_help=True)

DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
ID = click.IntRange(min=1)
ghost_option = click.option("--ghost", type=ID, help="A ghost's id instead.")

ENTRY_COLUMNS = [
    Column("working_hour_id", lambda e: e.working_hour_id),
    Column("weekday", lambda e: e.weekday),
    Column("day", lambda e: _day_name(e.weekday)),
    Column("hours", lambda e: e.working_hours),
    Column("starts", lambda e: e.starting_hours),
]


def _day_name(weekday: object) -> str:
    return DAYS[weekday] if isinstance(weekday, int) and 0 <= weekday < len(DAYS) else "any"


def _who(user: int | None, ghost: int | None) -> tuple[str, int]:
    if (user is None) == (ghost is None):
        raise CliError("give a USER id or --ghost ID (one of them)")
    return ("ghost", ghost) if ghost is not None else ("user", user)  # type: ignore[return-value]


def _grid(entries: list[Any], title: str) -> None:
    from rich.table import Table
    from rich.text import Text

    grid = Table(title=title, title_justify="left", header_style="bold")
    by_day: dict[str, list[str]] = {}
    for entry in entries:
        day = ENTRY_COLUMNS[2].get(entry)
        text = cell(entry.working_hours) + "h"
        if isinstance(entry.starting_hours, int | float):
            text += f" from {cell(entry.starting_hours)}"
        by_day.setdefault(str(day), []).append(visible(text))  # one line per entry
    shown = [*DAYS, "any"] if "any" in by_day else list(DAYS)
    for day in shown:
        grid.add_column(day.capitalize(), justify="center")
    grid.add_row(*(Text("\n".join(by_day.get(day, ["-"]))) for day in shown))
    console().print(grid)


def _show(out: Output, entries: list[Any], title: str) -> None:
    if out.mode == "table":
        _grid(entries, title)
    else:
        out.rows(entries, ENTRY_COLUMNS)


@app.command("show")
@argument("user", type=ID, required=False, help="Organization user id.")
@ghost_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def show(
    ctx: click.Context,
    user: int | None,
    ghost: int | None,
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Show a user's (or, with --ghost, a ghost's) working week.

    \b
    Examples:
      focus working-hours show 5101
      focus working-hours show --ghost 1160 --json
    """
    out = Output(json_=json_, csv_=csv_)
    kind, who = _who(user, ghost)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"GET working hours of {kind} {who}")
    with s.client(workspace=kind == "ghost") as (focus, _):
        hours = focus.working_hours
        entries = hours.get_for_ghost(who) if kind == "ghost" else hours.get_for_user(who)
        _show(out, sorted(entries, key=_order), f"working hours of {kind} {who}")


def _order(entry: Any) -> tuple[int, int]:
    day = entry.weekday if isinstance(entry.weekday, int) else 7
    return day, entry.working_hour_id


_DAY = re.compile(r"^([a-z]+|[0-9]+)(?:-([a-z]+|[0-9]+))?=(.+)$")


def _day(text: str, spec: str) -> int:
    if text.isdigit():
        if int(text) > 6:
            raise CliError(f"{spec!r}: weekday {text} is not 0 (Sunday) to 6 (Saturday)")
        return int(text)
    if text not in DAYS:
        raise CliError(f"{spec!r}: unknown day {text!r}; days are {', '.join(DAYS)} or 0-6")
    return DAYS.index(text)


def parse_days(specs: Sequence[str]) -> dict[int, float]:
    """`mon-fri=8 sat=4` as {weekday: hours}; a usage error naming the bad spec."""
    week: dict[int, float] = {}
    for spec in specs:
        match = _DAY.match(spec.strip().lower())
        if match is None:
            raise CliError(f"{spec!r}: expected DAY=HOURS or DAY-DAY=HOURS, e.g. mon-fri=8")
        first = _day(match[1], spec)
        last = _day(match[2], spec) if match[2] else first
        if last < first:
            raise CliError(f"{spec!r}: the range runs backwards (weeks start on sun)")
        try:
            hours = float(match[3])
        except ValueError:
            raise CliError(f"{spec!r}: hours must be a number, got {match[3]!r}") from None
        if not (math.isfinite(hours) and 0 <= hours <= 24):
            raise CliError(f"{spec!r}: hours must be between 0 and 24")
        for day in range(first, last + 1):
            week[day] = hours
    return week


@app.command("set")
@argument("days", nargs=-1, required=True, help="DAY=HOURS, e.g. mon-fri=8 sat=4.")
@click.option("--user", type=ID, help="Organization user id.")
@ghost_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def set_(
    ctx: click.Context,
    days: tuple[str, ...],
    user: int | None,
    ghost: int | None,
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Set hours per weekday of a user (--user) or a ghost (--ghost); other days stay.

    Costs 2 or 3 requests: read the week, then change the days that have an entry (1) and
    add the days that have none (1).

    \b
    Examples:
      focus working-hours set --user 5101 mon-fri=8
      focus working-hours set --ghost 1160 mon-thu=8 fri=4
    """
    out = Output(json_=json_, csv_=csv_)
    kind, who = _who(user, ghost)
    week = parse_days(days)
    s = session(ctx)
    if dry_run:
        s.dry_run(
            "2 or 3 requests",
            f"GET the week of {kind} {who}, then PUT changed days and/or POST new ones",
        )
    with s.client(workspace=kind == "ghost") as (focus, _):
        hours = focus.working_hours
        current = hours.get_for_ghost(who) if kind == "ghost" else hours.get_for_user(who)
        existing = {e.weekday: e for e in current if isinstance(e.weekday, int)}
        new = [{"weekday": d, "working_hours": h} for d, h in week.items() if d not in existing]
        changes = [
            {"working_hour_id": existing[d].working_hour_id, "weekday": d, "working_hours": h}
            for d, h in week.items()
            if d in existing
        ]
        result = list(current)
        if new:
            created = (
                hours.create_for_ghost(who, new)
                if kind == "ghost"
                else hours.create_for_user(who, new)
            )
            result += created
        if changes:
            result = (
                hours.update_for_ghost(who, changes)
                if kind == "ghost"
                else hours.update_for_user(who, changes)
            )
        _show(out, sorted(result, key=_order), f"working hours of {kind} {who}")
