"""Quota headers are advice: junk in them is ignored and never breaks a call.

`X-Toggl-Quota-Remaining` / `X-Toggl-Quota-Resets-In` come from the server (or whatever
sits in front of it). A value that cannot be used (not a plain non-negative number of
sensible size, in ASCII) is ignored: a good 200 stays a success and leaves the quota
unknown, a spent-quota 402 is still `QuotaExceededError` with `resets_in` None, and even
`max_quota_wait=inf` never turns into a builtin exception or an endless wait.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from toggl_focus import QuotaExceededError

from .conftest import Hostile
from .ops import OPS
from .server import HostileServer, Send, response

GET = OPS["ghosts.get"]
REMAINING, RESETS_IN = "X-Toggl-Quota-Remaining", "X-Toggl-Quota-Resets-In"
SPENT = b'{"error": "quota_exceeded", "error_description": "hourly quota spent"}'

#: Values no client can use as a number of requests or seconds.
JUNK: dict[str, bytes] = {
    "1000000000000": b"1000000000000",  # 31 700 years: overflows a datetime
    "digits x400": b"9" * 400,
    "inf": b"inf",
    "1e309": b"1e309",  # inf again, once parsed as a float
    "nan": b"nan",
    "-5": b"-5",
    "empty": b"",
    "12abc": b"12abc",
    "0x10": b"0x10",
    "Arabic-Indic digit": "\u0663".encode(),  # int() reads it as 3; HTTP does not
    "fullwidth digits": "\uff11\uff12".encode(),
    "infinity sign": "\u221e".encode(),
    "latin-1 bytes": b"\xff\xfe",
}
IDS, VALUES = list(JUNK), list(JUNK.values())
#: For a count of requests left, a huge integer is still an integer: only the rest is junk.
NOT_A_COUNT = {k: v for k, v in JUNK.items() if k not in ("1000000000000", "digits x400")}


def _quota_402(resets_in: bytes) -> bytes:
    return response(402, SPENT, [(REMAINING, "0"), (RESETS_IN, resets_in)])


@pytest.mark.parametrize("junk", VALUES, ids=IDS)
def test_junk_resets_in_on_200_is_ignored(
    junk: bytes, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(GET.ok([(REMAINING, "100"), (RESETS_IN, junk)]))]])
    outcome = hostile.run(server.url, GET)
    assert outcome.succeeded().id == GET.body["id"]
    quota = outcome.focus.quota
    assert quota.remaining == 100  # the good header is still read
    assert quota.resets_in is None and quota.resets_at is None
    assert "remaining=100" in repr(quota)
    assert len(server.requests) == 1


@pytest.mark.parametrize("junk", list(NOT_A_COUNT.values()), ids=list(NOT_A_COUNT))
def test_junk_remaining_on_200_is_ignored(
    junk: bytes, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(GET.ok([(REMAINING, junk), (RESETS_IN, "60")]))]])
    outcome = hostile.run(server.url, GET)
    outcome.succeeded()
    quota = outcome.focus.quota
    assert quota.remaining is None
    assert quota.resets_in is not None and 0 < quota.resets_in <= 60
    repr(quota)
    assert len(server.requests) == 1


@pytest.mark.parametrize("junk", VALUES, ids=IDS)
def test_junk_resets_in_on_402_is_still_quota_exceeded(
    junk: bytes, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_quota_402(junk))]])
    error = hostile.run(server.url, GET).raised(QuotaExceededError)
    assert error.status_code == 402 and error.resets_in is None
    assert "hourly request quota spent" in str(error)
    assert len(server.requests) == 1 and hostile.sleeps == []


@pytest.mark.parametrize("junk", [b"inf", b"1e309", b"nan", b"1000000000000", b"-5"],
                         ids=["inf", "1e309", "nan", "1000000000000", "-5"])  # fmt: skip
def test_unbounded_quota_wait_with_junk_resets_in(
    junk: bytes, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """`max_quota_wait=inf` and a junk reset time: no wait, no builtin, QuotaExceededError."""
    server = serve([[Send(_quota_402(junk))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET, client={"max_quota_wait": math.inf})
    error = outcome.raised(QuotaExceededError)
    assert error.resets_in is None
    assert len(server.requests) == 1 and hostile.sleeps == []


def test_unbounded_quota_wait_with_a_usable_resets_in_waits_once(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """The baseline the junk cases are measured against: a usable value is waited for."""
    server = serve([[Send(_quota_402(b"5"))], [Send(GET.ok([(REMAINING, "99")]))]])
    outcome = hostile.run(server.url, GET, client={"max_quota_wait": math.inf})
    assert outcome.succeeded().id == GET.body["id"]
    assert len(server.requests) == 2
    assert len(hostile.sleeps) == 1 and 5 <= hostile.sleeps[0] <= 10
    assert outcome.focus.quota.remaining == 99


def test_resets_in_beyond_max_quota_wait_is_not_waited_for(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([[Send(_quota_402(b"3000"))], [Send(GET.ok())]])
    outcome = hostile.run(server.url, GET, client={"max_quota_wait": 10.0})
    error = outcome.raised(QuotaExceededError)
    assert error.resets_in == 3000
    assert len(server.requests) == 1 and hostile.sleeps == []
