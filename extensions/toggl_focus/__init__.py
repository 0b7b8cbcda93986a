"""toggl_focus: the Python client for the Toggl Focus API.

`Focus` and `AsyncFocus` are the entry points; `toggl_focus.testing` holds a fake Focus
server for tests; the generated low-level client is `toggl_focus_api` (also `focus.api`).
Resources, the generated operations and models, and the invite-then-embody helpers are
imported on first use, so that `import toggl_focus` stays cheap.
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncFocus, Focus
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
from .quota import Quota

if TYPE_CHECKING:
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

# Imported on first use (PEP 562): `toggl_focus.embody` and the models it needs are not
# loaded by `import toggl_focus` (scripts/bench.py measures the import time).
_EMBODY = frozenset(
    {
        "AsyncInviter",
        "AsyncLookupInviter",
        "EmbodyOutcome",
        "EmbodyReport",
        "EmbodyResult",
        "Inviter",
        "InviteResult",
        "KnownInvite",
        "LookupInviter",
        "aembody_many",
        "ainvite_and_embody",
        "aresolve_role",
        "embody_many",
        "invite_and_embody",
        "resolve_role",
    }
)


# Defined for the interpreter only: a type checker that saw a module __getattr__ would
# accept any attribute of this module (as Any), typos included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """The invite-then-embody helpers, imported from `toggl_focus.embody` on first use."""
        if name not in _EMBODY:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import embody

        value = getattr(embody, name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | _EMBODY)


__version__ = "0.1.0"

__all__ = [
    "AlreadyEmbodiedError",
    "AmbiguousMemberError",
    "AsyncFocus",
    "AsyncInviter",
    "AsyncLookupInviter",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
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
    "PlanRestrictedError",
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
    "embody_many",
    "invite_and_embody",
    "resolve_role",
]
