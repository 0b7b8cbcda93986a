from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ghost_page import GhostPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: int,
    workspace_id: int,
    *,
    page: int | Unset = 1,
    rows: int | Unset = 50,
    order_by: str | Unset = "name,asc",
    search: str | Unset = UNSET,
    project_ids: list[int] | Unset = UNSET,
    task_ids: list[int] | Unset = UNSET,
    team_ids: list[int] | Unset = UNSET,
    ghost_ids: list[int] | Unset = UNSET,
    include_embodied: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["rows"] = rows

    params["order_by"] = order_by

    params["search"] = search

    json_project_ids: list[int] | Unset = UNSET
    if not isinstance(project_ids, Unset):
        json_project_ids = project_ids

    params["project_ids"] = json_project_ids
    if isinstance(json_project_ids, list) and json_project_ids:
        params["project_ids"] = ",".join(str(item) for item in json_project_ids)

    json_task_ids: list[int] | Unset = UNSET
    if not isinstance(task_ids, Unset):
        json_task_ids = task_ids

    params["task_ids"] = json_task_ids
    if isinstance(json_task_ids, list) and json_task_ids:
        params["task_ids"] = ",".join(str(item) for item in json_task_ids)

    json_team_ids: list[int] | Unset = UNSET
    if not isinstance(team_ids, Unset):
        json_team_ids = team_ids

    params["team_ids"] = json_team_ids
    if isinstance(json_team_ids, list) and json_team_ids:
        params["team_ids"] = ",".join(str(item) for item in json_team_ids)

    json_ghost_ids: list[int] | Unset = UNSET
    if not isinstance(ghost_ids, Unset):
        json_ghost_ids = ghost_ids

    params["ghost_ids"] = json_ghost_ids
    if isinstance(json_ghost_ids, list) and json_ghost_ids:
        params["ghost_ids"] = ",".join(str(item) for item in json_ghost_ids)

    params["include_embodied"] = include_embodied

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/workspaces/{workspace_id}/ghosts".format(
            organization_id=quote(str(organization_id), safe=""),
            workspace_id=quote(str(workspace_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GhostPage | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, GhostPage)
        if response_200 is FAST_MISS:
            response_200 = GhostPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | GhostPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    rows: int | Unset = 50,
    order_by: str | Unset = "name,asc",
    search: str | Unset = UNSET,
    project_ids: list[int] | Unset = UNSET,
    task_ids: list[int] | Unset = UNSET,
    team_ids: list[int] | Unset = UNSET,
    ghost_ids: list[int] | Unset = UNSET,
    include_embodied: bool | Unset = False,
) -> Response[Error | GhostPage]:
    """Get all ghosts

     List all ghosts, paginated, sorted (by name), and searchable (by name).

    Pages are numbered from 1 (see `page`). Embodied ghosts are left out unless
    `include_embodied=true`. **decision**: filters combine with AND; within one id
    filter, any listed id matches.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        rows (int | Unset):  Default: 50.
        order_by (str | Unset):  Default: 'name,asc'.
        search (str | Unset):
        project_ids (list[int] | Unset):
        task_ids (list[int] | Unset):
        team_ids (list[int] | Unset):
        ghost_ids (list[int] | Unset):
        include_embodied (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GhostPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        page=page,
        rows=rows,
        order_by=order_by,
        search=search,
        project_ids=project_ids,
        task_ids=task_ids,
        team_ids=team_ids,
        ghost_ids=ghost_ids,
        include_embodied=include_embodied,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    rows: int | Unset = 50,
    order_by: str | Unset = "name,asc",
    search: str | Unset = UNSET,
    project_ids: list[int] | Unset = UNSET,
    task_ids: list[int] | Unset = UNSET,
    team_ids: list[int] | Unset = UNSET,
    ghost_ids: list[int] | Unset = UNSET,
    include_embodied: bool | Unset = False,
) -> Error | GhostPage | None:
    """Get all ghosts

     List all ghosts, paginated, sorted (by name), and searchable (by name).

    Pages are numbered from 1 (see `page`). Embodied ghosts are left out unless
    `include_embodied=true`. **decision**: filters combine with AND; within one id
    filter, any listed id matches.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        rows (int | Unset):  Default: 50.
        order_by (str | Unset):  Default: 'name,asc'.
        search (str | Unset):
        project_ids (list[int] | Unset):
        task_ids (list[int] | Unset):
        team_ids (list[int] | Unset):
        ghost_ids (list[int] | Unset):
        include_embodied (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GhostPage
    """

    return sync_detailed(
        organization_id=organization_id,
        workspace_id=workspace_id,
        client=client,
        page=page,
        rows=rows,
        order_by=order_by,
        search=search,
        project_ids=project_ids,
        task_ids=task_ids,
        team_ids=team_ids,
        ghost_ids=ghost_ids,
        include_embodied=include_embodied,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    rows: int | Unset = 50,
    order_by: str | Unset = "name,asc",
    search: str | Unset = UNSET,
    project_ids: list[int] | Unset = UNSET,
    task_ids: list[int] | Unset = UNSET,
    team_ids: list[int] | Unset = UNSET,
    ghost_ids: list[int] | Unset = UNSET,
    include_embodied: bool | Unset = False,
) -> Response[Error | GhostPage]:
    """Get all ghosts

     List all ghosts, paginated, sorted (by name), and searchable (by name).

    Pages are numbered from 1 (see `page`). Embodied ghosts are left out unless
    `include_embodied=true`. **decision**: filters combine with AND; within one id
    filter, any listed id matches.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        rows (int | Unset):  Default: 50.
        order_by (str | Unset):  Default: 'name,asc'.
        search (str | Unset):
        project_ids (list[int] | Unset):
        task_ids (list[int] | Unset):
        team_ids (list[int] | Unset):
        ghost_ids (list[int] | Unset):
        include_embodied (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GhostPage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        page=page,
        rows=rows,
        order_by=order_by,
        search=search,
        project_ids=project_ids,
        task_ids=task_ids,
        team_ids=team_ids,
        ghost_ids=ghost_ids,
        include_embodied=include_embodied,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    rows: int | Unset = 50,
    order_by: str | Unset = "name,asc",
    search: str | Unset = UNSET,
    project_ids: list[int] | Unset = UNSET,
    task_ids: list[int] | Unset = UNSET,
    team_ids: list[int] | Unset = UNSET,
    ghost_ids: list[int] | Unset = UNSET,
    include_embodied: bool | Unset = False,
) -> Error | GhostPage | None:
    """Get all ghosts

     List all ghosts, paginated, sorted (by name), and searchable (by name).

    Pages are numbered from 1 (see `page`). Embodied ghosts are left out unless
    `include_embodied=true`. **decision**: filters combine with AND; within one id
    filter, any listed id matches.

    Args:
        organization_id (int):
        workspace_id (int):
        page (int | Unset):  Default: 1.
        rows (int | Unset):  Default: 50.
        order_by (str | Unset):  Default: 'name,asc'.
        search (str | Unset):
        project_ids (list[int] | Unset):
        task_ids (list[int] | Unset):
        team_ids (list[int] | Unset):
        ghost_ids (list[int] | Unset):
        include_embodied (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GhostPage
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            client=client,
            page=page,
            rows=rows,
            order_by=order_by,
            search=search,
            project_ids=project_ids,
            task_ids=task_ids,
            team_ids=team_ids,
            ghost_ids=ghost_ids,
            include_embodied=include_embodied,
        )
    ).parsed
