"""Shared by every test: retries never really sleep.

Backoff is a deterministic 0.25 s and every wait (backoff or quota reset) is recorded in
the `sleeps` list instead of slept, so tests can assert how often and how long the client
would have waited without spending the time.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from toggl_focus._ground import retry as _retry

# `pytester` runs pytest on test files written by a test (tests/testing/test_pytest_plugin.py).
pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the client asked for, in order."""
    waited: list[float] = []
    monkeypatch.setattr(_retry, "backoff_delay", lambda attempt, **_: 0.25)
    monkeypatch.setattr(_retry, "sleep", waited.append)

    async def asleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(_retry, "asleep", asleep)
    return waited


def pytest_configure(config: pytest.Config) -> None:
    """SIGINT handled here, whatever the parent did; and, with TOGGL_FOCUS_TEST_INSTALLED=1
    (scripts/wheel_matrix.py), the installed wheel tested, never the checkout.

    A background job of a non-interactive shell (`cmd &` in a script, as a CI script may run
    us) starts with SIGINT ignored, and every `focus` or fake server a test starts would
    inherit that: the Ctrl-C tests then see their SIGINT ignored (exit 0, not 130). Handling
    it in this process gives the children the default again (exec resets a handled signal).

    The tests then must import `toggl_focus` and `toggl_focus_api` from site-packages, never
    from the checkout's `extensions/` or `generated/`; anything else ends the run at once.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if os.environ.get("TOGGL_FOCUS_TEST_INSTALLED") != "1":
        return
    import toggl_focus
    import toggl_focus_api

    for module in (toggl_focus, toggl_focus_api):
        where = Path(module.__file__ or "").resolve()
        if "site-packages" not in where.parts:
            raise pytest.UsageError(f"{module.__name__} imported from {where}, not the wheel")
