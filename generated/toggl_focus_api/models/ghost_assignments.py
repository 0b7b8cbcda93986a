from __future__ import annotations

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
    """The projects, tasks and teams a ghost is assigned to.

    Example:
        {'projects': [{'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}], 'tasks':
            [{'color': '#c56bff', 'id': 3010, 'name': 'Design review'}], 'team_ids': [41]}

    Attributes:
        projects (list[AssignedProject] | Unset):
        tasks (list[AssignedTask] | Unset):
        team_ids (list[int] | Unset):
    """

    projects: list[AssignedProject] | Unset = UNSET
    tasks: list[AssignedTask] | Unset = UNSET
    team_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        team_ids: list[int] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _projects = d.pop("projects", UNSET)
        projects: list[AssignedProject] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in expect_list(_projects, "GhostAssignments.projects"):
                projects_item = AssignedProject.from_dict(projects_item_data)

                projects.append(projects_item)

        _tasks = d.pop("tasks", UNSET)
        tasks: list[AssignedTask] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in expect_list(_tasks, "GhostAssignments.tasks"):
                tasks_item = AssignedTask.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        team_ids = d.pop("team_ids", UNSET)
        if team_ids is not UNSET:
            team_ids = expect_items(team_ids, expect_int, "GhostAssignments.team_ids")

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


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.assigned_project import AssignedProject
from ..models.assigned_task import AssignedTask
