"""A hostile HTTP/1.1 server on loopback, built on raw sockets, for the hostile fault suite.

Unlike the fake (`toggl_focus.testing.FakeFocus`) or `http.server`, nothing here insists on
speaking correct HTTP: a test scripts, byte by byte, what the client gets back. That is what
finds the bugs a well-behaved server cannot: a status line dripped one byte at a time, a
reset in the middle of a body, a body shorter than its Content-Length, a gzip bomb, a
redirect to another origin, the request's own Authorization header echoed into a header or
the reason phrase.

How it works. Each accepted connection gets a thread, which first runs the `on_accept` acts
(if any; e.g. reset before the request is even read), then reads requests one by one
(request line, headers, body by Content-Length or chunked), records each one and runs the
acts the script gives for it. An act is one of:

- `Send(data)`: write bytes as they are (use `response()` / `head()` to build them);
- `Drip(data, step, delay)`: write `step` bytes, wait `delay` seconds, repeat;
- `Stream(chunks)`: write what a callable yields, produced lazily (e.g. a gzip bomb);
- `Stall(seconds)`: send nothing for a while;
- `AwaitData()`: wait until the client has sent something, without reading it;
- `Close()`: a clean close (FIN), after which the connection is drained and dropped;
- `Reset()`: an abortive close (RST, via SO_LINGER 0).

`response()`, `head()`, `chunked()`, `echo()` and `gzip_bomb()` build the bytes to send;
`closed_port()` and `full_backlog()` give ports where connecting is refused or times out.

If the acts for a request do not close the connection, it stays open (keep-alive) and the
next request on it is read. The script is either a list of act lists, one per request in
arrival order across all connections (the last one repeats), or a callable taking the
recorded `Request` and returning acts (so a reply can echo what the client sent).

Every request is recorded (`requests`), with its connection number, so tests can assert
how many times a request reached the server; `connections` counts accepted connections
(a request the server never read still shows there). `stop()` (or leaving the `with`
block) interrupts every stall and drip, closes every socket and joins every thread.
"""

from __future__ import annotations

import contextlib
import functools
import re
import select
import socket
import struct
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

__all__ = [
    "Act",
    "Acts",
    "AwaitData",
    "Close",
    "Drip",
    "Headers",
    "HostileServer",
    "Request",
    "Reset",
    "Send",
    "Stall",
    "Stream",
    "chunked",
    "chunked_stream",
    "closed_port",
    "echo",
    "full_backlog",
    "gzip_bomb",
    "head",
    "response",
]

#: How long a closed (FIN) connection is drained for the client's own close before dropping it.
DRAIN_SECONDS = 2.0
#: Requests larger than this (head or body) are cut off: a client bug, not a server act.
MAX_REQUEST_BYTES = 1 << 20
THREAD_PREFIX = "hostile-server"


# --- acts ----------------------------------------------------------------------------------


@attrs.frozen
class Send:
    """Write `data` at once."""

    data: bytes


@attrs.frozen
class Drip:
    """Write `data` `step` bytes at a time, waiting `delay` seconds after each piece."""

    data: bytes
    step: int = 1
    delay: float = 0.2


@attrs.frozen
class Stream:
    """Write every piece `chunks()` yields; the pieces are produced only as they are sent."""

    chunks: Callable[[], Iterable[bytes]]


@attrs.frozen
class Stall:
    """Send nothing for `seconds` (cut short when the server stops)."""

    seconds: float


@attrs.frozen
class AwaitData:
    """Wait (up to `seconds`) until the client has sent something, without reading it."""

    seconds: float = 5.0


@attrs.frozen
class Close:
    """Close cleanly: FIN, then wait for the client to close its side."""


@attrs.frozen
class Reset:
    """Close abortively: RST (SO_LINGER with a zero timeout, then close)."""


Act = Send | Drip | Stream | Stall | AwaitData | Close | Reset
Acts = Sequence[Act]
Script = Sequence[Acts] | Callable[["Request"], Acts]


# --- building responses --------------------------------------------------------------------

_REASONS = {
    100: "Continue",
    103: "Early Hints",
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    402: "Payment Required",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

Headers = Sequence[tuple[str, str | bytes]]


def _bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def head(
    status: int,
    headers: Headers = (),
    *,
    reason: str | bytes | None = None,
    version: str = "HTTP/1.1",
) -> bytes:
    """A status line and header block, ending with the blank line; nothing is added."""
    phrase = _bytes(reason if reason is not None else _REASONS.get(status, "Whatever"))
    lines = [f"{version} {status} ".encode() + phrase]
    lines += [_bytes(name) + b": " + _bytes(value) for name, value in headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def response(
    status: int = 200,
    body: bytes = b"",
    headers: Headers = (),
    *,
    reason: str | bytes | None = None,
    length: int | None = None,
    chunk_size: int | None = None,
) -> bytes:
    """A whole response, framed by Content-Length (`length` lies about it) or, with
    `chunk_size`, chunked."""
    if chunk_size is not None:
        framing: list[tuple[str, str | bytes]] = [("Transfer-Encoding", "chunked")]
        payload = chunked(body, chunk_size)
    else:
        framing = [("Content-Length", str(len(body) if length is None else length))]
        payload = body
    return head(status, [*headers, *framing], reason=reason) + payload


def chunked(body: bytes, size: int, *, last: bool = True) -> bytes:
    """`body` in chunked transfer coding, `size` bytes a chunk; `last` adds the final 0 chunk."""
    pieces = [
        f"{len(body[i : i + size]):x}\r\n".encode() + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    ]
    return b"".join(pieces) + (b"0\r\n\r\n" if last else b"")


def chunked_stream(pieces: Callable[[], Iterable[bytes]]) -> Callable[[], Iterator[bytes]]:
    """A Stream source sending what `pieces()` yields in chunked coding, one chunk a piece."""

    def encoded() -> Iterator[bytes]:
        for piece in pieces():
            if piece:
                yield chunked(piece, len(piece), last=False)
        yield b"0\r\n\r\n"

    return encoded


@functools.cache
def gzip_bomb(decoded_size: int, *, encoding: str = "gzip") -> bytes:
    """`decoded_size` zero bytes compressed (about 1000:1), built on first use, then kept.

    `encoding` is the Content-Encoding it is for: "gzip", or "deflate" (the zlib format).
    """
    wbits = {"gzip": 31, "deflate": 15}[encoding]
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    block = bytes(1 << 20)
    parts = []
    left = decoded_size
    while left > 0:
        parts.append(compressor.compress(block[: min(left, len(block))]))
        left -= len(block)
    parts.append(compressor.flush())
    return b"".join(parts)


@contextlib.contextmanager
def full_backlog() -> Iterator[int]:
    """A loopback port whose accept queue is full: new connections time out in the handshake.

    The listener never accepts and its backlog (0, i.e. one pending connection) is taken by
    filler connections, so Linux drops further SYNs and a client's connect times out.
    """
    listener = socket.create_server(("127.0.0.1", 0), backlog=0)
    port: int = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(3):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def closed_port() -> int:
    """A loopback port with nothing listening (bound then released: connecting is refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def echo(
    request: Request,
    into: str,
    status: int = 200,
    headers: Headers = (),
) -> bytes:
    """A response carrying the request's headers (Authorization too) back to the client.

    `into` says where: "body" (the header block as the body), "headers" (each one as an
    `X-Echo-<name>` response header) or "reason" (the Authorization value as the reason
    phrase).
    """
    if into == "body":
        return response(status, request.raw_headers, headers)
    if into == "headers":
        echoed = [(f"X-Echo-{name}", value) for name, value in request.headers]
        return response(status, b"{}", [*headers, *echoed])
    if into == "reason":
        return response(status, b"{}", headers, reason=request.header("Authorization") or "")
    raise ValueError(f"echo into body, headers or reason, not {into!r}")


# --- the recorded request ------------------------------------------------------------------


@attrs.frozen
class Request:
    """One request the server read: its connection number (1-based), line, headers and body."""

    conn: int
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    @property
    def raw_headers(self) -> bytes:
        """The header block as received (for echoing back)."""
        return b"\r\n".join(f"{k}: {v}".encode("latin-1") for k, v in self.headers)


class _Gone(Exception):
    """The connection is finished (closed by either side, or the server is stopping)."""


class _Connection:
    """One accepted socket: buffered reading of requests, and the acts."""

    def __init__(self, sock: socket.socket, number: int, stop: threading.Event) -> None:
        self.sock = sock
        self.number = number
        self.stop = stop
        self.buffer = b""
        self.closed = False
        self.received = 0

    # reading

    def _fill(self) -> None:
        try:
            data = self.sock.recv(65536)
        except OSError as exc:
            raise _Gone from exc
        if not data:
            raise _Gone
        self.received += len(data)
        self.buffer += data

    def _read_until(self, marker: bytes) -> bytes:
        while (end := self.buffer.find(marker)) < 0:
            if len(self.buffer) > MAX_REQUEST_BYTES:
                raise _Gone
            self._fill()
        data, self.buffer = self.buffer[:end], self.buffer[end + len(marker) :]
        return data

    def _read_exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def read_request(self) -> Request:
        """The next request on the connection; _Gone when the client closed it."""
        lines = self._read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
        method, target, _ = [*lines[0].split(" ", 2), "", ""][:3]
        headers = tuple(
            (name.strip(), value.strip())
            for name, _, value in (line.partition(":") for line in lines[1:])
        )
        fields = {k.lower(): v for k, v in headers}
        if "chunked" in fields.get("transfer-encoding", "").lower():
            body = b""
            while size := int(self._read_until(b"\r\n").split(b";")[0], 16):
                body += self._read_exactly(size)
                self._read_exactly(2)
            self._read_until(b"\r\n")  # no trailers from our clients
        else:
            length = int(fields.get("content-length") or 0)
            if length > MAX_REQUEST_BYTES:
                raise _Gone
            body = self._read_exactly(length)
        return Request(self.number, method, target, headers, body)

    # acts

    def run(self, acts: Acts) -> None:
        """Carry out `acts` in order; _Gone once the connection is closed."""
        for act in acts:
            match act:
                case Send(data):
                    self._send(data)
                case Drip(data, step, delay):
                    for i in range(0, len(data), step):
                        self._send(data[i : i + step])
                        self._wait(delay)
                case Stream(chunks):
                    for piece in chunks():
                        self._send(piece)
                        if self.stop.is_set():
                            raise _Gone
                case Stall(seconds):
                    self._wait(seconds)
                case AwaitData(seconds):
                    self._await_data(seconds)
                case Close():
                    self.close_cleanly()
                    raise _Gone
                case Reset():
                    self.reset()
                    raise _Gone

    def _send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError as exc:  # the client went away
            raise _Gone from exc

    def _wait(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise _Gone

    def _await_data(self, seconds: float) -> None:
        if self.buffer:
            return
        try:
            select.select([self.sock], [], [], seconds)
        except (OSError, ValueError) as exc:
            raise _Gone from exc
        if self.stop.is_set():
            raise _Gone

    # closing

    def close_cleanly(self) -> None:
        """FIN, then drain until the client closes too, so the kernel never turns it into RST."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_WR)
            self.sock.settimeout(0.05)
            for _ in range(int(DRAIN_SECONDS / 0.05)):
                if self.stop.is_set():
                    break
                try:
                    data = self.sock.recv(65536)
                except TimeoutError:
                    continue
                if not data:
                    break
                self.received += len(data)
        self.drop()

    def reset(self) -> None:
        """RST: linger on with a zero timeout, then close."""
        with contextlib.suppress(OSError):
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.drop()

    def drop(self) -> None:
        if not self.closed:
            self.closed = True
            self.sock.close()

    def interrupt(self) -> None:
        """Unblock a thread stuck in recv (server stopping)."""
        if not self.closed:
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_RDWR)


class HostileServer:
    """A scripted raw-socket HTTP/1.1 server on a loopback address (see the module doc)."""

    def __init__(
        self,
        script: Script = (),
        *,
        on_accept: Acts = (),
        host: str = "127.0.0.1",
        name: str = "server",
    ) -> None:
        self.script = script
        self.on_accept = on_accept
        self.name = name
        self.requests: list[Request] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._open: list[_Connection] = []
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server((host, 0), backlog=64)
        self.host = host
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(
            target=self._accept_loop, name=f"{THREAD_PREFIX}-{name}-accept", daemon=True
        )
        self._received_closed = 0
        # Written to by stop() so the accept loop's select wakes at once.
        self._wake_r, self._wake_w = socket.socketpair()

    @property
    def origin(self) -> str:
        """http://HOST:PORT"""
        return f"http://{self.host}:{self.port}"

    @property
    def url(self) -> str:
        """The base URL clients use: the origin plus /api."""
        return f"{self.origin}/api"

    @property
    def received(self) -> int:
        """Bytes received so far on every connection."""
        with self._lock:
            return self._received_closed + sum(c.received for c in self._open)

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """How many recorded requests match `method` and the regex `path` (searched in the
        target)."""
        with self._lock:
            return sum(
                1
                for r in self.requests
                if (method is None or r.method == method)
                and (path is None or re.search(path, r.target))
            )

    # lifecycle

    def start(self) -> HostileServer:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Interrupt every act, close every socket, join every thread (a few ms normally)."""
        self._stop.set()
        self._wake_w.send(b"x")
        if self._acceptor.ident is not None:  # started
            self._acceptor.join(timeout=5)
        self._listener.close()
        self._wake_r.close()
        self._wake_w.close()
        with self._lock:
            connections = list(self._open)
        for connection in connections:
            connection.interrupt()
        for thread in self._threads:
            thread.join(timeout=5)
        alive = [t.name for t in [self._acceptor, *self._threads] if t.is_alive()]
        if alive:
            raise RuntimeError(f"hostile server threads did not stop: {alive}")

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # serving

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._listener, self._wake_r], [], [])
            if self._listener not in ready:
                continue
            try:
                sock, _ = self._listener.accept()
            except OSError:
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.connections += 1
                connection = _Connection(sock, self.connections, self._stop)
                self._open.append(connection)
            thread = threading.Thread(
                target=self._serve,
                args=(connection,),
                name=f"{THREAD_PREFIX}-{self.name}-conn{connection.number}",
                daemon=True,
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: _Connection) -> None:
        try:
            connection.run(self.on_accept)
            while not self._stop.is_set():
                request = connection.read_request()
                with self._lock:
                    self.requests.append(request)
                    index = len(self.requests) - 1
                connection.run(self._reply(request, index))
        except _Gone:
            pass
        except Exception:  # a scripting bug: drop the connection, the test sees the fault
            connection.reset()
            raise
        finally:
            connection.drop()
            with self._lock:
                self._open.remove(connection)
                self._received_closed += connection.received

    def _reply(self, request: Request, index: int) -> Acts:
        if callable(self.script):
            return self.script(request)
        if not self.script:
            return [Send(response(404, b"no script"))]
        return self.script[min(index, len(self.script) - 1)]
