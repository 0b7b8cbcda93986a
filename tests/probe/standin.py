"""A stand-in Toggl Focus server, written from the spec alone, to test the live probe.

Why: the probe's other tests run it against `toggl_focus.testing.FakeFocus`, which grew up
beside the probe. A probe and a fake that share a misreading of the API agree with each
other and prove nothing. This server was written from `openapi/focus.yaml` (schemas,
parameters, `x-decision` markers, quota headers) and Toggl's reference pages and notes
(`focus-api-notes.md`) only; it does not import, read or copy the fake.

It is an `httpx` handler: `httpx.MockTransport(StandIn(mode).handle)` serves a sync or an
async client. Base URL `https://standin.invalid/api` (the spec's server URL ends in
`/api`; the client adds the spec's paths to it), organization 9001, workspace 7001,
`Authorization: Bearer probe-token` (the spec's `bearerAuth`; the pages' Basic sample is
email and password, not a token, so Basic is refused like any other credential).

`MODES` names what the server does: conforming setups (a correct probe must never report
drift against them) and drift modes (each one thing a real server might do that the spec
does not allow), with a `kind` and one line each. `requests` records (method, path?query)
of every request; `ghosts` is the live state (id -> ghost) and `created` the ids that
create_ghost handed out, so a test can see what a probe left behind.
"""

from __future__ import annotations

import copy
import datetime
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

BASE_URL = "https://standin.invalid/api"
ORG, WS, TOKEN = 9001, 7001, "probe-token"
KINDS = (
    "setup", "types", "timestamps", "enums", "shapes", "pagination", "statuses",
    "error_bodies", "headers", "query_styles", "auth", "writes",
)  # fmt: skip


@dataclass(frozen=True)
class Mode:
    """One behaviour of the stand-in: its kind and what it does, in one line."""

    kind: str
    description: str

    @property
    def drift(self) -> bool:
        """The server breaks the spec (auth modes refuse the key: no drift, nothing checked)."""
        return self.kind not in ("setup", "auth")


# name, kind, what the server does (one line each).
_MODE_TABLE = """
conforming            setup        every answer as the spec says
teams_403             setup        list_teams answers the documented 403 (a non-admin key)
teams_402             setup        list_teams answers 402 'Feature not available on current plan'
name_ties             setup        names shared; equal names in a new random order on each request
boundary_tie          setup        the 2nd and 3rd ghosts share a name, in a new order each request
short_quota           setup        the quota starts at 4: the fifth request answers 402, 0 left
empty_workspace       setup        the workspace has no ghosts
sparse                setup        optional fields absent, nullable ones null or '' where allowed
no_quota_headers      setup        no quota headers at all (any response MAY carry them)
weekday_zero          setup        every user and ghost also has a Sunday entry: weekday 0
weekday_7             setup        Sunday entries say weekday 7 (ISO): answers carry no bound on it
proxy_429             setup        the third request, a read, gets a proxy's 429 Retry-After: 30
delete_503_once       setup        the first DELETE answers 503 without deleting; later ones work
open_enum_values      setup        x-extensible-enum fields carry values the spec does not list
ghost_id_string       types        ghost id is a string ('1101') in list_ghosts and get_ghost
ghost_name_number     types        ghost name is a number
total_string          types        list_ghosts total is a string
user_id_string        types        list_users id is a string
hours_string          types        working-hours entries' working_hours is a string ('8')
role_id_string        types        list_roles role_id is a string
ts_no_offset          timestamps   timestamps without an offset: 2026-01-12T09:07:00
ts_date_only          timestamps   timestamps as dates only: 2026-01-12
ts_epoch              timestamps   timestamps as epoch seconds (numbers)
ts_space              timestamps   timestamps with a space instead of T
weekday_name          enums        weekday as a name ('monday') instead of 0..6
roles_without_id      shapes       roles come without their role_id
ghosts_without_id     shapes       ghosts come without id in list_ghosts and get_ghost
name_renamed_title    shapes       ghost name is sent as title
users_enveloped       shapes       list_users answers {data: [...]}, not a bare array
ghosts_bare_array     shapes       list_ghosts answers a bare array, not the page envelope
hours_enveloped       shapes       working-hours answers are {data: [...]}, not bare arrays
teams_items_key       shapes       list_teams puts its items under items, not data
pages_from_0          pagination   ghost pages are numbered from 0: no page answers page 0
page_ignored          pagination   list_ghosts ignores page: every page is the first
rows_ignored          pagination   list_ghosts ignores rows: every page holds every ghost
rows_echo_wrong       pagination   list_ghosts echoes rows 50 whatever was asked
total_too_small       pagination   list_ghosts total is 2 short of the ghosts it serves
total_changes         pagination   list_ghosts total grows by one on every later page
pages_overlap         pagination   each ghost page starts one ghost early (no ties)
last_page_repeats     pagination   past the last ghost page the last items come again
sorted_by_id          pagination   ghosts are sorted by id, not by name
users_page_ignored    pagination   list_users ignores page: the last page never comes
rows_101_clamped      statuses     rows=101 answers 200 with 100 rows (clamped, not 400)
rows_101_422          statuses     rows=101 answers 422, not 400
per_page_101_ok       statuses     list_users per_page=101 answers 200, not 400
teams_per_page_101_ok statuses     list_teams per_page=101 answers 200, not 400
create_200            statuses     create_ghost answers 200, not 201
delete_again_404      statuses     deleting a deleted ghost answers 404, not 204
hours_by_account_id   statuses     working-hours {user_id} is the account id; org-user id: 403
create_id_string      writes       create_ghost answers 201 with id as a string (the ghost exists)
create_empty_body     writes       create_ghost answers 201 with an empty body (the ghost exists)
errors_plain_text     error_bodies error answers are text/plain
errors_other_json     error_bodies error answers are {message, status}, not the Error shape
quota_not_integer     headers      X-Toggl-Quota-Remaining is not an integer ('599.0')
quota_resets_negative headers      X-Toggl-Quota-Resets-In is negative
comma_ids_refused     query_styles ghost_ids=1,2 answers 400; ghost_ids=1&ghost_ids=2 works
ghost_ids_ignored     query_styles ghost_ids is ignored: every ghost comes back
comma_ids_first_only  query_styles ghost_ids=1,2 matches only the first id
auth_401              auth         every request answers 401: the token is refused
auth_403              auth         every request answers 403: the key cannot see organization 9001
org_404               auth         every request answers 404: no such organization
"""
MODES: dict[str, Mode] = {
    name: Mode(kind, text)
    for name, kind, text in (line.split(None, 2) for line in _MODE_TABLE.strip().splitlines())
}

# --- data: distinctive names, so a test can tell when a report leaks them ----------------

GHOSTS = (  # id, name, tied name (mode name_ties); ids are not in name order
    (1104, "Anselm Yardlebrook", "Rhenna Tiebeck"),
    (1102, "Beatrix Ollerenshawe", "Ollo Tiebeck"),
    (1107, "Caspian Droogewater", "Caspian Droogewater"),
    (1101, "Isaura Fenwhistle", "Ollo Tiebeck"),
    (1106, "Melisande Quorlby", "Melisande Quorlby"),
    (1103, "Orrin Blackwattle", "Ollo Tiebeck"),
    (1105, "Thaddeus Wynkoopers", "Rhenna Tiebeck"),
)
EMBODIED = (1108, "Perpetua Gravenorth")  # listed only with include_embodied=true
USERS = (  # organization-user id, user account id, name, tied name
    (5103, 880417, "Wilhelmina Tregothnan", "Idris Hallowpike"),
    (5101, 880452, "Orsolya Quintrell", "Orsolya Quintrell"),
    (5105, 880409, "Barnaby Fitzwarren", "Idris Hallowpike"),
    (5102, 880433, "Ysolde Kettleby", "Ysolde Kettleby"),
    (5104, 880421, "Leopold Amberchurch", "Leopold Amberchurch"),
)
TEAMS = (  # id, name, emoji, members (organization-user ids)
    (41, "Design", "\U0001f3a8", (5101, 5103)),
    (42, "Platform", "\U0001f6e0", (5102, 5104, 5105)),
    (43, "Research", "\U0001f52c", ()),
)
ROLES = {"owner": 100, "admin": 50, "manager": 30, "guest": 10}  # code: privilege level
PROJECTS = ((201, "Website relaunch"), (202, "Billing revamp"), (203, "Mobile app"))
DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
HOURS_OPS = ("get_user_working_hours", "get_ghost_working_hours")
GHOST_READS = ("list_ghosts", "get_ghost")
EMPTY = object()  # a body-less answer (204, or a 201 without a body)
PROXY_429 = b"<html><body><h1>429 Too Many Requests</h1></body></html>"
# Sparse views: the keys kept, the keys sent as null, the keys sent as "".
SPARSE = {
    "ghost": (("id", "name", "user_id"), ("assigned", "deleted_at"), ("created_at",)),
    "user": (
        ("id", "user_account_id", "name"),
        ("groups", "workspaces", "permissions", "tags", "rate", "deleted_at"),
        ("account_locked_at",),
    ),
    "hours": (("working_hour_id", "working_hours", "organization_id"), ("created_at",),
              ("updated_at",)),
    "role": (("role_id", "name"), ("permissions", "default_for_levels", "require_group"), ()),
    "team": (("id", "name"), ("ghosts", "users", "workspaces"), ("deleted_at",)),
}  # fmt: skip

_ORG = r"/organizations/(?P<org>[^/]+)"
_GHOSTS = _ORG + r"/workspaces/(?P<ws>[^/]+)/ghosts"
ROUTES = tuple(
    (method, re.compile(pattern), operation)
    for method, pattern, operation in (
        ("GET", _GHOSTS, "list_ghosts"),
        ("POST", _GHOSTS, "create_ghost"),
        ("GET", _GHOSTS + r"/(?P<ghost>[^/]+)", "get_ghost"),
        ("DELETE", _GHOSTS + r"/(?P<ghost>[^/]+)", "delete_ghost"),
        ("GET", _ORG + r"/workinghours/users/(?P<user>[^/]+)", "get_user_working_hours"),
        (
            "GET",
            _ORG + r"/(?P<ws>[^/]+)/workinghours/ghosts/(?P<ghost>[^/]+)",
            "get_ghost_working_hours",
        ),
        ("GET", _ORG + r"/roles", "list_roles"),
        ("GET", _ORG + r"/teams", "list_teams"),
        ("GET", _ORG + r"/users", "list_users"),
        ("GET", _ORG + r"/groups/me", "list_my_groups"),
    )
)


def _ts(n: int) -> str:
    """An RFC 3339 timestamp in the profile's timezone (+01:00), different for each n."""
    return f"2026-01-{10 + n % 18:02d}T{8 + n % 9:02d}:{7 * n % 60:02d}:00+01:00"


# --- drift transforms: applied to the JSON body of a 2xx answer ---------------------------

Transform = Callable[[str, Any], Any]


def _items(op: str, body: Any) -> list[dict[str, Any]]:
    """The item objects of a body: a page's data, a bare array, or the body itself."""
    if isinstance(body, dict) and op in ("list_ghosts", "list_teams"):
        body = body.get("data")
    items = body if isinstance(body, list) else [body]
    return [item for item in items if isinstance(item, dict)]


def _each(ops: tuple[str, ...], key: str, change: Callable[[Any], Any] | None) -> Transform:
    """Change (or, with None, drop) `key` of every item of the answers of `ops`."""

    def apply(op: str, body: Any) -> Any:
        for item in _items(op, body) if op in ops else []:
            if key in item:
                if change is None:
                    del item[key]
                else:
                    item[key] = change(item[key])
        return body

    return apply


def _whole(ops: tuple[str, ...], change: Callable[[Any], Any]) -> Transform:
    return lambda op, body: change(body) if op in ops and body is not None else body


def _stamps(change: Callable[[str], Any]) -> Transform:
    """Change every set timestamp (a non-empty string under a key ending in _at)."""

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            return {
                k: change(v) if k.endswith("_at") and isinstance(v, str) and v else walk(v)
                for k, v in node.items()
            }
        return node

    return lambda op, body: walk(body)


def _renamed(op: str, body: Any) -> Any:
    """Ghosts' name sent as title."""
    for item in _items(op, body) if op in GHOST_READS else []:
        if "name" in item:
            item["title"] = item.pop("name")
    return body


def _epoch(text: str) -> int:
    return int(datetime.datetime.fromisoformat(text).timestamp())


TRANSFORMS: dict[str, Transform] = {
    "ghost_id_string": _each(GHOST_READS, "id", str),
    "ghost_name_number": _each(GHOST_READS, "name", lambda name: 1000 + len(name)),
    "total_string": _whole(("list_ghosts",), lambda body: {**body, "total": str(body["total"])}),
    "user_id_string": _each(("list_users",), "id", str),
    "hours_string": _each(HOURS_OPS, "working_hours", lambda hours: f"{hours:g}"),
    "role_id_string": _each(("list_roles",), "role_id", str),
    "ts_no_offset": _stamps(lambda text: text[:19]),
    "ts_date_only": _stamps(lambda text: text[:10]),
    "ts_epoch": _stamps(_epoch),
    "ts_space": _stamps(lambda text: text.replace("T", " ", 1)),
    "weekday_7": _each(HOURS_OPS, "weekday", lambda day: day or 7),
    "weekday_name": _each(HOURS_OPS, "weekday", lambda day: DAYS[day]),
    "roles_without_id": _each(("list_roles",), "role_id", None),
    "ghosts_without_id": _each(GHOST_READS, "id", None),
    "name_renamed_title": _renamed,
    "users_enveloped": _whole(("list_users",), lambda body: {"data": body}),
    "ghosts_bare_array": _whole(("list_ghosts",), lambda body: body["data"]),
    "hours_enveloped": _whole(HOURS_OPS, lambda body: {"data": body}),
    "teams_items_key": _whole(("list_teams",), lambda body: {"items": body.pop("data"), **body}),
    "create_id_string": _each(("create_ghost",), "id", str),
}


class _Fail(Exception):
    """An error answer: status, the Error schema's `error` code and its description."""

    def __init__(self, status: int, code: str, text: str) -> None:
        super().__init__(text)
        self.status, self.code, self.text = status, code, text


class StandIn:
    """The stand-in server in one mode (see the module docstring)."""

    def __init__(self, mode: str = "conforming", *, seed: int = 0, quota: int = 600) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self.rng = random.Random(seed)
        self.requests: list[tuple[str, str]] = []
        self.remaining = 4 if mode == "short_quota" else quota
        self.created: list[int] = []
        self._next_id = 1201
        self._delete_failed = False
        ties = mode == "name_ties"
        self.users = [
            self._user(k, uid, account, tied if ties else name)
            for k, (uid, account, name, tied) in enumerate(USERS)
        ]
        self.ghosts: dict[int, dict[str, Any]] = {}
        self.hours: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for k, user in enumerate(self.users):
            self.hours["user", user["id"]] = self._entries("user", user["id"], k)
        if mode != "empty_workspace":
            for n, (gid, name, tied) in enumerate(GHOSTS):
                if mode == "boundary_tie" and gid == 1107:  # sorts 3rd: now tied with the 2nd
                    tied, ties = GHOSTS[1][1], True
                self.ghosts[gid] = self._ghost(n, gid, tied if ties else name)
                ties = mode == "name_ties"
                self.hours["ghost", gid] = self._entries("ghost", gid, n + 10)
            embodied = self._ghost(len(GHOSTS), *EMBODIED)
            embodied.update(embodied_at=_ts(90), user_id=5101)
            self.ghosts[EMBODIED[0]] = embodied

    # --- data ------------------------------------------------------------------------------

    @staticmethod
    def _ghost(n: int, gid: int, name: str) -> dict[str, Any]:
        (pid, project) = PROJECTS[n % 3]
        return {
            "assigned": {
                "projects": [{"color": "#06aaf5", "id": pid, "name": project, "private": False}],
                "tasks": [{"color": "#c56bff", "id": 3001 + n, "name": "Discovery"}],
                "team_ids": [TEAMS[n % 2][0]],
            },
            "created_at": _ts(n), "deleted_at": None, "description": "A planned hire", "id": gid,
            "embodied_at": None, "name": name, "updated_at": _ts(n + 40), "user_id": None,
        }  # fmt: skip

    @staticmethod
    def _user(k: int, uid: int, account: int, name: str) -> dict[str, Any]:
        teams = [{"emoji": t[2], "id": t[0], "name": t[1]} for t in TEAMS if uid in t[3]]
        return {
            "2fa_enabled": k % 2 == 0, "account_locked_at": None, "active": True, "admin": k == 0,
            "can_edit_personal_details": True, "created_at": _ts(k), "deleted_at": None,
            "email": f"{name.lower().replace(' ', '.')}.{uid % 100}@standin-people.invalid",
            "groups": [team | {"workspace_ids": [WS]} for team in teams],
            "id": uid, "invite_sent": True, "joined": True, "name": name, "organization_id": ORG,
            "owner": k == 0, "permissions": {"manage_ghosts": k < 2}, "tags": [],
            "updated_at": _ts(k + 20), "user_account_id": account, "user_id": str(account),
            "workspaces": [{
                "focus_role_id": 3, "groups": teams,
                "id": WS, "name": "Studio", "toggl_products": ["focus"], "track_role_id": None,
                "work_role_id": None, "workspace_user_id": 33000 + k,
            }],
        }  # fmt: skip

    def _entries(self, kind: str, owner: int, k: int) -> list[dict[str, Any]]:
        days = [1, 2, 3, 4, 5] + ([0] if self.mode in ("weekday_zero", "weekday_7") else [])
        entries = []
        for day in days:
            entry = {
                "created_at": _ts(k + day), "external_entity_id": owner,
                "external_entity_type": "resource" if self.mode == "open_enum_values" else kind,
                "organization_id": ORG, "starting_hours": 8.5 if k % 2 else 9,
                "updated_at": _ts(k + day + 30), "weekday": day,
                "working_hour_id": (77000 if kind == "user" else 78000) + 10 * k + day,
                "working_hours": 4 if day == 0 else 7.5 if day == 5 else 8,
            }  # fmt: skip
            if kind == "user":
                entry["user_id"] = owner
            entries.append(entry)
        return entries

    def _view(self, kind: str, item: dict[str, Any]) -> dict[str, Any]:
        """An item as sent: a copy, or in mode sparse only what the spec guarantees."""
        if self.mode != "sparse":
            return copy.deepcopy(item)
        kept, nulls, blanks = SPARSE[kind]
        view = {key: item[key] for key in kept if key in item}
        return view | dict.fromkeys(nulls) | dict.fromkeys(blanks, "")

    def _sorted(self, items: list[dict[str, Any]], desc: bool) -> list[dict[str, Any]]:
        """By name, case-insensitive; equal names in a random order in mode name_ties."""
        if self.mode in ("name_ties", "boundary_tie"):
            keys = {id(item): self.rng.random() for item in items}
            return sorted(items, key=lambda i: (i["name"].lower(), keys[id(i)]), reverse=desc)
        return sorted(items, key=lambda i: (i["name"].lower(), i["id"]), reverse=desc)

    # --- the handler -------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (the `httpx.MockTransport` handler)."""
        self.requests.append((request.method, request.url.raw_path.decode("ascii")))
        try:
            return self._serve(request)
        except _Fail as fail:
            return self._error(fail.status, fail.code, fail.text)

    def _serve(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.headers.get("authorization") != f"Bearer {TOKEN}" or self.mode == "auth_401":
            return self._error(401, "unauthorized", "Invalid or expired API key", quota=False)
        if self.mode == "proxy_429" and len(self.requests) == 3 and request.method == "GET":
            headers = {"Retry-After": "30", "Content-Type": "text/html"}
            return httpx.Response(429, headers=headers, content=PROXY_429)
        if self.remaining <= 0:
            raise _Fail(402, "quota_exceeded", "Hourly request quota exceeded")
        self.remaining -= 1
        if self.mode == "auth_403":
            raise _Fail(403, "forbidden", "The API key has no access to this organization")
        if self.mode == "org_404":
            raise _Fail(404, "not_found", "Organization not found")
        if not path.startswith("/api/"):
            raise _Fail(404, "not_found", "No such route")
        for method, pattern, op in ROUTES:
            match = pattern.fullmatch(path[len("/api") :])
            if match and method == request.method:
                params = {key: self._path_int(key, raw) for key, raw in match.groupdict().items()}
                if params["org"] != ORG or params.get("ws", WS) != WS:
                    raise _Fail(403, "forbidden", "No access to this organization or workspace")
                status, body = getattr(self, "_" + op)(params, request)
                return self._ok(op, status, body)
        raise _Fail(404, "not_found", "No such route on the stand-in")

    def _quota_headers(self) -> dict[str, str]:
        if self.mode == "no_quota_headers":
            return {}
        remaining = (
            f"{self.remaining}.0" if self.mode == "quota_not_integer" else str(self.remaining)
        )
        resets = -30 if self.mode == "quota_resets_negative" else max(0, 3000 - len(self.requests))
        return {"X-Toggl-Quota-Remaining": remaining, "X-Toggl-Quota-Resets-In": str(resets)}

    def _ok(self, op: str, status: int, body: Any) -> httpx.Response:
        headers = self._quota_headers()
        if body is EMPTY:
            return httpx.Response(status, headers=headers)
        transform = TRANSFORMS.get(self.mode)
        if transform is not None:
            body = transform(op, body)
        headers["Content-Type"] = "application/json"
        return httpx.Response(status, headers=headers, content=json.dumps(body).encode())

    def _error(self, status: int, code: str, text: str, *, quota: bool = True) -> httpx.Response:
        """An error answer; the spec's 401 carries no quota headers (a decision)."""
        headers = self._quota_headers() if quota else {}
        if status == 402 and code == "quota_exceeded" and "X-Toggl-Quota-Remaining" in headers:
            headers["X-Toggl-Quota-Remaining"] = "0"
        if self.mode == "errors_plain_text":
            headers["Content-Type"] = "text/plain; charset=utf-8"
            return httpx.Response(status, headers=headers, content=text.encode())
        body: dict[str, Any] = {"message": text, "status": status}
        if self.mode != "errors_other_json":
            trace = f"{len(self.requests):08x}" * 4
            body = {"error": code, "error_description": text, "trace_id": trace}
        headers["Content-Type"] = "application/json"
        return httpx.Response(status, headers=headers, content=json.dumps(body).encode())

    # --- parameters ----------------------------------------------------------------------------

    @staticmethod
    def _path_int(name: str, raw: str) -> int:
        if not re.fullmatch(r"\d{1,18}", raw):
            raise _Fail(400, "validation", f"{name} must be an integer id")
        return int(raw)

    @staticmethod
    def _int(q: httpx.QueryParams, name: str, default: int, low: int = 1) -> int:
        raw = q.get(name)
        if raw is None:
            return default
        if not re.fullmatch(r"-?\d{1,18}", raw) or int(raw) < low:
            raise _Fail(400, "validation", f"{name} must be an integer of at least {low}")
        return int(raw)

    @staticmethod
    def _size(q: httpx.QueryParams, name: str, default: int, over_ok: bool) -> int:
        """A page size: 1 to 100; above 100 a 400 (the spec's decision) unless `over_ok`."""
        size = StandIn._int(q, name, default)
        if size > 100 and not over_ok:
            raise _Fail(400, "validation", f"Key: '{name}' Error: failed on the 'max' tag (100)")
        return size

    @staticmethod
    def _sort_dir(q: httpx.QueryParams) -> bool:
        value = str(q.get("sort_dir", "asc"))
        if value not in ("asc", "desc"):
            raise _Fail(400, "validation", "sort_dir must be asc or desc")
        return value == "desc"

    def _ids(self, q: httpx.QueryParams, name: str) -> set[int] | None:
        """A comma-separated id filter (style form, explode false), read as Go reads one:
        the first `name=` only. The query_styles drift modes change that for ghost_ids."""
        values = q.get_list(name)
        if not values or (name == "ghost_ids" and self.mode == "ghost_ids_ignored"):
            return None
        if name == "ghost_ids" and self.mode == "comma_ids_refused":
            if any("," in value for value in values):
                raise _Fail(400, "validation", "ghost_ids: invalid integer")
            parts = values
        else:
            parts = values[0].split(",")
            if name == "ghost_ids" and self.mode == "comma_ids_first_only":
                parts = parts[:1]
        if not all(re.fullmatch(r"\d{1,18}", part) for part in parts):
            raise _Fail(400, "validation", f"{name} must be comma-separated integer ids")
        return {int(part) for part in parts}

    @staticmethod
    def _page(items: list[Any], page: int, size: int) -> list[Any]:
        return items[(page - 1) * size : page * size]

    # --- operations ----------------------------------------------------------------------------

    def _list_ghosts(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        q, mode = request.url.params, self.mode
        first = 0 if mode == "pages_from_0" else 1
        page = self._int(q, "page", first, low=first)
        rows = self._size(q, "rows", 50, over_ok=mode in ("rows_101_clamped", "rows_101_422"))
        if rows > 100 and mode == "rows_101_422":
            raise _Fail(422, "validation", "rows must be at most 100")
        rows = min(rows, 100)
        order = q.get("order_by", "name,asc")
        if not re.fullmatch(r"name,(asc|desc)", order):
            raise _Fail(400, "validation", "order_by must be 'name,asc' or 'name,desc'")
        if q.get("include_embodied", "false") not in ("true", "false"):
            raise _Fail(400, "validation", "include_embodied must be true or false")
        embodied, search = q.get("include_embodied") == "true", q.get("search", "").lower()
        ghosts = [g for g in self.ghosts.values() if embodied or g["user_id"] is None]
        ghosts = [g for g in ghosts if search in g["name"].lower()]
        for name in ("ghost_ids", "project_ids", "task_ids", "team_ids"):
            ids = self._ids(q, name)
            if ids is not None:
                ghosts = [g for g in ghosts if ids & _ghost_ids(g, name)]
        ghosts = self._sorted(ghosts, desc=order.endswith("desc"))
        if mode == "sorted_by_id":
            ghosts.sort(key=lambda g: g["id"])
        total, start = len(ghosts), (page - first) * rows
        if mode == "page_ignored":
            start = 0
        elif mode == "pages_overlap":
            start = max(0, start - (page - 1))
        elif mode == "last_page_repeats" and start >= total > 0:
            start = max(0, total - rows)
        data = ghosts if mode == "rows_ignored" else ghosts[start : start + rows]
        if mode == "total_too_small":
            total -= 2
        elif mode == "total_changes":
            total += page - 1
        views = [self._view("ghost", g) for g in data]
        envelope = {"data": views or (None if mode == "sparse" else [])}
        rows = 50 if mode == "rows_echo_wrong" else rows
        return 200, envelope | {"page": page, "rows": rows, "total": total}

    def _get_ghost(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        ghost = self.ghosts.get(p["ghost"])
        if ghost is None:
            raise _Fail(404, "not_found", "Ghost not found")
        return 200, self._view("ghost", ghost)

    def _create_ghost(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        try:
            body = json.loads(request.content)
        except ValueError:
            raise _Fail(400, "validation", "The body is not JSON") from None
        lists = ("assign_projects", "assign_tasks", "assign_teams")
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("name"), str)
            or not body["name"]
            or not isinstance(body.get("description", ""), str)
            or any(not _int_list(body.get(key, [])) for key in lists)
        ):
            raise _Fail(400, "validation", "name is required; assign_* are lists of ids")
        gid, self._next_id = self._next_id, self._next_id + 1
        ghost = self._ghost(gid % 100, gid, body["name"])
        ghost["description"] = body.get("description", "")
        ghost["assigned"] = {
            "projects": [{"id": i} for i in body.get("assign_projects", [])],
            "tasks": [{"id": i} for i in body.get("assign_tasks", [])],
            "team_ids": list(body.get("assign_teams", [])),
        }
        self.ghosts[gid] = ghost
        self.created.append(gid)
        if self.mode == "create_empty_body":
            return 201, EMPTY
        view = {"id": gid, "name": ghost["name"]} if self.mode == "sparse" else copy.deepcopy(ghost)
        return 200 if self.mode == "create_200" else 201, view

    def _delete_ghost(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        if self.mode == "delete_503_once" and not self._delete_failed:
            self._delete_failed = True
            raise _Fail(503, "unavailable", "Service temporarily unavailable")
        if self.ghosts.pop(p["ghost"], None) is None and self.mode == "delete_again_404":
            raise _Fail(404, "not_found", "Ghost not found")
        return 204, EMPTY  # the spec's decision: a missing or deleted ghost answers 204 too

    def _get_user_working_hours(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        key = "user_account_id" if self.mode == "hours_by_account_id" else "id"
        user = next((u for u in self.users if u[key] == p["user"]), None)
        if user is None:  # the spec's decision: a user outside the organization answers 403
            raise _Fail(403, "forbidden", "The user is not in this organization")
        return 200, [self._view("hours", e) for e in self.hours["user", user["id"]]]

    def _get_ghost_working_hours(
        self, p: dict[str, int], request: httpx.Request
    ) -> tuple[int, Any]:
        if p["ghost"] not in self.ghosts:  # the spec's decision: 403, also for a deleted ghost
            raise _Fail(403, "forbidden", "The ghost is not in this workspace")
        return 200, [self._view("hours", e) for e in self.hours.get(("ghost", p["ghost"]), [])]

    def _list_roles(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        roles = []
        for n, (code, level) in enumerate(ROLES.items(), start=1):
            name = code.title()
            open_values = self.mode == "open_enum_values" and n == 3
            permission = {
                "category_id": 4, "category_name": "Ghosts", "condition": "all",
                "description": "Create, edit, delete and embody ghosts",
                "entity": "portfolio" if open_values else "workspace",
                "name": "manage_ghosts", "permission_id": 12,
            }  # fmt: skip
            role = {
                "code": code, "default_for_levels": [], "description": f"The {name} role",
                "entity": "organization", "name": name, "organization_id": ORG,
                "permissions": [permission] if level >= 30 else [], "privilege_level": level,
                "require_group": False, "role_id": n,
                "type": "resource_manager" if open_values else code,
            }  # fmt: skip
            roles.append(self._view("role", role))
        return 200, roles

    def _list_teams(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        q = request.url.params
        if self.mode == "teams_403":
            raise _Fail(403, "forbidden", "User does not have permission to view groups")
        if self.mode == "teams_402":
            raise _Fail(402, "payment_required", "Feature not available on current plan")
        if q.get("workspace_id") is None:
            raise _Fail(400, "validation", "workspace_id is required")
        if self._int(q, "workspace_id", WS) != WS:
            raise _Fail(403, "forbidden", "No access to this workspace")
        page = self._int(q, "page", 1)
        size = self._size(q, "per_page", 50, over_ok=self.mode == "teams_per_page_101_ok")
        desc, text = self._sort_dir(q), q.get("filter", "").lower()
        names = {u["id"]: u for u in self.users}
        teams = []
        for tid, name, emoji, members in TEAMS:
            if text not in name.lower() or q.get("query", "").lower() not in name.lower():
                continue
            ghosts = [g for g in self.ghosts.values() if tid in g["assigned"]["team_ids"]]
            team = {
                "created_at": _ts(tid), "deleted_at": None, "emoji": emoji,
                "ghosts": [{"id": g["id"], "name": g["name"]} for g in ghosts],
                "id": tid, "name": name, "organization_id": ORG, "updated_at": _ts(tid + 5),
                "users": [{
                    "display_name": names[uid]["name"], "focus_role_id": 3,
                    "organization_user_id": uid, "user_account_id": names[uid]["user_account_id"],
                    "user_group_id": 91000 + uid % 100, "track_role_id": None, "work_role_id": None,
                } for uid in members],
                "workspaces": [{
                    "focus_role_id": None, "name": "Studio", "products": ["focus"],
                    "workspace_group_id": 61000 + tid, "workspace_id": WS,
                }],
            }  # fmt: skip
            teams.append(team)
        teams = self._sorted(teams, desc)
        data = [self._view("team", t) for t in self._page(teams, page, size)]
        body = {"data": data, "page": page, "rows": size, "total": len(teams)}
        return 200, body

    def _list_users(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        q = request.url.params
        page = self._int(q, "page", 1)
        size = self._size(q, "per_page", 50, over_ok=self.mode == "per_page_101_ok")
        desc, text = self._sort_dir(q), q.get("filter", "").lower()
        users = [u for u in self.users if text in u["name"].lower() or text in u["email"].lower()]
        for name, key in (("org_user_ids", "id"), ("user_account_ids", "user_account_id")):
            ids = self._ids(q, name)
            if ids is not None:
                users = [u for u in users if u[key] in ids]
        if self.mode == "users_page_ignored":
            page = 1
        views = []
        for user in self._page(self._sorted(users, desc), page, size):
            view = self._view("user", user)
            if q.get("include_working_hours") == "true":
                entries = self.hours["user", user["id"]]
                view["working_hours"] = sum(e["working_hours"] for e in entries) or None
            views.append(view)
        return 200, views

    def _list_my_groups(self, p: dict[str, int], request: httpx.Request) -> tuple[int, Any]:
        if self.mode == "sparse":
            return 200, None  # a bare-array body may be null (a Go nil slice)
        return 200, [{"emoji": t[2], "id": t[0], "name": t[1]} for t in TEAMS[:2]]


def _ghost_ids(ghost: dict[str, Any], name: str) -> set[int]:
    """The ids of a ghost that an id filter of list_ghosts matches."""
    assigned = ghost["assigned"]
    if name == "ghost_ids":
        return {ghost["id"]}
    if name == "team_ids":
        return set(assigned["team_ids"])
    return {item["id"] for item in assigned["projects" if name == "project_ids" else "tasks"]}


def _int_list(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    )
