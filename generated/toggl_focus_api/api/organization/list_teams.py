from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sort_direction import SortDirection
from ...models.team_page import TeamPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: int,
    *,
    workspace_id: int,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    filter_: str | Unset = UNSET,
    query: str | Unset = UNSET,
    active_members_only: bool | Unset = UNSET,
    organization_user_id: int | Unset = UNSET,
    group_ids: list[int] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params["page"] = page

    params["per_page"] = per_page

    json_sort_dir: str | Unset = UNSET
    if not isinstance(sort_dir, Unset):
        json_sort_dir = sort_dir.value

    params["sort_dir"] = json_sort_dir

    params["filter"] = filter_

    params["query"] = query

    params["active_members_only"] = active_members_only

    params["organization_user_id"] = organization_user_id

    json_group_ids: list[int] | Unset = UNSET
    if not isinstance(group_ids, Unset):
        json_group_ids = group_ids

    params["group_ids"] = json_group_ids
    if isinstance(json_group_ids, list) and json_group_ids:
        params["group_ids"] = ",".join(str(item) for item in json_group_ids)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/teams".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TeamPage | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, TeamPage)
        if response_200 is FAST_MISS:
            response_200 = TeamPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | TeamPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    filter_: str | Unset = UNSET,
    query: str | Unset = UNSET,
    active_members_only: bool | Unset = UNSET,
    organization_user_id: int | Unset = UNSET,
    group_ids: list[int] | Unset = UNSET,
) -> Response[Error | TeamPage]:
    """Get organization teams with ghost IDs.

     Gets groups for a workspace, checking view_user_groups permission. Hydrates with
    local ghosts if any.

    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: teams are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        filter_ (str | Unset):
        query (str | Unset):
        active_members_only (bool | Unset):
        organization_user_id (int | Unset):
        group_ids (list[int] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TeamPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        page=page,
        per_page=per_page,
        sort_dir=sort_dir,
        filter_=filter_,
        query=query,
        active_members_only=active_members_only,
        organization_user_id=organization_user_id,
        group_ids=group_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    filter_: str | Unset = UNSET,
    query: str | Unset = UNSET,
    active_members_only: bool | Unset = UNSET,
    organization_user_id: int | Unset = UNSET,
    group_ids: list[int] | Unset = UNSET,
) -> Error | TeamPage | None:
    """Get organization teams with ghost IDs.

     Gets groups for a workspace, checking view_user_groups permission. Hydrates with
    local ghosts if any.

    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: teams are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        filter_ (str | Unset):
        query (str | Unset):
        active_members_only (bool | Unset):
        organization_user_id (int | Unset):
        group_ids (list[int] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TeamPage
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        workspace_id=workspace_id,
        page=page,
        per_page=per_page,
        sort_dir=sort_dir,
        filter_=filter_,
        query=query,
        active_members_only=active_members_only,
        organization_user_id=organization_user_id,
        group_ids=group_ids,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    filter_: str | Unset = UNSET,
    query: str | Unset = UNSET,
    active_members_only: bool | Unset = UNSET,
    organization_user_id: int | Unset = UNSET,
    group_ids: list[int] | Unset = UNSET,
) -> Response[Error | TeamPage]:
    """Get organization teams with ghost IDs.

     Gets groups for a workspace, checking view_user_groups permission. Hydrates with
    local ghosts if any.

    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: teams are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        filter_ (str | Unset):
        query (str | Unset):
        active_members_only (bool | Unset):
        organization_user_id (int | Unset):
        group_ids (list[int] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TeamPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        page=page,
        per_page=per_page,
        sort_dir=sort_dir,
        filter_=filter_,
        query=query,
        active_members_only=active_members_only,
        organization_user_id=organization_user_id,
        group_ids=group_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    filter_: str | Unset = UNSET,
    query: str | Unset = UNSET,
    active_members_only: bool | Unset = UNSET,
    organization_user_id: int | Unset = UNSET,
    group_ids: list[int] | Unset = UNSET,
) -> Error | TeamPage | None:
    """Get organization teams with ghost IDs.

     Gets groups for a workspace, checking view_user_groups permission. Hydrates with
    local ghosts if any.

    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: teams are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        filter_ (str | Unset):
        query (str | Unset):
        active_members_only (bool | Unset):
        organization_user_id (int | Unset):
        group_ids (list[int] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TeamPage
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            workspace_id=workspace_id,
            page=page,
            per_page=per_page,
            sort_dir=sort_dir,
            filter_=filter_,
            query=query,
            active_members_only=active_members_only,
            organization_user_id=organization_user_id,
            group_ids=group_ids,
        )
    ).parsed
