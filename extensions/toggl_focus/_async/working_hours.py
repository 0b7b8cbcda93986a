"""`focus.working_hours`: get, create, update and delete working hours of users and ghosts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

from toggl_focus_api.api.working_hours import (
    create_ghost_working_hours,
    create_user_working_hours,
    delete_ghost_working_hours,
    delete_user_working_hours,
    get_ghost_working_hours,
    get_user_working_hours,
    update_ghost_working_hours,
    update_user_working_hours,
)
from toggl_focus_api.models import WorkingHours, WorkingHoursCreate, WorkingHoursUpdate

from .._client.resources import RequestOptions, Unpack, items_of
from .._ground import check as _check
from .runner import AsyncResource, to_raw_response_wrapper

Hours = list[WorkingHours]
NewEntries = Sequence[WorkingHoursCreate | Mapping[str, Any]]
Changes = Sequence[WorkingHoursUpdate | Mapping[str, Any]]
Args = dict[str, Any]


def _new(entries: object) -> list[WorkingHoursCreate]:
    return _check.bodies("entries", entries, WorkingHoursCreate)


def _changes(entries: object) -> list[WorkingHoursUpdate]:
    return _check.bodies("entries", entries, WorkingHoursUpdate)


def _ids(working_hour_ids: object) -> list[int]:
    return _check.ids("working_hour_ids", working_hour_ids)


class AsyncWorkingHoursResource(AsyncResource):
    """Working hours per weekday (0 = Sunday) for organization users and ghosts.

    Entries are checked against the generated models (`_check.bodies`): a missing or wrong
    field is a FocusConfigError naming the entry's index and the field.
    """

    @cached_property
    def with_raw_response(self) -> AsyncWorkingHoursWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""
        return AsyncWorkingHoursWithRawResponse(self)

    def _user(self, user_id: object, organization_id: object, body: object = None) -> Args:
        args = {
            "user_id": _check.positive_id("user_id", user_id),
            "organization_id": self._ctx.org(organization_id),
        }
        return args if body is None else {**args, "body": body}

    def _ghost(
        self, ghost_id: object, workspace_id: object, organization_id: object, body: object = None
    ) -> Args:
        args = {
            "ghost_id": _check.positive_id("ghost_id", ghost_id),
            "organization_id": self._ctx.org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
        }
        return args if body is None else {**args, "body": body}

    async def get_for_user(
        self, user_id: int, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Hours:
        """The user's working hours (organization-user id)."""
        where = self._user(user_id, organization_id)
        result = await self._run(get_user_working_hours.asyncio_detailed, options, **where)
        return items_of(result, WorkingHours)

    async def create_for_user(
        self,
        user_id: int,
        entries: NewEntries,
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Add entries (`working_hours`, optionally `weekday`); returns the created entries."""
        args = self._user(user_id, organization_id, _new(entries))
        result = await self._run(create_user_working_hours.asyncio_detailed, options, **args)
        return items_of(result, WorkingHours)

    async def update_for_user(
        self,
        user_id: int,
        entries: Changes,
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Change entries named by `working_hour_id`; returns the user's full list after.

        Give each entry its `weekday`: without it the entry may move to Sunday (README,
        "Working hours without a weekday").
        """
        args = self._user(user_id, organization_id, _changes(entries))
        result = await self._run(update_user_working_hours.asyncio_detailed, options, **args)
        return items_of(result, WorkingHours)

    async def delete_for_user(
        self,
        user_id: int,
        working_hour_ids: Iterable[int],
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete entries by `working_hour_id` (unknown ids are ignored)."""
        args = self._user(user_id, organization_id, _ids(working_hour_ids))
        await self._run(delete_user_working_hours.asyncio_detailed, options, **args)

    async def get_for_ghost(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """The ghost's working hours."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        result = await self._run(get_ghost_working_hours.asyncio_detailed, options, **where)
        return items_of(result, WorkingHours)

    async def create_for_ghost(
        self,
        ghost_id: int,
        entries: NewEntries,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Add entries for a ghost (`working_hours`, optionally `weekday`); returns them."""
        args = self._ghost(ghost_id, workspace_id, organization_id, _new(entries))
        result = await self._run(create_ghost_working_hours.asyncio_detailed, options, **args)
        return items_of(result, WorkingHours)

    async def update_for_ghost(
        self,
        ghost_id: int,
        entries: Changes,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Change a ghost's entries named by `working_hour_id`; returns its full list after.

        Give each entry its `weekday`: without it the entry may move to Sunday (README,
        "Working hours without a weekday").
        """
        args = self._ghost(ghost_id, workspace_id, organization_id, _changes(entries))
        result = await self._run(update_ghost_working_hours.asyncio_detailed, options, **args)
        return items_of(result, WorkingHours)

    async def delete_for_ghost(
        self,
        ghost_id: int,
        working_hour_ids: Iterable[int],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a ghost's entries by `working_hour_id` (unknown ids are ignored)."""
        args = self._ghost(ghost_id, workspace_id, organization_id, _ids(working_hour_ids))
        await self._run(delete_ghost_working_hours.asyncio_detailed, options, **args)


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
