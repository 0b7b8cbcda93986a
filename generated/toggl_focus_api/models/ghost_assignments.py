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
    expect_list,
)

T = TypeVar("T", bound="GhostAssignments")


@_attrs_define
class GhostAssignments:
    """The projects, tasks and teams a ghost is assigned to. Each list may be `null` (empty).

    Example:
        {'projects': [{'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}], 'tasks':
            [{'color': '#c56bff', 'id': 3010, 'name': 'Design review'}], 'team_ids': [41]}

    Attributes:
        projects (list[AssignedProject] | None | Unset):
        tasks (list[AssignedTask] | None | Unset):
        team_ids (list[int] | None | Unset):
    """

    projects: list[AssignedProject] | None | Unset = UNSET
    tasks: list[AssignedTask] | None | Unset = UNSET
    team_ids: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        projects: list[dict[str, Any]] | None | Unset
        if isinstance(self.projects, Unset):
            projects = UNSET
        elif isinstance(self.projects, list):
            projects = []
            for projects_type_0_item_data in self.projects:
                projects_type_0_item = projects_type_0_item_data.to_dict()
                projects.append(projects_type_0_item)

        else:
            projects = self.projects

        tasks: list[dict[str, Any]] | None | Unset
        if isinstance(self.tasks, Unset):
            tasks = UNSET
        elif isinstance(self.tasks, list):
            tasks = []
            for tasks_type_0_item_data in self.tasks:
                tasks_type_0_item = tasks_type_0_item_data.to_dict()
                tasks.append(tasks_type_0_item)

        else:
            tasks = self.tasks

        team_ids: list[int] | None | Unset
        if isinstance(self.team_ids, Unset):
            team_ids = UNSET
        elif isinstance(self.team_ids, list):
            team_ids = self.team_ids

        else:
            team_ids = self.team_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if projects is not UNSET:
            field_dict["projects"] = projects
        if tasks is not UNSET:
            field_dict["tasks"] = tasks
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids

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
            raise TypeError(f"GhostAssignments: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_projects(data: object) -> list[AssignedProject] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "GhostAssignments.projects: expected list[AssignedProject] | None, got " + type(data).__name__
                )
            projects_type_0 = []
            _projects_type_0 = data
            for projects_type_0_item_data in expect_list(_projects_type_0, "GhostAssignments.projects"):
                projects_type_0_item = AssignedProject.from_dict(projects_type_0_item_data)

                projects_type_0.append(projects_type_0_item)

            return projects_type_0

        projects = _parse_projects(d.pop("projects", UNSET))

        def _parse_tasks(data: object) -> list[AssignedTask] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "GhostAssignments.tasks: expected list[AssignedTask] | None, got " + type(data).__name__
                )
            tasks_type_0 = []
            _tasks_type_0 = data
            for tasks_type_0_item_data in expect_list(_tasks_type_0, "GhostAssignments.tasks"):
                tasks_type_0_item = AssignedTask.from_dict(tasks_type_0_item_data)

                tasks_type_0.append(tasks_type_0_item)

            return tasks_type_0

        tasks = _parse_tasks(d.pop("tasks", UNSET))

        def _parse_team_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("GhostAssignments.team_ids: expected list[int] | None, got " + type(data).__name__)
            team_ids_type_0 = expect_items(data, expect_int, "GhostAssignments.team_ids")

            return team_ids_type_0

        team_ids = _parse_team_ids(d.pop("team_ids", UNSET))

        ghost_assignments = cls(
            projects=projects,
            tasks=tasks,
            team_ids=team_ids,
        )

        ghost_assignments.additional_properties = d
        return ghost_assignments

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
    ("projects", ("null", ("list", ("model", "assigned_project"))), False),
    ("tasks", ("null", ("list", ("model", "assigned_task"))), False),
    ("team_ids", ("null", ("list", "int")), False),
)


def _fast_convert(_struct: Any) -> GhostAssignments:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    projects = _struct.f0
    if projects:
        projects = list(map(_fast_convert_assigned_project, projects))
    tasks = _struct.f1
    if tasks:
        tasks = list(map(_fast_convert_assigned_task, tasks))
    team_ids = _struct.f2
    ghost_assignments = GhostAssignments(
        projects,
        tasks,
        team_ids,
    )
    if _struct.fast_learned:
        ghost_assignments.additional_properties = fast_extras(_struct)
    return ghost_assignments


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.assigned_project import AssignedProject
from ..models.assigned_project import _fast_convert as _fast_convert_assigned_project  # noqa: E402
from ..models.assigned_task import AssignedTask
from ..models.assigned_task import _fast_convert as _fast_convert_assigned_task  # noqa: E402
from ..types import (  # noqa: E402
    fast_extras,
)
