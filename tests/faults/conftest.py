"""Fixtures for the fault and bad-input suite: the fake over real loopback HTTP, no backoff waits.

Every client here talks to a server on 127.0.0.1 through a real socket (the fake's
`serve()`, or `ScriptedServer` for answers the fake cannot give), except the property
tests, which feed bytes through an in-process `httpx.MockTransport` for speed.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
from collections.abc import Awaitable, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
import pytest

from toggl_focus import AsyncFocus, Focus
from toggl_focus.testing import FakeFocus

from . import _tally

#: A token that appears nowhere else, so finding it in a log line or a message is a leak.
TOKEN = "toggl_sk_F4ULT_SUITE_s3cret_7f1c"


#: An Authorization value that is not redacted, whatever the token.
UNREDACTED_BEARER = re.compile(r"Bearer (?!\*\*\*)[^\s'\"]+")


#: INFO and DEBUG; the wheel matrix (scripts/wheel_matrix.py) runs DEBUG only, where the
#: installed httpx and httpcore log the most, and the dev suite runs both.
LOG_LEVELS = os.environ.get("TOGGL_FOCUS_TEST_LOG_LEVELS", "INFO,DEBUG").split(",")


@pytest.fixture(autouse=True, params=LOG_LEVELS)
def log_level(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Iterator[str]:
    """Run every fault test at INFO and at DEBUG: logging must never change behaviour.

    The `toggl_focus`, `httpx`, `httpcore` and root loggers are captured at that level, and
    afterwards no record may hold the token or an unredacted Authorization value.
    """
    level = request.param
    caplog.set_level(level)
    for name in ("toggl_focus", "httpx", "httpcore"):
        caplog.set_level(level, logger=name)
    _tally.ran(level)
    yield level
    leaks = [
        r.getMessage()
        for r in caplog.records
        if TOKEN in r.getMessage() or UNREDACTED_BEARER.search(r.getMessage())
    ]
    assert leaks == [], "the token reached the log"


@pytest.fixture
def fake() -> FakeFocus:
    """An organization with 120 users and no ghosts (tests add what they need)."""
    return FakeFocus(seed=11, ghosts=0, users=120, token=TOKEN)


@pytest.fixture
def url(fake: FakeFocus) -> Iterator[str]:
    """The fake served on a loopback socket: its base URL, e.g. http://127.0.0.1:PORT/api."""
    with fake.serve() as base_url:
        yield base_url


def ids(fake: FakeFocus) -> dict[str, Any]:
    """The fake's default organization and workspace, as client keyword arguments."""
    return {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}


@pytest.fixture
def focus(fake: FakeFocus, url: str) -> Iterator[Focus]:
    """A Focus client on the served fake."""
    with Focus(fake.token, base_url=url, **ids(fake)) as client:
        yield client


def run_op(
    mode: str,
    fake: FakeFocus,
    url: str,
    sync_op: Callable[[Focus], Any],
    async_op: Callable[[AsyncFocus], Awaitable[Any]],
    *,
    token: str | None = None,
    **client_kwargs: Any,
) -> Any:
    """Run one operation with a fresh Focus (mode "sync") or AsyncFocus (mode "async")."""
    kwargs = {**ids(fake), **client_kwargs}
    key = token or fake.token
    if mode == "sync":
        with Focus(key, base_url=url, **kwargs) as focus:
            return sync_op(focus)

    async def main() -> Any:
        async with AsyncFocus(key, base_url=url, **kwargs) as afocus:
            return await async_op(afocus)

    return asyncio.run(main())


# --- a scripted loopback server -----------------------------------------------------------


@attrs.frozen
class Seen:
    """One request a ScriptedServer received."""

    method: str
    path: str
    headers: dict[str, str]


Answer = tuple[int, dict[str, str], bytes]


class ScriptedServer:
    """A loopback HTTP/1.1 server answering `answer(seen, server)`; records what it saw.

    For what the fake does not do: redirects, Content-Encoding, header inspection.
    """

    def __init__(self, answer: Callable[[Seen, ScriptedServer], Answer]) -> None:
        self.answer = answer
        self.seen: list[Seen] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                seen = Seen(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}
                )
                outer.seen.append(seen)
                status, headers, body = outer.answer(seen, outer)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def origin(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


# --- the counts reported at the end of the run -------------------------------------------


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Report runs per log level and how many generated inputs the property tests tried."""
    if _tally.RUNS:
        terminalreporter.section("fault suite: runs per log level")
        for level, count in sorted(_tally.RUNS.items()):
            terminalreporter.write_line(f"{count:6d}  tests at {level}")
    if not _tally.TRIED:
        return
    terminalreporter.section("fault suite: generated inputs tried")
    for name, count in sorted(_tally.TRIED.items()):
        terminalreporter.write_line(f"{count:6d}  {name}")
    terminalreporter.write_line(f"{sum(_tally.TRIED.values()):6d}  in all")
