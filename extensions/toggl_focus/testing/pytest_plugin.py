"""pytest fixtures for apps that use toggl-focus: a fresh fake Focus server per test.

Registered through the `pytest11` entry point of the `toggl-focus` distribution, so
`pip install "toggl-focus[testing]"` is all it takes (as with respx or moto; `-p
no:toggl_focus` turns it off). Fixtures:

- `fake_focus`: a fresh `FakeFocus` (seed 0, quota unlimited), after the markers below;
- `focus`: a `Focus` bound to it in-process (no socket), closed after the test;
- `async_focus`: the same as an `AsyncFocus`. It is a plain fixture, so it needs no
  async plugin to be set up; it is closed after the test (in an event loop of its own).

Markers, on a test, a class or a module (the closest wins for `focus_fake` and
`focus_quota`; `focus_fault` marks add up):

- `@pytest.mark.focus_fake(seed=1, ghosts=20, users=10, ...)`: `FakeFocus(...)` arguments;
  `focus_fake(style="sparse")` makes the fake send `null` where Toggl sends `""` or `0`
  (and leave out a user's `rate` and `working_hours` unless asked for);
- `@pytest.mark.focus_quota(5)`: 5 requests an hour, then 402s (`FakeFocus(quota=5)`);
- `@pytest.mark.focus_fault(Fault.status(503), times=2, method="GET", path=...)`: the
  arguments of `FakeFocus.inject`; a bare status code stands for `Fault.status(code)`.
  Several faults are injected in the order they are written, top to bottom.

The clients retry as they would in production (backoff waits included): give `focus_fault`
a status they do not retry, or `times` above `max_retries`, to see an error.

Importing this module needs only pytest: the fake (and the `testing` extra it needs) is
loaded by the fixtures, so an install without the extra never breaks a test run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

if TYPE_CHECKING:
    from toggl_focus import AsyncFocus, Focus
    from toggl_focus.testing import FakeFocus

MARKERS = (
    "focus_fake(**kwargs): FakeFocus(...) arguments for the fake_focus fixture "
    "(toggl-focus pytest plugin)",
    "focus_quota(limit): the fake_focus fixture allows `limit` requests an hour "
    "(toggl-focus pytest plugin)",
    "focus_fault(fault, *, times=1, method=None, path=None): FakeFocus.inject(...) before the "
    "test; a bare status code means Fault.status(code) (toggl-focus pytest plugin)",
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers, so that `--strict-markers` accepts them."""
    for line in MARKERS:
        config.addinivalue_line("markers", line)


def _misuse(message: str) -> NoReturn:
    """Fail the test with a one-line message (a marker used wrongly), no traceback."""
    pytest.fail(message, pytrace=False)


def _fake_from_markers(node: pytest.Item) -> FakeFocus:
    try:
        from toggl_focus.testing import FakeFocus, Fault
    except ImportError as exc:  # pragma: no cover - exercised without the extra only
        pytest.fail(
            f"the toggl_focus fixtures need the testing extra ({exc}): "
            'pip install "toggl-focus[testing]"',
            pytrace=False,
        )
    kwargs: dict[str, Any] = {}
    fake_mark = node.get_closest_marker("focus_fake")
    if fake_mark is not None:
        if fake_mark.args:
            _misuse("focus_fake takes keyword arguments only, e.g. seed=1")
        kwargs.update(fake_mark.kwargs)
    quota_mark = node.get_closest_marker("focus_quota")
    if quota_mark is not None:
        if len(quota_mark.args) != 1 or quota_mark.kwargs:
            _misuse("focus_quota takes one argument: the requests an hour")
        kwargs["quota"] = quota_mark.args[0]
    fake = FakeFocus(**kwargs)
    # iter_markers yields the test's own marks first, innermost decorator first: reversed,
    # module and class marks come first and decorators read top to bottom.
    for mark in reversed(list(node.iter_markers("focus_fault"))):
        if len(mark.args) != 1:
            _misuse("focus_fault takes one fault (or status code) and options")
        fault = mark.args[0]
        if isinstance(fault, int) and not isinstance(fault, bool):
            fault = Fault.status(fault)
        if not isinstance(fault, Fault):
            _misuse(f"focus_fault: expected a Fault or a status code, got {fault!r}")
        fake.inject(fault, **mark.kwargs)
    return fake


@pytest.fixture
def fake_focus(request: pytest.FixtureRequest) -> FakeFocus:
    """A fresh fake Focus server (`toggl_focus.testing.FakeFocus`), after the test's markers."""
    node = request.node
    assert isinstance(node, pytest.Item)
    return _fake_from_markers(node)


def _bound_to(fake: FakeFocus) -> dict[str, Any]:
    """The client settings that point at `fake`: its base URL, organization and workspace."""
    return {
        "base_url": fake.base_url,
        "organization_id": fake.organization_id,
        "workspace_id": fake.workspace_id,
    }


@pytest.fixture
def focus(fake_focus: FakeFocus) -> Iterator[Focus]:
    """A `Focus` on `fake_focus` (in-process), with its organization and workspace."""
    import httpx

    from toggl_focus import Focus

    http = httpx.Client(transport=fake_focus.transport())
    client = Focus(fake_focus.token, http_client=http, **_bound_to(fake_focus))
    try:
        yield client
    finally:
        client.close()
        http.close()


@pytest.fixture
def async_focus(fake_focus: FakeFocus) -> Iterator[AsyncFocus]:
    """An `AsyncFocus` on `fake_focus` (in-process), with its organization and workspace."""
    import httpx

    from toggl_focus import AsyncFocus

    http = httpx.AsyncClient(transport=fake_focus.async_transport())
    client = AsyncFocus(fake_focus.token, http_client=http, **_bound_to(fake_focus))
    try:
        yield client
    finally:

        async def close() -> None:
            await client.close()
            await http.aclose()

        asyncio.run(close())
