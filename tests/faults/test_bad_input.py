"""Bodies that bend the spec, over real loopback HTTP: what is tolerated, what is refused.

The spec's tolerance rule (info.description) says timestamps (the `Timestamp` schema) may be
null, "" or absent, all meaning "not set" (a model holds None for null and "", UNSET for a
missing key); that arrays and objects a Go server may send as null are nullable; and that
unknown fields and enum values must be tolerated. Null is accepted exactly where the spec
says nullable. Everything else must have the type the spec declares: the generated models
check every integer, number, string, boolean, date-time and array field, and a mismatch is a
`FocusDecodeError` whose message names the field ("Ghost.id: expected integer, got str
'1001'"). Date-times are RFC 3339; one without an offset is read as UTC, so every datetime a
model holds is aware. A timestamp string that is not RFC 3339 is the one exception (the
spec's `Timestamp` decision, issue #24: Toggl types the `*_at` fields as plain strings): it
is kept as text in the model's `additional_properties`, the field reads as not set, and one
warning per model and field is logged. These tests pin down exactly what a caller gets, sync
and async, so that a change is a visible decision.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest

import toggl_focus_api.types
from toggl_focus import AsyncFocus, Focus, FocusDecodeError
from toggl_focus.testing import FakeFocus, Fault
from toggl_focus_api.models import Ghost, GhostPage, OrganizationUser, WorkingHours
from toggl_focus_api.types import UNSET

from .conftest import run_op

GHOST = r"/ghosts/\d+$"
BASE = {"id": 1001, "name": "Designer (TBH)"}
WHEN = "2026-03-02T09:15:00Z"
#: A working-hours entry with only what the spec (and Toggl's published spec) requires.
HOURS = {"working_hour_id": 1, "working_hours": 8, "organization_id": 9001,
         "created_at": WHEN, "updated_at": WHEN}  # fmt: skip


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
    """Response enums are open (x-extensible-enum): a value the spec does not list passes."""
    user_id = fake.me_user_id
    hours = [
        {**HOURS, "weekday": 1, "external_entity_type": "robot", "external_entity_id": 3}
    ]  # fmt: skip
    permission = {"permission_id": 1, "name": "x", "condition": "sometimes", "entity": "nebula"}
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
    assert role.permissions[0].entity == "nebula"
    assert user.workspaces and user.workspaces[0].toggl_products == ["focus", "time"]


# --- declared types are enforced, sync and async ------------------------------------------

MODES = ["sync", "async"]
NAN, INF = float("nan"), float("inf")  # json.dumps writes them as NaN / Infinity, which
# Python's json (and so httpx's Response.json) reads back: a server can send them.


async def _collect(pager: Any) -> list[Any]:
    return [item async for item in pager]


@attrs.frozen
class Target:
    """An operation whose answer carries one object of a model, and how to build that answer."""

    path: Callable[[FakeFocus], str]
    wrap: Callable[[dict[str, Any]], Any]  # the object -> the whole body
    base: dict[str, Any]  # a minimal valid object
    sync: Callable[[Focus, FakeFocus], Any]
    aio: Callable[[AsyncFocus, FakeFocus], Awaitable[Any]]


TARGETS = {
    "ghost": Target(lambda fake: GHOST, lambda obj: obj, BASE,
                    lambda f, fake: f.ghosts.get(1001), lambda f, fake: f.ghosts.get(1001)),
    "page": Target(lambda fake: r"/ghosts$", lambda obj: obj,
                   {"data": [BASE], "page": 1, "rows": 100, "total": 1},
                   lambda f, fake: list(f.ghosts.list()),
                   lambda f, fake: _collect(f.ghosts.list())),
    "hours": Target(lambda fake: rf"/workinghours/users/{fake.me_user_id}$", lambda obj: [obj],
                    {**HOURS, "weekday": 1},
                    lambda f, fake: f.working_hours.get_for_user(fake.me_user_id),
                    lambda f, fake: f.working_hours.get_for_user(fake.me_user_id)),
    "user": Target(lambda fake: r"/users$", lambda obj: [obj],
                   {"id": 5101, "email": "a@example.com"},
                   lambda f, fake: list(f.users.list()),
                   lambda f, fake: _collect(f.users.list())),
}  # fmt: skip


def _fetch(mode: str, fake: FakeFocus, url: str, target: Target, body: Any) -> Any:
    """Answer `target`'s request with `body` (exactly once) and run it with a fresh client."""
    fake.inject(Fault.body(200, json.dumps(body).encode()), path=target.path(fake))
    return run_op(mode, fake, url, lambda f: target.sync(f, fake), lambda f: target.aio(f, fake))


def _decode_error(
    mode: str,
    fake: FakeFocus,
    url: str,
    target: Target,
    body: Any,
    causes: tuple[type[Exception], ...] = (TypeError, ValueError),
) -> Exception:
    """Check that `body` is a FocusDecodeError (raw bytes kept, never retried); its cause."""
    fake.reset_requests()
    with pytest.raises(FocusDecodeError) as info:
        _fetch(mode, fake, url, target, body)
    error = info.value
    assert error.status_code == 200 and error.body == json.dumps(body).encode()
    assert fake.request_count == 1
    cause = error.__cause__
    assert isinstance(cause, causes)
    assert str(cause) in str(error)  # the FocusDecodeError message names the field too
    return cause


PROJECT = {"id": 202, "name": "Website relaunch", "color": "#06aaf5", "private": False}


def _assigned(**fields: Any) -> dict[str, Any]:
    return {"assigned": {"projects": [PROJECT], "tasks": [], "team_ids": [41], **fields}}


MISMATCHES: list[tuple[str, dict[str, Any], type[Exception], str]] = [
    # integer: an int, not a bool; required, optional and nullable fields
    ("ghost", {"id": "1001"}, TypeError, "Ghost.id: expected integer, got str '1001'"),
    ("ghost", {"id": True}, TypeError, "Ghost.id: expected integer, got bool True"),
    ("ghost", {"id": 1001.0}, TypeError, "Ghost.id: expected integer, got float 1001.0"),
    ("ghost", {"id": None}, TypeError, "Ghost.id: expected integer, got null"),
    ("ghost", {"id": "9" * 100}, TypeError,  # a long value is cut short in the message
     "Ghost.id: expected integer, got str '" + "9" * 36 + "..."),
    ("hours", {"weekday": "1"}, TypeError, "WorkingHours.weekday: expected integer, got str '1'"),
    ("page", {"total": "3"}, TypeError, "GhostPage.total: expected integer, got str '3'"),
    ("page", {"total": True}, TypeError, "GhostPage.total: expected integer, got bool True"),
    ("page", {"total": 2.5}, TypeError, "GhostPage.total: expected integer, got float 2.5"),
    ("page", {"total": None}, TypeError, "GhostPage.total: expected integer, got null"),
    ("ghost", {"user_id": "abc"}, TypeError, "Ghost.user_id: expected integer, got str 'abc'"),
    ("ghost", {"user_id": False}, TypeError, "Ghost.user_id: expected integer, got bool False"),
    # number: an int (not a bool) or a finite float
    ("hours", {"working_hours": "8"}, TypeError,
     "WorkingHours.working_hours: expected number, got str '8'"),
    ("hours", {"working_hours": True}, TypeError,
     "WorkingHours.working_hours: expected number, got bool True"),
    ("hours", {"working_hours": None}, TypeError,
     "WorkingHours.working_hours: expected number, got null"),
    ("hours", {"working_hours": NAN}, ValueError,
     "WorkingHours.working_hours: expected a finite number, got float nan"),
    ("hours", {"working_hours": INF}, ValueError,
     "WorkingHours.working_hours: expected a finite number, got float inf"),
    ("hours", {"starting_hours": -INF}, ValueError,
     "WorkingHours.starting_hours: expected a finite number, got float -inf"),
    ("user", {"working_hours": NAN}, ValueError,
     "OrganizationUser.working_hours: expected a finite number, got float nan"),
    ("user", {"working_hours": "40"}, TypeError,
     "OrganizationUser.working_hours: expected number, got str '40'"),
    # string
    ("ghost", {"name": 5}, TypeError, "Ghost.name: expected string, got int 5"),
    ("ghost", {"name": None}, TypeError, "Ghost.name: expected string, got null"),
    ("ghost", {"description": None}, TypeError, "Ghost.description: expected string, got null"),
    ("hours", {"external_entity_type": None}, TypeError,
     "WorkingHours.external_entity_type: expected string, got null"),
    ("ghost", {"description": ["x"]}, TypeError,
     "Ghost.description: expected string, got list of 1 item(s)"),
    ("user", {"user_id": 880046}, TypeError,
     "OrganizationUser.user_id: expected string, got int 880046"),
    # boolean
    ("user", {"admin": "yes"}, TypeError,
     "OrganizationUser.admin: expected boolean, got str 'yes'"),
    ("user", {"admin": 1}, TypeError, "OrganizationUser.admin: expected boolean, got int 1"),
    ("ghost", _assigned(projects=[{**PROJECT, "private": "no"}]), TypeError,
     "AssignedProject.private: expected boolean, got str 'no'"),
    # arrays: the array itself, and every item (named by its index)
    ("ghost", _assigned(team_ids=[41, "42"]), TypeError,
     "GhostAssignments.team_ids[1]: expected integer, got str '42'"),
    ("ghost", _assigned(team_ids=[True]), TypeError,
     "GhostAssignments.team_ids[0]: expected integer, got bool True"),
    # a nullable array (type: [array, 'null']) is a union: its message names both types
    ("ghost", _assigned(team_ids="41"), TypeError,
     "GhostAssignments.team_ids: expected list[int] | None, got str"),
    ("ghost", _assigned(projects={"id": 202}), TypeError,
     "GhostAssignments.projects: expected list[AssignedProject] | None, got dict"),
    ("page", {"data": {"id": 1}}, TypeError,
     "GhostPage.data: expected list[Ghost] | None, got dict"),
    # a nullable object: null is not set, anything but an object is refused
    ("ghost", {"assigned": []}, TypeError,
     "Ghost.assigned: expected GhostAssignments | None, got list"),
    ("user", {"rate": "65.5"}, TypeError,
     "OrganizationUser.rate: expected None | UserRate, got str"),
    ("user", {"workspaces": [{"id": 7001, "toggl_products": ["focus", 5]}]}, TypeError,
     "OrganizationUserWorkspace.toggl_products[1]: expected string, got int 5"),
    # date-time fields holding something other than a string (strings: further down)
    ("ghost", {"created_at": 12345}, TypeError,
     "Ghost.created_at: expected an RFC 3339 date-time string, got int 12345"),
    ("ghost", {"embodied_at": False}, TypeError,
     "Ghost.embodied_at: expected an RFC 3339 date-time string, got bool False"),
    ("user", {"account_locked_at": 0}, TypeError,
     "OrganizationUser.account_locked_at: expected an RFC 3339 date-time string, got int 0"),
    ("hours", {"created_at": 0}, TypeError,  # required (and nullable): still a string or null
     "WorkingHours.created_at: expected an RFC 3339 date-time string, got int 0"),
]  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("target", "patch", "cause", "message"),
    MISMATCHES,
    ids=[f"{t}-{next(iter(p))}-{m.rsplit(' got ', 1)[1]}" for t, p, _, m in MISMATCHES],
)
def test_a_wrong_type_is_a_decode_error_naming_the_field(
    mode: str,
    fake: FakeFocus,
    url: str,
    target: str,
    patch: dict[str, Any],
    cause: type[Exception],
    message: str,
) -> None:
    where = TARGETS[target]
    error = _decode_error(mode, fake, url, where, where.wrap({**where.base, **patch}))
    assert type(error) is cause
    assert str(error) == message


# --- null where the spec says nullable, and only what it requires ------------------------


@pytest.mark.parametrize("mode", MODES)
def test_null_is_read_where_the_spec_says_nullable(mode: str, fake: FakeFocus, url: str) -> None:
    ghost = _fetch(mode, fake, url, TARGETS["ghost"], {"id": 1001, "assigned": None})
    assert ghost.assigned is None and ghost.name is UNSET  # only id is required
    lists = {"projects": None, "tasks": None, "team_ids": None}
    ghost = _fetch(mode, fake, url, TARGETS["ghost"], {**BASE, "assigned": lists, "user_id": None})
    assert ghost.assigned and ghost.user_id is None
    assert (ghost.assigned.projects, ghost.assigned.tasks, ghost.assigned.team_ids) == (None,) * 3

    fake.reset_requests()
    assert list(_fetch(mode, fake, url, TARGETS["page"], {"data": None, "total": 1})) == []
    assert fake.request_count == 1  # a null page is an empty, hence last, page
    [only_id] = _fetch(mode, fake, url, TARGETS["page"], {"data": [{"id": 1}]})
    assert only_id.id == 1 and only_id.name is UNSET and only_id.assigned is UNSET

    [hours] = _fetch(mode, fake, url, TARGETS["hours"], [{**HOURS, "created_at": None,
                                                          "updated_at": ""}])  # fmt: skip
    assert hours.created_at is None and hours.updated_at is None and hours.weekday is UNSET
    assert _fetch(mode, fake, url, TARGETS["hours"], None) == []  # a null bare array

    nulls = dict.fromkeys(["groups", "permissions", "rate", "tags", "workspaces", "working_hours"])
    [user] = _fetch(mode, fake, url, TARGETS["user"], [{"id": 5101, **nulls}])
    assert [getattr(user, name) for name in nulls] == [None] * len(nulls)
    assert user.email is UNSET


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("field", sorted(HOURS))
def test_a_working_hours_entry_without_a_required_field_is_a_decode_error(
    mode: str, fake: FakeFocus, url: str, field: str
) -> None:
    """Toggl's published spec requires these five; a missing one is not read as "not set"."""
    entry = {key: value for key, value in HOURS.items() if key != field}
    cause = _decode_error(mode, fake, url, TARGETS["hours"], [entry], causes=(KeyError,))
    assert type(cause) is KeyError and cause.args == (field,)


# --- date-times: one rule for optional and nullable fields alike ---------------------------

#: (target, field): `Timestamp` fields, optional (a missing key is UNSET) and required
#: (WorkingHours'), all nullable (null and "" are None). focus.yaml has no required
#: non-nullable date-time; tests/test_generated_checks.py covers that kind with a spec of its own.
TIMESTAMP_FIELDS = [
    ("ghost", "created_at"),
    ("hours", "updated_at"),
    ("ghost", "embodied_at"),
    ("user", "account_locked_at"),
]
MODEL_OF = {"ghost": "Ghost", "hours": "WorkingHours", "user": "OrganizationUser"}
NOT_RFC3339 = [
    "not-a-date",
    "2026-03-02",  # a date alone
    "2026-03-02T09:15Z",  # no seconds
    "2026-03-02T09:15:00+0100",  # an offset without its colon
    "2026-W10-1T09:15:00Z",  # an ISO 8601 week date
    "20260302T091500Z",  # ISO 8601 basic format
    " 2026-03-02T09:15:00Z",
    "2026-03-02T09:15:00Z ",
]
IMPOSSIBLE = [
    ("2026-13-02T09:15:00Z", "month must be in 1..12"),
    ("2026-02-30T09:15:00Z", "day is out of range for month"),
    ("2026-03-02T24:15:00Z", "hour must be in 0..23"),
]


@pytest.fixture
def fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget which fields were warned about (once per field per process), for this test."""
    monkeypatch.setattr(toggl_focus_api.types, "_WARNED", set())


def _only(got: Any) -> Any:
    return got[0] if isinstance(got, list) else got


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", NOT_RFC3339 + [value for value, _ in IMPOSSIBLE])
@pytest.mark.parametrize(("target", "field"), TIMESTAMP_FIELDS)
def test_a_date_time_that_is_not_rfc3339_is_kept_as_text(
    mode: str,
    fake: FakeFocus,
    url: str,
    target: str,
    field: str,
    value: str,
    fresh_warnings: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Not an error: the text is kept under its key, the field not set (None if required)."""
    where = TARGETS[target]
    model = _only(_fetch(mode, fake, url, where, where.wrap({**where.base, field: value})))
    assert getattr(model, field) is (None if (target, field) == ("hours", "updated_at") else UNSET)
    assert model.additional_properties == {field: value}
    assert model.to_dict()[field] == value
    [record] = [r for r in caplog.records if r.name == "toggl_focus.models"]
    assert record.levelname == "WARNING"
    assert record.getMessage().startswith(f"{MODEL_OF[target]}.{field}: ")
    assert f"kept as text in additional_properties[{field!r}]" in record.getMessage()


@pytest.mark.parametrize("mode", MODES)
def test_a_date_only_timestamp_does_not_fail_a_page(
    mode: str, fake: FakeFocus, url: str, fresh_warnings: None, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue #24: every ghost of the page is read; two bad values of one field, one warning."""
    ghosts = [{"id": 1, "name": "a", "created_at": "2026-03-02"},
              {"id": 2, "name": "b", "created_at": WHEN},
              {"id": 3, "name": "c", "created_at": "2026-03-03", "updated_at": WHEN}]  # fmt: skip
    page = {"data": ghosts, "page": 1, "rows": 100, "total": 3}
    got = _fetch(mode, fake, url, TARGETS["page"], page)
    assert [g.id for g in got] == [1, 2, 3]
    first, second, third = got
    assert first.created_at is UNSET and first.additional_properties == {"created_at": "2026-03-02"}
    assert first.to_dict() == ghosts[0]
    assert second.created_at == datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    assert second.additional_properties == {}
    assert third.created_at is UNSET and third.updated_at == second.created_at
    assert third.to_dict()["created_at"] == "2026-03-03"
    warnings = [r for r in caplog.records if r.name == "toggl_focus.models"]
    assert [(r.levelname, r.getMessage().split(":")[0]) for r in warnings] == [
        ("WARNING", "Ghost.created_at")
    ]


UTC_0915 = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
ACCEPTED = [
    ("2026-03-02T09:15:00Z", UTC_0915, timedelta(0)),
    ("2026-03-02T09:15:00", UTC_0915, timedelta(0)),  # no offset: read as UTC
    ("2026-03-02T09:15:00.250", UTC_0915.replace(microsecond=250_000), timedelta(0)),
    ("2026-03-02 09:15:00", UTC_0915, timedelta(0)),  # RFC 3339 allows a space
    ("2026-03-02t09:15:00z", UTC_0915, timedelta(0)),  # and lower case t and z
    ("2026-03-02T10:15:00+01:00", UTC_0915, timedelta(hours=1)),
    ("2026-03-02T03:45:00.5-05:30", UTC_0915.replace(microsecond=500_000), timedelta(hours=-5.5)),
    ("2026-03-02T09:15:00.123456789-00:00", UTC_0915.replace(microsecond=123_456), timedelta(0)),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("value", "instant", "offset"), ACCEPTED)
def test_rfc3339_date_times_are_parsed_aware(
    mode: str, fake: FakeFocus, url: str, value: str, instant: datetime, offset: timedelta
) -> None:
    """Every date-time field kind reads the same text the same way; the result is always aware."""
    fields = ["created_at", "updated_at", "deleted_at", "embodied_at"]
    ghost = _fetch(mode, fake, url, TARGETS["ghost"], {**BASE, **dict.fromkeys(fields, value)})
    for field in fields:
        moment = getattr(ghost, field)
        assert isinstance(moment, datetime) and moment.tzinfo is not None
        assert moment == instant and moment.utcoffset() == offset
    user_body = {**TARGETS["user"].base, "created_at": value, "account_locked_at": value}
    [user] = _fetch(mode, fake, url, TARGETS["user"], [user_body])
    assert user.created_at == user.account_locked_at == instant
    assert user.account_locked_at.tzinfo is not None


def test_an_offset_less_date_time_writes_back_with_its_utc_offset(
    focus: Focus, fake: FakeFocus
) -> None:
    _answer(fake, GHOST, {**BASE, "created_at": "2026-03-02T09:15:00", "embodied_at": WHEN})
    out = focus.ghosts.get(1001).to_dict()
    assert out["created_at"] == "2026-03-02T09:15:00+00:00" == out["embodied_at"]
    assert Ghost.from_dict(out).created_at == UTC_0915


# --- well-typed bodies still parse ---------------------------------------------------------

FULL_GHOST = {
    "id": 2**63 - 1,  # the largest int64
    "name": "Designer (TBH)",
    "description": "",
    "assigned": {"projects": [PROJECT], "team_ids": [41, 48],
                 "tasks": [{"id": 3010, "name": "Review", "color": "#c56bff"}]},
    "created_at": WHEN,
    "updated_at": "2026-03-02T09:15:00.123Z",
    "deleted_at": None,
    "embodied_at": "2026-03-02T10:15:00+01:00",
    "user_id": 5120,
}  # fmt: skip
FULL_HOURS = {
    "working_hour_id": 1, "weekday": 0, "working_hours": 8, "starting_hours": 9.5,
    "organization_id": 9001, "user_id": 5120, "external_entity_type": "user",
    "external_entity_id": 5120, "created_at": WHEN, "updated_at": WHEN,
}  # fmt: skip
FULL_USER = {
    "id": 5120, "email": "ada@example.com", "name": "Ada", "user_id": "880231",
    "user_account_id": 880231, "organization_id": 9001, "2fa_enabled": False, "active": True,
    "admin": False, "owner": False, "invite_sent": True, "joined": True,
    "can_edit_personal_details": True, "account_locked_at": None, "working_hours": 37.5,
    "created_at": WHEN, "updated_at": WHEN, "deleted_at": "",
    "workspaces": [{"id": 7001, "name": "Studio", "focus_role_id": 3, "track_role_id": None,
                    "toggl_products": ["focus"], "workspace_user_id": 33012}],
}  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
def test_well_typed_bodies_still_parse(mode: str, fake: FakeFocus, url: str) -> None:
    ghost = _fetch(mode, fake, url, TARGETS["ghost"], FULL_GHOST)
    assert isinstance(ghost, Ghost) and ghost.to_dict() == {
        **FULL_GHOST, "created_at": "2026-03-02T09:15:00+00:00",
        "updated_at": "2026-03-02T09:15:00.123000+00:00",
    }  # fmt: skip
    assert (
        ghost.assigned and ghost.assigned.projects and ghost.assigned.projects[0].private is False
    )
    assert ghost.embodied_at == ghost.created_at  # the same instant, another offset

    page = GhostPage.from_dict({"data": [FULL_GHOST], "page": 1, "rows": 100, "total": 1})
    assert list(_fetch(mode, fake, url, TARGETS["page"], page.to_dict())) == [ghost]

    [hours] = _fetch(mode, fake, url, TARGETS["hours"], [FULL_HOURS])
    assert isinstance(hours, WorkingHours)
    assert (hours.working_hours, hours.starting_hours, hours.weekday) == (8, 9.5, 0)
    assert type(hours.working_hours) is int  # an integer is a number; it is kept as sent

    [user] = _fetch(mode, fake, url, TARGETS["user"], [FULL_USER])
    assert isinstance(user, OrganizationUser)
    assert (user.user_id, user.field_2fa_enabled, user.working_hours) == ("880231", False, 37.5)
    assert user.account_locked_at is None and user.deleted_at is None  # null and "": not set
    assert user.workspaces and user.workspaces[0].toggl_products == ["focus"]
    assert user.workspaces[0].track_role_id is None


# --- shapes that cannot be read -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ({**BASE, "created_at": 12345}, TypeError),  # a non-null timestamp must be a string
        ({**BASE, "assigned": "none"}, TypeError),
        ({**BASE, "assigned": {"projects": [5]}}, TypeError),
        ({"name": "no id"}, KeyError),
        ([BASE], TypeError),  # dict() reads [{...}] as {"id": "name"}: then id is a str
        (None, TypeError),
    ],
    ids=["ts-int", "assigned-str", "project-int", "no-id", "array", "null"],
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
    [{"data": [1, 2]}, {"data": {"id": 1}}, {"total": 0}, {"data": [{"name": "no id"}]}, "data",
     [BASE]],
    ids=["data-ints", "data-object", "no-data", "item-no-id", "string", "array"],
)  # fmt: skip
def test_wrong_page_shapes_raise_decode_errors(focus: Focus, fake: FakeFocus, body: Any) -> None:
    _answer(fake, r"/ghosts$", body)
    with pytest.raises(FocusDecodeError) as info:
        list(focus.ghosts.list())
    assert info.value.body == json.dumps(body).encode()


def test_a_negative_total_is_ignored(focus: Focus, fake: FakeFocus) -> None:
    """A total that is an integer but no count is treated as unknown: the short page ends the
    listing. (A total that is not an integer at all is a FocusDecodeError, like any field.)"""
    data = [{**BASE, "id": 1001 + i, "name": f"G{i}"} for i in range(3)]
    _answer(fake, r"/ghosts$", {"data": data, "page": 1, "rows": 100, "total": -1})
    fake.reset_requests()
    assert [g.name for g in focus.ghosts.list()] == ["G0", "G1", "G2"]
    assert fake.request_count == 1


def test_an_array_of_pairs_reads_as_an_object(focus: Focus, fake: FakeFocus) -> None:
    """Tolerated quirk: the generated `from_dict` calls dict(), which accepts [key, value] pairs."""
    _answer(fake, r"/roles$", [[["role_id", 1], ["name", "Owner"]]])
    [role] = focus.roles.list()
    assert (role.role_id, role.name) == (1, "Owner")
