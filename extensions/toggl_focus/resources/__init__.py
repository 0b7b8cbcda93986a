"""Resource classes behind `Focus` and `AsyncFocus` attributes (ghosts, working_hours, ...)."""

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

__all__ = [
    "AsyncGhosts",
    "AsyncGroups",
    "AsyncRolesResource",
    "AsyncTeams",
    "AsyncUsers",
    "AsyncWorkingHoursResource",
    "Ghosts",
    "Groups",
    "RolesResource",
    "Teams",
    "Users",
    "WorkingHoursResource",
]
