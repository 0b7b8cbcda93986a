"""The probe's report: a verdict people can act on, then the details behind it.

The verdict is one of three, with its exit status:

- **agrees** (0): every planned check ran and agreed, and nothing was left behind;
- **drift** (1): an answer broke the spec, contradicted a decision, or could not be
  parsed by this package's client;
- **inconclusive** (3): too little could be checked (the token was refused, the first
  request was forbidden, the quota or the budget ran out, a planned check met a 402, 403,
  429 or 5xx, the account lacks the data a check needs) or a ghost the probe created may
  be left behind. The first line says why.

The human form puts a summary first (the verdict, counts, each drift on one line, anything
left behind, the planned checks not tested), the details after, and ends with what to do.
Decisions no check settles are folded into one line unless `verbose`.

It holds no token (the probe never reads it back), no response bodies, and no names,
emails or server texts: violations name a JSON path and a rule, and show an offending
value only as its shape (`"9999-99-99"`), so the report can be shared as is. `as_dict()`
is versioned by `FORMAT_VERSION`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from ..testing._conformance import Violation
from ._engine import NO_ENTRIES, DecisionResult, Exchange, Skipped
from ._steps import BUDGET, CONFIRMED, CONTRADICTED, NOT_TESTED, STOPPED

#: The version of `as_dict()`'s layout; raised on any change a reader must know about.
FORMAT_VERSION = 2
#: Where drift goes (also `Issues` in pyproject.toml's project URLs and in the README).
ISSUES_URL = "https://github.com/toggl-focus/toggl-focus-python/issues"
#: The file the README and the last line of a report tell users to attach.
REPORT_FILE = "focus-probe.json"

_INDEX = re.compile(r"\[\d+\]")
_RESULT_ORDER = {CONTRADICTED: 0, CONFIRMED: 1, NOT_TESTED: 2}
_EXIT = {"agrees": 0, "drift": 1, "inconclusive": 3}


def safe_message(violation: Violation) -> str:
    """A violation's message with any offending value shown only by its shape."""
    shape = violation.shape
    if violation.kind == "unknown-enum-value":
        allowed = violation.expected if isinstance(violation.expected, list) else []
        listed = ", ".join(json.dumps(v) for v in allowed) or json.dumps(violation.expected)
        return f"a value shaped {shape} is not one of {listed}"
    if shape is not None and violation.kind in ("format", "type-mismatch", "constraint"):
        return f"{violation.message} (shape {shape})"
    return violation.message


@attrs.frozen
class Report:
    """The outcome of one probe run (see `render()`, `as_dict()` and `exit_code`)."""

    spec_title: str
    spec_version: str
    spec_sha256: str
    base_url: str
    organization_id: int
    workspace_id: int
    budget: int
    allow_writes: tuple[str, ...]
    exchanges: tuple[Exchange, ...]
    skipped: tuple[Skipped, ...]
    checks: tuple[DecisionResult, ...]
    notes: tuple[str, ...] = ()
    left_behind: tuple[str, ...] = ()
    stopped: str | None = None
    #: The stop code (`auth_refused`, `forbidden`, `quota_spent`, `budget`, `no_answer`).
    stop: str | None = None
    #: Requests the core checks need (the budget message names it).
    core_needs: int = 0

    @property
    def requests_sent(self) -> int:
        """How many requests went out (never more than the budget)."""
        return len(self.exchanges)

    # --- what was found ------------------------------------------------------------------

    def violations(self) -> list[dict[str, Any]]:
        """Violations grouped by operation, status, kind and path (array indexes as `[*]`)."""
        return self._grouped("violations")

    def open_values(self) -> list[dict[str, Any]]:
        """Values of open enums the spec does not list yet (grouped as violations are)."""
        return self._grouped("open_values")

    def _grouped(self, field: str) -> list[dict[str, Any]]:
        groups: dict[tuple[Any, ...], dict[str, Any]] = {}
        for exchange in self.exchanges:
            for violation in getattr(exchange, field):
                path = _INDEX.sub("[*]", violation.path)
                key = (violation.operation, exchange.status, violation.kind, path)
                group = groups.setdefault(
                    key,
                    {
                        "operation": violation.operation,
                        "status": exchange.status,
                        "kind": violation.kind,
                        "location": violation.location,
                        "path": path,
                        "message": safe_message(violation),
                        "keyword": violation.keyword,
                        "expected": violation.expected,
                        "shapes": [],
                        "count": 0,
                        "requests": [],
                    },
                )
                group["count"] += 1
                shapes = group["shapes"]
                if violation.shape is not None and violation.shape not in shapes[:3]:
                    shapes.append(violation.shape)
                    del shapes[3:]
                if exchange.number not in group["requests"]:
                    group["requests"].append(exchange.number)
        return list(groups.values())

    def client_errors(self) -> list[dict[str, Any]]:
        """2xx answers this package's generated client could not parse."""
        return [
            {
                "request": e.number,
                "operation": e.operation,
                "status": e.status,
                "error": e.client_error,
            }
            for e in self.exchanges
            if e.client_error is not None
        ]

    def contradicted(self) -> list[DecisionResult]:
        """Checks an answer contradicted (observations never are)."""
        return [c for c in self.checks if c.check is not None and c.result == CONTRADICTED]

    def not_tested(self) -> list[DecisionResult]:
        """Planned checks left untested: each makes the run inconclusive."""
        return [c for c in self.checks if c.planned and c.result == NOT_TESTED]

    def decisions(self) -> list[dict[str, Any]]:
        """Every `x-decision` marker with its result (combined over the checks mapped to it)."""
        by_pointer: dict[str, dict[str, Any]] = {}
        for check in self.checks:
            for marker in check.markers:
                entry = by_pointer.setdefault(
                    marker.pointer,
                    {
                        "pointer": marker.pointer,
                        "decision": marker.text,
                        "checks": [],
                        "results": [],
                    },
                )
                if check.check is not None:
                    entry["checks"].append(check.check)
                entry["results"].append(check.result)
        found = []
        for entry in by_pointer.values():
            results = entry.pop("results")
            entry["result"] = min(results, key=lambda r: _RESULT_ORDER[r])
            found.append(entry)
        return found

    # --- the verdict ---------------------------------------------------------------------

    @property
    def drift(self) -> bool:
        """Whether the server disagrees with the spec anywhere this run could see."""
        return bool(self.violations() or self.contradicted() or self.client_errors())

    @property
    def complete(self) -> bool:
        """Whether every planned check ran, the run was not stopped, and nothing is left."""
        return self.stop is None and not self.left_behind and not self.not_tested()

    @property
    def verdict(self) -> str:
        """`drift`, `inconclusive` or `agrees` (see the module docstring)."""
        if self.drift:
            return "drift"
        return "agrees" if self.complete else "inconclusive"

    @property
    def exit_code(self) -> int:
        """0 agrees, 1 drift, 3 inconclusive (2 is the command line's usage error)."""
        return _EXIT[self.verdict]

    def why(self) -> str | None:
        """Why the run is not complete (the inconclusive verdict's reason), or None."""
        if self.stop == BUDGET and self.stopped is None:
            return (
                f"the budget of {self.budget} is too small for the core checks, which need "
                f"{self.core_needs}: pass --budget {self.core_needs}"
            )
        if self.stopped is not None:
            return self.stopped
        if self.left_behind:
            return "the probe may have left a ghost behind: " + self.left_behind[0]
        missing = self.not_tested()
        if missing:
            first = missing[0]
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            return f"not tested{more}: {first.summary}: {_first_reason(first.detail)}"
        return None

    def summary(self) -> dict[str, int]:
        """Counts of violations (grouped), client errors and check results."""
        checks = [c for c in self.checks if c.check is not None and not c.observation]
        results = [c.result for c in checks]
        return {
            "requests_sent": self.requests_sent,
            "violations": len(self.violations()),
            "client_errors": len(self.client_errors()),
            "confirmed": results.count(CONFIRMED),
            "contradicted": results.count(CONTRADICTED),
            "not_tested": results.count(NOT_TESTED),
            "planned_not_tested": len(self.not_tested()),
            "unmapped_decisions": sum(1 for c in self.checks if c.check is None),
        }

    # --- forms ---------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """The JSON report (`--json`): what to send the maintainers."""
        return {
            "format_version": FORMAT_VERSION,
            "tool": "toggl_focus.probe",
            "tool_version": _package_version(),
            "spec": {
                "title": self.spec_title,
                "version": self.spec_version,
                "sha256": self.spec_sha256,
            },
            "base_url": self.base_url,
            "organization_id": self.organization_id,
            "workspace_id": self.workspace_id,
            "budget": self.budget,
            "allow_writes": list(self.allow_writes),
            "verdict": self.verdict,
            "exit_code": self.exit_code,
            "complete": self.complete,
            "stop": self.stop,
            "why": self.why(),
            "drift": self.drift,
            "left_behind": list(self.left_behind),
            "summary": self.summary(),
            "checks_run": [
                c.check
                for c in self.checks
                if c.check is not None and c.result in (CONFIRMED, CONTRADICTED)
            ],
            "checks_not_run": [
                {"check": c.check, "planned": c.planned, "code": c.code, "reason": c.detail}
                for c in self.checks
                if c.check is not None and c.result == NOT_TESTED
            ],
            "requests": [
                {
                    "number": e.number,
                    "step": e.step,
                    "operation": e.operation,
                    "method": e.method,
                    "target": e.target,
                    "status": e.status,
                    "violations": len(e.violations),
                    "client_error": e.client_error,
                    "error": e.error,
                    "not_evidence": e.not_evidence,
                }
                for e in self.exchanges
            ],
            "not_sent": [attrs.asdict(s) for s in self.skipped],
            "violations": self.violations(),
            "open_enum_values": self.open_values(),
            "client_errors": self.client_errors(),
            "checks": [
                {
                    "check": c.check,
                    "summary": c.summary,
                    "result": c.result,
                    "detail": c.detail,
                    "observation": c.observation,
                    "planned": c.planned,
                    "code": c.code,
                    "decision": c.markers[0].pointer if c.markers else c.check,
                    "markers": [m.pointer for m in c.markers],
                }
                for c in self.checks
                if c.check is not None
            ],
            "decisions": self.decisions(),
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        """`as_dict()` as indented JSON."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    def drift_lines(self) -> list[str]:
        """Each drift in one line: violations, contradicted checks, client errors."""
        lines = []
        for v in self.violations():
            where = "status" if v["location"] == "status" else _where(v)
            count = f" (x{v['count']})" if v["count"] > 1 else ""
            requests = ", ".join(map(str, v["requests"]))
            lines.append(
                f"{v['operation']} {v['status']} {where}: {v['message']}{count} "
                f"[request {requests}]"
            )
        for c in self.contradicted():
            lines.append(f"contradicted: {c.summary}: {c.detail}")
        for e in self.client_errors():
            lines.append(
                f"the client cannot parse {e['operation']} {e['status']} "
                f"[request {e['request']}]: {e['error']}"
            )
        return lines

    def render(self, *, verbose: bool = False) -> str:
        """The human report: the summary first, details after, what to do last."""
        s = self.summary()
        head = {
            "agrees": "AGREES (exit 0): every planned check ran and the server agreed with "
            "the spec",
            "drift": f"DRIFT (exit 1): {len(self.drift_lines())} difference(s) from the spec",
            "inconclusive": f"INCONCLUSIVE (exit 3): {self.why()}",
        }[self.verdict]
        mode = "writes: " + ",".join(self.allow_writes) if self.allow_writes else "read-only"
        lines = [
            head,
            f"toggl-focus {_package_version()} probe; spec {self.spec_title!r} "
            f"{self.spec_version} (sha256 {self.spec_sha256[:12]}); {self.base_url}",
            f"organization {self.organization_id}, workspace {self.workspace_id}; "
            f"{self.requests_sent} of {self.budget} request(s) sent; {mode}",
            f"checks: {s['confirmed']} confirmed, {s['contradicted']} contradicted, "
            f"{s['not_tested']} not tested ({s['planned_not_tested']} of them planned); "
            f"{s['violations']} violation(s); {s['client_errors']} client error(s)",
        ]
        if self.left_behind:
            lines += ["", "LEFT BEHIND: delete by hand"]
            lines += [f"  ! {item}" for item in self.left_behind]
        drift = self.drift_lines()
        if drift:
            lines += ["", f"Drift ({len(drift)})"]
            lines += [f"  - {line}" for line in drift]
        missing = self.not_tested()
        if missing:
            lines += ["", f"Planned but not tested ({len(missing)})"]
            # Checks the stop left untested share one line: the first line says why.
            halted = [c for c in missing if self.stop and c.code in (STOPPED, self.stop)]
            lines += [
                f"  - {c.summary}: {_first_reason(c.detail)}" for c in missing if c not in halted
            ]
            if halted:
                lines.append(
                    f"  - {len(halted)} check(s): the run stopped (the first line says why)"
                )
        observations = [c for c in self.checks if c.observation and c.detail != NO_ENTRIES]
        news = self.open_values()
        if self.notes or observations or news:
            lines += ["", "Notes"]
            lines += [f"  - {c.summary} {c.detail}" for c in observations]
            lines += [f"  - {note}" for note in self.notes]
            lines += [
                f"  - not drift, but new to the spec: {v['operation']} {v['status']} "
                f"{_where(v)}: {v['message']} (an open enum)"
                for v in news
            ]
        lines += self._details(verbose)
        lines += ["", self.what_to_do()]
        return "\n".join(lines) + "\n"

    def _details(self, verbose: bool) -> list[str]:
        lines = ["", "Details", "", "Requests"]
        for e in self.exchanges:
            status = str(e.status) if e.status is not None else "---"
            if e.status is None:
                what = e.error or "no answer"
            elif e.violations:
                what = f"{len(e.violations)} violation(s)"
            else:
                what = "conforms"
            if e.not_evidence:
                what += f"; not evidence: {e.not_evidence}"
            lines.append(f"  {e.number:>2}  {e.method:<6} {e.target}")
            lines.append(f"      {status}  {what}  [{e.step}]")
        if self.skipped:
            lines += ["", "Not sent"]
            lines += [f"   -  {s.step} ({s.operation}): {s.reason}" for s in self.skipped]
        lines += ["", "Checks"]
        ordered = sorted(
            (c for c in self.checks if c.check is not None),
            key=lambda c: (c.observation, _RESULT_ORDER.get(c.result, 3), not c.planned),
        )
        for c in ordered:
            planned = "" if c.planned or c.result != NOT_TESTED or c.observation else " (unplanned)"
            lines.append(f"   {c.result + planned:<24} {c.summary}")
            lines.append(f"   {'':<24} {c.detail}")
            if c.markers:
                lines += [f"   {'':<24} x-decision {m.pointer}" for m in c.markers]
            elif c.observation:
                lines.append(f"   {'':<24} (an observation: the spec allows either answer)")
            else:
                lines.append(f"   {'':<24} (a promise the client rests on; no x-decision)")
        unmapped = [c for c in self.checks if c.check is None]
        if unmapped and verbose:
            lines += ["", f"Decisions no check of the probe settles ({len(unmapped)})"]
            for c in unmapped:
                lines.append(f"   x-decision {c.markers[0].pointer}")
                lines.append(f"      {c.summary}")
        elif unmapped:
            lines += [
                "",
                f"{len(unmapped)} other x-decision marker(s) no check of the probe settles "
                "(--verbose lists them)",
            ]
        return lines

    def what_to_do(self) -> str:
        """The report's last line: what to do with this verdict."""
        attach = (
            f"run again with --json > {REPORT_FILE} and attach that file to an issue at "
            f"{ISSUES_URL}/new (it holds no token, names or emails)"
        )
        if self.verdict == "drift":
            return f"What to do: the spec or this client is wrong for your account: {attach}."
        if self.verdict == "inconclusive":
            return (
                "What to do: deal with what the first line says and run again; if you think "
                f"the probe is wrong, {attach}."
            )
        return f"What to do: nothing. To help settle more decisions, {attach}."


def _first_reason(detail: str) -> str:
    """A detail's first clause: summary lines stay one line."""
    first = detail.split("; ")[0]
    return first if len(first) <= 160 else first[:157] + "..."


def _where(violation: dict[str, Any]) -> str:
    if violation["location"] == "body":
        return "body" + str(violation["path"])[1:]
    if violation["location"] in ("query", "path"):
        return f"{violation['location']} {violation['path']}"
    return str(violation["path"])


def _package_version() -> str:
    """toggl-focus's version (the spec has its own): which client produced the report."""
    from .._ground.version import __version__

    return __version__
