"""`focus.groups`, `focus.roles`, `focus.teams` and `focus.users`: the organization's people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from toggl_focus_api.api.organization import (
    create_group,
    delete_group,
    list_my_groups,
    list_roles,
    list_teams,
    list_users,
    update_group,
)
from toggl_focus_api.models import (
    Group,
    GroupRequest,
    GroupSummary,
    OrganizationUser,
    Role,
    SortDirection,
    Team,
    TeamPage,
)

from ..pagination import AsyncPager, SyncPager
from ._base import (
    AsyncResource,
    RequestOptions,
    SyncResource,
    Unpack,
    expect,
    expect_list,
    ids,
    opt,
    page_of,
    size_params,
)

SortDir = SortDirection | Literal["asc", "desc"]
Summaries = list[GroupSummary]
Roles = list[Role]


def _group_body(
    name: str,
    emoji: str | None,
    organization_users: Iterable[int] | None,
    workspaces: Iterable[int] | None,
) -> GroupRequest:
    return GroupRequest(
        name=name,
        emoji=opt(emoji),
        organization_users=ids(organization_users),
        workspaces=ids(workspaces),
    )


def _sort(value: SortDir | None) -> SortDirection | None:
    return None if value is None else SortDirection(value)


class _OrgArgs:
    _ctx: Any

    def _org(self, organization_id: int | None) -> dict[str, int]:
        return {"organization_id": self._ctx.org(organization_id)}


class Groups(SyncResource, _OrgArgs):
    """Organization groups: create, update (replace), delete, and the caller's own groups."""

    def create(
        self,
        name: str,
        *,
        emoji: str | None = None,
        organization_users: Iterable[int] | None = None,
        workspaces: Iterable[int] | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Create a group of organization users (ids) in workspaces (ids)."""
        body = _group_body(name, emoji, organization_users, workspaces)
        return expect(
            self._run(create_group.sync_detailed, options, **self._org(organization_id), body=body),
            Group,
        )

    def update(
        self,
        group_id: int,
        *,
        name: str,
        emoji: str | None = None,
        organization_users: Iterable[int] | None = None,
        workspaces: Iterable[int] | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Replace a group's name, emoji, members and workspaces (PUT semantics)."""
        body = _group_body(name, emoji, organization_users, workspaces)
        where = self._org(organization_id)
        return expect(
            self._run(update_group.sync_detailed, options, **where, group_id=group_id, body=body),
            Group,
        )

    def delete(
        self,
        group_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a group; the API checks permission against `workspace_id`."""
        where = self._org(organization_id)
        ws = self._ctx.ws(workspace_id)
        self._run(delete_group.sync_detailed, options, **where, group_id=group_id, workspace_id=ws)

    def mine(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Summaries:
        """The groups the API key's user belongs to."""
        result = self._run(list_my_groups.sync_detailed, options, **self._org(organization_id))
        return expect_list(result, GroupSummary)


class AsyncGroups(AsyncResource, _OrgArgs):
    """Async twin of `Groups`, method for method."""

    async def create(
        self,
        name: str,
        *,
        emoji: str | None = None,
        organization_users: Iterable[int] | None = None,
        workspaces: Iterable[int] | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Create a group of organization users (ids) in workspaces (ids)."""
        body = _group_body(name, emoji, organization_users, workspaces)
        where = self._org(organization_id)
        return expect(
            await self._run(create_group.asyncio_detailed, options, **where, body=body), Group
        )

    async def update(
        self,
        group_id: int,
        *,
        name: str,
        emoji: str | None = None,
        organization_users: Iterable[int] | None = None,
        workspaces: Iterable[int] | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Replace a group's name, emoji, members and workspaces (PUT semantics)."""
        body = _group_body(name, emoji, organization_users, workspaces)
        where = self._org(organization_id)
        result = await self._run(
            update_group.asyncio_detailed, options, **where, group_id=group_id, body=body
        )
        return expect(result, Group)

    async def delete(
        self,
        group_id: int,
        *,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a group; the API checks permission against `workspace_id`."""
        where = self._org(organization_id)
        ws = self._ctx.ws(workspace_id)
        await self._run(
            delete_group.asyncio_detailed, options, **where, group_id=group_id, workspace_id=ws
        )

    async def mine(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Summaries:
        """The groups the API key's user belongs to."""
        result = await self._run(
            list_my_groups.asyncio_detailed, options, **self._org(organization_id)
        )
        return expect_list(result, GroupSummary)


class RolesResource(SyncResource, _OrgArgs):
    """Organization roles; a role's `role_id` is what embodying a ghost takes."""

    def list(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Roles:
        """All roles of the organization (one request, no pagination)."""
        return expect_list(
            self._run(list_roles.sync_detailed, options, **self._org(organization_id)), Role
        )


class AsyncRolesResource(AsyncResource, _OrgArgs):
    """Async twin of `RolesResource`."""

    async def list(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Roles:
        """All roles of the organization (one request, no pagination)."""
        result = await self._run(list_roles.asyncio_detailed, options, **self._org(organization_id))
        return expect_list(result, Role)


class _TeamArgs(_OrgArgs):
    def _team_query(
        self,
        workspace_id: int | None,
        organization_id: int | None,
        filter: str | None,
        sort_dir: SortDir | None,
        organization_user_id: int | None,
        group_ids: Iterable[int] | None,
    ) -> dict[str, Any]:
        return {
            **self._org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
            "filter_": opt(filter),
            "sort_dir": opt(_sort(sort_dir)),
            "organization_user_id": opt(organization_user_id),
            "group_ids": ids(group_ids),
        }


class Teams(SyncResource, _TeamArgs):
    """A workspace's groups hydrated with their ghosts, paginated with a total."""

    def list(
        self,
        *,
        filter: str | None = None,
        sort_dir: SortDir | None = None,
        organization_user_id: int | None = None,
        group_ids: Iterable[int] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPager[Team]:
        """Lazily iterate the workspace's teams, 100 per request unless told otherwise."""
        query = self._team_query(
            workspace_id, organization_id, filter, sort_dir, organization_user_id, group_ids
        )

        def fetch(page: int, size: int) -> tuple[list[Team], int | None]:
            params = size_params("list_teams", page, size)
            result = self._run(list_teams.sync_detailed, options, **query, **params)
            expect(result, TeamPage)
            return page_of(result, "list_teams", Team)

        return SyncPager(
            fetch,
            operation="list_teams",
            page_size=page_size,
            max_items=max_items,
            max_pages=max_pages,
        )


class AsyncTeams(AsyncResource, _TeamArgs):
    """Async twin of `Teams`."""

    def list(
        self,
        *,
        filter: str | None = None,
        sort_dir: SortDir | None = None,
        organization_user_id: int | None = None,
        group_ids: Iterable[int] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        concurrency: int = 1,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Team]:
        """Async-iterate the workspace's teams; `concurrency` > 1 fetches pages in parallel."""
        query = self._team_query(
            workspace_id, organization_id, filter, sort_dir, organization_user_id, group_ids
        )

        async def fetch(page: int, size: int) -> tuple[list[Team], int | None]:
            params = size_params("list_teams", page, size)
            result = await self._run(list_teams.asyncio_detailed, options, **query, **params)
            expect(result, TeamPage)
            return page_of(result, "list_teams", Team)

        return AsyncPager(
            fetch,
            operation="list_teams",
            page_size=page_size,
            max_items=max_items,
            concurrency=concurrency,
            max_pages=max_pages,
        )


class _UserArgs(_OrgArgs):
    def _user_query(self, organization_id: int | None, **filters: Any) -> dict[str, Any]:
        query: dict[str, Any] = self._org(organization_id)
        for key, value in filters.items():
            if key == "filter":
                query["filter_"] = opt(value)
            elif key == "sort_dir":
                query["sort_dir"] = opt(_sort(value))
            elif key in ("toggl_products", "active_status"):
                query[key] = opt(None if value is None else [str(v) for v in value])
            elif isinstance(value, bool) or value is None:
                query[key] = opt(value)
            else:
                query[key] = ids(value)
        return query


class Users(SyncResource, _UserArgs):
    """Organization users (invited people included). No total: stops on a short page."""

    def list(
        self,
        *,
        filter: str | None = None,
        workspaces: Iterable[int] | None = None,
        user_account_ids: Iterable[int] | None = None,
        org_user_ids: Iterable[int] | None = None,
        groups: Iterable[int] | None = None,
        toggl_products: Iterable[str] | None = None,
        active_status: Iterable[str] | None = None,
        roles: Iterable[int] | None = None,
        only_admins: bool | None = None,
        sort_dir: SortDir | None = None,
        tag_ids: Iterable[int] | None = None,
        include_working_hours: bool | None = None,
        include_rates: bool | None = None,
        pinned_ids: Iterable[int] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPager[OrganizationUser]:
        """Lazily iterate users matching the filters (`filter` matches name or email)."""
        query = self._user_query(
            organization_id, filter=filter, workspaces=workspaces,
            user_account_ids=user_account_ids, org_user_ids=org_user_ids, groups=groups,
            toggl_products=toggl_products,
            active_status=active_status, roles=roles, only_admins=only_admins, sort_dir=sort_dir,
            tag_ids=tag_ids, include_working_hours=include_working_hours,
            include_rates=include_rates, pinned_ids=pinned_ids,
        )  # fmt: skip

        def fetch(page: int, size: int) -> tuple[list[OrganizationUser], int | None]:
            params = size_params("list_users", page, size)
            result = self._run(list_users.sync_detailed, options, **query, **params)
            return page_of(result, "list_users", OrganizationUser)

        return SyncPager(
            fetch,
            operation="list_users",
            page_size=page_size,
            max_items=max_items,
            max_pages=max_pages,
        )


class AsyncUsers(AsyncResource, _UserArgs):
    """Async twin of `Users` (pages come one at a time: without a total they cannot be parallel)."""

    def list(
        self,
        *,
        filter: str | None = None,
        workspaces: Iterable[int] | None = None,
        user_account_ids: Iterable[int] | None = None,
        org_user_ids: Iterable[int] | None = None,
        groups: Iterable[int] | None = None,
        toggl_products: Iterable[str] | None = None,
        active_status: Iterable[str] | None = None,
        roles: Iterable[int] | None = None,
        only_admins: bool | None = None,
        sort_dir: SortDir | None = None,
        tag_ids: Iterable[int] | None = None,
        include_working_hours: bool | None = None,
        include_rates: bool | None = None,
        pinned_ids: Iterable[int] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[OrganizationUser]:
        """Async-iterate users matching the filters (`filter` matches name or email)."""
        query = self._user_query(
            organization_id, filter=filter, workspaces=workspaces,
            user_account_ids=user_account_ids, org_user_ids=org_user_ids, groups=groups,
            toggl_products=toggl_products,
            active_status=active_status, roles=roles, only_admins=only_admins, sort_dir=sort_dir,
            tag_ids=tag_ids, include_working_hours=include_working_hours,
            include_rates=include_rates, pinned_ids=pinned_ids,
        )  # fmt: skip

        async def fetch(page: int, size: int) -> tuple[list[OrganizationUser], int | None]:
            params = size_params("list_users", page, size)
            result = await self._run(list_users.asyncio_detailed, options, **query, **params)
            return page_of(result, "list_users", OrganizationUser)

        return AsyncPager(
            fetch,
            operation="list_users",
            page_size=page_size,
            max_items=max_items,
            max_pages=max_pages,
        )
