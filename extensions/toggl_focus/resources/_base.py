"""What every resource shares: the client context, per-call options, and small converters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Protocol, Self, TypedDict, TypeVar, Unpack

import attrs

from toggl_focus_api import Client
from toggl_focus_api.types import UNSET, Response, Unset

from .._pagination_meta import PAGINATION
from .._runner import Policy, Result, TimeoutTypes, acall, call, expect, expect_list
from ..errors import FocusConfigError, FocusDecodeError

T = TypeVar("T")
V = TypeVar("V")


class _Model(Protocol):
    """A generated request model: built from a JSON-like mapping."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every resource method."""

    timeout: TimeoutTypes
    max_retries: int | None
    deadline: float | None


@attrs.define
class Context:
    """The generated client plus the Focus instance's defaults and policy."""

    api: Client
    policy: Policy
    organization_id: int | None
    workspace_id: int | None

    def org(self, override: int | None) -> int:
        """The organization id for a call: the call's own, else the client default."""
        value = override if override is not None else self.organization_id
        if value is None:
            raise FocusConfigError(
                "organization_id is required: pass it to Focus(organization_id=...) or to the call"
            )
        return value

    def ws(self, override: int | None) -> int:
        """The workspace id for a call: the call's own, else the client default."""
        value = override if override is not None else self.workspace_id
        if value is None:
            raise FocusConfigError(
                "workspace_id is required: pass it to Focus(workspace_id=...) or to the call"
            )
        return value


class SyncResource:
    """Base of the sync resources: runs generated `sync_detailed` functions."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def _run(
        self, operation: Callable[..., Response[Any]], options: RequestOptions, **kwargs: Any
    ) -> Result:
        return call(self._ctx.policy, operation, client=self._ctx.api, **options, **kwargs)


class AsyncResource:
    """Base of the async resources: runs generated `asyncio_detailed` functions."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    async def _run(
        self,
        operation: Callable[..., Awaitable[Response[Any]]],
        options: RequestOptions,
        **kwargs: Any,
    ) -> Result:
        return await acall(self._ctx.policy, operation, client=self._ctx.api, **options, **kwargs)


def opt(value: V | None) -> V | Unset:
    """None (not given) becomes UNSET, so the generated code leaves the field out."""
    return UNSET if value is None else value


def ids(values: Iterable[int] | None) -> list[int] | Unset:
    """An optional iterable of ids as the list the generated code wants."""
    return UNSET if values is None else [int(v) for v in values]


def model_of(kind: type[M], item: M | Mapping[str, Any], where: str) -> M:
    """A request item given as the generated model or as a mapping of its JSON fields.

    A mapping that is not a valid `kind` (a required field missing, a wrong type) is a caller
    mistake: FocusConfigError, before any request.
    """
    if isinstance(item, kind):
        return item
    if not isinstance(item, Mapping):
        raise FocusConfigError(f"{where} must be a {kind.__name__} or a mapping, got {item!r}")
    try:
        return kind.from_dict(item)
    except KeyError as exc:
        raise FocusConfigError(f"{where} lacks the required field {exc.args[0]!r}") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise FocusConfigError(f"{where} is not a valid {kind.__name__}: {exc}") from None


def body_unusable(error: FocusDecodeError, status: int) -> bool:
    """Whether a decode error is about the body of the operation's success answer (`status`).

    Then the operation succeeded; only a body the spec does not guarantee is unusable.
    """
    return error.response.status_code == status


def items_of(result: Result, kind: type[T]) -> list[T]:
    """A parsed bare array of `kind`; `null` (a Go nil slice, which the spec allows) is empty."""
    if result.parsed is None:
        return []
    return expect_list(result, kind)


def page_of(result: Result, operation: str, kind: type[T]) -> tuple[list[T], int | None]:
    """Items and total of a page, found where the operation's x-pagination says.

    `null` items (which the spec allows) make an empty page.
    """
    spec = PAGINATION[operation]
    node: object = result.parsed
    for part in [p for p in spec["items"].split("/") if p]:
        node = getattr(node, part, None)
    items = items_of(Result(parsed=node, response=result.response), kind)
    total: object = None
    if spec["total"] is not None:
        total = result.parsed
        for part in [p for p in spec["total"].split("/") if p]:
            total = getattr(total, part, None)
    return items, total if isinstance(total, int) and not isinstance(total, bool) else None


def size_params(operation: str, page: int, size: int) -> dict[str, int]:
    """The page-number and page-size query params of a paginated operation."""
    spec = PAGINATION[operation]
    return {spec["page_param"]: page, spec["size_param"]: size}


__all__ = [
    "AsyncResource",
    "Context",
    "RequestOptions",
    "SyncResource",
    "Unpack",
    "body_unusable",
    "expect",
    "expect_list",
    "ids",
    "items_of",
    "model_of",
    "opt",
    "page_of",
    "size_params",
]
