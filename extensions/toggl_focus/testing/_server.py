"""The fake over a real socket: a stdlib `ThreadingHTTPServer` on loopback (HTTP/1.1).

Any HTTP client in any language can use it. Faults act on the wire: `disconnect` closes the
connection without a status line, `lost_answer` does so after handling the request, `stall`
sleeps in the handler thread before answering.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from toggl_focus.testing._app import Answer
from toggl_focus.testing._faults import reason_phrase

if TYPE_CHECKING:
    from toggl_focus.testing._fake import FakeFocus


class FakeServer(ThreadingHTTPServer):
    """A threading HTTP server bound to one `FakeFocus`."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, fake: FakeFocus, host: str, port: int, *, verbose: bool = False) -> None:
        """Bind to (host, port); port 0 picks a free one."""
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.fake = fake
        self.verbose = verbose
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        """The base URL clients use, e.g. `http://127.0.0.1:8080/api`."""
        host = str(self.server_address[0])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.server_address[1]}/api"


class _Handler(BaseHTTPRequestHandler):
    """Reads one request, asks the fake, writes the answer (or drops the connection)."""

    protocol_version = "HTTP/1.1"
    server: FakeServer

    def setup(self) -> None:
        """Disable Nagle's algorithm: answers go out at once, not after a delayed ACK."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Log to stderr only when the server is verbose."""
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _read_body(self) -> bytes | None:
        """Read the request body; None when its framing is broken."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                try:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                except ValueError:
                    return None
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = self.headers.get("Content-Length") or "0"
        if not (length.isascii() and length.isdigit()):
            return None
        return self.rfile.read(int(length)) if int(length) > 0 else b""

    def _dispatch(self) -> None:
        """Serve one request of any method: faults, latency, then the app's answer."""
        fake = self.server.fake
        target = urlsplit(self.path)
        path = unquote(target.path)  # as httpx's `request.url.path` is, in-process
        body = self._read_body()
        if body is None:
            self.close_connection = True
            self._write(fake.app.bad_framing(), head_only=False)
            return
        fault = fake.take_fault(self.command, path)
        if fault is not None and fault.kind == "disconnect":
            fake.record(self.command, path, target.query, None, body, fault)
            self.close_connection = True
            return
        delay = fake.latency + (fault.seconds if fault is not None and fault.kind == "stall" else 0)
        if delay > 0:
            time.sleep(delay)
        answer = fake.respond(self.command, path, target.query, self.headers, body, fault)
        if fault is not None and fault.kind == "lost_answer":  # handled; the answer is lost
            self.close_connection = True
            return
        self._write(answer, head_only=self.command == "HEAD")

    def _write(self, answer: Answer, *, head_only: bool) -> None:
        """Send an answer in one write: status line, headers and body in one segment."""
        head = [
            f"{self.protocol_version} {answer.status} {reason_phrase(answer.status)}",
            f"Server: {self.version_string()}",
            f"Date: {self.date_time_string()}",
            *(f"{name}: {value}" for name, value in answer.headers.items()),
        ]
        if answer.status >= 200 and answer.status not in (204, 304):
            head.append(f"Content-Length: {len(answer.body)}")
        payload = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        if not head_only:
            payload += answer.body
        self.log_request(answer.status)
        try:
            self.wfile.write(payload)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. a stall)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch
    do_HEAD = do_OPTIONS = do_TRACE = do_QUERY = do_CONNECT = _dispatch

    def __getattr__(self, name: str) -> object:
        """Route any other method (`do_<METHOD>`) to the app too, which answers 405."""
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)


def start_server(
    fake: FakeFocus, host: str = "127.0.0.1", port: int = 0, *, verbose: bool = False
) -> tuple[FakeServer, threading.Thread]:
    """Start serving in a daemon thread; the caller shuts the server down."""
    server = FakeServer(fake, host, port, verbose=verbose)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return server, thread
