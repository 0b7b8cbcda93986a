"""The one exception hierarchy of toggl_focus: everything the client raises is a FocusError.

Status errors keep the raw `httpx.Response`, so nothing the server said is lost; no
message ever contains the API token (it travels only in the Authorization header).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import httpx

from . import quota as _quota
from ._ground import retry as _retry

if TYPE_CHECKING:
    from toggl_focus_api.models import Ghost, OrganizationUser, Role

    from ._ground.invites import InviteResult

__all__ = [
    "AlreadyEmbodiedError",
    "AmbiguousMemberError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "EmbodyError",
    "FocusConfigError",
    "FocusConnectionError",
    "FocusDecodeError",
    "FocusError",
    "FocusStatusError",
    "FocusTimeoutError",
    "InvalidInviteError",
    "MemberNotFoundError",
    "NotFoundError",
    "PaginationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PlanRestrictedError",
    "QuotaExceededError",
    "RoleNotFoundError",
    "ServerError",
    "UnexpectedStatusError",
]


class FocusError(Exception):
    """Base class of every error raised by toggl_focus."""

    #: Set when the error stopped a listing: the page it failed to fetch. To go on later
    #: without buying the pages already fetched again, call `list()` with the same
    #: arguments and `start_page=err.next_page`. None otherwise.
    next_page: int | None = None


class FocusConfigError(FocusError, ValueError):
    """The client was configured or called with invalid input; no request was sent."""


class FocusConnectionError(FocusError):
    """The request did not get an HTTP response (DNS, refused, reset, dropped connection)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class FocusTimeoutError(FocusConnectionError):
    """The request timed out (connect, write, read or pool)."""


class FocusDecodeError(FocusError):
    """A response arrived but its body does not match the spec; `body` keeps the raw bytes.

    For a body that could not be decoded (a broken or layered Content-Encoding), `body` is
    the body as it came, still encoded, and `response.content` is empty.
    """

    def __init__(
        self, message: str, *, response: httpx.Response, body: bytes | None = None
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        if body is not None:
            self.body = body
            return
        try:
            self.body = response.content
        except httpx.ResponseNotRead:  # the body itself could not be read or decoded
            self.body = b""


class FocusStatusError(FocusError):
    """The API answered with an error status; fields come from the spec's Error body if any."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        self.method = response.request.method
        self.url = str(response.request.url)
        body = _error_body(response)
        self.error: str | None = _str_or_none(body.get("error"))
        self.error_description: str | None = _str_or_none(body.get("error_description"))
        values = body.get("error_values")
        self.error_values: dict[str, Any] = dict(values) if isinstance(values, Mapping) else {}
        self.trace_id: str | None = _str_or_none(body.get("trace_id"))
        self.body = response.content
        super().__init__(self._message())

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (`Retry-After` of a 429 or 503), else None.

        Counted from now (an HTTP-date moves closer); junk is None (see `_retry`).
        """
        return _retry.retry_after(self.response)

    def _message(self) -> str:
        what = self.error_description or self.error
        if what is None and 300 <= self.status_code < 400:
            where = self.response.headers.get("location")
            what = (
                f"redirect to {where!r} not followed (the Focus API documents no redirects; "
                "check base_url)"
            )
        if what is None:
            text = self.body[:200].decode("utf-8", "replace").strip()
            shape = "body without error fields" if _is_json(self.body) else "non-JSON body"
            what = f"{shape}: {text!r}" if text else "empty body"
        trace = f", trace_id {self.trace_id}" if self.trace_id else ""
        code = self.error or _reason(self.status_code)
        return f"{self.status_code} {code}: {what} ({self.method} {self.url}{trace})"


class BadRequestError(FocusStatusError):
    """400 or 422: the request was invalid."""


class AuthenticationError(FocusStatusError):
    """401: the API key is missing, invalid or expired."""


class PaymentRequiredError(FocusStatusError):
    """402: the hourly quota is spent or the plan lacks the feature (see the two subclasses)."""


class QuotaExceededError(PaymentRequiredError):
    """402 with `X-Toggl-Quota-Remaining: 0`: wait `resets_in` seconds before the next request."""

    def __init__(self, response: httpx.Response, *, resets_in: float | None) -> None:
        self.remaining = 0
        self.resets_in = resets_in
        super().__init__(response)

    def _message(self) -> str:
        when = f"; resets in {self.resets_in:.0f} s" if self.resets_in is not None else ""
        return f"hourly request quota spent{when}. " + super()._message()


class PlanRestrictedError(PaymentRequiredError):
    """402 without a spent quota: the feature is not available on the organization's plan."""


class PermissionDeniedError(FocusStatusError):
    """403: the key's user may not do this."""


class NotFoundError(FocusStatusError):
    """404: the resource does not exist."""


class ConflictError(FocusStatusError):
    """409: the request conflicts with the current state (e.g. a ghost already embodied)."""


class ServerError(FocusStatusError):
    """5xx: the server or a proxy in front of it failed."""


class UnexpectedStatusError(FocusStatusError):
    """Any other status, including ones outside the IANA registry such as 499."""


class PaginationError(FocusError):
    """A listing stopped because the server did not end it sanely; no further page was requested.

    The page at `page` repeated the previous page's ids (the server ignores `?page=`), gave
    a different total than the first page, or lay past the pager's `max_pages`. The
    `pages_fetched` pages before it (of `operation`) were fetched and yielded.
    """

    def __init__(self, message: str, *, operation: str, page: int, pages_fetched: int) -> None:
        super().__init__(message)
        self.operation = operation
        self.page = page
        self.pages_fetched = pages_fetched


class InvalidInviteError(FocusConfigError):
    """An invite response lacks `recipient_org_user_id`/`recipient_user_account_id` as integers."""


class RoleNotFoundError(FocusConfigError):
    """A role name or code matches no role (or several) of the organization; `roles` lists them."""

    def __init__(self, message: str, *, wanted: str, roles: list[Role]) -> None:
        super().__init__(message)
        self.wanted = wanted
        self.roles = roles


class MemberNotFoundError(FocusError):
    """No organization member (joined or invited) has the email: invite them first."""

    def __init__(self, message: str, *, email: str) -> None:
        super().__init__(message)
        self.email = email


class AmbiguousMemberError(FocusError):
    """Several organization members have the email; `members` lists them."""

    def __init__(self, message: str, *, email: str, members: list[OrganizationUser]) -> None:
        super().__init__(message)
        self.email = email
        self.members = members


EmbodyStep = Literal["invite", "embody"]


class EmbodyError(FocusError):
    """Invite-then-embody failed at `step`; the cause is `__cause__` (also `.cause`).

    When `invite` is set the invite succeeded: pass it instead of the email to finish with
    the embody step alone, so a retry never invites twice. `requests` is what the call spent.
    """

    def __init__(
        self,
        message: str,
        *,
        step: EmbodyStep,
        ghost_id: int,
        email: str,
        invite: InviteResult | None,
        requests: int,
    ) -> None:
        super().__init__(message)
        self.step: EmbodyStep = step
        self.ghost_id = ghost_id
        self.email = email
        self.invite = invite
        self.requests = requests

    @property
    def cause(self) -> BaseException | None:
        """The underlying error (a FocusError, or whatever a custom inviter raised)."""
        return self.__cause__


class AlreadyEmbodiedError(EmbodyError):
    """409 and the ghost is embodied by someone else: organization user `user_id`."""

    def __init__(
        self,
        message: str,
        *,
        ghost: Ghost,
        user_id: int,
        email: str,
        invite: InviteResult,
        requests: int,
    ) -> None:
        super().__init__(
            message, step="embody", ghost_id=ghost.id, email=email, invite=invite, requests=requests
        )
        self.ghost = ghost
        self.user_id = user_id


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: deep nesting
        return {}
    return body if isinstance(body, dict) else {}


def _is_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return True


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


def _reason(status: int) -> str:
    return httpx.codes.get_reason_phrase(status) or "Unknown Status"


_BY_STATUS: dict[int, type[FocusStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
}


def error_for_response(response: httpx.Response) -> FocusStatusError:
    """The typed error for an error response; a 402 is a spent quota only when the API says so."""
    status = response.status_code
    if status == 402:
        remaining = response.headers.get("X-Toggl-Quota-Remaining", "").strip()
        body = _error_body(response)
        said_quota = "quota" in str(body.get("error", "")).lower()
        if remaining == "0" or said_quota:
            return QuotaExceededError(response, resets_in=_quota.resets_in_header(response))
        return PlanRestrictedError(response)
    if status in _BY_STATUS:
        return _BY_STATUS[status](response)
    if 500 <= status <= 599:
        return ServerError(response)
    return UnexpectedStatusError(response)
