"""What the probe sends, in order, and what each answer tells about the spec's decisions.

A `Step` builds one request from what earlier answers revealed (two ghost ids, a user id),
or says why it cannot be sent; once its answer is in, it records evidence for the decision
checks it serves. Steps come in priority order: the decision checks first, then the writes
the user allowed, then plain coverage of more operations. The engine (`_engine`) sends them
within the budget; nothing here does any I/O.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

#: Results of a decision check.
CONFIRMED = "confirmed"
CONTRADICTED = "contradicted"
NOT_TESTED = "not tested"
#: Evidence that agrees with a decision without settling it alone (100 accepted says
#: nothing about 101): shown with the result, never a result by itself.
SUPPORTS = "supports"

_FIRST_PAGE = r"first page|numbered from 1|1-based|one-based|page.{0,20}\b1\b"
_PER_PAGE_MAX = r"per_page.{0,80}(100|400)|(100|400).{0,80}per_page"


@attrs.frozen
class Check:
    """A decision one read-only request (or an allowed write) can settle.

    `operations` bound where its `x-decision` marker may be (their scope in the spec:
    the operation, its path item and every component they reference); `pattern` picks the
    marker by its text, and `at`, when the text alone cannot, by its JSON pointer (the spec
    gives the four id filters the same comma-separated marker; the probe tests one).
    """

    name: str
    summary: str
    operations: tuple[str, ...]
    pattern: str
    at: str = ""

    def matches(self, text: str) -> bool:
        """Whether a marker's text is about this check."""
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
        "list_ghosts.comma_separated_ids",
        "ghost id filters take comma-separated ids (ghost_ids=1,2), not repeated ones",
        ("list_ghosts",),
        r"comma",
        at=r"/GhostIds/",
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
        "working_hours.weekday_optional",
        "working-hours entries may come without weekday (Toggl's spec); do real ones?",
        ("get_user_working_hours", "get_ghost_working_hours"),
        r"(without|no|lacks?|missing) weekday|weekday.{0,40}(optional|absent|missing)",
    ),
    Check(
        "working_hours.user_id_is_org_user_id",
        "the working-hours {user_id} is the organization user id from list_users",
        ("get_user_working_hours",),
        r"(organi[sz]ation.user|org.user|list_users).{0,80}\bid\b"
        r"|\buser_id\b.{0,80}(organi[sz]ation user|list_users)",
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
        "list_users.first_page_is_1",
        "user pages are numbered from 1",
        ("list_users",),
        _FIRST_PAGE,
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
)


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


@attrs.frozen
class Skip:
    """Why a step sends nothing."""

    reason: str


@attrs.define
class Context:
    """What the steps learn as the run goes: ids found, answers kept, and the evidence."""

    organization_id: int
    workspace_id: int
    ghost_ids: list[int] = attrs.Factory(list)
    first_ghost_page: list[int] | None = None
    ghost_page_echoed: bool = True
    comma_confirmed: bool = False
    user_id: int | None = None
    first_user_page: list[int] | None = None
    created_ghost: int | None = None
    created_name: str | None = None
    warnings: list[str] = attrs.Factory(list)
    evidence: dict[str, list[tuple[str, str]]] = attrs.Factory(dict)

    def note(self, check: str, result: str, detail: str) -> None:
        """Record one piece of evidence for a decision check."""
        self.evidence.setdefault(check, []).append((result, detail))

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
    #: The decision checks its answer gives evidence for.
    checks: tuple[str, ...] = ()
    condition: str | None = None
    writes: bool = False
    #: Requests that must be left in the budget to start it (a write and its clean-up).
    needs: int = 1


# --- reading answers -----------------------------------------------------------------------


def _ids(items: object) -> list[int]:
    if not isinstance(items, list):
        return []
    return [
        item["id"]
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), int) and item["id"] > 0
    ]


def _error_code(parsed: Any) -> str:
    if isinstance(parsed, dict) and isinstance(parsed.get("error"), str):
        return f" ({parsed['error'][:40]})"
    return ""


def _no_evidence(ctx: Context, answer: Answer, parsed: Any) -> None:
    """Coverage steps: the answer is only checked against the spec."""


# --- ghosts --------------------------------------------------------------------------------


def _ghosts_default_page(ctx: Context) -> Request | Skip:
    return Request("ghosts.default-page", "list_ghosts", ctx.ws(), (("rows", "3"),))


def _settle_ghosts_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.first_page_is_1"
    if answer.status != 200 or not isinstance(parsed, dict):
        return
    ctx.ghost_ids = _ids(parsed.get("data"))
    ctx.first_ghost_page = ctx.ghost_ids
    page = parsed.get("page")
    if isinstance(page, int) and not isinstance(page, bool):
        if page == 1:
            ctx.note(check, CONFIRMED, "with no page parameter the answer says page 1")
        else:
            ctx.note(check, CONTRADICTED, f"with no page parameter the answer says page {page}")
    else:
        ctx.ghost_page_echoed = False


def _ghosts_page_1(ctx: Context) -> Request | Skip:
    if ctx.ghost_page_echoed:
        return Skip("not needed: the first answer said which page it was")
    if ctx.first_ghost_page is None:
        return Skip("the first ghost list was not answered")
    return Request("ghosts.page-1", "list_ghosts", ctx.ws(), (("page", "1"), ("rows", "3")))


def _settle_ghosts_page_1(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.first_page_is_1"
    if answer.status != 200 or not isinstance(parsed, dict):
        ctx.note(check, CONTRADICTED, f"page=1 answered {answer.status}{_error_code(parsed)}")
        return
    ids = _ids(parsed.get("data"))
    if not ids and not ctx.first_ghost_page:
        ctx.note(check, NOT_TESTED, "the workspace has no ghosts to compare pages with")
    elif ids == ctx.first_ghost_page:
        ctx.note(check, CONFIRMED, "page=1 returned the same ghosts as the default page")
    else:
        ctx.note(check, CONTRADICTED, "page=1 returned other ghosts than the default page")


def _comma_ids(ctx: Context) -> Request | Skip:
    if len(ctx.ghost_ids) < 2:
        return Skip("needs two ghosts, and the ghost list gave fewer")
    a, b = ctx.ghost_ids[:2]
    return Request(
        "ghosts.comma-ids", "list_ghosts", ctx.ws(), (("ghost_ids", f"{a},{b}"), ("rows", "3"))
    )


def _settle_comma_ids(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.comma_separated_ids"
    wanted = ctx.ghost_ids[:2]
    sent = ",".join(map(str, wanted))
    if answer.status == 200 and isinstance(parsed, dict):
        got = _ids(parsed.get("data"))
        if sorted(got) == sorted(wanted):
            ctx.comma_confirmed = True
            ctx.note(check, CONFIRMED, f"ghost_ids={sent} returned exactly those two ghosts")
        else:
            ctx.note(check, CONTRADICTED, f"ghost_ids={sent} returned {len(got)} other ghost(s)")
    elif answer.status is not None and 400 <= answer.status < 500:
        ctx.note(
            check, CONTRADICTED, f"ghost_ids={sent} answered {answer.status}{_error_code(parsed)}"
        )


def _repeated_ids(ctx: Context) -> Request | Skip:
    if ctx.comma_confirmed:
        return Skip("not needed: comma-separated ids worked")
    if len(ctx.ghost_ids) < 2:
        return Skip("needs two ghosts in the workspace")
    a, b = ctx.ghost_ids[:2]
    query = (("ghost_ids", str(a)), ("ghost_ids", str(b)), ("rows", "3"))
    return Request("ghosts.repeated-ids", "list_ghosts", ctx.ws(), query)


def _settle_repeated_ids(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.comma_separated_ids"
    wanted = ctx.ghost_ids[:2]
    data = parsed.get("data") if isinstance(parsed, dict) else None
    if answer.status == 200 and sorted(_ids(data)) == sorted(wanted):
        ctx.note(check, CONTRADICTED, "repeated ids (ghost_ids=a&ghost_ids=b) work instead")
        return
    ctx.note(check, CONTRADICTED, f"repeated ids answered {answer.status} too")


def _rows_101(ctx: Context) -> Request | Skip:
    return Request("ghosts.rows-101", "list_ghosts", ctx.ws(), (("rows", "101"),))


def _settle_rows_101(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_ghosts.rows_over_100_is_400"
    if answer.status == 400:
        ctx.note(check, CONFIRMED, "rows=101 answered 400")
    elif answer.status == 200 and isinstance(parsed, dict):
        count = len(parsed.get("data") or [])
        ctx.note(check, CONTRADICTED, f"rows=101 answered 200 with {count} ghost(s)")
    elif answer.status is not None and answer.status < 500:
        ctx.note(check, CONTRADICTED, f"rows=101 answered {answer.status}, not 400")


def _ghost_id(ctx: Context, name: str, operation: str, **extra: int) -> Request | Skip:
    if not ctx.ghost_ids:
        return Skip("needs a ghost, and the ghost list gave none")
    return Request(name, operation, {**ctx.ws(), "ghost_id": ctx.ghost_ids[0], **extra})


# --- users ---------------------------------------------------------------------------------


def _users_page_1(ctx: Context) -> Request | Skip:
    query = (("page", "1"), ("per_page", "100"))
    return Request("users.page-1", "list_users", ctx.org(), query)


def _settle_users_page_1(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_users.per_page_max_100"
    if answer.status == 200 and isinstance(parsed, list):
        ctx.first_user_page = _ids(parsed)
        joined = [
            u["id"]
            for u in parsed
            if isinstance(u, dict) and u.get("id") in ctx.first_user_page and u.get("joined")
        ]
        ctx.user_id = (joined or ctx.first_user_page or [None])[0]
        ctx.note(check, SUPPORTS, "per_page=100 was accepted")
    elif answer.status is not None and 400 <= answer.status < 500:
        ctx.note(check, CONTRADICTED, f"per_page=100 answered {answer.status}{_error_code(parsed)}")


def _users_per_page_101(ctx: Context) -> Request | Skip:
    return Request("users.per-page-101", "list_users", ctx.org(), (("per_page", "101"),))


def _settle_users_per_page_101(ctx: Context, answer: Answer, parsed: Any) -> None:
    _over_100(ctx, "list_users.per_page_max_100", answer, parsed)


def _over_100(ctx: Context, check: str, answer: Answer, parsed: Any) -> None:
    if answer.status == 400:
        ctx.note(check, CONFIRMED, "per_page=101 answered 400")
    elif answer.status == 200:
        ctx.note(check, CONTRADICTED, "per_page=101 answered 200")
    elif answer.status is not None and answer.status < 500:
        ctx.note(check, CONTRADICTED, f"per_page=101 answered {answer.status}, not 400")


def _users_default_page(ctx: Context) -> Request | Skip:
    if ctx.first_user_page is None:
        return Skip("the first user page was not answered")
    return Request("users.default-page", "list_users", ctx.org(), (("per_page", "100"),))


def _settle_users_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "list_users.first_page_is_1"
    if answer.status != 200 or not isinstance(parsed, list):
        return
    ids = _ids(parsed)
    if not ids and not ctx.first_user_page:
        ctx.note(check, NOT_TESTED, "the organization lists no users")
    elif ids == ctx.first_user_page:
        ctx.note(check, CONFIRMED, "with no page parameter the users of page=1 came back")
    else:
        ctx.note(check, CONTRADICTED, "with no page parameter other users than page=1's came")


# --- working hours -------------------------------------------------------------------------


def _user_hours(ctx: Context) -> Request | Skip:
    if ctx.user_id is None:
        return Skip("needs an organization user, and the user list gave none")
    return Request(
        "working-hours.user", "get_user_working_hours", {**ctx.org(), "user_id": ctx.user_id}
    )


def _weekdays(ctx: Context, answer: Answer, parsed: Any, whose: str) -> None:
    """Entries without `weekday` confirm that the spec must allow them (Toggl's does, and so
    does ours since 1.0.0); entries that all carry one settle nothing, since the spec never
    promised it missing. Nothing a server sends here contradicts the spec (a `weekday` of
    the wrong type is a schema violation, reported as such)."""
    check = "working_hours.weekday_optional"
    if answer.status != 200 or not isinstance(parsed, list):
        return
    entries = [e for e in parsed if isinstance(e, dict)]
    if not entries:
        ctx.note(check, NOT_TESTED, f"the {whose} has no working-hours entries")
        return
    missing = sum(1 for e in entries if e.get("weekday") is None)
    if missing:
        ctx.note(check, CONFIRMED, f"{missing} of the {whose}'s {len(entries)} entries lack it")
    else:
        ctx.note(check, NOT_TESTED, f"all {len(entries)} entries of the {whose} carry it")


def _settle_user_hours(ctx: Context, answer: Answer, parsed: Any) -> None:
    _weekdays(ctx, answer, parsed, "user")
    check = "working_hours.user_id_is_org_user_id"
    if answer.status == 200 and isinstance(parsed, list):
        entries = [e for e in parsed if isinstance(e, dict)]
        owners = {e.get("user_id", e.get("external_entity_id")) for e in entries}
        if not entries:
            ctx.note(check, NOT_TESTED, "200 with no entries: whose hours cannot be told")
        elif owners == {ctx.user_id}:
            ctx.note(check, CONFIRMED, "the organization user id answered that user's entries")
        else:
            ctx.note(check, CONTRADICTED, "the organization user id answered another's entries")
    elif answer.status in (403, 404):
        ctx.note(
            check,
            NOT_TESTED,
            f"the organization user id answered {answer.status}: another id, or no permission",
        )


def _ghost_hours(ctx: Context) -> Request | Skip:
    return _ghost_id(ctx, "working-hours.ghost", "get_ghost_working_hours")


def _settle_ghost_hours(ctx: Context, answer: Answer, parsed: Any) -> None:
    _weekdays(ctx, answer, parsed, "ghost")


# --- teams ---------------------------------------------------------------------------------


def _teams_default_page(ctx: Context) -> Request | Skip:
    query = (("workspace_id", str(ctx.workspace_id)), ("per_page", "100"))
    return Request("teams.default-page", "list_teams", ctx.org(), query)


def _settle_teams_default_page(ctx: Context, answer: Answer, parsed: Any) -> None:
    if answer.status != 200 or not isinstance(parsed, dict):
        if answer.status is not None and 400 <= answer.status < 500:
            ctx.note(
                "list_teams.per_page_max_100",
                CONTRADICTED,
                f"per_page=100 answered {answer.status}{_error_code(parsed)}",
            )
        return
    ctx.note("list_teams.per_page_max_100", SUPPORTS, "per_page=100 was accepted")
    page = parsed.get("page")
    check = "list_teams.first_page_is_1"
    if page == 1:
        ctx.note(check, CONFIRMED, "with no page parameter the answer says page 1")
    elif isinstance(page, int):
        ctx.note(check, CONTRADICTED, f"with no page parameter the answer says page {page}")


def _teams_per_page_101(ctx: Context) -> Request | Skip:
    query = (("workspace_id", str(ctx.workspace_id)), ("per_page", "101"))
    return Request("teams.per-page-101", "list_teams", ctx.org(), query)


def _settle_teams_per_page_101(ctx: Context, answer: Answer, parsed: Any) -> None:
    _over_100(ctx, "list_teams.per_page_max_100", answer, parsed)


# --- writes (only when allowed) ------------------------------------------------------------


def _create_ghost(ctx: Context) -> Request | Skip:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    ctx.created_name = f"toggl-focus probe {stamp}"
    body = {
        "name": ctx.created_name,
        "description": "Created by python -m toggl_focus.probe, which deletes it at once.",
    }
    return Request("ghosts.create", "create_ghost", ctx.ws(), body=body)


def _settle_create_ghost(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "create_ghost.201_body_is_the_ghost"
    if answer.status not in (200, 201):
        if answer.status is not None:
            ctx.note(check, NOT_TESTED, f"the create answered {answer.status}")
        return
    if isinstance(parsed, dict) and isinstance(parsed.get("id"), int):
        ctx.created_ghost = parsed["id"]
        if parsed.get("name") == ctx.created_name and answer.status == 201:
            ctx.note(check, CONFIRMED, "201 with the created ghost (its id and name)")
        else:
            ctx.note(check, CONTRADICTED, f"{answer.status} with a ghost id but not the sent name")
        return
    shape = "an empty body" if not answer.body.strip() else "no ghost id in the body"
    ctx.note(check, CONTRADICTED, f"{answer.status} with {shape}")
    ctx.warnings.append(
        f"the probe created the ghost {ctx.created_name!r} but could not learn its id; "
        "delete it in Toggl Focus by hand"
    )


def _delete_ghost(name: str) -> Build:
    def build(ctx: Context) -> Request | Skip:
        if ctx.created_ghost is None:
            return Skip("no ghost was created")
        return Request(name, "delete_ghost", {**ctx.ws(), "ghost_id": ctx.created_ghost})

    return build


def _settle_delete(ctx: Context, answer: Answer, parsed: Any) -> None:
    if answer.status not in (200, 204):
        ctx.warnings.append(
            f"deleting the probe's ghost {ctx.created_ghost} answered {answer.status}; "
            f"delete {ctx.created_name!r} in Toggl Focus by hand"
        )


def _settle_delete_again(ctx: Context, answer: Answer, parsed: Any) -> None:
    check = "delete_ghost.idempotent"
    if answer.status == 204:
        ctx.note(check, CONFIRMED, "deleting the deleted ghost again answered 204")
    elif answer.status is not None and answer.status < 500:
        ctx.note(check, CONTRADICTED, f"deleting the deleted ghost again answered {answer.status}")


# --- the plan ------------------------------------------------------------------------------

_GHOSTS = "GET /organizations/{o}/workspaces/{w}/ghosts"

READS_FIRST: tuple[Step, ...] = (
    Step(
        "ghosts.default-page",
        "list_ghosts",
        f"{_GHOSTS}?rows=3 (no page parameter)",
        "first page is 1 (the answer's `page`); two ghost ids for the next steps",
        _ghosts_default_page,
        _settle_ghosts_default_page,
        checks=("list_ghosts.first_page_is_1",),
    ),
    Step(
        "ghosts.page-1",
        "list_ghosts",
        f"{_GHOSTS}?page=1&rows=3",
        "first page is 1: page=1 must return the default page's ghosts",
        _ghosts_page_1,
        _settle_ghosts_page_1,
        checks=("list_ghosts.first_page_is_1",),
        condition="only if the first answer has no `page`",
    ),
    Step(
        "ghosts.comma-ids",
        "list_ghosts",
        f"{_GHOSTS}?ghost_ids=A,B&rows=3 (A, B from the first answer)",
        "id filters are comma-separated: exactly A and B must come back",
        _comma_ids,
        _settle_comma_ids,
        checks=("list_ghosts.comma_separated_ids",),
    ),
    Step(
        "ghosts.repeated-ids",
        "list_ghosts",
        f"{_GHOSTS}?ghost_ids=A&ghost_ids=B&rows=3",
        "tells what the server takes instead of comma-separated ids",
        _repeated_ids,
        _settle_repeated_ids,
        checks=("list_ghosts.comma_separated_ids",),
        condition="only if comma-separated ids did not work",
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
        _settle_users_per_page_101,
        checks=("list_users.per_page_max_100",),
    ),
    Step(
        "working-hours.user",
        "get_user_working_hours",
        "GET /organizations/{o}/workinghours/users/{id of the first joined user}",
        "do entries come without `weekday`? {user_id} is the organization user id",
        _user_hours,
        _settle_user_hours,
        checks=("working_hours.weekday_optional", "working_hours.user_id_is_org_user_id"),
    ),
)

WRITES: tuple[Step, ...] = (
    Step(
        "ghosts.create",
        "create_ghost",
        'POST /organizations/{o}/workspaces/{w}/ghosts {"name": "toggl-focus probe <time>"}',
        "the 201 answer carries the created ghost (deleted by the next two steps)",
        _create_ghost,
        _settle_create_ghost,
        checks=("create_ghost.201_body_is_the_ghost",),
        writes=True,
        needs=3,
    ),
    Step(
        "ghosts.delete",
        "delete_ghost",
        "DELETE /organizations/{o}/workspaces/{w}/ghosts/{the created ghost}",
        "clean-up of the created ghost",
        _delete_ghost("ghosts.delete"),
        _settle_delete,
        writes=True,
        needs=2,
    ),
    Step(
        "ghosts.delete-again",
        "delete_ghost",
        "DELETE /organizations/{o}/workspaces/{w}/ghosts/{the created ghost} again",
        "deleting a deleted ghost answers 204 (a retried delete is harmless)",
        _delete_ghost("ghosts.delete-again"),
        _settle_delete_again,
        checks=("delete_ghost.idempotent",),
        writes=True,
    ),
)

READS_THEN: tuple[Step, ...] = (
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
        "do entries come without `weekday`? (ghosts too)",
        _ghost_hours,
        _settle_ghost_hours,
        checks=("working_hours.weekday_optional",),
    ),
    Step(
        "teams.per-page-101",
        "list_teams",
        "GET /organizations/{o}/teams?workspace_id={w}&per_page=101",
        "teams per_page above 100 is a 400",
        _teams_per_page_101,
        _settle_teams_per_page_101,
        checks=("list_teams.per_page_max_100",),
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
)

#: The operations the write steps use; `--allow-writes` must name all of them to enable them.
WRITE_OPERATIONS = ("create_ghost", "delete_ghost")


def steps(allow_writes: Sequence[str]) -> tuple[Step, ...]:
    """The steps in priority order: decision reads, the allowed writes, coverage reads."""
    writes = WRITES if all(op in allow_writes for op in WRITE_OPERATIONS) else ()
    return READS_FIRST + writes + READS_THEN


def parse_body(answer: Answer) -> Any:
    """The answer's JSON body, or None."""
    try:
        return json.loads(answer.body) if answer.body.strip() else None
    except ValueError:
        return None
