"""`with_raw_response`: every resource method, returning the raw response with the value.

`focus.ghosts.with_raw_response.get(1)` runs `focus.ghosts.get(1)` (checks, retries, quota
waits and typed errors all apply) and returns a `RawResponse[Ghost]` (`toggl_focus._wire.raw`).
A paginated `list` fetches its first page only: `.parse()` is that `Page`; iterate
`pager.pages()` for every page, each with its `.response`.

Each `XWithRawResponse` holds the wrapped methods of one resource as attributes, so mypy
sees each one's exact parameters and `RawResponse[return type]`.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from .._wire.paging import Page
from .._wire.raw import RawResponse, capturing, last
from ..errors import FocusConfigError
from .pager import AsyncPager

if TYPE_CHECKING:
    from .ghosts import AsyncGhosts
    from .organization import AsyncGroups, AsyncRolesResource, AsyncTeams, AsyncUsers
    from .working_hours import AsyncWorkingHoursResource

__all__ = [
    "AsyncGhostsWithRawResponse",
    "AsyncGroupsWithRawResponse",
    "AsyncRolesWithRawResponse",
    "AsyncTeamsWithRawResponse",
    "AsyncUsersWithRawResponse",
    "AsyncWorkingHoursWithRawResponse",
    "to_raw_page_wrapper",
    "to_raw_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def to_raw_response_wrapper(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`method` returning a RawResponse of what it returns; it raises what `method` raises."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with capturing() as seen:
            value = await method(*args, **kwargs)
        return RawResponse(last(seen), value)

    return wrapped


def to_raw_page_wrapper(
    method: Callable[P, AsyncPager[T]],
) -> Callable[P, Awaitable[RawResponse[Page[T]]]]:
    """A paginated `list` fetching its first page only (1 request): RawResponse of that Page."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Page[T]]:
        # The first page is fetched alone (no prefetch): nothing is left in flight.
        async for page in method(*args, **kwargs).pages():
            assert page.response is not None  # set on every fetched page
            return RawResponse(page.response, page)
        raise FocusConfigError("max_items=0 fetches no page: there is no response to return")

    return wrapped


class AsyncGhostsWithRawResponse:
    """`focus.ghosts`'s methods, each returning a RawResponse (`list`: its first page)."""

    def __init__(self, ghosts: AsyncGhosts) -> None:
        self.list = to_raw_page_wrapper(ghosts.list)
        self.get = to_raw_response_wrapper(ghosts.get)
        self.create = to_raw_response_wrapper(ghosts.create)
        self.bulk_create = to_raw_response_wrapper(ghosts.bulk_create)
        self.update = to_raw_response_wrapper(ghosts.update)
        self.bulk_update = to_raw_response_wrapper(ghosts.bulk_update)
        self.delete = to_raw_response_wrapper(ghosts.delete)
        self.embody = to_raw_response_wrapper(ghosts.embody)


class AsyncWorkingHoursWithRawResponse:
    """`focus.working_hours`'s methods, each returning a RawResponse."""

    def __init__(self, hours: AsyncWorkingHoursResource) -> None:
        self.get_for_user = to_raw_response_wrapper(hours.get_for_user)
        self.create_for_user = to_raw_response_wrapper(hours.create_for_user)
        self.update_for_user = to_raw_response_wrapper(hours.update_for_user)
        self.delete_for_user = to_raw_response_wrapper(hours.delete_for_user)
        self.get_for_ghost = to_raw_response_wrapper(hours.get_for_ghost)
        self.create_for_ghost = to_raw_response_wrapper(hours.create_for_ghost)
        self.update_for_ghost = to_raw_response_wrapper(hours.update_for_ghost)
        self.delete_for_ghost = to_raw_response_wrapper(hours.delete_for_ghost)


class AsyncGroupsWithRawResponse:
    """`focus.groups`'s methods, each returning a RawResponse."""

    def __init__(self, groups: AsyncGroups) -> None:
        self.create = to_raw_response_wrapper(groups.create)
        self.update = to_raw_response_wrapper(groups.update)
        self.delete = to_raw_response_wrapper(groups.delete)
        self.mine = to_raw_response_wrapper(groups.mine)


class AsyncRolesWithRawResponse:
    """`focus.roles.list`, returning a RawResponse."""

    def __init__(self, roles: AsyncRolesResource) -> None:
        self.list = to_raw_response_wrapper(roles.list)


class AsyncTeamsWithRawResponse:
    """`focus.teams.list`'s first page, as a RawResponse of the Page."""

    def __init__(self, teams: AsyncTeams) -> None:
        self.list = to_raw_page_wrapper(teams.list)


class AsyncUsersWithRawResponse:
    """`focus.users.list`'s first page, as a RawResponse of the Page."""

    def __init__(self, users: AsyncUsers) -> None:
        self.list = to_raw_page_wrapper(users.list)
