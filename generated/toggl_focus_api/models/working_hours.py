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
    expect_number,
    expect_str,
)

T = TypeVar("T", bound="WorkingHours")


@_attrs_define
class WorkingHours:
    """One weekday's working hours of a user or a ghost. `weekday` is 0 (Sunday) to 6
    (Saturday) and `working_hours` a number of hours (0 to 24), **decision** (the
    pages give only the types). `external_entity_type` is `user` or `ghost` and
    `external_entity_id` that entity's id; clients must accept other values.

        Example:
            {'created_at': '2026-01-12T08:00:00Z', 'external_entity_id': 5120, 'external_entity_type': 'user',
                'organization_id': 9001, 'starting_hours': 9, 'updated_at': '2026-01-12T08:00:00Z', 'user_id': 5120, 'weekday':
                1, 'working_hour_id': 77001, 'working_hours': 8}

        Attributes:
            weekday (int):
            working_hour_id (int):
            working_hours (float):
            created_at (datetime.datetime | Unset):
            external_entity_id (int | Unset):
            external_entity_type (str | Unset):
            organization_id (int | Unset):
            starting_hours (float | Unset): Hour of the day the working day starts (e.g. 9 or 8.5).
            updated_at (datetime.datetime | Unset):
            user_id (int | Unset):
    """

    weekday: int
    working_hour_id: int
    working_hours: float
    created_at: datetime.datetime | Unset = UNSET
    external_entity_id: int | Unset = UNSET
    external_entity_type: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    starting_hours: float | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    user_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        working_hour_id = self.working_hour_id

        working_hours = self.working_hours

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        external_entity_id = self.external_entity_id

        external_entity_type = self.external_entity_type

        organization_id = self.organization_id

        starting_hours = self.starting_hours

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weekday": weekday,
                "working_hour_id": working_hour_id,
                "working_hours": working_hours,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if external_entity_id is not UNSET:
            field_dict["external_entity_id"] = external_entity_id
        if external_entity_type is not UNSET:
            field_dict["external_entity_type"] = external_entity_type
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if starting_hours is not UNSET:
            field_dict["starting_hours"] = starting_hours
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = expect_int(d.pop("weekday"), "WorkingHours.weekday")

        working_hour_id = expect_int(d.pop("working_hour_id"), "WorkingHours.working_hour_id")

        working_hours = expect_number(d.pop("working_hours"), "WorkingHours.working_hours")

        created_at = d.pop("created_at", UNSET)
        if created_at is None or created_at == "":
            created_at = UNSET
        elif created_at is not UNSET:
            created_at = expect_datetime(created_at, "WorkingHours.created_at")

        external_entity_id = d.pop("external_entity_id", UNSET)
        if external_entity_id is not UNSET:
            external_entity_id = expect_int(external_entity_id, "WorkingHours.external_entity_id")

        external_entity_type = d.pop("external_entity_type", UNSET)
        if external_entity_type is not UNSET:
            external_entity_type = expect_str(external_entity_type, "WorkingHours.external_entity_type")

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "WorkingHours.organization_id")

        starting_hours = d.pop("starting_hours", UNSET)
        if starting_hours is not UNSET:
            starting_hours = expect_number(starting_hours, "WorkingHours.starting_hours")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is None or updated_at == "":
            updated_at = UNSET
        elif updated_at is not UNSET:
            updated_at = expect_datetime(updated_at, "WorkingHours.updated_at")

        user_id = d.pop("user_id", UNSET)
        if user_id is not UNSET:
            user_id = expect_int(user_id, "WorkingHours.user_id")

        working_hours_ = cls(
            weekday=weekday,
            working_hour_id=working_hour_id,
            working_hours=working_hours,
            created_at=created_at,
            external_entity_id=external_entity_id,
            external_entity_type=external_entity_type,
            organization_id=organization_id,
            starting_hours=starting_hours,
            updated_at=updated_at,
            user_id=user_id,
        )

        working_hours_.additional_properties = d
        return working_hours_

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
