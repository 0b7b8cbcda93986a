"""The errors of ghost plans: `FocusError`s raised before a write, or saying what was written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from ..errors import FocusConfigError, FocusError

__all__ = [
    "DuplicateKeyError",
    "LookalikeNameError",
    "PlanApplyError",
    "PlanBudgetError",
    "PlanError",
    "StalePlanError",
]


class PlanError(FocusError):
    """A ghost plan cannot be made or applied as asked."""


class DuplicateKeyError(FocusConfigError):
    """Two desired ghosts, or two ghosts of the workspace that a desired ghost names, share a
    key. `side` is "desired" (raised before any request) or "workspace" (after the listing,
    before any write); `keys` are the duplicated keys."""

    def __init__(self, message: str, *, side: str, keys: Sequence[str | int | None]) -> None:
        super().__init__(message)
        self.side = side
        self.keys = tuple(keys)


class LookalikeNameError(DuplicateKeyError):
    """With `prune=True` and `key="name"`, the plan would delete a ghost whose name looks like
    a row's (they differ only in case, Unicode form or width, or surrounding whitespace) and
    keep or create the row's: refused after the listing, before any write. `pairs` are
    `(ghost_id, the ghost's name, the row's name)`; `keys` the rows' names."""

    def __init__(self, message: str, *, pairs: Sequence[tuple[int, str, str]]) -> None:
        super().__init__(message, side="workspace", keys=[row for _, _, row in pairs])
        self.pairs = tuple(pairs)


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


class StalePlanError(PlanError):
    """A saved plan was refused before any write: a ghost it updates or deletes changed
    since the plan was made (its `updated_at` or a field the plan changes differs, it was
    embodied, deleted or is gone). `changed` lists `(ghost_id, what changed)`; plan again."""

    def __init__(self, message: str, *, changed: Sequence[tuple[int, str]]) -> None:
        super().__init__(message)
        self.changed = tuple(changed)
