"""The batch workflow: embody many ghosts, carrying on past failures (`aembody_many`)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from toggl_focus_api.models import Ghost

from .._embody.checks import Where, check_inviter, jobs, require_client, where
from .._embody.report import Batch, EmbodyReport
from .._embody.roles import RoleSpec, role_id
from .._ground.invites import AsyncInviter, Inviter, InviteResult
from .._wire.async_io import async_twin
from .._wire.http import counting
from ..errors import AuthenticationError, EmbodyError, FocusError, QuotaExceededError
from .client import AsyncFocus
from .embody import embody_one
from .inviters import AsyncLookupInviter
from .roles import role_id_for

__all__ = ["aembody_many"]

#: Ghost ids per listing request: a page holds at most 100 (`rows`).
_IDS_PER_LISTING = 100


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

    One ghost at a time. The role is resolved once; then the batch's ghosts are read in
    one listing per 100 (`ghost_ids`, embodied ones included), so that a ghost someone
    already embodies costs no embody: a re-run of a finished batch of 20 costs the role,
    the inviter's member listing and that one listing, not 2 requests a ghost. Each person
    is invited once even if they take several ghosts; a `LookupInviter` lists the members
    once where that costs fewer requests than looking each person up. A spent quota or a
    rejected key stops the batch (the rest are "not_attempted"). Pass `report.to_retry()`
    as `people` to finish the failed ones without inviting anyone twice.
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
        try:
            current = await _current(focus, [job.ghost_id for job in todo], place)
        except (QuotaExceededError, AuthenticationError) as exc:
            batch.stop(exc)  # every ghost would meet it: none is attempted
            return batch.report(counter, chosen)
        lookup = inviter if isinstance(inviter, AsyncLookupInviter) else None
        emails = [job.email for job in todo if job.invite is None]
        async with lookup.batch(emails) if lookup else contextlib.nullcontext():
            for job in batch.pending():
                if batch.skip_failed_invite(job):
                    continue
                with counting() as one:
                    try:
                        result = await embody_one(
                            focus,
                            batch.prepared(job),
                            chosen,
                            inviter,
                            place,
                            one,
                            current.get(job.ghost_id),
                        )
                    except EmbodyError as err:
                        batch.failed(job, err, one.count)
                    else:
                        batch.succeeded(job, result)
        return batch.report(counter, chosen)


async def _current(focus: AsyncFocus, ghost_ids: list[int], place: Where) -> dict[int, Ghost]:
    """The batch's ghosts as they are now, 100 ids per listing request (embodied included).

    A listing the API refuses (a status error other than a spent quota or a rejected key)
    leaves the batch to find out ghost by ghost, as it did before this read.
    """
    found: dict[int, Ghost] = {}
    unique = list(dict.fromkeys(ghost_ids))
    for start in range(0, len(unique), _IDS_PER_LISTING):
        chunk = unique[start : start + _IDS_PER_LISTING]
        try:
            async for ghost in focus.ghosts.list(
                ghost_ids=chunk,
                include_embodied=True,
                page_size=len(chunk),
                workspace_id=place.workspace_id,
                organization_id=place.organization_id,
            ):
                if ghost.id in chunk:
                    found.setdefault(ghost.id, ghost)
        except (QuotaExceededError, AuthenticationError):
            raise
        except FocusError:
            return {}
    return found
