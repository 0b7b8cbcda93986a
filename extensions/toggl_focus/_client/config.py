"""What `Focus` and `AsyncFocus` share: their configuration, checked before anything is sent.

The clients themselves are written once, async, in `_async/client.py` (`AsyncFocus`); `Focus`
is generated from it into `_sync/client.py`.
"""

from __future__ import annotations

import copy
import enum
import math
import platform
import sys
from collections.abc import Mapping
from typing import Final, Self, cast

import httpx

from toggl_focus_api import Client

from .._ground import check as _check
from .._ground.role_cache import RoleCache
from .._wire.auth import Held, Secret, hold, resolve_base_url, resolve_token
from .._wire.http import Settings, caller_would_proxy, check_headers, merge_headers
from .._wire.runner import (
    DEFAULT_TIMEOUT,
    Policy,
    TimeoutTypes,
    as_backoff,
    as_deadline,
    as_retries,
    as_timeout,
)
from ..errors import FocusConfigError
from ..quota import Quota
from .resources import Context

__all__ = ["NOT_GIVEN", "ClientBase", "NotGiven"]


class NotGiven(enum.Enum):
    """The type of `NOT_GIVEN`: an option `with_options` leaves as it is (None means none)."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven.NOT_GIVEN


def _user_agent() -> str:
    from .._ground.version import __version__

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
        token: Held | Secret | str | None,
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
        default_headers: Mapping[str, str] | None = None,
        backoff_initial: float = 0.5,
        backoff_max: float = 8.0,
    ) -> None:
        held = hold(token)
        del token  # from here on only `held` (whose repr hides it) has the token
        secret = resolve_token(held)
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
        initial, maximum = as_backoff(backoff_initial, backoff_max)
        self.quota = Quota()
        self._policy = Policy(
            timeout=as_timeout(timeout) or DEFAULT_TIMEOUT,
            deadline=chosen_deadline,
            max_retries=cast(int, as_retries(max_retries, allow_none=False)),
            max_quota_wait=float(max_quota_wait),
            quota=self.quota,
            backoff_initial=initial,
            backoff_max=maximum,
            default_headers=check_headers("default_headers", default_headers),
            client_name=type(self).__name__,
        )
        self._role_cache = RoleCache()
        self._owns_pool = True
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
            roles=self._role_cache,
        )

    def _copy_with(
        self,
        *,
        timeout: TimeoutTypes | NotGiven,
        deadline: float | NotGiven | None,
        max_retries: int | NotGiven,
        max_quota_wait: float | NotGiven,
        backoff_initial: float | NotGiven,
        backoff_max: float | NotGiven,
        default_headers: Mapping[str, str] | NotGiven,
    ) -> Self:
        """A copy with its own options, sharing the wire, the quota tracker and the role cache.

        Every option is checked as the constructor checks it (FocusConfigError). The copy
        does not own the connection pool: closing it ends the copy only.
        """
        policy = copy.copy(self._policy)
        policy.closed = False
        if not isinstance(timeout, NotGiven):
            policy.timeout = as_timeout(timeout) or DEFAULT_TIMEOUT
        if not isinstance(deadline, NotGiven):
            policy.deadline = as_deadline(deadline)
        if not isinstance(max_retries, NotGiven):
            policy.max_retries = cast(int, as_retries(max_retries, allow_none=False))
        if not isinstance(max_quota_wait, NotGiven):
            policy.max_quota_wait = float(
                _check.number("max_quota_wait", max_quota_wait, 0, math.inf)
            )
        policy.backoff_initial, policy.backoff_max = as_backoff(
            policy.backoff_initial if isinstance(backoff_initial, NotGiven) else backoff_initial,
            policy.backoff_max if isinstance(backoff_max, NotGiven) else backoff_max,
        )
        if not isinstance(default_headers, NotGiven):
            added = check_headers("default_headers", default_headers)
            policy.default_headers = merge_headers(policy.default_headers, added)
        clone = copy.copy(self)
        clone._policy = policy
        clone._owns_pool = False
        return clone

    def __repr__(self) -> str:
        # Safe on a half-built instance (a constructor that raised, or __new__ alone).
        base_url = getattr(self, "base_url", None)
        return (
            f"{type(self).__name__}(base_url={str(base_url) if base_url else None!r}, "
            f"organization_id={getattr(self, 'organization_id', None)}, "
            f"workspace_id={getattr(self, 'workspace_id', None)}, "
            f"quota={getattr(self, 'quota', None)!r})"
        )
