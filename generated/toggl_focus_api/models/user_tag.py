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

T = TypeVar("T", bound="UserTag")


@_attrs_define
class UserTag:
    """A tag on an organization user.

    Example:
        {'color': '#f5a623', 'id': 17, 'label': 'Contractor'}

    Attributes:
        color (str | Unset):
        id (int | Unset):
        label (str | Unset):
    """

    color: str | Unset = UNSET
    id: int | Unset = UNSET
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        color = self.color

        id = self.id

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if color is not UNSET:
            field_dict["color"] = color
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label

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
            raise TypeError(f"UserTag: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        color = d.pop("color", UNSET)
        if color is not UNSET:
            color = expect_str(color, "UserTag.color")

        id = d.pop("id", UNSET)
        if id is not UNSET:
            id = expect_int(id, "UserTag.id")

        label = d.pop("label", UNSET)
        if label is not UNSET:
            label = expect_str(label, "UserTag.label")

        user_tag = cls(
            color=color,
            id=id,
            label=label,
        )

        user_tag.additional_properties = d
        return user_tag

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
    ("color", "str", False),
    ("id", "int", False),
    ("label", "str", False),
)


def _fast_convert(_struct: Any) -> UserTag:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    color = _struct.f0
    id = _struct.f1
    label = _struct.f2
    user_tag = UserTag(
        color,
        id,
        label,
    )
    if _struct.fast_learned:
        user_tag.additional_properties = fast_extras(_struct)
    return user_tag


from ..types import (  # noqa: E402
    fast_extras,
)
