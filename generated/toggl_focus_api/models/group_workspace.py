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
    expect_items,
    expect_str,
    tolerant_datetime,
)

T = TypeVar("T", bound="GroupWorkspace")


@_attrs_define
class GroupWorkspace:
    """A workspace a group belongs to.

    Example:
        {'created_at': '2026-01-12T08:00:00Z', 'deleted_at': None, 'focus_role_id': None, 'name': 'Studio', 'products':
            ['focus'], 'updated_at': '2026-01-12T08:00:00Z', 'workspace_group_id': 61001, 'workspace_id': 7001}

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
        focus_role_id (int | None | Unset): Typed by Toggl's published spec. **decision**: it means what the other
            `focus_role_id`s mean (a `role_id`, null when none).
        name (str | Unset):
        products (list[str] | None | Unset): Typed by Toggl's published spec. **decision**: its items are what
            `toggl_products` holds (product codes such as `focus`, `track`).
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
        workspace_group_id (int | Unset):
        workspace_id (int | Unset):
    """

    created_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    focus_role_id: int | None | Unset = UNSET
    name: str | Unset = UNSET
    products: list[str] | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    workspace_group_id: int | Unset = UNSET
    workspace_id: int | Unset = UNSET
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

        focus_role_id: int | None | Unset
        if isinstance(self.focus_role_id, Unset):
            focus_role_id = UNSET
        else:
            focus_role_id = self.focus_role_id

        name = self.name

        products: list[str] | None | Unset
        if isinstance(self.products, Unset):
            products = UNSET
        elif isinstance(self.products, list):
            products = self.products

        else:
            products = self.products

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        workspace_group_id = self.workspace_group_id

        workspace_id = self.workspace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if focus_role_id is not UNSET:
            field_dict["focus_role_id"] = focus_role_id
        if name is not UNSET:
            field_dict["name"] = name
        if products is not UNSET:
            field_dict["products"] = products
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if workspace_group_id is not UNSET:
            field_dict["workspace_group_id"] = workspace_group_id
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id

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
            raise TypeError(f"GroupWorkspace: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)
        if created_at == "":
            created_at = None
        elif created_at is not None and created_at is not UNSET:
            created_at = tolerant_datetime(created_at, "GroupWorkspace.created_at", d, "created_at", UNSET)

        deleted_at = d.pop("deleted_at", UNSET)
        if deleted_at == "":
            deleted_at = None
        elif deleted_at is not None and deleted_at is not UNSET:
            deleted_at = tolerant_datetime(deleted_at, "GroupWorkspace.deleted_at", d, "deleted_at", UNSET)

        focus_role_id = d.pop("focus_role_id", UNSET)
        if focus_role_id is not None and focus_role_id is not UNSET:
            focus_role_id = expect_int(focus_role_id, "GroupWorkspace.focus_role_id")

        name = d.pop("name", UNSET)
        if name is not UNSET:
            name = expect_str(name, "GroupWorkspace.name")

        def _parse_products(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError("GroupWorkspace.products: expected list[str] | None, got " + type(data).__name__)
            products_type_0 = expect_items(data, expect_str, "GroupWorkspace.products")

            return products_type_0

        products = _parse_products(d.pop("products", UNSET))

        updated_at = d.pop("updated_at", UNSET)
        if updated_at == "":
            updated_at = None
        elif updated_at is not None and updated_at is not UNSET:
            updated_at = tolerant_datetime(updated_at, "GroupWorkspace.updated_at", d, "updated_at", UNSET)

        workspace_group_id = d.pop("workspace_group_id", UNSET)
        if workspace_group_id is not UNSET:
            workspace_group_id = expect_int(workspace_group_id, "GroupWorkspace.workspace_group_id")

        workspace_id = d.pop("workspace_id", UNSET)
        if workspace_id is not UNSET:
            workspace_id = expect_int(workspace_id, "GroupWorkspace.workspace_id")

        group_workspace = cls(
            created_at=created_at,
            deleted_at=deleted_at,
            focus_role_id=focus_role_id,
            name=name,
            products=products,
            updated_at=updated_at,
            workspace_group_id=workspace_group_id,
            workspace_id=workspace_id,
        )

        group_workspace.additional_properties = d
        return group_workspace

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
    ("focus_role_id", ("null", "int"), False),
    ("name", "str", False),
    ("products", ("null", ("list", "str")), False),
    ("updated_at", ("null", "datetime"), False),
    ("workspace_group_id", "int", False),
    ("workspace_id", "int", False),
)


def _fast_convert(_struct: Any) -> GroupWorkspace:
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
        created_at = expect_datetime(created_at, "GroupWorkspace.created_at")
    deleted_at = _struct.f1
    if deleted_at == _text:
        deleted_at = _moment
    elif deleted_at.__class__ is str and FAST_DATETIME_SHAPES.get(deleted_at[4::3]) == len(deleted_at):
        _text = deleted_at
        deleted_at = _moment = fast_fromisoformat(deleted_at)
    elif deleted_at == "":
        deleted_at = None
    elif deleted_at is not None and deleted_at is not UNSET:
        deleted_at = expect_datetime(deleted_at, "GroupWorkspace.deleted_at")
    focus_role_id = _struct.f2
    name = _struct.f3
    products = _struct.f4
    updated_at = _struct.f5
    if updated_at == _text:
        updated_at = _moment
    elif updated_at.__class__ is str and FAST_DATETIME_SHAPES.get(updated_at[4::3]) == len(updated_at):
        _text = updated_at
        updated_at = _moment = fast_fromisoformat(updated_at)
    elif updated_at == "":
        updated_at = None
    elif updated_at is not None and updated_at is not UNSET:
        updated_at = expect_datetime(updated_at, "GroupWorkspace.updated_at")
    workspace_group_id = _struct.f6
    workspace_id = _struct.f7
    group_workspace = GroupWorkspace(
        created_at,
        deleted_at,
        focus_role_id,
        name,
        products,
        updated_at,
        workspace_group_id,
        workspace_id,
    )
    if _struct.fast_learned:
        group_workspace.additional_properties = fast_extras(_struct)
    return group_workspace


from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
