"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .assign_action import AssignAction
    from .assigned_project import AssignedProject
    from .assigned_task import AssignedTask
    from .created_ghost import CreatedGhost
    from .custom_field_value import CustomFieldValue
    from .error import Error
    from .error_values import ErrorValues
    from .ghost import Ghost
    from .ghost_assignments import GhostAssignments
    from .ghost_bulk_update import GhostBulkUpdate
    from .ghost_create import GhostCreate
    from .ghost_embody import GhostEmbody
    from .ghost_page import GhostPage
    from .ghost_ref import GhostRef
    from .ghost_update import GhostUpdate
    from .group import Group
    from .group_deletion import GroupDeletion
    from .group_request import GroupRequest
    from .group_summary import GroupSummary
    from .group_user import GroupUser
    from .group_workspace import GroupWorkspace
    from .organization_user import OrganizationUser
    from .organization_user_group import OrganizationUserGroup
    from .organization_user_workspace import OrganizationUserWorkspace
    from .permission import Permission
    from .role import Role
    from .sort_direction import SortDirection
    from .team import Team
    from .team_page import TeamPage
    from .user_permissions import UserPermissions
    from .user_rate import UserRate
    from .user_tag import UserTag
    from .working_hours import WorkingHours
    from .working_hours_create import WorkingHoursCreate
    from .working_hours_update import WorkingHoursUpdate

# toggl-focus template: each model's module, imported by __getattr__ on first use.
_MODULES = {
    "AssignAction": ".assign_action",
    "AssignedProject": ".assigned_project",
    "AssignedTask": ".assigned_task",
    "CreatedGhost": ".created_ghost",
    "CustomFieldValue": ".custom_field_value",
    "Error": ".error",
    "ErrorValues": ".error_values",
    "Ghost": ".ghost",
    "GhostAssignments": ".ghost_assignments",
    "GhostBulkUpdate": ".ghost_bulk_update",
    "GhostCreate": ".ghost_create",
    "GhostEmbody": ".ghost_embody",
    "GhostPage": ".ghost_page",
    "GhostRef": ".ghost_ref",
    "GhostUpdate": ".ghost_update",
    "Group": ".group",
    "GroupDeletion": ".group_deletion",
    "GroupRequest": ".group_request",
    "GroupSummary": ".group_summary",
    "GroupUser": ".group_user",
    "GroupWorkspace": ".group_workspace",
    "OrganizationUser": ".organization_user",
    "OrganizationUserGroup": ".organization_user_group",
    "OrganizationUserWorkspace": ".organization_user_workspace",
    "Permission": ".permission",
    "Role": ".role",
    "SortDirection": ".sort_direction",
    "Team": ".team",
    "TeamPage": ".team_page",
    "UserPermissions": ".user_permissions",
    "UserRate": ".user_rate",
    "UserTag": ".user_tag",
    "WorkingHours": ".working_hours",
    "WorkingHoursCreate": ".working_hours_create",
    "WorkingHoursUpdate": ".working_hours_update",
}


# Defined for the interpreter only: a type checker that saw a module __getattr__ would
# accept any attribute of this module (as Any), typos included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import a model on first use (and keep it, so this runs once per model)."""
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "AssignAction",
    "AssignedProject",
    "AssignedTask",
    "CreatedGhost",
    "CustomFieldValue",
    "Error",
    "ErrorValues",
    "Ghost",
    "GhostAssignments",
    "GhostBulkUpdate",
    "GhostCreate",
    "GhostEmbody",
    "GhostPage",
    "GhostRef",
    "GhostUpdate",
    "Group",
    "GroupDeletion",
    "GroupRequest",
    "GroupSummary",
    "GroupUser",
    "GroupWorkspace",
    "OrganizationUser",
    "OrganizationUserGroup",
    "OrganizationUserWorkspace",
    "Permission",
    "Role",
    "SortDirection",
    "Team",
    "TeamPage",
    "UserPermissions",
    "UserRate",
    "UserTag",
    "WorkingHours",
    "WorkingHoursCreate",
    "WorkingHoursUpdate",
)
