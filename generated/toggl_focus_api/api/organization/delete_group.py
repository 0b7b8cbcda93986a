from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.group_deletion import GroupDeletion
from ...types import UNSET, Response


def _get_kwargs(
    organization_id: int,
    group_id: int,
    *,
    workspace_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/organizations/{organization_id}/groups/{group_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            group_id=quote(str(group_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GroupDeletion | None | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, GroupDeletion, nullable=True)
        if response_200 is FAST_MISS:

            def _parse_response_200(data: object) -> GroupDeletion | None:
                if data is None:
                    return data
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = GroupDeletion.from_dict(data)

                return response_200_type_0

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | GroupDeletion | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
) -> Response[Error | GroupDeletion | None]:
    """Delete organization group

     Deletes a group from an organization. Toggl's published spec answers 200 with a
    JSON object of booleans (`GroupDeletion`), which a Go server sends as `null` when
    the map is nil (read as `{}`).

    Args:
        organization_id (int):
        group_id (int):
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupDeletion | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        group_id=group_id,
        workspace_id=workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
) -> Error | GroupDeletion | None | None:
    """Delete organization group

     Deletes a group from an organization. Toggl's published spec answers 200 with a
    JSON object of booleans (`GroupDeletion`), which a Go server sends as `null` when
    the map is nil (read as `{}`).

    Args:
        organization_id (int):
        group_id (int):
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupDeletion | None
    """

    return sync_detailed(
        organization_id=organization_id,
        group_id=group_id,
        client=client,
        workspace_id=workspace_id,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
) -> Response[Error | GroupDeletion | None]:
    """Delete organization group

     Deletes a group from an organization. Toggl's published spec answers 200 with a
    JSON object of booleans (`GroupDeletion`), which a Go server sends as `null` when
    the map is nil (read as `{}`).

    Args:
        organization_id (int):
        group_id (int):
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GroupDeletion | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        group_id=group_id,
        workspace_id=workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspace_id: int,
) -> Error | GroupDeletion | None | None:
    """Delete organization group

     Deletes a group from an organization. Toggl's published spec answers 200 with a
    JSON object of booleans (`GroupDeletion`), which a Go server sends as `null` when
    the map is nil (read as `{}`).

    Args:
        organization_id (int):
        group_id (int):
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GroupDeletion | None
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            group_id=group_id,
            client=client,
            workspace_id=workspace_id,
        )
    ).parsed
