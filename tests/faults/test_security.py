"""Credential safety: the token never shows, never follows a redirect off-origin, never goes
over plain http except to loopback.

The leak test runs every kind of outcome over real loopback HTTP with DEBUG logging on for
every logger (toggl_focus, httpx, httpcore, root) and searches all captured text, reprs and
exception texts (tracebacks included) for the token.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any

import httpx
import pytest

from toggl_focus import (
    AsyncFocus,
    Focus,
    FocusConfigError,
    FocusError,
    NotFoundError,
    QuotaExceededError,
    UnexpectedStatusError,
)
from toggl_focus.testing import FakeFocus, Fault

from .conftest import TOKEN, ScriptedServer, Seen, ids


def _texts_of(error: BaseException) -> list[str]:
    """Every way an exception is shown: str, repr, the full chained traceback."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    if isinstance(getattr(error, "response", None), httpx.Response):
        texts.append(repr(error.response.request.headers))  # type: ignore[attr-defined]
    if isinstance(getattr(error, "request", None), httpx.Request):
        texts += [repr(error.request), repr(error.request.headers)]  # type: ignore[attr-defined]
    return texts


def test_token_never_appears_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeFocus(seed=3, ghosts=0, users=5, token=TOKEN, quota=30)
    fake.add_ghosts(120)
    caplog.set_level(logging.DEBUG)
    for name in ("toggl_focus", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    texts: list[str] = []
    errors: list[BaseException] = []
    with fake.serve() as url, Focus(TOKEN, base_url=url, **ids(fake)) as focus:
        assert len(list(focus.ghosts.list())) == 120  # two pages
        fake.inject(Fault.status(503), method="GET", path=r"/roles$")  # retried
        focus.roles.list()
        faults = [Fault.status(401), Fault.html(502), Fault.malformed_json(), Fault.disconnect(),
                  Fault.stall(1.0), Fault.status(499)]  # fmt: skip
        for fault in faults:
            fake.inject(fault, method="GET", path=r"/roles$")
            with pytest.raises(FocusError) as info:
                focus.roles.list(max_retries=0, timeout=0.2)
            errors.append(info.value)
        with pytest.raises(NotFoundError) as not_found:
            focus.ghosts.get(999_999)
        errors.append(not_found.value)
        focus.ghosts.create("Created at DEBUG")
        fake.quota = 1
        focus.roles.list()
        with pytest.raises(QuotaExceededError) as spent:
            focus.roles.list()
        errors.append(spent.value)
        texts += [repr(focus), repr(focus.api), repr(focus.quota), repr(focus._wire)]
        secret = repr(focus._settings.secret)
        texts += [secret, repr(focus.api.get_httpx_client()), str(focus.base_url)]
    with pytest.raises(FocusConfigError) as bad:
        Focus(TOKEN + "\n")
    errors.append(bad.value)
    for error in errors:
        texts += _texts_of(error)
    texts.append(caplog.text)
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), repr(record.__dict__)]
    # The capture is not vacuous: every logger spoke, and errors were shown. (httpx's own
    # logger is silent: Focus sends through its transport, not through an httpx.Client.)
    names = {r.name.split(".")[0] for r in caplog.records}
    assert {"toggl_focus", "httpcore"} <= names
    assert any("error body" in r.getMessage() for r in caplog.records)
    assert len(errors) == 9
    leaks = [text for text in texts if TOKEN in text]
    assert leaks == []
    # ...and the redacted forms are what shows.
    assert "[secure]" in repr(errors[0].response.request.headers)  # type: ignore[attr-defined]
    assert "***" in secret


async def test_async_token_never_appears_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeFocus(seed=3, ghosts=0, users=5, token=TOKEN)
    for name in (None, "toggl_focus", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    errors: list[BaseException] = []
    with fake.serve() as url:
        async with AsyncFocus(TOKEN, base_url=url, **ids(fake)) as afocus:
            await afocus.roles.list()
            for fault in [Fault.status(401), Fault.disconnect(), Fault.truncated_json()]:
                fake.inject(fault, method="GET", path=r"/roles$")
                with pytest.raises(FocusError) as info:
                    await afocus.roles.list(max_retries=0)
                errors.append(info.value)
            texts = [repr(afocus), repr(afocus.api), repr(afocus._wire), caplog.text]
    for error in errors:
        texts += _texts_of(error)
    assert caplog.records and not [t for t in texts if TOKEN in t]


# --- redirects ----------------------------------------------------------------------------


def _redirecting(target: str) -> Any:
    def answer(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        if seen.path.startswith("/api/"):
            return 307, {"Location": target + seen.path}, b""
        return 200, {"Content-Type": "application/json"}, b"[]"

    return answer


def _ok(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, b"[]"


def test_cross_origin_redirect_over_loopback_is_not_followed() -> None:
    """127.0.0.1:A redirects to 127.0.0.1:B (another origin): B sees nothing at all."""
    with (
        ScriptedServer(_ok) as other,
        ScriptedServer(_redirecting(other.origin + "/moved")) as first,
        Focus(TOKEN, base_url=first.origin + "/api", organization_id=9001) as focus,
        pytest.raises(UnexpectedStatusError, match="not followed") as info,
    ):
        focus.roles.list()
    assert info.value.status_code == 307 and other.origin in str(info.value)
    assert [s.headers.get("authorization") for s in first.seen] == [f"Bearer {TOKEN}"]
    assert other.seen == []


def test_same_origin_redirect_is_not_followed_either() -> None:
    """Focus documents no redirects: even one within the origin is an error, sent once."""

    def same_origin(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        return _redirecting(server.origin + "/moved")(seen, server)  # type: ignore[no-any-return]

    with (
        ScriptedServer(same_origin) as server,
        Focus(TOKEN, base_url=server.origin + "/api", organization_id=9001) as focus,
        pytest.raises(UnexpectedStatusError, match="not followed"),
    ):
        focus.roles.list()
    assert [s.path for s in server.seen] == ["/api/organizations/9001/roles"]


@pytest.mark.parametrize(
    "target",
    [
        "https://elsewhere.example/api/organizations/1/roles",  # another host
        "http://focus.toggl.com/api/organizations/1/roles",  # https -> http downgrade
        "https://focus.toggl.com:8443/api/organizations/1/roles",  # another port
        "https://focus.toggl.com/api/v2/organizations/1/roles",  # same origin
    ],
    ids=["other-host", "downgrade-to-http", "other-port", "same-origin"],
)
def test_redirects_are_never_followed_even_by_a_following_http_client(target: str) -> None:
    """A caller's client with follow_redirects=True does not make Focus follow one."""
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("Authorization")))
        return httpx.Response(302, headers={"Location": target})

    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    with (
        Focus(TOKEN, organization_id=1, http_client=http) as focus,
        pytest.raises(UnexpectedStatusError) as info,
    ):
        focus.roles.list()
    assert info.value.status_code == 302 and target in str(info.value)
    assert seen == [("https://focus.toggl.com/api/organizations/1/roles", f"Bearer {TOKEN}")]


# --- plain http ---------------------------------------------------------------------------

REFUSED = ["http://example.com/api", "http://focus.toggl.com/api", "http://10.0.0.1:8080/api",
           "http://0.0.0.0:8080/api", "http://127.0.0.1.nip.io/api",
           "http://localhost.example.com/api", "http://[::ffff:10.0.0.1]/api"]  # fmt: skip
ALLOWED = ["http://127.0.0.1:9/api", "http://127.8.9.10:9/api", "http://localhost:9/api",
           "http://LOCALHOST:9/api", "http://[::1]:9/api", "https://example.com/api"]  # fmt: skip


@pytest.mark.parametrize("base_url", REFUSED)
def test_plain_http_to_a_non_loopback_host_is_refused(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FocusConfigError, match="plain http") as info:
        Focus(TOKEN, base_url=base_url)
    assert TOKEN not in str(info.value)
    with pytest.raises(FocusConfigError, match="plain http"):
        AsyncFocus(TOKEN, base_url=base_url)
    monkeypatch.setenv("TOGGL_FOCUS_BASE_URL", base_url)
    with pytest.raises(FocusConfigError, match="plain http"):
        Focus(TOKEN)


@pytest.mark.parametrize("base_url", ALLOWED)
def test_loopback_and_https_are_allowed(base_url: str) -> None:
    Focus(TOKEN, base_url=base_url).close()
    asyncio.run(AsyncFocus(TOKEN, base_url=base_url).close())


def test_plain_http_over_real_loopback_works(fake: FakeFocus, url: str) -> None:
    assert url.startswith("http://127.0.0.1:")
    with Focus(TOKEN, base_url=url, **ids(fake)) as focus:
        assert [r.role_id for r in focus.roles.list()] == [1, 2, 3, 4, 5]


def test_the_callers_client_never_carries_the_token_afterwards() -> None:
    """The token goes on Focus's own requests only, never onto the caller's client."""
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[])

    http = httpx.Client(transport=httpx.MockTransport(record))
    with Focus(TOKEN, organization_id=1, http_client=http) as focus:
        assert focus.roles.list() == []
        http.get("http://example.com/api/organizations/1/roles")
        http.get("https://other.example/x")
    assert [r.headers.get("authorization") for r in sent] == [f"Bearer {TOKEN}", None, None]


def _shown_with_locals(error: BaseException) -> str:
    """The traceback as Sentry or `pytest -l` shows it, every frame's locals by repr, from
    the client's frames on (the caller's own frame, which holds what it passed, is left out)."""
    assert error.__traceback__ is not None
    error = error.with_traceback(error.__traceback__.tb_next)
    shown = traceback.TracebackException.from_exception(error, capture_locals=True)
    return "".join(shown.format())


LOCALS_TOKEN = "tfk_locals_7Hq2VbX9pLm4"


@pytest.mark.parametrize(
    ("token", "kwargs", "message"),
    [
        # an error inside resolve_token: the token itself is refused
        (LOCALS_TOKEN + " \n", {}, "whitespace or control character"),
        # an error after it, in the same constructors: a bad base URL
        (LOCALS_TOKEN, {"base_url": "http://example.com/api"}, "refusing to send the API"),
        (LOCALS_TOKEN, {"organization_id": -1}, "organization_id"),
    ],
)
@pytest.mark.parametrize("kind", [Focus, AsyncFocus], ids=["sync", "async"])
def test_a_traceback_with_locals_never_shows_the_token(
    kind: type[Focus] | type[AsyncFocus], token: str, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(FocusConfigError, match=message) as info:
        kind(token, **kwargs)
    shown = _shown_with_locals(info.value)
    assert "__init__" in shown  # the constructors' frames and their locals are shown
    assert LOCALS_TOKEN not in shown


def test_a_probe_traceback_with_locals_never_shows_the_token() -> None:
    from toggl_focus.probe import Probe

    with pytest.raises(FocusConfigError) as info:
        Probe(token=LOCALS_TOKEN, organization_id=0, workspace_id=1)
    assert LOCALS_TOKEN not in _shown_with_locals(info.value)
    with pytest.raises(FocusConfigError) as info:
        Probe(token=LOCALS_TOKEN + " ", organization_id=7, workspace_id=8)
    assert LOCALS_TOKEN not in _shown_with_locals(info.value)
