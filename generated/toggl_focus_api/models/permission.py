from __future__ import annotations

import json as _json
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
        {'category_id': 4, 'category_name': 'Ghosts', 'condition': 'all', 'description': 'Create, edit, delete and
            embody ghosts', 'entity': 'workspace', 'name': 'manage_ghosts', 'permission_id': 12}

    Attributes:
        category_id (int | None | Unset): Typed by Toggl's published spec. **decision**: nullable (a permission may
            have no category).
        category_name (None | str | Unset): Typed by Toggl's published spec. **decision**: nullable (a permission may
            have no category).
        condition (str | Unset):
        description (str | Unset):
        entity (str | Unset): What the permission applies to. Toggl's published spec lists `organization`,
            `workspace`, `project` and `group`; the list is open (`x-extensible-enum`), so
            clients must accept other values.
        name (str | Unset):
        permission_id (int | Unset):
    """

    category_id: int | None | Unset = UNSET
    category_name: None | str | Unset = UNSET
    condition: str | Unset = UNSET
    description: str | Unset = UNSET
    entity: str | Unset = UNSET
    name: str | Unset = UNSET
    permission_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category_id: int | None | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        else:
            category_id = self.category_id

        category_name: None | str | Unset
        if isinstance(self.category_name, Unset):
            category_name = UNSET
        else:
            category_name = self.category_name

        condition = self.condition

        description = self.description

        entity = self.entity

        name = self.name

        permission_id = self.permission_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if category_name is not UNSET:
            field_dict["category_name"] = category_name
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
            raise TypeError(f"Permission: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = d.pop("category_id", UNSET)
        if category_id is not None and category_id is not UNSET:
            category_id = expect_int(category_id, "Permission.category_id")

        category_name = d.pop("category_name", UNSET)
        if category_name is not None and category_name is not UNSET:
            category_name = expect_str(category_name, "Permission.category_name")

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
            category_id=category_id,
            category_name=category_name,
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


# toggl-focus template (fast_model.py.jinja): the fast decoding of this model, used by the
# operations for 2xx bodies (types.fast_json); from_dict is the fallback and the reference.
_FAST_SHAPE: tuple[tuple[str, Any, bool], ...] | None = (
    ("category_id", ("null", "int"), False),
    ("category_name", ("null", "str"), False),
    ("condition", "str", False),
    ("description", "str", False),
    ("entity", "str", False),
    ("name", "str", False),
    ("permission_id", "int", False),
)


def _fast_convert(_struct: Any) -> Permission:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    category_id = _struct.f0
    category_name = _struct.f1
    condition = _struct.f2
    description = _struct.f3
    entity = _struct.f4
    name = _struct.f5
    permission_id = _struct.f6
    permission = Permission(
        category_id,
        category_name,
        condition,
        description,
        entity,
        name,
        permission_id,
    )
    if _struct.fast_learned:
        permission.additional_properties = fast_extras(_struct)
    return permission


from ..types import (  # noqa: E402
    fast_extras,
)
