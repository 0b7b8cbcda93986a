from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_int,
    expect_str,
)

T = TypeVar("T", bound="Permission")


@_attrs_define
class Permission:
    """One permission granted by a role.

    Example:
        {'condition': 'own', 'description': 'View and edit ghosts', 'entity': 'ghost', 'name': 'manage_ghosts',
            'permission_id': 12}

    Attributes:
        condition (str | Unset):
        description (str | Unset):
        entity (str | Unset):
        name (str | Unset):
        permission_id (int | Unset):
    """

    condition: str | Unset = UNSET
    description: str | Unset = UNSET
    entity: str | Unset = UNSET
    name: str | Unset = UNSET
    permission_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition

        description = self.description

        entity = self.entity

        name = self.name

        permission_id = self.permission_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if condition is not UNSET:
            field_dict["condition"] = condition
        if description is not UNSET:
            field_dict["description"] = description
        if entity is not UNSET:
            field_dict["entity"] = entity
        if name is not UNSET:
            field_dict["name"] = name
        if permission_id is not UNSET:
            field_dict["permission_id"] = permission_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        condition = d.pop("condition", UNSET)
        if condition is not UNSET:
            condition = expect_str(condition, "Permission.condition")

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "Permission.description")

        entity = d.pop("entity", UNSET)
        if entity is not UNSET:
            entity = expect_str(entity, "Permission.entity")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "Permission.name")

        permission_id = d.pop("permission_id", UNSET)
        if permission_id is not UNSET:
            permission_id = expect_int(permission_id, "Permission.permission_id")

        permission = cls(
            condition=condition,
            description=description,
            entity=entity,
            name=name,
            permission_id=permission_id,
        )

        permission.additional_properties = d
        return permission

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
