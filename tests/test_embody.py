"""Invite-then-embody (`toggl_focus.embody`) against the fake Focus server.

Every workflow test runs twice, through `invite_and_embody`/`embody_many` on `Focus` and
through their async twins on `AsyncFocus`, and asserts the exact requests it costs (the
fake's record and the workflow's own count must agree).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from toggl_focus import (
    AlreadyEmbodiedError,
    AmbiguousMemberError,
    AsyncFocus,
    AsyncLookupInviter,
    EmbodyError,
    EmbodyReport,
    EmbodyResult,
    Focus,
    FocusConfigError,
    FocusConnectionError,
    InvalidInviteError,
    InviteResult,
    KnownInvite,
    LookupInviter,
    MemberNotFoundError,
    NotFoundError,
    QuotaExceededError,
    RoleNotFoundError,
    ServerError,
    aembody_many,
    ainvite_and_embody,
    aresolve_role,
    embody_many,
    invite_and_embody,
    resolve_role,
)
from toggl_focus import demo as demo_module
from toggl_focus.testing import FakeFocus, Fault

EMAIL = "ada.lovelace@example.com"
EMBODY = r"/embody$"
_ACC = "recipient_user_account_id"


# --- fixtures and helpers -----------------------------------------------------------------


@pytest.fixture
def fake() -> FakeFocus:
    """A small organization; tests add the ghosts they embody."""
    return FakeFocus(seed=3, ghosts=10, users=15)


def new_ghost(fake: FakeFocus, name: str = "Designer (TBH)", **kw: Any) -> int:
    ghost_id: int = fake.add_ghost(name, **kw)["id"]
    return ghost_id


def calls(fake: FakeFocus) -> list[str]:
    """The requests the fake received, as "METHOD last-path-segment" ("GET ghost" for one)."""
    out = []
    for r in fake.requests:
        last = r.path.rsplit("/", 1)[-1]
        out.append(f"{r.method} {'ghost' if last.isdigit() else last}")
    return out


@contextmanager
def sync_focus(fake: FakeFocus, **overrides: Any) -> Iterator[Focus]:
    """A Focus on the fake, in-process."""
    ids: dict[str, Any] = {
        "organization_id": fake.organization_id,
        "workspace_id": fake.workspace_id,
        **overrides,
    }
    with (
        httpx.Client(transport=fake.transport()) as http,
        Focus(fake.token, base_url=fake.base_url, http_client=http, **ids) as focus,
    ):
        yield focus


class Recording:
    """An inviter that records each call and delegates to `spec` ("accounts", "lookup", obj)."""

    def __init__(self, spec: Any = "accounts") -> None:
        self.spec = spec
        self.inner: Any = None
        self.calls: list[str] = []

    def invite(self, email: str) -> Any:
        self.calls.append(email)
        return self.inner.invite(email)


class Failing:
    """An inviter whose accounts service is down."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def invite(self, email: str) -> InviteResult:
        self.calls += 1
        raise self.error


class Side:
    """Runs the workflow on one fake, sync (`Focus`) or async (`AsyncFocus`), same arguments."""

    def __init__(self, kind: str, fake: FakeFocus, base_url: str | None = None) -> None:
        self.kind = kind
        self.fake = fake
        self.base_url = base_url

    def _ids(self) -> dict[str, Any]:
        fake = self.fake
        return {
            "token": fake.token,
            "base_url": self.base_url or fake.base_url,
            "organization_id": fake.organization_id,
            "workspace_id": fake.workspace_id,
        }

    def _inviter(self, spec: Any, focus: Focus | AsyncFocus) -> Any:
        if isinstance(spec, Recording):
            spec.inner = self._inviter(spec.spec, focus)
            return spec
        if spec == "accounts":
            return self.fake.accounts
        if spec == "lookup":
            return LookupInviter(focus) if isinstance(focus, Focus) else AsyncLookupInviter(focus)
        return spec

    def _call(self, sync_fn: Any, async_fn: Any, first: Any, inviter: Any, **kw: Any) -> Any:
        if self.kind == "sync":
            http = None if self.base_url else httpx.Client(transport=self.fake.transport())
            try:
                with Focus(http_client=http, **self._ids()) as focus:
                    return sync_fn(focus, *first, inviter=self._inviter(inviter, focus), **kw)
            finally:
                if http is not None:
                    http.close()

        async def run() -> Any:
            http = (
                None if self.base_url else httpx.AsyncClient(transport=self.fake.async_transport())
            )
            try:
                async with AsyncFocus(http_client=http, **self._ids()) as focus:
                    inv = self._inviter(inviter, focus)
                    return await async_fn(focus, *first, inviter=inv, **kw)
            finally:
                if http is not None:
                    await http.aclose()

        return asyncio.run(run())

    def one(
        self, ghost_id: Any, person: Any, *, role: Any = "member", inviter: Any = "accounts"
    ) -> EmbodyResult:
        result: EmbodyResult = self._call(
            invite_and_embody, ainvite_and_embody, (ghost_id, person), inviter, role=role
        )
        return result

    def many(self, people: Any, *, role: Any = "member", inviter: Any = "accounts") -> EmbodyReport:
        report: EmbodyReport = self._call(embody_many, aembody_many, (people,), inviter, role=role)
        return report


@pytest.fixture(params=["sync", "async"])
def side(request: pytest.FixtureRequest, fake: FakeFocus) -> Side:
    return Side(request.param, fake)


def user(fake: FakeFocus, email: str) -> dict[str, Any]:
    found = fake.state.user_by_email(email)
    assert found is not None, email
    return found


def stored(fake: FakeFocus, ghost_id: int) -> dict[str, Any]:
    ghost: dict[str, Any] = fake.state.ghosts[ghost_id]
    return ghost


# --- the happy path and what it costs -----------------------------------------------------


def test_happy_path_invites_embodies_and_costs_two_requests(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    fake.reset_requests()

    result = side.one(ghost_id, EMAIL, role="member", inviter="accounts")

    assert calls(fake) == ["GET roles", "PATCH embody"]
    assert result.requests == fake.request_count == 2
    user = fake.state.user_by_email(EMAIL)
    assert user is not None and user["invite_sent"] and not user["joined"]
    assert result.invite == InviteResult(EMAIL, user["id"], user["user_account_id"])
    assert result.ghost.id == ghost_id and result.ghost.user_id == user["id"]
    assert result.ghost.embodied_at and result.role_id == 3 and not result.already_done
    assert stored(fake, ghost_id)["user_id"] == user["id"]
    assert "embodied by ada.lovelace@example.com" in str(result)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_happy_path_over_loopback(kind: str, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    with fake.serve() as url:
        fake.reset_requests()
        result = Side(kind, fake, url).one(ghost_id, EMAIL, role="member", inviter="accounts")
    assert calls(fake) == ["GET roles", "PATCH embody"]
    assert result.requests == 2 and result.ghost.user_id == result.invite.recipient_org_user_id


COSTS = [
    ("role_id+KnownInvite", 3, "known", ["PATCH embody"]),
    ("name+KnownInvite", "member", "known", ["GET roles", "PATCH embody"]),
    ("Role+KnownInvite", "role-object", "known", ["PATCH embody"]),
    ("role_id+accounts", 3, "accounts", ["PATCH embody"]),
    ("name+accounts", "Member", "accounts", ["GET roles", "PATCH embody"]),
    ("code+lookup", "MEMBER", "lookup", ["GET roles", "GET users", "PATCH embody"]),
    ("role_id+lookup", 3, "lookup", ["GET users", "PATCH embody"]),
    ("role_id+InviteResult", 3, "invite-result", ["PATCH embody"]),
]


@pytest.mark.parametrize(
    ("role", "how", "expected"), [c[1:] for c in COSTS], ids=[c[0] for c in COSTS]
)
def test_request_cost_table(
    side: Side, fake: FakeFocus, role: Any, how: str, expected: list[str]
) -> None:
    ghost_id = new_ghost(fake)
    made = fake.accounts.invite(EMAIL)
    response = {
        "recipient_org_user_id": made.recipient_org_user_id,
        "recipient_user_account_id": made.recipient_user_account_id,
    }
    if role == "role-object":
        with sync_focus(fake) as focus:
            role = resolve_role(focus, "member")
    person: Any = EMAIL
    inviter: Any = how
    if how == "known":
        inviter = KnownInvite.from_response(response)
    elif how == "invite-result":
        person, inviter = InviteResult(EMAIL, **response), None
    fake.reset_requests()

    result = side.one(ghost_id, person, role=role, inviter=inviter)

    assert calls(fake) == expected
    assert result.requests == len(expected)
    assert result.ghost.user_id == made.recipient_org_user_id
    assert result.role_id == 3


def test_rerun_is_harmless_409_by_the_same_person_is_success(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    first = side.one(ghost_id, EMAIL)
    embodied_at = stored(fake, ghost_id)["embodied_at"]
    fake.reset_requests()

    again = side.one(ghost_id, EMAIL)

    assert calls(fake) == ["GET roles", "PATCH embody", "GET ghost"]
    assert again.requests == 3
    assert again.already_done and again.invite == first.invite
    assert again.ghost.user_id == first.invite.recipient_org_user_id
    assert stored(fake, ghost_id)["embodied_at"] == embodied_at
    assert "was already embodied" in str(again)


def test_resolve_role_matches_code_or_name_in_any_case(fake: FakeFocus) -> None:
    with sync_focus(fake) as focus:
        assert resolve_role(focus, " Resource Planner ").role_id == 5
        assert resolve_role(focus, "PLANNER").role_id == 5
    assert fake.request_count == 1  # the second lookup matched the client's cached roles

    async def run() -> int:
        async with (
            httpx.AsyncClient(transport=fake.async_transport()) as http,
            AsyncFocus(
                fake.token,
                base_url=fake.base_url,
                organization_id=fake.organization_id,
                http_client=http,
            ) as afocus,
        ):
            return (await aresolve_role(afocus, "guest")).role_id

    assert asyncio.run(run()) == 4


# --- validation: nothing is sent ----------------------------------------------------------


@pytest.mark.parametrize("ghost_id", [0, -3, True, "12", 1.0, None])
def test_bad_ghost_id_is_rejected_before_any_request(
    side: Side, fake: FakeFocus, ghost_id: Any
) -> None:
    with pytest.raises(FocusConfigError, match="ghost_id must be a positive integer"):
        side.one(ghost_id, EMAIL)
    assert fake.request_count == 0


@pytest.mark.parametrize(
    "email",
    ["", "ada", "ada@", "@example.com", "ada lovelace@example.com", "ada@example", None, 42],
)
def test_bad_email_is_rejected_before_any_request(side: Side, fake: FakeFocus, email: Any) -> None:
    with pytest.raises(FocusConfigError, match="email address"):
        side.one(new_ghost(fake), email)
    assert fake.request_count == 0


@pytest.mark.parametrize("role", [True, 0, -1, "", "   ", 3.5, None, ["member"]])
def test_bad_role_is_rejected_before_any_request(side: Side, fake: FakeFocus, role: Any) -> None:
    with pytest.raises(FocusConfigError, match="role"):
        side.one(new_ghost(fake), EMAIL, role=role)
    assert fake.request_count == 0


def test_missing_inviter_is_rejected_before_any_request(side: Side, fake: FakeFocus) -> None:
    with pytest.raises(FocusConfigError, match="an inviter is needed"):
        side.one(new_ghost(fake), EMAIL, inviter=None)
    with pytest.raises(FocusConfigError, match="an inviter is needed"):
        side.one(new_ghost(fake), EMAIL, inviter=object())
    assert fake.request_count == 0


def test_known_invite_for_another_email_is_rejected_before_any_request(
    side: Side, fake: FakeFocus
) -> None:
    known = KnownInvite(5101, 880001, email="grace@example.com")
    with pytest.raises(FocusConfigError, match=r"holds the ids of grace@example\.com"):
        side.one(new_ghost(fake), EMAIL, inviter=known)
    assert fake.request_count == 0


def test_sync_workflow_refuses_async_inviter_and_async_client(fake: FakeFocus) -> None:
    class AsyncOnly:
        async def invite(self, email: str) -> InviteResult:  # pragma: no cover - never called
            raise AssertionError

    ghost_id = new_ghost(fake)
    with sync_focus(fake) as focus:
        with pytest.raises(FocusConfigError, match="use ainvite_and_embody"):
            invite_and_embody(focus, ghost_id, EMAIL, role=3, inviter=AsyncOnly())  # type: ignore[arg-type]
        with pytest.raises(FocusConfigError, match="use aembody_many"):
            embody_many(focus, {ghost_id: EMAIL}, role=3, inviter=AsyncOnly())  # type: ignore[arg-type]
        with pytest.raises(
            FocusConfigError, match="ainvite_and_embody works with AsyncFocus, got Focus"
        ):
            asyncio.run(ainvite_and_embody(focus, ghost_id, EMAIL, role=3))  # type: ignore[arg-type]
    afocus = AsyncFocus(fake.token, base_url=fake.base_url, organization_id=1, workspace_id=2)
    with pytest.raises(FocusConfigError, match="use ainvite_and_embody"):
        invite_and_embody(afocus, ghost_id, EMAIL, role=3, inviter=fake.accounts)  # type: ignore[arg-type]
    with pytest.raises(FocusConfigError, match="AsyncLookupInviter"):
        LookupInviter(afocus)  # type: ignore[arg-type]
    assert fake.request_count == 0


def test_missing_workspace_is_rejected_before_any_request(fake: FakeFocus) -> None:
    with (
        sync_focus(fake, workspace_id=None) as focus,
        pytest.raises(FocusConfigError, match="workspace_id is required"),
    ):
        invite_and_embody(focus, new_ghost(fake), EMAIL, role="member", inviter=fake.accounts)
    assert fake.request_count == 0
    assert fake.state.user_by_email(EMAIL) is None


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ({}, "lacks recipient_org_user_id and recipient_user_account_id"),
        ({"recipient_org_user_id": 5}, "lacks recipient_user_account_id"),
        ({"recipient_org_user_id": None, "recipient_user_account_id": 6}, "lacks recipient_org"),
        ({"recipient_org_user_id": True, "recipient_user_account_id": 6}, "got True"),
        ({"recipient_org_user_id": "5", "recipient_user_account_id": 6}, "got '5'"),
        ({"recipient_org_user_id": 5.0, "recipient_user_account_id": 6}, "got 5.0"),
        ({"recipient_org_user_id": 5, "recipient_user_account_id": -6}, "got -6"),
        ({"recipient_org_user_id": 5, "recipient_user_account_id": 0}, "got 0"),
        ([5, 6], "must be a mapping"),
    ],
)
def test_known_invite_from_response_validates_both_ids(response: Any, message: str) -> None:
    with pytest.raises(InvalidInviteError, match=message):
        KnownInvite.from_response(response)


def test_known_invite_from_response_keeps_the_email_guard() -> None:
    known = KnownInvite.from_response(
        {"recipient_org_user_id": 5, "recipient_user_account_id": 6, "email": "Ada@Example.com"}
    )
    assert known.invite("ada@example.com") == InviteResult("ada@example.com", 5, 6)
    with pytest.raises(InvalidInviteError, match=r"holds the ids of Ada@Example\.com"):
        known.invite("grace@example.com")
    assert KnownInvite(5, 6).invite("x@y.org").recipient_user_account_id == 6


# --- failure points and resuming after each -----------------------------------------------


def test_invite_fails_then_a_retry_invites_and_embodies(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    down = Failing(FocusConnectionError("accounts service unreachable"))
    fake.reset_requests()

    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, inviter=down)

    err = caught.value
    assert err.step == "invite" and err.invite is None and err.ghost_id == ghost_id
    assert isinstance(err.cause, FocusConnectionError)
    assert "inviting ada.lovelace@example.com failed" in str(err)
    assert err.requests == 1 and calls(fake) == ["GET roles"]
    assert stored(fake, ghost_id)["user_id"] is None

    result = side.one(ghost_id, EMAIL, inviter="accounts")
    assert not result.already_done and down.calls == 1


def test_inviter_raising_anything_is_wrapped(side: Side, fake: FakeFocus) -> None:
    with pytest.raises(EmbodyError) as caught:
        side.one(new_ghost(fake), EMAIL, role=3, inviter=Failing(RuntimeError("boom")))
    assert isinstance(caught.value.cause, RuntimeError)
    assert "RuntimeError: boom" in str(caught.value) and caught.value.requests == 0


@pytest.mark.parametrize(
    "answer",
    [object(), None, {"recipient_org_user_id": 5}, {"recipient_org_user_id": 5, _ACC: "6"}],
    ids=["no-ids", "none", "dict-lacking-one", "dict-with-a-str-id"],
)
def test_inviter_returning_no_ids_fails_at_the_invite_step(
    side: Side, fake: FakeFocus, answer: Any
) -> None:
    class Junk:
        def invite(self, email: str) -> Any:
            return answer

    with pytest.raises(EmbodyError) as caught:
        side.one(new_ghost(fake), EMAIL, role=3, inviter=Junk())
    assert caught.value.step == "invite" and isinstance(caught.value.cause, InvalidInviteError)
    assert fake.request_count == 0


def test_inviter_answering_for_someone_else_or_with_a_bool_id_is_refused(
    side: Side, fake: FakeFocus
) -> None:
    class Other:
        def __init__(self, **answer: Any) -> None:
            self.answer = answer

        def invite(self, email: str) -> Any:
            return type("Answer", (), self.answer)()

    other = Other(email="grace@example.com", recipient_org_user_id=5, recipient_user_account_id=6)
    with pytest.raises(EmbodyError, match=r"answered for grace@example\.com"):
        side.one(new_ghost(fake), EMAIL, role=3, inviter=other)
    boolean = Other(recipient_org_user_id=True, recipient_user_account_id=6)
    with pytest.raises(EmbodyError, match="must be a positive integer, got True"):
        side.one(new_ghost(fake), EMAIL, role=3, inviter=boolean)
    assert fake.request_count == 0


def test_inviter_may_return_the_raw_json_response(side: Side, fake: FakeFocus) -> None:
    class Json:
        def invite(self, email: str) -> dict[str, Any]:
            made = fake.accounts.invite(email)
            return {
                "email": email,
                "recipient_org_user_id": made.recipient_org_user_id,
                _ACC: made.recipient_user_account_id,
                "invite_url": "https://example.com/join/abc",
            }

    result = side.one(new_ghost(fake), EMAIL, inviter=Json())
    assert result.ghost.user_id == user(fake, EMAIL)["id"]


def test_async_inviter_works_in_async_code(fake: FakeFocus) -> None:
    class AsyncAccounts:
        async def invite(self, email: str) -> Any:
            await asyncio.sleep(0)
            return fake.accounts.invite(email)

    result = Side("async", fake).one(new_ghost(fake), EMAIL, inviter=AsyncAccounts())
    assert result.ghost.user_id == result.invite.recipient_org_user_id


def test_lookup_finds_none_then_works_once_invited(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    fake.reset_requests()

    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, inviter="lookup")

    err = caught.value
    assert err.step == "invite" and err.invite is None
    assert isinstance(err.cause, MemberNotFoundError) and err.cause.email == EMAIL
    assert f"no organization member has the email {EMAIL}; invite them first" in str(err)
    assert calls(fake) == ["GET roles", "GET users"] and err.requests == 2

    fake.accounts.invite(EMAIL)  # the app's accounts service invites them
    fake.reset_requests()
    result = side.one(ghost_id, EMAIL, inviter="lookup")
    assert calls(fake) == ["GET roles", "GET users", "PATCH embody"]
    assert result.invite.recipient_org_user_id == user(fake, EMAIL)["id"]


def test_lookup_matches_the_whole_email_in_any_case(side: Side, fake: FakeFocus) -> None:
    for email in ("xada.lovelace@example.com", "ada.lovelace@example.com.au"):
        fake.state.add_user(email=email, name="Near Miss")
    made = fake.accounts.invite(EMAIL)
    result = side.one(new_ghost(fake), "ADA.Lovelace@Example.COM", inviter="lookup")
    assert result.invite.recipient_org_user_id == made.recipient_org_user_id
    assert result.invite.email == "ADA.Lovelace@Example.COM"


def test_lookup_finds_several_then_known_invite_picks_one(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    one = fake.state.add_user(email=EMAIL, name="Ada Lovelace", joined=True)
    two = fake.state.add_user(email=EMAIL.upper(), name="Ada L.", joined=False)

    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, inviter="lookup")

    cause = caught.value.cause
    assert isinstance(cause, AmbiguousMemberError)
    assert sorted(m.id for m in cause.members) == [one["id"], two["id"]]
    text = str(cause)
    assert f"org user {one['id']} (Ada Lovelace <{EMAIL}>, joined)" in text
    assert f"org user {two['id']} (Ada L. <{EMAIL.upper()}>, invited)" in text
    assert stored(fake, ghost_id)["user_id"] is None

    fake.reset_requests()
    pick = KnownInvite(one["id"], one["user_account_id"], email=EMAIL)
    result = side.one(ghost_id, EMAIL, inviter=pick)
    assert calls(fake) == ["GET roles", "PATCH embody"]
    assert result.ghost.user_id == one["id"]


def test_unknown_role_lists_the_valid_ones_and_invites_nobody(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    inviter = Recording()
    fake.reset_requests()

    with pytest.raises(RoleNotFoundError) as caught:
        side.one(ghost_id, EMAIL, role="mmeber", inviter=inviter)

    assert str(caught.value) == (
        "no role 'mmeber' in organization 9001; valid roles: owner (Owner, id 1), "
        "admin (Admin, id 2), member (Member, id 3), guest (Guest, id 4), "
        "planner (Resource planner, id 5)"
    )
    assert caught.value.wanted == "mmeber" and len(caught.value.roles) == 5
    assert calls(fake) == ["GET roles"] and inviter.calls == []
    assert fake.state.user_by_email(EMAIL) is None

    result = side.one(ghost_id, EMAIL, role="member", inviter=inviter)
    assert result.role_id == 3 and inviter.calls == [EMAIL]


def test_ambiguous_role_name_asks_for_the_role_id(side: Side, fake: FakeFocus) -> None:
    fake.state.roles[6] = {**fake.state.roles[3], "role_id": 6, "code": "team", "name": "member"}
    with pytest.raises(RoleNotFoundError, match=r"'member' is ambiguous: .*id 3.*id 6.*role_id"):
        side.one(new_ghost(fake), EMAIL, role="member")
    assert fake.request_count == 1 and fake.state.user_by_email(EMAIL) is None


def test_embody_404_keeps_the_invite_and_resuming_does_not_invite_again(
    side: Side, fake: FakeFocus
) -> None:
    inviter = Recording()
    fake.reset_requests()

    with pytest.raises(EmbodyError) as caught:
        side.one(999_999, EMAIL, inviter=inviter)

    err = caught.value
    assert err.step == "embody" and isinstance(err.cause, NotFoundError)
    assert err.invite is not None and err.invite.email == EMAIL
    assert "Pass err.invite instead of the email" in str(err)
    assert calls(fake) == ["GET roles", "PATCH embody"] and err.requests == 2

    ghost_id = new_ghost(fake)  # the right ghost
    fake.reset_requests()
    result = side.one(ghost_id, err.invite, role=3, inviter=inviter)
    assert calls(fake) == ["PATCH embody"] and result.requests == 1
    assert inviter.calls == [EMAIL]  # invited once, in all
    assert result.invite == err.invite


def test_embody_409_by_someone_else_names_them(side: Side, fake: FakeFocus) -> None:
    owner = fake.me_user_id
    ghost_id = new_ghost(fake, user_id=owner)
    fake.reset_requests()

    with pytest.raises(AlreadyEmbodiedError) as caught:
        side.one(ghost_id, EMAIL)

    err = caught.value
    assert err.user_id == owner and err.ghost.id == ghost_id and err.ghost.user_id == owner
    assert f"ghost {ghost_id} is already embodied by organization user {owner}" in str(err)
    assert err.step == "embody" and err.invite is not None and err.invite.email == EMAIL
    assert err.cause is not None and getattr(err.cause, "status_code", None) == 409
    assert calls(fake) == ["GET roles", "PATCH embody", "GET ghost"] and err.requests == 3
    assert stored(fake, ghost_id)["user_id"] == owner


def test_embody_5xx_is_not_retried_and_resuming_finishes(
    side: Side, fake: FakeFocus, sleeps: list[float]
) -> None:
    ghost_id = new_ghost(fake)
    inviter = Recording()
    fake.inject(Fault.status(503), times=1, method="PATCH", path=EMBODY)
    fake.reset_requests()

    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, inviter=inviter)

    err = caught.value
    assert isinstance(err.cause, ServerError) and err.cause.status_code == 503
    assert calls(fake) == ["GET roles", "PATCH embody"]  # one PATCH: not retried
    assert sleeps == [] and err.requests == 2
    assert stored(fake, ghost_id)["user_id"] is None

    fake.reset_requests()
    assert err.invite is not None
    result = side.one(ghost_id, err.invite, role="member", inviter=inviter)
    assert calls(fake) == ["GET roles", "PATCH embody"] and not result.already_done
    assert inviter.calls == [EMAIL]


def test_embody_lost_answer_then_resume_sees_it_already_done(side: Side, fake: FakeFocus) -> None:
    """The PATCH reached the server but its answer was lost: resuming is still harmless."""
    ghost_id = new_ghost(fake)
    fake.inject(Fault.html(502), times=1, method="PATCH", path=EMBODY)
    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, role=3)
    assert "502 Bad Gateway." in str(caught.value)
    invite = caught.value.invite
    assert invite is not None
    user = fake.state.users[invite.recipient_org_user_id]
    fake.state.embody_ghost(stored(fake, ghost_id), user, 3, "2026-11-22T10:00:00Z")
    fake.reset_requests()

    result = side.one(ghost_id, invite, role=3)

    assert result.already_done and calls(fake) == ["PATCH embody", "GET ghost"]


def test_retried_requests_are_counted(side: Side, fake: FakeFocus, sleeps: list[float]) -> None:
    ghost_id = new_ghost(fake)
    fake.inject(Fault.status(503), times=2, method="GET", path=r"/roles$")
    fake.reset_requests()

    result = side.one(ghost_id, EMAIL)

    assert calls(fake) == ["GET roles", "GET roles", "GET roles", "PATCH embody"]
    assert result.requests == fake.request_count == 4 and sleeps == [0.25, 0.25]


def test_409_then_get_ghost_fails_keeps_the_invite(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake, user_id=fake.me_user_id)
    fake.inject(Fault.status(503), times=3, method="GET", path=rf"/ghosts/{ghost_id}$")
    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, role=3)
    err = caught.value
    assert not isinstance(err, AlreadyEmbodiedError) and isinstance(err.cause, ServerError)
    assert err.invite is not None and err.requests == 1 + 3


def test_quota_spent_at_embody_then_resume_after_the_reset(side: Side, fake: FakeFocus) -> None:
    ghost_id = new_ghost(fake)
    inviter = Recording("lookup")
    fake.accounts.invite(EMAIL)
    fake.quota = 2  # GET roles, GET users; the PATCH gets a 402
    fake.reset_requests()

    with pytest.raises(EmbodyError) as caught:
        side.one(ghost_id, EMAIL, inviter=inviter)

    err = caught.value
    assert err.step == "embody" and isinstance(err.cause, QuotaExceededError)
    assert "hourly request quota spent" in str(err)
    assert [(r.method, r.status) for r in fake.requests] == [
        ("GET", 200),
        ("GET", 200),
        ("PATCH", 402),
    ]
    assert err.invite is not None and err.requests == 3

    fake.reset_quota()
    fake.reset_requests()
    result = side.one(ghost_id, err.invite, role=3, inviter=inviter)
    assert calls(fake) == ["PATCH embody"] and inviter.calls == [EMAIL]
    assert result.ghost.user_id == err.invite.recipient_org_user_id


def test_quota_spent_at_the_lookup_fails_the_invite_step(side: Side, fake: FakeFocus) -> None:
    fake.accounts.invite(EMAIL)
    fake.quota = 1
    with pytest.raises(EmbodyError) as caught:
        side.one(new_ghost(fake), EMAIL, inviter="lookup")
    assert caught.value.step == "invite" and caught.value.invite is None
    assert isinstance(caught.value.cause, QuotaExceededError)


# --- bulk ---------------------------------------------------------------------------------


def test_bulk_report(side: Side, fake: FakeFocus) -> None:
    first, second, mine, taken = (new_ghost(fake, f"Ghost {n}") for n in range(4))
    fake.accounts.invite("bob@example.com")
    bob = user(fake, "bob@example.com")
    fake.state.embody_ghost(stored(fake, mine), bob, 3, "2026-11-22T10:00:00Z")
    fake.state.ghosts[taken]["user_id"] = fake.me_user_id
    inviter = Recording()
    fake.reset_requests()

    report = side.many(
        {
            first: EMAIL,
            second: EMAIL.upper(),  # the same person: invited once
            mine: "bob@example.com",  # already theirs
            taken: "carol@example.com",  # someone else's
            999_999: "dan@example.com",  # no such ghost
        },
        role="member",
        inviter=inviter,
    )

    assert [o.status for o in report.outcomes] == [
        "done",
        "done",
        "already_done",
        "failed",
        "failed",
    ]
    assert inviter.calls == [EMAIL, "bob@example.com", "carol@example.com", "dan@example.com"]
    # GET roles once, one listing of the 5 ghosts; then PATCH, PATCH, nothing for the two
    # the listing shows embodied (bob's: already done; someone else's: failed), PATCH (404).
    assert report.requests == fake.request_count == 1 + 1 + 1 + 1 + 0 + 0 + 1
    assert [o.requests for o in report.outcomes] == [1, 1, 0, 0, 1]
    assert report.role_id == 3 and not report.ok and report.stopped_by is None
    assert len(report.done) == 2 and len(report.already_done) == 1 and len(report.failed) == 2
    ada = user(fake, EMAIL)["id"]
    assert stored(fake, first)["user_id"] == stored(fake, second)["user_id"] == ada
    taken_outcome = report.outcomes[3]
    assert isinstance(taken_outcome.error, AlreadyEmbodiedError)
    assert taken_outcome.reason == f"embodied by someone else: organization user {fake.me_user_id}"
    assert report.outcomes[4].reason == "embody: 404 not_found: ghost 999999 not found"
    assert report.to_retry() == {}  # neither failure can be fixed by a retry
    text = str(report)
    assert text.splitlines()[0] == (
        "5 ghosts: 2 done, 1 already done, 2 failed, 0 not attempted; 5 requests"
    )
    assert f"{mine}  bob@example.com" in text and "already done" in text
    assert "999999  dan@example.com" in text


def test_bulk_carries_on_past_invite_failures_and_asks_once_per_person(
    side: Side, fake: FakeFocus
) -> None:
    a, b, c = (new_ghost(fake, f"Ghost {n}") for n in range(3))
    fake.accounts.invite("bob@example.com")
    fake.reset_requests()

    report = side.many({a: EMAIL, b: "bob@example.com", c: EMAIL}, role=3, inviter="lookup")

    assert [o.status for o in report.outcomes] == ["failed", "done", "failed"]
    # One listing of the 3 ghosts; two people among 16 members: one page of members (it
    # ends the list) beats 2 lookups; Ada, absent from the complete list, costs nothing more.
    assert calls(fake) == ["GET ghosts", "GET users", "PATCH embody"]
    assert report.requests == 3 and report.outcomes[0].requests == 0
    assert report.outcomes[2].requests == 0
    assert isinstance(report.outcomes[0].error, EmbodyError)
    assert isinstance(report.outcomes[2].error.cause, MemberNotFoundError)  # type: ignore[union-attr]
    assert report.to_retry() == {a: EMAIL, c: EMAIL}

    fake.accounts.invite(EMAIL)
    again = side.many(report.to_retry(), role=3, inviter="lookup")
    assert again.ok and [o.status for o in again.outcomes] == ["done", "done"]


def test_bulk_stops_when_the_quota_is_spent_and_resumes_from_the_report(
    side: Side, fake: FakeFocus
) -> None:
    ghosts = [new_ghost(fake, f"Ghost {n}") for n in range(5)]
    people = {g: f"person{n}@example.com" for n, g in enumerate(ghosts)}
    inviter = Recording()
    fake.quota = 4  # GET roles + the ghosts' listing + 2 PATCHes; the third PATCH is a 402
    fake.reset_requests()

    report = side.many(people, role="member", inviter=inviter)

    assert [o.status for o in report.outcomes] == [
        "done",
        "done",
        "failed",
        "not_attempted",
        "not_attempted",
    ]
    assert isinstance(report.stopped_by, QuotaExceededError)
    assert report.requests == fake.request_count == 5
    assert report.outcomes[3].reason == "hourly request quota spent; resets in 3600 s"
    assert inviter.calls == list(people.values())[:3]
    retry = report.to_retry()
    assert list(retry) == ghosts[2:]
    assert isinstance(retry[ghosts[2]], InviteResult)  # invited: not to be invited again
    assert retry[ghosts[3]] == "person3@example.com"
    assert "stopped early: hourly request quota spent" in str(report)

    fake.reset_quota()
    fake.reset_requests()
    rest = side.many(retry, role=3, inviter=inviter)
    assert rest.ok and rest.requests == 4
    assert calls(fake) == ["GET ghosts"] + ["PATCH embody"] * 3
    assert inviter.calls == list(people.values())  # each person invited exactly once
    assert all(stored(fake, g)["user_id"] is not None for g in ghosts)


def test_bulk_validates_everything_before_any_request(side: Side, fake: FakeFocus) -> None:
    good = new_ghost(fake)
    with pytest.raises(FocusConfigError, match="email address"):
        side.many({good: EMAIL, good + 1: "not-an-email"})
    with pytest.raises(FocusConfigError, match="ghost_id"):
        side.many({good: EMAIL, 0: "bob@example.com"})
    with pytest.raises(FocusConfigError, match="mapping"):
        side.many([(good, EMAIL)])
    with pytest.raises(FocusConfigError, match="same person"):
        side.many({good: EMAIL, good + 1: "bob@example.com"}, inviter=KnownInvite(5, 6))
    assert fake.request_count == 0 and fake.state.user_by_email(EMAIL) is None


def test_bulk_unknown_role_raises_before_any_invite(side: Side, fake: FakeFocus) -> None:
    inviter = Recording()
    with pytest.raises(RoleNotFoundError):
        side.many({new_ghost(fake): EMAIL}, role="boss", inviter=inviter)
    assert fake.request_count == 1 and inviter.calls == []


def test_bulk_of_nothing_costs_nothing(side: Side, fake: FakeFocus) -> None:
    report = side.many({}, role="member")
    assert report.outcomes == () and report.requests == 0 and report.ok
    assert fake.request_count == 0
    assert str(report) == "0 ghosts: 0 done, 0 already done, 0 failed, 0 not attempted; 0 requests"


# --- the demo -----------------------------------------------------------------------------


def test_demo_main_runs_on_the_fake(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo_module.main([]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    text = out.out
    assert "on the embedded fake server" in text
    assert "ghosts        " in text and "quota left    28 of 30" in text
    assert "invited       org user" in text and "role_id 3" in text
    assert "embodied_at   20" in text and "already embodied by the same person" in text
    assert "Quota left: 18 of 30 requests this hour (12 used by this demo)." in text


def test_demo_as_a_module_ignores_a_real_token() -> None:
    env = {**os.environ, "TOGGL_FOCUS_API_TOKEN": "toggl_sk_real_do_not_use"}
    env.pop("TOGGL_FOCUS_BASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "toggl_focus.demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "is set but not used" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert "toggl_sk_real_do_not_use" not in done.stdout
    assert "Quota left: 18 of 30" in done.stdout


def test_a_rerun_of_a_finished_batch_costs_what_is_left(side: Side, fake: FakeFocus) -> None:
    """The documented path (`LookupInviter`, a role by name) over 20 ghosts, run twice: the
    re-run reads the ghosts in one listing, finds each embodied by its person, and sends
    no embody and no `GET ghost` (it cost 43 requests when each ghost was tried again)."""
    ghosts = [new_ghost(fake, f"Ghost {n}") for n in range(20)]
    people = {g: f"person{n}@example.com" for n, g in enumerate(ghosts)}
    for email in people.values():
        fake.accounts.invite(email)
    first = side.many(people, role="member", inviter="lookup")
    assert first.ok and len(first.done) == 20
    fake.reset_requests()

    again = side.many(people, role="member", inviter="lookup")

    assert again.ok and [o.status for o in again.outcomes] == ["already_done"] * 20
    # On a fresh client, among 15 members: roles, one page of members, one listing.
    assert again.requests == fake.request_count == 3
    assert sorted(calls(fake)) == ["GET ghosts", "GET roles", "GET users"]
    assert "PATCH embody" not in calls(fake) and "GET ghost" not in calls(fake)
    assert calls(fake).count("GET ghosts") == 1  # 20 ids in one listing
    assert all(o.requests == 0 for o in again.outcomes)


def test_the_batch_listing_holds_100_ids_a_request(side: Side, fake: FakeFocus) -> None:
    ghosts = [new_ghost(fake, f"Ghost {n}") for n in range(150)]
    fake.accounts.invite(EMAIL)
    fake.reset_requests()
    report = side.many(dict.fromkeys(ghosts, EMAIL), role=3, inviter="lookup")
    assert report.ok
    listings = [r for r in fake.requests if r.method == "GET" and r.path.endswith("/ghosts")]
    assert len(listings) == 2  # 100 ids, then 50
    sent = [len(dict(parse_qsl(r.query))["ghost_ids"].split(",")) for r in listings]
    assert sent == [100, 50]
    assert report.requests == fake.request_count == 2 + 1 + 150  # listings, members, embodies
