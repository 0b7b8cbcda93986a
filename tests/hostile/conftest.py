"""Fixtures of the hostile suite: raw-socket servers, both log levels, the token scan, a tally.

Every test here runs at log level INFO and at DEBUG (the autouse, parametrized `log_level`
fixture), with the `toggl_focus`, `httpx`, `httpcore` and root loggers captured at that
level, because logging must never change what the client does or leak what it must not.
Tests that drive the client do it through `hostile.run(...)`, once per `mode` (sync
`Focus`, async `AsyncFocus`), which returns the `Outcome` (value or exception, time taken)
and fails the test if the token shows in any captured log record or in the str, repr or
formatted traceback of the exception.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import math
import os
import ssl
import threading
import time
import traceback
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import httpx._transports.default
import pytest
from httpx._config import create_ssl_context

from toggl_focus import AsyncFocus, Focus
from toggl_focus._ground import retry as _retry
from toggl_focus._wire.http import counting
from toggl_focus.pagination import SyncPager

from .ops import ORG, WS, Op
from .server import THREAD_PREFIX, HostileServer, Script

#: The API token of every client here. It appears nowhere else, so any sighting is a leak,
#: and so is any 12 characters of it in a row (a token cut short, or partly masked).
TOKEN = "tfk_h0stile_Q8vX2mLr7Kp4_9zW"
LEAK_WINDOW = 12
LOGGERS = ("toggl_focus", "httpx", "httpcore", "")  # "" is the root logger
MODES = ["sync", "async"]


# --- waits: recorded, never slept, and checked like time.sleep checks them ------------------


def _as_time_sleep_would(seconds: float) -> None:
    """Raise what `time.sleep(seconds)` raises for a length it rejects, without sleeping."""
    if math.isnan(seconds) or seconds < 0:
        raise ValueError(f"sleep length must be non-negative and not NaN, got {seconds}")
    if seconds > 9.2e9:  # beyond what the clock can represent; inf too
        raise OverflowError("timestamp too large to convert to C _PyTime_t")


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the client asked for, in order (overrides the suite-wide fixture).

    Like the suite-wide one it records instead of sleeping, but it also rejects the waits
    the real `time.sleep` rejects (NaN, negative, infinite), so a client that would crash
    (or, async, hang for ever) on such a wait fails here too.
    """
    waited: list[float] = []
    monkeypatch.setattr(_retry, "backoff_delay", lambda attempt, **_: 0.25)

    def sleep(seconds: float) -> None:
        _as_time_sleep_would(seconds)
        waited.append(seconds)

    async def asleep(seconds: float) -> None:
        _as_time_sleep_would(seconds)
        waited.append(seconds)

    monkeypatch.setattr(_retry, "sleep", sleep)
    monkeypatch.setattr(_retry, "asleep", asleep)
    return waited


# --- speed: one SSL context -----------------------------------------------------------------

_SSL_CONTEXTS: dict[bool, ssl.SSLContext] = {}


def _cached_ssl_context(
    verify: ssl.SSLContext | str | bool = True, cert: Any = None, trust_env: bool = True
) -> ssl.SSLContext:
    if verify is not True or cert is not None:
        return create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
    if trust_env not in _SSL_CONTEXTS:
        _SSL_CONTEXTS[trust_env] = create_ssl_context(trust_env=trust_env)
    return _SSL_CONTEXTS[trust_env]


@pytest.fixture(autouse=True)
def _one_ssl_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every client builds the default SSL context once per process, not once per client.

    Each httpx client loads the CA bundle (about 25 ms) into a context that plain-http
    loopback never uses; with a fresh client per run that was half the suite's time.
    """
    monkeypatch.setattr(
        httpx._transports.default, "create_ssl_context", _cached_ssl_context, raising=False
    )


# --- logs: both levels, every record kept -----------------------------------------------------


class LogCapture(logging.Handler):
    """Keeps every record the captured loggers emit at the level under test."""

    def __init__(self, level: int) -> None:
        super().__init__(logging.NOTSET)
        self.level_under_test = level
        self.records: list[logging.LogRecord] = []

    @property
    def level_name(self) -> str:
        return logging.getLevelName(self.level_under_test)

    def emit(self, record: logging.LogRecord) -> None:
        # Attached to every captured logger, it sees a propagating record once per ancestor.
        if not any(record is kept for kept in self.records[-8:]):
            self.records.append(record)

    def texts(self) -> list[str]:
        """Everything a log handler could show of each record."""
        formatter = logging.Formatter()
        out: list[str] = []
        for record in self.records:
            try:
                out.append(record.getMessage())
            except Exception:  # a bad format string is still shown somehow
                out.append(f"{record.msg!r} % {record.args!r}")
            out.append(repr(record.args))
            if record.exc_info:
                out.append(formatter.formatException(record.exc_info))
        return out


#: INFO and DEBUG; the wheel matrix (scripts/wheel_matrix.py) runs DEBUG only, where the
#: installed httpx and httpcore log the most, and the dev suite runs both.
LOG_LEVELS = os.environ.get("TOGGL_FOCUS_TEST_LOG_LEVELS", "INFO,DEBUG").split(",")


@pytest.fixture(params=[logging.getLevelName(n) for n in LOG_LEVELS], ids=LOG_LEVELS, autouse=True)
def log_level(request: pytest.FixtureRequest) -> Iterator[LogCapture]:
    """Run the test at INFO and at DEBUG, capturing toggl_focus, httpx, httpcore and root.

    The handler sits on each of those loggers (not just the root), so a record still reaches
    it if a logger below the root stops propagation.
    """
    level: int = request.param
    capture = LogCapture(level)
    loggers = [logging.getLogger(name or None) for name in LOGGERS]
    saved = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(capture)
        logger.setLevel(level)
    try:
        yield capture
    finally:
        for logger, old in zip(loggers, saved, strict=True):
            logger.removeHandler(capture)
            logger.setLevel(old)


# --- servers -----------------------------------------------------------------------------------


@pytest.fixture
def serve() -> Iterator[Callable[..., HostileServer]]:
    """Start hostile servers: `serve(script, on_accept=..., host=..., name=...)`.

    All are stopped after the test, and no server thread may outlive it.
    """
    servers: list[HostileServer] = []

    def start(script: Script = (), **kwargs: Any) -> HostileServer:
        server = HostileServer(script, **kwargs).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
    leaked = [t.name for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]
    assert not leaked, f"hostile server threads outlived the test: {leaked}"


# --- the token scan ----------------------------------------------------------------------------


def exception_texts(error: BaseException) -> list[str]:
    """Every way an exception is shown: str, repr and the whole chained traceback."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:  # causes and contexts, one by one
        seen.add(id(link))
        texts += [str(link), repr(link)]
        link = link.__cause__ or link.__context__
    return texts


def leaks(texts: list[str], secret: str = TOKEN) -> list[str]:
    """The texts showing `LEAK_WINDOW` or more characters of the secret, cut around the sighting.

    The sighting itself is masked in the result, so a failing test does not print it.
    """
    windows = {secret[i : i + LEAK_WINDOW] for i in range(len(secret) - LEAK_WINDOW + 1)}
    found = []
    for text in texts:
        for window in windows:
            at = text.find(window)
            if at >= 0:
                found.append(text[max(0, at - 80) : at].replace(window, "") + "<TOKEN...>")
                break
    return found


# --- running an operation, sync or async ------------------------------------------------------


@attrs.define
class Outcome:
    """What one client run gave: the value or the exception, and how long the call took."""

    value: Any = None
    error: Exception | None = None
    elapsed: float = 0.0
    focus: Any = None  # the (closed) client, e.g. to read its quota
    peak_memory: int | None = None
    requests: int = 0  # attempts the client counted as sent (toggl_focus._wire.http.counting)

    def raised(self, kind: type[BaseException] | tuple[type[BaseException], ...]) -> Any:
        """The exception, which must be a `kind` (or one of several)."""
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wanted = " or ".join(k.__name__ for k in kinds)
        assert isinstance(self.error, kinds), (
            f"expected {wanted}, got {type(self.error).__name__}: {self.error!r}"
        )
        return self.error

    def succeeded(self) -> Any:
        """The value; the call must not have raised."""
        assert self.error is None, f"expected success, got {type(self.error).__name__}: " + repr(
            self.error
        )
        return self.value


def _drain(value: Any) -> Any:
    return list(value) if isinstance(value, SyncPager) else value


async def _adrain(value: Any) -> Any:
    if inspect.isawaitable(value):
        return await value
    if hasattr(value, "__aiter__"):
        return [item async for item in value]
    return value


@attrs.define
class Hostile:
    """Runs client operations in one mode against hostile servers and checks for leaks."""

    mode: str
    logs: LogCapture
    sleeps: list[float]

    def run(
        self,
        url: str,
        op: Op,
        *,
        client: dict[str, Any] | None = None,
        call: dict[str, Any] | None = None,
        repeat: int = 1,
        pause: float = 0.0,
        token: str = TOKEN,
        trace_memory: bool = False,
    ) -> Outcome:
        """Build a fresh client on `url` (keyword args `client`), call `op` `repeat` times.

        Repeated calls are `pause` seconds apart (so a server's close between them lands).
        `call` holds the per-call options. Any exception, from the constructor on, ends up
        in the outcome; the test fails at once if anything shows the token.
        """
        kwargs = {"organization_id": ORG, "workspace_id": WS, "base_url": url, **(client or {})}
        options = call or {}
        outcome = Outcome()
        if trace_memory:
            tracemalloc.start()
        with counting() as counter:
            started = time.perf_counter()
            try:
                if self.mode == "sync":
                    focus = outcome.focus = Focus(token, **kwargs)
                    with focus:
                        for i in range(repeat):
                            if i:
                                time.sleep(pause)
                            started = time.perf_counter()
                            outcome.value = _drain(op.call(focus, options))
                else:

                    async def main() -> None:
                        nonlocal started
                        afocus = outcome.focus = AsyncFocus(token, **kwargs)
                        async with afocus:
                            for i in range(repeat):
                                if i:
                                    await asyncio.sleep(pause)
                                started = time.perf_counter()
                                outcome.value = await _adrain(op.call(afocus, options))

                    asyncio.run(main())
            except Exception as exc:
                outcome.error = exc
            finally:
                outcome.elapsed = time.perf_counter() - started
                outcome.requests = counter.count
                if trace_memory:
                    outcome.peak_memory = tracemalloc.get_traced_memory()[1]
                    tracemalloc.stop()
        self.assert_no_leak(outcome.error)
        return outcome

    def scenario(self, body: Callable[[Scenario], Any]) -> None:
        """Run `async def body(scenario)` in this mode; every client is closed afterwards."""

        async def main() -> None:
            scenario = Scenario(self.mode)
            try:
                await body(scenario)
            finally:
                await scenario.close()

        asyncio.run(main())
        self.assert_no_leak()

    def assert_no_leak(self, *errors: BaseException | None) -> None:
        """Neither the logs so far nor any of `errors` (str, repr, traceback) show the token."""
        texts = self.logs.texts()
        for error in errors:
            if error is not None:
                texts += exception_texts(error)
        found = leaks(texts)
        assert not found, f"the API token leaked ({len(found)} place(s)): {found[:5]}"


class Scenario:
    """Sync and async clients behind one async interface, for tests with several clients.

    `await scenario.do(x)` awaits `x` if the async client returned an awaitable (draining
    pagers either way), so one `async def` body drives `Focus` + `httpx.Client` in sync mode
    (blocking calls inside the coroutine) and `AsyncFocus` + `httpx.AsyncClient` in async.
    """

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self._open: list[Any] = []

    def http(self, **kwargs: Any) -> httpx.Client | httpx.AsyncClient:
        """An httpx client of the mode's kind, closed at the end."""
        client = httpx.Client(**kwargs) if self.mode == "sync" else httpx.AsyncClient(**kwargs)
        self._open.append(client)
        return client

    def focus(self, url: str, *, token: str = TOKEN, **kwargs: Any) -> Any:
        """A Focus (sync) or AsyncFocus (async) on `url`, closed at the end."""
        kind = Focus if self.mode == "sync" else AsyncFocus
        client = kind(token, base_url=url, organization_id=ORG, workspace_id=WS, **kwargs)
        self._open.append(client)
        return client

    def hook(self, calls: list[Any]) -> Callable[[Any], Any]:
        """An event hook of the mode's kind that records what it is given."""
        if self.mode == "sync":
            return calls.append

        async def record(item: Any) -> None:
            calls.append(item)

        return record

    async def do(self, value: Any) -> Any:
        """The value of a sync or async call (awaited, pagers drained)."""
        return await _adrain(_drain(value))

    async def attempt(self, value: Callable[[], Any]) -> Outcome:
        """Run `value()` through `do`, keeping the exception instead of raising it."""
        try:
            return Outcome(value=await self.do(value()))
        except Exception as exc:
            return Outcome(error=exc)

    async def close(self) -> None:
        for item in reversed(self._open):
            closing = item.aclose() if hasattr(item, "aclose") else item.close()
            if inspect.isawaitable(closing):
                await closing


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """Which client runs: "sync" (Focus) or "async" (AsyncFocus)."""
    mode: str = request.param
    return mode


@pytest.fixture
def hostile(mode: str, log_level: LogCapture, sleeps: list[float]) -> Hostile:
    """The runner for this test's mode and log level."""
    return Hostile(mode=mode, logs=log_level, sleeps=sleeps)


# --- the tally reported at the end of the run ---------------------------------------------------

#: Fault kinds (server behaviours) per test module, whatever operation, mode or log level.
KINDS: defaultdict[str, set[str]] = defaultdict(set)
#: Distinct cases (kind x operation), whatever mode or log level.
CASES: set[str] = set()
RUNS: Counter[str] = Counter()
_NOT_THE_KIND = ("mode", "log_level", "op")
#: Figures worth reporting (the largest seen per name), e.g. peak memory, time to time out.
MEASURED: dict[str, float] = {}


def measure(name: str, value: float) -> None:
    """Keep the largest `value` seen under `name`, for the end-of-run summary."""
    MEASURED[name] = max(MEASURED.get(name, value), value)


def _param_id(value: Any) -> str:
    return str(getattr(value, "id", None) or getattr(value, "name", None) or value)


@pytest.fixture(autouse=True)
def _tally(request: pytest.FixtureRequest, log_level: LogCapture) -> None:
    """Count the fault kind (test and case, whatever the operation, mode and level) and the run."""
    callspec = getattr(request.node, "callspec", None)
    params = callspec.params if callspec is not None else {}
    kind = ",".join(_param_id(v) for k, v in sorted(params.items()) if k not in _NOT_THE_KIND)
    module = request.node.module.__name__.rsplit(".", 1)[-1]
    KINDS[module].add(f"{request.node.originalname}[{kind}]")
    CASES.add(f"{module}::{request.node.originalname}[{kind}]{_param_id(params.get('op', ''))}")
    RUNS[log_level.level_name] += 1
    RUNS[str(params.get("mode", "either"))] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print how many fault kinds ran, per file, and how many runs per log level and mode."""
    if not KINDS:
        return
    terminalreporter.section("hostile suite: fault kinds and runs")
    for module, kinds in sorted(KINDS.items()):
        terminalreporter.write_line(f"{len(kinds):6d}  {module}")
    total = sum(len(kinds) for kinds in KINDS.values())
    terminalreporter.write_line(
        f"{total:6d}  fault kinds in all ({len(CASES)} with the operations)"
    )
    levels = ", ".join(f"{level} {RUNS[level]}" for level in ("INFO", "DEBUG"))
    modes = ", ".join(f"{m} {RUNS[m]}" for m in (*MODES, "either") if RUNS[m])
    terminalreporter.write_line(f"runs per log level: {levels}; per mode: {modes}")
    for name, value in sorted(MEASURED.items()):
        terminalreporter.write_line(f"{value:9.2f}  {name} (largest)")
