from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        weekday = d.pop("weekday")

        working_hour_id = d.pop("working_hour_id")

        working_hours = d.pop("working_hours")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset) or _created_at is None or _created_at == "":
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        external_entity_id = d.pop("external_entity_id", UNSET)

        external_entity_type = d.pop("external_entity_type", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        starting_hours = d.pop("starting_hours", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset) or _updated_at is None or _updated_at == "":
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        user_id = d.pop("user_id", UNSET)

        working_hours = cls(
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

        working_hours.additional_properties = d
        return working_hours

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
