"""Fixtures for the fake server's own tests: a seeded fake and plain httpx clients on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from toggl_focus.testing import FakeFocus


class FakeClock:
    """A monotonic clock that tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    """A hand-moved clock for quota windows."""
    return FakeClock()


def _checked(fake: FakeFocus) -> Iterator[FakeFocus]:
    """A fake whose every answer to an operation must conform to the shipped spec."""
    fake.check_responses = True
    yield fake
    assert [str(v) for v in fake.response_violations] == []


@pytest.fixture
def fake() -> Iterator[FakeFocus]:
    """The default seeded organization (300 ghosts, 120 users); its answers are checked."""
    yield from _checked(FakeFocus(seed=0))


@pytest.fixture
def empty() -> Iterator[FakeFocus]:
    """An organization without ghosts, for exact counts; its answers are checked."""
    yield from _checked(FakeFocus(seed=0, ghosts=0, users=10))


@pytest.fixture
def http(fake: FakeFocus) -> Iterator[httpx.Client]:
    """Plain httpx on the in-process transport, authenticated."""
    with fake.client() as client:
        yield client


class Paths:
    """URL paths of one fake organization."""

    def __init__(self, fake: FakeFocus) -> None:
        self.fake = fake

    def ghosts(self, suffix: str = "", workspace_id: int | None = None) -> str:
        """The ghosts collection path of a workspace (the first one by default)."""
        workspace = self.fake.workspace_id if workspace_id is None else workspace_id
        return f"/organizations/{self.fake.organization_id}/workspaces/{workspace}/ghosts{suffix}"

    def org(self, suffix: str) -> str:
        """A path under the fake organization."""
        return f"/organizations/{self.fake.organization_id}{suffix}"


@pytest.fixture
def paths(fake: FakeFocus) -> Paths:
    """Paths of the `fake` fixture's organization."""
    return Paths(fake)


def _assert_error(response: httpx.Response, status: int, error: str | None = None) -> dict:
    """Assert an answer in the spec's Error shape and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict = response.json()
    assert isinstance(body["error"], str)
    assert isinstance(body["error_description"], str)
    assert isinstance(body["trace_id"], str)
    if error is not None:
        assert body["error"] == error
    return body


@pytest.fixture
def assert_error() -> Callable[..., dict]:
    """`assert_error(response, status, error=None)`: check the Error shape, return the body."""
    return _assert_error
