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
    expect_str,
)

T = TypeVar("T", bound="Ghost")


@_attrs_define
class Ghost:
    """A placeholder person on a plan. `deleted_at`, `embodied_at` and `user_id` are
    null (or absent, or `""` for the timestamps) until set; once embodied, `user_id`
    is the organization user who embodies the ghost.

        Example:
            {'assigned': {'projects': [{'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}],
                'tasks': [{'color': '#c56bff', 'id': 3010, 'name': 'Design review'}], 'team_ids': [41]}, 'created_at':
                '2026-03-02T09:15:00Z', 'deleted_at': None, 'description': 'Senior designer to hire in Q2', 'embodied_at': None,
                'id': 1001, 'name': 'Designer (TBH)', 'updated_at': '2026-03-02T09:15:00Z', 'user_id': None}

        Attributes:
            id (int):
            name (str):
            assigned (GhostAssignments | Unset): The projects, tasks and teams a ghost is assigned to. Example: {'projects':
                [{'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}], 'tasks': [{'color': '#c56bff',
                'id': 3010, 'name': 'Design review'}], 'team_ids': [41]}.
            created_at (datetime.datetime | Unset):
            deleted_at (datetime.datetime | None | Unset):
            description (str | Unset):
            embodied_at (datetime.datetime | None | Unset):
            updated_at (datetime.datetime | Unset):
            user_id (int | None | Unset): Organization user id of the member who embodies the ghost; null until embodied.
    """

    id: int
    name: str
    assigned: GhostAssignments | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    description: str | Unset = UNSET
    embodied_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    user_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        assigned: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assigned, Unset):
            assigned = self.assigned.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

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

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
                "name": name,
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
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "Ghost.id")

        name = expect_str(d.pop("name"), "Ghost.name")

        _assigned = d.pop("assigned", UNSET)
        assigned: GhostAssignments | Unset
        if isinstance(_assigned, Unset):
            assigned = UNSET
        else:
            assigned = GhostAssignments.from_dict(_assigned)

        created_at = d.pop("created_at", UNSET)
        if created_at is None or created_at == "":
            created_at = UNSET
        elif created_at is not UNSET:
            created_at = expect_datetime(created_at, "Ghost.created_at")

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = expect_datetime(deleted_at, "Ghost.deleted_at")

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "Ghost.description")

        embodied_at = d.pop("embodied_at", UNSET)
        if embodied_at == "":
            embodied_at = None
        elif embodied_at is not None and embodied_at is not UNSET:
            embodied_at = expect_datetime(embodied_at, "Ghost.embodied_at")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is None or updated_at == "":
            updated_at = UNSET
        elif updated_at is not UNSET:
            updated_at = expect_datetime(updated_at, "Ghost.updated_at")

        user_id = d.pop("user_id", UNSET)
        if user_id is not None and user_id is not UNSET:
            user_id = expect_int(user_id, "Ghost.user_id")

        ghost = cls(
            id=id,
            name=name,
            assigned=assigned,
            created_at=created_at,
            deleted_at=deleted_at,
            description=description,
            embodied_at=embodied_at,
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


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.ghost_assignments import GhostAssignments
