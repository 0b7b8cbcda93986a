"""Ghost plans: diff a staffing plan against a workspace, price it, apply it, resume it.

`focus.ghosts.plan(desired)` reads the workspace (the ghost listing, plus the working hours
of matched ghosts whose desired row sets them: a row whose `working_hours` is None, or an
empty CSV cell, leaves the hours alone and costs no read) and returns an `AsyncGhostPlan`:
the creates,
updates, deletes and unchanged ghosts, and `cost`, the exact number of requests `apply`
sends. `apply(budget=)` refuses before sending anything when that is more than the budget
or the quota left, then sends bulk creates and bulk updates in batches of the spec's
`maxItems`, one request per delete and one per working-hours change. A failure part-way
raises `PlanApplyError` whose `result` says what was applied; `result.remaining_plan()`
continues with what is left, reading only what a lost answer leaves unknown.

`plan.to_json()` saves a plan (the document is described in `toggl_focus._plans.saved`);
`focus.ghosts.load_plan(text)` reads it back for `apply`, after checking, at one request
per 100 ghosts it updates or deletes, that none of them changed since (`StalePlanError`).

The diff, the steps and the bookkeeping are sync-neutral (the package `toggl_focus._plans`);
this module only reads and writes through the resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from toggl_focus_api.models import Ghost, WorkingHours

from .._client.resources import Context, RequestOptions, checked_options
from .._ground import check as _check
from .._plans.desired import KEYS, DesiredGhost, KeyName, check_desired_keys, desired_ghosts
from .._plans.diff import (
    Changes,
    PlanCreate,
    PlanDelete,
    PlanUnchanged,
    PlanUpdate,
    check_lookalikes,
    diff,
    embodied,
    hours_to_read,
    matches,
)
from .._plans.errors import PlanApplyError, PlanBudgetError, PlanError, StalePlanError
from .._plans.hours import hours_change
from .._plans.report import render, summary_line
from .._plans.saved import CHECK_BATCH, document, dumps, parse, stale
from .._plans.steps import Leftover, PlanStep, Progress, resolve_created, steps, succeeded
from .._wire.http import counting
from ..errors import FocusConfigError, FocusError
from .working_hours import AsyncWorkingHoursResource

if TYPE_CHECKING:
    from .ghosts import AsyncGhosts

__all__ = ["AsyncGhostPlan", "AsyncPlanResult", "load_plan", "make_plan"]

Desired = Iterable[DesiredGhost | Mapping[str, Any] | object]


class _Target:
    """Where a plan reads and writes: the resources, the workspace, the per-call options."""

    def __init__(
        self, ghosts: AsyncGhosts, ctx: Context, where: dict[str, int], options: RequestOptions
    ) -> None:
        self.ghosts = ghosts
        self.hours = AsyncWorkingHoursResource(ctx)
        self.policy = ctx.policy
        self.where = where
        self.options = options

    async def listing(self, include_embodied: bool) -> list[Ghost]:
        """Every ghost of the workspace (embodied ones only if asked), 100 per request.

        A listing is not a snapshot: a ghost that moves between pages while they are read
        (another ghost created or deleted before it) is listed twice. It is kept once, by
        id, at its first place and as its later page showed it (the fresher read), so it is
        neither deleted twice under `prune` nor taken for two ghosts sharing its key.
        """
        found: dict[int, Ghost] = {}
        pager = self.ghosts.list(
            include_embodied=True if include_embodied else None,
            workspace_id=self.where["workspace_id"],
            organization_id=self.where["organization_id"],
            **self.options,
        )
        async for ghost in pager:
            found[ghost.id] = ghost
        return list(found.values())

    async def hours_of(self, ghost_id: int) -> list[WorkingHours]:
        return await self.hours.get_for_ghost(ghost_id, **self.where, **self.options)

    async def these(self, ghost_ids: Sequence[int]) -> dict[int, Ghost]:
        """The ghosts with these ids, embodied ones too, 100 per request (the ghost_ids
        filter); a deleted ghost is not listed."""
        found: dict[int, Ghost] = {}
        for start in range(0, len(ghost_ids), CHECK_BATCH):
            chunk = ghost_ids[start : start + CHECK_BATCH]
            pager = self.ghosts.list(
                ghost_ids=chunk,
                include_embodied=True,
                page_size=CHECK_BATCH,
                max_items=len(chunk),
                workspace_id=self.where["workspace_id"],
                organization_id=self.where["organization_id"],
                **self.options,
            )
            async for ghost in pager:
                found[ghost.id] = ghost
        return found


async def make_plan(
    ghosts: AsyncGhosts,
    ctx: Context,
    desired: Desired,
    *,
    key: KeyName,
    prune: bool,
    include_embodied: bool,
    workspace_id: int | None,
    organization_id: int | None,
    options: RequestOptions,
) -> AsyncGhostPlan:
    """Check everything, read the workspace, diff: the plan (reads only, never a write)."""
    wanted = desired_ghosts(desired)
    chosen = cast(KeyName, _check.one_of("key", key, KEYS))
    prune = _check.flag("prune", prune)
    include_embodied = _check.flag("include_embodied", include_embodied)
    where = {"workspace_id": ctx.ws(workspace_id), "organization_id": ctx.org(organization_id)}
    check_desired_keys(wanted, chosen)
    options = checked_options(options)
    target = _Target(ghosts, ctx, where, options)
    with counting() as counter:
        current: list[Ghost] = []
        hours: dict[int, list[WorkingHours]] = {}
        if wanted or prune:  # nothing desired and nothing to prune: nothing to read
            current = await target.listing(include_embodied)
            found = matches(wanted, current, chosen)
            check_lookalikes(wanted, current, found, key=chosen, prune=prune)  # before reads
            for ghost_id in hours_to_read(wanted, found):
                hours[ghost_id] = await target.hours_of(ghost_id)
        changes = diff(wanted, current, hours, key=chosen, prune=prune)
    return AsyncGhostPlan(
        target,
        changes,
        desired=wanted,
        key=chosen,
        prune=prune,
        include_embodied=include_embodied,
        known_ids=frozenset(g.id for g in current),
        reads=counter.count,
    )


async def load_plan(
    ghosts: AsyncGhosts, ctx: Context, saved: object, *, options: RequestOptions
) -> AsyncGhostPlan:
    """A saved plan read back, checked to be current (reads only, never a write).

    FocusConfigError for a malformed document, or one made for another organization or
    workspace than the client's; StalePlanError when a ghost it updates or deletes changed.
    """
    loaded = parse(saved)
    where = {"workspace_id": loaded.workspace_id, "organization_id": loaded.organization_id}
    for name, mine in (("organization", ctx.organization_id), ("workspace", ctx.workspace_id)):
        theirs = where[f"{name}_id"]
        if mine is not None and mine != theirs:
            raise FocusConfigError(
                f"the saved plan is for {name} {theirs}, and this client works on {mine}"
            )
    options = checked_options(options)
    target = _Target(ghosts, ctx, where, options)
    with counting() as counter:
        current = await target.these(loaded.touched)
    changed = stale(loaded, current)
    if changed:
        shown = "; ".join(what for _, what in changed[:5])
        more = f"; and {len(changed) - 5} more" if len(changed) > 5 else ""
        raise StalePlanError(
            f"the saved plan is stale: {len(changed)} ghost{'s' * (len(changed) != 1)} "
            f"changed since it was made ({shown}{more}); nothing was sent: plan again",
            changed=changed,
        )
    changes = loaded.current(current)
    return AsyncGhostPlan(
        target,
        changes,
        desired=[c.desired for c in changes.creates] + [u.desired for u in changes.updates],
        key=loaded.key,
        prune=loaded.prune,
        include_embodied=loaded.include_embodied,
        known_ids=loaded.known_ids,
        reads=counter.count,
        saved=True,
    )


class AsyncGhostPlan:
    """A priced plan: what changes in the workspace, and exactly what applying it costs.

    `creates`, `updates`, `deletes`, `unchanged` are the changes per ghost; `steps` the
    requests `apply` sends, in order (`cost` of them); `reads` the requests planning took.
    `str(plan)` is a readable table; `plan.to_dict()` the same for machines (JSON-able).
    """

    def __init__(
        self,
        target: _Target,
        changes: Changes,
        *,
        desired: Sequence[DesiredGhost],
        key: KeyName,
        prune: bool,
        include_embodied: bool,
        known_ids: frozenset[int],
        reads: int,
        saved: bool = False,
    ) -> None:
        self._target = target
        self._changes = changes
        self._steps = steps(changes)
        self.desired = tuple(desired)
        self.key: KeyName = key
        self.prune = prune
        self.include_embodied = include_embodied
        self.known_ids = known_ids
        #: Requests planning sent (all reads); for a saved plan, its staleness check's.
        self.reads = reads
        self._saved = saved
        self._applied = False

    @property
    def creates(self) -> tuple[PlanCreate, ...]:
        return self._changes.creates

    @property
    def updates(self) -> tuple[PlanUpdate, ...]:
        return self._changes.updates

    @property
    def deletes(self) -> tuple[PlanDelete, ...]:
        return self._changes.deletes

    @property
    def unchanged(self) -> tuple[PlanUnchanged, ...]:
        return self._changes.unchanged

    @property
    def steps(self) -> tuple[PlanStep, ...]:
        """The requests `apply` sends, in order."""
        return self._steps

    @property
    def cost(self) -> int:
        """The exact number of requests `apply` will send."""
        return len(self._steps)

    @property
    def workspace_id(self) -> int:
        return self._target.where["workspace_id"]

    @property
    def organization_id(self) -> int:
        return self._target.where["organization_id"]

    def __str__(self) -> str:
        header = f"Ghost plan for workspace {self.workspace_id} (key {self.key!r})"
        reader = "checking the saved plan" if self._saved else "planning"
        return render(self._changes, self._steps, header, self.reads, reader)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {summary_line(self._changes, self.cost)}>"

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-able data: changes per ghost, requests, cost."""
        return {
            "organization_id": self.organization_id,
            "workspace_id": self.workspace_id,
            "key": self.key,
            "prune": self.prune,
            "include_embodied": self.include_embodied,
            "cost": self.cost,
            "reads": self.reads,
            "creates": [c.to_dict() for c in self.creates],
            "updates": [u.to_dict() for u in self.updates],
            "deletes": [d.to_dict() for d in self.deletes],
            "unchanged": [u.to_dict() for u in self.unchanged],
            "steps": [s.to_dict() for s in self.steps],
        }

    def to_json(self) -> str:
        """The plan as a saved-plan document (JSON text) that `focus.ghosts.load_plan` reads
        back: where it applies, each change with the state it was made from (the ghost's
        `updated_at` and the fields it changes) and the desired state."""
        saved = document(
            where=self._target.where,
            key=self.key,
            prune=self.prune,
            include_embodied=self.include_embodied,
            changes=self._changes,
            known_ids=self.known_ids,
        )
        return dumps(saved)

    def _refuse(self, budget: object) -> None:
        """PlanBudgetError when the cost is over the budget, or over the quota left while
        the client may not wait for the reset (`max_quota_wait` is 0 or shorter than the
        time to the reset); FocusConfigError for a bad budget."""
        if budget is not None:
            budget = _check.integer("budget", budget, 0, 2**63 - 1)
        cost = self.cost
        if budget is not None and cost > budget:
            raise PlanBudgetError(
                f"the plan costs {cost} requests, more than the budget of {budget}; nothing "
                "was sent",
                cost=cost,
                budget=budget,
                remaining=self._target.policy.quota.remaining,
            )
        quota, wait = self._target.policy.quota, self._target.policy.max_quota_wait
        left, resets_in = quota.remaining, quota.resets_in
        window_open = resets_in is None or resets_in > 0
        # The client waits for a reset only when it comes within max_quota_wait (the runner
        # compares the 402's reset with it): a shorter wait would stop the plan part-way.
        too_short = wait <= 0 or (resets_in is not None and resets_in > wait)
        if left is not None and cost > left and too_short and window_open:
            raise PlanBudgetError(
                f"the plan costs {cost} requests and the quota has {left} left (resets in "
                f"{resets_in or 0:.0f} s, the client waits at most {wait:g} s); nothing was "
                "sent. Apply after the reset, or let the client wait for it (max_quota_wait)",
                cost=cost,
                budget=budget,
                remaining=left,
            )

    async def apply(self, budget: int | None = None) -> AsyncPlanResult:
        """Send the plan's requests (`cost` of them), or refuse first if `cost` > `budget`.

        `budget` bounds the plan's requests; the client's retries of failed attempts (see
        README "Retries"; `max_retries=0` turns them off) come on top, counted in `result.requests`.

        Raises PlanBudgetError (nothing sent) when the cost is over `budget`, or over the
        quota left unless the client waits for resets (`max_quota_wait`). A failure
        part-way raises PlanApplyError; its `result` says what was applied. A plan is
        applied once (PlanError after that): continue with `result.remaining_plan()`.
        """
        self._refuse(budget)
        if self._applied:
            raise PlanError(
                "this plan was applied already; sending it again could create its ghosts "
                "twice: plan again, or continue with result.remaining_plan()"
            )
        self._applied = True
        progress = Progress(self._steps)
        skipped: list[PlanStep] = []
        with counting() as counter:
            for index, step in enumerate(self._steps):
                if (
                    step.source == "creates"
                    and step.kind == "create_hours"
                    and (
                        step.refs[0] not in progress.created  # the answer did not say its id
                    )
                ):
                    skipped.append(step)
                    continue
                try:
                    await self._send(step, progress)
                except FocusError as exc:
                    if not succeeded(exc):
                        progress.fail(index, exc)
                        break
                progress.applied[index] = True
        result = AsyncPlanResult(self, progress, counter.count)
        if progress.error is not None:
            step = self._steps[progress.failed or 0]
            raise PlanApplyError(
                f"apply stopped at request {(progress.failed or 0) + 1} of {self.cost} "
                f"({step}): {progress.error}. {result.summary()}",
                result=result,
                cause=progress.error,
            ) from progress.error
        if skipped:
            cause = PlanError(
                f"the bulk create answer did not identify {len(skipped)} created ghost(s) "
                "whose working hours are still to set"
            )
            raise PlanApplyError(f"{cause}. {result.summary()}", result=result, cause=cause)
        return result

    async def _send(self, step: PlanStep, progress: Progress) -> None:
        """Send one step."""
        target, where, options = self._target, self._target.where, self._target.options
        if step.kind == "bulk_create":
            bodies = [self.creates[i].body() for i in step.refs]
            got = await target.ghosts.bulk_create(bodies, **where, **options)
            progress.identify(step.refs, self.creates, got)
        elif step.kind == "bulk_update":
            items = [self.updates[i].body() for i in step.refs]
            await target.ghosts.bulk_update(items, **where, **options)
        elif step.kind == "delete":
            await target.ghosts.delete(self.deletes[step.refs[0]].id, **where, **options)
        else:
            ref = step.refs[0]
            if step.source == "creates":
                ghost_id, change = progress.created[ref].id, self.creates[ref].hours
            else:
                ghost_id, change = self.updates[ref].id, self.updates[ref].hours
            assert change is not None  # a step exists only for a change
            if step.kind == "update_hours":
                entries = [
                    {"working_hour_id": entry_id, "weekday": day, "working_hours": hours}
                    for entry_id, day, hours in change.update
                ]
                await target.hours.update_for_ghost(ghost_id, entries, **where, **options)
            elif step.kind == "create_hours":
                new = [{"weekday": day, "working_hours": hours} for day, hours in change.create]
                await target.hours.create_for_ghost(ghost_id, new, **where, **options)
            else:
                await target.hours.delete_for_ghost(ghost_id, change.delete, **where, **options)

    async def _remaining(self, left: Leftover, created: Iterable[Ghost]) -> AsyncGhostPlan:
        """The plan of what is left, reading only what the run left unknown."""
        target = self._target
        changes = left.changes
        known = self.known_ids | {g.id for g in created}
        with counting() as counter:
            creates, updates = list(changes.creates), list(changes.updates)
            if left.maybe_created:
                listing = await target.listing(self.include_embodied)
                new = [g for g in listing if g.id not in known and not embodied(g)]
                known = known | {g.id for g in listing}
                again, found = resolve_created(left.maybe_created, new)
                creates = [*again, *creates]
                updates += found
            for update in left.reread:
                wanted = update.desired.working_hours or {}
                change = hours_change(wanted, await target.hours_of(update.id))
                if update.fields or change is not None:
                    updates.append(
                        PlanUpdate(update.key, update.ghost, update.desired, update.fields, change)
                    )
        return AsyncGhostPlan(
            target,
            Changes(tuple(creates), tuple(updates), changes.deletes, changes.unchanged),
            desired=self.desired,
            key=self.key,
            prune=self.prune,
            include_embodied=self.include_embodied,
            known_ids=frozenset(known),
            reads=counter.count,
        )


class AsyncPlanResult:
    """What one `apply` did: the steps applied and pending, and the requests it sent.

    `pending` starts with the step that failed (`failed`), if any; `uncertain` is True when
    that step was a create whose answer was lost (it may have happened: `remaining_plan()`
    reads the workspace before creating anything again). `error` is the failure's cause.
    """

    def __init__(self, plan: AsyncGhostPlan, progress: Progress, requests: int) -> None:
        self.plan = plan
        self._progress = progress
        steps_ = progress.steps
        self.applied = tuple(s for s, done in zip(steps_, progress.applied, strict=True) if done)
        self.pending = tuple(
            s for s, done in zip(steps_, progress.applied, strict=True) if not done
        )
        self.failed = None if progress.failed is None else steps_[progress.failed]
        self.uncertain = progress.uncertain
        self.error = progress.error
        #: Requests `apply` sent, every attempt counted (retries included).
        self.requests = requests
        #: The ghosts created, as the bulk create answers described them.
        self.created: tuple[Ghost, ...] = tuple(
            progress.created[i] for i in sorted(progress.created)
        )
        self._remaining: AsyncGhostPlan | None = None

    @property
    def complete(self) -> bool:
        """Whether every step was applied."""
        return not self.pending

    def summary(self) -> str:
        """One line: applied and pending steps, requests sent, and how to resume."""
        text = (
            f"{len(self.applied)} of {len(self.applied) + len(self.pending)} requests applied, "
            f"{len(self.pending)} pending; {self.requests} sent"
        )
        if self.complete:
            return text
        left = self._progress.leftover(self.plan._changes)
        how = "result.remaining_plan() continues"
        if left.maybe_created:
            how += " (it lists the ghosts once: a bulk create's outcome is unknown)"
        return f"{text}. {how}"

    def __str__(self) -> str:
        lines = [self.summary()]
        lines += [f"  applied  {s}" for s in self.applied]
        lines += [f"  {'failed ' if s is self.failed else 'pending'}  {s}" for s in self.pending]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "requests": self.requests,
            "applied": [s.to_dict() for s in self.applied],
            "pending": [s.to_dict() for s in self.pending],
            "failed": None if self.failed is None else self.failed.to_dict(),
            "uncertain": self.uncertain,
            "error": None if self.error is None else str(self.error),
        }

    async def remaining_plan(self) -> AsyncGhostPlan:
        """A plan of what is left; `apply` it to continue.

        Sends nothing when every outcome is known. A bulk create whose answer was lost (or
        did not describe the ghosts) is settled by listing the workspace once: ghosts it did
        create are not created again. A working-hours POST whose answer was lost is settled
        by reading that ghost's hours again. A second call returns the same plan (which, like
        any plan, applies once), so what is left can never be applied twice from one result.
        """
        if self._remaining is None:
            left = self._progress.leftover(self.plan._changes)
            self._remaining = await self.plan._remaining(left, self.created)
        return self._remaining
