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
    expect_str,
    tolerant_datetime,
)

T = TypeVar("T", bound="CreatedGhost")


@_attrs_define
class CreatedGhost:
    """The body of a 201 from `create_ghost`, and each item of a 201 from
    `bulk_create_ghosts`: the created ghost, with the `Ghost` fields. **decision**: no
    source shows these bodies, so nothing in them is guaranteed, not even `id`; a 201
    is a successful create whatever its body holds.

        Example:
            {'assigned': {'projects': [], 'tasks': [], 'team_ids': [41]}, 'created_at': '2026-03-02T09:15:00Z',
                'deleted_at': None, 'description': 'Senior designer to hire in Q2', 'embodied_at': None, 'id': 1001, 'name':
                'Designer (TBH)', 'updated_at': '2026-03-02T09:15:00Z', 'user_id': None}

        Attributes:
            assigned (GhostAssignments | None | Unset):
            created_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned
                in the user's
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
            deleted_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned
                in the user's
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
            description (str | Unset):
            embodied_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned
                in the user's
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
            id (int | Unset):
            name (str | Unset):
            updated_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned
                in the user's
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
            user_id (int | None | Unset):
    """

    assigned: GhostAssignments | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    description: str | Unset = UNSET
    embodied_at: datetime.datetime | None | Unset = UNSET
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    user_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assigned: dict[str, Any] | None | Unset
        if isinstance(self.assigned, Unset):
            assigned = UNSET
        elif isinstance(self.assigned, GhostAssignments):
            assigned = self.assigned.to_dict()
        else:
            assigned = self.assigned

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        description = self.description

        embodied_at: None | str | Unset
        if isinstance(self.embodied_at, Unset):
            embodied_at = UNSET
        elif isinstance(self.embodied_at, datetime.datetime):
            embodied_at = self.embodied_at.isoformat()
        else:
            embodied_at = self.embodied_at

        id = self.id

        name = self.name

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assigned is not UNSET:
            field_dict["assigned"] = assigned
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if description is not UNSET:
            field_dict["description"] = description
        if embodied_at is not UNSET:
            field_dict["embodied_at"] = embodied_at
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

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
            raise TypeError(f"CreatedGhost: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_assigned(data: object) -> GhostAssignments | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError("CreatedGhost.assigned: expected GhostAssignments | None, got " + type(data).__name__)
            assigned_type_0 = GhostAssignments.from_dict(data)

            return assigned_type_0

        assigned = _parse_assigned(d.pop("assigned", UNSET))

        created_at = d.pop("created_at", UNSET)
        if created_at == "":
            created_at = None
        elif created_at is not None and created_at is not UNSET:
            created_at = tolerant_datetime(created_at, "CreatedGhost.created_at", d, "created_at", UNSET)

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = tolerant_datetime(deleted_at, "CreatedGhost.deleted_at", d, "deleted_at", UNSET)

        description = d.pop("description", UNSET)
        if description is not UNSET:
            description = expect_str(description, "CreatedGhost.description")

        embodied_at = d.pop("embodied_at", UNSET)
        if embodied_at == "":
            embodied_at = None
        elif embodied_at is not None and embodied_at is not UNSET:
            embodied_at = tolerant_datetime(embodied_at, "CreatedGhost.embodied_at", d, "embodied_at", UNSET)

        id = d.pop("id", UNSET)
        if id is not UNSET:
            id = expect_int(id, "CreatedGhost.id")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "CreatedGhost.name")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at == "":
            updated_at = None
        elif updated_at is not None and updated_at is not UNSET:
            updated_at = tolerant_datetime(updated_at, "CreatedGhost.updated_at", d, "updated_at", UNSET)

        user_id = d.pop("user_id", UNSET)
        if user_id is not None and user_id is not UNSET:
            user_id = expect_int(user_id, "CreatedGhost.user_id")

        created_ghost = cls(
            assigned=assigned,
            created_at=created_at,
            deleted_at=deleted_at,
            description=description,
            embodied_at=embodied_at,
            id=id,
            name=name,
            updated_at=updated_at,
            user_id=user_id,
        )

        created_ghost.additional_properties = d
        return created_ghost

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
    ("assigned", ("null", ("model", "ghost_assignments")), False),
    ("created_at", ("null", "datetime"), False),
    ("deleted_at", ("null", "datetime"), False),
    ("description", "str", False),
    ("embodied_at", ("null", "datetime"), False),
    ("id", "int", False),
    ("name", "str", False),
    ("updated_at", ("null", "datetime"), False),
    ("user_id", ("null", "int"), False),
)


def _fast_convert(_struct: Any) -> CreatedGhost:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    _text: Any = None  # the last date-time text parsed below, and its datetime
    _moment: Any = None
    assigned = _struct.f0
    if assigned is not None and assigned is not UNSET:
        assigned = _fast_convert_ghost_assignments(assigned)
    created_at = _struct.f1
    if created_at.__class__ is str and FAST_DATETIME_SHAPES.get(created_at[4::3]) == len(created_at):
        _text = created_at
        created_at = _moment = fast_fromisoformat(created_at)
    elif created_at == "":
        created_at = None
    elif created_at is not None and created_at is not UNSET:
        created_at = expect_datetime(created_at, "CreatedGhost.created_at")
    deleted_at = _struct.f2
    if deleted_at == _text:
        deleted_at = _moment
    elif deleted_at.__class__ is str and FAST_DATETIME_SHAPES.get(deleted_at[4::3]) == len(deleted_at):
        _text = deleted_at
        deleted_at = _moment = fast_fromisoformat(deleted_at)
    elif deleted_at == "":
        deleted_at = None
    elif deleted_at is not None and deleted_at is not UNSET:
        deleted_at = expect_datetime(deleted_at, "CreatedGhost.deleted_at")
    description = _struct.f3
    embodied_at = _struct.f4
    if embodied_at == _text:
        embodied_at = _moment
    elif embodied_at.__class__ is str and FAST_DATETIME_SHAPES.get(embodied_at[4::3]) == len(embodied_at):
        _text = embodied_at
        embodied_at = _moment = fast_fromisoformat(embodied_at)
    elif embodied_at == "":
        embodied_at = None
    elif embodied_at is not None and embodied_at is not UNSET:
        embodied_at = expect_datetime(embodied_at, "CreatedGhost.embodied_at")
    id = _struct.f5
    name = _struct.f6
    updated_at = _struct.f7
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "CreatedGhost.updated_at")
    user_id = _struct.f8
    created_ghost = CreatedGhost(
        assigned,
        created_at,
        deleted_at,
        description,
        embodied_at,
        id,
        name,
        updated_at,
        user_id,
    )
    if _struct.fast_learned:
        created_ghost.additional_properties = fast_extras(_struct)
    return created_ghost


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.ghost_assignments import GhostAssignments
from ..models.ghost_assignments import _fast_convert as _fast_convert_ghost_assignments  # noqa: E402
from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
