"""The client users import, with its resources and its wire.

Each wraps one generated `toggl_focus_api.Client` (reachable as `.api`) whose requests go
through this client's wire (`wire.py`): our transport, or the caller's httpx client used as
is and never modified. The resources (`ghosts`, `working_hours`, `groups`, `roles`, `teams`,
`users`) run the generated operations through `runner.py` (retries, quota, typed errors).
"""

from __future__ import annotations

from types import TracebackType
from typing import Self, cast

import httpx

from .._config import ClientBase
from .._runner import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, TimeoutTypes
from .ghosts import AsyncGhosts
from .organization import AsyncGroups, AsyncRolesResource, AsyncTeams, AsyncUsers
from .wire import AsyncWire
from .working_hours import AsyncWorkingHoursResource

__all__ = ["AsyncFocus"]


class AsyncFocus(ClientBase):
    """Toggl Focus client. Use as a context manager to close its connections."""

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
        """Token from the argument or $TOGGL_FOCUS_API_TOKEN, base URL from $TOGGL_FOCUS_BASE_URL.

        `timeout` bounds each network operation (seconds or an httpx.Timeout); `deadline`
        bounds a whole attempt (connect, send and receive; None for no deadline); each call
        may override both, and `max_retries`. `max_response_bytes` caps a decoded body.
        `max_quota_wait` > 0 waits (up to that many seconds) for the hourly quota to reset
        instead of raising QuotaExceededError. A caller-supplied `http_client` (an httpx
        client of the same kind, sync or async) lends its transport, proxies, limits and
        TLS settings; it is never modified (the token, the base URL and our timeouts go on
        our requests only) and `close()` leaves it open. The async client's own connection
        pool belongs to the event loop that first used it; used under a later
        `asyncio.run()`, it opens a fresh pool.
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
        # The generated client only ever calls `.request(...)` on what it is given.
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
