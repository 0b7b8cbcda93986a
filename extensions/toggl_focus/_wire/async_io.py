"""The few things only the async client does its own way; `sync_io.py` is their sync side.

The async source in `_async/` imports these names from here; `scripts/make_sync.py` rewrites
`async_io` to `sync_io` (and `AsyncPool` to `Pool`), so the generated sync code imports the
sync names from there. Each name here has a twin of the same shape in `sync_io.py`:

- `AsyncPool`: our own connection pool; the async one is per event loop.
- `invite`, `async_twin`: calling an inviter, which the async client may await.
- `deadline`: the attempt's total deadline, here an anyio cancel scope around every await.
- `AsyncPrefetch`: the pages a pager fetches ahead of its reader, here tasks in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
import weakref
from collections.abc import Awaitable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx

from .http import Attempt, deadline_at, deadline_error, transport_options

if TYPE_CHECKING:
    from .._ground.invites import AsyncInviter, Inviter

__all__ = ["AsyncPool", "AsyncPrefetch", "async_twin", "deadline", "invite"]

R = TypeVar("R")


class AsyncPool:
    """The transport an AsyncFocus owns (when no http_client is given), one per event loop.

    Connections belong to the event loop that opened them: a client used under a second
    `asyncio.run()` starts a fresh pool instead of touching sockets of a closed loop.
    """

    #: The cancel scope of `deadline` interrupts any await, socket reads included.
    deadline_inside_reads = True

    def __init__(self, base_url: httpx.URL) -> None:
        self._base_url = base_url
        self._transport: httpx.AsyncHTTPTransport | None = None
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None

    def get(self) -> httpx.AsyncHTTPTransport:
        """The transport for the running event loop, opened on first use."""
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # another async library (trio): one pool
            loop = None
        if self._transport is None or (
            loop is not None and (self._loop is None or self._loop() is not loop)
        ):
            self._transport = httpx.AsyncHTTPTransport(**transport_options(self._base_url))
            self._loop = weakref.ref(loop) if loop is not None else None
        return self._transport

    async def aclose(self) -> None:
        """Close the connections (of the last event loop that used the pool)."""
        transport, self._transport = self._transport, None
        if transport is not None:
            with contextlib.suppress(RuntimeError):  # its loop may be gone already
                await transport.aclose()


@contextlib.contextmanager
def deadline(attempt: Attempt, request: httpx.Request) -> Iterator[None]:
    """Cancel the enclosed awaits when `attempt`'s deadline passes (an httpx.ReadTimeout).

    anyio (httpx's own dependency) works on asyncio and trio alike; imported on first use.
    """
    at = deadline_at(attempt)
    if at is None:
        yield
        return
    import anyio

    try:
        with anyio.fail_after(max(0.0, at - time.monotonic())):
            yield
    except TimeoutError:
        raise deadline_error(attempt, request) from None


def async_twin(name: str) -> str | None:
    """The async function to suggest to a caller of `name` passing an async inviter: none.

    `name` is async already, and takes sync and async inviters alike.
    """
    return None


async def invite(inviter: AsyncInviter | Inviter, email: str) -> object:
    """What `inviter` answers for `email`; a sync or an async inviter."""
    ids: object = inviter.invite(email)
    if inspect.isawaitable(ids):
        ids = await ids
    return ids


class AsyncPrefetch(Generic[R]):
    """Page fetches started ahead of the pager's reader (its `concurrency`), as asyncio tasks."""

    def __init__(self) -> None:
        self._tasks: dict[int, asyncio.Future[R]] = {}

    def __len__(self) -> int:
        return len(self._tasks)

    def start(self, number: int, fetch: Awaitable[R]) -> None:
        """Run `fetch` (page `number`) in the background."""
        self._tasks[number] = asyncio.ensure_future(fetch)

    async def take(self, number: int) -> R:
        """Page `number`'s answer, once its fetch has ended."""
        return await self._tasks.pop(number)

    def cancel(self) -> list[asyncio.Future[R]]:
        """Cancel the fetches in flight; return them (to await their end)."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        return tasks

    async def aclose(self) -> None:
        """Cancel the fetches in flight and wait until they have ended."""
        tasks = self.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
