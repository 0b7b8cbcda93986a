"""`focus.working_hours`: get, create, update and delete working hours of users and ghosts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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

from ._base import AsyncResource, RequestOptions, SyncResource, Unpack, items_of, model_of

Hours = list[WorkingHours]
NewEntries = Sequence[WorkingHoursCreate | Mapping[str, Any]]
Changes = Sequence[WorkingHoursUpdate | Mapping[str, Any]]


def _new(entries: NewEntries) -> list[WorkingHoursCreate]:
    """Create items: `working_hours` is required, `weekday` optional (as Toggl's spec says)."""
    return [model_of(WorkingHoursCreate, e, f"entries[{i}]") for i, e in enumerate(entries)]


def _changes(entries: Changes) -> list[WorkingHoursUpdate]:
    """Update items: `working_hour_id` and `working_hours` required, `weekday` optional."""
    return [model_of(WorkingHoursUpdate, e, f"entries[{i}]") for i, e in enumerate(entries)]


class _Args:
    _ctx: Any

    def _user(self, user_id: int, organization_id: int | None) -> dict[str, int]:
        return {"organization_id": self._ctx.org(organization_id), "user_id": user_id}

    def _ghost(
        self, ghost_id: int, workspace_id: int | None, organization_id: int | None
    ) -> dict[str, int]:
        return {
            "organization_id": self._ctx.org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
            "ghost_id": ghost_id,
        }


class WorkingHoursResource(SyncResource, _Args):
    """Working hours per weekday (0 = Sunday) for organization users and ghosts."""

    def get_for_user(
        self, user_id: int, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Hours:
        """The user's working hours (organization-user id)."""
        where = self._user(user_id, organization_id)
        return items_of(
            self._run(get_user_working_hours.sync_detailed, options, **where), WorkingHours
        )

    def create_for_user(
        self,
        user_id: int,
        entries: NewEntries,
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Add entries (`working_hours`, optional `weekday`); returns the created entries."""
        where = self._user(user_id, organization_id)
        result = self._run(
            create_user_working_hours.sync_detailed, options, **where, body=_new(entries)
        )
        return items_of(result, WorkingHours)

    def update_for_user(
        self,
        user_id: int,
        entries: Changes,
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Change entries named by `working_hour_id`; returns the user's full list after."""
        where = self._user(user_id, organization_id)
        body = _changes(entries)
        result = self._run(update_user_working_hours.sync_detailed, options, **where, body=body)
        return items_of(result, WorkingHours)

    def delete_for_user(
        self,
        user_id: int,
        working_hour_ids: Iterable[int],
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete entries by `working_hour_id` (unknown ids are ignored)."""
        where = self._user(user_id, organization_id)
        body = [int(i) for i in working_hour_ids]
        self._run(delete_user_working_hours.sync_detailed, options, **where, body=body)

    def get_for_ghost(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """The ghost's working hours."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        return items_of(
            self._run(get_ghost_working_hours.sync_detailed, options, **where), WorkingHours
        )

    def create_for_ghost(
        self,
        ghost_id: int,
        entries: NewEntries,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Add weekday entries for a ghost; returns the created entries."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        result = self._run(
            create_ghost_working_hours.sync_detailed, options, **where, body=_new(entries)
        )
        return items_of(result, WorkingHours)

    def update_for_ghost(
        self,
        ghost_id: int,
        entries: Changes,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Change a ghost's entries named by `working_hour_id`; returns its full list after."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        body = _changes(entries)
        result = self._run(update_ghost_working_hours.sync_detailed, options, **where, body=body)
        return items_of(result, WorkingHours)

    def delete_for_ghost(
        self,
        ghost_id: int,
        working_hour_ids: Iterable[int],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a ghost's entries by `working_hour_id` (unknown ids are ignored)."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        body = [int(i) for i in working_hour_ids]
        self._run(delete_ghost_working_hours.sync_detailed, options, **where, body=body)


class AsyncWorkingHoursResource(AsyncResource, _Args):
    """Async twin of `WorkingHoursResource`, method for method."""

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
        """Add entries (`working_hours`, optional `weekday`); returns the created entries."""
        where = self._user(user_id, organization_id)
        result = await self._run(
            create_user_working_hours.asyncio_detailed, options, **where, body=_new(entries)
        )
        return items_of(result, WorkingHours)

    async def update_for_user(
        self,
        user_id: int,
        entries: Changes,
        *,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Hours:
        """Change entries named by `working_hour_id`; returns the user's full list after."""
        where = self._user(user_id, organization_id)
        result = await self._run(
            update_user_working_hours.asyncio_detailed, options, **where, body=_changes(entries)
        )
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
        where = self._user(user_id, organization_id)
        body = [int(i) for i in working_hour_ids]
        await self._run(delete_user_working_hours.asyncio_detailed, options, **where, body=body)

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
        """Add weekday entries for a ghost; returns the created entries."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        result = await self._run(
            create_ghost_working_hours.asyncio_detailed, options, **where, body=_new(entries)
        )
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
        """Change a ghost's entries named by `working_hour_id`; returns its full list after."""
        where = self._ghost(ghost_id, workspace_id, organization_id)
        result = await self._run(
            update_ghost_working_hours.asyncio_detailed, options, **where, body=_changes(entries)
        )
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
        where = self._ghost(ghost_id, workspace_id, organization_id)
        body = [int(i) for i in working_hour_ids]
        await self._run(delete_ghost_working_hours.asyncio_detailed, options, **where, body=body)
