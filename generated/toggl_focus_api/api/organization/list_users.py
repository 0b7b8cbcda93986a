from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.organization_user import OrganizationUser
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: int,
    *,
    workspaces: list[int] | Unset = UNSET,
    user_account_ids: list[int] | Unset = UNSET,
    org_user_ids: list[int] | Unset = UNSET,
    groups: list[int] | Unset = UNSET,
    toggl_products: list[str] | Unset = UNSET,
    active_status: list[str] | Unset = UNSET,
    roles: list[int] | Unset = UNSET,
    only_admins: bool | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    tag_ids: list[int] | Unset = UNSET,
    include_working_hours: bool | Unset = UNSET,
    include_rates: bool | Unset = UNSET,
    has_group: bool | Unset = UNSET,
    include_custom_fields: bool | Unset = UNSET,
    pinned_ids: list[int] | Unset = UNSET,
    cf_filter: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_workspaces: list[int] | Unset = UNSET
    if not isinstance(workspaces, Unset):
        json_workspaces = workspaces

    params["workspaces"] = json_workspaces
    if isinstance(json_workspaces, list) and json_workspaces:
        params["workspaces"] = ",".join(str(item) for item in json_workspaces)

    json_user_account_ids: list[int] | Unset = UNSET
    if not isinstance(user_account_ids, Unset):
        json_user_account_ids = user_account_ids

    params["user_account_ids"] = json_user_account_ids
    if isinstance(json_user_account_ids, list) and json_user_account_ids:
        params["user_account_ids"] = ",".join(str(item) for item in json_user_account_ids)

    json_org_user_ids: list[int] | Unset = UNSET
    if not isinstance(org_user_ids, Unset):
        json_org_user_ids = org_user_ids

    params["org_user_ids"] = json_org_user_ids
    if isinstance(json_org_user_ids, list) and json_org_user_ids:
        params["org_user_ids"] = ",".join(str(item) for item in json_org_user_ids)

    json_groups: list[int] | Unset = UNSET
    if not isinstance(groups, Unset):
        json_groups = groups

    params["groups"] = json_groups
    if isinstance(json_groups, list) and json_groups:
        params["groups"] = ",".join(str(item) for item in json_groups)

    json_toggl_products: list[str] | Unset = UNSET
    if not isinstance(toggl_products, Unset):
        json_toggl_products = toggl_products

    params["toggl_products"] = json_toggl_products
    if isinstance(json_toggl_products, list) and json_toggl_products:
        params["toggl_products"] = ",".join(str(item) for item in json_toggl_products)

    json_active_status: list[str] | Unset = UNSET
    if not isinstance(active_status, Unset):
        json_active_status = active_status

    params["active_status"] = json_active_status
    if isinstance(json_active_status, list) and json_active_status:
        params["active_status"] = ",".join(str(item) for item in json_active_status)

    json_roles: list[int] | Unset = UNSET
    if not isinstance(roles, Unset):
        json_roles = roles

    params["roles"] = json_roles
    if isinstance(json_roles, list) and json_roles:
        params["roles"] = ",".join(str(item) for item in json_roles)

    params["only_admins"] = only_admins

    params["filter"] = filter_

    json_sort_dir: str | Unset = UNSET
    if not isinstance(sort_dir, Unset):
        json_sort_dir = sort_dir.value

    params["sort_dir"] = json_sort_dir

    params["page"] = page

    params["per_page"] = per_page

    json_tag_ids: list[int] | Unset = UNSET
    if not isinstance(tag_ids, Unset):
        json_tag_ids = tag_ids

    params["tag_ids"] = json_tag_ids
    if isinstance(json_tag_ids, list) and json_tag_ids:
        params["tag_ids"] = ",".join(str(item) for item in json_tag_ids)

    params["include_working_hours"] = include_working_hours

    params["include_rates"] = include_rates

    params["has_group"] = has_group

    params["include_custom_fields"] = include_custom_fields

    json_pinned_ids: list[int] | Unset = UNSET
    if not isinstance(pinned_ids, Unset):
        json_pinned_ids = pinned_ids

    params["pinned_ids"] = json_pinned_ids
    if isinstance(json_pinned_ids, list) and json_pinned_ids:
        params["pinned_ids"] = ",".join(str(item) for item in json_pinned_ids)

    params["cf_filter"] = cf_filter

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/users".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[OrganizationUser] | None | None:
    if response.status_code == 200:
        from ...types import FAST_MISS, fast_json

        response_200 = fast_json(response.content, OrganizationUser, many=True, nullable=True)
        if response_200 is FAST_MISS:

            def _parse_response_200(data: object) -> list[OrganizationUser] | None:
                if data is None:
                    return data
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for response_200_type_0_item_data in _response_200_type_0:
                    response_200_type_0_item = OrganizationUser.from_dict(response_200_type_0_item_data)

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[OrganizationUser] | None]:
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
    workspaces: list[int] | Unset = UNSET,
    user_account_ids: list[int] | Unset = UNSET,
    org_user_ids: list[int] | Unset = UNSET,
    groups: list[int] | Unset = UNSET,
    toggl_products: list[str] | Unset = UNSET,
    active_status: list[str] | Unset = UNSET,
    roles: list[int] | Unset = UNSET,
    only_admins: bool | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    tag_ids: list[int] | Unset = UNSET,
    include_working_hours: bool | Unset = UNSET,
    include_rates: bool | Unset = UNSET,
    has_group: bool | Unset = UNSET,
    include_custom_fields: bool | Unset = UNSET,
    pinned_ids: list[int] | Unset = UNSET,
    cf_filter: str | Unset = UNSET,
) -> Response[Error | list[OrganizationUser] | None]:
    """Get organization users

     Proxies to accounts organization users endpoint with guest scoping. Guests only see
    users who share projects with them.

    The answer is a bare array with no total: the last page is the first one shorter
    than `per_page`. Invited people appear with `invite_sent: true`, `joined: false`.
    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: users are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspaces (list[int] | Unset):
        user_account_ids (list[int] | Unset):
        org_user_ids (list[int] | Unset):
        groups (list[int] | Unset):
        toggl_products (list[str] | Unset):
        active_status (list[str] | Unset):
        roles (list[int] | Unset):
        only_admins (bool | Unset):
        filter_ (str | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        tag_ids (list[int] | Unset):
        include_working_hours (bool | Unset):
        include_rates (bool | Unset):
        has_group (bool | Unset):
        include_custom_fields (bool | Unset):
        pinned_ids (list[int] | Unset):
        cf_filter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[OrganizationUser] | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspaces=workspaces,
        user_account_ids=user_account_ids,
        org_user_ids=org_user_ids,
        groups=groups,
        toggl_products=toggl_products,
        active_status=active_status,
        roles=roles,
        only_admins=only_admins,
        filter_=filter_,
        sort_dir=sort_dir,
        page=page,
        per_page=per_page,
        tag_ids=tag_ids,
        include_working_hours=include_working_hours,
        include_rates=include_rates,
        has_group=has_group,
        include_custom_fields=include_custom_fields,
        pinned_ids=pinned_ids,
        cf_filter=cf_filter,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspaces: list[int] | Unset = UNSET,
    user_account_ids: list[int] | Unset = UNSET,
    org_user_ids: list[int] | Unset = UNSET,
    groups: list[int] | Unset = UNSET,
    toggl_products: list[str] | Unset = UNSET,
    active_status: list[str] | Unset = UNSET,
    roles: list[int] | Unset = UNSET,
    only_admins: bool | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    tag_ids: list[int] | Unset = UNSET,
    include_working_hours: bool | Unset = UNSET,
    include_rates: bool | Unset = UNSET,
    has_group: bool | Unset = UNSET,
    include_custom_fields: bool | Unset = UNSET,
    pinned_ids: list[int] | Unset = UNSET,
    cf_filter: str | Unset = UNSET,
) -> Error | list[OrganizationUser] | None | None:
    """Get organization users

     Proxies to accounts organization users endpoint with guest scoping. Guests only see
    users who share projects with them.

    The answer is a bare array with no total: the last page is the first one shorter
    than `per_page`. Invited people appear with `invite_sent: true`, `joined: false`.
    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: users are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspaces (list[int] | Unset):
        user_account_ids (list[int] | Unset):
        org_user_ids (list[int] | Unset):
        groups (list[int] | Unset):
        toggl_products (list[str] | Unset):
        active_status (list[str] | Unset):
        roles (list[int] | Unset):
        only_admins (bool | Unset):
        filter_ (str | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        tag_ids (list[int] | Unset):
        include_working_hours (bool | Unset):
        include_rates (bool | Unset):
        has_group (bool | Unset):
        include_custom_fields (bool | Unset):
        pinned_ids (list[int] | Unset):
        cf_filter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[OrganizationUser] | None
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        workspaces=workspaces,
        user_account_ids=user_account_ids,
        org_user_ids=org_user_ids,
        groups=groups,
        toggl_products=toggl_products,
        active_status=active_status,
        roles=roles,
        only_admins=only_admins,
        filter_=filter_,
        sort_dir=sort_dir,
        page=page,
        per_page=per_page,
        tag_ids=tag_ids,
        include_working_hours=include_working_hours,
        include_rates=include_rates,
        has_group=has_group,
        include_custom_fields=include_custom_fields,
        pinned_ids=pinned_ids,
        cf_filter=cf_filter,
    ).parsed


async def asyncio_detailed(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspaces: list[int] | Unset = UNSET,
    user_account_ids: list[int] | Unset = UNSET,
    org_user_ids: list[int] | Unset = UNSET,
    groups: list[int] | Unset = UNSET,
    toggl_products: list[str] | Unset = UNSET,
    active_status: list[str] | Unset = UNSET,
    roles: list[int] | Unset = UNSET,
    only_admins: bool | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    tag_ids: list[int] | Unset = UNSET,
    include_working_hours: bool | Unset = UNSET,
    include_rates: bool | Unset = UNSET,
    has_group: bool | Unset = UNSET,
    include_custom_fields: bool | Unset = UNSET,
    pinned_ids: list[int] | Unset = UNSET,
    cf_filter: str | Unset = UNSET,
) -> Response[Error | list[OrganizationUser] | None]:
    """Get organization users

     Proxies to accounts organization users endpoint with guest scoping. Guests only see
    users who share projects with them.

    The answer is a bare array with no total: the last page is the first one shorter
    than `per_page`. Invited people appear with `invite_sent: true`, `joined: false`.
    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: users are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspaces (list[int] | Unset):
        user_account_ids (list[int] | Unset):
        org_user_ids (list[int] | Unset):
        groups (list[int] | Unset):
        toggl_products (list[str] | Unset):
        active_status (list[str] | Unset):
        roles (list[int] | Unset):
        only_admins (bool | Unset):
        filter_ (str | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        tag_ids (list[int] | Unset):
        include_working_hours (bool | Unset):
        include_rates (bool | Unset):
        has_group (bool | Unset):
        include_custom_fields (bool | Unset):
        pinned_ids (list[int] | Unset):
        cf_filter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[OrganizationUser] | None]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        workspaces=workspaces,
        user_account_ids=user_account_ids,
        org_user_ids=org_user_ids,
        groups=groups,
        toggl_products=toggl_products,
        active_status=active_status,
        roles=roles,
        only_admins=only_admins,
        filter_=filter_,
        sort_dir=sort_dir,
        page=page,
        per_page=per_page,
        tag_ids=tag_ids,
        include_working_hours=include_working_hours,
        include_rates=include_rates,
        has_group=has_group,
        include_custom_fields=include_custom_fields,
        pinned_ids=pinned_ids,
        cf_filter=cf_filter,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: int,
    *,
    client: AuthenticatedClient | Client,
    workspaces: list[int] | Unset = UNSET,
    user_account_ids: list[int] | Unset = UNSET,
    org_user_ids: list[int] | Unset = UNSET,
    groups: list[int] | Unset = UNSET,
    toggl_products: list[str] | Unset = UNSET,
    active_status: list[str] | Unset = UNSET,
    roles: list[int] | Unset = UNSET,
    only_admins: bool | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_dir: SortDirection | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = UNSET,
    tag_ids: list[int] | Unset = UNSET,
    include_working_hours: bool | Unset = UNSET,
    include_rates: bool | Unset = UNSET,
    has_group: bool | Unset = UNSET,
    include_custom_fields: bool | Unset = UNSET,
    pinned_ids: list[int] | Unset = UNSET,
    cf_filter: str | Unset = UNSET,
) -> Error | list[OrganizationUser] | None | None:
    """Get organization users

     Proxies to accounts organization users endpoint with guest scoping. Guests only see
    users who share projects with them.

    The answer is a bare array with no total: the last page is the first one shorter
    than `per_page`. Invited people appear with `invite_sent: true`, `joined: false`.
    Pages are numbered from 1 and the default `per_page` is not documented (see the
    parameters). **decision**: users are sorted by name in `sort_dir` order.

    Args:
        organization_id (int):
        workspaces (list[int] | Unset):
        user_account_ids (list[int] | Unset):
        org_user_ids (list[int] | Unset):
        groups (list[int] | Unset):
        toggl_products (list[str] | Unset):
        active_status (list[str] | Unset):
        roles (list[int] | Unset):
        only_admins (bool | Unset):
        filter_ (str | Unset):
        sort_dir (SortDirection | Unset): Sort direction. Example: asc.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):
        tag_ids (list[int] | Unset):
        include_working_hours (bool | Unset):
        include_rates (bool | Unset):
        has_group (bool | Unset):
        include_custom_fields (bool | Unset):
        pinned_ids (list[int] | Unset):
        cf_filter (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[OrganizationUser] | None
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            workspaces=workspaces,
            user_account_ids=user_account_ids,
            org_user_ids=org_user_ids,
            groups=groups,
            toggl_products=toggl_products,
            active_status=active_status,
            roles=roles,
            only_admins=only_admins,
            filter_=filter_,
            sort_dir=sort_dir,
            page=page,
            per_page=per_page,
            tag_ids=tag_ids,
            include_working_hours=include_working_hours,
            include_rates=include_rates,
            has_group=has_group,
            include_custom_fields=include_custom_fields,
            pinned_ids=pinned_ids,
            cf_filter=cf_filter,
        )
    ).parsed
