"""Run a generated operation with retries (`acall`), and the base of every resource class.

The decisions (which failure is retried, after how long, what error it becomes, the log
lines) are `toggl_focus._wire.runner.Call`'s; this is the loop around them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from toggl_focus_api.types import Response

from .._client.resources import Context, RequestOptions, checked_options
from .._ground import retry as _retry
from .._wire.http import attempt_scope
from .._wire.runner import Call, Policy, Result
from ..errors import FocusDecodeError

__all__ = ["AsyncResource", "acall"]


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
