from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    expect_int,
    expect_items,
    expect_str,
)

T = TypeVar("T", bound="GroupRequest")


@_attrs_define
class GroupRequest:
    """A group's name, emoji, member organization-user ids and workspace ids (create and
    update). Toggl's published spec requires all four, so an update always says the
    whole group (an empty list is sent as `[]`, never left out).

        Example:
            {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121], 'workspaces': [7001]}

        Attributes:
            emoji (str):
            name (str):
            organization_users (list[int]): Organization user ids of the members.
            workspaces (list[int]): Workspace ids the group belongs to.
    """

    emoji: str
    name: str
    organization_users: list[int]
    workspaces: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emoji = self.emoji

        name = self.name

        organization_users = self.organization_users

        workspaces = self.workspaces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "emoji": emoji,
                "name": name,
                "organization_users": organization_users,
                "workspaces": workspaces,
            }
        )

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
            raise TypeError(f"GroupRequest: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        emoji = expect_str(d.pop("emoji"), "GroupRequest.emoji")

        name = expect_str(d.pop("name"), "GroupRequest.name")

        organization_users = expect_items(d.pop("organization_users"), expect_int, "GroupRequest.organization_users")

        workspaces = expect_items(d.pop("workspaces"), expect_int, "GroupRequest.workspaces")

        group_request = cls(
            emoji=emoji,
            name=name,
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


# toggl-focus template (fast_model.py.jinja): the fast decoding of this model, used by the
# operations for 2xx bodies (types.fast_json); from_dict is the fallback and the reference.
_FAST_SHAPE: tuple[tuple[str, Any, bool], ...] | None = (
    ("emoji", "str", True),
    ("name", "str", True),
    ("organization_users", ("list", "int"), True),
    ("workspaces", ("list", "int"), True),
)


def _fast_convert(_struct: Any) -> GroupRequest:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    emoji = _struct.f0
    name = _struct.f1
    organization_users = _struct.f2
    workspaces = _struct.f3
    group_request = GroupRequest(
        emoji,
        name,
        organization_users,
        workspaces,
    )
    if _struct.fast_learned:
        group_request.additional_properties = fast_extras(_struct)
    return group_request


from ..types import (  # noqa: E402
    fast_extras,
)
