"""What the API's quota headers say, kept current from every response.

Focus answers a spent hourly quota with 402 (not 429) and sends
`X-Toggl-Quota-Remaining` / `X-Toggl-Quota-Resets-In` on responses; the client reads
them into one `Quota` object so apps can budget their requests.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from datetime import UTC, datetime, timedelta

import httpx

__all__ = ["Quota"]

logger = logging.getLogger("toggl_focus")

#: The longest reset a quota header may announce and still be believed (Focus windows are an
#: hour; anything past a day is a broken header, and would overflow date arithmetic).
MAX_RESETS_IN = 86_400.0
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_NUMBER = re.compile(r"[0-9]{1,12}(\.[0-9]{1,9})?", re.ASCII)


class Quota:
    """Requests left in the hourly window and when it resets (None until a header is seen)."""

    def __init__(self, *, low_threshold: int = 5) -> None:
        self.low_threshold = low_threshold
        self._lock = threading.Lock()
        self._remaining: int | None = None
        self._resets_at_mono: float | None = None
        self._resets_at_wall: datetime | None = None
        self._warned = False

    @property
    def remaining(self) -> int | None:
        """Requests left in the window, as the last response said; None if never told."""
        return self._remaining

    @property
    def resets_at(self) -> datetime | None:
        """When the window resets (UTC wall-clock time), if the API said."""
        return self._resets_at_wall

    @property
    def resets_in(self) -> float | None:
        """Seconds until the window resets, counted down locally since the last response."""
        if self._resets_at_mono is None:
            return None
        return max(0.0, self._resets_at_mono - time.monotonic())

    def update(self, response: httpx.Response) -> None:
        """Read the quota headers of a response (absent or malformed headers change nothing)."""
        remaining = _int_header(response, "X-Toggl-Quota-Remaining")
        resets_in = resets_in_header(response)
        with self._lock:
            if remaining is not None:
                self._remaining = remaining
            if resets_in is not None:
                self._resets_at_mono = time.monotonic() + resets_in
                self._resets_at_wall = datetime.now(UTC) + timedelta(seconds=resets_in)
            if remaining is not None and remaining > self.low_threshold:
                self._warned = False  # a new window (or a higher plan): warn again when low
            elif remaining is not None and not self._warned:
                self._warned = True
                logger.warning(
                    "Toggl Focus quota low: %d request(s) left, resets in %s s",
                    remaining,
                    resets_in if resets_in is not None else "?",
                )

    def __repr__(self) -> str:
        left = self.resets_in
        return (
            f"Quota(remaining={self._remaining}, resets_in={None if left is None else round(left)})"
        )


def resets_in_header(response: httpx.Response) -> float | None:
    """`X-Toggl-Quota-Resets-In` in seconds, or None when absent or unusable.

    Quota headers are advice: a value that is not a finite number between 0 and a day is
    ignored (and logged), never fatal to the response that carried it.
    """
    raw = response.headers.get("X-Toggl-Quota-Resets-In")
    if raw is None:
        return None
    text = raw.strip()
    # ASCII digits only: float() would also take Arabic-Indic or fullwidth digits, "inf", "1e309".
    value = float(text) if _NUMBER.fullmatch(text) else math.nan
    if not 0 <= value <= MAX_RESETS_IN:  # also false for NaN
        logger.info("ignoring an unusable X-Toggl-Quota-Resets-In header: %.40r", raw)
        return None
    return value


def _int_header(response: httpx.Response, name: str) -> int | None:
    raw = response.headers.get(name)
    if raw is None:
        return None
    text = raw.strip()
    if not _DIGITS.fullmatch(text) or len(text) > 18:
        logger.info("ignoring an unusable %s header: %.40r", name, raw)
        return None
    return int(text)
