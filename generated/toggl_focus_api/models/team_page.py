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
    expect_list,
)

T = TypeVar("T", bound="TeamPage")


@_attrs_define
class TeamPage:
    """One page of teams. **decision**: `rows` is the page size used and `total` counts
    all matching teams, not only this page. `data` is what makes the body a page, so
    it is required; it may be `null` (an empty page).

        Example:
            {'data': [{'id': 41, 'name': 'Design', 'emoji': '🎨', 'organization_id': 9001, 'ghosts': [], 'users': [],
                'workspaces': []}], 'page': 1, 'rows': 100, 'total': 1}

        Attributes:
            data (list[Team] | None):
            page (int | Unset):
            rows (int | Unset):
            total (int | Unset):
    """

    data: list[Team] | None
    page: int | Unset = UNSET
    rows: int | Unset = UNSET
    total: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: list[dict[str, Any]] | None
        if isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)

        else:
            data = self.data

        page = self.page

        rows = self.rows

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if page is not UNSET:
            field_dict["page"] = page
        if rows is not UNSET:
            field_dict["rows"] = rows
        if total is not UNSET:
            field_dict["total"] = total

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
            raise TypeError(f"TeamPage: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_data(data: object) -> list[Team] | None:
            if data is None:
                return data
            if not isinstance(data, list):
                raise TypeError("TeamPage.data: expected list[Team] | None, got " + type(data).__name__)
            data_type_0 = []
            _data_type_0 = data
            for data_type_0_item_data in expect_list(_data_type_0, "TeamPage.data"):
                data_type_0_item = Team.from_dict(data_type_0_item_data)

                data_type_0.append(data_type_0_item)

            return data_type_0

        data = _parse_data(d.pop("data"))

        page = d.pop("page", UNSET)
        if page is not UNSET:
            page = expect_int(page, "TeamPage.page")

        rows = d.pop("rows", UNSET)
        if rows is not UNSET:
            rows = expect_int(rows, "TeamPage.rows")

        total = d.pop("total", UNSET)
        if total is not UNSET:
            total = expect_int(total, "TeamPage.total")

        team_page = cls(
            data=data,
            page=page,
            rows=rows,
            total=total,
        )

        team_page.additional_properties = d
        return team_page

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
    ("data", ("null", ("list", ("model", "team"))), True),
    ("page", "int", False),
    ("rows", "int", False),
    ("total", "int", False),
)


def _fast_convert(_struct: Any) -> TeamPage:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    data = _struct.f0
    if data:
        data = list(map(_fast_convert_team, data))
    page = _struct.f1
    rows = _struct.f2
    total = _struct.f3
    team_page = TeamPage(
        data,
        page,
        rows,
        total,
    )
    if _struct.fast_learned:
        team_page.additional_properties = fast_extras(_struct)
    return team_page


# toggl-focus template: the models this one refers to, imported once and last, so that
# models referring to each other import in any order (upstream imports them on every call).
from ..models.team import Team
from ..models.team import _fast_convert as _fast_convert_team  # noqa: E402
from ..types import (  # noqa: E402
    fast_extras,
)
