"""What the embody workflows share, sync or async (see `toggl_focus.embody` for the overview).

- `invites.py`: finding invited members by email (`pick_member`, the batch's `MemberIndex`);
- `roles.py`: matching a role name or code;
- `checks.py`: everything checked before the first request;
- `report.py`: results, errors, and `embody_many`'s batch bookkeeping.

The invite's data and the inviter protocols (`InviteResult`, `KnownInvite`, `Inviter`) and
`RoleCache`, which every client holds, are on the ground floor (`toggl_focus._ground`). The
workflows themselves, written once in `toggl_focus._async` (and generated into `_sync`):
`inviters.py` (`AsyncLookupInviter`), `roles.py` (`aresolve_role`), `embody.py`
(`ainvite_and_embody`), `batch.py` (`aembody_many`).
"""
