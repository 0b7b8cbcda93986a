"""Constructor and lifecycle mistakes are FocusConfigError before any request, never builtins.

Found by an adversarial review: `Focus(max_retries=None)`, `Focus(b"toggl_sk_...")`,
`Focus(12345)`, `timeout="abc"` escaped as TypeError/ValueError; any call after `close()` was
a RuntimeError; one `AsyncFocus` used under two `asyncio.run()` raised RuntimeError('Event
loop is closed'); `repr()` of a half-built Focus raised AttributeError.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from toggl_focus import AsyncFocus, Focus, FocusConfigError
from toggl_focus.testing import FakeFocus
from toggl_focus_api.types import UNSET

from .conftest import TOKEN, ids

BAD_CONSTRUCTOR_ARGUMENTS: list[tuple[str, dict[str, Any]]] = [
    ("token-bytes", {"token": TOKEN.encode()}),
    ("token-int", {"token": 12345}),
    ("token-empty", {"token": ""}),
    ("max-retries-none", {"max_retries": None}),
    ("max-retries-negative", {"max_retries": -1}),
    ("max-retries-float", {"max_retries": 1.5}),
    ("max-retries-bool", {"max_retries": True}),
    ("timeout-str", {"timeout": "abc"}),
    ("timeout-zero", {"timeout": 0}),
    ("timeout-negative", {"timeout": -3}),
    ("deadline-str", {"deadline": "10"}),
    ("deadline-zero", {"deadline": 0}),
    ("max-quota-wait-negative", {"max_quota_wait": -1}),
    ("max-quota-wait-nan", {"max_quota_wait": float("nan")}),
    ("max-quota-wait-str", {"max_quota_wait": "60"}),
    ("max-response-bytes-zero", {"max_response_bytes": 0}),
    ("max-response-bytes-float", {"max_response_bytes": 1e6}),
    ("organization-id-str", {"organization_id": "9001"}),
    ("organization-id-zero", {"organization_id": 0}),
    ("workspace-id-bool", {"workspace_id": True}),
    ("base-url-int", {"base_url": 8080}),
    ("base-url-query", {"base_url": "https://focus.toggl.com/api?x=1"}),
    ("http-client-wrong-type", {"http_client": object()}),
]


@pytest.mark.parametrize(
    "kwargs",
    [k for _, k in BAD_CONSTRUCTOR_ARGUMENTS],
    ids=[n for n, _ in BAD_CONSTRUCTOR_ARGUMENTS],
)
def test_bad_constructor_argument_is_a_config_error(kwargs: dict[str, Any]) -> None:
    arguments = {"token": TOKEN, **kwargs}
    with pytest.raises(FocusConfigError) as info:
        Focus(**arguments)
    assert TOKEN not in str(info.value)
    with pytest.raises(FocusConfigError):
        AsyncFocus(**arguments)


def test_a_sync_client_is_refused_by_async_focus_and_vice_versa() -> None:
    with httpx.Client() as sync_http, pytest.raises(FocusConfigError, match="AsyncClient"):
        AsyncFocus(TOKEN, http_client=sync_http)  # type: ignore[arg-type]
    with pytest.raises(FocusConfigError, match=r"httpx\.Client"):
        Focus(TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [{"timeout": "abc"}, {"max_retries": -1}, {"max_retries": "2"}, {"deadline": -1}],
    ids=["timeout-str", "retries-negative", "retries-str", "deadline-negative"],
)
def test_bad_per_call_option_is_a_config_error_before_any_request(
    fake: FakeFocus, options: dict[str, Any]
) -> None:
    with Focus(fake.token, base_url=fake.base_url, http_client=_http(fake), **ids(fake)) as f:
        fake.reset_requests()
        with pytest.raises(FocusConfigError):
            f.roles.list(**options)
    assert fake.request_count == 0


def _http(fake: FakeFocus) -> httpx.Client:
    return httpx.Client(transport=fake.transport())


BAD_ITEMS: list[tuple[str, Any, str]] = [
    # A working-hours create item needs only `working_hours` (Toggl's spec), an update item
    # `working_hour_id` and `working_hours`; without them the item used to be a bare KeyError.
    ("hours-create-no-hours", lambda f: f.working_hours.create_for_user(5101, [{"weekday": 1}]),
     r"entries\[0\] lacks the required field 'working_hours'"),
    ("hours-update-no-id", lambda f: f.working_hours.update_for_ghost(
        1, [{"working_hour_id": 1, "working_hours": 8}, {"working_hours": 8}]),
     r"entries\[1\] lacks the required field 'working_hour_id'"),
    ("hours-not-a-mapping", lambda f: f.working_hours.create_for_user(5101, [8]),
     r"entries\[0\] must be a WorkingHoursCreate or a mapping"),
    ("bulk-create-no-name", lambda f: f.ghosts.bulk_create([{"name": "a"}, {"description": "b"}]),
     r"ghosts\[1\] lacks the required field 'name'"),
    ("bulk-update-no-id", lambda f: f.ghosts.bulk_update([{"name": "x"}]),
     r"updates\[0\] lacks the required field 'id'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "message"), [(c, m) for _, c, m in BAD_ITEMS], ids=[n for n, _, _ in BAD_ITEMS]
)
def test_a_bad_request_item_is_a_config_error_before_any_request(
    fake: FakeFocus, call: Any, message: str
) -> None:
    with Focus(fake.token, base_url=fake.base_url, http_client=_http(fake), **ids(fake)) as f:
        fake.reset_requests()
        with pytest.raises(FocusConfigError, match=message):
            call(f)
    assert fake.request_count == 0


def test_a_working_hours_item_without_weekday_is_sent(fake: FakeFocus) -> None:
    """Toggl's spec makes `weekday` optional: the facade sends such an item as it is."""
    with Focus(fake.token, base_url=fake.base_url, http_client=_http(fake), **ids(fake)) as f:
        [entry] = f.working_hours.create_for_user(fake.me_user_id, [{"working_hours": 40}])
        [changed] = [
            e
            for e in f.working_hours.update_for_user(
                fake.me_user_id, [{"working_hour_id": entry.working_hour_id, "working_hours": 38}]
            )
            if e.working_hour_id == entry.working_hour_id
        ]
    assert (entry.working_hours, changed.working_hours) == (40, 38)
    assert entry.weekday is UNSET and changed.weekday is UNSET  # sent and answered without


def test_repr_of_a_half_built_client_does_not_raise() -> None:
    for cls in (Focus, AsyncFocus):
        assert cls.__name__ in repr(cls.__new__(cls))
        with pytest.raises(FocusConfigError):
            cls(12345)  # type: ignore[arg-type]


def test_a_call_after_close_is_a_config_error(fake: FakeFocus, url: str) -> None:
    focus = Focus(fake.token, base_url=url, **ids(fake))
    assert focus.roles.list()
    focus.close()
    fake.reset_requests()
    with pytest.raises(FocusConfigError, match="closed"):
        focus.roles.list()
    assert fake.request_count == 0


def test_an_async_call_after_close_is_a_config_error(fake: FakeFocus, url: str) -> None:
    async def main() -> None:
        afocus = AsyncFocus(fake.token, base_url=url, **ids(fake))
        assert await afocus.roles.list()
        await afocus.close()
        with pytest.raises(FocusConfigError, match="closed"):
            await afocus.roles.list()

    asyncio.run(main())


def test_a_closed_caller_client_is_a_config_error(fake: FakeFocus) -> None:
    http = _http(fake)
    focus = Focus(fake.token, base_url=fake.base_url, http_client=http, **ids(fake))
    http.close()
    with pytest.raises(FocusConfigError, match="http_client"):
        focus.roles.list()


def test_one_async_client_under_two_event_loops(fake: FakeFocus, url: str) -> None:
    """Each `asyncio.run()` gets a fresh pool: no 'Event loop is closed' on the second."""
    afocus = AsyncFocus(fake.token, base_url=url, **ids(fake))
    fake.reset_requests()
    first = asyncio.run(afocus.roles.list())
    second = asyncio.run(afocus.roles.list())
    assert first == second and len(first) == 5
    assert fake.request_count == 2
    asyncio.run(afocus.close())


def test_the_sync_deadline_sits_inside_every_socket_read(fake: FakeFocus, url: str) -> None:
    """The deadline backend is installed under our own transport (guards an httpx upgrade)."""
    with Focus(fake.token, base_url=url, **ids(fake)) as focus:
        focus.roles.list()
        assert focus._wire.deadline_inside_reads
