"""The diff: desired ghosts against the workspace's, into creates, updates, deletes and
unchanged ghosts (`diff`), each change able to give its request body."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from toggl_focus_api.models import AssignAction, Ghost, GhostBulkUpdate, GhostCreate, WorkingHours
from toggl_focus_api.types import UNSET

from ..errors import FocusConfigError
from .desired import (
    LISTS,
    DesiredGhost,
    Key,
    KeyName,
    assigned_ids,
    key_of,
    lookalike,
    name_key,
    unset,
)
from .errors import DuplicateKeyError, LookalikeNameError
from .hours import HoursChange, hours_change

__all__ = [
    "Changes",
    "FieldChange",
    "PlanCreate",
    "PlanDelete",
    "PlanUnchanged",
    "PlanUpdate",
    "check_lookalikes",
    "diff",
    "embodied",
    "field_changes",
    "hours_to_read",
    "matches",
]


@attrs.frozen
class FieldChange:
    """One field of a ghost that changes: `description`, `project_ids`, ... (or `name`)."""

    field: str
    old: Any
    new: Any


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
                for ours, api in LISTS
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
        lists = {api: list(changed[ours]) for ours, api in LISTS if ours in changed}
        return GhostBulkUpdate(
            id=self.ghost.id,
            name=changed.get("name", UNSET),
            description=changed.get("description", UNSET),
            assign_action=AssignAction.REPLACE if lists else UNSET,
            **{api: lists.get(api, UNSET) for _, api in LISTS},
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
        return {"key": self.key, "id": self.ghost.id, "name": unset(self.ghost.name)}


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


def embodied(ghost: Ghost) -> bool:
    """Whether someone embodies the ghost (its `user_id` or `embodied_at` is set)."""
    return isinstance(ghost.user_id, int) or bool(unset(ghost.embodied_at))


def field_changes(ghost: Ghost, desired: DesiredGhost, key: KeyName) -> tuple[FieldChange, ...]:
    """The managed fields whose value differs (assignments compared as sets)."""
    out = []
    name = unset(ghost.name)
    # Names compare by their key (NFC, no surrounding whitespace), as key="name" matches.
    if key != "name" and (not isinstance(name, str) or name_key(desired.name) != name_key(name)):
        out.append(FieldChange("name", name, desired.name))
    description = unset(ghost.description) or ""
    if desired.description is not None and desired.description != description:
        out.append(FieldChange("description", description, desired.description))
    assigned = assigned_ids(ghost)
    for field, _ in LISTS:
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


def check_lookalikes(
    desired: Sequence[DesiredGhost],
    current: Sequence[Ghost],
    found: Sequence[Ghost | None],
    *,
    key: KeyName,
    prune: bool,
) -> None:
    """LookalikeNameError when `prune` would delete a ghost whose name looks like a row's
    (`lookalike`: case, Unicode form or width, spacing) while the plan keeps or creates the
    row's ghost: "Ada" deleted and "ada" created, or "ada" deleted next to a kept "Ada"."""
    if not prune or key != "name":
        return
    matched = {g.id for g in found if g is not None}
    rows: dict[str, str] = {}
    for d in desired:
        rows.setdefault(lookalike(d.name), d.name)
    pairs = []
    for ghost in current:
        name = unset(ghost.name)
        if ghost.id in matched or embodied(ghost) or not isinstance(name, str):
            continue
        row = rows.get(lookalike(name))
        if row is not None:
            pairs.append((ghost.id, name, row))
    if pairs:
        shown = "; ".join(f"ghost {i} {name!r} (row {row!r})" for i, name, row in pairs[:5])
        more = f"; and {len(pairs) - 5} more" if len(pairs) > 5 else ""
        raise LookalikeNameError(
            f"prune would delete ghosts whose names only look like rows the plan keeps or "
            f"creates: {shown}{more}. Names match exactly but for Unicode form and surrounding "
            "whitespace; rename the ghost or the row, or plan with key='id' or without prune",
            pairs=pairs,
        )


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
    check_lookalikes(desired, current, found, key=key, prune=prune)
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
