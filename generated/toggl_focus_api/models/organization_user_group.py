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
    expect_items,
    expect_str,
)

T = TypeVar("T", bound="OrganizationUserGroup")


@_attrs_define
class OrganizationUserGroup:
    """A group an organization user belongs to.

    Example:
        {'emoji': '🎨', 'id': 41, 'name': 'Design', 'workspace_ids': [7001]}

    Attributes:
        emoji (str | Unset):
        id (int | Unset):
        name (str | Unset):
        workspace_ids (list[int] | None | Unset):
    """

    emoji: str | Unset = UNSET
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    workspace_ids: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emoji = self.emoji

        id = self.id

        name = self.name

        workspace_ids: list[int] | None | Unset
        if isinstance(self.workspace_ids, Unset):
            workspace_ids = UNSET
        elif isinstance(self.workspace_ids, list):
            workspace_ids = self.workspace_ids

        else:
            workspace_ids = self.workspace_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if emoji is not UNSET:
            field_dict["emoji"] = emoji
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if workspace_ids is not UNSET:
            field_dict["workspace_ids"] = workspace_ids

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
            raise TypeError(f"OrganizationUserGroup: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        emoji = d.pop("emoji", UNSET)
        if emoji is not UNSET:
            emoji = expect_str(emoji, "OrganizationUserGroup.emoji")

        id = d.pop("id", UNSET)
        if id is not UNSET:
            id = expect_int(id, "OrganizationUserGroup.id")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "OrganizationUserGroup.name")

        def _parse_workspace_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUserGroup.workspace_ids: expected list[int] | None, got " + type(data).__name__
                )
            workspace_ids_type_0 = expect_items(data, expect_int, "OrganizationUserGroup.workspace_ids")

            return workspace_ids_type_0

        workspace_ids = _parse_workspace_ids(d.pop("workspace_ids", UNSET))

        organization_user_group = cls(
            emoji=emoji,
            id=id,
            name=name,
            workspace_ids=workspace_ids,
        )

        organization_user_group.additional_properties = d
        return organization_user_group

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
    ("emoji", "str", False),
    ("id", "int", False),
    ("name", "str", False),
    ("workspace_ids", ("null", ("list", "int")), False),
)


def _fast_convert(_struct: Any) -> OrganizationUserGroup:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    emoji = _struct.f0
    id = _struct.f1
    name = _struct.f2
    workspace_ids = _struct.f3
    organization_user_group = OrganizationUserGroup(
        emoji,
        id,
        name,
        workspace_ids,
    )
    if _struct.fast_learned:
        organization_user_group.additional_properties = fast_extras(_struct)
    return organization_user_group


from ..types import (  # noqa: E402
    fast_extras,
)
