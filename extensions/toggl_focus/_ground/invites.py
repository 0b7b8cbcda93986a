"""What an invite yields and the inviters every client can use: the invite's data and protocols.

`InviteResult` (the two recipient ids `embody_ghost` takes), `KnownInvite` (an inviter for
ids the app already holds), the `Inviter`/`AsyncInviter` protocols and `as_invite`, which
checks what any inviter returned. On the ground floor because the errors (`EmbodyError`
carries the invite) and the sync/async I/O pair (`_wire/sync_io.py` calls an inviter) name
them; the workflows that invite are above (`_embody/`, `_async/inviters.py`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from typing import Protocol

import attrs

from ..errors import FocusConfigError, InvalidInviteError
from . import check as _check

__all__ = [
    "AsyncInviter",
    "InviteIds",
    "InviteResult",
    "Inviter",
    "KnownInvite",
    "as_invite",
    "check_email",
    "same_email",
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


def same_email(a: str, b: str) -> bool:
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
    if isinstance(said, str) and not same_email(said, email):
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
        if self.email is not None and not same_email(self.email, email):
            raise InvalidInviteError(f"this KnownInvite holds the ids of {self.email}, not {email}")
        return InviteResult(email, self.recipient_org_user_id, self.recipient_user_account_id)
