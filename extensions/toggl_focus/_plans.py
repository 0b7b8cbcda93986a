"""Ghost plans, the part sync and async share: desired ghosts, the diff, its price, reports.

Nothing here sends a request. `_async/plans.py` (and its generated twin `_sync/plans.py`)
reads the workspace, hands what it read to `diff`, and runs the `PlanStep`s that `steps`
derives from the changes; the bookkeeping of a run (`Progress`) and what is left after a
failure (`Progress.leftover`) are decided here.

Decisions where issue 15 is silent:

- **What a field of a desired ghost means.** A field that is absent or None is not managed:
  the plan never changes it. A value, even an empty one (`""`, `[]`, `{}`), is the desired
  state: `project_ids=[]` unassigns every project. A ghost's absent or `null` description
  or assignment list reads as `""` / none, so `""` and `[]` match it. Assignments compare as
  sets (order and repeats do not matter) and are set with `assign_action="replace"`, so an
  update is exact and idempotent.
- **Key.** `"name"` (exact, case-sensitive: the API keeps names as given) or `"id"` (a
  desired ghost with an `id` updates that ghost; one without is created).
- **Duplicates.** Two desired ghosts with one key: an error before any request. Two ghosts
  of the workspace with one key: an error (before any write) when a desired ghost has that
  key, since the plan could not tell which one it means; otherwise they are left alone, or
  deleted with `prune=True`, which is unambiguous.
- **Embodied ghosts** (`include_embodied=True`) are matched, so no duplicate is created, but
  never updated (the API refuses, 400) nor deleted: they count as unchanged.
- **Weekly working hours** are `{weekday: hours}` (0 = Sunday, as the spec decides) and the
  whole week: weekdays left out have no entry. Planning reads the current hours of each
  matched ghost whose desired row sets them (one GET each; the listing has none). Changes
  cost at most two requests per ghost: one PUT for changed hours (an entry of a weekday no
  longer wanted moves to a new weekday in the same PUT), then one POST for the remaining new
  weekdays or one DELETE for the remaining dropped ones. Entries without a weekday (their
  meaning is undocumented) are left alone. A ghost created by the plan starts with no hours:
  one POST.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
import httpx

from toggl_focus_api.models import (
    AssignAction,
    Ghost,
    GhostAssignments,
    GhostBulkUpdate,
    GhostCreate,
    WorkingHours,
    WorkingHoursCreate,
)
from toggl_focus_api.types import UNSET, Unset

from . import _check
from .errors import (
    FocusConfigError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
)

__all__ = [
    "KEYS",
    "WEEKDAYS",
    "DesiredGhost",
    "DuplicateKeyError",
    "FieldChange",
    "HoursChange",
    "Key",
    "PlanApplyError",
    "PlanBudgetError",
    "PlanCreate",
    "PlanDelete",
    "PlanError",
    "PlanStep",
    "PlanUnchanged",
    "PlanUpdate",
    "batch_size",
    "desired_from_rows",
]

KeyName = Literal["name", "id"]
KEYS: tuple[KeyName, ...] = ("name", "id")
Key = str | int | None
#: Weekday names by the spec's numbers (0 is Sunday), as `desired_from_rows` reads them.
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
Hours = Mapping[int, float]
StepKind = Literal[
    "bulk_create", "bulk_update", "delete", "update_hours", "create_hours", "delete_hours"
]
#: How each step kind goes on the wire, for the reports.
_WIRE: dict[str, str] = {
    "bulk_create": "POST ghosts/bulk_create",
    "bulk_update": "PATCH ghosts/bulk_update",
    "delete": "DELETE ghosts/{id}",
    "update_hours": "PUT workinghours/ghosts/{id}",
    "create_hours": "POST workinghours/ghosts/{id}",
    "delete_hours": "DELETE workinghours/ghosts/{id}",
}
_LISTS = (
    ("project_ids", "assign_projects"),
    ("task_ids", "assign_tasks"),
    ("team_ids", "assign_teams"),
)
_FIELDS = ("name", "description", "project_ids", "task_ids", "team_ids", "working_hours", "id")


# --- errors ---------------------------------------------------------------------------------


class PlanError(FocusError):
    """A ghost plan cannot be made or applied as asked."""


class DuplicateKeyError(FocusConfigError):
    """Two desired ghosts, or two ghosts of the workspace that a desired ghost names, share a
    key. `side` is "desired" (raised before any request) or "workspace" (after the listing,
    before any write); `keys` are the duplicated keys."""

    def __init__(self, message: str, *, side: str, keys: Sequence[Key]) -> None:
        super().__init__(message)
        self.side = side
        self.keys = tuple(keys)


class PlanBudgetError(PlanError):
    """`apply` refused before sending anything: the plan costs more than the budget, or than
    the quota left while the client may not wait for the reset (`max_quota_wait` is 0, or
    shorter than the time to the reset)."""

    def __init__(
        self, message: str, *, cost: int, budget: int | None, remaining: int | None
    ) -> None:
        super().__init__(message)
        self.cost = cost
        self.budget = budget
        self.remaining = remaining


class PlanApplyError(PlanError):
    """`apply` stopped part-way; `result` says what was applied and what was not.

    `cause` (also `__cause__`) is the error of the step that failed, and `response` its raw
    response when there was one. `result.remaining_plan()` continues with what is left.
    """

    def __init__(self, message: str, *, result: Any, cause: FocusError) -> None:
        super().__init__(message)
        self.result = result
        self.cause = cause
        self.response: httpx.Response | None = getattr(cause, "response", None)


# --- the batch size, from the spec -----------------------------------------------------------


@functools.cache
def batch_size(operation: str) -> int:
    """The most items one request of a bulk operation takes: its body's `maxItems` in the spec.

    Read from the spec shipped in the package (`_spec/focus.json`, written by `make client`).
    """
    text = importlib.resources.files("toggl_focus").joinpath("_spec/focus.json").read_text()
    for item in json.loads(text)["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation:
                schema = op["requestBody"]["content"]["application/json"]["schema"]
                return int(schema["maxItems"])
    raise LookupError(f"{operation} has no maxItems in the spec")  # pragma: no cover


# --- desired ghosts --------------------------------------------------------------------------


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
        for field, _ in _LISTS:
            value = getattr(self, field)
            if value is not None:
                out[field] = list(value)
        if self.working_hours is not None:
            out["working_hours"] = _hours_list(self.working_hours)
        return out


def _hours_list(hours: Hours) -> list[dict[str, Any]]:
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
    aliases = {api: ours for ours, api in _LISTS}
    values: dict[str, object] = {}
    for raw, value in item.items():
        field = aliases.get(raw, raw) if isinstance(raw, str) else raw
        if field not in _FIELDS:
            allowed = ", ".join(_FIELDS)
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


def _unset(value: object) -> object:
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
                "description": _unset(item.description),
                **{ours: _unset(getattr(item, api)) for ours, api in _LISTS},
            },
        )
    if isinstance(item, Ghost):
        lists = _assigned(item)
        return _desired(
            where,
            {
                "name": _unset(item.name),
                "description": _unset(item.description),
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
    cell is an empty value (no description, no projects, no working hours; no id); a column
    left out, or a missing cell (None), leaves that field alone. Any other column, or a bad
    cell, is a FocusConfigError naming the row (1 = the first row given) and the column.
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
            if name not in _FIELDS:
                columns = ", ".join(_FIELDS)
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
        if not cell:
            return None
        if not cell.isascii() or not cell.isdigit():
            raise FocusConfigError(f"{where}: {_check.given(cell)} is not an id")
        return int(cell)
    parts = [p.strip() for p in cell.replace(",", ";").split(";")] if cell else []
    if column == "working_hours":
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
    ids = []
    for part in parts:
        if not part.isascii() or not part.isdigit() or int(part) == 0:
            raise FocusConfigError(f"{where}: {_check.given(part)} is not an id")
        ids.append(int(part))
    return ids


def _weekday(text: str) -> int | None:
    low = text.lower()[:3]
    if low in WEEKDAYS:
        return WEEKDAYS.index(low)
    if text.isascii() and text.isdigit() and int(text) <= 6:
        return int(text)
    return None


# --- changes -------------------------------------------------------------------------------


@attrs.frozen
class FieldChange:
    """One field of a ghost that changes: `description`, `project_ids`, ... (or `name`)."""

    field: str
    old: Any
    new: Any


@attrs.frozen(hash=False)
class HoursChange:
    """A ghost's weekly working hours, from `old` to `new`, and the entries that do it."""

    old: Hours
    new: Hours
    #: (weekday, hours) entries to create.
    create: tuple[tuple[int, float], ...] = ()
    #: (working_hour_id, weekday, hours): entries to change (and maybe move to a new weekday).
    update: tuple[tuple[int, int, float], ...] = ()
    #: working_hour_ids to delete.
    delete: tuple[int, ...] = ()

    @property
    def kinds(self) -> tuple[StepKind, ...]:
        """The requests it takes, in the order they are sent."""
        out: list[StepKind] = []
        if self.update:
            out.append("update_hours")
        if self.create:
            out.append("create_hours")
        if self.delete:
            out.append("delete_hours")
        return tuple(out)

    def only(self, kinds: Iterable[str]) -> HoursChange | None:
        """The same change restricted to some of its requests; None if that leaves nothing."""
        keep = set(kinds)
        part = HoursChange(
            self.old,
            self.new,
            self.create if "create_hours" in keep else (),
            self.update if "update_hours" in keep else (),
            self.delete if "delete_hours" in keep else (),
        )
        return part if part.kinds else None

    def to_dict(self) -> dict[str, Any]:
        return {"old": _hours_list(self.old), "new": _hours_list(self.new)}

    def __str__(self) -> str:
        days = sorted(set(self.old) | set(self.new))
        if not self.old:
            return "hours " + ", ".join(f"{WEEKDAYS[d]} {_num(self.new[d])}" for d in days)
        shown = [
            f"{WEEKDAYS[d]} {_num(self.old.get(d))} -> {_num(self.new.get(d))}"
            for d in days
            if self.old.get(d) != self.new.get(d)
        ]
        return "hours " + ", ".join(shown)


def hours_change(desired: Hours, entries: Sequence[WorkingHours]) -> HoursChange | None:
    """What turns a ghost's entries into the desired week; None when they already match.

    Entries without a weekday are left alone; a second entry of one weekday is deleted.
    """
    current: dict[int, WorkingHours] = {}
    extra: list[int] = []
    for entry in entries:
        if isinstance(entry.weekday, Unset):
            continue
        if entry.weekday in current:
            extra.append(entry.working_hour_id)
        else:
            current[entry.weekday] = entry
    old = {day: float(entry.working_hours) for day, entry in current.items()}
    update = [
        (entry.working_hour_id, day, float(desired[day]))
        for day, entry in sorted(current.items())
        if day in desired and float(entry.working_hours) != float(desired[day])
    ]
    dropped = [current[day].working_hour_id for day in sorted(current) if day not in desired]
    dropped += extra
    new_days = [day for day in sorted(desired) if day not in current]
    # An entry of a dropped weekday moves to a new weekday in the PUT (no request of its own).
    moves = min(len(dropped), len(new_days))
    update += [(dropped[i], new_days[i], float(desired[new_days[i]])) for i in range(moves)]
    create = tuple((day, float(desired[day])) for day in new_days[moves:])
    change = HoursChange(old, dict(desired), create, tuple(update), tuple(dropped[moves:]))
    return change if change.kinds else None


def _num(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


@attrs.frozen
class PlanCreate:
    """A ghost to create (with its working hours, if the desired ghost sets any)."""

    key: Key
    desired: DesiredGhost

    @property
    def hours(self) -> HoursChange | None:
        """The working hours to give the new ghost (it starts with none)."""
        if not self.desired.working_hours:
            return None
        week = self.desired.working_hours
        return HoursChange({}, dict(week), tuple((d, float(week[d])) for d in sorted(week)))

    def body(self) -> GhostCreate:
        d = self.desired
        return GhostCreate(
            name=d.name,
            description=UNSET if d.description is None else d.description,
            **{
                api: UNSET if getattr(d, ours) is None else list(getattr(d, ours))
                for ours, api in _LISTS
            },
        )

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, **self.desired.to_dict()}


@attrs.frozen
class PlanUpdate:
    """A ghost to change: `fields` (one bulk-update item) and/or its working hours."""

    key: Key
    ghost: Ghost
    desired: DesiredGhost
    fields: tuple[FieldChange, ...] = ()
    hours: HoursChange | None = None

    @property
    def id(self) -> int:
        return self.ghost.id

    def body(self) -> GhostBulkUpdate:
        """The bulk-update item: the changed fields only; lists replace the assignments."""
        changed = {c.field: c.new for c in self.fields}
        lists = {api: list(changed[ours]) for ours, api in _LISTS if ours in changed}
        return GhostBulkUpdate(
            id=self.ghost.id,
            name=changed.get("name", UNSET),
            description=changed.get("description", UNSET),
            assign_action=AssignAction.REPLACE if lists else UNSET,
            **{api: lists.get(api, UNSET) for _, api in _LISTS},
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "id": self.ghost.id,
            "changes": {c.field: {"old": c.old, "new": c.new} for c in self.fields},
        }
        if self.hours is not None:
            out["working_hours"] = self.hours.to_dict()
        return out


@attrs.frozen
class PlanDelete:
    """A ghost of the workspace no desired ghost names (`prune=True` only)."""

    key: Key
    ghost: Ghost

    @property
    def id(self) -> int:
        return self.ghost.id

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "id": self.ghost.id, "name": _unset(self.ghost.name)}


@attrs.frozen
class PlanUnchanged:
    """A desired ghost the workspace already has as desired (or embodied: never written)."""

    key: Key
    ghost: Ghost
    embodied: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "id": self.ghost.id, "embodied": self.embodied}


@attrs.frozen
class Changes:
    """The diff: what to create, update and delete, and what already matches."""

    creates: tuple[PlanCreate, ...] = ()
    updates: tuple[PlanUpdate, ...] = ()
    deletes: tuple[PlanDelete, ...] = ()
    unchanged: tuple[PlanUnchanged, ...] = ()


def _assigned(ghost: Ghost) -> dict[str, set[int]]:
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


def embodied(ghost: Ghost) -> bool:
    """Whether someone embodies the ghost (its `user_id` or `embodied_at` is set)."""
    return isinstance(ghost.user_id, int) or bool(_unset(ghost.embodied_at))


def key_of(ghost: DesiredGhost | Ghost, key: KeyName) -> Key:
    """The key a desired ghost or a ghost of the workspace is matched by (None: none)."""
    value = _unset(getattr(ghost, key))
    return value if isinstance(value, str | int) else None


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


def field_changes(ghost: Ghost, desired: DesiredGhost, key: KeyName) -> tuple[FieldChange, ...]:
    """The managed fields whose value differs (assignments compared as sets)."""
    out = []
    name = _unset(ghost.name)
    if key != "name" and desired.name != name:
        out.append(FieldChange("name", name, desired.name))
    description = _unset(ghost.description) or ""
    if desired.description is not None and desired.description != description:
        out.append(FieldChange("description", description, desired.description))
    assigned = _assigned(ghost)
    for field, _ in _LISTS:
        wanted = getattr(desired, field)
        if wanted is not None and set(wanted) != assigned[field]:
            out.append(FieldChange(field, sorted(assigned[field]), list(wanted)))
    return tuple(out)


def matches(
    desired: Sequence[DesiredGhost], current: Sequence[Ghost], key: KeyName
) -> list[Ghost | None]:
    """The ghost of the workspace each desired ghost names (None: to create).

    DuplicateKeyError when a desired key names two ghosts; with `key="id"`, an id the
    listing does not hold is a FocusConfigError (it cannot be created with that id).
    """
    by_key: dict[Key, list[Ghost]] = {}
    for ghost in current:
        by_key.setdefault(key_of(ghost, key), []).append(ghost)
    wanted = [k for k in dict.fromkeys(key_of(d, key) for d in desired) if k is not None]
    dups = [k for k in wanted if len(by_key.get(k, ())) > 1]
    if dups:
        shown = "; ".join(f"{k!r} (ghosts {', '.join(str(g.id) for g in by_key[k])})" for k in dups)
        raise DuplicateKeyError(
            f"ghosts of the workspace share a {key} that the plan names: {shown}; rename "
            "them or plan with key='id'",
            side="workspace",
            keys=dups,
        )
    if key == "id":
        unknown = [k for k in wanted if k not in by_key]
        if unknown:
            raise FocusConfigError(
                "desired ghosts name ids the workspace listing does not hold: "
                + ", ".join(map(str, unknown))
                + " (embodied ghosts are listed only with include_embodied=True)"
            )
    found: list[Ghost | None] = []
    for d in desired:
        k = key_of(d, key)
        found.append(by_key[k][0] if k is not None and k in by_key else None)
    return found


def hours_to_read(desired: Sequence[DesiredGhost], found: Sequence[Ghost | None]) -> list[int]:
    """Ids of the matched, unembodied ghosts whose desired row sets working hours."""
    return [
        g.id
        for d, g in zip(desired, found, strict=True)
        if g is not None and d.working_hours is not None and not embodied(g)
    ]


def diff(
    desired: Sequence[DesiredGhost],
    current: Sequence[Ghost],
    hours: Mapping[int, Sequence[WorkingHours]],
    *,
    key: KeyName,
    prune: bool,
) -> Changes:
    """Diff desired ghosts against the workspace's (and the hours read of matched ghosts)."""
    found = matches(desired, current, key)
    creates, updates, unchanged = [], [], []
    for d, match in zip(desired, found, strict=True):
        k = key_of(d, key)
        if match is None:
            creates.append(PlanCreate(k, d))
            continue
        if embodied(match):
            unchanged.append(PlanUnchanged(k, match, embodied=True))
            continue
        fields = field_changes(match, d, key)
        change = None
        if d.working_hours is not None:
            change = hours_change(d.working_hours, hours.get(match.id, ()))
        if fields or change is not None:
            updates.append(PlanUpdate(k, match, d, fields, change))
        else:
            unchanged.append(PlanUnchanged(k, match))
    deletes: list[PlanDelete] = []
    if prune:
        matched = {g.id for g in found if g is not None}
        deletes = [
            PlanDelete(key_of(g, key), g)
            for g in current
            if g.id not in matched and not embodied(g)
        ]
    return Changes(tuple(creates), tuple(updates), tuple(deletes), tuple(unchanged))


# --- steps: one per request ----------------------------------------------------------------


@attrs.frozen
class PlanStep:
    """One request of a plan: a bulk batch, a delete, or one ghost's working-hours change.

    `refs` index the plan's `creates` (bulk_create, create hours of a new ghost), `updates`
    (bulk_update, hours of an existing ghost) or `deletes`; `keys` are those ghosts' keys.
    """

    kind: StepKind
    source: Literal["creates", "updates", "deletes"]
    refs: tuple[int, ...]
    keys: tuple[Key, ...]

    @property
    def request(self) -> str:
        """The method and path, e.g. `POST ghosts/bulk_create`."""
        return _WIRE[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "request": self.request, "keys": list(self.keys)}

    def __str__(self) -> str:
        shown = ", ".join(repr(k) for k in self.keys[:3])
        more = f" and {len(self.keys) - 3} more" if len(self.keys) > 3 else ""
        return (
            f"{self.request} ({len(self.keys)} ghost{'s' * (len(self.keys) != 1)}: {shown}{more})"
        )


def _batches(n: int, size: int) -> list[range]:
    return [range(start, min(start + size, n)) for start in range(0, n, size)]


def steps(changes: Changes) -> tuple[PlanStep, ...]:
    """The requests, in the order `apply` sends them: bulk creates, bulk updates, the
    working hours of existing ghosts, deletes, then the working hours of new ghosts."""
    out: list[PlanStep] = []
    creates, updates = changes.creates, changes.updates
    for batch in _batches(len(creates), batch_size("bulk_create_ghosts")):
        out.append(
            PlanStep("bulk_create", "creates", tuple(batch), tuple(creates[i].key for i in batch))
        )
    with_fields = [i for i, u in enumerate(updates) if u.fields]
    for batch in _batches(len(with_fields), batch_size("bulk_update_ghosts")):
        refs = tuple(with_fields[i] for i in batch)
        out.append(PlanStep("bulk_update", "updates", refs, tuple(updates[i].key for i in refs)))
    for i, update in enumerate(updates):
        for kind in update.hours.kinds if update.hours else ():
            out.append(PlanStep(kind, "updates", (i,), (update.key,)))
    for i, delete in enumerate(changes.deletes):
        out.append(PlanStep("delete", "deletes", (i,), (delete.key,)))
    for i, create in enumerate(creates):
        if create.hours is not None:
            out.append(PlanStep("create_hours", "creates", (i,), (create.key,)))
    return tuple(out)


# --- what a failure means ------------------------------------------------------------------


def may_have_applied(error: FocusError) -> bool:
    """Whether a write that failed with `error` may still have taken effect.

    A status below 500 was refused (402, 400, ...); a 5xx, a timeout or a lost connection
    may have come after the server acted. Raised decode errors are about success bodies.
    """
    if isinstance(error, FocusStatusError):
        return error.status_code >= 500
    if isinstance(error, FocusDecodeError):
        return 200 <= error.status_code < 300
    return isinstance(error, FocusConnectionError)


def succeeded(error: FocusError) -> bool:
    """Whether the "failure" is a success answer whose body does not read: the write happened."""
    return isinstance(error, FocusDecodeError) and 200 <= error.status_code < 300


# --- a run, and what is left after it ------------------------------------------------------


@attrs.frozen
class Leftover:
    """What a run left to do: certain work, and what must be read again before it is known.

    `maybe_created`: creates whose bulk create may have happened (its answer was lost, or did
    not say which ghosts it made): the remaining plan lists the workspace once to find them.
    `reread`: ghosts whose working-hours POST may have happened: their hours are read again.
    """

    changes: Changes
    maybe_created: tuple[PlanCreate, ...] = ()
    reread: tuple[PlanUpdate, ...] = ()


@attrs.define
class Progress:
    """The bookkeeping of one `apply`: which steps were applied, which ghosts were created."""

    steps: tuple[PlanStep, ...]
    applied: list[bool] = attrs.field()
    #: create index -> the ghost the bulk create's answer described.
    created: dict[int, Ghost] = attrs.Factory(dict)
    failed: int | None = None
    uncertain: bool = False
    error: FocusError | None = None

    @applied.default
    def _none_applied(self) -> list[bool]:
        return [False] * len(self.steps)

    def fail(self, index: int, error: FocusError) -> None:
        """Step `index` failed; whether it may have happened matters only for creates."""
        self.failed, self.error = index, error
        kind = self.steps[index].kind
        self.uncertain = kind in ("bulk_create", "create_hours") and may_have_applied(error)

    def identify(
        self, refs: Sequence[int], creates: Sequence[PlanCreate], got: Sequence[Ghost]
    ) -> None:
        """Note which created ghosts a bulk create's answer describes (by position when it
        describes all of them with matching names, else by unique name)."""
        names = [creates[i].desired.name for i in refs]
        if len(got) == len(refs) and all(
            isinstance(g.name, Unset) or g.name == n for g, n in zip(got, names, strict=True)
        ):
            self.created.update(zip(refs, got, strict=True))
            return
        for ghost in got:
            hits = [i for i in refs if creates[i].desired.name == ghost.name]
            if len(hits) == 1 and hits[0] not in self.created:
                self.created[hits[0]] = ghost

    def _done(self) -> dict[tuple[str, str, int], bool]:
        return {
            (step.kind, step.source, ref): self.applied[i]
            for i, step in enumerate(self.steps)
            for ref in step.refs
        }

    def _maybe(self, kind: str, source: str, ref: int) -> bool:
        """Whether the failed step is this one and may have happened."""
        if self.failed is None or not self.uncertain:
            return False
        step = self.steps[self.failed]
        return step.kind == kind and step.source == source and ref in step.refs

    def leftover(self, changes: Changes) -> Leftover:
        """What is left of `changes` after this run."""
        done = self._done()
        creates: list[PlanCreate] = []
        maybe: list[PlanCreate] = []
        updates: list[PlanUpdate] = []
        reread: list[PlanUpdate] = []
        for i, create in enumerate(changes.creates):
            if not done[("bulk_create", "creates", i)]:
                (maybe if self._maybe("bulk_create", "creates", i) else creates).append(create)
                continue
            ghost = self.created.get(i)
            if ghost is None:
                maybe.append(create)  # created, but the answer did not say which ghost it is
                continue
            if create.hours is None or done[("create_hours", "creates", i)]:
                continue
            update = PlanUpdate(create.key, ghost, create.desired, (), create.hours)
            (reread if self._maybe("create_hours", "creates", i) else updates).append(update)
        for i, update in enumerate(changes.updates):
            fields = () if done.get(("bulk_update", "updates", i), True) else update.fields
            kinds = (
                [k for k in update.hours.kinds if not done[(k, "updates", i)]]
                if update.hours
                else []
            )
            hours = update.hours.only(kinds) if update.hours else None
            if self._maybe("create_hours", "updates", i):
                reread.append(attrs.evolve(update, fields=fields, hours=None))
            elif fields or hours is not None:
                updates.append(attrs.evolve(update, fields=fields, hours=hours))
        deletes = [d for i, d in enumerate(changes.deletes) if not done[("delete", "deletes", i)]]
        left = Changes(tuple(creates), tuple(updates), tuple(deletes), changes.unchanged)
        return Leftover(left, tuple(maybe), tuple(reread))


def resolve_created(
    maybe: Sequence[PlanCreate], new: Sequence[Ghost]
) -> tuple[list[PlanCreate], list[PlanUpdate]]:
    """Creates whose outcome was unknown, against the ghosts a fresh listing shows that the
    plan's listing did not: a new ghost of the same name was created (its hours, if any, are
    still to set: a new ghost starts with none); no such ghost, it is still to create."""
    unclaimed = list(new)
    creates, updates = [], []
    for create in maybe:
        ghost = next((g for g in unclaimed if g.name == create.desired.name), None)
        if ghost is None:
            creates.append(create)
            continue
        unclaimed.remove(ghost)
        if create.hours is not None:
            updates.append(PlanUpdate(create.key, ghost, create.desired, (), create.hours))
    return creates, updates


# --- the report ----------------------------------------------------------------------------


def _short(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe_create(create: PlanCreate) -> str:
    d = create.desired
    parts = []
    if d.description:
        parts.append(f"description {_short(d.description)}")
    for field, _ in _LISTS:
        value = getattr(d, field)
        if value:
            parts.append(f"{field} {list(value)}")
    if create.hours is not None:
        parts.append(str(create.hours))
    return "; ".join(parts)


def _describe_update(update: PlanUpdate) -> str:
    parts = [f"{c.field} {_short(c.old)} -> {_short(c.new)}" for c in update.fields]
    if update.hours is not None:
        parts.append(str(update.hours))
    return "; ".join(parts)


def summary_line(changes: Changes, cost: int) -> str:
    return (
        f"{len(changes.creates)} to create, {len(changes.updates)} to update, "
        f"{len(changes.deletes)} to delete, {len(changes.unchanged)} unchanged; "
        f"cost {cost} request{'s' * (cost != 1)}"
    )


def render(changes: Changes, plan_steps: Sequence[PlanStep], header: str, reads: int) -> str:
    """The plan as a table: one line per changed ghost, then the requests it costs."""
    rows: list[tuple[str, str, str, str]] = []
    for c in changes.creates:
        rows.append(("+", _short(c.desired.name), "new", _describe_create(c)))
    for u in changes.updates:
        rows.append(("~", _short(_unset(u.ghost.name)), str(u.ghost.id), _describe_update(u)))
    for x in changes.deletes:
        rows.append(("-", _short(_unset(x.ghost.name)), str(x.ghost.id), "delete"))
    lines = [f"{header}: {summary_line(changes, len(plan_steps))}"]
    if rows:
        width = max(len(r[1]) for r in rows)
        id_width = max(len(r[2]) for r in rows)
        lines += [f"  {s} {n:<{width}}  {i:>{id_width}}  {what}".rstrip() for s, n, i, what in rows]
    counts: dict[str, int] = {}
    for step in plan_steps:
        counts[step.request] = counts.get(step.request, 0) + 1
    if counts:
        lines.append("requests: " + ", ".join(f"{n} x {what}" for what, n in counts.items()))
    lines.append(f"planning read {reads} request{'s' * (reads != 1)} (0 writes)")
    return "\n".join(lines)
