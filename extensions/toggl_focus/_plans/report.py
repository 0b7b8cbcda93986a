"""The plan as a readable table (`str(plan)`) and its one-line summary."""

from __future__ import annotations

from collections.abc import Sequence

from .desired import LISTS, unset
from .diff import Changes, PlanCreate, PlanUpdate
from .steps import PlanStep

__all__ = ["render", "summary_line"]


def _short(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe_create(create: PlanCreate) -> str:
    d = create.desired
    parts = []
    if d.description:
        parts.append(f"description {_short(d.description)}")
    for field, _ in LISTS:
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


def render(
    changes: Changes,
    plan_steps: Sequence[PlanStep],
    header: str,
    reads: int,
    reader: str = "planning",
) -> str:
    """The plan as a table: one line per changed ghost, then the requests it costs, then
    what `reader` (making the plan, or checking a saved one) read."""
    rows: list[tuple[str, str, str, str]] = []
    for c in changes.creates:
        rows.append(("+", _short(c.desired.name), "new", _describe_create(c)))
    for u in changes.updates:
        rows.append(("~", _short(unset(u.ghost.name)), str(u.ghost.id), _describe_update(u)))
    for x in changes.deletes:
        rows.append(("-", _short(unset(x.ghost.name)), str(x.ghost.id), "delete"))
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
    lines.append(f"{reader} read {reads} request{'s' * (reads != 1)} (0 writes)")
    return "\n".join(lines)
