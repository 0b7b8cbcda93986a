from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assign_action import AssignAction
from ..types import (
    UNSET,
    Unset,
    expect_int,
    expect_items,
    expect_str,
)

T = TypeVar("T", bound="GhostBulkUpdate")


@_attrs_define
class GhostBulkUpdate:
    """Changes to one ghost inside a bulk update; `id` names the ghost and is required.

    Example:
        {'id': 1001, 'assign_action': 'remove', 'assign_teams': [41]}

    Attributes:
        id (int):
        assign_action (AssignAction | Unset): How the `assign_*` lists of an update apply (**decision**; the page only
            says
            "string"): `replace` (the default when omitted) makes the ghost's assignments
            exactly the given lists, `add` adds the given ids, `remove` removes them. Only
            the `assign_*` lists present in the body are touched.
             Example: add.
        assign_projects (list[int] | Unset):
        assign_tasks (list[int] | Unset):
        assign_teams (list[int] | Unset):
        description (str | Unset):
        name (str | Unset):
    """

    id: int
    assign_action: AssignAction | Unset = UNSET
    assign_projects: list[int] | Unset = UNSET
    assign_tasks: list[int] | Unset = UNSET
    assign_teams: list[int] | Unset = UNSET
    description: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        assign_action: str | Unset = UNSET
        if not isinstance(self.assign_action, Unset):
            assign_action = self.assign_action.value

        assign_projects: list[int] | Unset = UNSET
        if not isinstance(self.assign_projects, Unset):
            assign_projects = self.assign_projects

        assign_tasks: list[int] | Unset = UNSET
        if not isinstance(self.assign_tasks, Unset):
            assign_tasks = self.assign_tasks

        assign_teams: list[int] | Unset = UNSET
        if not isinstance(self.assign_teams, Unset):
            assign_teams = self.assign_teams

        description = self.description

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if assign_action is not UNSET:
            field_dict["assign_action"] = assign_action
        if assign_projects is not UNSET:
            field_dict["assign_projects"] = assign_projects
        if assign_tasks is not UNSET:
            field_dict["assign_tasks"] = assign_tasks
        if assign_teams is not UNSET:
            field_dict["assign_teams"] = assign_teams
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name

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
            raise TypeError(f"GhostBulkUpdate: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "GhostBulkUpdate.id")

        _assign_action = d.pop("assign_action", UNSET)
        assign_action: AssignAction | Unset
        if isinstance(_assign_action, Unset):
            assign_action = UNSET
        else:
            assign_action = AssignAction(_assign_action)

        assign_projects = d.pop("assign_projects", UNSET)
        if assign_projects is not UNSET:
            assign_projects = expect_items(assign_projects, expect_int, "GhostBulkUpdate.assign_projects")

        assign_tasks = d.pop("assign_tasks", UNSET)
        if assign_tasks is not UNSET:
            assign_tasks = expect_items(assign_tasks, expect_int, "GhostBulkUpdate.assign_tasks")

        assign_teams = d.pop("assign_teams", UNSET)
        if assign_teams is not UNSET:
            assign_teams = expect_items(assign_teams, expect_int, "GhostBulkUpdate.assign_teams")

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "GhostBulkUpdate.description")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "GhostBulkUpdate.name")

        ghost_bulk_update = cls(
            id=id,
            assign_action=assign_action,
            assign_projects=assign_projects,
            assign_tasks=assign_tasks,
            assign_teams=assign_teams,
            description=description,
            name=name,
        )

        ghost_bulk_update.additional_properties = d
        return ghost_bulk_update

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
# This model has a field of a kind the fast decoding does not read, or typed
# additional properties: it always takes from_dict.
_FAST_SHAPE: tuple[tuple[str, Any, bool], ...] | None = None
_fast_convert: Any = None
