"""Finding invited members by email: `pick_member` and the batch's `MemberIndex`.

The invite's data and the inviter protocols are on the ground floor
(`toggl_focus._ground.invites`); the inviter that looks members up through the client is
written once, async, in `_async/inviters.py` (`AsyncLookupInviter`; `LookupInviter` is
generated from it).
"""

from __future__ import annotations

from collections.abc import Iterable

from toggl_focus_api.models import OrganizationUser

from .._ground.invites import InviteResult, check_email, same_email
from ..errors import AmbiguousMemberError, FocusError, MemberNotFoundError

__all__ = ["MemberIndex", "pick_member"]


def pick_member(email: str, members: list[OrganizationUser]) -> InviteResult:
    """The one live member whose email is exactly `email` (any case)."""
    exact = [
        m
        for m in members
        if isinstance(m.email, str) and same_email(m.email, email) and not m.deleted_at
    ]
    if not exact:
        raise MemberNotFoundError(
            f"no organization member has the email {email}; invite them first",
            email=email,
        )
    if len(exact) > 1:
        listed = "; ".join(
            f"org user {m.id} ({m.name or '?'} <{m.email}>, {'joined' if m.joined else 'invited'})"
            for m in exact
        )
        raise AmbiguousMemberError(
            f"{len(exact)} members have the email {email}: {listed}; "
            "pass KnownInvite(org_user_id, account_id) for the right one",
            email=email,
            members=exact,
        )
    member = exact[0]
    if not isinstance(member.user_account_id, int):
        raise MemberNotFoundError(
            f"member {member.id} ({email}) is listed without a user_account_id", email=email
        )
    return InviteResult(email, member.id, member.user_account_id)


class MemberIndex:
    """The members a batch looks for, as found by listing the organization's members.

    `embody_many` with a `LookupInviter` lists the members page by page (100 a request)
    instead of one `filter=<email>` request per person, while listing can still be the
    cheaper way. The users list has no total, so how many pages it has is known only at
    its end: for N people, page `p + 1` is fetched only while `p + 1 < N` (the listing
    stays cheaper than N lookups) and two or more people are still missing (for one, a
    lookup is as cheap and certain). So N people among U members cost `ceil(U / 100)`
    requests when that is less than N (a list that is a multiple of 100 long ends on an
    empty page: one more), or fewer when everyone is found early; otherwise the listing
    is given up after at most N - 1 pages and the people still missing are looked up one
    by one: never more than `2N - 1` in all.

    A person found in the listing costs nothing more; once the listing is complete, one
    absent from it is `MemberNotFoundError` at no cost. Two live members with the same email
    are ambiguous only among the members listed (a listing stopped early may miss one).
    """

    def __init__(self, emails: Iterable[str]) -> None:
        self.wanted = {check_email(e).casefold() for e in emails}
        self.people = len(self.wanted)
        self.found: dict[str, list[OrganizationUser]] = {}
        self.complete = False
        self.pages = 0
        #: An error of the listing every later request would meet too (spent quota, bad key).
        self.stop: FocusError | None = None

    def add(self, members: Iterable[OrganizationUser]) -> None:
        """Keep the listed members whose email is one of the wanted ones."""
        self.pages += 1
        for member in members:
            if isinstance(member.email, str) and not member.deleted_at:
                key = member.email.strip().casefold()
                if key in self.wanted:
                    self.found.setdefault(key, []).append(member)

    @property
    def missing(self) -> int:
        """Wanted people not found yet."""
        return len(self.wanted) - len(self.found)

    def worth_another_page(self) -> bool:
        """Whether the next page can still beat one request per person not found yet."""
        return not self.complete and self.missing >= 2 and self.pages + 1 < self.people

    def answer(self, email: str) -> InviteResult | None:
        """The person's ids if listed; MemberNotFoundError if the complete list lacks them.

        None: not known from the listing (ask the API for this email).
        """
        key = email.strip().casefold()
        if key in self.found:
            return pick_member(email, self.found[key])
        if self.complete and key in self.wanted:
            return pick_member(email, [])
        return None
