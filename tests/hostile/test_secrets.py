"""The token never shows, even when the server echoes the request's Authorization header.

A hostile or merely careless server (a debug proxy, a misconfigured gateway) can copy the
request headers anywhere in its answer: the body, a header, the reason phrase, a Location,
a malformed line that ends up in a parser's error message. Whatever the client logs (at
INFO or DEBUG) or raises (str, repr, formatted traceback) must not carry the token. The
scan itself is done by `hostile.run` (see conftest); here each case also checks the
outcome, so a client that "protects" the token by failing differently does not pass.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import attrs
import pytest

from toggl_focus import (
    AuthenticationError,
    BadRequestError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    NotFoundError,
    PlanRestrictedError,
    QuotaExceededError,
    ServerError,
    UnexpectedStatusError,
)

from .conftest import TOKEN, Hostile
from .ops import OPS, Op
from .server import Acts, Close, HostileServer, Request, Send, echo, head, response

# A POST whose 201 body must decode: ghosts.create reads an unusable 201 body as "created,
# not described" (see test_an_unusable_201_body_of_create_ghost_is_a_success).
GET, POST = OPS["ghosts.get"], OPS["groups.create"]
JSON = [("Content-Type", "application/json")]


def _auth(request: Request) -> str:
    """What the client sent as Authorization, which holds the token (the test checks it did)."""
    return request.header("Authorization") or ""


def _url_safe(request: Request) -> str:
    return _auth(request).replace(" ", "+")


def _all_headers(request: Request) -> bytes:
    return request.raw_headers


@attrs.frozen
class Echo:
    """A way to echo the request's credentials back, and the outcome the client must give."""

    id: str
    reply: Callable[[Op, Request], Acts]
    error: type[FocusError] | None  # None: the call succeeds
    retried: bool = False  # idempotent calls retry it (502/503/504, transport failures)

    def attempts(self, op: Op) -> int:
        return 3 if self.retried and op.idempotent else 1


def _error_json(status: int, request: Request, **fields: object) -> Acts:
    body = {"error": "echo", "error_description": f"you sent {_auth(request)}", **fields}
    return [Send(response(status, json.dumps(body).encode(), JSON))]


ECHOES = [
    # In the body.
    Echo("all headers as a non-JSON 200 body",
         lambda op, r: [Send(echo(r, "body", op.status, [("Content-Type", "text/plain")]))],
         FocusDecodeError),
    # kept as text, not an error (the spec's Timestamp decision), and logged by its shape
    Echo("token in a date field that fails to parse",
         lambda op, r: [Send(response(op.status, json.dumps(
             {"id": 5, "name": "Casper", "created_at": _auth(r)}).encode(), JSON))],
         None),
    Echo("token in a string field that parses",
         lambda op, r: [Send(response(op.status, json.dumps(
             {"id": 5, "name": "Casper", "description": _auth(r)}).encode(), JSON))],
         None),
    Echo("token in a 400 error_description", lambda op, r: _error_json(400, r), BadRequestError),
    Echo("token in a 422 error, error_values and trace_id",
         lambda op, r: _error_json(422, r, error=_auth(r), error_values={"auth": _auth(r)},
                                   trace_id=_auth(r)),
         BadRequestError),
    Echo("token in a 401 plain-text body",
         lambda op, r: [Send(response(401, f"bad key {_auth(r)}".encode()))],
         AuthenticationError),
    Echo("token in a 404 body", lambda op, r: _error_json(404, r), NotFoundError),
    Echo("token in a 402 plan body", lambda op, r: _error_json(402, r), PlanRestrictedError),
    Echo("headers in a 500 HTML page",
         lambda op, r: [Send(response(500, b"<html><pre>" + _all_headers(r) + b"</pre></html>",
                                      [("Content-Type", "text/html")]))],
         ServerError),
    # Cut at byte 200, 15 characters of the token remain: cutting does not redact.
    Echo("token across the 200th byte of a 500 body",
         lambda op, r: [Send(response(500, b"x" * 178 + _auth(r).encode()))], ServerError),
    Echo("token deep in a 503 body", lambda op, r: [Send(response(503, b"y" * 5000 +
                                                                  _all_headers(r)))],
         ServerError, retried=True),
    # In a header.
    Echo("token in a header of a 200",
         lambda op, r: [Send(op.ok([("X-Echo", _auth(r))]))], None),
    Echo("all headers as X-Echo-* headers of a 500",
         lambda op, r: [Send(echo(r, "headers", 500, JSON))], ServerError),
    Echo("token in the quota headers of a 402",
         lambda op, r: [Send(response(402, b'{"error": "quota_exceeded"}', [
             *JSON, ("X-Toggl-Quota-Remaining", "0"), ("X-Toggl-Quota-Resets-In", _auth(r))]))],
         QuotaExceededError),
    Echo("token in the quota headers of a 200",
         lambda op, r: [Send(op.ok([("X-Toggl-Quota-Remaining", _auth(r)),
                                    ("X-Toggl-Quota-Resets-In", _auth(r))]))], None),
    Echo("token in the Content-Encoding of an undecodable body",
         lambda op, r: [Send(response(op.status, b"not gzip", [
             *JSON, ("Content-Encoding", "gzip, " + _auth(r).replace(" ", "-"))]))],
         FocusDecodeError),
    Echo("token in the Location of a 302",
         lambda op, r: [Send(response(302, b"", [("Location", "/next?" + _url_safe(r))]))],
         UnexpectedStatusError),
    # In the reason phrase.
    Echo("token in the reason phrase of a 200",
         lambda op, r: [Send(op.ok(reason=_auth(r)))], None),
    Echo("token in the reason phrase of a 404",
         lambda op, r: [Send(echo(r, "reason", 404, JSON))], NotFoundError),
    Echo("token in the reason phrase of a 503",
         lambda op, r: [Send(echo(r, "reason", 503, JSON))],
         ServerError, retried=True),
    # In a malformed line, which the HTTP parser quotes in its error message.
    Echo("token as an illegal header line",
         lambda op, r: [Send(b"HTTP/1.1 200 OK\r\n" + _auth(r).encode() + b"\r\n\r\n"), Close()],
         FocusConnectionError, retried=True),
    Echo("token in an illegal status line",
         lambda op, r: [Send(b"HTTP/1.1 2x0 " + _auth(r).encode() + b"\r\n\r\n"), Close()],
         FocusConnectionError, retried=True),
    Echo("token as a chunk-size line",
         lambda op, r: [Send(head(op.status, [("Transfer-Encoding", "chunked")])
                             + _auth(r).encode() + b"\r\n"), Close()],
         FocusConnectionError, retried=True),
]  # fmt: skip


@pytest.mark.parametrize("op", [GET, POST], ids=lambda op: op.method)
@pytest.mark.parametrize("echo", ECHOES, ids=lambda e: e.id)
def test_echoed_token_never_shows(
    echo: Echo, op: Op, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    server = serve(lambda request: echo.reply(op, request))
    outcome = hostile.run(server.url, op)  # fails if the token shows in a log or the error
    if echo.error is None:
        outcome.succeeded()
    else:
        outcome.raised(echo.error)
    assert server.count(op.method, op.path) == echo.attempts(op)
    # The token went out, so the echo carried it: the scan above was not vacuous.
    assert all(TOKEN in (r.header("Authorization") or "") for r in server.requests)
    if hostile.logs.level_under_test == logging.DEBUG:  # the scan had log lines to look at
        assert hostile.logs.records
