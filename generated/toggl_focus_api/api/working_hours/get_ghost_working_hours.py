from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.working_hours import WorkingHours
from ...types import Response


def _get_kwargs(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/{workspace_id}/workinghours/ghosts/{ghost_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            workspace_id=quote(str(workspace_id), safe=""),
            ghost_id=quote(str(ghost_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[WorkingHours] | None | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, WorkingHours, many=True, nullable=True)
        if response_200 is FAST_MISS:

            def _parse_response_200(data: object) -> list[WorkingHours] | None:
                if data is None:
                    return data
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_working_hours_list_type_0 = []
                _componentsschemas_working_hours_list_type_0 = data
                for (
                    componentsschemas_working_hours_list_type_0_item_data
                ) in _componentsschemas_working_hours_list_type_0:
                    componentsschemas_working_hours_list_type_0_item = WorkingHours.from_dict(
                        componentsschemas_working_hours_list_type_0_item_data
                    )

                    componentsschemas_working_hours_list_type_0.append(componentsschemas_working_hours_list_type_0_item)

                return componentsschemas_working_hours_list_type_0

            response_200 = _parse_response_200(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[WorkingHours] | None]:
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
) -> Response[Error | list[WorkingHours] | None]:
    """Get working hours for organization resouce/ghost

     Returns working hours for organization resource/ghost, a bare array with at most
    one entry per weekday. **decision**: a ghost outside the workspace answers 403.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[WorkingHours] | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
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
) -> Error | list[WorkingHours] | None | None:
    """Get working hours for organization resouce/ghost

     Returns working hours for organization resource/ghost, a bare array with at most
    one entry per weekday. **decision**: a ghost outside the workspace answers 403.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[WorkingHours] | None
    """

    return sync_detailed(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[WorkingHours] | None]:
    """Get working hours for organization resouce/ghost

     Returns working hours for organization resource/ghost, a bare array with at most
    one entry per weekday. **decision**: a ghost outside the workspace answers 403.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[WorkingHours] | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspace_id=workspace_id,
        ghost_id=ghost_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    workspace_id: int,
    ghost_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[WorkingHours] | None | None:
    """Get working hours for organization resouce/ghost

     Returns working hours for organization resource/ghost, a bare array with at most
    one entry per weekday. **decision**: a ghost outside the workspace answers 403.

    Args:
        organization_id (int):
        workspace_id (int):
        ghost_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[WorkingHours] | None
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            ghost_id=ghost_id,
            client=client,
        )
    ).parsed
