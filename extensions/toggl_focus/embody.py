"""Invite-then-embody: turn a ghost into a real member in one call, safely resumable.

Embodying a ghost (`PATCH .../ghosts/{id}/embody`) needs the new member's organization-user
and account ids, which come from an invite by Toggl's accounts service. That endpoint is not
publicly documented, so the invite step is pluggable (an `Inviter`): ids the app already
holds (`KnownInvite`), a member found by email through `GET /organizations/{id}/users`
(`LookupInviter`), the fake server's `fake.accounts`, or the app's own.

Requests through the Focus client, each attempt counted (retries too):

- role: 0 for a `role_id` (int, trusted) or a `Role`; 1 (`GET roles`) for a name or code;
- invite: 0 for `KnownInvite`, an `InviteResult` or `fake.accounts`; 1 for `LookupInviter`
  (one more per 100 members whose name or email contains the address);
- embody: 1 (`PATCH embody`, never retried: it is not idempotent); on a 409, 1 more
  (`GET ghost`) to see who embodies the ghost.

Everything is validated before the first request. The steps run role, invite, embody, so
an unknown role fails before anyone is invited; from the invite on, failures raise
`EmbodyError` with `step` and, once the invite succeeded, `invite`: pass it instead of the
email to finish with the embody step alone. A 409 on a ghost the same person already
embodies is a success (`already_done`), so a re-run is harmless.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Iterator, Mapping
from typing import Literal, Protocol

import attrs
import httpx

from toggl_focus_api.models import Ghost, OrganizationUser, Role

from ._client import AsyncFocus, Focus
from ._runner import Counter, counting
from .errors import (
    AlreadyEmbodiedError,
    AmbiguousMemberError,
    AuthenticationError,
    ConflictError,
    EmbodyError,
    FocusConfigError,
    FocusError,
    FocusStatusError,
    InvalidInviteError,
    MemberNotFoundError,
    NotFoundError,
    QuotaExceededError,
    RoleNotFoundError,
)

__all__ = [
    "AsyncInviter",
    "AsyncLookupInviter",
    "EmbodyOutcome",
    "EmbodyReport",
    "EmbodyResult",
    "InviteIds",
    "InviteResult",
    "Inviter",
    "KnownInvite",
    "LookupInviter",
    "aembody_many",
    "ainvite_and_embody",
    "aresolve_role",
    "embody_many",
    "invite_and_embody",
    "resolve_role",
]

Status = Literal["done", "already_done", "failed", "not_attempted"]
RoleSpec = int | str | Role
_ORG_USER = "recipient_org_user_id"
_ACCOUNT = "recipient_user_account_id"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# --- invites ------------------------------------------------------------------------------


def _check_id(name: str, value: object) -> int:
    """A positive int id (bool is not an int here), else InvalidInviteError."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidInviteError(f"{name} must be a positive integer, got {value!r}")
    return value


def _validate_id(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    _check_id(attribute.name, value)


def _check_email(value: object, what: str = "email") -> str:
    """The email without surrounding spaces, if it looks like one; else FocusConfigError."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value.strip()):
        raise FocusConfigError(
            f"{what} must be an email address like ada@example.com, got {value!r}"
        )
    return value.strip()


def _same_email(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@attrs.frozen
class InviteResult:
    """The ids an invite yields for one person: the recipient `embody_ghost` takes."""

    email: str = attrs.field(converter=_check_email)
    recipient_org_user_id: int = attrs.field(validator=_validate_id)
    recipient_user_account_id: int = attrs.field(validator=_validate_id)

    def __str__(self) -> str:
        return (
            f"{self.email} (org user {self.recipient_org_user_id}, "
            f"account {self.recipient_user_account_id})"
        )


class InviteIds(Protocol):
    """What an inviter returns: anything with the two recipient ids (e.g. `InviteResult`).

    A mapping with the two keys (the accounts service's JSON answer as is) is accepted too.
    """

    @property
    def recipient_org_user_id(self) -> int: ...

    @property
    def recipient_user_account_id(self) -> int: ...


class Inviter(Protocol):
    """Invites `email` (or finds them) and returns their ids; `fake.accounts` is one."""

    def invite(self, email: str) -> InviteIds | Mapping[str, object]: ...


class AsyncInviter(Protocol):
    """Async twin of `Inviter`, for `ainvite_and_embody` and `aembody_many`."""

    def invite(self, email: str) -> Awaitable[InviteIds | Mapping[str, object]]: ...


def _as_invite(email: str, ids: object) -> InviteResult:
    """Validate what an inviter returned and pin it to the email that was asked for."""
    org_user: object
    account: object
    said: object
    if isinstance(ids, Mapping):
        known = KnownInvite.from_response(ids)
        org_user, account, said = (
            known.recipient_org_user_id,
            known.recipient_user_account_id,
            ids.get("email"),
        )
    else:
        org_user = getattr(ids, _ORG_USER, None)
        account = getattr(ids, _ACCOUNT, None)
        said = getattr(ids, "email", None)
    if org_user is None or account is None:
        raise InvalidInviteError(
            f"the inviter returned {type(ids).__name__}, which lacks {_ORG_USER} and {_ACCOUNT}"
        )
    if isinstance(said, str) and not _same_email(said, email):
        raise InvalidInviteError(f"asked to invite {email}, the inviter answered for {said}")
    return InviteResult(email, _check_id(_ORG_USER, org_user), _check_id(_ACCOUNT, account))


@attrs.frozen
class KnownInvite:
    """An inviter for an invite the app already made: answers with the ids it holds (0 requests).

    With `email` set it answers for that address only, so it cannot embody the wrong person.
    """

    recipient_org_user_id: int = attrs.field(validator=_validate_id)
    recipient_user_account_id: int = attrs.field(validator=_validate_id)
    email: str | None = attrs.field(default=None)

    @email.validator
    def _email_ok(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            _check_email(value)

    @classmethod
    def from_response(cls, response: Mapping[str, object]) -> KnownInvite:
        """From the accounts invite response (a mapping); both ids must be present integers."""
        if not isinstance(response, Mapping):
            raise InvalidInviteError(
                f"the invite response must be a mapping, got {type(response).__name__}"
            )
        missing = [key for key in (_ORG_USER, _ACCOUNT) if response.get(key) is None]
        if missing:
            raise InvalidInviteError(f"the invite response lacks {' and '.join(missing)}")
        email = response.get("email")
        return cls(
            _check_id(_ORG_USER, response[_ORG_USER]),
            _check_id(_ACCOUNT, response[_ACCOUNT]),
            email if isinstance(email, str) and _EMAIL.fullmatch(email.strip()) else None,
        )

    def invite(self, email: str) -> InviteResult:
        """The held ids, for `email` (which must match `self.email` when that is set)."""
        if self.email is not None and not _same_email(self.email, email):
            raise InvalidInviteError(f"this KnownInvite holds the ids of {self.email}, not {email}")
        return InviteResult(email, self.recipient_org_user_id, self.recipient_user_account_id)


def _pick_member(email: str, members: list[OrganizationUser]) -> InviteResult:
    """The one live member whose email is exactly `email` (any case)."""
    exact = [
        m
        for m in members
        if isinstance(m.email, str) and _same_email(m.email, email) and not m.deleted_at
    ]
    if not exact:
        raise MemberNotFoundError(
            f"no organization member has the email {email}; invite them first",
            email=email,
        )
    if len(exact) > 1:
        listed = "; ".join(
            f"org user {m.id} ({m.name or '?'} <{m.email}>, {'joined' if m.joined else 'invited'})"
            for m in exact
        )
        raise AmbiguousMemberError(
            f"{len(exact)} members have the email {email}: {listed}; "
            "pass KnownInvite(org_user_id, account_id) for the right one",
            email=email,
            members=exact,
        )
    member = exact[0]
    if not isinstance(member.user_account_id, int):
        raise MemberNotFoundError(
            f"member {member.id} ({email}) is listed without a user_account_id", email=email
        )
    return InviteResult(email, member.id, member.user_account_id)


class LookupInviter:
    """Finds an already invited or existing member by email (`GET users`); invites nobody.

    Costs 1 request (one more per 100 members whose name or email contains the address).
    """

    def __init__(self, focus: Focus, *, organization_id: int | None = None) -> None:
        """Look members up through `focus` (its organization unless `organization_id`)."""
        _require_client(focus, Focus, "LookupInviter", "AsyncLookupInviter")
        self._focus = focus
        self._organization_id = organization_id

    def invite(self, email: str) -> InviteResult:
        """The ids of the member whose email is exactly `email`; MemberNotFound/Ambiguous."""
        email = _check_email(email)
        members = self._focus.users.list(
            filter=email, page_size=100, organization_id=self._organization_id
        )
        return _pick_member(email, list(members))


class AsyncLookupInviter:
    """Async twin of `LookupInviter`, over an `AsyncFocus`."""

    def __init__(self, focus: AsyncFocus, *, organization_id: int | None = None) -> None:
        """Look members up through `focus` (its organization unless `organization_id`)."""
        _require_client(focus, AsyncFocus, "AsyncLookupInviter", "LookupInviter")
        self._focus = focus
        self._organization_id = organization_id

    async def invite(self, email: str) -> InviteResult:
        """The ids of the member whose email is exactly `email`; MemberNotFound/Ambiguous."""
        email = _check_email(email)
        pager = self._focus.users.list(
            filter=email, page_size=100, organization_id=self._organization_id
        )
        return _pick_member(email, [member async for member in pager])


# --- roles --------------------------------------------------------------------------------


def _describe(role: Role) -> str:
    code = role.code if isinstance(role.code, str) and role.code else "-"
    name = role.name if isinstance(role.name, str) else "?"
    return f"{code} ({name}, id {role.role_id})"


def _match_role(wanted: str, roles: list[Role], organization_id: int) -> Role:
    """The one role whose code or name is `wanted` (any case), else RoleNotFoundError."""
    key = wanted.strip().casefold()
    found = {
        r.role_id: r
        for r in roles
        if any(
            isinstance(text, str) and text.strip().casefold() == key for text in (r.name, r.code)
        )
    }
    if len(found) == 1:
        return next(iter(found.values()))
    if found:
        what = f"role {wanted!r} is ambiguous: it matches " + ", ".join(
            map(_describe, found.values())
        )
        raise RoleNotFoundError(what + "; pass the role_id", wanted=wanted, roles=roles)
    valid = ", ".join(map(_describe, roles)) or "none"
    raise RoleNotFoundError(
        f"no role {wanted!r} in organization {organization_id}; valid roles: {valid}",
        wanted=wanted,
        roles=roles,
    )


def _check_role(role: object) -> RoleSpec:
    if isinstance(role, Role):
        return role
    if isinstance(role, bool) or not isinstance(role, int | str):
        raise FocusConfigError(
            f"role must be a role_id (int), a role name or code (str) or a Role, got {role!r}"
        )
    if isinstance(role, int) and role <= 0:
        raise FocusConfigError(f"role_id must be a positive integer, got {role}")
    if isinstance(role, str) and not role.strip():
        raise FocusConfigError("role must not be empty")
    return role


def resolve_role(focus: Focus, role: str, *, organization_id: int | None = None) -> Role:
    """The organization's role whose code or name is `role` (any case); 1 request.

    RoleNotFoundError, listing the valid roles as "code (name, id)", when none or several match.
    """
    _require_client(focus, Focus, "resolve_role", "aresolve_role")
    if not isinstance(role, str) or not role.strip():
        raise FocusConfigError(f"role must be a non-empty name or code, got {role!r}")
    org = _org(focus, organization_id)
    return _match_role(role, focus.roles.list(organization_id=org), org)


async def aresolve_role(
    focus: AsyncFocus, role: str, *, organization_id: int | None = None
) -> Role:
    """Async twin of `resolve_role`."""
    _require_client(focus, AsyncFocus, "aresolve_role", "resolve_role")
    if not isinstance(role, str) or not role.strip():
        raise FocusConfigError(f"role must be a non-empty name or code, got {role!r}")
    org = _org(focus, organization_id)
    return _match_role(role, await focus.roles.list(organization_id=org), org)


# --- request counting ---------------------------------------------------------------------


# --- results ------------------------------------------------------------------------------


@attrs.frozen
class EmbodyResult:
    """A ghost embodied: the ghost as the API returned it, the invite's ids, the cost."""

    ghost: Ghost
    invite: InviteResult
    role_id: int
    already_done: bool
    requests: int

    def __str__(self) -> str:
        how = "was already embodied by" if self.already_done else "embodied by"
        return f"ghost {self.ghost.id} {how} {self.invite} [{self.requests} requests]"


@attrs.frozen
class EmbodyOutcome:
    """What happened to one ghost of `embody_many`; `error` is an EmbodyError when failed."""

    ghost_id: int
    email: str
    status: Status
    ghost: Ghost | None = None
    invite: InviteResult | None = None
    error: FocusError | None = None
    requests: int = 0

    @property
    def reason(self) -> str | None:
        """Why it failed or was not attempted, in one line."""
        if self.error is None:
            return None
        if isinstance(self.error, AlreadyEmbodiedError):
            return f"embodied by someone else: organization user {self.error.user_id}"
        if isinstance(self.error, EmbodyError):
            cause = self.error.cause
            if cause is None:
                return str(self.error)
            return f"{self.error.step}: {_short(cause)}"
        return _short(self.error)


@attrs.frozen
class EmbodyReport:
    """Per-ghost outcomes of `embody_many`, in input order, and the requests spent in all."""

    outcomes: tuple[EmbodyOutcome, ...]
    requests: int
    role_id: int | None
    stopped_by: FocusError | None = None

    def _with(self, status: Status) -> list[EmbodyOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def done(self) -> list[EmbodyOutcome]:
        """Ghosts embodied by this call."""
        return self._with("done")

    @property
    def already_done(self) -> list[EmbodyOutcome]:
        """Ghosts the same person already embodied (a 409 checked with `GET ghost`)."""
        return self._with("already_done")

    @property
    def failed(self) -> list[EmbodyOutcome]:
        """Ghosts that failed; each outcome's `error` says at which step and why."""
        return self._with("failed")

    @property
    def not_attempted(self) -> list[EmbodyOutcome]:
        """Ghosts left alone because the batch stopped (quota spent, key rejected)."""
        return self._with("not_attempted")

    @property
    def ok(self) -> bool:
        """Whether every ghost is now embodied by its person."""
        return not self.failed and not self.not_attempted

    def to_retry(self) -> dict[int, str | InviteResult]:
        """The people of the failed and unattempted ghosts, to pass to `embody_many` again.

        A ghost whose invite succeeded maps to its InviteResult (so nobody is invited twice);
        ghosts embodied by someone else or not found are left out: a retry cannot fix them.
        """
        retry: dict[int, str | InviteResult] = {}
        for o in self.outcomes:
            if o.status not in ("failed", "not_attempted") or _unfixable(o.error):
                continue
            retry[o.ghost_id] = o.invite if o.invite is not None else o.email
        return retry

    def __str__(self) -> str:
        counts = [
            f"{len(self.done)} done",
            f"{len(self.already_done)} already done",
            f"{len(self.failed)} failed",
            f"{len(self.not_attempted)} not attempted",
        ]
        n = len(self.outcomes)
        lines = [f"{n} ghost{'s' * (n != 1)}: {', '.join(counts)}; {self.requests} requests"]
        width = max((len(o.email) for o in self.outcomes), default=0)
        for o in self.outcomes:
            if o.status in ("done", "already_done") and o.invite is not None:
                detail = f"org user {o.invite.recipient_org_user_id}"
            else:
                detail = o.reason or ""
            status = o.status.replace("_", " ")
            lines.append(f"  {o.ghost_id:>8}  {o.email:<{width}}  {status:<13}  {detail}".rstrip())
        if self.stopped_by is not None:
            lines.append(f"stopped early: {_short(self.stopped_by)}")
        return "\n".join(lines)


def _short(error: BaseException) -> str:
    """An error in one short line: without the URL, with the status and the API's words."""
    if isinstance(error, QuotaExceededError):
        when = f"; resets in {error.resets_in:.0f} s" if error.resets_in is not None else ""
        return f"hourly request quota spent{when}"
    if isinstance(error, FocusStatusError):
        code = error.error or httpx.codes.get_reason_phrase(error.status_code) or "error"
        what = error.error_description
        return f"{error.status_code} {code}: {what}" if what else f"{error.status_code} {code}"
    text = str(error)
    return f"{type(error).__name__}: {text}" if not isinstance(error, FocusError) else text


def _unfixable(error: FocusError | None) -> bool:
    """Failures a retry cannot fix: the ghost is someone else's, or it does not exist."""
    if isinstance(error, AlreadyEmbodiedError):
        return True
    return (
        isinstance(error, EmbodyError)
        and error.step == "embody"
        and isinstance(error.cause, NotFoundError)
    )


def _stops_batch(error: EmbodyError) -> bool:
    """Failures every later ghost would hit too: a spent quota, a rejected API key."""
    return isinstance(error.cause, QuotaExceededError | AuthenticationError)


# --- validation ---------------------------------------------------------------------------


@attrs.frozen
class _Job:
    """One ghost's validated inputs."""

    ghost_id: int
    email: str
    invite: InviteResult | None


@attrs.frozen
class _Where:
    """The organization and workspace of the calls, and the role as given."""

    organization_id: int
    workspace_id: int
    role: RoleSpec


def _require_client(focus: object, kind: type, name: str, twin: str) -> None:
    if not isinstance(focus, kind):
        raise FocusConfigError(
            f"{name} works with {kind.__name__}, got {type(focus).__name__}: "
            f"use {twin} with {'AsyncFocus' if kind is Focus else 'Focus'}"
        )


def _org(focus: Focus | AsyncFocus, override: int | None) -> int:
    value = override if override is not None else focus.organization_id
    if value is None:
        raise FocusConfigError("organization_id is required: pass it to Focus(...) or the call")
    return value


def _check_ghost_id(ghost_id: object) -> int:
    if isinstance(ghost_id, bool) or not isinstance(ghost_id, int) or ghost_id <= 0:
        raise FocusConfigError(f"ghost_id must be a positive integer, got {ghost_id!r}")
    return ghost_id


def _job(ghost_id: object, person: object) -> _Job:
    gid = _check_ghost_id(ghost_id)
    if isinstance(person, InviteResult):
        return _Job(gid, person.email, person)
    return _Job(gid, _check_email(person, "the person's email"), None)


def _check_inviter(inviter: object, jobs: list[_Job], *, async_twin: str | None) -> None:
    """An inviter is needed unless every person is an InviteResult; a sync call needs a sync one.

    `async_twin` names the async function to suggest; None when the caller is async already.
    """
    if all(job.invite is not None for job in jobs):
        return
    method = getattr(inviter, "invite", None)
    if inviter is None or not callable(method):
        raise FocusConfigError(
            "an inviter is needed to turn an email into ids: pass inviter=KnownInvite(...), "
            "LookupInviter(focus), fake.accounts or your own (or pass an InviteResult)"
        )
    if async_twin is not None and inspect.iscoroutinefunction(method):
        raise FocusConfigError(f"{type(inviter).__name__}.invite is async: use {async_twin}")
    if isinstance(inviter, KnownInvite):
        emails = {job.email.casefold() for job in jobs if job.invite is None}
        if inviter.email is not None and emails - {inviter.email.casefold()}:
            others = ", ".join(sorted(emails - {inviter.email.casefold()}))
            raise FocusConfigError(
                f"this KnownInvite holds the ids of {inviter.email}, not of {others}"
            )
        if len(emails) > 1:
            raise FocusConfigError(
                "a KnownInvite without an email would give every ghost the same person; "
                "pass each person's InviteResult instead"
            )


def _where(
    focus: Focus | AsyncFocus,
    role: object,
    workspace_id: int | None,
    organization_id: int | None,
) -> _Where:
    workspace = workspace_id if workspace_id is not None else focus.workspace_id
    if workspace is None:
        raise FocusConfigError("workspace_id is required: pass it to Focus(...) or the call")
    return _Where(_org(focus, organization_id), workspace, _check_role(role))


def _invite_failed(job: _Job, exc: BaseException, requests: int) -> EmbodyError:
    return EmbodyError(
        f"ghost {job.ghost_id}: inviting {job.email} failed: {_short(exc)}",
        step="invite",
        ghost_id=job.ghost_id,
        email=job.email,
        invite=None,
        requests=requests,
    )


def _embody_failed(
    job: _Job, invite: InviteResult, exc: BaseException, requests: int
) -> EmbodyError:
    return EmbodyError(
        f"ghost {job.ghost_id}: embodying failed after {invite} was invited: {_short(exc)}. "
        "Pass err.invite instead of the email to retry the embody step alone",
        step="embody",
        ghost_id=job.ghost_id,
        email=job.email,
        invite=invite,
        requests=requests,
    )


def _settle_conflict(
    job: _Job, invite: InviteResult, role_id: int, current: Ghost, requests: int
) -> EmbodyResult:
    """After a 409: success if this person embodies the ghost, else AlreadyEmbodiedError."""
    if current.user_id == invite.recipient_org_user_id:
        return EmbodyResult(current, invite, role_id, already_done=True, requests=requests)
    if not isinstance(current.user_id, int):
        raise EmbodyError(
            f"ghost {job.ghost_id}: the API answered 409 but the ghost shows no member",
            step="embody",
            ghost_id=job.ghost_id,
            email=job.email,
            invite=invite,
            requests=requests,
        )
    raise AlreadyEmbodiedError(
        f"ghost {job.ghost_id} is already embodied by organization user {current.user_id}, "
        f"not by {invite}",
        ghost=current,
        user_id=current.user_id,
        email=job.email,
        invite=invite,
        requests=requests,
    )


def _role_id(role: RoleSpec) -> int | None:
    """The role_id known without a request (None for a name or code)."""
    if isinstance(role, Role):
        return role.role_id
    return role if isinstance(role, int) else None


# --- sync workflow ------------------------------------------------------------------------


def _resolve(focus: Focus, where: _Where) -> int:
    known = _role_id(where.role)
    if known is not None:
        return known
    assert isinstance(where.role, str)
    return _match_role(
        where.role, focus.roles.list(organization_id=where.organization_id), where.organization_id
    ).role_id


def _one(
    focus: Focus,
    job: _Job,
    role_id: int,
    inviter: Inviter | None,
    where: _Where,
    counter: Counter,
) -> EmbodyResult:
    invite = job.invite
    if invite is None:
        try:
            if inviter is None:  # pragma: no cover - _check_inviter requires one
                raise FocusConfigError("an inviter is needed")
            ids: object = inviter.invite(job.email)
            if inspect.isawaitable(ids):
                if inspect.iscoroutine(ids):
                    ids.close()
                raise FocusConfigError("the inviter is async: use ainvite_and_embody")
            invite = _as_invite(job.email, ids)
        except Exception as exc:
            raise _invite_failed(job, exc, counter.count) from exc
    place = {"workspace_id": where.workspace_id, "organization_id": where.organization_id}
    try:
        ghost = focus.ghosts.embody(
            job.ghost_id,
            recipient_org_user_id=invite.recipient_org_user_id,
            recipient_user_account_id=invite.recipient_user_account_id,
            role_id=role_id,
            **place,
        )
    except ConflictError as conflict:
        try:
            current = focus.ghosts.get(job.ghost_id, **place)
        except FocusError as exc:
            raise _embody_failed(job, invite, exc, counter.count) from exc
        try:
            return _settle_conflict(job, invite, role_id, current, counter.count)
        except EmbodyError as err:
            raise err from conflict
    except FocusError as exc:
        raise _embody_failed(job, invite, exc, counter.count) from exc
    return EmbodyResult(ghost, invite, role_id, already_done=False, requests=counter.count)


def invite_and_embody(
    focus: Focus,
    ghost_id: int,
    person: str | InviteResult,
    *,
    role: RoleSpec,
    inviter: Inviter | None = None,
    workspace_id: int | None = None,
    organization_id: int | None = None,
) -> EmbodyResult:
    """Invite `person` (an email) with `inviter`, then embody ghost `ghost_id` with `role`.

    `role` is a role_id (trusted: 0 requests), a role name or code (1 request, `GET roles`)
    or a `Role`. `person` may be an `InviteResult` (e.g. `err.invite` of an EmbodyError):
    then nothing is invited and only the embody runs. Costs role (0-1) + inviter (0 for
    KnownInvite or fake.accounts, 1 for LookupInviter) + 1 embody [+1 `GET ghost` on a 409].
    Raises FocusConfigError before any request, RoleNotFoundError (or the roles request's
    error) before the invite, and EmbodyError (`step`, `invite`) from the invite on.
    """
    _require_client(focus, Focus, "invite_and_embody", "ainvite_and_embody")
    job = _job(ghost_id, person)
    where = _where(focus, role, workspace_id, organization_id)
    _check_inviter(inviter, [job], async_twin="ainvite_and_embody")
    with counting() as counter:
        role_id = _resolve(focus, where)
        return _one(focus, job, role_id, inviter, where, counter)


def embody_many(
    focus: Focus,
    people: Mapping[int, str | InviteResult],
    *,
    role: RoleSpec,
    inviter: Inviter | None = None,
    workspace_id: int | None = None,
    organization_id: int | None = None,
) -> EmbodyReport:
    """Embody each ghost of `people` ({ghost_id: email or InviteResult}), carrying on past failures.

    The role is resolved once; each person is invited once even if they take several ghosts.
    A spent quota or a rejected key stops the batch (the rest are "not_attempted"). Pass
    `report.to_retry()` as `people` to finish the failed ones without inviting anyone twice.
    """
    _require_client(focus, Focus, "embody_many", "aembody_many")
    jobs = _jobs(people)
    where = _where(focus, role, workspace_id, organization_id)
    _check_inviter(inviter, jobs, async_twin="aembody_many")
    batch = _Batch(jobs)
    with counting() as counter:
        if not jobs:
            return batch.report(counter, _role_id(where.role))
        role_id = _resolve(focus, where)
        for job in batch.pending():
            if batch.skip_failed_invite(job):
                continue
            with counting() as one:
                try:
                    result = _one(focus, batch.prepared(job), role_id, inviter, where, one)
                except EmbodyError as err:
                    batch.failed(job, err, one.count)
                else:
                    batch.succeeded(job, result)
        return batch.report(counter, role_id)


# --- async workflow -----------------------------------------------------------------------


async def _aresolve(focus: AsyncFocus, where: _Where) -> int:
    known = _role_id(where.role)
    if known is not None:
        return known
    assert isinstance(where.role, str)
    roles = await focus.roles.list(organization_id=where.organization_id)
    return _match_role(where.role, roles, where.organization_id).role_id


async def _aone(
    focus: AsyncFocus,
    job: _Job,
    role_id: int,
    inviter: AsyncInviter | Inviter | None,
    where: _Where,
    counter: Counter,
) -> EmbodyResult:
    invite = job.invite
    if invite is None:
        try:
            if inviter is None:  # pragma: no cover - _check_inviter requires one
                raise FocusConfigError("an inviter is needed")
            ids: object = inviter.invite(job.email)
            if inspect.isawaitable(ids):
                ids = await ids
            invite = _as_invite(job.email, ids)
        except Exception as exc:
            raise _invite_failed(job, exc, counter.count) from exc
    place = {"workspace_id": where.workspace_id, "organization_id": where.organization_id}
    try:
        ghost = await focus.ghosts.embody(
            job.ghost_id,
            recipient_org_user_id=invite.recipient_org_user_id,
            recipient_user_account_id=invite.recipient_user_account_id,
            role_id=role_id,
            **place,
        )
    except ConflictError as conflict:
        try:
            current = await focus.ghosts.get(job.ghost_id, **place)
        except FocusError as exc:
            raise _embody_failed(job, invite, exc, counter.count) from exc
        try:
            return _settle_conflict(job, invite, role_id, current, counter.count)
        except EmbodyError as err:
            raise err from conflict
    except FocusError as exc:
        raise _embody_failed(job, invite, exc, counter.count) from exc
    return EmbodyResult(ghost, invite, role_id, already_done=False, requests=counter.count)


async def ainvite_and_embody(
    focus: AsyncFocus,
    ghost_id: int,
    person: str | InviteResult,
    *,
    role: RoleSpec,
    inviter: AsyncInviter | Inviter | None = None,
    workspace_id: int | None = None,
    organization_id: int | None = None,
) -> EmbodyResult:
    """Async twin of `invite_and_embody` (same requests); the inviter may be sync or async."""
    _require_client(focus, AsyncFocus, "ainvite_and_embody", "invite_and_embody")
    job = _job(ghost_id, person)
    where = _where(focus, role, workspace_id, organization_id)
    _check_inviter(inviter, [job], async_twin=None)
    with counting() as counter:
        role_id = await _aresolve(focus, where)
        return await _aone(focus, job, role_id, inviter, where, counter)


async def aembody_many(
    focus: AsyncFocus,
    people: Mapping[int, str | InviteResult],
    *,
    role: RoleSpec,
    inviter: AsyncInviter | Inviter | None = None,
    workspace_id: int | None = None,
    organization_id: int | None = None,
) -> EmbodyReport:
    """Async twin of `embody_many`: one ghost at a time, the same requests and report."""
    _require_client(focus, AsyncFocus, "aembody_many", "embody_many")
    jobs = _jobs(people)
    where = _where(focus, role, workspace_id, organization_id)
    _check_inviter(inviter, jobs, async_twin=None)
    batch = _Batch(jobs)
    with counting() as counter:
        if not jobs:
            return batch.report(counter, _role_id(where.role))
        role_id = await _aresolve(focus, where)
        for job in batch.pending():
            if batch.skip_failed_invite(job):
                continue
            with counting() as one:
                try:
                    result = await _aone(focus, batch.prepared(job), role_id, inviter, where, one)
                except EmbodyError as err:
                    batch.failed(job, err, one.count)
                else:
                    batch.succeeded(job, result)
        return batch.report(counter, role_id)


# --- bulk bookkeeping ---------------------------------------------------------------------


def _jobs(people: object) -> list[_Job]:
    if not isinstance(people, Mapping):
        raise FocusConfigError(
            f"people must be a mapping {{ghost_id: email}}, got {type(people).__name__}"
        )
    return [_job(ghost_id, person) for ghost_id, person in people.items()]


class _Batch:
    """Outcomes of a bulk run in input order, the invites made so far, and when to stop."""

    def __init__(self, jobs: list[_Job]) -> None:
        self._jobs = jobs
        self._outcomes: dict[int, EmbodyOutcome] = {}
        self._invites: dict[str, InviteResult] = {}
        self._invite_errors: dict[str, EmbodyError] = {}
        self._stopped_by: FocusError | None = None

    def pending(self) -> Iterator[_Job]:
        """The jobs to run, until the batch stops."""
        for job in self._jobs:
            if self._stopped_by is not None:
                return
            yield job

    def prepared(self, job: _Job) -> _Job:
        """The job with the invite already made for its person in this batch, if any."""
        if job.invite is None and job.email.casefold() in self._invites:
            return attrs.evolve(job, invite=self._invites[job.email.casefold()])
        return job

    def skip_failed_invite(self, job: _Job) -> bool:
        """Fail a job at once (0 requests) if its person's invite already failed in this batch."""
        earlier = self._invite_errors.get(job.email.casefold())
        if job.invite is not None or earlier is None:
            return False
        error = EmbodyError(
            f"ghost {job.ghost_id}: not attempted again: inviting {job.email} failed "
            f"for ghost {earlier.ghost_id}",
            step="invite",
            ghost_id=job.ghost_id,
            email=job.email,
            invite=None,
            requests=0,
        )
        error.__cause__ = earlier.cause
        self.failed(job, error, 0)
        return True

    def succeeded(self, job: _Job, result: EmbodyResult) -> None:
        """Record a done (or already done) ghost and remember its person's invite."""
        self._invites.setdefault(job.email.casefold(), result.invite)
        status: Status = "already_done" if result.already_done else "done"
        self._outcomes[job.ghost_id] = EmbodyOutcome(
            job.ghost_id, job.email, status, result.ghost, result.invite, None, result.requests
        )

    def failed(self, job: _Job, error: EmbodyError, requests: int) -> None:
        """Record a failure; remember the invite (or its failure); stop on a batch-wide one."""
        if error.invite is not None:
            self._invites.setdefault(job.email.casefold(), error.invite)
        elif error.step == "invite":
            self._invite_errors.setdefault(job.email.casefold(), error)
        self._outcomes[job.ghost_id] = EmbodyOutcome(
            job.ghost_id, job.email, "failed", None, error.invite, error, requests
        )
        if _stops_batch(error):
            cause = error.cause
            self._stopped_by = cause if isinstance(cause, FocusError) else error

    def report(self, counter: Counter, role_id: int | None) -> EmbodyReport:
        """The report, in input order; ghosts never reached are "not_attempted"."""
        outcomes = tuple(
            self._outcomes.get(job.ghost_id)
            or EmbodyOutcome(
                job.ghost_id, job.email, "not_attempted", invite=job.invite, error=self._stopped_by
            )
            for job in self._jobs
        )
        return EmbodyReport(outcomes, counter.count, role_id, self._stopped_by)
