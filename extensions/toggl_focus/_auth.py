"""API-key handling: find, validate and attach the token without ever showing it.

The token only ever lives in this Auth object (whose repr hides it) and in the
Authorization header, and is never sent over plain http except to a loopback host.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Generator

import httpx

from .errors import FocusConfigError

DEFAULT_BASE_URL = "https://focus.toggl.com/api"
TOKEN_ENV = "TOGGL_FOCUS_API_TOKEN"
BASE_URL_ENV = "TOGGL_FOCUS_BASE_URL"


def resolve_token(token: str | None) -> str:
    """The explicit token or $TOGGL_FOCUS_API_TOKEN, checked for stray whitespace and controls."""
    if token is None:
        token = os.environ.get(TOKEN_ENV)
    if not token:
        raise FocusConfigError(
            f"no Toggl Focus API token: pass token=... or set ${TOKEN_ENV} "
            "(create a key in Toggl Focus under Profile > API keys)"
        )
    bad = [c for c in token if c.isspace() or not c.isprintable()]
    if bad:
        raise FocusConfigError(
            f"the API token contains {len(bad)} whitespace or control character(s); "
            "copy it again without spaces or line breaks (the token is not shown here)"
        )
    return token


def resolve_base_url(base_url: str | None) -> httpx.URL:
    """The explicit base URL, $TOGGL_FOCUS_BASE_URL, or production; http only on loopback."""
    raw = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    url = httpx.URL(raw)
    if url.scheme not in ("http", "https") or not url.host:
        raise FocusConfigError(f"base_url must be an absolute http(s) URL, got {raw!r}")
    if url.scheme == "http" and not is_loopback(url.host):
        raise FocusConfigError(
            f"refusing to send the API token over plain http to {url.host}; "
            "use https (plain http is allowed only for loopback hosts such as a fake server)"
        )
    return url


def is_loopback(host: str) -> bool:
    """True for localhost and loopback IP addresses."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class TokenAuth(httpx.Auth):
    """Adds `Authorization: Bearer <token>`; refuses plain http to a non-loopback host."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if request.url.scheme != "https" and not is_loopback(request.url.host):
            raise FocusConfigError(
                f"refusing to send the API token over {request.url.scheme} to {request.url.host}"
            )
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "TokenAuth(token='***')"
