"""The steps of a plan, one per request (its price), and the bookkeeping of a run: which
steps were applied, which ghosts were created, and what is left after a failure.

A failure matters by whether the write may still have happened (`may_have_applied`): only a
create whose answer was lost must be settled by reading before it is sent again.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from toggl_focus_api.models import Ghost
from toggl_focus_api.types import Unset

from ..errors import FocusConnectionError, FocusDecodeError, FocusError, FocusStatusError
from .desired import Key, StepKind, name_key
from .diff import Changes, PlanCreate, PlanUpdate

__all__ = [
    "Leftover",
    "PlanStep",
    "Progress",
    "StepKind",
    "batch_size",
    "may_have_applied",
    "resolve_created",
    "steps",
    "succeeded",
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
        name = name_key(create.desired.name)
        ghost = next(
            (g for g in unclaimed if isinstance(g.name, str) and name_key(g.name) == name), None
        )
        if ghost is None:
            creates.append(create)
            continue
        unclaimed.remove(ghost)
        if create.hours is not None:
            updates.append(PlanUpdate(create.key, ghost, create.desired, (), create.hours))
    return creates, updates
