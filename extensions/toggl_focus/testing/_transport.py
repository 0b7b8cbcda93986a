"""In-process httpx transports: requests reach the fake without a socket.

Network faults become the exceptions httpx raises for them: a dropped connection is
`httpx.RemoteProtocolError` (for `lost_answer`, after the fake has handled the request); a
delay (latency plus a stall) longer than the request's read timeout is `httpx.ReadTimeout`,
raised at once and without running the operation, so tests do not wait. Shorter delays are
slept (`time.sleep` or `asyncio.sleep`).
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from toggl_focus.testing._fake import FakeFocus
    from toggl_focus.testing._faults import Fault


def _delay(fake: FakeFocus, fault: Fault | None) -> float:
    """The seconds to wait before answering: latency plus any stall."""
    return fake.latency + (fault.seconds if fault is not None and fault.kind == "stall" else 0.0)


def _check_network(fake: FakeFocus, request: httpx.Request, fault: Fault | None) -> None:
    """Raise what httpx would raise for a dropped connection or a timed-out read."""
    path, query = request.url.path, request.url.query.decode("ascii", "replace")
    if fault is not None and fault.kind == "disconnect":
        fake.record(request.method, path, query, None, request.content, fault)
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    timeouts = request.extensions.get("timeout") or {}
    read_timeout = timeouts.get("read")
    if read_timeout is not None and _delay(fake, fault) > read_timeout:
        fake.record(request.method, path, query, None, request.content, fault)
        raise httpx.ReadTimeout("The read operation timed out", request=request)


def _answer(fake: FakeFocus, request: httpx.Request, fault: Fault | None) -> httpx.Response:
    """Let the fake answer and wrap the answer in an httpx response."""
    query = request.url.query.decode("ascii", "replace")
    answer = fake.respond(
        request.method, request.url.path, query, request.headers, request.content, fault
    )
    if fault is not None and fault.kind == "lost_answer":
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    return httpx.Response(
        answer.status, headers=answer.headers, content=answer.body, request=request
    )


class FakeTransport(httpx.BaseTransport):
    """Sync transport for `httpx.Client(transport=fake.transport())`."""

    def __init__(self, fake: FakeFocus) -> None:
        """Answer with `fake`."""
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request in-process."""
        request.read()
        fault = self.fake.take_fault(request.method, request.url.path)
        _check_network(self.fake, request, fault)
        delay = _delay(self.fake, fault)
        if delay > 0:
            time.sleep(delay)
        return _answer(self.fake, request, fault)


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """Async transport for `httpx.AsyncClient(transport=fake.async_transport())`."""

    def __init__(self, fake: FakeFocus) -> None:
        """Answer with `fake`."""
        self.fake = fake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request in-process, awaiting any latency."""
        await request.aread()
        fault = self.fake.take_fault(request.method, request.url.path)
        _check_network(self.fake, request, fault)
        delay = _delay(self.fake, fault)
        if delay > 0:
            await asyncio.sleep(delay)
        return _answer(self.fake, request, fault)
