"""What every resource shares: the client context, per-call options, and small converters.

The resource classes themselves are written once, async, in `_async/` (`AsyncGhosts` in
`_async/ghosts.py`, ...); their sync twins in `_sync/` are generated from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar, Unpack, cast

import attrs

from toggl_focus_api import Client
from toggl_focus_api.types import Unset

from .._ground import check as _check
from .._ground.role_cache import RoleCache
from .._wire.http import QueryValue, check_headers, check_query
from .._wire.pagination_meta import PAGINATION
from .._wire.runner import (
    Policy,
    Result,
    TimeoutTypes,
    as_deadline,
    as_retries,
    as_timeout,
    expect,
    expect_list,
)
from ..errors import FocusConfigError

T = TypeVar("T")


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every resource method.

    `extra_headers` / `extra_query` add to this call's request (after the client's
    `default_headers`); they may not replace the token, the framing headers or a parameter
    the call sets itself (FocusConfigError), and they go only to the Focus base URL.
    """

    timeout: TimeoutTypes
    max_retries: int | None
    deadline: float | None
    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, QueryValue] | None


@attrs.define
class Context:
    """The generated client plus the Focus instance's defaults and policy."""

    api: Client
    policy: Policy
    organization_id: int | None
    workspace_id: int | None
    roles: RoleCache = attrs.field(factory=RoleCache)

    def org(self, override: object) -> int:
        """The organization id for a call: the call's own (checked), else the client default."""
        return _default_id("organization_id", override, self.organization_id)

    def ws(self, override: object) -> int:
        """The workspace id for a call: the call's own (checked), else the client default."""
        return _default_id("workspace_id", override, self.workspace_id)


def _default_id(name: str, override: object, default: int | None) -> int:
    """`override` checked as an id when given, else `default`; FocusConfigError if neither."""
    if override is not None:
        return _check.positive_id(name, override)
    if default is None:
        raise FocusConfigError(f"{name} is required: pass it to Focus({name}=...) or to the call")
    return default


def checked_options(options: Mapping[str, Any]) -> RequestOptions:
    """The per-call options, refusing any other keyword at call time (not when iterating).

    Their values are checked here too, so a listing refuses a bad option when `list()` is
    called rather than on the first page.
    """
    _check.keywords(options, RequestOptions.__optional_keys__)
    as_timeout(options.get("timeout"))
    as_retries(options.get("max_retries"))
    as_deadline(options.get("deadline"))
    checked = dict(options)
    for name, check in (("extra_headers", check_headers), ("extra_query", check_query)):
        if name in checked:  # a copy: what the caller holds is never touched
            checked[name] = check(name, checked[name])
    return cast(RequestOptions, checked)


def ids(name: str, values: object) -> list[int] | Unset:
    """An optional iterable of ids (checked) as the list the generated code wants."""
    return _check.optional(_check.ids, name, values)


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
    "Context",
    "RequestOptions",
    "Unpack",
    "checked_options",
    "expect",
    "expect_list",
    "ids",
    "items_of",
    "page_of",
    "size_params",
]
