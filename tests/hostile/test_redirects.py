"""Redirects are never followed, whatever the status, method or target.

A followed redirect re-sends the request (a POST twice, or a PATCH turned into a GET) and,
to the same origin or a naive client, the token too. Every 3xx must raise
`UnexpectedStatusError` naming the status and the Location; the server sees one request
and the Location target sees nothing, not even a connection.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from toggl_focus import UnexpectedStatusError

from .conftest import Hostile
from .ops import OPS, Op
from .server import HostileServer, Send, closed_port, response

GET, POST, PATCH = OPS["ghosts.get"], OPS["ghosts.create"], OPS["ghosts.update"]
REDIRECTS = [301, 302, 303, 307, 308]


@attrs.frozen
class Target:
    """Where a Location points, given the origin server and a second, listening server."""

    id: str
    location: Callable[[HostileServer, HostileServer], str]
    host: str = "127.0.0.1"  # where the second server listens


TARGETS = [
    Target("same origin", lambda origin, other: f"{origin.url}/elsewhere"),
    Target("relative path", lambda origin, other: "/api/elsewhere"),
    Target("other port", lambda origin, other: f"{other.url}/ghosts/5"),
    Target("closed port", lambda origin, other: f"http://127.0.0.1:{closed_port()}/api/x"),
    Target("other host name", lambda origin, other: f"http://localhost:{other.port}/api/x"),
    Target("other loopback address", lambda origin, other: f"{other.url}/x", host="127.0.0.2"),
]


def _redirecting(
    serve: Callable[..., HostileServer], status: int, target: Target, op: Op
) -> tuple[HostileServer, HostileServer, str]:
    """The origin (answering `status` to everything, Location per `target`), the other server."""
    other = serve([[Send(op.ok())]], host=target.host, name="other")
    location: list[str] = []

    def answer(request: object) -> list[Send]:
        return [Send(response(status, b"", [("Location", location[0])]))]

    origin = serve(answer)
    location.append(target.location(origin, other))
    return origin, other, location[0]


def _check(
    outcome_error: UnexpectedStatusError,
    status: int,
    location: str,
    origin: HostileServer,
    other: HostileServer,
    op: Op,
) -> None:
    assert outcome_error.status_code == status
    assert location in str(outcome_error), "the message names the Location"
    assert origin.count(op.method, op.path) == 1 == len(origin.requests)
    assert (other.connections, len(other.requests)) == (0, 0), "the target got nothing"


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
@pytest.mark.parametrize("status", REDIRECTS)
def test_get_redirect_is_not_followed(
    status: int, target: Target, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    origin, other, location = _redirecting(serve, status, target, GET)
    outcome = hostile.run(origin.url, GET)
    error = outcome.raised(UnexpectedStatusError)
    _check(error, status, location, origin, other, GET)
    assert hostile.sleeps == []  # not retried either


@pytest.mark.parametrize("op", [POST, PATCH], ids=lambda op: op.method)
@pytest.mark.parametrize("status", REDIRECTS)
def test_write_redirect_is_not_followed(
    status: int, op: Op, hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    """Followed, a 301/302/303 would turn the write into a GET; a 307/308 would send it twice."""
    origin, other, location = _redirecting(serve, status, TARGETS[2], op)
    error = hostile.run(origin.url, op).raised(UnexpectedStatusError)
    _check(error, status, location, origin, other, op)


def test_redirect_to_itself_is_one_request(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    origin = serve(lambda request: [Send(response(302, b"", [("Location", request.target)]))])
    error = hostile.run(origin.url, GET).raised(UnexpectedStatusError)
    assert error.status_code == 302 and len(origin.requests) == 1


@pytest.mark.parametrize(
    ("status", "headers"),
    [(300, [("Location", "/api/choice")]), (302, []), (304, [])],
    ids=["300 Multiple Choices", "302 without Location", "304 Not Modified"],
)
def test_other_3xx_is_unexpected(
    status: int,
    headers: list[tuple[str, str]],
    hostile: Hostile,
    serve: Callable[..., HostileServer],
) -> None:
    origin = serve([[Send(response(status, b"", headers))]])
    error = hostile.run(origin.url, GET).raised(UnexpectedStatusError)
    assert error.status_code == status and len(origin.requests) == 1
    assert hostile.sleeps == []
