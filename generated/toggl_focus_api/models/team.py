from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_datetime,
    expect_int,
    expect_list,
    expect_str,
)

T = TypeVar("T", bound="Team")


@_attrs_define
class Team:
    """A group of a workspace, hydrated with the ghosts assigned to it.

    Example:
        {'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'emoji': '🎨', 'ghosts': [{'id': 1001, 'name':
            'Designer (TBH)'}], 'id': 41, 'name': 'Design', 'organization_id': 9001, 'updated_at': '2026-01-12T08:00:00Z',
            'users': [], 'workspaces': [{'name': 'Studio', 'workspace_id': 7001, 'workspace_group_id': 61001}]}

    Attributes:
        id (int):
        name (str):
        created_at (datetime.datetime | Unset):
        deleted_at (datetime.datetime | None | Unset):
        emoji (str | Unset):
        ghosts (list[GhostRef] | Unset):
        organization_id (int | Unset):
        updated_at (datetime.datetime | Unset):
        users (list[GroupUser] | Unset):
        workspaces (list[GroupWorkspace] | Unset):
    """

    id: int
    name: str
    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    emoji: str | Unset = UNSET
    ghosts: list[GhostRef] | Unset = UNSET
    organization_id: int | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    users: list[GroupUser] | Unset = UNSET
    workspaces: list[GroupWorkspace] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        emoji = self.emoji

        ghosts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ghosts, Unset):
            ghosts = []
            for ghosts_item_data in self.ghosts:
                ghosts_item = ghosts_item_data.to_dict()
                ghosts.append(ghosts_item)

        organization_id = self.organization_id

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

        workspaces: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.workspaces, Unset):
            workspaces = []
            for workspaces_item_data in self.workspaces:
                workspaces_item = workspaces_item_data.to_dict()
                workspaces.append(workspaces_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if emoji is not UNSET:
            field_dict["emoji"] = emoji
        if ghosts is not UNSET:
            field_dict["ghosts"] = ghosts
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if users is not UNSET:
            field_dict["users"] = users
        if workspaces is not UNSET:
            field_dict["workspaces"] = workspaces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "Team.id")

        name = expect_str(d.pop("name"), "Team.name")

        created_at = d.pop("created_at", UNSET)
        if created_at is None or created_at == "":
            created_at = UNSET
        elif created_at is not UNSET:
            created_at = expect_datetime(created_at, "Team.created_at")

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = expect_datetime(deleted_at, "Team.deleted_at")

        emoji = d.pop("emoji", UNSET)
        if emoji is not UNSET:
            emoji = expect_str(emoji, "Team.emoji")

        _ghosts = d.pop("ghosts", UNSET)
        ghosts: list[GhostRef] | Unset = UNSET
        if _ghosts is not UNSET:
            ghosts = []
            for ghosts_item_data in expect_list(_ghosts, "Team.ghosts"):
                ghosts_item = GhostRef.from_dict(ghosts_item_data)

                ghosts.append(ghosts_item)

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "Team.organization_id")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is None or updated_at == "":
            updated_at = UNSET
        elif updated_at is not UNSET:
            updated_at = expect_datetime(updated_at, "Team.updated_at")

        _users = d.pop("users", UNSET)
        users: list[GroupUser] | Unset = UNSET
        if _users is not UNSET:
            users = []
            for users_item_data in expect_list(_users, "Team.users"):
                users_item = GroupUser.from_dict(users_item_data)

                users.append(users_item)

        _workspaces = d.pop("workspaces", UNSET)
        workspaces: list[GroupWorkspace] | Unset = UNSET
        if _workspaces is not UNSET:
            workspaces = []
            for workspaces_item_data in expect_list(_workspaces, "Team.workspaces"):
                workspaces_item = GroupWorkspace.from_dict(workspaces_item_data)

                workspaces.append(workspaces_item)

        team = cls(
            id=id,
            name=name,
            created_at=created_at,
            deleted_at=deleted_at,
            emoji=emoji,
            ghosts=ghosts,
            organization_id=organization_id,
            updated_at=updated_at,
            users=users,
            workspaces=workspaces,
        )

        team.additional_properties = d
        return team

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.ghost_ref import GhostRef
from ..models.group_user import GroupUser
from ..models.group_workspace import GroupWorkspace
