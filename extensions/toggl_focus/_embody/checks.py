"""Everything the embody workflows check before the first request, and their errors."""

from __future__ import annotations

import inspect
from collections.abc import Mapping

import attrs

from .._client.config import ClientBase
from .._ground import check as _check
from .._ground.invites import InviteResult, KnownInvite
from ..errors import FocusConfigError
from .roles import RoleSpec, check_role

__all__ = [
    "Job",
    "Where",
    "check_inviter",
    "job",
    "jobs",
    "optional_id",
    "org",
    "require_client",
    "where",
]


@attrs.frozen
class Job:
    """One ghost's validated inputs."""

    ghost_id: int
    email: str
    invite: InviteResult | None


@attrs.frozen
class Where:
    """The organization and workspace of the calls, and the role as given."""

    organization_id: int
    workspace_id: int
    role: RoleSpec


def require_client(focus: object, kind: type, name: str) -> None:
    """FocusConfigError unless `focus` is a `kind`, naming the twin of `name` to use instead."""
    if isinstance(focus, kind):
        return
    if kind.__name__.startswith("Async"):
        other, twin = "Focus", name[5:] if name.startswith("Async") else name[1:]
    else:
        other, twin = "AsyncFocus", "Async" + name if name[0].isupper() else "a" + name
    raise FocusConfigError(
        f"{name} works with {kind.__name__}, got {type(focus).__name__}: use {twin} with {other}"
    )


def optional_id(name: str, value: object) -> int | None:
    return None if value is None else _check.positive_id(name, value)


def org(focus: ClientBase, override: object) -> int:
    value = optional_id("organization_id", override)
    if value is None:
        value = focus.organization_id
    if value is None:
        raise FocusConfigError("organization_id is required: pass it to Focus(...) or the call")
    return value


def job(ghost_id: object, person: object) -> Job:
    gid = _check.positive_id("ghost_id", ghost_id)
    if isinstance(person, InviteResult):
        return Job(gid, person.email, person)
    return Job(gid, _check.email("the person's email", person), None)


def check_inviter(inviter: object, jobs: list[Job], *, async_twin: str | None) -> None:
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


def where(
    focus: ClientBase,
    role: object,
    workspace_id: int | None,
    organization_id: int | None,
) -> Where:
    workspace = optional_id("workspace_id", workspace_id)
    if workspace is None:
        workspace = focus.workspace_id
    if workspace is None:
        raise FocusConfigError("workspace_id is required: pass it to Focus(...) or the call")
    return Where(org(focus, organization_id), workspace, check_role(role))


def jobs(people: object) -> list[Job]:
    if not isinstance(people, Mapping):
        raise FocusConfigError(
            f"people must be a mapping {{ghost_id: email}}, got {type(people).__name__}"
        )
    return [job(ghost_id, person) for ghost_id, person in people.items()]
