"""Pagers against servers that do not end a listing: exact request counts, typed errors.

Each server here is scripted (in-process `httpx.MockTransport`, or a real loopback socket
through the fault suite's `ScriptedServer`) to misbehave in one way: ignore `?page=`,
change the total between pages, never send a short page, overstate the total. The pagers
must stop with `PaginationError` (or end normally) after exactly the requests stated,
sync and async, and never spend more than the plan the first page fixed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest

# pytest puts tests/ on sys.path (tests/faults is the package `faults`); mypy cannot see it.
from faults.conftest import ScriptedServer, Seen  # type: ignore[import-not-found]

from toggl_focus import (
    AsyncFocus,
    AsyncLookupInviter,
    EmbodyError,
    Focus,
    FocusConfigError,
    FocusError,
    LookupInviter,
    PaginationError,
    ainvite_and_embody,
    invite_and_embody,
)
from toggl_focus._wire import paging as pagination_module

TOKEN = "toggl_sk_hostile_pagers_0a9e"
BASE_URL = "https://focus.test/api"
MODES = ["sync", "async"]
OPERATIONS = {"ghosts": "list_ghosts", "teams": "list_teams", "users": "list_users"}

#: An answer gives, for a page number and size, the ids on that page and the total (or None).
Answer = Callable[[int, int], tuple[Iterable[int], int | None]]


def _item(listing: str, item_id: int) -> dict[str, Any]:
    if listing == "users":
        return {"id": item_id, "email": f"user{item_id}@example.com", "user_account_id": item_id}
    return {"id": item_id, "name": f"{listing} {item_id}"}


def _body(listing: str, ids: Iterable[int], total: int | None) -> Any:
    """The listing's JSON: a bare array for users, `{"data": ..., "total": ...}` otherwise."""
    items = [_item(listing, i) for i in ids]
    if listing == "users":
        return items
    return {"data": items} if total is None else {"data": items, "total": total}


def _page_and_size(request: httpx.Request) -> tuple[int, int]:
    params = request.url.params
    return int(params["page"]), int(params.get("rows") or params["per_page"])


class Server:
    """An in-process Focus answering one listing with `answer`; records each page asked for.

    With `hold_from`, async requests for that page and later wait until cancelled (recorded
    in `cancelled`), like pages still in flight when the consumer stops.
    """

    def __init__(self, listing: str, answer: Answer, *, hold_from: int | None = None) -> None:
        self.listing = listing
        self.answer = answer
        self.hold_from = hold_from
        self.pages: list[int] = []
        self.cancelled: list[int] = []

    def _respond(self, page: int, size: int) -> httpx.Response:
        ids, total = self.answer(page, size)
        return httpx.Response(200, json=_body(self.listing, ids, total))

    def handle(self, request: httpx.Request) -> httpx.Response:
        page, size = _page_and_size(request)
        self.pages.append(page)
        return self._respond(page, size)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        page, size = _page_and_size(request)
        self.pages.append(page)
        if self.hold_from is not None and page >= self.hold_from:
            try:
                await asyncio.Event().wait()  # never set: only cancellation ends it
            except asyncio.CancelledError:
                self.cancelled.append(page)
                raise
        return self._respond(page, size)

    @contextmanager
    def focus(self) -> Iterator[Focus]:
        http = httpx.Client(transport=httpx.MockTransport(self.handle))
        with Focus(
            TOKEN, base_url=BASE_URL, organization_id=1, workspace_id=2, http_client=http
        ) as f:
            yield f
        http.close()

    @asynccontextmanager
    async def afocus(self) -> AsyncIterator[AsyncFocus]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(self.ahandle))
        async with AsyncFocus(
            TOKEN, base_url=BASE_URL, organization_id=1, workspace_id=2, http_client=http
        ) as f:
            yield f
        await http.aclose()


def _listing(focus: Focus | AsyncFocus, listing: str, **kwargs: Any) -> Any:
    resource = getattr(focus, listing)
    return resource.list(**kwargs)


def collect(mode: str, server: Server, **kwargs: Any) -> tuple[list[Any], FocusError | None]:
    """Iterate the server's listing (sync or async): the items yielded and the error, if any."""
    got: list[Any] = []
    if mode == "sync":
        with server.focus() as focus:
            try:
                got.extend(_listing(focus, server.listing, **kwargs))
            except FocusError as exc:
                return got, exc
        return got, None

    async def main() -> FocusError | None:
        async with server.afocus() as afocus:
            try:
                async for item in _listing(afocus, server.listing, **kwargs):
                    got.append(item)
            except FocusError as exc:
                return exc
        return None

    return got, asyncio.run(main())


def fresh(page: int, size: int) -> range:
    """Ids of a well-behaved page: new ones on every page."""
    return range((page - 1) * size + 1, page * size + 1)


def _pagination_error(error: FocusError | None, listing: str, page: int) -> PaginationError:
    assert isinstance(error, PaginationError), error
    assert error.operation == OPERATIONS[listing]
    assert error.page == page
    assert error.pages_fetched == page - 1
    assert TOKEN not in str(error)
    return error


# --- a repeated page: the server ignores ?page= ------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("listing", "total"),
    [("ghosts", 1000), ("ghosts", None), ("teams", 1000), ("teams", None), ("users", None)],
)
def test_a_server_ignoring_page_costs_two_requests(
    mode: str, listing: str, total: int | None
) -> None:
    server = Server(listing, lambda page, size: (range(1, size + 1), total))
    got, error = collect(mode, server)
    e = _pagination_error(error, listing, page=2)
    assert server.pages == [1, 2]  # was: every page until the quota ran out
    assert [item.id for item in got] == list(range(1, 101))  # page 1, once
    assert "repeated page 1" in str(e) and "ignore the page parameter" in str(e)
    assert "1 page(s), 100 item(s)" in str(e)


@pytest.mark.parametrize("mode", MODES)
def test_a_repeat_later_in_the_listing_is_caught_at_that_page(mode: str) -> None:
    # Pages 1-3 are fine, then the server sticks on page 3 (e.g. it clamps ?page=).
    server = Server("users", lambda page, size: (fresh(min(page, 3), size), None))
    got, error = collect(mode, server, page_size=10)
    _pagination_error(error, "users", page=4)
    assert server.pages == [1, 2, 3, 4]
    assert [u.id for u in got] == list(range(1, 31))


@pytest.mark.parametrize("mode", MODES)
def test_pages_with_different_ids_are_not_a_repeat(mode: str) -> None:
    # Same length, overlapping ids, shifted by one: a listing that moved, not a repeat.
    server = Server("ghosts", lambda page, size: (range(page, page + size), 300))
    got, error = collect(mode, server)
    assert error is None
    assert server.pages == [1, 2, 3]
    assert len(got) == 300


# --- the total changes between pages -----------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("listing", ["ghosts", "teams"])
def test_a_growing_total_is_not_followed(mode: str, listing: str) -> None:
    # Every page announces one page more than there has been so far.
    server = Server(listing, lambda page, size: (fresh(page, size), (page + 1) * size))
    got, error = collect(mode, server)
    e = _pagination_error(error, listing, page=2)
    assert server.pages == [1, 2]  # was: page after page until the quota ran out
    assert len(got) == 100
    assert "total changed from 200 (page 1) to 300" in str(e)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("listing", ["ghosts", "teams"])
def test_a_shrinking_total_stops_the_listing(mode: str, listing: str) -> None:
    server = Server(listing, lambda page, size: (fresh(page, size), 300 if page == 1 else 200))
    got, error = collect(mode, server)
    e = _pagination_error(error, listing, page=2)
    assert server.pages == [1, 2]
    assert len(got) == 100
    assert "total changed from 300 (page 1) to 200" in str(e)


@pytest.mark.parametrize("mode", MODES)
def test_a_total_that_disappears_counts_as_a_change(mode: str) -> None:
    server = Server("ghosts", lambda page, size: (fresh(page, size), 300 if page == 1 else None))
    _, error = collect(mode, server)
    e = _pagination_error(error, "ghosts", page=2)
    assert server.pages == [1, 2]
    assert "total changed from 300 (page 1) to none" in str(e)


# --- the page cap ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("listing", ["ghosts", "users"])
def test_a_listing_that_never_ends_stops_at_max_pages(mode: str, listing: str) -> None:
    server = Server(listing, lambda page, size: (fresh(page, size), None))
    got, error = collect(mode, server, page_size=10, max_pages=3)
    e = _pagination_error(error, listing, page=4)
    assert server.pages == [1, 2, 3]  # the 4th page is never requested
    assert len(got) == 30
    assert "max_pages=3" in str(e)


@pytest.mark.parametrize("mode", MODES)
def test_the_default_cap_is_the_module_constant(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pagination_module.MAX_PAGES == 1000
    monkeypatch.setattr(pagination_module, "MAX_PAGES", 5)
    server = Server("users", lambda page, size: (fresh(page, size), None))
    _, error = collect(mode, server)
    _pagination_error(error, "users", page=6)
    assert server.pages == [1, 2, 3, 4, 5]


async def test_concurrent_prefetch_never_passes_the_cap() -> None:
    # The total asks for 100 pages; the cap allows 3, and nothing is prefetched past it.
    server = Server("ghosts", lambda page, size: (fresh(page, size), 10_000))
    async with server.afocus() as focus:
        pager = focus.ghosts.list(concurrency=8, max_pages=3)
        got = []
        with pytest.raises(PaginationError) as info:
            async for ghost in pager:
                got.append(ghost)
    assert sorted(server.pages) == [1, 2, 3]
    assert len(got) == 300 and info.value.page == 4 and info.value.pages_fetched == 3
    assert pager.planned_requests == 100


# --- the plan: fixed by the first page, never exceeded -----------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_planned_requests_is_known_after_the_first_page(mode: str) -> None:
    server = Server("ghosts", lambda page, size: (fresh(page, size), 250))

    if mode == "sync":
        with server.focus() as focus:
            pager = focus.ghosts.list()
            assert pager.planned_requests is None
            pages = pager.pages()
            next(pages)
            assert pager.planned_requests == 3
            assert len(list(pages)) == 2
    else:

        async def main() -> None:
            async with server.afocus() as afocus:
                pager = afocus.ghosts.list(concurrency=8)
                assert pager.planned_requests is None
                async with pager.pages() as pages:
                    await pages.__anext__()
                    assert pager.planned_requests == 3
                    assert len([p async for p in pages]) == 2

        asyncio.run(main())
    assert len(server.pages) == 3


@pytest.mark.parametrize(
    ("total", "concurrency", "requests"),
    [
        (500, 8, 5),  # the plan (5 pages) is smaller than the window: exactly the plan
        (10_000, 8, 9),  # page 1, then one window of 8; page 2 is short: the rest cancelled
        (10_000, 1, 2),  # one at a time: page 2 is short, the listing ends there
    ],
)
async def test_an_overstated_total_never_costs_more_than_the_plan(
    total: int, concurrency: int, requests: int
) -> None:
    real = 150  # the server says `total`, but has only 150 ghosts
    server = Server(
        "ghosts",
        lambda page, size: (range((page - 1) * size + 1, min(page * size, real) + 1), total),
    )
    async with server.afocus() as focus:
        pager = focus.ghosts.list(concurrency=concurrency)
        got = [g async for g in pager]
    assert [g.id for g in got] == list(range(1, real + 1))
    assert len(server.pages) == requests
    assert pager.planned_requests == -(-total // 100)
    assert max(server.pages) <= pager.planned_requests


async def test_a_server_ignoring_page_with_a_big_total_costs_one_window() -> None:
    # concurrency=8: page 1, then pages 2-9 in flight; page 2 repeats page 1, and the
    # prefetched pages are cancelled before the error reaches the caller (was: 100 pages).
    server = Server("ghosts", lambda page, size: (range(1, size + 1), 10_000), hold_from=3)
    async with server.afocus() as focus, asyncio.timeout(5):  # a pager that waits for a
        with pytest.raises(PaginationError) as info:  # held page would hang: fail instead
            async for _ in focus.ghosts.list(concurrency=8):
                pass
        assert sorted(server.cancelled) == list(range(3, 10))  # already, no wait needed
    assert sorted(server.pages) == list(range(1, 10))
    assert info.value.page == 2


# --- leaving async for early cancels what is in flight -----------------------------------


def _held_server() -> Server:
    """10 pages of ghosts; pages 3+ are held, so they are in flight until cancelled."""
    return Server("ghosts", lambda page, size: (fresh(page, size), 1000), hold_from=3)


async def test_break_out_of_async_for_cancels_in_flight_pages() -> None:
    server = _held_server()
    async with server.afocus() as focus:
        seen = 0
        async for _ in focus.ghosts.list(concurrency=8):
            seen += 1
            if seen == 101:  # the first ghost of page 2: pages 2-9 have been requested
                break
        assert sorted(server.pages) == list(range(1, 10))
        # The dropped iterator cancelled pages 3-9 at the break; one loop turn delivers it.
        await asyncio.sleep(0)
        assert sorted(server.cancelled) == list(range(3, 10))
        await asyncio.sleep(0.05)
    assert len(server.pages) == 9  # nothing requested after the break


async def test_async_with_closes_the_iterator_deterministically() -> None:
    server = _held_server()
    async with server.afocus() as focus:
        pager = focus.ghosts.list(concurrency=8)
        async with aiter(pager) as ghosts:
            seen = 0
            async for _ in ghosts:
                seen += 1
                if seen == 101:
                    break
            assert server.cancelled == []  # `ghosts` is still referenced: nothing cancelled yet
        # Leaving the block awaited aclose(): cancelled and finished, no loop turn needed.
        assert sorted(server.cancelled) == list(range(3, 10))
        with pytest.raises(StopAsyncIteration):
            await ghosts.__anext__()
    assert len(server.pages) == 9


async def test_aclose_on_pages_cancels_in_flight_pages() -> None:
    server = _held_server()
    async with server.afocus() as focus:
        pages = focus.ghosts.list(concurrency=8).pages()
        first = await pages.__anext__()
        second = await pages.__anext__()
        assert (first.number, second.number) == (1, 2)
        await pages.aclose()
        assert sorted(server.cancelled) == list(range(3, 10))
    assert len(server.pages) == 9


async def test_an_exception_in_the_loop_body_cancels_in_flight_pages() -> None:
    server = _held_server()
    async with server.afocus() as focus:
        seen = 0
        with pytest.raises(KeyError):
            async for _ in focus.ghosts.list(concurrency=8):
                seen += 1
                if seen == 101:
                    raise KeyError("consumer failed")
        await asyncio.sleep(0)
        assert sorted(server.cancelled) == list(range(3, 10))
    assert len(server.pages) == 9


# --- LookupInviter pages through the same pager ------------------------------------------

EMAIL = "ada@example.com"


def _members(page: int, size: int) -> tuple[range, None]:
    """100 members whose name or email contains EMAIL, whatever page is asked for."""
    return range(1, 101), None


class _MemberServer(Server):
    """A users listing ignoring ?page=; member 1 has exactly EMAIL."""

    def _respond(self, page: int, size: int) -> httpx.Response:
        users = _body("users", range(1, 101), None)
        users[0]["email"] = EMAIL
        return httpx.Response(200, json=users)


@pytest.mark.parametrize("mode", MODES)
def test_lookup_inviter_on_a_server_ignoring_page(mode: str) -> None:
    server = _MemberServer("users", _members)
    if mode == "sync":
        with server.focus() as focus, pytest.raises(PaginationError) as info:
            LookupInviter(focus).invite(EMAIL)
    else:

        async def main() -> None:
            async with server.afocus() as afocus:
                await AsyncLookupInviter(afocus).invite(EMAIL)

        with pytest.raises(PaginationError) as info:
            asyncio.run(main())
    assert server.pages == [1, 2]  # was 201: every page until the quota ran out
    assert info.value.operation == "list_users" and info.value.page == 2


@pytest.mark.parametrize("mode", MODES)
def test_invite_and_embody_reports_the_lookup_failure_and_its_cost(mode: str) -> None:
    server = _MemberServer("users", _members)
    if mode == "sync":
        with server.focus() as focus, pytest.raises(EmbodyError) as info:
            invite_and_embody(focus, 7, EMAIL, role=3, inviter=LookupInviter(focus))
    else:

        async def main() -> None:
            async with server.afocus() as afocus:
                inviter = AsyncLookupInviter(afocus)
                await ainvite_and_embody(afocus, 7, EMAIL, role=3, inviter=inviter)

        with pytest.raises(EmbodyError) as info:
            asyncio.run(main())
    assert info.value.step == "invite" and info.value.invite is None
    assert isinstance(info.value.cause, PaginationError)
    assert info.value.requests == 2 and server.pages == [1, 2]  # no embody request either


# --- the same over a real loopback socket ------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_server_ignoring_page_over_loopback(mode: str) -> None:
    users = json.dumps(_body("users", range(1, 101), None)).encode()

    def answer(seen: Seen, server: ScriptedServer) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json"}, users

    with ScriptedServer(answer) as server:
        kwargs: dict[str, Any] = {
            "base_url": server.origin + "/api",
            "organization_id": 1,
            "workspace_id": 2,
        }
        if mode == "sync":
            with Focus(TOKEN, **kwargs) as focus, pytest.raises(PaginationError) as info:
                list(focus.users.list())
        else:

            async def main() -> None:
                async with AsyncFocus(TOKEN, **kwargs) as afocus:
                    [u async for u in afocus.users.list()]

            with pytest.raises(PaginationError) as info:
                asyncio.run(main())
        paths = [s.path for s in server.seen]
    assert len(paths) == 2 and "page=1" in paths[0] and "page=2" in paths[1]
    assert info.value.page == 2 and info.value.pages_fetched == 1


# --- bad pager arguments: FocusConfigError when the pager is created ---------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("listing", ["ghosts", "teams", "users"])
@pytest.mark.parametrize(
    ("argument", "value"),
    [
        ("page_size", "5"),
        ("page_size", 2.5),
        ("page_size", True),
        ("page_size", 0),
        ("page_size", 101),
        ("max_items", "5"),
        ("max_items", 2.5),
        ("max_items", False),
        ("max_items", -1),
        ("max_pages", "5"),
        ("max_pages", 2.5),
        ("max_pages", True),
        ("max_pages", 0),
    ],
)
def test_bad_pager_arguments_are_refused_before_any_request(
    mode: str, listing: str, argument: str, value: object
) -> None:
    server = Server(listing, lambda page, size: (fresh(page, size), None))
    if mode == "sync":
        with server.focus() as focus, pytest.raises(FocusConfigError, match=argument):
            _listing(focus, listing, **{argument: value})
    else:

        async def main() -> None:
            async with server.afocus() as afocus:
                _listing(afocus, listing, **{argument: value})

        with pytest.raises(FocusConfigError, match=argument):
            asyncio.run(main())
    assert server.pages == []


@pytest.mark.parametrize("listing", ["ghosts", "teams"])
@pytest.mark.parametrize("value", ["5", 2.5, True, 0, -1])
async def test_bad_concurrency_is_refused_before_any_request(listing: str, value: object) -> None:
    server = Server(listing, lambda page, size: (fresh(page, size), None))
    async with server.afocus() as afocus:
        with pytest.raises(FocusConfigError, match="concurrency"):
            _listing(afocus, listing, concurrency=value)
    assert server.pages == []
