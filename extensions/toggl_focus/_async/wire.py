"""The wire of one client: one attempt of one request (`toggl_focus._wire.http` says what)."""

from __future__ import annotations

from typing import Any

import httpx

from .._wire.async_io import AsyncPool, deadline
from .._wire.http import (
    CHUNK,
    Body,
    BodyError,
    Settings,
    WireBase,
    begin,
    closed_error,
    deadline_error,
    decode_error,
    failed,
    finish,
    overran,
)

__all__ = ["AsyncWire"]


class AsyncWire(WireBase):
    """Sends the generated client's requests for one `AsyncFocus` (see `toggl_focus._wire.http`)."""

    def __init__(self, settings: Settings, http_client: httpx.AsyncClient | None) -> None:
        super().__init__(settings)
        self._caller = http_client
        settings.secret.guard_library_logs()
        self._pool = AsyncPool(settings.base_url)

    @property
    def deadline_inside_reads(self) -> bool:
        """Whether the deadline bounds every socket read of our own transport."""
        return self._pool.deadline_inside_reads

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one attempt and return the whole response; see `toggl_focus._wire.http`."""
        if self.closed:
            raise closed_error("this AsyncFocus client")
        attempt, request = begin(self.settings, method, url, params, json, headers)
        try:
            with deadline(attempt, request):
                raw = await self._send(request)
                try:
                    body = Body(raw, self.settings.max_response_bytes)
                    if body.in_memory:
                        body.feed(raw.content)
                    else:
                        async for chunk in raw.aiter_raw(CHUNK):
                            body.feed(chunk)
                            if attempt.deadline_passed():
                                raise deadline_error(attempt, request)
                    data = body.finish()
                except BodyError as problem:
                    raise decode_error(self.settings, attempt, raw, problem) from None
                finally:
                    if overran(raw):  # never the next request's answer: close the connection
                        stream = raw.extensions.get("network_stream")
                        if stream is not None:
                            await stream.aclose()
                    await raw.aclose()
        except httpx.HTTPError as exc:
            failed(self.settings, exc)
            raise
        return finish(self.settings, attempt, raw, data)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        if self._caller is None:
            raw = await self._pool.get().handle_async_request(request)
            raw.request = request
            return raw
        if self._caller.is_closed:
            raise closed_error("the http_client given to AsyncFocus")
        return await self._caller.send(request, stream=True, follow_redirects=False, auth=None)

    async def aclose(self) -> None:
        """Close our connection pool (a caller's client is the caller's to close)."""
        self.closed = True
        await self._pool.aclose()
