"""`RoleCache`: the roles a client has listed, per organization, for role-name lookups.

On the ground floor because every client holds one from its construction on
(`_client/config.py`, `_client/resources.py`), while the role matching that fills it is a
workflow (`_embody/roles.py`). It needs no generated model at run time, so building a
client does not load the `Role` model (`make bench`, "5. Import time").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toggl_focus_api.models import Role

__all__ = ["RoleCache"]


class RoleCache:
    """The roles of each organization, as last listed for a name lookup, per client.

    A role name or code (`invite_and_embody(..., role="member")`, `resolve_role`) is matched
    against this instead of `GET roles` each time; `with_options` copies share it, separate
    clients never do. `focus.roles.cache_clear()` forgets it; a name it does not hold is
    looked up once more (a role created since). `focus.roles.list()` is never cached.
    """

    def __init__(self) -> None:
        self._roles: dict[int, tuple[Role, ...]] = {}

    def get(self, organization_id: int) -> list[Role] | None:
        """A fresh list of the cached roles (None: not cached)."""
        found = self._roles.get(organization_id)
        return None if found is None else list(found)

    def put(self, organization_id: int, roles: list[Role]) -> None:
        self._roles[organization_id] = tuple(roles)

    def clear(self) -> None:
        self._roles.clear()
