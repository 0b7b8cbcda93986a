"""The probe's engine: sends the planned steps within the budget and reads every answer.

It is a generator that yields each `Request` and receives its `Answer`, so the same logic
drives the sync (`Focus`) and the async (`AsyncFocus`) runs and holds no I/O of its own. It
never sends more than the budget, never a step whose clean-up would not fit in the budget
or in the quota the last answer reported, never a write the user did not allow (any
operation that is not a GET counts as a write, whatever the steps say), and stops after an
answer that makes the rest pointless (no answer, 401, a spent quota, a 403 or 404 on the
first request).

Only evidence settles a check (see `_steps`): an answer that does not bear on the request
(401, 402, 403, 429, 5xx, none) makes each check of its step "not tested" with a reason
code. A 429, 502, 503 or 504 is not held against the spec either (a proxy or a passing
outage sends them). At the end it knows which planned checks were not tested and why, and
whether a ghost the probe created may be left behind: the report's verdict rests on that.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Generator, Sequence
from typing import Any

import attrs
import httpx

from toggl_focus_api import Client

from ..testing._conformance import Decision, Spec, Violation
from ._steps import (
    AUTH_REFUSED,
    BUDGET,
    CHECKS,
    CONFIRMED,
    CONTRADICTED,
    FORBIDDEN,
    NO_ANSWER,
    NO_DATA,
    NOT_FOUND,
    NOT_IN_PLAN,
    NOT_TESTED,
    QUOTA_SPENT,
    RATE_LIMITED,
    SERVER_ERROR,
    STOPPED,
    SUPPORTS,
    WRITE_OPERATIONS,
    Answer,
    Check,
    Context,
    Request,
    Skip,
    Step,
    is_evidence,
    parse_body,
)

#: Statuses a proxy or a passing outage sends: not held against the spec's status list.
_INFRA = frozenset({429, 502, 503, 504})
_QUOTA = "x-toggl-quota-remaining"
#: An observation's detail when nothing was read: the report's notes leave it out.
NO_ENTRIES = "no working-hours entries were read"


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
    #: Why the answer is not evidence (a 403, a 429...), or None when it is.
    not_evidence: str | None = None
    #: Values of open enums the spec does not list yet: news for the spec, never drift.
    open_values: tuple[Violation, ...] = ()


@attrs.frozen
class Skipped:
    """A planned step that sent nothing, why, and the reason's code (None: not needed)."""

    step: str
    operation: str
    reason: str
    code: str | None = None


@attrs.frozen
class DecisionResult:
    """A check's outcome, with the `x-decision` markers it maps to (by pointer).

    `check` is None for a marker no check maps to: it is listed as not tested. `planned`
    says whether the run had to settle it (a core check, or one whose request was sent);
    `code` is the reason code of a planned check left untested.
    """

    check: str | None
    summary: str
    result: str
    detail: str
    markers: tuple[Decision, ...]
    observation: bool = False
    planned: bool = False
    code: str | None = None


def status_meaning(status: int | None, answer: Answer | None = None) -> tuple[str, str]:
    """What a non-evidence answer means, and its reason code."""
    if status is None:
        return "no answer", NO_ANSWER
    if status == 401:
        return "the token was refused", AUTH_REFUSED
    if status == 402:
        left = answer.header(_QUOTA) if answer is not None else None
        if left is not None and left.strip() == "0":
            return "the hourly quota is spent", QUOTA_SPENT
        return "a feature the organization's plan lacks", NOT_IN_PLAN
    if status == 403:
        return "the token's user may not (documented for a key without admin rights)", FORBIDDEN
    if status == 429:
        retry = answer.header("retry-after") if answer is not None else None
        wait = f", Retry-After {retry!r}" if retry and len(retry) < 40 else ""
        return f"rate limited by something in between{wait}", RATE_LIMITED
    if status >= 500:
        return "a server error", SERVER_ERROR
    return f"status {status}", NO_DATA


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
        core_needs: int = 0,
    ) -> None:
        """Plan to send `steps` in order, at most `budget` requests."""
        self.spec = spec
        self.steps = tuple(steps)
        self.ctx = ctx
        self.budget = budget
        self.core_needs = core_needs
        self.allow_writes = frozenset(allow_writes)
        self.exchanges: list[Exchange] = []
        self.skipped: list[Skipped] = []
        #: Why the run ended early (text) and its code, or None.
        self.stopped: str | None = None
        self.stop: str | None = None
        self.quota_left: int | None = None
        self.quota_answers = 0
        self.notes: list[str] = []
        self.left_behind: list[str] = []
        self._api = Client(base_url="http://parser.invalid", raise_on_unexpected_status=False)

    @property
    def sent(self) -> int:
        """Requests sent so far."""
        return len(self.exchanges)

    def drive(self) -> Generator[Request, Answer, None]:
        """Yield each request to send; receive its answer."""
        for step in self.steps:
            if self.stopped is not None:
                self._skip(step, f"stopped: {self.stopped}", STOPPED)
                continue
            operation = self.spec.operations.get(step.operation)
            if operation is None:
                self._skip(step, "the spec has no such operation", NO_DATA)
                continue
            if not operation.is_read and step.operation not in self.allow_writes:
                self._skip(step, f"{step.operation} writes; it is not in --allow-writes", None)
                continue
            if step.needs > 1 and not self._room(step):
                continue  # a write sequence: check the room before its build names a ghost
            built = step.build(self.ctx)
            if isinstance(built, Skip):
                self._skip(step, built.reason, built.code)
                continue
            if step.needs == 1 and not self._room(step):
                continue
            answer = yield built
            self._record(step, built, answer)
        self._finish()

    def _room(self, step: Step) -> bool:
        """Whether the budget and the quota last reported leave room for the step."""
        left = self.budget - self.sent
        if left < step.needs:
            why = "the budget is spent" if left == 0 else f"needs {step.needs} requests left"
            self._skip(step, f"not sent: {why} (budget {self.budget})", BUDGET)
            if step.core and self.stop is None:
                self.stop = BUDGET
            return False
        if self.quota_left is not None and self.quota_left < step.needs:
            if self.quota_left == 0:
                self.stopped = "the hourly quota is spent (the last answer said 0 requests left)"
                self.stop = QUOTA_SPENT
                self._skip(step, f"stopped: {self.stopped}", STOPPED)
            else:
                self._skip(
                    step,
                    f"not sent: the quota left ({self.quota_left}) is less than the "
                    f"{step.needs} requests it and its clean-up need",
                    QUOTA_SPENT,
                )
            return False
        return True

    def _skip(self, step: Step, reason: str, code: str | None) -> None:
        self.skipped.append(Skipped(step.name, step.operation, reason, code))

    def _record(self, step: Step, request: Request, answer: Answer) -> None:
        operation = self.spec.operation(step.operation)
        status = answer.status
        violations: tuple[Violation, ...] = ()
        open_values: tuple[Violation, ...] = ()
        client_error = None
        not_evidence = None
        # A 404 on the first request: a wrong organization, workspace or base URL, most
        # likely; nothing it says bears on the spec.
        missed = status == 404 and self.sent == 0
        if status is not None and not missed and not self._infra(step, status):
            violations, open_values = self._check(step.operation, answer)
            if 200 <= status < 300:
                client_error = self._client_decodes(step.operation, answer)
        self._quota(answer)
        if missed or not is_evidence(status):
            meaning, code = status_meaning(status, answer)
            if missed:
                meaning, code = "not found: a wrong organization, workspace or URL?", NOT_FOUND
            not_evidence = meaning
            for check in step.checks:
                said = "no answer" if status is None else f"answered {status}"
                self.ctx.note(check, NOT_TESTED, f"{step.name} {said}: {meaning}", code)
        self.exchanges.append(
            Exchange(
                number=self.sent + 1,
                step=step.name,
                operation=step.operation,
                method=operation.method,
                target=_redacted(answer.target, step.redact),
                status=status,
                violations=violations,
                client_error=client_error,
                error=answer.error,
                not_evidence=not_evidence,
                open_values=open_values,
            )
        )
        if missed:
            pass
        elif is_evidence(status) or step.reads is None or status in step.reads:
            step.settle(self.ctx, answer, parse_body(answer))
        self._stop_after(answer)

    def _infra(self, step: Step, status: int) -> bool:
        """A proxy's or an outage's status the spec does not document for the operation."""
        return status in _INFRA and str(status) not in self.spec.operation(step.operation).responses

    def _check(
        self, operation: str, answer: Answer
    ) -> tuple[tuple[Violation, ...], tuple[Violation, ...]]:
        """The answer's violations, and apart the values of open enums the spec lacks.

        Strict checking closes the spec (every field and enum value it lists, no other);
        an enum value that only strict checking rejects belongs to an enum the spec keeps
        open: the spec should list it, but the server does not contradict it.
        """
        assert answer.status is not None
        kwargs: dict[str, Any] = {
            "status": answer.status,
            "headers": answer.headers,
            "body": answer.body,
        }
        strict = self.spec.check_response(operation, **kwargs)
        loose = {
            (v.location, v.path)
            for v in self.spec.check_response(operation, strict=False, **kwargs)
            if v.kind == "unknown-enum-value"
        }
        news = [
            v
            for v in strict
            if v.kind == "unknown-enum-value" and (v.location, v.path) not in loose
        ]
        return tuple(v for v in strict if v not in news), tuple(news)

    def _quota(self, answer: Answer) -> None:
        left = answer.header(_QUOTA)
        if left is not None:
            self.quota_answers += 1
            text = left.strip()
            # A value that is not a count is a violation of the header, reported as such.
            self.quota_left = int(text) if text.isdigit() else self.quota_left
        retry = answer.header("retry-after")
        if answer.status in (402, 429) and retry is not None:
            shown = retry if len(retry) < 40 and retry.isascii() else "(unreadable)"
            self.notes.append(
                f"request {self.sent + 1} answered {answer.status} with Retry-After {shown}: "
                + (
                    "Focus documents none for a 402; the client waits for the quota window "
                    "(X-Toggl-Quota-Resets-In), not for Retry-After"
                    if answer.status == 402
                    else "the client honours up to 60 s of it on a retried GET, PUT or DELETE"
                )
            )

    def _stop_after(self, answer: Answer) -> None:
        status = answer.status
        if status is None:
            self.stopped, self.stop = f"no answer from the server ({answer.error})", NO_ANSWER
        elif status == 401:
            self.stopped = (
                f"the server refused the token (401 on request {self.sent}): check --token, "
                "--token-file or $TOGGL_FOCUS_API_TOKEN"
            )
            self.stop = AUTH_REFUSED
        elif status == 402 and status_meaning(402, answer)[1] == QUOTA_SPENT:
            self.stopped = f"the hourly request quota is spent (402 on request {self.sent})"
            self.stop = QUOTA_SPENT
        elif status in (403, 404) and self.sent == 1:
            self.stopped = (
                f"the first request answered {status}: check --organization-id, "
                "--workspace-id and --base-url, and that the token's user may see them"
            )
            self.stop = FORBIDDEN if status == 403 else NOT_FOUND

    def _finish(self) -> None:
        """After the last step: what the probe may have left behind; quota headers seen."""
        created = self.ctx.created
        if created is not None and not created.deleted:
            status = created.status
            if status is not None and (is_evidence(status) and not 200 <= status < 300):
                pass  # refused: nothing was created
            elif status in (401, 402, 403, 429):
                pass
            elif created.id is not None:
                self.left_behind.append(
                    f"the probe's ghost {created.id} ({created.name!r}) was not deleted: "
                    "delete it in Toggl Focus"
                )
            else:
                said = "no answer" if status is None else f"answered {status}"
                self.left_behind.append(
                    f"a ghost named {created.name!r} may exist (the create {said} and its id "
                    "could not be found): look for it in Toggl Focus and delete it"
                )
        answered = sum(1 for e in self.exchanges if e.status is not None)
        succeeded = sum(1 for e in self.exchanges if e.status and 200 <= e.status < 300)
        if succeeded and self.quota_answers == 0:
            self.notes.append(
                f"none of the {answered} answers carried X-Toggl-Quota-Remaining: the "
                "client's quota tracking (Focus.quota, the CLI's low-quota line and its "
                "wait for the reset) cannot work against this server"
            )
        elif succeeded:
            self.notes.append(
                f"{self.quota_answers} of {answered} answers carried the quota headers"
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
            return describe_error(exc)
        return None

    # --- decisions -----------------------------------------------------------------------

    def decisions(self) -> list[DecisionResult]:
        """Each check's result and its markers, then every marker no check maps to."""
        markers = self.spec.decisions()
        mapped: set[str] = set()
        results = []
        sent_steps = {e.step for e in self.exchanges}
        cut = {s.step for s in self.skipped if s.code == BUDGET}
        for check in CHECKS:
            scope: set[str] = set()
            for operation in check.operations:
                if operation in self.spec.operations:
                    scope.update(self.spec.scope(operation))
            own = tuple(
                m for m in markers if _inside(m.pointer, scope) and check.maps_to(m.pointer, m.text)
            )
            mapped.update(m.pointer for m in own)
            serving = [s for s in self.steps if check.name in s.checks]
            # Planned: a core check, or one whose requests all went out (a check the budget
            # cut short was not planned: the plan showed it beyond the budget).
            planned = not check.observation and (
                any(s.core for s in serving)
                or (
                    any(s.name in sent_steps for s in serving)
                    and not any(s.name in cut for s in serving)
                )
            )
            result, detail, code = self._outcome(check, serving)
            results.append(
                DecisionResult(
                    check.name,
                    check.summary,
                    result,
                    detail,
                    own,
                    observation=check.observation,
                    planned=planned,
                    code=code if planned and result == NOT_TESTED else None,
                )
            )
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

    def _outcome(self, check: Check, serving: Sequence[Step]) -> tuple[str, str, str | None]:
        """The result, its detail and (when not tested) the first reason's code."""
        if check.name == "working_hours.weekday_optional":
            return self._weekday_optional()
        if check.name == "working_hours.weekday_zero":
            return self._weekday_zero()
        evidence = self.ctx.evidence.get(check.name, [])
        support = [detail for result, detail in evidence if result == SUPPORTS]
        for wanted in (CONTRADICTED, CONFIRMED):
            details = [detail for result, detail in evidence if result == wanted]
            if details:
                return wanted, "; ".join(details + (support if wanted == CONFIRMED else [])), None
        codes = list(self.ctx.untested.get(check.name, []))
        details = [detail for result, detail in evidence if result == NOT_TESTED]
        names = {s.name for s in serving}
        for skipped in self.skipped:
            if skipped.step in names and skipped.code is not None:
                details.append(f"{skipped.step}: {skipped.reason}")
                codes.append(skipped.code)
        if not serving and any(op in WRITE_OPERATIONS for op in check.operations):
            return NOT_TESTED, "needs writes: --allow-writes " + ",".join(WRITE_OPERATIONS), None
        if details or support:
            return NOT_TESTED, "; ".join(details + support), (codes or [NO_DATA])[0]
        return NOT_TESTED, "its requests were sent but their answers could not tell", NO_DATA

    def _weekday_optional(self) -> tuple[str, str, str | None]:
        ctx = self.ctx
        if not ctx.hours_entries:
            return NOT_TESTED, NO_ENTRIES, NO_DATA
        if ctx.hours_without_weekday:
            detail = f"{ctx.hours_without_weekday} of {ctx.hours_entries} entries lack it"
            return CONFIRMED, detail, None
        return NOT_TESTED, f"all {ctx.hours_entries} entries read carry it", NO_DATA

    def _weekday_zero(self) -> tuple[str, str, str | None]:
        ctx = self.ctx
        if not ctx.hours_entries:
            return NOT_TESTED, NO_ENTRIES, NO_DATA
        return (
            CONFIRMED if ctx.hours_weekday_zero else NOT_TESTED,
            f"{ctx.hours_weekday_zero} of {ctx.hours_entries} entries say weekday 0; "
            f"{ctx.hours_without_weekday} have none",
            None,
        )

    def incomplete(self, results: Sequence[DecisionResult]) -> list[DecisionResult]:
        """The planned checks left untested: each makes the run inconclusive."""
        return [r for r in results if r.planned and r.result == NOT_TESTED]


def describe_error(exc: BaseException) -> str:
    """An exception as one line that always says something, even with an empty message."""
    message = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    if not message:
        frames = traceback.extract_tb(exc.__traceback__)
        where = (
            f" in {frames[-1].name}() at {frames[-1].filename.rsplit('/', 1)[-1]}:"
            f"{frames[-1].lineno}"
            if frames
            else ""
        )
        message = f"(no message){where}"
    return f"{type(exc).__name__}: {message}"


def _redacted(target: str, names: Sequence[str]) -> str:
    """A request target with the values of the named query parameters masked."""
    if not names or "?" not in target:
        return target
    path, _, query = target.partition("?")
    pairs = []
    for pair in query.split("&"):
        name = pair.partition("=")[0]
        pairs.append(f"{name}=(masked)" if name in names else pair)
    return path + "?" + "&".join(pairs)


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
