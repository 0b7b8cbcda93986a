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
    expect_bool,
    expect_datetime,
    expect_int,
    expect_list,
    expect_number,
    expect_str,
    tolerant_datetime,
)

T = TypeVar("T", bound="OrganizationUser")


@_attrs_define
class OrganizationUser:
    """A member of the organization. `id` is the organization-user id (what
    `embody_ghost` calls `recipient_org_user_id`); `user_account_id` is the account id
    (`recipient_user_account_id`); `user_id` is a string. Invited people who have not
    joined yet have `invite_sent: true` and `joined: false`. Only `id` is guaranteed;
    the lists and objects may be `null`.

        Example:
            {'2fa_enabled': False, 'account_locked_at': None, 'active': True, 'admin': False, 'can_edit_personal_details':
                True, 'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'email': 'ada@example.com', 'groups': [{'emoji':
                '🎨', 'id': 41, 'name': 'Design', 'workspace_ids': [7001]}], 'id': 5120, 'invite_sent': True, 'joined': True,
                'name': 'Ada Lovelace', 'organization_id': 9001, 'owner': False, 'permissions': {'manage_ghosts': True}, 'tags':
                [], 'updated_at': '2026-01-12T08:00:00Z', 'user_account_id': 880231, 'user_id': '880231', 'workspaces': [{'id':
                7001, 'name': 'Studio', 'focus_role_id': 3, 'toggl_products': ['focus'], 'workspace_user_id': 33012}]}

        Attributes:
            id (int):
            field_2fa_enabled (bool | Unset):
            account_locked_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC,
                returned in the user's
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
            active (bool | Unset):
            admin (bool | Unset):
            can_edit_personal_details (bool | Unset):
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
            custom_field_values (list[CustomFieldValue] | None | Unset): The user's custom field values, in the shape of
                Toggl's published spec (only
                with `include_custom_fields=true` and exactly one workspace in `workspaces`).
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
            email (str | Unset):
            groups (list[OrganizationUserGroup] | None | Unset):
            invite_sent (bool | Unset):
            joined (bool | Unset):
            name (str | Unset):
            organization_id (int | Unset):
            owner (bool | Unset):
            permissions (None | Unset | UserPermissions):
            rate (None | Unset | UserRate):
            tags (list[UserTag] | None | Unset):
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
            user_id (str | Unset):
            working_hours (float | None | Unset): Weekly working hours (only with `include_working_hours=true`;
                **decision**: the
                sum of the user's working-hours entries, null when there are none).
            workspaces (list[OrganizationUserWorkspace] | None | Unset):
    """

    id: int
    field_2fa_enabled: bool | Unset = UNSET
    account_locked_at: datetime.datetime | None | Unset = UNSET
    active: bool | Unset = UNSET
    admin: bool | Unset = UNSET
    can_edit_personal_details: bool | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    custom_field_values: list[CustomFieldValue] | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    email: str | Unset = UNSET
    groups: list[OrganizationUserGroup] | None | Unset = UNSET
    invite_sent: bool | Unset = UNSET
    joined: bool | Unset = UNSET
    name: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    owner: bool | Unset = UNSET
    permissions: None | Unset | UserPermissions = UNSET
    rate: None | Unset | UserRate = UNSET
    tags: list[UserTag] | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    user_account_id: int | Unset = UNSET
    user_id: str | Unset = UNSET
    working_hours: float | None | Unset = UNSET
    workspaces: list[OrganizationUserWorkspace] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_2fa_enabled = self.field_2fa_enabled

        account_locked_at: None | str | Unset
        if isinstance(self.account_locked_at, Unset):
            account_locked_at = UNSET
        elif isinstance(self.account_locked_at, datetime.datetime):
            account_locked_at = self.account_locked_at.isoformat()
        else:
            account_locked_at = self.account_locked_at

        active = self.active

        admin = self.admin

        can_edit_personal_details = self.can_edit_personal_details

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        custom_field_values: list[dict[str, Any]] | None | Unset
        if isinstance(self.custom_field_values, Unset):
            custom_field_values = UNSET
        elif isinstance(self.custom_field_values, list):
            custom_field_values = []
            for custom_field_values_type_0_item_data in self.custom_field_values:
                custom_field_values_type_0_item = custom_field_values_type_0_item_data.to_dict()
                custom_field_values.append(custom_field_values_type_0_item)

        else:
            custom_field_values = self.custom_field_values

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        email = self.email

        groups: list[dict[str, Any]] | None | Unset
        if isinstance(self.groups, Unset):
            groups = UNSET
        elif isinstance(self.groups, list):
            groups = []
            for groups_type_0_item_data in self.groups:
                groups_type_0_item = groups_type_0_item_data.to_dict()
                groups.append(groups_type_0_item)

        else:
            groups = self.groups

        invite_sent = self.invite_sent

        joined = self.joined

        name = self.name

        organization_id = self.organization_id

        owner = self.owner

        permissions: dict[str, Any] | None | Unset
        if isinstance(self.permissions, Unset):
            permissions = UNSET
        elif isinstance(self.permissions, UserPermissions):
            permissions = self.permissions.to_dict()
        else:
            permissions = self.permissions

        rate: dict[str, Any] | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        elif isinstance(self.rate, UserRate):
            rate = self.rate.to_dict()
        else:
            rate = self.rate

        tags: list[dict[str, Any]] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.to_dict()
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        user_account_id = self.user_account_id

        user_id = self.user_id

        working_hours: float | None | Unset
        if isinstance(self.working_hours, Unset):
            working_hours = UNSET
        else:
            working_hours = self.working_hours

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
        if field_2fa_enabled is not UNSET:
            field_dict["2fa_enabled"] = field_2fa_enabled
        if account_locked_at is not UNSET:
            field_dict["account_locked_at"] = account_locked_at
        if active is not UNSET:
            field_dict["active"] = active
        if admin is not UNSET:
            field_dict["admin"] = admin
        if can_edit_personal_details is not UNSET:
            field_dict["can_edit_personal_details"] = can_edit_personal_details
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if custom_field_values is not UNSET:
            field_dict["custom_field_values"] = custom_field_values
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if email is not UNSET:
            field_dict["email"] = email
        if groups is not UNSET:
            field_dict["groups"] = groups
        if invite_sent is not UNSET:
            field_dict["invite_sent"] = invite_sent
        if joined is not UNSET:
            field_dict["joined"] = joined
        if name is not UNSET:
            field_dict["name"] = name
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if owner is not UNSET:
            field_dict["owner"] = owner
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if rate is not UNSET:
            field_dict["rate"] = rate
        if tags is not UNSET:
            field_dict["tags"] = tags
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_account_id is not UNSET:
            field_dict["user_account_id"] = user_account_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if working_hours is not UNSET:
            field_dict["working_hours"] = working_hours
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
            raise TypeError(f"OrganizationUser: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = expect_int(d.pop("id"), "OrganizationUser.id")

        field_2fa_enabled = d.pop("2fa_enabled", UNSET)
        if field_2fa_enabled is not UNSET:
            field_2fa_enabled = expect_bool(field_2fa_enabled, "OrganizationUser.2fa_enabled")

        account_locked_at = d.pop("account_locked_at", UNSET)
        if account_locked_at == "":
            account_locked_at = None
        elif account_locked_at is not None and account_locked_at is not UNSET:
            account_locked_at = tolerant_datetime(
                account_locked_at, "OrganizationUser.account_locked_at", d, "account_locked_at", UNSET
            )

        active = d.pop("active", UNSET)
        if active is not UNSET:
            active = expect_bool(active, "OrganizationUser.active")

        admin = d.pop("admin", UNSET)
        if admin is not UNSET:
            admin = expect_bool(admin, "OrganizationUser.admin")

        can_edit_personal_details = d.pop("can_edit_personal_details", UNSET)
        if can_edit_personal_details is not UNSET:
            can_edit_personal_details = expect_bool(
                can_edit_personal_details, "OrganizationUser.can_edit_personal_details"
            )

        created_at = d.pop("created_at", UNSET)
        if created_at == "":
            created_at = None
        elif created_at is not None and created_at is not UNSET:
            created_at = tolerant_datetime(created_at, "OrganizationUser.created_at", d, "created_at", UNSET)

        def _parse_custom_field_values(data: object) -> list[CustomFieldValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUser.custom_field_values: expected list[CustomFieldValue] | None, got "
                    + type(data).__name__
                )
            custom_field_values_type_0 = []
            _custom_field_values_type_0 = data
            for custom_field_values_type_0_item_data in expect_list(
                _custom_field_values_type_0, "OrganizationUser.custom_field_values"
            ):
                custom_field_values_type_0_item = CustomFieldValue.from_dict(custom_field_values_type_0_item_data)

                custom_field_values_type_0.append(custom_field_values_type_0_item)

            return custom_field_values_type_0

        custom_field_values = _parse_custom_field_values(d.pop("custom_field_values", UNSET))

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = tolerant_datetime(deleted_at, "OrganizationUser.deleted_at", d, "deleted_at", UNSET)

        email = d.pop("email", UNSET)
        if email is not UNSET:
            email = expect_str(email, "OrganizationUser.email")

        def _parse_groups(data: object) -> list[OrganizationUserGroup] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUser.groups: expected list[OrganizationUserGroup] | None, got " + type(data).__name__
                )
            groups_type_0 = []
            _groups_type_0 = data
            for groups_type_0_item_data in expect_list(_groups_type_0, "OrganizationUser.groups"):
                groups_type_0_item = OrganizationUserGroup.from_dict(groups_type_0_item_data)

                groups_type_0.append(groups_type_0_item)

            return groups_type_0

        groups = _parse_groups(d.pop("groups", UNSET))

        invite_sent = d.pop("invite_sent", UNSET)
        if invite_sent is not UNSET:
            invite_sent = expect_bool(invite_sent, "OrganizationUser.invite_sent")

        joined = d.pop("joined", UNSET)
        if joined is not UNSET:
            joined = expect_bool(joined, "OrganizationUser.joined")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "OrganizationUser.name")

        organization_id = d.pop("organization_id", UNSET)
        if organization_id is not UNSET:
            organization_id = expect_int(organization_id, "OrganizationUser.organization_id")

        owner = d.pop("owner", UNSET)
        if owner is not UNSET:
            owner = expect_bool(owner, "OrganizationUser.owner")

        def _parse_permissions(data: object) -> None | Unset | UserPermissions:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError(
                    "OrganizationUser.permissions: expected None | UserPermissions, got " + type(data).__name__
                )
            permissions_type_0 = UserPermissions.from_dict(data)

            return permissions_type_0

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        def _parse_rate(data: object) -> None | Unset | UserRate:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError("OrganizationUser.rate: expected None | UserRate, got " + type(data).__name__)
            rate_type_0 = UserRate.from_dict(data)

            return rate_type_0

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_tags(data: object) -> list[UserTag] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("OrganizationUser.tags: expected list[UserTag] | None, got " + type(data).__name__)
            tags_type_0 = []
            _tags_type_0 = data
            for tags_type_0_item_data in expect_list(_tags_type_0, "OrganizationUser.tags"):
                tags_type_0_item = UserTag.from_dict(tags_type_0_item_data)

                tags_type_0.append(tags_type_0_item)

            return tags_type_0

        tags = _parse_tags(d.pop("tags", UNSET))

        updated_at = d.pop("updated_at", UNSET)
        if updated_at == "":
            updated_at = None
        elif updated_at is not None and updated_at is not UNSET:
            updated_at = tolerant_datetime(updated_at, "OrganizationUser.updated_at", d, "updated_at", UNSET)

        user_account_id = d.pop("user_account_id", UNSET)
        if user_account_id is not UNSET:
            user_account_id = expect_int(user_account_id, "OrganizationUser.user_account_id")

        user_id = d.pop("user_id", UNSET)
        if user_id is not UNSET:
            user_id = expect_str(user_id, "OrganizationUser.user_id")

        working_hours = d.pop("working_hours", UNSET)
        if working_hours is not None and working_hours is not UNSET:
            working_hours = expect_number(working_hours, "OrganizationUser.working_hours")

        def _parse_workspaces(data: object) -> list[OrganizationUserWorkspace] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUser.workspaces: expected list[OrganizationUserWorkspace] | None, got "
                    + type(data).__name__
                )
            workspaces_type_0 = []
            _workspaces_type_0 = data
            for workspaces_type_0_item_data in expect_list(_workspaces_type_0, "OrganizationUser.workspaces"):
                workspaces_type_0_item = OrganizationUserWorkspace.from_dict(workspaces_type_0_item_data)

                workspaces_type_0.append(workspaces_type_0_item)

            return workspaces_type_0

        workspaces = _parse_workspaces(d.pop("workspaces", UNSET))

        organization_user = cls(
            id=id,
            field_2fa_enabled=field_2fa_enabled,
            account_locked_at=account_locked_at,
            active=active,
            admin=admin,
            can_edit_personal_details=can_edit_personal_details,
            created_at=created_at,
            custom_field_values=custom_field_values,
            deleted_at=deleted_at,
            email=email,
            groups=groups,
            invite_sent=invite_sent,
            joined=joined,
            name=name,
            organization_id=organization_id,
            owner=owner,
            permissions=permissions,
            rate=rate,
            tags=tags,
            updated_at=updated_at,
            user_account_id=user_account_id,
            user_id=user_id,
            working_hours=working_hours,
            workspaces=workspaces,
        )

        organization_user.additional_properties = d
        return organization_user

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
    ("2fa_enabled", "bool", False),
    ("account_locked_at", ("null", "datetime"), False),
    ("active", "bool", False),
    ("admin", "bool", False),
    ("can_edit_personal_details", "bool", False),
    ("created_at", ("null", "datetime"), False),
    ("custom_field_values", ("null", ("list", ("model", "custom_field_value"))), False),
    ("deleted_at", ("null", "datetime"), False),
    ("email", "str", False),
    ("groups", ("null", ("list", ("model", "organization_user_group"))), False),
    ("invite_sent", "bool", False),
    ("joined", "bool", False),
    ("name", "str", False),
    ("organization_id", "int", False),
    ("owner", "bool", False),
    ("permissions", ("null", ("model", "user_permissions")), False),
    ("rate", ("null", ("model", "user_rate")), False),
    ("tags", ("null", ("list", ("model", "user_tag"))), False),
    ("updated_at", ("null", "datetime"), False),
    ("user_account_id", "int", False),
    ("user_id", "str", False),
    ("working_hours", ("null", "number"), False),
    ("workspaces", ("null", ("list", ("model", "organization_user_workspace"))), False),
)


def _fast_convert(_struct: Any) -> OrganizationUser:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    _text: Any = None  # the last date-time text parsed below, and its datetime
    _moment: Any = None
    id = _struct.f0
    field_2fa_enabled = _struct.f1
    account_locked_at = _struct.f2
    if account_locked_at.__class__ is str and FAST_DATETIME_SHAPES.get(account_locked_at[4::3]) == len(
        account_locked_at
    ):
        _text = account_locked_at
        account_locked_at = _moment = fast_fromisoformat(account_locked_at)
    elif account_locked_at == "":
        account_locked_at = None
    elif account_locked_at is not None and account_locked_at is not UNSET:
        account_locked_at = expect_datetime(account_locked_at, "OrganizationUser.account_locked_at")
    active = _struct.f3
    admin = _struct.f4
    can_edit_personal_details = _struct.f5
    created_at = _struct.f6
    if created_at == _text:
        created_at = _moment
    elif created_at.__class__ is str and FAST_DATETIME_SHAPES.get(created_at[4::3]) == len(created_at):
        _text = created_at
        created_at = _moment = fast_fromisoformat(created_at)
    elif created_at == "":
        created_at = None
    elif created_at is not None and created_at is not UNSET:
        created_at = expect_datetime(created_at, "OrganizationUser.created_at")
    custom_field_values = _struct.f7
    if custom_field_values:
        custom_field_values = list(map(_fast_convert_custom_field_value, custom_field_values))
    deleted_at = _struct.f8
    if deleted_at == _text:
        deleted_at = _moment
    elif deleted_at.__class__ is str and FAST_DATETIME_SHAPES.get(deleted_at[4::3]) == len(deleted_at):
        _text = deleted_at
        deleted_at = _moment = fast_fromisoformat(deleted_at)
    elif deleted_at == "":
        deleted_at = None
    elif deleted_at is not None and deleted_at is not UNSET:
        deleted_at = expect_datetime(deleted_at, "OrganizationUser.deleted_at")
    email = _struct.f9
    groups = _struct.f10
    if groups:
        groups = list(map(_fast_convert_organization_user_group, groups))
    invite_sent = _struct.f11
    joined = _struct.f12
    name = _struct.f13
    organization_id = _struct.f14
    owner = _struct.f15
    permissions = _struct.f16
    if permissions is not None and permissions is not UNSET:
        permissions = _fast_convert_user_permissions(permissions)
    rate = _struct.f17
    if rate is not None and rate is not UNSET:
        rate = _fast_convert_user_rate(rate)
    tags = _struct.f18
    if tags:
        tags = list(map(_fast_convert_user_tag, tags))
    updated_at = _struct.f19
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "OrganizationUser.updated_at")
    user_account_id = _struct.f20
    user_id = _struct.f21
    working_hours = _struct.f22
    workspaces = _struct.f23
    if workspaces:
        workspaces = list(map(_fast_convert_organization_user_workspace, workspaces))
    organization_user = OrganizationUser(
        id,
        field_2fa_enabled,
        account_locked_at,
        active,
        admin,
        can_edit_personal_details,
        created_at,
        custom_field_values,
        deleted_at,
        email,
        groups,
        invite_sent,
        joined,
        name,
        organization_id,
        owner,
        permissions,
        rate,
        tags,
        updated_at,
        user_account_id,
        user_id,
        working_hours,
        workspaces,
    )
    if _struct.fast_learned:
        organization_user.additional_properties = fast_extras(_struct)
    return organization_user


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.custom_field_value import CustomFieldValue
from ..models.custom_field_value import _fast_convert as _fast_convert_custom_field_value  # noqa: E402
from ..models.organization_user_group import OrganizationUserGroup
from ..models.organization_user_group import _fast_convert as _fast_convert_organization_user_group  # noqa: E402
from ..models.organization_user_workspace import OrganizationUserWorkspace
from ..models.organization_user_workspace import _fast_convert as _fast_convert_organization_user_workspace  # noqa: E402
from ..models.user_permissions import UserPermissions
from ..models.user_permissions import _fast_convert as _fast_convert_user_permissions  # noqa: E402
from ..models.user_rate import UserRate
from ..models.user_rate import _fast_convert as _fast_convert_user_rate  # noqa: E402
from ..models.user_tag import UserTag
from ..models.user_tag import _fast_convert as _fast_convert_user_tag  # noqa: E402
from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
