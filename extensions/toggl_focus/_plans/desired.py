"""Desired ghosts: what a plan is asked for, read from dicts, models or CSV rows, and checked.

Every caller mistake here is a FocusConfigError naming the row (`desired[3].project_ids`,
`row 2, column 'working_hours'`), raised before any request; `check_desired_keys` refuses
two desired ghosts with one key. `assigned_ids` and `key_of` read a ghost of the workspace
the same way a desired one is read, so the diff compares like with like.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from toggl_focus_api.models import Ghost, GhostAssignments, GhostCreate, WorkingHoursCreate
from toggl_focus_api.types import Unset

from .._ground import check as _check
from ..errors import FocusConfigError
from .errors import DuplicateKeyError

__all__ = [
    "FIELDS",
    "KEYS",
    "LISTS",
    "WEEKDAYS",
    "DesiredGhost",
    "Hours",
    "Key",
    "KeyName",
    "StepKind",
    "assigned_ids",
    "check_desired_keys",
    "desired_from_rows",
    "desired_ghost",
    "desired_ghosts",
    "hours_list",
    "key_of",
    "lookalike",
    "name_key",
    "unset",
]

KeyName = Literal["name", "id"]
KEYS: tuple[KeyName, ...] = ("name", "id")
Key = str | int | None
#: The requests a plan sends, one step each (`steps.py`; the hours steps come from `hours.py`).
StepKind = Literal[
    "bulk_create", "bulk_update", "delete", "update_hours", "create_hours", "delete_hours"
]
#: Weekday names by the spec's numbers (0 is Sunday), as `desired_from_rows` reads them.
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
Hours = Mapping[int, float]
#: The id lists of a desired ghost, and their names in GhostCreate / GhostBulkUpdate.
LISTS = (
    ("project_ids", "assign_projects"),
    ("task_ids", "assign_tasks"),
    ("team_ids", "assign_teams"),
)
FIELDS = ("name", "description", "project_ids", "task_ids", "team_ids", "working_hours", "id")


@attrs.frozen(hash=False)
class DesiredGhost:
    """One ghost as it should be. A field left None is not managed (never changed)."""

    name: str
    description: str | None = None
    project_ids: tuple[int, ...] | None = None
    task_ids: tuple[int, ...] | None = None
    team_ids: tuple[int, ...] | None = None
    #: Weekday (0 = Sunday) -> hours; the whole week: days left out have no entry.
    working_hours: Hours | None = None
    #: The ghost this row updates, with `key="id"`; ignored with `key="name"`.
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The managed fields, JSON-able (working hours as `[{weekday, working_hours}]`)."""
        out: dict[str, Any] = {"name": self.name}
        if self.id is not None:
            out["id"] = self.id
        if self.description is not None:
            out["description"] = self.description
        for field, _ in LISTS:
            value = getattr(self, field)
            if value is not None:
                out[field] = list(value)
        if self.working_hours is not None:
            out["working_hours"] = hours_list(self.working_hours)
        return out


def hours_list(hours: Hours) -> list[dict[str, Any]]:
    return [{"weekday": day, "working_hours": hours[day]} for day in sorted(hours)]


def _id_tuple(where: str, values: object) -> tuple[int, ...] | None:
    return None if values is None else tuple(dict.fromkeys(_check.ids(where, values)))


def _hours(where: str, value: object) -> dict[int, float] | None:
    """Weekly hours: a mapping weekday -> hours, or items with `weekday` and `working_hours`."""
    if value is None:
        return None
    pairs: list[tuple[object, object]] = []
    if isinstance(value, Mapping):
        pairs = list(value.items())
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        for i, item in enumerate(value):
            entry = _check.body(f"{where}[{i}]", item, WorkingHoursCreate)
            if isinstance(entry.weekday, Unset):
                raise FocusConfigError(f"{where}[{i}] lacks the field 'weekday'")
            pairs.append((entry.weekday, entry.working_hours))
    else:
        raise FocusConfigError(
            f"{where} must be a mapping weekday -> hours (0 = Sunday), got {_check.given(value)}"
        )
    out: dict[int, float] = {}
    for day, hours in pairs:
        weekday = _check.integer(f"{where} weekday", day, 0, 6)
        if weekday in out:
            raise FocusConfigError(f"{where} gives weekday {weekday} twice")
        out[weekday] = float(_check.number(f"{where}[{weekday}]", hours, 0, 168))
    return out


def _from_mapping(where: str, item: Mapping[Any, Any]) -> DesiredGhost:
    aliases = {api: ours for ours, api in LISTS}
    values: dict[str, object] = {}
    for raw, value in item.items():
        field = aliases.get(raw, raw) if isinstance(raw, str) else raw
        if field not in FIELDS:
            allowed = ", ".join(FIELDS)
            raise FocusConfigError(
                f"{where}: unknown field {_check.given(raw)} (fields: {allowed})"
            )
        if field in values:
            raise FocusConfigError(f"{where}: {field!r} is given twice (as {raw!r} too)")
        values[field] = value
    if "name" not in values:
        raise FocusConfigError(f"{where} lacks the required field 'name'")
    return _desired(where, values)


def _desired(where: str, values: Mapping[str, object]) -> DesiredGhost:
    description = values.get("description")
    ghost_id = values.get("id")
    return DesiredGhost(
        name=_check.non_empty(f"{where}.name", values.get("name")),
        description=None
        if description is None
        else _check.text(f"{where}.description", description),
        project_ids=_id_tuple(f"{where}.project_ids", values.get("project_ids")),
        task_ids=_id_tuple(f"{where}.task_ids", values.get("task_ids")),
        team_ids=_id_tuple(f"{where}.team_ids", values.get("team_ids")),
        working_hours=_hours(f"{where}.working_hours", values.get("working_hours")),
        id=None if ghost_id is None else _check.positive_id(f"{where}.id", ghost_id),
    )


def unset(value: object) -> object:
    return None if isinstance(value, Unset) else value


def desired_ghost(where: str, item: object) -> DesiredGhost:
    """One desired ghost from a DesiredGhost, a mapping, a GhostCreate or a Ghost, checked.

    Mappings take the DesiredGhost fields; `assign_projects`, `assign_tasks` and
    `assign_teams` (GhostCreate's names) are accepted for the id lists.
    """
    if isinstance(item, DesiredGhost):
        return _desired(where, attrs.asdict(item, recurse=False))
    if isinstance(item, GhostCreate):
        return _desired(
            where,
            {
                "name": item.name,
                "description": unset(item.description),
                **{ours: unset(getattr(item, api)) for ours, api in LISTS},
            },
        )
    if isinstance(item, Ghost):
        lists = assigned_ids(item)
        return _desired(
            where,
            {
                "name": unset(item.name),
                "description": unset(item.description),
                "id": item.id,
                **{field: sorted(ids) for field, ids in lists.items()},
            },
        )
    if isinstance(item, Mapping):
        return _from_mapping(where, item)
    raise FocusConfigError(
        f"{where} must be a DesiredGhost, a mapping, a GhostCreate or a Ghost, got "
        f"{_check.given(item)}"
    )


def desired_ghosts(desired: object) -> list[DesiredGhost]:
    """Every desired ghost, checked; FocusConfigError naming the row (`desired[3]`)."""
    if isinstance(desired, str | bytes | Mapping) or not isinstance(desired, Iterable):
        raise FocusConfigError(
            f"desired must be an iterable of ghosts (dicts or models), got {_check.given(desired)}"
        )
    return [desired_ghost(f"desired[{i}]", item) for i, item in enumerate(desired)]


def desired_from_rows(rows: Iterable[Mapping[str, str | None]]) -> list[DesiredGhost]:
    """Desired ghosts from rows of strings, as `csv.DictReader` gives them.

    Columns: `name` (required), `description`, `project_ids`, `task_ids`, `team_ids` (ids
    separated by `;` or `,`, e.g. `1;2`), `working_hours` (`mon=8;tue=8` or `1=8;2=8`, days
    `sun`..`sat` or 0..6, 0 = Sunday) and `id` (for `key="id"`). Cells are stripped. An empty
    cell is an empty value (no description, no projects; no id), except `working_hours`: an
    empty hours cell leaves the hours alone (so planning reads the hours only of rows that
    state them, one request each), and `none` means no working hours at all. A column left
    out, or a missing cell (None), leaves that field alone. Any other column, or a bad cell
    (an id of more than 19 digits included), is a FocusConfigError naming the row (1 = the
    first row given) and the column.
    """
    out = []
    for number, row in enumerate(rows, start=1):
        where = f"row {number}"
        if not isinstance(row, Mapping):
            raise FocusConfigError(f"{where} must be a mapping of column -> cell")
        values: dict[str, object] = {}
        for column, cell in row.items():
            if column is None:
                raise FocusConfigError(f"{where} has more cells than there are columns")
            name = str(column).strip()
            if name not in FIELDS:
                columns = ", ".join(FIELDS)
                raise FocusConfigError(
                    f"{where}: unknown column {_check.given(column)} (columns: {columns})"
                )
            if cell is None:
                continue
            if not isinstance(cell, str):
                raise FocusConfigError(
                    f"{where}, column {name!r}: must be a str, got {_check.given(cell)}"
                )
            values[name] = _cell(f"{where}, column {name!r}", name, cell.strip())
        if not values.get("name"):
            raise FocusConfigError(f"{where}, column 'name': a name is required")
        out.append(_desired(where, values))
    return out


def _cell(where: str, column: str, cell: str) -> object:
    """One cell as the DesiredGhost field wants it."""
    if column in ("name", "description"):
        return cell
    if column == "id":
        return _id(where, cell) if cell else None
    parts = [p.strip() for p in cell.replace(",", ";").split(";")] if cell else []
    if column == "working_hours":
        if not cell:
            return None  # not stated: the ghost's hours are left alone (and not read)
        if cell.lower() == "none":
            return {}  # stated: no working hours
        hours: dict[int, float] = {}
        for part in parts:
            day, sep, amount = part.partition("=")
            weekday = _weekday(day.strip())
            try:
                value = float(amount) if sep and amount.strip() else math.nan
            except ValueError:
                value = math.nan
            if weekday is None or not 0 <= value <= 168:
                raise FocusConfigError(
                    f"{where}: {_check.given(part)} is not day=hours (e.g. mon=8; days sun..sat "
                    "or 0..6, hours 0 to 168)"
                )
            if weekday in hours:
                raise FocusConfigError(f"{where}: weekday {WEEKDAYS[weekday]} is given twice")
            hours[weekday] = value
        return hours
    return [_id(where, part) for part in parts]


def _id(where: str, text: str) -> int:
    """A positive id of at most 19 digits (int64): longer digit strings are refused before
    `int()` sees them (Python refuses to convert more than 4,300 digits, with a ValueError)."""
    if not text.isascii() or not text.isdigit() or len(text) > 19 or int(text) == 0:
        raise FocusConfigError(f"{where}: {_check.given(text)} is not an id")
    return int(text)


def _weekday(text: str) -> int | None:
    low = text.lower()[:3]
    if low in WEEKDAYS:
        return WEEKDAYS.index(low)
    if text.isascii() and text.isdigit() and int(text) <= 6:
        return int(text)
    return None


def assigned_ids(ghost: Ghost) -> dict[str, set[int]]:
    """A ghost's assigned project, task and team ids (absent or null: none)."""
    found: dict[str, set[int]] = {"project_ids": set(), "task_ids": set(), "team_ids": set()}
    assigned = ghost.assigned
    if not isinstance(assigned, GhostAssignments):
        return found
    for field, refs in (("project_ids", assigned.projects), ("task_ids", assigned.tasks)):
        if isinstance(refs, list):
            found[field] = {ref.id for ref in refs}
    if isinstance(assigned.team_ids, list):
        found["team_ids"] = set(assigned.team_ids)
    return found


def name_key(name: str) -> str:
    """The key a name is matched by: its NFC form without surrounding whitespace; case kept.

    "Café" typed on a Mac (NFD) and on Windows (NFC) is one name, and so are "Ada " and the
    "Ada" of a stripped CSV cell. Only matching uses it: names are sent as given.
    """
    return unicodedata.normalize("NFC", name).strip()


def lookalike(name: str) -> str:
    """What names that look alike share: NFKC, case-folded, no surrounding whitespace.

    Wider than `name_key`: "ada", "ADA" and a fullwidth "ada" look alike, yet are three
    keys. A plan that would delete a ghost looking like a row it keeps or creates is refused.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return folded.strip()


def key_of(ghost: DesiredGhost | Ghost, key: KeyName) -> Key:
    """The key a desired ghost or a ghost of the workspace is matched by (None: none); a
    name's key is `name_key(name)`."""
    value = unset(getattr(ghost, key))
    if isinstance(value, str):
        return name_key(value) if key == "name" else value
    return value if isinstance(value, int) else None


def check_desired_keys(desired: Sequence[DesiredGhost], key: KeyName) -> None:
    """Two desired ghosts with one key: DuplicateKeyError naming the keys and rows."""
    rows: dict[Key, list[int]] = {}
    for i, ghost in enumerate(desired):
        k = key_of(ghost, key)
        if k is not None:
            rows.setdefault(k, []).append(i)
    dups = {k: r for k, r in rows.items() if len(r) > 1}
    if dups:
        shown = "; ".join(f"{k!r} (rows {', '.join(map(str, r))})" for k, r in dups.items())
        raise DuplicateKeyError(
            f"desired ghosts share a {key}: {shown}; each {key} may appear once",
            side="desired",
            keys=list(dups),
        )
