"""The wire: one attempt of one request, and the only code that touches the network.

This module holds what both wires share; the wire itself is written once, async, in
`_async/wire.py` (`AsyncWire`; its generated twin is `_sync/wire.py`, `Wire`), and what
sync and async do differently (our connection pool, how the deadline is enforced) is in
`async_io.py` / `sync_io.py`.

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

import contextlib
import contextvars
import math
import re
import time
import urllib.request
import zlib
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from typing import Any

import attrs
import httpx

from .._ground.check import given
from .._ground.retry import NOT_SENT_ERRORS
from ..errors import FocusConfigError, FocusDecodeError, error_for_response
from ..quota import Quota
from .auth import Secret

__all__ = [
    "CHUNK",
    "Attempt",
    "Body",
    "BodyError",
    "Counter",
    "Settings",
    "WireBase",
    "begin",
    "check_headers",
    "check_query",
    "closed_error",
    "counting",
    "deadline_at",
    "deadline_error",
    "decode_error",
    "env_proxy",
    "failed",
    "finish",
    "merge_headers",
    "overran",
    "transport_options",
]

_KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus)
CHUNK = 64 * 1024


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
    #: The client's default headers and the call's extra ones (checked), and extra query.
    headers: Mapping[str, str] = attrs.field(factory=dict)
    params: Mapping[str, QueryValue] = attrs.field(factory=dict)

    def deadline_passed(self) -> bool:
        """Whether this attempt has used up its deadline."""
        return self.deadline is not None and time.monotonic() - self.started >= self.deadline


_attempt: contextvars.ContextVar[Attempt | None] = contextvars.ContextVar(
    "toggl_focus_attempt", default=None
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
    """Requests sent inside a `counting()` block (and, through `parent`, the enclosing one).

    An attempt is counted when it is built; one that failed before any byte was sent (the
    connection refused or timed out, no pooled connection free: `NOT_SENT_ERRORS`) is taken
    back, since it cannot have reached the server or spent quota.
    """

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


def _count(step: int = 1) -> None:
    counter = _counter.get()
    while counter is not None:
        counter.count += step
        counter = counter.parent


def failed(settings: Settings, error: httpx.HTTPError) -> None:
    """What the wire does with an attempt's transport error before raising it.

    The token is redacted from its message, and an attempt that never left the machine
    (`NOT_SENT_ERRORS`) is no longer counted as a request sent.
    """
    settings.secret.scrub(error)
    if isinstance(error, NOT_SENT_ERRORS):
        _count(-1)


# --- caller headers and query ---------------------------------------------------------------

QueryScalar = str | int | float
QueryValue = QueryScalar | list[QueryScalar] | tuple[QueryScalar, ...]
#: Headers the client owns: the token, the framing and the body's encoding.
RESERVED_HEADERS = frozenset(
    {
        "authorization", "proxy-authorization", "cookie", "host", "content-length",
        "content-type", "content-encoding", "transfer-encoding", "accept-encoding",
        "connection", "keep-alive", "te", "trailer", "upgrade", "expect",
    }
)  # fmt: skip
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_FIELD_VALUE = re.compile(r"[\x20-\x7e\t]*")


def check_headers(name: str, headers: object) -> dict[str, str]:
    """A caller's headers (`default_headers`, `extra_headers`) as a new dict, or FocusConfigError.

    Names must be HTTP tokens and values printable ASCII (no CR/LF: no header injection);
    the headers the client owns (`RESERVED_HEADERS`: Authorization and the framing) are
    refused. A User-Agent is allowed: the client puts it in front of its own.
    """
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise FocusConfigError(f"{name} must be a mapping of str to str, got {given(headers)}")
    checked: dict[str, str] = {}
    for key, value in headers.items():
        if not isinstance(key, str) or not _TOKEN.fullmatch(key):
            raise FocusConfigError(f"{name}: {given(key)} is not a valid header name")
        if key.lower() in RESERVED_HEADERS:
            raise FocusConfigError(
                f"{name} may not set {key}: the client sets it itself "
                "(the token, the connection and the body's encoding are the client's)"
            )
        if not isinstance(value, str) or not _FIELD_VALUE.fullmatch(value):
            raise FocusConfigError(
                f"{name}[{key!r}] must be a str of printable ASCII characters, got {given(value)}"
            )
        checked[key] = value
    return checked


def merge_headers(base: Mapping[str, str], added: Mapping[str, str]) -> dict[str, str]:
    """`base` updated with `added`, names compared without case (a new dict)."""
    replaced = {name.lower() for name in added}
    return {**{k: v for k, v in base.items() if k.lower() not in replaced}, **added}


def _query_scalar(name: str, value: object) -> QueryScalar:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FocusConfigError(f"{name} must be a str, int or float, got {given(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise FocusConfigError(f"{name} must be finite, got {given(value)}")
    return value


def check_query(name: str, query: object) -> dict[str, QueryValue]:
    """A caller's extra query parameters as a new dict, or FocusConfigError.

    Values are str, int or float (not bool: say "true" if the API wants that), or a list
    or tuple of them (repeated parameters).
    """
    if query is None:
        return {}
    if not isinstance(query, Mapping):
        raise FocusConfigError(f"{name} must be a mapping of str to values, got {given(query)}")
    checked: dict[str, QueryValue] = {}
    for key, value in query.items():
        if not isinstance(key, str) or not key:
            raise FocusConfigError(f"{name}: {given(key)} is not a parameter name")
        if isinstance(value, list | tuple):
            checked[key] = [_query_scalar(f"{name}[{key!r}][{i}]", v) for i, v in enumerate(value)]
        else:
            checked[key] = _query_scalar(f"{name}[{key!r}]", value)
    return checked


def _merged_params(params: dict[str, Any] | None, extra: Mapping[str, QueryValue]) -> Any:
    """The operation's params plus the caller's extra ones, which may not replace any."""
    if not extra:
        return params
    taken = sorted(set(extra) & set(params or {}))
    if taken:
        raise FocusConfigError(
            f"extra_query may not set {', '.join(taken)}: this call sets it itself "
            "(pass it as the method's argument)"
        )
    return {**(params or {}), **extra}


def _headers(settings: Settings, attempt: Attempt, own: dict[str, str] | None) -> httpx.Headers:
    headers = httpx.Headers(
        {
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
            "User-Agent": settings.user_agent,
        }
    )
    theirs = httpx.Headers(attempt.headers)
    agent = theirs.pop("user-agent", None)
    headers.update(theirs)
    if agent:  # the caller's product first, then ours: neither is lost
        headers["User-Agent"] = f"{agent} {settings.user_agent}"
    headers.update(own or {})
    headers["Authorization"] = settings.secret.header()
    return headers


# --- building the request -------------------------------------------------------------------


def begin(
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
        params=_merged_params(params, attempt.params),
        json=json,
        headers=_headers(settings, attempt, headers),
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


def deadline_at(attempt: Attempt) -> float | None:
    """Monotonic time by which `attempt` must end (None: no deadline)."""
    if attempt.deadline is None or math.isinf(attempt.deadline):
        return None
    return attempt.started + attempt.deadline


def deadline_error(attempt: Attempt, request: httpx.Request) -> httpx.ReadTimeout:
    """What an attempt that outlasted its deadline raises (the runner makes it a timeout)."""
    return httpx.ReadTimeout(
        f"the attempt's deadline of {attempt.deadline:g} s passed", request=request
    )


# --- reading the body -----------------------------------------------------------------------


class BodyError(Exception):
    """The body cannot be kept: undecodable or over the cap (becomes a FocusDecodeError).

    `raw` is the body as it came (still encoded) when it could not be decoded; empty when
    it was dropped for its size.
    """

    def __init__(self, message: str, raw: bytes = b"") -> None:
        super().__init__(message)
        self.raw = raw


class Body:
    """Accumulates a response body, inflating it with a hard cap on the decoded size.

    An encoded body is kept as it came too (at most `limit` bytes of it), so that one that
    cannot be decoded is still read to its end and its error keeps the raw bytes.
    """

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.response = response
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0
        self._inflater: Any = None
        self._deflate = False
        self._raw_deflate = False
        self._encoded = False
        self._raw: list[bytes] = []
        self._raw_size = 0
        #: Why the body cannot be decoded (then it is only read on, raw); None: it can so far.
        self._problem: str | None = None
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
        self._encoded = bool(codings)
        if len(codings) > 1:
            self._problem = (
                f"could not be decoded: {len(codings)} layers of Content-Encoding "
                "(the client asks for one layer of gzip or deflate)"
            )
        elif codings:
            self._deflate = codings[0] == "deflate"
            self._inflater = zlib.decompressobj(
                zlib.MAX_WBITS if self._deflate else zlib.MAX_WBITS | 16
            )

    def feed(self, data: bytes) -> None:
        if self._encoded:
            self._keep_raw(data)
        if self._problem is not None:
            return
        if self._inflater is not None:
            try:
                data = self._inflate(data)
            except zlib.error as exc:
                self._problem = f"could not be decoded (Content-Encoding): {exc}"
                return
        self._add(data)

    def _keep_raw(self, data: bytes) -> None:
        self._raw_size += len(data)
        if self._raw_size > self.limit and self._problem is not None:
            raise BodyError(
                f"{self._problem}; its raw body is larger than max_response_bytes "
                f"({self.limit} bytes) and was dropped"
            )
        if self._raw_size <= self.limit and data:
            self._raw.append(data)

    def _inflate(self, data: bytes) -> bytes:
        room = self.limit - self.size
        try:
            return bytes(self._inflater.decompress(data, room + 1))
        except zlib.error:
            if self._deflate and not self._raw_deflate and self.size == 0:
                # Some servers send raw deflate without the zlib wrapper (as httpx tolerates).
                self._raw_deflate = True
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            raise

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyError(
                f"is larger than max_response_bytes ({self.limit} bytes decoded); "
                "the body was dropped"
            )
        if data:
            self.chunks.append(data)

    def finish(self) -> bytes:
        if self._inflater is not None and self._problem is None:
            try:
                self._add(self._inflater.flush())
            except zlib.error as exc:
                self._problem = f"could not be decoded (Content-Encoding): {exc}"
            else:
                if self._raw_size and not self._inflater.eof:  # no bytes at all: no body
                    self._problem = "could not be decoded (Content-Encoding): it is cut short"
        if self._problem is not None:
            raw = b"" if self._raw_size > self.limit else b"".join(self._raw)
            raise BodyError(self._problem, raw)
        return b"".join(self.chunks)


def overran(raw: httpx.Response) -> bool:
    """Whether the connection `raw` came on holds bytes past the end of the response.

    A server whose Content-Length is shorter than what it sends leaves the rest on the
    keep-alive connection, and the next request on it would take those bytes for its answer
    (h11 keeps them, as pipelined data, for the next cycle). httpcore drops an idle
    connection whose socket is readable, but not one whose bytes h11 has already read: this
    asks h11 (`trailing_data`), walking httpx's and httpcore's response streams down to it.
    They have no public way there; if their shape changes this answers False, and
    `tests/hostile/test_transport.py` fails.
    """
    node: object = raw.stream
    for _ in range(8):
        trailing = getattr(node, "trailing_data", None)
        if isinstance(trailing, tuple) and hasattr(node, "their_state"):
            return bool(trailing[0])
        node = next(
            (
                getattr(node, name)
                for name in ("_stream", "_httpcore_stream", "_connection", "_h11_state")
                if getattr(node, name, None) is not None
            ),
            None,
        )
        if node is None:
            break
    return False


def finish(
    settings: Settings, attempt: Attempt, raw: httpx.Response, body: bytes
) -> httpx.Response:
    """The response the rest of the client sees: whole, decoded, redacted; or a typed error."""
    response = _snapshot(settings, attempt, raw, body)
    settings.quota.update(response)
    status = response.status_code
    if status >= 300 or status not in _KNOWN_STATUSES:
        raise error_for_response(response)
    return response


def decode_error(
    settings: Settings, attempt: Attempt, raw: httpx.Response, problem: BodyError
) -> FocusDecodeError:
    """A body that could not be kept: the error keeps the status and (redacted) headers, and
    `.body` the raw bytes of a body that could not be decoded (b"" for one over the cap)."""
    response = _snapshot(settings, attempt, raw, b"", keep_encoding=True)
    settings.quota.update(response)
    request = response.request
    return FocusDecodeError(
        f"{response.status_code} response to {request.method} {request.url.path} {problem}",
        response=response,
        body=settings.secret.bytes(problem.raw),
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


def transport_options(base_url: httpx.URL) -> dict[str, Any]:
    """Arguments of the httpx transport a client owns."""
    # Plain http (loopback only) never does TLS: skip loading the CA bundle.
    verify = base_url.scheme == "https"
    return {"proxy": env_proxy(base_url), "verify": verify, "trust_env": True}


def closed_error(what: str) -> FocusConfigError:
    """What a closed client (or a closed caller's http_client) raises on a new request."""
    return FocusConfigError(f"{what} is closed; create a new client to send more requests")


# --- what both wires share ------------------------------------------------------------------


class WireBase:
    """State both wires hold: the client's settings and whether the client was closed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.closed = False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.settings.base_url)!r})"
