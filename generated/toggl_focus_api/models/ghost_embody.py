from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    expect_int,
)

T = TypeVar("T", bound="GhostEmbody")


@_attrs_define
class GhostEmbody:
    """Who embodies the ghost, with which role.

    Example:
        {'recipient_org_user_id': 5120, 'recipient_user_account_id': 880231, 'role_id': 3}

    Attributes:
        recipient_org_user_id (int): should come directly from accounts invite response recipient_org_user_id field.
        recipient_user_account_id (int): should come directly from accounts invite response recipient_user_account_id
            field.
        role_id (int): A `role_id` from `list_roles`.
    """

    recipient_org_user_id: int
    recipient_user_account_id: int
    role_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recipient_org_user_id = self.recipient_org_user_id

        recipient_user_account_id = self.recipient_user_account_id

        role_id = self.role_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient_org_user_id": recipient_org_user_id,
                "recipient_user_account_id": recipient_user_account_id,
                "role_id": role_id,
            }
        )

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
            raise TypeError(f"GhostEmbody: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipient_org_user_id = expect_int(d.pop("recipient_org_user_id"), "GhostEmbody.recipient_org_user_id")

        recipient_user_account_id = expect_int(
            d.pop("recipient_user_account_id"), "GhostEmbody.recipient_user_account_id"
        )

        role_id = expect_int(d.pop("role_id"), "GhostEmbody.role_id")

        ghost_embody = cls(
            recipient_org_user_id=recipient_org_user_id,
            recipient_user_account_id=recipient_user_account_id,
            role_id=role_id,
        )

        ghost_embody.additional_properties = d
        return ghost_embody

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
    ("recipient_org_user_id", "int", True),
    ("recipient_user_account_id", "int", True),
    ("role_id", "int", True),
)


def _fast_convert(_struct: Any) -> GhostEmbody:
    """The model from its decoded Struct, as from_dict makes it from the same JSON."""
    recipient_org_user_id = _struct.f0
    recipient_user_account_id = _struct.f1
    role_id = _struct.f2
    ghost_embody = GhostEmbody(
        recipient_org_user_id,
        recipient_user_account_id,
        role_id,
    )
    if _struct.fast_learned:
        ghost_embody.additional_properties = fast_extras(_struct)
    return ghost_embody


from ..types import (  # noqa: E402
    fast_extras,
)
