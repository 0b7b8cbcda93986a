"""toggl_focus: the Python client for the Toggl Focus API.

`Focus` and `AsyncFocus` are the entry points; `toggl_focus.testing` holds a fake Focus
server for tests; the generated low-level client is `toggl_focus_api` (also `focus.api`).
Set `TOGGL_FOCUS_LOG=info` or `debug` to have the `toggl_focus` logger write to stderr.

Its public names are loaded on first use (PEP 562, as httpx and openai do): `import
toggl_focus` runs only the logging set-up, and `toggl_focus.Focus` (or `from toggl_focus
import Focus`) imports the module that defines it, so a script pays for what it uses
(`make bench`, "5. Import time"). Type checkers and IDEs read the `TYPE_CHECKING` imports,
so every name keeps its exact type.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._ground.log import configure_from_env as _configure_logging
from ._ground.version import __version__

if TYPE_CHECKING:
    from ._async.batch import aembody_many
    from ._async.client import AsyncFocus
    from ._async.embody import ainvite_and_embody
    from ._async.inviters import AsyncLookupInviter
    from ._async.plans import AsyncGhostPlan, AsyncPlanResult
    from ._async.roles import aresolve_role
    from ._embody.report import EmbodyOutcome, EmbodyReport, EmbodyResult
    from ._ground.invites import AsyncInviter, Inviter, InviteResult, KnownInvite
    from ._plans.desired import DesiredGhost, desired_from_rows
    from ._plans.errors import (
        DuplicateKeyError,
        LookalikeNameError,
        PlanApplyError,
        PlanBudgetError,
        PlanError,
        StalePlanError,
    )
    from ._sync.batch import embody_many
    from ._sync.client import Focus
    from ._sync.embody import invite_and_embody
    from ._sync.inviters import LookupInviter
    from ._sync.plans import GhostPlan, PlanResult
    from ._sync.roles import resolve_role
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


#: Each public name -> the module that defines it (the same as the TYPE_CHECKING imports;
#: tests/test_lazy_imports.py checks that the two agree). The pagers are read from
#: `pagination`, which imports their modules.
_EXPORTS = {
    "AlreadyEmbodiedError": ".errors",
    "AmbiguousMemberError": ".errors",
    "AsyncFocus": "._async.client",
    "AsyncGhostPlan": "._async.plans",
    "AsyncInviter": "._ground.invites",
    "AsyncLookupInviter": "._async.inviters",
    "AsyncPager": ".pagination",
    "AsyncPlanResult": "._async.plans",
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "ConflictError": ".errors",
    "DesiredGhost": "._plans.desired",
    "DuplicateKeyError": "._plans.errors",
    "LookalikeNameError": "._plans.errors",
    "EmbodyError": ".errors",
    "EmbodyOutcome": "._embody.report",
    "EmbodyReport": "._embody.report",
    "EmbodyResult": "._embody.report",
    "Focus": "._sync.client",
    "FocusConfigError": ".errors",
    "FocusConnectionError": ".errors",
    "FocusDecodeError": ".errors",
    "FocusError": ".errors",
    "FocusStatusError": ".errors",
    "FocusTimeoutError": ".errors",
    "GhostPlan": "._sync.plans",
    "InvalidInviteError": ".errors",
    "InviteResult": "._ground.invites",
    "Inviter": "._ground.invites",
    "KnownInvite": "._ground.invites",
    "LookupInviter": "._sync.inviters",
    "MemberNotFoundError": ".errors",
    "NotFoundError": ".errors",
    "Page": ".pagination",
    "PaginationError": ".errors",
    "PaymentRequiredError": ".errors",
    "PermissionDeniedError": ".errors",
    "PlanApplyError": "._plans.errors",
    "PlanBudgetError": "._plans.errors",
    "PlanError": "._plans.errors",
    "StalePlanError": "._plans.errors",
    "PlanRestrictedError": ".errors",
    "PlanResult": "._sync.plans",
    "Quota": ".quota",
    "QuotaExceededError": ".errors",
    "RoleNotFoundError": ".errors",
    "ServerError": ".errors",
    "SyncPager": ".pagination",
    "UnexpectedStatusError": ".errors",
    "aembody_many": "._async.batch",
    "ainvite_and_embody": "._async.embody",
    "aresolve_role": "._async.roles",
    "desired_from_rows": "._plans.desired",
    "embody_many": "._sync.batch",
    "invite_and_embody": "._sync.embody",
    "resolve_role": "._sync.roles",
}

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
    "LookalikeNameError",
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
    "StalePlanError",
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

# TOGGL_FOCUS_LOG=info|debug: a stderr handler on the `toggl_focus` logger (_ground/log.py).
_configure_logging()

# Hidden from type checkers, which see the imports above: an unknown name stays an error
# for them instead of becoming `object`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """Import a public name from its module on first use, then keep it here."""
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            value = getattr(importlib.import_module(module, __name__), name)
        except (ImportError, AttributeError) as exc:
            # Deep in a dependency (a missing or too old package); Python would report only
            # "cannot import name 'Focus' from 'toggl_focus'". Name the package instead.
            from ._ground.requirements import import_failure

            raise import_failure(f"{__name__}.{name}", exc) from exc
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The loaded names and the public ones not loaded yet (for `dir()` and completion)."""
    return sorted({*globals(), *_EXPORTS})
