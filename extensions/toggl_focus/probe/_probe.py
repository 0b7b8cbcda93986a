"""The `Probe`: plan, budget and the sync and async runs (see `toggl_focus.probe`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import attrs
import httpx

from .._async.client import AsyncFocus
from .._ground.version import __version__
from .._sync.client import Focus
from .._wire.auth import hold, resolve_base_url, resolve_token
from ..errors import FocusConfigError, FocusDecodeError, FocusStatusError
from ..testing._conformance import Spec
from ._engine import Engine, answer_from, describe_error, query_params
from ._report import Report
from ._steps import (
    WRITE_NEEDS,
    WRITE_OPERATIONS,
    WRITES,
    Answer,
    Context,
    Request,
    Step,
    steps,
    unconditional,
)

__all__ = ["DEFAULT_BUDGET", "PlannedStep", "Probe"]

#: Requests a read-only run may send unless told otherwise (the free plan allows 30 an
#: hour); a run with writes defaults to what its core checks and writes need.
DEFAULT_BUDGET = 12


@attrs.frozen
class PlannedStep:
    """A step of the plan as shown before anything is sent."""

    number: int
    name: str
    operation: str
    method: str
    sends: str
    why: str
    condition: str | None
    within_budget: bool


class Probe:
    """A budgeted check of the spec against a live Focus API (see the module docstring)."""

    def __init__(
        self,
        *,
        organization_id: int,
        workspace_id: int,
        token: str | None = None,
        budget: int | None = None,
        allow_writes: Iterable[str] = (),
        base_url: str | None = None,
        spec: Spec | None = None,
    ) -> None:
        """Check every argument before anything is sent (FocusConfigError).

        `token` defaults to $TOGGL_FOCUS_API_TOKEN and `base_url` to $TOGGL_FOCUS_BASE_URL
        or production. `allow_writes` names the write operations the probe may use; its
        write steps need both `create_ghost` and `delete_ghost` (it deletes what it
        creates). `budget` defaults to `DEFAULT_BUDGET`, or with writes to what the core
        checks and the writes need (`core_needs`); a smaller one with writes is refused.
        """
        held = hold(token)
        del token  # no local holds the plain token: a traceback with locals cannot show it
        self.spec = spec if spec is not None else Spec.shipped()
        for name, value in (("organization_id", organization_id), ("workspace_id", workspace_id)):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise FocusConfigError(f"{name} must be a positive int, got {value!r}")
        if budget is not None and (
            isinstance(budget, bool) or not isinstance(budget, int) or budget < 1
        ):
            raise FocusConfigError(f"budget must be an int >= 1, got {budget!r}")
        writes = tuple(dict.fromkeys(allow_writes))
        for name in writes:
            operation = self.spec.operations.get(name)
            if operation is None:
                raise FocusConfigError(f"--allow-writes: no operation {name!r} in the spec")
            if operation.is_read:
                raise FocusConfigError(f"--allow-writes: {name} only reads; name writes only")
        named = [op for op in WRITE_OPERATIONS if op in writes]
        if named and len(named) != len(WRITE_OPERATIONS):
            raise FocusConfigError(
                "--allow-writes: the write checks need "
                + " and ".join(WRITE_OPERATIONS)
                + " together (the probe deletes the ghost it creates)"
            )
        self.steps: tuple[Step, ...] = steps(writes)
        written = {step.name for step in WRITES}
        core = [s for s in self.steps if s.core and s.name not in written]
        #: Requests the core checks need: the core reads, and the writes when allowed.
        self.core_needs = unconditional(core) + (WRITE_NEEDS if named else 0)
        if budget is None:
            budget = self.core_needs if named else DEFAULT_BUDGET
        elif named and budget < self.core_needs:
            raise FocusConfigError(
                f"--allow-writes needs --budget {self.core_needs} or more: "
                f"{self.core_needs - WRITE_NEEDS} for the core reads, {WRITE_NEEDS - 1} for "
                "the writes and 1 in reserve for their clean-up"
            )
        self._token = resolve_token(held)  # a Secret, passed to Focus as it is
        self.base_url = resolve_base_url(base_url)
        self.organization_id = organization_id
        self.workspace_id = workspace_id
        self.budget = budget
        self.allow_writes = writes

    def __repr__(self) -> str:
        # Safe on a half-built instance: a traceback shown with its locals reprs `self`.
        base_url = getattr(self, "base_url", None)
        return (
            f"Probe(base_url={str(base_url) if base_url else None!r}, "
            f"organization_id={getattr(self, 'organization_id', None)}, "
            f"workspace_id={getattr(self, 'workspace_id', None)}, "
            f"budget={getattr(self, 'budget', None)}, "
            f"allow_writes={list(getattr(self, 'allow_writes', ()))})"
        )

    # --- the plan ------------------------------------------------------------------------

    def plan(self) -> list[PlannedStep]:
        """Every step in order; unconditional steps past the budget are marked outside it."""
        planned, counted = [], 0
        for number, step in enumerate(self.steps, start=1):
            counted += step.condition is None
            planned.append(
                PlannedStep(
                    number=number,
                    name=step.name,
                    operation=step.operation,
                    method=self.spec.operations[step.operation].method,
                    sends=step.sends,
                    why=step.why,
                    condition=step.condition,
                    within_budget=counted + step.needs - 1 <= self.budget,
                )
            )
        return planned

    def plan_text(self) -> str:
        """The plan as printed before anything is sent."""
        mode = (
            "writes allowed: " + ", ".join(self.allow_writes) if self.allow_writes else "read-only"
        )
        lines = [
            f"Plan: at most {self.budget} request(s) to {self.base_url} "
            f"(organization {self.organization_id}, workspace {self.workspace_id}; {mode}).",
            f"Each answer is checked against the spec {self.spec.title!r} "
            f"{self.spec.version} (sha256 {self.spec.sha256[:12]}) shipped in toggl-focus "
            f"{__version__}. Retries are off.",
            "",
        ]
        later: list[str] = []
        for step in self.plan():
            entry = [f"  {step.number:>2}  {step.sends}", f"      why: {step.why}"]
            if step.condition:
                entry.append(f"      {step.condition}; takes the place of a later step")
            (lines if step.within_budget else later).extend(entry)
        if later:
            lines += ["", "Beyond the budget (sent only if conditional steps are not needed):"]
            lines += later
        unused = [op for op in self.allow_writes if op not in WRITE_OPERATIONS]
        if unused:
            lines += ["", f"No step uses {', '.join(unused)}: nothing is sent for it."]
        if not self.allow_writes:
            lines += [
                "",
                "Nothing is written. --allow-writes "
                + ",".join(WRITE_OPERATIONS)
                + f" adds: create a ghost, delete it, delete it again ({WRITE_NEEDS - 1} "
                "requests and 1 in reserve to find or re-delete it; its budget is "
                f"{self.core_needs + WRITE_NEEDS}).",
            ]
        return "\n".join(lines) + "\n"

    # --- running -------------------------------------------------------------------------

    def _engine(self) -> Engine:
        ctx = Context(organization_id=self.organization_id, workspace_id=self.workspace_id)
        return Engine(
            self.spec,
            self.steps,
            ctx,
            budget=self.budget,
            allow_writes=self.allow_writes,
            core_needs=self.core_needs,
        )

    def _report(self, engine: Engine) -> Report:
        results = engine.decisions()
        return Report(
            spec_title=self.spec.title,
            spec_version=self.spec.version,
            spec_sha256=self.spec.sha256,
            base_url=str(self.base_url),
            organization_id=self.organization_id,
            workspace_id=self.workspace_id,
            budget=self.budget,
            allow_writes=self.allow_writes,
            exchanges=tuple(engine.exchanges),
            skipped=tuple(engine.skipped),
            checks=tuple(results),
            notes=tuple(engine.notes),
            left_behind=tuple(engine.left_behind),
            stopped=engine.stopped,
            stop=engine.stop,
            core_needs=self.core_needs,
        )

    def _call(self, request: Request) -> tuple[str, str, dict[str, Any] | None, Any]:
        """Method, path, query params and JSON body of a step's request."""
        operation = self.spec.operation(request.operation)
        url = operation.url(**request.path_params)
        return operation.method, url, query_params(request) or None, request.body

    def run(self, *, http_client: httpx.Client | None = None) -> Report:
        """Send the plan through a `Focus` (one attempt per step) and report."""
        engine = self._engine()
        driver = engine.drive()
        with Focus(
            cast(Any, self._token),
            organization_id=self.organization_id,
            workspace_id=self.workspace_id,
            base_url=str(self.base_url),
            max_retries=0,
            http_client=http_client,
        ) as focus:
            # The generated client's own sender: one attempt, no retries, typed statuses.
            wire = focus.api.get_httpx_client()
            try:
                request = next(driver)
                while True:
                    method, url, params, body = self._call(request)
                    try:
                        answer = answer_from(wire.request(method, url, params=params, json=body))
                    except (FocusStatusError, FocusDecodeError, httpx.HTTPError) as exc:
                        answer = _failed(exc, request, url)
                    request = driver.send(answer)
            except StopIteration:
                pass
        return self._report(engine)

    async def arun(self, *, http_client: httpx.AsyncClient | None = None) -> Report:
        """Send the plan through an `AsyncFocus` (one attempt per step) and report."""
        engine = self._engine()
        driver = engine.drive()
        async with AsyncFocus(
            cast(Any, self._token),
            organization_id=self.organization_id,
            workspace_id=self.workspace_id,
            base_url=str(self.base_url),
            max_retries=0,
            http_client=http_client,
        ) as focus:
            wire = focus.api.get_async_httpx_client()
            try:
                request = next(driver)
                while True:
                    method, url, params, body = self._call(request)
                    try:
                        response = await wire.request(method, url, params=params, json=body)
                        answer = answer_from(response)
                    except (FocusStatusError, FocusDecodeError, httpx.HTTPError) as exc:
                        answer = _failed(exc, request, url)
                    request = driver.send(answer)
            except StopIteration:
                pass
        return self._report(engine)


def _failed(exc: Exception, request: Request, url: str) -> Answer:
    """The answer carried by an error status, or no answer at all (a transport failure)."""
    if isinstance(exc, FocusStatusError):
        return answer_from(exc.response)
    if isinstance(exc, FocusDecodeError):
        return answer_from(exc.response, error=str(exc))
    query = "&".join(f"{k}={v}" for k, v in request.query)
    target = url + (f"?{query}" if query else "")
    return Answer(None, (), b"", target, error=describe_error(exc))
