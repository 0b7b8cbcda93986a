"""The single workflow: invite one person, then embody one ghost (`ainvite_and_embody`)."""

from __future__ import annotations

from typing import TypedDict

from toggl_focus_api.models import Ghost

from .._embody.checks import Job, Where, check_inviter, job, require_client, where
from .._embody.report import EmbodyResult, embody_failed, invite_failed, settle_conflict
from .._embody.roles import RoleSpec
from .._ground.invites import AsyncInviter, Inviter, InviteResult, as_invite
from .._wire.async_io import async_twin, invite
from .._wire.http import Counter, counting
from ..errors import ConflictError, EmbodyError, FocusConfigError, FocusError
from .client import AsyncFocus
from .roles import role_id_for

__all__ = ["ainvite_and_embody", "embody_one"]


class Place(TypedDict):
    """Where the embody's calls go (keyword arguments of the ghost methods)."""

    workspace_id: int
    organization_id: int


async def embody_one(
    focus: AsyncFocus,
    job: Job,
    role_id: int,
    inviter: AsyncInviter | Inviter | None,
    where: Where,
    counter: Counter,
    current: Ghost | None = None,
) -> EmbodyResult:
    """Invite (unless the job holds an InviteResult), then embody; EmbodyError on a failure.

    `current` is the ghost as a listing just showed it: when someone already embodies it,
    the invite's member is compared with them and no embody is sent (what a 409 and its
    `GET ghost` would have told, for 2 requests fewer).
    """
    invited = job.invite
    if invited is None:
        try:
            if inviter is None:  # pragma: no cover - check_inviter requires one
                raise FocusConfigError("an inviter is needed")
            invited = as_invite(job.email, await invite(inviter, job.email))
        except Exception as exc:
            raise invite_failed(job, exc, counter.count) from exc
    if current is not None and isinstance(current.user_id, int):
        return settle_conflict(job, invited, role_id, current, counter.count)
    place = Place(workspace_id=where.workspace_id, organization_id=where.organization_id)
    try:
        ghost = await focus.ghosts.embody(
            job.ghost_id,
            recipient_org_user_id=invited.recipient_org_user_id,
            recipient_user_account_id=invited.recipient_user_account_id,
            role_id=role_id,
            **place,
        )
    except ConflictError as conflict:
        try:
            current = await focus.ghosts.get(job.ghost_id, **place)
        except FocusError as exc:
            raise embody_failed(job, invited, exc, counter.count) from exc
        try:
            return settle_conflict(job, invited, role_id, current, counter.count)
        except EmbodyError as err:
            raise err from conflict
    except FocusError as exc:
        raise embody_failed(job, invited, exc, counter.count) from exc
    return EmbodyResult(ghost, invited, role_id, already_done=False, requests=counter.count)


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
    """Invite `person` (an email) with `inviter`, then embody ghost `ghost_id` with `role`.

    `role` is a role_id (trusted: 0 requests), a role name or code (1 request, `GET roles`)
    or a `Role`. `person` may be an `InviteResult` (e.g. `err.invite` of an EmbodyError):
    then nothing is invited and only the embody runs. Costs role (0-1) + inviter (0 for
    KnownInvite or fake.accounts, 1 for LookupInviter) + 1 embody [+1 `GET ghost` on a 409].
    Raises FocusConfigError before any request, RoleNotFoundError (or the roles request's
    error) before the invite, and EmbodyError (`step`, `invite`) from the invite on. The
    async function takes a sync or an async inviter; the sync one, a sync inviter.
    """
    require_client(focus, AsyncFocus, "ainvite_and_embody")
    one = job(ghost_id, person)
    place = where(focus, role, workspace_id, organization_id)
    check_inviter(inviter, [one], async_twin=async_twin("ainvite_and_embody"))
    with counting() as counter:
        role_id = await role_id_for(focus, place)
        return await embody_one(focus, one, role_id, inviter, place, counter)
