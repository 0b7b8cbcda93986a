from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_int,
    expect_list,
    expect_str,
)

T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    """An organization role. Its `role_id` is what `embody_ghost` takes; `code` and `name` identify it to people.

    Example:
        {'code': 'member', 'description': 'Regular member of the organization', 'entity': 'organization', 'name':
            'Member', 'organization_id': 9001, 'permissions': [{'condition': 'own', 'description': 'View and edit ghosts',
            'entity': 'ghost', 'name': 'manage_ghosts', 'permission_id': 12}], 'privilege_level': 10, 'role_id': 3, 'type':
            'system'}

    Attributes:
        name (str):
        role_id (int):
        code (str | Unset):
        description (str | Unset):
        entity (str | Unset):
        organization_id (int | Unset):
        permissions (list[Permission] | Unset):
        privilege_level (int | Unset):
        type_ (str | Unset):
    """

    name: str
    role_id: int
    code: str | Unset = UNSET
    description: str | Unset = UNSET
    entity: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    permissions: list[Permission] | Unset = UNSET
    privilege_level: int | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role_id = self.role_id

        code = self.code

        description = self.description

        entity = self.entity

        organization_id = self.organization_id

        permissions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = []
            for permissions_item_data in self.permissions:
                permissions_item = permissions_item_data.to_dict()
                permissions.append(permissions_item)

        privilege_level = self.privilege_level

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "role_id": role_id,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if entity is not UNSET:
            field_dict["entity"] = entity
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if privilege_level is not UNSET:
            field_dict["privilege_level"] = privilege_level
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = expect_str(d.pop("name"), "Role.name")

        role_id = expect_int(d.pop("role_id"), "Role.role_id")

        code = d.pop("code", UNSET)
        if code is not UNSET:
            code = expect_str(code, "Role.code")

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "Role.description")

        entity = d.pop("entity", UNSET)
        if entity is not UNSET:
            entity = expect_str(entity, "Role.entity")

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "Role.organization_id")

        _permissions = d.pop("permissions", UNSET)
        permissions: list[Permission] | Unset = UNSET
        if _permissions is not UNSET:
            permissions = []
            for permissions_item_data in expect_list(_permissions, "Role.permissions"):
                permissions_item = Permission.from_dict(permissions_item_data)

                permissions.append(permissions_item)

        privilege_level = d.pop("privilege_level", UNSET)
        if privilege_level is not UNSET:
            privilege_level = expect_int(privilege_level, "Role.privilege_level")

        type_ = d.pop("type", UNSET)
        if type_ is not UNSET:
            type_ = expect_str(type_, "Role.type")

        role = cls(
            name=name,
            role_id=role_id,
            code=code,
            description=description,
            entity=entity,
            organization_id=organization_id,
            permissions=permissions,
            privilege_level=privilege_level,
            type_=type_,
        )

        role.additional_properties = d
        return role

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
from ..models.permission import Permission
