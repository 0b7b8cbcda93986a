"""`TOGGL_FOCUS_LOG=info|debug` (issue 14, point 3): a stderr handler at import.

Each case runs in a fresh interpreter, since the switch acts when `toggl_focus` is imported.
The script makes one listing against the in-process fake, with a 503 first (a retry, logged
at INFO) and a token of its own, which must appear nowhere in what the process writes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

TOKEN = "toggl_sk_logswitchsecret0123456789"

SCRIPT = textwrap.dedent(
    f"""
    import logging
    import httpx
    import toggl_focus
    from toggl_focus import Focus
    from toggl_focus.testing import FakeFocus, Fault

    fake = FakeFocus(seed=1, ghosts=3, users=3, token={TOKEN!r})
    fake.inject(Fault.status(503), method="GET")
    http = httpx.Client(transport=fake.transport())
    with Focus({TOKEN!r}, base_url=fake.base_url, http_client=http,
               organization_id=fake.organization_id, workspace_id=fake.workspace_id) as focus:
        assert len(list(focus.ghosts.list())) >= 1
    try:
        focus.ghosts.get(1)      # after close(): a FocusConfigError, nothing logged with a token
    except toggl_focus.FocusError as e:
        pass
    logger = logging.getLogger("toggl_focus")
    print("handlers", len(logger.handlers), logging.getLevelName(logger.level))
    """
)


def run(script: str, value: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"TOGGL_FOCUS_LOG", "TOGGL_FOCUS_API_TOKEN"}
    }
    if value is not None:
        env["TOGGL_FOCUS_LOG"] = value
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("value", ["debug", "DEBUG", " Debug\n"])
def test_debug_logs_every_request_and_the_retry(value: str) -> None:
    proc = run(SCRIPT, value)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "handlers 1 DEBUG"
    lines = proc.stderr.splitlines()
    requests = [
        line for line in lines if "- DEBUG]" in line and "GET /api/organizations/9001/" in line
    ]
    assert len(requests) == 2, proc.stderr  # the 503, then the page
    assert "-> 503" in requests[0] and "-> 200" in requests[1]
    assert any("- INFO] retrying GET" in line for line in lines), proc.stderr
    assert all(line.startswith("[") and " - toggl_focus:" in line for line in lines), proc.stderr
    assert TOKEN not in proc.stderr + proc.stdout
    assert TOKEN[9:] not in proc.stderr + proc.stdout


def test_info_logs_the_retry_but_not_each_request() -> None:
    proc = run(SCRIPT, "info")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "handlers 1 INFO"
    assert "- INFO] retrying GET" in proc.stderr
    assert "DEBUG" not in proc.stderr
    assert TOKEN not in proc.stderr


@pytest.mark.parametrize("value", [None, "", "  "])
def test_unset_or_empty_installs_nothing(value: str | None) -> None:
    proc = run(SCRIPT, value)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "handlers 0 NOTSET"
    assert proc.stderr == ""


def test_an_unknown_value_is_ignored_with_a_warning() -> None:
    proc = run(SCRIPT, "verbose")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "handlers 0 NOTSET"
    assert proc.stderr.strip() == "TOGGL_FOCUS_LOG: 'verbose' is not one of info, debug; ignored"


def test_an_unknown_value_is_not_echoed_when_it_may_be_a_secret() -> None:
    proc = run(SCRIPT, TOKEN)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "handlers 0 NOTSET"
    assert f"a value of {len(TOKEN)} characters is not one of info, debug" in proc.stderr
    assert TOKEN not in proc.stderr


def test_importing_again_never_adds_a_second_handler() -> None:
    script = textwrap.dedent(
        """
        import importlib, logging, os, sys
        import toggl_focus
        importlib.reload(toggl_focus)
        for name in [m for m in sys.modules if m.startswith("toggl_focus")]:
            del sys.modules[name]
        os.environ["TOGGL_FOCUS_LOG"] = "info"     # the level follows the variable
        import toggl_focus
        logger = logging.getLogger("toggl_focus")
        print(len(logger.handlers), logging.getLevelName(logger.handlers[0].level))
        """
    )
    proc = run(script, "debug")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1 INFO"
