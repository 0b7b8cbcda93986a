"""Run one generated operation: per-call options, retries, quota waits, typed errors, a log line.

No HTTP of our own here: the generated `sync_detailed`/`asyncio_detailed` functions send
every request through the client's wire (`_async/wire.py`), which does one attempt
(deadline, size cap, redaction, typed status errors). This module decides, per failed
attempt, whether to try again: on the operation's own method (the wire never follows
redirects, so there is no other hop to look at) and on whether any byte of the request may
have reached the server. The retry loop itself, `acall` (and its generated twin `call`),
is in `_async/runner.py`: a cross-cutting behaviour of every call (retries, quota waits,
typed errors, logging) goes into `Call` here, once for both clients.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from itertools import repeat
from typing import Any, TypeVar

import attrs
import httpx

from toggl_focus_api import errors as api_errors

from .._ground import check as _check
from .._ground import retry as _retry
from .._ground.check import given
from ..errors import (
    FocusConfigError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    QuotaExceededError,
    UnexpectedStatusError,
)
from ..quota import Quota
from . import raw as _raw
from .http import (
    Attempt,
    Counter,
    check_headers,
    check_query,
    closed_error,
    counting,
    merge_headers,
)

__all__ = ["Call", "Counter", "Policy", "Result", "counting", "expect", "expect_list"]

logger = logging.getLogger("toggl_focus")

T = TypeVar("T")
TimeoutTypes = float | httpx.Timeout | None
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: Seconds one attempt may take in all (connect, send, receive); per client and per call.
DEFAULT_DEADLINE = 60.0
#: Largest decoded response body accepted (a full page of 100 ghosts is well under 1 MB).
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
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


def _number(name: str, value: object, *, allow_none: bool = True) -> float | None:
    """A positive number of seconds (inf allowed), or None where allowed; else FocusConfigError."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise FocusConfigError(f"{name} must be a positive number of seconds, got {given(value)}")
    return float(value)


def as_timeout(value: object) -> httpx.Timeout | None:
    """Seconds (applied to connect, read, write and pool) or an httpx.Timeout; None = default."""
    if isinstance(value, httpx.Timeout):
        return value
    seconds = _number("timeout", value)
    if seconds is None:
        return None
    if math.isinf(seconds):
        return httpx.Timeout(None)
    return httpx.Timeout(seconds)


def as_deadline(value: object) -> float | None:
    """A deadline in seconds (inf for none), or None for the client default."""
    return _number("deadline", value)


def as_retries(value: object, *, allow_none: bool = True) -> int | None:
    """A retry count: an int >= 0 (None = the client default, where allowed)."""
    if value is None and allow_none:
        return None
    return _check.integer("max_retries", value, 0, sys.maxsize)


@attrs.frozen
class Result:
    """What a generated operation parsed, with the raw response it came from."""

    parsed: Any
    response: httpx.Response


def as_backoff(initial: object, maximum: object) -> tuple[float, float]:
    """Backoff bounds in seconds: 0 <= `initial` <= `maximum` <= an hour."""
    first = _check.number("backoff_initial", initial, 0.0, 3600.0)
    last = _check.number("backoff_max", maximum, first, 3600.0)
    return float(first), float(last)


@attrs.define
class Policy:
    """Client-wide defaults; each call may override timeout, deadline and max_retries.

    One per client: `with_options` copies get their own (sharing `quota`, the tracker).
    """

    timeout: httpx.Timeout
    deadline: float | None
    max_retries: int
    max_quota_wait: float
    quota: Quota
    backoff_initial: float = _retry.BACKOFF_INITIAL
    backoff_max: float = _retry.BACKOFF_MAX
    default_headers: dict[str, str] = attrs.field(factory=dict)
    closed: bool = False  # this client (not necessarily its pool) was closed
    client_name: str = "Focus"


class Call:
    """Bookkeeping and decisions of one call's retry loop (the loop: `_async/runner.py`)."""

    def __init__(
        self,
        policy: Policy,
        timeout: object,
        max_retries: object,
        deadline: object,
        extra_headers: object = None,
        extra_query: object = None,
    ) -> None:
        # Checked before anything is sent: a caller mistake is a FocusConfigError.
        if policy.closed:
            raise closed_error(f"this {policy.client_name} client")
        self.policy = policy
        self.timeout = as_timeout(timeout) or policy.timeout
        chosen = as_deadline(deadline)
        self.deadline = policy.deadline if chosen is None else chosen
        self.max_retries = as_retries(max_retries)
        if self.max_retries is None:
            self.max_retries = policy.max_retries
        self.headers = merge_headers(
            policy.default_headers, check_headers("extra_headers", extra_headers)
        )
        self.params = check_query("extra_query", extra_query)
        self.retries = 0
        self.quota_waited = False
        self.attempt = self.next_attempt()

    def next_attempt(self) -> Attempt:
        self.attempt = Attempt(
            timeout=self.timeout, deadline=self.deadline, headers=self.headers, params=self.params
        )
        return self.attempt

    def finish(self, parsed: object) -> Result:
        """Pair a successful attempt's parsed value with its raw response, and log it."""
        response = self.attempt.response
        self._log(None)
        if response is None:  # pragma: no cover - generated code always sends a request
            raise FocusError("the operation returned without an HTTP response")
        _raw.note(response)
        return Result(parsed=parsed, response=response)

    def failure(self, exc: BaseException) -> tuple[FocusError, float | None]:
        """The typed error for a failed attempt and, if it may be retried, the delay first.

        The method is the operation's own (no redirect is ever followed). A transport error
        is retried for a POST or PATCH only when the request cannot have reached the server.
        """
        request, response = self.attempt.request, self.attempt.response
        if response is not None:  # a method that settles a failure (an unusable 201) keeps it
            _raw.note(response)
        method = request.method if request is not None else "?"
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
                delay = self._status_backoff(exc)
        elif isinstance(exc, api_errors.UnexpectedStatus) and response is not None:
            error = UnexpectedStatusError(response)
        elif isinstance(exc, httpx.TimeoutException):
            what = (
                f"passed its deadline of {self.deadline:g} s"
                if self.attempt.deadline_passed() and self.deadline is not None
                else f"timed out: {exc}"
            )
            error = FocusTimeoutError(f"{method} {_where(request)} {what}", request=request)
            if _retry.may_retry_error(method, exc):
                delay = self._backoff()
        elif isinstance(exc, httpx.TransportError):
            error = FocusConnectionError(
                f"{method} {_where(request)} failed: {type(exc).__name__}: {exc}", request=request
            )
            if _retry.may_retry_error(method, exc):
                delay = self._backoff()
        elif isinstance(exc, httpx.DecodingError):
            error = FocusDecodeError(
                f"response to {method} {_where(request)} could not be decoded: {exc}",
                response=response or _stub_response(request),
            )
        elif isinstance(exc, httpx.HTTPError):
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
        self._log(error)
        return error, delay

    def _backoff(self) -> float | None:
        assert self.max_retries is not None
        if self.retries >= self.max_retries:
            return None
        self.retries += 1
        return _retry.backoff_delay(
            self.retries, base=self.policy.backoff_initial, cap=self.policy.backoff_max
        )

    def _status_backoff(self, error: FocusStatusError) -> float | None:
        """The wait before retrying a retryable status: its usable Retry-After, else backoff.

        A Retry-After beyond `_retry.MAX_RETRY_AFTER` is not waited for: no retry.
        """
        wait = _retry.retry_after(error.response)
        delay = self._backoff()
        if delay is None or wait is None or wait <= 0:
            return delay
        if wait > _retry.MAX_RETRY_AFTER:
            logger.info(
                "not retrying %s %s: the server asks to wait %.0f s (Retry-After), "
                "more than %.0f s",
                error.method,
                _where(error.response.request),
                wait,
                _retry.MAX_RETRY_AFTER,
            )
            return None
        return wait

    def note_retry(self, error: FocusError, delay: float) -> None:
        request = self.attempt.request
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

    def _log(self, error: FocusError | None) -> None:
        """One DEBUG line per attempt; reads only what the wire already holds in memory."""
        if not logger.isEnabledFor(logging.DEBUG):
            return
        request, response = self.attempt.request, self.attempt.response
        elapsed_ms = (time.monotonic() - self.attempt.started) * 1000
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
            # The wire returns only whole, redacted bodies, so this never touches the network.
            logger.debug("error body: %s", response.content[:2000].decode("utf-8", "replace"))


def _stub_response(request: httpx.Request | None) -> httpx.Response:
    """An empty response to attach to a decode error that happened before any was kept."""
    return httpx.Response(0, request=request or httpx.Request("GET", "http://invalid/"))


def _where(request: httpx.Request | None) -> str:
    if request is None:
        return "?"
    return request.url.raw_path.decode("ascii", "replace")


def _short(error: FocusError) -> str:
    if isinstance(error, FocusStatusError):
        return str(error.status_code)
    return type(error).__name__


def expect(result: Result, kind: type[T]) -> T:
    """The parsed model, or FocusDecodeError if the body parsed into something else."""
    if isinstance(result.parsed, kind):
        return result.parsed
    raise _mismatch(result, kind.__name__)


def expect_list(result: Result, kind: type[T]) -> list[T]:
    """The parsed bare array of `kind`, or FocusDecodeError."""
    parsed = result.parsed
    # map over repeat: the check per item runs in C (a generator cost 3% of a 20,000 listing).
    if isinstance(parsed, list) and all(map(isinstance, parsed, repeat(kind))):
        return parsed
    raise _mismatch(result, f"list[{kind.__name__}]")


def _mismatch(result: Result, wanted: str) -> FocusDecodeError:
    request = result.response.request
    return FocusDecodeError(
        f"{result.response.status_code} response to {request.method} "
        f"{_where(request)} is not a {wanted} (got {type(result.parsed).__name__})",
        response=result.response,
    )
