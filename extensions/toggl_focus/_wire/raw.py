"""Raw responses of successful calls: `focus.ghosts.with_raw_response.get(1)`.

A resource method returns the typed model and keeps the HTTP response to itself. Its
`with_raw_response` twin runs the very same method (checks, retries, quota waits, typed
errors: a failure still raises) and returns a `RawResponse` holding the response the value
came from (`.headers`, `.status_code`, `.http_response`) and the value (`.parse()`).

How the response travels out: the runner notes every response it gets (`note`) in the
list that the innermost enclosing `capturing()` block holds, a context variable, so
concurrent tasks never see each other's responses. The wrappers are written once, async,
in `_async/runner.py` (each raw twin beside its resource); the pagers use `capturing()` per
page (`Page.response`).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["RawResponse", "capturing", "note"]

R = TypeVar("R")

_captured: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "toggl_focus_captured", default=None
)


@contextlib.contextmanager
def capturing() -> Iterator[list[httpx.Response]]:
    """Collect the responses this task's calls receive inside the block, in order."""
    seen: list[httpx.Response] = []
    token = _captured.set(seen)
    try:
        yield seen
    finally:
        _captured.reset(token)


def note(response: httpx.Response) -> None:
    """Record a response for the enclosing `capturing()` block, if any (the runner calls it)."""
    seen = _captured.get()
    if seen is not None:
        seen.append(response)


class RawResponse(Generic[R]):
    """The HTTP response of a successful call, with the value the method made of it.

    The response is whole and already read (the wire reads every body), decoded and
    redacted: a server echoing the token shows `***`. `parse()` returns what the plain
    method returns, the typed model, without any further request.
    """

    def __init__(self, http_response: httpx.Response, parsed: R) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive), the quota headers among them."""
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        """The success status (200, 201, 204)."""
        return self.http_response.status_code

    @property
    def method(self) -> str:
        """The request's method."""
        return self.http_response.request.method

    @property
    def url(self) -> httpx.URL:
        """The request's URL, query included."""
        return self.http_response.request.url

    @property
    def content(self) -> bytes:
        """The body as bytes (decoded from gzip/deflate)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self.http_response.text

    def json(self) -> Any:
        """The body as JSON, unchecked (`parse()` gives the checked model)."""
        return json.loads(self.http_response.content)

    def parse(self) -> R:
        """The typed value the plain method returns (a model, a list, None)."""
        return self._parsed

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<RawResponse [{self.status_code}] {request.method} {request.url.path}>"


def last(seen: list[httpx.Response]) -> httpx.Response:
    """The response a wrapped call's value came from: the last one it received."""
    if not seen:  # pragma: no cover - every resource method sends a request or raises
        from ..errors import FocusError

        raise FocusError("the call returned without an HTTP response")
    return seen[-1]
