"""The wire: one attempt of one request, and the only code that touches the network.

The generated operations call `client.get_httpx_client().request(method=..., url=...,
params=..., json=..., headers=...)`. Each Focus gives its generated `Client` a `Wire` (sync)
or `AsyncWire` in place of an httpx client. The wire builds the request itself and sends it
through the Focus's own transport or through the caller's httpx client, which it never
modifies: no auth, base URL, hooks or timeouts are installed on it, and the token is put on
our requests only, which only ever go to the Focus base URL. Per attempt the wire

- applies the call's timeouts and a total deadline (connect, send and receive together),
- never follows a redirect (Focus documents none; a 3xx becomes an UnexpectedStatusError),
- reads the whole body, inflating gzip/deflate incrementally and refusing more than
  `max_response_bytes` decoded bytes, so a compression bomb never reaches memory,
- redacts the token from everything the server sends back (body, headers, reason phrase)
  and from transport error messages,
- reads the quota headers, then turns every status >= 300 into a typed FocusStatusError
  before the generated parser sees the body.

Retries, quota waits and logging belong to `_runner`, which runs attempts through this.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import math
import time
import urllib.request
import weakref
import zlib
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import attrs
import httpcore
import httpx

from ._auth import Secret
from .errors import FocusConfigError, FocusDecodeError, error_for_response
from .quota import Quota

__all__ = [
    "AsyncWire",
    "Attempt",
    "Counter",
    "Settings",
    "Wire",
    "counting",
    "env_proxy",
]

_KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus)
_CHUNK = 64 * 1024


@attrs.define
class Settings:
    """What a Focus client fixes for every request it sends."""

    base_url: httpx.URL
    secret: Secret
    quota: Quota
    timeout: httpx.Timeout
    deadline: float | None
    max_response_bytes: int
    user_agent: str


@attrs.define
class Attempt:
    """One attempt's options, and what it sent and received (for the runner's decisions)."""

    timeout: httpx.Timeout
    deadline: float | None
    request: httpx.Request | None = None
    response: httpx.Response | None = None
    started: float = 0.0

    def deadline_passed(self) -> bool:
        """Whether this attempt has used up its deadline."""
        return self.deadline is not None and time.monotonic() - self.started >= self.deadline


_attempt: contextvars.ContextVar[Attempt | None] = contextvars.ContextVar(
    "toggl_focus_attempt", default=None
)
# Monotonic time at which the running attempt must end; read by the deadline network backend.
_deadline_at: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "toggl_focus_deadline_at", default=None
)


@contextlib.contextmanager
def attempt_scope(attempt: Attempt) -> Iterator[Attempt]:
    """Make `attempt` the one the wire fills in, for the duration of one generated call."""
    token = _attempt.set(attempt)
    try:
        yield attempt
    finally:
        _attempt.reset(token)


# --- request counting -----------------------------------------------------------------------


@attrs.define
class Counter:
    """Requests sent inside a `counting()` block (and, through `parent`, the enclosing one)."""

    count: int = 0
    parent: Counter | None = None


_counter: contextvars.ContextVar[Counter | None] = contextvars.ContextVar(
    "toggl_focus_counter", default=None
)


@contextlib.contextmanager
def counting() -> Iterator[Counter]:
    """Count every request (each attempt) this task sends inside the block, per task."""
    counter = Counter(parent=_counter.get())
    token = _counter.set(counter)
    try:
        yield counter
    finally:
        _counter.reset(token)


def _count() -> None:
    counter = _counter.get()
    while counter is not None:
        counter.count += 1
        counter = counter.parent


# --- building the request -------------------------------------------------------------------


def _begin(
    settings: Settings,
    method: str,
    url: str,
    params: dict[str, Any] | None,
    json: Any,
    headers: dict[str, str] | None,
) -> tuple[Attempt, httpx.Request]:
    attempt = _attempt.get() or Attempt(timeout=settings.timeout, deadline=settings.deadline)
    attempt.started = time.monotonic()
    attempt.request = attempt.response = None
    request = httpx.Request(
        method.upper(),
        str(settings.base_url).rstrip("/") + url,
        params=params,
        json=json,
        headers={
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
            "User-Agent": settings.user_agent,
            **(headers or {}),
            "Authorization": settings.secret.header(),
        },
    )
    timeouts = attempt.timeout.as_dict()
    if attempt.deadline is not None:  # no single phase may outlast the whole attempt
        timeouts = {k: _min(v, attempt.deadline) for k, v in timeouts.items()}
    request.extensions["timeout"] = timeouts
    attempt.request = request
    _count()
    return attempt, request


def _min(value: float | None, cap: float) -> float | None:
    if math.isinf(cap):
        return value
    return cap if value is None else min(value, cap)


def _deadline_at_for(attempt: Attempt) -> float | None:
    if attempt.deadline is None or math.isinf(attempt.deadline):
        return None
    return attempt.started + attempt.deadline


def _deadline_error(attempt: Attempt, request: httpx.Request) -> httpx.ReadTimeout:
    return httpx.ReadTimeout(
        f"the attempt's deadline of {attempt.deadline:g} s passed", request=request
    )


# --- reading the body -----------------------------------------------------------------------


class _BodyError(Exception):
    """The body cannot be kept: undecodable or over the cap (becomes a FocusDecodeError)."""


class _Body:
    """Accumulates a response body, inflating it with a hard cap on the decoded size."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.response = response
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0
        self._inflater: Any = None
        self._deflate = False
        self._raw_deflate = False
        # A response built from bytes in memory (httpx.MockTransport and friends) arrives
        # already read and decoded by httpx: only the cap applies.
        self.in_memory = response.is_stream_consumed
        if self.in_memory:
            return
        # Unknown codings are left as they are, as httpx does; only gzip and deflate (what
        # the client asks for) are inflated, one layer at most.
        codings = [
            c.strip().lower()
            for c in response.headers.get("content-encoding", "").split(",")
            if c.strip().lower() in ("gzip", "x-gzip", "deflate")
        ]
        if len(codings) > 1:
            raise _BodyError(
                f"could not be decoded: {len(codings)} layers of Content-Encoding "
                "(the client asks for one layer of gzip or deflate)"
            )
        if codings:
            self._deflate = codings[0] == "deflate"
            self._inflater = zlib.decompressobj(
                zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16
            )

    def feed(self, data: bytes) -> None:
        if self._inflater is not None:
            data = self._inflate(data)
        self._add(data)

    def _inflate(self, data: bytes) -> bytes:
        room = self.limit - self.size
        try:
            return bytes(self._inflater.decompress(data, room + 1))
        except zlib.error as exc:
            if self._deflate and not self._raw_deflate and self.size == 0:
                # Some servers send raw deflate without the zlib wrapper (as httpx tolerates).
                self._raw_deflate = True
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            raise _BodyError(f"could not be decoded (Content-Encoding): {exc}") from None

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise _BodyError(
                f"is larger than max_response_bytes ({self.limit} bytes decoded); "
                "the body was dropped"
            )
        if data:
            self.chunks.append(data)

    def finish(self) -> bytes:
        if self._inflater is not None:
            try:
                self._add(self._inflater.flush())
            except zlib.error as exc:
                raise _BodyError(f"could not be decoded (Content-Encoding): {exc}") from None
        return b"".join(self.chunks)


def _finish(
    settings: Settings, attempt: Attempt, raw: httpx.Response, body: bytes
) -> httpx.Response:
    """The response the rest of the client sees: whole, decoded, redacted; or a typed error."""
    response = _snapshot(settings, attempt, raw, body)
    settings.quota.update(response)
    status = response.status_code
    if status >= 300 or status not in _KNOWN_STATUSES:
        raise error_for_response(response)
    return response


def _decode_error(
    settings: Settings, attempt: Attempt, raw: httpx.Response, problem: _BodyError
) -> FocusDecodeError:
    """A body that could not be kept: the error keeps the status and (redacted) headers."""
    response = _snapshot(settings, attempt, raw, b"", keep_encoding=True)
    settings.quota.update(response)
    request = response.request
    return FocusDecodeError(
        f"{response.status_code} response to {request.method} {request.url.path} {problem}",
        response=response,
    )


def _snapshot(
    settings: Settings,
    attempt: Attempt,
    raw: httpx.Response,
    body: bytes,
    *,
    keep_encoding: bool = False,
) -> httpx.Response:
    """A read, redacted copy of `raw` holding `body` (already decoded unless keep_encoding)."""
    secret = settings.secret
    dropped: tuple[str, ...] = ("content-length", "transfer-encoding")
    if not keep_encoding:
        dropped += ("content-encoding",)
    # Raw bytes: a header value need not be ASCII (httpx would refuse to re-encode it).
    headers = [
        (name, secret.bytes(value))
        for name, value in raw.headers.raw
        if name.decode("latin-1").lower() not in dropped
    ]
    extensions = {k: v for k, v in raw.extensions.items() if k in ("http_version", "reason_phrase")}
    if isinstance(extensions.get("reason_phrase"), bytes):
        extensions["reason_phrase"] = secret.bytes(extensions["reason_phrase"])
    assert attempt.request is not None
    response = httpx.Response(
        raw.status_code,
        headers=headers,
        content=secret.bytes(body),
        request=attempt.request,
        extensions=extensions,
    )
    attempt.response = response
    return response


# --- the deadline inside every socket operation (sync transports we own) --------------------


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


def env_proxy(url: httpx.URL) -> str | None:
    """The proxy the environment names for `url`; never one for plain http.

    Plain http is only ever used for loopback hosts (a fake server), and a proxy there would
    receive the token in clear, so it is never proxied.
    """
    if url.scheme != "https" or urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get("https") or proxies.get("all")


def caller_would_proxy(client: httpx.Client | httpx.AsyncClient, url: httpx.URL) -> bool:
    """Whether a caller's client would send plain-http `url` through an environment proxy."""
    if url.scheme != "http" or not client.trust_env or urllib.request.proxy_bypass(url.host):
        return False
    proxies = urllib.request.getproxies()
    return bool(proxies.get("http") or proxies.get("all"))


def _transport_options(base_url: httpx.URL) -> dict[str, Any]:
    # Plain http (loopback only) never does TLS: skip loading the CA bundle.
    verify = base_url.scheme == "https"
    return {"proxy": env_proxy(base_url), "verify": verify, "trust_env": True}


def _closed_error(what: str) -> FocusConfigError:
    return FocusConfigError(f"{what} is closed; create a new client to send more requests")


# --- the sync and async wires ---------------------------------------------------------------


class _WireBase:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.closed = False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.settings.base_url)!r})"


class Wire(_WireBase):
    """Sends the generated client's requests for one `Focus` (see the module docstring)."""

    def __init__(self, settings: Settings, http_client: httpx.Client | None) -> None:
        super().__init__(settings)
        self._caller = http_client
        settings.secret.guard_library_logs()
        self._transport: httpx.HTTPTransport | None = None
        self.deadline_inside_reads = False

    def _own(self) -> httpx.HTTPTransport:
        if self._transport is None:
            self._transport = httpx.HTTPTransport(**_transport_options(self.settings.base_url))
            self.deadline_inside_reads = _install_deadline(self._transport)
        return self._transport

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one attempt and return the whole response; see the module docstring."""
        if self.closed:
            raise _closed_error("this Focus client")
        attempt, request = _begin(self.settings, method, url, params, json, headers)
        token = _deadline_at.set(_deadline_at_for(attempt))
        try:
            raw = self._send(request)
            try:
                body = _Body(raw, self.settings.max_response_bytes)
                for chunk in [raw.content] if body.in_memory else raw.iter_raw(_CHUNK):
                    body.feed(chunk)
                    if attempt.deadline_passed():
                        raise _deadline_error(attempt, request)
                data = body.finish()
            except _BodyError as problem:
                raise _decode_error(self.settings, attempt, raw, problem) from None
            finally:
                raw.close()
        except httpx.HTTPError as exc:
            self.settings.secret.scrub(exc)
            raise
        finally:
            _deadline_at.reset(token)
        return _finish(self.settings, attempt, raw, data)

    def _send(self, request: httpx.Request) -> httpx.Response:
        if self._caller is None:
            raw = self._own().handle_request(request)
            raw.request = request
            return raw
        if self._caller.is_closed:
            raise _closed_error("the http_client given to Focus")
        return self._caller.send(request, stream=True, follow_redirects=False, auth=None)

    def close(self) -> None:
        """Close our connection pool (a caller's client is the caller's to close)."""
        self.closed = True
        if self._transport is not None:
            self._transport.close()


class AsyncWire(_WireBase):
    """The async twin of `Wire`, for `AsyncFocus`."""

    def __init__(self, settings: Settings, http_client: httpx.AsyncClient | None) -> None:
        super().__init__(settings)
        self._caller = http_client
        settings.secret.guard_library_logs()
        self._transport: httpx.AsyncHTTPTransport | None = None
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None

    def _own(self) -> httpx.AsyncHTTPTransport:
        # Connections belong to the event loop that opened them: a client used under a second
        # `asyncio.run()` starts a fresh pool instead of touching sockets of a closed loop.
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # another async library (trio): one pool
            loop = None
        if self._transport is None or (
            loop is not None and (self._loop is None or self._loop() is not loop)
        ):
            self._transport = httpx.AsyncHTTPTransport(**_transport_options(self.settings.base_url))
            self._loop = weakref.ref(loop) if loop is not None else None
        return self._transport

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one attempt and return the whole response; see the module docstring."""
        if self.closed:
            raise _closed_error("this AsyncFocus client")
        attempt, request = _begin(self.settings, method, url, params, json, headers)
        at = _deadline_at_for(attempt)
        try:
            try:
                with _timeout_scope(at):
                    raw = await self._send(request)
                    try:
                        body = _Body(raw, self.settings.max_response_bytes)
                        if body.in_memory:
                            body.feed(raw.content)
                        else:
                            async for chunk in raw.aiter_raw(_CHUNK):
                                body.feed(chunk)
                        data = body.finish()
                    except _BodyError as problem:
                        raise _decode_error(self.settings, attempt, raw, problem) from None
                    finally:
                        await raw.aclose()
            except TimeoutError:
                raise _deadline_error(attempt, request) from None
        except httpx.HTTPError as exc:
            self.settings.secret.scrub(exc)
            raise
        return _finish(self.settings, attempt, raw, data)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        if self._caller is None:
            raw = await self._own().handle_async_request(request)
            raw.request = request
            return raw
        if self._caller.is_closed:
            raise _closed_error("the http_client given to AsyncFocus")
        return await self._caller.send(request, stream=True, follow_redirects=False, auth=None)

    async def aclose(self) -> None:
        """Close our connection pool (a caller's client is the caller's to close)."""
        self.closed = True
        transport, self._transport = self._transport, None
        if transport is not None:
            with contextlib.suppress(RuntimeError):  # its loop may be gone already
                await transport.aclose()


def _timeout_scope(at: float | None) -> contextlib.AbstractContextManager[Any]:
    """Cancel the enclosed awaits at monotonic time `at` (raising TimeoutError).

    anyio (httpx's own dependency) works on asyncio and trio alike; imported on first use.
    """
    if at is None:
        return contextlib.nullcontext()
    import anyio

    return anyio.fail_after(max(0.0, at - time.monotonic()))
