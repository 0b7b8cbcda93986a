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

Written once, async, in `toggl_focus._async` (the sync functions and `LookupInviter` are
generated from it into `toggl_focus._sync`); split by concern: `inviters.py`, `roles.py`,
`embody.py` (one ghost), `batch.py` (many), with what sync and async share in
`toggl_focus._embody` (invites, role matching, checks, results and the batch report).
This module gathers the public names.
"""

from ._async.batch import aembody_many
from ._async.embody import ainvite_and_embody
from ._async.inviters import AsyncLookupInviter
from ._async.roles import aresolve_role
from ._embody.report import EmbodyOutcome, EmbodyReport, EmbodyResult
from ._ground.invites import AsyncInviter, InviteIds, Inviter, InviteResult, KnownInvite
from ._sync.batch import embody_many
from ._sync.embody import invite_and_embody
from ._sync.inviters import LookupInviter
from ._sync.roles import resolve_role

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
