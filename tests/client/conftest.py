"""Fixtures: a fake Focus server and clients on it, in-process and over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from toggl_focus import AsyncFocus, Focus
from toggl_focus.testing import FakeFocus

MODES = ["in-process", "loopback"]


@pytest.fixture
def fake() -> FakeFocus:
    """An organization with no ghosts (tests add exactly what they need) and 120 users."""
    return FakeFocus(seed=7, ghosts=0, users=120)


@pytest.fixture(params=MODES)
def focus(request: pytest.FixtureRequest, fake: FakeFocus, sleeps: list[float]) -> Iterator[Focus]:
    """A Focus client on the fake, in-process or over a real loopback socket."""
    ids = {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}
    if request.param == "in-process":
        http = httpx.Client(transport=fake.transport())
        with Focus(fake.token, base_url=fake.base_url, http_client=http, **ids) as client:
            yield client
        http.close()
    else:
        with fake.serve() as url, Focus(fake.token, base_url=url, **ids) as client:
            yield client


@pytest.fixture(params=MODES)
async def afocus(
    request: pytest.FixtureRequest, fake: FakeFocus, sleeps: list[float]
) -> AsyncIterator[AsyncFocus]:
    """An AsyncFocus client on the fake, in-process or over a real loopback socket."""
    ids = {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}
    if request.param == "in-process":
        http = httpx.AsyncClient(transport=fake.async_transport())
        async with AsyncFocus(fake.token, base_url=fake.base_url, http_client=http, **ids) as c:
            yield c
        await http.aclose()
    else:
        with fake.serve() as url:
            async with AsyncFocus(fake.token, base_url=url, **ids) as client:
                yield client
