"""When to retry a failed request and how long to wait: exponential backoff with full jitter.

Only requests that cannot have had an effect, or are idempotent, are retried: a POST or
PATCH that may have reached the server is never blindly sent again.
"""

from __future__ import annotations

import asyncio
import random
import time

import httpx

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
# Errors raised before any byte of the request reached the server: safe for every method.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def backoff_delay(attempt: int, *, base: float = 0.5, cap: float = 8.0) -> float:
    """Seconds to wait before retry number `attempt` (1-based); tests patch this to 0."""
    return random.uniform(0.0, min(cap, base * 2 ** (attempt - 1)))


def may_retry_error(method: str, error: httpx.TransportError) -> bool:
    """A transport error is retryable if the request was never sent or is idempotent."""
    return isinstance(error, NOT_SENT_ERRORS) or method.upper() in IDEMPOTENT_METHODS


def may_retry_status(method: str, status: int) -> bool:
    """502/503/504 are retried for idempotent methods only."""
    return status in RETRY_STATUSES and method.upper() in IDEMPOTENT_METHODS


def sleep(seconds: float) -> None:
    """Blocking wait between attempts (module-level so tests can patch it)."""
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    """Async wait between attempts (module-level so tests can patch it)."""
    await asyncio.sleep(seconds)
