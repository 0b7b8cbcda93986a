"""Ghost plans: reconcile a staffing plan with a workspace, priced before anything is spent.

`focus.ghosts.plan(desired, key="name", prune=False)` reads the workspace and diffs it with
the desired ghosts (dicts, `DesiredGhost`, `GhostCreate` or `Ghost` models): `plan.creates`,
`plan.updates`, `plan.deletes` (only with `prune=True`), `plan.unchanged`, and `plan.cost`,
the exact number of requests `plan.apply()` sends (bulk creates and bulk updates in batches
of the spec's maximum, one per delete, one per working-hours change). `print(plan)` shows
the table, `plan.to_dict()` gives it to machines.

`plan.apply(budget=N)` refuses before sending anything (`PlanBudgetError`) when the plan
costs more than `N` or than the quota left (unless the client waits for resets). A failure
part-way raises `PlanApplyError`; its `.result` says what was applied and what is pending,
and `result.remaining_plan()` continues with only what is left: it sends nothing first,
unless a bulk create's answer was lost, in which case it lists the ghosts once so that no
ghost is created twice.

`plan.to_json()` saves a plan: a JSON document with each change, the state it was made from
and the desired state; `focus.ghosts.load_plan(text)` reads it back to apply exactly that
plan, after checking (one request per 100 ghosts it updates or deletes) that none of those
ghosts changed since (`StalePlanError` otherwise, before any write).

`desired_from_rows(rows)` reads desired ghosts from rows of strings (as `csv.DictReader`
gives them); an empty `working_hours` cell leaves a ghost's hours alone (`none` clears them),
so planning reads hours only for rows that state them. `GhostPlan`/`PlanResult` belong to
`Focus`, `AsyncGhostPlan`/`AsyncPlanResult` to `AsyncFocus` (`await plan.apply()`,
`await result.remaining_plan()`); they are written once, async, in
`toggl_focus._async.plans`, with what they share in the package `toggl_focus._plans`.
"""

from ._async.plans import AsyncGhostPlan, AsyncPlanResult
from ._plans.desired import WEEKDAYS, DesiredGhost, desired_from_rows
from ._plans.diff import FieldChange, PlanCreate, PlanDelete, PlanUnchanged, PlanUpdate
from ._plans.errors import (
    DuplicateKeyError,
    LookalikeNameError,
    PlanApplyError,
    PlanBudgetError,
    PlanError,
    StalePlanError,
)
from ._plans.hours import HoursChange
from ._plans.steps import PlanStep
from ._sync.plans import GhostPlan, PlanResult

__all__ = [
    "WEEKDAYS",
    "AsyncGhostPlan",
    "AsyncPlanResult",
    "DesiredGhost",
    "DuplicateKeyError",
    "FieldChange",
    "GhostPlan",
    "HoursChange",
    "LookalikeNameError",
    "PlanApplyError",
    "PlanBudgetError",
    "PlanCreate",
    "PlanDelete",
    "PlanError",
    "PlanResult",
    "PlanStep",
    "PlanUnchanged",
    "PlanUpdate",
    "StalePlanError",
    "desired_from_rows",
]
