"""Ghost plans over the fake: pure planning, exact cost, idempotence, budgets, resuming.

Each test runs with `Focus` and `AsyncFocus` (the `focus` fixture); requests are counted at
the fake, so a plan's `cost` is checked against what really reached the server.
"""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from toggl_focus import (
    AsyncFocus,
    DuplicateKeyError,
    Focus,
    FocusConfigError,
    FocusConnectionError,
    LookalikeNameError,
    PlanApplyError,
    PlanBudgetError,
    PlanError,
    QuotaExceededError,
    ServerError,
    desired_from_rows,
)
from toggl_focus._ground import retry as _retry
from toggl_focus.plans import DesiredGhost, PlanCreate, PlanUpdate
from toggl_focus.testing import FakeFocus, Fault

from .conftest import Hook, run

Client = Focus | AsyncFocus


def live(fake: FakeFocus) -> dict[str, list[dict[str, Any]]]:
    """The workspace's live ghosts by name (a list: duplicates would show)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for gid, ghost in fake.state.ghosts.items():
        if ghost["deleted_at"] is None and fake.state.ghost_workspace[gid] == fake.workspace_id:
            out.setdefault(ghost["name"], []).append(ghost)
    return out


def hours_of(fake: FakeFocus, ghost_id: int) -> dict[int, float]:
    return {
        e["weekday"]: e["working_hours"]
        for e in fake.state.working_hours_of("ghost", ghost_id)
        if "weekday" in e
    }


def add_hours(fake: FakeFocus, ghost_id: int, week: dict[int, float]) -> None:
    for day, hours in week.items():
        fake.state.add_working_hours("ghost", ghost_id, day, hours, 9.0, "2026-01-05T09:00:00Z")


def writes(fake: FakeFocus) -> list[str]:
    return [f"{r.method} {r.path}" for r in fake.requests if r.method != "GET"]


def mixed(fake: FakeFocus, new: int = 120) -> list[dict[str, Any]]:
    """A workspace and a desired state exercising every kind of step; cost 9 with new=120."""
    fake.add_ghost("Keep", description="same", project_ids=[1])
    fake.add_ghost("Change description", description="old")
    fake.add_ghost("Reassign", project_ids=[1, 2], team_ids=[41])
    hours = fake.add_ghost("Hours")
    add_hours(fake, hours["id"], {1: 8, 2: 8, 5: 8})
    for n in range(1, 4):
        fake.add_ghost(f"Drop {n}")
    desired: list[dict[str, Any]] = [
        {"name": "Keep", "description": "same", "project_ids": [1]},
        {"name": "Change description", "description": "new"},
        {"name": "Reassign", "project_ids": [3, 2]},  # teams not managed: left alone
        {"name": "Hours", "working_hours": {1: 6, 2: 8, 3: 8}},  # mon changes, fri -> wed
    ]
    for n in range(new):
        row: dict[str, Any] = {"name": f"New {n:03d}", "team_ids": [41]}
        if n < 2:
            row["working_hours"] = {1: 8, 2: 8}
        desired.append(row)
    return desired


# --- planning ------------------------------------------------------------------------------


async def test_planning_reads_only_the_listing(focus: Client, fake: FakeFocus) -> None:
    fake.add_ghosts(250, prefix="Existing")
    before = copy.deepcopy(fake.state.ghosts)
    desired = [{"name": "Existing 000001", "description": "x"}, {"name": "Brand new"}]
    fake.reset_requests()
    plan = await run(focus.ghosts.plan(desired, prune=True))
    assert [r.method for r in fake.requests] == ["GET"] * math.ceil(250 / 100)
    assert plan.reads == fake.request_count == 3
    assert fake.state.ghosts == before
    assert (len(plan.creates), len(plan.updates), len(plan.deletes)) == (1, 1, 249)
    # 1 bulk create + 1 bulk update + 249 deletes
    assert plan.cost == 251 == len(plan.steps)


async def test_planning_reads_the_hours_it_must_compare(focus: Client, fake: FakeFocus) -> None:
    mixed(fake)
    fake.reset_requests()
    plan = await run(focus.ghosts.plan(mixed(FakeFocus(ghosts=0, users=1))))
    # one listing page + the hours of the one matched ghost whose row sets hours
    hours_id = live(fake)["Hours"][0]["id"]
    assert [r.path.split("/api")[-1] for r in fake.requests] == [
        f"/organizations/9001/workspaces/{fake.workspace_id}/ghosts",
        f"/organizations/9001/{fake.workspace_id}/workinghours/ghosts/{hours_id}",
    ]
    assert plan.reads == 2 and not writes(fake)


async def test_nothing_desired_reads_nothing(focus: Client, fake: FakeFocus) -> None:
    fake.add_ghosts(3)
    plan = await run(focus.ghosts.plan([]))
    assert plan.cost == plan.reads == fake.request_count == 0
    assert (await run(plan.apply())).complete and fake.request_count == 0


async def test_the_plan_is_typed_priced_and_printable(focus: Client, fake: FakeFocus) -> None:
    desired = mixed(fake)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    assert [c.desired.name for c in plan.creates][:2] == ["New 000", "New 001"]
    assert all(isinstance(c, PlanCreate) for c in plan.creates)
    assert all(isinstance(u, PlanUpdate) for u in plan.updates)
    assert [u.key for u in plan.updates] == ["Change description", "Reassign", "Hours"]
    assert {d.key for d in plan.deletes} == {"Drop 1", "Drop 2", "Drop 3"}
    assert [u.key for u in plan.unchanged] == ["Keep"]
    kinds = [s.kind for s in plan.steps]
    assert (
        kinds
        == ["bulk_create"] * 2
        + ["bulk_update", "update_hours"]
        + ["delete"] * 3
        + ["create_hours"] * 2
    )
    assert plan.cost == 9
    hours = plan.updates[2].hours
    assert hours is not None and hours.create == () and hours.delete == ()
    assert sorted(hours.update, key=lambda u: u[1]) == [
        (hours.update[0][0], 1, 6.0),
        (hours.update[1][0], 3, 8.0),
    ]
    text = str(plan)
    assert "120 to create, 3 to update, 3 to delete, 1 unchanged; cost 9 requests" in text
    assert "description 'old' -> 'new'" in text and "project_ids [1, 2] -> [3, 2]" in text
    assert "hours mon 8 -> 6, wed none -> 8, fri 8 -> none" in text
    data = json.loads(json.dumps(plan.to_dict()))
    assert data["cost"] == 9 and len(data["creates"]) == 120 and len(data["steps"]) == 9
    assert data["updates"][0]["changes"] == {"description": {"old": "old", "new": "new"}}


# --- applying ------------------------------------------------------------------------------


async def test_apply_spends_exactly_the_cost_and_replans_to_nothing(
    focus: Client, fake: FakeFocus
) -> None:
    desired = mixed(fake)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    fake.reset_requests()
    result = await run(plan.apply())
    assert fake.request_count == plan.cost == result.requests == 9
    assert result.complete and len(result.applied) == 9 and result.pending == ()
    bulk = [json.loads(r.body) for r in fake.requests if r.path.endswith("bulk_create")]
    assert [len(b) for b in bulk] == [100, 20]
    ghosts = live(fake)
    assert all(len(found) == 1 for found in ghosts.values())
    assert not any(name.startswith("Drop") for name in ghosts)
    assert ghosts["Change description"][0]["description"] == "new"
    reassigned = ghosts["Reassign"][0]["assigned"]
    assert {p["id"] for p in reassigned["projects"]} == {2, 3}
    assert reassigned["team_ids"] == [41]
    assert hours_of(fake, ghosts["Hours"][0]["id"]) == {1: 6, 2: 8, 3: 8}
    assert hours_of(fake, ghosts["New 000"][0]["id"]) == {1: 8, 2: 8}
    assert ghosts["New 119"][0]["assigned"]["team_ids"] == [41]
    fake.reset_requests()
    again = await run(focus.ghosts.plan(desired, prune=True))
    assert (again.creates, again.updates, again.deletes, again.cost) == ((), (), (), 0)
    assert len(again.unchanged) == len(desired)
    # the listing (2 pages) + the hours of the 3 rows that set them; no write
    assert again.reads == fake.request_count == 2 + 3 and not writes(fake)


@pytest.mark.parametrize(("count", "bulk"), [(1, [1]), (200, [100, 100]), (1000, [100] * 10)])
async def test_creates_go_in_batches_of_the_spec_maximum(
    focus: Client, fake: FakeFocus, count: int, bulk: list[int]
) -> None:
    plan = await run(focus.ghosts.plan([{"name": f"G{n}"} for n in range(count)]))
    assert plan.cost == len(bulk)
    await run(plan.apply())
    sent = [len(json.loads(r.body)) for r in fake.requests if r.method == "POST"]
    assert sent == bulk and len(live(fake)) == count


async def test_key_id_updates_names_and_creates_rows_without_id(
    focus: Client, fake: FakeFocus
) -> None:
    ghost = fake.add_ghost("Old name")
    desired = [{"id": ghost["id"], "name": "New name"}, {"name": "Another"}]
    plan = await run(focus.ghosts.plan(desired, key="id"))
    assert [c.field for c in plan.updates[0].fields] == ["name"] and len(plan.creates) == 1
    await run(plan.apply())
    assert set(live(fake)) == {"New name", "Another"}
    with pytest.raises(FocusConfigError, match="999999"):
        await run(focus.ghosts.plan([{"id": 999999, "name": "x"}], key="id"))


async def test_embodied_ghosts_are_matched_only_when_asked(focus: Client, fake: FakeFocus) -> None:
    fake.add_ghost("Taken", user_id=next(iter(fake.state.users)))
    desired = [{"name": "Taken", "description": "changed"}]
    plan = await run(focus.ghosts.plan(desired, include_embodied=True, prune=True))
    assert plan.cost == 0 and plan.unchanged[0].embodied
    plan = await run(focus.ghosts.plan(desired))
    assert [c.key for c in plan.creates] == ["Taken"]


# --- mistakes before any request -----------------------------------------------------------


@pytest.mark.parametrize(
    ("desired", "message"),
    [
        ([{"name": "A"}, {"name": ""}], r"desired\[1\]\.name"),
        ([{"name": "A", "projects": [1]}], r"desired\[0\]: unknown field 'projects'"),
        ([{"name": "A", "project_ids": [1, "2"]}], r"desired\[0\]\.project_ids\[1\]"),
        ([{"name": "A", "working_hours": {7: 8}}], r"desired\[0\]\.working_hours weekday"),
        ([{"name": "A", "working_hours": {1: 200}}], r"desired\[0\]\.working_hours\[1\]"),
        ([{"description": "no name"}], r"desired\[0\] lacks the required field 'name'"),
        (["A"], r"desired\[0\] must be a DesiredGhost"),
        ("A", "desired must be an iterable"),
    ],
)
async def test_bad_rows_name_the_row_and_send_nothing(
    focus: Client, fake: FakeFocus, desired: Any, message: str
) -> None:
    with pytest.raises(FocusConfigError, match=message):
        await run(focus.ghosts.plan(desired))
    assert fake.request_count == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"key": "email"},
        {"prune": 1},
        {"include_embodied": "yes"},
        {"workspace_id": 0},
        {"retries": 1},
    ],
)
async def test_bad_arguments_send_nothing(focus: Client, fake: FakeFocus, kwargs: Any) -> None:
    with pytest.raises(FocusConfigError):
        await run(focus.ghosts.plan([{"name": "A"}], **kwargs))
    assert fake.request_count == 0


async def test_duplicate_desired_keys_are_named_before_any_request(
    focus: Client, fake: FakeFocus
) -> None:
    desired = [{"name": "A"}, {"name": "B"}, {"name": "A"}]
    with pytest.raises(DuplicateKeyError, match=r"'A' \(rows 0, 2\)") as info:
        await run(focus.ghosts.plan(desired))
    assert info.value.side == "desired" and info.value.keys == ("A",)
    assert fake.request_count == 0


async def test_duplicate_workspace_keys_are_named_before_any_write(
    focus: Client, fake: FakeFocus
) -> None:
    first, second = fake.add_ghost("Twin"), fake.add_ghost("Twin")
    fake.add_ghost("Other twin"), fake.add_ghost("Other twin")
    with pytest.raises(
        DuplicateKeyError, match=f"'Twin' \\(ghosts {first['id']}, {second['id']}\\)"
    ) as info:
        await run(focus.ghosts.plan([{"name": "Twin", "description": "x"}]))
    assert info.value.side == "workspace" and info.value.keys == ("Twin",)
    assert not writes(fake)
    # duplicates the plan does not name are unambiguous: left alone, or pruned
    plan = await run(focus.ghosts.plan([{"name": "New"}], key="name", prune=True))
    assert len(plan.deletes) == 4


def _repeat_across_pages(hook: Hook) -> None:
    """Make the listing's page 2 repeat page 1's last ghost (as a listing that shifted while it
    was read does): the ghost shows twice, and page 2's first ghost not at all."""
    last: dict[str, Any] = {}

    def rewrite(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.method != "GET" or not request.url.path.endswith("/ghosts"):
            return response
        body = response.json()
        if request.url.params.get("page", "1") == "1":
            last["ghost"] = body["data"][-1]
        else:
            body["data"][0] = last["ghost"]
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-length", "content-encoding")
        }
        return httpx.Response(response.status_code, headers=headers, json=body)

    hook.rewrite = rewrite


async def test_a_ghost_listed_on_two_pages_is_one_ghost(
    focus: Client, fake: FakeFocus, hook: Hook
) -> None:
    """A listing is not a snapshot: a ghost repeated on two pages is neither deleted twice
    under prune nor a false duplicate of itself ("ghosts 5100, 5100")."""
    ghosts = fake.add_ghosts(150, prefix="Existing")
    moved = ghosts[99]  # the last ghost of page 1, repeated on page 2
    _repeat_across_pages(hook)
    pruned = await run(focus.ghosts.plan([], prune=True))
    ids = [d.id for d in pruned.deletes]
    assert len(ids) == len(set(ids)) == 149 and ids.count(moved["id"]) == 1
    assert pruned.cost == 149
    named = await run(focus.ghosts.plan([{"name": moved["name"], "description": "x"}]))
    assert [u.id for u in named.updates] == [moved["id"]]


async def test_names_match_in_nfc_without_surrounding_whitespace(
    focus: Client, fake: FakeFocus
) -> None:
    """A CSV cell is stripped and a Mac types NFD: "Ada " and "Cafe\u0301" are still matched
    by such rows (not deleted under prune and created again), and never renamed."""
    spaced = fake.add_ghost("Ada ", description="old")
    nfd = fake.add_ghost("Cafe\u0301")
    rows = [{"name": "Ada", "description": "new"}, {"name": "Caf\u00e9"}]
    plan = await run(focus.ghosts.plan(desired_from_rows(rows), prune=True))
    assert not plan.creates and not plan.deletes
    assert [u.id for u in plan.updates] == [spaced["id"]]
    assert [c.field for c in plan.updates[0].fields] == ["description"]  # no rename
    assert [u.ghost.id for u in plan.unchanged] == [nfd["id"]]
    await run(plan.apply())
    assert fake.state.ghosts[spaced["id"]]["name"] == "Ada "
    # key="id" compares names the same way: no rename to the stripped form either
    by_id = await run(focus.ghosts.plan([{"id": spaced["id"], "name": "Ada"}], key="id"))
    assert by_id.cost == 0
    # two rows whose names are one key are duplicates, before any request
    fake.reset_requests()
    with pytest.raises(DuplicateKeyError, match="rows 0, 1"):
        await run(focus.ghosts.plan([{"name": "Caf\u00e9"}, {"name": " Cafe\u0301"}]))
    assert fake.request_count == 0


async def test_names_are_sent_as_the_row_gives_them(focus: Client, fake: FakeFocus) -> None:
    plan = await run(focus.ghosts.plan([{"name": " Cafe\u0301 "}]))
    await run(plan.apply())
    assert list(live(fake)) == [" Cafe\u0301 "]


@pytest.mark.parametrize(
    ("existing", "row"),
    [
        (["Ada"], "ada"),  # delete "Ada", create "ada"
        (["Ada", "ada"], "Ada"),  # keep "Ada", delete "ada"
        (["Ada"], "\uff21da"),  # fullwidth A
    ],
)
async def test_prune_refuses_to_swap_a_ghost_for_a_lookalike(
    focus: Client, fake: FakeFocus, existing: list[str], row: str
) -> None:
    ghosts = [fake.add_ghost(name) for name in existing]
    doomed = [g for g in ghosts if g["name"] != row]
    with pytest.raises(LookalikeNameError) as info:
        await run(focus.ghosts.plan([{"name": row}], prune=True))
    assert isinstance(info.value, DuplicateKeyError) and info.value.side == "workspace"
    assert info.value.pairs == tuple((g["id"], g["name"], row) for g in doomed)
    assert f"ghost {doomed[0]['id']} {doomed[0]['name']!r} (row {row!r})" in str(info.value)
    assert not writes(fake)
    # without prune nothing is deleted: the names are different keys (case-sensitive)
    plan = await run(focus.ghosts.plan([{"name": row}]))
    assert not plan.deletes


# --- budget and quota ------------------------------------------------------------------------


async def test_over_budget_is_refused_before_anything_is_sent(
    focus: Client, fake: FakeFocus
) -> None:
    plan = await run(focus.ghosts.plan(mixed(fake), prune=True))
    fake.reset_requests()
    with pytest.raises(
        PlanBudgetError, match="costs 9 requests, more than the budget of 8"
    ) as info:
        await run(plan.apply(budget=8))
    assert (info.value.cost, info.value.budget) == (9, 8) and fake.request_count == 0
    with pytest.raises(FocusConfigError, match="budget"):
        await run(plan.apply(budget=-1))
    assert fake.request_count == 0
    result = await run(plan.apply(budget=9))
    assert result.complete and fake.request_count == 9
    with pytest.raises(PlanError, match="applied already"):  # never twice
        await run(plan.apply())
    assert fake.request_count == 9


async def test_more_than_the_quota_left_is_refused(focus: Client, fake: FakeFocus) -> None:
    fake.quota = 8
    plan = await run(focus.ghosts.plan(mixed(fake), prune=True))  # 2 reads: 6 left
    fake.reset_requests()
    with pytest.raises(PlanBudgetError, match="quota has 6 left") as info:
        await run(plan.apply())
    assert info.value.remaining == 6 and fake.request_count == 0


@pytest.mark.parametrize("client_options", [{"max_quota_wait": 60}])
async def test_a_wait_shorter_than_the_reset_is_refused_too(focus: Client, fake: FakeFocus) -> None:
    # The client waits at most a minute; the hourly window resets in about an hour, so it
    # would stop at the 7th request with a QuotaExceededError: refuse before the first.
    fake.quota = 8
    plan = await run(focus.ghosts.plan(mixed(fake), prune=True))  # 2 reads: 6 left
    fake.reset_requests()
    with pytest.raises(PlanBudgetError, match="quota has 6 left") as info:
        await run(plan.apply())
    assert info.value.remaining == 6 and fake.request_count == 0


@pytest.fixture
def clock(fake: FakeFocus, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The fake's quota clock, moved forward by every wait the client makes."""
    now = [0.0]
    fake.clock = lambda: now[0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    async def asleep(seconds: float) -> None:
        now[0] += seconds

    monkeypatch.setattr(_retry, "sleep", sleep)
    monkeypatch.setattr(_retry, "asleep", asleep)
    return now


@pytest.mark.parametrize("client_options", [{"max_quota_wait": 7200}])
async def test_a_client_that_waits_for_the_reset_may_apply_more(
    clock: list[float], focus: Client, fake: FakeFocus
) -> None:
    fake.quota = 8
    plan = await run(focus.ghosts.plan(mixed(fake), prune=True))
    result = await run(plan.apply())
    assert result.complete and clock[0] > 0  # it waited for a reset instead of refusing
    assert (await run(focus.ghosts.plan(mixed(FakeFocus(ghosts=0, users=1)), prune=True))).cost == 0


# --- failures part-way and resuming ----------------------------------------------------------

FAULTS = {
    "402": Fault.status(402),
    "500": Fault.status(500),
    "timeout": Fault.stall(120),
    "lost answer": Fault.lost_answer(),
}


@pytest.mark.parametrize("client_options", [{"max_retries": 0}])
@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("step", range(9))
async def test_a_failure_on_any_step_resumes_without_duplicates(
    focus: Client, fake: FakeFocus, hook: Hook, fault: str, step: int
) -> None:
    desired = mixed(fake)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    failing = plan.steps[step]
    hook.fail_write(step + 1, FAULTS[fault])
    fake.reset_requests()
    with pytest.raises(PlanApplyError) as info:
        await run(plan.apply())
    result = info.value.result
    assert fake.request_count == result.requests == step + 1  # stopped at the failure
    assert result.applied == plan.steps[:step] and result.failed == failing
    assert result.pending == plan.steps[step:] and not result.complete
    assert info.value.cause is result.error and info.value.__cause__ is result.error
    creates = failing.kind in ("bulk_create", "create_hours")
    assert result.uncertain == (creates and fault != "402")

    fake.reset_requests()
    rest = await run(result.remaining_plan())
    # only a create whose outcome is unknown is read again: the listing, or the ghost's hours
    pages = math.ceil(sum(len(g) for g in live(fake).values()) / 100)
    reads = {"bulk_create": pages, "create_hours": 1}.get(failing.kind, 0)
    assert rest.reads == fake.request_count == (0 if fault == "402" else reads)
    done = await run(rest.apply())
    # a lost create answer: what was done is not done again
    settled = fault == "lost answer" and failing.kind in ("bulk_create", "create_hours")
    assert done.complete and done.requests == rest.cost == 9 - step - settled
    assert all(len(found) == 1 for found in live(fake).values())
    final = await run(focus.ghosts.plan(desired, prune=True))
    assert final.cost == 0 and len(final.unchanged) == len(desired)


async def test_a_spent_quota_part_way_resumes_after_the_reset(
    focus: Client, fake: FakeFocus
) -> None:
    fake.quota = 1000
    desired = mixed(fake)
    plan = await run(focus.ghosts.plan(desired, prune=True))
    fake.quota = 4  # a fresh window with 4 requests: the quota runs out at the 5th
    with pytest.raises(PlanApplyError, match="request 5 of 9") as info:
        await run(plan.apply())
    assert isinstance(info.value.cause, QuotaExceededError)
    assert info.value.response is not None and info.value.response.status_code == 402
    result = info.value.result
    assert len(result.applied) == 4 and not result.uncertain
    with pytest.raises(PlanBudgetError, match="quota has 0 left"):  # the client knows
        await run((await run(result.remaining_plan())).apply())
    fake.quota = 1000  # the next window (a larger plan: the test needs no exact count)
    await run(focus.ghosts.get(live(fake)["Keep"][0]["id"]))  # the client sees it
    rest = await run(result.remaining_plan())
    assert rest.reads == 0 and rest.cost == 5
    assert (await run(rest.apply())).complete
    assert (await run(focus.ghosts.plan(desired, prune=True))).cost == 0


async def test_a_bulk_create_answer_without_ids_is_settled_by_one_listing(
    focus: Client, fake: FakeFocus, hook: Hook
) -> None:
    desired = [{"name": f"N{n}", "working_hours": {1: 8}} for n in range(3)]
    plan = await run(focus.ghosts.plan(desired))
    assert plan.cost == 4

    def empty_201(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.url.path.endswith("bulk_create"):
            return httpx.Response(201, json=[], request=request)
        return response

    hook.rewrite = empty_201
    with pytest.raises(PlanApplyError, match="did not identify 3 created ghost") as info:
        await run(plan.apply())
    hook.rewrite = None
    result = info.value.result
    assert isinstance(info.value.cause, PlanError) and result.requests == 1
    assert [s.kind for s in result.pending] == ["create_hours"] * 3
    fake.reset_requests()
    rest = await run(result.remaining_plan())
    assert rest.reads == 1 and rest.creates == () and len(rest.updates) == 3
    await run(rest.apply())
    assert {name: len(g) for name, g in live(fake).items()} == {"N0": 1, "N1": 1, "N2": 1}
    assert all(hours_of(fake, g[0]["id"]) == {1: 8} for g in live(fake).values())


async def test_what_is_left_is_applied_once_however_often_it_is_asked_for(
    focus: Client, fake: FakeFocus, hook: Hook
) -> None:
    plan = await run(focus.ghosts.plan([{"name": "A"}, {"name": "B", "working_hours": {1: 8}}]))
    hook.fail_write(2, Fault.status(500))  # the create succeeds, the hours POST fails
    with pytest.raises(PlanApplyError) as info:
        await run(plan.apply())
    result = info.value.result
    first = await run(result.remaining_plan())
    second = await run(result.remaining_plan())
    assert second is first and len(first.updates) == 1  # one plan of what is left
    await run(first.apply())
    fake.reset_requests()
    with pytest.raises(PlanError, match="applied already"):
        await run(second.apply())
    assert fake.request_count == 0
    assert sorted(live(fake)) == ["A", "B"] and all(len(g) == 1 for g in live(fake).values())


async def test_an_error_keeps_the_servers_answer(
    focus: Client, fake: FakeFocus, hook: Hook
) -> None:
    plan = await run(focus.ghosts.plan([{"name": "A"}]))
    hook.fail_write(1, Fault.status(500))
    with pytest.raises(PlanApplyError) as info:
        await run(plan.apply())
    assert isinstance(info.value.cause, ServerError) and info.value.response is not None
    assert "result.remaining_plan() continues" in str(info.value)
    assert fake.token not in str(info.value) + str(info.value.result)


# --- desired ghosts from rows ----------------------------------------------------------------


def test_rows_from_a_csv_become_desired_ghosts() -> None:
    rows: list[dict[str, str | None]] = [
        {
            "name": " Designer ",
            "description": "",
            "project_ids": "1;2",
            "team_ids": "",
            "working_hours": "mon=8; tue=7.5;5=4",
            "id": "",
        },
        {"name": "Dev", "project_ids": None},
    ]
    first, second = desired_from_rows(rows)
    assert first == DesiredGhost(
        name="Designer",
        description="",
        project_ids=(1, 2),
        team_ids=(),
        working_hours={1: 8.0, 2: 7.5, 5: 4.0},
    )
    assert second == DesiredGhost(name="Dev")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": ""}, "row 2, column 'name'"),
        ({"name": "A", "project_ids": "1;x"}, "row 2, column 'project_ids': 'x' is not an id"),
        ({"name": "A", "working_hours": "mon"}, "row 2, column 'working_hours'"),
        ({"name": "A", "working_hours": "mon=8;mon=6"}, "weekday mon is given twice"),
        ({"name": "A", "id": "-3"}, "row 2, column 'id'"),
        ({"name": "A", "projects": "1"}, "row 2: unknown column 'projects'"),
        ({"name": "A", None: ["extra"]}, "row 2 has more cells than there are columns"),
    ],
)
def test_bad_cells_name_the_row_and_column(row: dict[Any, Any], message: str) -> None:
    with pytest.raises(FocusConfigError, match=message.replace("(", r"\(")):
        rows: list[Any] = [{"name": "fine"}, row]
        desired_from_rows(rows)


# --- the fake's lost answer ------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["in-process", "loopback"])
def test_the_fake_can_lose_an_answer_after_handling_the_request(mode: str) -> None:
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    fake.inject(Fault.lost_answer(), method="POST")
    ids: dict[str, Any] = {
        "organization_id": fake.organization_id,
        "workspace_id": fake.workspace_id,
    }

    def create(focus: Focus) -> None:
        with pytest.raises(FocusConnectionError):
            focus.ghosts.bulk_create([{"name": "Made"}])

    if mode == "in-process":
        with Focus(
            fake.token,
            base_url=fake.base_url,
            http_client=httpx.Client(transport=fake.transport()),
            **ids,
        ) as focus:
            create(focus)
    else:
        with fake.serve() as url, Focus(fake.token, base_url=url, **ids) as focus:
            create(focus)
    assert list(live(fake)) == ["Made"]  # handled, although no answer came
    assert [(r.method, r.status, r.fault) for r in fake.requests] == [("POST", None, "lost_answer")]


def test_the_demo_plans_applies_and_replans_to_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from toggl_focus import demo

    assert demo.main([]) == 0
    text = capsys.readouterr().out
    assert "8 to create, 0 to update, 0 to delete, 0 unchanged; cost 1 request" in text
    assert "budget=0      refused  (1 > 0; 0 requests sent)" in text
    assert "1 of 1 requests applied, 0 pending; 1 sent" in text
    assert "changes       0  (8 unchanged; cost 0)\n   requests      2  (the listing only)" in text


def test_the_readme_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("## Ghost plans", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "2 to create, 0 to update, 0 to delete, 0 unchanged; cost 2 requests" in out
    assert "2 of 2 requests applied, 0 pending; 2 sent" in out
    assert "failed   PATCH ghosts/bulk_update (1 ghost: 'Backend developer (hire)')" in out
