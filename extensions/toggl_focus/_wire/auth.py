"""API-key handling: find, validate and attach the token without ever showing it.

The token only ever lives in a `Secret` (whose repr hides it) and in the Authorization
header of requests to the Focus base URL, which is https unless it is a loopback host.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import urllib.parse
import weakref
from typing import Any

import httpx

from ..errors import FocusConfigError

DEFAULT_BASE_URL = "https://focus.toggl.com/api"
TOKEN_ENV = "TOGGL_FOCUS_API_TOKEN"
BASE_URL_ENV = "TOGGL_FOCUS_BASE_URL"


class Held:
    """A token as given, not yet checked, whose repr never shows it.

    A public entry point wraps its `token` argument in one as its first statement and
    deletes the argument (`held = hold(token); del token`): from then on no frame local of
    ours holds the plain token, so a traceback shown with its locals (Sentry, `pytest -l`,
    `traceback.TracebackException(..., capture_locals=True)`) cannot show it either.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "Held('***')"

    def __reduce__(self) -> Any:
        raise TypeError("the API token cannot be pickled")


def hold(token: object) -> Held | Secret:
    """`token` wrapped (never raises); a Held or a Secret is passed on as it is."""
    return token if isinstance(token, Held | Secret) else Held(token)


def resolve_token(held: Held | Secret) -> Secret:
    """The held token or $TOGGL_FOCUS_API_TOKEN, checked for stray whitespace and controls.

    The token stays inside `held` and the Secret returned: no local of this frame is it.
    """
    if isinstance(held, Secret):
        return held
    if held.value is None:
        held.value = os.environ.get(TOKEN_ENV)
    if held.value is not None and not isinstance(held.value, str):
        raise FocusConfigError(
            f"the API token must be a str, got {type(held.value).__name__} (the value is not shown)"
        )
    if not held.value:
        raise FocusConfigError(
            f"no Toggl Focus API token: pass token=... or set ${TOKEN_ENV} "
            "(create a key in Toggl Focus under Profile > API keys)"
        )
    bad = sum(1 for c in held.value if c.isspace() or not c.isprintable())
    if bad:
        raise FocusConfigError(
            f"the API token contains {bad} whitespace or control character(s); "
            "copy it again without spaces or line breaks (the token is not shown here)"
        )
    return Secret(held.value)


def resolve_base_url(base_url: object) -> httpx.URL:
    """The explicit base URL, $TOGGL_FOCUS_BASE_URL, or production; http only on loopback."""
    if base_url is not None and not isinstance(base_url, str | httpx.URL):
        raise FocusConfigError(f"base_url must be a str, got {type(base_url).__name__}")
    raw = str(base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)
    try:
        url = httpx.URL(raw)
    except httpx.InvalidURL as exc:
        raise FocusConfigError(f"base_url is not a valid URL: {exc}") from None
    if url.query or url.fragment:
        raise FocusConfigError(f"base_url must not have a query or fragment, got {raw!r}")
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


class Secret:
    """The API token, and the one place that knows every form a server could echo it in.

    `header()` is the Authorization value; `text()`/`bytes()` replace the token (raw,
    JSON-escaped or percent-encoded) with `***` in anything the server sent back, and
    `scrub()` does the same to an exception's message. The repr never shows it.
    """

    __slots__ = ("__weakref__", "_bytes", "_forms", "_token")

    def __init__(self, token: str) -> None:
        self._token = token
        self._forms = sorted(
            {token, json.dumps(token)[1:-1], urllib.parse.quote(token, safe="")},
            key=len,
            reverse=True,
        )
        self._bytes = [f.encode() for f in self._forms]

    def header(self) -> str:
        """The Authorization header value."""
        return f"Bearer {self._token}"

    def text(self, value: str) -> str:
        """`value` with every form of the token replaced by ***."""
        for form in self._forms:
            if form in value:
                value = value.replace(form, "***")
        return value

    def bytes(self, value: bytes) -> bytes:
        """`value` with every form of the token replaced by ***."""
        for form in self._bytes:
            if form in value:
                value = value.replace(form, b"***")
        return value

    def scrub(self, exc: BaseException) -> None:
        """Redact the token from an exception and the chain behind it.

        httpx, httpcore and h11 messages may quote the server's bytes ("illegal header
        line: ..."), and a formatted traceback shows every chained exception.
        """
        seen: set[int] = set()
        todo: list[BaseException | None] = [exc]
        while todo:
            current = todo.pop()
            if current is None or id(current) in seen:
                continue
            seen.add(id(current))
            current.args = tuple(self._arg(a) for a in current.args)
            todo += [current.__cause__, current.__context__]

    def _arg(self, value: object) -> object:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bytes | bytearray):
            return self.bytes(bytes(value))
        if isinstance(value, BaseException):
            self.scrub(value)
        return value

    def __repr__(self) -> str:
        return "Secret('***')"

    def guard_library_logs(self) -> None:
        """Redact this token from httpx's and httpcore's own log records.

        httpcore logs every failed phase at DEBUG with the exception, whose message may
        quote an echoed Authorization header; a caller's httpx client logs each status line
        (reason phrase included). One filter per library logger, holding weak references,
        covers every live Secret; it changes nothing else in a record.
        """
        _LIBRARY_LOG_FILTER.secrets.add(self)
        for name in _LIBRARY_LOGGERS:
            logger = logging.getLogger(name)
            if _LIBRARY_LOG_FILTER not in logger.filters:
                logger.addFilter(_LIBRARY_LOG_FILTER)

    def __reduce__(self) -> Any:
        raise TypeError("the API token cannot be pickled")


class _RedactingFilter(logging.Filter):
    """Replaces live tokens in a record's message; never drops a record."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: weakref.WeakSet[Secret] = weakref.WeakSet()

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = list(self.secrets)
        if secrets:
            message = redacted = record.getMessage()
            for secret in secrets:
                redacted = secret.text(redacted)
            if redacted != message:
                record.msg, record.args = redacted, None
            if record.exc_info and record.exc_info[1] is not None:
                for secret in secrets:
                    secret.scrub(record.exc_info[1])
                record.exc_text = None
        return True


_LIBRARY_LOG_FILTER = _RedactingFilter()
# A logger's filters apply to records it creates, not to those its children propagate.
_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
