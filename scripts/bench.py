#!/usr/bin/env python3
"""`make bench`: measure toggl_focus's CPU, concurrency, memory and import time; quote its
request counts.

Every comparison runs side by side in the same run, against `toggl_focus.testing.FakeFocus`
or against bytes it rendered once:

1. requests to list N ghosts / N users, and the requests issue 14 and 25 saved: the
   scenarios of tests/request_counts.py, which tests/test_request_counts.py asserts
   exactly; this script only prints what they return;
2. CPU time per 1,000 ghosts, thin and realistic: raw httpx + `json`, the generated client
   alone and `Focus`, each with the generated msgspec fast decode path and with `from_dict`
   only; then a profile of `Focus`;
3. `AsyncFocus` and raw `httpx.AsyncClient` + `json` over 20,000 ghosts at 50 ms per
   request, by concurrency;
4. peak traced memory while iterating 10,000 and 100,000 ghosts (flat, not growing);
5. import time of `toggl_focus` against `httpx`, fresh interpreters of a runtime-only venv;
6. how long `make client` takes (into a temporary directory);
7. requests to reconcile desired ghosts with a ghost plan against a per-ghost loop.

Sections 2 and 3 run on pyperf: each contender is a pyperf benchmark (calibrated loops,
warm-ups, its own worker process, metadata); this script interleaves them in rounds, one
worker process per contender and round in an order that rotates by round, so machine noise
hits both sides of a comparison alike, and takes each ratio within a round (paired). A
ratio is the median of its per-round ratios with their interquartile range (IQR), printed
with no more decimals than that spread supports. Section 5 does not use pyperf workers:
`import pyperf` loads 60 of the 211 modules `import httpx` loads, which would then look
cheaper; it times bare interpreters instead.

Prints one table and writes it, with the machine and the command, to docs/benchmarks.md and
a summary to the README's "Measured, not claimed" section (`--no-write` to skip; `--quick`
for a smoke run, which writes nothing). `-o FILE` (pyperf's) also keeps every worker's
values, one benchmark per contender and round, for `python -m pyperf show/stats FILE`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import dataclasses
import datetime as dt
import gc
import io
import json
import math
import os
import pickle
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
import weakref
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyperf

from toggl_focus import AsyncFocus, Focus
from toggl_focus_api import AuthenticatedClient
from toggl_focus_api.api.ghosts import list_ghosts
from toggl_focus_api.models import GhostPage

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
README_START = "<!-- bench:start (written by `make bench`) -->"
README_END = "<!-- bench:end -->"
PAGE = 100  # the API's largest page, what Focus asks for
#: Ghosts per timed listing: large enough that the garbage collector's share shows.
CPU_GHOSTS = 20_000
LATENCY = 0.05  # seconds per request in the async section (the server's time)
LEVELS = (1, 8, 16, 49)  # async concurrency; 49 sends every page after the first at once
AFTER, BEFORE = "fast path", "from_dict only"


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
    """Everything a run measured: the table rows, free-text sections, the README figures."""

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


# --- 1 and 7. request counts (tests/request_counts.py) ----------------------------------


def _request_counts() -> Any:
    """The scenarios tests/test_request_counts.py asserts: one code path for both."""
    sys.path.insert(0, str(ROOT / "tests"))
    import request_counts

    return request_counts


def bench_requests(report: Report) -> None:
    """Requests to list N ghosts and N users: Focus against two loops over the generated
    client, and the requests issue 14 and 25 saved, each before and after."""
    rc = _request_counts()
    lines = [
        "| listing | `Focus` | generated, careful | generated, naive | Focus / careful |"
        " Focus / naive |",
        "|---|---|---|---|---|---|",
    ]
    how = {"ghosts": "rows=100, stop on total", "users": "per_page=100, stop on a short page"}
    for what, sizes in (("ghosts", rc.LISTED_GHOSTS), ("users", rc.LISTED_USERS)):
        for n in sizes:
            ours, careful, naive = rc.listing(what, n)
            lines.append(
                f"| {n:,} {what} | {ours} | {careful} | {naive} | {ours / careful:.2f} |"
                f" {ours / naive:.2f} |"
            )
        report.summary[what] = (ours, careful, naive)  # at the largest size, 1,000
        for label, base, note in (
            ("careful", careful, how[what]),
            ("naive", naive, "default page size, until an empty page"),
        ):
            case = f"list 1,000 {what}: Focus vs generated, {label}"
            report.rows.append(
                Row("1 requests", case, str(ours), str(base), f"{ours / base:.2f}", note)
            )
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

    lines = ["| case | before | after | after / before |", "|---|---|---|---|"]

    def add(case: str, before: int, after: int, note: str) -> None:
        lines.append(f"| {case} | {before} | {after} | {after / before:.2f} |")
        report.rows.append(
            Row("1b requests", case, str(after), str(before), f"{after / before:.2f}", note)
        )

    (roles_before, all_before), (roles_after, all_after) = rc.roles(False), rc.roles(True)
    add(
        '20 `invite_and_embody(role="member")`: GET roles',
        roles_before,
        roles_after,
        "cached per client",
    )
    add("the same 20 calls: all requests", all_before, all_after, "roles + 20 PATCH embody")
    report.summary["roles"] = (roles_before, roles_after)
    for members, people, late, label in rc.LOOKUPS:
        before = rc.lookups(members, people, batched=False, late=late)
        after = rc.lookups(members, people, batched=True, late=late)
        add(f"`embody_many` + LookupInviter, {label}: GET users", before, after, "member lookups")
        report.summary.setdefault("lookups", (before, after))  # the first: 20 among 120
    documented, found = rc.documented_path()
    add(
        "20 `invite_and_embody` with the documented `LookupInviter` (20 of 120 members)",
        documented,
        documented,
        f"roles 1 + {found} member lookups + 20 PATCH embody",
    )
    report.summary["documented"] = documented
    batch, one_by_one = rc.rerun()
    add(
        "re-run of a finished `embody_many` of 20: 20 `invite_and_embody` calls, then"
        " `embody_many`",
        one_by_one,
        batch,
        "one listing of the 20 ghosts instead of a 409 + `GET ghost` each",
    )
    report.summary["rerun"] = (one_by_one, batch)
    head = rc.head()
    add("`focus ghosts ls | head -3` (5,000 ghosts)", head, head, "stops at the closed pipe")
    resume = (rc.resume(start_page=False), rc.resume(start_page=True))
    add(
        "list 550 ghosts, quota spent at page 4, then go on",
        *resume,
        "3 pages + the 402 + the rest",
    )
    report.summary["resume"] = resume
    report.sections.append(
        (
            "1b. Spending fewer requests (issues 14 and 25)",
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


def bench_plans(report: Report) -> None:
    """Requests to reconcile a staffing plan: a ghost plan against the per-ghost loop."""
    rc = _request_counts()
    lines = [
        "| plan | desired ghosts | ghost plan: reads + cost = requests | naive per-ghost loop |"
        " plan / naive |",
        "|---|---|---|---|---|",
    ]
    report.summary["plans"] = {}
    for shape in rc.PLAN_SHAPES:
        for n in rc.PLAN_SIZES:
            got = rc.plan(shape, n)
            total, naive = got["reads"] + got["cost"], got["naive"]
            ratio = f"{total / naive:.3f}" if naive else "n/a"
            lines.append(
                f"| {shape} | {n:,} | {got['reads']} + {got['cost']} = {total} | {naive} |"
                f" {ratio} |"
            )
        report.summary["plans"][shape] = (got["reads"], got["cost"], naive)  # at 1,000
        report.rows.append(
            Row(
                "7 plans",
                f"reconcile 1,000 desired ghosts ({shape}): plan vs per-ghost loop",
                str(total),
                str(naive),
                ratio,
                f"{got['reads']} reads + cost {got['cost']}",
            )
        )
    hours = rc.plan_with_hours()
    report.summary["hours"] = (hours["reads"], hours["cost"], hours["replan_reads"])
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
            "\n\n" + "\n".join(lines) + "\n\n**With working hours** (the costliest plan users"
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


# --- replayed responses -------------------------------------------------------------------

Pages = dict[int, tuple[bytes, list[tuple[str, str]]]]


@dataclass(frozen=True)
class Target:
    """Where the clients send their requests: the fake's identity (plain data, picklable)."""

    base_url: str
    token: str
    organization_id: int
    workspace_id: int

    @property
    def ghosts_path(self) -> str:
        return f"/organizations/{self.organization_id}/workspaces/{self.workspace_id}/ghosts"


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

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded answer for the request's `page` (and `rows=100`)."""
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


def record(path: Path, count: int) -> tuple[Target, dict[str, dict[str, float]]]:
    """Render every page of `count` thin and `count` realistic ghosts once with the fake,
    into `path` (pickled plain data, what the workers load); their identity and shapes.

    Thin: `fake.add_ghosts(n)`. Realistic: the fake's own seeded ghosts; it seeds two in the
    first workspace for each one in the second.
    """
    from toggl_focus.testing import FakeFocus

    thin = FakeFocus(seed=2, ghosts=0, users=1)
    thin.add_ghosts(count)
    seeded = count
    while seeded - (seeded + 1) // 3 < count:
        seeded += 1
    shapes: dict[str, Pages] = {}
    for name, fake in (("thin", thin), ("realistic", FakeFocus(seed=2, ghosts=seeded, users=120))):
        target = Target(str(fake.base_url), fake.token, fake.organization_id, fake.workspace_id)
        shapes[name] = pages = {}
        with fake.client() as http:
            for page in range(1, max(1, -(-count // PAGE)) + 1):
                params = {"page": page, "rows": PAGE, "include_embodied": "true"}
                got = http.get(target.ghosts_path, params=params)
                if got.raise_for_status().json()["total"] != count:
                    raise RuntimeError(f"the fake lists {got.json()['total']} ghosts, not {count}")
                pages[page] = (got.content, list(got.headers.multi_items()))
    stats = {name: _shape_stats(pages) for name, pages in shapes.items()}
    for name, extra in UNKNOWN.items():
        shapes[name] = _with_fields(shapes["realistic"], extra)
    path.write_bytes(pickle.dumps((dataclasses.asdict(target), count, shapes)))
    return target, stats


#: The realistic ghosts with fields the spec does not list, as an API that grew would send
#: them: one kept on the fast path (learned), and two in one object (their order comes from
#: a second, shallow decode); issue 25 asks that neither sends every page to from_dict.
UNKNOWN = {
    "realistic + 1 unknown field": {"workspace_id": 7001},
    "realistic + 2 unknown fields": {"workspace_id": 7001, "archived": False},
}


def _with_fields(pages: Pages, extra: dict[str, object]) -> Pages:
    """`pages` with `extra` added to every ghost (Content-Length set to the new length)."""
    out: Pages = {}
    for number, (body, headers) in pages.items():
        page = json.loads(body)
        page["data"] = [{**ghost, **extra} for ghost in page["data"]]
        new = json.dumps(page, separators=(",", ":")).encode()
        length = str(len(new))
        out[number] = (
            new,
            [(k, length if k.lower() == "content-length" else v) for k, v in headers],
        )
    return out


_loaded: dict[str, tuple[Target, int, dict[str, Pages]]] = {}


def load(path: str) -> tuple[Target, int, dict[str, Pages]]:
    """The recorded pages in a worker (read once per process)."""
    if path not in _loaded:
        target, count, shapes = pickle.loads(Path(path).read_bytes())
        _loaded[path] = (Target(**target), count, shapes)
    return _loaded[path]


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


# --- the contenders -----------------------------------------------------------------------


def _focus(target: Target, transport: httpx.BaseTransport) -> Focus:
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


def _list_focus(target: Target, pages: Pages) -> int:
    """Focus: typed models, lazily, with its wire, runner and pager."""
    with _focus(target, ReplayTransport(pages)) as focus:
        return sum(1 for _ in focus.ghosts.list(include_embodied=True))


def _list_generated(target: Target, pages: Pages) -> int:
    """The generated client's `list_ghosts.sync`, 100 per page: the same models, no facade."""
    client = AuthenticatedClient(
        base_url=target.base_url,
        token=target.token,
        httpx_args={"transport": ReplayTransport(pages)},
    )
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
            params = {"page": page, "rows": PAGE, "include_embodied": "true"}
            body = json.loads(
                http.get(target.ghosts_path, params=params).raise_for_status().content
            )
            seen += sum(1 for _ in body["data"])
            if page * PAGE >= body["total"]:
                return seen
            page += 1


async def _alist_focus(target: Target, transport: AsyncReplayTransport, concurrency: int) -> int:
    """AsyncFocus on its own transport: the first page alone, then `concurrency` in flight."""
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
    async with focus:
        return sum(
            [1 async for _ in focus.ghosts.list(include_embodied=True, concurrency=concurrency)]
        )


async def _alist_raw(target: Target, transport: AsyncReplayTransport, concurrency: int) -> int:
    """Raw `httpx.AsyncClient` + `json.loads`, paged as AsyncFocus pages: the first page
    alone (it brings the total), then `concurrency` pages in flight, read in order."""
    headers = {"Authorization": f"Bearer {target.token}"}
    async with httpx.AsyncClient(
        base_url=target.base_url, transport=transport, headers=headers
    ) as http:

        async def fetch(page: int) -> Any:
            params = {"page": page, "rows": PAGE, "include_embodied": "true"}
            return json.loads(
                (await http.get(target.ghosts_path, params=params)).raise_for_status().content
            )

        first = await fetch(1)
        seen, pages = len(first["data"]), -(-first["total"] // PAGE)
        ahead: deque[asyncio.Task[Any]] = deque()
        start = 2
        for _ in range(2, pages + 1):
            while start <= pages and len(ahead) < concurrency:
                ahead.append(asyncio.ensure_future(fetch(start)))
                start += 1
            seen += sum(1 for _ in (await ahead.popleft())["data"])
        return seen


SYNC = {"raw": _list_raw, "generated": _list_generated, "focus": _list_focus}
ASYNC = {"raw": _alist_raw, "focus": _alist_focus}


# --- pyperf: one benchmark per contender and round ----------------------------------------


@dataclass(frozen=True)
class Job:
    """One contender: a pyperf benchmark measured once per round, in its own worker."""

    client: str  # raw, generated or focus
    models: str  # AFTER or BEFORE (raw decodes no models: AFTER)
    shape: str = "realistic"
    level: int = 0  # async concurrency; 0: the sync listing, CPU time
    measure: str = "cpu"  # or "wall" (async)
    gc_off: bool = False

    @property
    def name(self) -> str:
        where = f"async {self.level} {self.measure}" if self.level else "cpu"
        return f"{where} {self.shape} {self.client} {self.models}" + " gc-off" * self.gc_off


@contextlib.contextmanager
def models(which: str) -> Iterator[None]:
    """The generated package as it is (AFTER), or with its msgspec fast decode path switched
    off so that every body takes `from_dict`, as before issue 25 (BEFORE)."""
    import toggl_focus_api.types as generated_types

    fast = generated_types._fast_decoder
    if which == BEFORE:
        generated_types._fast_decoder = lambda target: None
    try:
        yield
    finally:
        generated_types._fast_decoder = fast


def time_job(loops: int, job: Job, data: str) -> float:
    """pyperf's time function, in a worker: seconds of `loops` listings of `job`.

    CPU (`time.process_time()`) for the sync listings, after a `gc.collect()` each; wall or
    CPU time for the async ones, after one untimed listing at no latency (imports, decoders:
    pyperf's warm-up would cost a whole listing at 50 ms a request).
    """
    target, count, shapes = load(data)
    pages = shapes[job.shape]
    clock = time.perf_counter if job.measure == "wall" else time.process_time
    total = 0.0
    with models(job.models):
        if not job.level:
            for _ in range(loops):
                gc.collect()
                start = clock()
                listed = SYNC[job.client](target, pages)
                total += clock() - start
        else:
            listing = ASYNC[job.client]
            if asyncio.run(listing(target, AsyncReplayTransport(pages, 0), job.level)) != count:
                raise RuntimeError(f"{job.name}: the untimed listing came out short")
            for _ in range(loops):
                transport = AsyncReplayTransport(pages, LATENCY)
                gc.collect()
                if job.gc_off:
                    gc.disable()
                start = clock()
                try:
                    listed = asyncio.run(listing(target, transport, job.level))
                finally:
                    total += clock() - start
                    gc.enable()
                if transport.requests != -(-count // PAGE):
                    raise RuntimeError(f"{job.name}: {transport.requests} requests")
    if listed != count:
        raise RuntimeError(f"{job.name}: listed {listed} ghosts, not {count}")
    return total


def cpu_jobs() -> list[Job]:
    """Section 2: every client and shape; Focus and the generated client with both models."""
    pairs = [
        ("raw", AFTER),
        ("generated", AFTER),
        ("focus", AFTER),
        ("generated", BEFORE),
        ("focus", BEFORE),
    ]
    jobs = [Job(client, which, shape) for shape in ("thin", "realistic") for client, which in pairs]
    return jobs + [
        Job(client, which, shape)
        for shape in UNKNOWN
        for client, which in (("raw", AFTER), ("focus", AFTER), ("focus", BEFORE))
    ]


def async_jobs() -> list[Job]:
    """Section 3: wall time of AsyncFocus (both models) and raw httpx at every level; CPU
    time of AsyncFocus above one page in flight (at 1 it would add 10 s a round), and at the
    top with the cyclic garbage collector off."""
    jobs = [
        Job(client, which, level=level, measure="wall")
        for level in LEVELS
        for client, which in (("focus", AFTER), ("focus", BEFORE), ("raw", AFTER))
    ]
    jobs += [Job("focus", which, level=level) for level in LEVELS[1:] for which in (AFTER, BEFORE)]
    return [*jobs, Job("focus", AFTER, level=LEVELS[-1], gc_off=True)]


@dataclass
class Timed:
    """What the rounds of one section measured: per job, its figure in each round (the
    median of its worker's values); the loops pyperf calibrated; the first worker's
    metadata (machine, Python), which the doc quotes; how much a worker's values vary (its
    relative standard deviation, one per worker that took several)."""

    values: dict[Job, list[float]]
    loops: dict[Job, int] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    within: list[float] = field(default_factory=list)


def run_rounds(runner: pyperf.Runner, jobs: list[Job], rounds: int) -> Timed:
    """Every job once per round, each in its own pyperf worker process, in an order that
    rotates by round.

    A worker process runs this script again and replays the same calls, skipping all but the
    one pyperf asks it for (`--worker-task`), so the calls must not depend on the master's
    state. pyperf calibrates a job's loops in the first round; later rounds reuse them.
    """
    args = runner.args
    sync = not jobs[0].level
    timed = Timed({job: [] for job in jobs})
    for index in range(rounds):
        if not args.worker:
            print(f"bench:   round {index + 1} of {rounds}", file=sys.stderr, flush=True)
        shift = index % len(jobs)
        for job in jobs[shift:] + jobs[:shift]:
            if not args.worker:
                # Sync: calibrated loops, 1 warm-up, 3 values. Async: 1 listing, warmed inside.
                args.loops, args.warmups, args.values = (
                    (timed.loops.get(job, 0), 1, 3) if sync else (1, 0, 1)
                )
            with contextlib.redirect_stdout(io.StringIO()):  # pyperf's line per benchmark
                bench = runner.bench_time_func(f"{job.name} #{index + 1}", time_job, job, args.data)
            if bench is not None and not args.worker:
                timed.loops[job] = bench.get_runs()[-1].get_metadata()["loops"]
                values = bench.get_values()
                timed.values[job].append(statistics.median(values))
                if len(values) > 1:
                    timed.within.append(statistics.pstdev(values) / statistics.mean(values))
                timed.metadata = timed.metadata or bench.get_metadata()
    return timed


# --- 2. CPU time --------------------------------------------------------------------------


def bench_cpu(
    report: Report, timed: Timed, count: int, rounds: int, stats: dict[str, dict[str, float]]
) -> None:
    """CPU per 1,000 ghosts by contender and shape, and the paired ratios between them."""
    times = timed.values

    def per_k(client: str, which: str, shape: str) -> list[float]:
        return [s * 1e6 / count for s in times[Job(client, which, shape)]]

    lines = [
        "| ghosts | client | models | ms per 1,000 ghosts, median (IQR) |",
        "|---|---|---|---|",
    ]
    ratio_lines = ["| ghosts | ratio (paired per round) | median (IQR) |", "|---|---|---|"]
    for shape in ("thin", "realistic"):
        raw = per_k("raw", AFTER, shape)
        gen, focus = per_k("generated", AFTER, shape), per_k("focus", AFTER, shape)
        gen_before, focus_before = per_k("generated", BEFORE, shape), per_k("focus", BEFORE, shape)
        for client, which, values in (
            ("raw httpx + `json.loads` (dicts)", "none", raw),
            ("generated `list_ghosts.sync`, rows=100", BEFORE, gen_before),
            ("generated `list_ghosts.sync`, rows=100", AFTER, gen),
            ("`Focus.ghosts.list()`", BEFORE, focus_before),
            ("`Focus.ghosts.list()`", AFTER, focus),
        ):
            lines.append(f"| {shape} | {client} | {which} | {Spread.of(values).text()} |")
        ratios = {
            "Focus / raw": Spread.paired(focus, raw),
            "generated / raw": Spread.paired(gen, raw),
            "Focus / generated": Spread.paired(focus, gen),
            f"Focus / raw, {BEFORE}": Spread.paired(focus_before, raw),
            "Focus, fast path / from_dict only": Spread.paired(focus, focus_before),
            "generated, fast path / from_dict only": Spread.paired(gen, gen_before),
        }
        ratio_lines += [f"| {shape} | {label} | {s.text()} |" for label, s in ratios.items()]
        focus_ms = Spread.of(focus)
        for case, base, ratio, note in (
            ("raw httpx+json", raw, "Focus / raw", "replayed bytes: client cost only"),
            ("generated client", gen, "Focus / generated", "same models: wire, runner, pager"),
            (
                "fast path vs from_dict only",
                focus_before,
                "Focus, fast path / from_dict only",
                "the generated msgspec decoding (issue 25)",
            ),
        ):
            versus = "Focus, " if case.startswith("fast") else "Focus vs "
            report.rows.append(
                Row(
                    "2 CPU",
                    f"ms / 1,000 {shape} ghosts: {versus}{case}",
                    focus_ms.value(),
                    Spread.of(base).value(),
                    ratios[ratio].text(),
                    note,
                )
            )
        report.summary[f"cpu {shape}"] = {
            "focus": focus_ms,
            "raw": ratios["Focus / raw"],
            "change": ratios["Focus, fast path / from_dict only"],
            "facade": ratios["Focus / generated"],
        }
    for shape in UNKNOWN:
        raw, focus = per_k("raw", AFTER, shape), per_k("focus", AFTER, shape)
        focus_before = per_k("focus", BEFORE, shape)
        ratios = {
            "Focus / raw": Spread.paired(focus, raw),
            "Focus, fast path / from_dict only": Spread.paired(focus, focus_before),
        }
        ratio_lines += [f"| {shape} | {label} | {s.text()} |" for label, s in ratios.items()]
        for case, base, ratio in (
            ("Focus vs raw httpx+json", raw, "Focus / raw"),
            (
                "Focus, fast path vs from_dict only",
                focus_before,
                "Focus, fast path / from_dict only",
            ),
        ):
            report.rows.append(
                Row(
                    "2 CPU",
                    f"ms / 1,000 {shape.replace('realistic', 'realistic ghosts')}: {case}",
                    Spread.of(focus).value(),
                    Spread.of(base).value(),
                    ratios[ratio].text(),
                    "fields the spec does not list: kept exactly (issue 25)",
                )
            )
        report.summary[f"cpu {shape}"] = {"raw": ratios["Focus / raw"]}
    between = statistics.median(statistics.pstdev(v) / statistics.mean(v) for v in times.values())
    describe = "; ".join(
        f"**{name}**: {s['projects']:.1f} projects, {s['tasks']:.1f} tasks and {s['teams']:.1f}"
        f" team ids per ghost on average, a description on {s['described']:.0f}%,"
        f" {s['timestamps']:.1f} timestamps per ghost, {s['embodied']:.0f}% embodied;"
        f" {s['bytes']:.0f} bytes of JSON per ghost"
        for name, s in stats.items()
    )
    text = (
        f"Listing {count:,} ghosts ({-(-count // PAGE)} pages of {PAGE}) of two shapes. {describe}."
        " The thin ones are `fake.add_ghosts(n)`; the realistic ones are the fake's own seeded"
        " ghosts (`FakeFocus(seed=2, ghosts=...)`, listed with `include_embodied=true`). The"
        " fake rendered each page once; a replaying `httpx.BaseTransport` serves those bytes"
        " as a stream (as a network transport does), so no fake work is timed. `Focus` runs"
        " on its own transport (no `http_client`), through its wire (request building, the"
        " capped incremental body read, token redaction, quota headers), runner and pager;"
        " the generated client and raw httpx run on an `httpx.Client`."
        f"\n\nEach client is a pyperf benchmark with both models: `{AFTER}`, the generated"
        f" package as it is, and `{BEFORE}`, the same package with its msgspec fast decode"
        " path switched off so that every body takes `from_dict`, as before issue 25. In each"
        f" of {rounds} rounds every client, shape and package runs in its own pyperf worker"
        " process, in an order that rotates by round: pyperf calibrates its loops (first"
        f" round: {min(timed.loops.values())} to {max(timed.loops.values())} listings a"
        " value), runs 1 warm-up and 3 values; the round's figure is their"
        " median. A value is the process CPU time (`time.process_time()`) of one listing of"
        f" {count:,} ghosts, after a `gc.collect()`, scaled to 1,000: at 5,000 a listing ends"
        " before the garbage collector's share (about a fifth of the CPU from 10,000 on) shows,"
        " and the ratios read low. Ratios are taken within a round (paired), then summarised"
        " by their median and interquartile range, with no more decimals than that range"
        " supports. Within one worker the values of a listing vary by"
        f" {statistics.median(timed.within):.1%} (median relative standard deviation), from one"
        f" round's worker to the next by {between:.0%}: most of the spread is the process's"
        " own (its memory layout, its hash seed), which pyperf samples by spawning a process"
        " per run and which pairing by round cannot remove; one long-lived worker per side"
        " would hide it, not avoid it.\n\n" + "\n".join(lines) + "\n\n" + "\n".join(ratio_lines)
    )
    report.sections.append(("2. CPU time per 1,000 ghosts", text))


# --- 2b. profile --------------------------------------------------------------------------

_CATEGORIES: list[tuple[str, Callable[[str, str], bool]]] = [
    (
        "date-time checks and parsing (`expect_datetime`, `fromisoformat`)",
        lambda f, name: "fromisoformat" in name or name == "expect_datetime",
    ),
    ("JSON decoding (`json`)", lambda f, name: "/json/" in f or "_json" in name),
    (
        "import machinery (the Python part cProfile sees)",
        lambda f, name: "importlib" in f or "_handle_fromlist" in name,
    ),
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
        "toggl_focus wire (`_wire/http.py`, `_wire/auth.py`)",
        lambda f, name: "toggl_focus/_wire/http.py" in f or "toggl_focus/_wire/auth.py" in f,
    ),
    ("toggl_focus (runner, pager, quota, checks)", lambda f, name: "toggl_focus/" in f),
    ("the replaying transport", lambda f, name: f.endswith("bench.py")),
]
_OTHER = "other (stdlib, attrs)"


def _category(func: tuple[str, int, str]) -> str | None:
    """Where a profiled function lives; None for builtins, charged to their callers."""
    filename, _, name = func
    filename = filename.replace("\\", "/")
    for label, test in _CATEGORIES:
        if test(filename, name):
            return label
    return None if filename == "~" else _OTHER


def bench_profile(report: Report, data: str, shape: str) -> None:
    """cProfile one Focus listing (today's models, in this process): where the time goes."""
    target, count, shapes = load(data)
    _list_focus(target, shapes[shape])  # warm
    profiler = cProfile.Profile()
    profiler.runcall(_list_focus, target, shapes[shape])
    raw: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in raw.values()) or 1.0
    share: dict[str, float] = {}
    for func, (_, _, tt, _, callers) in raw.items():
        label = _category(func)
        # A builtin's time goes to its callers' categories, in the share each caller spent.
        for owner, spent in (
            [(label, tt)] if label else [(_category(c) or _OTHER, v[2]) for c, v in callers.items()]
        ):
            share[owner] = share.get(owner, 0.0) + 100 * spent / total

    def part(*prefixes: str) -> float:
        return sum(v for k, v in share.items() if k.startswith(prefixes))

    top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:14]
    lines = [
        f"cProfile of one `Focus` listing of {count:,} {shape} ghosts (replayed bytes,"
        " today's models, in the parent process). Self time by where the code lives,"
        " builtins (`dict.pop`, `isinstance`, ...) charged to their callers. cProfile"
        " inflates many small calls, so read the shares, not the times; and it cannot see"
        " inside an `import` statement (the lookup runs in C and lands in the caller's self"
        " time; only importlib's Python helpers show): the paired comparison above, not"
        " this profile, is what measures a change.",
        "",
        "| where | share of self time |",
        "|---|---|",
        *(f"| {k} | {v:.0f}% |" for k, v in sorted(share.items(), key=lambda kv: -kv[1])),
        "",
        "Building the typed models (their `from_dict`, type checks and datetime parsing) is"
        f" {part('generated models', 'type checks', 'date-time'):.0f}% of the self time;"
        f" httpx {part('httpx'):.0f}%, `json` {part('JSON'):.0f}%, and toggl_focus itself"
        f" (wire, runner, pager) {part('toggl_focus'):.0f}%.",
        "",
        "Top functions by self time:",
        "",
        "| function | calls | self % |",
        "|---|---|---|",
    ]
    for (filename, line, name), (_, calls, tt, _, _) in top:
        where = re.sub(r"^.*?(site-packages|generated|extensions|scripts)/", "", filename)
        label = f"`{name}` ({where}:{line})" if line else f"`{name}`"
        lines.append(f"| {label} | {calls:,} | {100 * tt / total:.1f}% |")
    report.sections.append((f"2b. Where `Focus` spends its CPU ({shape} ghosts)", "\n".join(lines)))


# --- 3. async concurrency -----------------------------------------------------------------


def bench_async(report: Report, timed: Timed, count: int, rounds: int) -> None:
    """Wall time by concurrency: AsyncFocus (both models) against raw httpx, paired."""
    got = timed.values
    pages, top = -(-count // PAGE), LEVELS[-1]

    def ms(
        client: str, which: str, level: int, measure: str = "wall", off: bool = False
    ) -> list[float]:
        return [s * 1000 for s in got[Job(client, which, level=level, measure=measure, gc_off=off)]]

    def waves(level: int) -> int:
        return 1 + -(-(pages - 1) // level)

    def speedup(client: str, which: str, level: int) -> Spread:
        return Spread.paired(ms(client, which, LEVELS[0]), ms(client, which, level))

    lines = [
        "| concurrency | client | models | wall ms | speed-up vs concurrency=1 | ideal |"
        " client CPU ms | waves x latency + CPU, ms | wall, / fast path or / raw (paired) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    fit, busy = [], []
    for level in LEVELS:
        for client, which in (("focus", AFTER), ("focus", BEFORE), ("raw", AFTER)):
            wall = Spread.of(ms(client, which, level))
            cpu = model = versus = ""
            if client == "focus" and level > 1:
                cpu_ms = Spread.of(ms(client, which, level, "cpu")).median
                cpu, model = f"{cpu_ms:.0f}", f"{waves(level) * LATENCY * 1000 + cpu_ms:.0f}"
                if which == AFTER:
                    fit.append(wall.median / float(model))
                    busy.append(f"{100 * cpu_ms / wall.median:.0f}% at {level}")
            if which == BEFORE:
                paired = Spread.paired(ms("focus", BEFORE, level), ms("focus", AFTER, level))
                versus = f"from_dict / fast path: {paired.text()}"
            elif client == "raw":
                paired = Spread.paired(ms("focus", AFTER, level), ms("raw", AFTER, level))
                versus = f"Focus / raw: {paired.text()}"
            name = "`AsyncFocus`" if client == "focus" else "raw `httpx.AsyncClient` + `json`"
            lines.append(
                f"| {level} | {name} | {which if client == 'focus' else 'none'} | {wall.value()} |"
                f" {speedup(client, which, level).text('x')} | {pages / waves(level):.2f}x |"
                f" {cpu} | {model} | {versus} |"
            )
    sequential = {m: Spread.of(ms("focus", m, LEVELS[0])).median for m in (AFTER, BEFORE)}
    top_cpu = {m: Spread.of(ms("focus", m, top, "cpu")).median for m in (AFTER, BEFORE)}
    ceiling = {m: sequential[m] / (2 * LATENCY * 1000 + top_cpu[m]) for m in (AFTER, BEFORE)}
    per_page = Spread.of([v / pages for v in ms("focus", AFTER, top, "cpu")])
    gc_share = Spread.paired(ms("focus", AFTER, top, "cpu", True), ms("focus", AFTER, top, "cpu"))
    versus_raw = {
        level: Spread.paired(ms("focus", AFTER, level), ms("raw", AFTER, level)) for level in LEVELS
    }
    report.summary["async"] = {
        "count": count,
        "pages": pages,
        "focus": speedup("focus", AFTER, 8),
        "raw": speedup("raw", AFTER, 8),
        "versus": versus_raw[8],
    }
    report.rows.append(
        Row(
            "3 async wall",
            f"{count:,} realistic ghosts, {LATENCY * 1000:.0f} ms/request, concurrency={top}",
            f"{Spread.of(ms('focus', AFTER, top)).value()} ms",
            f"{sequential[AFTER]:.0f} ms (concurrency=1)",
            f"{speedup('focus', AFTER, top).text('x')} faster",
            f"ideal {pages / waves(top):.0f}x; ceiling with this CPU {ceiling[AFTER]:.0f}x",
        )
    )
    for level in (8, top):
        report.rows.append(
            Row(
                "3 async wall",
                f"the same at concurrency={level}: AsyncFocus vs raw httpx.AsyncClient + json",
                f"{Spread.of(ms('focus', AFTER, level)).value()} ms",
                f"{Spread.of(ms('raw', AFTER, level)).value()} ms",
                versus_raw[level].text(),
                f"speed-ups vs concurrency=1: {speedup('focus', AFTER, level).text('x')} and"
                f" {speedup('raw', AFTER, level).text('x')}",
            )
        )
    gc_text = (
        "Part of that CPU is the cyclic garbage collector, which traverses the decoded pages"
        f" kept until they are read in order: at concurrency {top}, CPU with the collector"
        f" off / on (paired): {gc_share.text()}."
        if gc_share.high < 1
        else "The cyclic garbage collector's share was not measurable in this run (CPU with"
        f" it off / on at concurrency {top}, paired: {gc_share.text()})."
    )
    text = (
        f"{count:,} realistic ghosts in pages of {PAGE} on a replaying async transport that"
        f" awaits `asyncio.sleep({LATENCY})` per request (the server's time; no fake work in"
        " the process), through `AsyncFocus` with both models (section 2) and through raw"
        " `httpx.AsyncClient` + `json.loads` paged the same way: the first page alone (it"
        " brings the total), then up to `concurrency` pages in flight, read in order;"
        f" {pages} requests at every level. Each figure is a pyperf benchmark: wall time"
        " (`time.perf_counter()`) of one listing per worker process, after an untimed listing"
        f" at no latency; CPU time (`time.process_time()`) in workers of its own. {rounds}"
        " rounds, order rotating; ratios paired by round. Ideal speed-up: pages / waves,"
        f" with waves = 1 + ceil((pages - 1) / concurrency); concurrency {top} sends every"
        " later page at once.\n\n"
        "The wall time stays close to waves x latency + the client's CPU time (measured /"
        f" that sum, today's models: {min(fit):.2f} to {max(fit):.2f}): the pages of a wave"
        " come back together and are decoded one after another on the one event loop, and"
        " the next wave's requests start as those pages are consumed, so the client's CPU"
        f" adds to the wall time instead of hiding under the wait. The loop is not saturated"
        f" (CPU / wall {', '.join(busy)}), yet its CPU is on the critical path: with every"
        " page in flight the listing still takes about 2 x latency + CPU, so the speed-up is"
        f" capped near sequential wall / (2 x latency + CPU): {ceiling[AFTER]:.0f}x with"
        f" today's models ({per_page.text(' ms')} of CPU per page of {PAGE} at concurrency"
        f" {top}), {ceiling[BEFORE]:.0f}x with {BEFORE}. Less CPU per page is what lifts it."
        f" {gc_text} Wall times are wall-clock on a shared machine: read the medians.\n\n"
        + "\n".join(lines)
    )
    report.sections.append(("3. AsyncFocus: concurrent pages, against raw httpx", text))


# --- 4. peak memory -----------------------------------------------------------------------


def _peak_while(run: Callable[[], int], expected: int) -> float:
    """Peak traced memory (MiB) above what was allocated before `run`."""
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        if run() != expected:
            raise RuntimeError("the memory bench listed too few ghosts")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / 2**20


def bench_memory(report: Report, small: int, large: int) -> None:
    """Peak memory while iterating `small` and `large` ghosts from one seeded fake."""
    from toggl_focus.testing import FakeFocus

    fake = FakeFocus(seed=4, ghosts=0, users=1)
    fake.add_ghosts(large)  # seeded before tracing: the fake's store is not counted
    target = Target(str(fake.base_url), fake.token, fake.organization_id, fake.workspace_id)

    def focus_loop(limit: int) -> int:  # the fake's request log is the fake's memory: cleared
        seen = 0
        for seen, _ in enumerate(focus.ghosts.list(max_items=limit), start=1):
            if seen % PAGE == 0:
                fake.reset_requests()
        return seen

    def raw_loop(limit: int) -> int:
        headers = {"Authorization": f"Bearer {fake.token}"}
        with httpx.Client(
            base_url=fake.base_url, transport=fake.transport(), headers=headers
        ) as http:
            seen, page = 0, 1
            while seen < limit:
                got = http.get(target.ghosts_path, params={"page": page, "rows": PAGE})
                for _ in json.loads(got.raise_for_status().content)["data"][: limit - seen]:
                    seen += 1
                fake.reset_requests()
                page += 1
            return seen

    peak: dict[str, float] = {}
    with _focus(target, fake.transport()) as focus:
        next(iter(focus.ghosts.list(max_items=1)))  # warm the fake's sorted index once
        # As is: the fake's in-process store (millions of long-lived objects) defers
        # CPython's full collections, so cyclic garbage lingers longer than in a real client.
        peak["unfrozen small"] = _peak_while(lambda: focus_loop(small), small)
        peak["unfrozen large"] = _peak_while(lambda: focus_loop(large), large)
        # Then with the fake's store frozen out of the collector, as if it lived on a server.
        gc.collect()
        gc.freeze()
        try:
            for n, size in (("small", small), ("large", large)):
                peak[f"focus {n}"] = _peak_while(lambda size=size: focus_loop(size), size)  # type: ignore[misc]
                peak[f"raw {n}"] = _peak_while(lambda size=size: raw_loop(size), size)  # type: ignore[misc]
            peak["list small"] = _peak_while(
                lambda: len(list(focus.ghosts.list(max_items=small))), small
            )
        finally:
            gc.unfreeze()
    growth = peak["focus large"] / peak["focus small"]
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
            f"{peak['raw large'] / peak['raw small']:.2f}",
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
    text = (
        f"`tracemalloc` peak above the starting point while iterating (not keeping) thin"
        f" ghosts from one fake seeded with {large:,} before tracing started (so its store is"
        " not counted; its per-page rendering runs in-process and is counted; its request"
        " log is cleared every page). With the fake's store frozen out of the garbage"
        " collector (`gc.freeze()`, as if it lived on a server, which it does for a real"
        f" client): Focus peaks at {peak['focus small']:.2f} MiB for {small:,} ghosts and"
        f" {peak['focus large']:.2f} MiB for {large:,} ({growth:.2f}x for {large // small}x"
        f" the items); the raw httpx + json loop at {peak['raw small']:.2f} and"
        f" {peak['raw large']:.2f} MiB. For contrast, `list()` of {small:,} ghosts peaks at"
        f" {peak['list small']:.2f} MiB. One run each: tracemalloc counts allocations, which"
        " do not depend on the machine's load.\n\nWithout the freeze the peaks were"
        f" {peak['unfrozen small']:.2f} and {peak['unfrozen large']:.2f} MiB. The difference"
        " is garbage, not kept items: every httpx response is in a reference cycle with its"
        " stream, so it is freed by the cyclic collector rather than at once, and with"
        " millions of long-lived objects in the process (the fake's store) CPython runs full"
        " collections rarely, so the cycles that reach the oldest generation pile up until"
        " one runs. A real client's heap does not hold the server's data."
    )
    report.sections.append(("4. Peak memory while iterating", text))


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
#: What each fresh interpreter does, and how the doc names it.
PROBES = {
    "httpx": "`import httpx`",
    "toggl_focus_api": "`import toggl_focus_api` (the generated client)",
    "toggl_focus": "`import toggl_focus`",
    "first-use": "`import toggl_focus`, then `Focus(...)` and its `.ghosts`",
}


@contextlib.contextmanager
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


def _run(python: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, *argv], cwd=tempfile.gettempdir(), check=True, capture_output=True, text=True
    )


def bench_imports(report: Report, rounds: int) -> None:
    """Import time of toggl_focus against httpx and the generated client, paired by round,
    in fresh interpreters of a venv with the runtime dependencies only."""
    with runtime_python() as python:
        for probe in PROBES:  # warm the file cache and the bytecode caches
            _run(python, "-c", _IMPORT_PROBE, probe)
        runs: dict[str, list[list[float]]] = {p: [] for p in PROBES}
        order = list(PROBES)
        for index in range(rounds):
            shift = index % len(order)
            for probe in order[shift:] + order[:shift]:
                out = _run(python, "-c", _IMPORT_PROBE, probe).stdout.split()
                runs[probe].append([float(v) for v in out])
        # What `import toggl_focus` loads beyond `import httpx`: -X importtime self times.
        added: dict[str, list[float]] = {}
        for _ in range(5):
            times = {}
            for module in ("httpx", "toggl_focus"):
                err = _run(python, "-X", "importtime", "-c", f"{_BARE}\nimport {module}").stderr
                found = re.findall(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", err)
                times[module] = {name: us for us, name in found}
            totals: dict[str, float] = {}
            for name, us in times["toggl_focus"].items():
                if name not in times["httpx"]:
                    group = name.split(".")[0]
                    totals[group] = totals.get(group, 0.0) + int(us) / 1000
            for group, ms in totals.items():
                added.setdefault(group, []).append(ms)
    cpu = {p: [r[0] for r in runs[p]] for p in PROBES}
    generated = ROOT / "generated" / "toggl_focus_api"
    all_models = len(list((generated / "models").glob("[!_]*.py")))
    all_ops = len(list((generated / "api").glob("*/[!_]*.py")))

    def loaded(probe: str) -> str:
        _, _, found_models, found_ops = runs[probe][-1]
        return f"{found_models:.0f} of {all_models} models, {found_ops:.0f} of {all_ops} operations"

    ratio = {p: Spread.paired(cpu[p], cpu["httpx"]) for p in PROBES}
    report.summary["import"], report.summary["first use"] = ratio["toggl_focus"], ratio["first-use"]
    report.rows.append(
        Row(
            "5 import time",
            "`import toggl_focus` vs `import httpx` (CPU)",
            f"{Spread.of(cpu['toggl_focus']).value()} ms",
            f"{Spread.of(cpu['httpx']).value()} ms",
            ratio["toggl_focus"].text(),
            f"loads {loaded('toggl_focus')}",
        )
    )
    lines = [
        "| what | CPU ms, median (IQR) | wall ms, median | / `import httpx` (CPU, paired) |"
        " generated code loaded |",
        "|---|---|---|---|---|",
    ]
    for probe, label in PROBES.items():
        wall = Spread.of([r[1] for r in runs[probe]]).value()
        share, what = ("1", "") if probe == "httpx" else (ratio[probe].text(), loaded(probe))
        lines.append(f"| {label} | {Spread.of(cpu[probe]).text()} | {wall} | {share} | {what} |")
    lines += [
        "",
        "What `import toggl_focus` loads beyond `import httpx`, by top-level package and"
        " self time (`python -X importtime`, median of 5 runs; importtime's own overhead"
        " inflates every figure, so read the shares):",
        "",
        "| package | ms |",
        "|---|---|",
    ]
    medians = {group: statistics.median(v) for group, v in added.items()}
    lines += [f"| `{g}` | {ms:.1f} |" for g, ms in sorted(medians.items(), key=lambda kv: -kv[1])]
    text = (
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
        " `import httpx` costs what it costs a user. Not pyperf workers: `import pyperf`"
        " loads 60 of the 211 modules `import httpx` loads, which would then look cheaper."
        "\n\n" + "\n".join(lines)
    )
    report.sections.append(("5. Import time", text))


# --- 6. make client -----------------------------------------------------------------------


def bench_codegen(report: Report) -> None:
    """Wall time of `make client`'s work, into a temporary directory (generated/ untouched)."""
    env = {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "toggl_focus_api"
        start = time.perf_counter()
        for command in (
            ["scripts/codegen/generate.sh", "openapi/focus.yaml", str(out)],
            [sys.executable, "scripts/pagination_meta.py", "--check", "openapi/focus.yaml"],
        ):
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        diff = ["diff", "-rq", "-x", "__pycache__", str(out), "generated/toggl_focus_api"]
        same = subprocess.run(diff, cwd=ROOT, capture_output=True).returncode == 0
    report.rows.append(
        Row(
            "6 make client",
            "generate + pagination rules",
            f"{elapsed:.1f} s",
            "",
            "",
            "output identical to generated/" if same else "OUTPUT DIFFERS from generated/",
        )
    )
    text = (
        f"{elapsed:.1f} s wall (one run) for what `make client` runs:"
        " `scripts/codegen/generate.sh openapi/focus.yaml <tmp>/toggl_focus_api`"
        " (openapi-python-client plus the ruff post hooks) and `scripts/pagination_meta.py`"
        " (in `--check` mode), with `.venv/bin` first on PATH. It generates into a"
        " temporary directory, so the committed `generated/` is not rewritten; the output"
        f" was {'identical to' if same else 'DIFFERENT from'} `generated/toggl_focus_api`."
    )
    report.sections.append(("6. `make client`", text))


# --- output -------------------------------------------------------------------------------


def render_markdown(rows: list[Row]) -> str:
    """The results as a Markdown table (printed, and written to the doc)."""
    lines = [
        "| bench | case | toggl_focus | baseline | ratio | note |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.bench} | {r.case} | {r.focus} | {r.baseline} | {r.ratio} | {r.note} |" for r in rows
    ]
    return "\n".join(lines)


def write_doc(report: Report, meta: dict[str, Any], command: str, seconds: float) -> None:
    """Write the results, the machine (as pyperf's workers recorded it) and the command."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    parts = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench.py` (run `make bench` to measure again and rewrite this"
        " file and the README's performance paragraph). Every comparison was measured side by"
        " side in the same run, against the fake server `toggl_focus.testing.FakeFocus` or"
        " bytes it rendered once; timings run on pyperf. No test asserts a duration; the"
        " request counts are asserted exactly by tests/test_request_counts.py, whose"
        " scenarios this run printed. The machine is shared: a ratio is the median of"
        " per-round paired ratios, given with its interquartile range (IQR) and no more"
        " decimals than that range supports.",
        "",
        f"- command: `{command}`",
        f"- date: {when} (the run took {seconds:.0f} s)",
        f"- CPU: {meta.get('cpu_model_name', 'unknown')}",
        f"- cores: {meta.get('cpu_count', '?')} logical",
        f"- Python: {meta.get('python_implementation', '')} {meta.get('python_version', '')}",
        f"- httpx: {httpx.__version__}, pyperf: {pyperf.__version__}",
        f"- OS: {meta.get('platform', 'unknown')}",
        f"- load average at the end (1, 5, 15 min): {load}",
        "",
        "## Results",
        "",
        render_markdown(report.rows),
        "",
        "`ratio` is toggl_focus / baseline (requests, CPU, memory, import time, async wall);"
        " for async against concurrency=1 it is the speed-up.",
    ]
    for title, text in report.sections:
        parts += ["", f"## {title}", "", text]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text("\n".join(parts) + "\n")


def readme_counts(counts: dict[str, Any]) -> str:
    """The README's request-count sentences (tests/test_request_counts.py checks them)."""
    ours, careful, naive = counts["ghosts"]
    plans, (reads, cost, replan) = counts["plans"], counts["hours"]
    made = {shape: r + c for shape, (r, c, _) in plans.items()}
    return (
        f"Listing 1,000 ghosts costs {ours} requests through `Focus`, {careful} with a careful"
        " loop over the generated client (`rows=100`, stopping on `total`) and"
        f" {naive} with the naive one (default `rows=50`, paging until an empty page): the"
        " facade saves writing and guarding that loop, not requests. What does save"
        f' requests: 20 `invite_and_embody(..., role="member")` calls send'
        f" {counts['roles'][1]} `GET roles`, not {counts['roles'][0]} (cached per client), and"
        f" {counts['documented']} requests in all with the documented `LookupInviter`;"
        " `embody_many` with a `LookupInviter` finds 20 people among 120 members in"
        f" {counts['lookups'][1]} requests, not {counts['lookups'][0]}, and re-running it"
        f" once finished costs {counts['rerun'][1]}, not {counts['rerun'][0]}; a listing of"
        " 550 ghosts stopped by a spent quota at page 4 goes on with `start_page` for"
        f" {counts['resume'][1]} requests in all, not {counts['resume'][0]}. Reconciling"
        " 1,000 desired ghosts with a ghost plan (`focus.ghosts.plan`, reads + cost) takes"
        f" {made['create-only']} requests when all are new, {made['mixed']} for half new and"
        f" a quarter changed, and {made['prune']} with `prune=True` deleting 500 (one request"
        " per delete); a per-ghost loop over the same listing takes"
        f" {plans['create-only'][2]}, {plans['mixed'][2]} and {plans['prune'][2]}. A plan of"
        f" 350 changes with working hours reads {reads} and applies for {cost}; planning it"
        f" again reads {replan}. tests/test_request_counts.py asserts every count."
    )


def readme_summary(report: Report) -> str:
    """The README's performance paragraph, from this run's figures."""
    s = report.summary
    real, thin, run = s["cpu realistic"], s["cpu thin"], s["async"]
    text = (
        "`make bench` measures against the fake server and rewrites"
        " [docs/benchmarks.md](docs/benchmarks.md) (machine, date, command) and this"
        " paragraph. Ratios are medians of paired per-round ratios, with their interquartile"
        " range (IQR); timings run on pyperf. " + readme_counts(s) + " Client CPU per 1,000"
        " realistic ghosts (projects, tasks, teams, timestamps) is about"
        f" {real['focus'].value()} ms, {real['raw'].text('x')} raw `httpx` + `json`; on thin"
        f" ghosts (nothing assigned) {thin['raw'].text('x')}. That is the price of typed,"
        " checked models: the generated client alone costs the same (`Focus` / generated:"
        f" {real['facade'].text('x')}). The generated msgspec fast decode path (issue 25;"
        f" `from_dict` stays the exact fallback) cut `Focus` CPU to {real['change'].text('x')}"
        f" of what `from_dict` alone costs on realistic ghosts and {thin['change'].text('x')}"
        f" on thin ones. A field the spec does not list stays on that path:"
        f" {s['cpu realistic + 1 unknown field']['raw'].text('x')} raw with one per ghost,"
        f" {s['cpu realistic + 2 unknown fields']['raw'].text('x')} with two (their order"
        " needs a second, shallow decode)."
        f" `AsyncFocus` with `concurrency=8` lists {run['count']:,} ghosts at"
        f" {LATENCY * 1000:.0f} ms latency {run['focus'].text('x')} faster than one page at a"
        f" time, with the same {run['pages']} requests; raw `httpx.AsyncClient` + `json` paged"
        f" the same way {run['raw'].text('x')}; at that concurrency `AsyncFocus` takes"
        f" {run['versus'].text('x')} the raw client's wall time. Peak memory while iterating"
        f" 100,000 ghosts is {s['memory']:.2f} MiB (flat in N). `import toggl_focus` takes"
        f" {s['import'].text('x')} the CPU time of `import httpx` ({s['first use'].text('x')}"
        " with `Focus(...)` and its first resource)."
    )
    return textwrap.fill(text, 92, break_long_words=False, break_on_hyphens=False)


def write_readme(summary: str) -> None:
    """Replace the text between the bench markers in the README."""
    text = README.read_text()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise RuntimeError(
            f"README.md: the markers {README_START!r} ... {README_END!r} are missing"
        )
    README.write_text(f"{text[: start + len(README_START)]}\n{summary}\n{text[end:]}")


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    start = time.perf_counter()
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    yield
    print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def _worker_args(cmd: list[str], args: Any) -> None:
    """What a pyperf worker needs of our options: the recorded pages, and the rounds."""
    cmd += ["--data", args.data] + ["--quick"] * args.quick


def main() -> int:
    """Run every benchmark, print the table, write the doc and the README paragraph; in a
    pyperf worker (`--worker`), run the one timing pyperf asks for."""
    runner = pyperf.Runner(processes=1, add_cmdline_args=_worker_args)
    runner.argparser.description = __doc__.splitlines()[0] if __doc__ else None
    runner.argparser.add_argument("--no-write", action="store_true", help="print only")
    runner.argparser.add_argument(
        "--quick",
        action="store_true",
        help="smaller and fewer runs, for a smoke run (writes nothing)",
    )
    runner.argparser.add_argument("--data", help=argparse.SUPPRESS)
    args = runner.parse_args()
    cpu_rounds, async_rounds = (3, 1) if args.quick else (11, 3)
    if args.quick:  # listings of 1,000: one per value, not the 0.1 s of loops pyperf aims at
        args.min_time = 0.001
    if args.worker:
        run_rounds(runner, cpu_jobs(), cpu_rounds)
        run_rounds(runner, async_jobs(), async_rounds)
        return 0
    args.quiet = True
    report = Report()
    started = time.perf_counter()
    with _step("1 and 7: request counts (tests/request_counts.py)"):
        bench_requests(report)
        bench_plans(report)
    with tempfile.TemporaryDirectory() as tmp:
        count = 1_000 if args.quick else CPU_GHOSTS
        with _step(f"2 and 3: record {count:,} ghosts of each shape"):
            args.data = str(Path(tmp) / "pages.pickle")
            _, stats = record(Path(args.data), count)
        with _step("2 CPU time (pyperf)"):
            cpu = run_rounds(runner, cpu_jobs(), cpu_rounds)
        with _step("3 async concurrency (pyperf)"):
            wall = run_rounds(runner, async_jobs(), async_rounds)
        with _step("2b profile"):
            bench_profile(report, args.data, "realistic")
    bench_cpu(report, cpu, count, cpu_rounds, stats)
    bench_async(report, wall, count, async_rounds)
    with _step("4 peak memory"):
        bench_memory(report, small=10_000, large=20_000 if args.quick else 100_000)
    with _step("5 import time"):
        bench_imports(report, rounds=3 if args.quick else 21)
    with _step("6 make client"):
        if shutil.which("openapi-python-client", path=str(ROOT / ".venv" / "bin")):
            bench_codegen(report)
        else:
            print("bench: .venv/bin/openapi-python-client not found; skipped", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(render_markdown(report.rows))
    if not args.no_write and not args.quick:
        command = "make bench" if os.environ.get("MAKELEVEL") else "python scripts/bench.py"
        write_doc(report, cpu.metadata, command, seconds)
        write_readme(readme_summary(report))
        print(f"\nwrote {DOC.relative_to(ROOT)} and README.md (between the bench markers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
