"""Every operation succeeds, through the facade, on a response carrying only what is guaranteed.

The spec's tolerance rule (`info.description` of openapi/focus.yaml): a response property is
required only where the API guarantees it (ids, the `data` of a page, and what Toggl's
published spec requires: the `WorkingHours` set), arrays and objects a Go server may send as
`null` are nullable, and response enums are open. So each of the 23 operations is fed, over
`httpx.MockTransport`, sync and async:

- `required`: items with only their required fields (`WorkingHours` without `weekday`,
  a `Ghost` with only `id`, a created ghost with nothing at all);
- `nulls`: the same items with every property the spec says is nullable set to `null`
  (`OrganizationUser.rate`, `Team.ghosts`, `Ghost.assigned`, timestamps, ...);
- `null-containers`: a bare-array body, a page's `data` or `delete_group`'s map (a nil Go
  map) that is `null`;

and the call must succeed with exactly one request and give back what was sent. The
required sets themselves are pinned against the spec, so tightening one fails here.
Then the known cases, one by one.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import yaml

from toggl_focus import AsyncFocus, Focus, FocusConfigError
from toggl_focus_api.models import CustomFieldValue, Ghost
from toggl_focus_api.types import UNSET

SPEC = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "openapi" / "focus.yaml").read_text(encoding="utf-8")
)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
TOKEN = "toggl_sk_minimal_responses_test"
ORG, WS = 1, 2
API = "https://focus.toggl.com/api"
WHEN = "2026-01-12T08:00:00+00:00"  # written back identically by the models' to_dict()

#: What each response schema guarantees: its `required` set in the spec, pinned here.
REQUIRED: dict[str, set[str]] = {
    "Error": {"error", "error_description"},  # Toggl's published spec
    "Ghost": {"id"},
    "CreatedGhost": set(),  # no source shows the 201 bodies
    "GhostPage": {"data"},
    "GhostAssignments": set(),
    "AssignedProject": {"id"},
    "AssignedTask": {"id"},
    # Toggl's published spec; `weekday` is optional there.
    "WorkingHours": {"created_at", "organization_id", "updated_at", "working_hour_id",
                     "working_hours"},
    "GroupDeletion": set(),
    "CustomFieldValue": set(),  # Toggl's published spec names the fields, requires none
    "GroupSummary": {"id"},
    "GroupUser": set(),
    "GroupWorkspace": set(),
    "Group": {"id"},
    "GhostRef": {"id"},
    "Team": {"id"},
    "TeamPage": {"data"},
    "Permission": set(),
    "Role": {"role_id"},
    "OrganizationUserGroup": set(),
    "UserRate": set(),
    "UserTag": set(),
    "OrganizationUserWorkspace": set(),
    "OrganizationUser": {"id"},
}  # fmt: skip

#: An item with only the required fields of its schema.
MINIMAL: dict[str, dict[str, Any]] = {
    "Ghost": {"id": 1001},
    "CreatedGhost": {},
    "WorkingHours": {"working_hour_id": 77001, "working_hours": 8, "organization_id": ORG,
                     "created_at": WHEN, "updated_at": WHEN},
    "GroupDeletion": {},
    "GroupSummary": {"id": 41},
    "Group": {"id": 41},
    "Team": {"id": 41},
    "Role": {"role_id": 3},
    "OrganizationUser": {"id": 5120},
}  # fmt: skip


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _nullable(schema: dict[str, Any]) -> bool:
    """Whether the spec lets the value be null (a type list, an anyOf branch, or any type)."""
    schema = _resolve(schema)
    kinds = schema.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    if not any(key in schema for key in ("type", "anyOf", "oneOf", "allOf")):
        return True  # untyped: any JSON value, null included
    return any(_nullable(branch) for branch in schema.get("anyOf", []) + schema.get("oneOf", []))


def nullable_properties(name: str) -> list[str]:
    return sorted(p for p, s in SCHEMAS[name].get("properties", {}).items() if _nullable(s))


def item(name: str, variant: str) -> dict[str, Any]:
    """A response item of schema `name`: required fields only, or also every nullable as null."""
    body = dict(MINIMAL[name])
    if variant == "nulls":
        body.update(dict.fromkeys(nullable_properties(name)))
    return body


@attrs.frozen
class Op:
    """One operation: the request the facade must send, the answer's shape, the two calls."""

    name: str
    method: str
    path: str
    status: int
    shape: str  # object | array | page | none
    schema: str | None  # the item schema of the answer
    sync: Callable[[Focus], Any]
    aio: Callable[[AsyncFocus], Awaitable[Any]]

    def content(self, variant: str) -> bytes:
        """The answer's bytes: none for a 204, else the JSON body (`null` included)."""
        return b"" if self.shape == "none" else json.dumps(self.body(variant)).encode()

    def body(self, variant: str) -> Any:
        if variant == "null-containers":
            return {"data": None} if self.shape == "page" else None
        assert self.schema is not None
        one = item(self.schema, variant)
        return {"object": one, "array": [one], "page": {"data": [one]}}[self.shape]

    def variants(self) -> list[str]:
        if self.shape == "none":
            return ["required"]
        found = ["required"]
        if self.schema is not None and nullable_properties(self.schema):
            found.append("nulls")
        if self.shape in ("array", "page") or self.schema == "GroupDeletion":
            found.append("null-containers")
        return found


async def _all(pager: Any) -> list[Any]:
    return [x async for x in pager]


GHOSTS = f"/api/organizations/{ORG}/workspaces/{WS}/ghosts"
USER_HOURS = f"/api/organizations/{ORG}/workinghours/users/5120"
GHOST_HOURS = f"/api/organizations/{ORG}/{WS}/workinghours/ghosts/1001"
EMBODY = {"recipient_org_user_id": 5120, "recipient_user_account_id": 880231, "role_id": 3}
GROUP: dict[str, Any] = {"name": "Design", "emoji": "", "organization_users": [], "workspaces": []}
NEW_HOURS = [{"working_hours": 8}]  # only what Toggl's spec requires of a create item
HOUR_CHANGES = [{"working_hour_id": 77001, "working_hours": 6}]

OPS = [
    Op("list_ghosts", "GET", GHOSTS, 200, "page", "Ghost",
       lambda f: list(f.ghosts.list()), lambda f: _all(f.ghosts.list())),
    Op("create_ghost", "POST", GHOSTS, 201, "object", "CreatedGhost",
       lambda f: f.ghosts.create("Designer"), lambda f: f.ghosts.create("Designer")),
    Op("bulk_create_ghosts", "POST", GHOSTS + "/bulk_create", 201, "array", "CreatedGhost",
       lambda f: f.ghosts.bulk_create([{"name": "A"}]),
       lambda f: f.ghosts.bulk_create([{"name": "A"}])),
    Op("bulk_update_ghosts", "PATCH", GHOSTS + "/bulk_update", 200, "array", "Ghost",
       lambda f: f.ghosts.bulk_update([{"id": 1001, "name": "B"}]),
       lambda f: f.ghosts.bulk_update([{"id": 1001, "name": "B"}])),
    Op("get_ghost", "GET", GHOSTS + "/1001", 200, "object", "Ghost",
       lambda f: f.ghosts.get(1001), lambda f: f.ghosts.get(1001)),
    Op("delete_ghost", "DELETE", GHOSTS + "/1001", 204, "none", None,
       lambda f: f.ghosts.delete(1001), lambda f: f.ghosts.delete(1001)),
    Op("update_ghost", "PATCH", GHOSTS + "/1001", 200, "object", "Ghost",
       lambda f: f.ghosts.update(1001, name="C"), lambda f: f.ghosts.update(1001, name="C")),
    Op("embody_ghost", "PATCH", GHOSTS + "/1001/embody", 200, "object", "Ghost",
       lambda f: f.ghosts.embody(1001, **EMBODY), lambda f: f.ghosts.embody(1001, **EMBODY)),
    Op("get_user_working_hours", "GET", USER_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.get_for_user(5120),
       lambda f: f.working_hours.get_for_user(5120)),
    Op("update_user_working_hours", "PUT", USER_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.update_for_user(5120, HOUR_CHANGES),
       lambda f: f.working_hours.update_for_user(5120, HOUR_CHANGES)),
    Op("create_user_working_hours", "POST", USER_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.create_for_user(5120, NEW_HOURS),
       lambda f: f.working_hours.create_for_user(5120, NEW_HOURS)),
    Op("delete_user_working_hours", "DELETE", USER_HOURS, 204, "none", None,
       lambda f: f.working_hours.delete_for_user(5120, [77001]),
       lambda f: f.working_hours.delete_for_user(5120, [77001])),
    Op("get_ghost_working_hours", "GET", GHOST_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.get_for_ghost(1001),
       lambda f: f.working_hours.get_for_ghost(1001)),
    Op("update_ghost_working_hours", "PUT", GHOST_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.update_for_ghost(1001, HOUR_CHANGES),
       lambda f: f.working_hours.update_for_ghost(1001, HOUR_CHANGES)),
    Op("create_ghost_working_hours", "POST", GHOST_HOURS, 200, "array", "WorkingHours",
       lambda f: f.working_hours.create_for_ghost(1001, NEW_HOURS),
       lambda f: f.working_hours.create_for_ghost(1001, NEW_HOURS)),
    Op("delete_ghost_working_hours", "DELETE", GHOST_HOURS, 204, "none", None,
       lambda f: f.working_hours.delete_for_ghost(1001, [77001]),
       lambda f: f.working_hours.delete_for_ghost(1001, [77001])),
    Op("create_group", "POST", f"/api/organizations/{ORG}/groups", 201, "object", "Group",
       lambda f: f.groups.create("Design", emoji=""),
       lambda f: f.groups.create("Design", emoji="")),
    Op("list_my_groups", "GET", f"/api/organizations/{ORG}/groups/me", 200, "array",
       "GroupSummary", lambda f: f.groups.mine(), lambda f: f.groups.mine()),
    Op("update_group", "PUT", f"/api/organizations/{ORG}/groups/41", 200, "object", "Group",
       lambda f: f.groups.update(41, **GROUP), lambda f: f.groups.update(41, **GROUP)),
    Op("delete_group", "DELETE", f"/api/organizations/{ORG}/groups/41", 200, "object",
       "GroupDeletion", lambda f: f.groups.delete(41), lambda f: f.groups.delete(41)),
    Op("list_roles", "GET", f"/api/organizations/{ORG}/roles", 200, "array", "Role",
       lambda f: f.roles.list(), lambda f: f.roles.list()),
    Op("list_teams", "GET", f"/api/organizations/{ORG}/teams", 200, "page", "Team",
       lambda f: list(f.teams.list()), lambda f: _all(f.teams.list())),
    Op("list_users", "GET", f"/api/organizations/{ORG}/users", 200, "array",
       "OrganizationUser", lambda f: list(f.users.list()), lambda f: _all(f.users.list())),
]  # fmt: skip

CASES = [pytest.param(op, v, id=f"{op.name}-{v}") for op in OPS for v in op.variants()]


def _spec_operations() -> set[str]:
    methods = {"get", "put", "post", "delete", "patch"}
    return {op["operationId"] for item in SPEC["paths"].values() for m, op in item.items()
            if m in methods}  # fmt: skip


class Server:
    """A MockTransport handler that answers one request, as scripted, and records it."""

    def __init__(self, method: str, path: str, status: int, content: bytes) -> None:
        self.method, self.path, self.status, self.content = method, path, status, content
        self.seen: list[httpx.Request] = []

    @classmethod
    def json(cls, method: str, path: str, status: int, body: Any) -> Server:
        return cls(method, path, status, json.dumps(body).encode())

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        if (request.method, request.url.path) != (self.method, self.path):
            return httpx.Response(418, json={"error": "test", "error_description": "unscripted"})
        headers = {"Content-Type": "application/json"} if self.content else {}
        return httpx.Response(self.status, content=self.content, headers=headers)

    def sync(self) -> Focus:
        client = httpx.Client(transport=httpx.MockTransport(self))
        return Focus(TOKEN, organization_id=ORG, workspace_id=WS, http_client=client)

    def aio(self) -> AsyncFocus:
        client = httpx.AsyncClient(transport=httpx.MockTransport(self))
        return AsyncFocus(TOKEN, organization_id=ORG, workspace_id=WS, http_client=client)


def _dump(value: Any) -> Any:
    """What the facade returned, back as JSON: models by `to_dict()`, lists item by item."""
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def expected(op: Op, variant: str) -> Any:
    """What the facade must give back for the scripted answer."""
    if op.shape == "none":
        return None
    if op.schema == "CreatedGhost":  # no `id` in a created ghost: nothing to return
        return None if op.shape == "object" else []
    if op.schema == "GroupDeletion":
        return {}
    if variant == "null-containers":
        return []
    one = item(op.schema or "", variant)
    return one if op.shape == "object" else [one]


def _check(op: Op, variant: str, server: Server, result: Any) -> None:
    assert len(server.seen) == 1, [str(r.url) for r in server.seen]  # no retry, no re-read
    assert (server.seen[0].method, server.seen[0].url.path) == (op.method, op.path)
    assert _dump(result) == expected(op, variant)


# --- the spec says what these tests assume ----------------------------------------------


def test_every_operation_is_covered() -> None:
    assert {op.name for op in OPS} == _spec_operations() and len(OPS) == 23


def test_required_sets_are_exactly_what_is_guaranteed() -> None:
    """Tightening a response schema's `required` (or forgetting a schema) fails here."""
    response_schemas = {name for name, s in SCHEMAS.items() if s.get("type") == "object"} - {
        "GhostCreate", "GhostUpdate", "GhostBulkUpdate", "GhostEmbody", "WorkingHoursCreate",
        "WorkingHoursUpdate", "GroupRequest", "ErrorValues", "UserPermissions",
    }  # fmt: skip
    assert response_schemas == set(REQUIRED)
    assert {name: set(SCHEMAS[name].get("required", [])) for name in REQUIRED} == REQUIRED
    assert {name: set(body) for name, body in MINIMAL.items()} == {
        name: REQUIRED[name] for name in MINIMAL
    }


def test_the_known_nullable_fields_are_nullable() -> None:
    assert "rate" in nullable_properties("OrganizationUser")
    assert "ghosts" in nullable_properties("Team")
    assert {"assigned", "created_at", "deleted_at"} <= set(nullable_properties("Ghost"))
    assert {"projects", "tasks", "team_ids"} == set(nullable_properties("GhostAssignments"))
    assert "weekday" not in REQUIRED["WorkingHours"]


# --- all 23 operations, sync and async ---------------------------------------------------


@pytest.mark.parametrize(("op", "variant"), CASES)
def test_minimal_response_sync(op: Op, variant: str) -> None:
    server = Server(op.method, op.path, op.status, op.content(variant))
    with server.sync() as focus:
        result = op.sync(focus)
    _check(op, variant, server, result)


@pytest.mark.parametrize(("op", "variant"), CASES)
async def test_minimal_response_async(op: Op, variant: str) -> None:
    server = Server(op.method, op.path, op.status, op.content(variant))
    async with server.aio() as focus:
        result = await op.aio(focus)
    _check(op, variant, server, result)


# --- the known cases ----------------------------------------------------------------------

MODES = ["sync", "async"]


async def _run(mode: str, server: Server, sync: Callable[[Focus], Any],
               aio: Callable[[AsyncFocus], Awaitable[Any]]) -> Any:  # fmt: skip
    if mode == "sync":
        with server.sync() as focus:
            return sync(focus)
    async with server.aio() as focus:
        return await aio(focus)


@pytest.mark.parametrize("mode", MODES)
async def test_working_hours_without_weekday(mode: str) -> None:
    sunday = {**MINIMAL["WorkingHours"], "working_hour_id": 2, "weekday": 0,
              "created_at": "", "updated_at": None}  # fmt: skip
    entries = [MINIMAL["WorkingHours"], sunday]
    server = Server.json("GET", USER_HOURS, 200, entries)
    got = await _run(mode, server, lambda f: f.working_hours.get_for_user(5120),
                     lambda f: f.working_hours.get_for_user(5120))  # fmt: skip
    assert [e.weekday for e in got] == [UNSET, 0]
    assert got[1].created_at is None and got[1].updated_at is None  # "" and null: not set


@pytest.mark.parametrize("mode", MODES)
async def test_rate_null(mode: str) -> None:
    server = Server.json(
        "GET", f"/api/organizations/{ORG}/users", 200, [{"id": 5120, "rate": None}]
    )
    [user] = await _run(mode, server, lambda f: list(f.users.list(include_rates=True)),
                        lambda f: _all(f.users.list(include_rates=True)))  # fmt: skip
    assert user.rate is None
    assert server.seen[0].url.params["include_rates"] == "true"


@pytest.mark.parametrize("mode", MODES)
async def test_team_ghosts_null(mode: str) -> None:
    page = {"data": [{"id": 41, "name": "Design", "ghosts": None, "users": None}], "total": 1}
    server = Server.json("GET", f"/api/organizations/{ORG}/teams", 200, page)
    [team] = await _run(mode, server, lambda f: list(f.teams.list()),
                        lambda f: _all(f.teams.list()))  # fmt: skip
    assert (team.id, team.ghosts, team.users) == (41, None, None)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "raw",
    [b"", b"null", b"{}", b"[]", b"created", b'{"data": {"id": 7}}'],
    ids=["empty", "null", "object", "array", "text", "wrapped"],
)
async def test_a_201_without_a_ghost_is_a_successful_create(mode: str, raw: bytes) -> None:
    """The ghost was created: None, one request, never an error (and never re-read)."""
    server = Server("POST", GHOSTS, 201, raw)
    got = await _run(mode, server, lambda f: f.ghosts.create("Designer"),
                     lambda f: f.ghosts.create("Designer"))  # fmt: skip
    assert got is None and len(server.seen) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_a_partial_201_is_completed_from_the_request(mode: str) -> None:
    server = Server.json("POST", GHOSTS, 201, {"id": 7, "assigned": None})
    got = await _run(mode, server, lambda f: f.ghosts.create("Designer", description="Q2"),
                     lambda f: f.ghosts.create("Designer", description="Q2"))  # fmt: skip
    assert isinstance(got, Ghost)
    assert (got.id, got.name, got.description, got.assigned) == (7, "Designer", "Q2", None)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("raw", "ids"),
    [(b"", []), (b"null", []), (b"[]", []), (b'[{"id": 7}, {}]', [7]),
     (b'[{"id": 7}, {"id": 8, "name": "kept"}]', [7, 8]), (b'{"id": 7}', [])],
    ids=["empty", "null", "none", "partial", "all", "not-an-array"],
)  # fmt: skip
async def test_bulk_create_returns_the_ghosts_the_201_describes(
    mode: str, raw: bytes, ids: list[int]
) -> None:
    server = Server("POST", GHOSTS + "/bulk_create", 201, raw)
    sent = [{"name": "A"}, {"name": "B"}]
    got = await _run(mode, server, lambda f: f.ghosts.bulk_create(sent),
                     lambda f: f.ghosts.bulk_create(sent))  # fmt: skip
    assert [g.id for g in got] == ids and len(server.seen) == 1
    if ids == [7, 8]:  # one answer per request item: missing names come from the request
        assert [g.name for g in got] == ["A", "kept"]


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_role_type_and_permission_entity(mode: str) -> None:
    roles = [{"role_id": 9, "type": "superhero",
              "permissions": [{"permission_id": 1, "entity": "galaxy"}]}]  # fmt: skip
    server = Server.json("GET", f"/api/organizations/{ORG}/roles", 200, roles)
    [role] = await _run(mode, server, lambda f: f.roles.list(), lambda f: f.roles.list())
    assert role.type_ == "superhero" and role.permissions
    assert role.permissions[0].entity == "galaxy"


#: Custom field values in the shape of Toggl's published spec, one of each kind it shows.
CUSTOM_FIELDS = [
    {"custom_field_id": 12, "custom_field_name": "Office", "field_type": "text",
     "selected_options": None, "value": "Berlin"},
    {"custom_field_id": 15, "custom_field_name": "Level", "field_type": "dropdown",
     "selected_options": ["Senior"], "value": {"label": "Senior"}, "colour": "blue"},
    {},  # nothing is guaranteed
]  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("given", [{12: "Berlin", 15: "Senior"}, "12:Berlin,15:Senior"])
async def test_custom_field_filter_and_values(mode: str, given: Any) -> None:
    """cf_filter goes out as `fieldID:value` pairs; the values come back typed, extras kept."""
    users = [{"id": 5120, "custom_field_values": CUSTOM_FIELDS}]
    server = Server.json("GET", f"/api/organizations/{ORG}/users", 200, users)
    options = {"workspaces": [WS], "include_custom_fields": True, "cf_filter": given}
    [user] = await _run(mode, server, lambda f: list(f.users.list(**options)),
                        lambda f: _all(f.users.list(**options)))  # fmt: skip
    params = server.seen[0].url.params
    assert params["cf_filter"] == "12:Berlin,15:Senior" and params["workspaces"] == str(WS)
    office, level, empty = user.custom_field_values
    assert all(isinstance(v, CustomFieldValue) for v in user.custom_field_values)
    assert (office.custom_field_id, office.custom_field_name, office.field_type) == (
        12, "Office", "text")  # fmt: skip
    assert office.selected_options is None and office.value == "Berlin"
    assert level.selected_options == ["Senior"] and level.value == {"label": "Senior"}
    assert level.additional_properties == {"colour": "blue"}
    assert empty.custom_field_id is UNSET and empty.value is UNSET
    assert [v.to_dict() for v in user.custom_field_values] == CUSTOM_FIELDS


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "cf_filter must be a non-empty mapping {custom_field_id: value} or 'id:value,...' "
             "text, got a dict"),
        ("  ", "cf_filter must be a non-empty str, got '  '"),
        ([12], "cf_filter must be a non-empty mapping {custom_field_id: value} or 'id:value,...' "
               "text, got a list"),
        ({0: "x"}, "cf_filter key must be a positive integer, got 0"),
        ({12: "Berlin, Paris"}, "cf_filter[12] must be a str without a comma, got 'Berlin, Paris'"),
        ({12: 7}, "cf_filter[12] must be a str without a comma, got 7"),
    ],
)  # fmt: skip
def test_a_bad_custom_field_filter_sends_nothing(given: Any, message: str) -> None:
    server = Server.json("GET", f"/api/organizations/{ORG}/users", 200, [])
    with server.sync() as focus, pytest.raises(FocusConfigError) as info:
        list(focus.users.list(workspaces=[WS], cf_filter=given))
    assert str(info.value) == message and server.seen == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("raw", [b"", b"ok", b'{"deleted": true, "ghosts_unassigned": false}'])
async def test_delete_group_answers(mode: str, raw: bytes) -> None:
    server = Server("DELETE", f"/api/organizations/{ORG}/groups/41", 200, raw)
    got = await _run(mode, server, lambda f: f.groups.delete(41), lambda f: f.groups.delete(41))
    assert got == (json.loads(raw) if raw.startswith(b"{") else {})
    assert server.seen[0].url.params["workspace_id"] == str(WS)


@pytest.mark.parametrize("mode", MODES)
async def test_group_requests_carry_all_four_fields(mode: str) -> None:
    """Toggl's spec requires emoji, name, organization_users and workspaces."""
    server = Server.json("POST", f"/api/organizations/{ORG}/groups", 201, {"id": 41})
    await _run(mode, server, lambda f: f.groups.create("Design", emoji="D"),
               lambda f: f.groups.create("Design", emoji="D"))  # fmt: skip
    assert json.loads(server.seen[0].content) == {
        "name": "Design",
        "emoji": "D",
        "organization_users": [],
        "workspaces": [],
    }
