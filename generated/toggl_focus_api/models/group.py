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
    expect_list,
    expect_str,
    tolerant_datetime,
)

T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    """An organization group with its members and workspaces; the lists may be `null`.

    Example:
        {'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'emoji': '🎨', 'id': 41, 'name': 'Design',
            'organization_id': 9001, 'updated_at': '2026-01-12T08:00:00Z', 'users': [{'display_name': 'Ada Lovelace',
            'organization_user_id': 5120, 'user_account_id': 880231, 'user_group_id': 91001}], 'workspaces': [{'name':
            'Studio', 'workspace_id': 7001, 'workspace_group_id': 61001}]}

    Attributes:
        id (int):
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
        emoji (str | Unset):
        name (str | Unset):
        organization_id (int | Unset):
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
        users (list[GroupUser] | None | Unset):
        workspaces (list[GroupWorkspace] | None | Unset):
    """

    id: int
    created_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    emoji: str | Unset = UNSET
    name: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    users: list[GroupUser] | None | Unset = UNSET
    workspaces: list[GroupWorkspace] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

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

        emoji = self.emoji

        name = self.name

        organization_id = self.organization_id

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        users: list[dict[str, Any]] | None | Unset
        if isinstance(self.users, Unset):
            users = UNSET
        elif isinstance(self.users, list):
            users = []
            for users_type_0_item_data in self.users:
                users_type_0_item = users_type_0_item_data.to_dict()
                users.append(users_type_0_item)

        else:
            users = self.users

        workspaces: list[dict[str, Any]] | None | Unset
        if isinstance(self.workspaces, Unset):
            workspaces = UNSET
        elif isinstance(self.workspaces, list):
            workspaces = []
            for workspaces_type_0_item_data in self.workspaces:
                workspaces_type_0_item = workspaces_type_0_item_data.to_dict()
                workspaces.append(workspaces_type_0_item)

        else:
            workspaces = self.workspaces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if emoji is not UNSET:
            field_dict["emoji"] = emoji
        if name is not UNSET:
            field_dict["name"] = name
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if users is not UNSET:
            field_dict["users"] = users
        if workspaces is not UNSET:
            field_dict["workspaces"] = workspaces

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
            raise TypeError(f"Group: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "Group.id")

        created_at = d.pop("created_at", UNSET)
        if created_at == "":
            created_at = None
        elif created_at is not None and created_at is not UNSET:
            created_at = tolerant_datetime(created_at, "Group.created_at", d, "created_at", UNSET)

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = tolerant_datetime(deleted_at, "Group.deleted_at", d, "deleted_at", UNSET)

        emoji = d.pop("emoji", UNSET)
        if emoji is not UNSET:
            emoji = expect_str(emoji, "Group.emoji")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "Group.name")

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "Group.organization_id")

        updated_at = d.pop("updated_at", UNSET)
        if updated_at == "":
            updated_at = None
        elif updated_at is not None and updated_at is not UNSET:
            updated_at = tolerant_datetime(updated_at, "Group.updated_at", d, "updated_at", UNSET)

        def _parse_users(data: object) -> list[GroupUser] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("Group.users: expected list[GroupUser] | None, got " + type(data).__name__)
            users_type_0 = []
            _users_type_0 = data
            for users_type_0_item_data in expect_list(_users_type_0, "Group.users"):
                users_type_0_item = GroupUser.from_dict(users_type_0_item_data)

                users_type_0.append(users_type_0_item)

            return users_type_0

        users = _parse_users(d.pop("users", UNSET))

        def _parse_workspaces(data: object) -> list[GroupWorkspace] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("Group.workspaces: expected list[GroupWorkspace] | None, got " + type(data).__name__)
            workspaces_type_0 = []
            _workspaces_type_0 = data
            for workspaces_type_0_item_data in expect_list(_workspaces_type_0, "Group.workspaces"):
                workspaces_type_0_item = GroupWorkspace.from_dict(workspaces_type_0_item_data)

                workspaces_type_0.append(workspaces_type_0_item)

            return workspaces_type_0

        workspaces = _parse_workspaces(d.pop("workspaces", UNSET))

        group = cls(
            id=id,
            created_at=created_at,
            deleted_at=deleted_at,
            emoji=emoji,
            name=name,
            organization_id=organization_id,
            updated_at=updated_at,
            users=users,
            workspaces=workspaces,
        )

        group.additional_properties = d
        return group

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
    ("created_at", ("null", "datetime"), False),
    ("deleted_at", ("null", "datetime"), False),
    ("emoji", "str", False),
    ("name", "str", False),
    ("organization_id", "int", False),
    ("updated_at", ("null", "datetime"), False),
    ("users", ("null", ("list", ("model", "group_user"))), False),
    ("workspaces", ("null", ("list", ("model", "group_workspace"))), False),
)


def _fast_convert(_struct: Any) -> Group:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    _text: Any = None  # the last date-time text parsed below, and its datetime
    _moment: Any = None
    id = _struct.f0
    created_at = _struct.f1
    if created_at.__class__ is str and FAST_DATETIME_SHAPES.get(created_at[4::3]) == len(created_at):
        _text = created_at
        created_at = _moment = fast_fromisoformat(created_at)
    elif created_at == "":
        created_at = None
    elif created_at is not None and created_at is not UNSET:
        created_at = expect_datetime(created_at, "Group.created_at")
    deleted_at = _struct.f2
    if deleted_at == _text:
        deleted_at = _moment
    elif deleted_at.__class__ is str and FAST_DATETIME_SHAPES.get(deleted_at[4::3]) == len(deleted_at):
        _text = deleted_at
        deleted_at = _moment = fast_fromisoformat(deleted_at)
    elif deleted_at == "":
        deleted_at = None
    elif deleted_at is not None and deleted_at is not UNSET:
        deleted_at = expect_datetime(deleted_at, "Group.deleted_at")
    emoji = _struct.f3
    name = _struct.f4
    organization_id = _struct.f5
    updated_at = _struct.f6
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "Group.updated_at")
    users = _struct.f7
    if users:
        users = list(map(_fast_convert_group_user, users))
    workspaces = _struct.f8
    if workspaces:
        workspaces = list(map(_fast_convert_group_workspace, workspaces))
    group = Group(
        id,
        created_at,
        deleted_at,
        emoji,
        name,
        organization_id,
        updated_at,
        users,
        workspaces,
    )
    if _struct.fast_learned:
        group.additional_properties = fast_extras(_struct)
    return group


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.group_user import GroupUser
from ..models.group_user import _fast_convert as _fast_convert_group_user  # noqa: E402
from ..models.group_workspace import GroupWorkspace
from ..models.group_workspace import _fast_convert as _fast_convert_group_workspace  # noqa: E402
from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
