"""The fake server's HTTP layer: one pure `handle()` shared by every transport.

Routing and request checks come from the spec shipped in the package
(`toggl_focus/_spec/focus.json`, via `toggl_focus.testing._conformance`): the path templates and
methods of its operations, and every rule its parameters and bodies state (types, ranges,
required fields, patterns, enums, list formats). The first broken rule is a 400 in the
`Error` shape, before the operation runs. What the spec cannot state (an id that must exist,
a weekday already taken) is checked by the operations here, on the in-memory state.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, NoReturn

from toggl_focus.testing._conformance import Spec, Violation
from toggl_focus.testing._state import FocusState, JsonObject, utc_now

BASE_PATH = "/api"
QUOTA_WINDOW = 3600.0
DEFAULT_ROWS = 50
DEFAULT_PER_PAGE = 50
#: `error_values` keys for the schema keyword a request broke (with the spec's value).
_ERROR_VALUE_KEYS = {
    "maximum": "max",
    "minimum": "min",
    "exclusiveMaximum": "max_exclusive",
    "exclusiveMinimum": "min_exclusive",
    "maxLength": "max_length",
    "minLength": "min_length",
    "maxItems": "max_items",
    "minItems": "min_items",
    "minProperties": "min_properties",
    "enum": "allowed",
    "pattern": "pattern",
    "type": "type",
}


class ApiError(Exception):
    """An HTTP error answer in the spec's `Error` shape."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str,
        values: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Describe the answer: status, machine code, human text and optional details."""
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description
        self.values = values
        self.headers = headers or {}


def invalid(description: str, **values: Any) -> NoReturn:
    """Raise a 400 `validation` error whose `error_values` are the keyword arguments."""
    raise ApiError(400, "validation", description, values or None)


def violation_error(violation: Violation) -> ApiError:
    """The 400 for a request that breaks the spec: the rule, where, and the spec's value."""
    values: dict[str, Any] = {"field": violation.field}
    key = _ERROR_VALUE_KEYS.get(violation.keyword or "")
    if key is not None and violation.kind != "missing-required":
        values[key] = violation.expected
    return ApiError(400, "validation", f"{violation.field}: {violation.message}", values)


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
        # The window minus the time elapsed: `start + QUOTA_WINDOW - now` can round a hair
        # above the window (3601 at the first request); `now - start` is exact when equal.
        resets_in = max(0, math.ceil(QUOTA_WINDOW - (now - start)))
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
    """A request the spec accepted: typed path and query parameters, and the parsed body."""

    path: dict[str, Any]
    query: dict[str, Any]
    body: Any


Handler = Callable[["FocusApp", _Request], Answer]


class FocusApp:
    """Routes requests to the operations of the spec, on a `FocusState`."""

    def __init__(
        self, state: FocusState, token: str, quota: Quota, spec: Spec | None = None
    ) -> None:
        """Serve `state` to clients that present `token`, counting `quota`.

        `spec` (default: the one shipped in the package) routes and checks every request.
        """
        self.state = state
        self.token = token
        self.quota = quota
        self.spec = spec if spec is not None else Spec.shipped()
        #: When True, every answer to an operation is checked against the spec (strictly:
        #: no undeclared field, status or vendor header) and what breaks it is collected in
        #: `violations`; a test of the fake asserts there is none.
        self.check_responses = False
        self.violations: list[Violation] = []
        self._trace = 0

    # --- entry point ---------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Answer:
        """Answer one request: route, authenticate, count the quota, check, run the operation."""
        method = method.upper()
        if path != BASE_PATH and not path.startswith(BASE_PATH + "/"):
            return self._error(ApiError(404, "not_found", f"no such path: {path}"))
        route = self.spec.route(path[len(BASE_PATH) :])
        if route is None:
            return self._error(ApiError(404, "not_found", f"no such path: {path}"))
        allow = ", ".join(route.operations)
        if method == "OPTIONS":
            return Answer(204, {"Allow": f"{allow}, OPTIONS"}, b"")
        operation = route.operations.get(method)
        if operation is None:
            error = ApiError(405, "method_not_allowed", f"{method} is not allowed here")
            return self._error(error, {"Allow": allow})
        answer = self._operation(operation.id, route.params, query, headers, body)
        if self.check_responses:
            self.violations += self.spec.check_response(
                operation.id, status=answer.status, headers=answer.headers, body=answer.body
            )
        return answer

    def _operation(
        self,
        operation_id: str,
        params: dict[str, str],
        query: str,
        headers: Mapping[str, str],
        body: bytes,
    ) -> Answer:
        """Authenticate, count the quota, check the request against the spec, then run the
        operation (errors in the Error shape)."""
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
            checked = self.spec.check_request(
                operation_id, path_params=params, query=query, body=body
            )
            if checked.violations:
                raise violation_error(checked.violations[0])
            handler = _HANDLERS.get(operation_id)
            if handler is None:
                raise ApiError(501, "not_implemented", f"the fake does not serve {operation_id}")
            answer = handler(self, _Request(checked.path, checked.query, checked.body))
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

    # --- shared checks (the spec has checked every type and range already) --------------

    def _organization(self, request: _Request) -> int:
        """The path's organization id; any other than the fake's is a 403."""
        organization_id = int(request.path["organization_id"])
        if organization_id != self.state.organization_id:
            raise ApiError(
                403,
                "forbidden",
                f"no access to organization {organization_id}",
                {"organization_id": organization_id},
            )
        return organization_id

    def _workspace(self, request: _Request) -> int:
        """The path's organization and workspace ids, checked; returns the workspace id."""
        self._organization(request)
        workspace_id = int(request.path["workspace_id"])
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
    def _page(query: Mapping[str, Any], size_param: str, default: int) -> tuple[int, int]:
        """The 1-based page and the page size (`default` when absent)."""
        return int(query.get("page") or 1), int(query.get(size_param) or default)

    # --- ghosts --------------------------------------------------------------------------

    def list_ghosts(self, request: _Request) -> Answer:
        """GET .../ghosts: a page of ghosts with `data`, `page`, `rows`, `total`."""
        workspace_id = self._workspace(request)
        query = request.query
        page, rows = self._page(query, "rows", DEFAULT_ROWS)
        ids = self.state.list_ghost_ids(
            workspace_id,
            search=query.get("search"),
            project_ids=_ints(query.get("project_ids")),
            task_ids=_ints(query.get("task_ids")),
            team_ids=_ints(query.get("team_ids")),
            ghost_ids=_ints(query.get("ghost_ids")),
            include_embodied=bool(query.get("include_embodied")),
            descending=query.get("order_by") == "name,desc",
        )
        start = (page - 1) * rows
        data = [self.state.ghosts[gid] for gid in ids[start : start + rows]]
        return json_answer(200, {"data": data, "page": page, "rows": rows, "total": len(ids)})

    def create_ghost(self, request: _Request) -> Answer:
        """POST .../ghosts: create one ghost, 201 with the `Ghost`."""
        workspace_id = self._workspace(request)
        return json_answer(201, self._create(workspace_id, _ghost_fields(request.body)))

    def bulk_create_ghosts(self, request: _Request) -> Answer:
        """POST .../ghosts/bulk_create: all-or-nothing; 201 with the ghosts in request order."""
        workspace_id = self._workspace(request)
        batch = [_ghost_fields(item) for item in request.body]
        return json_answer(201, [self._create(workspace_id, fields) for fields in batch])

    def _create(self, workspace_id: int, fields: JsonObject) -> JsonObject:
        """Create one `GhostCreate` (checked by the spec) in a workspace."""
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
        workspace_id = self._workspace(request)
        batch = [(i, int(item["id"]), _ghost_fields(item)) for i, item in enumerate(request.body)]
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
        """The workspace and ghost ids of a ghost path (organization and workspace checked)."""
        return self._workspace(request), int(request.path["ghost_id"])

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
        body = request.body
        if "id" in body and int(body["id"]) != ghost_id:
            invalid("body.id must equal the ghost_id of the path", field="body.id")
        ghost = self._found_ghost(workspace_id, ghost_id)
        if ghost["user_id"] is not None:
            invalid(f"ghost {ghost_id} is embodied and cannot be updated", user_id=ghost["user_id"])
        self.state.update_ghost(ghost, _ghost_fields(body), utc_now())
        return json_answer(200, ghost)

    def embody_ghost(self, request: _Request) -> Answer:
        """PATCH .../ghosts/{ghost_id}/embody: 404 unknown, 409 already embodied."""
        workspace_id, ghost_id = self._ghost_path(request)
        body = request.body
        ids = {
            key: int(body[key])
            for key in ("recipient_org_user_id", "recipient_user_account_id", "role_id")
        }
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
        self._organization(request)
        user_id = int(request.path["user_id"])
        if user_id not in self.state.users:
            raise ApiError(403, "forbidden", f"user {user_id} is not in this organization")
        return "user", user_id

    def _ghost_entity(self, request: _Request) -> tuple[str, int]:
        """The working-hours owner of a ghost path; a ghost outside the workspace is a 403."""
        workspace_id, ghost_id = self._ghost_path(request)
        if self.state.live_ghost(workspace_id, ghost_id) is None:
            raise ApiError(403, "forbidden", f"ghost {ghost_id} is not in this workspace")
        return "ghost", ghost_id

    def _hours_get(self, entity: tuple[str, int]) -> Answer:
        """An entity's working hours, by weekday."""
        return json_answer(200, self.state.working_hours_of(*entity))

    def _hours_create(self, entity: tuple[str, int], items: list[JsonObject]) -> Answer:
        """Create entries; a weekday that already has one (or is given twice) is a 400.

        An item without `weekday` makes an entry without one (the spec's decision).
        """
        taken = {entry.get("weekday") for entry in self.state.working_hours_of(*entity)}
        batch = []
        for i, item in enumerate(items):
            weekday = None if item.get("weekday") is None else int(item["weekday"])
            if weekday is not None and weekday in taken:
                invalid(
                    f"body[{i}].weekday: weekday {weekday} already has working hours",
                    index=i,
                    weekday=weekday,
                )
            taken.add(weekday)
            batch.append((weekday, item["working_hours"]))
        now = utc_now()
        created = [
            self.state.add_working_hours(*entity, weekday, hours, 9.0, now)
            for weekday, hours in batch
        ]
        return json_answer(200, created)

    def _hours_update(self, entity: tuple[str, int], items: list[JsonObject]) -> Answer:
        """Update the entity's own entries; unknown ids and weekday clashes are a 400."""
        own = {entry["working_hour_id"]: entry for entry in self.state.working_hours_of(*entity)}
        changes: dict[int, tuple[int | None, float | int]] = {}
        for i, item in enumerate(items):
            entry_id = int(item["working_hour_id"])
            if entry_id not in own:
                invalid(
                    f"body[{i}].working_hour_id: no entry {entry_id} for this {entity[0]}",
                    index=i,
                    working_hour_id=entry_id,
                )
            if entry_id in changes:
                invalid(
                    f"body[{i}].working_hour_id: entry {entry_id} is given twice",
                    index=i,
                    working_hour_id=entry_id,
                )
            weekday = None if item.get("weekday") is None else int(item["weekday"])
            changes[entry_id] = (weekday, item["working_hours"])
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

    def _hours_delete(self, entity: tuple[str, int], ids: list[int]) -> Answer:
        """Delete the listed entries of the entity; other ids are ignored."""
        wanted = set(_ints(ids) or ())
        for entry in self.state.working_hours_of(*entity):
            if entry["working_hour_id"] in wanted:
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

    def _group_request(self, body: JsonObject) -> JsonObject:
        """A `GroupRequest` (the spec requires all four fields): known members (else 400),
        own workspaces (else 403)."""
        fields: JsonObject = {
            "name": body["name"],
            "emoji": body["emoji"],
            "organization_users": _ints(body["organization_users"]) or [],
            "workspaces": _ints(body["workspaces"]) or [],
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
        self._organization(request)
        fields = self._group_request(request.body)
        group = self.state.create_group(
            name=fields["name"],
            emoji=fields["emoji"],
            user_ids=fields["organization_users"],
            workspace_ids=fields["workspaces"],
            now=utc_now(),
        )
        return json_answer(201, self.state.render_group(group))

    def _group(self, request: _Request) -> JsonObject:
        """Return the path's group, or raise a 404."""
        self._organization(request)
        group_id = int(request.path["group_id"])
        found = self.state.groups.get(group_id)
        if found is None:
            raise ApiError(404, "not_found", f"group {group_id} not found", {"group_id": group_id})
        return found

    def update_group(self, request: _Request) -> Answer:
        """PUT /organizations/{o}/groups/{group_id}: replaces the group; 404 when absent."""
        self._organization(request)
        fields = self._group_request(request.body)
        group = self._group(request)
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
        self._organization(request)
        workspace_id = request.query.get("workspace_id")
        if workspace_id is not None:
            self._check_workspace(int(workspace_id))
        group = self._group(request)
        self.state.delete_group(group["id"])
        return json_answer(200, {"deleted": True})

    def list_my_groups(self, request: _Request) -> Answer:
        """GET /organizations/{o}/groups/me: the token owner's groups, a bare array."""
        self._organization(request)
        mine = [
            {"id": g["id"], "name": g["name"], "emoji": g["emoji"]}
            for g in self.state.groups.values()
            if self.state.me_user_id in g["organization_users"]
        ]
        return json_answer(200, sorted(mine, key=lambda g: (g["name"].casefold(), g["id"])))

    def list_roles(self, request: _Request) -> Answer:
        """GET /organizations/{o}/roles: a bare array of roles."""
        self._organization(request)
        return json_answer(200, list(self.state.roles.values()))

    def list_teams(self, request: _Request) -> Answer:
        """GET /organizations/{o}/teams?workspace_id=: a page of teams hydrated with ghosts."""
        self._organization(request)
        query = request.query
        workspace_id = int(query["workspace_id"])
        page, per_page = self._page(query, "per_page", DEFAULT_PER_PAGE)
        descending = query.get("sort_dir") == "desc"
        name_needle = str(query.get("filter") or "").casefold()
        needle = str(query.get("query") or "").casefold()
        member = query.get("organization_user_id")
        group_ids = _ints(query.get("group_ids"))
        active_only = bool(query.get("active_members_only"))
        self._check_workspace(workspace_id)

        def searched(group: JsonObject) -> bool:
            """`query` matches the team's name or the name of a member it is answered with."""
            if needle in group["name"].casefold():
                return True
            rendered = self.state.render_group(group, active_only=active_only)["users"]
            return any(needle in user["display_name"].casefold() for user in rendered)

        teams = [
            g
            for g in self.state.groups.values()
            if workspace_id in g["workspaces"]
            and name_needle in g["name"].casefold()
            and (member is None or member in g["organization_users"])
            and (not group_ids or g["id"] in group_ids)
            and (not needle or searched(g))
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
        self._organization(request)
        query = request.query
        page, per_page = self._page(query, "per_page", DEFAULT_PER_PAGE)
        descending = query.get("sort_dir") == "desc"
        filters = _UserFilters(query)
        one_workspace = len(set(filters.workspaces or ())) == 1
        custom = _custom_field_filter(query)
        if custom and not one_workspace:
            raise ApiError(
                422,
                "unprocessable",
                "cf_filter needs exactly one workspace: give workspaces=<one workspace id>",
                {"field": "cf_filter", "workspaces": len(set(filters.workspaces or ()))},
            )
        with_hours = bool(query.get("include_working_hours"))
        with_rate = bool(query.get("include_rates"))
        # Like Toggl: custom fields belong to a workspace, so they come with exactly one.
        with_custom = bool(query.get("include_custom_fields")) and one_workspace
        pinned = _ints(query.get("pinned_ids")) or []
        users = [
            u
            for u in self.state.users.values()
            if filters.match(self.state, u) and _has_custom_values(self.state, u, custom)
        ]
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


def _ints(values: Any) -> list[int] | None:
    """A list of integers the spec accepted (JSON may spell one `3.0`); None stays None."""
    return None if values is None else [int(v) for v in values]


def _custom_field_filter(query: Mapping[str, Any]) -> list[tuple[int, str]]:
    """The `cf_filter` pairs (`fieldID:value,...`) of the spec-checked query; a malformed
    pair is a 400 (the spec's pattern already refuses most). An empty value is no filter."""
    given = query.get("cf_filter") or ""
    parts = given if isinstance(given, list) else str(given).split(",") if given else []
    pairs = []
    for part in parts:
        field_id, colon, value = str(part).partition(":")
        if not colon or not field_id.isascii() or not field_id.isdigit() or int(field_id) < 1:
            invalid(
                f"cf_filter: {part!r} is not a fieldID:value pair",
                field="cf_filter",
                pattern="fieldID:value[,fieldID:value...]",
            )
        pairs.append((int(field_id), value.casefold()))
    return pairs


def _has_custom_values(state: FocusState, user: JsonObject, pairs: list[tuple[int, str]]) -> bool:
    """Whether a user has every `cf_filter` pair (ANDed): the field's `value`, or one of its
    `selected_options`, equals the pair's value, ignoring case."""
    values = state.custom_fields.get(user["id"], [])
    return all(
        any(
            item["custom_field_id"] == field_id
            and (
                str(item["value"]).casefold() == wanted
                or any(str(option).casefold() == wanted for option in item["selected_options"])
            )
            for item in values
        )
        for field_id, wanted in pairs
    )


def _ghost_fields(item: JsonObject) -> JsonObject:
    """The fields of a `GhostCreate`/`GhostUpdate`/`GhostBulkUpdate` the state applies."""
    fields: JsonObject = {k: item[k] for k in ("name", "description", "assign_action") if k in item}
    for key in ("assign_projects", "assign_tasks", "assign_teams"):
        if key in item:
            fields[key] = _ints(item[key])
    return fields


class _UserFilters:
    """The filters of `list_users`; lists match when any listed value matches."""

    def __init__(self, query: Mapping[str, Any]) -> None:
        """Read every filter of the (spec-checked) query."""
        self.workspaces = _ints(query.get("workspaces"))
        self.accounts = _ints(query.get("user_account_ids"))
        self.org_users = _ints(query.get("org_user_ids"))
        self.groups = _ints(query.get("groups"))
        self.products = query.get("toggl_products")
        self.statuses = query.get("active_status")
        self.roles = _ints(query.get("roles"))
        self.only_admins = query.get("only_admins")
        self.needle = str(query.get("filter") or "").casefold()
        self.tags = _ints(query.get("tag_ids"))
        self.has_group = query.get("has_group")

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


#: The operations served, by operationId (the spec routes requests to them).
_HANDLERS: dict[str, Handler] = {
    name: getattr(FocusApp, name)
    for name in (
        "list_ghosts",
        "create_ghost",
        "bulk_create_ghosts",
        "bulk_update_ghosts",
        "get_ghost",
        "delete_ghost",
        "update_ghost",
        "embody_ghost",
        "get_user_working_hours",
        "update_user_working_hours",
        "create_user_working_hours",
        "delete_user_working_hours",
        "get_ghost_working_hours",
        "update_ghost_working_hours",
        "create_ghost_working_hours",
        "delete_ghost_working_hours",
        "create_group",
        "list_my_groups",
        "update_group",
        "delete_group",
        "list_roles",
        "list_teams",
        "list_users",
    )
}

#: The operations served: 23, as in `openapi/focus.yaml`.
OPERATION_COUNT = len(_HANDLERS)
