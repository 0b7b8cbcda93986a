"""Ghost operations of the fake: listing (pages, filters, order), writes, delete, embody."""

from __future__ import annotations

import math
import re
from typing import Any

import httpx
import pytest

from toggl_focus.testing import FakeFocus

RFC3339_Z = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def _client(fake: FakeFocus) -> httpx.Client:
    return fake.client()


def _ghosts(fake: FakeFocus, suffix: str = "") -> str:
    return f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts{suffix}"


# --- listing -------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 250])
def test_pagination_boundaries(count: int) -> None:
    """With rows=100, every page reports the total and only the last page is short."""
    fake = FakeFocus(ghosts=0, users=5)
    fake.add_ghosts(count)
    pages = max(1, math.ceil(count / 100))
    seen: list[int] = []
    with _client(fake) as http:
        for page in range(1, pages + 2):
            body = http.get(_ghosts(fake), params={"rows": 100, "page": page}).json()
            assert body["total"] == count
            assert body["page"] == page
            assert body["rows"] == 100
            expected = max(0, min(100, count - (page - 1) * 100))
            assert len(body["data"]) == expected
            seen += [g["id"] for g in body["data"]]
    assert len(seen) == len(set(seen)) == count


def test_default_page_size_is_50(fake: FakeFocus, http: httpx.Client) -> None:
    body = http.get(_ghosts(fake)).json()
    assert (body["page"], body["rows"], len(body["data"])) == (1, 50, 50)
    assert body["total"] == sum(
        1
        for gid, g in fake.state.ghosts.items()
        if fake.state.ghost_workspace[gid] == fake.workspace_id and g["user_id"] is None
    )


@pytest.mark.parametrize(
    "params",
    [
        {"rows": 101},
        {"rows": 0},
        {"rows": "ten"},
        {"page": 0},
        {"page": "1.5"},
        {"order_by": "id,asc"},
        {"order_by": "name"},
        {"include_embodied": "yes"},
        {"project_ids": "1,,2"},
        {"project_ids": "a,b"},
        {"ghost_ids": "1, 2"},
        {"team_ids": "1,2,"},
        {"rows": str(2**63)},
    ],
)
def test_bad_list_parameters_are_400(
    fake: FakeFocus, http: httpx.Client, assert_error, params: dict
) -> None:
    assert_error(http.get(_ghosts(fake), params=params), 400, "validation")


def test_rows_over_100_names_the_limit(fake: FakeFocus, http: httpx.Client, assert_error) -> None:
    body = assert_error(http.get(_ghosts(fake), params={"rows": 101}), 400)
    assert body["error_values"] == {"field": "rows", "max": 100}


def test_page_past_the_end_is_empty(fake: FakeFocus, http: httpx.Client) -> None:
    body = http.get(_ghosts(fake), params={"page": 1000}).json()
    assert body["data"] == [] and body["total"] > 0


def test_search_is_case_insensitive_contains_anywhere(empty: FakeFocus) -> None:
    for name in ("Senior Designer", "designer (contract)", "Backend Engineer", "UX DESIGNER"):
        empty.add_ghost(name)
    with _client(empty) as http:
        body = http.get(_ghosts(empty), params={"search": "sIGn"}).json()
    assert [g["name"] for g in body["data"]] == [
        "designer (contract)",
        "Senior Designer",
        "UX DESIGNER",
    ]
    assert body["total"] == 3


def test_order_by_name_ascending_and_descending(empty: FakeFocus) -> None:
    for name in ("bravo", "Alpha", "charlie", "alpha"):
        empty.add_ghost(name)
    with _client(empty) as http:
        asc = [g["name"] for g in http.get(_ghosts(empty)).json()["data"]]
        desc = http.get(_ghosts(empty), params={"order_by": "name,desc"}).json()["data"]
    assert asc == ["Alpha", "alpha", "bravo", "charlie"]  # ties by id
    assert [g["name"] for g in desc] == list(reversed(asc))


def test_id_filters_are_comma_separated_and_combine_with_and(empty: FakeFocus) -> None:
    a = empty.add_ghost("a", project_ids=[201], team_ids=[41])
    b = empty.add_ghost("b", project_ids=[202], task_ids=[3001])
    c = empty.add_ghost("c", project_ids=[201, 202], team_ids=[42])
    with _client(empty) as http:

        def ids(**params: Any) -> list[int]:
            return [g["id"] for g in http.get(_ghosts(empty), params=params).json()["data"]]

        assert ids(project_ids="201") == [a["id"], c["id"]]
        assert ids(project_ids="201,202") == [a["id"], b["id"], c["id"]]
        assert ids(project_ids="201", team_ids="42") == [c["id"]]
        assert ids(task_ids="3001") == [b["id"]]
        assert ids(ghost_ids=f"{a['id']},{b['id']}") == [a["id"], b["id"]]
        assert ids(project_ids="") == [a["id"], b["id"], c["id"]]  # empty list: no filter
        encoded = http.get(_ghosts(empty) + "?project_ids=201%2C202").json()
        assert encoded["total"] == 3


def test_repeated_list_parameter_is_400(empty: FakeFocus, assert_error) -> None:
    with _client(empty) as http:
        response = http.get(_ghosts(empty) + "?project_ids=1&project_ids=2")
    assert assert_error(response, 400)["error_values"] == {"field": "project_ids"}


def test_include_embodied(empty: FakeFocus) -> None:
    empty.add_ghost("free")
    empty.add_ghost("taken", user_id=next(iter(empty.state.users)))
    with _client(empty) as http:
        default = http.get(_ghosts(empty)).json()
        everyone = http.get(_ghosts(empty), params={"include_embodied": "true"}).json()
    assert [g["name"] for g in default["data"]] == ["free"]
    assert [g["name"] for g in everyone["data"]] == ["free", "taken"]
    assert everyone["data"][1]["user_id"] is not None
    assert RFC3339_Z.fullmatch(everyone["data"][1]["embodied_at"])


def test_workspaces_are_separate(fake: FakeFocus, http: httpx.Client) -> None:
    second = fake.workspace_ids[1]
    path = f"/organizations/{fake.organization_id}/workspaces/{second}/ghosts"
    data = http.get(path, params={"rows": 100, "include_embodied": "true"}).json()["data"]
    assert data and all(fake.state.ghost_workspace[g["id"]] == second for g in data)


def test_listing_100k_ghosts_is_fast() -> None:
    """Seeding and paging through 100,000 ghosts stays cheap (the benchmark does this)."""
    import time

    started = time.perf_counter()
    fake = FakeFocus(ghosts=0, users=1)
    fake.add_ghosts(100_000)
    seeded = time.perf_counter() - started
    total = 0
    with _client(fake) as http:
        for page in range(1, 1002):
            body = http.get(_ghosts(fake), params={"rows": 100, "page": page}).json()
            total += len(body["data"])
            if len(body["data"]) < 100:
                break
    assert total == 100_000
    assert page == 1001
    assert seeded < 10 and time.perf_counter() - started < 30


# --- create and bulk create ----------------------------------------------------------------


def test_create_ghost(empty: FakeFocus, assert_error) -> None:
    with _client(empty) as http:
        first = http.post(_ghosts(empty), json={"name": "Designer (TBH)"})
        second = http.post(
            _ghosts(empty),
            json={
                "name": "Engineer",
                "description": "backend",
                "assign_projects": [201, 999],
                "assign_tasks": [3001],
                "assign_teams": [41],
            },
        )
    assert first.status_code == second.status_code == 201
    one, two = first.json(), second.json()
    assert two["id"] == one["id"] + 1
    assert one["description"] == "" and one["assigned"] == {
        "projects": [],
        "tasks": [],
        "team_ids": [],
    }
    assert (one["user_id"], one["embodied_at"], one["deleted_at"]) == (None, None, None)
    assert RFC3339_Z.fullmatch(one["created_at"]) and one["created_at"] == one["updated_at"]
    assert two["assigned"]["projects"][0] == empty.state.projects[201]
    assert two["assigned"]["projects"][1] == {
        "id": 999,
        "name": "Project 999",
        "color": "#9e9e9e",
        "private": False,
    }
    assert two["assigned"]["tasks"][0]["id"] == 3001 and two["assigned"]["team_ids"] == [41]
    assert empty.state.ghosts[two["id"]] == two


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": 5},
        {"name": "x", "assign_projects": "201"},
        {"name": "x", "assign_projects": [True]},
        {"name": "x", "assign_tasks": [1.5]},
        {"name": "x", "description": None},
        ["name"],
    ],
)
def test_create_ghost_rejects_bad_bodies(empty: FakeFocus, assert_error, body: object) -> None:
    with _client(empty) as http:
        assert_error(http.post(_ghosts(empty), json=body), 400, "validation")
    assert empty.state.ghosts == {}


@pytest.mark.parametrize("raw", [b"", b"{", b'{"name": "x",}', b"NaN", b"\xff\xfe"])
def test_malformed_json_is_400(empty: FakeFocus, assert_error, raw: bytes) -> None:
    with _client(empty) as http:
        response = http.post(
            _ghosts(empty), content=raw, headers={"Content-Type": "application/json"}
        )
    assert_error(response, 400, "validation")


def test_bulk_create_is_all_or_nothing(empty: FakeFocus, assert_error) -> None:
    with _client(empty) as http:
        bad = http.post(_ghosts(empty) + "/bulk_create", json=[{"name": "ok"}, {"name": ""}])
        assert_error(bad, 400)
        assert empty.state.ghosts == {}
        assert_error(http.post(_ghosts(empty) + "/bulk_create", json=[]), 400)
        good = http.post(_ghosts(empty) + "/bulk_create", json=[{"name": "b"}, {"name": "a"}])
    assert good.status_code == 201
    assert [g["name"] for g in good.json()] == ["b", "a"]  # request order


# --- update and bulk update ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "expected"),
    [("add", [201, 202, 203]), ("remove", [201]), ("replace", [202, 203]), (None, [202, 203])],
)
def test_update_assign_action(empty: FakeFocus, action: str | None, expected: list[int]) -> None:
    ghost = empty.add_ghost("g", project_ids=[201, 202], team_ids=[41])
    body: dict = {"assign_projects": [202, 203]}
    if action is not None:
        body["assign_action"] = action
    with _client(empty) as http:
        response = http.patch(_ghosts(empty, f"/{ghost['id']}"), json=body)
    assert response.status_code == 200
    assigned = response.json()["assigned"]
    assert [p["id"] for p in assigned["projects"]] == expected
    assert assigned["team_ids"] == [41]  # lists absent from the body are untouched


def test_update_fields_and_rules(empty: FakeFocus, assert_error) -> None:
    ghost = empty.add_ghost("old")
    taken = empty.add_ghost("taken", user_id=next(iter(empty.state.users)))
    path = _ghosts(empty, f"/{ghost['id']}")
    with _client(empty) as http:
        updated = http.patch(path, json={"name": "new", "description": "d", "id": ghost["id"]})
        assert updated.status_code == 200
        assert (updated.json()["name"], updated.json()["description"]) == ("new", "d")
        assert_error(http.patch(path, json={}), 400)
        assert_error(http.patch(path, json={"id": ghost["id"] + 1}), 400)
        assert_error(http.patch(path, json={"assign_action": "merge"}), 400)
        assert_error(http.patch(path, json={"name": ""}), 400)
        assert_error(http.patch(_ghosts(empty, "/999999"), json={"name": "x"}), 404, "not_found")
        assert_error(http.patch(_ghosts(empty, f"/{taken['id']}"), json={"name": "x"}), 400)
        assert_error(http.patch(_ghosts(empty, "/abc"), json={"name": "x"}), 400)


def _bulk(empty: FakeFocus) -> str:
    return _ghosts(empty, "/bulk_update")


def test_bulk_update(empty: FakeFocus, assert_error) -> None:
    a = empty.add_ghost("a", team_ids=[41, 42])
    b = empty.add_ghost("b")
    with _client(empty) as http:
        response = http.patch(
            _bulk(empty),
            json=[
                {"id": a["id"], "assign_action": "remove", "assign_teams": [41]},
                {"id": b["id"], "name": "b2", "assign_action": "add", "assign_teams": [43]},
            ],
        )
        assert response.status_code == 200
        assert [(g["id"], g["name"], g["assigned"]["team_ids"]) for g in response.json()] == [
            (a["id"], "a", [42]),
            (b["id"], "b2", [43]),
        ]
        unknown = http.patch(_bulk(empty), json=[{"id": a["id"], "name": "z"}, {"id": 1}])
        assert assert_error(unknown, 400)["error_values"] == {"index": 1, "id": 1}
        assert empty.state.ghosts[a["id"]]["name"] == "a"  # all-or-nothing
        assert_error(http.patch(_bulk(empty), json=[{"name": "no id"}]), 400)
        assert_error(http.patch(_bulk(empty), json=[]), 400)


# --- get and delete ------------------------------------------------------------------------


def test_delete_is_soft_and_idempotent(empty: FakeFocus, assert_error) -> None:
    ghost = empty.add_ghost("doomed")
    path = _ghosts(empty, f"/{ghost['id']}")
    with _client(empty) as http:
        assert http.get(path).json() == ghost
        first = http.delete(path)
        assert first.status_code == 204 and first.content == b""
        assert http.delete(path).status_code == 204
        assert http.delete(_ghosts(empty, "/424242")).status_code == 204
        assert_error(http.get(path), 404, "not_found")
        assert http.get(_ghosts(empty), params={"include_embodied": "true"}).json()["total"] == 0
        assert_error(http.patch(path, json={"name": "x"}), 404)
    assert RFC3339_Z.fullmatch(empty.state.ghosts[ghost["id"]]["deleted_at"])


def test_ghost_of_another_workspace_is_not_found(empty: FakeFocus, assert_error) -> None:
    other = empty.add_ghost("elsewhere", workspace_id=empty.workspace_ids[1])
    with _client(empty) as http:
        assert_error(http.get(_ghosts(empty, f"/{other['id']}")), 404)


# --- embody --------------------------------------------------------------------------------


def test_invite_then_embody(empty: FakeFocus, assert_error) -> None:
    ghost = empty.add_ghost("Designer (TBH)", team_ids=[41])
    invite = empty.accounts.invite("new.hire@example.com", name="New Hire")
    assert empty.accounts.invite("NEW.HIRE@example.com") == invite  # idempotent
    path = _ghosts(empty, f"/{ghost['id']}/embody")
    body = {
        "recipient_org_user_id": invite.recipient_org_user_id,
        "recipient_user_account_id": invite.recipient_user_account_id,
        "role_id": 3,
    }
    with _client(empty) as http:
        users = http.get(
            f"/organizations/{empty.organization_id}/users", params={"filter": "new.hire@"}
        ).json()
        assert [(u["id"], u["user_account_id"], u["invite_sent"], u["joined"]) for u in users] == [
            (invite.recipient_org_user_id, invite.recipient_user_account_id, True, False)
        ]
        embodied = http.patch(path, json=body)
        assert embodied.status_code == 200
        assert embodied.json()["user_id"] == invite.recipient_org_user_id
        assert RFC3339_Z.fullmatch(embodied.json()["embodied_at"])
        again = assert_error(http.patch(path, json=body), 409, "conflict")
        assert again["error_values"]["user_id"] == invite.recipient_org_user_id
        assert http.get(_ghosts(empty)).json()["total"] == 0  # embodied: hidden by default
        assert http.get(_ghosts(empty, f"/{ghost['id']}")).status_code == 200
    assert invite.recipient_org_user_id in empty.state.groups[41]["organization_users"]


def test_embody_errors(empty: FakeFocus, assert_error) -> None:
    ghost = empty.add_ghost("g")
    user = next(iter(empty.state.users.values()))
    good = {
        "recipient_org_user_id": user["id"],
        "recipient_user_account_id": user["user_account_id"],
        "role_id": 3,
    }
    path = _ghosts(empty, f"/{ghost['id']}/embody")
    with _client(empty) as http:
        assert_error(http.patch(_ghosts(empty, "/999999/embody"), json=good), 404, "not_found")
        wrong_account = {**good, "recipient_user_account_id": 1}
        assert_error(http.patch(path, json=wrong_account), 400)
        assert_error(http.patch(path, json={**good, "recipient_org_user_id": 1}), 400)
        assert_error(http.patch(path, json={**good, "role_id": 99}), 400)
        assert_error(http.patch(path, json={"role_id": 3}), 400)
        assert_error(http.patch(path, json={**good, "role_id": "3"}), 400)
        assert empty.state.ghosts[ghost["id"]]["user_id"] is None
        assert http.patch(path, json=good).status_code == 200
