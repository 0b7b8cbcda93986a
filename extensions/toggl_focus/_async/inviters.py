"""The inviter that finds a member by email through the client (`GET users`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Iterable

from .._embody.checks import optional_id, require_client
from .._embody.invites import MemberIndex, pick_member
from .._ground.invites import InviteResult, check_email
from ..errors import AuthenticationError, FocusError, QuotaExceededError
from .client import AsyncFocus

__all__ = ["AsyncLookupInviter"]

logger = logging.getLogger("toggl_focus")


class AsyncLookupInviter:
    """Finds an already invited or existing member by email (`GET users`); invites nobody.

    Costs 1 request (one more per 100 members whose name or email contains the address).
    It pages through `users.list()`, so a server that ignores `?page=` costs 2 requests and
    raises `PaginationError` instead of listing until the quota is spent. In `embody_many`
    it lists the organization's members once where that is cheaper (see `MemberIndex`).
    """

    def __init__(self, focus: AsyncFocus, *, organization_id: int | None = None) -> None:
        """Look members up through `focus` (its organization unless `organization_id`)."""
        require_client(focus, AsyncFocus, "AsyncLookupInviter")
        self._focus = focus
        self._organization_id = optional_id("organization_id", organization_id)
        self._index: MemberIndex | None = None

    async def invite(self, email: str) -> InviteResult:
        """The ids of the member whose email is exactly `email`; MemberNotFound/Ambiguous."""
        email = check_email(email)
        if self._index is not None:
            known = self._index.answer(email)
            if known is not None:
                return known
            if self._index.stop is not None:  # a spent quota or a rejected key: no request
                raise self._index.stop
        pager = self._focus.users.list(
            filter=email, page_size=100, organization_id=self._organization_id
        )
        return pick_member(email, [member async for member in pager])

    @contextlib.asynccontextmanager
    async def batch(self, emails: Iterable[str]) -> AsyncIterator[None]:
        """Inside the block, `invite` answers from one listing of the members where cheaper.

        The listing stops as soon as it cannot beat one request per person still missing;
        an error while listing just ends it: the people it did not find are looked up one
        by one, except after a spent quota or a rejected key, which every request would
        meet: then each of them fails with that error at no cost (and the batch stops).
        """
        index = MemberIndex(emails)
        if index.worth_another_page():
            pager = self._focus.users.list(page_size=100, organization_id=self._organization_id)
            try:
                async for page in pager.pages():
                    index.add(page.items)
                    index.complete = pager.next_page is None
                    if not index.worth_another_page():
                        break
            except FocusError as exc:
                logger.info("listing the members for a batch stopped: %s", exc)
                if isinstance(exc, QuotaExceededError | AuthenticationError):
                    index.stop = exc
        self._index = index
        try:
            yield
        finally:
            self._index = None
