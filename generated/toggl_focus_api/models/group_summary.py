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

T = TypeVar("T", bound="GroupSummary")


@_attrs_define
class GroupSummary:
    """A group's id, name and emoji.

    Example:
        {'emoji': '🎨', 'id': 41, 'name': 'Design'}

    Attributes:
        id (int):
        name (str):
        emoji (str | Unset):
    """

    id: int
    name: str
    emoji: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        emoji = self.emoji

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if emoji is not UNSET:
            field_dict["emoji"] = emoji

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "GroupSummary.id")

        name = expect_str(d.pop("name"), "GroupSummary.name")

        emoji = d.pop("emoji", UNSET)
        if emoji is not UNSET:
            emoji = expect_str(emoji, "GroupSummary.emoji")

        group_summary = cls(
            id=id,
            name=name,
            emoji=emoji,
        )

        group_summary.additional_properties = d
        return group_summary

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
