from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.created_ghost import CreatedGhost
from ...models.error import Error
from ...models.ghost_create import GhostCreate
from ...types import Response


def _get_kwargs(
    organization_id: int,
    workspace_id: int,
    *,
    body: GhostCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/organizations/{organization_id}/workspaces/{workspace_id}/ghosts".format(
            organization_id=quote(str(organization_id), safe=""),
            workspace_id=quote(str(workspace_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreatedGhost | Error | None:
    if response.status_code == 201:
        from ...types import FAST_MISS, fast_json

        response_201 = fast_json(response.content, CreatedGhost)
        if response_201 is FAST_MISS:
            response_201 = CreatedGhost.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedGhost | Error]:
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
    body: GhostCreate,
) -> Response[CreatedGhost | Error]:
    """Create ghost

     Create a new ghost.

    The page documents 201 without a body table, and no source shows that body: see
    the 201 response.

    Args:
        organization_id (int):
        workspace_id (int):
        body (GhostCreate): A new ghost. `assign_*` are ids of projects, tasks and teams to assign
            it to. Example: {'assign_projects': [202], 'assign_tasks': [3010], 'assign_teams': [41],
            'description': 'Senior designer to hire in Q2', 'name': 'Designer (TBH)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedGhost | Error]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        body=body,
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
    body: GhostCreate,
) -> CreatedGhost | Error | None:
    """Create ghost

     Create a new ghost.

    The page documents 201 without a body table, and no source shows that body: see
    the 201 response.

    Args:
        organization_id (int):
        workspace_id (int):
        body (GhostCreate): A new ghost. `assign_*` are ids of projects, tasks and teams to assign
            it to. Example: {'assign_projects': [202], 'assign_tasks': [3010], 'assign_teams': [41],
            'description': 'Senior designer to hire in Q2', 'name': 'Designer (TBH)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedGhost | Error
    """

    return sync_detailed(
        organization_id=organization_id,
        workspace_id=workspace_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GhostCreate,
) -> Response[CreatedGhost | Error]:
    """Create ghost

     Create a new ghost.

    The page documents 201 without a body table, and no source shows that body: see
    the 201 response.

    Args:
        organization_id (int):
        workspace_id (int):
        body (GhostCreate): A new ghost. `assign_*` are ids of projects, tasks and teams to assign
            it to. Example: {'assign_projects': [202], 'assign_tasks': [3010], 'assign_teams': [41],
            'description': 'Senior designer to hire in Q2', 'name': 'Designer (TBH)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedGhost | Error]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GhostCreate,
) -> CreatedGhost | Error | None:
    """Create ghost

     Create a new ghost.

    The page documents 201 without a body table, and no source shows that body: see
    the 201 response.

    Args:
        organization_id (int):
        workspace_id (int):
        body (GhostCreate): A new ghost. `assign_*` are ids of projects, tasks and teams to assign
            it to. Example: {'assign_projects': [202], 'assign_tasks': [3010], 'assign_teams': [41],
            'description': 'Senior designer to hire in Q2', 'name': 'Designer (TBH)'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedGhost | Error
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            client=client,
            body=body,
        )
    ).parsed
