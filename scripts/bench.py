#!/usr/bin/env python3
"""`make bench`: measure toggl_focus's request economy and overhead against the fake server.

Every comparison runs side by side in one process, against `toggl_focus.testing.FakeFocus`:

1. requests to list N ghosts / N users: `Focus` against the naive loop a user would write
   with the generated client alone (default page size, page until an empty page);
2. CPU time per 1,000 ghosts: `Focus` (typed models) against raw httpx + `json`, both
   reading the same pre-rendered responses, so the fake's own work is left out of both
   (profiled when the ratio is above 1.5);
3. `AsyncFocus` wall time for 5,000 ghosts at 50 ms per request: sequential against
   concurrent page fetching;
4. peak traced memory while iterating 10,000 and 100,000 ghosts (flat, not growing);
5. how long `make client` takes (its generation step, into a temporary directory).

Prints one table and writes it, with the machine and the command, to docs/benchmarks.md
(`--no-write` to skip). Durations are measured here only; the test suite asserts counts.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

from toggl_focus import AsyncFocus, Focus
from toggl_focus.testing import FakeFocus
from toggl_focus_api import AuthenticatedClient
from toggl_focus_api.api.ghosts import list_ghosts
from toggl_focus_api.api.organization import list_users
from toggl_focus_api.models import GhostPage, OrganizationUser

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
PAGE = 100  # the API's largest page, what Focus asks for
RATIO_TO_PROFILE = 1.5


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
    """Everything a run measured: the table rows plus free-text sections for the doc."""

    rows: list[Row] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)


def _focus(fake: FakeFocus, transport: httpx.BaseTransport | None = None) -> Focus:
    """A Focus client answering in-process (from the fake, or from `transport`)."""
    http = httpx.Client(transport=transport or fake.transport())
    return Focus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=http,
    )


def _generated(
    fake: FakeFocus, transport: httpx.BaseTransport | None = None
) -> AuthenticatedClient:
    """The generated client as a user would set it up, on the same in-process transport."""
    return AuthenticatedClient(
        base_url=fake.base_url,
        token=fake.token,
        httpx_args={"transport": transport or fake.transport()},
    )


# --- 1. request economy -------------------------------------------------------------------


def _naive_ghosts(fake: FakeFocus) -> int:
    """The loop a user writes with the generated client: default rows, until an empty page."""
    client = _generated(fake)
    seen, page = 0, 1
    while True:
        got = list_ghosts.sync(fake.organization_id, fake.workspace_id, client=client, page=page)
        if not isinstance(got, GhostPage):
            raise RuntimeError(f"unexpected answer {got!r}")
        if not got.data:
            return seen
        seen += len(got.data)
        page += 1


def _naive_users(fake: FakeFocus) -> int:
    """Same for users: default per_page (the server's), until an empty array."""
    client = _generated(fake)
    seen, page = 0, 1
    while True:
        got = list_users.sync(fake.organization_id, client=client, page=page)
        if not isinstance(got, list) or not all(isinstance(u, OrganizationUser) for u in got):
            raise RuntimeError(f"unexpected answer {got!r}")
        if not got:
            return seen
        seen += len(got)
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
    """Requests spent listing N ghosts and N users: Focus against the naive generated loop."""
    for n in (0, 1, 99, 100, 101, 1000):
        fake = FakeFocus(seed=1, ghosts=0, users=1)
        fake.add_ghosts(n)
        with _focus(fake) as focus:
            got, ours = _count(fake, partial(_iterate, focus.ghosts.list))
        naive_got, naive = _count(fake, partial(_naive_ghosts, fake))
        assert got == naive_got == n, (got, naive_got, n)
        report.rows.append(
            Row("1 requests", f"list {n} ghosts", str(ours), str(naive), f"{ours / naive:.2f}")
        )
    for asked in (1, 99, 100, 101, 1000):
        fake = FakeFocus(seed=1, ghosts=0, users=asked)
        n = len(fake.state.users)
        with _focus(fake) as focus:
            got, ours = _count(fake, partial(_iterate, focus.users.list))
        naive_got, naive = _count(fake, partial(_naive_users, fake))
        assert got == naive_got == n, (got, naive_got, n)
        note = "" if n == asked else f"FakeFocus(users={asked}) holds {n}"
        report.rows.append(
            Row("1 requests", f"list {n} users", str(ours), str(naive), f"{ours / naive:.2f}", note)
        )
    report.sections.append(
        (
            "1. Request economy",
            "Baseline: the generated client alone, as its docs suggest: `list_ghosts.sync(...,"
            " page=p)` with the default `rows=50` and `list_users.sync(..., page=p)` with no"
            " `per_page` (the server's default, 50), paging until an empty page. `Focus` asks"
            " for 100 per page, stops on the total (ghosts) or on a short page (users, a bare"
            " array with no total: a full last page costs one more request). Requests are"
            " counted by the fake (`fake.request_count`); both sides listed the same items."
            " The fake needs at least one user (the token's owner), so users start at N=1.",
        )
    )


# --- 2. CPU time --------------------------------------------------------------------------


class ReplayTransport(httpx.BaseTransport):
    """Answers each ghosts page from responses the fake rendered once, so no fake work is timed."""

    def __init__(self, pages: dict[int, tuple[bytes, list[tuple[str, str]]]]) -> None:
        self.pages = pages

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded answer for the request's `page` (and `rows=100`)."""
        if request.url.params.get("rows") != str(PAGE):
            return httpx.Response(400, json={"error": "bench expects rows=100"})
        body, headers = self.pages[int(request.url.params["page"])]
        return httpx.Response(200, headers=headers, content=body, request=request)


def _record_pages(fake: FakeFocus, count: int) -> ReplayTransport:
    """Render every page of `count` ghosts once with the fake."""
    pages: dict[int, tuple[bytes, list[tuple[str, str]]]] = {}
    with fake.client() as http:
        for page in range(1, max(1, -(-count // PAGE)) + 1):
            got = http.get(_ghosts_path(fake), params={"page": page, "rows": PAGE})
            got.raise_for_status()
            pages[page] = (got.content, list(got.headers.multi_items()))
    return ReplayTransport(pages)


def _ghosts_path(fake: FakeFocus) -> str:
    return f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts"


def _list_focus(fake: FakeFocus, transport: httpx.BaseTransport) -> Callable[[], int]:
    """Focus: typed models, lazily, with its runner, hooks and pager."""

    def run() -> int:
        with _focus(fake, transport) as focus:
            return sum(1 for _ in focus.ghosts.list())

    return run


def _list_generated(fake: FakeFocus, transport: httpx.BaseTransport) -> Callable[[], int]:
    """The generated client's `list_ghosts.sync`, 100 per page: the same models, no facade."""

    def run() -> int:
        client = _generated(fake, transport)
        seen, page = 0, 1
        while True:
            got = list_ghosts.sync(
                fake.organization_id, fake.workspace_id, client=client, page=page, rows=PAGE
            )
            assert isinstance(got, GhostPage) and isinstance(got.total, int)
            seen += sum(1 for _ in got.data)
            if page * PAGE >= got.total:
                return seen
            page += 1

    return run


def _list_raw(fake: FakeFocus, transport: httpx.BaseTransport) -> Callable[[], int]:
    """Raw httpx + `json.loads`: dicts, no models, no checks beyond the status."""

    def run() -> int:
        headers = {"Authorization": f"Bearer {fake.token}"}
        with httpx.Client(base_url=fake.base_url, transport=transport, headers=headers) as http:
            seen, page = 0, 1
            while True:
                got = http.get(_ghosts_path(fake), params={"page": page, "rows": PAGE})
                got.raise_for_status()
                body = json.loads(got.content)
                seen += sum(1 for _ in body["data"])
                if page * PAGE >= body["total"]:
                    return seen
                page += 1

    return run


def _cpu_ms(runs: dict[str, Callable[[], int]], expected: int, repeat: int) -> dict[str, float]:
    """Best process CPU time (ms) of each run over `repeat` interleaved rounds, after a warm-up.

    Rounds interleave the contenders so that load from other processes hits all of them
    alike; the minimum is the least disturbed run (as `timeit` advises).
    """
    for run in runs.values():
        assert run() == expected
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start = time.process_time()
            got = run()
            times[name].append((time.process_time() - start) * 1000)
            assert got == expected
    return {name: min(values) for name, values in times.items()}


def bench_cpu(report: Report, n: int, repeat: int) -> None:
    """CPU per 1,000 ghosts: Focus against raw httpx + json (and the generated client)."""
    fake = FakeFocus(seed=2, ghosts=0, users=1)
    fake.add_ghosts(n)
    replay = _record_pages(fake, n)
    live = fake.transport()
    runs = {
        "focus": _list_focus(fake, replay),
        "generated": _list_generated(fake, replay),
        "raw": _list_raw(fake, replay),
        "live_focus": _list_focus(fake, live),
        "live_raw": _list_raw(fake, live),
    }
    ms = {name: value * 1000 / n for name, value in _cpu_ms(runs, n, repeat).items()}
    focus, generated, raw = ms["focus"], ms["generated"], ms["raw"]
    live_focus, live_raw = ms["live_focus"], ms["live_raw"]
    ratio = focus / raw
    facade = focus - generated
    facade_text = (
        f"adds {facade:.2f} ms"
        if facade > 0.05 * focus
        else f"adds nothing measurable ({facade:+.2f} ms, within run-to-run noise)"
    )
    report.rows += [
        Row(
            "2 CPU",
            "ms / 1,000 ghosts: Focus vs raw httpx+json",
            f"{focus:.2f}",
            f"{raw:.2f}",
            f"{ratio:.2f}",
            "replayed responses: client cost only",
        ),
        Row(
            "2 CPU",
            "ms / 1,000 ghosts: Focus vs generated client",
            f"{focus:.2f}",
            f"{generated:.2f}",
            f"{focus / generated:.2f}",
            "same models; facade cost",
        ),
        Row(
            "2 CPU",
            "ms / 1,000 ghosts, fake included",
            f"{live_focus:.2f}",
            f"{live_raw:.2f}",
            f"{live_focus / live_raw:.2f}",
            f"fake rendering ~{live_raw - raw:.2f} ms",
        ),
    ]
    text = (
        f"Listing {n:,} ghosts ({n // PAGE} pages of {PAGE}): best `time.process_time()` of"
        f" {repeat} interleaved rounds after a warm-up, scaled to 1,000 ghosts. The fake"
        " rendered each page once; a replaying `httpx.BaseTransport` then serves those bytes to"
        " all three clients, so the fake's own work is in none of the first two rows. The third"
        " row runs against the live in-process fake (its JSON rendering counted on both sides)."
        f"\n\n| client | ms per 1,000 ghosts |\n|---|---|\n| raw httpx + `json.loads` (dicts) |"
        f" {raw:.2f} |\n| generated `list_ghosts.sync`, rows=100 (typed models) |"
        f" {generated:.2f} |\n| `Focus.ghosts.list()` (typed models) | {focus:.2f} |\n"
        f"\nRatio Focus / raw: **{ratio:.2f}**. Of the gap, building the generated, typed"
        f" models accounts for {generated - raw:.2f} ms per 1,000 ghosts (generated client"
        f" against raw), and the `Focus` layer on top (runner, hooks, pager) {facade_text}."
    )
    if ratio > RATIO_TO_PROFILE:
        text += "\n\n" + _profile(_list_focus(fake, replay), n)
    report.sections.append(("2. CPU time per 1,000 ghosts", text))


_IMPORTS = "imports run on every `from_dict` call (generated code, via importlib)"
_CATEGORIES: list[tuple[str, Callable[[str, str], bool]]] = [
    ("datetime parsing (`fromisoformat`)", lambda f, name: "fromisoformat" in name),
    ("JSON decoding (`json`)", lambda f, name: "/json/" in f or "_json" in name),
    (_IMPORTS, lambda f, name: "importlib" in f or "_handle_fromlist" in name),
    (
        "generated models (`from_dict`, attrs `__init__`)",
        lambda f, name: "toggl_focus_api/models" in f or f.startswith("<attrs generated"),
    ),
    (
        "generated operations (`_get_kwargs`, `_parse_response`, ...)",
        lambda f, name: "toggl_focus_api" in f,
    ),
    (
        "httpx (client, request, response, URL, headers)",
        lambda f, name: "/httpx/" in f or "/h11/" in f or "/httpcore/" in f,
    ),
    ("toggl_focus (runner, hooks, pager, quota, auth)", lambda f, name: "toggl_focus/" in f),
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


def _profile(run: Callable[[], int], n: int) -> str:
    """cProfile one Focus listing: self time by category and the top functions (Markdown)."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    raw: dict[Func, FuncStats] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in raw.values()) or 1.0
    by_category = _self_time_by_category(raw)
    lines = [
        f"Above {RATIO_TO_PROFILE}, so profiled: cProfile of one `Focus` listing of {n:,} ghosts"
        " (replayed responses). Self time by where the code lives, builtins (`dict.pop`,"
        " `isinstance`, ...) charged to their callers; cProfile inflates many small calls,"
        " so read the shares, not the absolute times:",
        "",
        "| where | share of self time |",
        "|---|---|",
    ]
    for label, tt in sorted(by_category.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {100 * tt / total:.1f}% |")
    share = {label: 100 * tt / total for label, tt in by_category.items()}
    models = sum(v for k, v in share.items() if k.startswith("generated models") or k == _IMPORTS)
    ours = sum(v for k, v in share.items() if k.startswith("toggl_focus"))
    lines += [
        "",
        f"Where the time goes: turning JSON into the typed models is {models:.0f}% (the"
        " generated `from_dict` methods, the builtins they call, and the imports they run on"
        f" every call: {share.get(_IMPORTS, 0.0):.0f}% alone, an easy win for a generator"
        " template); httpx is"
        f" {sum(v for k, v in share.items() if k.startswith('httpx')):.0f}%, `json`"
        f" {sum(v for k, v in share.items() if k.startswith('JSON')):.0f}%, datetime parsing"
        f" {sum(v for k, v in share.items() if k.startswith('datetime')):.0f}%, and toggl_focus"
        f" itself {ours:.0f}%. The ratio is the price of typed models over dicts, which the"
        " generated client pays too"
        + ("; `Focus` adds little to it." if ours < 10 else f"; `Focus` adds {ours:.0f}%."),
    ]
    lines += [
        "",
        "Top functions by self time:",
        "",
        "| function | calls | self % |",
        "|---|---|---|",
    ]
    top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:12]
    for (filename, line, name), (_, calls, tt, _, _) in top:
        where = _short_path(filename)
        label = f"`{name}` ({where}:{line})" if line else f"`{name}`"
        lines.append(f"| {label} | {calls:,} | {100 * tt / total:.1f}% |")
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    filename = filename.replace("\\", "/")
    for marker in ("site-packages/", "generated/", "extensions/", "scripts/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1]


# --- 3. async concurrency -----------------------------------------------------------------


async def _async_list(fake: FakeFocus, concurrency: int) -> tuple[float, int, int]:
    """Wall seconds, items and requests for one AsyncFocus listing at `concurrency`."""
    http = httpx.AsyncClient(transport=fake.async_transport())
    async with AsyncFocus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=http,
    ) as focus:
        fake.reset_requests()
        start = time.perf_counter()
        items = 0
        async for _ in focus.ghosts.list(concurrency=concurrency):
            items += 1
        elapsed = time.perf_counter() - start
    await http.aclose()
    return elapsed, items, fake.request_count


def bench_async(report: Report, n: int, latency: float, concurrency: int, repeat: int) -> None:
    """AsyncFocus wall time with injected latency: sequential against concurrent pages."""
    fake = FakeFocus(seed=3, ghosts=0, users=1)
    fake.add_ghosts(n)
    fake.latency = latency
    results: dict[int, tuple[float, int, int]] = {}
    for level in (1, concurrency):
        runs = [asyncio.run(_async_list(fake, level)) for _ in range(repeat)]
        assert all(items == n for _, items, _ in runs)
        results[level] = min(runs)
    seq, conc = results[1], results[concurrency]
    report.rows.append(
        Row(
            "3 async wall",
            f"{n:,} ghosts, {latency * 1000:.0f} ms/request",
            f"{conc[0]:.2f} s (concurrency={concurrency})",
            f"{seq[0]:.2f} s (concurrency=1)",
            f"{seq[0] / conc[0]:.2f}x faster",
            f"requests: {conc[2]} vs {seq[2]}",
        ),
    )
    report.sections.append(
        (
            "3. AsyncFocus: concurrent page fetching",
            f"{n:,} ghosts in pages of {PAGE} through `AsyncFocus` on the fake's in-process async"
            f" transport with `fake.latency = {latency}` (awaited with `asyncio.sleep`), best of"
            f" {repeat} wall-clock runs. The first page is fetched alone (it brings the total);"
            f" then up to `concurrency` pages are in flight. Sequential: {seq[0]:.2f} s,"
            f" {seq[2]} requests; concurrency={concurrency}: {conc[0]:.2f} s, {conc[2]}"
            f" requests. Speed-up {seq[0] / conc[0]:.2f}x; items arrive in order either way."
            f" The ideal is {seq[2]}/(1 + ceil({seq[2] - 1}/{concurrency})) ="
            f" {seq[2] / (1 + -(-(seq[2] - 1) // concurrency)):.2f}x.",
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
        with httpx.Client(base_url=fake.base_url, transport=transport, headers=headers) as http:
            seen, page = 0, 1
            while seen < limit:
                got = http.get(_ghosts_path(fake), params={"page": page, "rows": PAGE})
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
    with _focus(fake) as focus:
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
            f"`tracemalloc` peak above the starting point while iterating (not keeping) ghosts"
            f" from one fake seeded with {large:,} before tracing started (so its store is not"
            " counted; its per-page rendering runs in-process and is counted; its request log"
            " is cleared every page). With the fake's store frozen out of the garbage"
            " collector (`gc.freeze()`, as if it lived on a server, which it does for a real"
            f" client): Focus peaks at {peak['focus small']:.2f} MiB for {small:,} ghosts and"
            f" {peak['focus large']:.2f} MiB for {large:,} ({growth:.2f}x for"
            f" {large // small}x the items); the raw httpx + json loop at"
            f" {peak['raw small']:.2f} and {peak['raw large']:.2f} MiB. For contrast,"
            f" `list()` of {small:,} ghosts peaks at {peak['list small']:.2f} MiB."
            "\n\nWithout the freeze the peaks were"
            f" {peak['focus small, unfrozen']:.2f} and {peak['focus large, unfrozen']:.2f} MiB."
            " The difference is garbage, not kept items: every httpx response is in a"
            " reference cycle with its stream (`Response.stream` is a `BoundSyncStream` that"
            " points back at the response), so it is freed by the cyclic collector rather than"
            " at once, and with millions of long-lived objects in the process (the fake's"
            " store) CPython runs full collections rarely, so the cycles that reach the oldest"
            " generation pile up until one runs. A real client's heap does not hold the"
            " server's data.",
        )
    )


# --- 5. make client -----------------------------------------------------------------------


def bench_codegen(report: Report) -> None:
    """Wall time of `make client`'s work, into a temporary directory (generated/ untouched)."""
    env = {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}"}
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
            "5 make client",
            "generate + pagination rules",
            f"{elapsed:.1f} s",
            "",
            "",
            "output identical to generated/" if same else "OUTPUT DIFFERS from generated/",
        ),
    )
    report.sections.append(
        (
            "5. `make client`",
            f"{elapsed:.1f} s wall for what `make client` runs: `scripts/codegen/generate.sh"
            " openapi/focus.yaml <tmp>/toggl_focus_api` (openapi-python-client plus the ruff"
            " post hooks) and `scripts/pagination_meta.py` (in `--check` mode), with"
            " `.venv/bin` first on PATH. It generates into a temporary directory, so the"
            " committed `generated/` is not rewritten; the output was"
            f" {'identical to' if same else 'DIFFERENT from'} `generated/toggl_focus_api`.",
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
        " file). Every comparison was measured side by side in the same run, in one process,"
        " against the fake server `toggl_focus.testing.FakeFocus`. No test asserts a duration;"
        " the test suite asserts request counts only.",
        "",
        f"- command: `{command}`",
        f"- date: {when} (the run took {seconds:.0f} s)",
        info,
        "",
        "## Results",
        "",
        render_markdown(report.rows),
        "",
        "`ratio` is toggl_focus / baseline (requests, CPU, memory); for async it is the speed-up.",
    ]
    for title, text in report.sections:
        parts += ["", f"## {title}", "", text]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n")


@contextmanager
def _step(name: str) -> Iterator[None]:
    start = time.perf_counter()
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    yield
    print(f"bench: {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the table, write the doc."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", type=Path, default=DOC, help="Markdown file to (re)write")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    quick = args.quick
    report = Report()
    started = time.perf_counter()
    with _step("1 request economy"):
        bench_requests(report)
    with _step("2 CPU time"):
        bench_cpu(report, n=2_000 if quick else 10_000, repeat=3 if quick else 7)
    with _step("3 async concurrency"):
        bench_async(report, n=5_000, latency=0.05, concurrency=8, repeat=1 if quick else 2)
    with _step("4 peak memory"):
        bench_memory(report, small=10_000, large=20_000 if quick else 100_000)
    with _step("5 make client"):
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
        print(f"\nwrote {args.write.relative_to(ROOT) if args.write.is_absolute() else args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
