"""Fixtures for ghost plans: a fake, and a sync or async client on it with hooks.

Every test runs twice, with `Focus` and with `AsyncFocus`; `run()` awaits what the async
client returns, so one test body drives both. The hook sits between the client and the fake:
it can inject a fault on the n-th write (so a test can fail any one step of a plan) and
rewrite answers (a 201 that describes nothing).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from toggl_focus import AsyncFocus, Focus
from toggl_focus.testing import FakeFocus, Fault


class Hook:
    """Counts the writes the fake receives; injects a fault on a chosen one."""

    def __init__(self, fake: FakeFocus) -> None:
        self.fake = fake
        self.writes = 0
        self.faults: dict[int, Fault] = {}
        self.rewrite: Callable[[httpx.Request, httpx.Response], httpx.Response] | None = None

    def fail_write(self, number: int, fault: Fault) -> None:
        """Answer the `number`-th write from now (1 = the next one) with `fault`."""
        self.faults[self.writes + number] = fault

    def before(self, request: httpx.Request) -> None:
        if request.method != "GET":
            self.writes += 1
            fault = self.faults.pop(self.writes, None)
            if fault is not None:
                self.fake.inject(fault, times=1)

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        return response if self.rewrite is None else self.rewrite(request, response)


class _SyncHooked(httpx.BaseTransport):
    def __init__(self, hook: Hook) -> None:
        self.hook, self.inner = hook, hook.fake.transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.hook.before(request)
        return self.hook.after(request, self.inner.handle_request(request))


class _AsyncHooked(httpx.AsyncBaseTransport):
    def __init__(self, hook: Hook) -> None:
        self.hook, self.inner = hook, hook.fake.async_transport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.hook.before(request)
        return self.hook.after(request, await self.inner.handle_async_request(request))


async def run(value: Any) -> Any:
    """The value, awaited when the async client returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture
def fake() -> FakeFocus:
    """An organization with no ghosts: each test adds what it needs."""
    return FakeFocus(seed=5, ghosts=0, users=3)


@pytest.fixture
def hook(fake: FakeFocus) -> Hook:
    return Hook(fake)


@pytest.fixture
def client_options() -> dict[str, Any]:
    """Extra Focus(...) arguments; tests override it (max_retries, max_quota_wait)."""
    return {}


@pytest.fixture(params=["sync", "async"])
async def focus(
    request: pytest.FixtureRequest,
    fake: FakeFocus,
    hook: Hook,
    client_options: dict[str, Any],
    sleeps: list[float],
) -> AsyncIterator[Focus | AsyncFocus]:
    ids = {
        "base_url": fake.base_url,
        "organization_id": fake.organization_id,
        "workspace_id": fake.workspace_id,
        **client_options,
    }
    if request.param == "sync":
        http = httpx.Client(transport=_SyncHooked(hook))
        with Focus(fake.token, http_client=http, **ids) as client:
            yield client
        http.close()
    else:
        ahttp = httpx.AsyncClient(transport=_AsyncHooked(hook))
        async with AsyncFocus(fake.token, http_client=ahttp, **ids) as aclient:
            yield aclient
        await ahttp.aclose()
