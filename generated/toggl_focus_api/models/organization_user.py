from __future__ import annotations

import datetime
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
)

T = TypeVar("T", bound="OrganizationUser")


@_attrs_define
class OrganizationUser:
    """A member of the organization. `id` is the organization-user id (what
    `embody_ghost` calls `recipient_org_user_id`); `user_account_id` is the account id
    (`recipient_user_account_id`); `user_id` is a string. Invited people who have not
    joined yet have `invite_sent: true` and `joined: false`.

        Example:
            {'2fa_enabled': False, 'account_locked_at': None, 'active': True, 'admin': False, 'can_edit_personal_details':
                True, 'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'email': 'ada@example.com', 'groups': [{'emoji':
                '🎨', 'id': 41, 'name': 'Design', 'workspace_ids': [7001]}], 'id': 5120, 'invite_sent': True, 'joined': True,
                'name': 'Ada Lovelace', 'organization_id': 9001, 'owner': False, 'permissions': {'manage_ghosts': True}, 'tags':
                [], 'updated_at': '2026-01-12T08:00:00Z', 'user_account_id': 880231, 'user_id': '880231', 'workspaces': [{'id':
                7001, 'name': 'Studio', 'focus_role_id': 3, 'toggl_products': ['focus'], 'workspace_user_id': 33012}]}

        Attributes:
            email (str):
            id (int):
            field_2fa_enabled (bool | Unset):
            account_locked_at (datetime.datetime | None | Unset):
            active (bool | Unset):
            admin (bool | Unset):
            can_edit_personal_details (bool | Unset):
            created_at (datetime.datetime | Unset):
            deleted_at (datetime.datetime | None | Unset):
            groups (list[OrganizationUserGroup] | Unset):
            invite_sent (bool | Unset):
            joined (bool | Unset):
            name (str | Unset):
            organization_id (int | Unset):
            owner (bool | Unset):
            permissions (UserPermissions | Unset): The user's permissions, keyed by permission name (the page gives no
                fields). Example: {'manage_ghosts': True}.
            rate (UserRate | Unset): The user's rate (only with `include_rates=true`). Example: {'currency': 'EUR',
                'end_at': None, 'hourly_rate': 65.5, 'start_at': '2026-01-01T00:00:00Z', 'workspace_id': 7001,
                'workspace_rate_id': 310, 'workspace_user_rate_id': 4410}.
            tags (list[UserTag] | Unset):
            updated_at (datetime.datetime | Unset):
            user_account_id (int | Unset):
            user_id (str | Unset):
            working_hours (float | None | Unset): Weekly working hours (only with `include_working_hours=true`).
            workspaces (list[OrganizationUserWorkspace] | Unset):
    """

    email: str
    id: int
    field_2fa_enabled: bool | Unset = UNSET
    account_locked_at: datetime.datetime | None | Unset = UNSET
    active: bool | Unset = UNSET
    admin: bool | Unset = UNSET
    can_edit_personal_details: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    groups: list[OrganizationUserGroup] | Unset = UNSET
    invite_sent: bool | Unset = UNSET
    joined: bool | Unset = UNSET
    name: str | Unset = UNSET
    organization_id: int | Unset = UNSET
    owner: bool | Unset = UNSET
    permissions: UserPermissions | Unset = UNSET
    rate: UserRate | Unset = UNSET
    tags: list[UserTag] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    user_account_id: int | Unset = UNSET
    user_id: str | Unset = UNSET
    working_hours: float | None | Unset = UNSET
    workspaces: list[OrganizationUserWorkspace] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

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

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        invite_sent = self.invite_sent

        joined = self.joined

        name = self.name

        organization_id = self.organization_id

        owner = self.owner

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        rate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate, Unset):
            rate = self.rate.to_dict()

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        user_account_id = self.user_account_id

        user_id = self.user_id

        working_hours: float | None | Unset
        if isinstance(self.working_hours, Unset):
            working_hours = UNSET
        else:
            working_hours = self.working_hours

        workspaces: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.workspaces, Unset):
            workspaces = []
            for workspaces_item_data in self.workspaces:
                workspaces_item = workspaces_item_data.to_dict()
                workspaces.append(workspaces_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
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
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = expect_str(d.pop("email"), "OrganizationUser.email")

        id = expect_int(d.pop("id"), "OrganizationUser.id")

        field_2fa_enabled = d.pop("2fa_enabled", UNSET)
        if field_2fa_enabled is not UNSET:
            field_2fa_enabled = expect_bool(field_2fa_enabled, "OrganizationUser.2fa_enabled")

        account_locked_at = d.pop("account_locked_at", UNSET)
        if account_locked_at == "":
            account_locked_at = None
        elif account_locked_at is not None and account_locked_at is not UNSET:
            account_locked_at = expect_datetime(account_locked_at, "OrganizationUser.account_locked_at")

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
        if created_at is None or created_at == "":
            created_at = UNSET
        elif created_at is not UNSET:
            created_at = expect_datetime(created_at, "OrganizationUser.created_at")

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = expect_datetime(deleted_at, "OrganizationUser.deleted_at")

        _groups = d.pop("groups", UNSET)
        groups: list[OrganizationUserGroup] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in expect_list(_groups, "OrganizationUser.groups"):
                groups_item = OrganizationUserGroup.from_dict(groups_item_data)

                groups.append(groups_item)

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

        _permissions = d.pop("permissions", UNSET)
        permissions: UserPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = UserPermissions.from_dict(_permissions)

        _rate = d.pop("rate", UNSET)
        rate: UserRate | Unset
        if isinstance(_rate, Unset):
            rate = UNSET
        else:
            rate = UserRate.from_dict(_rate)

        _tags = d.pop("tags", UNSET)
        tags: list[UserTag] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in expect_list(_tags, "OrganizationUser.tags"):
                tags_item = UserTag.from_dict(tags_item_data)

                tags.append(tags_item)

        updated_at = d.pop("updated_at", UNSET)
        if updated_at is None or updated_at == "":
            updated_at = UNSET
        elif updated_at is not UNSET:
            updated_at = expect_datetime(updated_at, "OrganizationUser.updated_at")

        user_account_id = d.pop("user_account_id", UNSET)
        if user_account_id is not UNSET:
            user_account_id = expect_int(user_account_id, "OrganizationUser.user_account_id")

        user_id = d.pop("user_id", UNSET)
        if user_id is not UNSET:
            user_id = expect_str(user_id, "OrganizationUser.user_id")

        working_hours = d.pop("working_hours", UNSET)
        if working_hours is not None and working_hours is not UNSET:
            working_hours = expect_number(working_hours, "OrganizationUser.working_hours")

        _workspaces = d.pop("workspaces", UNSET)
        workspaces: list[OrganizationUserWorkspace] | Unset = UNSET
        if _workspaces is not UNSET:
            workspaces = []
            for workspaces_item_data in expect_list(_workspaces, "OrganizationUser.workspaces"):
                workspaces_item = OrganizationUserWorkspace.from_dict(workspaces_item_data)

                workspaces.append(workspaces_item)

        organization_user = cls(
            email=email,
            id=id,
            field_2fa_enabled=field_2fa_enabled,
            account_locked_at=account_locked_at,
            active=active,
            admin=admin,
            can_edit_personal_details=can_edit_personal_details,
            created_at=created_at,
            deleted_at=deleted_at,
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


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.organization_user_group import OrganizationUserGroup
from ..models.organization_user_workspace import OrganizationUserWorkspace
from ..models.user_permissions import UserPermissions
from ..models.user_rate import UserRate
from ..models.user_tag import UserTag
