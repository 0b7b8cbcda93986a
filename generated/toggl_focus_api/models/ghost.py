from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ghost_assignments import GhostAssignments


T = TypeVar("T", bound="Ghost")


@_attrs_define
class Ghost:
    """A placeholder person on a plan. Only `id` is guaranteed. `deleted_at`,
    `embodied_at` and `user_id` are not set (null, absent, or `""` for the timestamps)
    until set; once embodied, `user_id` is the organization user who embodies the
    ghost. `assigned` may be `null`.

        Example:
            {'assigned': {'projects': [{'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}],
                'tasks': [{'color': '#c56bff', 'id': 3010, 'name': 'Design review'}], 'team_ids': [41]}, 'created_at':
                '2026-03-02T09:15:00Z', 'deleted_at': None, 'description': 'Senior designer to hire in Q2', 'embodied_at': None,
                'id': 1001, 'name': 'Designer (TBH)', 'updated_at': '2026-03-02T09:15:00Z', 'user_id': None}

        Attributes:
            id (int):
            assigned (GhostAssignments | None | Unset):
            created_at (datetime.datetime | None | str | Unset): A moment in time: an RFC 3339 date-time (stored in UTC,
                returned in the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            deleted_at (datetime.datetime | None | str | Unset): A moment in time: an RFC 3339 date-time (stored in UTC,
                returned in the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            description (str | Unset):
            embodied_at (datetime.datetime | None | str | Unset): A moment in time: an RFC 3339 date-time (stored in UTC,
                returned in the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            name (str | Unset):
            updated_at (datetime.datetime | None | str | Unset): A moment in time: an RFC 3339 date-time (stored in UTC,
                returned in the user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.
            user_id (int | None | Unset): Organization user id of the member who embodies the ghost (**decision**: the
                `recipient_org_user_id` of the embody, not the account id); null until embodied.
    """

    id: int
    assigned: GhostAssignments | None | Unset = UNSET
    created_at: datetime.datetime | None | str | Unset = UNSET
    deleted_at: datetime.datetime | None | str | Unset = UNSET
    description: str | Unset = UNSET
    embodied_at: datetime.datetime | None | str | Unset = UNSET
    name: str | Unset = UNSET
    updated_at: datetime.datetime | None | str | Unset = UNSET
    user_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ghost_assignments import GhostAssignments  # noqa: PLC0415

        id = self.id

        assigned: dict[str, Any] | None | Unset
        if isinstance(self.assigned, Unset):
            assigned = UNSET
        elif isinstance(self.assigned, GhostAssignments):
            assigned = self.assigned.to_dict()
        else:
            assigned = self.assigned

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        description = self.description

        embodied_at: None | str | Unset
        if isinstance(self.embodied_at, Unset):
            embodied_at = UNSET
        elif isinstance(self.embodied_at, datetime.datetime):
            embodied_at = self.embodied_at.isoformat()
        else:
            embodied_at = self.embodied_at

        name = self.name

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if assigned is not UNSET:
            field_dict["assigned"] = assigned
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if description is not UNSET:
            field_dict["description"] = description
        if embodied_at is not UNSET:
            field_dict["embodied_at"] = embodied_at
        if name is not UNSET:
            field_dict["name"] = name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ghost_assignments import GhostAssignments  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_assigned(data: object) -> GhostAssignments | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assigned_type_0 = GhostAssignments.from_dict(data)

                return assigned_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GhostAssignments | None | Unset, data)

        assigned = _parse_assigned(d.pop("assigned", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | str | Unset:
            if data is None:
                return data
            if data == "":
                return None
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_deleted_at(data: object) -> datetime.datetime | None | str | Unset:
            if data is None:
                return data
            if data == "":
                return None
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        description = d.pop("description", UNSET)

        def _parse_embodied_at(data: object) -> datetime.datetime | None | str | Unset:
            if data is None:
                return data
            if data == "":
                return None
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str | Unset, data)

        embodied_at = _parse_embodied_at(d.pop("embodied_at", UNSET))

        name = d.pop("name", UNSET)

        def _parse_updated_at(data: object) -> datetime.datetime | None | str | Unset:
            if data is None:
                return data
            if data == "":
                return None
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        ghost = cls(
            id=id,
            assigned=assigned,
            created_at=created_at,
            deleted_at=deleted_at,
            description=description,
            embodied_at=embodied_at,
            name=name,
            updated_at=updated_at,
            user_id=user_id,
        )

        ghost.additional_properties = d
        return ghost

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
