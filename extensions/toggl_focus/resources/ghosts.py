"""`focus.ghosts`: list, get, create, bulk create, update, bulk update, delete and embody ghosts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from toggl_focus_api.api.ghosts import (
    bulk_create_ghosts,
    bulk_update_ghosts,
    create_ghost,
    delete_ghost,
    embody_ghost,
    get_ghost,
    list_ghosts,
    update_ghost,
)
from toggl_focus_api.models import (
    AssignAction,
    CreatedGhost,
    Ghost,
    GhostBulkUpdate,
    GhostCreate,
    GhostEmbody,
    GhostPage,
    GhostUpdate,
)
from toggl_focus_api.types import Unset

from ..errors import FocusDecodeError
from ..pagination import AsyncPager, SyncPager
from ._base import (
    AsyncResource,
    RequestOptions,
    SyncResource,
    Unpack,
    body_unusable,
    expect,
    ids,
    items_of,
    model_of,
    opt,
    page_of,
    size_params,
)

OrderBy = Literal["name,asc", "name,desc"]
GhostList = list[Ghost]  # module-level: inside the classes `list` is a method
Action = AssignAction | Literal["add", "remove", "replace"]


def _create_body(item: GhostCreate | Mapping[str, Any], index: int) -> GhostCreate:
    return model_of(GhostCreate, item, f"ghosts[{index}]")


def _bulk_update_body(item: GhostBulkUpdate | Mapping[str, Any], index: int) -> GhostBulkUpdate:
    return model_of(GhostBulkUpdate, item, f"updates[{index}]")


def _created(parsed: object, sent: GhostCreate | None) -> Ghost | None:
    """The created ghost as far as a 201 body describes it, or None when it has no `id`.

    The spec guarantees nothing in that body (`CreatedGhost`). Fields it lacks are filled from
    what was sent (`name`, `description`), which the server accepted with the 201.
    """
    if not isinstance(parsed, CreatedGhost):
        return None
    if not isinstance(parsed.id, int) or isinstance(parsed.id, bool):
        return None
    fields = parsed.to_dict()
    if sent is not None:
        for key in ("name", "description"):
            value = getattr(sent, key)
            if not isinstance(value, Unset):
                fields.setdefault(key, value)
    return Ghost.from_dict(fields)


def _created_list(parsed: object, sent: list[GhostCreate]) -> GhostList:
    """The created ghosts a bulk 201 body describes; may be shorter than the request.

    Items are matched to the request by position only when the answer has one per request
    item (the spec's request order); otherwise nothing is filled in from the request.
    """
    if not isinstance(parsed, list):
        return []
    aligned = len(parsed) == len(sent)
    found = (_created(item, sent[i] if aligned else None) for i, item in enumerate(parsed))
    return [ghost for ghost in found if ghost is not None]


def _new_ghost(
    name: str,
    description: str | None,
    assign_projects: Iterable[int] | None,
    assign_tasks: Iterable[int] | None,
    assign_teams: Iterable[int] | None,
) -> GhostCreate:
    return GhostCreate(
        name=name,
        description=opt(description),
        assign_projects=ids(assign_projects),
        assign_tasks=ids(assign_tasks),
        assign_teams=ids(assign_teams),
    )


def _update_body(
    name: str | None,
    description: str | None,
    assign_action: Action | None,
    assign_projects: Iterable[int] | None,
    assign_tasks: Iterable[int] | None,
    assign_teams: Iterable[int] | None,
) -> GhostUpdate:
    return GhostUpdate(
        name=opt(name),
        description=opt(description),
        assign_action=opt(None if assign_action is None else AssignAction(assign_action)),
        assign_projects=ids(assign_projects),
        assign_tasks=ids(assign_tasks),
        assign_teams=ids(assign_teams),
    )


class _Args:
    """Builds the generated operations' arguments; shared by Ghosts and AsyncGhosts."""

    _ctx: Any

    def _where(self, workspace_id: int | None, organization_id: int | None) -> dict[str, int]:
        return {
            "organization_id": self._ctx.org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
        }

    def _filters(
        self,
        search: str | None,
        order_by: OrderBy | None,
        project_ids: Iterable[int] | None,
        task_ids: Iterable[int] | None,
        team_ids: Iterable[int] | None,
        ghost_ids: Iterable[int] | None,
        include_embodied: bool | None,
    ) -> dict[str, Any]:
        return {
            "search": opt(search),
            "order_by": opt(order_by),
            "project_ids": ids(project_ids),
            "task_ids": ids(task_ids),
            "team_ids": ids(team_ids),
            "ghost_ids": ids(ghost_ids),
            "include_embodied": opt(include_embodied),
        }


class Ghosts(SyncResource, _Args):
    """Ghosts of a workspace (placeholder people on a plan)."""

    def list(
        self,
        *,
        search: str | None = None,
        order_by: OrderBy | None = None,
        project_ids: Iterable[int] | None = None,
        task_ids: Iterable[int] | None = None,
        team_ids: Iterable[int] | None = None,
        ghost_ids: Iterable[int] | None = None,
        include_embodied: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPager[Ghost]:
        """Lazily iterate matching ghosts, 100 per request unless `page_size` says otherwise."""
        where = self._where(workspace_id, organization_id)
        filters = self._filters(
            search, order_by, project_ids, task_ids, team_ids, ghost_ids, include_embodied
        )

        def fetch(page: int, size: int) -> tuple[list[Ghost], int | None]:
            result = self._run(
                list_ghosts.sync_detailed,
                options,
                **where,
                **filters,
                **size_params("list_ghosts", page, size),
            )
            expect(result, GhostPage)
            return page_of(result, "list_ghosts", Ghost)

        return SyncPager(fetch, operation="list_ghosts", page_size=page_size, max_items=max_items)

    def get(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """One ghost by id (embodied ghosts included); NotFoundError if there is none."""
        where = self._where(workspace_id, organization_id)
        return expect(
            self._run(get_ghost.sync_detailed, options, **where, ghost_id=ghost_id), Ghost
        )

    def create(
        self,
        name: str,
        *,
        description: str | None = None,
        assign_projects: Iterable[int] | None = None,
        assign_tasks: Iterable[int] | None = None,
        assign_teams: Iterable[int] | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost | None:
        """Create a ghost and return it. Not retried on an ambiguous failure (POST).

        Returns None when the server answered 201 (created) without describing the ghost
        (no `id` in the body, or no usable body): the ghost exists, but nothing is re-read
        to find it. A body lacking other fields gives a `Ghost` completed from what was sent.
        """
        body = _new_ghost(name, description, assign_projects, assign_tasks, assign_teams)
        where = self._where(workspace_id, organization_id)
        try:
            result = self._run(create_ghost.sync_detailed, options, **where, body=body)
        except FocusDecodeError as exc:
            if not body_unusable(exc, 201):
                raise
            return None
        return _created(result.parsed, body)

    def bulk_create(
        self,
        ghosts: Sequence[GhostCreate | Mapping[str, Any]],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> GhostList:
        """Create many ghosts in one request (all or none); returns them in request order.

        The list holds the ghosts the 201 body describes: it is shorter than `ghosts` (even
        empty) when the server does not describe every one, although all were created.
        """
        body = [_create_body(g, i) for i, g in enumerate(ghosts)]
        where = self._where(workspace_id, organization_id)
        try:
            result = self._run(bulk_create_ghosts.sync_detailed, options, **where, body=body)
        except FocusDecodeError as exc:
            if not body_unusable(exc, 201):
                raise
            return []
        return _created_list(result.parsed, body)

    def update(
        self,
        ghost_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        assign_action: Action | None = None,
        assign_projects: Iterable[int] | None = None,
        assign_tasks: Iterable[int] | None = None,
        assign_teams: Iterable[int] | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """Change a ghost; `assign_action` (add/remove/replace) says how assign_* lists apply."""
        body = _update_body(
            name, description, assign_action, assign_projects, assign_tasks, assign_teams
        )
        where = self._where(workspace_id, organization_id)
        result = self._run(
            update_ghost.sync_detailed, options, **where, ghost_id=ghost_id, body=body
        )
        return expect(result, Ghost)

    def bulk_update(
        self,
        updates: Sequence[GhostBulkUpdate | Mapping[str, Any]],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> GhostList:
        """Update many ghosts (each update names its ghost by `id`) in one request."""
        body = [_bulk_update_body(u, i) for i, u in enumerate(updates)]
        where = self._where(workspace_id, organization_id)
        result = self._run(bulk_update_ghosts.sync_detailed, options, **where, body=body)
        return items_of(result, Ghost)

    def delete(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a ghost (deleting one that is already gone succeeds too)."""
        where = self._where(workspace_id, organization_id)
        self._run(delete_ghost.sync_detailed, options, **where, ghost_id=ghost_id)

    def embody(
        self,
        ghost_id: int,
        *,
        recipient_org_user_id: int,
        recipient_user_account_id: int,
        role_id: int,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """Hand a ghost to an organization user; ConflictError if it is already embodied."""
        body = GhostEmbody(
            recipient_org_user_id=recipient_org_user_id,
            recipient_user_account_id=recipient_user_account_id,
            role_id=role_id,
        )
        where = self._where(workspace_id, organization_id)
        result = self._run(
            embody_ghost.sync_detailed, options, **where, ghost_id=ghost_id, body=body
        )
        return expect(result, Ghost)


class AsyncGhosts(AsyncResource, _Args):
    """Async twin of `Ghosts`, method for method."""

    def list(
        self,
        *,
        search: str | None = None,
        order_by: OrderBy | None = None,
        project_ids: Iterable[int] | None = None,
        task_ids: Iterable[int] | None = None,
        team_ids: Iterable[int] | None = None,
        ghost_ids: Iterable[int] | None = None,
        include_embodied: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        concurrency: int = 1,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Ghost]:
        """Async-iterate matching ghosts; `concurrency` > 1 fetches later pages in parallel."""
        where = self._where(workspace_id, organization_id)
        filters = self._filters(
            search, order_by, project_ids, task_ids, team_ids, ghost_ids, include_embodied
        )

        async def fetch(page: int, size: int) -> tuple[list[Ghost], int | None]:
            result = await self._run(
                list_ghosts.asyncio_detailed,
                options,
                **where,
                **filters,
                **size_params("list_ghosts", page, size),
            )
            expect(result, GhostPage)
            return page_of(result, "list_ghosts", Ghost)

        return AsyncPager(
            fetch,
            operation="list_ghosts",
            page_size=page_size,
            max_items=max_items,
            concurrency=concurrency,
        )

    async def get(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """One ghost by id (embodied ghosts included); NotFoundError if there is none."""
        where = self._where(workspace_id, organization_id)
        result = await self._run(get_ghost.asyncio_detailed, options, **where, ghost_id=ghost_id)
        return expect(result, Ghost)

    async def create(
        self,
        name: str,
        *,
        description: str | None = None,
        assign_projects: Iterable[int] | None = None,
        assign_tasks: Iterable[int] | None = None,
        assign_teams: Iterable[int] | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost | None:
        """Create a ghost and return it; None for a 201 that does not describe it (see Ghosts)."""
        body = _new_ghost(name, description, assign_projects, assign_tasks, assign_teams)
        where = self._where(workspace_id, organization_id)
        try:
            result = await self._run(create_ghost.asyncio_detailed, options, **where, body=body)
        except FocusDecodeError as exc:
            if not body_unusable(exc, 201):
                raise
            return None
        return _created(result.parsed, body)

    async def bulk_create(
        self,
        ghosts: Sequence[GhostCreate | Mapping[str, Any]],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> GhostList:
        """Create many ghosts in one request; the ghosts the 201 describes (see Ghosts)."""
        body = [_create_body(g, i) for i, g in enumerate(ghosts)]
        where = self._where(workspace_id, organization_id)
        try:
            result = await self._run(
                bulk_create_ghosts.asyncio_detailed, options, **where, body=body
            )
        except FocusDecodeError as exc:
            if not body_unusable(exc, 201):
                raise
            return []
        return _created_list(result.parsed, body)

    async def update(
        self,
        ghost_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        assign_action: Action | None = None,
        assign_projects: Iterable[int] | None = None,
        assign_tasks: Iterable[int] | None = None,
        assign_teams: Iterable[int] | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """Change a ghost; `assign_action` (add/remove/replace) says how assign_* lists apply."""
        body = _update_body(
            name, description, assign_action, assign_projects, assign_tasks, assign_teams
        )
        where = self._where(workspace_id, organization_id)
        result = await self._run(
            update_ghost.asyncio_detailed, options, **where, ghost_id=ghost_id, body=body
        )
        return expect(result, Ghost)

    async def bulk_update(
        self,
        updates: Sequence[GhostBulkUpdate | Mapping[str, Any]],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> GhostList:
        """Update many ghosts (each update names its ghost by `id`) in one request."""
        body = [_bulk_update_body(u, i) for i, u in enumerate(updates)]
        where = self._where(workspace_id, organization_id)
        result = await self._run(bulk_update_ghosts.asyncio_detailed, options, **where, body=body)
        return items_of(result, Ghost)

    async def delete(
        self,
        ghost_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a ghost (deleting one that is already gone succeeds too)."""
        where = self._where(workspace_id, organization_id)
        await self._run(delete_ghost.asyncio_detailed, options, **where, ghost_id=ghost_id)

    async def embody(
        self,
        ghost_id: int,
        *,
        recipient_org_user_id: int,
        recipient_user_account_id: int,
        role_id: int,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Ghost:
        """Hand a ghost to an organization user; ConflictError if it is already embodied."""
        body = GhostEmbody(
            recipient_org_user_id=recipient_org_user_id,
            recipient_user_account_id=recipient_user_account_id,
            role_id=role_id,
        )
        where = self._where(workspace_id, organization_id)
        result = await self._run(
            embody_ghost.asyncio_detailed, options, **where, ghost_id=ghost_id, body=body
        )
        return expect(result, Ghost)
