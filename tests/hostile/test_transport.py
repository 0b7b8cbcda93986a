"""Transport faults and hostile framing: the exact FocusError, and how often the request got there.

Each fault kind runs against a GET (idempotent: retried on transport failures and
502/503/504, up to `max_retries`) and a POST (retried only when it cannot have reached the
server: refused, or a connect timeout), sync and async, at INFO and DEBUG. Then every
write operation meets the four ambiguous failures (reset, stall, 503, cut body): a POST or
PATCH must reach the server exactly once, a PUT as often as the retries allow.
Hostile but valid HTTP (LF line ends, 1xx, obs-fold, trailers...) must simply work.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable

import attrs
import httpx
import pytest

from toggl_focus import (
    Focus,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    ServerError,
    UnexpectedStatusError,
)

from .conftest import Hostile
from .ops import OPS, WRITES, Op
from .server import (
    Acts,
    AwaitData,
    Close,
    Drip,
    HostileServer,
    Reset,
    Send,
    Stall,
    chunked,
    closed_port,
    full_backlog,
    head,
    response,
)

# A POST whose 201 body must decode: ghosts.create reads an unusable 201 body as "created,
# not described" (see test_an_unusable_201_body_of_create_ghost_is_a_success).
GET, POST = OPS["ghosts.get"], OPS["groups.create"]
RETRIES = 2  # the client default: 3 attempts in all
#: Stall faults: a short per-call read timeout and one retry keep the suite fast. Connect
#: (which can take a while in async mode: the address goes through a worker thread) and
#: write keep 5 s, so only a read can time out, and reads only time out where the server
#: stalls: the outcome and the counts do not depend on the machine's speed.
STALL_CALL = {"timeout": httpx.Timeout(5.0, read=0.05), "max_retries": 1}
STALL = 10.0  # longer than any timeout here; cut short when the server stops

BIG = json.dumps({"id": 5, "name": "x" * 300}).encode()
JSON = [("Content-Type", "application/json")]


def _head(op: Op, length: int = len(BIG)) -> bytes:
    return head(op.status, [*JSON, ("Content-Length", str(length))])


def _te(op: Op) -> bytes:
    return head(op.status, [*JSON, ("Transfer-Encoding", "chunked")])


@attrs.frozen
class Fault:
    """A server behaviour, the error it must give, and whether idempotent calls retry it."""

    id: str
    reply: Callable[[Op], Acts]  # what the server does once it has read the request
    error: type[FocusError]
    retried: bool
    on_accept: Acts = ()  # what it does before reading the request (then it never reads it)
    stall: bool = False  # ends in a timeout: short timeout, one retry

    def attempts(self, op: Op) -> int:
        """How many times the request must reach the server."""
        retries = 1 if self.stall else RETRIES
        return 1 + retries if self.retried and op.idempotent else 1


def _never(op: Op) -> Acts:
    return []


def _fails(
    id: str, reply: Callable[[Op], Acts], *, on_accept: Acts = (), stall: bool = False
) -> Fault:
    error = FocusTimeoutError if stall else FocusConnectionError
    return Fault(id, reply, error, retried=True, on_accept=on_accept, stall=stall)


FAILURES = [
    # The connection dies before, or instead of, the response.
    # (Reset at once on accept is left out: the RST can beat the client's own connect
    # bookkeeping, and then even a POST may rightly be retried as "never sent".)
    _fails("reset when the request arrives, unread", _never, on_accept=[AwaitData(), Reset()]),
    _fails("FIN before the request is read", _never, on_accept=[Close()]),
    _fails("stall before the request is read", _never, on_accept=[Stall(STALL)], stall=True),
    _fails("reset after the request", lambda op: [Reset()]),
    _fails("FIN after the request", lambda op: [Close()]),
    _fails("stall after the request", lambda op: [Stall(STALL)], stall=True),
    _fails("reset in the status line", lambda op: [Send(b"HTTP/1.1 20"), Reset()]),
    _fails("FIN in the status line", lambda op: [Send(b"HTTP/1.1 20"), Close()]),
    _fails("stall in the status line", lambda op: [Send(b"HTTP/1.1 20"), Stall(STALL)],
           stall=True),
    _fails("reset in the headers", lambda op: [Send(b"HTTP/1.1 200 OK\r\nContent-Ty"), Reset()]),
    _fails("FIN in the headers", lambda op: [Send(b"HTTP/1.1 200 OK\r\nContent-Ty"), Close()]),
    _fails("stall in the headers",
           lambda op: [Send(b"HTTP/1.1 200 OK\r\nContent-Ty"), Stall(STALL)], stall=True),
    _fails("reset after the headers", lambda op: [Send(_head(op)), Reset()]),
    _fails("FIN after the headers", lambda op: [Send(_head(op)), Close()]),
    _fails("stall after the headers", lambda op: [Send(_head(op)), Stall(STALL)], stall=True),
    _fails("reset mid-body", lambda op: [Send(_head(op) + BIG[:100]), Reset()]),
    _fails("short body then FIN (Content-Length too large)",
           lambda op: [Send(_head(op) + BIG[:100]), Close()]),
    _fails("stall mid-body", lambda op: [Send(_head(op) + BIG[:100]), Stall(STALL)], stall=True),
    # Not HTTP/1.1 at all.
    _fails("garbage status line", lambda op: [Send(b"HELLO WORLD\r\n\r\n"), Close()]),
    _fails("HTTP/2 status line", lambda op: [Send(b"HTTP/2 200\r\nContent-Length: 2\r\n\r\n{}")]),
    _fails("four-digit status", lambda op: [Send(b"HTTP/1.1 2000 OK\r\n\r\n"), Close()]),
    _fails("status below 100", lambda op: [Send(b"HTTP/1.1 099 Hm\r\n\r\n"), Close()]),
    _fails("no status line (HTTP/0.9 body)", lambda op: [Send(BIG), Close()]),
    _fails("101 Switching Protocols unasked",
           lambda op: [Send(head(101, [("Upgrade", "websocket"), ("Connection", "Upgrade")])
                            + op.ok())]),
    # Interim responses that lead nowhere.
    _fails("100 Continue then FIN", lambda op: [Send(head(100)), Close()]),
    _fails("100 Continue then reset", lambda op: [Send(head(100)), Reset()]),
    _fails("100 Continue then stall", lambda op: [Send(head(100)), Stall(STALL)], stall=True),
    # Header blocks h11 must refuse.
    _fails("header line without a colon",
           lambda op: [Send(b"HTTP/1.1 200 OK\r\nno colon here\r\nContent-Length: 0\r\n\r\n")]),
    _fails("NUL in a header value",
           lambda op: [Send(b"HTTP/1.1 200 OK\r\nX-A: a\x00b\r\nContent-Length: 0\r\n\r\n")]),
    _fails("space before the colon",
           lambda op: [Send(b"HTTP/1.1 200 OK\r\nX-A : b\r\nContent-Length: 0\r\n\r\n")]),
    _fails("200 kB header", lambda op: [Send(head(200, [("X-Big", "a" * 200_000)])), Close()]),
    _fails("20000 headers",
           lambda op: [Send(head(200, [(f"X-{i}", "1") for i in range(20_000)])), Close()]),
    # Framing h11 must refuse.
    _fails("non-numeric Content-Length",
           lambda op: [Send(head(op.status, [("Content-Length", "ten")]) + b"{}"), Close()]),
    _fails("negative Content-Length",
           lambda op: [Send(head(op.status, [("Content-Length", "-1")]) + b"{}"), Close()]),
    _fails("conflicting Content-Lengths",
           lambda op: [Send(head(op.status, [("Content-Length", "2"), ("Content-Length", "3")])
                            + b"{} "), Close()]),
    _fails("Content-Length beyond 64 bits",
           lambda op: [Send(head(op.status, [("Content-Length", "9" * 30)]) + b"{}"), Close()]),
    _fails("unknown Transfer-Encoding",
           lambda op: [Send(head(op.status, [("Transfer-Encoding", "x-mystery")]) + BIG),
                       Close()]),
    _fails("bad chunk size", lambda op: [Send(_te(op) + b"zz\r\n{}\r\n0\r\n\r\n"), Close()]),
    _fails("chunk data without its CRLF",
           lambda op: [Send(_te(op) + b"2\r\n{}XX0\r\n\r\n"), Close()]),
    _fails("chunk cut then FIN", lambda op: [Send(_te(op) + b"64\r\n" + BIG[:10]), Close()]),
    _fails("chunk cut then reset", lambda op: [Send(_te(op) + b"64\r\n" + BIG[:10]), Reset()]),
    _fails("no last chunk then FIN",
           lambda op: [Send(_te(op) + chunked(BIG, 64, last=False)), Close()]),
    _fails("chunked then stall",
           lambda op: [Send(_te(op) + chunked(BIG[:64], 64, last=False)), Stall(STALL)],
           stall=True),
]  # fmt: skip


def _decode(id: str, body: Callable[[Op], bytes], headers: tuple[tuple[str, str], ...] = ()):
    """A complete, well-framed response whose body cannot be (or is not) what the spec says."""
    return Fault(
        id,
        lambda op: [Send(response(op.status, body(op), [*JSON, *headers]))],
        FocusDecodeError,
        retried=False,
    )


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


UNDECODABLE = [
    _decode("gzip that is not gzip", lambda op: b"plainly not gzip",
            (("Content-Encoding", "gzip"),)),
    _decode("gzip cut in half", lambda op: _half(gzip.compress(BIG)),
            (("Content-Encoding", "gzip"),)),
    _decode("deflate that is not deflate", lambda op: b"zzzzzzzz",
            (("Content-Encoding", "deflate"),)),
    _decode("not JSON", lambda op: b"<html>surprise</html>"),
    _decode("invalid UTF-8", lambda op: b'{"id": 5, "name": "\xff\xfe"}'),
    _decode("JSON nested 100000 deep", lambda op: b"[" * 100_000 + b"]" * 100_000),
    _decode("JSON null", lambda op: b"null"),
    _decode("empty body", lambda op: b""),
    _decode("JSON of the wrong shape", lambda op: b'{"unexpected": [1, 2, 3]}'),
    Fault("Content-Length too small (body cut by framing)",
          lambda op: [Send(response(op.status, op.ok_body(), JSON, length=7))],
          FocusDecodeError, retried=False),
]  # fmt: skip


def _status(id: str, status: int, error: type[FocusError], retried: bool, body: bytes = b""):
    return Fault(id, lambda op: [Send(response(status, body, JSON))], error, retried=retried)


STATUSES = [
    _status("500", 500, ServerError, False, b'{"error": "internal_server_error"}'),
    _status("502", 502, ServerError, True, b'{"error": "bad_gateway"}'),
    _status("503", 503, ServerError, True, b'{"error": "service_unavailable"}'),
    _status("504", 504, ServerError, True, b'{"error": "gateway_timeout"}'),
    _status("502 HTML page", 502, ServerError, True, b"<html><h1>502 Bad Gateway</h1></html>"),
    _status("503 empty body", 503, ServerError, True),
    # Not Focus's (a spent quota is a 402): from something in front of it; see x-retry.
    _status("429", 429, FocusStatusError, True, b'{"error": "too_many_requests"}'),
    _status("999", 999, UnexpectedStatusError, False, b"{}"),
    _status("204 where a body is due", 204, UnexpectedStatusError, False),
]

ALL_FAULTS = FAILURES + UNDECODABLE + STATUSES


@pytest.mark.parametrize("op", [GET, POST], ids=lambda op: op.method)
@pytest.mark.parametrize("fault", ALL_FAULTS, ids=lambda f: f.id)
def test_fault(fault: Fault, op: Op, hostile: Hostile, serve: Callable[..., HostileServer]) -> None:
    server = serve([fault.reply(op)], on_accept=fault.on_accept)
    outcome = hostile.run(server.url, op, call=STALL_CALL if fault.stall else None)
    error = outcome.raised(fault.error)
    if fault.error is FocusConnectionError:
        assert not isinstance(error, FocusTimeoutError), f"not a timeout: {error!r}"
    attempts = fault.attempts(op)
    if fault.on_accept:  # the server never read the request: count the connections
        assert (server.connections, len(server.requests)) == (attempts, 0)
    else:
        assert server.count(op.method, op.path) == attempts
        assert len(server.requests) == attempts
    assert len(hostile.sleeps) == attempts - 1


RAW_BODIES = {
    "gzip that is not gzip": (b"plainly not gzip", "gzip"),
    "gzip cut in half": (_half(gzip.compress(BIG)), "gzip"),
    "deflate that is not deflate": (b"\xff\xff not deflate", "deflate"),
    "deflate cut in half": (_half(zlib.compress(BIG)), "deflate"),
    "gzip, gzip (two layers)": (gzip.compress(gzip.compress(BIG)), "gzip, gzip"),
}


@pytest.mark.parametrize(("raw", "encoding"), RAW_BODIES.values(), ids=list(RAW_BODIES))
def test_an_undecodable_body_keeps_its_raw_bytes(
    raw: bytes, encoding: str, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """The README's error table: a FocusDecodeError's `.body` keeps the raw bytes, also when
    the Content-Encoding is broken or doubled (the body as it came, still encoded)."""
    server = serve([[Send(response(200, raw, [*JSON, ("Content-Encoding", encoding)]))]])
    error = hostile.run(server.url, GET).raised(FocusDecodeError)
    assert error.body == raw
    assert error.response.headers["content-encoding"] == encoding


def test_an_undecodable_body_over_the_cap_is_dropped(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    raw = gzip.compress(gzip.compress(BIG))
    server = serve([[Send(response(200, raw, [*JSON, ("Content-Encoding", "gzip, gzip")]))]])
    outcome = hostile.run(server.url, GET, client={"max_response_bytes": len(raw) - 1})
    error = outcome.raised(FocusDecodeError)
    assert error.body == b"" and "raw body is larger than max_response_bytes" in str(error)


def test_an_undecodable_streamed_body_keeps_its_raw_bytes_with_a_callers_client() -> None:
    """The same through a caller's httpx client whose transport streams the body."""
    raw = b"\x1f\x8b but not gzip"

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(raw))

    http = httpx.Client(transport=httpx.MockTransport(handler))
    ids = {"organization_id": 7, "workspace_id": 8, "base_url": "http://127.0.0.1:9/api"}
    focus = Focus("tok_streamed_0123456789", http_client=http, **ids)
    with focus, pytest.raises(FocusDecodeError) as info:
        focus.ghosts.get(5)
    assert info.value.body == raw


@pytest.mark.parametrize("fault", UNDECODABLE, ids=lambda f: f.id)
def test_an_unusable_201_body_of_create_ghost_is_a_success(
    fault: Fault, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """The spec guarantees nothing in create_ghost's 201 body: the create succeeded (None)."""
    op = OPS["ghosts.create"]
    server = serve([fault.reply(op)])
    outcome = hostile.run(server.url, op)
    assert outcome.succeeded() is None
    assert server.count(op.method, op.path) == 1


# --- write operations meet the ambiguous failures ---------------------------------------------

AMBIGUOUS = {
    f.id: f
    for f in FAILURES + STATUSES
    if f.id in ("reset after the request", "stall after the request", "503",
                "short body then FIN (Content-Length too large)")
}  # fmt: skip


@pytest.mark.parametrize("fault", list(AMBIGUOUS.values()), ids=list(AMBIGUOUS))
@pytest.mark.parametrize("op", WRITES, ids=lambda op: f"{op.name} {op.method}")
def test_write_reaches_the_server_once(
    op: Op, fault: Fault, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """A POST or PATCH that may have arrived is never sent again; a PUT is retried."""
    server = serve([fault.reply(op)])
    outcome = hostile.run(server.url, op, call=STALL_CALL if fault.stall else None)
    outcome.raised(fault.error)
    expected = fault.attempts(op)
    assert expected == 1 or op.method == "PUT"
    assert server.count(op.method, op.path) == expected
    assert len(server.requests) == expected
    assert outcome.requests == expected  # the client counts what the server saw


# --- bytes past the end of a response ---------------------------------------------------------


@pytest.mark.parametrize("op", [GET, POST], ids=lambda op: op.method)
def test_bytes_past_a_short_content_length_are_never_the_next_answer(
    op: Op, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """A Content-Length shorter than what the server sends leaves bytes on the connection;
    here they are a whole response. The next request must not take them for its answer:
    the connection is closed, and the next request goes out on a new one."""
    smuggled = response(op.status, json.dumps({"id": 666, "name": "Smuggled"}).encode(), JSON)
    first = response(op.status, op.ok_body() + smuggled, JSON, length=len(op.ok_body()))
    server = serve([[Send(first)], [Send(op.ok())]])
    outcome = hostile.run(server.url, op, repeat=2)
    assert outcome.succeeded().name == op.body["name"]
    assert server.count(op.method, op.path) == 2 == server.connections


# --- before the request is sent: every method is retried --------------------------------------


@pytest.mark.parametrize("op", [GET, POST, OPS["ghosts.update"]], ids=lambda op: op.method)
def test_connection_refused_is_retried_for_every_method(op: Op, hostile: Hostile) -> None:
    outcome = hostile.run(f"http://127.0.0.1:{closed_port()}/api", op)
    error = outcome.raised(FocusConnectionError)
    assert not isinstance(error, FocusTimeoutError)
    assert len(hostile.sleeps) == RETRIES  # three attempts, none of which reached a server
    assert outcome.requests == 0  # and none counted as sent: no quota was spent


@pytest.mark.parametrize("op", [GET, POST], ids=lambda op: op.method)
def test_connect_timeout_is_retried_for_every_method(op: Op, hostile: Hostile) -> None:
    with full_backlog() as port:
        outcome = hostile.run(f"http://127.0.0.1:{port}/api", op, call={"timeout": 0.05})
    outcome.raised(FocusTimeoutError)
    assert len(hostile.sleeps) == RETRIES
    assert outcome.requests == 0


# --- hostile but valid HTTP: it must just work, with one request ------------------------------


@attrs.frozen
class Valid:
    """A legal but unusual way to send the success response."""

    id: str
    reply: Callable[[Op], Acts]
    on_accept: Callable[[Op], Acts] = lambda op: ()
    repeat: int = 1  # calls on one client (keep-alive cases), 50 ms apart


def _framed(op: Op, headers: list[tuple[str, str]], body: bytes) -> bytes:
    return head(op.status, [*JSON, *headers]) + body


VALID = [
    Valid("plain", lambda op: [Send(op.ok())]),
    Valid("LF-only line ends",
          lambda op: [Send(op.ok().replace(b"\r\n", b"\n"))]),
    Valid("HTTP/1.0 body delimited by FIN",
          lambda op: [Send(head(op.status, JSON, version="HTTP/1.0") + op.ok_body()), Close()]),
    Valid("Content-Length and chunked (chunked wins)",
          lambda op: [Send(_framed(op, [("Content-Length", "3"), ("Transfer-Encoding", "chunked")],
                                   chunked(op.ok_body(), 8)))]),
    Valid("one-byte chunks",
          lambda op: [Send(response(op.status, op.ok_body(), JSON, chunk_size=1))]),
    Valid("chunk extensions and trailers",
          lambda op: [Send(_framed(op, [("Transfer-Encoding", "chunked")],
                                   f"{len(op.ok_body()):x};ext=1\r\n".encode() + op.ok_body()
                                   + b"\r\n0\r\nX-Trailer: t\r\n\r\n"))]),
    Valid("100 Continue first", lambda op: [Send(head(100) + op.ok())]),
    Valid("three 103 Early Hints first",
          lambda op: [Send(head(103, [("Link", "</x>; rel=preload")]) * 3 + op.ok())]),
    Valid("obs-fold header", lambda op: [Send(op.ok([("X-Folded", "a\r\n  b")]))]),
    Valid("non-ASCII header bytes", lambda op: [Send(op.ok([("X-Odd", b"\xff\xfe caf\xc3\xa9")]))]),
    Valid("unknown Content-Encoding left as is",
          lambda op: [Send(op.ok([("Content-Encoding", "x-unheard-of")]))]),
    Valid("gzip", lambda op: [Send(response(op.status, gzip.compress(op.ok_body()),
                                            [*JSON, ("Content-Encoding", "gzip")]))]),
    Valid("deflate", lambda op: [Send(response(op.status, zlib.compress(op.ok_body()),
                                               [*JSON, ("Content-Encoding", "deflate")]))]),
    Valid("UTF-8 BOM before the JSON",
          lambda op: [Send(response(op.status, b"\xef\xbb\xbf" + op.ok_body(), JSON))]),
    Valid("junk after the body", lambda op: [Send(op.ok() + b"TRAILING JUNK")]),
    Valid("answer dripped 8 bytes per 5 ms", lambda op: [Drip(op.ok(), step=8, delay=0.005)]),
    Valid("Connection: close then FIN", lambda op: [Send(op.ok([("Connection", "close")])),
                                                    Close()]),
    Valid("response sent before the request is read",
          lambda op: [], on_accept=lambda op: [Send(op.ok())]),
    Valid("idle keep-alive closed (FIN) between calls",
          lambda op: [Send(op.ok()), Close()], repeat=2),
    Valid("idle keep-alive reset between calls",
          lambda op: [Send(op.ok()), Reset()], repeat=2),
]  # fmt: skip


@pytest.mark.parametrize("op", [GET, POST], ids=lambda op: op.method)
@pytest.mark.parametrize("case", VALID, ids=lambda c: c.id)
def test_valid_but_unusual(
    case: Valid, op: Op, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve([case.reply(op)], on_accept=case.on_accept(op))
    outcome = hostile.run(server.url, op, repeat=case.repeat, pause=0.05)
    ghost = outcome.succeeded()
    assert ghost.id == op.body["id"] and ghost.name == op.body["name"]
    if case.on_accept(op):  # answered before it was read: the server may not have read it yet
        assert server.connections == case.repeat
    else:
        assert server.count(op.method, op.path) == case.repeat == len(server.requests)
    assert hostile.sleeps == []
