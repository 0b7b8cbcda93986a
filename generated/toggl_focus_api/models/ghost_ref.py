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
    expect_str,
)

T = TypeVar("T", bound="GhostRef")


@_attrs_define
class GhostRef:
    """A ghost's id and name, as hydrated into a team.

    Example:
        {'id': 1001, 'name': 'Designer (TBH)'}

    Attributes:
        id (int):
        name (str | Unset):
    """

    id: int
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
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
            raise TypeError(f"GhostRef: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "GhostRef.id")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "GhostRef.name")

        ghost_ref = cls(
            id=id,
            name=name,
        )

        ghost_ref.additional_properties = d
        return ghost_ref

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
    ("name", "str", False),
)


def _fast_convert(_struct: Any) -> GhostRef:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    id = _struct.f0
    name = _struct.f1
    ghost_ref = GhostRef(
        id,
        name,
    )
    if _struct.fast_learned:
        ghost_ref.additional_properties = fast_extras(_struct)
    return ghost_ref


from ..types import (  # noqa: E402
    fast_extras,
)
