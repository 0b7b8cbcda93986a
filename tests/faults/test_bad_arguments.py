"""Caller mistakes: every public resource method refuses a bad argument before any request.

The property tests find the methods by introspection (every public method of every
resource on `Focus` and `AsyncFocus`) and each argument's kind from its annotation, so a
new method or argument is covered without editing this file, and one the test cannot
classify fails `test_every_public_method_and_argument_is_covered`. For each argument,
hypothesis draws wrong values (str, bool or float for an id, negative or too large ids,
None where it is required, a str where ids are expected, lists holding wrong items,
unknown enum strings, malformed bodies) while the other arguments stay valid; the call
must raise FocusConfigError naming the argument, never show the token, and send nothing
(an `httpx.MockTransport` counts). A baseline test proves the same calls with valid
arguments do reach the transport, so the refusals are the arguments' doing.

`page_size`, `max_items`, `max_pages`, `start_page` and `concurrency` are checked in
pagination.py and tested there; the per-call options' values (`timeout`, `max_retries`,
`extra_headers`, `extra_query`) belong to the runner. Their names are listed in
OWNED_ELSEWHERE so that the coverage test knows they are skipped.
"""

from __future__ import annotations

import asyncio
import enum
import inspect
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toggl_focus_api.models as models
from toggl_focus import (
    AsyncFocus,
    Focus,
    FocusConfigError,
    KnownInvite,
    LookupInviter,
    ServerError,
    aembody_many,
    ainvite_and_embody,
    embody_many,
    invite_and_embody,
    resolve_role,
)
from toggl_focus._async.runner import AsyncResource
from toggl_focus._ground import check as _check
from toggl_focus._sync import plans as sync_plans
from toggl_focus._sync.runner import Resource as SyncResource
from toggl_focus_api.types import Unset

from ._strategies import SCHEMAS
from ._tally import tried
from .conftest import TOKEN

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
ORG, WS = 9001, 7001
#: Arguments another part of the client checks (pagination.py; the runner for options).
OWNED_ELSEWHERE = frozenset(
    {"page_size", "max_items", "max_pages", "start_page", "concurrency", "options"}
)
#: Valid calls need these too (the spec's minProperties: 1 for a ghost update).
BASELINE_EXTRA: dict[tuple[str, str], dict[str, object]] = {
    ("ghosts", "update"): {"description": "still valid"},
}
#: The request models a body argument may take, for "the wrong model" values.
REQUEST_MODELS = (
    models.GhostCreate,
    models.GhostBulkUpdate,
    models.WorkingHoursCreate,
    models.WorkingHoursUpdate,
)


# --- a transport that counts ----------------------------------------------------------------


class Counting:
    """An httpx.MockTransport handler: counts requests and answers 500 (never retried here)."""

    def __init__(self) -> None:
        self.requests = 0
        self.last: httpx.Request | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        self.last = request
        return httpx.Response(500, json={"error": "boom", "error_description": "test"})


@attrs.define
class Clients:
    """One Focus and one AsyncFocus over the same counting transport, and one event loop."""

    transport: Counting
    focus: Focus
    afocus: AsyncFocus
    loop: asyncio.AbstractEventLoop


@pytest.fixture(scope="module")
def clients() -> Iterator[Clients]:
    counting = Counting()
    transport = httpx.MockTransport(counting)
    common: dict[str, Any] = {
        "base_url": "https://focus.example/api",
        "organization_id": ORG,
        "workspace_id": WS,
        "max_retries": 0,
    }
    loop = asyncio.new_event_loop()
    focus = Focus(TOKEN, http_client=httpx.Client(transport=transport), **common)
    afocus = AsyncFocus(TOKEN, http_client=httpx.AsyncClient(transport=transport), **common)
    yield Clients(counting, focus, afocus, loop)
    focus.close()
    loop.run_until_complete(afocus.close())
    loop.close()


# --- wrong values, by kind --------------------------------------------------------------------

_others = st.one_of(
    st.lists(st.integers(1, 9), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.binary(max_size=3),
    st.builds(object),
)
#: Not an int: strings (digits too, and the token), bools, floats (1.0 too), containers.
not_int = st.one_of(
    st.text(max_size=8),
    st.integers(1, 99).map(str),
    st.just(TOKEN),
    st.booleans(),
    st.floats(),
    st.integers(1, 99).map(float),
    _others,
)
bad_id = st.one_of(not_int, st.integers(max_value=0), st.integers(min_value=2**63, max_value=2**70))
not_str = st.one_of(st.integers(), st.booleans(), st.floats(), _others)
bad_name = st.one_of(not_str, st.sampled_from(["", "   ", "\t\n"]))
bad_flag = st.one_of(st.integers(), st.sampled_from(["true", "false", ""]), st.floats(), _others)


def _with_bad_item(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> Any:
    """Lists and tuples of good items with one bad item somewhere."""

    def insert(parts: tuple[list[Any], Any, int, bool]) -> Any:
        items, wrong, at, as_tuple = parts
        items.insert(min(at, len(items)), wrong)
        return tuple(items) if as_tuple else items

    return st.tuples(st.lists(good, max_size=3), bad, st.integers(0, 3), st.booleans()).map(insert)


bad_ids = st.one_of(
    st.text(max_size=8),  # "12" instead of [12]: a str is refused, not iterated
    st.just(TOKEN),
    st.integers(1, 99),
    st.booleans(),
    st.floats(),
    st.binary(max_size=3),
    st.dictionaries(st.integers(1, 9), st.integers(1, 9), min_size=1, max_size=2),
    _with_bad_item(st.integers(1, 10**6), bad_id),
)
#: users.list(cf_filter=): a {custom_field_id: value} mapping or the API's "id:value,..." text.
bad_custom_field_filter = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(),
    st.sampled_from(["", "   ", {}, [], [12], ("12:x",)]),
    st.dictionaries(
        st.sampled_from([0, -1, "12", True, 2**63, 1.5]),
        st.text(max_size=3),
        min_size=1,
        max_size=2,
    ),
    st.dictionaries(
        st.integers(1, 99),
        st.one_of(st.integers(), st.none(), st.text(max_size=3).map(lambda t: t + ",")),
        min_size=1,
        max_size=2,
    ),
)
bad_texts = st.one_of(
    st.text(max_size=8),
    st.integers(),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    _with_bad_item(st.text(max_size=5), not_str),
)


def bad_choice(allowed: Sequence[str]) -> st.SearchStrategy[Any]:
    """Anything but one of `allowed`: other strings, their upper case, non-strings, lists."""
    return st.one_of(
        st.text(max_size=12).filter(lambda s: s not in allowed),
        st.sampled_from(list(allowed)).map(str.upper),
        st.integers(),
        st.booleans(),
        st.lists(st.sampled_from(list(allowed)), min_size=1, max_size=2),
    )


# --- request bodies -------------------------------------------------------------------------


def _model_fields(model: type) -> list[tuple[str, object, bool]]:
    """(name, type without Unset/None, required) of each field of a generated model."""
    hints = typing.get_type_hints(model)
    out = []
    for field in attrs.fields(model):
        if not field.init:
            continue
        parts, _ = _parts(hints[field.name])
        rest = [p for p in parts if p is not Unset]
        kind = rest[0] if len(rest) == 1 else hints[field.name]
        out.append((field.name, kind, field.default is attrs.NOTHING))
    return out


def bad_field_value(name: str, kind: object) -> st.SearchStrategy[Any]:
    """Wrong values for one body field, by its model type and the limits Toggl documents."""
    if name == "weekday":
        return st.one_of(st.integers(max_value=-1), st.integers(min_value=7), not_int)
    if name == "working_hours":
        return st.one_of(
            st.floats(max_value=-0.01),
            st.floats(min_value=168.01),
            st.just(float("nan")),
            st.integers(min_value=169),
            st.booleans(),
            st.text(max_size=4),
            _others,
        )
    if kind is int:
        return bad_id
    if kind is str:
        return bad_name if name == "name" else not_str
    if typing.get_origin(kind) is list:
        return bad_ids
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return bad_choice([m.value for m in kind])
    raise AssertionError(f"no wrong values for field {name}: {kind}")


def valid_body(model: type) -> dict[str, Any]:
    """The spec's own example of the model (every request schema has one)."""
    return dict(SCHEMAS[model.__name__]["example"])


def bad_item(model: type) -> st.SearchStrategy[Any]:
    """One malformed body: a field missing or wrong (as a mapping or an instance), or no body."""
    fields = _model_fields(model)
    required = [name for name, _, is_required in fields if is_required]

    def without(name: str) -> dict[str, Any]:
        body = valid_body(model)
        body.pop(name, None)
        return body

    def replaced(parts: tuple[str, Any, bool]) -> Any:
        name, value, as_instance = parts
        if as_instance:
            instance = model.from_dict(valid_body(model))  # type: ignore[attr-defined]
            setattr(instance, name, value)
            return instance
        return {**valid_body(model), name: value}

    wrong_field = st.one_of(
        *[
            st.tuples(st.just(name), bad_field_value(name, kind), st.booleans()).map(replaced)
            for name, kind, _ in fields
        ]
    )
    other_models = [m for m in REQUEST_MODELS if m is not model]
    return st.one_of(
        st.sampled_from(required).map(without) if required else st.nothing(),
        wrong_field,
        st.sampled_from(other_models).map(lambda m: m.from_dict(valid_body(m))),
        st.one_of(
            st.integers(), st.text(max_size=5), st.none(), st.lists(st.integers(), max_size=2)
        ),
    )


def bad_bodies(model: type) -> st.SearchStrategy[Any]:
    """Not a list of bodies, an empty one, or a list with one malformed body."""
    return st.one_of(
        st.just(valid_body(model)),  # one body where a list of them is expected
        st.sampled_from([[], ()]),
        st.text(max_size=5),
        st.integers(),
        _with_bad_item(st.just(valid_body(model)), bad_item(model)),
    )


# --- what each argument is, from its annotation --------------------------------------------


@attrs.frozen
class Kind:
    """How to fill one argument: a valid value for baseline calls, and wrong values."""

    valid: object
    bad: st.SearchStrategy[Any]


def _parts(annotation: object) -> tuple[list[object], bool]:
    """The union members of an annotation without None, and whether None is allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        parts = list(typing.get_args(annotation))
    else:
        parts = [annotation]
    return [p for p in parts if p is not type(None)], type(None) in parts


def _literals(parts: list[object]) -> list[str] | None:
    """The allowed strings of an enum-like annotation (Literal and/or generated enum)."""
    allowed: list[str] = []
    for part in parts:
        if typing.get_origin(part) is Literal:
            allowed += [str(a) for a in typing.get_args(part)]
        elif typing.get_origin(part) in (typing.Union, types.UnionType):
            inner = _literals(list(typing.get_args(part)))
            if inner is None:
                return None
            allowed += inner
        elif isinstance(part, type) and issubclass(part, enum.Enum):
            allowed += [str(m.value) for m in part]
        else:
            return None
    return sorted(set(allowed))


#: Rows of a ghost plan's `desired` with one mistake each (a duplicate name too).
_bad_row = st.one_of(
    st.sampled_from(
        [
            {"name": ""},
            {"name": 3},
            {"nome": "A"},
            {"name": "A", "project_ids": "1"},
            {"name": "A", "working_hours": {9: 1}},
            {"name": "Valid"},
        ]
    ),
    st.integers(),
    st.text(max_size=3),
)
bad_desired = st.one_of(
    st.text(max_size=5),
    st.integers(),
    st.none(),
    st.just({"name": "Valid"}),
    _with_bad_item(st.just({"name": "Valid"}), _bad_row).filter(lambda rows: len(rows) > 1),
)


#: A saved ghost plan (`plan.to_json()`) that deletes one ghost: loading it reads that ghost.
SAVED_PLAN = {
    "focus_plan": 1,
    "organization_id": ORG,
    "workspace_id": WS,
    "key": "name",
    "prune": True,
    "include_embodied": False,
    "deletes": [{"key": "A", "id": 5, "before": {"name": "A", "updated_at": None}}],
}
bad_saved = st.one_of(
    st.text(max_size=5),
    st.binary(max_size=3),
    st.integers(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.just({"name": "Valid"}),
    st.just({**SAVED_PLAN, "focus_plan": 2}),
    st.just({**SAVED_PLAN, "deletes": [{"key": "A", "id": 0}]}),
)


def kind_of(name: str, annotation: object) -> Kind | None:
    """The argument's kind, or None when the test does not know it (a coverage failure)."""
    parts, optional = _parts(annotation)
    none = st.just(None)
    if name == "desired":  # ghost plans: the desired ghosts
        return Kind([{"name": "Valid"}], bad_desired)
    if name == "saved":  # a saved ghost plan
        return Kind(SAVED_PLAN, bad_saved)
    if parts == [bool] and not optional:  # a flag with a default
        return Kind(False, st.one_of(bad_flag, none))
    if len(parts) == 1 and parts[0] is int:
        return Kind(None, bad_id) if optional else Kind(7, st.one_of(bad_id, none))
    if len(parts) == 1 and parts[0] is str:
        bad = bad_name if name == "name" else not_str
        return Kind(None, bad) if optional else Kind("Team A", st.one_of(bad, none))
    if len(parts) == 1 and parts[0] is bool and optional:
        return Kind(None, bad_flag)
    if len(parts) == 1 and typing.get_origin(parts[0]) is Iterable:
        (item,) = typing.get_args(parts[0])
        if item is int:
            return Kind(None, bad_ids) if optional else Kind([1, 2], st.one_of(bad_ids, none))
        if item is str and optional:
            return Kind(None, bad_texts)
        return None
    if len(parts) == 1 and typing.get_origin(parts[0]) is Sequence and not optional:
        (item,) = typing.get_args(parts[0])
        body_models = [m for m in typing.get_args(item) if attrs.has(m)]
        if len(body_models) == 1 and typing.get_origin(typing.get_args(item)[1]) is Mapping:
            model = body_models[0]
            return Kind([valid_body(model)], st.one_of(bad_bodies(model), none))
        return None
    if name == "cf_filter" and optional and str in parts:
        return Kind(None, bad_custom_field_filter)
    allowed = _literals(parts)
    if allowed and optional:
        return Kind(None, bad_choice(allowed))
    if allowed:  # a choice with a default
        return Kind(allowed[-1], st.one_of(bad_choice(allowed), none))
    return None


# --- the methods, found by introspection --------------------------------------------------------


@attrs.frozen
class Case:
    """One argument of one public method, sync and async."""

    resource: str
    method: str
    argument: str  # "**" for an unknown keyword


def _resources(client: object, base: type) -> dict[str, object]:
    # Resources are built on first access (cached properties), so not in vars(client) yet.
    public = {name: getattr(client, name) for name in dir(client) if not name.startswith("_")}
    return {name: value for name, value in public.items() if isinstance(value, base)}


#: Public methods that send nothing and take no argument (`roles.cache_clear`).
LOCAL_METHODS = frozenset({"cache_clear"})


def _public_methods(resource: object) -> dict[str, Callable[..., Any]]:
    return {
        name: member
        for name, member in inspect.getmembers(type(resource), inspect.isfunction)
        if not name.startswith("_") and name not in LOCAL_METHODS
    }


def _arguments(function: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    parameters = inspect.signature(function).parameters
    return {n: p for n, p in parameters.items() if n != "self"}


_SAMPLE = Focus("toggl_sk_introspection_only", organization_id=1, workspace_id=1)
_ASAMPLE = AsyncFocus("toggl_sk_introspection_only", organization_id=1, workspace_id=1)
SYNC_RESOURCES = _resources(_SAMPLE, SyncResource)
ASYNC_RESOURCES = _resources(_ASAMPLE, AsyncResource)
_SAMPLE.close()
asyncio.run(_ASAMPLE.close())

KINDS: dict[tuple[str, str, str], Kind] = {}
UNCOVERED: list[str] = []
CASES: list[Case] = []
for _resource_name, _resource in SYNC_RESOURCES.items():
    for _method_name, _function in _public_methods(_resource).items():
        # `ghosts.plan` names types its module imports for type checkers only (the plans are
        # imported when it is called): the plans module supplies the names a module lacks.
        _names = {**vars(sync_plans), **_function.__globals__}
        _hints = typing.get_type_hints(_function, localns=_names)
        for _argument in _arguments(_function):
            if _argument in OWNED_ELSEWHERE:
                continue
            _kind = kind_of(_argument, _hints.get(_argument))
            if _kind is None:
                UNCOVERED.append(
                    f"{_resource_name}.{_method_name}({_argument}: {_hints.get(_argument)})"
                )
                continue
            KINDS[_resource_name, _method_name, _argument] = _kind
            CASES.append(Case(_resource_name, _method_name, _argument))
        CASES.append(Case(_resource_name, _method_name, "**"))
METHODS = sorted({(c.resource, c.method) for c in CASES})


def test_every_public_method_and_argument_is_covered() -> None:
    """Sync and async twins have the same methods and arguments, and each one is classified."""
    assert not UNCOVERED, f"arguments this test cannot classify: {UNCOVERED}"
    assert set(SYNC_RESOURCES) == set(ASYNC_RESOURCES) == {
        "ghosts", "working_hours", "groups", "roles", "teams", "users"
    }  # fmt: skip
    for name, resource in SYNC_RESOURCES.items():
        twin = ASYNC_RESOURCES[name]
        sync_methods, async_methods = _public_methods(resource), _public_methods(twin)
        assert set(sync_methods) == set(async_methods), name
        for method, function in sync_methods.items():
            sync_args = set(_arguments(function)) - {"concurrency"}
            async_args = set(_arguments(async_methods[method])) - {"concurrency"}
            assert sync_args == async_args, f"{name}.{method}"
            assert (name, method) in METHODS
    assert len(METHODS) == 25 and len(CASES) > 120


# --- calling ----------------------------------------------------------------------------------


def _arguments_for(case: Case, value: object) -> tuple[list[object], dict[str, object]]:
    """Valid arguments for the case's method with `case.argument` set to `value`."""
    function = _public_methods(SYNC_RESOURCES[case.resource])[case.method]
    args: list[object] = []
    kwargs: dict[str, object] = dict(BASELINE_EXTRA.get((case.resource, case.method), {}))
    for name, parameter in _arguments(function).items():
        if name in OWNED_ELSEWHERE:
            continue
        chosen = value if name == case.argument else KINDS[case.resource, case.method, name].valid
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            args.append(chosen)
        elif chosen is not None or name == case.argument:
            kwargs[name] = chosen
    if case.argument == "**":
        assert isinstance(value, str)
        kwargs[value] = 1
    return args, kwargs


def invoke(
    clients: Clients,
    mode: str,
    resource: str,
    method: str,
    *args: object,
    iterate: bool = True,
    **kwargs: object,
) -> None:
    """Call a resource method (sync or async); for a listing, fetch its first page if `iterate`."""
    if mode == "sync":
        result = getattr(getattr(clients.focus, resource), method)(*args, **kwargs)
        if iterate and method == "list" and not isinstance(result, list):
            next(iter(result), None)
        return

    async def run() -> None:
        result = getattr(getattr(clients.afocus, resource), method)(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        elif iterate:  # an async listing: list() returns the pager at once
            async for _ in result:
                break

    clients.loop.run_until_complete(run())


def _call(clients: Clients, mode: str, case: Case, value: object, *, iterate: bool) -> None:
    args, kwargs = _arguments_for(case, value)
    invoke(clients, mode, case.resource, case.method, *args, iterate=iterate, **kwargs)


def _refused(clients: Clients, mode: str, case: Case, value: object) -> FocusConfigError:
    clients.transport.requests = 0
    with pytest.raises(FocusConfigError) as info:  # at call time: a listing is not iterated
        _call(clients, mode, case, value, iterate=False)
    assert clients.transport.requests == 0, f"{mode} {case} sent a request"
    return info.value


# --- the property tests ---------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS, ids=[f"{r}.{m}" for r, m in METHODS])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_valid_arguments_reach_the_transport(
    clients: Clients, mode: str, method: tuple[str, str]
) -> None:
    """The baseline the property tests vary: with valid arguments, exactly one request goes."""
    case = Case(*method, argument="")
    clients.transport.requests = 0
    with pytest.raises(ServerError):
        _call(clients, mode, case, None, iterate=True)
    assert clients.transport.requests == 1


_UNKNOWN_KEYWORDS = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.resource}.{c.method}-{c.argument}" for c in CASES]
)
def test_wrong_argument_is_refused_before_any_request(clients: Clients, case: Case) -> None:
    """Sync and async: FocusConfigError naming the argument, no token shown, nothing sent."""
    function = _public_methods(SYNC_RESOURCES[case.resource])[case.method]
    if case.argument == "**":
        taken = set(_arguments(function)) | {"timeout", "max_retries"}
        values: st.SearchStrategy[Any] = _UNKNOWN_KEYWORDS.filter(lambda k: k not in taken)
    else:
        values = KINDS[case.resource, case.method, case.argument].bad

    @SETTINGS
    @given(values)
    def check(value: object) -> None:
        tried("bad arguments")
        for mode in ("sync", "async"):
            error = _refused(clients, mode, case, value)
            message = str(error)
            assert TOKEN not in message and TOKEN not in repr(error)
            named = value if case.argument == "**" else case.argument
            assert str(named) in message, message

    check()


# --- named cases ----------------------------------------------------------------------------

MODES = pytest.mark.parametrize("mode", ["sync", "async"])


def refuse(
    clients: Clients, mode: str, resource: str, method: str, *args: Any, **kwargs: Any
) -> str:
    """The FocusConfigError message of a call (a listing is not iterated: call time counts)."""
    clients.transport.requests = 0
    with pytest.raises(FocusConfigError) as info:
        invoke(clients, mode, resource, method, *args, iterate=False, **kwargs)
    assert clients.transport.requests == 0
    assert TOKEN not in str(info.value)
    return str(info.value)


def sent(clients: Clients, mode: str, resource: str, method: str, *args: Any, **kwargs: Any) -> Any:
    """The one request a valid call sent (its answer, a 500, is a ServerError)."""
    clients.transport.requests = 0
    with pytest.raises(ServerError):
        invoke(clients, mode, resource, method, *args, **kwargs)
    assert clients.transport.requests == 1 and clients.transport.last is not None
    return clients.transport.last


@MODES
def test_bulk_create_item_with_a_misspelt_key(clients: Clients, mode: str) -> None:
    message = refuse(clients, mode, "ghosts", "bulk_create", [{"name": "ok"}, {"nam": "x"}])
    assert message == "ghosts[1] lacks the required field 'name'"


@MODES
def test_update_with_an_unknown_assign_action(clients: Clients, mode: str) -> None:
    message = refuse(clients, mode, "ghosts", "update", 1, assign_action="bogus")
    assert message == "assign_action must be one of 'add', 'remove', 'replace', got 'bogus'"


@MODES
def test_bulk_update_with_an_unknown_assign_action_names_the_item(
    clients: Clients, mode: str
) -> None:
    updates = [{"id": 1}, {"id": 2, "assign_action": "bogus"}]
    message = refuse(clients, mode, "ghosts", "bulk_update", updates)
    assert message.startswith("updates[1].assign_action must be one of 'add', 'remove'")


@MODES
def test_list_with_team_ids_of_strs_fails_at_call_time(clients: Clients, mode: str) -> None:
    message = refuse(clients, mode, "ghosts", "list", team_ids=[41, "a"])
    assert message == "team_ids[1] must be a positive integer, got 'a'"


@MODES
@pytest.mark.parametrize(
    ("method", "entry", "missing"),
    [
        ("create_for_user", {"weekday": 1}, "working_hours"),
        ("update_for_user", {"weekday": 1, "working_hours": 8}, "working_hour_id"),
        ("update_for_user", {"working_hour_id": 5, "weekday": 1}, "working_hours"),
    ],
)
def test_working_hours_entry_missing_a_field(
    clients: Clients, mode: str, method: str, entry: dict[str, Any], missing: str
) -> None:
    message = refuse(clients, mode, "working_hours", method, 5120, [entry])
    assert message == f"entries[0] lacks the required field {missing!r}"


@MODES
@pytest.mark.parametrize(
    ("method", "model", "entry"),
    [
        ("create_for_ghost", models.WorkingHoursCreate, {"working_hours": 40}),
        ("update_for_ghost", models.WorkingHoursUpdate, {"working_hour_id": 5, "working_hours": 6}),
    ],
)
def test_working_hours_entry_with_only_what_toggl_requires(
    clients: Clients, mode: str, method: str, model: type, entry: dict[str, Any]
) -> None:
    """Toggl requires no weekday (nor does the spec since 1.0.0): the entry is sent as given."""
    assert attrs.fields_dict(model)["weekday"].default is not attrs.NOTHING
    request = sent(clients, mode, "working_hours", method, 1001, [entry])
    assert json.loads(request.content) == [entry]


@MODES
@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [("working_hours", 168, True), ("working_hours", 0, True), ("working_hours", 168.5, False),
     ("working_hours", -1, False), ("weekday", 0, True), ("weekday", 6, True),
     ("weekday", 7, False), ("weekday", 1.0, False)],
)  # fmt: skip
def test_working_hours_limits(
    clients: Clients, mode: str, field: str, value: object, ok: bool
) -> None:
    """0..168 hours (Toggl's limit, a week) and weekday 0..6; a limit itself is accepted."""
    entry = {"weekday": 1, "working_hours": 8, field: value}
    if ok:
        request = sent(clients, mode, "working_hours", "create_for_user", 5120, [entry])
        assert json.loads(request.content) == [entry]
    else:
        message = refuse(clients, mode, "working_hours", "create_for_user", 5120, [entry])
        assert message.startswith(f"entries[0].{field} must be ")


@MODES
@pytest.mark.parametrize("resource", ["teams", "users"])
def test_sort_dir_must_be_asc_or_desc(clients: Clients, mode: str, resource: str) -> None:
    message = refuse(clients, mode, resource, "list", sort_dir="up")
    assert message == "sort_dir must be one of 'asc', 'desc', got 'up'"


@MODES
@pytest.mark.parametrize("resource", ["teams", "users", "ghosts"])
def test_unknown_keyword_to_a_listing_fails_at_call_time(
    clients: Clients, mode: str, resource: str
) -> None:
    message = refuse(clients, mode, resource, "list", bogus=1)
    assert message.startswith("unexpected keyword argument 'bogus'")


@MODES
def test_unknown_keyword_to_a_plain_method_is_a_focus_config_error(
    clients: Clients, mode: str
) -> None:
    """It used to be the generated function's TypeError."""
    message = refuse(clients, mode, "ghosts", "get", 1, ghostid=2)
    assert message.startswith("unexpected keyword argument 'ghostid'")


@MODES
@pytest.mark.parametrize("value", ["12", 12.0, True, None], ids=["str", "float", "bool", "None"])
@pytest.mark.parametrize(
    ("resource", "method", "args", "argument"),
    [
        ("ghosts", "list", (), "ghost_ids"),
        ("ghosts", "create", ("G",), "assign_projects"),
        ("groups", "create", ("G",), "organization_users"),
        ("groups", "update", (41,), "workspaces"),
        ("users", "list", (), "pinned_ids"),
        ("working_hours", "delete_for_user", (5120,), "working_hour_ids"),
    ],
)
def test_ids_of_the_wrong_type_inside_lists(
    clients: Clients,
    mode: str,
    resource: str,
    method: str,
    args: tuple[object, ...],
    argument: str,
    value: object,
) -> None:
    ids = [3, value]
    extra = GROUP_FIELDS[method] if resource == "groups" else {}
    if argument == "working_hour_ids":
        message = refuse(clients, mode, resource, method, *args, ids)
    else:
        message = refuse(clients, mode, resource, method, *args, **{**extra, argument: ids})
    assert message == f"{argument}[1] must be a positive integer, got {value!r}"


#: The other arguments a groups call requires (the spec's GroupRequest requires all four).
GROUP_FIELDS: dict[str, dict[str, Any]] = {
    "create": {"emoji": "\N{ARTIST PALETTE}"},
    "update": {"name": "G", "emoji": "\N{ARTIST PALETTE}", "organization_users": [5120],
               "workspaces": [7001]},
}  # fmt: skip


@MODES
def test_groups_send_all_four_fields_toggl_requires(clients: Clients, mode: str) -> None:
    """create defaults the lists to empty; update takes all four (PUT semantics)."""
    request = sent(clients, mode, "groups", "create", "G", **GROUP_FIELDS["create"])
    assert json.loads(request.content) == {
        "name": "G", "emoji": "\N{ARTIST PALETTE}", "organization_users": [], "workspaces": []
    }  # fmt: skip
    request = sent(clients, mode, "groups", "update", 41, **GROUP_FIELDS["update"])
    assert json.loads(request.content) == GROUP_FIELDS["update"]
    resources = SYNC_RESOURCES if mode == "sync" else ASYNC_RESOURCES
    for method, required in (
        ("create", {"name", "emoji"}),
        ("update", {"group_id", *GROUP_FIELDS["update"]}),
    ):
        parameters = _arguments(_public_methods(resources["groups"])[method])
        no_default = {n for n, p in parameters.items() if p.default is inspect.Parameter.empty}
        assert no_default - {"options"} == required, method


@MODES
@pytest.mark.parametrize(
    "ids", [(1, 2), {2, 1}, range(1, 3), "gen"], ids=["tuple", "set", "range", "generator"]
)
def test_any_iterable_of_ids_is_accepted(clients: Clients, mode: str, ids: Any) -> None:
    values = (i for i in (1, 2)) if ids == "gen" else ids
    request = sent(clients, mode, "ghosts", "list", ghost_ids=values)
    assert request.url.params["ghost_ids"] in ("1,2", "2,1")


@MODES
def test_a_str_where_ids_are_expected_is_not_iterated(clients: Clients, mode: str) -> None:
    message = refuse(clients, mode, "ghosts", "list", ghost_ids="12")
    assert message == "ghost_ids must be an iterable of positive integers (ids), got '12'"


@MODES
def test_update_with_nothing_to_change(clients: Clients, mode: str) -> None:
    assert refuse(clients, mode, "ghosts", "update", 1).startswith("update needs at least one")


@MODES
def test_a_model_instance_is_checked_and_not_modified(clients: Clients, mode: str) -> None:
    """A plain str enum value in an instance is accepted (and sent); the instance is kept."""
    update = models.GhostBulkUpdate(id=1001, assign_action="add")  # type: ignore[arg-type]
    request = sent(clients, mode, "ghosts", "bulk_update", [update])
    assert json.loads(request.content) == [{"id": 1001, "assign_action": "add"}]
    assert update.assign_action == "add" and not isinstance(update.assign_action, enum.Enum)
    bad = models.WorkingHoursCreate(weekday=True, working_hours=8)
    message = refuse(clients, mode, "working_hours", "create_for_user", 5120, [bad])
    assert message == "entries[0].weekday must be an integer from 0 to 6, got True"


@MODES
def test_unknown_keys_of_a_mapping_body_are_sent(clients: Clients, mode: str) -> None:
    """Like the models, bodies keep fields the spec does not know (forward compatibility)."""
    request = sent(clients, mode, "ghosts", "bulk_create", [{"name": "G", "colour": "red"}])
    assert json.loads(request.content) == [{"name": "G", "colour": "red"}]


@MODES
@pytest.mark.parametrize(
    ("resource", "method", "args", "kwargs"),
    [
        ("ghosts", "get", (TOKEN,), {}),
        ("ghosts", "list", (), {"ghost_ids": TOKEN}),
        ("ghosts", "list", (), {"order_by": TOKEN}),
        ("ghosts", "list", (), {"include_embodied": TOKEN}),
        ("working_hours", "create_for_user", (1, [{"weekday": 1, "working_hours": TOKEN}]), {}),
        ("ghosts", "bulk_create", ([{"name": "G"}, TOKEN],), {}),
        ("ghosts", "list", (), {TOKEN.replace("-", "_"): 1}),
        ("ghosts", "get", (1,), {"organization_id": f"  {TOKEN.upper()}"}),
    ],
)
def test_the_token_is_never_shown(
    clients: Clients, mode: str, resource: str, method: str, args: tuple[Any, ...], kwargs: Any
) -> None:
    message = refuse(clients, mode, resource, method, *args, **kwargs)
    assert TOKEN.lower() not in message.lower() and "s3cret" not in message


def test_every_request_model_field_has_a_check() -> None:
    """`_check.field_value` passes unknown types through: pin that no request field has one."""
    request_models = [
        models.GhostCreate, models.GhostUpdate, models.GhostBulkUpdate, models.GhostEmbody,
        models.GroupRequest, models.WorkingHoursCreate, models.WorkingHoursUpdate,
    ]  # fmt: skip
    for model in request_models:
        for field in _check._fields(model):
            assert _check.supported(field.kind), f"{model.__name__}.{field.attribute}"
    assert not _check.supported(dict[str, Any])


# --- the embody workflow ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "value"),
    [("organization_id", "9001"), ("organization_id", -1), ("workspace_id", True),
     ("workspace_id", 7001.0)],
)  # fmt: skip
def test_embody_workflow_checks_its_ids_before_any_request(
    clients: Clients, argument: str, value: object
) -> None:
    inviter = KnownInvite(5120, 880231, email="ada@example.com")
    people = {1001: "ada@example.com"}
    bad: dict[str, Any] = {argument: value}
    clients.transport.requests = 0
    calls: list[Callable[[], object]] = [
        lambda: invite_and_embody(
            clients.focus, 1001, "ada@example.com", role="member", inviter=inviter,
            **bad,
        ),
        lambda: embody_many(clients.focus, people, role=3, inviter=inviter, **bad),
        lambda: clients.loop.run_until_complete(
            ainvite_and_embody(
                clients.afocus, 1001, "ada@example.com", role=3, inviter=inviter,
                **bad,
            )
        ),
        lambda: clients.loop.run_until_complete(
            aembody_many(clients.afocus, people, role=3, inviter=inviter, **bad)
        ),
    ]  # fmt: skip
    for call in calls:
        with pytest.raises(FocusConfigError, match=f"^{argument} must be a positive integer"):
            call()
    assert clients.transport.requests == 0


def test_embody_helpers_check_their_arguments_before_any_request(clients: Clients) -> None:
    clients.transport.requests = 0
    with pytest.raises(FocusConfigError, match=r"^organization_id must be"):
        resolve_role(clients.focus, "member", organization_id="9001")  # type: ignore[arg-type]
    with pytest.raises(FocusConfigError, match=r"^organization_id must be"):
        LookupInviter(clients.focus, organization_id=0)
    with pytest.raises(FocusConfigError, match=r"^email must be an email address"):
        KnownInvite(1, 2, email="ada@example.com").invite(5)  # type: ignore[arg-type]
    with pytest.raises(FocusConfigError, match=r"^email must be .*got a str of 32 characters"):
        LookupInviter(clients.focus).invite(TOKEN)
    with pytest.raises(FocusConfigError, match=r"^role must be a role_id .*got a list"):
        invite_and_embody(clients.focus, 1, "ada@example.com", role=[TOKEN])  # type: ignore[arg-type]
    assert clients.transport.requests == 0
