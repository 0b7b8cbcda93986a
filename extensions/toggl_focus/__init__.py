"""toggl_focus: the Python client for the Toggl Focus API.

`Focus` and `AsyncFocus` are the entry points; `toggl_focus.testing` holds a fake Focus
server for tests; the generated low-level client is `toggl_focus_api` (also `focus.api`).
"""

from ._client import AsyncFocus, Focus
from .errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FocusConfigError,
    FocusConnectionError,
    FocusDecodeError,
    FocusError,
    FocusStatusError,
    FocusTimeoutError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PlanRestrictedError,
    QuotaExceededError,
    ServerError,
    UnexpectedStatusError,
)
from .pagination import AsyncPager, Page, SyncPager
from .quota import Quota

__version__ = "0.1.0"

__all__ = [
    "AsyncFocus",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Focus",
    "FocusConfigError",
    "FocusConnectionError",
    "FocusDecodeError",
    "FocusError",
    "FocusStatusError",
    "FocusTimeoutError",
    "NotFoundError",
    "Page",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PlanRestrictedError",
    "Quota",
    "QuotaExceededError",
    "ServerError",
    "SyncPager",
    "UnexpectedStatusError",
    "__version__",
]
