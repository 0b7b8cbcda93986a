from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_int,
    expect_items,
    expect_str,
)

T = TypeVar("T", bound="GroupRequest")


@_attrs_define
class GroupRequest:
    """A group's name, emoji, member organization-user ids and workspace ids (create and update).

    Example:
        {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121], 'workspaces': [7001]}

    Attributes:
        name (str):
        emoji (str | Unset):
        organization_users (list[int] | Unset): Organization user ids of the members.
        workspaces (list[int] | Unset): Workspace ids the group belongs to.
    """

    name: str
    emoji: str | Unset = UNSET
    organization_users: list[int] | Unset = UNSET
    workspaces: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        emoji = self.emoji

        organization_users: list[int] | Unset = UNSET
        if not isinstance(self.organization_users, Unset):
            organization_users = self.organization_users

        workspaces: list[int] | Unset = UNSET
        if not isinstance(self.workspaces, Unset):
            workspaces = self.workspaces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if emoji is not UNSET:
            field_dict["emoji"] = emoji
        if organization_users is not UNSET:
            field_dict["organization_users"] = organization_users
        if workspaces is not UNSET:
            field_dict["workspaces"] = workspaces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = expect_str(d.pop("name"), "GroupRequest.name")

        emoji = d.pop("emoji", UNSET)
        if emoji is not UNSET:
            emoji = expect_str(emoji, "GroupRequest.emoji")

        organization_users = d.pop("organization_users", UNSET)
        if organization_users is not UNSET:
            organization_users = expect_items(organization_users, expect_int, "GroupRequest.organization_users")

        workspaces = d.pop("workspaces", UNSET)
        if workspaces is not UNSET:
            workspaces = expect_items(workspaces, expect_int, "GroupRequest.workspaces")

        group_request = cls(
            name=name,
            emoji=emoji,
            organization_users=organization_users,
            workspaces=workspaces,
        )

        group_request.additional_properties = d
        return group_request

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
