"""The client users import, with its resources and its wire.

Each wraps one generated `toggl_focus_api.Client` (reachable as `.api`) whose requests go
through this client's wire (`wire.py`): our transport, or the caller's httpx client used as
is and never modified. The resources (`ghosts`, `working_hours`, `groups`, `roles`, `teams`,
`users`) run the generated operations through `runner.py` (retries, quota, typed errors).
`with_options(...)` gives a copy with other defaults over the same wire and quota tracker.

Each resource is built on first access (`functools.cached_property`), importing its module,
and with it its generated operations and models, only then: a script that lists ghosts
never loads the working-hours code (`make bench`, "5. Import time").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Self, cast

import httpx

from .._client.config import NOT_GIVEN, ClientBase, NotGiven
from .._ground import retry as _retry
from .._wire.auth import hold
from .._wire.runner import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    TimeoutTypes,
)
from .wire import AsyncWire

if TYPE_CHECKING:
    from .ghosts import AsyncGhosts
    from .organization import AsyncGroups, AsyncRolesResource, AsyncTeams, AsyncUsers
    from .working_hours import AsyncWorkingHoursResource

__all__ = ["AsyncFocus"]

#: The resource attributes, each a cached_property: built on first access, then kept.
RESOURCES = ("ghosts", "working_hours", "groups", "roles", "teams", "users")


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
        default_headers: Mapping[str, str] | None = None,
        backoff_initial: float = _retry.BACKOFF_INITIAL,
        backoff_max: float = _retry.BACKOFF_MAX,
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
        `asyncio.run()`, it opens a fresh pool. `default_headers` go on every request (a
        User-Agent goes in front of ours; the token and framing headers cannot be set).
        Retries wait a random time up to `backoff_initial` seconds, doubling per retry up to
        `backoff_max`, or what a 429/503's Retry-After says (up to 60 s).
        """
        held = hold(token)
        del token  # no local holds the plain token: a traceback with locals cannot show it
        super().__init__(
            held,
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
            default_headers=default_headers,
            backoff_initial=backoff_initial,
            backoff_max=backoff_max,
        )
        self._wire = AsyncWire(self._settings, http_client)
        # The generated client only ever calls `.request(...)` on what it is given.
        self.api.set_async_httpx_client(cast(httpx.AsyncClient, self._wire))

    def _detach(self) -> None:
        """Forget the resources built so far, so the next access builds them for this client.

        A `with_options` copy starts as a shallow copy of its original, whose resources
        carry the original's options.
        """
        for name in RESOURCES:
            self.__dict__.pop(name, None)

    @cached_property
    def ghosts(self) -> AsyncGhosts:
        """Ghosts (placeholder people): list, get, create, update, delete, embody, plan."""
        from .ghosts import AsyncGhosts

        return AsyncGhosts(self._context())

    @cached_property
    def working_hours(self) -> AsyncWorkingHoursResource:
        """Working hours of organization users and ghosts: get, create, update, delete."""
        from .working_hours import AsyncWorkingHoursResource

        return AsyncWorkingHoursResource(self._context())

    @cached_property
    def groups(self) -> AsyncGroups:
        """Organization groups: create, update (replace), delete, and the caller's own."""
        from .organization import AsyncGroups

        return AsyncGroups(self._context())

    @cached_property
    def roles(self) -> AsyncRolesResource:
        """The organization's roles: list; `cache_clear()` forgets those cached for lookups."""
        from .organization import AsyncRolesResource

        return AsyncRolesResource(self._context())

    @cached_property
    def teams(self) -> AsyncTeams:
        """The organization's teams: list, lazily paged."""
        from .organization import AsyncTeams

        return AsyncTeams(self._context())

    @cached_property
    def users(self) -> AsyncUsers:
        """The organization's users (members): list, lazily paged."""
        from .organization import AsyncUsers

        return AsyncUsers(self._context())

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        max_quota_wait: float | NotGiven = NOT_GIVEN,
        backoff_initial: float | NotGiven = NOT_GIVEN,
        backoff_max: float | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A client like this one with other defaults (as the constructor takes them).

        It shares this client's connection pool (wire), quota tracker (`.quota` is the same
        object) and role cache; `default_headers` add to (or replace, by name) this
        client's. This client owns the pool: closing the copy (or leaving its `with`) ends
        the copy only, and closing this client ends the copies too.
        """
        clone = self._copy_with(
            timeout=timeout,
            deadline=deadline,
            max_retries=max_retries,
            max_quota_wait=max_quota_wait,
            backoff_initial=backoff_initial,
            backoff_max=backoff_max,
            default_headers=default_headers,
        )
        clone._detach()
        return clone

    async def close(self) -> None:
        """Close the connection pool (a caller-supplied httpx client stays open).

        Any later call raises FocusConfigError. A `with_options` copy closes itself only:
        the pool is its original's.
        """
        self._policy.closed = True
        if self._owns_pool:
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
