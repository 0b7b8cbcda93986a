"""`focus.groups`, `focus.roles`, `focus.teams` and `focus.users`: the organization's people."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, partial
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

from .._client.resources import (
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
from .pager import AsyncPager
from .runner import AsyncResource, to_raw_page_wrapper, to_raw_response_wrapper

SortDir = SortDirection | Literal["asc", "desc"]
Summaries = list[GroupSummary]
Roles = list[Role]
Args = dict[str, Any]


def _deletion(parsed: object) -> dict[str, bool]:
    """The booleans of a delete_group answer; {} when its 200 body is empty or unusable."""
    return dict(parsed.additional_properties) if isinstance(parsed, GroupDeletion) else {}


class AsyncGroups(AsyncResource):
    """Organization groups: create, update (replace), delete, and the caller's own groups."""

    @cached_property
    def with_raw_response(self) -> AsyncGroupsWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""
        return AsyncGroupsWithRawResponse(self)

    def _body(
        self, name: object, emoji: object, organization_users: object, workspaces: object
    ) -> GroupRequest:
        # All four fields, always: Toggl's spec requires them, and PUT replaces the group.
        return GroupRequest(
            name=_check.non_empty("name", name),
            emoji=_check.text("emoji", emoji),
            organization_users=_check.ids("organization_users", organization_users),
            workspaces=_check.ids("workspaces", workspaces),
        )

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
        """Create a group of organization users (ids) in workspaces (ids).

        `emoji` is required: the API requires it and no default can be justified (`""` may
        be rejected). The lists default to empty: a new group may start with nobody.
        """
        body = self._body(name, emoji, organization_users, workspaces)
        org = self._ctx.org(organization_id)
        result = await self._run(
            create_group.asyncio_detailed, options, body=body, organization_id=org
        )
        return expect(result, Group)

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
        """Replace a group's name, emoji, members and workspaces (PUT semantics).

        All four are required: a default would silently replace the group's members or
        workspaces with nothing.
        """
        group = _check.positive_id("group_id", group_id)  # required: None is not "create"
        body = self._body(name, emoji, organization_users, workspaces)
        org = self._ctx.org(organization_id)
        result = await self._run(
            update_group.asyncio_detailed, options, group_id=group, body=body, organization_id=org
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
        """Delete a group; the API checks permission against `workspace_id`.

        Returns the answer's booleans (keys undocumented; {} when the 200 has no usable body).
        """
        args = {
            "group_id": _check.positive_id("group_id", group_id),
            "workspace_id": self._ctx.ws(workspace_id),
            "organization_id": self._ctx.org(organization_id),
        }
        result = await self._run_or_none(delete_group.asyncio_detailed, options, 200, **args)
        return {} if result is None else _deletion(result.parsed)

    async def mine(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Summaries:
        """The groups the API key's user belongs to."""
        org = self._ctx.org(organization_id)
        result = await self._run(list_my_groups.asyncio_detailed, options, organization_id=org)
        return items_of(result, GroupSummary)


class AsyncRolesResource(AsyncResource):
    """Organization roles; a role's `role_id` is what embodying a ghost takes."""

    @cached_property
    def with_raw_response(self) -> AsyncRolesWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""
        return AsyncRolesWithRawResponse(self)

    def cache_clear(self) -> None:
        """Forget the roles cached for role-name lookups (`invite_and_embody(role="member")`).

        Shared with this client's `with_options` copies; `list()` itself is never cached.
        """
        self._ctx.roles.clear()

    async def list(
        self, *, organization_id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Roles:
        """All roles of the organization (one request, no pagination)."""
        org = self._ctx.org(organization_id)
        result = await self._run(list_roles.asyncio_detailed, options, organization_id=org)
        return items_of(result, Role)


class AsyncTeams(AsyncResource):
    """A workspace's groups hydrated with their ghosts, paginated with a total."""

    @cached_property
    def with_raw_response(self) -> AsyncTeamsWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""
        return AsyncTeamsWithRawResponse(self)

    def list(
        self,
        *,
        filter: str | None = None,
        sort_dir: SortDir | None = None,
        organization_user_id: int | None = None,
        group_ids: Iterable[int] | None = None,
        query: str | None = None,
        active_members_only: bool | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        start_page: int | None = None,
        concurrency: int = 1,  # async only
        workspace_id: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Team]:
        """Iterate the workspace's teams lazily, 100 per request unless told otherwise.

        `filter` and `query` both match the team name; `active_members_only=True` leaves
        inactive and not-yet-joined members out of each team's `users`. With the async
        client, `concurrency` > 1 fetches later pages in parallel.
        """
        checked_options(options)
        params = {
            "organization_id": self._ctx.org(organization_id),
            "workspace_id": self._ctx.ws(workspace_id),
            "filter_": _check.optional(_check.text, "filter", filter),
            "sort_dir": _check.optional(_check.choice, "sort_dir", sort_dir, SortDirection),
            "organization_user_id": _check.optional(
                _check.positive_id, "organization_user_id", organization_user_id
            ),
            "group_ids": ids("group_ids", group_ids),
            "query": _check.optional(_check.text, "query", query),
            "active_members_only": _check.optional(
                _check.flag, "active_members_only", active_members_only
            ),
        }

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
            concurrency=concurrency,  # async only
            max_pages=max_pages,
            start_page=start_page,
        )


#: How each `users.list` filter is checked; the key is the argument's name.
_USER_FILTERS: dict[str, Callable[[str, Any], object]] = {
    "filter": _check.text,
    "workspaces": _check.ids,
    "user_account_ids": _check.ids,
    "org_user_ids": _check.ids,
    "groups": _check.ids,
    "toggl_products": _check.texts,
    "active_status": _check.texts,
    "roles": _check.ids,
    "only_admins": _check.flag,
    "sort_dir": partial(_check.choice, kind=SortDirection),
    "tag_ids": _check.ids,
    "include_working_hours": _check.flag,
    "include_rates": _check.flag,
    "pinned_ids": _check.ids,
    "has_group": _check.flag,
    "include_custom_fields": _check.flag,
    "cf_filter": _check.custom_field_filter,
}


class AsyncUsers(AsyncResource):
    """Organization users (invited people included). No total: stops on a short page.

    Without a total, pages cannot be fetched in parallel: they come one at a time.
    """

    @cached_property
    def with_raw_response(self) -> AsyncUsersWithRawResponse:
        """These methods returning a RawResponse: `.headers`, `.status_code`, `.parse()`."""
        return AsyncUsersWithRawResponse(self)

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
        cf_filter: Mapping[int, str] | str | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        max_pages: int | None = None,
        start_page: int | None = None,
        organization_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[OrganizationUser]:
        """Iterate users matching the filters lazily (`filter` matches name or email).

        `has_group=True` keeps users in at least one group (False: in none);
        `include_custom_fields=True` adds each user's `custom_field_values`, and
        `cf_filter={12: "Berlin", 15: "Senior"}` keeps users whose custom fields have all
        those values (or the API's text, `"12:Berlin,15:Senior"`). Both need exactly one
        workspace in `workspaces`: without it the field is left out, and `cf_filter` is a
        422 (`BadRequestError`).
        """
        checked_options(options)
        filters = {
            "filter": filter, "workspaces": workspaces, "user_account_ids": user_account_ids,
            "org_user_ids": org_user_ids, "groups": groups, "toggl_products": toggl_products,
            "active_status": active_status, "roles": roles, "only_admins": only_admins,
            "sort_dir": sort_dir, "tag_ids": tag_ids,
            "include_working_hours": include_working_hours, "include_rates": include_rates,
            "pinned_ids": pinned_ids, "has_group": has_group,
            "include_custom_fields": include_custom_fields, "cf_filter": cf_filter,
        }  # fmt: skip
        query: Args = {"organization_id": self._ctx.org(organization_id)}
        for key, value in filters.items():
            query["filter_" if key == "filter" else key] = _check.optional(
                _USER_FILTERS[key], key, value
            )

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
            start_page=start_page,
        )


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
