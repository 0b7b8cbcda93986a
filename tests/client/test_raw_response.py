"""`with_raw_response`: every resource method, sync and async, returning the raw response.

The wrapped call is the plain method (checks, retries, quota tracking, typed errors) whose
value comes back as `.parse()` beside the HTTP response it was made from; pager pages carry
their response too.
"""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import httpx
import pytest
from mypy import api as mypy_api

from toggl_focus import AsyncFocus, Focus, FocusConfigError, NotFoundError, Page
from toggl_focus._wire.raw import RawResponse
from toggl_focus.testing import FakeFocus, Fault
from toggl_focus_api.models import Ghost, Role

RESOURCES = ["ghosts", "working_hours", "groups", "roles", "teams", "users"]
# `ghosts.plan` and `ghosts.load_plan` are workflows of several requests (the listing,
# working hours; the staleness check), not one response: they have no raw twin; each plan
# step's responses are in its result.
NOT_METHODS = {"with_raw_response", "cache_clear", "plan", "load_plan"}


def _public_methods(resource: object) -> set[str]:
    return {
        name
        for name, value in inspect.getmembers(type(resource))
        if not name.startswith("_") and callable(value) and name not in NOT_METHODS
    }


@pytest.mark.parametrize("name", RESOURCES)
def test_every_method_has_a_raw_twin(focus: Focus, name: str) -> None:
    resource = getattr(focus, name)
    raw = resource.with_raw_response
    assert _public_methods(resource), name
    assert set(vars(raw)) == _public_methods(resource)
    assert resource.with_raw_response is raw  # built once per resource


@pytest.mark.parametrize("name", RESOURCES)
async def test_every_async_method_has_a_raw_twin(afocus: AsyncFocus, name: str) -> None:
    resource = getattr(afocus, name)
    raw = resource.with_raw_response
    assert set(vars(raw)) == _public_methods(resource)
    for method in vars(raw).values():
        assert inspect.iscoroutinefunction(method)


def test_get_returns_headers_status_and_the_model(focus: Focus, fake: FakeFocus) -> None:
    fake.quota = 30
    ghost = fake.add_ghost("Casper")
    raw = focus.ghosts.with_raw_response.get(ghost["id"])
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200 and raw.http_response.status_code == 200
    assert raw.headers["X-Toggl-Quota-Remaining"] == "29"
    assert raw.method == "GET" and raw.url.path.endswith(f"/ghosts/{ghost['id']}")
    parsed = raw.parse()
    assert isinstance(parsed, Ghost) and parsed.id == ghost["id"] and parsed.name == "Casper"
    assert raw.json()["name"] == "Casper"
    assert focus.quota.remaining == 29  # the quota tracker saw it, as for a plain call
    assert fake.request_count == 1


async def test_async_get_returns_headers_status_and_the_model(
    afocus: AsyncFocus, fake: FakeFocus
) -> None:
    fake.quota = 30
    ghost = fake.add_ghost("Casper")
    raw = await afocus.ghosts.with_raw_response.get(ghost["id"])
    assert raw.status_code == 200 and raw.headers["x-toggl-quota-remaining"] == "29"
    assert raw.parse().name == "Casper" and afocus.quota.remaining == 29


def test_each_kind_of_answer(focus: Focus, fake: FakeFocus) -> None:
    created = focus.ghosts.with_raw_response.create("Designer (TBH)")
    assert created.status_code == 201
    ghost = created.parse()
    assert ghost is not None and ghost.name == "Designer (TBH)"
    deleted = focus.ghosts.with_raw_response.delete(ghost.id)
    assert deleted.status_code == 204 and deleted.parse() is None and deleted.content == b""
    roles = focus.roles.with_raw_response.list()
    assert roles.status_code == 200
    assert all(isinstance(r, Role) for r in roles.parse()) and len(roles.parse()) == len(
        fake.state.roles
    )
    mine = focus.groups.with_raw_response.mine()
    assert mine.status_code == 200 and isinstance(mine.parse(), list)


def test_an_unusable_201_body_still_has_its_response(focus: Focus, fake: FakeFocus) -> None:
    """`create` settles an unusable 201 body as None: the raw response is that 201."""
    fake.inject(Fault.status(201, body="not json"), method="POST")
    raw = focus.ghosts.with_raw_response.create("Ghost")
    assert raw.status_code == 201 and raw.parse() is None


def test_retries_apply(focus: Focus, fake: FakeFocus, sleeps: list[float]) -> None:
    ghost = fake.add_ghost("Casper")
    fake.inject(Fault.status(503), times=2, method="GET")
    raw = focus.ghosts.with_raw_response.get(ghost["id"])
    assert raw.status_code == 200 and raw.parse().id == ghost["id"]
    assert fake.request_count == 3 and len(sleeps) == 2


async def test_typed_errors_still_raise(afocus: AsyncFocus, fake: FakeFocus) -> None:
    with pytest.raises(NotFoundError) as caught:
        await afocus.ghosts.with_raw_response.get(999_999)
    assert caught.value.response.status_code == 404


def test_caller_mistakes_are_still_config_errors(focus: Focus, fake: FakeFocus) -> None:
    with pytest.raises(FocusConfigError):
        focus.ghosts.with_raw_response.get(0)
    with pytest.raises(FocusConfigError):
        focus.ghosts.with_raw_response.list(max_items=0)
    assert fake.request_count == 0


def test_pages_carry_their_response(focus: Focus, fake: FakeFocus) -> None:
    fake.add_ghosts(5)
    fake.quota = 30
    pages = list(focus.ghosts.list(page_size=2).pages())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    remaining = []
    for page in pages:
        assert page.response is not None and page.response.status_code == 200
        assert page.response.request.url.params["page"] == str(page.number)
        remaining.append(page.response.headers["X-Toggl-Quota-Remaining"])
    assert remaining == ["29", "28", "27"]


async def test_async_prefetched_pages_carry_their_own_response(
    afocus: AsyncFocus, fake: FakeFocus
) -> None:
    fake.add_ghosts(9)
    pages = [p async for p in afocus.ghosts.list(page_size=2, concurrency=3).pages()]
    assert [p.number for p in pages] == [1, 2, 3, 4, 5]
    for page in pages:
        assert page.response is not None
        assert page.response.request.url.params["page"] == str(page.number)
        ids = [g["id"] for g in page.response.json()["data"]]
        assert ids == [g.id for g in page.items]


def test_raw_list_is_the_first_page(focus: Focus, fake: FakeFocus) -> None:
    fake.add_ghosts(5)
    raw = focus.ghosts.with_raw_response.list(page_size=2)
    page = raw.parse()
    assert isinstance(page, Page) and page.number == 1 and len(page.items) == 2
    assert raw.status_code == 200 and page.response is raw.http_response
    assert fake.request_count == 1


async def test_async_raw_list_is_the_first_page(afocus: AsyncFocus, fake: FakeFocus) -> None:
    raw = await afocus.users.with_raw_response.list(page_size=3)
    assert raw.status_code == 200 and len(raw.parse().items) == 3
    assert fake.request_count == 1


# --- types --------------------------------------------------------------------------------

SNIPPET = """
    from toggl_focus import AsyncFocus, Focus

    async def check(focus: Focus, afocus: AsyncFocus) -> None:
        raw = focus.ghosts.with_raw_response.get(1, timeout=2)
        reveal_type(raw)
        reveal_type(raw.parse())
        reveal_type(focus.ghosts.with_raw_response.create)
        reveal_type(await afocus.ghosts.with_raw_response.get(1))
        reveal_type(focus.ghosts.with_raw_response.list(search="x").parse())
        reveal_type(await afocus.roles.with_raw_response.list())
        focus.ghosts.with_raw_response.get("1")
"""


def test_mypy_sees_exact_types(tmp_path: Path) -> None:
    source = tmp_path / "snippet.py"
    source.write_text(textwrap.dedent(SNIPPET))
    out, _, status = mypy_api.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(source)]
    )
    lines = out.splitlines()
    revealed = [line.split("Revealed type is ", 1)[1] for line in lines if "Revealed" in line]
    assert revealed[0] == '"toggl_focus._wire.raw.RawResponse[toggl_focus_api.models.ghost.Ghost]"'
    assert revealed[1] == '"toggl_focus_api.models.ghost.Ghost"'
    # The exact parameters survive: the create wrapper takes create's arguments.
    assert revealed[2].startswith('"def (name: str, *, description: str | None =, ')
    assert revealed[2].endswith(
        '-> toggl_focus._wire.raw.RawResponse[toggl_focus_api.models.ghost.Ghost | None]"'
    )
    assert revealed[3] == revealed[0]
    assert revealed[4] == ('"toggl_focus._wire.paging.Page[toggl_focus_api.models.ghost.Ghost]"')
    assert revealed[5] == (
        '"toggl_focus._wire.raw.RawResponse[list[toggl_focus_api.models.role.Role]]"'
    )
    # A wrong argument type is a mypy error, as on the plain method.
    errors = [line for line in lines if ": error:" in line]
    assert len(errors) == 1 and 'incompatible type "str"' in errors[0], out
    assert status == 1


def test_raw_response_repr_shows_no_token(focus: Focus, fake: FakeFocus) -> None:
    ghost = fake.add_ghost("Casper")
    raw = focus.ghosts.with_raw_response.get(ghost["id"])
    assert repr(raw) == f"<RawResponse [200] GET /api/organizations/{fake.organization_id}" + (
        f"/workspaces/{fake.workspace_id}/ghosts/{ghost['id']}>"
    )
    assert fake.token not in repr(raw) and fake.token not in str(raw.headers)
    assert isinstance(raw.http_response, httpx.Response)
