from __future__ import annotations

import datetime
import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    expect_datetime,
    expect_int,
    expect_number,
    expect_str,
    tolerant_datetime,
)

T = TypeVar("T", bound="WorkingHours")


@_attrs_define
class WorkingHours:
    """One working-hours entry of a user or a ghost. Toggl's published spec requires
    `created_at`, `organization_id`, `updated_at`, `working_hour_id` and
    `working_hours`; `weekday` is optional there, so an entry may come without it.
    **decision**: an entry without `weekday` is kept as it is (not dropped, not given
    a weekday); what it means is not documented. Two readings: an entry not tied to a
    weekday (`working_hours` may be up to 168, the hours in a week), or a Sunday entry:
    Toggl's spec is generated from Go structs, where `weekday: 0` (Sunday) is dropped
    from the JSON by `omitempty`, so a missing `weekday` may mean 0. The live probe
    reports whether `weekday: 0` ever appears (its observation
    `working_hours.weekday_zero`): entries without `weekday` while none says 0 point
    to the Sunday reading.

        Example:
            {'created_at': '2026-01-12T08:00:00Z', 'external_entity_id': 5120, 'external_entity_type': 'user',
                'organization_id': 9001, 'starting_hours': 9, 'updated_at': '2026-01-12T08:00:00Z', 'user_id': 5120, 'weekday':
                1, 'working_hour_id': 77001, 'working_hours': 8}

        Attributes:
            created_at (datetime.datetime | None): A moment in time: an RFC 3339 date-time (stored in UTC, returned in the
                user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.

                **decision**: a client tolerates a timestamp that is not RFC 3339 (a date alone,
                an offset without its colon): Toggl's published spec types the `*_at` fields as
                plain strings, so nothing guarantees the format, and one such value must not fail
                a whole call or page. The value is kept as the text it was, not as a time, and
                the field reads as not set; `toggl_focus` keeps the text in the model's
                `additional_properties` under the field's key (so `to_dict()` gives it back) and
                logs one warning per model and field. A value of another JSON type (a number) is
                still an error.
            organization_id (int):
            updated_at (datetime.datetime | None): A moment in time: an RFC 3339 date-time (stored in UTC, returned in the
                user's
                profile timezone). `""` and `null` mean "not set", exactly like a missing key.
                **decision**: `""` is allowed because the sister Track API has sent it for unset
                timestamps; no Focus source shows it. It is an `anyOf` rather than a plain
                `format: date-time` so that clients which map `date-time` to a time type (Go's
                `time.Time`) do not fail a whole body on `""`.

                **decision**: a client tolerates a timestamp that is not RFC 3339 (a date alone,
                an offset without its colon): Toggl's published spec types the `*_at` fields as
                plain strings, so nothing guarantees the format, and one such value must not fail
                a whole call or page. The value is kept as the text it was, not as a time, and
                the field reads as not set; `toggl_focus` keeps the text in the model's
                `additional_properties` under the field's key (so `to_dict()` gives it back) and
                logs one warning per model and field. A value of another JSON type (a number) is
                still an error.
            working_hour_id (int):
            working_hours (float): A number of hours. Toggl's published spec bounds it (0 to 168) on input only,
                so an answer carries no bound.
            external_entity_id (int | Unset): The id of the user or ghost the entry belongs to.
            external_entity_type (str | Unset): What the entry belongs to. **decision**: `user` or `ghost`, read from the
                two
                paths (the pages give only the type); the list is open, so clients must accept
                other values.
            starting_hours (float | Unset): Hour of the day the working day starts (e.g. 9 or 8.5).
            user_id (int | Unset):
            weekday (int | Unset): Day of the week. Toggl's published spec bounds it (0 to 6) on input only, so an
                answer carries no bound; **decision**, 0 is Sunday and 6 Saturday.
    """

    created_at: datetime.datetime | None
    organization_id: int
    updated_at: datetime.datetime | None
    working_hour_id: int
    working_hours: float
    external_entity_id: int | Unset = UNSET
    external_entity_type: str | Unset = UNSET
    starting_hours: float | Unset = UNSET
    user_id: int | Unset = UNSET
    weekday: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        organization_id = self.organization_id

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        working_hour_id = self.working_hour_id

        working_hours = self.working_hours

        external_entity_id = self.external_entity_id

        external_entity_type = self.external_entity_type

        starting_hours = self.starting_hours

        user_id = self.user_id

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "organization_id": organization_id,
                "updated_at": updated_at,
                "working_hour_id": working_hour_id,
                "working_hours": working_hours,
            }
        )
        if created_at is None and "created_at" in self.additional_properties:
            field_dict["created_at"] = self.additional_properties["created_at"]
        if updated_at is None and "updated_at" in self.additional_properties:
            field_dict["updated_at"] = self.additional_properties["updated_at"]
        if external_entity_id is not UNSET:
            field_dict["external_entity_id"] = external_entity_id
        if external_entity_type is not UNSET:
            field_dict["external_entity_type"] = external_entity_type
        if starting_hours is not UNSET:
            field_dict["starting_hours"] = starting_hours
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
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
            raise TypeError(f"WorkingHours: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at")
        if created_at == "":
            created_at = None
        elif created_at is not None:
            created_at = tolerant_datetime(created_at, "WorkingHours.created_at", d, "created_at", None)

        organization_id = expect_int(d.pop("organization_id"), "WorkingHours.organization_id")

        updated_at = d.pop("updated_at")
        if updated_at == "":
            updated_at = None
        elif updated_at is not None:
            updated_at = tolerant_datetime(updated_at, "WorkingHours.updated_at", d, "updated_at", None)

        working_hour_id = expect_int(d.pop("working_hour_id"), "WorkingHours.working_hour_id")

        working_hours = expect_number(d.pop("working_hours"), "WorkingHours.working_hours")

        external_entity_id = d.pop("external_entity_id", UNSET)
        if external_entity_id is not UNSET:
            external_entity_id = expect_int(external_entity_id, "WorkingHours.external_entity_id")

        external_entity_type = d.pop("external_entity_type", UNSET)
        if external_entity_type is not UNSET:
            external_entity_type = expect_str(external_entity_type, "WorkingHours.external_entity_type")

        starting_hours = d.pop("starting_hours", UNSET)
        if starting_hours is not UNSET:
            starting_hours = expect_number(starting_hours, "WorkingHours.starting_hours")

        user_id = d.pop("user_id", UNSET)
        if user_id is not UNSET:
            user_id = expect_int(user_id, "WorkingHours.user_id")

        weekday = d.pop("weekday", UNSET)
        if weekday is not UNSET:
            weekday = expect_int(weekday, "WorkingHours.weekday")

        working_hours_ = cls(
            created_at=created_at,
            organization_id=organization_id,
            updated_at=updated_at,
            working_hour_id=working_hour_id,
            working_hours=working_hours,
            external_entity_id=external_entity_id,
            external_entity_type=external_entity_type,
            starting_hours=starting_hours,
            user_id=user_id,
            weekday=weekday,
        )

        working_hours_.additional_properties = d
        return working_hours_

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
    ("created_at", ("null", "datetime"), True),
    ("organization_id", "int", True),
    ("updated_at", ("null", "datetime"), True),
    ("working_hour_id", "int", True),
    ("working_hours", "number", True),
    ("external_entity_id", "int", False),
    ("external_entity_type", "str", False),
    ("starting_hours", "number", False),
    ("user_id", "int", False),
    ("weekday", "int", False),
)


def _fast_convert(_struct: Any) -> WorkingHours:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    _text: Any = None  # the last date-time text parsed below, and its datetime
    _moment: Any = None
    created_at = _struct.f0
    if created_at.__class__ is str and FAST_DATETIME_SHAPES.get(created_at[4::3]) == len(created_at):
        _text = created_at
        created_at = _moment = fast_fromisoformat(created_at)
    elif created_at == "":
        created_at = None
    elif created_at is not None and created_at is not UNSET:
        created_at = expect_datetime(created_at, "WorkingHours.created_at")
    organization_id = _struct.f1
    updated_at = _struct.f2
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "WorkingHours.updated_at")
    working_hour_id = _struct.f3
    working_hours = _struct.f4
    external_entity_id = _struct.f5
    external_entity_type = _struct.f6
    starting_hours = _struct.f7
    user_id = _struct.f8
    weekday = _struct.f9
    working_hours_ = WorkingHours(
        created_at,
        organization_id,
        updated_at,
        working_hour_id,
        working_hours,
        external_entity_id,
        external_entity_type,
        starting_hours,
        user_id,
        weekday,
    )
    if _struct.fast_learned:
        working_hours_.additional_properties = fast_extras(_struct)
    return working_hours_


from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
