"""toggl_focus: the Python client for the Toggl Focus API.

`Focus` and `AsyncFocus` are the entry points; `toggl_focus.testing` holds a fake Focus
server for tests; the generated low-level client is `toggl_focus_api` (also `focus.api`).
Set `TOGGL_FOCUS_LOG=info` or `debug` to have the `toggl_focus` logger write to stderr.
"""

from ._client import AsyncFocus, Focus
from ._logging import configure_from_env as _configure_logging
from .embody import (
    AsyncInviter,
    AsyncLookupInviter,
    EmbodyOutcome,
    EmbodyReport,
    EmbodyResult,
    Inviter,
    InviteResult,
    KnownInvite,
    LookupInviter,
    aembody_many,
    ainvite_and_embody,
    aresolve_role,
    embody_many,
    invite_and_embody,
    resolve_role,
)
from .errors import (
    AlreadyEmbodiedError,
    AmbiguousMemberError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    EmbodyError,
    FocusConfigError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    InvalidInviteError,
    MemberNotFoundError,
    NotFoundError,
    PaginationError,
    PaymentRequiredError,
    PermissionDeniedError,
    PlanRestrictedError,
    QuotaExceededError,
    RoleNotFoundError,
    ServerError,
    UnexpectedStatusError,
)
from .pagination import AsyncPager, Page, SyncPager
from .plans import (
    AsyncGhostPlan,
    AsyncPlanResult,
    DesiredGhost,
    DuplicateKeyError,
    GhostPlan,
    PlanApplyError,
    PlanBudgetError,
    PlanError,
    PlanResult,
    desired_from_rows,
)
from .quota import Quota

__version__ = "0.1.0"

__all__ = [
    "AlreadyEmbodiedError",
    "AmbiguousMemberError",
    "AsyncFocus",
    "AsyncGhostPlan",
    "AsyncInviter",
    "AsyncLookupInviter",
    "AsyncPager",
    "AsyncPlanResult",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DesiredGhost",
    "DuplicateKeyError",
    "EmbodyError",
    "EmbodyOutcome",
    "EmbodyReport",
    "EmbodyResult",
    "Focus",
    "FocusConfigError",
    "FocusConnectionError",
    "FocusDecodeError",
    "FocusError",
    "FocusStatusError",
    "FocusTimeoutError",
    "GhostPlan",
    "InvalidInviteError",
    "InviteResult",
    "Inviter",
    "KnownInvite",
    "LookupInviter",
    "MemberNotFoundError",
    "NotFoundError",
    "Page",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PlanApplyError",
    "PlanBudgetError",
    "PlanError",
    "PlanRestrictedError",
    "PlanResult",
    "Quota",
    "QuotaExceededError",
    "RoleNotFoundError",
    "ServerError",
    "SyncPager",
    "UnexpectedStatusError",
    "__version__",
    "aembody_many",
    "ainvite_and_embody",
    "aresolve_role",
    "desired_from_rows",
    "embody_many",
    "invite_and_embody",
    "resolve_role",
]

# TOGGL_FOCUS_LOG=info|debug: a stderr handler on the `toggl_focus` logger (_logging.py).
_configure_logging()
