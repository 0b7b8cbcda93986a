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
    expect_items,
    expect_list,
    expect_str,
)

T = TypeVar("T", bound="OrganizationUserWorkspace")


@_attrs_define
class OrganizationUserWorkspace:
    """A workspace an organization user belongs to, with their roles there.

    Example:
        {'focus_role_id': 3, 'groups': [{'emoji': '🎨', 'id': 41, 'name': 'Design'}], 'id': 7001, 'name': 'Studio',
            'toggl_products': ['focus'], 'track_role_id': None, 'work_role_id': None, 'workspace_user_id': 33012}

    Attributes:
        focus_role_id (int | None | Unset):
        groups (list[GroupSummary] | None | Unset):
        id (int | Unset):
        name (str | Unset):
        toggl_products (list[str] | None | Unset):
        track_role_id (int | None | Unset):
        work_role_id (int | None | Unset):
        workspace_user_id (int | Unset):
    """

    focus_role_id: int | None | Unset = UNSET
    groups: list[GroupSummary] | None | Unset = UNSET
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    toggl_products: list[str] | None | Unset = UNSET
    track_role_id: int | None | Unset = UNSET
    work_role_id: int | None | Unset = UNSET
    workspace_user_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        focus_role_id: int | None | Unset
        if isinstance(self.focus_role_id, Unset):
            focus_role_id = UNSET
        else:
            focus_role_id = self.focus_role_id

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

        id = self.id

        name = self.name

        toggl_products: list[str] | None | Unset
        if isinstance(self.toggl_products, Unset):
            toggl_products = UNSET
        elif isinstance(self.toggl_products, list):
            toggl_products = self.toggl_products

        else:
            toggl_products = self.toggl_products

        track_role_id: int | None | Unset
        if isinstance(self.track_role_id, Unset):
            track_role_id = UNSET
        else:
            track_role_id = self.track_role_id

        work_role_id: int | None | Unset
        if isinstance(self.work_role_id, Unset):
            work_role_id = UNSET
        else:
            work_role_id = self.work_role_id

        workspace_user_id = self.workspace_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if focus_role_id is not UNSET:
            field_dict["focus_role_id"] = focus_role_id
        if groups is not UNSET:
            field_dict["groups"] = groups
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if toggl_products is not UNSET:
            field_dict["toggl_products"] = toggl_products
        if track_role_id is not UNSET:
            field_dict["track_role_id"] = track_role_id
        if work_role_id is not UNSET:
            field_dict["work_role_id"] = work_role_id
        if workspace_user_id is not UNSET:
            field_dict["workspace_user_id"] = workspace_user_id

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
            raise TypeError(f"OrganizationUserWorkspace: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        focus_role_id = d.pop("focus_role_id", UNSET)
        if focus_role_id is not None and focus_role_id is not UNSET:
            focus_role_id = expect_int(focus_role_id, "OrganizationUserWorkspace.focus_role_id")

        def _parse_groups(data: object) -> list[GroupSummary] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUserWorkspace.groups: expected list[GroupSummary] | None, got " + type(data).__name__
                )
            groups_type_0 = []
            _groups_type_0 = data
            for groups_type_0_item_data in expect_list(_groups_type_0, "OrganizationUserWorkspace.groups"):
                groups_type_0_item = GroupSummary.from_dict(groups_type_0_item_data)

                groups_type_0.append(groups_type_0_item)

            return groups_type_0

        groups = _parse_groups(d.pop("groups", UNSET))

        id = d.pop("id", UNSET)
        if id is not UNSET:
            id = expect_int(id, "OrganizationUserWorkspace.id")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "OrganizationUserWorkspace.name")

        def _parse_toggl_products(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError(
                    "OrganizationUserWorkspace.toggl_products: expected list[str] | None, got " + type(data).__name__
                )
            toggl_products_type_0 = expect_items(data, expect_str, "OrganizationUserWorkspace.toggl_products")

            return toggl_products_type_0

        toggl_products = _parse_toggl_products(d.pop("toggl_products", UNSET))

        track_role_id = d.pop("track_role_id", UNSET)
        if track_role_id is not None and track_role_id is not UNSET:
            track_role_id = expect_int(track_role_id, "OrganizationUserWorkspace.track_role_id")

        work_role_id = d.pop("work_role_id", UNSET)
        if work_role_id is not None and work_role_id is not UNSET:
            work_role_id = expect_int(work_role_id, "OrganizationUserWorkspace.work_role_id")

        workspace_user_id = d.pop("workspace_user_id", UNSET)
        if workspace_user_id is not UNSET:
            workspace_user_id = expect_int(workspace_user_id, "OrganizationUserWorkspace.workspace_user_id")

        organization_user_workspace = cls(
            focus_role_id=focus_role_id,
            groups=groups,
            id=id,
            name=name,
            toggl_products=toggl_products,
            track_role_id=track_role_id,
            work_role_id=work_role_id,
            workspace_user_id=workspace_user_id,
        )

        organization_user_workspace.additional_properties = d
        return organization_user_workspace

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
    ("focus_role_id", ("null", "int"), False),
    ("groups", ("null", ("list", ("model", "group_summary"))), False),
    ("id", "int", False),
    ("name", "str", False),
    ("toggl_products", ("null", ("list", "str")), False),
    ("track_role_id", ("null", "int"), False),
    ("work_role_id", ("null", "int"), False),
    ("workspace_user_id", "int", False),
)


def _fast_convert(_struct: Any) -> OrganizationUserWorkspace:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    focus_role_id = _struct.f0
    groups = _struct.f1
    if groups:
        groups = list(map(_fast_convert_group_summary, groups))
    id = _struct.f2
    name = _struct.f3
    toggl_products = _struct.f4
    track_role_id = _struct.f5
    work_role_id = _struct.f6
    workspace_user_id = _struct.f7
    organization_user_workspace = OrganizationUserWorkspace(
        focus_role_id,
        groups,
        id,
        name,
        toggl_products,
        track_role_id,
        work_role_id,
        workspace_user_id,
    )
    if _struct.fast_learned:
        organization_user_workspace.additional_properties = fast_extras(_struct)
    return organization_user_workspace


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.group_summary import GroupSummary
from ..models.group_summary import _fast_convert as _fast_convert_group_summary  # noqa: E402
from ..types import (  # noqa: E402
    fast_extras,
)
