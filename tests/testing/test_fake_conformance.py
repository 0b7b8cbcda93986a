"""The fake takes its routes and request rules from the shipped spec, and its answers conform.

The `fake` and `empty` fixtures check every answer of every test in this directory
(`check_responses`); here, one scripted session reaches all 23 operations, in both styles
of unset values (`FakeFocus(style="go" | "sparse")`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from toggl_focus.testing import FakeFocus
from toggl_focus.testing._app import _HANDLERS
from toggl_focus.testing._conformance import Spec


def _operations_answered(fake: FakeFocus) -> dict[str, set[int]]:
    spec = Spec.shipped()
    seen: dict[str, set[int]] = {}
    for request in fake.requests:
        route = spec.route(request.path.removeprefix("/api"))
        if route is not None and request.method in route.operations and request.status:
            seen.setdefault(route.operations[request.method].id, set()).add(request.status)
    return seen


@pytest.fixture(params=["go", "sparse"])
def styled(request: pytest.FixtureRequest) -> Iterator[FakeFocus]:
    """The default seeded organization in each style of unset values; answers checked."""
    fake = FakeFocus(seed=0, style=request.param)
    fake.check_responses = True
    yield fake
    assert [str(v) for v in fake.response_violations] == []


def test_every_operation_answers_as_the_spec_says(styled: FakeFocus) -> None:
    """Both styles (Toggl's zero values, and nulls with omissions) conform to the spec's
    tolerance rule, checked strictly on every answer."""
    fake = styled
    with fake.client() as http:
        _session(fake, http)
        # The fields that differ between the styles, reached with and without their flags.
        base = f"/organizations/{fake.organization_id}"
        for flags in ({}, {"include_rates": "true", "include_working_hours": "true"}):
            http.get(f"{base}/users", params={"per_page": 100, **flags})
        custom = {"workspaces": fake.workspace_id, "include_custom_fields": "true"}
        http.get(f"{base}/users", params={**custom, "cf_filter": "2:Lisbon"})
        http.get(f"{base}/users", params={"cf_filter": "2:Lisbon"})  # 422
        http.get(f"{base}/teams", params={"workspace_id": fake.workspace_id, "query": "a"})
    assert fake.request_count > 30
    assert {r.status for r in fake.requests} >= {200, 201, 204, 400, 401, 404, 409, 422}


def _session(fake: FakeFocus, http: httpx.Client) -> None:
    """One scripted session that reaches all 23 operations."""
    org, ws, me = fake.organization_id, fake.workspace_id, fake.me_user_id
    ghosts = f"/organizations/{org}/workspaces/{ws}/ghosts"
    ghost = http.post(ghosts, json={"name": "Probe", "assign_teams": [41]}).json()
    gid = ghost["id"]
    bulk = http.post(ghosts + "/bulk_create", json=[{"name": "B1"}, {"name": "B2"}]).json()
    http.patch(ghosts + "/bulk_update", json=[{"id": bulk[0]["id"], "name": "B1b"}])
    http.get(ghosts, params={"rows": 100, "include_embodied": "true"})
    http.get(ghosts + f"/{gid}")
    http.patch(ghosts + f"/{gid}", json={"assign_action": "add", "assign_projects": [202]})
    hours = f"/organizations/{org}/{ws}/workinghours/ghosts/{gid}"
    created = http.post(hours, json=[{"weekday": 1, "working_hours": 8}]).json()
    entry = created[0]["working_hour_id"]
    http.put(hours, json=[{"working_hour_id": entry, "weekday": 2, "working_hours": 6}])
    http.get(hours)
    http.request("DELETE", hours, json=[entry])
    user_hours = f"/organizations/{org}/workinghours/users/{me}"
    mine = http.get(user_hours).json()
    taken = {e["weekday"] for e in mine}
    free = next(day for day in range(7) if day not in taken)
    new = http.post(user_hours, json=[{"weekday": free, "working_hours": 4}]).json()
    http.put(
        user_hours,
        json=[{"working_hour_id": new[0]["working_hour_id"], "weekday": free, "working_hours": 5}],
    )
    http.request("DELETE", user_hours, json=[new[0]["working_hour_id"]])
    users = http.get(f"/organizations/{org}/users", params={"include_rates": "true"}).json()
    joined = next(u for u in users if u["joined"] and u["id"] != me)
    embody = {
        "recipient_org_user_id": joined["id"],
        "recipient_user_account_id": joined["user_account_id"],
        "role_id": 3,
    }
    http.patch(ghosts + f"/{bulk[1]['id']}/embody", json=embody)
    http.patch(ghosts + f"/{bulk[1]['id']}/embody", json=embody)  # 409
    http.get(f"/organizations/{org}/users", params={"include_working_hours": "true"})
    group = http.post(
        f"/organizations/{org}/groups",
        json={"name": "Probe", "emoji": "P", "organization_users": [me], "workspaces": [ws]},
    ).json()
    replaced = {"name": "Probe 2", "emoji": "Q", "organization_users": [], "workspaces": [ws]}
    http.put(f"/organizations/{org}/groups/{group['id']}", json=replaced)
    http.get(f"/organizations/{org}/groups/me")
    http.get(f"/organizations/{org}/roles")
    http.get(f"/organizations/{org}/teams", params={"workspace_id": ws, "per_page": 100})
    http.delete(f"/organizations/{org}/groups/{group['id']}", params={"workspace_id": ws})
    http.delete(ghosts + f"/{gid}")
    http.get(ghosts + f"/{gid}")  # 404
    http.get(ghosts, params={"rows": 101})  # 400
    http.get(f"/organizations/{org}/roles", headers={"Authorization": "Bearer wrong"})  # 401
    answered = _operations_answered(fake)
    assert set(answered) == set(Spec.shipped().operations)
    assert all(any(200 <= s < 300 for s in statuses) for statuses in answered.values())
    assert fake.response_violations == []  # and the fixture asserts it again


def test_a_non_conforming_answer_is_caught() -> None:
    """A ghost guarantees only its id (spec 1.0.0); a renamed id, a mistyped field and a
    timestamp that is not RFC 3339 are all drift."""
    fake = FakeFocus(seed=0, ghosts=0, users=3)
    fake.check_responses = True
    ghost = fake.add_ghost("Drifted")
    ghost_id = ghost["id"]
    ghost["ghost_id"] = ghost.pop("id")  # the store is keyed by id: the route still finds it
    ghost["description"] = 5
    ghost["created_at"] = "yesterday"
    with fake.client() as http:
        http.get(
            f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts"
            f"/{ghost_id}"
        )
    assert sorted((v.kind, v.field) for v in fake.response_violations) == [
        ("format", "body.created_at"),
        ("missing-required", "body.id"),
        ("type-mismatch", "body.description"),
        ("unknown-field", "body.ghost_id"),
    ]


def _fake_with(change: Any) -> FakeFocus:
    """A fake serving a copy of the shipped spec changed by `change(document)`."""
    document = copy.deepcopy(Spec.shipped().document)
    change(document)
    fake = FakeFocus(seed=0, ghosts=5, users=3)
    fake.app.spec = Spec(document)
    return fake


def test_request_rules_come_from_the_spec() -> None:
    def change(document: dict[str, Any]) -> None:
        get = document["paths"]["/organizations/{organization_id}/workspaces/{workspace_id}/ghosts"]
        rows = next(p for p in get["get"]["parameters"] if p.get("name") == "rows")
        rows["schema"]["maximum"] = 20
        document["components"]["parameters"]["GhostIds"]["explode"] = True

    fake = _fake_with(change)
    path = f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts"
    with fake.client() as http:
        too_many = http.get(path, params={"rows": 21})
        ids = [g["id"] for g in http.get(path, params={"rows": 20}).json()["data"][:2]]
        repeated = http.get(path, params=[("ghost_ids", ids[0]), ("ghost_ids", ids[1])])
    assert too_many.status_code == 400
    assert too_many.json()["error_values"] == {"field": "rows", "max": 20}
    assert sorted(g["id"] for g in repeated.json()["data"]) == sorted(ids)


def test_an_operation_the_fake_does_not_serve_is_a_501() -> None:
    def change(document: dict[str, Any]) -> None:
        document["paths"]["/organizations/{organization_id}/projects"] = {
            "get": {"operationId": "list_projects", "responses": {"200": {"description": "ok"}}},
            "parameters": [{"$ref": "#/components/parameters/OrganizationId"}],
        }

    fake = _fake_with(change)
    with fake.client() as http:
        response = http.get(f"/organizations/{fake.organization_id}/projects")
    assert response.status_code == 501
    assert response.json()["error"] == "not_implemented"


def test_every_operation_of_the_spec_has_a_handler() -> None:
    assert set(_HANDLERS) == set(Spec.shipped().operations)
