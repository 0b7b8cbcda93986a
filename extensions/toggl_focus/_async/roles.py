"""Role resolution: a role name or code to the organization's `Role` (`GET roles`)."""

from __future__ import annotations

from toggl_focus_api.models import Role

from .._embody.checks import Where, org, require_client
from .._embody.roles import match_role, role_id, role_name
from .client import AsyncFocus

__all__ = ["aresolve_role", "role_id_for"]


async def aresolve_role(
    focus: AsyncFocus, role: str, *, organization_id: int | None = None
) -> Role:
    """The organization's role whose code or name is `role` (any case); 1 request.

    RoleNotFoundError, listing the valid roles as "code (name, id)", when none or several match.
    """
    require_client(focus, AsyncFocus, "aresolve_role")
    role = role_name(role)
    organization = org(focus, organization_id)
    return match_role(role, await focus.roles.list(organization_id=organization), organization)


async def role_id_for(focus: AsyncFocus, where: Where) -> int:
    """The role_id of the workflow's role: as given (0 requests), or looked up by name (1)."""
    known = role_id(where.role)
    if known is not None:
        return known
    assert isinstance(where.role, str)
    roles = await focus.roles.list(organization_id=where.organization_id)
    return match_role(where.role, roles, where.organization_id).role_id
