"""`deadline` bounds a whole attempt, however the server spreads its answer out.

A read timeout restarts with every byte: a server dripping one byte every 0.2 s never
trips a 5 s read timeout and can hold a call for ever. `deadline` is the total time one
attempt may take (connect, send and receive together). With `deadline=1` and a 5 s read
timeout, a drip anywhere in the response ends in `FocusTimeoutError` within deadline + 1 s,
sync and async.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from toggl_focus import FocusTimeoutError

from .conftest import Hostile, measure
from .ops import OPS, Op
from .server import Acts, Drip, HostileServer, Send, Stall, head

GET, POST = OPS["ghosts.get"], OPS["ghosts.create"]
READ_TIMEOUT = 5.0  # far above the deadline: only the deadline can end these calls
SLACK = 1.0


def _status_line_end(raw: bytes) -> int:
    return raw.index(b"\r\n") + 2


def _head_end(raw: bytes) -> int:
    return raw.index(b"\r\n\r\n") + 4


def _drip_from(end: Callable[[bytes], int]) -> Callable[[Op], Acts]:
    """Send the answer up to `end(answer)` at once, then the rest one byte every 0.2 s.

    Each read then gets data well inside the read timeout: only a deadline can stop it.
    """

    def reply(op: Op) -> Acts:
        raw = op.ok()
        at = end(raw)
        return [Send(raw[:at]), Drip(raw[at:], step=1, delay=0.2)]

    return reply


IN_STATUS_LINE = _drip_from(lambda raw: 5)  # "HTTP/" then a byte at a time
IN_HEADERS = _drip_from(_status_line_end)
IN_BODY = _drip_from(_head_end)


@attrs.frozen
class Slow:
    """A response spread out in time; `deadline` on the client or, if `per_call`, on the call."""

    id: str
    reply: Callable[[Op], Acts]
    deadline: float
    op: Op = GET
    per_call: bool = False

    def options(self) -> tuple[dict[str, Any], dict[str, Any]]:
        client: dict[str, Any] = {"timeout": READ_TIMEOUT}
        call: dict[str, Any] = {"max_retries": 0}
        (call if self.per_call else client)["deadline"] = self.deadline
        return client, call


SLOW = [
    # The three the deadline exists for, at deadline=1.
    Slow("drip in the status line", IN_STATUS_LINE, 1.0),
    Slow("drip in the headers", IN_HEADERS, 1.0),
    Slow("drip in the body", IN_BODY, 1.0),
    # More ways to spread an answer out, at a shorter deadline to keep the suite fast.
    Slow("endless 100 Continue, one per 0.2 s",
         lambda op: [Drip(head(100) * 50, step=len(head(100)), delay=0.2)], 0.5),
    Slow("chunked body, one-byte chunks per 0.2 s",
         lambda op: [Send(head(op.status, [("Transfer-Encoding", "chunked")])),
                     Drip(b"1\r\n \r\n" * 100, step=6, delay=0.2)], 0.5),
    Slow("stall under a long read timeout", lambda op: [Stall(30.0)], 0.5),
    Slow("per-call deadline on a POST, drip in the body", IN_BODY, 0.5, op=POST, per_call=True),
    Slow("per-call deadline on a GET, drip in the headers", IN_HEADERS, 0.5, per_call=True),
]  # fmt: skip


@pytest.mark.parametrize("slow", SLOW, ids=lambda s: s.id)
def test_deadline_ends_a_slow_answer(
    slow: Slow, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([slow.reply(slow.op)])
    client, call = slow.options()
    outcome = hostile.run(server.url, slow.op, client=client, call=call)
    outcome.raised(FocusTimeoutError)
    measure(f"seconds to time out (deadline {slow.deadline:g}): {slow.id}", outcome.elapsed)
    assert outcome.elapsed < slow.deadline + SLACK, f"took {outcome.elapsed:.2f} s"
    assert outcome.elapsed >= 0.8 * slow.deadline, f"gave up early: {outcome.elapsed:.2f} s"
    assert server.count(slow.op.method, slow.op.path) == 1


def test_deadline_is_per_attempt(hostile: Hostile, serve: Callable[..., HostileServer]) -> None:
    """Each retry of a GET gets the whole deadline again: two attempts, about twice the time."""
    deadline = 0.4
    server = serve([IN_BODY(GET)])
    outcome = hostile.run(
        server.url,
        GET,
        client={"timeout": READ_TIMEOUT, "deadline": deadline},
        call={"max_retries": 1},
    )
    outcome.raised(FocusTimeoutError)
    assert server.count("GET") == 2
    assert 2 * 0.8 * deadline <= outcome.elapsed < 2 * deadline + SLACK


def test_slow_answer_within_the_deadline_succeeds(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """A drip that finishes in time (about 0.3 s of a 1 s deadline) is a success."""
    server = serve([[Drip(GET.ok(), step=4, delay=0.01)]])
    outcome = hostile.run(server.url, GET, client={"timeout": READ_TIMEOUT, "deadline": 1.0})
    assert outcome.succeeded().id == GET.body["id"]
    assert len(server.requests) == 1
