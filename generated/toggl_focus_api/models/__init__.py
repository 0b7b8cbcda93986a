"""Contains all the data models used in inputs/outputs"""

from .assign_action import AssignAction
from .assigned_project import AssignedProject
from .assigned_task import AssignedTask
from .created_ghost import CreatedGhost
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

__all__ = (
    "AssignAction",
    "AssignedProject",
    "AssignedTask",
    "CreatedGhost",
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
