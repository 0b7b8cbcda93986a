"""The fast decode path (msgspec, types.fast_json) is exactly today's from_dict path (issue 25).

The operations decode a 2xx body that is a model, or a list of models, with the fast path
first and `Model.from_dict(response.json())` as the fallback. The differential test here
draws bodies from the spec's own schemas (openapi/focus.yaml, read here, not the generated
shapes), valid and mutated (unknown keys at any depth, null, "", wrong types, odd
timestamps, integers beyond 64 bits, floats and booleans where integers are expected,
missing required keys), and hands each to every such operation's `_parse_response` twice:
with the fast path, and with it switched off (today's code). Both must give equal models,
compared deeply: every field's value AND its type (a bool is an int, 1.0 == 1, a naive
datetime == nothing aware), `additional_properties` with its key order, `to_dict()`; or the
same exception type and message.
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toggl_focus_api import Client
from toggl_focus_api import types as api_types
from toggl_focus_api.api.ghosts import (
    bulk_create_ghosts,
    create_ghost,
    get_ghost,
    list_ghosts,
)
from toggl_focus_api.api.organization import (
    create_group,
    list_my_groups,
    list_roles,
    list_teams,
    list_users,
)
from toggl_focus_api.api.working_hours import get_user_working_hours
from toggl_focus_api.models import Ghost, GhostPage
from toggl_focus_api.types import FAST_MISS, UNSET, fast_json

ROOT = Path(__file__).resolve().parents[1]
SPEC = yaml.safe_load((ROOT / "openapi" / "focus.yaml").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
CLIENT = Client(base_url="http://focus.invalid")

#: Each operation decoded on the fast path: (module, status, the schema of its body).
OPERATIONS: dict[str, tuple[ModuleType, int, dict[str, Any]]] = {
    "list_ghosts": (list_ghosts, 200, {"$ref": "#/components/schemas/GhostPage"}),
    "get_ghost": (get_ghost, 200, {"$ref": "#/components/schemas/Ghost"}),
    "create_ghost": (create_ghost, 201, {"$ref": "#/components/schemas/CreatedGhost"}),
    "bulk_create_ghosts": (
        bulk_create_ghosts,
        201,
        {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/CreatedGhost"}},
    ),
    "list_teams": (list_teams, 200, {"$ref": "#/components/schemas/TeamPage"}),
    "list_users": (
        list_users,
        200,
        {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/OrganizationUser"}},
    ),
    "list_roles": (
        list_roles,
        200,
        {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Role"}},
    ),
    "list_my_groups": (
        list_my_groups,
        200,
        {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/GroupSummary"}},
    ),
    "create_group": (create_group, 201, {"$ref": "#/components/schemas/Group"}),
    "get_user_working_hours": (
        get_user_working_hours,
        200,
        {"$ref": "#/components/schemas/WorkingHoursList"},
    ),
}

# --- the two paths ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with nothing learned (the engine's state is per process)."""
    monkeypatch.setattr(api_types, "_fast", api_types._FastState())


def parse(operation: str, body: bytes, *, fast: bool) -> tuple[str, Any]:
    """("ok", parsed) or ("error", (type, message)) from the operation's _parse_response."""
    module, status, _ = OPERATIONS[operation]
    response = httpx.Response(status, content=body)
    state = api_types._fast
    disabled = state.disabled
    state.disabled = not fast
    saved = state.decoders
    if not fast:
        state.decoders = {}
    try:
        return "ok", module._parse_response(client=CLIENT, response=response)
    except Exception as exc:
        return "error", (type(exc), str(exc))
    finally:
        state.disabled = disabled
        if not fast:
            state.decoders = saved


def same(a: Any, b: Any, where: str = "$") -> None:
    """`a` and `b` are equal with equal types all the way down (dict key order included)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
        assert a == b, where
        same(a.to_dict(), b.to_dict(), f"{where}.to_dict()")
    elif isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{where}: {len(a)} items != {len(b)}"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{index}]")
    elif isinstance(a, float):
        assert repr(a) == repr(b), f"{where}: {a!r} != {b!r}"
    elif isinstance(a, datetime.datetime):
        assert (a, a.tzinfo, a.utcoffset()) == (b, b.tzinfo, b.utcoffset()), where
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def check(operation: str, body: bytes) -> bool:
    """Both paths agree on `body`; True when the fast path itself decoded it."""
    module = OPERATIONS[operation][0]
    fast = parse(operation, body, fast=True)
    slow = parse(operation, body, fast=False)
    assert fast[0] == slow[0], (body, fast, slow)
    if fast[0] == "error":
        assert fast[1] == slow[1], body
    else:
        same(fast[1], slow[1])
    return _took_fast_path(module, body)


def _took_fast_path(module: ModuleType, body: bytes) -> bool:
    """Whether fast_json decodes `body` for this module's 2xx model (after learning)."""
    target = _TARGETS[module.__name__.rpartition(".")[2]]
    return fast_json(body, *target[:1], many=target[1], nullable=target[2]) is not FAST_MISS


def _targets() -> dict[str, tuple[Any, bool, bool]]:
    from toggl_focus_api.models import (
        CreatedGhost,
        Ghost,
        Group,
        GroupSummary,
        OrganizationUser,
        Role,
        TeamPage,
        WorkingHours,
    )

    return {
        "list_ghosts": (GhostPage, False, False),
        "get_ghost": (Ghost, False, False),
        "create_ghost": (CreatedGhost, False, False),
        "bulk_create_ghosts": (CreatedGhost, True, True),
        "list_teams": (TeamPage, False, False),
        "list_users": (OrganizationUser, True, True),
        "list_roles": (Role, True, True),
        "list_my_groups": (GroupSummary, True, True),
        "create_group": (Group, False, False),
        "get_user_working_hours": (WorkingHours, True, True),
    }


_TARGETS = _targets()

# --- bodies from the spec's schemas ---------------------------------------------------------

#: Date-times that from_dict reads, and some it refuses (each must behave as today).
ODD_TIMESTAMPS = [
    "2026-03-02T09:15:00Z",
    "2026-03-02t09:15:00z",  # lower case t and z: read as upper case
    "2026-03-02 09:15:00Z",
    "2026-03-02T09:15:00",  # no offset: UTC here (msgspec would make it naive)
    "2026-03-02T09:15:00.1Z",
    "2026-03-02T09:15:00.123456789Z",  # beyond microseconds
    "2026-03-02T09:15:00.123456+02:00",
    "2026-03-02T09:15:00+0200",  # no colon in the offset
    "2026-03-02T09:15:00-00:00",
    "2026-03-02T23:59:60Z",  # leap second
    "2026-02-30T09:15:00Z",
    "2026-03-02T24:00:00Z",
    "2026-03-02",
    "2026-03-02T09:15Z",
    "20260302T091500Z",
    "2026-W10-1T09:15:00Z",
    "\uff12\uff10\uff12\uff16-03-02T09:15:00Z",  # non-ASCII (fullwidth) digits
    # The shapes _fast_convert hands to fromisoformat alone (types.FAST_DATETIME_SHAPES): the
    # separators and the length right, something else wrong.
    "2026-03-02T09:15:00+02:00",
    "2026-03-02T09:15:00-11:30",
    "2026-13-02T09:15:00Z",
    "2026-03-02T09:15:00+02:60",
    "2026-03-02T09:15:00+99:00",
    "2026-03-02T09:15:00-24:00",
    "2026-03-02T09:15:0xZ",
    "2026-03-02T09:1 :00Z",
    " 026-03-02T09:15:00Z",
    "2026-03-02T09:15:00+2:000",
    "\u0662\u0660\u0662\u0666-03-02T09:15:00Z",  # Arabic-Indic digits
    "2026-03-02T09:15:00+02:0\uff10",
    "",
    " ",
    "2026-03-02T09:15:00+14:00",
    "2026-03-02T09:15:00+24:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999-23:59",
]


def _stamp(moment: datetime.datetime, sep: str, digits: int, offset: str) -> str:
    fraction = f".{moment.microsecond:06d}{'7' * 9}"[: digits + 1] if digits else ""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}{sep}"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}{fraction}{offset}"
    )


#: Date-times in the shapes servers send (RFC 3339, and offset-less).
good_timestamps = st.builds(
    _stamp,
    st.datetimes(),
    st.sampled_from(["T", "T", "T", "t", " "]),
    st.sampled_from([0, 0, 3, 6, 6, 1, 9]),
    st.sampled_from(["Z", "Z", "+00:00", "-05:30", "+02:00", "", "z"]),
)
#: ... and any mix of their parts, most of which from_dict refuses.
timestamps = st.one_of(
    st.sampled_from(ODD_TIMESTAMPS),
    st.builds(
        _stamp,
        st.datetimes(),
        st.sampled_from(["T", "t", " ", "_"]),
        st.integers(0, 12),
        st.sampled_from(["Z", "z", "", "+00:00", "-05:30", "+0530", "+05", "+05:30:15", "Z "]),
    ),
)
big_ints = st.sampled_from([2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, -(10**40)])
junk = st.one_of(
    st.none(),
    st.just(""),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    big_ints,
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1.0, 2.0, 1e300, 5e-324]),
    st.text(max_size=5),
    timestamps,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
unknown_keys = st.sampled_from(["extra", "workspace_id", "ID", "id ", "x-y", "ü", "", "a`b"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | big_ints | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


def rarely(one_in: int) -> st.SearchStrategy[bool]:
    """True about once in `one_in` draws (hypothesis favours the ends of an integer range)."""
    return st.integers(0, one_in - 1).map(lambda n: n == one_in // 2)


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def valid(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values `schema` allows (with its Timestamp: date-time, "" or null)."""
    schema = resolve(schema)
    if "anyOf" in schema:
        return st.one_of([valid(option, depth) for option in schema["anyOf"]])
    types = schema.get("type", ["string", "integer", "boolean", "null"])
    types = [types] if isinstance(types, str) else types
    options: list[st.SearchStrategy[Any]] = []
    for kind in types:
        if kind == "null":
            options.append(st.none())
        elif kind == "boolean":
            options.append(st.booleans())
        elif kind == "integer":
            options.append(st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(0, 10_000)))
        elif kind == "number":
            options.append(
                st.one_of(st.integers(0, 168), st.floats(0, 168), st.floats(allow_nan=False))
            )
        elif kind == "string":
            if schema.get("format") == "date-time":
                options.append(
                    rarely(10).flatmap(lambda odd: timestamps if odd else good_timestamps)
                )
            elif schema.get("maxLength") == 0:
                options.append(st.just(""))
            else:
                options.append(st.text(max_size=8))
        elif kind == "array":
            if depth < 4:
                options.append(st.lists(valid(schema.get("items", {}), depth + 1), max_size=3))
            else:
                options.append(st.just([]))
        elif kind == "object":
            options.append(objects(schema, depth))
    return st.one_of(options)


def objects(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """An object of `schema`: its properties (required ones always), maybe mutated."""
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))

    def value(sub: dict[str, Any]) -> st.SearchStrategy[Any]:
        # Mostly a valid value, sometimes junk: a body with one bad value fails whole, so
        # junk kept rare leaves most bodies decodable (and so compared value by value).
        return rarely(25).flatmap(lambda bad: junk if bad else valid(sub, depth + 1))

    base = st.fixed_dictionaries(
        {key: value(sub) for key, sub in properties.items() if key in required},
        optional={key: value(sub) for key, sub in properties.items() if key not in required},
    )

    @st.composite
    def mutated(draw: st.DrawFn) -> dict[str, Any]:
        obj = dict(draw(base))
        keys = list(obj)
        drop: bool = draw(rarely(40))
        if keys and drop:  # a required key may go missing too
            del obj[draw(st.sampled_from(keys))]
        unknown = st.integers(0, 11).map(lambda n: {5: 1, 6: 1, 7: 2}.get(n, 0))
        for _ in range(draw(unknown)):  # unknown keys: none, one, or two
            obj[draw(unknown_keys)] = draw(json_values)
        items = list(obj.items())
        order = draw(st.permutations(range(len(items))))
        return dict(items[i] for i in order)

    return mutated()


def dump(value: Any, ensure_ascii: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ensure_ascii).encode()


def bodies(operation: str) -> st.SearchStrategy[bytes]:
    """JSON bodies for the operation's 2xx schema: mostly of its shape, some not at all."""
    schema = OPERATIONS[operation][2]
    shaped = valid(schema)
    return st.builds(dump, rarely(8).flatmap(lambda bad: junk if bad else shaped), st.booleans())


BODIES = {operation: bodies(operation) for operation in OPERATIONS}


# --- the differential test ------------------------------------------------------------------

EXAMPLES = int(os.environ.get("FAST_DECODE_EXAMPLES", "150"))


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_fast_and_from_dict_agree_on_generated_bodies(operation: str, data: st.DataObject) -> None:
    # Several bodies per example, in one engine: what an earlier body taught (unknown keys)
    # must not change how a later one decodes.
    for _ in range(3):
        check(operation, data.draw(BODIES[operation]))


def ghost(**fields: Any) -> dict[str, Any]:
    base = {
        "id": 1001,
        "name": "Designer (TBH)",
        "description": "Senior designer",
        "assigned": {
            "projects": [{"color": "#06aaf5", "id": 202, "name": "Web", "private": False}],
            "tasks": [{"color": "#c56bff", "id": 3010, "name": "Review"}],
            "team_ids": [41],
        },
        "created_at": "2026-03-02T09:15:00Z",
        "updated_at": "2026-03-02T09:15:00.123456+02:00",
        "deleted_at": None,
        "embodied_at": "",
        "user_id": None,
    }
    return {**base, **fields}


def page(*ghosts: dict[str, Any]) -> bytes:
    return json.dumps({"data": list(ghosts), "page": 1, "rows": 50, "total": len(ghosts)}).encode()


@pytest.mark.parametrize("stamp", ODD_TIMESTAMPS)
@pytest.mark.parametrize("field", ["created_at", "embodied_at"])
def test_timestamp_corner_cases_behave_as_today(stamp: str, field: str) -> None:
    check("list_ghosts", page(ghost(**{field: stamp})))
    check("get_ghost", json.dumps(ghost(**{field: stamp})).encode())


@pytest.mark.parametrize(
    "stamp", ["2026-03-02T09:15:00Z", "2026-03-02T09:15:00+02:00", *ODD_TIMESTAMPS[-6:]]
)
def test_repeated_timestamps_in_one_object_behave_as_today(stamp: str) -> None:
    # A model's second date-time with the text of the last one parsed is that datetime.
    for fields in (
        {"created_at": stamp, "updated_at": stamp},
        {"created_at": stamp, "deleted_at": None, "embodied_at": "", "updated_at": stamp},
        {"created_at": "2026-03-02T09:15:00Z", "embodied_at": stamp, "updated_at": stamp},
        {"created_at": stamp, "embodied_at": "2026-03-02T09:15:00Z", "updated_at": stamp},
        {"deleted_at": stamp},
    ):
        assert check("get_ghost", json.dumps(ghost(**fields)).encode()) is not None
        check("list_ghosts", page(ghost(**fields), ghost(id=2, **fields)))
    both = fast_json(json.dumps(ghost(created_at=stamp, updated_at=stamp)).encode(), Ghost)
    shaped = api_types.FAST_DATETIME_SHAPES.get(stamp[4::3]) == len(stamp)
    if shaped and both is not FAST_MISS:  # parsed once, by fromisoformat alone
        assert isinstance(both.created_at, datetime.datetime)
        assert both.updated_at is both.created_at


RAW_BODIES = [
    page(ghost()),
    page(),
    b'{"data": null}',
    b"null",
    b"[]",
    b"",
    b"{",
    page(ghost())[:-1] + b", }",
    b'\xef\xbb\xbf{"data": []}',  # a byte order mark: json.loads takes it
    '{"data": []}'.encode("utf-16"),
    b'{"data": [], "data": [{"id": 1}]}',  # duplicate keys: the last wins
    b'{"data": [{"id": "x", "id": 1}]}',
    b'{"data": [{"id": 1, "extra": 1, "extra": 2}]}',
    b'{"data": [{"id": 1, "name": "\\ud800"}]}',  # a lone surrogate, escaped
    b'{"data": [{"id": 1, "name": "\xed\xa0\x80"}]}',  # ... and raw
    b'{"data": [{"id": 1, "name": "\xff"}]}',  # not UTF-8
    b'{"data": [{"id": 1, "name": "a\x01b"}]}',  # a raw control character
    b'{"data": [{"id": 1, "extra": "\xff"}]}',  # ... not UTF-8 in an unknown key's value
    b'{"data": [{"id": 1, "extra": NaN}]}',
    b'{"data": [{"id": 1, "extra": Infinity}], "total": 1}',
    b'{"data": [{"id": 1e0}]}',
    b'{"data": [{"id": 1.0}]}',
    b'{"data": [{"id": true}]}',
    b'{"data": [{"id": 123456789012345678901234567890}]}',
    b'{"data": [{"id": -0}]}',
    b'{"data": [{"id": 1, "user_id": 1.5}]}',
    b'{"data": [{"id": 1, "extra": 1e400}]}',
    b'{"data": [{"id": 1, "extra": ' + b"[" * 5000 + b"]" * 5000 + b"}]}",
    b'{"d\\u0061ta": [{"\\u0069d": 7}]}',  # escaped known keys
    b'\t\n\r {"data": []} \n',
    b'\x0c{"data": []}',
    b'{"data": [{"id": 1}]}\x00',
    b'{"data": [{"id": 1, "assigned": {"projects": [{"id": 2, "new": {"a": [1]}}]}}]}',
    b'{"data": [{"id": 1, "x` - at `$.data[0]": 1}]}',  # an unknown key like msgspec's message
    page(ghost(extra=1, other=2)),  # two unknown keys in one object: their order
    page(ghost(other=2, extra=1), ghost(extra=1, other=2)),
]


@pytest.mark.parametrize("body", RAW_BODIES, ids=range(len(RAW_BODIES)))
def test_raw_corner_cases_behave_as_today(body: bytes) -> None:
    check("list_ghosts", body)


# --- the fast path is taken where it should be -----------------------------------------------


def test_a_realistic_page_takes_the_fast_path() -> None:
    assert check("list_ghosts", page(*(ghost(id=i) for i in range(1, 50))))


def test_an_unknown_key_is_learned_and_kept_exactly() -> None:
    body = page(*(ghost(id=i, workspace_id=7001, nested={"k": [i, 1.5]}) for i in range(3)))
    assert not api_types._fast.models  # nothing built yet
    check("list_ghosts", body)
    learned = api_types._fast.models["ghost"]
    assert learned is not None
    assert set(learned.learned) == {"workspace_id", "nested"}
    body = page(*(ghost(id=i, workspace_id=7001) for i in range(3)))
    assert check("list_ghosts", body)  # one unknown key per object: fast, and exact
    parsed = fast_json(body, GhostPage)
    assert parsed.data[2].additional_properties == {"workspace_id": 7001}
    nested = page(ghost(assigned={"projects": [{"id": 2, "budget": None}]}))
    assert check("list_ghosts", nested)
    project = api_types._fast.models["assigned_project"]
    assert project is not None and project.learned == ("budget",)


def test_two_unknown_keys_in_one_object_keep_the_document_order_on_the_fast_path() -> None:
    # Learned in the order b, a; then objects holding both in either order, at two depths.
    assert check("list_ghosts", page(ghost(b=1, a=2)))
    body = page(
        ghost(id=1, b=1, a=2),
        ghost(id=2, a=3, b=[4]),
        ghost(id=3, a=5),
        ghost(id=4, assigned={"projects": [{"id": 9, "z": 1, "y": 2}, {"id": 8, "y": 3, "z": 4}]}),
    )
    assert check("list_ghosts", body)  # ordered mode: fast, and equal to from_dict
    parsed = fast_json(body, GhostPage)
    orders = [list(g.additional_properties) for g in parsed.data]
    assert orders == [["b", "a"], ["a", "b"], ["a"], []]
    projects = parsed.data[3].assigned.projects
    assert [list(p.additional_properties) for p in projects] == [["z", "y"], ["y", "z"]]
    # Bare arrays and single objects too.
    assert check("get_ghost", json.dumps(ghost(a=1, b=2)).encode())
    assert check("list_ghosts", page(ghost(a=[1, {"b": 2}], b={"a": 1})))


def test_a_wrong_key_order_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # The comparison sees key order: with the orders reversed, the fast path differs.
    body = page(ghost(id=1, b=1, a=2), ghost(id=2, a=3, b=4))
    assert check("list_ghosts", body)
    walk, depth = api_types._fast_orders, []

    def reversed_orders(shape: Any, value: Any, out: Any) -> None:
        depth.append(1)
        try:
            walk(shape, value, out)
        finally:
            depth.pop()
        if not depth:  # the outermost call: every order, reversed
            for index, order in enumerate(out):
                out[index] = order[::-1]

    monkeypatch.setattr(api_types, "_fast_orders", reversed_orders)
    with pytest.raises(AssertionError):
        check("list_ghosts", body)
    # ... and without any order, ordered mode refuses rather than guess.
    monkeypatch.setattr(api_types, "_fast_orders", lambda shape, value, out: None)
    module = importlib.import_module("toggl_focus_api.api.ghosts.list_ghosts")
    assert not _took_fast_path(module, body)


def test_learned_keys_are_capped_per_model() -> None:
    for index in range(api_types.FAST_MAX_LEARNED):
        assert check("get_ghost", json.dumps(ghost(**{f"k{index}": index})).encode())
    assert not check("get_ghost", json.dumps(ghost(one_more=1)).encode())
    model = api_types._fast.models["ghost"]
    assert model is not None and len(model.learned) == api_types.FAST_MAX_LEARNED


def test_without_msgspec_every_body_takes_from_dict() -> None:
    api_types._fast.disabled = True
    assert fast_json(page(ghost()), GhostPage) is FAST_MISS
    kind, parsed = parse("list_ghosts", page(ghost()), fast=True)
    assert kind == "ok" and parsed.data[0].id == 1001


def test_the_fast_path_fills_the_public_models() -> None:
    parsed = fast_json(page(ghost(created_at="2026-03-02T09:15:00")), GhostPage)
    first = parsed.data[0]
    assert type(parsed) is GhostPage and type(first).__name__ == "Ghost"
    assert first.created_at == datetime.datetime(2026, 3, 2, 9, 15, tzinfo=datetime.UTC)
    assert first.embodied_at is None and first.deleted_at is None
    assert first.additional_properties == {} and first.to_dict()["id"] == 1001
    assert fast_json(page(ghost(user_id=None)), GhostPage).data[0].user_id is None
    assert fast_json(b'{"data": [{"id": 1}]}', GhostPage).data[0].name is UNSET
    assert math.isclose(
        fast_json(
            b'[{"created_at": "", "updated_at": null, "organization_id": 1,'
            b' "working_hour_id": 2, "working_hours": 7.5}]',
            _TARGETS["get_user_working_hours"][0],
            many=True,
            nullable=True,
        )[0].working_hours,
        7.5,
    )


def test_msgspec_is_not_imported_until_the_first_decode() -> None:
    script = (
        "import sys, toggl_focus\n"
        "from toggl_focus import Focus\n"
        "Focus(token='t', organization_id=1, workspace_id=2).ghosts\n"
        "assert 'msgspec' not in sys.modules, 'msgspec imported'\n"
        "from toggl_focus_api.types import fast_json\n"
        "from toggl_focus_api.models import GhostPage\n"
        "fast_json(b'{\"data\": []}', GhostPage)\n"
        "assert 'msgspec' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, env=os.environ.copy())
