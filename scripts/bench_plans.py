#!/usr/bin/env python3
"""Requests to reconcile a staffing plan: a ghost plan against the naive per-ghost loop.

Part of `make bench` (scripts/bench.py calls `bench_plans`); run alone, it prints its table:
`python scripts/bench_plans.py`. For plans of 0, 1, 200 and 1,000 desired ghosts, in three
shapes, both sides start from the same fresh fake and must end in the same workspace:

- create-only: an empty workspace, every desired ghost is new;
- mixed: the workspace holds the first half of the desired ghosts, every other one with an
  outdated description; the rest are new (no prune);
- prune: the workspace holds N ghosts; the desired ghosts are half of them, unchanged, and
  as many new ones; `prune=True` deletes the other half.

The ghost plan's requests are its planning reads plus `plan.cost` (checked equal to what
`apply` sent). The naive loop reads the same listing (100 per page), then sends one
`create`, `update` or `delete` per ghost that differs. Requests are counted by the fake.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import httpx

from toggl_focus import Focus
from toggl_focus.testing import FakeFocus

SIZES = (0, 1, 200, 1000)
SHAPES = ("create-only", "mixed", "prune")
Desired = list[dict[str, Any]]


def _scenario(shape: str, n: int) -> tuple[Callable[[FakeFocus], None], Desired, bool]:
    """How to seed the workspace, the desired ghosts, and whether to prune."""
    if shape == "create-only":
        return (lambda fake: None), [{"name": f"New {i:05d}"} for i in range(n)], False
    half = n // 2
    if shape == "mixed":

        def seed(fake: FakeFocus) -> None:
            for i in range(half):
                fake.add_ghost(f"Ghost {i:05d}", description="old" if i % 2 else "current")

        desired = [{"name": f"Ghost {i:05d}", "description": "current"} for i in range(half)]
        return seed, desired + [{"name": f"New {i:05d}"} for i in range(n - half)], False

    def seed_all(fake: FakeFocus) -> None:
        for i in range(n):
            fake.add_ghost(f"Ghost {i:05d}", description="current")

    desired = [{"name": f"Ghost {i:05d}", "description": "current"} for i in range(half)]
    return seed_all, desired + [{"name": f"New {i:05d}"} for i in range(n - half)], True


def _client(fake: FakeFocus) -> Focus:
    return Focus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=httpx.Client(transport=fake.transport()),
    )


def _state(fake: FakeFocus) -> list[tuple[str, str]]:
    return sorted(
        (g["name"], g["description"])
        for gid, g in fake.state.ghosts.items()
        if g["deleted_at"] is None and fake.state.ghost_workspace[gid] == fake.workspace_id
    )


def _planned(shape: str, n: int) -> tuple[int, int, int, list[tuple[str, str]]]:
    """Reads, plan cost and requests apply sent; the workspace after."""
    seed, desired, prune = _scenario(shape, n)
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    seed(fake)
    with _client(fake) as focus:
        plan = focus.ghosts.plan(desired, prune=prune)
        reads = fake.request_count
        if reads != plan.reads:
            raise RuntimeError(f"planning sent {reads} requests, the plan says {plan.reads}")
        plan.apply()
        sent = fake.request_count - reads
        if sent != plan.cost:
            raise RuntimeError(f"apply sent {sent} requests, the plan priced {plan.cost}")
        return reads, plan.cost, sent, _state(fake)


def _naive(shape: str, n: int) -> tuple[int, list[tuple[str, str]]]:
    """The per-ghost loop: list, then one create / update / delete per differing ghost."""
    seed, desired, prune = _scenario(shape, n)
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    seed(fake)
    with _client(fake) as focus:
        current = {g.name: g for g in focus.ghosts.list()}
        for row in desired:
            ghost = current.pop(row["name"], None)
            if ghost is None:
                focus.ghosts.create(row["name"], description=row.get("description"))
            elif "description" in row and ghost.description != row["description"]:
                focus.ghosts.update(ghost.id, description=row["description"])
        if prune:
            for ghost in current.values():
                focus.ghosts.delete(ghost.id)
        return fake.request_count, _state(fake)


def measure() -> list[dict[str, Any]]:
    """One row per shape and size: requests of the plan (reads + cost) and of the loop."""
    rows = []
    for shape in SHAPES:
        for n in SIZES:
            reads, cost, sent, after = _planned(shape, n)
            naive, naive_after = _naive(shape, n)
            if after != naive_after:
                raise RuntimeError(f"{shape} {n}: the plan and the loop ended differently")
            rows.append(
                {"shape": shape, "n": n, "reads": reads, "cost": cost, "sent": sent, "naive": naive}
            )
    return rows


def with_hours() -> dict[str, int]:
    """The costliest plan users meet: 350 changes, a third of them working hours.

    The workspace holds 350 ghosts, each with Monday-Friday hours. Desired: 100 unchanged,
    100 with a new description, 100 with new hours (Friday off), 100 new ghosts with hours,
    and `prune=True` deletes the other 50 (350 changes in all). Planned, applied,
    then planned again from the same rows (which must cost nothing to apply): each figure
    counted by the fake.
    """
    week = {1: 8.0, 2: 8.0, 3: 8.0, 4: 8.0, 5: 8.0}
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    with _client(fake) as focus:
        for i in range(350):
            ghost = focus.ghosts.create(f"Ghost {i:05d}", description="current")
            entries = [{"weekday": day, "working_hours": hours} for day, hours in week.items()]
            focus.working_hours.create_for_ghost(ghost.id, entries)
    fake.reset_requests()
    desired: Desired = [{"name": f"Ghost {i:05d}"} for i in range(100)]
    desired += [{"name": f"Ghost {i:05d}", "description": "new"} for i in range(100, 200)]
    desired += [
        {"name": f"Ghost {i:05d}", "working_hours": {**week, 5: 0.0}} for i in range(200, 300)
    ]
    desired += [{"name": f"New {i:05d}", "working_hours": week} for i in range(100)]
    with _client(fake) as focus:
        plan = focus.ghosts.plan(desired, prune=True)
        reads = fake.request_count
        plan.apply()
        applied = fake.request_count - reads
        fake.reset_requests()
        again = focus.ghosts.plan(desired, prune=True)
        changes = len(plan.creates) + len(plan.updates) + len(plan.deletes)
        if applied != plan.cost or again.cost != 0 or again.reads != fake.request_count:
            raise RuntimeError(f"the hours plan: cost {plan.cost}, sent {applied}, {again}")
        return {
            "changes": changes,
            "reads": reads,
            "cost": plan.cost,
            "replan_reads": again.reads,
            "replan_cost": again.cost,
        }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| plan | desired ghosts | ghost plan: reads + cost = requests | naive per-ghost loop |"
        " plan / naive |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        total = r["reads"] + r["cost"]
        ratio = f"{total / r['naive']:.3f}" if r["naive"] else "n/a"
        lines.append(
            f"| {r['shape']} | {r['n']:,} | {r['reads']} + {r['cost']} = {total} |"
            f" {r['naive']} | {ratio} |"
        )
    return "\n".join(lines)


def bench_plans(report: Any) -> None:
    """Add the plan rows, a section and the README figures to scripts/bench.py's report."""
    from bench import Row  # scripts/ is on sys.path when bench.py runs

    rows = measure()
    for r in rows:
        if r["n"] == 1000:
            total = r["reads"] + r["cost"]
            report.rows.append(
                Row(
                    "7 plans",
                    f"reconcile 1,000 desired ghosts ({r['shape']}): plan vs per-ghost loop",
                    str(total),
                    str(r["naive"]),
                    f"{total / r['naive']:.3f}",
                    f"{r['reads']} reads + cost {r['cost']}",
                )
            )
    report.summary["plans"] = {r["shape"]: r for r in rows if r["n"] == 1000}
    hours = with_hours()
    report.rows.append(
        Row(
            "7 plans",
            f"a plan of {hours['changes']} changes with working hours: plan + apply, re-plan",
            str(hours["reads"] + hours["cost"]),
            str(hours["replan_reads"]),
            "n/a",
            f"{hours['reads']} reads + cost {hours['cost']}; re-plan {hours['replan_reads']}"
            f" reads, cost {hours['replan_cost']}",
        )
    )
    report.summary["plan hours"] = hours
    report.sections.append(
        (
            "7. Ghost plans: requests to reconcile a staffing plan",
            "Requests to bring a workspace to a desired set of ghosts, counted by the fake."
            " **Ghost plan**: `focus.ghosts.plan(desired)` (its reads: the listing, 100 ghosts"
            " a page) plus `plan.apply()`, which sent exactly `plan.cost`: bulk creates and"
            " bulk updates in batches of 100 (the spec's `maxItems`), one request per delete."
            " **Naive per-ghost loop**: the same listing, then one `create`, `update` or"
            " `delete` per ghost that differs. Both start from the same fresh fake and must"
            " end with the same ghosts. Shapes: *create-only*, an empty workspace; *mixed*, the"
            " workspace holds the first half of the desired ghosts, every other one with an"
            " outdated description, the rest are new; *prune*, the workspace holds N ghosts,"
            " the desired ones are half of them (unchanged) and N/2 new ones, and"
            " `prune=True` deletes the other half (deletes have no bulk endpoint)."
            "\n\n" + table(rows) + "\n\n**With working hours** (the costliest plan users"
            " meet): 350 ghosts with Monday-Friday hours; desired 100 unchanged, 100 with a"
            " new description, 100 with new hours, 100 new ghosts with hours, and `prune=True`"
            f" deletes 50. Planning reads {hours['reads']} requests (the listing and the hours"
            f" of each ghost whose row states hours), applying costs {hours['cost']} (a bulk"
            " create, a bulk update, a `PUT` per changed week, a `DELETE` per deleted ghost, a"
            f" `POST` per new ghost's hours), and planning again reads {hours['replan_reads']}"
            f" (now 200 rows state hours) to find nothing to do (cost {hours['replan_cost']}):"
            " hours have no bulk read, so a re-run of a plan with hours costs a request per"
            " ghost whose row states them.",
        )
    )


def main() -> int:
    rows = measure()
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
