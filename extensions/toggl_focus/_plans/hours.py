"""Weekly working hours: what changes a ghost's entries into the desired week, in at most
two requests (a PUT, then a POST or a DELETE)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from toggl_focus_api.models import WorkingHours
from toggl_focus_api.types import Unset

from .desired import WEEKDAYS, Hours, StepKind, hours_list

__all__ = ["HoursChange", "hours_change"]


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
        return {"old": hours_list(self.old), "new": hours_list(self.new)}

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
