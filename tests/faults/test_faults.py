"""Faults over real loopback HTTP: the exact error, its fields, the raw response, the attempts.

Each case injects one fault kind into the served fake (`fake.inject`) and checks what the
client raised (class and fields), that the raw response is kept, and how many requests it
made (1 + retries: 502/503/504 and network failures are retried for idempotent methods, up
to `max_retries=2`; nothing else is). Sync and async clients must agree.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import httpx
import pytest

from toggl_focus import (
    AsyncFocus,
    AuthenticationError,
    BadRequestError,
    Focus,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    PlanRestrictedError,
    QuotaExceededError,
    ServerError,
    UnexpectedStatusError,
)
from toggl_focus.testing import FakeFocus, Fault

from .conftest import ScriptedServer, Seen, ids, run_op

MODES = ["sync", "async"]


async def _collect(pager: Any) -> list[Any]:
    return [item async for item in pager]


@attrs.frozen
class Op:
    """One client operation, sync and async, and the path regex its request matches."""

    name: str
    method: str
    path: str
    sync: Callable[[Focus], Any]
    aio: Callable[[AsyncFocus], Awaitable[Any]]


GHOST_ID = 1001  # the first ghost the fake creates
OPS = {
    op.name: op
    for op in [
        Op("ghosts.list", "GET", r"/ghosts$",
           lambda f: list(f.ghosts.list()), lambda f: _collect(f.ghosts.list())),
        Op("ghosts.get", "GET", r"/ghosts/\d+$",
           lambda f: f.ghosts.get(GHOST_ID), lambda f: f.ghosts.get(GHOST_ID)),
        Op("users.list", "GET", r"/users$",
           lambda f: list(f.users.list()), lambda f: _collect(f.users.list())),
        Op("roles.list", "GET", r"/roles$", lambda f: f.roles.list(), lambda f: f.roles.list()),
        Op("ghosts.create", "POST", r"/ghosts$",
           lambda f: f.ghosts.create("Once"), lambda f: f.ghosts.create("Once")),
        Op("ghosts.update", "PATCH", r"/ghosts/\d+$",
           lambda f: f.ghosts.update(GHOST_ID, name="x"),
           lambda f: f.ghosts.update(GHOST_ID, name="x")),
        Op("ghosts.delete", "DELETE", r"/ghosts/\d+$",
           lambda f: f.ghosts.delete(GHOST_ID), lambda f: f.ghosts.delete(GHOST_ID)),
    ]
}  # fmt: skip


def _run(mode: str, fake: FakeFocus, url: str, op: Op, **client_kwargs: Any) -> Any:
    """Run `op` on a fresh sync or async client over loopback."""
    return run_op(mode, fake, url, op.sync, op.aio, **client_kwargs)


@attrs.frozen
class Case:
    """A fault, the operation it hits, and the exact outcome expected."""

    id: str
    fault: Fault
    op: str
    error: type[FocusError]
    attempts: int
    error_code: str | None = None  # the Error body's `error`, None for non-JSON bodies


CASES = [
    # 5xx: JSON bodies; only 502/503/504 are retried, and only for idempotent methods.
    Case("500 json", Fault.status(500), "ghosts.list", ServerError, 1, "internal_server_error"),
    Case("502 json", Fault.status(502), "ghosts.get", ServerError, 3, "bad_gateway"),
    Case("503 json", Fault.status(503), "users.list", ServerError, 3, "service_unavailable"),
    Case("504 json", Fault.status(504), "roles.list", ServerError, 3, "gateway_timeout"),
    Case("503 put-like delete", Fault.status(503), "ghosts.delete", ServerError, 3,
         "service_unavailable"),
    Case("503 POST not retried", Fault.status(503), "ghosts.create", ServerError, 1,
         "service_unavailable"),
    Case("504 PATCH not retried", Fault.status(504), "ghosts.update", ServerError, 1,
         "gateway_timeout"),
    Case("599 outside IANA", Fault.status(599), "ghosts.get", ServerError, 1, "unknown_status"),
    # Proxy pages: HTML, no Error body.
    Case("502 html", Fault.html(502), "ghosts.list", ServerError, 3),
    Case("504 html", Fault.html(504), "roles.list", ServerError, 3),
    Case("502 html POST", Fault.html(502), "ghosts.create", ServerError, 1),
    # Bodies that do not decode: never retried.
    Case("truncated json list", Fault.truncated_json(), "ghosts.list", FocusDecodeError, 1),
    Case("truncated json get", Fault.truncated_json(), "ghosts.get", FocusDecodeError, 1),
    Case("malformed json", Fault.malformed_json(), "roles.list", FocusDecodeError, 1),
    Case("malformed json users", Fault.malformed_json(), "users.list", FocusDecodeError, 1),
    Case("wrong shape page", Fault.wrong_shape(), "ghosts.list", FocusDecodeError, 1),
    Case("wrong shape ghost", Fault.wrong_shape(body=[{"id": 1}]), "ghosts.get",
         FocusDecodeError, 1),
    Case("wrong shape users wrapped", Fault.wrong_shape(body={"data": []}), "users.list",
         FocusDecodeError, 1),
    Case("wrong shape roles scalar", Fault.wrong_shape(body=42), "roles.list",
         FocusDecodeError, 1),
    # (A 201 of a wrong shape is a successful create: tests/test_toggl_minimal_responses.py.)
    Case("wrong shape updated ghost", Fault.wrong_shape(), "ghosts.update", FocusDecodeError, 1),
    # Other statuses.
    Case("499", Fault.status(499), "ghosts.list", UnexpectedStatusError, 1,
         "client_closed_request"),
    Case("418", Fault.status(418), "roles.list", UnexpectedStatusError, 1, "i'm_a_teapot"),
    Case("299 outside IANA", Fault.status(299, body=b"{}"), "roles.list",
         UnexpectedStatusError, 1),
    Case("401 injected", Fault.status(401), "users.list", AuthenticationError, 1, "unauthorized"),
    Case("402 plan-gated", Fault.plan_gated(), "ghosts.list", PlanRestrictedError, 1,
         "payment_required"),
    Case("402 plan-gated POST", Fault.plan_gated(), "ghosts.create", PlanRestrictedError, 1,
         "payment_required"),
    Case("400 plain text", Fault.status(400, body="rows: too big"), "ghosts.list",
         BadRequestError, 1),
]  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fault_raises_the_exact_error_with_the_raw_response(
    mode: str, case: Case, fake: FakeFocus, url: str, sleeps: list[float]
) -> None:
    fake.add_ghosts(3)
    op = OPS[case.op]
    fake.inject(case.fault, times=5, method=op.method, path=op.path)
    fake.reset_requests()
    with pytest.raises(FocusError) as info:
        _run(mode, fake, url, op)
    e = info.value
    assert type(e) is case.error
    assert fake.request_count == case.attempts
    assert all(r.fault == case.fault.kind for r in fake.requests)
    assert len(sleeps) == case.attempts - 1  # one (zero-length) backoff per retry
    # The raw response is kept, byte for byte, with the status.
    assert isinstance(e, (FocusStatusError, FocusDecodeError))
    assert e.response.status_code == e.status_code == case.fault.code
    assert e.response.content == e.body == case.fault.payload
    if case.fault.content_type:
        assert e.response.headers["content-type"] == case.fault.content_type
    if isinstance(e, FocusStatusError):
        assert e.method == op.method and e.url == str(e.response.request.url)
        assert e.error == case.error_code
        if case.error_code is not None:  # an Error body: every field read
            body = json.loads(case.fault.payload)
            assert e.error_description == body["error_description"]
            assert e.trace_id == "fault" and e.error_values == {}
            assert body["error_description"] in str(e)
        else:
            assert e.error_description is None and e.trace_id is None
        assert str(case.fault.code) in str(e)
        assert e.__cause__ is not e
    else:  # the generated parser failed, or parsed something the facade refused
        parse_failed = isinstance(e.__cause__, (ValueError, KeyError, TypeError))
        assert parse_failed or (e.__cause__ is None and " is not a " in str(e)), repr(e)


@pytest.mark.parametrize("mode", MODES)
def test_html_502_keeps_the_page_and_says_it_is_not_json(
    mode: str, fake: FakeFocus, url: str
) -> None:
    fake.inject(Fault.html(502), times=3, method="GET", path=r"/roles$")
    with pytest.raises(ServerError) as info:
        _run(mode, fake, url, OPS["roles.list"])
    e = info.value
    assert e.body.startswith(b"<html>") and b"502 Bad Gateway" in e.body
    assert "non-JSON body" in str(e) and "502 Bad Gateway" in str(e)
    assert "X-Toggl-Quota-Remaining" not in e.response.headers  # a proxy page carries none


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [502, 503, 504])
def test_retryable_status_then_success(mode: str, status: int, fake: FakeFocus, url: str) -> None:
    fake.inject(Fault.status(status), times=2, method="GET", path=r"/roles$")
    fake.reset_requests()
    roles = _run(mode, fake, url, OPS["roles.list"])
    assert [r.role_id for r in roles] == [1, 2, 3, 4, 5]
    assert [r.status for r in fake.requests] == [status, status, 200]


@pytest.mark.parametrize("mode", MODES)
def test_max_retries_bounds_the_attempts(mode: str, fake: FakeFocus, url: str) -> None:
    for max_retries, attempts in [(0, 1), (1, 2), (4, 5)]:
        fake.clear_faults()
        fake.inject(Fault.status(503), times=10, method="GET", path=r"/roles$")
        fake.reset_requests()
        with pytest.raises(ServerError):
            _run(mode, fake, url, OPS["roles.list"], max_retries=max_retries)
        assert fake.request_count == attempts


# --- no response: dropped connections and read timeouts ----------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("op", "attempts"), [("ghosts.list", 3), ("ghosts.get", 3),
                                              ("ghosts.delete", 3), ("ghosts.create", 1),
                                              ("ghosts.update", 1)])  # fmt: skip
def test_dropped_connection(mode: str, op: str, attempts: int, fake: FakeFocus, url: str) -> None:
    fake.add_ghosts(1)
    spec = OPS[op]
    fake.inject(Fault.disconnect(), times=5, method=spec.method, path=spec.path)
    fake.reset_requests()
    with pytest.raises(FocusConnectionError) as info:
        _run(mode, fake, url, spec)
    e = info.value
    assert type(e) is FocusConnectionError  # not a timeout
    assert isinstance(e.__cause__, httpx.RemoteProtocolError)
    assert e.request is not None and e.request.method == spec.method
    assert "failed: RemoteProtocolError" in str(e)
    # A POST/PATCH may have reached the server: never sent twice.
    assert fake.request_count == attempts
    assert [(r.status, r.fault) for r in fake.requests] == [(None, "disconnect")] * attempts


@pytest.mark.parametrize("mode", MODES)
def test_dropped_connection_once_then_success(mode: str, fake: FakeFocus, url: str) -> None:
    fake.add_ghosts(150)
    fake.inject(Fault.disconnect(), times=1, method="GET", path=r"/ghosts$")
    fake.reset_requests()
    ghosts = _run(mode, fake, url, OPS["ghosts.list"])
    assert len(ghosts) == 150
    assert [r.status for r in fake.requests] == [None, 200, 200]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("op", "attempts"), [("roles.list", 3), ("ghosts.create", 1)])
def test_read_timeout(mode: str, op: str, attempts: int, fake: FakeFocus, url: str) -> None:
    spec = OPS[op]
    fake.inject(Fault.stall(1.0), times=4, method=spec.method, path=spec.path)
    with pytest.raises(FocusTimeoutError) as info:
        _run(mode, fake, url, spec, timeout=0.15)
    e = info.value
    assert isinstance(e, FocusConnectionError)
    assert isinstance(e.__cause__, httpx.ReadTimeout)
    assert e.request is not None and e.request.method == spec.method
    assert "timed out" in str(e)
    # A stalled request is recorded only when its stall ends: count the faults used instead
    # (allowing the server thread a moment to take the last one under load).
    deadline = time.monotonic() + 3
    while fake.pending_faults > 4 - attempts and time.monotonic() < deadline:
        time.sleep(0.01)
    assert fake.pending_faults == 4 - attempts


# --- authentication and quota -------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_real_401_from_a_wrong_key(mode: str, fake: FakeFocus, url: str) -> None:
    wrong = "toggl_sk_not_the_right_key"
    fake.reset_requests()
    with pytest.raises(AuthenticationError) as info:
        run_op(mode, fake, url, OPS["roles.list"].sync, OPS["roles.list"].aio, token=wrong)
    e = info.value
    assert e.status_code == 401 and e.error is not None and e.response.content == e.body
    assert fake.request_count == 1
    assert wrong not in str(e) and wrong not in repr(e)


def _quota_fake(quota: int, ghosts: int) -> FakeFocus:
    fake = FakeFocus(seed=5, ghosts=0, users=3, quota=quota)
    fake.add_ghosts(ghosts)
    return fake


@pytest.mark.parametrize("page_size", [None, 50])
def test_quota_spent_mid_pagination_keeps_what_was_yielded(
    page_size: int | None, sleeps: list[float]
) -> None:
    fake = _quota_fake(quota=3, ghosts=550)
    size = page_size or 100
    with fake.serve() as url, Focus(fake.token, base_url=url, **ids(fake)) as focus:
        yielded = []
        with pytest.raises(QuotaExceededError) as info:
            for ghost in focus.ghosts.list(page_size=page_size):
                yielded.append(ghost)
        e = info.value
        assert len(yielded) == 3 * size  # three pages arrived before the 402: none is lost
        assert [g.name for g in yielded] == [f"Ghost {n:06d}" for n in range(1, 3 * size + 1)]
        assert type(e) is QuotaExceededError and e.status_code == 402
        assert e.remaining == 0 and e.resets_in is not None and 3500 < e.resets_in <= 3600
        assert e.error == "quota_exceeded" and e.response.headers["X-Toggl-Quota-Remaining"] == "0"
        assert focus.quota.remaining == 0
        assert fake.request_count == 4  # 3 pages, then the 402; no retry
        assert sleeps == []  # raised at once: waiting is opt-in (max_quota_wait)


async def test_quota_spent_mid_concurrent_async_pagination() -> None:
    fake = _quota_fake(quota=3, ghosts=550)
    names = [f"Ghost {n:06d}" for n in range(1, 551)]
    with fake.serve() as url:
        async with AsyncFocus(fake.token, base_url=url, **ids(fake)) as afocus:
            yielded = []
            with pytest.raises(QuotaExceededError) as info:
                async for ghost in afocus.ghosts.list(concurrency=4):
                    yielded.append(ghost.name)
    # Pages 2-5 race for the last two requests of the window, so which of them get a 402
    # varies; what was yielded is always a whole-page, in-order prefix.
    assert len(yielded) in (100, 200, 300) and yielded == names[: len(yielded)]
    assert info.value.remaining == 0
    statuses = [r.status for r in fake.requests]
    assert statuses.count(200) == 3 and set(statuses[3:]) == {402}
    # Page 1, then at most `concurrency` in flight: no new page is started after the 402.
    assert 4 <= len(statuses) <= len(yielded) // 100 + 4


def test_plan_gated_402_is_not_a_spent_quota_even_with_quota_headers() -> None:
    fake = _quota_fake(quota=30, ghosts=5)
    fake.inject(Fault.plan_gated(), method="GET", path=r"/ghosts$")
    with fake.serve() as url, Focus(fake.token, base_url=url, **ids(fake)) as focus:
        focus.roles.list()
        with pytest.raises(PlanRestrictedError) as info:
            list(focus.ghosts.list())
        e = info.value
        assert not isinstance(e, QuotaExceededError)
        assert e.response.headers["X-Toggl-Quota-Remaining"] == "29"
        assert e.error_description == "Feature not available on current plan"
        assert focus.quota.remaining == 29
        assert fake.request_count == 2


# --- answers the fake cannot give: a scripted loopback server ----------------------------


def test_redirect_loop_is_one_request_and_a_focus_error() -> None:
    """A redirect loop (a misconfigured proxy) is not followed: one request, a FocusError."""

    def loop(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": seen.path}, b""

    with (
        ScriptedServer(loop) as server,
        Focus(
            "toggl_sk_x", base_url=server.origin + "/api", organization_id=1, max_retries=0
        ) as focus,
        pytest.raises(UnexpectedStatusError, match="not followed"),
    ):
        focus.roles.list()
    assert len(server.seen) == 1


def test_undecodable_content_encoding_is_a_focus_error() -> None:
    """A body that fails its Content-Encoding (gzip header, not gzip) must be a FocusError."""

    def broken(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, b"[]"

    with (
        ScriptedServer(broken) as server,
        Focus(
            "toggl_sk_x", base_url=server.origin + "/api", organization_id=1, max_retries=0
        ) as focus,
        pytest.raises(FocusDecodeError, match="could not be decoded") as info,
    ):
        focus.roles.list()
    assert (
        info.value.status_code == 200 and info.value.response.headers["content-encoding"] == "gzip"
    )
    assert len(server.seen) == 1


@pytest.mark.parametrize("resets_in", ["0", "1", "3600"])
def test_spent_quota_raises_at_once_by_default_whatever_resets_in_says(resets_in: str) -> None:
    """max_quota_wait=0 (the default) never waits, even when the window resets in 0 s."""

    def spent(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        headers = {"X-Toggl-Quota-Remaining": "0", "X-Toggl-Quota-Resets-In": resets_in,
                   "Content-Type": "application/json"}  # fmt: skip
        return 402, headers, b'{"error": "quota_exceeded", "error_description": "spent"}'

    with (
        ScriptedServer(spent) as server,
        Focus("toggl_sk_x", base_url=server.origin + "/api", organization_id=1) as focus,
        pytest.raises(QuotaExceededError) as info,
    ):
        focus.roles.list()
    assert info.value.resets_in == float(resets_in) and info.value.remaining == 0
    assert len(server.seen) == 1
