from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_bool,
    expect_int,
    expect_items,
    expect_list,
    expect_str,
)

T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    """An organization role. Its `role_id` is what `embody_ghost` takes; `code` and `name` identify it to people.

    Example:
        {'code': 'admin', 'default_for_levels': [], 'description': 'Administers the organization', 'entity':
            'organization', 'name': 'Admin', 'organization_id': 9001, 'permissions': [{'category_id': 4, 'category_name':
            'Ghosts', 'condition': 'all', 'description': 'Create, edit, delete and embody ghosts', 'entity': 'workspace',
            'name': 'manage_ghosts', 'permission_id': 12}], 'privilege_level': 50, 'require_group': False, 'role_id': 2,
            'type': 'admin'}

    Attributes:
        role_id (int):
        code (str | Unset):
        default_for_levels (list[str] | None | Unset): The levels for which the role is the default: strings, as Toggl's
            published
            spec types them.
        description (str | Unset):
        entity (str | Unset): What the role applies to. Toggl's published spec lists `organization`,
            `workspace`, `project` and `group`; the list is open (`x-extensible-enum`), so
            clients must accept other values.
        name (str | Unset):
        organization_id (int | Unset):
        permissions (list[Permission] | None | Unset):
        privilege_level (int | Unset):
        require_group (bool | None | Unset): Typed by Toggl's published spec. **decision**: it says whether members with
            this role must belong to a group.
        type_ (str | Unset): The kind of role. Toggl's published spec lists `owner`, `admin`, `manager` and
            `guest`; the list is open (`x-extensible-enum`), so clients must accept other
            values.
    """

    role_id: int
    code: str | Unset = UNSET
    default_for_levels: list[str] | None | Unset = UNSET
    description: str | Unset = UNSET
    entity: str | Unset = UNSET
    name: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    permissions: list[Permission] | None | Unset = UNSET
    privilege_level: int | Unset = UNSET
    require_group: bool | None | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role_id = self.role_id

        code = self.code

        default_for_levels: list[str] | None | Unset
        if isinstance(self.default_for_levels, Unset):
            default_for_levels = UNSET
        elif isinstance(self.default_for_levels, list):
            default_for_levels = self.default_for_levels

        else:
            default_for_levels = self.default_for_levels

        description = self.description

        entity = self.entity

        name = self.name

        organization_id = self.organization_id

        permissions: list[dict[str, Any]] | None | Unset
        if isinstance(self.permissions, Unset):
            permissions = UNSET
        elif isinstance(self.permissions, list):
            permissions = []
            for permissions_type_0_item_data in self.permissions:
                permissions_type_0_item = permissions_type_0_item_data.to_dict()
                permissions.append(permissions_type_0_item)

        else:
            permissions = self.permissions

        privilege_level = self.privilege_level

        require_group: bool | None | Unset
        if isinstance(self.require_group, Unset):
            require_group = UNSET
        else:
            require_group = self.require_group

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role_id": role_id,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if default_for_levels is not UNSET:
            field_dict["default_for_levels"] = default_for_levels
        if description is not UNSET:
            field_dict["description"] = description
        if entity is not UNSET:
            field_dict["entity"] = entity
        if name is not UNSET:
            field_dict["name"] = name
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if privilege_level is not UNSET:
            field_dict["privilege_level"] = privilege_level
        if require_group is not UNSET:
            field_dict["require_group"] = require_group
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: `to_dict()` (the wire form) dumped; unset fields are left out."""
        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_json(cls: type[T], text: str | bytes | bytearray) -> T:
        """A model from JSON text holding one object, checked as `from_dict` checks a response.

        Raises ValueError for text that is not JSON and TypeError for JSON that is not an object
        (besides what `from_dict` raises for a field of the wrong type).
        """
        data = _json.loads(text)
        if not isinstance(data, dict):
            raise TypeError(f"Role: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role_id = expect_int(d.pop("role_id"), "Role.role_id")

        code = d.pop("code", UNSET)
        if code is not UNSET:
            code = expect_str(code, "Role.code")

        def _parse_default_for_levels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("Role.default_for_levels: expected list[str] | None, got " + type(data).__name__)
            default_for_levels_type_0 = expect_items(data, expect_str, "Role.default_for_levels")

            return default_for_levels_type_0

        default_for_levels = _parse_default_for_levels(d.pop("default_for_levels", UNSET))

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "Role.description")

        entity = d.pop("entity", UNSET)
        if entity is not UNSET:
            entity = expect_str(entity, "Role.entity")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "Role.name")

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "Role.organization_id")

        def _parse_permissions(data: object) -> list[Permission] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("Role.permissions: expected list[Permission] | None, got " + type(data).__name__)
            permissions_type_0 = []
            _permissions_type_0 = data
            for permissions_type_0_item_data in expect_list(_permissions_type_0, "Role.permissions"):
                permissions_type_0_item = Permission.from_dict(permissions_type_0_item_data)

                permissions_type_0.append(permissions_type_0_item)

            return permissions_type_0

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        privilege_level = d.pop("privilege_level", UNSET)
        if privilege_level is not UNSET:
            privilege_level = expect_int(privilege_level, "Role.privilege_level")

        require_group = d.pop("require_group", UNSET)
        if require_group is not None and require_group is not UNSET:
            require_group = expect_bool(require_group, "Role.require_group")

        type_ = d.pop("type", UNSET)
        if type_ is not UNSET:
            type_ = expect_str(type_, "Role.type")

        role = cls(
            role_id=role_id,
            code=code,
            default_for_levels=default_for_levels,
            description=description,
            entity=entity,
            name=name,
            organization_id=organization_id,
            permissions=permissions,
            privilege_level=privilege_level,
            require_group=require_group,
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


# toggl-focus template (fast_model.py.jinja): the fast decoding of this model, used by the
# operations for 2xx bodies (types.fast_json); from_dict is the fallback and the reference.
_FAST_SHAPE: tuple[tuple[str, Any, bool], ...] | None = (
    ("role_id", "int", True),
    ("code", "str", False),
    ("default_for_levels", ("null", ("list", "str")), False),
    ("description", "str", False),
    ("entity", "str", False),
    ("name", "str", False),
    ("organization_id", "int", False),
    ("permissions", ("null", ("list", ("model", "permission"))), False),
    ("privilege_level", "int", False),
    ("require_group", ("null", "bool"), False),
    ("type", "str", False),
)


def _fast_convert(_struct: Any) -> Role:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    role_id = _struct.f0
    code = _struct.f1
    default_for_levels = _struct.f2
    description = _struct.f3
    entity = _struct.f4
    name = _struct.f5
    organization_id = _struct.f6
    permissions = _struct.f7
    if permissions:
        permissions = list(map(_fast_convert_permission, permissions))
    privilege_level = _struct.f8
    require_group = _struct.f9
    type_ = _struct.f10
    role = Role(
        role_id,
        code,
        default_for_levels,
        description,
        entity,
        name,
        organization_id,
        permissions,
        privilege_level,
        require_group,
        type_,
    )
    if _struct.fast_learned:
        role.additional_properties = fast_extras(_struct)
    return role


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.permission import Permission
from ..models.permission import _fast_convert as _fast_convert_permission  # noqa: E402
from ..types import (  # noqa: E402
    fast_extras,
)
