"""Typed errors, retries, timeouts, quota handling, logging and credential safety."""

from __future__ import annotations

import logging

import httpx
import pytest

from toggl_focus import (
    AsyncFocus,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Focus,
    FocusConfigError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    PlanRestrictedError,
    QuotaExceededError,
    ServerError,
    UnexpectedStatusError,
)
from toggl_focus.testing import FakeFocus, Fault

GHOSTS = r"/ghosts$"


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.status(400), BadRequestError),
        (Fault.status(422), BadRequestError),
        (Fault.status(403), PermissionDeniedError),
        (Fault.status(404), NotFoundError),
        (Fault.status(409), ConflictError),
        (Fault.status(500), ServerError),
        (Fault.plan_gated(), PlanRestrictedError),
        (Fault.status(499), UnexpectedStatusError),
        (Fault.status(418), UnexpectedStatusError),
    ],
)
def test_each_status_raises_its_class(
    focus: Focus, fake: FakeFocus, fault: Fault, error: type[FocusStatusError]
) -> None:
    fake.inject(fault, method="GET", path=GHOSTS)
    with pytest.raises(error) as info:
        list(focus.ghosts.list())
    e = info.value
    assert e.response.status_code == e.status_code == fault.code
    assert e.method == "GET" and "/ghosts" in e.url
    assert str(e.status_code) in str(e)


def test_error_body_fields_are_parsed(focus: Focus, fake: FakeFocus) -> None:
    body = {"error": "validation", "error_description": "rows too big", "trace_id": "t-1",
            "error_values": {"rows": 500}}  # fmt: skip
    fake.inject(Fault.status(400, body=body), path=GHOSTS)
    with pytest.raises(BadRequestError) as info:
        list(focus.ghosts.list())
    e = info.value
    assert (e.error, e.error_description, e.trace_id) == ("validation", "rows too big", "t-1")
    assert e.error_values == {"rows": 500}
    assert "rows too big" in str(e) and "t-1" in str(e)


def test_wrong_token_is_an_authentication_error(fake: FakeFocus) -> None:
    http = httpx.Client(transport=fake.transport())
    with Focus("toggl_sk_wrong", base_url=fake.base_url, organization_id=1, workspace_id=1,
               http_client=http) as focus, pytest.raises(AuthenticationError) as info:  # fmt: skip
        focus.roles.list()
    assert info.value.status_code == 401
    assert "toggl_sk_wrong" not in str(info.value)


@pytest.mark.parametrize(
    "fault", [Fault.html(502), Fault.truncated_json(), Fault.malformed_json(), Fault.wrong_shape()]
)
def test_undecodable_bodies_keep_the_raw_response(
    focus: Focus, fake: FakeFocus, fault: Fault
) -> None:
    fake.inject(fault, times=3, method="GET", path=r"/roles$")
    with pytest.raises(FocusError) as info:
        focus.roles.list(max_retries=0)
    e = info.value
    assert isinstance(e, (FocusDecodeError, ServerError))
    assert e.response.content and e.body == e.response.content  # type: ignore[union-attr]


def test_get_is_retried_on_503_then_succeeds(
    focus: Focus, fake: FakeFocus, sleeps: list[float]
) -> None:
    fake.inject(Fault.status(503), times=2, method="GET", path=r"/roles$")
    fake.reset_requests()
    assert focus.roles.list()
    assert fake.request_count == 3 and sleeps == [0.25, 0.25]


def test_retries_give_up_after_max_retries(focus: Focus, fake: FakeFocus) -> None:
    fake.inject(Fault.status(502), times=10, method="GET", path=r"/roles$")
    fake.reset_requests()
    with pytest.raises(ServerError):
        focus.roles.list()
    assert fake.request_count == 3  # 1 + max_retries=2
    fake.reset_requests()
    with pytest.raises(ServerError):
        focus.roles.list(max_retries=0)
    assert fake.request_count == 1


def test_post_and_patch_are_never_retried_on_5xx(focus: Focus, fake: FakeFocus) -> None:
    fake.inject(Fault.status(503), times=5, method="POST")
    fake.reset_requests()
    with pytest.raises(ServerError):
        focus.ghosts.create("Once only")
    assert fake.request_count == 1
    ghost = fake.add_ghost("Patched")
    fake.inject(Fault.status(504), times=5, method="PATCH")
    fake.reset_requests()
    with pytest.raises(ServerError):
        focus.ghosts.update(ghost["id"], name="x")
    assert fake.request_count == 1


def test_dropped_connection_is_a_connection_error_and_get_retries(
    focus: Focus, fake: FakeFocus
) -> None:
    fake.inject(Fault.disconnect(), times=1, method="GET", path=r"/roles$")
    fake.reset_requests()
    assert focus.roles.list()
    assert fake.request_count == 2
    fake.inject(Fault.disconnect(), times=5, method="POST")
    with pytest.raises(FocusConnectionError) as info:
        focus.ghosts.create("ambiguous")
    assert "toggl_sk" not in str(info.value)


def test_connect_error_is_retried_even_for_post(fake: FakeFocus, sleeps: list[float]) -> None:
    inner = fake.transport()
    failures = [httpx.ConnectError("refused")]

    class Flaky(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if failures:
                raise failures.pop()
            return inner.handle_request(request)

    http = httpx.Client(transport=Flaky())
    ids = {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}
    with Focus(fake.token, base_url=fake.base_url, http_client=http, **ids) as focus:
        assert focus.ghosts.create("sent once").name == "sent once"
    assert sleeps == [0.25]


def test_read_timeout_per_call(focus: Focus, fake: FakeFocus) -> None:
    fake.inject(Fault.stall(2.0), times=4, method="GET", path=r"/roles$")
    with pytest.raises(FocusTimeoutError):
        focus.roles.list(timeout=0.2)
    # Faults are taken as requests arrive (a stalled one is recorded only when it ends):
    # 3 of the 4 were consumed, so the GET was tried once and retried twice.
    assert fake.pending_faults == 1


def test_default_timeout_is_explicit(fake: FakeFocus) -> None:
    seen: list[dict[str, float]] = []
    inner = fake.transport()

    class Spy(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.extensions["timeout"])
            return inner.handle_request(request)

    with Focus(fake.token, base_url=fake.base_url, organization_id=fake.organization_id,
               http_client=httpx.Client(transport=Spy()), timeout=12) as focus:  # fmt: skip
        focus.roles.list()
        focus.roles.list(timeout=httpx.Timeout(3, connect=1))
    with Focus(fake.token, base_url=fake.base_url, organization_id=fake.organization_id,
               http_client=httpx.Client(transport=Spy())) as focus:  # fmt: skip
        focus.roles.list()
    assert seen[0] == {"connect": 12, "read": 12, "write": 12, "pool": 12}
    assert seen[1] == {"connect": 1, "read": 3, "write": 3, "pool": 3}
    assert seen[2] == {"connect": 5, "read": 30, "write": 30, "pool": 30}


def _quota_focus(fake: FakeFocus, max_quota_wait: float = 0.0) -> Focus:
    return Focus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=httpx.Client(transport=fake.transport()),
        max_quota_wait=max_quota_wait,
    )


def test_quota_counts_down_and_raises_at_once_when_spent(sleeps: list[float]) -> None:
    now = [1000.0]
    fake = FakeFocus(seed=1, ghosts=250, users=10, quota=3, clock=lambda: now[0])
    with _quota_focus(fake) as focus:
        yielded = []
        with pytest.raises(QuotaExceededError) as info:
            yielded.extend(focus.ghosts.list(page_size=50))
        assert len(yielded) == 150  # three pages arrived before the 402; none is lost
        assert focus.quota.remaining == 0
        e = info.value
        assert e.remaining == 0 and e.resets_in is not None and 0 < e.resets_in <= 3600
        assert sleeps == []  # raised at once, no waiting by default
        now[0] += 3601  # the window resets
        assert focus.roles.list()
        assert focus.quota.remaining == 2


def test_quota_wait_is_opt_in(sleeps: list[float]) -> None:
    now = [0.0]
    fake = FakeFocus(seed=1, ghosts=0, users=10, quota=1, clock=lambda: now[0])

    def advance(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    with _quota_focus(fake, max_quota_wait=3600) as focus:
        focus.roles.list()
        import toggl_focus._ground.retry as retry

        original, retry.sleep = retry.sleep, advance
        try:
            assert focus.roles.list()  # waited for the reset instead of raising
        finally:
            retry.sleep = original
    assert len(sleeps) == 1 and 3599 <= sleeps[0] <= 3601


def test_low_quota_warns(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeFocus(seed=1, ghosts=0, users=10, quota=6)
    with _quota_focus(fake) as focus, caplog.at_level(logging.WARNING, "toggl_focus"):
        for _ in range(3):
            focus.roles.list()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "quota low" in warnings[0].getMessage()


def test_debug_log_has_one_line_per_request_and_no_token(
    fake: FakeFocus, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    fake.inject(Fault.status(503), times=1, method="GET", path=r"/roles$")
    with _quota_focus(fake) as focus, caplog.at_level(logging.DEBUG):
        focus.roles.list()
        with pytest.raises(NotFoundError) as info:
            focus.ghosts.get(424242)
    ours = [r for r in caplog.records if r.name == "toggl_focus"]
    lines = [
        r.getMessage() for r in ours if r.levelno == logging.DEBUG and " -> " in r.getMessage()
    ]
    assert len(lines) == 3 and "GET /api/organizations/" in lines[0] and "-> 503" in lines[0]
    assert any(r.levelno == logging.INFO and "retrying" in r.getMessage() for r in ours)
    everything = " ".join(r.getMessage() for r in caplog.records)
    everything += repr(focus) + repr(focus.api) + str(info.value) + repr(info.value)
    assert fake.token not in everything


def test_token_and_url_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOGGL_FOCUS_API_TOKEN", raising=False)
    with pytest.raises(FocusConfigError, match="TOGGL_FOCUS_API_TOKEN"):
        Focus()
    with pytest.raises(FocusConfigError, match="whitespace") as info:
        Focus("toggl_sk_abc\n")
    assert "toggl_sk_abc" not in str(info.value)
    with pytest.raises(FocusConfigError, match="plain http"):
        Focus("toggl_sk_abc", base_url="http://focus.example.com/api")
    Focus("toggl_sk_abc", base_url="http://127.0.0.1:9/api").close()  # loopback is fine
    monkeypatch.setenv("TOGGL_FOCUS_API_TOKEN", "toggl_sk_env")
    monkeypatch.setenv("TOGGL_FOCUS_BASE_URL", "http://localhost:8080/api")
    with Focus() as focus:
        assert str(focus.base_url) == "http://localhost:8080/api"
        assert "toggl_sk_env" not in repr(focus)


def test_missing_ids_are_reported_before_any_request(fake: FakeFocus) -> None:
    http = httpx.Client(transport=fake.transport())
    with Focus(fake.token, base_url=fake.base_url, http_client=http) as focus:
        with pytest.raises(FocusConfigError, match="organization_id"):
            focus.roles.list()
        with pytest.raises(FocusConfigError, match="workspace_id"):
            focus.ghosts.get(1, organization_id=fake.organization_id)
    assert fake.request_count == 0


def test_a_redirect_is_not_followed() -> None:
    seen: dict[str, str | None] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers.get("Authorization")
        if request.url.host == "focus.toggl.com":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/roles"})
        return httpx.Response(200, json=[])

    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    with (
        Focus("toggl_sk_secret", organization_id=1, http_client=http) as focus,
        pytest.raises(UnexpectedStatusError, match=r"elsewhere\.example"),
    ):
        focus.roles.list()
    assert seen == {"focus.toggl.com": "Bearer toggl_sk_secret"}


def test_forward_compatible_decoding(focus: Focus, fake: FakeFocus) -> None:
    ghost = {"id": 1, "name": "Future", "brand_new_field": {"x": 1}, "deleted_at": "",
             "embodied_at": None, "created_at": ""}  # fmt: skip
    import json

    fake.inject(Fault.body(200, json.dumps(ghost).encode()), method="GET", path=r"/ghosts/1$")
    got = focus.ghosts.get(1)
    assert got.additional_properties["brand_new_field"] == {"x": 1}
    assert not got.deleted_at and not got.embodied_at and not got.created_at


async def test_async_errors_and_retries(afocus: AsyncFocus, fake: FakeFocus) -> None:
    fake.inject(Fault.status(503), times=2, method="GET", path=r"/roles$")
    fake.reset_requests()
    assert await afocus.roles.list()
    assert fake.request_count == 3
    with pytest.raises(NotFoundError):
        await afocus.ghosts.get(99999)
    fake.inject(Fault.status(499), method="GET", path=r"/roles$")
    with pytest.raises(UnexpectedStatusError):
        await afocus.roles.list()
    fake.inject(Fault.malformed_json(), times=3, method="GET", path=r"/roles$")
    with pytest.raises(FocusDecodeError):
        await afocus.roles.list()


def test_a_call_waits_for_the_quota_at_most_once(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []

    def always_spent(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        headers = {"X-Toggl-Quota-Remaining": "0", "X-Toggl-Quota-Resets-In": "2"}
        body = {"error": "quota_exceeded", "error_description": "spent"}
        return httpx.Response(402, json=body, headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(always_spent))
    focus = Focus("toggl_sk_x", organization_id=1, http_client=http, max_quota_wait=60)
    with focus, pytest.raises(QuotaExceededError) as info:
        focus.roles.list()
    assert len(sent) == 2 and sleeps == [2.5]
    assert info.value.resets_in == 2


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"{}", "500 Internal Server Error: body without error fields: '{}'"),
        (b"<html>oops</html>", "500 Internal Server Error: non-JSON body: '<html>oops</html>'"),
        (b"", "500 Internal Server Error: empty body"),
    ],
)
def test_error_message_describes_a_body_without_error_fields(raw: bytes, says: str) -> None:
    http = httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(500, content=raw)))
    focus = Focus("toggl_sk_x", organization_id=1, http_client=http, max_retries=0)
    with focus, pytest.raises(ServerError) as info:
        focus.roles.list()
    assert str(info.value).startswith(says)
