"""The fake server's HTTP layer: one pure `handle()` shared by every transport.

It routes the 23 operations of `openapi/focus.yaml`, checks the Bearer token and the hourly
quota, validates parameters and bodies (400 in the `Error` shape), runs the operation on the
in-memory state and answers the spec's shapes and status codes.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from toggl_focus.testing._state import FocusState, JsonObject, utc_now
from toggl_focus.testing._validate import (
    ApiError,
    Query,
    as_array,
    as_int,
    as_int_list,
    as_number,
    as_object,
    as_str,
    assign_action,
    ghost_fields,
    invalid,
    parse_int_text,
    parse_json,
)

BASE_PATH = "/api"
QUOTA_WINDOW = 3600.0
DEFAULT_ROWS = 50
DEFAULT_PER_PAGE = 50
MAX_PAGE_SIZE = 100
_ORDER_BY = re.compile(r"name,(asc|desc)")


class Answer(NamedTuple):
    """An HTTP answer: status, headers and body bytes."""

    status: int
    headers: dict[str, str]
    body: bytes


class Quota:
    """An hourly request quota for the fake's one token; the window opens at its first request."""

    def __init__(self, limit: int | None, clock: Callable[[], float]) -> None:
        """`limit=None` means unlimited (and no quota headers are sent)."""
        self.limit = limit
        self.clock = clock
        self.window_start: float | None = None
        self.used = 0

    def reset(self) -> None:
        """Forget the current window, as if no request had been made."""
        self.window_start = None
        self.used = 0

    def _roll(self, now: float) -> None:
        """Open a new window at the first request, or once the current one is an hour old."""
        if self.window_start is None or now - self.window_start >= QUOTA_WINDOW:
            self.window_start = now
            self.used = 0

    def _headers(self, now: float) -> dict[str, str]:
        """The two quota headers as of `now`."""
        assert self.limit is not None
        start = now if self.window_start is None else self.window_start
        resets_in = max(0, math.ceil(start + QUOTA_WINDOW - now))
        return {
            "X-Toggl-Quota-Remaining": str(max(0, self.limit - self.used)),
            "X-Toggl-Quota-Resets-In": str(resets_in),
        }

    def consume(self) -> tuple[bool, dict[str, str]]:
        """Count one request; return whether it is within the quota, and the quota headers."""
        if self.limit is None:
            return True, {}
        now = self.clock()
        self._roll(now)
        if self.used >= self.limit:
            return False, self._headers(now)
        self.used += 1
        return True, self._headers(now)

    def peek(self) -> dict[str, str]:
        """Return the quota headers without counting a request."""
        if self.limit is None:
            return {}
        now = self.clock()
        if self.window_start is not None and now - self.window_start >= QUOTA_WINDOW:
            self.reset()
        return self._headers(now)


def json_answer(status: int, payload: Any, headers: dict[str, str] | None = None) -> Answer:
    """Serialise a JSON answer."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return Answer(status, {"Content-Type": "application/json", **(headers or {})}, body)


def empty_answer(status: int) -> Answer:
    """An answer without a body (204)."""
    return Answer(status, {}, b"")


class _Request(NamedTuple):
    """A routed request: path parameters (raw text), query and body."""

    params: tuple[str, ...]
    query: Query
    body: bytes


Handler = Callable[["FocusApp", _Request], Answer]


class FocusApp:
    """Routes requests to the operations of the spec, on a `FocusState`."""

    def __init__(self, state: FocusState, token: str, quota: Quota) -> None:
        """Serve `state` to clients that present `token`, counting `quota`."""
        self.state = state
        self.token = token
        self.quota = quota
        self._trace = 0

    # --- entry point ---------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Answer:
        """Answer one request: route, authenticate, count the quota, run the operation."""
        method = method.upper()
        if path != BASE_PATH and not path.startswith(BASE_PATH + "/"):
            return self._error(ApiError(404, "not_found", f"no such path: {path}"))
        relative = path[len(BASE_PATH) :]
        for pattern, methods in _ROUTES:
            match = pattern.fullmatch(relative)
            if match is None:
                continue
            allow = ", ".join(methods)
            if method == "OPTIONS":
                return Answer(204, {"Allow": f"{allow}, OPTIONS"}, b"")
            handler = methods.get(method)
            if handler is None:
                error = ApiError(405, "method_not_allowed", f"{method} is not allowed here")
                return self._error(error, {"Allow": allow})
            return self._operation(handler, match.groups(), query, headers, body)
        return self._error(ApiError(404, "not_found", f"no such path: {path}"))

    def _operation(
        self,
        handler: Handler,
        params: tuple[str, ...],
        query: str,
        headers: Mapping[str, str],
        body: bytes,
    ) -> Answer:
        """Authenticate, count the quota, then run the operation (errors in the Error shape)."""
        lowered = {key.lower(): value for key, value in headers.items()}
        if not self._authorized(lowered.get("authorization")):
            challenge = {"WWW-Authenticate": 'Bearer realm="Toggl Focus"'}
            return self._error(
                ApiError(401, "unauthorized", "missing, invalid or expired API key"), challenge
            )
        allowed, quota_headers = self.quota.consume()
        if not allowed:
            error = ApiError(
                402,
                "quota_exceeded",
                "hourly request quota spent; wait X-Toggl-Quota-Resets-In seconds",
                {"limit": self.quota.limit},
            )
            return self._error(error, quota_headers)
        try:
            answer = handler(self, _Request(params, Query(query), body))
        except ApiError as error:
            answer = self._error(error)
        except Exception as exc:  # the spec documents 500 for every operation
            answer = self._error(ApiError(500, "internal", f"fake server bug: {exc!r}"))
        answer.headers.update(quota_headers)
        return answer

    def bad_framing(self) -> Answer:
        """The 400 for a request whose body framing (Content-Length, chunks) is broken."""
        return self._error(ApiError(400, "validation", "malformed request body framing"))

    def _authorized(self, header: str | None) -> bool:
        """Accept `Bearer <token>`, or HTTP Basic with the token as the password."""
        if not header:
            return False
        scheme, _, credentials = header.strip().partition(" ")
        credentials = credentials.strip()
        if scheme.lower() == "bearer":
            return credentials == self.token
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return False
            _, _, password = decoded.partition(":")
            return password == self.token
        return False

    def _error(self, error: ApiError, headers: dict[str, str] | None = None) -> Answer:
        """Render an `ApiError` in the spec's Error shape, with a fresh trace id."""
        self._trace += 1
        payload: JsonObject = {"error": error.error, "error_description": error.description}
        if error.values:
            payload["error_values"] = error.values
        payload["trace_id"] = f"{self._trace:032x}"
        return json_answer(error.status, payload, {**error.headers, **(headers or {})})

    # --- shared checks -------------------------------------------------------------------

    def _organization(self, text: str) -> int:
        """Parse the organization id; any other than the fake's is a 403."""
        organization_id = parse_int_text(text, "organization_id")
        if organization_id != self.state.organization_id:
            raise ApiError(
                403,
                "forbidden",
                f"no access to organization {organization_id}",
                {"organization_id": organization_id},
            )
        return organization_id

    def _workspace(self, organization: str, workspace: str) -> int:
        """Parse and check the organization and workspace ids of a path."""
        self._organization(organization)
        workspace_id = parse_int_text(workspace, "workspace_id")
        self._check_workspace(workspace_id)
        return workspace_id

    def _check_workspace(self, workspace_id: int) -> None:
        """A workspace outside the organization is a 403."""
        if workspace_id not in self.state.workspaces:
            raise ApiError(
                403,
                "forbidden",
                f"no access to workspace {workspace_id}",
                {"workspace_id": workspace_id},
            )

    @staticmethod
    def _page(query: Query, size_param: str, default: int) -> tuple[int, int]:
        """Read the 1-based page and the page size (1 to 100, `default` when absent)."""
        page = query.integer("page", minimum=1)
        size = query.integer(size_param, minimum=1, maximum=MAX_PAGE_SIZE)
        return page or 1, size or default

    # --- ghosts --------------------------------------------------------------------------

    def list_ghosts(self, request: _Request) -> Answer:
        """GET .../ghosts: a page of ghosts with `data`, `page`, `rows`, `total`."""
        workspace_id = self._workspace(*request.params)
        query = request.query
        page, rows = self._page(query, "rows", DEFAULT_ROWS)
        order_by = query.text("order_by")
        if order_by is not None and not _ORDER_BY.fullmatch(order_by):
            invalid("order_by must be 'name,asc' or 'name,desc'", field="order_by")
        ids = self.state.list_ghost_ids(
            workspace_id,
            search=query.text("search"),
            project_ids=query.integers("project_ids"),
            task_ids=query.integers("task_ids"),
            team_ids=query.integers("team_ids"),
            ghost_ids=query.integers("ghost_ids"),
            include_embodied=bool(query.boolean("include_embodied")),
            descending=order_by == "name,desc",
        )
        start = (page - 1) * rows
        data = [self.state.ghosts[gid] for gid in ids[start : start + rows]]
        return json_answer(200, {"data": data, "page": page, "rows": rows, "total": len(ids)})

    def create_ghost(self, request: _Request) -> Answer:
        """POST .../ghosts: create one ghost, 201 with the `Ghost`."""
        workspace_id = self._workspace(*request.params)
        fields = ghost_fields(
            as_object(parse_json(request.body), "body"), "body", name_required=True
        )
        return json_answer(201, self._create(workspace_id, fields))

    def bulk_create_ghosts(self, request: _Request) -> Answer:
        """POST .../ghosts/bulk_create: all-or-nothing; 201 with the ghosts in request order."""
        workspace_id = self._workspace(*request.params)
        items = as_array(parse_json(request.body), "body", min_items=1)
        batch = [
            ghost_fields(as_object(item, f"body[{i}]"), f"body[{i}]", name_required=True)
            for i, item in enumerate(items)
        ]
        return json_answer(201, [self._create(workspace_id, fields) for fields in batch])

    def _create(self, workspace_id: int, fields: JsonObject) -> JsonObject:
        """Create one validated `GhostCreate` in a workspace."""
        return self.state.add_ghost(
            workspace_id=workspace_id,
            name=fields["name"],
            description=fields.get("description", ""),
            project_ids=fields.get("assign_projects", ()),
            task_ids=fields.get("assign_tasks", ()),
            team_ids=fields.get("assign_teams", ()),
        )

    def bulk_update_ghosts(self, request: _Request) -> Answer:
        """PATCH .../ghosts/bulk_update: all-or-nothing; unknown or embodied ids are a 400."""
        workspace_id = self._workspace(*request.params)
        items = as_array(parse_json(request.body), "body", min_items=1)
        batch = []
        for i, item in enumerate(items):
            where = f"body[{i}]"
            obj = as_object(item, where)
            if "id" not in obj:
                invalid(f"{where}.id is required", field=f"{where}.id")
            ghost_id = as_int(obj["id"], f"{where}.id")
            changes = ghost_fields(obj, where, name_required=False)
            action = assign_action(obj, where)
            if action is not None:
                changes["assign_action"] = action
            batch.append((i, ghost_id, changes))
        ghosts = []
        for i, ghost_id, _ in batch:
            ghost = self.state.live_ghost(workspace_id, ghost_id)
            if ghost is None:
                invalid(
                    f"body[{i}].id: no ghost {ghost_id} in this workspace", index=i, id=ghost_id
                )
            if ghost["user_id"] is not None:
                invalid(f"body[{i}].id: ghost {ghost_id} is embodied", index=i, id=ghost_id)
            ghosts.append(ghost)
        now = utc_now()
        for ghost, (_, _, changes) in zip(ghosts, batch, strict=True):
            self.state.update_ghost(ghost, changes, now)
        return json_answer(200, ghosts)

    def _ghost_path(self, request: _Request) -> tuple[int, int]:
        """Parse the organization, workspace and ghost ids of a ghost path."""
        organization, workspace, ghost = request.params
        workspace_id = self._workspace(organization, workspace)
        return workspace_id, parse_int_text(ghost, "ghost_id")

    def get_ghost(self, request: _Request) -> Answer:
        """GET .../ghosts/{ghost_id}: the ghost, embodied or not; 404 when absent or deleted."""
        workspace_id, ghost_id = self._ghost_path(request)
        return json_answer(200, self._found_ghost(workspace_id, ghost_id))

    def _found_ghost(self, workspace_id: int, ghost_id: int) -> JsonObject:
        """Return a live ghost of the workspace, or raise a 404."""
        ghost = self.state.live_ghost(workspace_id, ghost_id)
        if ghost is None:
            raise ApiError(404, "not_found", f"ghost {ghost_id} not found", {"ghost_id": ghost_id})
        return ghost

    def delete_ghost(self, request: _Request) -> Answer:
        """DELETE .../ghosts/{ghost_id}: 204, also for a ghost that is absent or deleted."""
        workspace_id, ghost_id = self._ghost_path(request)
        ghost = self.state.live_ghost(workspace_id, ghost_id)
        if ghost is not None:
            self.state.delete_ghost(ghost, utc_now())
        return empty_answer(204)

    def update_ghost(self, request: _Request) -> Answer:
        """PATCH .../ghosts/{ghost_id}: 200 with the ghost; embodied ghosts are a 400."""
        workspace_id, ghost_id = self._ghost_path(request)
        body = as_object(parse_json(request.body), "body")
        if not body:
            invalid("body must have at least one property", min_properties=1)
        changes = ghost_fields(body, "body", name_required=False)
        action = assign_action(body, "body")
        if action is not None:
            changes["assign_action"] = action
        if "id" in body and as_int(body["id"], "body.id") != ghost_id:
            invalid("body.id must equal the ghost_id of the path", field="body.id")
        ghost = self._found_ghost(workspace_id, ghost_id)
        if ghost["user_id"] is not None:
            invalid(f"ghost {ghost_id} is embodied and cannot be updated", user_id=ghost["user_id"])
        self.state.update_ghost(ghost, changes, utc_now())
        return json_answer(200, ghost)

    def embody_ghost(self, request: _Request) -> Answer:
        """PATCH .../ghosts/{ghost_id}/embody: 404 unknown, 409 already embodied."""
        workspace_id, ghost_id = self._ghost_path(request)
        body = as_object(parse_json(request.body), "body")
        ids = {}
        for key in ("recipient_org_user_id", "recipient_user_account_id", "role_id"):
            if key not in body:
                invalid(f"body.{key} is required", field=f"body.{key}")
            ids[key] = as_int(body[key], f"body.{key}")
        ghost = self._found_ghost(workspace_id, ghost_id)
        if ghost["user_id"] is not None:
            raise ApiError(
                409,
                "conflict",
                f"ghost {ghost_id} is already embodied by organization user {ghost['user_id']}",
                {"user_id": ghost["user_id"], "embodied_at": ghost["embodied_at"]},
            )
        user = self.state.users.get(ids["recipient_org_user_id"])
        if user is None or user["user_account_id"] != ids["recipient_user_account_id"]:
            invalid(
                "recipient_org_user_id and recipient_user_account_id do not name one "
                "organization user",
                field="recipient_org_user_id",
            )
        if ids["role_id"] not in self.state.roles:
            invalid(f"unknown role_id {ids['role_id']}", field="role_id")
        self.state.embody_ghost(ghost, user, ids["role_id"], utc_now())
        return json_answer(200, ghost)

    # --- working hours -------------------------------------------------------------------

    def _user_entity(self, request: _Request) -> tuple[str, int]:
        """The working-hours owner of a user path; a user outside the organization is a 403."""
        organization, user = request.params
        self._organization(organization)
        user_id = parse_int_text(user, "user_id")
        if user_id not in self.state.users:
            raise ApiError(403, "forbidden", f"user {user_id} is not in this organization")
        return "user", user_id

    def _ghost_entity(self, request: _Request) -> tuple[str, int]:
        """The working-hours owner of a ghost path; a ghost outside the workspace is a 403."""
        organization, workspace, ghost = request.params
        workspace_id = self._workspace(organization, workspace)
        ghost_id = parse_int_text(ghost, "ghost_id")
        if self.state.live_ghost(workspace_id, ghost_id) is None:
            raise ApiError(403, "forbidden", f"ghost {ghost_id} is not in this workspace")
        return "ghost", ghost_id

    def _hours_get(self, entity: tuple[str, int]) -> Answer:
        """An entity's working hours, by weekday."""
        return json_answer(200, self.state.working_hours_of(*entity))

    def _hours_create(self, entity: tuple[str, int], body: bytes) -> Answer:
        """Create entries; a weekday that already has one (or is given twice) is a 400.

        An item without `weekday` makes an entry without one (the spec's decision).
        """
        items = as_array(parse_json(body), "body", min_items=1)
        taken = {entry.get("weekday") for entry in self.state.working_hours_of(*entity)}
        batch = []
        for i, item in enumerate(items):
            obj = as_object(item, f"body[{i}]")
            weekday, hours = _weekday_hours(obj, f"body[{i}]")
            if weekday is not None and weekday in taken:
                invalid(
                    f"body[{i}].weekday: weekday {weekday} already has working hours",
                    index=i,
                    weekday=weekday,
                )
            taken.add(weekday)
            batch.append((weekday, hours))
        now = utc_now()
        created = [
            self.state.add_working_hours(*entity, weekday, hours, 9.0, now)
            for weekday, hours in batch
        ]
        return json_answer(200, created)

    def _hours_update(self, entity: tuple[str, int], body: bytes) -> Answer:
        """Update the entity's own entries; unknown ids and weekday clashes are a 400."""
        items = as_array(parse_json(body), "body", min_items=1)
        own = {entry["working_hour_id"]: entry for entry in self.state.working_hours_of(*entity)}
        changes: dict[int, tuple[int | None, float | int]] = {}
        for i, item in enumerate(items):
            where = f"body[{i}]"
            obj = as_object(item, where)
            if "working_hour_id" not in obj:
                invalid(f"{where}.working_hour_id is required", field=f"{where}.working_hour_id")
            entry_id = as_int(obj["working_hour_id"], f"{where}.working_hour_id")
            weekday, hours = _weekday_hours(obj, where)
            if entry_id not in own:
                invalid(
                    f"{where}.working_hour_id: no entry {entry_id} for this {entity[0]}",
                    index=i,
                    working_hour_id=entry_id,
                )
            if entry_id in changes:
                invalid(
                    f"{where}.working_hour_id: entry {entry_id} is given twice",
                    index=i,
                    working_hour_id=entry_id,
                )
            changes[entry_id] = (weekday, hours)
        weekdays = []  # each entry's weekday after the update; entries without one clash never
        for entry_id, entry in own.items():
            new = changes[entry_id][0] if entry_id in changes else None
            weekday = entry.get("weekday") if new is None else new  # no weekday: keep its own
            if weekday is not None:
                weekdays.append(weekday)
        if len(weekdays) != len(set(weekdays)):
            invalid("the update would give a weekday two working-hours entries")
        now = utc_now()
        for entry_id, (weekday, hours) in changes.items():
            if weekday is not None:
                own[entry_id]["weekday"] = weekday
            own[entry_id].update(working_hours=hours, updated_at=now)
        return json_answer(200, self.state.working_hours_of(*entity))

    def _hours_delete(self, entity: tuple[str, int], body: bytes) -> Answer:
        """Delete the listed entries of the entity; other ids are ignored."""
        ids = as_int_list(parse_json(body), "body")
        for entry in self.state.working_hours_of(*entity):
            if entry["working_hour_id"] in ids:
                del self.state.working_hours[entry["working_hour_id"]]
        return empty_answer(204)

    def get_user_working_hours(self, request: _Request) -> Answer:
        """GET .../workinghours/users/{user_id}."""
        return self._hours_get(self._user_entity(request))

    def create_user_working_hours(self, request: _Request) -> Answer:
        """POST .../workinghours/users/{user_id} (200, as documented)."""
        return self._hours_create(self._user_entity(request), request.body)

    def update_user_working_hours(self, request: _Request) -> Answer:
        """PUT .../workinghours/users/{user_id}."""
        return self._hours_update(self._user_entity(request), request.body)

    def delete_user_working_hours(self, request: _Request) -> Answer:
        """DELETE .../workinghours/users/{user_id} with a bare array of ids."""
        return self._hours_delete(self._user_entity(request), request.body)

    def get_ghost_working_hours(self, request: _Request) -> Answer:
        """GET /organizations/{o}/{w}/workinghours/ghosts/{ghost_id}."""
        return self._hours_get(self._ghost_entity(request))

    def create_ghost_working_hours(self, request: _Request) -> Answer:
        """POST /organizations/{o}/{w}/workinghours/ghosts/{ghost_id} (200, as documented)."""
        return self._hours_create(self._ghost_entity(request), request.body)

    def update_ghost_working_hours(self, request: _Request) -> Answer:
        """PUT /organizations/{o}/{w}/workinghours/ghosts/{ghost_id}."""
        return self._hours_update(self._ghost_entity(request), request.body)

    def delete_ghost_working_hours(self, request: _Request) -> Answer:
        """DELETE /organizations/{o}/{w}/workinghours/ghosts/{ghost_id}."""
        return self._hours_delete(self._ghost_entity(request), request.body)

    # --- organization --------------------------------------------------------------------

    def _group_request(self, body: bytes) -> JsonObject:
        """Validate a `GroupRequest`: all four fields (else 400), known members (else 400),
        own workspaces (else 403). A missing list is never read as "empty"."""
        obj = as_object(parse_json(body), "body")
        for key in ("emoji", "name", "organization_users", "workspaces"):
            if key not in obj:
                invalid(f"body.{key} is required", field=f"body.{key}")
        fields: JsonObject = {
            "name": as_str(obj["name"], "body.name", min_length=1),
            "emoji": as_str(obj["emoji"], "body.emoji"),
            "organization_users": as_int_list(obj["organization_users"], "body.organization_users"),
            "workspaces": as_int_list(obj["workspaces"], "body.workspaces"),
        }
        unknown = [uid for uid in fields["organization_users"] if uid not in self.state.users]
        if unknown:
            invalid(
                "body.organization_users: unknown organization users", organization_users=unknown
            )
        for workspace_id in fields["workspaces"]:
            self._check_workspace(workspace_id)
        return fields

    def create_group(self, request: _Request) -> Answer:
        """POST /organizations/{o}/groups: 201 with the `Group`."""
        self._organization(request.params[0])
        fields = self._group_request(request.body)
        group = self.state.create_group(
            name=fields["name"],
            emoji=fields["emoji"],
            user_ids=fields["organization_users"],
            workspace_ids=fields["workspaces"],
            now=utc_now(),
        )
        return json_answer(201, self.state.render_group(group))

    def _group(self, organization: str, group: str) -> JsonObject:
        """Return an existing group, or raise a 404."""
        self._organization(organization)
        group_id = parse_int_text(group, "group_id")
        found = self.state.groups.get(group_id)
        if found is None:
            raise ApiError(404, "not_found", f"group {group_id} not found", {"group_id": group_id})
        return found

    def update_group(self, request: _Request) -> Answer:
        """PUT /organizations/{o}/groups/{group_id}: replaces the group; 404 when absent."""
        self._organization(request.params[0])
        fields = self._group_request(request.body)
        group = self._group(*request.params)
        self.state.replace_group(
            group,
            name=fields["name"],
            emoji=fields["emoji"],
            user_ids=fields["organization_users"],
            workspace_ids=fields["workspaces"],
            now=utc_now(),
        )
        return json_answer(200, self.state.render_group(group))

    def delete_group(self, request: _Request) -> Answer:
        """DELETE /organizations/{o}/groups/{group_id}?workspace_id=: 200 with a map of booleans."""
        self._organization(request.params[0])
        workspace_id = request.query.integer("workspace_id", required=True)
        assert workspace_id is not None
        self._check_workspace(workspace_id)
        group = self._group(*request.params)
        self.state.delete_group(group["id"])
        return json_answer(200, {"deleted": True})

    def list_my_groups(self, request: _Request) -> Answer:
        """GET /organizations/{o}/groups/me: the token owner's groups, a bare array."""
        self._organization(request.params[0])
        mine = [
            {"id": g["id"], "name": g["name"], "emoji": g["emoji"]}
            for g in self.state.groups.values()
            if self.state.me_user_id in g["organization_users"]
        ]
        return json_answer(200, sorted(mine, key=lambda g: (g["name"].casefold(), g["id"])))

    def list_roles(self, request: _Request) -> Answer:
        """GET /organizations/{o}/roles: a bare array of roles."""
        self._organization(request.params[0])
        return json_answer(200, list(self.state.roles.values()))

    def list_teams(self, request: _Request) -> Answer:
        """GET /organizations/{o}/teams?workspace_id=: a page of teams hydrated with ghosts."""
        self._organization(request.params[0])
        query = request.query
        workspace_id = query.integer("workspace_id", required=True)
        assert workspace_id is not None
        page, per_page = self._page(query, "per_page", DEFAULT_PER_PAGE)
        descending = query.choice("sort_dir", ("asc", "desc")) == "desc"
        needles = [(query.text(key) or "").casefold() for key in ("filter", "query")]
        member = query.integer("organization_user_id")
        group_ids = query.integers("group_ids")
        active_only = bool(query.boolean("active_members_only"))
        self._check_workspace(workspace_id)
        teams = [
            g
            for g in self.state.groups.values()
            if workspace_id in g["workspaces"]
            and all(needle in g["name"].casefold() for needle in needles)
            and (member is None or member in g["organization_users"])
            and (not group_ids or g["id"] in group_ids)
        ]
        teams.sort(key=lambda g: (g["name"].casefold(), g["id"]), reverse=descending)
        start = (page - 1) * per_page
        chunk = teams[start : start + per_page]
        ghosts = self.state.team_ghosts(workspace_id) if chunk else {}
        data = [
            {
                **self.state.render_group(g, active_only=active_only),
                "ghosts": ghosts.get(g["id"], []),
            }
            for g in chunk
        ]
        return json_answer(200, {"data": data, "page": page, "rows": per_page, "total": len(teams)})

    def list_users(self, request: _Request) -> Answer:
        """GET /organizations/{o}/users: a bare array page, without a total."""
        self._organization(request.params[0])
        query = request.query
        page, per_page = self._page(query, "per_page", DEFAULT_PER_PAGE)
        descending = query.choice("sort_dir", ("asc", "desc")) == "desc"
        filters = _UserFilters(query)
        with_hours = bool(query.boolean("include_working_hours"))
        with_rate = bool(query.boolean("include_rates"))
        with_custom = bool(query.boolean("include_custom_fields"))
        pinned = query.integers("pinned_ids") or []
        users = [u for u in self.state.users.values() if filters.match(self.state, u)]
        users.sort(key=lambda u: (u["name"].casefold(), u["id"]), reverse=descending)
        if pinned:
            rank = {uid: i for i, uid in reversed(list(enumerate(pinned)))}
            users.sort(key=lambda u: rank.get(u["id"], len(pinned)))
        start = (page - 1) * per_page
        data = [
            self.state.render_user(
                u, with_hours=with_hours, with_rate=with_rate, with_custom_fields=with_custom
            )
            for u in users[start : start + per_page]
        ]
        return json_answer(200, data)


def _weekday_hours(obj: JsonObject, where: str) -> tuple[int | None, float | int]:
    """Validate the required `working_hours` (0-168) and optional `weekday` (0-6) of an entry."""
    if "working_hours" not in obj:
        invalid(f"{where}.working_hours is required", field=f"{where}.working_hours")
    weekday = None
    if "weekday" in obj:
        weekday = as_int(obj["weekday"], f"{where}.weekday", minimum=0, maximum=6)
    hours = as_number(obj["working_hours"], f"{where}.working_hours", minimum=0, maximum=168)
    return weekday, hours


class _UserFilters:
    """The filters of `list_users`, parsed once; lists match when any listed value matches."""

    def __init__(self, query: Query) -> None:
        """Parse every filter of the query (a 400 for malformed values)."""
        self.workspaces = query.integers("workspaces")
        self.accounts = query.integers("user_account_ids")
        self.org_users = query.integers("org_user_ids")
        self.groups = query.integers("groups")
        self.products = query.strings("toggl_products")
        self.statuses = query.strings("active_status")
        self.roles = query.integers("roles")
        self.only_admins = query.boolean("only_admins")
        self.needle = (query.text("filter") or "").casefold()
        self.tags = query.integers("tag_ids")
        self.has_group = query.boolean("has_group")

    def match(self, state: FocusState, user: JsonObject) -> bool:
        """Tell whether a user passes every given filter."""
        memberships = user["workspaces"]
        checks = (
            not self.workspaces or any(w["id"] in self.workspaces for w in memberships),
            not self.accounts or user["user_account_id"] in self.accounts,
            not self.org_users or user["id"] in self.org_users,
            not self.groups
            or any(
                user["id"] in state.groups[g]["organization_users"]
                for g in self.groups
                if g in state.groups
            ),
            not self.products
            or any(p in w["toggl_products"] for w in memberships for p in self.products),
            not self.statuses or _status(user) in self.statuses,
            not self.roles or any(w["focus_role_id"] in self.roles for w in memberships),
            not self.only_admins or user["admin"],
            not self.needle
            or self.needle in user["name"].casefold()
            or self.needle in user["email"].casefold(),
            not self.tags or any(t["id"] in self.tags for t in user["tags"]),
            self.has_group is None
            or self.has_group
            == any(user["id"] in g["organization_users"] for g in state.groups.values()),
        )
        return all(checks)


def _status(user: JsonObject) -> str:
    """A user's `active_status` value: invited, active or inactive."""
    if not user["joined"]:
        return "invited"
    return "active" if user["active"] else "inactive"


def _route(template: str) -> re.Pattern[str]:
    """Compile a path template into a regex with one group per parameter."""
    return re.compile(re.sub(r"\{[a-z_]+\}", "([^/]+)", template))


_GHOSTS = "/organizations/{o}/workspaces/{w}/ghosts"
_ROUTES: list[tuple[re.Pattern[str], dict[str, Handler]]] = [
    (_route(_GHOSTS), {"GET": FocusApp.list_ghosts, "POST": FocusApp.create_ghost}),
    (_route(_GHOSTS + "/bulk_create"), {"POST": FocusApp.bulk_create_ghosts}),
    (_route(_GHOSTS + "/bulk_update"), {"PATCH": FocusApp.bulk_update_ghosts}),
    (_route(_GHOSTS + "/{g}/embody"), {"PATCH": FocusApp.embody_ghost}),
    (
        _route(_GHOSTS + "/{g}"),
        {
            "GET": FocusApp.get_ghost,
            "DELETE": FocusApp.delete_ghost,
            "PATCH": FocusApp.update_ghost,
        },
    ),
    (
        _route("/organizations/{o}/workinghours/users/{u}"),
        {
            "GET": FocusApp.get_user_working_hours,
            "PUT": FocusApp.update_user_working_hours,
            "POST": FocusApp.create_user_working_hours,
            "DELETE": FocusApp.delete_user_working_hours,
        },
    ),
    (
        _route("/organizations/{o}/{w}/workinghours/ghosts/{g}"),
        {
            "GET": FocusApp.get_ghost_working_hours,
            "PUT": FocusApp.update_ghost_working_hours,
            "POST": FocusApp.create_ghost_working_hours,
            "DELETE": FocusApp.delete_ghost_working_hours,
        },
    ),
    (_route("/organizations/{o}/groups"), {"POST": FocusApp.create_group}),
    (_route("/organizations/{o}/groups/me"), {"GET": FocusApp.list_my_groups}),
    (
        _route("/organizations/{o}/groups/{g}"),
        {"PUT": FocusApp.update_group, "DELETE": FocusApp.delete_group},
    ),
    (_route("/organizations/{o}/roles"), {"GET": FocusApp.list_roles}),
    (_route("/organizations/{o}/teams"), {"GET": FocusApp.list_teams}),
    (_route("/organizations/{o}/users"), {"GET": FocusApp.list_users}),
]

#: The operations served, by operationId: 23, as in `openapi/focus.yaml`.
OPERATION_COUNT = sum(len(methods) for _, methods in _ROUTES)
