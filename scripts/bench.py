#!/usr/bin/env python3
"""`make bench`: measure toggl_focus's requests, CPU, concurrency, memory and import time.

Every comparison runs side by side in the same run, against `toggl_focus.testing.FakeFocus`
or against bytes it rendered once:

1. requests to list N ghosts / N users: `Focus` against two loops over the generated client,
   a naive one (default page size, page until an empty page) and a careful one (largest page
   size, stop on the total or on a short page); then requests saved by issue 14 (role
   cache, batched member lookups, resumable listings), before and after in the same run;
2. CPU time per 1,000 ghosts, on thin ghosts (nothing assigned) and on realistic ones (the
   fake's seeded ghosts: projects, tasks, teams, timestamps): raw httpx + `json`, the
   generated client alone and `Focus`, each with the generated msgspec fast decode path and
   with it switched off (`from_dict` only, as before issue 25), in two worker processes,
   interleaved, one paired ratio per round; then a profile of `Focus`;
3. `AsyncFocus` wall and CPU time for 5,000 realistic ghosts at 50 ms per request, by
   concurrency, with both sets of models (where the event loop runs out of CPU);
4. peak traced memory while iterating 10,000 and 100,000 ghosts (flat, not growing);
5. import time of `toggl_focus` against `httpx` and the generated client, fresh interpreters;
6. how long `make client` takes (its generation step, into a temporary directory);
7. requests to reconcile 0, 1, 200 and 1,000 desired ghosts with a ghost plan against the
   naive per-ghost loop (scripts/bench_plans.py).

Ratios are medians of per-round paired ratios, with their interquartile range (IQR), and
printed with no more decimals than that spread supports. Prints one table and writes it, with
the machine and the command, to docs/benchmarks.md and a summary to the README's "Measured,
not claimed" section (`--no-write` to skip). Durations are measured here only; the test
suite asserts counts.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import datetime as dt
import gc
import io
import json
import math
import os
import pickle
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

import httpx

from toggl_focus import (
    AsyncFocus,
    Focus,
    LookupInviter,
    QuotaExceededError,
    embody_many,
    invite_and_embody,
)
from toggl_focus.testing import FakeFocus
from toggl_focus_api import AuthenticatedClient
from toggl_focus_api.api.ghosts import list_ghosts
from toggl_focus_api.api.organization import list_users
from toggl_focus_api.models import GhostPage, OrganizationUser

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
README_START = "<!-- bench:start (written by `make bench`) -->"
README_END = "<!-- bench:end -->"
PAGE = 100  # the API's largest page, what Focus asks for
#: Ghosts per timed listing: large enough that the garbage collector's share shows.
CPU_GHOSTS = 20_000
BEFORE, AFTER = "from_dict only", "fast path"
#: Set in a worker's environment: it switches the generated fast decode path off.
NO_FAST = "TOGGL_FOCUS_BENCH_NO_FAST_PATH"


@dataclass
class Row:
    """One line of the results table: a measurement for Focus and for its baseline."""

    bench: str
    case: str
    focus: str
    baseline: str
    ratio: str
    note: str = ""


@dataclass
class Report:
    """Everything a run measured: the table rows, free-text sections, the README summary."""

    rows: list[Row] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


# --- statistics ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Median and interquartile range of repeated measurements (or of per-round ratios)."""

    median: float
    low: float
    high: float
    rounds: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        """The median and quartiles of `values` (inclusive method: within min..max)."""
        if not values:
            raise ValueError("no values")
        if len(values) == 1:
            return cls(values[0], values[0], values[0], 1)
        low, median, high = statistics.quantiles(values, n=4, method="inclusive")
        return cls(median, low, high, len(values))

    @classmethod
    def paired(cls, numerators: Sequence[float], denominators: Sequence[float]) -> Spread:
        """The spread of per-round ratios numerators[i] / denominators[i]."""
        if len(numerators) != len(denominators):
            raise ValueError("unpaired rounds")
        return cls.of([a / b for a, b in zip(numerators, denominators, strict=True)])

    def decimals(self, most: int = 3) -> int:
        """Decimals the spread supports: the IQR's width shows in the last printed digit.

        With no spread (one round, or identical values) two significant digits.
        """
        width = self.high - self.low
        if width <= 0:
            scale = abs(self.median) or 1.0
            return max(0, min(most, 1 - math.floor(math.log10(scale))))
        return max(0, min(most, -math.floor(math.log10(width))))

    def value(self, unit: str = "") -> str:
        """The median alone, at the precision the spread supports."""
        return f"{self.median:.{self.decimals()}f}{unit}"

    def text(self, unit: str = "") -> str:
        """The median with its IQR, e.g. `2.4 (IQR 2.3-2.6)`."""
        d = self.decimals()
        if self.rounds == 1:
            return f"{self.median:.{d}f}{unit} (one run)"
        return f"{self.median:.{d}f}{unit} (IQR {self.low:.{d}f}-{self.high:.{d}f})"


# --- clients on the fake ------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where the clients send their requests: the fake's identity (plain data, picklable)."""

    base_url: str
    token: str
    organization_id: int
    workspace_id: int

    @classmethod
    def of(cls, fake: FakeFocus) -> Target:
        return cls(str(fake.base_url), fake.token, fake.organization_id, fake.workspace_id)

    @property
    def ghosts_path(self) -> str:
        return f"/organizations/{self.organization_id}/workspaces/{self.workspace_id}/ghosts"


def _focus(target: Target, transport: httpx.BaseTransport | None = None) -> Focus:
    """A default `Focus` (its own transport, no http_client) answering from `transport`.

    The wire's transport is replaced (a private attribute) so that the path measured is the
    one a default `Focus(token)` takes; `http_client=` would add httpx.Client's own work.
    """
    focus = Focus(
        target.token,
        base_url=target.base_url,
        organization_id=target.organization_id,
        workspace_id=target.workspace_id,
    )
    pool: Any = getattr(focus._wire, "_pool", None)
    if not hasattr(pool, "_transport"):
        raise RuntimeError("bench: Wire._pool has no _transport any more; update _focus()")
    pool._transport = transport
    return focus


async def _async_focus(target: Target, transport: httpx.AsyncBaseTransport) -> AsyncFocus:
    """The async twin of `_focus`; call it inside the running event loop."""
    focus = AsyncFocus(
        target.token,
        base_url=target.base_url,
        organization_id=target.organization_id,
        workspace_id=target.workspace_id,
    )
    pool: Any = getattr(focus._wire, "_pool", None)
    if not (hasattr(pool, "_transport") and hasattr(pool, "_loop")):
        raise RuntimeError("bench: AsyncWire._pool has no _transport/_loop any more; update it")
    pool._transport = transport
    pool._loop = weakref.ref(asyncio.get_running_loop())
    return focus


def _generated(target: Target, transport: httpx.BaseTransport) -> AuthenticatedClient:
    """The generated client as a user would set it up, on the given transport."""
    return AuthenticatedClient(
        base_url=target.base_url, token=target.token, httpx_args={"transport": transport}
    )


# --- 1. request economy -------------------------------------------------------------------


def _naive_ghosts(target: Target, transport: httpx.BaseTransport) -> int:
    """The loop its docs suggest: default rows=50, page until an empty page."""
    client = _generated(target, transport)
    seen, page = 0, 1
    while True:
        got = list_ghosts.sync(
            target.organization_id, target.workspace_id, client=client, page=page
        )
        if not isinstance(got, GhostPage):
            raise RuntimeError(f"unexpected answer {got!r}")
        if not got.data:
            return seen
        seen += len(got.data)
        page += 1


def _careful_ghosts(target: Target, transport: httpx.BaseTransport) -> int:
    """A careful loop over the generated client: rows=100, stop once `total` is reached."""
    client = _generated(target, transport)
    seen, page = 0, 1
    while True:
        got = list_ghosts.sync(
            target.organization_id, target.workspace_id, client=client, page=page, rows=PAGE
        )
        if not isinstance(got, GhostPage) or not isinstance(got.total, int):
            raise RuntimeError(f"unexpected answer {got!r}")
        seen += sum(1 for _ in got.data)
        if page * PAGE >= got.total:
            return seen
        page += 1


def _users(target: Target, transport: httpx.BaseTransport, per_page: int | None) -> int:
    """Users through the generated client: per_page=None pages until an empty array (naive),
    per_page=100 stops on a short page (careful; the array has no total)."""
    client = _generated(target, transport)
    seen, page = 0, 1
    while True:
        if per_page is None:
            got = list_users.sync(target.organization_id, client=client, page=page)
        else:
            got = list_users.sync(
                target.organization_id, client=client, page=page, per_page=per_page
            )
        if not isinstance(got, list) or not all(isinstance(u, OrganizationUser) for u in got):
            raise RuntimeError(f"unexpected answer {got!r}")
        seen += len(got)
        if not got or (per_page is not None and len(got) < per_page):
            return seen
        page += 1


def _iterate(listing: Callable[[], Iterable[object]]) -> int:
    """Count the items of a fresh listing without keeping them."""
    return sum(1 for _ in listing())


def _count(fake: FakeFocus, run: Callable[[], int]) -> tuple[int, int]:
    """Items listed and requests spent by `run`."""
    fake.reset_requests()
    items = run()
    return items, fake.request_count


def bench_requests(report: Report) -> None:
    """Requests spent listing N ghosts and N users: Focus against two generated loops."""
    lines = [
        "| listing | `Focus` | generated, careful | generated, naive | Focus / careful |"
        " Focus / naive |",
        "|---|---|---|---|---|---|",
    ]

    careful_how = {
        "ghosts": "rows=100, stop on total",
        "users": "per_page=100, stop on a short page",
    }

    def add(what: str, n: int, ours: int, careful: int, naive: int) -> None:
        lines.append(
            f"| {n:,} {what} | {ours} | {careful} | {naive} | {ours / careful:.2f} |"
            f" {ours / naive:.2f} |"
        )
        if n == 1000:
            for label, base, how in (
                ("careful", careful, careful_how[what]),
                ("naive", naive, "default page size, until an empty page"),
            ):
                report.rows.append(
                    Row(
                        "1 requests",
                        f"list 1,000 {what}: Focus vs generated, {label}",
                        str(ours),
                        str(base),
                        f"{ours / base:.2f}",
                        how,
                    )
                )
            report.summary[f"requests {what}"] = (ours, careful, naive)

    for n in (0, 1, 99, 100, 101, 1000):
        fake = FakeFocus(seed=1, ghosts=0, users=1)
        fake.add_ghosts(n)
        target = Target.of(fake)
        with _focus(target, fake.transport()) as focus:
            got, ours = _count(fake, partial(_iterate, focus.ghosts.list))
        careful_got, careful = _count(fake, partial(_careful_ghosts, target, fake.transport()))
        naive_got, naive = _count(fake, partial(_naive_ghosts, target, fake.transport()))
        assert got == careful_got == naive_got == n, (got, careful_got, naive_got, n)
        add("ghosts", n, ours, careful, naive)
    for asked in (1, 99, 100, 101, 1000):
        fake = FakeFocus(seed=1, ghosts=0, users=asked)
        n = len(fake.state.users)
        target = Target.of(fake)
        with _focus(target, fake.transport()) as focus:
            got, ours = _count(fake, partial(_iterate, focus.users.list))
        careful_got, careful = _count(fake, partial(_users, target, fake.transport(), PAGE))
        naive_got, naive = _count(fake, partial(_users, target, fake.transport(), None))
        assert got == careful_got == naive_got == n, (got, careful_got, naive_got, n)
        add("users", n, ours, careful, naive)
    report.sections.append(
        (
            "1. Request economy",
            "Two baselines over the generated client alone. **Naive**: the loop its docs"
            " suggest, `list_ghosts.sync(..., page=p)` with the default `rows=50` and"
            " `list_users.sync(..., page=p)` with no `per_page` (the server's default, 50),"
            " paging until an empty page. **Careful**: the same client with `rows=100` /"
            " `per_page=100`, stopping once `total` is reached (ghosts) or on a short page"
            " (users: a bare array with no total, so a full last page costs one more request)."
            " `Focus` does what the careful loop does; against it, it saves no request. What"
            " it saves is writing and guarding that loop (the pager also refuses a server that"
            " repeats pages or changes its total). Requests are counted by the fake"
            " (`fake.request_count`); all three listed the same items. The fake needs at least"
            " one user (the token's owner), so users start at N=1.\n\n" + "\n".join(lines),
        )
    )


def _in_process(fake: FakeFocus) -> Focus:
    """A Focus answering from the fake in-process (through a caller's httpx client)."""
    return Focus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=httpx.Client(transport=fake.transport()),
    )


def _role_requests(cached: bool) -> tuple[int, int]:
    """GET roles and all requests of 20 `invite_and_embody(..., role="member")` on one client.

    Before: every call looks the role up (what the client did before issue 14; here the
    cache is cleared before each call). After: the client's cache.
    """
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    fake.reset_requests()
    with _in_process(fake) as focus:
        for n, ghost in enumerate(ghosts):
            if not cached:
                focus.roles.cache_clear()
            invite_and_embody(
                focus, ghost, f"p{n}@example.com", role="member", inviter=fake.accounts
            )
    roles = sum(1 for r in fake.requests if r.path.endswith("/roles"))
    return roles, fake.request_count


class _OneByOne:
    """A LookupInviter hidden behind a plain inviter: one `filter=<email>` lookup per person,
    which is what `embody_many` did before issue 14."""

    def __init__(self, inner: LookupInviter) -> None:
        self.invite = inner.invite


def _lookup_requests(members: int, people: int, batched: bool, *, late: bool = False) -> int:
    """`GET users` requests of `embody_many` over `people` members (spread, or `late`: past
    page 1) of an organization of `members`, with a LookupInviter."""
    fake = FakeFocus(seed=11, ghosts=0, users=members)
    with _in_process(fake) as focus:
        pages = [[m.email for m in page.items] for page in focus.users.list().pages()]
    everyone = [e for page in (pages[1:] if late else pages) for e in page if e]
    chosen = everyone[:: max(1, len(everyone) // people)][:people]
    jobs = {fake.add_ghost(f"Ghost for {e}")["id"]: e for e in chosen}
    fake.reset_requests()
    with _in_process(fake) as focus:
        inviter = LookupInviter(focus)
        report = embody_many(
            focus, jobs, role=3, inviter=inviter if batched else _OneByOne(inviter)
        )
    if not report.ok:
        raise RuntimeError(f"the lookup bench failed: {report}")
    return sum(1 for r in fake.requests if r.path.endswith("/users"))


def _resume_requests(resume: bool) -> tuple[int, int]:
    """Requests to list 550 ghosts when a spent quota (3 a window) stops the listing at
    page 4: before, listing again from page 1; after, `start_page=err.next_page`."""
    fake = FakeFocus(seed=2, ghosts=0, users=5)
    fake.add_ghosts(550)
    fake.quota = 3
    seen: set[int] = set()
    with _in_process(fake) as focus:
        try:
            seen.update(g.id for g in focus.ghosts.list())
        except QuotaExceededError as err:
            fake.quota = None  # the next window (or plan) allows the rest
            start = err.next_page if resume else None
            seen.update(g.id for g in focus.ghosts.list(start_page=start))
    if len(seen) != 550:
        raise RuntimeError(f"the resume bench listed {len(seen)} ghosts, not 550")
    return fake.request_count, 3


def _documented_path_requests() -> tuple[int, int]:
    """All requests and those inside `inviter.batch` of 20 `invite_and_embody(..., role=
    "member", inviter=LookupInviter(focus))` calls: the README's documented path, with 20
    members to find among 120."""
    fake = FakeFocus(seed=5, ghosts=0, users=120)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    members = [u["email"] for u in fake.state.users.values() if u["joined"]][:20]
    fake.reset_requests()
    with _in_process(fake) as focus:
        inviter = LookupInviter(focus)
        for ghost, email in zip(ghosts, members, strict=True):
            invite_and_embody(focus, ghost, email, role="member", inviter=inviter)
    lookups = sum(1 for r in fake.requests if r.path.endswith("/users"))
    return fake.request_count, lookups


def _rerun_requests() -> tuple[int, int]:
    """A finished `embody_many` of 20 run again: through `embody_many` (which reads the
    ghosts first) and through 20 `invite_and_embody` calls (a 409 and a `GET ghost` each)."""
    fake = FakeFocus(seed=5, ghosts=0, users=15)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    people = {g: f"person{n}@example.com" for n, g in enumerate(ghosts)}
    for email in people.values():
        fake.accounts.invite(email)
    with _in_process(fake) as focus:
        if not embody_many(focus, people, role="member", inviter=LookupInviter(focus)).ok:
            raise RuntimeError("the re-run bench's first run failed")
    fake.reset_requests()
    with _in_process(fake) as focus:
        again = embody_many(focus, people, role="member", inviter=LookupInviter(focus))
    batch = fake.request_count
    fake.reset_requests()
    with _in_process(fake) as focus:
        inviter = LookupInviter(focus)
        for ghost, email in people.items():
            invite_and_embody(focus, ghost, email, role="member", inviter=inviter)
    if len(again.already_done) != 20:
        raise RuntimeError(f"the re-run bench: {again}")
    return batch, fake.request_count


def _head_requests() -> int:
    """Requests `focus ghosts ls | head -3` sends to a workspace of 5,000 ghosts."""
    fake = FakeFocus(seed=5, ghosts=5_000, users=5)
    with fake.serve() as base_url:
        env = {**os.environ, "TOGGL_FOCUS_BASE_URL": base_url,
               "TOGGL_FOCUS_API_TOKEN": fake.token,
               "TOGGL_FOCUS_ORGANIZATION_ID": str(fake.organization_id),
               "TOGGL_FOCUS_WORKSPACE_ID": str(fake.workspace_id)}  # fmt: skip
        focus_cli = Path(sys.executable).with_name("focus")
        subprocess.run(
            f"'{focus_cli}' ghosts ls 2>/dev/null | head -3 > /dev/null", shell=True, env=env,
            check=False,
            timeout=120,
        )  # fmt: skip
    return fake.request_count


def bench_spend(report: Report) -> None:
    """Requests issue 14 saves, each before and after in this run (counted by the fake)."""
    lines = ["| case | before | after | after / before |", "|---|---|---|---|"]

    def add(case: str, before: int, after: int, note: str) -> None:
        lines.append(f"| {case} | {before} | {after} | {after / before:.2f} |")
        report.rows.append(
            Row("1b requests", case, str(after), str(before), f"{after / before:.2f}", note)
        )

    (roles_before, all_before), (roles_after, all_after) = (
        _role_requests(cached=False),
        _role_requests(cached=True),
    )
    add(
        '20 `invite_and_embody(role="member")`: GET roles',
        roles_before,
        roles_after,
        "cached per client",
    )
    add("the same 20 calls: all requests", all_before, all_after, "roles + 20 PATCH embody")
    report.summary["spend roles"] = (roles_before, roles_after)
    cases = [
        (120, 20, False, "20 people among 120 members"),
        (250, 5, False, "5 people among 250 members"),
        (250, 12, False, "12 people among 250 members"),
        (99, 2, False, "2 people among 99 members"),
        (480, 2, True, "2 people among 480 members, none on page 1 (worst case)"),
    ]
    for members, people, late, label in cases:
        before = _lookup_requests(members, people, batched=False, late=late)
        after = _lookup_requests(members, people, batched=True, late=late)
        add(f"`embody_many` + LookupInviter, {label}: GET users", before, after, "member lookups")
        report.summary[f"spend lookups {members}/{people}"] = (before, after)
    documented, lookups = _documented_path_requests()
    add(
        "20 `invite_and_embody` with the documented `LookupInviter` (20 of 120 members)",
        documented,
        documented,
        f"roles 1 + {lookups} member lookups + 20 PATCH embody",
    )
    report.summary["spend documented"] = (documented, lookups)
    batch, one_by_one = _rerun_requests()
    add(
        "re-run of a finished `embody_many` of 20: 20 `invite_and_embody` calls, then"
        " `embody_many`",
        one_by_one,
        batch,
        "one listing of the 20 ghosts instead of a 409 + `GET ghost` each",
    )
    report.summary["spend rerun"] = (one_by_one, batch)
    head = _head_requests()
    add("`focus ghosts ls | head -3` (5,000 ghosts)", head, head, "stops at the closed pipe")
    report.summary["spend head"] = head
    (resume_before, _), (resume_after, _) = _resume_requests(False), _resume_requests(True)
    add("list 550 ghosts, quota spent at page 4, then go on", resume_before, resume_after,
        "3 pages + the 402 + the rest")  # fmt: skip
    report.summary["spend resume"] = (resume_before, resume_after)
    report.sections.append(
        (
            "1b. Spending fewer requests (issue 14)",
            "Each case runs twice in this run against the fake, before and after. Roles:"
            " before, every `invite_and_embody` with a role name sent `GET roles` (here: the"
            " cache cleared before each call); after, the client caches the roles per"
            " organization. Member lookups: before, `embody_many` with a `LookupInviter` sent"
            " one `GET users?filter=<email>` per person (here: the same inviter behind a"
            " plain object); after, it lists the members (100 a page) while that can beat one"
            " lookup per person: N people among U members cost min(N, ceil(U/100)) when the"
            " list ends within N - 1 pages, and at most 2N - 1 when it does not (the list"
            " has no total, so its length is known only at its end; the last row is that"
            " worst case). Resuming: a listing stopped by a spent quota at page 4 was listed"
            " again from page 1; `list(..., start_page=err.next_page)` fetches pages 4-6"
            " only.\n\n" + "\n".join(lines),
        )
    )


# --- replayed responses -------------------------------------------------------------------

Pages = dict[int, tuple[bytes, list[tuple[str, str]]]]


def _answer(pages: Pages, request: httpx.Request) -> httpx.Response:
    """The recorded page for the request; streamed, as a network transport returns it."""
    if request.url.params.get("rows") != str(PAGE):
        return httpx.Response(400, json={"error": "bench expects rows=100"}, request=request)
    body, headers = pages[int(request.url.params["page"])]
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body), request=request)


class ReplayTransport(httpx.BaseTransport):
    """Answers each ghosts page from bytes the fake rendered once: no fake work is timed."""

    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded answer for the request's `page` (and `rows=100`)."""
        self.requests += 1
        return _answer(self.pages, request)


class AsyncReplayTransport(httpx.AsyncBaseTransport):
    """The async twin, awaiting `latency` seconds per request (the server's think time)."""

    def __init__(self, pages: Pages, latency: float) -> None:
        self.pages = pages
        self.latency = latency
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded answer, after the latency."""
        self.requests += 1
        await asyncio.sleep(self.latency)
        return _answer(self.pages, request)


def _record_pages(fake: FakeFocus, count: int) -> Pages:
    """Render every page of the workspace's `count` ghosts once with the fake."""
    pages: Pages = {}
    path = Target.of(fake).ghosts_path
    with fake.client() as http:
        for page in range(1, max(1, -(-count // PAGE)) + 1):
            got = http.get(path, params={"page": page, "rows": PAGE, "include_embodied": "true"})
            got.raise_for_status()
            if got.json()["total"] != count:
                raise RuntimeError(f"the fake lists {got.json()['total']} ghosts, not {count}")
            pages[page] = (got.content, list(got.headers.multi_items()))
    return pages


def _realistic_fake(count: int) -> FakeFocus:
    """A fake whose first workspace holds exactly `count` of its own seeded ghosts.

    The fake seeds two ghosts in the first workspace for each one in the second.
    """
    seeded = count
    while seeded - (seeded + 1) // 3 < count:
        seeded += 1
    return FakeFocus(seed=2, ghosts=seeded, users=120)


def _shape_stats(pages: Pages) -> dict[str, float]:
    """What the recorded ghosts hold, on average (for the doc)."""
    ghosts = [g for body, _ in pages.values() for g in json.loads(body)["data"]]
    n = len(ghosts) or 1
    return {
        "projects": sum(len(g["assigned"]["projects"]) for g in ghosts) / n,
        "tasks": sum(len(g["assigned"]["tasks"]) for g in ghosts) / n,
        "teams": sum(len(g["assigned"]["team_ids"]) for g in ghosts) / n,
        "described": 100 * sum(1 for g in ghosts if g["description"]) / n,
        "timestamps": sum(
            1 for g in ghosts for k in ("created_at", "updated_at", "embodied_at") if g.get(k)
        )
        / n,
        "embodied": 100 * sum(1 for g in ghosts if g["user_id"] is not None) / n,
        "bytes": sum(len(body) for body, _ in pages.values()) / n,
    }


def _describe(stats: dict[str, float]) -> str:
    return (
        f"{stats['projects']:.1f} projects, {stats['tasks']:.1f} tasks and"
        f" {stats['teams']:.1f} team ids per ghost on average, a description on"
        f" {stats['described']:.0f}%, {stats['timestamps']:.1f} timestamps per ghost,"
        f" {stats['embodied']:.0f}% embodied; {stats['bytes']:.0f} bytes of JSON per ghost"
    )


# --- 2. CPU time: the contenders (run in worker processes) --------------------------------


def _list_focus(target: Target, pages: Pages) -> int:
    """Focus: typed models, lazily, with its wire, runner and pager."""
    with _focus(target, ReplayTransport(pages)) as focus:
        return sum(1 for _ in focus.ghosts.list(include_embodied=True))


def _list_generated(target: Target, pages: Pages) -> int:
    """The generated client's `list_ghosts.sync`, 100 per page: the same models, no facade."""
    client = _generated(target, ReplayTransport(pages))
    seen, page = 0, 1
    while True:
        got = list_ghosts.sync(
            target.organization_id,
            target.workspace_id,
            client=client,
            page=page,
            rows=PAGE,
            include_embodied=True,
        )
        assert isinstance(got, GhostPage) and isinstance(got.total, int)
        seen += sum(1 for _ in got.data)
        if page * PAGE >= got.total:
            return seen
        page += 1


def _list_raw(target: Target, pages: Pages) -> int:
    """Raw httpx + `json.loads`: dicts, no models, no checks beyond the status."""
    headers = {"Authorization": f"Bearer {target.token}"}
    with httpx.Client(
        base_url=target.base_url, transport=ReplayTransport(pages), headers=headers
    ) as http:
        seen, page = 0, 1
        while True:
            got = http.get(
                target.ghosts_path,
                params={"page": page, "rows": PAGE, "include_embodied": "true"},
            )
            got.raise_for_status()
            body = json.loads(got.content)
            seen += sum(1 for _ in body["data"])
            if page * PAGE >= body["total"]:
                return seen
            page += 1


CONTENDERS: dict[str, Callable[[Target, Pages], int]] = {
    "raw": _list_raw,
    "generated": _list_generated,
    "focus": _list_focus,
}


async def _async_list(
    target: Target, pages: Pages, concurrency: int, latency: float
) -> tuple[int, int]:
    """Items listed and requests sent by one AsyncFocus listing at `concurrency`."""
    transport = AsyncReplayTransport(pages, latency)
    async with await _async_focus(target, transport) as focus:
        items = 0
        async for _ in focus.ghosts.list(include_embodied=True, concurrency=concurrency):
            items += 1
    return items, transport.requests


@dataclass
class Shape:
    """One data set: the recorded pages and how many ghosts they hold."""

    count: int
    pages: Pages


def worker_main(data_file: Path) -> int:
    """Answer the parent's commands on stdin, one JSON line each, until EOF or `quit`.

    Run with PYTHONPATH naming another toggl_focus_api to measure other models: every
    command is measured here, in the same code, with whichever models this process imports.
    """
    import toggl_focus_api.models.ghost as ghost_module
    import toggl_focus_api.types as generated_types

    if os.environ.get(NO_FAST):  # every body takes from_dict, as before issue 25
        generated_types._fast_decoder = lambda target: None

    # Plain data only (no class of this script), whatever name the parent imported it under.
    target_fields, shapes = pickle.loads(data_file.read_bytes())
    target = Target(**target_fields)
    _send(sys.stdout, {"models": ghost_module.__file__, "fast": not os.environ.get(NO_FAST)})
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "quit":
            break
        count, pages = shapes[command["shape"]]
        try:
            if command["op"] == "cpu":
                run = partial(CONTENDERS[command["contender"]], target, pages)
                gc.collect()
                start = time.process_time()
                items = run()
                cpu = time.process_time() - start
                reply: dict[str, object] = {"ms": cpu * 1000, "items": items}
            else:
                gc.collect()
                if command.get("gc_off"):
                    gc.disable()
                start, wall = time.process_time(), time.perf_counter()
                try:
                    items, requests = asyncio.run(
                        _async_list(target, pages, command["concurrency"], command["latency"])
                    )
                finally:
                    gc.enable()
                reply = {
                    "wall": time.perf_counter() - wall,
                    "cpu": time.process_time() - start,
                    "requests": requests,
                    "items": items,
                }
            if reply["items"] != count:
                reply = {"error": f"listed {reply['items']} ghosts, not {count}"}
        except Exception as exc:  # reported to the parent, which stops the bench
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        _send(sys.stdout, reply)
    return 0


def _send(stream: IO[str], message: dict[str, object]) -> None:
    stream.write(json.dumps(message) + "\n")
    stream.flush()


class Worker:
    """A bench process (this script, `--worker`), with the fast decode path on or off."""

    def __init__(self, label: str, data_file: Path, fast: bool) -> None:
        self.label = label
        env = {k: v for k, v in os.environ.items() if k != NO_FAST}
        if not fast:
            env[NO_FAST] = "1"
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(data_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        hello = self._read()
        self.models, self.fast = str(hello["models"]), bool(hello["fast"])

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"bench worker ({self.label}) exited")
        reply: dict[str, Any] = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"bench worker ({self.label}): {reply['error']}")
        return reply

    def ask(self, **command: object) -> dict[str, Any]:
        """Send one command and wait for its measurement."""
        assert self.process.stdin is not None
        _send(self.process.stdin, dict(command))
        return self._read()

    def close(self) -> None:
        """Ask the worker to quit and reap it."""
        if self.process.stdin is not None and self.process.poll() is None:
            with suppress(BrokenPipeError):
                _send(self.process.stdin, {"op": "quit"})
                self.process.stdin.close()
        self.process.wait(timeout=60)


def _venv_env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}"}


# --- 2. CPU time --------------------------------------------------------------------------


@dataclass
class CpuSetup:
    """The recorded data sets, their description and the two worker processes."""

    target: Target
    shapes: dict[str, Shape]
    stats: dict[str, dict[str, float]]
    workers: dict[str, Worker]


def run_cpu_rounds(setup: CpuSetup, rounds: int) -> dict[tuple[str, str, str], list[float]]:
    """CPU ms of every (models, contender, shape), one run each per round, order rotating."""
    jobs = [
        (models, contender, shape)
        for shape in setup.shapes
        for models, contender in (
            (AFTER, "raw"),
            (AFTER, "generated"),
            (AFTER, "focus"),
            (BEFORE, "generated"),
            (BEFORE, "focus"),
        )
    ]
    for models, contender, shape in jobs:  # warm-up, not counted
        setup.workers[models].ask(op="cpu", contender=contender, shape=shape)
    times: dict[tuple[str, str, str], list[float]] = {job: [] for job in jobs}
    for index in range(rounds):
        shift = index % len(jobs)
        for job in jobs[shift:] + jobs[:shift]:
            models, contender, shape = job
            reply = setup.workers[models].ask(op="cpu", contender=contender, shape=shape)
            times[job].append(float(reply["ms"]))
    return times


def bench_cpu(report: Report, setup: CpuSetup, rounds: int) -> None:
    """CPU per 1,000 ghosts by contender and shape, and the paired ratios between them."""
    times = run_cpu_rounds(setup, rounds)

    def per_k(models: str, contender: str, shape: str) -> list[float]:
        return [ms * 1000 / setup.shapes[shape].count for ms in times[(models, contender, shape)]]

    lines = [
        "| ghosts | client | models | ms per 1,000 ghosts, median (IQR) |",
        "|---|---|---|---|",
    ]
    ratio_lines = [
        "| ghosts | ratio (paired per round) | median (IQR) |",
        "|---|---|---|",
    ]
    for shape in setup.shapes:
        raw = per_k(AFTER, "raw", shape)
        gen, focus = per_k(AFTER, "generated", shape), per_k(AFTER, "focus", shape)
        gen_before, focus_before = per_k(BEFORE, "generated", shape), per_k(BEFORE, "focus", shape)
        for client, models, values in (
            ("raw httpx + `json.loads` (dicts)", "none", raw),
            ("generated `list_ghosts.sync`, rows=100", BEFORE, gen_before),
            ("generated `list_ghosts.sync`, rows=100", AFTER, gen),
            ("`Focus.ghosts.list()`", BEFORE, focus_before),
            ("`Focus.ghosts.list()`", AFTER, focus),
        ):
            lines.append(f"| {shape} | {client} | {models} | {Spread.of(values).text()} |")
        ratios = {
            "Focus / raw": Spread.paired(focus, raw),
            "generated / raw": Spread.paired(gen, raw),
            "Focus / generated": Spread.paired(focus, gen),
            f"Focus / raw, {BEFORE}": Spread.paired(focus_before, raw),
            "Focus, fast path / from_dict only": Spread.paired(focus, focus_before),
            "generated, fast path / from_dict only": Spread.paired(gen, gen_before),
        }
        for label, spread in ratios.items():
            ratio_lines.append(f"| {shape} | {label} | {spread.text()} |")
        focus_ms, raw_ms = Spread.of(focus), Spread.of(raw)
        report.rows += [
            Row(
                "2 CPU",
                f"ms / 1,000 {shape} ghosts: Focus vs raw httpx+json",
                focus_ms.value(),
                raw_ms.value(),
                ratios["Focus / raw"].text(),
                "replayed bytes: client cost only",
            ),
            Row(
                "2 CPU",
                f"ms / 1,000 {shape} ghosts: Focus vs generated client",
                focus_ms.value(),
                Spread.of(gen).value(),
                ratios["Focus / generated"].text(),
                "same models: wire, runner, pager",
            ),
            Row(
                "2 CPU",
                f"ms / 1,000 {shape} ghosts: Focus, fast path vs from_dict only",
                focus_ms.value(),
                Spread.of(focus_before).value(),
                ratios["Focus, fast path / from_dict only"].text(),
                "the generated msgspec decoding (issue 25)",
            ),
        ]
        report.summary[f"cpu {shape}"] = {
            "focus": focus_ms,
            "raw": ratios["Focus / raw"],
            "before": ratios[f"Focus / raw, {BEFORE}"],
            "change": ratios["Focus, fast path / from_dict only"],
            "facade": ratios["Focus / generated"],
        }
    n = next(iter(setup.shapes.values())).count
    describe = "; ".join(f"**{name}**: {_describe(s)}" for name, s in setup.stats.items())
    text = (
        f"Listing {n:,} ghosts ({-(-n // PAGE)} pages of {PAGE}) of two shapes. {describe}."
        " The thin ones are `fake.add_ghosts(n)`; the realistic ones are the fake's own seeded"
        " ghosts (`FakeFocus(seed=2, ghosts=...)`, listed with `include_embodied=true`). The"
        " fake rendered each page once; a replaying `httpx.BaseTransport` serves those bytes"
        " as a stream (as a network transport does), so no fake work is timed. `Focus` runs"
        " on its own transport (no `http_client`), through its wire (`_http.py`: request"
        " building, the capped incremental body read, token redaction, quota headers), runner"
        " and pager; the generated client and raw httpx run on an `httpx.Client`."
        "\n\nTwo worker processes run the same code and today's generated package: one with"
        f" its msgspec fast decode path (`{AFTER}`), the other with that path switched off, so"
        f" that every body takes `from_dict` as before issue 25 (`{BEFORE}`)."
        f" Each of {rounds} rounds runs every client, shape and package once, in"
        " an order that rotates by round, after one warm-up run each; the figure is the"
        f" process CPU time (`time.process_time()`) of one listing of {CPU_GHOSTS:,} ghosts,"
        " scaled to 1,000: at 5,000 a listing ends before the garbage collector's share"
        " (about a fifth of the CPU from 10,000 on) shows, and the ratios read low."
        " Ratios are taken within a round (paired), then summarised by their median and"
        " interquartile range, with no more decimals than that range supports."
        "\n\n" + "\n".join(lines) + "\n\n" + "\n".join(ratio_lines)
    )
    report.sections.append(("2. CPU time per 1,000 ghosts", text))


_IMPORTS = "import machinery (the Python part cProfile sees)"
_CATEGORIES: list[tuple[str, Callable[[str, str], bool]]] = [
    (
        "date-time checks and parsing (`expect_datetime`, `fromisoformat`)",
        lambda f, name: "fromisoformat" in name or name == "expect_datetime",
    ),
    ("JSON decoding (`json`)", lambda f, name: "/json/" in f or "_json" in name),
    (_IMPORTS, lambda f, name: "importlib" in f or "_handle_fromlist" in name),
    (
        "type checks of the models (`types.py`: `expect_int`, ...)",
        lambda f, name: "toggl_focus_api/types.py" in f,
    ),
    (
        "generated models (`from_dict`, attrs `__init__`)",
        lambda f, name: "toggl_focus_api/models" in f or f.startswith("<attrs generated"),
    ),
    (
        "generated operations (`_get_kwargs`, `_parse_response`, ...)",
        lambda f, name: "toggl_focus_api" in f,
    ),
    (
        "httpx (request, response, URL, headers)",
        lambda f, name: "/httpx/" in f or "/h11/" in f or "/httpcore/" in f,
    ),
    (
        "toggl_focus wire (`_http.py`, `_auth.py`)",
        lambda f, name: "toggl_focus/_wire/http.py" in f or "toggl_focus/_wire/auth.py" in f,
    ),
    ("toggl_focus (runner, pager, quota, checks)", lambda f, name: "toggl_focus/" in f),
    ("the replaying transport", lambda f, name: f.endswith("bench.py")),
]
_OTHER = "other (stdlib, attrs)"

Func = tuple[str, int, str]
FuncStats = tuple[int, int, float, float, dict[Func, tuple[int, int, float, float]]]


def _category(func: Func) -> str | None:
    """Where a profiled function lives; None for builtins, charged to their callers."""
    filename, _, name = func
    filename = filename.replace("\\", "/")
    for label, test in _CATEGORIES:
        if test(filename, name):
            return label
    return None if filename == "~" else _OTHER


def _self_time_by_category(raw: dict[Func, FuncStats]) -> dict[str, float]:
    """Self time per category; a builtin's time goes to its callers' categories."""
    totals: dict[str, float] = {}
    for func, (_, _, tt, _, callers) in raw.items():
        label = _category(func)
        if label is not None:
            totals[label] = totals.get(label, 0.0) + tt
            continue
        for caller, (_, _, caller_tt, _) in callers.items():  # the builtin's time per caller
            owner = _category(caller) or _OTHER
            totals[owner] = totals.get(owner, 0.0) + caller_tt
    return totals


def bench_profile(report: Report, setup: CpuSetup, shape: str) -> None:
    """cProfile one Focus listing (today's models, in this process): where the time goes."""
    data = setup.shapes[shape]
    _list_focus(setup.target, data.pages)  # warm
    profiler = cProfile.Profile()
    profiler.enable()
    _list_focus(setup.target, data.pages)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    raw: dict[Func, FuncStats] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in raw.values()) or 1.0
    share = {k: 100 * v / total for k, v in _self_time_by_category(raw).items()}
    lines = [
        f"cProfile of one `Focus` listing of {data.count:,} {shape} ghosts (replayed bytes,"
        " today's models, in the parent process). Self time by where the code lives,"
        " builtins (`dict.pop`, `isinstance`, ...) charged to their callers. cProfile"
        " inflates many small calls, so read the shares, not the times; and it cannot see"
        " inside an `import` statement (the lookup runs in C and lands in the caller's self"
        " time; only importlib's Python helpers show): the paired comparison above, not"
        " this profile, is what measures a change.",
        "",
        "| where | share of self time |",
        "|---|---|",
    ]
    for label, value in sorted(share.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {value:.0f}% |")
    models = sum(
        v
        for k, v in share.items()
        if k.startswith(("generated models", "type checks", "date-time"))
    )
    ours = sum(v for k, v in share.items() if k.startswith("toggl_focus"))
    lines += [
        "",
        f"Building the typed models (their `from_dict`, type checks and datetime parsing) is"
        f" {models:.0f}% of the self time; httpx"
        f" {sum(v for k, v in share.items() if k.startswith('httpx')):.0f}%, `json`"
        f" {sum(v for k, v in share.items() if k.startswith('JSON')):.0f}%, and toggl_focus"
        f" itself (wire, runner, pager) {ours:.0f}%.",
        "",
        "Top functions by self time:",
        "",
        "| function | calls | self % |",
        "|---|---|---|",
    ]
    top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:14]
    for (filename, line, name), (_, calls, tt, _, _) in top:
        where = _short_path(filename)
        label = f"`{name}` ({where}:{line})" if line else f"`{name}`"
        lines.append(f"| {label} | {calls:,} | {100 * tt / total:.1f}% |")
    report.sections.append((f"2b. Where `Focus` spends its CPU ({shape} ghosts)", "\n".join(lines)))


def _short_path(filename: str) -> str:
    filename = filename.replace("\\", "/")
    for marker in ("site-packages/", "generated/", "extensions/", "scripts/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1]


# --- 3. async concurrency -----------------------------------------------------------------


def bench_async(
    report: Report,
    setup: CpuSetup,
    shape: str,
    latency: float,
    levels: Sequence[int],
    rounds: int,
) -> None:
    """AsyncFocus wall and CPU time by concurrency, with both model packages, paired."""
    count = setup.shapes[shape].count
    pages = -(-count // PAGE)
    top = levels[-1]
    jobs = [(models, level, False) for level in levels for models in (AFTER, BEFORE)]
    jobs.append((AFTER, top, True))  # the cyclic garbage collector's share at the top
    got: dict[tuple[str, int, bool], list[dict[str, Any]]] = {job: [] for job in jobs}
    for index in range(rounds):
        shift = index % len(jobs)
        for models, level, gc_off in jobs[shift:] + jobs[:shift]:
            reply = setup.workers[models].ask(
                op="async", shape=shape, concurrency=level, latency=latency, gc_off=gc_off
            )
            if reply["requests"] != pages:
                raise RuntimeError(f"async listing sent {reply['requests']} requests, not {pages}")
            got[(models, level, gc_off)].append(reply)

    def wall(models: str, level: int, gc_off: bool = False) -> list[float]:
        return [r["wall"] * 1000 for r in got[(models, level, gc_off)]]

    def cpu(models: str, level: int, gc_off: bool = False) -> list[float]:
        return [r["cpu"] * 1000 for r in got[(models, level, gc_off)]]

    def waves(level: int) -> int:
        return 1 + -(-(pages - 1) // level)

    def model(models: str, level: int) -> float:
        return waves(level) * latency * 1000 + Spread.of(cpu(models, level)).median

    lines = [
        "| concurrency | models | wall ms | speed-up vs concurrency=1 | ideal | client CPU ms |"
        " waves x latency + CPU, ms | wall, imports once / per call |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for level in levels:
        for models in (AFTER, BEFORE):
            speed = Spread.paired(wall(models, levels[0]), wall(models, level))
            change = (
                Spread.paired(wall(AFTER, level), wall(BEFORE, level)).text()
                if models == AFTER
                else ""
            )
            lines.append(
                f"| {level} | {models} | {Spread.of(wall(models, level)).value()} |"
                f" {speed.text('x')} | {pages / waves(level):.2f}x |"
                f" {Spread.of(cpu(models, level)).value()} | {model(models, level):.0f} |"
                f" {change} |"
            )
            if models == AFTER:
                report.summary[f"async {level}"] = speed
                report.summary["async listing"] = (count, pages)
    fit = [Spread.of(wall(AFTER, level)).median / model(AFTER, level) for level in levels]
    sequential = Spread.of(wall(AFTER, levels[0])).median
    ceiling = {
        m: Spread.of(wall(m, levels[0])).median
        / (2 * latency * 1000 + Spread.of(cpu(m, top)).median)
        for m in (AFTER, BEFORE)
    }
    per_page = Spread.of([ms / pages for ms in cpu(AFTER, top)])
    gc_share = Spread.paired(cpu(AFTER, top, True), cpu(AFTER, top))
    gc_text = (
        "Part of that CPU is the cyclic garbage collector, which traverses the decoded pages"
        f" kept until they are read in order: at concurrency {top}, CPU with the collector"
        f" off / on (paired): {gc_share.text()}."
        if gc_share.high < 1
        else f"The cyclic garbage collector's share was not measurable in this run (CPU with"
        f" it off / on at concurrency {top}, paired: {gc_share.text()})."
    )
    busy = {
        level: Spread.of([100 * r["cpu"] / r["wall"] for r in got[(AFTER, level, False)]])
        for level in levels
    }
    report.rows.append(
        Row(
            "3 async wall",
            f"{count:,} {shape} ghosts, {latency * 1000:.0f} ms/request, concurrency={top}",
            f"{Spread.of(wall(AFTER, top)).value()} ms",
            f"{sequential:.0f} ms (concurrency=1)",
            f"{Spread.paired(wall(AFTER, levels[0]), wall(AFTER, top)).text('x')} faster",
            f"ideal {pages / waves(top):.0f}x; ceiling with this CPU {ceiling[AFTER]:.0f}x",
        )
    )
    report.sections.append(
        (
            "3. AsyncFocus: concurrent pages, and the event loop's ceiling",
            f"{count:,} {shape} ghosts in pages of {PAGE} through `AsyncFocus` on a replaying"
            f" async transport that awaits `asyncio.sleep({latency})` per request (the server's"
            " time; no fake work in the process), in the two worker processes of section 2"
            f" (today's models and the {BEFORE} ones), {rounds} rounds, order rotating. The"
            " first page is fetched alone (it brings the total); then up to `concurrency` pages"
            f" are in flight; items arrive in order, {pages} requests at every level."
            f" Concurrency {top} sends every later page at once. Ideal speed-up: pages /"
            " waves, with waves = 1 + ceil((pages - 1) / concurrency).\n\n"
            "The wall time stays close to waves x latency + the client's CPU time (measured /"
            f" that sum, today's models: {min(fit):.2f} to {max(fit):.2f}): the pages of a wave"
            " come back together and are decoded one after another on the one event loop, and"
            " the next wave's requests start as those pages are consumed, so the client's CPU"
            " adds to the wall time instead of hiding under the wait. The loop is not saturated"
            " (CPU / wall "
            + ", ".join(f"{busy[level].value('%')} at {level}" for level in levels[1:])
            + "), yet its CPU is on the critical path: with every page in flight the listing"
            " still takes about 2 x latency + CPU, so the speed-up is capped near sequential"
            f" wall / (2 x latency + CPU): {ceiling[AFTER]:.0f}x with today's models"
            f" ({per_page.text(' ms')} of CPU per page of {PAGE} at concurrency {top}),"
            f" {ceiling[BEFORE]:.0f}x with {BEFORE}. Less CPU per page is what lifts it."
            f" {gc_text} Wall times are wall-clock on a shared machine: read the medians.\n\n"
            + "\n".join(lines),
        )
    )


# --- 4. peak memory -----------------------------------------------------------------------


def _peak_while(run: Callable[[], int], expected: int) -> float:
    """Peak traced memory (MiB) above what was allocated before `run`."""
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        assert run() == expected
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / 2**20


def _iterate_focus(fake: FakeFocus, focus: Focus, limit: int) -> Callable[[], int]:
    """Iterate `limit` ghosts through Focus without keeping them (the fake's log cleared)."""

    def run() -> int:
        seen = 0
        for seen, _ in enumerate(focus.ghosts.list(max_items=limit), start=1):
            if seen % PAGE == 0:
                fake.reset_requests()  # the fake's request log is the fake's memory
        return seen

    return run


def _iterate_raw(fake: FakeFocus, limit: int) -> Callable[[], int]:
    """Iterate `limit` ghosts with raw httpx + json, page by page, without keeping them."""

    def run() -> int:
        headers = {"Authorization": f"Bearer {fake.token}"}
        transport = fake.transport()
        path = Target.of(fake).ghosts_path
        with httpx.Client(base_url=fake.base_url, transport=transport, headers=headers) as http:
            seen, page = 0, 1
            while seen < limit:
                got = http.get(path, params={"page": page, "rows": PAGE})
                got.raise_for_status()
                for _ in json.loads(got.content)["data"][: limit - seen]:
                    seen += 1
                fake.reset_requests()
                page += 1
            return seen

    return run


def bench_memory(report: Report, small: int, large: int) -> None:
    """Peak memory while iterating `small` and `large` ghosts from one seeded fake."""
    fake = FakeFocus(seed=4, ghosts=0, users=1)
    fake.add_ghosts(large)  # seeded before tracing: the fake's store is not counted
    peak: dict[str, float] = {}
    with _focus(Target.of(fake), fake.transport()) as focus:
        next(iter(focus.ghosts.list(max_items=1)))  # warm the fake's sorted index once
        # As is: the fake's in-process store (millions of long-lived objects) defers
        # CPython's full collections, so cyclic garbage lingers longer than in a real client.
        peak["focus small, unfrozen"] = _peak_while(_iterate_focus(fake, focus, small), small)
        peak["focus large, unfrozen"] = _peak_while(_iterate_focus(fake, focus, large), large)
        # Then with the fake's store frozen out of the collector (gc.freeze), as if it lived
        # on a server, which it does for a real client.
        gc.collect()
        gc.freeze()
        try:
            peak["focus small"] = _peak_while(_iterate_focus(fake, focus, small), small)
            peak["focus large"] = _peak_while(_iterate_focus(fake, focus, large), large)
            peak["raw small"] = _peak_while(_iterate_raw(fake, small), small)
            peak["raw large"] = _peak_while(_iterate_raw(fake, large), large)
            peak["list small"] = _peak_while(
                lambda: len(list(focus.ghosts.list(max_items=small))), small
            )
        finally:
            gc.unfreeze()
    growth = peak["focus large"] / peak["focus small"]
    raw_growth = peak["raw large"] / peak["raw small"]
    report.summary["memory"] = peak["focus large"]
    report.rows += [
        Row(
            "4 peak memory",
            f"Focus: iterate {large:,} vs {small:,} ghosts",
            f"{peak['focus large']:.2f} MiB",
            f"{peak['focus small']:.2f} MiB",
            f"{growth:.2f}",
            "flat: the pager keeps one page",
        ),
        Row(
            "4 peak memory",
            f"raw httpx+json: iterate {large:,} vs {small:,}",
            f"{peak['raw large']:.2f} MiB",
            f"{peak['raw small']:.2f} MiB",
            f"{raw_growth:.2f}",
            "the same loop by hand",
        ),
        Row(
            "4 peak memory",
            f"contrast: list() of {small:,} vs iterating",
            f"{peak['list small']:.2f} MiB",
            f"{peak['focus small']:.2f} MiB",
            f"{peak['list small'] / peak['focus small']:.1f}",
            "materialising grows with N",
        ),
    ]
    report.sections.append(
        (
            "4. Peak memory while iterating",
            f"`tracemalloc` peak above the starting point while iterating (not keeping) thin"
            f" ghosts from one fake seeded with {large:,} before tracing started (so its store is"
            " not counted; its per-page rendering runs in-process and is counted; its request"
            " log is cleared every page). With the fake's store frozen out of the garbage"
            " collector (`gc.freeze()`, as if it lived on a server, which it does for a real"
            f" client): Focus peaks at {peak['focus small']:.2f} MiB for {small:,} ghosts and"
            f" {peak['focus large']:.2f} MiB for {large:,} ({growth:.2f}x for"
            f" {large // small}x the items); the raw httpx + json loop at"
            f" {peak['raw small']:.2f} and {peak['raw large']:.2f} MiB. For contrast,"
            f" `list()` of {small:,} ghosts peaks at {peak['list small']:.2f} MiB. One run"
            " each: tracemalloc counts allocations, which do not depend on the machine's load."
            "\n\nWithout the freeze the peaks were"
            f" {peak['focus small, unfrozen']:.2f} and {peak['focus large, unfrozen']:.2f} MiB."
            " The difference is garbage, not kept items: every httpx response is in a"
            " reference cycle with its stream, so it is freed by the cyclic collector rather"
            " than at once, and with millions of long-lived objects in the process (the fake's"
            " store) CPython runs full collections rarely, so the cycles that reach the oldest"
            " generation pile up until one runs. A real client's heap does not hold the"
            " server's data.",
        )
    )


# --- 5. import time -----------------------------------------------------------------------

# httpx imports its command-line extras when they are installed (the dev venv has them);
# a user's `pip install toggl-focus` does not bring them, so every probe hides them.
_BARE = """
import sys


class _NoHttpxCli:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("click", "rich", "pygments"):
            raise ModuleNotFoundError(name)
        return None


sys.meta_path.insert(0, _NoHttpxCli())
"""
_IMPORT_PROBE = (
    _BARE
    + """
import time
cpu, wall = time.process_time(), time.perf_counter()
if sys.argv[1] == "first-use":
    import toggl_focus
    toggl_focus.Focus("bench-token-" + "x" * 20, base_url="http://127.0.0.1:9").ghosts
else:
    __import__(sys.argv[1])
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
names = list(sys.modules)
models = sum(n.startswith("toggl_focus_api.models.") for n in names)
operations = sum(n.startswith("toggl_focus_api.api.") and n.count(".") == 3 for n in names)
print(cpu * 1000, wall * 1000, models, operations)
"""
)
#: What each fresh interpreter does: an import, or `import toggl_focus` + `Focus(...).ghosts`.
PROBES = ("httpx", "toggl_focus_api", "toggl_focus", "first-use")


@dataclass
class ImportRun:
    """One fresh interpreter's import: CPU and wall ms, generated models and operations loaded."""

    cpu: float
    wall: float
    models: int
    operations: int


@contextmanager
def runtime_python() -> Iterator[str]:
    """A scratch venv holding the package and its runtime dependencies only, as a user's
    `pip install toggl-focus` does (no dev tools, no editable finder): its interpreter."""
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
        python = str(venv / "bin" / "python")
        subprocess.run([uv, "pip", "install", "--quiet", "--python", python, str(ROOT)], check=True)
        yield python


def _import_once(probe: str, python: str) -> ImportRun:
    """Run one probe in a fresh interpreter of `python`; start-up is not counted."""
    out = subprocess.run(
        [python, "-c", _IMPORT_PROBE, probe],
        cwd=tempfile.gettempdir(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return ImportRun(float(out[0]), float(out[1]), int(out[2]), int(out[3]))


def _import_breakdown(runs: int, python: str) -> list[tuple[str, float]]:
    """Median self time (ms, `-X importtime`) of what `import toggl_focus` adds to httpx's."""

    def self_times(module: str) -> dict[str, int]:
        err = subprocess.run(
            [python, "-X", "importtime", "-c", f"{_BARE}\nimport {module}"],
            cwd=tempfile.gettempdir(),
            check=True,
            capture_output=True,
            text=True,
        ).stderr
        found = {}
        for line in err.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if match:
                found[match.group(2)] = int(match.group(1))
        return found

    def group(name: str) -> str:
        if name.startswith("toggl_focus_api.models"):
            return "generated models (`toggl_focus_api.models`)"
        if name.startswith("toggl_focus_api.api"):
            return "generated operations (`toggl_focus_api.api`)"
        if name.startswith("toggl_focus_api"):
            return "generated client and types (`toggl_focus_api`)"
        # The client is written in `_async/` and generated into `_sync/` (scripts/make_sync.py).
        module = name.rsplit(".", 1)[-1]
        twin = name.startswith(("toggl_focus._async.", "toggl_focus._sync."))
        if name == "toggl_focus.embody" or name.startswith("toggl_focus._embody"):
            return "`toggl_focus.embody`"
        if twin and module in ("inviters", "roles", "embody", "batch"):
            return "`toggl_focus.embody`"
        if name.startswith("toggl_focus._client.resources"):
            return "`toggl_focus.resources`"
        if twin and module in ("ghosts", "organization", "working_hours"):
            return "`toggl_focus.resources`"
        if name.startswith("toggl_focus"):
            return "other `toggl_focus` modules"
        top = name.split(".")[0]
        if top in ("httpcore", "h11"):
            return "httpcore + h11 (httpx imports them when a client is created)"
        if top in ("attr", "attrs"):
            return "attrs"
        if top in ("asyncio", "_asyncio", "concurrent", "anyio"):
            return "asyncio, anyio"
        return "other (stdlib, ...)"

    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        base = self_times("httpx")
        totals: dict[str, float] = {}
        for name, us in self_times("toggl_focus").items():
            if name not in base:
                totals[group(name)] = totals.get(group(name), 0.0) + us / 1000
        for label, ms in totals.items():
            samples.setdefault(label, []).append(ms)
    medians = {label: statistics.median(values) for label, values in samples.items()}
    return sorted(medians.items(), key=lambda kv: -kv[1])


def bench_imports(report: Report, rounds: int) -> None:
    """Import time of toggl_focus against httpx and the generated client, paired by round,
    in a venv with the runtime dependencies only."""
    with runtime_python() as python:
        _bench_imports(report, rounds, python)


def _bench_imports(report: Report, rounds: int, python: str) -> None:
    for probe in PROBES:  # warm the file cache and the bytecode caches
        _import_once(probe, python)
    runs: dict[str, list[ImportRun]] = {p: [] for p in PROBES}
    for index in range(rounds):
        shift = index % len(PROBES)
        for probe in PROBES[shift:] + PROBES[:shift]:
            runs[probe].append(_import_once(probe, python))
    cpu = {p: [r.cpu for r in runs[p]] for p in PROBES}
    wall = {p: [r.wall for r in runs[p]] for p in PROBES}
    all_models = len(list((ROOT / "generated" / "toggl_focus_api" / "models").glob("[!_]*.py")))
    all_ops = len(list((ROOT / "generated" / "toggl_focus_api" / "api").glob("*/[!_]*.py")))

    def loaded(probe: str) -> str:
        last = runs[probe][-1]
        return f"{last.models} of {all_models} models, {last.operations} of {all_ops} operations"

    ratio = Spread.paired(cpu["toggl_focus"], cpu["httpx"])
    report.summary["import"] = ratio
    report.summary["first use"] = Spread.paired(cpu["first-use"], cpu["httpx"])
    report.rows.append(
        Row(
            "5 import time",
            "`import toggl_focus` vs `import httpx` (CPU)",
            f"{Spread.of(cpu['toggl_focus']).value()} ms",
            f"{Spread.of(cpu['httpx']).value()} ms",
            ratio.text(),
            f"loads {loaded('toggl_focus')}",
        )
    )
    labels = {
        "httpx": "`import httpx`",
        "toggl_focus_api": "`import toggl_focus_api` (the generated client)",
        "toggl_focus": "`import toggl_focus`",
        "first-use": "`import toggl_focus`, then `Focus(...)` and its `.ghosts`",
    }
    lines = [
        "| what | CPU ms, median (IQR) | wall ms, median | / `import httpx` (CPU, paired) |"
        " generated code loaded |",
        "|---|---|---|---|---|",
    ]
    for probe in PROBES:
        share = "1" if probe == "httpx" else Spread.paired(cpu[probe], cpu["httpx"]).text()
        generated = "" if probe == "httpx" else loaded(probe)
        lines.append(
            f"| {labels[probe]} | {Spread.of(cpu[probe]).text()} |"
            f" {Spread.of(wall[probe]).value()} | {share} | {generated} |"
        )
    lines += [
        "",
        "What `import toggl_focus` loads beyond `import httpx`, by self time (`python -X"
        " importtime`, median of 5 runs; importtime's own overhead inflates every figure, so"
        " read the shares):",
        "",
        "| modules | ms |",
        "|---|---|",
    ]
    lines += [f"| {label} | {ms:.0f} |" for label, ms in _import_breakdown(5, python)]
    report.sections.append(
        (
            "5. Import time",
            "Each figure is one fresh interpreter (`python -c`) of a scratch venv holding"
            " only the package and its runtime dependencies (`uv pip install .`, as a user"
            " installs it: no dev tools, no editable finder), timing what it imports,"
            " interpreter start-up excluded; process CPU time is the figure compared"
            " (imports are CPU-bound once the files are cached, and CPU time suffers less than"
            " wall time from other load on a shared machine); wall time is given alongside."
            f" {rounds} rounds, order rotating, after one warm-up each (bytecode cached). The"
            " last row adds what a script does next, so that cost moved from the import to the"
            " first use is not hidden. httpx imports its command-line extras (click, rich,"
            " pygments) when they are installed, as in the dev venv; a user's install does not"
            " have them, so every interpreter here is denied them (an import hook), and"
            " `import httpx` costs what it costs a user."
            "\n\n" + "\n".join(lines),
        )
    )


# --- 6. make client -----------------------------------------------------------------------


def bench_codegen(report: Report) -> None:
    """Wall time of `make client`'s work, into a temporary directory (generated/ untouched)."""
    env = _venv_env()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "toggl_focus_api"
        start = time.perf_counter()
        subprocess.run(
            ["scripts/codegen/generate.sh", "openapi/focus.yaml", str(out)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [sys.executable, "scripts/pagination_meta.py", "--check", "openapi/focus.yaml"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - start
        same = (
            subprocess.run(
                ["diff", "-rq", "-x", "__pycache__", str(out), "generated/toggl_focus_api"],
                cwd=ROOT,
                capture_output=True,
            ).returncode
            == 0
        )
    report.rows.append(
        Row(
            "6 make client",
            "generate + pagination rules",
            f"{elapsed:.1f} s",
            "",
            "",
            "output identical to generated/" if same else "OUTPUT DIFFERS from generated/",
        ),
    )
    report.sections.append(
        (
            "6. `make client`",
            f"{elapsed:.1f} s wall (one run) for what `make client` runs:"
            " `scripts/codegen/generate.sh openapi/focus.yaml <tmp>/toggl_focus_api`"
            " (openapi-python-client plus the ruff post hooks) and `scripts/pagination_meta.py`"
            " (in `--check` mode), with `.venv/bin` first on PATH. It generates into a"
            " temporary directory, so the committed `generated/` is not rewritten; the output"
            f" was {'identical to' if same else 'DIFFERENT from'} `generated/toggl_focus_api`.",
        )
    )


# --- output -------------------------------------------------------------------------------

HEADERS = ("bench", "case", "toggl_focus", "baseline", "ratio", "note")


def render_table(rows: list[Row]) -> str:
    """The results as one fixed-width text table."""
    cells = [HEADERS] + [(r.bench, r.case, r.focus, r.baseline, r.ratio, r.note) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADERS))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_markdown(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for r in rows:
        lines.append(f"| {r.bench} | {r.case} | {r.focus} | {r.baseline} | {r.ratio} | {r.note} |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """CPU model, cores, Python, OS: what the numbers depend on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = platform.platform()
    try:
        release = dict(
            line.split("=", 1)
            for line in Path("/etc/os-release").read_text().splitlines()
            if "=" in line
        )
        system = f"{release.get('PRETTY_NAME', '').strip(chr(34))}, Linux {platform.release()}"
    except OSError:
        pass
    return {
        "CPU": f"{cpu} ({platform.machine()})",
        "cores": f"{os.cpu_count()} logical (affinity: {len(os.sched_getaffinity(0))})"
        if hasattr(os, "sched_getaffinity")
        else str(os.cpu_count()),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "httpx": httpx.__version__,
        "OS": system,
        "load average at the end (1, 5, 15 min)": ", ".join(f"{x:.2f}" for x in os.getloadavg())
        if hasattr(os, "getloadavg")
        else "n/a",
    }


def write_doc(path: Path, report: Report, command: str, seconds: float) -> None:
    """Write the results, the machine and the command to `path` (Markdown)."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    info = "\n".join(f"- {k}: {v}" for k, v in machine().items())
    parts = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench.py` (run `make bench` to measure again and rewrite this"
        " file and the README's performance paragraph). Every comparison was measured side by"
        " side in the same run, against the fake server `toggl_focus.testing.FakeFocus` or"
        " bytes it rendered once. No test asserts a duration; the test suite asserts request"
        " counts only. The machine is shared: a ratio is the median of per-round paired"
        " ratios, given with its interquartile range (IQR) and no more decimals than that"
        " range supports.",
        "",
        f"- command: `{command}`",
        f"- date: {when} (the run took {seconds:.0f} s)",
        info,
        "",
        "## Results",
        "",
        render_markdown(report.rows),
        "",
        "`ratio` is toggl_focus / baseline (requests, CPU, memory, import time); for async it"
        " is the speed-up.",
    ]
    for title, text in report.sections:
        parts += ["", f"## {title}", "", text]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n")


def readme_summary(report: Report) -> str:
    """The README's performance paragraph, from this run's figures."""
    ours, careful, naive = report.summary["requests ghosts"]
    real, thin = report.summary["cpu realistic"], report.summary["cpu thin"]
    text = (
        "`make bench` measures against the fake server and rewrites"
        " [docs/benchmarks.md](docs/benchmarks.md) (machine, date, command) and this"
        " paragraph. Ratios are medians of paired per-round ratios, with their interquartile"
        " range (IQR). From the last run: listing 1,000 ghosts costs"
        f" {ours} requests through `Focus`, {careful} with a careful loop over the generated"
        f" client (`rows=100`, stopping on `total`) and {naive} with the naive one (default"
        " `rows=50`, paging until an empty page): the facade saves writing and guarding that"
        " loop, not requests. What does save requests: 20 `invite_and_embody(...,"
        f' role="member")` calls send {report.summary["spend roles"][1]} `GET roles`, not'
        f" {report.summary['spend roles'][0]} (cached per client); `embody_many` with a"
        " `LookupInviter` finds 20 people among 120 members in"
        f" {report.summary['spend lookups 120/20'][1]} requests, not"
        f" {report.summary['spend lookups 120/20'][0]}; and a listing of 550 ghosts stopped"
        " by a spent quota at page 4 goes on with `start_page` for"
        f" {report.summary['spend resume'][1]} requests in all, not"
        f" {report.summary['spend resume'][0]}. Client CPU per 1,000 realistic ghosts"
        " (projects, tasks, teams,"
        f" timestamps) is about {real['focus'].value()} ms, {real['raw'].text('x')} raw"
        f" `httpx` + `json`; on thin ghosts (nothing assigned) {thin['raw'].text('x')}. That"
        " is the price of typed, checked models: the generated client alone costs the same"
        f" (`Focus` / generated: {real['facade'].text('x')}). The generated msgspec fast"
        " decode path (issue 25; `from_dict` stays the exact fallback) cut `Focus` CPU to"
        f" {real['change'].text('x')} of what `from_dict` alone costs on realistic ghosts and"
        f" {thin['change'].text('x')} on thin ones. `AsyncFocus` with `concurrency=8` lists"
        f" {report.summary['async listing'][0]:,} ghosts at 50 ms latency"
        f" {report.summary['async 8'].text('x')} faster than one page at a time, with the"
        f" same {report.summary['async listing'][1]} requests. Peak memory while iterating"
        " 100,000 ghosts is"
        f" {report.summary['memory']:.2f} MiB (flat in N). `import toggl_focus` takes"
        f" {report.summary['import'].text('x')} the CPU time of `import httpx`"
        f" ({report.summary['first use'].text('x')} with `Focus(...)` and its first"
        " resource)."
    )
    plans = report.summary.get("plans")
    if plans:
        made = {shape: plans[shape]["reads"] + plans[shape]["cost"] for shape in plans}
        naive = {shape: plans[shape]["naive"] for shape in plans}
        text += (
            " Reconciling 1,000 desired ghosts with a ghost plan (`focus.ghosts.plan`, reads"
            f" + cost) takes {made['create-only']} requests when all are new,"
            f" {made['mixed']} for half new and a quarter changed, and {made['prune']} with"
            " `prune=True` deleting 500 (one request per delete); a per-ghost loop over the"
            f" same listing takes {naive['create-only']}, {naive['mixed']} and"
            f" {naive['prune']}."
        )
    return _wrap(text, 92)


def _wrap(text: str, width: int) -> str:
    """Greedy word wrap (Markdown-safe here: no line starts with a marker)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def write_readme(path: Path, summary: str) -> None:
    """Replace the text between the bench markers in the README."""
    text = path.read_text()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise RuntimeError(f"{path}: the markers {README_START!r} ... {README_END!r} are missing")
    head = text[: start + len(README_START)]
    path.write_text(f"{head}\n{summary}\n{text[end:]}")


@contextmanager
def _step(name: str) -> Iterator[None]:
    start = time.perf_counter()
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    yield
    print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def prepare_cpu(tmp: Path, n: int) -> CpuSetup:
    """Record both shapes and start the two workers (fast decode path on, and off)."""
    thin = FakeFocus(seed=2, ghosts=0, users=1)
    thin.add_ghosts(n)
    real = _realistic_fake(n)
    shapes = {
        "thin": Shape(n, _record_pages(thin, n)),
        "realistic": Shape(n, _record_pages(real, n)),
    }
    target = Target.of(thin)
    if Target.of(real) != target:
        raise RuntimeError("the two fakes differ in base URL, token or ids")
    data_file = tmp / "pages.pickle"
    plain = {name: (shape.count, shape.pages) for name, shape in shapes.items()}
    data_file.write_bytes(pickle.dumps((dataclasses.asdict(target), plain)))
    workers = {AFTER: Worker(AFTER, data_file, fast=True), BEFORE: Worker(BEFORE, data_file, False)}
    if not workers[AFTER].fast or workers[BEFORE].fast:
        raise RuntimeError("the workers did not switch the fast decode path as asked")
    stats = {name: _shape_stats(shape.pages) for name, shape in shapes.items()}
    return CpuSetup(target, shapes, stats, workers)


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the table, write the doc and the README paragraph."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", type=Path, default=DOC, help="Markdown file to (re)write")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        return worker_main(args.worker)
    quick = args.quick
    report = Report()
    started = time.perf_counter()
    with _step("1 request economy"):
        bench_requests(report)
        bench_spend(report)
    with _step("7 ghost plans"):
        from bench_plans import bench_plans  # scripts/bench_plans.py, beside this file

        bench_plans(report)
    with tempfile.TemporaryDirectory() as tmp:
        with _step("2 CPU: record pages, start the workers (fast path on, and off)"):
            # 20,000 ghosts per listing: below 10,000 the garbage collector's share (a fifth
            # of the CPU at 10,000 and more) does not show yet, and the ratio reads low.
            setup = prepare_cpu(Path(tmp), n=1_000 if quick else CPU_GHOSTS)
        try:
            with _step("2 CPU time"):
                bench_cpu(report, setup, rounds=3 if quick else 21)
            with _step("2b profile"):
                bench_profile(report, setup, "realistic")
            with _step("3 async concurrency"):
                bench_async(
                    report,
                    setup,
                    "realistic",
                    latency=0.05,
                    levels=(1, 8, 16, 49),
                    rounds=1 if quick else 3,
                )
        finally:
            for worker in setup.workers.values():
                worker.close()
    with _step("4 peak memory"):
        bench_memory(report, small=10_000, large=20_000 if quick else 100_000)
    with _step("5 import time"):
        bench_imports(report, rounds=3 if quick else 21)
    with _step("6 make client"):
        if shutil.which("openapi-python-client", path=str(ROOT / ".venv" / "bin")):
            bench_codegen(report)
        else:
            print("bench: .venv/bin/openapi-python-client not found; skipped", file=sys.stderr)
    seconds = time.perf_counter() - started
    print()
    print(render_table(report.rows))
    if not args.no_write and not quick:
        command = (
            "make bench"
            if os.environ.get("MAKELEVEL")
            else " ".join(["python", "scripts/bench.py", *sys.argv[1:]])
        )
        write_doc(args.write, report, command, seconds)
        write_readme(README, readme_summary(report))
        print(f"\nwrote {args.write.relative_to(ROOT) if args.write.is_absolute() else args.write}")
        print(f"wrote {README.relative_to(ROOT)} (between the bench markers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
