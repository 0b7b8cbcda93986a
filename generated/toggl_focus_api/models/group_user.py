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

T = TypeVar("T", bound="GroupUser")


@_attrs_define
class GroupUser:
    """A member of a group.

    Example:
        {'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'display_name': 'Ada Lovelace', 'focus_role_id': 3,
            'organization_user_id': 5120, 'track_role_id': None, 'updated_at': '2026-01-12T08:00:00Z', 'user_account_id':
            880231, 'user_group_id': 91001, 'work_role_id': None}

    Attributes:
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
        display_name (str | Unset):
        focus_role_id (int | None | Unset):
        organization_user_id (int | Unset):
        track_role_id (int | None | Unset):
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
        user_account_id (int | Unset):
        user_group_id (int | Unset):
        work_role_id (int | None | Unset):
    """

    created_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    display_name: str | Unset = UNSET
    focus_role_id: int | None | Unset = UNSET
    organization_user_id: int | Unset = UNSET
    track_role_id: int | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    user_account_id: int | Unset = UNSET
    user_group_id: int | Unset = UNSET
    work_role_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        display_name = self.display_name

        focus_role_id: int | None | Unset
        if isinstance(self.focus_role_id, Unset):
            focus_role_id = UNSET
        else:
            focus_role_id = self.focus_role_id

        organization_user_id = self.organization_user_id

        track_role_id: int | None | Unset
        if isinstance(self.track_role_id, Unset):
            track_role_id = UNSET
        else:
            track_role_id = self.track_role_id

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        user_account_id = self.user_account_id

        user_group_id = self.user_group_id

        work_role_id: int | None | Unset
        if isinstance(self.work_role_id, Unset):
            work_role_id = UNSET
        else:
            work_role_id = self.work_role_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if focus_role_id is not UNSET:
            field_dict["focus_role_id"] = focus_role_id
        if organization_user_id is not UNSET:
            field_dict["organization_user_id"] = organization_user_id
        if track_role_id is not UNSET:
            field_dict["track_role_id"] = track_role_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_account_id is not UNSET:
            field_dict["user_account_id"] = user_account_id
        if user_group_id is not UNSET:
            field_dict["user_group_id"] = user_group_id
        if work_role_id is not UNSET:
            field_dict["work_role_id"] = work_role_id

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
            raise TypeError(f"GroupUser: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)
        if created_at == "":
            created_at = None
        elif created_at is not None and created_at is not UNSET:
            created_at = tolerant_datetime(created_at, "GroupUser.created_at", d, "created_at", UNSET)

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = tolerant_datetime(deleted_at, "GroupUser.deleted_at", d, "deleted_at", UNSET)

        display_name = d.pop("display_name", UNSET)
        if display_name is not UNSET:
            display_name = expect_str(display_name, "GroupUser.display_name")

        focus_role_id = d.pop("focus_role_id", UNSET)
        if focus_role_id is not None and focus_role_id is not UNSET:
            focus_role_id = expect_int(focus_role_id, "GroupUser.focus_role_id")

        organization_user_id = d.pop("organization_user_id", UNSET)
        if organization_user_id is not UNSET:
            organization_user_id = expect_int(organization_user_id, "GroupUser.organization_user_id")

        track_role_id = d.pop("track_role_id", UNSET)
        if track_role_id is not None and track_role_id is not UNSET:
            track_role_id = expect_int(track_role_id, "GroupUser.track_role_id")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at == "":
            updated_at = None
        elif updated_at is not None and updated_at is not UNSET:
            updated_at = tolerant_datetime(updated_at, "GroupUser.updated_at", d, "updated_at", UNSET)

        user_account_id = d.pop("user_account_id", UNSET)
        if user_account_id is not UNSET:
            user_account_id = expect_int(user_account_id, "GroupUser.user_account_id")

        user_group_id = d.pop("user_group_id", UNSET)
        if user_group_id is not UNSET:
            user_group_id = expect_int(user_group_id, "GroupUser.user_group_id")

        work_role_id = d.pop("work_role_id", UNSET)
        if work_role_id is not None and work_role_id is not UNSET:
            work_role_id = expect_int(work_role_id, "GroupUser.work_role_id")

        group_user = cls(
            created_at=created_at,
            deleted_at=deleted_at,
            display_name=display_name,
            focus_role_id=focus_role_id,
            organization_user_id=organization_user_id,
            track_role_id=track_role_id,
            updated_at=updated_at,
            user_account_id=user_account_id,
            user_group_id=user_group_id,
            work_role_id=work_role_id,
        )

        group_user.additional_properties = d
        return group_user

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
    ("created_at", ("null", "datetime"), False),
    ("deleted_at", ("null", "datetime"), False),
    ("display_name", "str", False),
    ("focus_role_id", ("null", "int"), False),
    ("organization_user_id", "int", False),
    ("track_role_id", ("null", "int"), False),
    ("updated_at", ("null", "datetime"), False),
    ("user_account_id", "int", False),
    ("user_group_id", "int", False),
    ("work_role_id", ("null", "int"), False),
)


def _fast_convert(_struct: Any) -> GroupUser:
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
        created_at = expect_datetime(created_at, "GroupUser.created_at")
    deleted_at = _struct.f1
    if deleted_at == _text:
        deleted_at = _moment
    elif deleted_at.__class__ is str and FAST_DATETIME_SHAPES.get(deleted_at[4::3]) == len(deleted_at):
        _text = deleted_at
        deleted_at = _moment = fast_fromisoformat(deleted_at)
    elif deleted_at == "":
        deleted_at = None
    elif deleted_at is not None and deleted_at is not UNSET:
        deleted_at = expect_datetime(deleted_at, "GroupUser.deleted_at")
    display_name = _struct.f2
    focus_role_id = _struct.f3
    organization_user_id = _struct.f4
    track_role_id = _struct.f5
    updated_at = _struct.f6
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "GroupUser.updated_at")
    user_account_id = _struct.f7
    user_group_id = _struct.f8
    work_role_id = _struct.f9
    group_user = GroupUser(
        created_at,
        deleted_at,
        display_name,
        focus_role_id,
        organization_user_id,
        track_role_id,
        updated_at,
        user_account_id,
        user_group_id,
        work_role_id,
    )
    if _struct.fast_learned:
        group_user.additional_properties = fast_extras(_struct)
    return group_user


from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
