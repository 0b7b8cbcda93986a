"""The fake's two styles of unset values: Toggl's Go zero values (the default) and sparse.

Go style sends what Toggl's types say: `""` for an unset string-typed timestamp, `0` for an
unset integer id, and a user's `rate` and `working_hours` always. Sparse style sends `null`
there and leaves `rate` and `working_hours` out unless asked for. A ghost's `deleted_at`,
`embodied_at` and `user_id` are nullable in Toggl's published spec: `null` in both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from toggl_focus import Focus
from toggl_focus.testing import FakeFocus
from toggl_focus.testing._conformance import Spec

#: Where Toggl types a plain string (timestamps) or integer (ids): JSON paths in one answer.
USER_TIMES = ("deleted_at", "account_locked_at")
USER_WORKSPACE_IDS = ("track_role_id", "work_role_id")
GROUP_USER_IDS = ("track_role_id", "work_role_id")
GROUP_WORKSPACE_IDS = ("focus_role_id",)


def _answers(fake: FakeFocus) -> dict[str, Any]:
    """The answers that carry every field the styles differ on (a group and an embodiment
    that adds a workspace to a user included)."""
    org, ws = fake.organization_id, fake.workspace_id
    second = fake.workspace_ids[1]
    with fake.client() as http:
        base = f"/organizations/{org}"
        only_first = next(
            u for u in fake.state.users.values() if u["joined"] and len(u["workspaces"]) == 1
        )
        ghost = http.post(
            f"{base}/workspaces/{second}/ghosts", json={"name": "Crosser", "assign_teams": [46]}
        ).json()
        embody = {
            "recipient_org_user_id": only_first["id"],
            "recipient_user_account_id": only_first["user_account_id"],
            "role_id": 3,
        }
        embodied = http.patch(
            f"{base}/workspaces/{second}/ghosts/{ghost['id']}/embody", json=embody
        )
        assert embodied.status_code == 200, embodied.text
        group = http.post(
            f"{base}/groups",
            json={"name": "Style", "emoji": "S", "organization_users": [fake.me_user_id],
                  "workspaces": [ws]},
        )  # fmt: skip
        assert group.status_code == 201
        teams = {"workspace_id": ws, "per_page": 100}
        return {
            "users": http.get(f"{base}/users", params={"per_page": 100}).json(),
            "rich": http.get(
                f"{base}/users",
                params={"per_page": 100, "include_rates": "true", "include_working_hours": "true"},
            ).json(),
            "crosser": http.get(f"{base}/users", params={"org_user_ids": only_first["id"]}).json(),
            "group": group.json(),
            "teams": http.get(f"{base}/teams", params=teams).json()["data"],
            "ghosts": http.get(
                f"{base}/workspaces/{ws}/ghosts", params={"rows": 100, "include_embodied": "true"}
            ).json()["data"],
            "embodied": embodied.json(),
        }


@pytest.fixture(params=["go", "sparse"])
def styled(request: pytest.FixtureRequest) -> Iterator[FakeFocus]:
    """A seeded fake in each style; every answer is checked against the spec."""
    fake = FakeFocus(seed=0, style=request.param)
    fake.check_responses = True
    yield fake
    assert [str(v) for v in fake.response_violations] == []


def _unset_values(answers: dict[str, Any]) -> dict[str, list[Any]]:
    """Every value, by field, that the two styles send differently."""
    values: dict[str, list[Any]] = {}

    def add(field: str, value: Any) -> None:
        values.setdefault(field, []).append(value)

    users = answers["users"] + answers["crosser"]
    for user in users:
        for field in USER_TIMES:
            add(f"user.{field}", user[field])
        for workspace in user["workspaces"]:
            for field in USER_WORKSPACE_IDS:
                add(f"user.workspaces.{field}", workspace[field])
        add("user.rate", user.get("rate", "<absent>"))
        add("user.working_hours", user.get("working_hours", "<absent>"))
    for user in answers["rich"]:
        add("rich.rate.end_at", user["rate"]["end_at"])
    for group in [answers["group"], *answers["teams"]]:
        add("group.deleted_at", group["deleted_at"])
        for member in group["users"]:
            add("group.users.deleted_at", member["deleted_at"])
            for field in GROUP_USER_IDS:
                add(f"group.users.{field}", member[field])
        for workspace in group["workspaces"]:
            add("group.workspaces.deleted_at", workspace["deleted_at"])
            for field in GROUP_WORKSPACE_IDS:
                add(f"group.workspaces.{field}", workspace[field])
    return values


def test_default_style_sends_what_toggls_types_say() -> None:
    """Go style: `""` and `0`, never null, where Toggl types a plain string or integer; a
    user's `rate` and `working_hours` always present (zero values when not asked for)."""
    fake = FakeFocus(seed=0)
    fake.check_responses = True
    assert fake.style == "go"
    answers = _answers(fake)
    values = _unset_values(answers)
    for field, seen in values.items():
        assert None not in seen and "<absent>" not in seen, field
    for field in ("user.deleted_at", "user.account_locked_at", "rich.rate.end_at"):
        assert set(values[field]) == {""}, field
    for field in ("group.deleted_at", "group.users.deleted_at", "group.workspaces.deleted_at"):
        assert set(values[field]) == {""}, field
    for field in ("user.workspaces.track_role_id", "user.workspaces.work_role_id"):
        assert set(values[field]) == {0}, field
    for field in ("group.users.track_role_id", "group.users.work_role_id"):
        assert set(values[field]) == {0}, field
    assert set(values["group.workspaces.focus_role_id"]) == {0}
    assert set(values["user.working_hours"]) == {0}
    assert all(rate["currency"] == "" and rate["hourly_rate"] == 0 for rate in values["user.rate"])
    # The user embodied into a second workspace got a membership in Go style too.
    [crosser] = answers["crosser"]
    assert [w["track_role_id"] for w in crosser["workspaces"]] == [0, 0]
    # Nullable in Toggl's published spec: null until set, in both styles.
    ghosts = answers["ghosts"]
    unembodied = [g for g in ghosts if g["embodied_at"] is None]
    assert unembodied and all(g["user_id"] is None for g in unembodied)
    assert all(g["deleted_at"] is None for g in ghosts)
    assert answers["embodied"]["user_id"] == crosser["id"]
    assert answers["embodied"]["deleted_at"] is None
    assert fake.response_violations == []


def test_sparse_style_sends_nulls_and_leaves_out() -> None:
    """Sparse: null where unset, `rate` and `working_hours` only when asked for."""
    fake = FakeFocus(seed=0, style="sparse")
    fake.check_responses = True
    answers = _answers(fake)
    values = _unset_values(answers)
    for field, seen in values.items():
        if field in ("user.rate", "user.working_hours"):
            assert set(seen) == {"<absent>"}, field
        else:
            assert set(seen) == {None}, field
    assert fake.response_violations == []


def test_styles_differ_only_in_unset_values() -> None:
    """Everything else (ids, names, seeded values, the ghosts) is the same in both."""

    def blank(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: blank(v) for k, v in value.items() if k not in ("rate", "working_hours")}
        if isinstance(value, list):
            return [blank(v) for v in value]
        return None if value in ("", 0) and not isinstance(value, bool) else value

    go, sparse = _answers(FakeFocus(seed=0)), _answers(FakeFocus(seed=0, style="sparse"))
    assert go["ghosts"] == sparse["ghosts"]
    go_dump, sparse_dump = json.dumps(go, sort_keys=True), json.dumps(sparse, sort_keys=True)
    assert go_dump != sparse_dump
    for key in ("users", "rich", "crosser", "teams"):
        timeless = [blank({k: v for k, v in item.items() if k != "updated_at"}) for item in go[key]]
        sparse_items = [
            blank({k: v for k, v in item.items() if k != "updated_at"}) for item in sparse[key]
        ]
        assert timeless == sparse_items, key


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="style must be one of go, sparse"):
        FakeFocus(style="json")


@pytest.mark.parametrize("style", ["go", "sparse"])
def test_the_client_reads_both_styles_alike(style: str) -> None:
    """Through `Focus`, unset timestamps are None in both styles. What differs: Go style's
    `0` role ids and its zero `rate`/`working_hours` are values, not UNSET (see below)."""
    fake = FakeFocus(seed=0, style=style)
    fake.check_responses = True
    with httpx.Client(transport=fake.transport()) as http:
        focus = Focus(
            fake.token, base_url=fake.base_url, organization_id=fake.organization_id,
            workspace_id=fake.workspace_id, http_client=http,
        )  # fmt: skip
        users = list(focus.users.list(max_items=20))
        rich = list(focus.users.list(max_items=20, include_rates=True))
        teams = list(focus.teams.list())
        ghosts = list(focus.ghosts.list(max_items=20))
    assert users and rich and teams and ghosts
    for user in users:
        assert user.deleted_at is None and user.account_locked_at is None
    for user in rich:
        assert user.rate and user.rate.currency == "EUR" and user.rate.end_at is None
    for team in teams:
        assert team.deleted_at is None
        assert all(member.deleted_at is None for member in team.users or [])
        assert all(workspace.deleted_at is None for workspace in team.workspaces or [])
    for ghost in ghosts:
        assert ghost.deleted_at is None and ghost.embodied_at is None and ghost.user_id is None
    memberships = [w for user in users for w in user.workspaces or []]
    if style == "go":
        # Go's zero values are what a caller sees: 0 ids, a zero rate, 0 hours.
        assert {w.track_role_id for w in memberships} == {0}
        assert all(u.rate and u.rate.currency == "" and u.rate.start_at is None for u in users)
        assert {u.working_hours for u in users} == {0}
    else:
        assert {w.track_role_id for w in memberships} == {None}
        assert not any(u.rate for u in users) and not any(u.working_hours for u in users)
    assert fake.response_violations == []


def test_every_answer_conforms_in_each_style(styled: FakeFocus) -> None:
    """Both styles are within the spec's tolerance rule (checked strictly by the fixture)."""
    answers = _answers(styled)
    assert answers["users"] and answers["teams"]


def test_the_spec_types_the_custom_fields_the_fake_sends() -> None:
    """The custom field items the fake sends are the spec's shape (spec 2.0.0), and
    `cf_filter` is a declared parameter."""
    fake = FakeFocus(seed=0, ghosts=0, users=3)
    fake.check_responses = True
    query = {"workspaces": fake.workspace_id, "include_custom_fields": "true", "cf_filter": "1:x"}
    with fake.client() as http:
        users = http.get(f"/organizations/{fake.organization_id}/users", params=query)
        assert users.status_code == 200 and users.json() == []
        body = http.get(
            f"/organizations/{fake.organization_id}/users",
            params={"workspaces": fake.workspace_id, "include_custom_fields": "true"},
        ).json()
    assert body[0]["custom_field_values"] and fake.response_violations == []
    spec = Spec.shipped()
    declared = {p.name for p in spec.operations["list_users"].parameters}
    assert "cf_filter" in declared
    # The old shape (`name` instead of `custom_field_name`) must now be drift.
    old = [{**body[0], "custom_field_values": [{"custom_field_id": 1, "name": "Cost center"}]}]
    violations = spec.check_response(
        "list_users",
        status=200,
        headers={"Content-Type": "application/json"},
        body=json.dumps(old).encode(),
    )
    assert any(v.kind == "unknown-field" and v.field.endswith(".name") for v in violations)
