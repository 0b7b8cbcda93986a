"""`max_response_bytes` caps the decoded body, and the cap holds memory down, not just the result.

A body (plain, chunked, delimited by FIN, or a compression bomb that inflates 1000:1) larger
than the cap raises `FocusDecodeError` after reading little more than the cap: the peak of
Python allocations during the call (tracemalloc) stays far below what an uncapped client
would hold. A body of exactly the cap is fine; one byte more is not.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator

import attrs
import pytest

from toggl_focus import FocusDecodeError, FocusError, ServerError

from .conftest import Hostile, measure
from .ops import OPS, Op
from .server import (
    Acts,
    Close,
    HostileServer,
    Send,
    Stream,
    chunked_stream,
    gzip_bomb,
    head,
    response,
)

GET = OPS["ghosts.get"]
CAP = 64 * 1024
MIB = 1 << 20
BIG = 32 * MIB  # plain bodies: 512 times the cap
BOMB = 256 * MIB  # the main gzip bomb; variants use SMALL_BOMB to keep the suite fast
SMALL_BOMB = 64 * MIB
#: Peak Python allocation allowed during a capped call: far below every oversized body here
#: (BIG / 2, SMALL_BOMB / 4), yet ample for the client itself plus a bounded decoder.
PEAK_LIMIT = 16 * MIB
JSON = [("Content-Type", "application/json")]


def _valid_json_of(size: int) -> tuple[bytes, bytes, int]:
    """A ghost whose name pads it to `size` bytes: (prefix, suffix, filler length)."""
    prefix, suffix = b'{"id": 5, "name": "', b'"}'
    return prefix, suffix, size - len(prefix) - len(suffix)


def _pieces(size: int, piece: int = 64 * 1024) -> Callable[[], Iterator[bytes]]:
    """A valid, `size`-byte ghost JSON, produced piece by piece as it is sent."""
    prefix, suffix, filler = _valid_json_of(size)
    block = b"x" * piece

    def pieces() -> Iterator[bytes]:
        yield prefix
        left = filler
        while left > 0:
            yield block if left >= piece else block[:left]
            left -= piece
        yield suffix

    return pieces


def _bomb(status: int, encoding: str, size: int, *, chunked: bool = False) -> Acts:
    data = gzip_bomb(size, encoding=encoding)
    headers = [*JSON, ("Content-Encoding", encoding)]
    chunk_size = 64 * 1024 if chunked else None
    return [Send(response(status, data, headers, chunk_size=chunk_size))]


def _double_gzip_bomb(size: int) -> Acts:
    data = gzip.compress(gzip_bomb(size))
    return [Send(response(200, data, [*JSON, ("Content-Encoding", "gzip, gzip")]))]


@attrs.frozen
class Oversize:
    """An answer whose decoded body is far over the cap."""

    id: str
    reply: Callable[[], Acts]
    error: tuple[type[FocusError], ...] = (FocusDecodeError,)


OVERSIZE = [
    Oversize("32 MiB body with Content-Length",
             lambda: [Send(head(200, [*JSON, ("Content-Length", str(BIG))])),
                      Stream(_pieces(BIG))]),
    Oversize("32 MiB chunked body",
             lambda: [Send(head(200, [*JSON, ("Transfer-Encoding", "chunked")])),
                      Stream(chunked_stream(_pieces(BIG)))]),
    Oversize("32 MiB body delimited by FIN",
             lambda: [Send(head(200, JSON, version="HTTP/1.0")), Stream(_pieces(BIG)), Close()]),
    Oversize("gzip bomb, 256 MiB", lambda: _bomb(200, "gzip", BOMB)),
    Oversize("gzip bomb, chunked", lambda: _bomb(200, "gzip", SMALL_BOMB, chunked=True)),
    Oversize("deflate bomb", lambda: _bomb(200, "deflate", SMALL_BOMB)),
    Oversize("gzip bomb inside gzip", lambda: _double_gzip_bomb(SMALL_BOMB)),
    # An error status with a bomb for a body: the status may win (ServerError), but the
    # body is capped all the same.
    Oversize("gzip bomb on a 500", lambda: _bomb(500, "gzip", SMALL_BOMB),
             (FocusDecodeError, ServerError)),
]  # fmt: skip


@pytest.mark.parametrize("case", OVERSIZE, ids=lambda c: c.id)
def test_oversized_body_is_refused_without_holding_it(
    case: Oversize, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([case.reply()])
    outcome = hostile.run(server.url, GET, client={"max_response_bytes": CAP}, trace_memory=True)
    outcome.raised(case.error)
    peak = outcome.peak_memory
    assert peak is not None
    measure(f"peak MiB while refusing: {case.id}", peak / MIB)
    assert peak < PEAK_LIMIT, f"peak {peak / MIB:.1f} MiB while refusing the body"
    assert len(server.requests) == 1 and hostile.sleeps == []  # not retried


def _exact(size: int) -> bytes:
    prefix, suffix, filler = _valid_json_of(size)
    return prefix + b"x" * filler + suffix


@attrs.frozen
class Edge:
    """A body at the edge of the cap, plain or gzip."""

    id: str
    size: int
    gzip: bool

    def reply(self, op: Op) -> Acts:
        body = _exact(self.size)
        if self.gzip:
            return [Send(response(op.status, gzip.compress(body),
                                  [*JSON, ("Content-Encoding", "gzip")]))]  # fmt: skip
        return [Send(response(op.status, body, JSON))]


@pytest.mark.parametrize(
    "edge",
    [Edge("exactly the cap", CAP, False), Edge("exactly the cap, gzip", CAP, True)],
    ids=lambda e: e.id,
)
def test_body_of_exactly_the_cap_is_fine(
    edge: Edge, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([edge.reply(GET)])
    outcome = hostile.run(server.url, GET, client={"max_response_bytes": CAP})
    ghost = outcome.succeeded()
    assert len(ghost.name) == _valid_json_of(CAP)[2]  # all of it, not a cut


@pytest.mark.parametrize(
    "edge",
    [Edge("one byte over", CAP + 1, False), Edge("one byte over, gzip", CAP + 1, True)],
    ids=lambda e: e.id,
)
def test_one_byte_over_the_cap_is_refused(
    edge: Edge, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([edge.reply(GET)])
    outcome = hostile.run(server.url, GET, client={"max_response_bytes": CAP})
    outcome.raised(FocusDecodeError)
    assert len(server.requests) == 1
