"""When to retry a failed request and how long to wait: exponential backoff with full jitter.

Only requests that cannot have had an effect, or are idempotent, are retried: a POST or
PATCH that may have reached the server is never blindly sent again.

Statuses retried (for GET, PUT and DELETE only), as the spec's `x-retry` decides: 502, 503
and 504 (a proxy or the service passing through a fault) and 429 (Focus itself answers a
spent quota with 402, never 429; a 429 comes from something in front of it, which refused
the request). 500 is not retried: it is a server bug, and the same request would meet it
again. A `Retry-After` on a 429 or 503 (delta-seconds or an HTTP-date) replaces the backoff
when it is usable: at most `MAX_RETRY_AFTER` seconds ahead. A longer one is not waited for
(the error is raised at once: a request sent sooner would be refused and spend quota);
a value in the past or 0 means "now" and gets the ordinary backoff; junk is logged and
ignored, like a junk quota header.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import re
import time
from datetime import UTC

import httpx

logger = logging.getLogger("toggl_focus")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Statuses whose `Retry-After` is honoured (RFC 9110 defines it for 503, RFC 6585 for 429).
RETRY_AFTER_STATUSES = frozenset({429, 503})
#: The longest `Retry-After` waited for, in seconds; a longer one is raised at once.
MAX_RETRY_AFTER = 60.0
#: Default backoff: the first retry waits up to `BACKOFF_INITIAL` s, doubling to `BACKOFF_MAX`.
BACKOFF_INITIAL = 0.5
BACKOFF_MAX = 8.0
# Errors raised before any byte of the request reached the server: safe for every method.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
_SECONDS = re.compile(r"[0-9]{1,10}", re.ASCII)  # up to 317 years: plenty, and no bignum
# An HTTP-date is short printable ASCII (IMF-fixdate, or an obsolete form parsed leniently).
_DATE = re.compile(r"[\x20-\x7e]{1,64}")


def backoff_delay(
    attempt: int, *, base: float = BACKOFF_INITIAL, cap: float = BACKOFF_MAX
) -> float:
    """Seconds to wait before retry number `attempt` (1-based); tests patch this to 0."""
    return random.uniform(0.0, min(cap, base * 2 ** min(attempt - 1, 64)))


def may_retry_error(method: str, error: httpx.TransportError) -> bool:
    """A transport error is retryable if the request was never sent or is idempotent."""
    return isinstance(error, NOT_SENT_ERRORS) or method.upper() in IDEMPOTENT_METHODS


def may_retry_status(method: str, status: int) -> bool:
    """429/502/503/504 are retried for idempotent methods only."""
    return status in RETRY_STATUSES and method.upper() in IDEMPOTENT_METHODS


def retry_after(response: httpx.Response, *, now: float | None = None) -> float | None:
    """The `Retry-After` of a 429 or 503 in seconds from now (>= 0), or None if unusable.

    Delta-seconds must be ASCII digits (no sign, no fraction: `int()` would also read
    Arabic-Indic or fullwidth digits, and "1e309"); an HTTP-date must parse and lie within
    a few centuries. A date in the past is 0. Anything else is ignored and logged (at
    INFO, quoted and cut short), and never fatal to the response carrying it.
    """
    if response.status_code not in RETRY_AFTER_STATUSES:
        return None
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    text = raw.strip()
    if _SECONDS.fullmatch(text):
        return float(int(text))
    seconds = _date_seconds(text, time.time() if now is None else now)
    if seconds is None:
        logger.info("ignoring an unusable Retry-After header: %.40r", raw)
    return seconds


def _date_seconds(text: str, now: float) -> float | None:
    if not _DATE.fullmatch(text) or not any(c.isalpha() for c in text):
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
        if when.tzinfo is None:  # "-0000" or no zone: HTTP-dates are always GMT
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - now
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    if not math.isfinite(seconds) or abs(seconds) > 1e10:
        return None
    return max(0.0, seconds)


def sleep(seconds: float) -> None:
    """Blocking wait between attempts (module-level so tests can patch it)."""
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    """Async wait between attempts (module-level so tests can patch it)."""
    import asyncio  # here, not at the top: the sync client never loads asyncio for it

    await asyncio.sleep(seconds)
