"""Resource classes behind `Focus` and `AsyncFocus` attributes (ghosts, working_hours, ...).

Nothing here is imported until it is used: each resource module imports the generated
operations and models it runs, so `Focus` builds a resource (and imports its module) the
first time the attribute is read (`SyncResources` / `AsyncResources`), and the classes below
are imported on first access (PEP 562). `import toggl_focus` then loads no generated model
or operation, and a script that only lists ghosts never loads the organization's.
"""

from __future__ import annotations

import importlib
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._base import Context
    from .ghosts import AsyncGhosts, Ghosts
    from .organization import (
        AsyncGroups,
        AsyncRolesResource,
        AsyncTeams,
        AsyncUsers,
        Groups,
        RolesResource,
        Teams,
        Users,
    )
    from .working_hours import AsyncWorkingHoursResource, WorkingHoursResource

_MODULES = {
    "AsyncGhosts": ".ghosts",
    "Ghosts": ".ghosts",
    "AsyncGroups": ".organization",
    "AsyncRolesResource": ".organization",
    "AsyncTeams": ".organization",
    "AsyncUsers": ".organization",
    "Groups": ".organization",
    "RolesResource": ".organization",
    "Teams": ".organization",
    "Users": ".organization",
    "AsyncWorkingHoursResource": ".working_hours",
    "WorkingHoursResource": ".working_hours",
}


# Defined for the interpreter only: a type checker that saw a module __getattr__ would
# accept any attribute of this module (as Any), typos included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import a resource class on first use (and keep it)."""
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))


class SyncResources:
    """`Focus`'s resource attributes, each built (and its module imported) on first read."""

    def _context(self) -> Context:
        raise NotImplementedError  # provided by the client class

    @cached_property
    def ghosts(self) -> Ghosts:
        """Ghosts: list, get, create (one or many), update (one or many), delete, embody."""
        from .ghosts import Ghosts

        return Ghosts(self._context())

    @cached_property
    def working_hours(self) -> WorkingHoursResource:
        """Working hours of users and ghosts: get, create, update, delete."""
        from .working_hours import WorkingHoursResource

        return WorkingHoursResource(self._context())

    @cached_property
    def groups(self) -> Groups:
        """The organization's groups: create, update, delete, and the token owner's (`mine`)."""
        from .organization import Groups

        return Groups(self._context())

    @cached_property
    def roles(self) -> RolesResource:
        """The organization's roles: list."""
        from .organization import RolesResource

        return RolesResource(self._context())

    @cached_property
    def teams(self) -> Teams:
        """Teams: list."""
        from .organization import Teams

        return Teams(self._context())

    @cached_property
    def users(self) -> Users:
        """The organization's users: list."""
        from .organization import Users

        return Users(self._context())


class AsyncResources:
    """`AsyncFocus`'s resource attributes, each built on first read, like `SyncResources`."""

    def _context(self) -> Context:
        raise NotImplementedError  # provided by the client class

    @cached_property
    def ghosts(self) -> AsyncGhosts:
        """Ghosts: list, get, create (one or many), update (one or many), delete, embody."""
        from .ghosts import AsyncGhosts

        return AsyncGhosts(self._context())

    @cached_property
    def working_hours(self) -> AsyncWorkingHoursResource:
        """Working hours of users and ghosts: get, create, update, delete."""
        from .working_hours import AsyncWorkingHoursResource

        return AsyncWorkingHoursResource(self._context())

    @cached_property
    def groups(self) -> AsyncGroups:
        """The organization's groups: create, update, delete, and the token owner's (`mine`)."""
        from .organization import AsyncGroups

        return AsyncGroups(self._context())

    @cached_property
    def roles(self) -> AsyncRolesResource:
        """The organization's roles: list."""
        from .organization import AsyncRolesResource

        return AsyncRolesResource(self._context())

    @cached_property
    def teams(self) -> AsyncTeams:
        """Teams: list."""
        from .organization import AsyncTeams

        return AsyncTeams(self._context())

    @cached_property
    def users(self) -> AsyncUsers:
        """The organization's users: list."""
        from .organization import AsyncUsers

        return AsyncUsers(self._context())


__all__ = [
    "AsyncGhosts",
    "AsyncGroups",
    "AsyncResources",
    "AsyncRolesResource",
    "AsyncTeams",
    "AsyncUsers",
    "AsyncWorkingHoursResource",
    "Ghosts",
    "Groups",
    "RolesResource",
    "SyncResources",
    "Teams",
    "Users",
    "WorkingHoursResource",
]
