"""Request economy of auto-pagination: exact request counts, in both transports, sync and async."""

from __future__ import annotations

import math

import pytest

from toggl_focus import AsyncFocus, Focus, FocusConfigError
from toggl_focus.testing import FakeFocus


def _list_requests(fake: FakeFocus, suffix: str) -> list[str]:
    return [r.query for r in fake.requests if r.path.endswith(suffix)]


@pytest.mark.parametrize("n", [0, 1, 99, 100, 101, 250])
def test_listing_n_ghosts_costs_ceil_n_over_100_requests(
    focus: Focus, fake: FakeFocus, n: int
) -> None:
    fake.add_ghosts(n)
    fake.reset_requests()
    ghosts = list(focus.ghosts.list())
    assert len(ghosts) == n
    assert len({g.id for g in ghosts}) == n
    queries = _list_requests(fake, "/ghosts")
    assert len(queries) == max(1, math.ceil(n / 100))
    assert all("rows=100" in q for q in queries)


@pytest.mark.parametrize("n", [0, 1, 250])
async def test_async_listing_costs_the_same_sequential_or_concurrent(
    afocus: AsyncFocus, fake: FakeFocus, n: int
) -> None:
    fake.add_ghosts(n)
    for concurrency in (1, 4):
        fake.reset_requests()
        ghosts = [g async for g in afocus.ghosts.list(concurrency=concurrency)]
        assert [g.name for g in ghosts] == sorted(g.name for g in ghosts)  # order kept
        assert len(ghosts) == n
        assert len(_list_requests(fake, "/ghosts")) == max(1, math.ceil(n / 100))


def test_pages_expose_number_items_and_total(focus: Focus, fake: FakeFocus) -> None:
    fake.add_ghosts(130)
    pages = list(focus.ghosts.list(page_size=50).pages())
    assert [(p.number, len(p.items), p.total, p.size) for p in pages] == [
        (1, 50, 130, 50),
        (2, 50, 130, 50),
        (3, 30, 130, 50),
    ]


def test_max_items_stops_early_and_shrinks_the_page(focus: Focus, fake: FakeFocus) -> None:
    fake.add_ghosts(1000)
    fake.reset_requests()
    assert len(list(focus.ghosts.list(max_items=150))) == 150
    assert len(_list_requests(fake, "/ghosts")) == 2
    fake.reset_requests()
    assert len(list(focus.ghosts.list(max_items=10))) == 10
    assert _list_requests(fake, "/ghosts") == ["page=1&rows=10"]
    fake.reset_requests()
    assert list(focus.ghosts.list(max_items=0)) == []
    assert fake.request_count == 0


def test_iteration_is_lazy(focus: Focus, fake: FakeFocus) -> None:
    fake.add_ghosts(500)
    fake.reset_requests()
    pager = focus.ghosts.list()
    assert fake.request_count == 0
    first = next(iter(pager))
    assert first.name.endswith("000001")
    assert fake.request_count == 1


def test_users_without_total_stop_on_a_short_page(focus: Focus, fake: FakeFocus) -> None:
    n = len(fake.state.users)
    fake.reset_requests()
    assert len(list(focus.users.list())) == n
    # A bare array has no total: the last page is the first one shorter than per_page.
    assert len(_list_requests(fake, "/users")) == n // 100 + 1
    fake.reset_requests()
    exact = next(d for d in range(100, 0, -1) if n % d == 0)
    assert len(list(focus.users.list(page_size=exact))) == n
    # When n is a multiple of the page size, a full last page cannot prove it was the last.
    assert len(_list_requests(fake, "/users")) == n // exact + 1


def test_teams_stop_on_the_total(focus: Focus, fake: FakeFocus) -> None:
    total = len(list(focus.teams.list()))
    fake.reset_requests()
    assert len(list(focus.teams.list(page_size=max(1, total)))) == total
    assert len(_list_requests(fake, "/teams")) == 1


def test_bad_page_size_is_refused_before_any_request(focus: Focus, fake: FakeFocus) -> None:
    fake.reset_requests()
    with pytest.raises(FocusConfigError, match="between 1 and 100"):
        focus.ghosts.list(page_size=101)
    assert fake.request_count == 0
