"""`Focus` and `AsyncFocus`: the clients users import.

Each wraps one generated `toggl_focus_api.Client` (reachable as `.api`) whose requests go
through this client's `_http.Wire`: our transport, or the caller's httpx client used as is
and never modified. The resources (`ghosts`, `working_hours`, `groups`, `roles`, `teams`,
`users`) run the generated operations through `_runner` (retries, quota, typed errors).
"""

from __future__ import annotations

import platform
from types import TracebackType
from typing import Self, cast

import httpx

from toggl_focus_api import Client

from ._auth import Secret, resolve_base_url, resolve_token
from ._check import given
from ._http import AsyncWire, Settings, Wire, caller_would_proxy
from ._runner import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    Policy,
    TimeoutTypes,
    as_deadline,
    as_retries,
    as_timeout,
)
from .errors import FocusConfigError
from .quota import Quota
from .resources import (
    AsyncGhosts,
    AsyncGroups,
    AsyncRolesResource,
    AsyncTeams,
    AsyncUsers,
    AsyncWorkingHoursResource,
    Ghosts,
    Groups,
    RolesResource,
    Teams,
    Users,
    WorkingHoursResource,
)
from .resources._base import Context

__all__ = ["AsyncFocus", "Focus"]


def _user_agent() -> str:
    from . import __version__

    return (
        f"toggl-focus/{__version__} python-httpx/{httpx.__version__} "
        f"Python/{platform.python_version()}"
    )


def _id(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FocusConfigError(f"{name} must be a positive int, got {given(value)}")
    return value


class _Base:
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
        if (
            isinstance(max_quota_wait, bool)
            or not isinstance(max_quota_wait, int | float)
            or not max_quota_wait >= 0
        ):
            raise FocusConfigError(
                f"max_quota_wait must be a number of seconds >= 0, got {given(max_quota_wait)}"
            )
        if (
            isinstance(max_response_bytes, bool)
            or not isinstance(max_response_bytes, int)
            or max_response_bytes <= 0
        ):
            raise FocusConfigError(
                f"max_response_bytes must be a positive int, got {given(max_response_bytes)}"
            )
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


class Focus(_Base):
    """Synchronous Toggl Focus client. Use as a context manager to close its connections."""

    def __init__(
        self,
        token: str | None = None,
        *,
        organization_id: int | None = None,
        workspace_id: int | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_retries: int = 2,
        max_quota_wait: float = 0.0,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Token from the argument or $TOGGL_FOCUS_API_TOKEN, base URL from $TOGGL_FOCUS_BASE_URL.

        `timeout` bounds each network operation (seconds or an httpx.Timeout); `deadline`
        bounds a whole attempt (connect, send and receive; None for no deadline); each call
        may override both, and `max_retries`. `max_response_bytes` caps a decoded body.
        `max_quota_wait` > 0 waits (up to that many seconds) for the hourly quota to reset
        instead of raising QuotaExceededError. A caller-supplied `http_client` lends its
        transport, proxies, limits and TLS settings; it is never modified (the token, the
        base URL and our timeouts go on our requests only) and `close()` leaves it open.
        """
        super().__init__(
            token,
            organization_id=organization_id,
            workspace_id=workspace_id,
            base_url=base_url,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
            http_client=http_client,
            http_client_type=httpx.Client,
        )
        self._wire = Wire(self._settings, http_client)
        # The generated client only ever calls `.request(...)` on what it is given.
        self.api.set_httpx_client(cast(httpx.Client, self._wire))
        ctx = self._context()
        self.ghosts = Ghosts(ctx)
        self.working_hours = WorkingHoursResource(ctx)
        self.groups = Groups(ctx)
        self.roles = RolesResource(ctx)
        self.teams = Teams(ctx)
        self.users = Users(ctx)

    def close(self) -> None:
        """Close the connection pool (a caller-supplied httpx client stays open).

        Any later call raises FocusConfigError.
        """
        self._wire.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncFocus(_Base):
    """Asynchronous Toggl Focus client, mirroring `Focus` method for method."""

    def __init__(
        self,
        token: str | None = None,
        *,
        organization_id: int | None = None,
        workspace_id: int | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_retries: int = 2,
        max_quota_wait: float = 0.0,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Same arguments as `Focus`, with an `httpx.AsyncClient`.

        The connection pool belongs to the event loop that first used it; used under a
        later `asyncio.run()`, the client opens a fresh pool.
        """
        super().__init__(
            token,
            organization_id=organization_id,
            workspace_id=workspace_id,
            base_url=base_url,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
            http_client=http_client,
            http_client_type=httpx.AsyncClient,
        )
        self._wire = AsyncWire(self._settings, http_client)
        self.api.set_async_httpx_client(cast(httpx.AsyncClient, self._wire))
        ctx = self._context()
        self.ghosts = AsyncGhosts(ctx)
        self.working_hours = AsyncWorkingHoursResource(ctx)
        self.groups = AsyncGroups(ctx)
        self.roles = AsyncRolesResource(ctx)
        self.teams = AsyncTeams(ctx)
        self.users = AsyncUsers(ctx)

    async def close(self) -> None:
        """Close the connection pool (a caller-supplied httpx client stays open).

        Any later call raises FocusConfigError.
        """
        await self._wire.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
