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
    GroupDeletion,
    GroupRequest,
    GroupSummary,
    OrganizationUser,
    Role,
    SortDirection,
    Team,
    TeamPage,
)

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
    opt,
    page_of,
    size_params,
)

SortDir = SortDirection | Literal["asc", "desc"]
Summaries = list[GroupSummary]
Roles = list[Role]


def _group_body(
    name: str, emoji: str, organization_users: Iterable[int], workspaces: Iterable[int]
) -> GroupRequest:
    """All four fields, always: Toggl's spec requires them, and PUT replaces the group."""
    return GroupRequest(
        name=name,
        emoji=emoji,
        organization_users=[int(v) for v in organization_users],
        workspaces=[int(v) for v in workspaces],
    )


def _deletion(parsed: object) -> dict[str, bool]:
    """The booleans of a delete_group answer; {} when its 200 body is empty or unusable."""
    return dict(parsed.additional_properties) if isinstance(parsed, GroupDeletion) else {}


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
        emoji: str,
        organization_users: Iterable[int] = (),
        workspaces: Iterable[int] = (),
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Create a group of organization users (ids) in workspaces (ids).

        `emoji` is required: the API requires it and no default can be justified (`""` may
        be rejected). The lists default to empty: a new group may start with nobody.
        """
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
        emoji: str,
        organization_users: Iterable[int],
        workspaces: Iterable[int],
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Replace a group's name, emoji, members and workspaces (PUT semantics).

        All four are required: a default would silently replace the group's members or
        workspaces with nothing.
        """
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
    ) -> dict[str, bool]:
        """Delete a group; the API checks permission against `workspace_id`.

        Returns the answer's booleans (keys undocumented; {} when the 200 has no usable body).
        """
        where = self._org(organization_id)
        ws = self._ctx.ws(workspace_id)
        try:
            result = self._run(
                delete_group.sync_detailed, options, **where, group_id=group_id, workspace_id=ws
            )
        except FocusDecodeError as exc:
            if not body_unusable(exc, 200):
                raise
            return {}
        return _deletion(result.parsed)

    def mine(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Summaries:
        """The groups the API key's user belongs to."""
        result = self._run(list_my_groups.sync_detailed, options, **self._org(organization_id))
        return items_of(result, GroupSummary)


class AsyncGroups(AsyncResource, _OrgArgs):
    """Async twin of `Groups`, method for method."""

    async def create(
        self,
        name: str,
        *,
        emoji: str,
        organization_users: Iterable[int] = (),
        workspaces: Iterable[int] = (),
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Create a group of organization users (ids) in workspaces (ids); see Groups.create."""
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
        emoji: str,
        organization_users: Iterable[int],
        workspaces: Iterable[int],
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Group:
        """Replace a group's name, emoji, members and workspaces (PUT semantics; all required)."""
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
    ) -> dict[str, bool]:
        """Delete a group; returns the answer's booleans ({} without a usable body)."""
        where = self._org(organization_id)
        ws = self._ctx.ws(workspace_id)
        try:
            result = await self._run(
                delete_group.asyncio_detailed, options, **where, group_id=group_id, workspace_id=ws
            )
        except FocusDecodeError as exc:
            if not body_unusable(exc, 200):
                raise
            return {}
        return _deletion(result.parsed)

    async def mine(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Summaries:
        """The groups the API key's user belongs to."""
        result = await self._run(
            list_my_groups.asyncio_detailed, options, **self._org(organization_id)
        )
        return items_of(result, GroupSummary)


class RolesResource(SyncResource, _OrgArgs):
    """Organization roles; a role's `role_id` is what embodying a ghost takes."""

    def list(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Roles:
        """All roles of the organization (one request, no pagination)."""
        return items_of(
            self._run(list_roles.sync_detailed, options, **self._org(organization_id)), Role
        )


class AsyncRolesResource(AsyncResource, _OrgArgs):
    """Async twin of `RolesResource`."""

    async def list(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Roles:
        """All roles of the organization (one request, no pagination)."""
        result = await self._run(list_roles.asyncio_detailed, options, **self._org(organization_id))
        return items_of(result, Role)


class _TeamArgs(_OrgArgs):
    def _team_query(
        self,
        workspace_id: int | None,
        organization_id: int | None,
        filter: str | None,
        sort_dir: SortDir | None,
        organization_user_id: int | None,
        group_ids: Iterable[int] | None,
        query: str | None,
        active_members_only: bool | None,
    ) -> dict[str, Any]:
        return {
            **self._org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
            "filter_": opt(filter),
            "sort_dir": opt(_sort(sort_dir)),
            "organization_user_id": opt(organization_user_id),
            "group_ids": ids(group_ids),
            "query": opt(query),
            "active_members_only": opt(active_members_only),
        }


class Teams(SyncResource, _TeamArgs):
    """A workspace's groups hydrated with their ghosts, paginated with a total."""

    def list(
        self,
        *,
        filter: str | None = None,
        query: str | None = None,
        sort_dir: SortDir | None = None,
        organization_user_id: int | None = None,
        group_ids: Iterable[int] | None = None,
        active_members_only: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPager[Team]:
        """Lazily iterate the workspace's teams, 100 per request unless told otherwise.

        `filter` and `query` both match the team name; `active_members_only=True` leaves
        inactive and not-yet-joined members out of each team's `users`.
        """
        params = self._team_query(
            workspace_id, organization_id, filter, sort_dir, organization_user_id, group_ids,
            query, active_members_only,
        )  # fmt: skip

        def fetch(page: int, size: int) -> tuple[list[Team], int | None]:
            sizes = size_params("list_teams", page, size)
            result = self._run(list_teams.sync_detailed, options, **params, **sizes)
            expect(result, TeamPage)
            return page_of(result, "list_teams", Team)

        return SyncPager(fetch, operation="list_teams", page_size=page_size, max_items=max_items)


class AsyncTeams(AsyncResource, _TeamArgs):
    """Async twin of `Teams`."""

    def list(
        self,
        *,
        filter: str | None = None,
        query: str | None = None,
        sort_dir: SortDir | None = None,
        organization_user_id: int | None = None,
        group_ids: Iterable[int] | None = None,
        active_members_only: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        concurrency: int = 1,
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Team]:
        """Async-iterate the workspace's teams; `concurrency` > 1 fetches pages in parallel."""
        params = self._team_query(
            workspace_id, organization_id, filter, sort_dir, organization_user_id, group_ids,
            query, active_members_only,
        )  # fmt: skip

        async def fetch(page: int, size: int) -> tuple[list[Team], int | None]:
            sizes = size_params("list_teams", page, size)
            result = await self._run(list_teams.asyncio_detailed, options, **params, **sizes)
            expect(result, TeamPage)
            return page_of(result, "list_teams", Team)

        return AsyncPager(
            fetch,
            operation="list_teams",
            page_size=page_size,
            max_items=max_items,
            concurrency=concurrency,
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
        has_group: bool | None = None,
        include_custom_fields: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPager[OrganizationUser]:
        """Lazily iterate users matching the filters (`filter` matches name or email).

        `has_group=True` keeps users in at least one group (False: in none);
        `include_custom_fields=True` adds each user's `custom_field_values`.
        """
        query = self._user_query(
            organization_id, filter=filter, workspaces=workspaces,
            user_account_ids=user_account_ids, org_user_ids=org_user_ids, groups=groups,
            toggl_products=toggl_products,
            active_status=active_status, roles=roles, only_admins=only_admins, sort_dir=sort_dir,
            tag_ids=tag_ids, include_working_hours=include_working_hours,
            include_rates=include_rates, pinned_ids=pinned_ids, has_group=has_group,
            include_custom_fields=include_custom_fields,
        )  # fmt: skip

        def fetch(page: int, size: int) -> tuple[list[OrganizationUser], int | None]:
            params = size_params("list_users", page, size)
            result = self._run(list_users.sync_detailed, options, **query, **params)
            return page_of(result, "list_users", OrganizationUser)

        return SyncPager(fetch, operation="list_users", page_size=page_size, max_items=max_items)


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
        has_group: bool | None = None,
        include_custom_fields: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
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
            include_rates=include_rates, pinned_ids=pinned_ids, has_group=has_group,
            include_custom_fields=include_custom_fields,
        )  # fmt: skip

        async def fetch(page: int, size: int) -> tuple[list[OrganizationUser], int | None]:
            params = size_params("list_users", page, size)
            result = await self._run(list_users.asyncio_detailed, options, **query, **params)
            return page_of(result, "list_users", OrganizationUser)

        return AsyncPager(fetch, operation="list_users", page_size=page_size, max_items=max_items)
