from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkingHours")


@_attrs_define
class WorkingHours:
    """One working-hours entry of a user or a ghost. Toggl's published spec requires
    `created_at`, `organization_id`, `updated_at`, `working_hour_id` and
    `working_hours`; `weekday` is optional there, so an entry may come without it.
    **decision**: an entry without `weekday` is kept as it is (not dropped, not given
    a weekday); what it means is not documented (note that `working_hours` may be up
    to 168, the hours in a week).

        Example:
            {'created_at': '2026-01-12T08:00:00Z', 'external_entity_id': 5120, 'external_entity_type': 'user',
                'organization_id': 9001, 'starting_hours': 9, 'updated_at': '2026-01-12T08:00:00Z', 'user_id': 5120, 'weekday':
                1, 'working_hour_id': 77001, 'working_hours': 8}

        Attributes:
            created_at (datetime.datetime | None | str): A moment in time: an RFC 3339 date-time (stored in UTC, returned in
                the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            organization_id (int):
            updated_at (datetime.datetime | None | str): A moment in time: an RFC 3339 date-time (stored in UTC, returned in
                the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            working_hour_id (int):
            working_hours (float): A number of hours, 0 to 168 (Toggl's published spec allows up to 168).
            external_entity_id (int | Unset): The id of the user or ghost the entry belongs to.
            external_entity_type (str | Unset): What the entry belongs to. **decision**: `user` or `ghost`, read from the
                two
                paths (the pages give only the type); the list is open, so clients must accept
                other values.
            starting_hours (float | Unset): Hour of the day the working day starts (e.g. 9 or 8.5).
            user_id (int | Unset):
            weekday (int | Unset): Day of the week, 0 to 6 (Toggl's published spec); **decision**, 0 is Sunday and 6
                Saturday.
    """

    created_at: datetime.datetime | None | str
    organization_id: int
    updated_at: datetime.datetime | None | str
    working_hour_id: int
    working_hours: float
    external_entity_id: int | Unset = UNSET
    external_entity_type: str | Unset = UNSET
    starting_hours: float | Unset = UNSET
    user_id: int | Unset = UNSET
    weekday: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        organization_id = self.organization_id

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        working_hour_id = self.working_hour_id

        working_hours = self.working_hours

        external_entity_id = self.external_entity_id

        external_entity_type = self.external_entity_type

        starting_hours = self.starting_hours

        user_id = self.user_id

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "organization_id": organization_id,
                "updated_at": updated_at,
                "working_hour_id": working_hour_id,
                "working_hours": working_hours,
            }
        )
        if external_entity_id is not UNSET:
            field_dict["external_entity_id"] = external_entity_id
        if external_entity_type is not UNSET:
            field_dict["external_entity_type"] = external_entity_type
        if starting_hours is not UNSET:
            field_dict["starting_hours"] = starting_hours
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if weekday is not UNSET:
            field_dict["weekday"] = weekday

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_created_at(data: object) -> datetime.datetime | None | str:
            if data is None:
                return data
            if data == "":
                return None
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        organization_id = d.pop("organization_id")

        def _parse_updated_at(data: object) -> datetime.datetime | None | str:
            if data is None:
                return data
            if data == "":
                return None
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        working_hour_id = d.pop("working_hour_id")

        working_hours = d.pop("working_hours")

        external_entity_id = d.pop("external_entity_id", UNSET)

        external_entity_type = d.pop("external_entity_type", UNSET)

        starting_hours = d.pop("starting_hours", UNSET)

        user_id = d.pop("user_id", UNSET)

        weekday = d.pop("weekday", UNSET)

        working_hours = cls(
            created_at=created_at,
            organization_id=organization_id,
            updated_at=updated_at,
            working_hour_id=working_hour_id,
            working_hours=working_hours,
            external_entity_id=external_entity_id,
            external_entity_type=external_entity_type,
            starting_hours=starting_hours,
            user_id=user_id,
            weekday=weekday,
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
