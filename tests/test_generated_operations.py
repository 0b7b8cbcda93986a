"""Every one of the 23 generated operations, through httpx.MockTransport.

Each case asserts the exact method, path, query string and JSON body the generated code
sends, and the model it parses from a documented success response (bare arrays too).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from toggl_focus_api import AuthenticatedClient
from toggl_focus_api.api.ghosts import (
    bulk_create_ghosts,
    bulk_update_ghosts,
    create_ghost,
    delete_ghost,
    embody_ghost,
    get_ghost,
    list_ghosts,
    update_ghost,
)
from toggl_focus_api.api.organization import (
    create_group,
    delete_group,
    list_my_groups,
    list_roles,
    list_teams,
    list_users,
    update_group,
)
from toggl_focus_api.api.working_hours import (
    create_ghost_working_hours,
    create_user_working_hours,
    delete_ghost_working_hours,
    delete_user_working_hours,
    get_ghost_working_hours,
    get_user_working_hours,
    update_ghost_working_hours,
    update_user_working_hours,
)
from toggl_focus_api.models import (
    AssignAction,
    CreatedGhost,
    Ghost,
    GhostBulkUpdate,
    GhostCreate,
    GhostEmbody,
    GhostPage,
    GhostUpdate,
    Group,
    GroupDeletion,
    GroupRequest,
    GroupSummary,
    OrganizationUser,
    Role,
    SortDirection,
    TeamPage,
    WorkingHours,
    WorkingHoursCreate,
    WorkingHoursUpdate,
)

GHOST = {
    "id": 11,
    "name": "Designer (TBH)",
    "description": "hire in Q2",
    "assigned": {"projects": [{"id": 5, "name": "Web", "color": "#fff", "private": False}],
                 "tasks": [{"id": 6, "name": "Review", "color": "#000"}], "team_ids": [41]},
    "created_at": "2026-03-02T09:15:00Z",
    "updated_at": "2026-03-02T09:15:00Z",
    "deleted_at": None,
    "embodied_at": None,
    "user_id": None,
}  # fmt: skip
HOURS = {"working_hour_id": 70, "weekday": 1, "working_hours": 8, "starting_hours": 9,
         "organization_id": 1, "created_at": "2026-01-12T08:00:00Z",
         "updated_at": "2026-01-12T08:00:00Z"}  # fmt: skip
GROUP = {"id": 41, "name": "Design", "emoji": "x", "users": [{"organization_user_id": 5}],
         "workspaces": [{"workspace_id": 2, "name": "Studio"}]}  # fmt: skip
ROLE = {"role_id": 3, "name": "Member", "code": "member",
        "permissions": [{"permission_id": 1, "name": "manage_ghosts"}]}  # fmt: skip
USER = {"id": 5, "email": "ada@example.com", "2fa_enabled": True, "user_id": "880",
        "user_account_id": 880, "invite_sent": True, "joined": False}  # fmt: skip


@dataclass
class Case:
    """One operation: how to call it and exactly what must go over the wire."""

    op: ModuleType
    kwargs: dict[str, Any]
    method: str
    path: str
    status: int
    response: Any
    check: Callable[[Any], bool]
    query: dict[str, str] = field(default_factory=dict)
    body: Any = None


CASES = [
    Case(list_ghosts,
         {"organization_id": 1, "workspace_id": 2, "page": 3, "rows": 100, "search": "des",
          "order_by": "name,desc", "project_ids": [5, 6], "task_ids": [7], "team_ids": [8, 9],
          "ghost_ids": [10, 11], "include_embodied": True},
         "GET", "/api/organizations/1/workspaces/2/ghosts", 200,
         {"data": [GHOST], "page": 3, "rows": 100, "total": 201},
         lambda p: isinstance(p, GhostPage) and p.total == 201 and p.data[0].id == 11,
         query={"page": "3", "rows": "100", "search": "des", "order_by": "name,desc",
                "project_ids": "5,6", "task_ids": "7", "team_ids": "8,9", "ghost_ids": "10,11",
                "include_embodied": "true"}),
    Case(create_ghost,
         {"organization_id": 1, "workspace_id": 2,
          "body": GhostCreate(name="Designer (TBH)", assign_projects=[5], assign_teams=[41])},
         "POST", "/api/organizations/1/workspaces/2/ghosts", 201, GHOST,
         lambda p: isinstance(p, CreatedGhost) and p.id == 11 and p.name == "Designer (TBH)",
         body={"name": "Designer (TBH)", "assign_projects": [5], "assign_teams": [41]}),
    Case(bulk_create_ghosts,
         {"organization_id": 1, "workspace_id": 2,
          "body": [GhostCreate(name="A"), GhostCreate(name="B", description="d")]},
         "POST", "/api/organizations/1/workspaces/2/ghosts/bulk_create", 201,
         [GHOST, {**GHOST, "id": 12}],
         lambda p: [g.id for g in p] == [11, 12] and all(isinstance(g, CreatedGhost) for g in p),
         body=[{"name": "A"}, {"name": "B", "description": "d"}]),
    Case(bulk_update_ghosts,
         {"organization_id": 1, "workspace_id": 2,
          "body": [GhostBulkUpdate(id=11, assign_action=AssignAction.REMOVE, assign_teams=[41])]},
         "PATCH", "/api/organizations/1/workspaces/2/ghosts/bulk_update", 200, [GHOST],
         lambda p: isinstance(p, list) and isinstance(p[0], Ghost),
         body=[{"id": 11, "assign_action": "remove", "assign_teams": [41]}]),
    Case(get_ghost, {"organization_id": 1, "workspace_id": 2, "ghost_id": 11},
         "GET", "/api/organizations/1/workspaces/2/ghosts/11", 200,
         {**GHOST, "user_id": 5, "embodied_at": "2026-04-01T10:00:00Z"},
         lambda p: isinstance(p, Ghost) and p.user_id == 5 and p.embodied_at.year == 2026),
    Case(delete_ghost, {"organization_id": 1, "workspace_id": 2, "ghost_id": 11},
         "DELETE", "/api/organizations/1/workspaces/2/ghosts/11", 204, None,
         lambda p: p is None),
    Case(update_ghost,
         {"organization_id": 1, "workspace_id": 2, "ghost_id": 11,
          "body": GhostUpdate(name="Lead", assign_action=AssignAction.ADD, assign_projects=[7])},
         "PATCH", "/api/organizations/1/workspaces/2/ghosts/11", 200, {**GHOST, "name": "Lead"},
         lambda p: isinstance(p, Ghost) and p.name == "Lead",
         body={"name": "Lead", "assign_action": "add", "assign_projects": [7]}),
    Case(embody_ghost,
         {"organization_id": 1, "workspace_id": 2, "ghost_id": 11,
          "body": GhostEmbody(recipient_org_user_id=5, recipient_user_account_id=880, role_id=3)},
         "PATCH", "/api/organizations/1/workspaces/2/ghosts/11/embody", 200,
         {**GHOST, "user_id": 5, "embodied_at": "2026-04-01T10:00:00Z"},
         lambda p: isinstance(p, Ghost) and p.user_id == 5,
         body={"recipient_org_user_id": 5, "recipient_user_account_id": 880, "role_id": 3}),
    Case(get_user_working_hours, {"organization_id": 1, "user_id": 5},
         "GET", "/api/organizations/1/workinghours/users/5", 200, [HOURS],
         lambda p: isinstance(p[0], WorkingHours) and p[0].working_hours == 8),
    Case(update_user_working_hours,
         {"organization_id": 1, "user_id": 5,
          "body": [WorkingHoursUpdate(working_hour_id=70, weekday=1, working_hours=6.5)]},
         "PUT", "/api/organizations/1/workinghours/users/5", 200, [HOURS],
         lambda p: isinstance(p[0], WorkingHours),
         body=[{"working_hour_id": 70, "weekday": 1, "working_hours": 6.5}]),
    Case(create_user_working_hours,
         {"organization_id": 1, "user_id": 5,
          "body": [WorkingHoursCreate(weekday=1, working_hours=8)]},
         "POST", "/api/organizations/1/workinghours/users/5", 200, [HOURS],
         lambda p: p[0].working_hour_id == 70,
         body=[{"weekday": 1, "working_hours": 8}]),
    Case(delete_user_working_hours, {"organization_id": 1, "user_id": 5, "body": [70, 71]},
         "DELETE", "/api/organizations/1/workinghours/users/5", 204, None,
         lambda p: p is None, body=[70, 71]),
    Case(get_ghost_working_hours, {"organization_id": 1, "workspace_id": 2, "ghost_id": 11},
         "GET", "/api/organizations/1/2/workinghours/ghosts/11", 200, [HOURS],
         lambda p: isinstance(p[0], WorkingHours)),
    Case(update_ghost_working_hours,
         {"organization_id": 1, "workspace_id": 2, "ghost_id": 11,
          "body": [WorkingHoursUpdate(working_hour_id=70, weekday=2, working_hours=4)]},
         "PUT", "/api/organizations/1/2/workinghours/ghosts/11", 200, [HOURS],
         lambda p: isinstance(p[0], WorkingHours),
         body=[{"working_hour_id": 70, "weekday": 2, "working_hours": 4}]),
    Case(create_ghost_working_hours,
         {"organization_id": 1, "workspace_id": 2, "ghost_id": 11,
          "body": [WorkingHoursCreate(weekday=0, working_hours=0),
                   WorkingHoursCreate(working_hours=168)]},
         "POST", "/api/organizations/1/2/workinghours/ghosts/11", 200, [HOURS],
         lambda p: isinstance(p[0], WorkingHours),
         body=[{"weekday": 0, "working_hours": 0}, {"working_hours": 168}]),
    Case(delete_ghost_working_hours,
         {"organization_id": 1, "workspace_id": 2, "ghost_id": 11, "body": [70]},
         "DELETE", "/api/organizations/1/2/workinghours/ghosts/11", 204, None,
         lambda p: p is None, body=[70]),
    Case(create_group,
         {"organization_id": 1,
          "body": GroupRequest(name="Design", emoji="x", organization_users=[5], workspaces=[2])},
         "POST", "/api/organizations/1/groups", 201, GROUP,
         lambda p: isinstance(p, Group) and p.users[0].organization_user_id == 5,
         body={"name": "Design", "emoji": "x", "organization_users": [5], "workspaces": [2]}),
    Case(list_my_groups, {"organization_id": 1},
         "GET", "/api/organizations/1/groups/me", 200, [{"id": 41, "name": "Design"}],
         lambda p: isinstance(p[0], GroupSummary) and p[0].id == 41),
    Case(update_group,
         {"organization_id": 1, "group_id": 41,
          "body": GroupRequest(name="Design 2", emoji="", organization_users=[],
                               workspaces=[])},
         "PUT", "/api/organizations/1/groups/41", 200, GROUP,
         lambda p: isinstance(p, Group) and p.workspaces[0].workspace_id == 2,
         body={"name": "Design 2", "emoji": "", "organization_users": [], "workspaces": []}),
    Case(delete_group, {"organization_id": 1, "group_id": 41, "workspace_id": 2},
         "DELETE", "/api/organizations/1/groups/41", 200, {"deleted": True},
         lambda p: isinstance(p, GroupDeletion) and p.additional_properties == {"deleted": True},
         query={"workspace_id": "2"}),
    Case(list_roles, {"organization_id": 1},
         "GET", "/api/organizations/1/roles", 200, [ROLE],
         lambda p: isinstance(p[0], Role) and p[0].permissions[0].name == "manage_ghosts"),
    Case(list_teams,
         {"organization_id": 1, "workspace_id": 2, "page": 2, "per_page": 100,
          "sort_dir": SortDirection.DESC, "filter_": "des", "organization_user_id": 5,
          "group_ids": [41, 42], "query": "sign", "active_members_only": True},
         "GET", "/api/organizations/1/teams", 200,
         {"data": [{**GROUP, "ghosts": [{"id": 11, "name": "G"}]}], "page": 2, "rows": 100,
          "total": 101},
         lambda p: isinstance(p, TeamPage) and p.data[0].ghosts[0].id == 11,
         query={"workspace_id": "2", "page": "2", "per_page": "100", "sort_dir": "desc",
                "filter": "des", "organization_user_id": "5", "group_ids": "41,42",
                "query": "sign", "active_members_only": "true"}),
    Case(list_users,
         {"organization_id": 1, "workspaces": [2, 3], "user_account_ids": [880],
          "org_user_ids": [5], "groups": [41], "toggl_products": ["focus", "track"],
          "active_status": ["active"], "roles": [3], "only_admins": False, "filter_": "ada",
          "sort_dir": SortDirection.ASC, "page": 1, "per_page": 100, "tag_ids": [17],
          "include_working_hours": True, "include_rates": False, "pinned_ids": [9, 5],
          "has_group": True, "include_custom_fields": True, "cf_filter": "12:Berlin,15:Senior"},
         "GET", "/api/organizations/1/users", 200, [USER],
         lambda p: isinstance(p[0], OrganizationUser) and p[0].field_2fa_enabled is True,
         query={"workspaces": "2,3", "user_account_ids": "880", "org_user_ids": "5",
                "groups": "41", "toggl_products": "focus,track", "active_status": "active",
                "roles": "3", "only_admins": "false", "filter": "ada", "sort_dir": "asc",
                "page": "1", "per_page": "100", "tag_ids": "17", "include_working_hours": "true",
                "include_rates": "false", "pinned_ids": "9,5", "has_group": "true",
                "include_custom_fields": "true", "cf_filter": "12:Berlin,15:Senior"}),
]  # fmt: skip


def test_every_documented_operation_is_covered() -> None:
    assert len({c.op.__name__ for c in CASES}) == 23


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.op.__name__.rsplit(".", 1)[-1])
def test_generated_operation_wire_format(case: Case) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if case.response is None:
            return httpx.Response(case.status)
        return httpx.Response(case.status, json=case.response)

    client = AuthenticatedClient(base_url="https://focus.toggl.com/api", token="toggl_sk_test")
    client.set_httpx_client(
        httpx.Client(
            base_url="https://focus.toggl.com/api",
            transport=httpx.MockTransport(handler),
            headers={"Authorization": "Bearer toggl_sk_test"},
        )
    )
    response = case.op.sync_detailed(client=client, **case.kwargs)

    assert len(sent) == 1
    request = sent[0]
    assert request.method == case.method
    assert request.url.path == case.path
    # Each key once, arrays comma-joined (a percent-encoded comma is allowed on the wire).
    pairs = [
        tuple(unquote(part).split("=", 1)) for part in request.url.query.decode().split("&") if part
    ]
    assert [k for k, _ in pairs] == list(dict(pairs)), f"repeated query keys: {pairs}"
    assert dict(pairs) == case.query
    if case.body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == case.body
    assert int(response.status_code) == case.status
    assert case.check(response.parsed), response.parsed
