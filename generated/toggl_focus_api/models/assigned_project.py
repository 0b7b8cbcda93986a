from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_bool,
    expect_int,
    expect_str,
)

T = TypeVar("T", bound="AssignedProject")


@_attrs_define
class AssignedProject:
    """A project a ghost is assigned to.

    Example:
        {'color': '#06aaf5', 'id': 202, 'name': 'Website relaunch', 'private': False}

    Attributes:
        id (int):
        color (str | Unset): Project colour as a hex string.
        name (str | Unset):
        private (bool | Unset):
    """

    id: int
    color: str | Unset = UNSET
    name: str | Unset = UNSET
    private: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        color = self.color

        name = self.name

        private = self.private

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color
        if name is not UNSET:
            field_dict["name"] = name
        if private is not UNSET:
            field_dict["private"] = private

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
            raise TypeError(f"AssignedProject: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "AssignedProject.id")

        color = d.pop("color", UNSET)
        if color is not UNSET:
            color = expect_str(color, "AssignedProject.color")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "AssignedProject.name")

        private = d.pop("private", UNSET)
        if private is not UNSET:
            private = expect_bool(private, "AssignedProject.private")

        assigned_project = cls(
            id=id,
            color=color,
            name=name,
            private=private,
        )

        assigned_project.additional_properties = d
        return assigned_project

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
    ("id", "int", True),
    ("color", "str", False),
    ("name", "str", False),
    ("private", "bool", False),
)


def _fast_convert(_struct: Any) -> AssignedProject:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    id = _struct.f0
    color = _struct.f1
    name = _struct.f2
    private = _struct.f3
    assigned_project = AssignedProject(
        id,
        color,
        name,
        private,
    )
    if _struct.fast_learned:
        assigned_project.additional_properties = fast_extras(_struct)
    return assigned_project


from ..types import (  # noqa: E402
    fast_extras,
)
