"""What `Focus` and `AsyncFocus` share: their configuration, checked before anything is sent.

The clients themselves are written once, async, in `_async/client.py` (`AsyncFocus`); `Focus`
is generated from it into `_sync/client.py`.
"""

from __future__ import annotations

import math
import platform
import sys
from typing import cast

import httpx

from toggl_focus_api import Client

from . import _check
from ._auth import Secret, resolve_base_url, resolve_token
from ._http import Settings, caller_would_proxy
from ._runner import DEFAULT_TIMEOUT, Policy, TimeoutTypes, as_deadline, as_retries, as_timeout
from .errors import FocusConfigError
from .quota import Quota
from .resources._base import Context

__all__ = ["ClientBase"]


def _user_agent() -> str:
    from . import __version__

    return (
        f"toggl-focus/{__version__} python-httpx/{httpx.__version__} "
        f"Python/{platform.python_version()}"
    )


def _id(name: str, value: object) -> int | None:
    return None if value is None else _check.positive_id(name, value)


class ClientBase:
    """Configuration shared by the sync and async clients; checked before anything is sent."""

    def __init__(
        self,
        token: str | None,
        *,
        organization_id: int | None,
        workspace_id: int | None,
        base_url: str | None,
        timeout: TimeoutTypes,
        deadline: float | None,
        max_response_bytes: int,
        max_retries: int,
        max_quota_wait: float,
        http_client: object,
        http_client_type: type[httpx.Client] | type[httpx.AsyncClient],
    ) -> None:
        secret = Secret(resolve_token(token))
        self.base_url = resolve_base_url(base_url)
        self.organization_id = _id("organization_id", organization_id)
        self.workspace_id = _id("workspace_id", workspace_id)
        if http_client is not None and not isinstance(http_client, http_client_type):
            raise FocusConfigError(
                f"http_client must be an {http_client_type.__module__}."
                f"{http_client_type.__name__}, got {type(http_client).__name__}"
            )
        if http_client is not None and caller_would_proxy(http_client, self.base_url):
            raise FocusConfigError(
                f"the http_client would send plain-http requests for {self.base_url.host} "
                "through the proxy in $HTTP_PROXY/$ALL_PROXY, with the token in clear; "
                "exclude it with $NO_PROXY or pass an http_client with trust_env=False"
            )
        _check.number("max_quota_wait", max_quota_wait, 0, math.inf)
        _check.integer("max_response_bytes", max_response_bytes, 1, sys.maxsize)
        chosen_deadline = as_deadline(deadline)
        self.quota = Quota()
        self._policy = Policy(
            timeout=as_timeout(timeout) or DEFAULT_TIMEOUT,
            deadline=chosen_deadline,
            max_retries=cast(int, as_retries(max_retries, allow_none=False)),
            max_quota_wait=float(max_quota_wait),
            quota=self.quota,
        )
        self._settings = Settings(
            base_url=self.base_url,
            secret=secret,
            quota=self.quota,
            timeout=self._policy.timeout,
            deadline=chosen_deadline,
            max_response_bytes=max_response_bytes,
            user_agent=_user_agent(),
        )
        self.api = Client(base_url=str(self.base_url), raise_on_unexpected_status=True)

    def _context(self) -> Context:
        return Context(
            api=self.api,
            policy=self._policy,
            organization_id=self.organization_id,
            workspace_id=self.workspace_id,
        )

    def __repr__(self) -> str:
        # Safe on a half-built instance (a constructor that raised, or __new__ alone).
        base_url = getattr(self, "base_url", None)
        return (
            f"{type(self).__name__}(base_url={str(base_url) if base_url else None!r}, "
            f"organization_id={getattr(self, 'organization_id', None)}, "
            f"workspace_id={getattr(self, 'workspace_id', None)}, "
            f"quota={getattr(self, 'quota', None)!r})"
        )
