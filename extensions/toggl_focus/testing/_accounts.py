"""A Python-level stand-in for Toggl's accounts service, whose invite endpoint is undocumented.

Inviting an email creates a pending organization user (`invite_sent: true`, `joined: false`)
that `GET /organizations/{id}/users` lists, and returns the ids `embody_ghost` takes, so the
invite-then-embody workflow runs end to end against the fake.
"""

from __future__ import annotations

import threading

import attrs

from toggl_focus.testing._state import ROLE_MEMBER, FocusState, utc_now


@attrs.frozen
class Invite:
    """What the accounts service answers to an invite: the recipient's ids."""

    email: str
    recipient_org_user_id: int
    recipient_user_account_id: int
    organization_id: int


class Accounts:
    """Invites people into the fake organization (not an HTTP endpoint of the fake)."""

    def __init__(self, state: FocusState, lock: threading.RLock) -> None:
        """Work on the fake's state, under the fake's lock."""
        self._state = state
        self._lock = lock

    def invite(
        self, email: str, *, name: str | None = None, workspace_id: int | None = None
    ) -> Invite:
        """Invite `email`; inviting an email already in the organization returns its ids."""
        if "@" not in email:
            raise ValueError(f"not an email address: {email!r}")
        with self._lock:
            state = self._state
            user = state.user_by_email(email)
            if user is None:
                if workspace_id is not None and workspace_id not in state.workspaces:
                    raise ValueError(f"unknown workspace {workspace_id}")
                local = email.split("@", 1)[0]
                user = state.add_user(
                    email=email,
                    name=name or local.replace(".", " ").title(),
                    role_id=ROLE_MEMBER,
                    workspace_ids=[workspace_id or state.workspace_ids[0]],
                    joined=False,
                    created_at=utc_now(),
                )
            return Invite(
                email=user["email"],
                recipient_org_user_id=user["id"],
                recipient_user_account_id=user["user_account_id"],
                organization_id=state.organization_id,
            )

    def accept(self, email: str) -> None:
        """Mark an invited person as having joined (`joined: true`)."""
        with self._lock:
            user = self._state.user_by_email(email)
            if user is None:
                raise KeyError(email)
            user["joined"] = True
            user["updated_at"] = utc_now()
