"""`focus.ghosts`: list, get, create, bulk create, update, bulk update, delete and embody ghosts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

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

from .._client.resources import (
    Context,
    RequestOptions,
    Unpack,
    checked_options,
    expect,
    ids,
    items_of,
    page_of,
    size_params,
)
from .._ground import check as _check
from ..errors import FocusConfigError
from .pager import AsyncPager
from .runner import AsyncResource, to_raw_page_wrapper, to_raw_response_wrapper

if TYPE_CHECKING:
    # Imported when used (`plan`): listing ghosts does not need the plans.
    from .._plans.desired import KeyName
    from .plans import AsyncGhostPlan, Desired

OrderBy = Literal["name,asc", "name,desc"]
ORDER_BY: tuple[OrderBy, ...] = ("name,asc", "name,desc")  # the spec's ^name,(asc|desc)$
GhostList = list[Ghost]  # module-level: inside the classes `list` is a method
Action = AssignAction | Literal["add", "remove", "replace"]
Args = dict[str, Any]


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


def _where(ctx: Context, workspace_id: object, organization_id: object) -> Args:
    return {"organization_id": ctx.org(organization_id), "workspace_id": ctx.ws(workspace_id)}


def _one(ctx: Context, ghost_id: object, workspace_id: object, organization_id: object) -> Args:
    return {
        "ghost_id": _check.positive_id("ghost_id", ghost_id),
        **_where(ctx, workspace_id, organization_id),
    }


class AsyncGhosts(AsyncResource):
    """Ghosts of a workspace (placeholder people on a plan).

    Every method checks its arguments before anything else, so a caller's mistake is a
    FocusConfigError at call time (for `list`, not later when iterating) and costs nothing.
    """

    @cached_property
    def with_raw_response(self) -> AsyncGhostsWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""

        return AsyncGhostsWithRawResponse(self)

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
        max_pages: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,  # async only
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Ghost]:
        """Iterate matching ghosts lazily, 100 per request unless `page_size` says otherwise.

        With the async client, `concurrency` > 1 fetches later pages in parallel.
        `start_page` resumes a listing (`err.next_page` of the error that stopped it).
        """
        checked_options(options)
        args = {
            "search": _check.optional(_check.text, "search", search),
            "order_by": _check.optional(_check.one_of, "order_by", order_by, ORDER_BY),
            "project_ids": ids("project_ids", project_ids),
            "task_ids": ids("task_ids", task_ids),
            "team_ids": ids("team_ids", team_ids),
            "ghost_ids": ids("ghost_ids", ghost_ids),
            "include_embodied": _check.optional(_check.flag, "include_embodied", include_embodied),
            **_where(self._ctx, workspace_id, organization_id),
        }

        async def fetch(page: int, size: int) -> tuple[list[Ghost], int | None]:
            params = size_params("list_ghosts", page, size)
            result = await self._run(list_ghosts.asyncio_detailed, options, **args, **params)
            expect(result, GhostPage)
            return page_of(result, "list_ghosts", Ghost)

        return AsyncPager(
            fetch,
            operation="list_ghosts",
            page_size=page_size,
            max_items=max_items,
            concurrency=concurrency,  # async only
            max_pages=max_pages,
            start_page=start_page,
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
        args = _one(self._ctx, ghost_id, workspace_id, organization_id)
        return expect(await self._run(get_ghost.asyncio_detailed, options, **args), Ghost)

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
        """Create a ghost and return it. Not retried on an ambiguous failure (POST).

        Returns None when the server answered 201 (created) without describing the ghost
        (no `id` in the body, or no usable body): the ghost exists, but nothing is re-read
        to find it. A body lacking other fields gives a `Ghost` completed from what was sent.
        """
        body = GhostCreate(
            name=_check.non_empty("name", name),
            description=_check.optional(_check.text, "description", description),
            assign_projects=ids("assign_projects", assign_projects),
            assign_tasks=ids("assign_tasks", assign_tasks),
            assign_teams=ids("assign_teams", assign_teams),
        )
        where = _where(self._ctx, workspace_id, organization_id)
        result = await self._run_or_none(
            create_ghost.asyncio_detailed, options, 201, body=body, **where
        )
        return None if result is None else _created(result.parsed, body)

    async def bulk_create(
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
        body = _check.bodies("ghosts", ghosts, GhostCreate)
        where = _where(self._ctx, workspace_id, organization_id)
        result = await self._run_or_none(
            bulk_create_ghosts.asyncio_detailed, options, 201, body=body, **where
        )
        return [] if result is None else _created_list(result.parsed, body)

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
        where = _one(self._ctx, ghost_id, workspace_id, organization_id)
        body = GhostUpdate(
            name=_check.optional(_check.non_empty, "name", name),
            description=_check.optional(_check.text, "description", description),
            assign_action=_check.optional(
                _check.choice, "assign_action", assign_action, AssignAction
            ),
            assign_projects=ids("assign_projects", assign_projects),
            assign_tasks=ids("assign_tasks", assign_tasks),
            assign_teams=ids("assign_teams", assign_teams),
        )
        if not body.to_dict():  # the spec's minProperties: 1
            raise FocusConfigError(
                "update needs at least one change: name, description, assign_action or an "
                "assign_* list"
            )
        return expect(
            await self._run(update_ghost.asyncio_detailed, options, body=body, **where), Ghost
        )

    async def bulk_update(
        self,
        updates: Sequence[GhostBulkUpdate | Mapping[str, Any]],
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> GhostList:
        """Update many ghosts (each update names its ghost by `id`) in one request."""
        body = _check.bodies("updates", updates, GhostBulkUpdate)
        where = _where(self._ctx, workspace_id, organization_id)
        result = await self._run(bulk_update_ghosts.asyncio_detailed, options, body=body, **where)
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
        args = _one(self._ctx, ghost_id, workspace_id, organization_id)
        await self._run(delete_ghost.asyncio_detailed, options, **args)

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
        where = _one(self._ctx, ghost_id, workspace_id, organization_id)
        body = GhostEmbody(
            recipient_org_user_id=_check.positive_id(
                "recipient_org_user_id", recipient_org_user_id
            ),
            recipient_user_account_id=_check.positive_id(
                "recipient_user_account_id", recipient_user_account_id
            ),
            role_id=_check.positive_id("role_id", role_id),
        )
        return expect(
            await self._run(embody_ghost.asyncio_detailed, options, body=body, **where), Ghost
        )

    async def plan(
        self,
        desired: Desired,
        *,
        key: KeyName = "name",
        prune: bool = False,
        include_embodied: bool = False,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncGhostPlan:
        """Diff desired ghosts against the workspace into a priced plan (`toggl_focus.plans`).

        Reads only: the listing, and the working hours of matched ghosts whose desired row
        sets them. `plan.cost` is what `plan.apply()` will send. A bad row, key or flag is a
        FocusConfigError naming it, before any request.
        """
        from .plans import make_plan

        return await make_plan(
            self,
            self._ctx,
            desired,
            key=key,
            prune=prune,
            include_embodied=include_embodied,
            workspace_id=workspace_id,
            organization_id=organization_id,
            options=options,
        )

    async def load_plan(
        self, saved: str | bytes | Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> AsyncGhostPlan:
        """A plan saved with `plan.to_json()`, read back to `apply` it exactly.

        First checks that every ghost it updates or deletes is as the plan saw it (its
        `updated_at` and the fields the plan changes; one request per 100 such ghosts, by
        the `ghost_ids` filter): StalePlanError, before any write, names those that changed.
        A malformed document, or one for another organization or workspace than the
        client's, is a FocusConfigError. `plan.reads` is the check's requests.
        """
        from .plans import load_plan

        return await load_plan(self, self._ctx, saved, options=options)


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
