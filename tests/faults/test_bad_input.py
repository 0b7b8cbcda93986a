"""Bodies that bend the spec, over real loopback HTTP: what is tolerated, what is refused.

The spec's tolerance rule (info.description) says timestamps may be null, "" or absent, all
meaning "not set", that arrays and objects may be null, and that unknown fields and enum
values must be tolerated. Wrong types are not checked by the generated models for scalars,
and a nullable (union) field that does not parse keeps the raw value; these tests pin down
exactly what a caller gets, so a change in that behaviour is a visible, deliberate decision.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from toggl_focus import Focus, FocusDecodeError
from toggl_focus.testing import FakeFocus, Fault
from toggl_focus_api.types import UNSET

GHOST = r"/ghosts/\d+$"
BASE = {"id": 1001, "name": "Designer (TBH)"}
WHEN = "2026-03-02T09:15:00Z"


def _answer(fake: FakeFocus, path: str, body: Any, method: str = "GET") -> None:
    """Answer the next matching request with exactly `body` (JSON) and status 200."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    fake.inject(Fault.body(200, raw), method=method, path=path)


# --- timestamps: null, "" and missing all read as "not set" ------------------------------

MISSING = object()


def _with(field: str, value: object) -> dict[str, Any]:
    body = dict(BASE)
    if value is not MISSING:
        body[field] = value
    return body


@pytest.mark.parametrize(
    ("value", "expected"), [(None, None), ("", None), (MISSING, UNSET)],
    ids=["null", "empty", "missing"],
)  # fmt: skip
@pytest.mark.parametrize("field", ["created_at", "updated_at", "deleted_at", "embodied_at"])
def test_timestamp_not_set(
    focus: Focus, fake: FakeFocus, field: str, value: object, expected: object
) -> None:
    _answer(fake, GHOST, _with(field, value))
    ghost = focus.ghosts.get(1001)
    assert getattr(ghost, field) is expected and not getattr(ghost, field)


@pytest.mark.parametrize("value", [None, "", MISSING], ids=["null", "empty", "missing"])
def test_timestamps_not_set_in_lists(focus: Focus, fake: FakeFocus, value: object) -> None:
    ghost = {**BASE, "created_at": value, "deleted_at": value, "embodied_at": value}
    user = {"id": 5101, "email": "a@example.com", "created_at": value,
            "account_locked_at": value, "deleted_at": value}  # fmt: skip
    if value is MISSING:
        ghost = dict(BASE)
        user = {"id": 5101, "email": "a@example.com"}
    _answer(fake, r"/ghosts$", {"data": [ghost], "page": 1, "rows": 100, "total": 1})
    _answer(fake, r"/users$", [user])
    [g] = list(focus.ghosts.list())
    [u] = list(focus.users.list())
    assert not g.created_at and not g.deleted_at and not g.embodied_at
    assert not u.created_at and not u.account_locked_at and not u.deleted_at


def test_set_timestamps_are_aware_datetimes(focus: Focus, fake: FakeFocus) -> None:
    _answer(fake, GHOST, {**BASE, "created_at": WHEN, "embodied_at": "2026-03-02T10:15:00+01:00"})
    ghost = focus.ghosts.get(1001)
    assert ghost.created_at == datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    assert ghost.embodied_at == ghost.created_at  # same instant, other offset


# --- unknown fields and enum values -------------------------------------------------------


def test_unknown_fields_are_kept_at_every_level(focus: Focus, fake: FakeFocus) -> None:
    body = {
        **BASE,
        "brand_new": {"nested": [1, 2]},
        "assigned": {
            "projects": [{"id": 202, "name": "Web", "color": "#06aaf5", "billable": True}],
            "tasks": [],
            "team_ids": [41],
            "clients": [7],
        },
    }
    _answer(fake, GHOST, body)
    ghost = focus.ghosts.get(1001)
    assert ghost.additional_properties == {"brand_new": {"nested": [1, 2]}}
    assert ghost.assigned and ghost.assigned.additional_properties == {"clients": [7]}
    assert ghost.assigned.projects
    assert ghost.assigned.projects[0].additional_properties == {"billable": True}
    assert ghost.to_dict()["brand_new"] == {"nested": [1, 2]}  # and written back out


def test_unknown_fields_in_a_page_and_in_users(focus: Focus, fake: FakeFocus) -> None:
    page = {"data": [{**BASE, "x": 1}], "page": 1, "rows": 100, "total": 1, "cursor": "abc"}
    user = {"id": 5101, "email": "a@example.com", "pronouns": "she/her",
            "workspaces": [{"id": 7001, "name": "Studio", "seat": "full"}]}  # fmt: skip
    _answer(fake, r"/ghosts$", page)
    _answer(fake, r"/users$", [user])
    [g] = list(focus.ghosts.list())
    [u] = list(focus.users.list())
    assert g.additional_properties == {"x": 1}
    assert u.additional_properties == {"pronouns": "she/her"}
    assert u.workspaces and u.workspaces[0].additional_properties == {"seat": "full"}


def test_unknown_enum_like_values_pass_through_as_strings(focus: Focus, fake: FakeFocus) -> None:
    """Response enums are open (x-extensible-enum): unknown values must pass through."""
    user_id = fake.me_user_id
    hours = [
        {"working_hour_id": 1, "weekday": 1, "working_hours": 8, "organization_id": 9001,
         "created_at": WHEN, "updated_at": WHEN,
         "external_entity_type": "robot", "external_entity_id": 3}
    ]  # fmt: skip
    permission = {"permission_id": 1, "name": "x", "condition": "sometimes", "entity": "planet"}
    roles = [
        {"role_id": 9, "name": "Future", "type": "custom_v2", "entity": "galaxy",
         "permissions": [permission]}
    ]  # fmt: skip
    workspace = {"id": 7001, "name": "S", "toggl_products": ["focus", "time"]}
    users = [{"id": 5101, "email": "a@example.com", "workspaces": [workspace]}]
    _answer(fake, rf"/workinghours/users/{user_id}$", hours)
    _answer(fake, r"/roles$", roles)
    _answer(fake, r"/users$", users)
    [entry] = focus.working_hours.get_for_user(user_id)
    [role] = focus.roles.list()
    [user] = list(focus.users.list())
    assert entry.external_entity_type == "robot"
    assert (role.type_, role.entity) == ("custom_v2", "galaxy")
    assert role.permissions and role.permissions[0].condition == "sometimes"
    assert role.permissions[0].entity == "planet"
    assert user.workspaces and user.workspaces[0].toggl_products == ["focus", "time"]


# --- wrong types --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "1001"),  # a string id
        ("name", 5),
        ("user_id", "abc"),
        ("description", None),
        ("deleted_at", "yesterday"),  # a timestamp that does not parse: kept raw
        ("deleted_at", 12345),
        ("created_at", 12345),
        ("created_at", "yesterday"),
        ("updated_at", "2026-13-45T99:00:00Z"),
        # A nullable (union) object or array that does not parse: kept raw as well.
        ("assigned", "none"),
    ],
)
def test_wrong_scalar_types_are_not_checked(
    focus: Focus, fake: FakeFocus, field: str, value: object
) -> None:
    """Tolerated: the generated models do not check scalar types (the value is kept as sent)."""
    _answer(fake, GHOST, {**BASE, field: value})
    ghost = focus.ghosts.get(1001)
    attribute = "id" if field == "id" else field
    assert getattr(ghost, attribute) == value


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ({"name": "no id"}, KeyError),
        # (A list of one object with exactly two keys would pass: dict() reads it as one
        # key/value pair. The scalar-type checks of the generated models close that.)
        ([{**BASE, "description": "d"}], ValueError),
        (None, TypeError),
    ],
    ids=["no-id", "array", "null"],
)  # fmt: skip
def test_wrong_types_that_cannot_be_read_raise_decode_errors(
    focus: Focus, fake: FakeFocus, body: Any, cause: type[Exception]
) -> None:
    _answer(fake, GHOST, body)
    fake.reset_requests()
    with pytest.raises(FocusDecodeError) as info:
        focus.ghosts.get(1001)
    e = info.value
    assert isinstance(e.__cause__, cause)
    assert e.status_code == 200 and e.body == json.dumps(body).encode() == e.response.content
    assert fake.request_count == 1  # never retried


@pytest.mark.parametrize(
    "body",
    [{"data": [1, 2]}, {"data": {"id": 1}}, {"total": 0}, "data", [BASE]],
    ids=["data-ints", "data-object", "no-data", "string", "array"],
)  # fmt: skip
def test_wrong_page_shapes_raise_decode_errors(focus: Focus, fake: FakeFocus, body: Any) -> None:
    _answer(fake, r"/ghosts$", body)
    with pytest.raises(FocusDecodeError) as info:
        list(focus.ghosts.list())
    assert info.value.body == json.dumps(body).encode()


def test_null_data_and_items_with_only_an_id_are_a_page(focus: Focus, fake: FakeFocus) -> None:
    """`data` may be null (a Go nil slice): an empty page; an item needs only its id."""
    _answer(fake, r"/ghosts$", {"data": None, "total": 0})
    assert list(focus.ghosts.list()) == []
    _answer(fake, r"/ghosts$", {"data": [{"id": 1}]})
    [ghost] = list(focus.ghosts.list())
    assert ghost.id == 1 and ghost.name is UNSET


@pytest.mark.parametrize("total", ["3", None, 2.5, True, -1])
def test_a_total_of_the_wrong_type_is_ignored(focus: Focus, fake: FakeFocus, total: Any) -> None:
    """A total that is not an int is treated as unknown: the short page ends the listing."""
    data = [{**BASE, "id": 1001 + i, "name": f"G{i}"} for i in range(3)]
    _answer(fake, r"/ghosts$", {"data": data, "page": 1, "rows": 100, "total": total})
    fake.reset_requests()
    assert [g.name for g in focus.ghosts.list()] == ["G0", "G1", "G2"]
    assert fake.request_count == 1


def test_an_array_of_pairs_reads_as_an_object(focus: Focus, fake: FakeFocus) -> None:
    """Tolerated quirk: the generated `from_dict` calls dict(), which accepts [key, value] pairs."""
    _answer(fake, r"/roles$", [[["role_id", 1], ["name", "Owner"]]])
    [role] = focus.roles.list()
    assert (role.role_id, role.name) == (1, "Owner")
