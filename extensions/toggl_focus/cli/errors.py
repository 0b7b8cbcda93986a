"""Exit codes and the one-line error messages of the `focus` command.

Every failure ends the command with one line on stderr (`focus: error: ...`) and a stable
exit code, so scripts can branch on the kind of failure without parsing text. The status
errors' own messages already carry the status, the API's error code and description, the
request and the `trace_id` (see `toggl_focus.errors.FocusStatusError`); `describe()` adds
what to check where the status alone does not say it: the host that did not answer, the
source of a refused token (never the token), the ids a 403 was about. The line quotes the
server's text, so it goes through `safe.visible` (no escape sequence reaches the terminal).
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from .safe import visible

if TYPE_CHECKING:
    from ..errors import FocusError
    from .config import Settings

__all__ = ["EXIT_CODES_HELP", "CliError", "Exit", "describe"]


class Exit(IntEnum):
    """The exit codes of `focus` (documented in README.md and `focus --help`)."""

    OK = 0
    API = 1  # the API answered with an error, or an answer that does not fit the spec
    USAGE = 2  # bad flags, arguments, input files or configuration, or a confirmation
    # declined (`confirm.py`); nothing was sent
    QUOTA = 3  # the hourly request quota is spent (402 with X-Toggl-Quota-Remaining: 0)
    NOT_FOUND = 4  # 404, or no organization member with the email
    DENIED = 5  # 401, 403, or a feature not on the organization's plan (402)
    NETWORK = 6  # no answer: connection refused or dropped, timeout
    PARTIAL = 7  # a bulk operation finished with some items failed (the report says which)
    STALE = 8  # a saved plan is stale or applied already: nothing was sent; plan again
    INTERRUPTED = 130  # Ctrl-C
    OUTPUT_CLOSED = 141  # stdout closed early (`| head`): 128 + SIGPIPE, as a shell reports it


EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 API error, 2 usage error or a confirmation declined (nothing "
    "written; an unknown role name or plan id is found by reading first), 3 quota spent, "
    "4 not found, 5 authentication or permission denied, 6 network error (no answer), "
    "7 bulk operation partly failed, 8 saved plan stale or applied already (nothing sent: "
    "plan again), 130 interrupted, 141 output closed early (| head)."
)


class CliError(Exception):
    """A failure the CLI itself detects (bad input, missing configuration): one line, a code."""

    def __init__(self, message: str, code: Exit = Exit.USAGE) -> None:
        super().__init__(message)
        self.code = code


def _code(exc: BaseException) -> Exit:
    """The exit code for a toggl_focus error (an EmbodyError by its cause)."""
    from .. import errors as e
    from .._plans import errors as p

    if isinstance(exc, p.StalePlanError):
        return Exit.STALE
    if isinstance(exc, p.PlanApplyError):
        return _code(exc.cause)
    if isinstance(exc, p.PlanBudgetError):
        over_quota = exc.remaining is not None and exc.cost > exc.remaining
        return Exit.QUOTA if over_quota and exc.budget is None else Exit.USAGE
    if isinstance(exc, e.EmbodyError) and not isinstance(exc, e.AlreadyEmbodiedError):
        cause = exc.cause
        return _code(cause) if isinstance(cause, e.FocusError) else Exit.API
    table: list[tuple[type[BaseException], Exit]] = [
        (e.FocusConfigError, Exit.USAGE),
        (e.QuotaExceededError, Exit.QUOTA),
        (e.NotFoundError, Exit.NOT_FOUND),
        (e.MemberNotFoundError, Exit.NOT_FOUND),
        (e.AuthenticationError, Exit.DENIED),
        (e.PermissionDeniedError, Exit.DENIED),
        (e.PlanRestrictedError, Exit.DENIED),
        (e.FocusConnectionError, Exit.NETWORK),
    ]
    for kind, code in table:
        if isinstance(exc, kind):
            return code
    return Exit.API


def describe(exc: FocusError | CliError, settings: Settings | None = None) -> tuple[Exit, str]:
    """The exit code and the one-line message for an error the command ends with.

    `settings` (those the run used, when it got as far as reading them) lets the message
    say where the token came from and which base URL did not answer.
    """
    if isinstance(exc, CliError):
        return exc.code, _one_line(str(exc))
    from ..errors import AlreadyEmbodiedError as AlreadyEmbodied
    from ..errors import EmbodyError, FocusStatusError

    text = _lead(exc, settings) + str(exc)
    if isinstance(exc, EmbodyError):
        text = text.split(". Pass err.invite", 1)[0]  # the library's hint names Python names
        cause = exc.cause
        if isinstance(cause, FocusStatusError) and cause.trace_id and cause.trace_id not in text:
            text = f"{text} (trace_id {cause.trace_id})"
        if exc.invite is not None and not isinstance(exc, AlreadyEmbodied):
            text += (
                f"; to retry the embody step alone: --org-user-id "
                f"{exc.invite.recipient_org_user_id} --account-id "
                f"{exc.invite.recipient_user_account_id}"
            )
    return _code(exc), _one_line(text + _hint(exc, settings))


def _cause(exc: BaseException) -> BaseException:
    """The error a wrapper (a failed embody, a failed plan step) stands for."""
    from .. import errors as e
    from .._plans import errors as p

    if isinstance(exc, p.PlanApplyError | e.EmbodyError) and isinstance(exc.cause, e.FocusError):
        return _cause(exc.cause)
    return exc


def _lead(exc: BaseException, settings: Settings | None) -> str:
    """`cannot connect to HOST: ` for an error without an answer (the library's message
    names the path only)."""
    from ..errors import FocusConnectionError, FocusTimeoutError

    cause = _cause(exc)
    if not isinstance(cause, FocusConnectionError):
        return ""
    request = cause.request
    if request is not None:
        url = str(request.url)
    else:
        from .._wire.auth import DEFAULT_BASE_URL

        url = (settings.base_url if settings else None) or DEFAULT_BASE_URL
    host = urlsplit(url).netloc.rpartition("@")[2] or url  # never user:password@
    if isinstance(cause, FocusTimeoutError):
        return f"no answer in time from {host}: "
    return f"cannot connect to {host}: "


#: The ids in a request path: /organizations/{id}, then /workspaces/{id} or /{id}/workinghours.
_IDS = re.compile(r"/organizations/(\d+)(?:/workspaces/(\d+)|/(\d+)/workinghours)?")


def _hint(exc: BaseException, settings: Settings | None) -> str:
    """What to check after a 401 (the token, by its source) or a 403 (the user's rights in
    the organization and workspace the request named)."""
    from ..errors import AuthenticationError, PermissionDeniedError

    cause = _cause(exc)
    if isinstance(cause, AuthenticationError):
        source = settings.token_source if settings is not None else ""
        return "; check the API token" + (f" (it came from {source})" if source else "")
    if not isinstance(cause, PermissionDeniedError):
        return ""
    parts = urlsplit(cause.url)
    found = _IDS.search(parts.path)
    organization: str | None = None
    workspace: str | None = None
    if found:  # the ids the refused request used
        organization, workspace = found[1], found[2] or found[3]
        workspace = workspace or next(iter(parse_qs(parts.query).get("workspace_id", [])), None)
    elif settings is not None:
        organization, workspace = _text(settings.organization_id), _text(settings.workspace_id)
    where = " and ".join(
        f"{kind} {value}"
        for kind, value in (("organization", organization), ("workspace", workspace))
        if value
    )
    return "; check that the token's user is an admin of " + (where or "the organization")


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def _one_line(text: str) -> str:
    """One line, whitespace runs as one space; what a server sent in it shown inert."""
    return visible(" ".join(text.split())) or "unknown error"
