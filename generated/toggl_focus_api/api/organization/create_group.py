from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.group import Group
from ...models.group_request import GroupRequest
from ...types import Response


def _get_kwargs(
    organization_id: int,
    *,
    body: GroupRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/organizations/{organization_id}/groups".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Group | None:
    if response.status_code == 201:
        from ...types import FAST_MISS, fast_json

        response_201 = fast_json(response.content, Group)
        if response_201 is FAST_MISS:
            response_201 = Group.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Group]:
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
    body: GroupRequest,
) -> Response[Error | Group]:
    """Create organization group

     Creates a group under an organization for the given users and workspaces. The body
    must carry all four fields (Toggl's published spec requires them).

    Args:
        organization_id (int):
        body (GroupRequest): A group's name, emoji, member organization-user ids and workspace ids
            (create and
            update). Toggl's published spec requires all four, so an update always says the
            whole group (an empty list is sent as `[]`, never left out).
             Example: {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121],
            'workspaces': [7001]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GroupRequest,
) -> Error | Group | None:
    """Create organization group

     Creates a group under an organization for the given users and workspaces. The body
    must carry all four fields (Toggl's published spec requires them).

    Args:
        organization_id (int):
        body (GroupRequest): A group's name, emoji, member organization-user ids and workspace ids
            (create and
            update). Toggl's published spec requires all four, so an update always says the
            whole group (an empty list is sent as `[]`, never left out).
             Example: {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121],
            'workspaces': [7001]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GroupRequest,
) -> Response[Error | Group]:
    """Create organization group

     Creates a group under an organization for the given users and workspaces. The body
    must carry all four fields (Toggl's published spec requires them).

    Args:
        organization_id (int):
        body (GroupRequest): A group's name, emoji, member organization-user ids and workspace ids
            (create and
            update). Toggl's published spec requires all four, so an update always says the
            whole group (an empty list is sent as `[]`, never left out).
             Example: {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121],
            'workspaces': [7001]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: GroupRequest,
) -> Error | Group | None:
    """Create organization group

     Creates a group under an organization for the given users and workspaces. The body
    must carry all four fields (Toggl's published spec requires them).

    Args:
        organization_id (int):
        body (GroupRequest): A group's name, emoji, member organization-user ids and workspace ids
            (create and
            update). Toggl's published spec requires all four, so an update always says the
            whole group (an empty list is sent as `[]`, never left out).
             Example: {'emoji': '🎨', 'name': 'Design', 'organization_users': [5120, 5121],
            'workspaces': [7001]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
