"""Fixtures for the `focus` CLI tests: the fake over loopback and the real console script.

`run(...)` starts `.venv/bin/focus` (the installed console script) as a subprocess against a
`FakeFocus` served on a loopback socket by this process, with a private config directory, so
each test sees exactly the requests its command sent (`fake.requests`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from toggl_focus.testing import FakeFocus

#: Not the fake's default: a token that must never show in any output.
SECRET = "toggl_sk_cli_SECRET_4f9a2b"
FOCUS = Path(sys.executable).with_name("focus")


@dataclass
class Result:
    """A finished `focus` run."""

    code: int
    out: str
    err: str


@dataclass
class Cli:
    """The console script bound to a served fake."""

    fake: FakeFocus
    base_url: str
    config_home: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
        env.update(
            TOGGL_FOCUS_BASE_URL=self.base_url,
            TOGGL_FOCUS_API_TOKEN=SECRET,
            TOGGL_FOCUS_ORGANIZATION_ID=str(self.fake.organization_id),
            TOGGL_FOCUS_WORKSPACE_ID=str(self.fake.workspace_id),
            XDG_CONFIG_HOME=str(self.config_home),
            COLUMNS="200",
            NO_PROXY="*",
        )
        env.update(extra)
        return env

    def run(
        self, *args: str, stdin: str = "", env: dict[str, str] | None = None, **extra: str
    ) -> Result:
        done = subprocess.run(
            [str(FOCUS), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env if env is not None else self.env(**extra),
            timeout=60,
        )
        for stream in (done.stdout, done.stderr):
            assert SECRET not in stream, "the token appeared in the output"
        return Result(done.returncode, done.stdout, done.stderr)

    def spent(self) -> int:
        """Requests the fake received since the last call (then forgets them)."""
        count = self.fake.request_count
        self.fake.reset_requests()
        return count


@pytest.fixture(autouse=True)
def _restore_the_library_logger() -> Iterator[None]:
    """In-process runs (CliRunner) configure the toggl_focus logger; undo it for other tests."""
    logger = logging.getLogger("toggl_focus")
    saved = (logger.level, list(logger.handlers), logger.propagate)
    yield
    logger.setLevel(saved[0])
    logger.handlers[:] = saved[1]
    logger.propagate = saved[2]


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Cli]:
    if not FOCUS.exists():
        pytest.fail(f"{FOCUS} is missing: run `make .venv` (pip install -e .)")
    fake = FakeFocus(seed=0, quota=600, token=SECRET)
    with fake.serve() as base_url:
        yield Cli(fake, base_url, tmp_path / "config")
