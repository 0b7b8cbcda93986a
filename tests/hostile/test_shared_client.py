"""A caller-supplied httpx client is borrowed, never changed.

Apps pass their own `httpx.Client` / `httpx.AsyncClient` (for proxies, limits, tracing) and
keep using it for other services. Focus must not touch its auth, base URL, event hooks,
headers or timeout: otherwise the app's next request to another origin carries the Focus
token, a relative URL goes to Focus, the app's own 404 raises a toggl_focus error, and a
second Focus on the same client sends the first one's requests to the wrong place.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from toggl_focus import AsyncFocus, Focus, FocusError

from .conftest import TOKEN, Hostile, Scenario
from .ops import OPS
from .server import HostileServer, Send, response

GET = OPS["ghosts.get"]
OTHER_TOKEN = "tfk_second_client_token_Hq3"


def _snapshot(client: httpx.Client | httpx.AsyncClient) -> dict[str, Any]:
    """What Focus must leave as it was."""
    return {
        "auth": client.auth,
        "base_url": str(client.base_url),
        "headers": list(client.headers.multi_items()),
        "timeout": client.timeout,
        "event_hooks": {name: list(hooks) for name, hooks in client.event_hooks.items()},
        "follow_redirects": client.follow_redirects,
        "params": str(client.params),
    }


def _app(serve: Callable[..., HostileServer]) -> HostileServer:
    """Another service the app talks to over the same client: 200, 404 or 402 by path."""

    def answer(request: Any) -> list[Send]:
        if request.target.endswith("/missing"):
            return [Send(response(404, b"no such page"))]
        if request.target.endswith("/pay"):
            return [Send(response(402, b"{}", [("X-Toggl-Quota-Remaining", "0")]))]
        return [Send(response(200, b"app", [("X-Toggl-Quota-Remaining", "1")]))]

    return serve(answer, name="app")


def test_callers_client_is_left_as_it_was(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    focus_server = serve([[Send(GET.ok())]])
    app = _app(serve)

    async def body(s: Scenario) -> None:
        seen: list[Any] = []
        client = s.http(
            base_url=app.origin,
            headers={"X-App": "1"},
            timeout=7.0,
            event_hooks={"request": [s.hook(seen)], "response": []},
        )
        before = _snapshot(client)
        focus = s.focus(focus_server.url, http_client=client)
        assert _snapshot(client) == before, "changed by the constructor"
        await s.do(GET.call(focus, {}))
        assert _snapshot(client) == before, "changed by a call"
        await s.do(focus.close())
        assert _snapshot(client) == before and not client.is_closed

    hostile.scenario(body)
    assert focus_server.count("GET") == 1


def test_other_origin_gets_no_token(hostile: Hostile, serve: Callable[..., HostileServer]) -> None:
    focus_server = serve([[Send(GET.ok())]])
    app = _app(serve)

    async def body(s: Scenario) -> None:
        client = s.http()
        focus = s.focus(focus_server.url, http_client=client)
        await s.do(GET.call(focus, {}))
        response = await s.do(client.get(f"{app.origin}/page"))
        assert response.status_code == 200

    hostile.scenario(body)
    assert [r.header("Authorization") for r in app.requests] == [None]
    assert TOKEN in (focus_server.requests[0].header("Authorization") or "")


def test_relative_url_goes_where_the_app_said(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    focus_server = serve([[Send(GET.ok())]])
    app = _app(serve)

    async def body(s: Scenario) -> None:
        with_base = s.http(base_url=app.origin)
        without_base = s.http()
        for client in (with_base, without_base):
            await s.do(GET.call(s.focus(focus_server.url, http_client=client), {}))
        assert (await s.do(with_base.get("/relative"))).status_code == 200
        with pytest.raises(httpx.UnsupportedProtocol):  # httpx's own answer, as before Focus
            await s.do(without_base.get("/relative"))

    hostile.scenario(body)
    assert app.count("GET", "^/relative$") == 1
    assert len(focus_server.requests) == 2  # the two Focus calls, nothing else


def test_apps_own_error_statuses_are_plain_httpx(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    focus_server = serve([[Send(GET.ok([("X-Toggl-Quota-Remaining", "50")]))]])
    app = _app(serve)

    async def body(s: Scenario) -> None:
        client = s.http()
        focus = s.focus(focus_server.url, http_client=client)
        await s.do(GET.call(focus, {}))
        for path, status in [("/missing", 404), ("/pay", 402), ("/page", 200)]:
            outcome = await s.attempt(functools.partial(client.get, f"{app.origin}{path}"))
            assert not isinstance(outcome.error, FocusError), f"{path}: {outcome.error!r}"
            assert outcome.error is None and outcome.value.status_code == status
        assert focus.quota.remaining == 50, "the app's responses are not Focus quota"

    hostile.scenario(body)


def test_two_clients_on_one_http_client_keep_their_own_url_and_token(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    first = serve([[Send(GET.ok())]], name="first")
    second = serve([[Send(GET.ok())]], name="second")

    async def body(s: Scenario) -> None:
        client = s.http()
        a = s.focus(first.url, http_client=client)
        b = s.focus(second.url, token=OTHER_TOKEN, http_client=client)
        for focus in (a, b, a):
            await s.do(GET.call(focus, {}))

    hostile.scenario(body)
    assert [r.header("Authorization") for r in first.requests] == [f"Bearer {TOKEN}"] * 2
    assert [r.header("Authorization") for r in second.requests] == [f"Bearer {OTHER_TOKEN}"]


def _count_requests(
    hostile: Hostile, serve: Callable[..., HostileServer], n: int, *, shared: bool
) -> tuple[list[int], list[int | None]]:
    """N clients, each on its own server (a 503, then 200 with its own quota): what they sent."""
    servers = [
        serve([[Send(response(503, b"{}"))], [Send(GET.ok([("X-Toggl-Quota-Remaining", f"{i}")]))]])
        for i in range(10, 10 + n)
    ]
    quotas: list[int | None] = []

    async def body(s: Scenario) -> None:
        client = s.http() if shared else None
        clients = [s.focus(server.url, http_client=client) for server in servers]
        for focus in clients:
            await s.do(GET.call(focus, {}))
        quotas.extend(focus.quota.remaining for focus in clients)

    hostile.scenario(body)
    return [len(server.requests) for server in servers], quotas


def test_n_clients_on_one_http_client_send_what_n_http_clients_would(
    hostile: Hostile, serve: Callable[..., HostileServer]
) -> None:
    separate, separate_quotas = _count_requests(hostile, serve, 3, shared=False)
    shared, shared_quotas = _count_requests(hostile, serve, 3, shared=True)
    assert shared == separate
    assert shared_quotas == separate_quotas == [10, 11, 12]


def test_repr_of_a_half_built_client(mode: str) -> None:
    """A constructor that raised part-way leaves an object whose repr must still work."""
    kind = Focus if mode == "sync" else AsyncFocus
    text = repr(kind.__new__(kind))
    assert kind.__name__ in text
