"""The inviter that finds a member by email through the client (`GET users`)."""

from __future__ import annotations

from .._embody.checks import optional_id, require_client
from .._embody.invites import InviteResult, check_email, pick_member
from .client import AsyncFocus

__all__ = ["AsyncLookupInviter"]


class AsyncLookupInviter:
    """Finds an already invited or existing member by email (`GET users`); invites nobody.

    Costs 1 request (one more per 100 members whose name or email contains the address).
    It pages through `users.list()`, so a server that ignores `?page=` costs 2 requests and
    raises `PaginationError` instead of listing until the quota is spent.
    """

    def __init__(self, focus: AsyncFocus, *, organization_id: int | None = None) -> None:
        """Look members up through `focus` (its organization unless `organization_id`)."""
        require_client(focus, AsyncFocus, "AsyncLookupInviter")
        self._focus = focus
        self._organization_id = optional_id("organization_id", organization_id)

    async def invite(self, email: str) -> InviteResult:
        """The ids of the member whose email is exactly `email`; MemberNotFound/Ambiguous."""
        email = check_email(email)
        pager = self._focus.users.list(
            filter=email, page_size=100, organization_id=self._organization_id
        )
        return pick_member(email, [member async for member in pager])
