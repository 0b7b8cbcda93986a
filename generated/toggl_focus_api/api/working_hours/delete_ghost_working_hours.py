from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    body: list[int],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/organizations/{organization_id}/{workspace_id}/workinghours/ghosts/{ghost_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            workspace_id=quote(str(workspace_id), safe=""),
            ghost_id=quote(str(ghost_id), safe=""),
        ),
    }

    _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
) -> Response[Any | Error]:
    """Delete working hours for the specified ghost

     Deletes working hours for the specified ghost. The body is a bare array of
    `working_hour_id`s. **decision**: ids that do not exist are ignored.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):
        body (list[int]): A bare array of `working_hour_id`s to delete (**decision**: the page
            types it only
            as an array of integer).
             Example: [77001, 77002].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
) -> Any | Error | None:
    """Delete working hours for the specified ghost

     Deletes working hours for the specified ghost. The body is a bare array of
    `working_hour_id`s. **decision**: ids that do not exist are ignored.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):
        body (list[int]): A bare array of `working_hour_id`s to delete (**decision**: the page
            types it only
            as an array of integer).
             Example: [77001, 77002].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
) -> Response[Any | Error]:
    """Delete working hours for the specified ghost

     Deletes working hours for the specified ghost. The body is a bare array of
    `working_hour_id`s. **decision**: ids that do not exist are ignored.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):
        body (list[int]): A bare array of `working_hour_id`s to delete (**decision**: the page
            types it only
            as an array of integer).
             Example: [77001, 77002].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
) -> Any | Error | None:
    """Delete working hours for the specified ghost

     Deletes working hours for the specified ghost. The body is a bare array of
    `working_hour_id`s. **decision**: ids that do not exist are ignored.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):
        body (list[int]): A bare array of `working_hour_id`s to delete (**decision**: the page
            types it only
            as an array of integer).
             Example: [77001, 77002].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            ghost_id=ghost_id,
            client=client,
            body=body,
        )
    ).parsed
