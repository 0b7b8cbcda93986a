"""Working hours, groups, teams, roles, users, auth and routing of the fake; its seed data."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from toggl_focus.testing import FakeFocus

# --- seed data -----------------------------------------------------------------------------


def test_default_seed_is_a_realistic_organization(fake: FakeFocus) -> None:
    state = fake.state
    assert fake.organization_id == 9001 and fake.workspace_ids == (7001, 7002)
    assert fake.workspace_id == 7001 and fake.base_url == "https://focus.toggl.com/api"
    assert len(state.ghosts) == 300 and len(state.users) == 120
    assert {state.ghost_workspace[g] for g in state.ghosts} == {7001, 7002}
    assert sum(1 for g in state.ghosts.values() if g["assigned"]["team_ids"]) > 100
    assert sum(1 for g in state.ghosts.values() if g["assigned"]["projects"]) > 100
    assert any(g["user_id"] for g in state.ghosts.values())
    invited = [u for u in state.users.values() if u["invite_sent"] and not u["joined"]]
    assert 5 <= len(invited) <= 30
    assert state.users[fake.me_user_id]["owner"] is True
    assert len(state.groups) >= 6 and len(state.roles) >= 4
    codes = {r["code"] for r in state.roles.values()}
    assert {"owner", "admin", "member", "guest"} <= codes
    kinds = {e["external_entity_type"] for e in state.working_hours.values()}
    assert kinds == {"user", "ghost"}


def test_seed_is_reproducible() -> None:
    first, again, other = FakeFocus(seed=3), FakeFocus(seed=3), FakeFocus(seed=4)
    assert first.state.ghosts == again.state.ghosts
    assert first.state.users == again.state.users
    assert first.state.ghosts != other.state.ghosts


def test_sizes_are_configurable() -> None:
    fake = FakeFocus(seed=1, ghosts=7, users=3)
    assert len(fake.state.ghosts) == 7 and len(fake.state.users) == 3
    with pytest.raises(ValueError):
        FakeFocus(users=0)


# --- authentication and routing ------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong", "Bearer", "toggl_sk_fake", "Token toggl_sk_fake", "Basic !!!"],
)
def test_missing_or_wrong_token_is_401(
    fake: FakeFocus, assert_error, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    with httpx.Client(base_url=fake.base_url, transport=fake.transport()) as http:
        response = http.get(f"/organizations/{fake.organization_id}/roles", headers=headers)
    assert_error(response, 401, "unauthorized")
    assert "X-Toggl-Quota-Remaining" not in response.headers


def test_basic_auth_with_the_token_as_password(fake: FakeFocus) -> None:
    good = base64.b64encode(f"me@example.com:{fake.token}".encode()).decode()
    bad = base64.b64encode(b"me@example.com:secret").decode()
    with httpx.Client(base_url=fake.base_url, transport=fake.transport()) as http:
        path = f"/organizations/{fake.organization_id}/roles"
        assert http.get(path, headers={"Authorization": f"Basic {good}"}).status_code == 200
        assert http.get(path, headers={"Authorization": f"Basic {bad}"}).status_code == 401


def test_routing_errors(fake: FakeFocus, http: httpx.Client, paths, assert_error) -> None:
    assert_error(http.get("/organizations"), 404, "not_found")
    assert_error(http.get(paths.org("/nothing")), 404)
    response = http.put(paths.ghosts())
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["Allow"] == "GET, POST"
    assert http.get(paths.ghosts("/bulk_create")).headers["Allow"] == "POST"
    options = http.options(paths.org("/groups/me"))
    assert options.status_code == 204 and options.headers["Allow"] == "GET, OPTIONS"


def test_foreign_organization_or_workspace_is_403(
    fake: FakeFocus, http: httpx.Client, assert_error
) -> None:
    assert_error(http.get("/organizations/1/roles"), 403, "forbidden")
    assert_error(http.get(f"/organizations/{fake.organization_id}/workspaces/1/ghosts"), 403)
    assert_error(http.get("/organizations/x/roles"), 400, "validation")


# --- working hours -------------------------------------------------------------------------


def _entity_paths(fake: FakeFocus) -> list[str]:
    ghost = fake.add_ghost("Hours ghost")
    user = fake.accounts.invite("hours@example.com")
    org = fake.organization_id
    return [
        f"/organizations/{org}/workinghours/users/{user.recipient_org_user_id}",
        f"/organizations/{org}/{fake.workspace_id}/workinghours/ghosts/{ghost['id']}",
    ]


@pytest.mark.parametrize("entity", ["user", "ghost"])
def test_working_hours_crud(fake: FakeFocus, http: httpx.Client, assert_error, entity) -> None:
    path = _entity_paths(fake)[0 if entity == "user" else 1]
    assert http.get(path).json() == []
    created = http.post(
        path, json=[{"weekday": 2, "working_hours": 7.5}, {"weekday": 1, "working_hours": 8}]
    )
    assert created.status_code == 200
    entries = created.json()
    assert [(e["weekday"], e["working_hours"]) for e in entries] == [(2, 7.5), (1, 8)]
    assert all(e["external_entity_type"] == entity for e in entries)
    listed = http.get(path).json()
    assert [e["weekday"] for e in listed] == [1, 2]  # ordered by weekday
    first = entries[1]["working_hour_id"]
    updated = http.put(path, json=[{"working_hour_id": first, "weekday": 5, "working_hours": 4}])
    assert updated.status_code == 200
    assert [(e["weekday"], e["working_hours"]) for e in updated.json()] == [(2, 7.5), (5, 4)]
    assert_error(http.post(path, json=[{"weekday": 2, "working_hours": 1}]), 400)  # taken
    clash = [{"working_hour_id": first, "weekday": 2, "working_hours": 1}]
    assert_error(http.put(path, json=clash), 400)
    unknown = [{"working_hour_id": 1, "weekday": 3, "working_hours": 1}]
    assert_error(http.put(path, json=unknown), 400)
    deleted = http.request("DELETE", path, json=[first, 123456789])
    assert deleted.status_code == 204
    assert [e["weekday"] for e in http.get(path).json()] == [2]


@pytest.mark.parametrize("entity", ["user", "ghost"])
def test_working_hours_without_weekday(fake: FakeFocus, http: httpx.Client, entity) -> None:
    """Toggl's spec requires only `working_hours` (up to 168); `weekday` may be left out."""
    path = _entity_paths(fake)[0 if entity == "user" else 1]
    created = http.post(path, json=[{"working_hours": 40}, {"weekday": 1, "working_hours": 8}])
    assert created.status_code == 200
    weekly, monday = created.json()
    assert "weekday" not in weekly and weekly["working_hours"] == 40
    # A second entry without a weekday is no clash: the one-per-weekday rule skips them.
    assert http.post(path, json=[{"working_hours": 168}]).status_code == 200
    # An update without `weekday` keeps the entry's weekday; with one it moves it.
    kept = [{"working_hour_id": monday["working_hour_id"], "working_hours": 6}]
    after = {e["working_hour_id"]: e for e in http.put(path, json=kept).json()}
    assert (
        after[monday["working_hour_id"]]["weekday"],
        after[monday["working_hour_id"]]["working_hours"],
    ) == (1, 6)
    assert "weekday" not in after[weekly["working_hour_id"]]
    moved = [{"working_hour_id": weekly["working_hour_id"], "weekday": 3, "working_hours": 8}]
    assert {e.get("weekday") for e in http.put(path, json=moved).json()} == {1, 3, None}


@pytest.mark.parametrize(
    "body",
    [
        [],
        [{"weekday": 7, "working_hours": 8}],
        [{"weekday": -1, "working_hours": 8}],
        [{"weekday": 1, "working_hours": 168.5}],
        [{"working_hours": -1}],
        [{"weekday": 1}],
        [{"weekday": "1", "working_hours": 8}],
        {"weekday": 1, "working_hours": 8},
    ],
)
def test_working_hours_validation(fake: FakeFocus, http: httpx.Client, assert_error, body) -> None:
    for path in _entity_paths(fake):
        assert_error(http.post(path, json=body), 400, "validation")


def test_working_hours_of_unknown_entities_are_403(
    fake: FakeFocus, http: httpx.Client, assert_error
) -> None:
    org = fake.organization_id
    assert_error(http.get(f"/organizations/{org}/workinghours/users/1"), 403, "forbidden")
    other = fake.add_ghost("other", workspace_id=fake.workspace_ids[1])
    path = f"/organizations/{org}/{fake.workspace_id}/workinghours/ghosts/{other['id']}"
    assert_error(http.get(path), 403)
    assert_error(http.request("DELETE", path, content=b"[1]"), 403)


def test_user_working_hours_are_seeded(fake: FakeFocus, http: httpx.Client) -> None:
    entries = http.get(
        f"/organizations/{fake.organization_id}/workinghours/users/{fake.me_user_id}"
    )
    assert {e["weekday"] for e in entries.json()} <= {1, 2, 3, 4, 5}
    assert entries.json()[0]["user_id"] == fake.me_user_id


# --- groups, teams, roles ------------------------------------------------------------------


def test_group_lifecycle(fake: FakeFocus, http: httpx.Client, paths, assert_error) -> None:
    me, ws = fake.me_user_id, fake.workspace_id
    created = http.post(
        paths.org("/groups"),
        json={"name": "Platform", "emoji": "P", "organization_users": [me], "workspaces": [ws]},
    )
    assert created.status_code == 201
    group = created.json()
    assert group["name"] == "Platform" and group["organization_id"] == fake.organization_id
    assert [u["organization_user_id"] for u in group["users"]] == [me]
    assert [w["workspace_id"] for w in group["workspaces"]] == [ws]
    assert "Platform" in [g["name"] for g in http.get(paths.org("/groups/me")).json()]
    path = paths.org(f"/groups/{group['id']}")
    # A PUT must say the whole group: leaving out the members is a 400, never "remove all".
    assert_error(http.put(path, json={"name": "Platform 2", "emoji": "", "workspaces": [ws]}), 400)
    assert [
        u["organization_user_id"]
        for u in fake.state.render_group(fake.state.groups[group["id"]])["users"]
    ] == [me]
    whole = {"name": "Platform 2", "emoji": "", "organization_users": [], "workspaces": [ws]}
    replaced = http.put(path, json=whole).json()
    assert (replaced["name"], replaced["emoji"], replaced["users"]) == ("Platform 2", "", [])
    assert "Platform 2" not in [g["name"] for g in http.get(paths.org("/groups/me")).json()]
    assert_error(http.delete(path), 400, "validation")  # workspace_id is required
    deleted = http.delete(path, params={"workspace_id": ws})
    assert deleted.status_code == 200 and deleted.json() == {"deleted": True}
    assert_error(http.delete(path, params={"workspace_id": ws}), 404, "not_found")
    assert_error(http.put(path, json=whole), 404)
    assert group["id"] not in fake.state.groups


def test_group_validation(fake: FakeFocus, http: httpx.Client, paths, assert_error) -> None:
    whole = {"name": "x", "emoji": "x", "organization_users": [], "workspaces": []}
    assert http.post(paths.org("/groups"), json=whole).status_code == 201
    for key in whole:  # Toggl's spec requires all four
        partial = {k: v for k, v in whole.items() if k != key}
        assert_error(http.post(paths.org("/groups"), json=partial), 400, "validation")
    assert_error(http.post(paths.org("/groups"), json={**whole, "name": ""}), 400)
    assert_error(http.post(paths.org("/groups"), json={**whole, "organization_users": [1]}), 400)
    assert_error(http.post(paths.org("/groups"), json={**whole, "workspaces": [1]}), 403)


def test_teams_pagination_filters_and_ghosts(empty: FakeFocus, assert_error) -> None:
    ws = empty.workspace_id
    in_ws = sorted(
        (g for g in empty.state.groups.values() if ws in g["workspaces"]),
        key=lambda g: g["name"].casefold(),
    )
    design = in_ws[0]
    ghost = empty.add_ghost("Team ghost", team_ids=[design["id"]])
    empty.add_ghost("Embodied", team_ids=[design["id"]], user_id=empty.me_user_id)
    path = f"/organizations/{empty.organization_id}/teams"
    with empty.client() as http:
        assert_error(http.get(path), 400)
        assert_error(http.get(path, params={"workspace_id": ws, "per_page": 101}), 400)
        assert_error(http.get(path, params={"workspace_id": 1}), 403)
        pages = [
            http.get(path, params={"workspace_id": ws, "per_page": 2, "page": p}).json()
            for p in (1, 2, 3, 4)
        ]
        assert all(page["total"] == len(in_ws) for page in pages)
        names = [t["name"] for page in pages for t in page["data"]]
        assert names == [g["name"] for g in in_ws]
        assert pages[0]["rows"] == 2
        first = pages[0]["data"][0]
        assert first["ghosts"] == [{"id": ghost["id"], "name": "Team ghost"}]
        desc = http.get(path, params={"workspace_id": ws, "sort_dir": "desc"}).json()
        assert [t["name"] for t in desc["data"]] == names[::-1]
        filtered = http.get(
            path, params={"workspace_id": ws, "filter": design["name"][1:4].upper()}
        ).json()
        assert [t["id"] for t in filtered["data"]] == [design["id"]]
        by_ids = http.get(path, params={"workspace_id": ws, "group_ids": f"{design['id']},999"})
        assert by_ids.json()["total"] == 1
        member = http.get(path, params={"workspace_id": ws, "organization_user_id": 1})
        assert member.json() == {"data": [], "page": 1, "rows": 50, "total": 0}
        # `query` matches the name like `filter`; both given, both must match.
        needle = design["name"][1:4].lower()
        queried = http.get(path, params={"workspace_id": ws, "query": needle}).json()
        assert [t["id"] for t in queried["data"]] == [t["id"] for t in filtered["data"]]
        both = {"workspace_id": ws, "query": needle, "filter": "no such team"}
        assert http.get(path, params=both).json()["total"] == 0


def test_teams_query_matches_member_names(fake: FakeFocus, http: httpx.Client, paths) -> None:
    """`query` matches a team's name or a member's name (`filter` only the team's name);
    with `active_members_only`, only the members the team is answered with."""
    ws = fake.workspace_id
    idle = fake.state.add_user(email="zebedee@example.com", name="Zebedee Quux", joined=False)
    busy = fake.state.add_user(email="xanthe@example.com", name="Xanthe Quux")
    whole = {"name": "Ops", "emoji": "O", "organization_users": [idle["id"]], "workspaces": [ws]}
    group_id = http.post(paths.org("/groups"), json=whole).json()["id"]

    def found(**params: Any) -> list[int]:
        answer = http.get(paths.org("/teams"), params={"workspace_id": ws, **params}).json()
        return [team["id"] for team in answer["data"]]

    assert found(query="zebedee") == [group_id]  # a member's name, any case
    assert found(query="ZEBEDEE", active_members_only="true") == []  # not joined: not shown
    assert found(filter="zebedee") == []  # filter: the team's name only
    assert found(query="ops", filter="op") == [group_id]  # the team's name still matches
    assert found(query="quux") == [group_id]
    whole["organization_users"] = [idle["id"], busy["id"]]
    http.put(paths.org(f"/groups/{group_id}"), json=whole)
    assert found(query="quux", active_members_only="true") == [group_id]  # Xanthe Quux


def test_teams_active_members_only(fake: FakeFocus, http: httpx.Client, paths) -> None:
    ws = fake.workspace_id
    users = fake.state.users
    idle = next(uid for uid, u in users.items() if not (u["active"] and u["joined"]))
    busy = next(uid for uid, u in users.items() if u["active"] and u["joined"])
    whole = {"name": "Mixed", "emoji": "M", "organization_users": [idle, busy], "workspaces": [ws]}
    group_id = http.post(paths.org("/groups"), json=whole).json()["id"]

    def members(**params: Any) -> list[int]:
        query = {"workspace_id": ws, "group_ids": group_id, **params}
        [team] = http.get(paths.org("/teams"), params=query).json()["data"]
        return [u["organization_user_id"] for u in team["users"]]

    assert members() == [idle, busy]
    assert members(active_members_only="true") == [busy]
    assert members(active_members_only="false") == [idle, busy]


def test_roles(fake: FakeFocus, http: httpx.Client, paths) -> None:
    roles = http.get(paths.org("/roles")).json()
    assert [r["code"] for r in roles][:4] == ["owner", "admin", "member", "guest"]
    assert all(r["permissions"] and r["organization_id"] == 9001 for r in roles)
    # Realistic values: the ones Toggl's published spec lists for `type` and `entity`.
    assert [r["type"] for r in roles] == ["owner", "admin", "manager", "guest", "manager"]
    entities = {p["entity"] for r in roles for p in r["permissions"]}
    assert entities == {"organization", "workspace", "project", "group"}
    assert all(isinstance(p["category_id"], int) and p["category_name"]
               for r in roles for p in r["permissions"])  # fmt: skip
    assert all(r["default_for_levels"] == [] and r["require_group"] is False for r in roles)


# --- users ---------------------------------------------------------------------------------


def test_users_pages_are_bare_arrays_without_total(fake: FakeFocus, http: httpx.Client, paths):
    def page(number: int, **params: Any) -> list[dict]:
        users: list[dict] = http.get(paths.org("/users"), params={"page": number, **params}).json()
        return users

    assert len(page(1)) == 50  # default per_page
    seen = [u["id"] for n in (1, 2, 3) for u in page(n, per_page=50)]
    assert [len(page(n, per_page=50)) for n in (1, 2, 3)] == [50, 50, 20]  # short last page
    assert len(set(seen)) == 120
    assert len(page(1, per_page=100)) == 100
    assert page(4, per_page=50) == []


@pytest.mark.parametrize("params", [{"per_page": 101}, {"per_page": 0}, {"page": 0}])
def test_users_page_limits(fake: FakeFocus, http: httpx.Client, paths, assert_error, params):
    assert_error(http.get(paths.org("/users"), params=params), 400)


def test_users_filters(fake: FakeFocus, http: httpx.Client, paths) -> None:
    def users(**params: Any) -> list[dict]:
        found: list[dict] = http.get(paths.org("/users"), params={"per_page": 100, **params}).json()
        return found

    someone = fake.state.users[fake.me_user_id]
    assert [u["id"] for u in users(filter=someone["email"].upper())] == [someone["id"]]
    assert someone["id"] in [u["id"] for u in users(filter=someone["name"].split()[1].lower())]
    invited = users(active_status="invited")
    assert invited and all(u["invite_sent"] and not u["joined"] for u in invited)
    assert all(u["admin"] for u in users(only_admins="true"))
    assert [u["id"] for u in users(org_user_ids=f"{someone['id']}")] == [someone["id"]]
    ids = f"{someone['user_account_id']}"
    assert [u["user_account_id"] for u in users(user_account_ids=ids)] == [int(ids)]
    second = users(workspaces=str(fake.workspace_ids[1]))
    assert second and all(
        fake.workspace_ids[1] in [w["id"] for w in u["workspaces"]] for u in second
    )
    assert all(1 in [w["focus_role_id"] for w in u["workspaces"]] for u in users(roles="1"))
    names = [u["name"].casefold() for u in users(sort_dir="desc")]
    assert names == sorted(names, reverse=True)
    assert users(pinned_ids="5110,5105")[0]["id"] == 5110
    assert users(active_status="nobody") == []
    grouped = {uid for g in fake.state.groups.values() for uid in g["organization_users"]}
    in_groups, alone = users(has_group="true"), users(has_group="false")
    assert in_groups and all(u["id"] in grouped for u in in_groups)
    assert alone and not any(u["id"] in grouped for u in alone)
    assert len(in_groups) == min(100, len(grouped))
    assert len(alone) == min(100, len(fake.state.users) - len(grouped))


def test_users_optional_fields(fake: FakeFocus, http: httpx.Client, paths) -> None:
    """Go style (the default): `rate` and `working_hours` are in every item, their zero
    values when not asked for, as Toggl's Go server sends them."""
    plain = http.get(paths.org("/users"), params={"org_user_ids": fake.me_user_id}).json()[0]
    assert plain["working_hours"] == 0
    assert plain["rate"] == {
        "currency": "", "end_at": "", "hourly_rate": 0, "start_at": "", "workspace_id": 0,
        "workspace_rate_id": 0, "workspace_user_rate_id": 0,
    }  # fmt: skip
    assert plain["user_id"] == str(plain["user_account_id"])
    assert plain["groups"] and plain["workspaces"][0]["groups"]
    rich = http.get(
        paths.org("/users"),
        params={
            "org_user_ids": fake.me_user_id,
            "include_working_hours": "true",
            "include_rates": "true",
        },
    ).json()[0]
    week = sum(e["working_hours"] for e in fake.state.working_hours_of("user", fake.me_user_id))
    assert rich["working_hours"] == week > 0
    assert rich["rate"]["currency"] == "EUR" and rich["rate"]["end_at"] == ""
    assert rich["rate"]["hourly_rate"] > 0 and rich["rate"]["start_at"].endswith("Z")
    assert "custom_field_values" not in plain and "custom_field_values" not in rich


def test_users_optional_fields_sparse(http: httpx.Client, paths) -> None:
    """Sparse style: `rate` and `working_hours` only when asked for; nulls where unset."""
    fake = FakeFocus(seed=0, style="sparse")
    with fake.client() as sparse:
        me = {"org_user_ids": fake.me_user_id}
        plain = sparse.get(paths.org("/users"), params=me).json()[0]
        assert "working_hours" not in plain and "rate" not in plain
        flags = {"include_working_hours": "true", "include_rates": "true"}
        rich = sparse.get(paths.org("/users"), params={**me, **flags}).json()[0]
        assert rich["working_hours"] > 0 and rich["rate"]["currency"] == "EUR"
        assert rich["rate"]["end_at"] is None
        hourless = next(u for u in fake.state.users.values() if not u["joined"])
        [idle] = sparse.get(
            paths.org("/users"), params={"org_user_ids": hourless["id"], **flags}
        ).json()
        assert idle["working_hours"] is None  # no entries: null, not 0
    # The same people and the same seeded values as in Go style: only unset values differ.
    assert [u["email"] for u in fake.state.users.values()] == [
        u["email"] for u in FakeFocus(seed=0).state.users.values()
    ]
    [go_idle] = http.get(
        paths.org("/users"), params={"org_user_ids": hourless["id"], **flags}
    ).json()
    assert go_idle["working_hours"] == 0


def test_users_custom_fields_need_exactly_one_workspace(
    fake: FakeFocus, http: httpx.Client, paths
) -> None:
    """`include_custom_fields` is honoured with exactly one workspace; the key is left out
    otherwise, as Toggl does."""
    first, second = fake.workspace_ids
    me = {"org_user_ids": fake.me_user_id, "include_custom_fields": "true"}
    for workspaces in (None, f"{first},{second}"):
        params = me if workspaces is None else {**me, "workspaces": workspaces}
        [user] = http.get(paths.org("/users"), params=params).json()
        assert "custom_field_values" not in user
    [user] = http.get(paths.org("/users"), params={**me, "workspaces": first}).json()
    assert user["custom_field_values"] == fake.state.custom_fields[fake.me_user_id]
    cost, office = user["custom_field_values"]
    assert (cost["custom_field_id"], cost["custom_field_name"]) == (1, "Cost center")
    assert (cost["field_type"], cost["selected_options"]) == ("text", [])
    assert cost["value"].startswith("CC-") and "name" not in cost
    assert office["field_type"] == "select" and office["selected_options"] == [office["value"]]
    [again] = http.get(paths.org("/users"), params={**me, "workspaces": f"{first},{first}"}).json()
    assert again["custom_field_values"] == user["custom_field_values"]  # one workspace, twice


def test_users_cf_filter(fake: FakeFocus, http: httpx.Client, paths, assert_error) -> None:
    """`cf_filter`: `fieldID:value` pairs, ANDed, matching a field's value or one of its
    selected options (ignoring case); exactly one workspace, else a 422."""
    first, second = fake.workspace_ids

    def ids(cf_filter: str, workspaces: Any = first) -> set[int]:
        params = {"cf_filter": cf_filter, "workspaces": workspaces, "per_page": 100}
        answer = http.get(paths.org("/users"), params=params)
        assert answer.status_code == 200, answer.text
        return {u["id"] for u in answer.json()}

    def having(field_id: int, value: str) -> set[int]:
        return {
            uid
            for uid, values in fake.state.custom_fields.items()
            for item in values
            if item["custom_field_id"] == field_id and item["value"] == value
        }

    users = fake.state.users.values()
    in_first = {u["id"] for u in users if first in [w["id"] for w in u["workspaces"]]}
    lisbon, cc101 = having(2, "Lisbon") & in_first, having(1, "CC-101") & in_first
    assert lisbon and cc101 and lisbon - cc101 and cc101 - lisbon
    assert ids("2:lisbon") == lisbon
    assert ids("2:Lisbon,1:cc-101") == lisbon & cc101  # ANDed
    assert ids("2:Atlantis") == set()
    assert len(ids("")) == min(100, len(in_first)) > len(lisbon)  # empty: filters nothing
    assert ids("", workspaces=f"{first},{second}")  # and needs no workspace
    for workspaces in (None, f"{first},{second}"):
        params = {"cf_filter": "2:Lisbon"}
        if workspaces is not None:
            params["workspaces"] = workspaces
        body = assert_error(http.get(paths.org("/users"), params=params), 422, "unprocessable")
        assert body["error_values"]["field"] == "cf_filter"
    for bad in ("2", "x:Lisbon", "0:Lisbon", "2:Lisbon,,1:x", ":Lisbon"):
        params = {"cf_filter": bad, "workspaces": first}
        body = assert_error(http.get(paths.org("/users"), params=params), 400, "validation")
        assert body["error_values"]["field"] == "cf_filter"
    twice = [("cf_filter", "2:Lisbon"), ("cf_filter", "1:CC-101"), ("workspaces", str(first))]
    assert_error(http.get(paths.org("/users"), params=twice), 400, "validation")


def test_accounts_accept_marks_joined(fake: FakeFocus, http: httpx.Client, paths) -> None:
    invite = fake.accounts.invite("late.joiner@example.com")
    fake.accounts.accept("late.joiner@example.com")
    (user,) = http.get(paths.org("/users"), params={"filter": "late.joiner"}).json()
    assert (user["id"], user["joined"]) == (invite.recipient_org_user_id, True)
    with pytest.raises(ValueError):
        fake.accounts.invite("not-an-email")
