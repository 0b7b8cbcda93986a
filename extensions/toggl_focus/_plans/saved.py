"""Saved plans: a plan as a JSON document (`plan.to_json()`), read back (`parse`), and the
check that the workspace is still as the plan saw it (`stale`) before it is applied.

The document (format 1) holds what applying needs, and the state each change was made from:

    {"focus_plan": 1,                      the marker and format version
     "organization_id": 9001, "workspace_id": 7001,
     "key": "name", "prune": false, "include_embodied": false,
     "cost": 3,                            requests `apply` sends (recomputed when read)
     "creates": [{"key": ..., "after": {"name": ..., "team_ids": [41], ...}}],
     "updates": [{"key": ..., "id": 1034,
                  "before": {"name": ..., "updated_at": ..., <each changed field's value>},
                  "after": {<each changed field's new value>},
                  "working_hours": {"old": [...], "new": [...], "update": [...],
                                    "create": [...], "delete": [...]}}],
     "deletes": [{"key": ..., "id": 1043, "before": {"name": ..., "updated_at": ...}}],
     "unchanged": [{"key": ..., "id": 1001, "embodied": false}],
     "known_ids": [...]}                   the listing's ids, when the plan creates ghosts

`before` is the ghost as the plan saw it: its name, `updated_at` and the fields the plan
changes. A plan is current when every ghost it updates or deletes still exists, is not
embodied, and has that `updated_at` and those fields. Working-hours entries are not compared
(that would cost a request per ghost): the PUT names the entries the plan saw. `after` of a
create is the desired ghost (`DesiredGhost.to_dict()`). `known_ids` lets a resumed plan tell
a ghost it created from one that was there; other top-level keys are ignored, so a tool may
add its own (the CLI adds `source` and `applied`).

A malformed document is a FocusConfigError naming the place (`updates[2].before.updated_at`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from toggl_focus_api.models import Ghost

from .._ground import check as _check
from ..errors import FocusConfigError
from .desired import KEYS, LISTS, DesiredGhost, Key, KeyName, assigned_ids, desired_ghost, unset
from .desired import _hours as parse_week
from .diff import Changes, FieldChange, PlanCreate, PlanDelete, PlanUnchanged, PlanUpdate, embodied
from .hours import HoursChange
from .steps import steps

__all__ = [
    "FORMAT",
    "MARKER",
    "SavedPlan",
    "before_of",
    "check_requests",
    "document",
    "dumps",
    "parse",
    "stale",
]

MARKER = "focus_plan"
FORMAT = 1
#: The ghost_ids filter of one staleness-check request (the listing's largest page).
CHECK_BATCH = 100
#: The fields a plan changes, in the order a report shows them.
_FIELDS = ("name", "description", *(field for field, _ in LISTS))


def check_requests(touched: int) -> int:
    """The requests checking `touched` ghosts costs: one per 100 (the ghost_ids filter)."""
    return -(-touched // CHECK_BATCH)


def _updated_at(ghost: Ghost) -> str | None:
    value = unset(ghost.updated_at)
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else None


def now_value(ghost: Ghost, field: str) -> Any:
    """A ghost's field as a plan compares it: description "" when absent, lists sorted."""
    if field == "name":
        return unset(ghost.name)
    if field == "description":
        return unset(ghost.description) or ""
    return sorted(assigned_ids(ghost)[field])


def before_of(ghost: Ghost, fields: Sequence[str] = ()) -> dict[str, Any]:
    """What the plan saw of a ghost: its name, `updated_at` and the `fields` it changes."""
    out: dict[str, Any] = {"name": unset(ghost.name), "updated_at": _updated_at(ghost)}
    out.update({field: now_value(ghost, field) for field in fields})
    return out


def _hours_dict(change: HoursChange) -> dict[str, Any]:
    return {
        **change.to_dict(),
        "update": [
            {"working_hour_id": entry, "weekday": day, "working_hours": hours}
            for entry, day, hours in change.update
        ],
        "create": [{"weekday": day, "working_hours": hours} for day, hours in change.create],
        "delete": list(change.delete),
    }


def document(
    *,
    where: Mapping[str, int],
    key: KeyName,
    prune: bool,
    include_embodied: bool,
    changes: Changes,
    known_ids: frozenset[int],
) -> dict[str, Any]:
    """The saved-plan document of a plan (JSON-able)."""
    updates = []
    for u in changes.updates:
        item: dict[str, Any] = {
            "key": u.key,
            "id": u.id,
            "before": before_of(u.ghost, [c.field for c in u.fields]),
            "after": {c.field: c.new for c in u.fields},
        }
        if u.hours is not None:
            item["working_hours"] = _hours_dict(u.hours)
        updates.append(item)
    out: dict[str, Any] = {
        MARKER: FORMAT,
        "organization_id": where["organization_id"],
        "workspace_id": where["workspace_id"],
        "key": key,
        "prune": prune,
        "include_embodied": include_embodied,
        "cost": len(steps(changes)),
        "creates": [{"key": c.key, "after": c.desired.to_dict()} for c in changes.creates],
        "updates": updates,
        "deletes": [
            {"key": d.key, "id": d.id, "before": before_of(d.ghost)} for d in changes.deletes
        ],
        "unchanged": [
            {"key": u.key, "id": u.ghost.id, "embodied": u.embodied} for u in changes.unchanged
        ],
    }
    if changes.creates:
        out["known_ids"] = sorted(known_ids)
    return out


# --- reading a document back ---------------------------------------------------------------


@attrs.frozen
class SavedPlan:
    """A saved plan read back: where it applies, its changes (the ghosts in them carry only
    what the document holds until `current` replaces them), and what it saw of each ghost."""

    organization_id: int
    workspace_id: int
    key: KeyName
    prune: bool
    include_embodied: bool
    changes: Changes
    #: ghost id -> what the plan saw of it (`before`), for each ghost it updates or deletes.
    before: Mapping[int, Mapping[str, Any]]
    known_ids: frozenset[int]

    @property
    def touched(self) -> list[int]:
        """The ghosts the plan updates or deletes, whose state the check compares."""
        return list(self.before)

    @property
    def check_requests(self) -> int:
        """Requests the staleness check costs (1 per 100 touched ghosts; 0 for none)."""
        return check_requests(len(self.before))

    @property
    def cost(self) -> int:
        """Requests applying the plan costs."""
        return len(steps(self.changes))

    def current(self, ghosts: Mapping[int, Ghost]) -> Changes:
        """The changes with the ghosts as just read (the check found them as the plan saw)."""
        c = self.changes
        return Changes(
            c.creates,
            tuple(attrs.evolve(u, ghost=ghosts.get(u.id, u.ghost)) for u in c.updates),
            tuple(attrs.evolve(d, ghost=ghosts.get(d.id, d.ghost)) for d in c.deletes),
            c.unchanged,
        )


def dumps(value: object, indent: str = "") -> str:
    """JSON text a person can read and diff: an object per line or block, a list of numbers
    or strings, and a small object of scalars (a working-hours entry), on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    scalars = (str, int, float, bool, type(None))
    if isinstance(value, list) and all(isinstance(v, scalars) for v in value):
        return flat
    if (
        isinstance(value, dict)
        and len(flat) <= 72
        and all(isinstance(v, scalars) for v in value.values())
    ):
        return flat
    inner = indent + "  "
    if isinstance(value, dict):
        body = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(body) + f"\n{indent}}}" if body else "{}"
    if isinstance(value, list):
        body = [f"{inner}{dumps(v, inner)}" for v in value]
        return "[\n" + ",\n".join(body) + f"\n{indent}]"
    return flat


def _fail(where: str, wanted: str, value: object) -> FocusConfigError:
    return FocusConfigError(f"{where} must be {wanted}, got {_check.given(value)}")


def _mapping(where: str, value: object, required: Sequence[str], allowed: Sequence[str]) -> Any:
    if not isinstance(value, Mapping):
        raise _fail(where, "an object", value)
    unknown = [k for k in value if k not in (*required, *allowed)]
    if unknown:
        raise FocusConfigError(f"{where}: unknown field {_check.given(unknown[0])}")
    missing = [k for k in required if k not in value]
    if missing:
        raise FocusConfigError(f"{where} lacks the field {missing[0]!r}")
    return value


def _list(where: str, value: object) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, "a list", value)
    return value


def _key(where: str, value: object, key: KeyName) -> Key:
    if value is None:
        return None
    if key == "id":
        return _check.positive_id(where, value)
    return _check.text(where, value)


def _field_value(where: str, field: str, value: object) -> Any:
    if field == "name":
        return _check.non_empty(where, value)
    if field == "description":
        return _check.text(where, value)
    return list(dict.fromkeys(_check.ids(where, value)))


def _before(where: str, value: object, fields: Sequence[str]) -> dict[str, Any]:
    item = _mapping(where, value, ("name", "updated_at", *fields), ())
    name, updated = item["name"], item["updated_at"]
    out: dict[str, Any] = {
        "name": None if name is None else _check.text(f"{where}.name", name),
        "updated_at": None if updated is None else _check.text(f"{where}.updated_at", updated),
    }
    for field in fields:
        if field != "name":
            value = _field_value(f"{where}.{field}", field, item[field])
            out[field] = sorted(value) if isinstance(value, list) else value  # as now_value
    return out


def _week(where: str, value: object) -> dict[int, float]:
    if not isinstance(value, list):
        raise _fail(where, "a list of {weekday, working_hours}", value)
    return parse_week(where, value) or {}


def _hours(where: str, value: object) -> HoursChange:
    item = _mapping(where, value, ("old", "new", "update", "create", "delete"), ())
    old, new = _week(f"{where}.old", item["old"]), _week(f"{where}.new", item["new"])
    update = []
    for i, entry in enumerate(_list(f"{where}.update", item["update"])):
        at = f"{where}.update[{i}]"
        e = _mapping(at, entry, ("working_hour_id", "weekday", "working_hours"), ())
        update.append(
            (
                _check.positive_id(f"{at}.working_hour_id", e["working_hour_id"]),
                _check.integer(f"{at}.weekday", e["weekday"], 0, 6),
                float(_check.number(f"{at}.working_hours", e["working_hours"], 0, 168)),
            )
        )
    create = tuple(sorted(_week(f"{where}.create", item["create"]).items()))
    delete = tuple(_check.ids(f"{where}.delete", _list(f"{where}.delete", item["delete"])))
    change = HoursChange(old, new, create, tuple(update), delete)
    if not change.kinds:
        raise FocusConfigError(f"{where} changes no entry")
    return change


def _update(where: str, value: object, key: KeyName) -> tuple[PlanUpdate, dict[str, Any]]:
    item = _mapping(where, value, ("key", "id", "before", "after"), ("working_hours",))
    ghost_id = _check.positive_id(f"{where}.id", item["id"])
    after = _mapping(f"{where}.after", item["after"], (), _FIELDS)
    fields = [f for f in _FIELDS if f in after]
    before = _before(f"{where}.before", item["before"], fields)
    new = {f: _field_value(f"{where}.after.{f}", f, after[f]) for f in fields}
    hours = None
    if item.get("working_hours") is not None:
        hours = _hours(f"{where}.working_hours", item["working_hours"])
    if not fields and hours is None:
        raise FocusConfigError(f"{where} changes nothing")
    changes = tuple(FieldChange(f, before[f], new[f]) for f in fields)
    desired = DesiredGhost(
        name=new.get("name") or before["name"] or "-",
        description=new.get("description"),
        project_ids=None if "project_ids" not in new else tuple(new["project_ids"]),
        task_ids=None if "task_ids" not in new else tuple(new["task_ids"]),
        team_ids=None if "team_ids" not in new else tuple(new["team_ids"]),
        working_hours=None if hours is None else hours.new,
    )
    ghost = Ghost(id=ghost_id, name=before["name"])
    k = _key(f"{where}.key", item["key"], key)
    return PlanUpdate(k, ghost, desired, changes, hours), before


def parse(saved: object) -> SavedPlan:
    """A saved-plan document (a mapping, or its JSON text) read and checked.

    FocusConfigError naming the place for anything malformed (`saved plan: updates[2].id
    must be ...`): not a saved plan (no `focus_plan` marker), another format version, a bad
    id, field or working-hours entry, a ghost changed twice.
    """
    try:
        return _parse(saved)
    except FocusConfigError as exc:
        text = str(exc)
        if "saved plan" in text:
            raise
        raise FocusConfigError(f"saved plan: {text}") from None


def _parse(saved: object) -> SavedPlan:
    if isinstance(saved, str | bytes | bytearray):
        try:
            saved = json.loads(saved)
        except (ValueError, RecursionError) as exc:
            raise FocusConfigError(f"the saved plan is not valid JSON: {exc}") from None
    if not isinstance(saved, Mapping) or MARKER not in saved:
        raise FocusConfigError(
            f"not a saved plan: a JSON object with {MARKER!r} (plan.to_json() writes one)"
        )
    version = saved[MARKER]
    if version != FORMAT or isinstance(version, bool):
        raise FocusConfigError(
            f"saved plan format {_check.given(version)} is not supported (this version reads "
            f"format {FORMAT}): plan again"
        )
    for name in ("organization_id", "workspace_id", "key", "prune", "include_embodied"):
        if name not in saved:
            raise FocusConfigError(f"the saved plan lacks the field {name!r}")
    key = _check.one_of("key", saved["key"], KEYS)
    assert key in KEYS
    chosen: KeyName = "name" if key == "name" else "id"
    creates = []
    for i, item in enumerate(_list("creates", saved.get("creates", []))):
        c = _mapping(f"creates[{i}]", item, ("key", "after"), ())
        desired = desired_ghost(f"creates[{i}].after", c["after"])
        creates.append(PlanCreate(_key(f"creates[{i}].key", c["key"], chosen), desired))
    before: dict[int, Mapping[str, Any]] = {}
    updates = []
    for i, item in enumerate(_list("updates", saved.get("updates", []))):
        update, seen = _update(f"updates[{i}]", item, chosen)
        if update.id in before:
            raise FocusConfigError(f"updates[{i}].id: ghost {update.id} is changed twice")
        before[update.id] = seen
        updates.append(update)
    deletes = []
    for i, item in enumerate(_list("deletes", saved.get("deletes", []))):
        where = f"deletes[{i}]"
        d = _mapping(where, item, ("key", "id", "before"), ())
        ghost_id = _check.positive_id(f"{where}.id", d["id"])
        if ghost_id in before:
            raise FocusConfigError(f"{where}.id: ghost {ghost_id} is changed twice")
        before[ghost_id] = _before(f"{where}.before", d["before"], ())
        ghost = Ghost(id=ghost_id, name=before[ghost_id]["name"])
        deletes.append(PlanDelete(_key(f"{where}.key", d["key"], chosen), ghost))
    unchanged = []
    for i, item in enumerate(_list("unchanged", saved.get("unchanged", []))):
        where = f"unchanged[{i}]"
        u = _mapping(where, item, ("key", "id"), ("embodied",))
        ghost = Ghost(id=_check.positive_id(f"{where}.id", u["id"]))
        is_embodied = _check.flag(f"{where}.embodied", u.get("embodied", False))
        unchanged.append(PlanUnchanged(_key(f"{where}.key", u["key"], chosen), ghost, is_embodied))
    known = _check.ids("known_ids", _list("known_ids", saved.get("known_ids", [])))
    return SavedPlan(
        organization_id=_check.positive_id("organization_id", saved["organization_id"]),
        workspace_id=_check.positive_id("workspace_id", saved["workspace_id"]),
        key=chosen,
        prune=_check.flag("prune", saved["prune"]),
        include_embodied=_check.flag("include_embodied", saved["include_embodied"]),
        changes=Changes(tuple(creates), tuple(updates), tuple(deletes), tuple(unchanged)),
        before=before,
        known_ids=frozenset(known) | frozenset(before) | {u.ghost.id for u in unchanged},
    )


# --- is it still current? -----------------------------------------------------------------


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def stale(saved: SavedPlan, current: Mapping[int, Ghost]) -> list[tuple[int, str]]:
    """The touched ghosts that changed since the plan, each with what changed (empty: the
    plan is current). `current` holds the touched ghosts as just read (embodied ones too)."""
    out: list[tuple[int, str]] = []
    for ghost_id, seen in saved.before.items():
        ghost = current.get(ghost_id)
        label = f"{ghost_id} {_short(seen['name'])}"
        if ghost is None:
            out.append((ghost_id, f"{label} is gone (deleted, or in no listing)"))
            continue
        what = []
        if embodied(ghost):
            what.append("embodied")
        now = _updated_at(ghost)
        if seen["updated_at"] is not None and now != seen["updated_at"]:
            what.append(f"updated_at {seen['updated_at']} -> {now}")
        for field in ("name", *(f for f in _FIELDS if f in seen and f != "name")):
            value = now_value(ghost, field)
            if value != seen[field]:
                what.append(f"{field} {_short(seen[field])} -> {_short(value)}")
        if what:
            out.append((ghost_id, f"{label}: {', '.join(what)}"))
    return out
