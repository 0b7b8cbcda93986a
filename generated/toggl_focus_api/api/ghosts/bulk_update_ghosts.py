from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ghost import Ghost
from ...models.ghost_bulk_update import GhostBulkUpdate
from ...types import Response


def _get_kwargs(
    organization_id: int,
    workspace_id: int,
    *,
    body: list[GhostBulkUpdate],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/organizations/{organization_id}/workspaces/{workspace_id}/ghosts/bulk_update".format(
            organization_id=quote(str(organization_id), safe=""),
            workspace_id=quote(str(workspace_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Ghost] | None | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, Ghost, many=True, nullable=True)
        if response_200 is FAST_MISS:

            def _parse_response_200(data: object) -> list[Ghost] | None:
                if data is None:
                    return data
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for response_200_type_0_item_data in _response_200_type_0:
                    response_200_type_0_item = Ghost.from_dict(response_200_type_0_item_data)

                    response_200_type_0.append(response_200_type_0_item)

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Ghost] | None]:
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
    body: list[GhostBulkUpdate],
) -> Response[Error | list[Ghost] | None]:
    """Bulk update ghosts

     Update multiple ghosts. The body is a bare JSON array of `GhostBulkUpdate`, each
    naming its ghost by `id`; the 200 answer is a bare array of the updated ghosts.

    **decision**: all-or-nothing; an unknown or embodied ghost id, or an invalid
    item, rejects the whole batch with 400 (the page documents no 404 here).

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostBulkUpdate]): At most 100 ghosts per request (**decision**: the page gives
            no maximum), as for bulk_create_ghosts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Ghost] | None]
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
    body: list[GhostBulkUpdate],
) -> Error | list[Ghost] | None | None:
    """Bulk update ghosts

     Update multiple ghosts. The body is a bare JSON array of `GhostBulkUpdate`, each
    naming its ghost by `id`; the 200 answer is a bare array of the updated ghosts.

    **decision**: all-or-nothing; an unknown or embodied ghost id, or an invalid
    item, rejects the whole batch with 400 (the page documents no 404 here).

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostBulkUpdate]): At most 100 ghosts per request (**decision**: the page gives
            no maximum), as for bulk_create_ghosts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Ghost] | None
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
    body: list[GhostBulkUpdate],
) -> Response[Error | list[Ghost] | None]:
    """Bulk update ghosts

     Update multiple ghosts. The body is a bare JSON array of `GhostBulkUpdate`, each
    naming its ghost by `id`; the 200 answer is a bare array of the updated ghosts.

    **decision**: all-or-nothing; an unknown or embodied ghost id, or an invalid
    item, rejects the whole batch with 400 (the page documents no 404 here).

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostBulkUpdate]): At most 100 ghosts per request (**decision**: the page gives
            no maximum), as for bulk_create_ghosts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Ghost] | None]
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
    body: list[GhostBulkUpdate],
) -> Error | list[Ghost] | None | None:
    """Bulk update ghosts

     Update multiple ghosts. The body is a bare JSON array of `GhostBulkUpdate`, each
    naming its ghost by `id`; the 200 answer is a bare array of the updated ghosts.

    **decision**: all-or-nothing; an unknown or embodied ghost id, or an invalid
    item, rejects the whole batch with 400 (the page documents no 404 here).

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostBulkUpdate]): At most 100 ghosts per request (**decision**: the page gives
            no maximum), as for bulk_create_ghosts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Ghost] | None
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            client=client,
            body=body,
        )
    ).parsed
