"""Role matching, shared by `resolve_role`/`aresolve_role` and the embody workflows.

The lookups themselves (`GET roles`) are written once, async, in `_async/roles.py`.
"""

from __future__ import annotations

from toggl_focus_api.models import Role

from .._ground import check as _check
from ..errors import FocusConfigError, RoleNotFoundError

__all__ = ["RoleSpec", "check_role", "match_role", "role_id", "role_name"]

RoleSpec = int | str | Role


def _describe(role: Role) -> str:
    code = role.code if isinstance(role.code, str) and role.code else "-"
    name = role.name if isinstance(role.name, str) else "?"
    return f"{code} ({name}, id {role.role_id})"


def match_role(wanted: str, roles: list[Role], organization_id: int) -> Role:
    """The one role whose code or name is `wanted` (any case), else RoleNotFoundError."""
    key = wanted.strip().casefold()
    found = {
        r.role_id: r
        for r in roles
        if any(
            isinstance(text, str) and text.strip().casefold() == key for text in (r.name, r.code)
        )
    }
    if len(found) == 1:
        return next(iter(found.values()))
    if found:
        what = f"role {wanted!r} is ambiguous: it matches " + ", ".join(
            map(_describe, found.values())
        )
        raise RoleNotFoundError(what + "; pass the role_id", wanted=wanted, roles=roles)
    valid = ", ".join(map(_describe, roles)) or "none"
    raise RoleNotFoundError(
        f"no role {wanted!r} in organization {organization_id}; valid roles: {valid}",
        wanted=wanted,
        roles=roles,
    )


def check_role(role: object) -> RoleSpec:
    if isinstance(role, Role):
        return role
    if isinstance(role, bool) or not isinstance(role, int | str):
        raise FocusConfigError(
            "role must be a role_id (int), a role name or code (str) or a Role, "
            f"got {_check.given(role)}"
        )
    if isinstance(role, int):
        return _check.positive_id("role_id", role)
    return role_name(role)


def role_name(role: object) -> str:
    return _check.non_empty("role (a name or code)", role)


def role_id(role: RoleSpec) -> int | None:
    """The role_id known without a request (None for a name or code)."""
    if isinstance(role, Role):
        return role.role_id
    return role if isinstance(role, int) else None
