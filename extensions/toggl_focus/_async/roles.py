"""Role resolution: a role name or code to the organization's `Role` (`GET roles`, cached)."""

from __future__ import annotations

from toggl_focus_api.models import Role

from .._embody.checks import Where, org, require_client
from .._embody.roles import match_role, role_id, role_name
from ..errors import RoleNotFoundError
from .client import AsyncFocus

__all__ = ["aresolve_role", "role_id_for"]


async def aresolve_role(
    focus: AsyncFocus, role: str, *, organization_id: int | None = None
) -> Role:
    """The organization's role whose code or name is `role` (any case).

    1 request the first time per client and organization, 0 after: the roles are cached
    (`focus.roles.cache_clear()` forgets them; a name the cache lacks is looked up again).
    RoleNotFoundError, listing the valid roles as "code (name, id)", when none or several match.
    """
    require_client(focus, AsyncFocus, "aresolve_role")
    role = role_name(role)
    return await _match(focus, role, org(focus, organization_id))


async def role_id_for(focus: AsyncFocus, where: Where) -> int:
    """The role_id of the workflow's role: as given (0 requests), or looked up by name (0-1)."""
    known = role_id(where.role)
    if known is not None:
        return known
    assert isinstance(where.role, str)
    return (await _match(focus, where.role, where.organization_id)).role_id


async def _match(focus: AsyncFocus, wanted: str, organization_id: int) -> Role:
    """Match against the cached roles; on a miss, against a fresh list (a role added since)."""
    cache = focus._role_cache
    cached = cache.get(organization_id)
    if cached is not None:
        try:
            return match_role(wanted, cached, organization_id)
        except RoleNotFoundError:
            pass
    roles = await focus.roles.list(organization_id=organization_id)
    cache.put(organization_id, roles)
    return match_role(wanted, roles, organization_id)
