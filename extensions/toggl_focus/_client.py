"""`Focus` and `AsyncFocus`: the clients users import.

Each wraps one generated `toggl_focus_api.Client` (reachable as `.api`) whose httpx
client carries our auth, timeouts, quota tracking and error hooks, and exposes the
resources (`ghosts`, `working_hours`, `groups`, `roles`, `teams`, `users`).
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

from toggl_focus_api import Client

from ._auth import TokenAuth, resolve_base_url, resolve_token
from ._runner import DEFAULT_TIMEOUT, Hooks, Policy, TimeoutTypes, as_timeout, install_hooks
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


class _Base:
    """Configuration shared by the sync and async clients."""

    def __init__(
        self,
        token: str | None,
        *,
        organization_id: int | None,
        workspace_id: int | None,
        base_url: str | None,
        timeout: TimeoutTypes,
        max_retries: int,
        max_quota_wait: float,
    ) -> None:
        if max_retries < 0:
            raise FocusConfigError(f"max_retries must be >= 0, got {max_retries}")
        self._auth = TokenAuth(resolve_token(token))
        self.base_url = resolve_base_url(base_url)
        self.organization_id = organization_id
        self.workspace_id = workspace_id
        self.quota = Quota()
        self._policy = Policy(
            timeout=as_timeout(timeout) or DEFAULT_TIMEOUT,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
            quota=self.quota,
        )
        self._hooks = Hooks(self._policy)
        self.api = Client(base_url=str(self.base_url), raise_on_unexpected_status=True)

    def _context(self) -> Context:
        return Context(
            api=self.api,
            policy=self._policy,
            organization_id=self.organization_id,
            workspace_id=self.workspace_id,
        )

    def _adopt(self, client: httpx.Client | httpx.AsyncClient) -> None:
        client.base_url = self.base_url
        client.auth = self._auth
        install_hooks(client, self._hooks)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={str(self.base_url)!r}, "
            f"organization_id={self.organization_id}, workspace_id={self.workspace_id}, "
            f"quota={self.quota!r})"
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
        max_retries: int = 2,
        max_quota_wait: float = 0.0,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Token from the argument or $TOGGL_FOCUS_API_TOKEN, base URL from $TOGGL_FOCUS_BASE_URL.

        `max_quota_wait` > 0 waits (up to that many seconds) for the hourly quota to reset
        instead of raising QuotaExceededError. A caller-supplied `http_client` is used as
        is (its transport, proxies, limits) and is not closed by `close()`.
        """
        super().__init__(
            token,
            organization_id=organization_id,
            workspace_id=workspace_id,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(follow_redirects=True)
        self._adopt(self._http)
        self.api.set_httpx_client(self._http)
        ctx = self._context()
        self.ghosts = Ghosts(ctx)
        self.working_hours = WorkingHoursResource(ctx)
        self.groups = Groups(ctx)
        self.roles = RolesResource(ctx)
        self.teams = Teams(ctx)
        self.users = Users(ctx)

    def close(self) -> None:
        """Close the connection pool (unless the caller supplied the httpx client)."""
        if self._owns_http:
            self._http.close()

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
        max_retries: int = 2,
        max_quota_wait: float = 0.0,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Same arguments as `Focus`, with an `httpx.AsyncClient`."""
        super().__init__(
            token,
            organization_id=organization_id,
            workspace_id=workspace_id,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(follow_redirects=True)
        self._adopt(self._http)
        self.api.set_async_httpx_client(self._http)
        ctx = self._context()
        self.ghosts = AsyncGhosts(ctx)
        self.working_hours = AsyncWorkingHoursResource(ctx)
        self.groups = AsyncGroups(ctx)
        self.roles = AsyncRolesResource(ctx)
        self.teams = AsyncTeams(ctx)
        self.users = AsyncUsers(ctx)

    async def close(self) -> None:
        """Close the connection pool (unless the caller supplied the httpx client)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
