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
    expect_number,
)

T = TypeVar("T", bound="WorkingHoursUpdate")


@_attrs_define
class WorkingHoursUpdate:
    """New values for an existing working-hours entry, named by `working_hour_id`. Toggl's
    published spec requires only `working_hour_id` and `working_hours` (0 to 168).
    **decision**: without `weekday` the entry keeps its weekday. The alternative is
    not ruled out: Toggl's spec is generated from Go structs, where an absent `weekday`
    reads as 0, so an update without it may move the entry to Sunday. Until the live
    probe settles it (its observation `working_hours.weekday_zero`), always send
    `weekday` in an update.

        Example:
            {'weekday': 1, 'working_hour_id': 77001, 'working_hours': 6}

        Attributes:
            working_hour_id (int):
            working_hours (float):
            weekday (int | Unset): Day of the week, 0 to 6 (Toggl's published spec); **decision**, 0 is Sunday and 6
                Saturday.
    """

    working_hour_id: int
    working_hours: float
    weekday: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        working_hour_id = self.working_hour_id

        working_hours = self.working_hours

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "working_hour_id": working_hour_id,
                "working_hours": working_hours,
            }
        )
        if weekday is not UNSET:
            field_dict["weekday"] = weekday

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
            raise TypeError(f"WorkingHoursUpdate: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        working_hour_id = expect_int(d.pop("working_hour_id"), "WorkingHoursUpdate.working_hour_id")

        working_hours = expect_number(d.pop("working_hours"), "WorkingHoursUpdate.working_hours")

        weekday = d.pop("weekday", UNSET)
        if weekday is not UNSET:
            weekday = expect_int(weekday, "WorkingHoursUpdate.weekday")

        working_hours_update = cls(
            working_hour_id=working_hour_id,
            working_hours=working_hours,
            weekday=weekday,
        )

        working_hours_update.additional_properties = d
        return working_hours_update

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
    ("working_hour_id", "int", True),
    ("working_hours", "number", True),
    ("weekday", "int", False),
)


def _fast_convert(_struct: Any) -> WorkingHoursUpdate:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    working_hour_id = _struct.f0
    working_hours = _struct.f1
    weekday = _struct.f2
    working_hours_update = WorkingHoursUpdate(
        working_hour_id,
        working_hours,
        weekday,
    )
    if _struct.fast_learned:
        working_hours_update.additional_properties = fast_extras(_struct)
    return working_hours_update


from ..types import (  # noqa: E402
    fast_extras,
)
