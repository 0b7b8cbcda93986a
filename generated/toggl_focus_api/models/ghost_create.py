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
    expect_str,
)

T = TypeVar("T", bound="GhostCreate")


@_attrs_define
class GhostCreate:
    """A new ghost. `assign_*` are ids of projects, tasks and teams to assign it to.

    Example:
        {'assign_projects': [202], 'assign_tasks': [3010], 'assign_teams': [41], 'description': 'Senior designer to hire
            in Q2', 'name': 'Designer (TBH)'}

    Attributes:
        name (str):
        assign_projects (list[int] | Unset):
        assign_tasks (list[int] | Unset):
        assign_teams (list[int] | Unset):
        description (str | Unset):
    """

    name: str
    assign_projects: list[int] | Unset = UNSET
    assign_tasks: list[int] | Unset = UNSET
    assign_teams: list[int] | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if assign_projects is not UNSET:
            field_dict["assign_projects"] = assign_projects
        if assign_tasks is not UNSET:
            field_dict["assign_tasks"] = assign_tasks
        if assign_teams is not UNSET:
            field_dict["assign_teams"] = assign_teams
        if description is not UNSET:
            field_dict["description"] = description

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
            raise TypeError(f"GhostCreate: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = expect_str(d.pop("name"), "GhostCreate.name")

        assign_projects = d.pop("assign_projects", UNSET)
        if assign_projects is not UNSET:
            assign_projects = expect_items(assign_projects, expect_int, "GhostCreate.assign_projects")

        assign_tasks = d.pop("assign_tasks", UNSET)
        if assign_tasks is not UNSET:
            assign_tasks = expect_items(assign_tasks, expect_int, "GhostCreate.assign_tasks")

        assign_teams = d.pop("assign_teams", UNSET)
        if assign_teams is not UNSET:
            assign_teams = expect_items(assign_teams, expect_int, "GhostCreate.assign_teams")

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "GhostCreate.description")

        ghost_create = cls(
            name=name,
            assign_projects=assign_projects,
            assign_tasks=assign_tasks,
            assign_teams=assign_teams,
            description=description,
        )

        ghost_create.additional_properties = d
        return ghost_create

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
    ("name", "str", True),
    ("assign_projects", ("list", "int"), False),
    ("assign_tasks", ("list", "int"), False),
    ("assign_teams", ("list", "int"), False),
    ("description", "str", False),
)


def _fast_convert(_struct: Any) -> GhostCreate:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    name = _struct.f0
    assign_projects = _struct.f1
    assign_tasks = _struct.f2
    assign_teams = _struct.f3
    description = _struct.f4
    ghost_create = GhostCreate(
        name,
        assign_projects,
        assign_tasks,
        assign_teams,
        description,
    )
    if _struct.fast_learned:
        ghost_create.additional_properties = fast_extras(_struct)
    return ghost_create


from ..types import (  # noqa: E402
    fast_extras,
)
