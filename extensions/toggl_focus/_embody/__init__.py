"""What the embody workflows share, sync or async (see `toggl_focus.embody` for the overview).

- `invites.py`: `InviteResult`, `KnownInvite`, the inviter protocols, reading an answer;
- `roles.py`: matching a role name or code;
- `cache.py`: `RoleCache`, the roles each client keeps for name lookups;
- `checks.py`: everything checked before the first request;
- `report.py`: results, errors, and `embody_many`'s batch bookkeeping.

The workflows themselves, written once in `toggl_focus._async` (and generated into
`_sync`): `inviters.py` (`AsyncLookupInviter`), `roles.py` (`aresolve_role`), `embody.py`
(`ainvite_and_embody`), `batch.py` (`aembody_many`).
"""
