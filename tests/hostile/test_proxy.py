"""Proxy variables never route the token in clear: plain-http loopback goes direct.

Plain http is allowed only to loopback (a fake server, a tunnel): the token then never
leaves the machine. With `HTTP_PROXY` / `ALL_PROXY` set, an httpx client that trusts the
environment would send the request, Authorization header and all, in clear to the proxy.
A second hostile server plays the proxy and must receive nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Hostile
from .ops import OPS, Op
from .server import Acts, HostileServer, Reset, Send

PROXY_VARIABLES = ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")

PROXIES: dict[str, Callable[[Op], Acts]] = {
    "proxy that answers": lambda op: [Send(op.ok())],
    "proxy that resets": lambda op: [Reset()],
}


@pytest.mark.parametrize("proxy_kind", list(PROXIES))
@pytest.mark.parametrize("op", [OPS["ghosts.get"], OPS["ghosts.create"]], ids=lambda op: op.method)
def test_proxy_from_the_environment_gets_nothing(
    proxy_kind: str,
    op: Op,
    hostile: Hostile,
    serve: Callable[..., HostileServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy = serve([PROXIES[proxy_kind](op)], name="proxy")
    server = serve([[Send(op.ok())]])
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, proxy.origin)
    for name in NO_PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    outcome = hostile.run(server.url, op)
    outcome.succeeded()
    assert (proxy.connections, proxy.received) == (0, 0), "the proxy saw the request"
    assert server.count(op.method, op.path) == 1
