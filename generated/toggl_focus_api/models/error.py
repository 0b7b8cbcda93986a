from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_str,
)

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """The one error shape of the Focus API. `error` is a short machine code,
    `error_description` the human text; both are required by Toggl's published spec.

        Example:
            {'error': 'validation', 'error_description': "Key: 'Pagination.PerPage' Error:Field validation for 'PerPage'
                failed on the 'max' tag", 'trace_id': '2cd9f3c1a7e04b1e9a1b8c2d3e4f5a6b'}

        Attributes:
            error (str): Short error code, e.g. `validation`, `not_found`, `quota_exceeded`.
            error_description (str): Human-readable description.
            error_values (ErrorValues | None | Unset):
            trace_id (str | Unset): Server trace id; quote it when reporting a problem to Toggl.
    """

    error: str
    error_description: str
    error_values: ErrorValues | None | Unset = UNSET
    trace_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description = self.error_description

        error_values: dict[str, Any] | None | Unset
        if isinstance(self.error_values, Unset):
            error_values = UNSET
        elif isinstance(self.error_values, ErrorValues):
            error_values = self.error_values.to_dict()
        else:
            error_values = self.error_values

        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "error_description": error_description,
            }
        )
        if error_values is not UNSET:
            field_dict["error_values"] = error_values
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id

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
            raise TypeError(f"Error: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = expect_str(d.pop("error"), "Error.error")

        error_description = expect_str(d.pop("error_description"), "Error.error_description")

        def _parse_error_values(data: object) -> ErrorValues | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError("Error.error_values: expected ErrorValues | None, got " + type(data).__name__)
            error_values_type_0 = ErrorValues.from_dict(data)

            return error_values_type_0

        error_values = _parse_error_values(d.pop("error_values", UNSET))

        trace_id = d.pop("trace_id", UNSET)
        if trace_id is not UNSET:
            trace_id = expect_str(trace_id, "Error.trace_id")

        error_ = cls(
            error=error,
            error_description=error_description,
            error_values=error_values,
            trace_id=trace_id,
        )

        error_.additional_properties = d
        return error_

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
    ("error", "str", True),
    ("error_description", "str", True),
    ("error_values", ("null", ("model", "error_values")), False),
    ("trace_id", "str", False),
)


def _fast_convert(_struct: Any) -> Error:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    error = _struct.f0
    error_description = _struct.f1
    error_values = _struct.f2
    if error_values is not None and error_values is not UNSET:
        error_values = _fast_convert_error_values(error_values)
    trace_id = _struct.f3
    error_ = Error(
        error,
        error_description,
        error_values,
        trace_id,
    )
    if _struct.fast_learned:
        error_.additional_properties = fast_extras(_struct)
    return error_


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.error_values import ErrorValues
from ..models.error_values import _fast_convert as _fast_convert_error_values  # noqa: E402
from ..types import (  # noqa: E402
    fast_extras,
)
