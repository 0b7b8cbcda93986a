"""The few things only the sync client does its own way; `async_io.py` is their async side.

The generated sync code in `_sync/` imports these names (`scripts/make_sync.py` rewrites the
async source's `async_io` to `sync_io`, and `AsyncX` to `X`). Each has a twin of the same
shape in `async_io.py`, named with `Async` in front where it is a class:

- `Pool`: our own connection pool, with the deadline installed under its sockets.
- `invite`, `async_twin`: calling an inviter, which the async client may await.
- `deadline`: the attempt's total deadline. A blocking socket read can only be bounded by
  its own timeout, so a network backend wrapped around httpcore's shortens every socket
  operation's timeout to what is left of the attempt's deadline (`_DeadlineBackend`).
- `Prefetch`: pages fetched ahead of the pager's reader; the sync pager never does (it
  has no `concurrency`), so this only keeps the shape of the async one.
"""

from __future__ import annotations

import contextlib
import contextvars
import inspect
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpcore
import httpx

from ..errors import FocusConfigError
from .http import Attempt, deadline_at, transport_options

if TYPE_CHECKING:
    from .._ground.invites import Inviter

__all__ = ["Pool", "Prefetch", "async_twin", "deadline", "invite"]

R = TypeVar("R")

# Monotonic time at which the running attempt must end; read by the deadline network backend.
_deadline_at: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "toggl_focus_deadline_at", default=None
)


class Pool:
    """The transport a Focus owns (when no http_client is given), opened on first use."""

    def __init__(self, base_url: httpx.URL) -> None:
        self._base_url = base_url
        self._transport: httpx.HTTPTransport | None = None
        #: Whether the deadline sits under the sockets (False only if httpx changed shape).
        self.deadline_inside_reads = False

    def get(self) -> httpx.HTTPTransport:
        """Our transport, with the deadline backend under it."""
        if self._transport is None:
            self._transport = httpx.HTTPTransport(**transport_options(self._base_url))
            self.deadline_inside_reads = _install_deadline(self._transport)
        return self._transport

    def close(self) -> None:
        """Close the connections."""
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()


@contextlib.contextmanager
def deadline(attempt: Attempt, request: httpx.Request) -> Iterator[None]:
    """Bound every socket operation of the enclosed block by `attempt`'s deadline.

    A socket operation that would pass it times out (an httpx timeout); `request` is the
    async twin's, unused here.
    """
    token = _deadline_at.set(deadline_at(attempt))
    try:
        yield
    finally:
        _deadline_at.reset(token)


def _cap(timeout: float | None, error: type[Exception]) -> float | None:
    """A socket operation's timeout, shortened to what is left of the attempt's deadline."""
    at = _deadline_at.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the attempt's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(
            ssl_context, server_hostname, _cap(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """Wraps httpcore's sync backend so that drips cannot outlast the deadline.

    A blocking socket read can only be bounded by its own timeout; a server that sends one
    byte just before each read times out would otherwise hold the call for minutes.
    """

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = _cap(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - the client never uses unix sockets
        timeout = _cap(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore retries are off
        self._inner.sleep(seconds)


def _install_deadline(transport: httpx.HTTPTransport) -> bool:
    """Put the deadline backend under a transport we created; False if httpx changed shape.

    httpx has no public hook for the network backend of its transport, so this reaches
    into `transport._pool` (httpx < 0.29 is pinned; a test fails if this stops working).
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if not isinstance(backend, httpcore.NetworkBackend):
        return False
    pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return True


def async_twin(name: str) -> str | None:
    """The async function to suggest to a caller of `name` passing an async inviter."""
    return "a" + name


def invite(inviter: Inviter, email: str) -> object:
    """What `inviter` answers for `email`; FocusConfigError for an async inviter."""
    ids: object = inviter.invite(email)
    if inspect.isawaitable(ids):
        if inspect.iscoroutine(ids):
            ids.close()
        raise FocusConfigError("the inviter is async: use ainvite_and_embody")
    return ids


class Prefetch(Generic[R]):
    """The sync side of `AsyncPrefetch`: nothing runs in the background, so a page "started"
    is a page already fetched, kept until it is taken."""

    def __init__(self) -> None:
        self._done: dict[int, R] = {}

    def __len__(self) -> int:
        return len(self._done)

    def start(self, number: int, fetch: R) -> None:
        """Keep page `number`, fetched already."""
        self._done[number] = fetch

    def take(self, number: int) -> R:
        """Page `number`'s answer."""
        return self._done.pop(number)

    def cancel(self) -> list[R]:
        """Forget the pages not taken; return them."""
        done = list(self._done.values())
        self._done.clear()
        return done

    def close(self) -> None:
        """Forget the pages not taken."""
        self.cancel()
