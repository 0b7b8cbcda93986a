"""`with_options`, `default_headers`, per-call `extra_headers` / `extra_query`, the User-Agent.

Copies share the wire (connection pool) and the quota tracker; the original owns the pool.
Caller headers and query parameters go on Focus's requests only, never replace the token,
the framing or a parameter the call sets, and what the caller hands in is never modified.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import httpx
import pytest

from toggl_focus import AsyncFocus, Focus, FocusConfigError, __version__
from toggl_focus._ground import retry as _retry
from toggl_focus.testing import FakeFocus, Fault


class Recorder(httpx.BaseTransport):
    """The fake's transport, keeping every request it is handed."""

    def __init__(self, fake: FakeFocus) -> None:
        self.inner = fake.transport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)


class AsyncRecorder(httpx.AsyncBaseTransport):
    def __init__(self, fake: FakeFocus) -> None:
        self.inner = fake.async_transport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def recorder(fake: FakeFocus) -> Recorder:
    return Recorder(fake)


@pytest.fixture
def client(fake: FakeFocus, recorder: Recorder, sleeps: list[float]) -> Iterator[Focus]:
    with (
        httpx.Client(transport=recorder) as http,
        Focus(
            fake.token,
            base_url=fake.base_url,
            organization_id=fake.organization_id,
            workspace_id=fake.workspace_id,
            http_client=http,
            default_headers={"X-App": "planner"},
        ) as focus,
    ):
        yield focus


REAL_BACKOFF = _retry.backoff_delay  # before the suite's fixture patches it

EXPECTED_AGENT = re.compile(
    rf"toggl-focus/{re.escape(__version__)} python-httpx/{re.escape(httpx.__version__)} "
    rf"Python/{re.escape(platform.python_version())}"
)


# --- the User-Agent ------------------------------------------------------------------------


def test_the_user_agent_names_the_client_httpx_and_python(
    client: Focus, recorder: Recorder
) -> None:
    client.roles.list()
    assert EXPECTED_AGENT.fullmatch(recorder.requests[-1].headers["User-Agent"])


def test_a_callers_user_agent_goes_first_and_ours_stays(client: Focus, recorder: Recorder) -> None:
    client.roles.list(extra_headers={"User-Agent": "planner/2.1"})
    agent = recorder.requests[-1].headers["User-Agent"]
    assert agent.startswith("planner/2.1 ") and EXPECTED_AGENT.fullmatch(agent[12:])
    tagged = client.with_options(default_headers={"user-agent": "planner/3"})
    tagged.roles.list()
    assert recorder.requests[-1].headers["User-Agent"].startswith("planner/3 toggl-focus/")


# --- headers and query ---------------------------------------------------------------------


def test_default_and_extra_headers_are_sent(client: Focus, recorder: Recorder) -> None:
    client.roles.list(extra_headers={"X-Request-Id": "r-1"})
    sent = recorder.requests[-1].headers
    assert sent["X-App"] == "planner" and sent["X-Request-Id"] == "r-1"
    assert sent["Authorization"].startswith("Bearer ")
    client.roles.list(extra_headers={"x-app": "override"})  # per call beats per client
    assert recorder.requests[-1].headers.get_list("X-App") == ["override"]
    client.roles.list()
    assert "X-Request-Id" not in recorder.requests[-1].headers  # per call is per call


def test_extra_query_is_added(client: Focus, recorder: Recorder, fake: FakeFocus) -> None:
    fake.add_ghost("Casper")
    ghosts = list(client.ghosts.list(extra_query={"trace": "t1", "tags": [1, 2]}))
    assert [g.name for g in ghosts] == ["Casper"]
    params = recorder.requests[-1].url.params
    assert params["trace"] == "t1" and params.get_list("tags") == ["1", "2"]
    assert params["page"] == "1" and params["rows"] == "100"


def test_extra_query_may_not_replace_a_parameter_of_the_call(
    client: Focus, recorder: Recorder
) -> None:
    with pytest.raises(FocusConfigError, match="extra_query may not set page"):
        list(client.ghosts.list(extra_query={"page": 3}))
    assert recorder.requests == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer other"},
        {"authorization": "x"},
        {"Host": "evil.example"},
        {"Content-Length": "0"},
        {"Accept-Encoding": "br"},
        {"Transfer-Encoding": "chunked"},
        {"Cookie": "a=b"},
    ],
)
def test_reserved_headers_are_refused(
    client: Focus, recorder: Recorder, headers: dict[str, str]
) -> None:
    name = next(iter(headers))
    with pytest.raises(FocusConfigError, match=f"extra_headers may not set {name}"):
        client.roles.list(extra_headers=headers)
    with pytest.raises(FocusConfigError, match=f"default_headers may not set {name}"):
        client.with_options(default_headers=headers)
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("extra_headers", {"X-A": "line\r\nX-Injected: 1"}, "printable ASCII"),
        ("extra_headers", {"X A": "v"}, "not a valid header name"),
        ("extra_headers", {"X-A": 1}, "must be a str"),
        ("extra_headers", ["X-A"], "must be a mapping"),
        ("extra_query", {"a": True}, "must be a str, int or float"),
        ("extra_query", {"a": float("nan")}, "must be finite"),
        ("extra_query", {"a": [object()]}, "must be a str, int or float"),
        ("extra_query", {"": "x"}, "is not a parameter name"),
        ("extra_query", "a=1", "must be a mapping"),
    ],
)
def test_bad_extras_are_config_errors_before_any_request(
    client: Focus, recorder: Recorder, option: str, value: Any, message: str
) -> None:
    with pytest.raises(FocusConfigError, match=message):
        client.roles.list(**{option: value})
    with pytest.raises(FocusConfigError, match=message):
        client.ghosts.list(**{option: value})  # a listing: at list(), not when iterating
    assert recorder.requests == []


def test_nothing_the_caller_hands_in_is_modified(client: Focus, recorder: Recorder) -> None:
    headers = {"User-Agent": "planner/2.1", "X-Trace": "t"}
    query = {"trace": ["a", "b"]}
    frozen = MappingProxyType({"X-Frozen": "yes"})
    client.roles.list(extra_headers=headers, extra_query=query)
    copy = client.with_options(default_headers=frozen)
    copy.roles.list(extra_headers=headers)
    assert headers == {"User-Agent": "planner/2.1", "X-Trace": "t"}
    assert query == {"trace": ["a", "b"]}
    assert dict(frozen) == {"X-Frozen": "yes"}
    assert recorder.requests[-1].headers["X-Frozen"] == "yes"


def test_extras_never_reach_the_callers_other_requests(
    fake: FakeFocus, recorder: Recorder, client: Focus
) -> None:
    """The caller's http_client is shared with their app: its own requests get nothing."""
    client.roles.list(extra_headers={"X-Trace": "t"})
    app = httpx.Client(transport=recorder)
    app.get(f"{fake.base_url}/organizations/{fake.organization_id}/roles")
    app.close()
    theirs = recorder.requests[-1]
    assert "X-Trace" not in theirs.headers and "X-App" not in theirs.headers
    assert "Authorization" not in theirs.headers


# --- with_options --------------------------------------------------------------------------


def test_copies_share_the_wire_and_the_quota_tracker(client: Focus, fake: FakeFocus) -> None:
    fake.quota = 30
    patient = client.with_options(max_retries=5, timeout=3, max_quota_wait=60)
    assert patient._wire is client._wire and patient.quota is client.quota
    assert patient.api is client.api
    patient.roles.list()
    assert client.quota.remaining == 29  # seen by the original: one tracker
    client.roles.list()
    assert patient.quota.remaining == 28


def test_copies_have_their_own_options(client: Focus, fake: FakeFocus, sleeps: list[float]) -> None:
    careful = client.with_options(max_retries=0)
    fake.inject(Fault.status(503), times=1, method="GET")
    with pytest.raises(Exception, match="503"):
        careful.roles.list()
    assert fake.request_count == 1
    fake.inject(Fault.status(503), times=1, method="GET")
    client.roles.list()  # the original still retries (max_retries=2)
    assert fake.request_count == 3 and len(sleeps) == 1
    assert careful._policy.max_retries == 0 and client._policy.max_retries == 2


def test_with_options_checks_like_the_constructor(client: Focus) -> None:
    for bad in (
        {"timeout": -1},
        {"deadline": 0},
        {"max_retries": -1},
        {"max_retries": True},
        {"max_quota_wait": -5},
        {"backoff_initial": -1},
        {"backoff_initial": 2, "backoff_max": 1},
        {"default_headers": {"Authorization": "x"}},
    ):
        with pytest.raises(FocusConfigError):
            client.with_options(**bad)
    with pytest.raises(TypeError):
        client.with_options(token="other")  # type: ignore[call-arg]


def test_headers_of_copies_add_up(client: Focus, recorder: Recorder) -> None:
    first = client.with_options(default_headers={"X-Team": "a"})
    second = first.with_options(default_headers={"X-App": "b"})
    second.roles.list()
    sent = recorder.requests[-1].headers
    assert sent["X-Team"] == "a" and sent.get_list("X-App") == ["b"]
    client.roles.list()
    assert "X-Team" not in recorder.requests[-1].headers


def test_closing_a_copy_leaves_the_original_open(client: Focus, fake: FakeFocus) -> None:
    with client.with_options(timeout=5) as copy:
        copy.roles.list()
    with pytest.raises(FocusConfigError, match="closed"):
        copy.roles.list()
    client.roles.list()  # the pool is the original's, still open
    assert fake.request_count == 2


def test_closing_the_original_ends_its_copies(fake: FakeFocus) -> None:
    with fake.serve() as url:
        focus = Focus(fake.token, base_url=url, organization_id=fake.organization_id)
        copy = focus.with_options(max_retries=0)
        copy.roles.list()
        focus.close()
        with pytest.raises(FocusConfigError, match="closed"):
            copy.roles.list()
    assert fake.request_count == 1


async def test_async_with_options(fake: FakeFocus, sleeps: list[float]) -> None:
    recorder = AsyncRecorder(fake)
    async with (
        httpx.AsyncClient(transport=recorder) as http,
        AsyncFocus(
            fake.token,
            base_url=fake.base_url,
            organization_id=fake.organization_id,
            http_client=http,
            default_headers={"X-App": "planner"},
        ) as focus,
    ):
        fake.quota = 30
        async with focus.with_options(max_retries=0, default_headers={"X-Team": "a"}) as copy:
            await copy.roles.list(extra_headers={"X-Call": "1"}, extra_query={"q": "x"})
            sent = recorder.requests[-1]
            assert sent.headers["X-App"] == "planner" and sent.headers["X-Team"] == "a"
            assert sent.headers["X-Call"] == "1" and sent.url.params["q"] == "x"
            assert EXPECTED_AGENT.fullmatch(sent.headers["User-Agent"])
            assert focus.quota.remaining == 29 and copy.quota is focus.quota
            fake.inject(Fault.status(503), times=1, method="GET")
            with pytest.raises(Exception, match="503"):
                await copy.roles.list()
        with pytest.raises(FocusConfigError, match="closed"):
            await copy.roles.list()
        await focus.roles.list()  # the original is open
        assert "X-Team" not in recorder.requests[-1].headers


# --- backoff -------------------------------------------------------------------------------


def test_backoff_bounds_per_client_and_per_copy(
    client: Focus, fake: FakeFocus, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Full jitter: uniform(0, min(max, initial * 2**(n-1))); here the top of each range."""
    monkeypatch.setattr(_retry, "backoff_delay", REAL_BACKOFF)
    monkeypatch.setattr(_retry.random, "uniform", lambda low, high: high)
    fake.inject(Fault.status(502), times=2, method="GET")
    client.roles.list()
    assert sleeps == [0.5, 1.0]  # the defaults: 0.5 s doubling, up to 8 s
    sleeps.clear()
    quick = client.with_options(max_retries=4, backoff_initial=0.1, backoff_max=0.3)
    fake.inject(Fault.status(504), times=4, method="GET")
    quick.roles.list()
    assert sleeps == [0.1, 0.2, 0.3, 0.3]
    sleeps.clear()
    fake.inject(Fault.status(503), times=1, method="GET")
    client.roles.list()  # the original keeps its own bounds
    assert sleeps == [0.5]


def test_backoff_bounds_in_the_constructor(fake: FakeFocus, sleeps: list[float]) -> None:
    with pytest.raises(FocusConfigError, match="backoff_max"):
        Focus(fake.token, backoff_initial=3, backoff_max=2)
    with pytest.raises(FocusConfigError, match="backoff_initial"):
        Focus(fake.token, backoff_initial=float("nan"))
    focus = Focus(fake.token, backoff_initial=0, backoff_max=0)
    assert (focus._policy.backoff_initial, focus._policy.backoff_max) == (0.0, 0.0)
    focus.close()
