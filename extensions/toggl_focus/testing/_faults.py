"""Scripted failures for reliability tests: what a flaky server or proxy can do to a request.

A `Fault` replaces the answer to a request that matches an `inject()` rule. Faults are served
before authentication and the quota, leave the state untouched and use up no quota (except
`stall`, which only delays the normal answer, and `lost_answer`, which handles the request and
then loses its answer). Server-like faults (a JSON status, a raw body)
carry the quota headers when a quota is set; proxy-like faults (an HTML page, a dropped
connection) carry none.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any

import attrs

#: Fault kinds whose answer comes from the Focus server itself (so quota headers are sent).
SERVER_KINDS = frozenset({"status", "body", "truncated_json", "malformed_json", "wrong_shape"})


def reason_phrase(code: int) -> str:
    """The reason phrase for a status code, also for codes outside the IANA list."""
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Client Closed Request" if code == 499 else "Unknown Status"


def _error_body(code: int, error: str | None = None, description: str | None = None) -> bytes:
    """An Error-shaped JSON body for an injected status."""
    payload = {
        "error": error or reason_phrase(code).lower().replace(" ", "_"),
        "error_description": description or f"{reason_phrase(code)} (injected by the fake server)",
        "trace_id": "fault",
    }
    return json.dumps(payload).encode()


@attrs.frozen
class Fault:
    """One scripted failure; build it with the class methods, e.g. `Fault.status(503)`."""

    kind: str
    code: int = 200
    payload: bytes = b""
    content_type: str | None = "application/json"
    seconds: float = 0.0

    @classmethod
    def status(cls, code: int, body: Any = None) -> Fault:
        """Answer `code` (any code, e.g. 499) with an Error-shaped JSON body unless `body` is given.

        `body` may be bytes (sent as is, as JSON), a str (sent as text/plain) or any JSON value.
        """
        if body is None:
            return cls("status", code, _error_body(code))
        if isinstance(body, bytes):
            return cls("status", code, body)
        if isinstance(body, str):
            return cls("status", code, body.encode(), "text/plain; charset=utf-8")
        return cls("status", code, json.dumps(body).encode())

    @classmethod
    def plan_gated(cls) -> Fault:
        """A 402 for a feature missing from the plan: unlike a spent quota, remaining is not 0."""
        body = _error_body(402, "payment_required", "Feature not available on current plan")
        return cls("status", 402, body)

    @classmethod
    def html(cls, code: int = 502) -> Fault:
        """An HTML error page, as a proxy or load balancer sends (502 by default)."""
        reason = reason_phrase(code)
        page = (
            f"<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n"
            f"<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n"
        )
        return cls("html", code, page.encode(), "text/html")

    @classmethod
    def truncated_json(cls, code: int = 200) -> Fault:
        """A JSON body cut off in the middle (with a Content-Length that matches the cut)."""
        return cls("truncated_json", code, b'{"data": [{"id": 1001, "name": "Senior Desi')

    @classmethod
    def malformed_json(cls, code: int = 200) -> Fault:
        """A body labelled JSON that is not JSON."""
        return cls("malformed_json", code, b"{'data': [1, 2,, 3], ok: true")

    @classmethod
    def wrong_shape(cls, code: int = 200, body: Any = None) -> Fault:
        """Valid JSON of a shape no operation answers (by default `{"unexpected": ...}`)."""
        payload = {"unexpected": "shape", "data": "not-a-list"} if body is None else body
        return cls("wrong_shape", code, json.dumps(payload).encode())

    @classmethod
    def body(cls, code: int, raw: bytes, content_type: str = "application/json") -> Fault:
        """Exactly the given bytes, e.g. a forward-compatible answer with unknown fields."""
        return cls("body", code, raw, content_type)

    @classmethod
    def disconnect(cls) -> Fault:
        """Close the connection without an answer (in-process: `httpx.RemoteProtocolError`)."""
        return cls("disconnect", 0, b"", None)

    @classmethod
    def lost_answer(cls) -> Fault:
        """Handle the request (its changes are made, the quota counts it), then close the
        connection before the answer: the client cannot tell whether a POST took effect
        (in-process: `httpx.RemoteProtocolError` after the fake has answered)."""
        return cls("lost_answer", 0, b"", None)

    @classmethod
    def stall(cls, seconds: float) -> Fault:
        """Wait `seconds` before answering normally (in-process: `httpx.ReadTimeout` if longer
        than the request's read timeout, raised at once)."""
        return cls("stall", 0, b"", None, seconds)

    @property
    def reason(self) -> str:
        """The reason phrase to send with the status."""
        return reason_phrase(self.code)


@attrs.define
class FaultRule:
    """An injected fault with how many more requests it applies to and what it matches."""

    fault: Fault
    remaining: int
    method: str | None = None
    path: re.Pattern[str] | None = None

    def matches(self, method: str, path: str) -> bool:
        """Tell whether a request (method, URL path) is one this rule applies to."""
        if self.remaining <= 0:
            return False
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or self.path.search(path) is not None
