from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    expect_int,
    expect_number,
)

T = TypeVar("T", bound="WorkingHoursCreate")


@_attrs_define
class WorkingHoursCreate:
    """A new working-hours entry for one weekday.

    Example:
        {'weekday': 1, 'working_hours': 8}

    Attributes:
        weekday (int):
        working_hours (float):
    """

    weekday: int
    working_hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        working_hours = self.working_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weekday": weekday,
                "working_hours": working_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = expect_int(d.pop("weekday"), "WorkingHoursCreate.weekday")

        working_hours = expect_number(d.pop("working_hours"), "WorkingHoursCreate.working_hours")

        working_hours_create = cls(
            weekday=weekday,
            working_hours=working_hours,
        )

        working_hours_create.additional_properties = d
        return working_hours_create

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
