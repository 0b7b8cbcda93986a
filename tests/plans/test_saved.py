"""Saved plans (`plan.to_json()`, `focus.ghosts.load_plan`) and the empty-hours rule of
`desired_from_rows`, with `Focus` and `AsyncFocus` against the fake; requests are counted at
the fake, so the staleness check's price is what really reached the server."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from toggl_focus import (
    AsyncFocus,
    Focus,
    FocusConfigError,
    StalePlanError,
    desired_from_rows,
)
from toggl_focus.plans import DesiredGhost
from toggl_focus.testing import FakeFocus

from .conftest import run
from .test_plans import add_hours, hours_of, live, mixed, writes

Client = Focus | AsyncFocus


# --- an empty working_hours cell leaves the hours alone --------------------------------------


def test_an_empty_hours_cell_leaves_the_hours_alone_and_none_clears_them() -> None:
    rows: list[dict[str, str | None]] = [
        {"name": "A", "working_hours": ""},
        {"name": "B", "working_hours": " none "},
        {"name": "C", "working_hours": "mon=8"},
    ]
    a, b, c = desired_from_rows(rows)
    assert a == DesiredGhost(name="A") and a.working_hours is None
    assert b.working_hours == {}
    assert c.working_hours == {1: 8.0}


async def test_planning_reads_hours_only_for_rows_that_state_them(
    focus: Client, fake: FakeFocus
) -> None:
    ghosts = [fake.add_ghost(f"G{n}") for n in range(6)]
    for ghost in ghosts:
        add_hours(fake, ghost["id"], {1: 8})
    rows = [
        {"name": f"G{n}", "description": "x", "working_hours": "mon=6" if n < 2 else ""}
        for n in range(6)
    ]
    fake.reset_requests()
    plan = await run(focus.ghosts.plan(desired_from_rows(rows)))
    # one listing page and the hours of the two rows that state hours; not six
    assert plan.reads == fake.request_count == 1 + 2
    assert [u.hours is not None for u in plan.updates] == [True, True] + [False] * 4
    await run(plan.apply())
    assert hours_of(fake, ghosts[0]["id"]) == {1: 6} and hours_of(fake, ghosts[5]["id"]) == {1: 8}


@pytest.mark.parametrize("column", ["id", "project_ids", "team_ids"])
def test_an_id_of_thousands_of_digits_is_a_config_error(column: str) -> None:
    with pytest.raises(FocusConfigError, match=rf"row 1, column '{column}'.*not an id"):
        desired_from_rows([{"name": "A", column: "7" * 5000}])


# --- saved plans ----------------------------------------------------------------------------


async def test_a_saved_plan_applies_exactly_after_a_check_of_one_request(
    focus: Client, fake: FakeFocus
) -> None:
    desired = mixed(fake, new=3)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    text = plan.to_json()
    saved = json.loads(text)
    assert saved["focus_plan"] == 1 and saved["cost"] == plan.cost
    assert (saved["organization_id"], saved["workspace_id"]) == (
        fake.organization_id,
        fake.workspace_id,
    )
    change = next(u for u in saved["updates"] if u["key"] == "Change description")
    assert change["before"]["description"] == "old" and change["after"] == {"description": "new"}
    assert change["before"]["updated_at"]
    fake.reset_requests()
    loaded = await run(focus.ghosts.load_plan(text))
    touched = len(plan.updates) + len(plan.deletes)
    assert loaded.reads == fake.request_count == math.ceil(touched / 100) == 1
    assert fake.requests[0].method == "GET" and "ghost_ids=" in str(fake.requests[0].query)
    assert loaded.cost == plan.cost and [s.to_dict() for s in loaded.steps] == [
        s.to_dict() for s in plan.steps
    ]
    fake.reset_requests()
    result = await run(loaded.apply())
    assert result.complete and fake.request_count == plan.cost == len(writes(fake))
    again = await run(focus.ghosts.plan(desired, prune=True))
    assert again.cost == 0
    assert set(live(fake)) == {d["name"] for d in desired}


async def test_the_check_costs_one_request_per_hundred_touched_ghosts(
    focus: Client, fake: FakeFocus
) -> None:
    fake.add_ghosts(150, prefix="Old")
    plan = await run(focus.ghosts.plan([{"name": "Old 000001", "description": "x"}], prune=True))
    assert len(plan.deletes) == 149 and len(plan.updates) == 1
    fake.reset_requests()
    loaded = await run(focus.ghosts.load_plan(json.loads(plan.to_json())))
    assert loaded.reads == fake.request_count == 2
    assert len(loaded.deletes) == 149


async def test_a_stale_plan_is_refused_naming_what_changed(focus: Client, fake: FakeFocus) -> None:
    desired = mixed(fake, new=1)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    text = plan.to_json()
    changed = live(fake)["Change description"][0]
    # the same updated_at (a server that keeps it coarse): the planned field tells
    fake.state.update_ghost(changed, {"description": "edited meanwhile"}, changed["updated_at"])
    gone = live(fake)["Drop 1"][0]
    fake.state.delete_ghost(gone, "2026-06-01T00:00:00Z")
    fake.reset_requests()
    with pytest.raises(StalePlanError) as caught:
        await run(focus.ghosts.load_plan(text))
    assert {gid for gid, _ in caught.value.changed} == {changed["id"], gone["id"]}
    message = str(caught.value)
    assert "'old' -> 'edited meanwhile'" in message and "is gone" in message
    assert fake.request_count == 1 and not writes(fake)


async def test_a_ghost_touched_only_in_its_updated_at_makes_the_plan_stale(
    focus: Client, fake: FakeFocus
) -> None:
    ghost = fake.add_ghost("A", description="old", project_ids=[1])
    plan = await run(focus.ghosts.plan([{"name": "A", "description": "new"}]))
    # a field the plan does not change (projects) changed: updated_at tells
    fake.state.update_ghost(
        ghost, {"assign_projects": [2], "assign_action": "replace"}, "2026-07-01T00:00:00Z"
    )
    with pytest.raises(StalePlanError, match="updated_at"):
        await run(focus.ghosts.load_plan(plan.to_json()))


async def test_a_plan_touching_nothing_needs_no_check(focus: Client, fake: FakeFocus) -> None:
    plan = await run(focus.ghosts.plan([{"name": "New", "working_hours": {1: 8}}]))
    fake.reset_requests()
    loaded = await run(focus.ghosts.load_plan(plan.to_json()))
    assert loaded.reads == fake.request_count == 0 and loaded.cost == 2


async def test_a_plan_for_another_workspace_is_refused(focus: Client, fake: FakeFocus) -> None:
    saved = json.loads((await run(focus.ghosts.plan([{"name": "N"}]))).to_json())
    saved["workspace_id"] += 1
    fake.reset_requests()
    with pytest.raises(FocusConfigError, match="for workspace"):
        await run(focus.ghosts.load_plan(saved))
    assert fake.request_count == 0


def _doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "focus_plan": 1,
        "organization_id": 9001,
        "workspace_id": 7001,
        "key": "name",
        "prune": False,
        "include_embodied": False,
        "creates": [],
        "updates": [],
        "deletes": [],
    }
    doc.update(changes)
    return doc


UPDATE = {"key": "A", "id": 5, "before": {"name": "A", "updated_at": None}, "after": {}}


@pytest.mark.parametrize(
    ("saved", "message"),
    [
        ("[1, 2]", "not a saved plan"),
        ("{", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
        ({"name": "A"}, "not a saved plan"),
        (_doc(focus_plan=2), "format 2 is not supported"),
        (_doc(key="email"), "key must be one of"),
        (_doc(creates=[{"key": "A"}]), r"creates\[0\] lacks the field 'after'"),
        (_doc(creates=[{"key": "A", "after": {"name": ""}}]), r"creates\[0\]\.after\.name"),
        (_doc(updates=[UPDATE]), r"updates\[0\] changes nothing"),
        (_doc(updates=[{**UPDATE, "id": 0}]), r"updates\[0\]\.id"),
        (
            _doc(updates=[{**UPDATE, "after": {"description": "x"}}]),
            r"updates\[0\]\.before lacks the field 'description'",
        ),
        (_doc(updates=[{**UPDATE, "after": {"colour": 1}}]), "unknown field 'colour'"),
        (
            _doc(deletes=[{"key": "A", "id": 5, "before": {"name": "A", "updated_at": 3}}]),
            r"deletes\[0\]\.before\.updated_at",
        ),
        (
            _doc(
                updates=[{**UPDATE, "after": {"name": "B"}}],
                deletes=[{"key": "A", "id": 5, "before": {"name": "A", "updated_at": None}}],
            ),
            "changed twice",
        ),
    ],
)
async def test_a_malformed_saved_plan_is_a_config_error_naming_the_place(
    focus: Client, fake: FakeFocus, saved: object, message: str
) -> None:
    with pytest.raises(FocusConfigError, match=message):
        await run(focus.ghosts.load_plan(saved))  # type: ignore[arg-type]
    assert fake.request_count == 0
