"""What the probe sends, in order, and what each answer tells about the spec's decisions.

A `Step` builds one request from what earlier answers revealed (two ghost ids, a user id),
or says why it cannot be sent; once its answer is in, it records evidence for the checks it
serves. Only an answer that bears on a check is evidence: a 2xx, or a 4xx that answers the
request itself (400, 404, 409, 422...). A 401, 402, 403, 429, a 5xx or no answer says
nothing about the spec's decisions; the engine (`_engine`) marks the step's checks "not
tested" with that reason instead of calling `settle` (a step may read more statuses, as the
working-hours step reads a 403 to try the account id next).

Steps come in priority order: the core checks (ghost pages and filters, user pages,
working hours), then the writes the user allowed, then plain coverage of more operations.
Comparisons between pages never depend on the order of items with equal sort keys: lists
are compared as sets, or as multisets of the sort key (the name) where ties may straddle
a page boundary. No name, email or server text is ever put into evidence: details say
counts, statuses and ids.

Nothing here does any I/O.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

#: Results of a check.
CONFIRMED = "confirmed"
CONTRADICTED = "contradicted"
NOT_TESTED = "not tested"
#: Evidence that agrees with a decision without settling it alone (100 accepted says
#: nothing about 101): shown with the result, never a result by itself.
SUPPORTS = "supports"

#: Why a check was not tested, as a code (the JSON report's `reason_code`s and `stop`).
NO_DATA = "no_data"  # the account lacks what the check needs (two ghosts, hours entries)
BUDGET = "budget"  # the budget ran out before the check's request
AUTH_REFUSED = "auth_refused"  # 401
FORBIDDEN = "forbidden"  # 403
NOT_FOUND = "not_found"  # 404 on the first request: a wrong organization, workspace or URL
NOT_IN_PLAN = "not_in_plan"  # 402 that is not a spent quota: a plan-gated feature
QUOTA_SPENT = "quota_spent"  # 402 with no quota left, or the quota read shows too little
RATE_LIMITED = "rate_limited"  # 429 (Focus documents none: something in between)
SERVER_ERROR = "server_error"  # 5xx
NO_ANSWER = "no_answer"  # the connection failed or timed out
LEFT_BEHIND = "left_behind"  # a ghost the probe created may still exist
STOPPED = "stopped"  # an earlier answer ended the run (see the stop code)

_FIRST_PAGE = r"first page|numbered from 1|1-based|one-based|page.{0,20}\b1\b"
_PER_PAGE_MAX = r"per_page.{0,80}(100|400)|(100|400).{0,80}per_page"
#: rows of a ghost page: small, so that a workspace of a few ghosts has a second page.
ROWS = 2


@attrs.frozen
class Check:
    """A question one or two requests (or an allowed write) can settle.

    `operations` bound where its `x-decision` marker may be (their scope in the spec:
    the operation, its path item and every component they reference); `pattern` picks the
    marker by its text, and `at`, when the text alone cannot, by its JSON pointer (the spec
    gives the four id filters the same comma-separated marker; the probe tests one). An
    empty `pattern` is a promise the client rests on with no marker of its own (`rows` is
    honoured, pages end). An `observation` is reported but never drift and never needed
    for a complete run: the spec allows either answer (entries with or without `weekday`).
    """

    name: str
    summary: str
    operations: tuple[str, ...]
    pattern: str = ""
    at: str = ""
    observation: bool = False

    def matches(self, text: str) -> bool:
        """Whether a marker's text is about this check."""
        if not self.pattern:
            return False
        return re.search(self.pattern, text, re.IGNORECASE | re.DOTALL) is not None

    def maps_to(self, pointer: str, text: str) -> bool:
        """Whether the marker at `pointer` (in this check's scope) is the one it settles."""
        return self.matches(text) and re.search(self.at, pointer) is not None


CHECKS: tuple[Check, ...] = (
    Check(
        "list_ghosts.first_page_is_1",
        "ghost pages are numbered from 1",
        ("list_ghosts",),
        _FIRST_PAGE,
    ),
    Check(
        "list_ghosts.rows_honoured",
        f"rows={ROWS} gives at most {ROWS} ghosts, and `rows` in the answer says {ROWS}",
        ("list_ghosts",),
    ),
    Check(
        "list_ghosts.comma_separated_ids",
        "ghost id filters take comma-separated ids (ghost_ids=1,2), not repeated ones",
        ("list_ghosts",),
        r"comma",
        at=r"/GhostIds/",
    ),
    Check(
        "list_ghosts.pages_consistent",
        "page 2 continues page 1: no ghost on both, the same `total`, the count it implies",
        ("list_ghosts",),
    ),
    Check(
        "list_ghosts.sorted_by_name",
        "ghosts come sorted by name (order_by's default name,asc), across pages",
        ("list_ghosts",),
    ),
    Check(
        "list_ghosts.last_page_ends",
        "the page after the last one is empty (a listing without `total` ends)",
        ("list_ghosts",),
    ),
    Check(
        "list_ghosts.rows_over_100_is_400",
        "rows above 100 is a 400",
        ("list_ghosts",),
        r"(rows|page size|larger value|above 100|over 100|> ?100).{0,80}400|400.{0,80}(rows|100)",
    ),
    Check(
        "list_users.per_page_max_100",
        "users per_page: 100 is accepted, above 100 is a 400",
        ("list_users",),
        _PER_PAGE_MAX,
    ),
    Check(
        "list_users.first_page_is_1",
        "user pages are numbered from 1",
        ("list_users",),
        _FIRST_PAGE,
    ),
    Check(
        "list_users.pages_end",
        "user pages end: page 2 after a short page 1 is empty (the bare array has no total)",
        ("list_users",),
    ),
    Check(
        "working_hours.user_id_is_org_user_id",
        "the working-hours {user_id} is the organization user id from list_users",
        ("get_user_working_hours",),
        r"(organi[sz]ation.user|org.user|list_users).{0,80}\bid\b"
        r"|\buser_id\b.{0,80}(organi[sz]ation user|list_users)",
    ),
    Check(
        "create_ghost.201_body_is_the_ghost",
        "create_ghost answers 201 with the created ghost",
        ("create_ghost",),
        r"201",
        at=r"/responses/201/",
    ),
    Check(
        "delete_ghost.idempotent",
        "deleting a ghost that is already deleted answers 204",
        ("delete_ghost",),
        r"idempotent|already deleted|does not exist|retried|harmless",
    ),
    Check(
        "list_teams.first_page_is_1",
        "team pages are numbered from 1",
        ("list_teams",),
        _FIRST_PAGE,
    ),
    Check(
        "list_teams.per_page_max_100",
        "teams per_page: 100 is accepted, above 100 is a 400",
        ("list_teams",),
        _PER_PAGE_MAX,
    ),
    Check(
        "working_hours.weekday_optional",
        "working-hours entries without weekday (Toggl's spec allows them):",
        ("get_user_working_hours", "get_ghost_working_hours"),
        r"(without|no|lacks?|missing) weekday|weekday.{0,40}(optional|absent|missing)",
        observation=True,
    ),
    Check(
        "working_hours.weekday_zero",
        "working-hours entries with weekday 0 (Sunday, or what Go's omitempty drops):",
        ("get_user_working_hours", "get_ghost_working_hours"),
        observation=True,
    ),
)

CHECK_NAMES = frozenset(check.name for check in CHECKS)


@attrs.frozen
class Request:
    """One request to send: the operation, its path parameters, query pairs and JSON body."""

    step: str
    operation: str
    path_params: dict[str, int]
    query: tuple[tuple[str, str], ...] = ()
    body: Any = None


@attrs.frozen
class Answer:
    """What came back: status (None when nothing did), headers, body, and any problem."""

    status: int | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    target: str
    error: str | None = None

    def header(self, name: str) -> str | None:
        """A header's value (the first of that name), or None."""
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)


@attrs.frozen
class Skip:
    """Why a step sends nothing; `code` says whether it leaves a check untested (NO_DATA)."""

    reason: str
    code: str | None = NO_DATA


def is_evidence(status: int | None) -> bool:
    """Whether an answer bears on what was asked (see the module docstring)."""
    if status is None:
        return False
    if 200 <= status < 300:
        return True
    return 400 <= status < 500 and status not in (401, 402, 403, 407, 408, 429)


@attrs.frozen
class Page:
    """What a list answer showed: ids and their sort keys (names, kept only to compare
    and never reported), the item count, and the envelope's page, rows and total."""

    ids: tuple[int, ...]
    names: tuple[Any, ...]
    count: int
    page: int | None
    rows: int | None
    total: int | None


@attrs.define
class Created:
    """The probe's own ghost: what is known of it, so that the clean-up cannot lose it."""

    name: str
    status: int | None = None
    id: int | None = None
    deleted: bool = False
    #: The create's answer leaves it open whether a ghost exists (5xx, no answer, no id).
    unknown: bool = False


@attrs.define
class Context:
    """What the steps learn as the run goes: ids found, pages seen, and the evidence."""

    organization_id: int
    workspace_id: int
    first_ghosts: Page | None = None
    second_ghosts: Page | None = None
    ghost_page_echoed: bool = True
    comma_confirmed: bool = False
    #: The ghost both page 1 and page 2 held at their boundary (id, name), if one did.
    tie_suspect: tuple[int, Any] | None = None
    repeated_worked: bool = False
    user_id: int | None = None
    user_account_id: int | None = None
    first_users: Page | None = None
    try_account_id: str | None = None
    created: Created | None = None
    hours_entries: int = 0
    hours_without_weekday: int = 0
    hours_weekday_zero: int = 0
    evidence: dict[str, list[tuple[str, str]]] = attrs.Factory(dict)
    #: Check name -> codes of the reasons it was not tested.
    untested: dict[str, list[str]] = attrs.Factory(dict)

    def note(self, check: str, result: str, detail: str, code: str | None = None) -> None:
        """Record one piece of evidence for a check (NOT_TESTED takes a reason code)."""
        assert check in CHECK_NAMES, check
        self.evidence.setdefault(check, []).append((result, detail))
        if result == NOT_TESTED:
            self.untested.setdefault(check, []).append(code or NO_DATA)

    def org(self) -> dict[str, int]:
        return {"organization_id": self.organization_id}

    def ws(self) -> dict[str, int]:
        return {"organization_id": self.organization_id, "workspace_id": self.workspace_id}


Build = Callable[[Context], "Request | Skip"]
Settle = Callable[[Context, Answer, Any], None]


@attrs.frozen
class Step:
    """One planned request: what it sends and why, and how its answer is read."""

    name: str
    operation: str
    sends: str
    why: str
    build: Build
    settle: Settle
    #: The checks its answer gives evidence for.
    checks: tuple[str, ...] = ()
    condition: str | None = None
    #: Requests that must be left in the budget (and the quota) to start it.
    needs: int = 1
    #: Statuses passed to `settle` beyond the evidence ones (None: every answer, even none).
    reads: frozenset[int] | None = frozenset()
    #: A core step: the run is inconclusive when the budget cannot reach it.
    core: bool = False
    #: Query parameters whose values the report masks (a name looked up).
    redact: tuple[str, ...] = ()


# --- reading answers -----------------------------------------------------------------------


def lenient_id(value: object) -> int | None:
    """An id as the client would need it: an int, or digits sent as a string (drift)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip()) or None
    return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _items(parsed: Any) -> list[dict[str, Any]] | None:
    """The items of a list answer: an envelope's `data` or a bare array (None: neither)."""
    data = parsed.get("data") if isinstance(parsed, dict) else parsed
    if data is None and isinstance(parsed, dict):
        return []
    if not isinstance(data, list):
        return None
    return [item for item in data if isinstance(item, dict)]


def _page(parsed: Any) -> Page | None:
    items = _items(parsed)
    if items is None:
        return None
    keyed = [(lenient_id(item.get("id")), item.get("name")) for item in items]
    envelope = parsed if isinstance(parsed, dict) else {}
    return Page(
        ids=tuple(i for i, _ in keyed if i is not None),
        names=tuple(name for i, name in keyed if i is not None),
        count=len(items),
        page=_int(envelope.get("page")),
        rows=_int(envelope.get("rows")),
        total=_int(envelope.get("total")),
    )


def _ascending(names: Sequence[str]) -> bool:
    """Whether names ascend, compared case-insensitively or as plain strings (the spec
    does not say which collation; either is a sort by name)."""
    folded = [n.casefold() for n in names]
    return folded == sorted(folded) or list(names) == sorted(names)


def _same_listing(a: Page, b: Page, size: int) -> bool:
    """Whether two answers for the same first page hold the same items, ties in any order.

    A page shorter than its size holds every item: compare the sets of ids. A full page
    may cut through items with equal names, so compare the multisets of names.
    """
    if a.count < size and b.count < size:
        return set(a.ids) == set(b.ids) and a.count == b.count
    return Counter(a.names) == Counter(b.names)


def _no_evidence(ctx: Context, answer: Answer, parsed: Any) -> None:
    """Coverage steps: the answer is only checked against the spec."""


# --- ghost pages ---------------------------------------------------------------------------


def _ghost_query(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (*pairs, ("rows", str(ROWS)))


def _ghosts_default_page(ctx: Context) -> Request | Skip:
    return Request("ghosts.default-page", "list_ghosts", ctx.ws(), _ghost_query())


def _settle_ghosts_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    page = _page(parsed)
    if page is None:
        return  # the body is not a list answer: a schema violation, reported as such
    ctx.first_ghosts = page
    rows = "rows_honoured"
    if page.count > ROWS:
        ctx.note(f"list_ghosts.{rows}", CONTRADICTED, f"rows={ROWS} gave {page.count} ghosts")
    elif page.rows is not None and page.rows != ROWS:
        ctx.note(f"list_ghosts.{rows}", CONTRADICTED, f"rows={ROWS} was echoed as {page.rows}")
    elif page.count == 0:
        ctx.note(f"list_ghosts.{rows}", NOT_TESTED, "the workspace has no ghosts")
    else:
        echo = "not echoed" if page.rows is None else f"echoed as {ROWS}"
        ctx.note(f"list_ghosts.{rows}", CONFIRMED, f"rows={ROWS} gave {page.count}, {echo}")
    check = "list_ghosts.first_page_is_1"
    if page.page is None:
        ctx.ghost_page_echoed = False
    elif page.page == 1:
        ctx.note(check, CONFIRMED, "with no page parameter the answer says page 1")
    else:
        ctx.note(check, CONTRADICTED, f"with no page parameter the answer says page {page.page}")


def _ghosts_page_1(ctx: Context) -> Request | Skip:
    if ctx.ghost_page_echoed:
        return Skip("not needed: the first answer said which page it was", code=None)
    if ctx.first_ghosts is None:
        return Skip("the first ghost list was not answered", code=None)
    return Request("ghosts.page-1", "list_ghosts", ctx.ws(), _ghost_query(("page", "1")))


def _settle_ghosts_page_1(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.first_page_is_1"
    page, first = _page(parsed), ctx.first_ghosts
    if answer.status != 200 or page is None or first is None:
        ctx.note(check, CONTRADICTED, f"page=1 answered {answer.status}")
    elif page.count == 0 and first.count == 0:
        ctx.note(check, NOT_TESTED, "the workspace has no ghosts to compare pages with")
    elif _same_listing(page, first, ROWS):
        ctx.note(check, CONFIRMED, "page=1 holds the default page's ghosts")
    else:
        ctx.note(check, CONTRADICTED, "page=1 holds other ghosts than the default page")


def _two_ids(ctx: Context) -> tuple[int, int] | Skip:
    ids = ctx.first_ghosts.ids if ctx.first_ghosts else ()
    if len(set(ids)) < 2:
        return Skip("needs two ghosts, and the ghost list gave fewer")
    return ids[0], ids[1]


def _comma_ids(ctx: Context) -> Request | Skip:
    pair = _two_ids(ctx)
    if isinstance(pair, Skip):
        return pair
    query = (("ghost_ids", f"{pair[0]},{pair[1]}"), ("rows", str(ROWS + 1)))
    return Request("ghosts.comma-ids", "list_ghosts", ctx.ws(), query)


def _filtered(ctx: Context, parsed: Any, sent: str) -> tuple[bool, str]:
    """Whether an id-filtered answer held exactly the two ids, and what it held if not."""
    wanted = set(ctx.first_ghosts.ids[:2]) if ctx.first_ghosts else set()
    page = _page(parsed)
    if page is None:
        return False, f"{sent} answered a body that is not a ghost list"
    got = set(page.ids)
    if got == wanted and page.count == 2:
        return True, f"{sent} returned exactly those two ghosts"
    if wanted < got or (page.total is not None and page.total > 2):
        return False, f"{sent} was ignored: {page.count} ghosts came back, not the 2 asked for"
    if not got:
        return False, f"{sent} returned no ghosts"
    return False, f"{sent} returned {len(got - wanted)} other ghost(s) and {len(got & wanted)} of 2"


def _settle_comma_ids(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.comma_separated_ids"
    sent = "ghost_ids=A,B"
    if answer.status != 200:
        ctx.note(check, CONTRADICTED, f"{sent} answered {answer.status}")
        return
    exact, detail = _filtered(ctx, parsed, sent)
    ctx.comma_confirmed = exact
    ctx.note(check, CONFIRMED if exact else CONTRADICTED, detail)


def _other_ids(name: str, key: str) -> Build:
    def build(ctx: Context) -> Request | Skip:
        if ctx.comma_confirmed:
            return Skip("not needed: comma-separated ids worked", code=None)
        if ctx.repeated_worked:
            return Skip("not needed: repeated ids worked", code=None)
        pair = _two_ids(ctx)
        if isinstance(pair, Skip):
            return pair
        query = ((key, str(pair[0])), (key, str(pair[1])), ("rows", str(ROWS + 1)))
        return Request(name, "list_ghosts", ctx.ws(), query)

    return build


def _settle_other_ids(key: str) -> Settle:
    def settle(ctx: Context, answer: Answer, parsed: Any) -> None:
        check = "list_ghosts.comma_separated_ids"
        sent = f"{key}=A&{key}=B"
        if answer.status != 200:
            ctx.note(check, CONTRADICTED, f"{sent} answered {answer.status} too")
            return
        exact, detail = _filtered(ctx, parsed, sent)
        if exact:
            ctx.repeated_worked = True
            ctx.note(check, CONTRADICTED, f"{sent} works instead")
        else:
            ctx.note(check, CONTRADICTED, f"{detail} too")

    return settle


def _ghosts_page_2(ctx: Context) -> Request | Skip:
    if ctx.first_ghosts is None:
        return Skip("the first ghost list was not answered", code=None)
    return Request("ghosts.page-2", "list_ghosts", ctx.ws(), _ghost_query(("page", "2")))


def _past_end(first: Page) -> bool:
    """Whether page 2 lies past the last page (the listing fits on page 1)."""
    if first.total is not None:
        return first.total <= ROWS
    return first.count < ROWS


def _settle_ghosts_page_2(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.pages_consistent"
    first, second = ctx.first_ghosts, _page(parsed)
    if answer.status != 200 or second is None or first is None:
        ctx.note(check, CONTRADICTED, f"page=2 answered {answer.status}")
        return
    ctx.second_ghosts = second
    if _past_end(first):
        ends = "list_ghosts.last_page_ends"
        total = "" if first.total is None else f" (total {first.total})"
        if second.count == 0:
            ctx.note(ends, CONFIRMED, f"page 2, past the last page{total}, is empty")
        else:
            ctx.note(ends, CONTRADICTED, f"page 2, past the last page{total}, holds ghosts")
    problems = []
    shared = set(first.ids) & set(second.ids)
    boundary = len(shared) == 1 and first.ids[-1:] == second.ids[:1] == tuple(shared)
    if boundary:
        # The last ghost of page 1 is also the first of page 2: a sort without a
        # tie-breaker does that when another ghost has the same name. The next step asks.
        ctx.tie_suspect = (first.ids[-1], first.names[-1])
    elif shared:
        problems.append(f"page 2 repeats {len(shared)} ghost(s) of page 1")
    if first.total is not None and second.total is not None and first.total != second.total:
        problems.append(f"`total` changed from {first.total} (page 1) to {second.total}")
    if first.total is not None:
        expected = min(ROWS, max(0, first.total - ROWS))
        if second.count != expected:
            problems.append(
                f"page 2 holds {second.count} ghost(s); total {first.total} and rows={ROWS} "
                f"make {expected}"
            )
    names = first.names + second.names
    if len(names) > 1 and all(isinstance(n, str) for n in names):
        order = "list_ghosts.sorted_by_name"
        if _ascending(names):
            ctx.note(order, CONFIRMED, f"the {len(names)} names of pages 1 and 2 ascend")
        else:
            ctx.note(order, CONTRADICTED, f"the {len(names)} names of pages 1 and 2 do not ascend")
    elif first.count + second.count < 2:
        ctx.note("list_ghosts.sorted_by_name", NOT_TESTED, "fewer than two ghosts to compare")
    if problems:
        ctx.note(check, CONTRADICTED, "; ".join(problems))
    elif first.count == 0:
        ctx.note(check, NOT_TESTED, "the workspace has no ghosts")
    elif not boundary:
        total = "" if first.total is None else f"; total {first.total} on both"
        ctx.note(check, CONFIRMED, f"page 2 continues page 1{total}")


def _tie_check(ctx: Context) -> Request | Skip:
    if ctx.tie_suspect is None:
        return Skip("not needed: page 2 repeats no ghost of page 1", code=None)
    name = ctx.tie_suspect[1]
    if not isinstance(name, str) or not name:
        return Skip("page 2 repeats the last ghost of page 1, which has no name to look up")
    query = (("search", name), ("rows", "10"))
    return Request("ghosts.tie-check", "list_ghosts", ctx.ws(), query)


def _settle_tie_check(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.pages_consistent"
    if ctx.tie_suspect is None or answer.status != 200:
        ctx.note(check, NOT_TESTED, f"the name search answered {answer.status}")
        return
    ghost_id, name = ctx.tie_suspect
    twins = [
        item
        for item in _items(parsed) or []
        if item.get("name") == name and lenient_id(item.get("id")) != ghost_id
    ]
    if twins:
        ctx.note(
            check,
            CONFIRMED,
            f"page 2 repeats the last ghost of page 1, whose name {len(twins)} other ghost(s) "
            "share: a tie the sort does not break, not an overlap (the client de-duplicates)",
        )
    else:
        ctx.note(
            check,
            CONTRADICTED,
            "page 2 repeats the last ghost of page 1, and no other ghost has its name: "
            "pages overlap",
        )


def _ghosts_past_end(ctx: Context) -> Request | Skip:
    first, second = ctx.first_ghosts, ctx.second_ghosts
    if first is None or second is None:
        return Skip("the first two ghost pages were not both answered", code=None)
    if _past_end(first):
        return Skip("not needed: page 2 was past the last page", code=None)
    if first.total is not None:
        last = math.ceil(first.total / ROWS)
    elif second.count < ROWS:
        last = 2
    else:
        return Skip("the answers carry no `total`: the last page is unknown")
    query = _ghost_query(("page", str(last + 1)))
    return Request("ghosts.past-end", "list_ghosts", ctx.ws(), query)


def _settle_ghosts_past_end(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.last_page_ends"
    page = _page(parsed)
    if answer.status != 200 or page is None:
        ctx.note(check, CONTRADICTED, f"the page after the last answered {answer.status}")
    elif page.count == 0:
        ctx.note(check, CONFIRMED, "the page after the last is empty")
    else:
        ctx.note(check, CONTRADICTED, f"the page after the last holds {page.count} ghost(s)")


def _rows_101(ctx: Context) -> Request | Skip:
    return Request("ghosts.rows-101", "list_ghosts", ctx.ws(), (("rows", "101"),))


def _settle_rows_101(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.rows_over_100_is_400"
    if answer.status == 400:
        ctx.note(check, CONFIRMED, "rows=101 answered 400")
    elif answer.status == 200:
        page = _page(parsed)
        count = f" with {page.count} ghost(s)" if page else ""
        ctx.note(check, CONTRADICTED, f"rows=101 answered 200{count}")
    else:
        ctx.note(check, CONTRADICTED, f"rows=101 answered {answer.status}, not 400")


def _ghost_id(ctx: Context, name: str, operation: str) -> Request | Skip:
    if not ctx.first_ghosts or not ctx.first_ghosts.ids:
        return Skip("needs a ghost, and the ghost list gave none")
    return Request(name, operation, {**ctx.ws(), "ghost_id": ctx.first_ghosts.ids[0]})


# --- users ---------------------------------------------------------------------------------


def _users_page_1(ctx: Context) -> Request | Skip:
    query = (("page", "1"), ("per_page", "100"))
    return Request("users.page-1", "list_users", ctx.org(), query)


def _settle_users_page_1(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_users.per_page_max_100"
    if answer.status != 200:
        ctx.note(check, CONTRADICTED, f"per_page=100 answered {answer.status}")
        return
    ctx.note(check, SUPPORTS, "per_page=100 was accepted")
    ctx.first_users = _page(parsed)
    users = _items(parsed) or []
    joined = [u for u in users if u.get("joined") and lenient_id(u.get("id"))]
    candidates = joined or [u for u in users if lenient_id(u.get("id"))]
    if candidates:
        chosen = candidates[0]
        ctx.user_id = lenient_id(chosen.get("id"))
        ctx.user_account_id = lenient_id(chosen.get("user_account_id"))


def _users_per_page_101(ctx: Context) -> Request | Skip:
    return Request("users.per-page-101", "list_users", ctx.org(), (("per_page", "101"),))


def _over_100(check: str) -> Settle:
    def settle(ctx: Context, answer: Answer, parsed: Any) -> None:
        if answer.status == 400:
            ctx.note(check, CONFIRMED, "per_page=101 answered 400")
        else:
            ctx.note(check, CONTRADICTED, f"per_page=101 answered {answer.status}, not 400")

    return settle


def _users_default_page(ctx: Context) -> Request | Skip:
    if ctx.first_users is None:
        return Skip("the first user page was not answered", code=None)
    return Request("users.default-page", "list_users", ctx.org(), (("per_page", "100"),))


def _settle_users_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_users.first_page_is_1"
    page, first = _page(parsed), ctx.first_users
    if answer.status != 200 or page is None or first is None:
        ctx.note(check, CONTRADICTED, f"the user list without page answered {answer.status}")
    elif page.count == 0 and first.count == 0:
        ctx.note(check, NOT_TESTED, "the organization lists no users")
    elif _same_listing(page, first, 100):
        ctx.note(check, CONFIRMED, "with no page parameter the users of page=1 came back")
    else:
        ctx.note(check, CONTRADICTED, "with no page parameter other users than page=1's came")


def _users_page_2(ctx: Context) -> Request | Skip:
    if ctx.first_users is None:
        return Skip("the first user page was not answered", code=None)
    query = (("page", "2"), ("per_page", "100"))
    return Request("users.page-2", "list_users", ctx.org(), query)


def _settle_users_page_2(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_users.pages_end"
    page, first = _page(parsed), ctx.first_users
    if answer.status != 200 or page is None or first is None:
        ctx.note(check, CONTRADICTED, f"page=2 answered {answer.status}")
    elif first.count < 100:
        if page.count == 0:
            ctx.note(check, CONFIRMED, f"page 1 held {first.count} users and page 2 none")
        else:
            shared = len(set(page.ids) & set(first.ids))
            ctx.note(
                check,
                CONTRADICTED,
                f"page 1 held {first.count} users (fewer than per_page=100), yet page 2 held "
                f"{page.count} ({shared} of them on page 1): a listing would not end",
            )
    else:
        repeated = set(first.ids) & set(page.ids)
        if not repeated:
            ctx.note(check, CONFIRMED, "page 2 continues page 1 (no user on both)")
        elif len(repeated) == 1 and first.ids[-1:] == page.ids[:1]:
            ctx.note(check, NOT_TESTED, "page 2 repeats page 1's last user: maybe a name tie")
        else:
            ctx.note(check, CONTRADICTED, f"page 2 repeats {len(repeated)} user(s) of page 1")


# --- working hours -------------------------------------------------------------------------


def _weekdays(ctx: Context, parsed: Any) -> None:
    """Count entries without `weekday` and with `weekday: 0` (observations, see CHECKS)."""
    entries = _items(parsed) or []
    ctx.hours_entries += len(entries)
    ctx.hours_without_weekday += sum(1 for e in entries if e.get("weekday") is None)
    ctx.hours_weekday_zero += sum(1 for e in entries if e.get("weekday") == 0)


def _user_hours(ctx: Context) -> Request | Skip:
    if ctx.user_id is None:
        return Skip("needs an organization user, and the user list gave none")
    return Request(
        "working-hours.user", "get_user_working_hours", {**ctx.org(), "user_id": ctx.user_id}
    )


def _owners(parsed: Any) -> set[int]:
    """Whose entries these are, by the fields that say so (both are optional)."""
    owners = set()
    for entry in _items(parsed) or []:
        owner = lenient_id(entry.get("user_id")) or lenient_id(entry.get("external_entity_id"))
        if owner is not None:
            owners.add(owner)
    return owners


def _settle_user_hours(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "working_hours.user_id_is_org_user_id"
    if answer.status in (403, 404):
        # Whose id is it? One request with the account id settles it (the next step).
        ctx.try_account_id = f"the organization user id answered {answer.status}"
        return
    if answer.status != 200:
        ctx.note(check, CONTRADICTED, f"the organization user id answered {answer.status}")
        return
    _weekdays(ctx, parsed)
    owners, entries = _owners(parsed), len(_items(parsed) or [])
    if not entries:
        ctx.note(check, NOT_TESTED, "200 with no entries: whose hours cannot be told")
    elif not owners:
        # A 200 with entries for this id, which no entry contradicts: an account id in its
        # place would name nobody (or someone else, whose entries would say so).
        ctx.note(check, CONFIRMED, f"the organization user id answered {entries} entries")
    elif owners == {ctx.user_id}:
        ctx.note(check, CONFIRMED, "the organization user id answered that user's entries")
    elif ctx.user_account_id is not None and owners == {ctx.user_account_id}:
        ctx.note(check, CONTRADICTED, "the entries name the user's account id, not the org id")
    else:
        ctx.note(check, CONTRADICTED, "the organization user id answered another's entries")


def _account_hours(ctx: Context) -> Request | Skip:
    if ctx.try_account_id is None:
        return Skip("not needed: the organization user id was answered", code=None)
    if ctx.user_account_id is None:
        return Skip(f"{ctx.try_account_id}, and the user list gave no user_account_id")
    params = {**ctx.org(), "user_id": ctx.user_account_id}
    return Request("working-hours.account", "get_user_working_hours", params)


def _settle_account_hours(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "working_hours.user_id_is_org_user_id"
    if answer.status == 200:
        _weekdays(ctx, parsed)
        ctx.note(
            check,
            CONTRADICTED,
            f"{ctx.try_account_id}; the account id (user_account_id) answered 200",
        )
    else:
        code = FORBIDDEN if answer.status == 403 else NO_DATA
        ctx.note(
            check,
            NOT_TESTED,
            f"{ctx.try_account_id}, and the account id answered {answer.status}: "
            "the token may not read this user's working hours",
            code,
        )


def _ghost_hours(ctx: Context) -> Request | Skip:
    return _ghost_id(ctx, "working-hours.ghost", "get_ghost_working_hours")


def _settle_ghost_hours(ctx: Context, answer: Answer, parsed: Any) -> None:
    if answer.status == 200:
        _weekdays(ctx, parsed)


# --- teams ---------------------------------------------------------------------------------


def _teams_default_page(ctx: Context) -> Request | Skip:
    query = (("workspace_id", str(ctx.workspace_id)), ("per_page", "100"))
    return Request("teams.default-page", "list_teams", ctx.org(), query)


def _settle_teams_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    if answer.status != 200:
        ctx.note("list_teams.per_page_max_100", CONTRADICTED, f"per_page=100: {answer.status}")
        return
    ctx.note("list_teams.per_page_max_100", SUPPORTS, "per_page=100 was accepted")
    page = _page(parsed)
    check = "list_teams.first_page_is_1"
    if page is None:
        return
    if page.page == 1:
        ctx.note(check, CONFIRMED, "with no page parameter the answer says page 1")
    elif page.page is not None:
        ctx.note(check, CONTRADICTED, f"with no page parameter the answer says page {page.page}")
    else:
        ctx.note(check, NOT_TESTED, "the answer does not say which page it is")


def _teams_per_page_101(ctx: Context) -> Request | Skip:
    query = (("workspace_id", str(ctx.workspace_id)), ("per_page", "101"))
    return Request("teams.per-page-101", "list_teams", ctx.org(), query)


# --- writes (only when allowed) ------------------------------------------------------------


def _create_ghost(ctx: Context) -> Request | Skip:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    ctx.created = Created(name=f"toggl-focus probe {stamp}")
    body = {
        "name": ctx.created.name,
        "description": "Created by python -m toggl_focus.probe, which deletes it at once.",
    }
    return Request("ghosts.create", "create_ghost", ctx.ws(), body=body)


def _settle_create_ghost(ctx: Context, answer: Answer, parsed: Any) -> None:
    """Learn the created ghost's id leniently; when the answer cannot tell, find it by name."""
    check = "create_ghost.201_body_is_the_ghost"
    created = ctx.created
    assert created is not None
    created.status = answer.status
    if answer.status is None or answer.status >= 500:
        created.unknown = True  # the ghost may exist: look for it by name
        return
    if not 200 <= answer.status < 300:
        if is_evidence(answer.status):
            ctx.note(check, CONTRADICTED, f"the create answered {answer.status}")
        return  # the engine notes 401/402/403/429 as not tested; nothing was created
    ghost_id = lenient_id(parsed.get("id")) if isinstance(parsed, dict) else None
    created.id = ghost_id
    created.unknown = ghost_id is None
    if ghost_id is None:
        shape = "an empty body" if not answer.body.strip() else "no usable ghost id"
        ctx.note(check, CONTRADICTED, f"{answer.status} with {shape}")
    elif not isinstance(parsed.get("id"), int):
        ctx.note(check, CONTRADICTED, f"{answer.status} with the ghost id as a string")
    elif answer.status != 201:
        ctx.note(check, CONTRADICTED, f"the create answered {answer.status}, not 201")
    elif parsed.get("name") != created.name:
        ctx.note(check, CONTRADICTED, "201 with a ghost id but not the name sent")
    else:
        ctx.note(check, CONFIRMED, "201 with the created ghost (its id and name)")


def _find_created(ctx: Context) -> Request | Skip:
    created = ctx.created
    if created is None or not created.unknown:
        return Skip("not needed: the create's answer gave the ghost's id", code=None)
    query = (("search", created.name), ("rows", "10"), ("include_embodied", "true"))
    return Request("ghosts.find-created", "list_ghosts", ctx.ws(), query)


def _settle_find_created(ctx: Context, answer: Answer, parsed: Any) -> None:
    created = ctx.created
    if created is None or answer.status != 200:
        return
    found = [
        lenient_id(item.get("id"))
        for item in _items(parsed) or []
        if item.get("name") == created.name or item.get("title") == created.name
    ]
    ids = [i for i in found if i is not None]
    if ids:
        created.id, created.unknown = ids[0], False
    elif created.status is None or created.status >= 500:
        created.unknown = False  # not there: the failed create created nothing
        created.deleted = True


def _delete_ghost(name: str) -> Build:
    def build(ctx: Context) -> Request | Skip:
        created = ctx.created
        if created is None or created.id is None:
            return Skip("no ghost to delete", code=None)
        if name == "ghosts.delete-retry" and created.deleted:
            return Skip("not needed: the first delete answered", code=None)
        if name == "ghosts.delete-again" and not created.deleted:
            return Skip("the probe's ghost was not deleted: no idempotent delete to test")
        return Request(name, "delete_ghost", {**ctx.ws(), "ghost_id": created.id})

    return build


def _settle_delete(ctx: Context, answer: Answer, parsed: Any) -> None:
    created = ctx.created
    if created is not None and answer.status is not None and 200 <= answer.status < 300:
        created.deleted = True


def _settle_delete_again(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "delete_ghost.idempotent"
    if answer.status == 204:
        ctx.note(check, CONFIRMED, "deleting the deleted ghost again answered 204")
    else:
        ctx.note(check, CONTRADICTED, f"deleting the deleted ghost again answered {answer.status}")


# --- the plan ------------------------------------------------------------------------------

_GHOSTS = "GET /organizations/{o}/workspaces/{w}/ghosts"

CORE: tuple[Step, ...] = (
    Step(
        "ghosts.default-page",
        "list_ghosts",
        f"{_GHOSTS}?rows={ROWS} (no page parameter)",
        "first page is 1 (the answer's `page`); `rows` honoured; ghost ids for what follows",
        _ghosts_default_page,
        _settle_ghosts_default_page,
        checks=("list_ghosts.first_page_is_1", "list_ghosts.rows_honoured"),
    ),
    Step(
        "ghosts.page-1",
        "list_ghosts",
        f"{_GHOSTS}?page=1&rows={ROWS}",
        "first page is 1: page=1 must return the default page's ghosts",
        _ghosts_page_1,
        _settle_ghosts_page_1,
        checks=("list_ghosts.first_page_is_1",),
        condition="only if the first answer has no `page`",
    ),
    Step(
        "ghosts.comma-ids",
        "list_ghosts",
        f"{_GHOSTS}?ghost_ids=A,B&rows={ROWS + 1} (A, B from the first answer)",
        "id filters are comma-separated: exactly A and B must come back",
        _comma_ids,
        _settle_comma_ids,
        checks=("list_ghosts.comma_separated_ids",),
    ),
    Step(
        "ghosts.repeated-ids",
        "list_ghosts",
        f"{_GHOSTS}?ghost_ids=A&ghost_ids=B&rows={ROWS + 1}",
        "tells what the server takes instead of comma-separated ids",
        _other_ids("ghosts.repeated-ids", "ghost_ids"),
        _settle_other_ids("ghost_ids"),
        checks=("list_ghosts.comma_separated_ids",),
        condition="only if comma-separated ids did not work",
    ),
    Step(
        "ghosts.bracket-ids",
        "list_ghosts",
        f"{_GHOSTS}?ghost_ids[]=A&ghost_ids[]=B&rows={ROWS + 1}",
        "tells whether the server takes PHP/Rails-style ids instead",
        _other_ids("ghosts.bracket-ids", "ghost_ids[]"),
        _settle_other_ids("ghost_ids[]"),
        checks=("list_ghosts.comma_separated_ids",),
        condition="only if repeated ids did not work either",
    ),
    Step(
        "ghosts.page-2",
        "list_ghosts",
        f"{_GHOSTS}?page=2&rows={ROWS}",
        "page 2 continues page 1: no ghost on both, the same total",
        _ghosts_page_2,
        _settle_ghosts_page_2,
        checks=(
            "list_ghosts.pages_consistent",
            "list_ghosts.sorted_by_name",
            "list_ghosts.last_page_ends",
        ),
    ),
    Step(
        "ghosts.tie-check",
        "list_ghosts",
        f"{_GHOSTS}?search=<the repeated ghost's name>&rows=10",
        "tells a tie in the sort (another ghost with that name) from overlapping pages",
        _tie_check,
        _settle_tie_check,
        checks=("list_ghosts.pages_consistent",),
        condition="only if page 2 starts with the last ghost of page 1",
        redact=("search",),
    ),
    Step(
        "ghosts.past-end",
        "list_ghosts",
        f"{_GHOSTS}?page=(last + 1)&rows={ROWS} (the last page from `total`)",
        "the page after the last is empty: a listing ends (not sent when page 2 was)",
        _ghosts_past_end,
        _settle_ghosts_past_end,
        checks=("list_ghosts.last_page_ends",),
    ),
    Step(
        "ghosts.rows-101",
        "list_ghosts",
        f"{_GHOSTS}?rows=101",
        "rows above 100 is a 400",
        _rows_101,
        _settle_rows_101,
        checks=("list_ghosts.rows_over_100_is_400",),
    ),
    Step(
        "users.page-1",
        "list_users",
        "GET /organizations/{o}/users?page=1&per_page=100",
        "per_page=100 is accepted; a user id for the working hours",
        _users_page_1,
        _settle_users_page_1,
        checks=("list_users.per_page_max_100",),
    ),
    Step(
        "users.per-page-101",
        "list_users",
        "GET /organizations/{o}/users?per_page=101",
        "per_page above 100 is a 400",
        _users_per_page_101,
        _over_100("list_users.per_page_max_100"),
        checks=("list_users.per_page_max_100",),
    ),
    Step(
        "users.default-page",
        "list_users",
        "GET /organizations/{o}/users?per_page=100 (no page parameter)",
        "user pages start at 1: the same users as page=1",
        _users_default_page,
        _settle_users_default_page,
        checks=("list_users.first_page_is_1",),
    ),
    Step(
        "users.page-2",
        "list_users",
        "GET /organizations/{o}/users?page=2&per_page=100",
        "user pages end: after a short page 1, page 2 is empty",
        _users_page_2,
        _settle_users_page_2,
        checks=("list_users.pages_end",),
    ),
    Step(
        "working-hours.user",
        "get_user_working_hours",
        "GET /organizations/{o}/workinghours/users/{id of the first joined user}",
        "{user_id} is the organization user id; do entries lack `weekday` or say 0?",
        _user_hours,
        _settle_user_hours,
        checks=(
            "working_hours.user_id_is_org_user_id",
            "working_hours.weekday_optional",
            "working_hours.weekday_zero",
        ),
        reads=frozenset({403, 404}),
    ),
    Step(
        "working-hours.account",
        "get_user_working_hours",
        "GET /organizations/{o}/workinghours/users/{that user's user_account_id}",
        "settles whose id {user_id} is when the organization user id is refused",
        _account_hours,
        _settle_account_hours,
        checks=("working_hours.user_id_is_org_user_id",),
        condition="only if the organization user id answered 403 or 404",
        reads=frozenset({403, 404}),
    ),
)

#: Requests the write sequence needs: create, delete, delete again, and one in reserve to
#: find the ghost by name or to repeat a failed delete.
WRITE_NEEDS = 4

WRITES: tuple[Step, ...] = (
    Step(
        "ghosts.create",
        "create_ghost",
        'POST /organizations/{o}/workspaces/{w}/ghosts {"name": "toggl-focus probe <time>"}',
        "the 201 answer carries the created ghost (deleted by the next steps)",
        _create_ghost,
        _settle_create_ghost,
        checks=("create_ghost.201_body_is_the_ghost",),
        needs=WRITE_NEEDS,
        reads=None,
    ),
    Step(
        "ghosts.find-created",
        "list_ghosts",
        f"{_GHOSTS}?search=<the probe's ghost name>",
        "finds the created ghost when the create's answer did not give its id",
        _find_created,
        _settle_find_created,
        condition="only if the create's answer gave no usable id",
        reads=None,
    ),
    Step(
        "ghosts.delete",
        "delete_ghost",
        "DELETE /organizations/{o}/workspaces/{w}/ghosts/{the created ghost}",
        "clean-up of the created ghost",
        _delete_ghost("ghosts.delete"),
        _settle_delete,
        reads=None,
    ),
    Step(
        "ghosts.delete-retry",
        "delete_ghost",
        "DELETE /organizations/{o}/workspaces/{w}/ghosts/{the created ghost} (retry)",
        "clean-up again when the first delete failed",
        _delete_ghost("ghosts.delete-retry"),
        _settle_delete,
        condition="only if the first delete failed",
        reads=None,
    ),
    Step(
        "ghosts.delete-again",
        "delete_ghost",
        "DELETE /organizations/{o}/workspaces/{w}/ghosts/{the deleted ghost} again",
        "deleting a deleted ghost answers 204 (a retried delete is harmless)",
        _delete_ghost("ghosts.delete-again"),
        _settle_delete_again,
        checks=("delete_ghost.idempotent",),
    ),
)

MORE: tuple[Step, ...] = (
    Step(
        "roles",
        "list_roles",
        "GET /organizations/{o}/roles",
        "checks Role and Permission",
        lambda ctx: Request("roles", "list_roles", ctx.org()),
        _no_evidence,
    ),
    Step(
        "teams.default-page",
        "list_teams",
        "GET /organizations/{o}/teams?workspace_id={w}&per_page=100 (no page parameter)",
        "team pages start at 1; per_page=100 is accepted; checks Team",
        _teams_default_page,
        _settle_teams_default_page,
        checks=("list_teams.first_page_is_1", "list_teams.per_page_max_100"),
    ),
    Step(
        "groups.mine",
        "list_my_groups",
        "GET /organizations/{o}/groups/me",
        "checks GroupSummary",
        lambda ctx: Request("groups.mine", "list_my_groups", ctx.org()),
        _no_evidence,
    ),
    Step(
        "ghost.get",
        "get_ghost",
        f"{_GHOSTS}/A",
        "checks Ghost",
        lambda ctx: _ghost_id(ctx, "ghost.get", "get_ghost"),
        _no_evidence,
    ),
    Step(
        "working-hours.ghost",
        "get_ghost_working_hours",
        "GET /organizations/{o}/{w}/workinghours/ghosts/A",
        "do a ghost's entries lack `weekday` or say 0?",
        _ghost_hours,
        _settle_ghost_hours,
        checks=("working_hours.weekday_optional", "working_hours.weekday_zero"),
    ),
    Step(
        "teams.per-page-101",
        "list_teams",
        "GET /organizations/{o}/teams?workspace_id={w}&per_page=101",
        "teams per_page above 100 is a 400",
        _teams_per_page_101,
        _over_100("list_teams.per_page_max_100"),
        checks=("list_teams.per_page_max_100",),
    ),
)

#: The operations the write steps use; `--allow-writes` must name all of them to enable them.
WRITE_OPERATIONS = ("create_ghost", "delete_ghost")


def steps(allow_writes: Sequence[str]) -> tuple[Step, ...]:
    """The steps in priority order: core reads, the allowed writes (core too), coverage."""
    writes = WRITES if all(op in allow_writes for op in WRITE_OPERATIONS) else ()
    return tuple(attrs.evolve(step, core=True) for step in CORE + writes) + MORE


def unconditional(steps: Iterable[Step]) -> int:
    """Requests the steps send at least (conditional steps may add more)."""
    return sum(1 for step in steps if step.condition is None)


def parse_body(answer: Answer) -> Any:
    """The answer's JSON body, or None."""
    try:
        return json.loads(answer.body) if answer.body.strip() else None
    except ValueError:
        return None
