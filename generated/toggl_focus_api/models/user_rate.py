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

T = TypeVar("T", bound="UserRate")


@_attrs_define
class UserRate:
    """The user's rate (only with `include_rates=true`).

    Example:
        {'currency': 'EUR', 'end_at': None, 'hourly_rate': 65.5, 'start_at': '2026-01-01T00:00:00Z', 'workspace_id':
            7001, 'workspace_rate_id': 310, 'workspace_user_rate_id': 4410}

    Attributes:
        currency (str | Unset):
        end_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned in
            the user's
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
        hourly_rate (float | Unset):
        start_at (datetime.datetime | None | Unset): A moment in time: an RFC 3339 date-time (stored in UTC, returned in
            the user's
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
        workspace_id (int | Unset):
        workspace_rate_id (int | Unset):
        workspace_user_rate_id (int | Unset):
    """

    currency: str | Unset = UNSET
    end_at: datetime.datetime | None | Unset = UNSET
    hourly_rate: float | Unset = UNSET
    start_at: datetime.datetime | None | Unset = UNSET
    workspace_id: int | Unset = UNSET
    workspace_rate_id: int | Unset = UNSET
    workspace_user_rate_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        end_at: None | str | Unset
        if isinstance(self.end_at, Unset):
            end_at = UNSET
        elif isinstance(self.end_at, datetime.datetime):
            end_at = self.end_at.isoformat()
        else:
            end_at = self.end_at

        hourly_rate = self.hourly_rate

        start_at: None | str | Unset
        if isinstance(self.start_at, Unset):
            start_at = UNSET
        elif isinstance(self.start_at, datetime.datetime):
            start_at = self.start_at.isoformat()
        else:
            start_at = self.start_at

        workspace_id = self.workspace_id

        workspace_rate_id = self.workspace_rate_id

        workspace_user_rate_id = self.workspace_user_rate_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if end_at is not UNSET:
            field_dict["end_at"] = end_at
        if hourly_rate is not UNSET:
            field_dict["hourly_rate"] = hourly_rate
        if start_at is not UNSET:
            field_dict["start_at"] = start_at
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if workspace_rate_id is not UNSET:
            field_dict["workspace_rate_id"] = workspace_rate_id
        if workspace_user_rate_id is not UNSET:
            field_dict["workspace_user_rate_id"] = workspace_user_rate_id

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
            raise TypeError(f"UserRate: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency", UNSET)
        if currency is not UNSET:
            currency = expect_str(currency, "UserRate.currency")

        end_at = d.pop("end_at", UNSET)
        if end_at == "":
            end_at = None
        elif end_at is not None and end_at is not UNSET:
            end_at = tolerant_datetime(end_at, "UserRate.end_at", d, "end_at", UNSET)

        hourly_rate = d.pop("hourly_rate", UNSET)
        if hourly_rate is not UNSET:
            hourly_rate = expect_number(hourly_rate, "UserRate.hourly_rate")

        start_at = d.pop("start_at", UNSET)
        if start_at == "":
            start_at = None
        elif start_at is not None and start_at is not UNSET:
            start_at = tolerant_datetime(start_at, "UserRate.start_at", d, "start_at", UNSET)

        workspace_id = d.pop("workspace_id", UNSET)
        if workspace_id is not UNSET:
            workspace_id = expect_int(workspace_id, "UserRate.workspace_id")

        workspace_rate_id = d.pop("workspace_rate_id", UNSET)
        if workspace_rate_id is not UNSET:
            workspace_rate_id = expect_int(workspace_rate_id, "UserRate.workspace_rate_id")

        workspace_user_rate_id = d.pop("workspace_user_rate_id", UNSET)
        if workspace_user_rate_id is not UNSET:
            workspace_user_rate_id = expect_int(workspace_user_rate_id, "UserRate.workspace_user_rate_id")

        user_rate = cls(
            currency=currency,
            end_at=end_at,
            hourly_rate=hourly_rate,
            start_at=start_at,
            workspace_id=workspace_id,
            workspace_rate_id=workspace_rate_id,
            workspace_user_rate_id=workspace_user_rate_id,
        )

        user_rate.additional_properties = d
        return user_rate

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
    ("currency", "str", False),
    ("end_at", ("null", "datetime"), False),
    ("hourly_rate", "number", False),
    ("start_at", ("null", "datetime"), False),
    ("workspace_id", "int", False),
    ("workspace_rate_id", "int", False),
    ("workspace_user_rate_id", "int", False),
)


def _fast_convert(_struct: Any) -> UserRate:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    _text: Any = None  # the last date-time text parsed below, and its datetime
    _moment: Any = None
    currency = _struct.f0
    end_at = _struct.f1
    if end_at.__class__ is str and FAST_DATETIME_SHAPES.get(end_at[4::3]) == len(end_at):
        _text = end_at
        end_at = _moment = fast_fromisoformat(end_at)
    elif end_at == "":
        end_at = None
    elif end_at is not None and end_at is not UNSET:
        end_at = expect_datetime(end_at, "UserRate.end_at")
    hourly_rate = _struct.f2
    start_at = _struct.f3
    if start_at == _text:
        start_at = _moment
    elif start_at.__class__ is str and FAST_DATETIME_SHAPES.get(start_at[4::3]) == len(start_at):
        _text = start_at
        start_at = _moment = fast_fromisoformat(start_at)
    elif start_at == "":
        start_at = None
    elif start_at is not None and start_at is not UNSET:
        start_at = expect_datetime(start_at, "UserRate.start_at")
    workspace_id = _struct.f4
    workspace_rate_id = _struct.f5
    workspace_user_rate_id = _struct.f6
    user_rate = UserRate(
        currency,
        end_at,
        hourly_rate,
        start_at,
        workspace_id,
        workspace_rate_id,
        workspace_user_rate_id,
    )
    if _struct.fast_learned:
        user_rate.additional_properties = fast_extras(_struct)
    return user_rate


from ..types import (  # noqa: E402
    FAST_DATETIME_SHAPES,
    fast_extras,
    fast_fromisoformat,
)
