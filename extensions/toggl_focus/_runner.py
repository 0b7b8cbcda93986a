"""Run one generated operation: per-call timeout, retries, quota, typed errors, one log line.

No HTTP of our own: the generated `sync_detailed`/`asyncio_detailed` functions send every
request. httpx event hooks on the shared client read quota headers, remember the
response, and turn error statuses into `FocusStatusError` before the generated parser
(which would choke on HTML bodies or on statuses outside the IANA list) sees them.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from http import HTTPStatus
from typing import Any, TypeVar

import attrs
import httpx

from toggl_focus_api import errors as api_errors
from toggl_focus_api.types import Response

from . import _retry
from .errors import (
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    QuotaExceededError,
    UnexpectedStatusError,
    error_for_response,
)
from .quota import Quota

logger = logging.getLogger("toggl_focus")

T = TypeVar("T")
TimeoutTypes = float | httpx.Timeout | None
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus)
# What the generated parsers raise on a body that does not match the spec.
_DECODE_ERRORS = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    OverflowError,
)


@attrs.define
class Counter:
    """Requests sent inside a `counting()` block (and, through `parent`, the enclosing one)."""

    count: int = 0
    parent: Counter | None = None


_counter: contextvars.ContextVar[Counter | None] = contextvars.ContextVar(
    "toggl_focus_counter", default=None
)


@contextlib.contextmanager
def counting() -> Iterator[Counter]:
    """Count every request (each attempt) this task sends inside the block, per task."""
    counter = Counter(parent=_counter.get())
    token = _counter.set(counter)
    try:
        yield counter
    finally:
        _counter.reset(token)


_call_timeout: contextvars.ContextVar[httpx.Timeout | None] = contextvars.ContextVar(
    "toggl_focus_call_timeout", default=None
)
_last_request: contextvars.ContextVar[httpx.Request | None] = contextvars.ContextVar(
    "toggl_focus_last_request", default=None
)
_last_response: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar(
    "toggl_focus_last_response", default=None
)


def as_timeout(value: TimeoutTypes) -> httpx.Timeout | None:
    """Accept seconds or an httpx.Timeout."""
    if value is None or isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value))


@attrs.frozen
class Result:
    """What a generated operation parsed, with the raw response it came from."""

    parsed: Any
    response: httpx.Response


@attrs.define
class Policy:
    """Client-wide defaults; each call may override timeout and max_retries."""

    timeout: httpx.Timeout
    max_retries: int
    max_quota_wait: float
    quota: Quota


class Hooks:
    """httpx event hooks shared by the sync and async clients of one Focus instance."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def on_request(self, request: httpx.Request) -> None:
        timeout = _call_timeout.get() or self.policy.timeout
        request.extensions["timeout"] = timeout.as_dict()
        _last_request.set(request)
        counter = _counter.get()
        while counter is not None:
            counter.count += 1
            counter = counter.parent

    def _note(self, response: httpx.Response) -> bool:
        """Remember the response and its quota; True if it must raise a FocusStatusError."""
        _last_response.set(response)
        self.policy.quota.update(response)
        return response.status_code >= 400 or response.status_code not in _KNOWN_STATUSES

    def on_response(self, response: httpx.Response) -> None:
        if self._note(response):
            response.read()
            raise error_for_response(response)

    async def on_request_async(self, request: httpx.Request) -> None:
        self.on_request(request)

    async def on_response_async(self, response: httpx.Response) -> None:
        if self._note(response):
            await response.aread()
            raise error_for_response(response)


def install_hooks(client: httpx.Client | httpx.AsyncClient, hooks: Hooks) -> None:
    """Attach our hooks to an httpx client (ours or the caller's)."""
    if isinstance(client, httpx.AsyncClient):
        client.event_hooks["request"].append(hooks.on_request_async)
        client.event_hooks["response"].append(hooks.on_response_async)
    else:
        client.event_hooks["request"].append(hooks.on_request)
        client.event_hooks["response"].append(hooks.on_response)


class _Attempt:
    """Bookkeeping and decisions shared by the sync and async retry loops."""

    def __init__(self, policy: Policy, timeout: TimeoutTypes, max_retries: int | None) -> None:
        self.policy = policy
        self.timeout = as_timeout(timeout)
        self.max_retries = policy.max_retries if max_retries is None else max_retries
        self.retries = 0
        self.quota_waited = False
        self.started = 0.0

    def begin(self) -> None:
        _last_request.set(None)
        _last_response.set(None)
        self.started = time.perf_counter()

    def finish(self, parsed: object) -> Result:
        """Pair a successful attempt's parsed value with its raw response, and log it."""
        response = _last_response.get()
        self._log(response, None)
        if response is None:  # pragma: no cover - generated code always sends a request
            raise FocusError("the operation returned without an HTTP response")
        return Result(parsed=parsed, response=response)

    def failure(self, exc: BaseException) -> tuple[FocusError, float | None]:
        """The typed error for a failed attempt and, if it may be retried, the delay first."""
        request = _last_request.get()
        method = request.method if request is not None else "?"
        response = _last_response.get()
        error: FocusError
        delay: float | None = None
        if isinstance(exc, FocusStatusError):
            error = exc
            if isinstance(exc, QuotaExceededError):
                wait, ceiling = exc.resets_in, self.policy.max_quota_wait
                # 0 (the default) never waits; a call waits for a reset at most once, so a
                # server that keeps answering 402 cannot hold it forever.
                if wait is not None and ceiling > 0 and wait <= ceiling and not self.quota_waited:
                    self.quota_waited = True
                    delay = wait + 0.5
            elif _retry.may_retry_status(method, exc.status_code):
                delay = self._backoff()
        elif isinstance(exc, api_errors.UnexpectedStatus) and response is not None:
            error = UnexpectedStatusError(response)
        elif isinstance(exc, httpx.TimeoutException):
            error = FocusTimeoutError(
                f"{method} {_where(request)} timed out: {exc}", request=request
            )
            if _retry.may_retry_error(method, exc):
                delay = self._backoff()
        elif isinstance(exc, httpx.TransportError):
            error = FocusConnectionError(
                f"{method} {_where(request)} failed: {type(exc).__name__}: {exc}", request=request
            )
            if _retry.may_retry_error(method, exc):
                delay = self._backoff()
        elif isinstance(exc, httpx.DecodingError) and response is not None:
            error = FocusDecodeError(
                f"{response.status_code} response to {method} {_where(request)} could not be "
                f"decoded (Content-Encoding {response.headers.get('content-encoding')!r}): {exc}",
                response=response,
            )
        elif isinstance(exc, httpx.HTTPError):  # e.g. TooManyRedirects: not retried
            error = FocusConnectionError(
                f"{method} {_where(request)} failed: {type(exc).__name__}: {exc}", request=request
            )
        elif isinstance(exc, FocusError):
            error = exc
        elif isinstance(exc, _DECODE_ERRORS) and response is not None:
            error = FocusDecodeError(
                f"{response.status_code} response to {method} {_where(request)} does not match "
                f"the spec: {type(exc).__name__}: {exc}",
                response=response,
            )
        else:
            raise exc
        error.__cause__ = exc if error is not exc else exc.__cause__
        self._log(response, error)
        return error, delay

    def _backoff(self) -> float | None:
        if self.retries >= self.max_retries:
            return None
        self.retries += 1
        return _retry.backoff_delay(self.retries)

    def note_retry(self, error: FocusError, delay: float) -> None:
        request = _last_request.get()
        what = request.method + " " + _where(request) if request is not None else "request"
        if isinstance(error, QuotaExceededError):
            logger.info("quota spent; waiting %.0f s for the reset, then retrying %s", delay, what)
        else:
            logger.info(
                "retrying %s in %.2f s (retry %d of %d) after %s",
                what,
                delay,
                self.retries,
                self.max_retries,
                _short(error),
            )

    def _log(self, response: httpx.Response | None, error: FocusError | None) -> None:
        if not logger.isEnabledFor(logging.DEBUG):
            return
        elapsed_ms = (time.perf_counter() - self.started) * 1000
        request = _last_request.get()
        method = request.method if request is not None else "?"
        status: object = response.status_code if response is not None else type(error).__name__
        logger.debug(
            "%s %s -> %s in %.1f ms (quota remaining %s)",
            method,
            _where(request),
            status,
            elapsed_ms,
            self.policy.quota.remaining,
        )
        if error is not None and response is not None:
            logger.debug("error body: %s", response.content[:2000].decode("utf-8", "replace"))


def _where(request: httpx.Request | None) -> str:
    if request is None:
        return "?"
    return request.url.raw_path.decode("ascii", "replace")


def _short(error: FocusError) -> str:
    if isinstance(error, FocusStatusError):
        return str(error.status_code)
    return type(error).__name__


def call(
    policy: Policy,
    operation: Callable[..., Response[Any]],
    *,
    timeout: TimeoutTypes = None,
    max_retries: int | None = None,
    **kwargs: Any,
) -> Result:
    """Call a generated `sync_detailed` with retries; raise FocusError on any failure."""
    attempt = _Attempt(policy, timeout, max_retries)
    while True:
        token = _call_timeout.set(attempt.timeout)
        attempt.begin()
        try:
            detailed = operation(**kwargs)
        except Exception as exc:
            error, delay = attempt.failure(exc)
            if delay is None:
                if error is exc:  # `raise exc from exc` would make the error its own cause
                    raise
                raise error from exc
            attempt.note_retry(error, delay)
            _retry.sleep(delay)
            continue
        finally:
            _call_timeout.reset(token)
        return attempt.finish(detailed.parsed)


async def acall(
    policy: Policy,
    operation: Callable[..., Awaitable[Response[Any]]],
    *,
    timeout: TimeoutTypes = None,
    max_retries: int | None = None,
    **kwargs: Any,
) -> Result:
    """Async twin of `call`, for generated `asyncio_detailed` functions."""
    attempt = _Attempt(policy, timeout, max_retries)
    while True:
        token = _call_timeout.set(attempt.timeout)
        attempt.begin()
        try:
            detailed = await operation(**kwargs)
        except Exception as exc:
            error, delay = attempt.failure(exc)
            if delay is None:
                if error is exc:  # `raise exc from exc` would make the error its own cause
                    raise
                raise error from exc
            attempt.note_retry(error, delay)
            await _retry.asleep(delay)
            continue
        finally:
            _call_timeout.reset(token)
        return attempt.finish(detailed.parsed)


def expect(result: Result, kind: type[T]) -> T:
    """The parsed model, or FocusDecodeError if the body parsed into something else."""
    if isinstance(result.parsed, kind):
        return result.parsed
    raise _mismatch(result, kind.__name__)


def expect_list(result: Result, kind: type[T]) -> list[T]:
    """The parsed bare array of `kind`, or FocusDecodeError."""
    parsed = result.parsed
    if isinstance(parsed, list) and all(isinstance(item, kind) for item in parsed):
        return parsed
    raise _mismatch(result, f"list[{kind.__name__}]")


def _mismatch(result: Result, wanted: str) -> FocusDecodeError:
    request = result.response.request
    return FocusDecodeError(
        f"{result.response.status_code} response to {request.method} "
        f"{_where(request)} is not a {wanted} (got {type(result.parsed).__name__})",
        response=result.response,
    )
