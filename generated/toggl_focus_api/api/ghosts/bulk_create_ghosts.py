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
    body: list[GhostCreate],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/organizations/{organization_id}/workspaces/{workspace_id}/ghosts/bulk_create".format(
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
) -> Error | list[CreatedGhost] | None | None:
    if response.status_code == 201:
        from ...types import FAST_MISS, fast_json

        response_201 = fast_json(response.content, CreatedGhost, many=True, nullable=True)
        if response_201 is FAST_MISS:

            def _parse_response_201(data: object) -> list[CreatedGhost] | None:
                if data is None:
                    return data
                if not isinstance(data, list):
                    raise TypeError()
                response_201_type_0 = []
                _response_201_type_0 = data
                for response_201_type_0_item_data in _response_201_type_0:
                    response_201_type_0_item = CreatedGhost.from_dict(response_201_type_0_item_data)

                    response_201_type_0.append(response_201_type_0_item)

                return response_201_type_0

            response_201 = _parse_response_201(response.json())

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
) -> Response[Error | list[CreatedGhost] | None]:
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
    body: list[GhostCreate],
) -> Response[Error | list[CreatedGhost] | None]:
    """Bulk create ghosts

     Create multiple new ghosts. The body is a bare JSON array of `GhostCreate`.

    **decision**: the batch is all-or-nothing: one invalid item rejects the whole
    request with 400, and a 201 means every item was created.

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostCreate]): At most 100 ghosts per request (**decision**: the page gives no
            maximum; 100 is also the largest page of list_ghosts). Clients split larger sets into
            batches.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[CreatedGhost] | None]
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
    body: list[GhostCreate],
) -> Error | list[CreatedGhost] | None | None:
    """Bulk create ghosts

     Create multiple new ghosts. The body is a bare JSON array of `GhostCreate`.

    **decision**: the batch is all-or-nothing: one invalid item rejects the whole
    request with 400, and a 201 means every item was created.

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostCreate]): At most 100 ghosts per request (**decision**: the page gives no
            maximum; 100 is also the largest page of list_ghosts). Clients split larger sets into
            batches.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[CreatedGhost] | None
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
    body: list[GhostCreate],
) -> Response[Error | list[CreatedGhost] | None]:
    """Bulk create ghosts

     Create multiple new ghosts. The body is a bare JSON array of `GhostCreate`.

    **decision**: the batch is all-or-nothing: one invalid item rejects the whole
    request with 400, and a 201 means every item was created.

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostCreate]): At most 100 ghosts per request (**decision**: the page gives no
            maximum; 100 is also the largest page of list_ghosts). Clients split larger sets into
            batches.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[CreatedGhost] | None]
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
    body: list[GhostCreate],
) -> Error | list[CreatedGhost] | None | None:
    """Bulk create ghosts

     Create multiple new ghosts. The body is a bare JSON array of `GhostCreate`.

    **decision**: the batch is all-or-nothing: one invalid item rejects the whole
    request with 400, and a 201 means every item was created.

    Args:
        organization_id (int):
        workspace_id (int):
        body (list[GhostCreate]): At most 100 ghosts per request (**decision**: the page gives no
            maximum; 100 is also the largest page of list_ghosts). Clients split larger sets into
            batches.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[CreatedGhost] | None
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            workspace_id=workspace_id,
            client=client,
            body=body,
        )
    ).parsed
