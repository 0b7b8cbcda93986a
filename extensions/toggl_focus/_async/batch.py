"""The batch workflow: embody many ghosts, carrying on past failures (`aembody_many`)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from .._async_io import async_twin
from .._embody.checks import check_inviter, jobs, require_client, where
from .._embody.invites import AsyncInviter, Inviter, InviteResult
from .._embody.report import Batch, EmbodyReport
from .._embody.roles import RoleSpec, role_id
from .._http import counting
from ..errors import EmbodyError
from .client import AsyncFocus
from .embody import embody_one
from .inviters import AsyncLookupInviter
from .roles import role_id_for

__all__ = ["aembody_many"]


async def aembody_many(
    focus: AsyncFocus,
    people: Mapping[int, str | InviteResult],
    *,
    role: RoleSpec,
    inviter: AsyncInviter | Inviter | None = None,
    workspace_id: int | None = None,
    organization_id: int | None = None,
) -> EmbodyReport:
    """Embody each ghost of `people` ({ghost_id: email or InviteResult}), carrying on past failures.

    One ghost at a time. The role is resolved once; each person is invited once even if they
    take several ghosts; a `LookupInviter` lists the members once where that costs fewer
    requests than looking each person up. A spent quota or a rejected key stops the batch
    (the rest are "not_attempted"). Pass `report.to_retry()` as `people` to finish the
    failed ones without inviting anyone twice.
    """
    require_client(focus, AsyncFocus, "aembody_many")
    todo = jobs(people)
    place = where(focus, role, workspace_id, organization_id)
    check_inviter(inviter, todo, async_twin=async_twin("aembody_many"))
    batch = Batch(todo)
    with counting() as counter:
        if not todo:
            return batch.report(counter, role_id(place.role))
        chosen = await role_id_for(focus, place)
        lookup = inviter if isinstance(inviter, AsyncLookupInviter) else None
        emails = [job.email for job in todo if job.invite is None]
        async with lookup.batch(emails) if lookup else contextlib.nullcontext():
            for job in batch.pending():
                if batch.skip_failed_invite(job):
                    continue
                with counting() as one:
                    try:
                        result = await embody_one(
                            focus, batch.prepared(job), chosen, inviter, place, one
                        )
                    except EmbodyError as err:
                        batch.failed(job, err, one.count)
                    else:
                        batch.succeeded(job, result)
        return batch.report(counter, chosen)
