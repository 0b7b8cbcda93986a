"""Every resource method of Focus and AsyncFocus against the fake server (both transports)."""

from __future__ import annotations

from typing import Any

import pytest

from toggl_focus import AsyncFocus, ConflictError, Focus, FocusConfigError, NotFoundError
from toggl_focus.testing import FakeFocus
from toggl_focus_api.models import Ghost, GhostCreate, Group, OrganizationUser, Role, Team
from toggl_focus_api.types import UNSET


def _member(fake: FakeFocus) -> dict:  # type: ignore[type-arg]
    invite = fake.accounts.invite("new.hire@example.com")
    role = next(r for r in fake.state.roles.values() if r["code"] == "member")
    return {
        "recipient_org_user_id": invite.recipient_org_user_id,
        "recipient_user_account_id": invite.recipient_user_account_id,
        "role_id": role["role_id"],
    }


def test_ghost_lifecycle(focus: Focus, fake: FakeFocus) -> None:
    created = focus.ghosts.create("Designer (TBH)", description="Q2", assign_teams=[])
    assert isinstance(created, Ghost) and created.name == "Designer (TBH)"
    assert created.id in fake.state.ghosts
    assert focus.ghosts.get(created.id).description == "Q2"

    bulk = focus.ghosts.bulk_create([{"name": "A"}, GhostCreate(name="B")])
    assert [g.name for g in bulk] == ["A", "B"]

    project = next(iter(fake.state.projects))
    updated = focus.ghosts.update(created.id, assign_action="add", assign_projects=[project])
    assert [p.id for p in updated.assigned.projects] == [project]
    renamed = focus.ghosts.bulk_update([{"id": bulk[0].id, "name": "A2"}])
    assert renamed[0].name == "A2"

    assert sorted(g.name for g in focus.ghosts.list()) == ["A2", "B", "Designer (TBH)"]
    assert [g.name for g in focus.ghosts.list(search="tbh")] == ["Designer (TBH)"]
    assert [g.id for g in focus.ghosts.list(ghost_ids=[bulk[1].id])] == [bulk[1].id]

    embodied = focus.ghosts.embody(bulk[1].id, **_member(fake))
    assert embodied.user_id is not None and embodied.embodied_at
    assert bulk[1].id not in [g.id for g in focus.ghosts.list()]
    assert bulk[1].id in [g.id for g in focus.ghosts.list(include_embodied=True)]
    try:
        focus.ghosts.embody(bulk[1].id, **_member(fake))
        raise AssertionError("embodying twice must conflict")
    except ConflictError as e:
        assert e.status_code == 409

    focus.ghosts.delete(created.id)
    focus.ghosts.delete(created.id)  # idempotent, as the spec decides
    try:
        focus.ghosts.get(created.id)
        raise AssertionError("a deleted ghost must be gone")
    except NotFoundError as e:
        assert e.response.status_code == 404


async def test_ghost_lifecycle_async(afocus: AsyncFocus, fake: FakeFocus) -> None:
    created = await afocus.ghosts.create("Designer (TBH)", description="Q2")
    assert (await afocus.ghosts.get(created.id)).description == "Q2"
    bulk = await afocus.ghosts.bulk_create([{"name": "A"}, {"name": "B"}])
    updated = await afocus.ghosts.update(created.id, name="Lead")
    assert updated.name == "Lead"
    assert (await afocus.ghosts.bulk_update([{"id": bulk[0].id, "name": "A2"}]))[0].name == "A2"
    names = sorted([g.name async for g in afocus.ghosts.list()])
    assert names == ["A2", "B", "Lead"]
    embodied = await afocus.ghosts.embody(bulk[1].id, **_member(fake))
    assert embodied.user_id == fake.state.user_by_email("new.hire@example.com")["id"]  # type: ignore[index]
    await afocus.ghosts.delete(created.id)
    assert created.id not in [g.id async for g in afocus.ghosts.list()]


def test_working_hours_for_users_and_ghosts(focus: Focus, fake: FakeFocus) -> None:
    user_id = next(iter(fake.state.users))
    before = focus.working_hours.get_for_user(user_id)
    free_day = next(d for d in range(7) if d not in {h.weekday for h in before})
    created = focus.working_hours.create_for_user(
        user_id, [{"weekday": free_day, "working_hours": 6}]
    )
    assert [(h.weekday, h.working_hours) for h in created] == [(free_day, 6)]
    changed = focus.working_hours.update_for_user(
        user_id,
        [{"working_hour_id": created[0].working_hour_id, "weekday": free_day, "working_hours": 4}],
    )
    assert {h.working_hour_id: h.working_hours for h in changed}[created[0].working_hour_id] == 4
    focus.working_hours.delete_for_user(user_id, [created[0].working_hour_id])
    assert len(focus.working_hours.get_for_user(user_id)) == len(before)

    ghost = focus.ghosts.create("Night shift")
    assert focus.working_hours.get_for_ghost(ghost.id) == []
    made = focus.working_hours.create_for_ghost(ghost.id, [{"weekday": 1, "working_hours": 8}])
    focus.working_hours.update_for_ghost(
        ghost.id, [{"working_hour_id": made[0].working_hour_id, "weekday": 2, "working_hours": 8}]
    )
    assert [h.weekday for h in focus.working_hours.get_for_ghost(ghost.id)] == [2]
    focus.working_hours.delete_for_ghost(ghost.id, [made[0].working_hour_id])
    assert focus.working_hours.get_for_ghost(ghost.id) == []


async def test_working_hours_async(afocus: AsyncFocus, fake: FakeFocus) -> None:
    user_id = next(iter(fake.state.users))
    before = await afocus.working_hours.get_for_user(user_id)
    day = next(d for d in range(7) if d not in {h.weekday for h in before})
    made = await afocus.working_hours.create_for_user(
        user_id, [{"weekday": day, "working_hours": 5}]
    )
    entry = {"working_hour_id": made[0].working_hour_id, "weekday": day, "working_hours": 3}
    after = await afocus.working_hours.update_for_user(user_id, [entry])
    assert {h.working_hour_id: h.working_hours for h in after}[made[0].working_hour_id] == 3
    await afocus.working_hours.delete_for_user(user_id, [made[0].working_hour_id])
    ghost = await afocus.ghosts.create("Async ghost")
    made = await afocus.working_hours.create_for_ghost(
        ghost.id, [{"weekday": 3, "working_hours": 7}]
    )
    entry = {"working_hour_id": made[0].working_hour_id, "weekday": 4, "working_hours": 7}
    await afocus.working_hours.update_for_ghost(ghost.id, [entry])
    assert [h.weekday for h in await afocus.working_hours.get_for_ghost(ghost.id)] == [4]
    await afocus.working_hours.delete_for_ghost(ghost.id, [made[0].working_hour_id])
    assert await afocus.working_hours.get_for_ghost(ghost.id) == []


def test_groups_roles_teams_users(focus: Focus, fake: FakeFocus) -> None:
    members = list(fake.state.users)[:2]
    group = focus.groups.create("Pixel pushers", emoji="P", organization_users=members,
                                workspaces=[fake.workspace_id])  # fmt: skip
    assert isinstance(group, Group)
    assert sorted(u.organization_user_id for u in group.users) == sorted(members)
    replaced = focus.groups.update(group.id, name="Pixels", emoji="P",
                                   organization_users=members[:1],
                                   workspaces=[fake.workspace_id])  # fmt: skip
    assert replaced.name == "Pixels" and len(replaced.users) == 1
    assert all(g.id and g.name for g in focus.groups.mine())

    roles = focus.roles.list()
    assert roles and all(isinstance(r, Role) for r in roles)
    assert {r.role_id for r in roles} == set(fake.state.roles)

    teams = list(focus.teams.list())
    assert all(isinstance(t, Team) for t in teams)
    assert "Pixels" in [t.name for t in teams]
    assert [t.name for t in focus.teams.list(filter="pixel")] == ["Pixels"]

    assert focus.groups.delete(group.id) == {"deleted": True}
    assert "Pixels" not in [t.name for t in focus.teams.list()]

    users = list(focus.users.list())
    assert len(users) == len(fake.state.users)
    assert all(isinstance(u, OrganizationUser) for u in users)
    someone = users[3]
    assert [u.id for u in focus.users.list(filter=someone.email)] == [someone.id]
    assert [u.id for u in focus.users.list(org_user_ids=[someone.id])] == [someone.id]


async def test_groups_roles_teams_users_async(afocus: AsyncFocus, fake: FakeFocus) -> None:
    members = list(fake.state.users)[:2]
    group = await afocus.groups.create("Async team", emoji="A", organization_users=members,
                                       workspaces=[fake.workspace_id])  # fmt: skip
    replaced = await afocus.groups.update(
        group.id, name="Async team 2", emoji="", organization_users=[],
        workspaces=[fake.workspace_id],
    )  # fmt: skip
    assert replaced.name == "Async team 2" and replaced.emoji == "" and replaced.users == []
    assert isinstance(await afocus.groups.mine(), list)
    assert {r.role_id for r in await afocus.roles.list()} == set(fake.state.roles)
    assert "Async team 2" in [t.name async for t in afocus.teams.list()]
    assert await afocus.groups.delete(group.id) == {"deleted": True}
    assert "Async team 2" not in [t.name async for t in afocus.teams.list(concurrency=3)]
    assert len([u async for u in afocus.users.list()]) == len(fake.state.users)


def test_low_level_generated_client_is_reachable(focus: Focus, fake: FakeFocus) -> None:
    from toggl_focus_api.api.organization import list_roles

    roles = list_roles.sync(client=focus.api, organization_id=fake.organization_id)
    assert isinstance(roles, list) and {r.role_id for r in roles} == set(fake.state.roles)


#: Mappings given where a request model is expected, and the FocusConfigError message,
#: which names the item and the field (_check.py).
BAD_BODIES = [
    ("ghosts.bulk_create", [{"name": "A"}, {"name": 5}],
     "ghosts[1].name must be a str, got 5"),
    ("ghosts.bulk_create", [{"description": "no name"}],
     "ghosts[0] lacks the required field 'name'"),
    ("ghosts.bulk_create", ["A"], "ghosts[0] must be a GhostCreate"),
    ("ghosts.bulk_update", [{"id": "1001", "name": "A2"}],
     "updates[0].id must be a positive integer, got '1001'"),
    ("working_hours.create_for_user", [{"weekday": 1, "working_hours": "8"}],
     "entries[0].working_hours must be a number from 0 to 168, got '8'"),
    ("working_hours.update_for_user", [{"working_hour_id": 1, "weekday": True, "working_hours": 8}],
     "entries[0].weekday must be an integer from 0 to 6, got True"),
]  # fmt: skip


def _call(client: Any, fake: FakeFocus, method: str, body: list[Any]) -> Any:
    resource, name = method.split(".")
    bound = getattr(getattr(client, resource), name)
    return bound(fake.me_user_id, body) if resource == "working_hours" else bound(body)


@pytest.mark.parametrize(("method", "body", "message"), BAD_BODIES)
def test_a_mistyped_mapping_is_a_config_error_before_any_request(
    focus: Focus, fake: FakeFocus, method: str, body: list[Any], message: str
) -> None:
    fake.reset_requests()
    with pytest.raises(FocusConfigError) as info:
        _call(focus, fake, method, body)
    assert str(info.value).startswith(message)
    assert fake.request_count == 0


@pytest.mark.parametrize(("method", "body", "message"), BAD_BODIES)
async def test_a_mistyped_mapping_is_a_config_error_before_any_request_async(
    afocus: AsyncFocus, fake: FakeFocus, method: str, body: list[Any], message: str
) -> None:
    fake.reset_requests()
    with pytest.raises(FocusConfigError) as info:
        await _call(afocus, fake, method, body)
    assert str(info.value).startswith(message)
    assert fake.request_count == 0


def test_parameters_from_toggls_spec(focus: Focus, fake: FakeFocus) -> None:
    """teams.list(query=, active_members_only=) and users.list(has_group=,
    include_custom_fields=) reach the fake, which honours them (custom fields with exactly
    one workspace)."""
    design = next(g for g in fake.state.groups.values() if g["name"] == "Design")
    idle = next(uid for uid, u in fake.state.users.items() if not u["joined"])
    design["organization_users"].append(idle)  # an invited member, not yet joined
    [team] = list(focus.teams.list(query="sig"))
    assert team.id == design["id"]
    everyone = {u.organization_user_id for u in team.users or []}
    [active] = list(focus.teams.list(query="sig", active_members_only=True))
    kept = {u.organization_user_id for u in active.users or []}
    active_ids = {uid for uid, u in fake.state.users.items() if u["active"] and u["joined"]}
    assert idle in everyone and kept == everyone & active_ids and kept == everyone - {idle}
    grouped = {uid for g in fake.state.groups.values() for uid in g["organization_users"]}
    # Custom fields come with exactly one workspace (as from Toggl); otherwise they are left out.
    ws = [fake.workspace_id]
    alone = list(focus.users.list(has_group=False, workspaces=ws, include_custom_fields=True))
    assert alone and all(u.id not in grouped for u in alone)
    assert all(u.custom_field_values for u in alone)
    anywhere = list(focus.users.list(has_group=False, include_custom_fields=True))
    assert {u.id for u in anywhere} >= {u.id for u in alone}  # every user is in the first
    assert all(u.custom_field_values is UNSET for u in anywhere)
    assert {u.id for u in focus.users.list(has_group=True)} == grouped


async def test_parameters_from_toggls_spec_async(afocus: AsyncFocus, fake: FakeFocus) -> None:
    [team] = [t async for t in afocus.teams.list(query="sig", active_members_only=True)]
    assert team.name == "Design"
    members = [u async for u in afocus.users.list(has_group=True, include_custom_fields=False)]
    assert members and all(u.custom_field_values is UNSET for u in members)
