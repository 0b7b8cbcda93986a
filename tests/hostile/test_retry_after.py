"""`Retry-After` on a 429 or 503 is advice: honoured when usable, never trusted beyond that.

The spec's `x-retry` decides: a 429 or 503 to a GET, PUT or DELETE is retried, after what
`Retry-After` says (delta-seconds or an HTTP-date) when that is at most 60 s ahead; a longer
wait is not made (the error is raised at once: a request sent sooner would be refused too);
0 or a date in the past gets the ordinary backoff; junk (signs, fractions, non-ASCII digits,
huge numbers, impossible dates) is logged and ignored, like a junk quota header. A POST is
still never repeated, and 500 never retried.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable

import pytest

from toggl_focus import FocusStatusError, ServerError
from toggl_focus._ground import retry as _retry

from .conftest import Hostile
from .ops import OPS
from .server import HostileServer, Send, response

GET, POST, DELETE = OPS["ghosts.get"], OPS["groups.create"], OPS["ghosts.delete"]
JSON = ("Content-Type", "application/json")
BACKOFF = 0.25  # what the suite's patched backoff_delay returns


def _refusal(status: int, retry_after: bytes | str | None) -> bytes:
    headers: list[tuple[str, str | bytes]] = [JSON]
    if retry_after is not None:
        headers.append(("Retry-After", retry_after))
    return response(status, b'{"error": "busy"}', headers)


def _date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize(("value", "wait"), [(b"7", 7.0), (b" 60 ", 60.0), (b"1", 1.0)])
def test_delta_seconds_are_waited_for_exactly(
    status: int,
    value: bytes,
    wait: float,
    hostile: Hostile,
    serve: Callable[..., HostileServer],
) -> None:
    server = serve([[Send(_refusal(status, value))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET)
    assert outcome.succeeded().id == GET.body["id"]
    assert len(server.requests) == 2 and hostile.sleeps == [wait]


def test_an_http_date_is_waited_for_until_then(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(503, _date(20)))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET)
    outcome.succeeded()
    assert len(hostile.sleeps) == 1 and 15 <= hostile.sleeps[0] <= 21


def test_each_retry_reads_its_own_answer(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(429, b"3"))], [Send(_refusal(503, b"5"))], [Send(DELETE.ok())]])
    outcome = hostile.run(server.url, DELETE)
    outcome.succeeded()
    assert hostile.sleeps == [3.0, 5.0] and len(server.requests) == 3


@pytest.mark.parametrize(
    "value", [b"61", b"3600", b"9999999999", "far future"], ids=["61", "3600", "10 digits", "date"]
)
def test_a_wait_beyond_the_cap_is_not_made(
    value: bytes | str, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """The server said not before then: a retry sooner would be refused too, and cost quota."""
    header = _date(7 * 86_400) if value == "far future" else value
    server = serve([[Send(_refusal(503, header))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET)
    error = outcome.raised(ServerError)
    assert error.status_code == 503 and error.retry_after is not None
    assert error.retry_after > _retry.MAX_RETRY_AFTER
    assert len(server.requests) == 1 and hostile.sleeps == []
    assert any("Retry-After" in text and "more than 60 s" in text for text in hostile.logs.texts())


#: Values that are not a usable delay: each gets the ordinary backoff, and a log line.
JUNK: dict[str, bytes | str] = {
    "negative": b"-5",
    "fraction": b"1.5",
    "exponent": b"1e3",
    "11 digits": b"99999999999",
    "400 digits": b"9" * 400,
    "inf": b"inf",
    "nan": b"nan",
    "hex": b"0x10",
    "empty": b"",
    "Arabic-Indic digit": "\u0663".encode(),  # int() reads it as 3; HTTP does not
    "fullwidth digits": "\uff11\uff12".encode(),
    "latin-1 bytes": b"\xff\xfe",
    "bad month": b"Sun, 06 Foo 2030 08:49:37 GMT",
    "day 32": b"Sun, 32 Nov 2030 08:49:37 GMT",
    "year 99999": b"Sun, 06 Nov 99999 08:49:37 GMT",
    "hour 25": b"Sun, 06 Nov 2030 25:49:37 GMT",
    "words": b"tomorrow please",
    "control character": b"Sun, 06 Nov 2030\x01 08:49:37 GMT",
}


@pytest.mark.parametrize("value", list(JUNK.values()), ids=list(JUNK))
def test_junk_is_ignored_and_the_backoff_applies(
    value: bytes | str, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(503, value))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET)
    assert outcome.succeeded().id == GET.body["id"]
    assert len(server.requests) == 2 and hostile.sleeps == [BACKOFF]
    if value.strip():  # an empty header is no advice at all
        assert any("unusable Retry-After" in text for text in hostile.logs.texts())


@pytest.mark.parametrize("value", [b"0", "past date", "epoch"], ids=["0", "a minute ago", "1970"])
def test_now_or_the_past_gets_the_ordinary_backoff(
    value: bytes | str, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    header = {"past date": _date(-60), "epoch": email.utils.formatdate(0, usegmt=True)}.get(
        str(value), value
    )
    server = serve([[Send(_refusal(429, header))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET)
    outcome.succeeded()
    assert hostile.sleeps == [BACKOFF]


def test_a_post_is_never_repeated_whatever_retry_after_says(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(503, b"1"))], [Send(POST.ok())]])
    error = hostile.run(server.url, POST).raised(ServerError)
    assert error.retry_after == 1.0
    assert len(server.requests) == 1 and hostile.sleeps == []


def test_500_is_not_retried_and_has_no_retry_after(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(500, b"1"))], [Send(GET.ok())]])
    error = hostile.run(server.url, GET).raised(ServerError)
    assert error.retry_after is None  # only 429 and 503 carry one
    assert len(server.requests) == 1 and hostile.sleeps == []


def test_max_retries_still_bounds_the_attempts(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_refusal(429, b"2"))] for _ in range(4)])
    error = hostile.run(server.url, GET, client={"max_retries": 1}).raised(FocusStatusError)
    assert error.status_code == 429 and error.retry_after == 2.0
    assert len(server.requests) == 2 and hostile.sleeps == [2.0]


def test_the_wait_is_logged_at_info(hostile: Hostile, serve: Callable[..., HostileServer]) -> None:
    server = serve([[Send(_refusal(503, b"4"))], [Send(GET.ok())]])
    hostile.run(server.url, GET).succeeded()
    infos = [r.getMessage() for r in hostile.logs.records if r.levelno == logging.INFO]
    assert any("retrying GET" in line and "in 4.00 s" in line for line in infos)
