"""The request-count scenarios of `make bench`, counted at the fake: one code path for two uses.

tests/test_request_counts.py asserts each count exactly (they are facts of the client and
the fake, not measurements: they do not depend on the machine), and scripts/bench.py calls
the same functions to print them beside its timings and to write the README's figures. A
count that changes fails the tests first; `make bench` then writes the new figure.

Every function starts from a fresh `FakeFocus` and returns what the fake counted
(`fake.request_count`, or the requests of one path). Each also checks that the work was
done (the same items listed, the batch finished, the plan and the loop ending alike), so
a count can never come from a run that stopped early.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from toggl_focus import Focus, LookupInviter, QuotaExceededError, embody_many, invite_and_embody
from toggl_focus.testing import FakeFocus

PAGE = 100  # the API's largest page, what Focus asks for
LISTED_GHOSTS = (0, 1, 99, 100, 101, 1000)
LISTED_USERS = (1, 99, 100, 101, 1000)  # the fake needs one user: the token's owner
#: (members, people, late, label): `embody_many` with a LookupInviter; late: none on page 1.
LOOKUPS = (
    (120, 20, False, "20 people among 120 members"),
    (250, 5, False, "5 people among 250 members"),
    (250, 12, False, "12 people among 250 members"),
    (99, 2, False, "2 people among 99 members"),
    (480, 2, True, "2 people among 480 members, none on page 1 (worst case)"),
)
PLAN_SIZES = (0, 1, 200, 1000)
PLAN_SHAPES = ("create-only", "mixed", "prune")


def focus_on(fake: FakeFocus) -> Focus:
    """A `Focus` answering from the fake in-process (through a caller's httpx client)."""
    return Focus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=httpx.Client(transport=fake.transport()),
    )


def _requests_to(fake: FakeFocus, suffix: str) -> int:
    return sum(1 for r in fake.requests if r.path.endswith(suffix))


# --- listings: Focus against two loops over the generated client ---------------------------


def _generated_loop(fake: FakeFocus, what: str, careful: bool) -> int:
    """Items listed by a loop over the generated client. Naive: the loop its docs suggest
    (default page size, page until an empty page). Careful: 100 a page, stop once `total`
    is reached (ghosts) or on a short page (users: a bare array, no total)."""
    from toggl_focus_api import AuthenticatedClient
    from toggl_focus_api.api.ghosts import list_ghosts
    from toggl_focus_api.api.organization import list_users

    client = AuthenticatedClient(
        base_url=str(fake.base_url), token=fake.token, httpx_args={"transport": fake.transport()}
    )
    rows: dict[str, Any] = {"rows": PAGE} if careful else {}
    seen, page = 0, 1
    while True:
        if what == "ghosts":
            got: Any = list_ghosts.sync(
                fake.organization_id, fake.workspace_id, client=client, page=page, **rows
            )
            items, total = list(got.data), got.total
        else:
            per_page: dict[str, Any] = {"per_page": PAGE} if careful else {}
            items = list_users.sync(fake.organization_id, client=client, page=page, **per_page)
            total = None
        seen += len(items)
        if not items or (careful and (seen >= total if total is not None else len(items) < PAGE)):
            return seen
        page += 1


def listing(what: str, n: int) -> tuple[int, int, int]:
    """Requests to list `n` ghosts or users: through `Focus`, the careful and the naive loop."""
    if what == "ghosts":
        fake = FakeFocus(seed=1, ghosts=0, users=1)
        fake.add_ghosts(n)
    else:
        fake = FakeFocus(seed=1, ghosts=0, users=n)
    counts, listed = [], []
    for run in ("focus", "careful", "naive"):
        fake.reset_requests()
        if run == "focus":
            with focus_on(fake) as focus:
                pager = focus.ghosts.list() if what == "ghosts" else focus.users.list()
                listed.append(sum(1 for _ in pager))
        else:
            listed.append(_generated_loop(fake, what, careful=run == "careful"))
        counts.append(fake.request_count)
    if listed != [n] * 3:
        raise RuntimeError(f"listing {n} {what}: the three listed {listed}")
    return counts[0], counts[1], counts[2]


# --- spending fewer requests (issue 14) and the costliest cases (issue 25) -----------------


def roles(cached: bool) -> tuple[int, int]:
    """`GET roles` and all requests of 20 `invite_and_embody(..., role="member")` on one
    client; not cached: the role cache cleared before each call, as before issue 14."""
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    fake.reset_requests()
    with focus_on(fake) as focus:
        for n, ghost in enumerate(ghosts):
            if not cached:
                focus.roles.cache_clear()
            invite_and_embody(
                focus, ghost, f"p{n}@example.com", role="member", inviter=fake.accounts
            )
    return _requests_to(fake, "/roles"), fake.request_count


class _OneByOne:
    """A LookupInviter behind a plain inviter: one `filter=<email>` lookup per person, which
    is what `embody_many` did before issue 14."""

    def __init__(self, inner: LookupInviter) -> None:
        self.invite = inner.invite


def lookups(members: int, people: int, batched: bool, late: bool = False) -> int:
    """`GET users` requests of `embody_many` with a LookupInviter over `people` members
    (spread, or `late`: none on page 1) of an organization of `members`."""
    fake = FakeFocus(seed=11, ghosts=0, users=members)
    with focus_on(fake) as focus:
        pages = [[m.email for m in page.items] for page in focus.users.list().pages()]
    everyone = [e for page in (pages[1:] if late else pages) for e in page if e]
    chosen = everyone[:: max(1, len(everyone) // people)][:people]
    jobs = {fake.add_ghost(f"Ghost for {e}")["id"]: e for e in chosen}
    fake.reset_requests()
    with focus_on(fake) as focus:
        inviter = LookupInviter(focus)
        report = embody_many(
            focus, jobs, role=3, inviter=inviter if batched else _OneByOne(inviter)
        )
    if not report.ok:
        raise RuntimeError(f"the lookup scenario failed: {report}")
    return _requests_to(fake, "/users")


def documented_path() -> tuple[int, int]:
    """All requests, and the member lookups among them, of 20 `invite_and_embody(...,
    role="member", inviter=LookupInviter(focus))` calls (the README's documented path),
    with 20 members to find among 120."""
    fake = FakeFocus(seed=5, ghosts=0, users=120)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    members = [u["email"] for u in fake.state.users.values() if u["joined"]][:20]
    fake.reset_requests()
    with focus_on(fake) as focus:
        inviter = LookupInviter(focus)
        for ghost, email in zip(ghosts, members, strict=True):
            invite_and_embody(focus, ghost, email, role="member", inviter=inviter)
    return fake.request_count, _requests_to(fake, "/users")


def rerun() -> tuple[int, int]:
    """A finished `embody_many` of 20 run again: through `embody_many` (which reads the
    ghosts first), and through 20 `invite_and_embody` calls (a 409 and a `GET ghost` each)."""
    fake = FakeFocus(seed=5, ghosts=0, users=15)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    people = {g: f"person{n}@example.com" for n, g in enumerate(ghosts)}
    for email in people.values():
        fake.accounts.invite(email)
    with focus_on(fake) as focus:
        if not embody_many(focus, people, role="member", inviter=LookupInviter(focus)).ok:
            raise RuntimeError("the re-run scenario's first run failed")
    fake.reset_requests()
    with focus_on(fake) as focus:
        again = embody_many(focus, people, role="member", inviter=LookupInviter(focus))
    batch = fake.request_count
    if len(again.already_done) != 20:
        raise RuntimeError(f"the re-run scenario: {again}")
    fake.reset_requests()
    with focus_on(fake) as focus:
        inviter = LookupInviter(focus)
        for ghost, email in people.items():
            invite_and_embody(focus, ghost, email, role="member", inviter=inviter)
    return batch, fake.request_count


def head() -> int:
    """Requests `focus ghosts ls | head -3` sends to a served workspace of 5,000 ghosts."""
    fake = FakeFocus(seed=5, ghosts=5_000, users=5)
    with fake.serve() as base_url:
        env = {**os.environ, "TOGGL_FOCUS_BASE_URL": base_url,
               "TOGGL_FOCUS_API_TOKEN": fake.token,
               "TOGGL_FOCUS_ORGANIZATION_ID": str(fake.organization_id),
               "TOGGL_FOCUS_WORKSPACE_ID": str(fake.workspace_id)}  # fmt: skip
        focus_cli = Path(sys.executable).with_name("focus")
        done = subprocess.run(
            f"'{focus_cli}' ghosts ls 2>/dev/null | head -3", shell=True, env=env,
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
    if len(done.stdout.splitlines()) != 3:
        raise RuntimeError(f"`focus ghosts ls | head -3` printed {done.stdout!r}")
    return fake.request_count


def resume(start_page: bool) -> int:
    """Requests to list 550 ghosts when a spent quota (3 a window) stops the listing at page
    4: listing again from page 1, or going on with `start_page=err.next_page`."""
    fake = FakeFocus(seed=2, ghosts=0, users=5)
    fake.add_ghosts(550)
    fake.quota = 3
    seen: set[int] = set()
    with focus_on(fake) as focus:
        try:
            seen.update(g.id for g in focus.ghosts.list())
        except QuotaExceededError as err:
            fake.quota = None  # the next window (or plan) allows the rest
            seen.update(
                g.id for g in focus.ghosts.list(start_page=err.next_page if start_page else None)
            )
    if len(seen) != 550:
        raise RuntimeError(f"the resume scenario listed {len(seen)} ghosts, not 550")
    return fake.request_count


# --- ghost plans: a plan against the naive per-ghost loop ----------------------------------

Desired = list[dict[str, Any]]


def _scenario(shape: str, n: int) -> tuple[Callable[[FakeFocus], None], Desired, bool]:
    """How to seed the workspace, the desired ghosts, and whether to prune.

    create-only: an empty workspace. mixed: the workspace holds the first half of the
    desired ghosts, every other one with an outdated description; the rest are new. prune:
    the workspace holds n ghosts; the desired are half of them, unchanged, and n/2 new ones.
    """
    half = n // 2
    new = [{"name": f"New {i:05d}"} for i in range(n - half)]
    kept = [{"name": f"Ghost {i:05d}", "description": "current"} for i in range(half)]
    if shape == "create-only":
        return (lambda fake: None), [{"name": f"New {i:05d}"} for i in range(n)], False

    def seed(fake: FakeFocus) -> None:
        for i in range(half if shape == "mixed" else n):
            outdated = shape == "mixed" and i % 2
            fake.add_ghost(f"Ghost {i:05d}", description="old" if outdated else "current")

    return seed, kept + new, shape == "prune"


def _workspace(fake: FakeFocus) -> list[tuple[str, str]]:
    return sorted(
        (g["name"], g["description"])
        for gid, g in fake.state.ghosts.items()
        if g["deleted_at"] is None and fake.state.ghost_workspace[gid] == fake.workspace_id
    )


def plan(shape: str, n: int) -> dict[str, int]:
    """A ghost plan's reads and cost (checked equal to what `apply` sent), and the requests of
    the naive loop (the same listing, then one create / update / delete per differing
    ghost), both from the same fresh fake and ending with the same ghosts."""
    seed, desired, prune = _scenario(shape, n)
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    seed(fake)
    with focus_on(fake) as focus:
        made = focus.ghosts.plan(desired, prune=prune)
        reads = fake.request_count
        made.apply()
        if reads != made.reads or fake.request_count - reads != made.cost:
            raise RuntimeError(f"{shape} {n}: sent {fake.request_count}, priced {made}")
    planned = _workspace(fake)
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    seed(fake)
    with focus_on(fake) as focus:
        current = {g.name: g for g in focus.ghosts.list()}
        for row in desired:
            ghost = current.pop(row["name"], None)
            if ghost is None:
                focus.ghosts.create(row["name"], description=row.get("description"))
            elif "description" in row and ghost.description != row["description"]:
                focus.ghosts.update(ghost.id, description=row["description"])
        for ghost in current.values() if prune else ():
            focus.ghosts.delete(ghost.id)
    if _workspace(fake) != planned:
        raise RuntimeError(f"{shape} {n}: the plan and the loop ended differently")
    return {"reads": reads, "cost": made.cost, "naive": fake.request_count}


def plan_with_hours() -> dict[str, int]:
    """The costliest plan users meet: 350 changes, a third of them working hours.

    The workspace holds 350 ghosts, each with Monday-Friday hours. Desired: 100 unchanged,
    100 with a new description, 100 with new hours (Friday off), 100 new ghosts with hours,
    and `prune=True` deletes the other 50. Planned, applied, then planned again from the
    same rows (which must cost nothing to apply).
    """
    week = {1: 8.0, 2: 8.0, 3: 8.0, 4: 8.0, 5: 8.0}
    fake = FakeFocus(seed=1, ghosts=0, users=1)
    with focus_on(fake) as focus:
        for i in range(350):
            ghost = focus.ghosts.create(f"Ghost {i:05d}", description="current")
            entries = [{"weekday": day, "working_hours": hours} for day, hours in week.items()]
            focus.working_hours.create_for_ghost(ghost.id, entries)
    fake.reset_requests()
    desired: Desired = [{"name": f"Ghost {i:05d}"} for i in range(100)]
    desired += [{"name": f"Ghost {i:05d}", "description": "new"} for i in range(100, 200)]
    friday_off = {**week, 5: 0.0}
    desired += [{"name": f"Ghost {i:05d}", "working_hours": friday_off} for i in range(200, 300)]
    desired += [{"name": f"New {i:05d}", "working_hours": week} for i in range(100)]
    with focus_on(fake) as focus:
        made = focus.ghosts.plan(desired, prune=True)
        reads = fake.request_count
        made.apply()
        applied = fake.request_count - reads
        fake.reset_requests()
        again = focus.ghosts.plan(desired, prune=True)
        if applied != made.cost or again.cost != 0 or again.reads != fake.request_count:
            raise RuntimeError(f"the hours plan: cost {made.cost}, sent {applied}, {again}")
    return {
        "changes": len(made.creates) + len(made.updates) + len(made.deletes),
        "reads": reads,
        "cost": made.cost,
        "replan_reads": again.reads,
        "replan_cost": again.cost,
    }
