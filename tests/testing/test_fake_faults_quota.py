"""Quota (countdown, 402, reset on an injected clock), fault injection, latency and recording,
over both the in-process transport and the loopback socket."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import httpx
import pytest

from toggl_focus.testing import FakeFocus, Fault, RecordedRequest

MODES = ["in-process", "loopback"]


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """Run a test over the in-process transport and over the loopback socket."""
    return str(request.param)


@pytest.fixture
def small() -> FakeFocus:
    """A small organization (fast to seed)."""
    return FakeFocus(seed=0, ghosts=20, users=5)


@pytest.fixture
def http(small: FakeFocus, mode: str) -> Iterator[httpx.Client]:
    """Plain httpx to `small`, in-process or over loopback, authenticated."""
    headers = {"Authorization": f"Bearer {small.token}"}
    if mode == "in-process":
        with small.client(timeout=2.0) as client:
            yield client
    else:
        with (
            small.serve() as base_url,
            httpx.Client(base_url=base_url, headers=headers, timeout=2.0) as client,
        ):
            yield client


def _roles(fake: FakeFocus) -> str:
    return f"/organizations/{fake.organization_id}/roles"


def _ghosts(fake: FakeFocus) -> str:
    return f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts"


# --- quota ---------------------------------------------------------------------------------


def test_quota_counts_down_spends_and_resets(small: FakeFocus, clock, http, assert_error):
    small.quota = 3
    small.clock = clock
    remaining = []
    for step in range(3):
        response = http.get(_roles(small))
        assert response.status_code == 200
        remaining.append(int(response.headers["X-Toggl-Quota-Remaining"]))
        assert int(response.headers["X-Toggl-Quota-Resets-In"]) == 3600 - 10 * step
        clock.advance(10)
    assert remaining == [2, 1, 0]
    spent = http.get(_roles(small))
    body = assert_error(spent, 402, "quota_exceeded")
    assert body["error_values"] == {"limit": 3}
    assert spent.headers["X-Toggl-Quota-Remaining"] == "0"
    assert spent.headers["X-Toggl-Quota-Resets-In"] == "3570"
    clock.advance(3569.5)
    assert http.get(_roles(small)).headers["X-Toggl-Quota-Resets-In"] == "1"
    clock.advance(0.5)  # the window opened an hour ago: a new one starts
    fresh = http.get(_roles(small))
    assert fresh.status_code == 200
    assert fresh.headers["X-Toggl-Quota-Remaining"] == "2"
    assert fresh.headers["X-Toggl-Quota-Resets-In"] == "3600"


def test_quota_headers_on_every_authenticated_answer(small: FakeFocus, clock, http) -> None:
    small.quota = 30
    small.clock = clock
    for response in (
        http.get(_ghosts(small), params={"rows": 500}),  # 400
        http.get(_ghosts(small) + "/424242"),  # 404
        http.post(_ghosts(small), json={"name": "q"}),  # 201
    ):
        assert response.status_code in (400, 404, 201)
        assert "X-Toggl-Quota-Remaining" in response.headers
    assert small.quota_used == 3
    unauthenticated = http.get(_roles(small), headers={"Authorization": "Bearer nope"})
    assert unauthenticated.status_code == 401
    assert "X-Toggl-Quota-Remaining" not in unauthenticated.headers
    assert small.quota_used == 3  # a request without the token is not counted


@pytest.mark.parametrize("now", [260458.44269316443, 1000.1, 15557.787014353])
def test_a_new_window_resets_in_an_hour_not_a_second_more(
    small: FakeFocus, http, now: float
) -> None:
    """At some clock readings `now + 3600 - now` is a hair above 3600 in floating point; the
    first answer of a window must still say 3600 (an hour), never 3601."""
    small.quota = 30
    small.clock = lambda: now
    response = http.get(_roles(small))
    assert response.headers["X-Toggl-Quota-Resets-In"] == "3600"


def test_unlimited_quota_sends_no_headers(small: FakeFocus, http) -> None:
    response = http.get(_roles(small))
    assert "X-Toggl-Quota-Remaining" not in response.headers
    assert "X-Toggl-Quota-Resets-In" not in response.headers


def test_plan_gated_402_is_not_a_spent_quota(small: FakeFocus, clock, http, assert_error):
    small.quota = 30
    small.clock = clock
    small.inject(Fault.plan_gated())
    response = http.get(_roles(small))
    assert_error(response, 402, "payment_required")
    assert response.headers["X-Toggl-Quota-Remaining"] == "30"
    assert small.quota_used == 0  # faults use no quota


# --- faults --------------------------------------------------------------------------------


def test_status_fault_for_the_next_n_matching_requests(small: FakeFocus, http, assert_error):
    small.inject(Fault.status(503), times=2, method="GET", path=r"/ghosts$")
    assert http.get(_roles(small)).status_code == 200  # path does not match
    assert http.post(_ghosts(small), json={"name": "x"}).status_code == 201  # method
    assert_error(http.get(_ghosts(small)), 503, "service_unavailable")
    assert_error(http.get(_ghosts(small)), 503)
    assert small.pending_faults == 0
    assert http.get(_ghosts(small)).status_code == 200


@pytest.mark.parametrize("code", [499, 500, 504, 429])
def test_any_status_code(small: FakeFocus, http, assert_error, code: int) -> None:
    small.inject(Fault.status(code))
    assert_error(http.get(_roles(small)), code)


def test_status_fault_with_custom_bodies(small: FakeFocus, http) -> None:
    small.inject(Fault.status(500, body="upstream failed"))
    small.inject(Fault.status(400, body={"error": "validation", "error_description": "custom"}))
    small.inject(Fault.status(502, body=b"not json at all"))
    text = http.get(_roles(small))
    assert (text.status_code, text.text) == (500, "upstream failed")
    assert text.headers["content-type"].startswith("text/plain")
    assert http.get(_roles(small)).json()["error_description"] == "custom"
    raw = http.get(_roles(small))
    assert raw.content == b"not json at all"
    assert raw.headers["content-type"] == "application/json"


def test_html_fault(small: FakeFocus, http) -> None:
    small.inject(Fault.html(502))
    response = http.get(_roles(small))
    assert response.status_code == 502
    assert response.headers["content-type"] == "text/html"
    assert "<title>502 Bad Gateway</title>" in response.text


@pytest.mark.parametrize("fault", [Fault.truncated_json(), Fault.malformed_json()])
def test_broken_json_faults(small: FakeFocus, http, fault: Fault) -> None:
    small.inject(fault)
    response = http.get(_ghosts(small))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_wrong_shape_and_raw_body_faults(small: FakeFocus, http) -> None:
    small.inject(Fault.wrong_shape())
    small.inject(Fault.body(200, b'{"data": [], "total": 0, "page": 1, "rows": 50, "new": 1}'))
    assert "unexpected" in http.get(_ghosts(small)).json()
    assert http.get(_ghosts(small)).json()["new"] == 1


def test_wrong_shape_default_is_unusable(small: FakeFocus, http) -> None:
    small.inject(Fault.wrong_shape())
    body = http.get(_ghosts(small)).json()
    assert body == {"unexpected": "shape", "data": "not-a-list"}


def test_disconnect_fault(small: FakeFocus, http) -> None:
    small.inject(Fault.disconnect())
    with pytest.raises(httpx.RemoteProtocolError):
        http.get(_roles(small))
    assert small.requests[-1].status is None and small.requests[-1].fault == "disconnect"
    assert http.get(_roles(small)).status_code == 200  # the next request is served


def test_stall_past_the_timeout(small: FakeFocus, http) -> None:
    small.inject(Fault.stall(2.5))
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        http.get(_roles(small), timeout=httpx.Timeout(5.0, read=0.3))
    assert time.monotonic() - started < 2.0


def test_short_stall_answers_late(small: FakeFocus, http) -> None:
    small.inject(Fault.stall(0.2))
    started = time.monotonic()
    assert http.get(_roles(small)).status_code == 200
    assert time.monotonic() - started >= 0.2


def test_latency(small: FakeFocus, http) -> None:
    small.latency = 0.1
    started = time.monotonic()
    for _ in range(3):
        assert http.get(_roles(small)).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_faults_leave_the_state_alone(small: FakeFocus, http) -> None:
    before = len(small.state.ghosts)
    small.inject(Fault.status(500), method="POST")
    assert http.post(_ghosts(small), json={"name": "lost"}).status_code == 500
    assert len(small.state.ghosts) == before


def test_clear_faults_and_bad_times(small: FakeFocus, http) -> None:
    small.inject(Fault.status(500), times=5)
    small.clear_faults()
    assert http.get(_roles(small)).status_code == 200
    with pytest.raises(ValueError):
        small.inject(Fault.status(500), times=0)


# --- recording -----------------------------------------------------------------------------


def test_requests_are_recorded(small: FakeFocus, http) -> None:
    small.reset_requests()
    params = {"rows": 5, "search": "a b"}
    http.get(_ghosts(small), params=params)
    http.post(_ghosts(small), json={"name": "n"})
    assert small.request_count == 2
    first, second = small.requests
    # The query exactly as sent: httpx 0.28 writes the space as `+`, earlier releases as `%20`.
    sent = str(httpx.QueryParams(params))
    assert sent in ("rows=5&search=a+b", "rows=5&search=a%20b")
    assert first == RecordedRequest("GET", "/api" + _ghosts(small), sent, 200)
    assert (second.method, second.status, json.loads(second.body)) == ("POST", 201, {"name": "n"})
    small.reset_requests()
    assert small.requests == [] and small.request_count == 0


# --- async transport -----------------------------------------------------------------------


def test_async_transport_faults_and_latency(small: FakeFocus) -> None:
    async def run() -> None:
        headers = {"Authorization": f"Bearer {small.token}"}
        async with httpx.AsyncClient(
            base_url=small.base_url, transport=small.async_transport(), headers=headers
        ) as client:
            assert (await client.get(_roles(small))).status_code == 200
            small.inject(Fault.status(502))
            assert (await client.get(_roles(small))).status_code == 502
            small.inject(Fault.disconnect())
            with pytest.raises(httpx.RemoteProtocolError):
                await client.get(_roles(small))
            small.inject(Fault.stall(10))
            with pytest.raises(httpx.ReadTimeout):
                await client.get(_roles(small), timeout=httpx.Timeout(1.0, read=0.1))
            small.latency = 0.05
            started = time.monotonic()
            await asyncio.gather(*(client.get(_roles(small)) for _ in range(5)))
            assert time.monotonic() - started < 0.25  # awaited, not blocking

    asyncio.run(run())
