"""What an invite yields and the inviters every client can use (`KnownInvite`, protocols).

The inviter that looks members up through the client is written once, async, in
`_async/inviters.py` (`AsyncLookupInviter`; `LookupInviter` is generated from it).
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Mapping
from typing import Protocol

import attrs

from toggl_focus_api.models import OrganizationUser

from .. import _check
from ..errors import (
    AmbiguousMemberError,
    FocusConfigError,
    FocusError,
    InvalidInviteError,
    MemberNotFoundError,
)

__all__ = [
    "AsyncInviter",
    "InviteIds",
    "InviteResult",
    "Inviter",
    "KnownInvite",
    "MemberIndex",
    "as_invite",
    "check_email",
    "pick_member",
]

_ORG_USER = "recipient_org_user_id"
_ACCOUNT = "recipient_user_account_id"


def _check_id(name: str, value: object) -> int:
    """A positive int id (bool is not an int here), else InvalidInviteError."""
    return _check.positive_id(name, value, error=InvalidInviteError)


def _validate_id(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    _check_id(attribute.name, value)


def check_email(value: object) -> str:
    """The email without surrounding spaces, if it looks like one; else FocusConfigError."""
    return _check.email("email", value)


def _looks_like_email(value: str) -> bool:
    try:
        _check.email("email", value)
    except FocusConfigError:
        return False
    return True


def _same_email(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@attrs.frozen
class InviteResult:
    """The ids an invite yields for one person: the recipient `embody_ghost` takes."""

    email: str = attrs.field(converter=check_email)
    recipient_org_user_id: int = attrs.field(validator=_validate_id)
    recipient_user_account_id: int = attrs.field(validator=_validate_id)

    def __str__(self) -> str:
        return (
            f"{self.email} (org user {self.recipient_org_user_id}, "
            f"account {self.recipient_user_account_id})"
        )


class InviteIds(Protocol):
    """What an inviter returns: anything with the two recipient ids (e.g. `InviteResult`).

    A mapping with the two keys (the accounts service's JSON answer as is) is accepted too.
    """

    @property
    def recipient_org_user_id(self) -> int: ...

    @property
    def recipient_user_account_id(self) -> int: ...


class Inviter(Protocol):
    """Invites `email` (or finds them) and returns their ids; `fake.accounts` is one."""

    def invite(self, email: str) -> InviteIds | Mapping[str, object]: ...


class AsyncInviter(Protocol):
    """Async twin of `Inviter`, for `ainvite_and_embody` and `aembody_many`."""

    def invite(self, email: str) -> Awaitable[InviteIds | Mapping[str, object]]: ...


def as_invite(email: str, ids: object) -> InviteResult:
    """Validate what an inviter returned and pin it to the email that was asked for."""
    org_user: object
    account: object
    said: object
    if isinstance(ids, Mapping):
        known = KnownInvite.from_response(ids)
        org_user, account, said = (
            known.recipient_org_user_id,
            known.recipient_user_account_id,
            ids.get("email"),
        )
    else:
        org_user = getattr(ids, _ORG_USER, None)
        account = getattr(ids, _ACCOUNT, None)
        said = getattr(ids, "email", None)
    if org_user is None or account is None:
        raise InvalidInviteError(
            f"the inviter returned {type(ids).__name__}, which lacks {_ORG_USER} and {_ACCOUNT}"
        )
    if isinstance(said, str) and not _same_email(said, email):
        raise InvalidInviteError(f"asked to invite {email}, the inviter answered for {said}")
    return InviteResult(email, _check_id(_ORG_USER, org_user), _check_id(_ACCOUNT, account))


@attrs.frozen
class KnownInvite:
    """An inviter for an invite the app already made: answers with the ids it holds (0 requests).

    With `email` set it answers for that address only, so it cannot embody the wrong person.
    """

    recipient_org_user_id: int = attrs.field(validator=_validate_id)
    recipient_user_account_id: int = attrs.field(validator=_validate_id)
    email: str | None = attrs.field(default=None)

    @email.validator
    def _email_ok(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            check_email(value)

    @classmethod
    def from_response(cls, response: Mapping[str, object]) -> KnownInvite:
        """From the accounts invite response (a mapping); both ids must be present integers."""
        if not isinstance(response, Mapping):
            raise InvalidInviteError(
                f"the invite response must be a mapping, got {type(response).__name__}"
            )
        missing = [key for key in (_ORG_USER, _ACCOUNT) if response.get(key) is None]
        if missing:
            raise InvalidInviteError(f"the invite response lacks {' and '.join(missing)}")
        email = response.get("email")
        return cls(
            _check_id(_ORG_USER, response[_ORG_USER]),
            _check_id(_ACCOUNT, response[_ACCOUNT]),
            email if isinstance(email, str) and _looks_like_email(email) else None,
        )

    def invite(self, email: str) -> InviteResult:
        """The held ids, for `email` (which must match `self.email` when that is set)."""
        email = check_email(email)
        if self.email is not None and not _same_email(self.email, email):
            raise InvalidInviteError(f"this KnownInvite holds the ids of {self.email}, not {email}")
        return InviteResult(email, self.recipient_org_user_id, self.recipient_user_account_id)


def pick_member(email: str, members: list[OrganizationUser]) -> InviteResult:
    """The one live member whose email is exactly `email` (any case)."""
    exact = [
        m
        for m in members
        if isinstance(m.email, str) and _same_email(m.email, email) and not m.deleted_at
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
