"""Run a generated operation with retries (`acall`), the base of every resource class, and
the `with_raw_response` wrappers every resource's raw twin is made of.

The decisions (which failure is retried, after how long, what error it becomes, the log
lines) are `toggl_focus._wire.runner.Call`'s; this is the loop around them. A raw twin
(`AsyncGhostsWithRawResponse`, in `ghosts.py` beside `AsyncGhosts`) holds its resource's
methods wrapped to return a `RawResponse` (`toggl_focus._wire.raw`): the same call (checks,
retries, quota waits and typed errors all apply) with the response the value came from; a
paginated `list` fetches its first page only (`.parse()` is that `Page`).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from toggl_focus_api.types import Response

from .._client.resources import Context, RequestOptions, checked_options
from .._ground import retry as _retry
from .._wire.http import attempt_scope
from .._wire.paging import Page
from .._wire.raw import RawResponse, capturing, last
from .._wire.runner import Call, Policy, Result
from ..errors import FocusConfigError, FocusDecodeError

if TYPE_CHECKING:
    # Only the page wrapper's type: a resource without a listing never loads the pager.
    from .pager import AsyncPager

__all__ = ["AsyncResource", "acall", "to_raw_page_wrapper", "to_raw_response_wrapper"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


async def acall(
    policy: Policy,
    operation: Callable[..., Awaitable[Response[Any]]],
    *,
    timeout: object = None,
    max_retries: object = None,
    deadline: object = None,
    extra_headers: object = None,
    extra_query: object = None,
    **kwargs: Any,
) -> Result:
    """Call a generated `asyncio_detailed` with retries; raise FocusError on any failure."""
    state = Call(policy, timeout, max_retries, deadline, extra_headers, extra_query)
    while True:
        with attempt_scope(state.next_attempt()):
            try:
                detailed = await operation(**kwargs)
            except Exception as exc:
                error, delay = state.failure(exc)
                cause = None if error is exc else exc
            else:
                return state.finish(detailed.parsed)
        if delay is None:
            raise error from cause
        state.note_retry(error, delay)
        await _retry.asleep(delay)


class AsyncResource:
    """Base of the resources (`focus.ghosts`, ...): runs generated operations via `acall`."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    async def _run(
        self,
        operation: Callable[..., Awaitable[Response[Any]]],
        options: RequestOptions,
        **kwargs: Any,
    ) -> Result:
        opts = checked_options(options)
        return await acall(self._ctx.policy, operation, client=self._ctx.api, **opts, **kwargs)

    async def _run_or_none(
        self,
        operation: Callable[..., Awaitable[Response[Any]]],
        options: RequestOptions,
        status: int,
        **kwargs: Any,
    ) -> Result | None:
        """`_run`, but None when the success answer (`status`) came with an unusable body.

        Then the operation succeeded (the spec guarantees nothing in that body); a decode
        error on any other status is raised as usual.
        """
        try:
            return await self._run(operation, options, **kwargs)
        except FocusDecodeError as exc:
            if exc.response.status_code != status:
                raise
            return None


def to_raw_response_wrapper(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`method` returning a RawResponse of what it returns; it raises what `method` raises."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with capturing() as seen:
            value = await method(*args, **kwargs)
        return RawResponse(last(seen), value)

    return wrapped


def to_raw_page_wrapper(
    method: Callable[P, AsyncPager[T]],
) -> Callable[P, Awaitable[RawResponse[Page[T]]]]:
    """A paginated `list` fetching its first page only (1 request): RawResponse of that Page."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Page[T]]:
        # The first page is fetched alone (no prefetch): nothing is left in flight.
        async for page in method(*args, **kwargs).pages():
            assert page.response is not None  # set on every fetched page
            return RawResponse(page.response, page)
        raise FocusConfigError("max_items=0 fetches no page: there is no response to return")

    return wrapped
