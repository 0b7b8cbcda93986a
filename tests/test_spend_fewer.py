"""Spending fewer requests: the role cache, batched member lookups, resumable listings.

Every figure is counted at the fake (`FakeFocus.requests`), sync and async.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from request_counts import focus_on as _focus  # tests/request_counts.py

from toggl_focus import (
    AsyncFocus,
    AsyncLookupInviter,
    FocusConfigError,
    LookupInviter,
    QuotaExceededError,
    RoleNotFoundError,
    aembody_many,
    ainvite_and_embody,
    aresolve_role,
    embody_many,
    invite_and_embody,
    resolve_role,
)
from toggl_focus.testing import FakeFocus, Fault


def _afocus(fake: FakeFocus) -> AsyncFocus:
    return AsyncFocus(
        fake.token,
        base_url=fake.base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        http_client=httpx.AsyncClient(transport=fake.async_transport()),
    )


def _count(fake: FakeFocus, method: str, suffix: str) -> int:
    return sum(1 for r in fake.requests if r.method == method and r.path.endswith(suffix))


# --- roles: cached per client --------------------------------------------------------------


def test_twenty_embodies_by_role_name_cost_one_roles_request() -> None:
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(20)]
    with _focus(fake) as focus:
        results = [
            invite_and_embody(focus, g, f"p{n}@example.com", role="member", inviter=fake.accounts)
            for n, g in enumerate(ghosts)
        ]
    assert _count(fake, "GET", "/roles") == 1
    assert fake.request_count == 1 + 20  # one GET roles, then one PATCH embody each
    assert [r.requests for r in results] == [2] + [1] * 19
    assert len({r.role_id for r in results}) == 1


def test_async_embodies_share_the_cache_too() -> None:
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    ghosts = [fake.add_ghost(f"Ghost {n}")["id"] for n in range(5)]

    async def run() -> None:
        async with _afocus(fake) as focus:
            for n, g in enumerate(ghosts):
                await ainvite_and_embody(
                    focus, g, f"p{n}@example.com", role="Member", inviter=fake.accounts
                )
            assert (await aresolve_role(focus, "member")).code == "member"

    asyncio.run(run())
    assert _count(fake, "GET", "/roles") == 1 and fake.request_count == 6


def test_the_cache_is_shared_by_copies_never_by_clients() -> None:
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    with _focus(fake) as focus, _focus(fake) as other:
        resolve_role(focus, "member")
        resolve_role(focus.with_options(max_retries=0), "admin")  # the copy: cached
        assert _count(fake, "GET", "/roles") == 1
        resolve_role(other, "member")  # another client: its own cache
        assert _count(fake, "GET", "/roles") == 2
        focus.roles.list()  # an explicit list() always asks
        focus.roles.list()
        assert _count(fake, "GET", "/roles") == 4


def test_cache_clear_refreshes_and_a_new_role_is_found() -> None:
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    with _focus(fake) as focus:
        resolve_role(focus, "member")
        focus.roles.cache_clear()
        resolve_role(focus, "member")
        assert _count(fake, "GET", "/roles") == 2
        # A role created since the cache was filled: a miss asks once more.
        new = copy.deepcopy(fake.state.roles[3])
        new.update(role_id=77, code="auditor", name="Auditor")
        fake.state.roles[77] = new
        assert resolve_role(focus, "auditor").role_id == 77
        assert _count(fake, "GET", "/roles") == 3
        with pytest.raises(RoleNotFoundError):
            resolve_role(focus, "no such role")  # a miss asks again, then fails
        assert _count(fake, "GET", "/roles") == 4
        assert resolve_role(focus, "auditor").role_id == 77  # cached
        assert _count(fake, "GET", "/roles") == 4


def test_the_cache_never_hands_out_what_a_caller_can_change() -> None:
    fake = FakeFocus(seed=5, ghosts=0, users=10)
    with _focus(fake) as focus:
        with pytest.raises(RoleNotFoundError) as caught:
            resolve_role(focus, "no such role")
        caught.value.roles.clear()  # the error's list is the caller's to change
        assert resolve_role(focus, "member").role_id == 3
        assert _count(fake, "GET", "/roles") == 1


# --- embody_many with LookupInviter: list the members once where cheaper ---------------------


def _members_by_page(fake: FakeFocus) -> list[list[str]]:
    """The members' emails, page by page as users.list() returns them (100 a page)."""
    with _focus(fake) as focus:
        pages = [[m.email for m in page.items] for page in focus.users.list().pages()]
    fake.reset_requests()
    return pages  # type: ignore[return-value]


def _batch(fake: FakeFocus, emails: list[str], mode: str) -> Any:
    people = {fake.add_ghost(f"Ghost for {e}")["id"]: e for e in emails}
    fake.reset_requests()
    if mode == "sync":
        with _focus(fake) as focus:
            return embody_many(focus, people, role=3, inviter=LookupInviter(focus))

    async def run() -> Any:
        async with _afocus(fake) as focus:
            return await aembody_many(focus, people, role=3, inviter=AsyncLookupInviter(focus))

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize(("members", "people"), [(120, 20), (250, 5), (250, 12), (99, 2)])
def test_n_people_among_u_members_cost_min_n_and_the_pages(
    mode: str, members: int, people: int
) -> None:
    fake = FakeFocus(seed=11, ghosts=0, users=members)
    pages = _members_by_page(fake)
    everyone = [e for page in pages for e in page]
    emails = everyone[:: max(1, len(everyone) // people)][:people]
    report = _batch(fake, emails, mode)
    lookups = _count(fake, "GET", "/users")
    assert report.ok, str(report)
    assert lookups == min(people, -(-len(everyone) // 100))
    # + the one listing of the batch's ghosts, + one PATCH embody each
    assert report.requests == 1 + lookups + people


def test_people_absent_from_a_complete_listing_cost_nothing_more(mode: str) -> None:
    fake = FakeFocus(seed=11, ghosts=0, users=50)
    member = _members_by_page(fake)[0][7]
    report = _batch(fake, [member, "nobody@example.com", "nobody.else@example.com"], mode)
    assert _count(fake, "GET", "/users") == 1
    assert [o.status for o in report.outcomes] == ["done", "failed", "failed"]
    assert "no organization member has the email nobody@example.com" in str(report)


def test_one_person_is_one_lookup(mode: str) -> None:
    fake = FakeFocus(seed=11, ghosts=0, users=250)
    last = _members_by_page(fake)[-1][-1]
    _batch(fake, [last], mode)
    assert _count(fake, "GET", "/users") == 1
    request = next(r for r in fake.requests if r.path.endswith("/users"))
    assert "filter=" in request.query  # looked up by email, not listed


def test_a_listing_that_cannot_win_is_given_up(mode: str) -> None:
    """Two people past page 1 of 5: page 1 (which could have ended the list), then 2 lookups.

    The documented worst case, 2N - 1, for people the first pages do not hold.
    """
    fake = FakeFocus(seed=11, ghosts=0, users=480)
    pages = _members_by_page(fake)
    report = _batch(fake, [pages[3][5], pages[4][9]], mode)
    assert report.ok
    queries = [r.query for r in fake.requests if r.path.endswith("/users")]
    assert len(queries) == 3 and "filter" not in queries[0]
    assert all("filter=" in q for q in queries[1:])


def test_a_spent_quota_while_listing_stops_the_batch_as_before(mode: str) -> None:
    fake = FakeFocus(seed=11, ghosts=0, users=250)
    pages = _members_by_page(fake)
    fake.quota = 2
    report = _batch(fake, [pages[1][2], pages[2][3], pages[2][4]], mode)
    assert isinstance(report.stopped_by, QuotaExceededError)
    # The ghosts' listing, page 1 (nobody on it), page 2's 402; nobody is then looked up in
    # vain.
    assert report.requests == fake.request_count == 3
    assert [o.status for o in report.outcomes] == ["failed", "not_attempted", "not_attempted"]


# --- resumable listings ------------------------------------------------------------------


@pytest.fixture
def big() -> Iterator[FakeFocus]:
    fake = FakeFocus(seed=2, ghosts=0, users=5)
    fake.add_ghosts(550)
    yield fake


def test_a_listing_resumes_where_the_quota_stopped_it(big: FakeFocus) -> None:
    big.quota = 3
    seen: list[int] = []
    with _focus(big) as focus:
        pager = focus.ghosts.list()
        with pytest.raises(QuotaExceededError) as caught:
            for ghost in pager:
                seen.append(ghost.id)
        assert caught.value.next_page == 4 and pager.next_page == 4
        assert len(seen) == 300 and big.request_count == 4  # 3 pages, then the 402
        big.reset_quota()
        rest = list(focus.ghosts.list(start_page=caught.value.next_page))
    assert big.request_count == 4 + 3  # pages 4, 5 and 6 only
    ids = seen + [g.id for g in rest]
    assert len(ids) == len(set(ids)) == 550
    assert set(ids) == {g["id"] for g in big.state.ghosts.values()}


async def test_an_async_concurrent_listing_resumes_too(big: FakeFocus) -> None:
    big.quota = 2
    seen: list[int] = []
    async with _afocus(big) as focus:
        with pytest.raises(QuotaExceededError) as caught:
            async for ghost in focus.ghosts.list(page_size=50, concurrency=4):
                seen.append(ghost.id)
        resume = caught.value.next_page
        assert resume == 3 and len(seen) == 100
        big.quota = None  # a new window, or a bigger plan
        big.reset_requests()
        pager = focus.ghosts.list(page_size=50, concurrency=4, start_page=resume)
        rest = [g.id async for g in pager]
        assert pager.planned_requests == 11 - 2 and pager.next_page is None
    assert big.request_count == 9
    assert len(set(seen + rest)) == len(seen) + len(rest) == 550


def test_pager_next_page_after_a_break_and_max_items(big: FakeFocus) -> None:
    with _focus(big) as focus:
        pager = focus.ghosts.list(page_size=100, max_items=250)
        for n, _ in enumerate(pager.pages()):
            if n == 1:
                break
        assert pager.next_page == 3
        # Resuming with the same arguments: max_items counts the pages before start_page.
        rest = list(focus.ghosts.list(page_size=100, max_items=250, start_page=3))
        assert len(rest) == 50
        assert list(focus.ghosts.list(page_size=100, max_items=250, start_page=4)) == []
    assert big.request_count == 2 + 1  # a resume past max_items sends nothing


def test_other_errors_carry_the_page_too(big: FakeFocus, sleeps: list[float]) -> None:
    with _focus(big) as focus:
        pager = focus.users.list(page_size=2)
        big.inject(Fault.status(500), method="GET", path=r"/users$")
        with pytest.raises(Exception) as caught:
            list(pager)
        assert getattr(caught.value, "next_page", None) == 1


@pytest.mark.parametrize("bad", [0, -1, True, "2", 1.5])
def test_a_bad_start_page_is_a_config_error(big: FakeFocus, bad: Any) -> None:
    with _focus(big) as focus:
        for make in (
            lambda: focus.ghosts.list(start_page=bad),
            lambda: focus.teams.list(start_page=bad),
            lambda: focus.users.list(start_page=bad),
        ):
            with pytest.raises(FocusConfigError, match="start_page"):
                make()
    assert big.request_count == 0
