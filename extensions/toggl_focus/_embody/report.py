"""The results and errors of the embody workflows, and the bookkeeping of `embody_many`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import attrs
import httpx

from toggl_focus_api.models import Ghost

from .._ground.invites import InviteResult
from .._wire.http import Counter
from ..errors import (
    AlreadyEmbodiedError,
    AuthenticationError,
    EmbodyError,
    FocusError,
    FocusStatusError,
    NotFoundError,
    QuotaExceededError,
)
from .checks import Job

__all__ = [
    "Batch",
    "EmbodyOutcome",
    "EmbodyReport",
    "EmbodyResult",
    "Status",
    "embody_failed",
    "invite_failed",
    "settle_conflict",
    "short",
]

Status = Literal["done", "already_done", "failed", "not_attempted"]


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
            return f"{self.error.step}: {short(cause)}"
        return short(self.error)


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
            lines.append(f"stopped early: {short(self.stopped_by)}")
        return "\n".join(lines)


def short(error: BaseException) -> str:
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


def invite_failed(job: Job, exc: BaseException, requests: int) -> EmbodyError:
    return EmbodyError(
        f"ghost {job.ghost_id}: inviting {job.email} failed: {short(exc)}",
        step="invite",
        ghost_id=job.ghost_id,
        email=job.email,
        invite=None,
        requests=requests,
    )


def embody_failed(job: Job, invite: InviteResult, exc: BaseException, requests: int) -> EmbodyError:
    return EmbodyError(
        f"ghost {job.ghost_id}: embodying failed after {invite} was invited: {short(exc)}. "
        "Pass err.invite instead of the email to retry the embody step alone",
        step="embody",
        ghost_id=job.ghost_id,
        email=job.email,
        invite=invite,
        requests=requests,
    )


def settle_conflict(
    job: Job, invite: InviteResult, role_id: int, current: Ghost, requests: int
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


class Batch:
    """Outcomes of a bulk run in input order, the invites made so far, and when to stop."""

    def __init__(self, jobs: list[Job]) -> None:
        self._jobs = jobs
        self._outcomes: dict[int, EmbodyOutcome] = {}
        self._invites: dict[str, InviteResult] = {}
        self._invite_errors: dict[str, EmbodyError] = {}
        self._stopped_by: FocusError | None = None

    def pending(self) -> Iterator[Job]:
        """The jobs to run, until the batch stops."""
        for job in self._jobs:
            if self._stopped_by is not None:
                return
            yield job

    def prepared(self, job: Job) -> Job:
        """The job with the invite already made for its person in this batch, if any."""
        if job.invite is None and job.email.casefold() in self._invites:
            return attrs.evolve(job, invite=self._invites[job.email.casefold()])
        return job

    def skip_failed_invite(self, job: Job) -> bool:
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

    def succeeded(self, job: Job, result: EmbodyResult) -> None:
        """Record a done (or already done) ghost and remember its person's invite."""
        self._invites.setdefault(job.email.casefold(), result.invite)
        status: Status = "already_done" if result.already_done else "done"
        self._outcomes[job.ghost_id] = EmbodyOutcome(
            job.ghost_id, job.email, status, result.ghost, result.invite, None, result.requests
        )

    def failed(self, job: Job, error: EmbodyError, requests: int) -> None:
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

    def stop(self, error: FocusError) -> None:
        """Stop before the next job: every one left is "not_attempted" because of `error`."""
        self._stopped_by = error

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
