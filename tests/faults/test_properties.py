"""Property-based tests: model round-trips, and decoding that never escapes `FocusError`.

Inputs come from the spec's own schemas (valid documents with unknown keys), from the same
documents with one node damaged, and from arbitrary JSON and bytes, served with success and
error statuses and odd quota headers through an in-process MockTransport (`max_retries=0`),
so thousands of answers run in seconds. Seeds are fixed (`derandomize=True`).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import toggl_focus_api.models as models
from toggl_focus import AsyncFocus, Focus, FocusDecodeError, FocusError, FocusStatusError
from toggl_focus_api.models import Ghost, OrganizationUser, Role

from ._strategies import (
    SCHEMAS,
    damaged_bytes,
    encoded,
    from_schema,
    json_values,
    mutated,
)
from ._tally import tried

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- model round-trips --------------------------------------------------------------------

MODELS = sorted(
    name
    for name, schema in SCHEMAS.items()
    if schema.get("type") == "object" and hasattr(models, name)
)


def test_every_object_schema_has_a_model() -> None:
    objects = {n for n, s in SCHEMAS.items() if s.get("type") == "object"}
    assert set(MODELS) == objects and len(MODELS) >= 8


@pytest.mark.parametrize("name", MODELS)
def test_model_round_trip(name: str) -> None:
    """from_dict(to_dict(m)) == m, directly and through JSON text; unknown keys survive."""
    model: Any = getattr(models, name)

    @settings(SETTINGS, max_examples=40)
    @given(from_schema(SCHEMAS[name]))
    def check(document: dict[str, Any]) -> None:
        tried(f"round-trip {name}")
        value = model.from_dict(document)
        out = value.to_dict()
        assert model.from_dict(out) == value
        assert model.from_dict(_json_round_trip(out)) == value
        assert model.from_dict(out).to_dict() == out  # to_dict is stable after one pass
        known = set(SCHEMAS[name].get("properties", {}))
        for key in set(document) - known:  # unknown keys are kept and written back
            assert value.additional_properties[key] == document[key] == out[key]

    check()


def _json_round_trip(value: Any) -> Any:
    import json

    return json.loads(json.dumps(value))


# --- the decoding path --------------------------------------------------------------------

STATUSES = [200] * 6 + [201, 204, 299, 302, 304, 400, 401, 402, 403, 404, 409, 418, 422,
                        429, 499, 500, 502, 503, 504, 599]  # fmt: skip
_header_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8
) | st.sampled_from(["0", "1", "-1", "nan", "inf", "1e400", " 5 ", "3600", "0.5"])
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Content-Type": st.sampled_from(["application/json", "text/html", "text/plain", "x/y"]),
        "X-Toggl-Quota-Remaining": _header_text,
        "X-Toggl-Quota-Resets-In": _header_text,
    },
)
EDGE_BODIES = [b"", b"null", b"{}", b"[]", b"[" * 100_000, b"{" * 50_000, b"\xef\xbb\xbf[]",
               b'"\\ud800"', b"1" * 5000, b"[1e999]", b"\x00", "é".encode("utf-16")]  # fmt: skip


def bodies(schema: dict[str, Any]) -> st.SearchStrategy[bytes]:
    """Bodies for an operation answering `schema`: valid, damaged, Error-shaped or arbitrary."""
    return st.one_of(
        from_schema(schema).map(encoded),
        mutated(schema).map(encoded),
        damaged_bytes(schema),
        from_schema(SCHEMAS["Error"]).map(encoded),
        mutated(SCHEMAS["Error"]).map(encoded),
        json_values.map(encoded),
        st.binary(max_size=64),
        st.sampled_from(EDGE_BODIES),
    )


Answer = tuple[int, dict[str, str], bytes]


def answers(schema: dict[str, Any]) -> st.SearchStrategy[Answer]:
    """A status, headers and body: what one response can be."""
    return st.tuples(st.sampled_from(STATUSES), HEADERS, bodies(schema))


def _array_of(name: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}}


def _list_all(pager: Any) -> list[Any]:
    return list(itertools.islice(pager, 500))  # the same answer repeats: cap the pages


SYNC_OPS: dict[str, tuple[dict[str, Any], Callable[[Focus], Any], Callable[[Any], bool]]] = {
    "ghosts.get": (SCHEMAS["Ghost"], lambda f: f.ghosts.get(1001),
                   lambda r: isinstance(r, Ghost)),
    "ghosts.list": (SCHEMAS["GhostPage"], lambda f: _list_all(f.ghosts.list()),
                    lambda r: all(isinstance(g, Ghost) for g in r)),
    "users.list": (_array_of("OrganizationUser"), lambda f: _list_all(f.users.list()),
                   lambda r: all(isinstance(u, OrganizationUser) for u in r)),
    "roles.list": (_array_of("Role"), lambda f: f.roles.list(),
                   lambda r: isinstance(r, list) and all(isinstance(x, Role) for x in r)),
}  # fmt: skip


class Scripted:
    """A MockTransport handler answering whatever the current example says."""

    def __init__(self) -> None:
        self.answer: Answer = (200, {}, b"")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        status, headers, body = self.answer
        return httpx.Response(status, headers=headers, content=body)


def _check_outcome(
    run: Callable[[], Any], answer: Answer, right_type: Callable[[Any], bool]
) -> str:
    """Run one decode; only FocusError may escape, with the raw bytes kept. Returns the outcome."""
    try:
        result = run()
    except FocusError as e:
        str(e), repr(e)  # messages build for any input
        if isinstance(e, (FocusStatusError, FocusDecodeError)):
            assert e.body == answer[2] and e.response.status_code == answer[0]
            assert e.__cause__ is not e
        return type(e).__name__
    assert right_type(result), result
    return "ok"


@pytest.mark.parametrize("op", sorted(SYNC_OPS))
def test_decoding_never_raises_outside_focus_error(op: str) -> None:
    schema, call, right_type = SYNC_OPS[op]
    handler = Scripted()
    http = httpx.Client(transport=httpx.MockTransport(handler))
    focus = Focus("toggl_sk_prop", organization_id=9001, workspace_id=7001, max_retries=0,
                  http_client=http)  # fmt: skip
    outcomes: set[str] = set()

    @settings(SETTINGS, max_examples=250)
    @given(answers(schema))
    @example((400, {}, b"[" * 100_000))  # deep nesting in an error body
    @example((402, {"X-Toggl-Quota-Remaining": "0", "X-Toggl-Quota-Resets-In": "0"}, b"{}"))
    @example((200, {}, b'{"data": [], "total": "5"}'))
    def check(answer: Answer) -> None:
        tried(f"decode {op}")
        handler.answer = answer
        outcomes.add(_check_outcome(lambda: call(focus), answer, right_type))

    check()
    # The generator reached both sides: successes and several kinds of error.
    assert "ok" in outcomes and "FocusDecodeError" in outcomes and "ServerError" in outcomes


ASYNC_OPS: dict[str, tuple[dict[str, Any], Callable[[AsyncFocus], Any], Callable[[Any], bool]]] = {
    "ghosts.get": (SCHEMAS["Ghost"], lambda f: f.ghosts.get(1001),
                   lambda r: isinstance(r, Ghost)),
    "ghosts.list": (SCHEMAS["GhostPage"], lambda f: _alist(f.ghosts.list(concurrency=3)),
                    lambda r: all(isinstance(g, Ghost) for g in r)),
}  # fmt: skip


async def _alist(pager: Any) -> list[Any]:
    out = []
    async for item in pager:
        out.append(item)
        if len(out) >= 500:
            break
    return out


@pytest.mark.parametrize("op", sorted(ASYNC_OPS))
def test_async_decoding_never_raises_outside_focus_error(op: str) -> None:
    schema, call, right_type = ASYNC_OPS[op]
    handler = Scripted()

    async def run() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncFocus("toggl_sk_prop", organization_id=9001, workspace_id=7001,
                              max_retries=0, http_client=http) as afocus:  # fmt: skip
            return await call(afocus)

    @settings(SETTINGS, max_examples=80)
    @given(answers(schema))
    @example((503, {}, b"[" * 100_000))
    def check(answer: Answer) -> None:
        tried(f"decode async {op}")
        handler.answer = answer
        _check_outcome(lambda: asyncio.run(run()), answer, right_type)

    check()


@settings(SETTINGS, max_examples=150)
@given(status=st.sampled_from([400, 401, 402, 403, 404, 409, 422, 429, 499, 500, 502]),
       headers=HEADERS, body=st.binary(max_size=64) | json_values.map(encoded))  # fmt: skip
def test_error_statuses_always_raise_a_status_error(
    status: int, headers: dict[str, str], body: bytes
) -> None:
    """Whatever the body of a 4xx/5xx, the error is a FocusStatusError of that status."""
    tried("error status -> FocusStatusError")
    http = httpx.Client(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(status, headers=headers, content=body)
        )
    )
    focus = Focus("toggl_sk_prop", organization_id=1, max_retries=0, http_client=http)
    with pytest.raises(FocusStatusError) as info:
        focus.roles.list()
    assert info.value.status_code == status and info.value.body == body
