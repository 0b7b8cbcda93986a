"""The probe's engine: sends the planned steps within the budget and reads every answer.

It is a generator that yields each `Request` and receives its `Answer`, so the same logic
drives the sync (`Focus`) and the async (`AsyncFocus`) runs and holds no I/O of its own. It
never sends more than the budget, never a step whose clean-up would not fit in it, never a
write the user did not allow (any operation that is not a GET counts as a write, whatever
the steps say), and stops after an answer that makes the rest pointless (no answer, 401, a
spent quota).
"""

from __future__ import annotations

import importlib
from collections.abc import Generator, Sequence
from typing import Any

import attrs
import httpx

from toggl_focus_api import Client

from .._conformance import Decision, Spec, Violation
from ._steps import (
    CHECKS,
    CONFIRMED,
    CONTRADICTED,
    NOT_TESTED,
    SUPPORTS,
    WRITE_OPERATIONS,
    Answer,
    Context,
    Request,
    Skip,
    Step,
    parse_body,
)


@attrs.frozen
class Exchange:
    """One request the probe sent, and what its answer broke of the spec."""

    number: int
    step: str
    operation: str
    method: str
    target: str
    status: int | None
    violations: tuple[Violation, ...]
    client_error: str | None = None
    error: str | None = None


@attrs.frozen
class Skipped:
    """A planned step that sent nothing, and why."""

    step: str
    operation: str
    reason: str


@attrs.frozen
class DecisionResult:
    """A decision check's outcome, with the `x-decision` markers it maps to (by pointer).

    `check` is None for a marker no check maps to: it is listed as not tested.
    """

    check: str | None
    summary: str
    result: str
    detail: str
    markers: tuple[Decision, ...]


class Engine:
    """Runs `steps` against the answers it is sent; see the module docstring."""

    def __init__(
        self,
        spec: Spec,
        steps: Sequence[Step],
        ctx: Context,
        *,
        budget: int,
        allow_writes: Sequence[str],
    ) -> None:
        """Plan to send `steps` in order, at most `budget` requests."""
        self.spec = spec
        self.steps = tuple(steps)
        self.ctx = ctx
        self.budget = budget
        self.allow_writes = frozenset(allow_writes)
        self.exchanges: list[Exchange] = []
        self.skipped: list[Skipped] = []
        self.stopped: str | None = None
        self._api = Client(base_url="http://parser.invalid", raise_on_unexpected_status=False)

    @property
    def sent(self) -> int:
        """Requests sent so far."""
        return len(self.exchanges)

    def drive(self) -> Generator[Request, Answer, None]:
        """Yield each request to send; receive its answer."""
        for step in self.steps:
            if self.stopped is not None:
                self._skip(step, f"stopped: {self.stopped}")
                continue
            operation = self.spec.operations.get(step.operation)
            if operation is None:
                self._skip(step, "the spec has no such operation")
                continue
            if not operation.is_read and step.operation not in self.allow_writes:
                self._skip(step, f"{step.operation} writes; it is not in --allow-writes")
                continue
            left = self.budget - self.sent
            if left < step.needs:
                why = "the budget is spent" if left == 0 else f"needs {step.needs} requests left"
                self._skip(step, f"not sent: {why} (budget {self.budget})")
                continue
            built = step.build(self.ctx)
            if isinstance(built, Skip):
                self._skip(step, built.reason)
                continue
            answer = yield built
            self._record(step, built, answer)

    def _skip(self, step: Step, reason: str) -> None:
        self.skipped.append(Skipped(step.name, step.operation, reason))

    def _record(self, step: Step, request: Request, answer: Answer) -> None:
        operation = self.spec.operation(step.operation)
        violations: tuple[Violation, ...] = ()
        client_error = None
        if answer.status is not None:
            violations = tuple(
                self.spec.check_response(
                    step.operation, status=answer.status, headers=answer.headers, body=answer.body
                )
            )
            if 200 <= answer.status < 300:
                client_error = self._client_decodes(step.operation, answer)
        self.exchanges.append(
            Exchange(
                number=self.sent + 1,
                step=step.name,
                operation=step.operation,
                method=operation.method,
                target=answer.target,
                status=answer.status,
                violations=violations,
                client_error=client_error,
                error=answer.error,
            )
        )
        step.settle(self.ctx, answer, parse_body(answer))
        headers = {name.lower(): value for name, value in answer.headers}
        if answer.status is None:
            self.stopped = f"no answer from the server ({answer.error})"
        elif answer.status == 401:
            self.stopped = "the server refused the token (401)"
        elif answer.status == 402 and headers.get("x-toggl-quota-remaining", "").strip() == "0":
            self.stopped = "the hourly request quota is spent (402)"
        elif answer.status in (403, 404) and self.sent == 1:
            self.stopped = (
                f"the first request answered {answer.status}: check --organization-id and "
                "--workspace-id, and that the token's user may see them"
            )

    def _client_decodes(self, operation_id: str, answer: Answer) -> str | None:
        """Whether this package's generated client parses the answer (None) or fails (why)."""
        tags = self.spec.operation(operation_id).tags
        try:
            module = importlib.import_module(f"toggl_focus_api.api.{tags[0]}.{operation_id}")
        except (ImportError, IndexError):
            return None
        response = httpx.Response(
            answer.status or 0,
            headers=list(answer.headers),
            content=answer.body,
            request=httpx.Request("GET", "http://parser.invalid/"),
        )
        try:
            module._parse_response(client=self._api, response=response)
        except Exception as exc:
            return f"{type(exc).__name__}: {str(exc)[:160]}"
        return None

    # --- decisions -----------------------------------------------------------------------

    def decisions(self) -> list[DecisionResult]:
        """Each check's result and its markers, then every marker no check maps to."""
        markers = self.spec.decisions()
        mapped: set[str] = set()
        results = []
        for check in CHECKS:
            scope: set[str] = set()
            for operation in check.operations:
                if operation in self.spec.operations:
                    scope.update(self.spec.scope(operation))
            own = tuple(
                m for m in markers if _inside(m.pointer, scope) and check.maps_to(m.pointer, m.text)
            )
            mapped.update(m.pointer for m in own)
            result, detail = self._outcome(check.name)
            results.append(DecisionResult(check.name, check.summary, result, detail, own))
        for marker in markers:
            if marker.pointer not in mapped:
                results.append(
                    DecisionResult(
                        None,
                        marker.text,
                        NOT_TESTED,
                        "no check of the probe settles it",
                        (marker,),
                    )
                )
        return results

    def _outcome(self, check: str) -> tuple[str, str]:
        evidence = self.ctx.evidence.get(check, [])
        support = [detail for result, detail in evidence if result == SUPPORTS]
        for wanted in (CONTRADICTED, CONFIRMED):
            details = [detail for result, detail in evidence if result == wanted]
            if details:
                return wanted, "; ".join(details + (support if wanted == CONFIRMED else []))
        if any(result == NOT_TESTED for result, _ in evidence):
            return NOT_TESTED, "; ".join(detail for _, detail in evidence)
        serving = [s for s in self.steps if check in s.checks]
        if not serving and any(op in WRITE_OPERATIONS for op in _operations_of(check)):
            return NOT_TESTED, "needs writes: --allow-writes " + ",".join(WRITE_OPERATIONS)
        reasons = [f"{s.step}: {s.reason}" for s in self.skipped if check in _checks_of(s, serving)]
        if reasons or support:
            return NOT_TESTED, "; ".join(support + reasons)
        return NOT_TESTED, "its requests were sent but their answers could not tell"


def _operations_of(check: str) -> tuple[str, ...]:
    return next((c.operations for c in CHECKS if c.name == check), ())


def _checks_of(skipped: Skipped, serving: Sequence[Step]) -> tuple[str, ...]:
    for step in serving:
        if step.name == skipped.step:
            return step.checks
    return ()


def _inside(pointer: str, scope: set[str]) -> bool:
    """Whether a JSON pointer lies at or under one of the scope's pointers."""
    parts = pointer.split("/")
    return any("/".join(parts[:n]) in scope for n in range(2, len(parts) + 1))


def answer_from(response: httpx.Response, error: str | None = None) -> Answer:
    """An `Answer` from a response the Focus wire returned (or carried in an error)."""
    url = response.request.url
    return Answer(
        status=response.status_code,
        headers=tuple(response.headers.multi_items()),
        body=response.content,
        target=url.raw_path.decode("ascii", "replace"),
        error=error,
    )


def query_params(request: Request) -> dict[str, Any]:
    """The request's query as httpx params: a repeated name becomes a list."""
    params: dict[str, Any] = {}
    for name, value in request.query:
        if name in params:
            previous = params[name]
            params[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            params[name] = value
    return params
