"""Every request count `make bench` reports, asserted exactly (tests/request_counts.py).

The counts are facts of the client and the fake, the same on every machine, so they are
tests, not measurements; the bench prints what these scenarios return and writes them into
the README, and the last test here checks the README's count figures are these.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import request_counts as rc

ROOT = Path(__file__).resolve().parents[1]

#: n: (Focus, careful generated loop, naive generated loop)
GHOSTS = {0: (1, 1, 1), 1: (1, 1, 2), 99: (1, 1, 3), 100: (1, 1, 3), 101: (2, 2, 4),
          1000: (10, 10, 21)}  # fmt: skip
USERS = {1: (1, 1, 2), 99: (1, 1, 3), 100: (2, 2, 3), 101: (2, 2, 4), 1000: (11, 11, 21)}
#: (members, people): GET users one lookup per person (before issue 14), and batched
LOOKUPS = {(120, 20): (20, 2), (250, 5): (5, 3), (250, 12): (12, 3), (99, 2): (2, 1),
           (480, 2): (2, 3)}  # fmt: skip
#: (shape, desired ghosts): (plan reads, plan cost, naive per-ghost loop)
PLANS = {
    ("create-only", 0): (0, 0, 1), ("create-only", 1): (1, 1, 2),
    ("create-only", 200): (1, 2, 201), ("create-only", 1000): (1, 10, 1001),
    ("mixed", 0): (0, 0, 1), ("mixed", 1): (1, 1, 2),
    ("mixed", 200): (1, 2, 151), ("mixed", 1000): (5, 8, 755),
    ("prune", 0): (1, 0, 1), ("prune", 1): (1, 2, 3),
    ("prune", 200): (2, 101, 202), ("prune", 1000): (10, 505, 1010),
}  # fmt: skip


def test_the_tables_cover_every_scenario_the_bench_runs() -> None:
    assert tuple(GHOSTS) == rc.LISTED_GHOSTS and tuple(USERS) == rc.LISTED_USERS
    assert list(LOOKUPS) == [(members, people) for members, people, _, _ in rc.LOOKUPS]
    assert set(PLANS) == {(s, n) for s in rc.PLAN_SHAPES for n in rc.PLAN_SIZES}


@pytest.mark.parametrize("n", rc.LISTED_GHOSTS)
def test_listing_ghosts_focus_careful_naive(n: int) -> None:
    assert rc.listing("ghosts", n) == GHOSTS[n]


@pytest.mark.parametrize("n", rc.LISTED_USERS)
def test_listing_users_focus_careful_naive(n: int) -> None:
    assert rc.listing("users", n) == USERS[n]


def test_twenty_embodies_by_role_name_get_roles_once_not_twenty_times() -> None:
    assert rc.roles(cached=False) == (20, 40)  # (GET roles, all requests)
    assert rc.roles(cached=True) == (1, 21)


@pytest.mark.parametrize(("members", "people", "late", "label"), rc.LOOKUPS, ids=lambda v: str(v))
def test_member_lookups_one_by_one_and_batched(
    members: int, people: int, late: bool, label: str
) -> None:
    one_by_one, batched = LOOKUPS[(members, people)]
    assert rc.lookups(members, people, batched=False, late=late) == one_by_one
    assert rc.lookups(members, people, batched=True, late=late) == batched


def test_documented_lookup_inviter_path_twenty_invite_and_embody_cost_41() -> None:
    # 1 GET roles + 20 member lookups + 20 PATCH embody
    assert rc.documented_path() == (41, 20)


def test_rerun_of_a_finished_embody_many_of_20_costs_3_not_61() -> None:
    assert rc.rerun() == (3, 61)  # (embody_many, 20 invite_and_embody calls)


def test_focus_ghosts_ls_piped_to_head_3_costs_1() -> None:
    assert rc.head() == 1


def test_a_listing_stopped_by_the_quota_goes_on_for_7_not_10() -> None:
    assert rc.resume(start_page=False) == 10
    assert rc.resume(start_page=True) == 7


@pytest.mark.parametrize(("shape", "n"), list(PLANS), ids=lambda v: str(v))
def test_plan_reads_and_cost_against_the_naive_loop(shape: str, n: int) -> None:
    reads, cost, naive = PLANS[(shape, n)]
    assert rc.plan(shape, n) == {"reads": reads, "cost": cost, "naive": naive}


def test_plan_with_hours_costs_104_plus_252_and_replans_for_204() -> None:
    assert rc.plan_with_hours() == {
        "changes": 350, "reads": 104, "cost": 252, "replan_reads": 204, "replan_cost": 0,
    }  # fmt: skip


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", module)
    spec.loader.exec_module(module)
    return module


def test_the_readme_quotes_these_counts() -> None:
    """The README's bench paragraph, written by `make bench`, holds the counts asserted above."""
    counts = {
        "ghosts": GHOSTS[1000],
        "roles": (20, 1),
        "lookups": LOOKUPS[(120, 20)],
        "resume": (10, 7),
        "documented": 41,
        "rerun": (61, 3),
        "plans": {shape: PLANS[(shape, 1000)] for shape in rc.PLAN_SHAPES},
        "hours": (104, 252, 204),
    }
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert " ".join(_bench().readme_counts(counts).split()) in readme
