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
    expect_str,
)

T = TypeVar("T", bound="GroupWorkspace")


@_attrs_define
class GroupWorkspace:
    """A workspace a group belongs to.

    Example:
        {'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'name': 'Studio', 'updated_at':
            '2026-01-12T08:00:00Z', 'workspace_group_id': 61001, 'workspace_id': 7001}

    Attributes:
        created_at (datetime.datetime | Unset):
        deleted_at (datetime.datetime | None | Unset):
        name (str | Unset):
        updated_at (datetime.datetime | Unset):
        workspace_group_id (int | Unset):
        workspace_id (int | Unset):
    """

    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    name: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    workspace_group_id: int | Unset = UNSET
    workspace_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        name = self.name

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        workspace_group_id = self.workspace_group_id

        workspace_id = self.workspace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if name is not UNSET:
            field_dict["name"] = name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if workspace_group_id is not UNSET:
            field_dict["workspace_group_id"] = workspace_group_id
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)
        if created_at is None or created_at == "":
            created_at = UNSET
        elif created_at is not UNSET:
            created_at = expect_datetime(created_at, "GroupWorkspace.created_at")

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = expect_datetime(deleted_at, "GroupWorkspace.deleted_at")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "GroupWorkspace.name")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is None or updated_at == "":
            updated_at = UNSET
        elif updated_at is not UNSET:
            updated_at = expect_datetime(updated_at, "GroupWorkspace.updated_at")

        workspace_group_id = d.pop("workspace_group_id", UNSET)
        if workspace_group_id is not UNSET:
            workspace_group_id = expect_int(workspace_group_id, "GroupWorkspace.workspace_group_id")

        workspace_id = d.pop("workspace_id", UNSET)
        if workspace_id is not UNSET:
            workspace_id = expect_int(workspace_id, "GroupWorkspace.workspace_id")

        group_workspace = cls(
            created_at=created_at,
            deleted_at=deleted_at,
            name=name,
            updated_at=updated_at,
            workspace_group_id=workspace_group_id,
            workspace_id=workspace_id,
        )

        group_workspace.additional_properties = d
        return group_workspace

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
