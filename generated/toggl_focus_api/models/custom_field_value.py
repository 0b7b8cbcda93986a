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
    expect_list,
    expect_str,
)

T = TypeVar("T", bound="CustomFieldValue")


@_attrs_define
class CustomFieldValue:
    """One of an organization user's custom field values (`list_users` with
    `include_custom_fields=true`). Toggl's published spec gives these fields: the
    field's id (the `fieldID` of `cf_filter`), its name and type, the options selected
    (a field with options) and a free `value`. None is guaranteed. **decision**: the
    spec's names are kept and their types are ours until a real answer shows them:
    `custom_field_id` an int64 id, `custom_field_name` and `field_type` strings
    (`field_type`'s values are not documented: any string), `selected_options` a
    nullable array of untyped items, `value` any JSON value.

        Example:
            {'custom_field_id': 12, 'custom_field_name': 'Office', 'field_type': 'text', 'selected_options': [], 'value':
                'Berlin'}

        Attributes:
            custom_field_id (int | Unset):
            custom_field_name (str | Unset):
            field_type (str | Unset):
            selected_options (list[Any] | None | Unset):
            value (Any | Unset): The value, of any JSON type (free in Toggl's published spec).
    """

    custom_field_id: int | Unset = UNSET
    custom_field_name: str | Unset = UNSET
    field_type: str | Unset = UNSET
    selected_options: list[Any] | None | Unset = UNSET
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        custom_field_id = self.custom_field_id

        custom_field_name = self.custom_field_name

        field_type = self.field_type

        selected_options: list[Any] | None | Unset
        if isinstance(self.selected_options, Unset):
            selected_options = UNSET
        elif isinstance(self.selected_options, list):
            selected_options = self.selected_options

        else:
            selected_options = self.selected_options

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if custom_field_id is not UNSET:
            field_dict["custom_field_id"] = custom_field_id
        if custom_field_name is not UNSET:
            field_dict["custom_field_name"] = custom_field_name
        if field_type is not UNSET:
            field_dict["field_type"] = field_type
        if selected_options is not UNSET:
            field_dict["selected_options"] = selected_options
        if value is not UNSET:
            field_dict["value"] = value

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
            raise TypeError(f"CustomFieldValue: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        custom_field_id = d.pop("custom_field_id", UNSET)
        if custom_field_id is not UNSET:
            custom_field_id = expect_int(custom_field_id, "CustomFieldValue.custom_field_id")

        custom_field_name = d.pop("custom_field_name", UNSET)
        if custom_field_name is not UNSET:
            custom_field_name = expect_str(custom_field_name, "CustomFieldValue.custom_field_name")

        field_type = d.pop("field_type", UNSET)
        if field_type is not UNSET:
            field_type = expect_str(field_type, "CustomFieldValue.field_type")

        def _parse_selected_options(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "CustomFieldValue.selected_options: expected list[Any] | None, got " + type(data).__name__
                )
            selected_options_type_0 = expect_list(data, "CustomFieldValue.selected_options")

            return selected_options_type_0

        selected_options = _parse_selected_options(d.pop("selected_options", UNSET))

        value = d.pop("value", UNSET)

        custom_field_value = cls(
            custom_field_id=custom_field_id,
            custom_field_name=custom_field_name,
            field_type=field_type,
            selected_options=selected_options,
            value=value,
        )

        custom_field_value.additional_properties = d
        return custom_field_value

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
    ("custom_field_id", "int", False),
    ("custom_field_name", "str", False),
    ("field_type", "str", False),
    ("selected_options", ("null", ("list", "any")), False),
    ("value", "any", False),
)


def _fast_convert(_struct: Any) -> CustomFieldValue:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    custom_field_id = _struct.f0
    custom_field_name = _struct.f1
    field_type = _struct.f2
    selected_options = _struct.f3
    if selected_options:
        selected_options = [fast_loads(item) for item in selected_options]
    value = _struct.f4
    if value is not None and value is not UNSET:
        value = fast_loads(value)
    custom_field_value = CustomFieldValue(
        custom_field_id,
        custom_field_name,
        field_type,
        selected_options,
        value,
    )
    if _struct.fast_learned:
        custom_field_value.additional_properties = fast_extras(_struct)
    return custom_field_value


from ..types import (  # noqa: E402
    fast_extras,
    fast_loads,
)
