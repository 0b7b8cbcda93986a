"""The probe's report: what was sent, what the answers broke, and where the decisions stand.

It holds no token (the probe never reads it back), and no response bodies: violations name
a JSON path and a rule, and quote only enum values, so the report can be shared as is.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from ._engine import DecisionResult, Exchange, Skipped
from ._steps import CONFIRMED, CONTRADICTED, NOT_TESTED

_INDEX = re.compile(r"\[\d+\]")
_RESULT_ORDER = {CONTRADICTED: 0, CONFIRMED: 1, NOT_TESTED: 2}


@attrs.frozen
class Report:
    """The outcome of one probe run (see `render()` and `as_dict()`)."""

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
    warnings: tuple[str, ...] = ()
    stopped: str | None = None

    @property
    def requests_sent(self) -> int:
        """How many requests went out (never more than the budget)."""
        return len(self.exchanges)

    def violations(self) -> list[dict[str, Any]]:
        """Violations grouped by operation, status, kind and path (array indexes as `[*]`)."""
        groups: dict[tuple[Any, ...], dict[str, Any]] = {}
        for exchange in self.exchanges:
            for violation in exchange.violations:
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
                        "message": violation.message,
                        "keyword": violation.keyword,
                        "count": 0,
                        "requests": [],
                    },
                )
                group["count"] += 1
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

    def summary(self) -> dict[str, int]:
        """Counts of violations (grouped), client errors and check results."""
        results = [c.result for c in self.checks if c.check is not None]
        return {
            "requests_sent": self.requests_sent,
            "violations": len(self.violations()),
            "client_errors": len(self.client_errors()),
            "confirmed": results.count(CONFIRMED),
            "contradicted": results.count(CONTRADICTED),
            "not_tested": results.count(NOT_TESTED),
            "unmapped_decisions": sum(1 for c in self.checks if c.check is None),
        }

    @property
    def drift(self) -> bool:
        """Whether the server disagrees with the spec anywhere this run could see."""
        summary = self.summary()
        return bool(summary["violations"] or summary["contradicted"] or summary["client_errors"])

    def as_dict(self) -> dict[str, Any]:
        """The JSON report (`--json`): what to send the maintainers."""
        return {
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
            "summary": self.summary(),
            "drift": self.drift,
            "stopped": self.stopped,
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
                }
                for e in self.exchanges
            ],
            "not_sent": [attrs.asdict(s) for s in self.skipped],
            "violations": self.violations(),
            "client_errors": self.client_errors(),
            "checks": [
                {
                    "check": c.check,
                    "summary": c.summary,
                    "result": c.result,
                    "detail": c.detail,
                    "decision": c.markers[0].pointer if c.markers else c.check,
                    "markers": [m.pointer for m in c.markers],
                }
                for c in self.checks
                if c.check is not None
            ],
            "decisions": self.decisions(),
            "warnings": list(self.warnings),
        }

    def to_json(self) -> str:
        """`as_dict()` as indented JSON."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)

    def render(self) -> str:
        """The human report."""
        lines: list[str] = []
        mode = "writes: " + ",".join(self.allow_writes) if self.allow_writes else "read-only"
        lines.append(
            f"toggl-focus {_package_version()} probe: spec {self.spec_title!r} "
            f"{self.spec_version} (sha256 {self.spec_sha256[:12]}) against {self.base_url}"
        )
        lines.append(
            f"organization {self.organization_id}, workspace {self.workspace_id}; "
            f"{self.requests_sent} request(s) sent, budget {self.budget}; {mode}"
        )
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        lines += ["", "Requests"]
        for e in self.exchanges:
            status = str(e.status) if e.status is not None else "---"
            what = f"{len(e.violations)} violation(s)" if e.violations else "conforms"
            if e.status is None:
                what = e.error or "no answer"
            lines.append(f"  {e.number:>2}  {e.method:<6} {e.target}")
            lines.append(f"      {status}  {what}  [{e.step}]")
        if self.skipped:
            lines += ["", "Not sent"]
            lines += [f"   -  {s.step} ({s.operation}): {s.reason}" for s in self.skipped]
        violations = self.violations()
        lines += ["", f"Violations of the spec ({len(violations)})"]
        if not violations:
            lines.append("   none")
        for v in violations:
            where = "status" if v["location"] == "status" else _where(v)
            count = f"  (x{v['count']})" if v["count"] > 1 else ""
            lines.append(f"   {v['operation']} {v['status']}  {where}: {v['message']}{count}")
        errors = self.client_errors()
        if errors:
            lines += ["", f"Answers the generated client cannot parse ({len(errors)})"]
            lines += [
                f"   #{e['request']} {e['operation']} {e['status']}: {e['error']}" for e in errors
            ]
        lines += ["", "Decisions"]
        ordered = sorted(
            self.checks, key=lambda c: (c.check is None, _RESULT_ORDER.get(c.result, 3))
        )
        for c in ordered:
            lines.append(f"   {c.result:<13} {c.summary}")
            lines.append(f"   {'':<13} {c.detail}")
            if c.check is None:
                lines.append(f"   {'':<13} x-decision {c.markers[0].pointer}")
            elif c.markers:
                lines += [f"   {'':<13} x-decision {m.pointer}" for m in c.markers]
            else:
                lines.append(f"   {'':<13} check {c.check} (no x-decision marker found)")
        for warning in self.warnings:
            lines += ["", f"WARNING: {warning}"]
        s = self.summary()
        verdict = "Drift found" if self.drift else "The server agrees with the spec"
        lines += [
            "",
            f"Summary: {s['requests_sent']} request(s), {s['violations']} violation(s), "
            f"{s['client_errors']} client error(s); checks: {s['confirmed']} confirmed, "
            f"{s['contradicted']} contradicted, {s['not_tested']} not tested; "
            f"{s['unmapped_decisions']} other decision(s) not tested. {verdict}.",
        ]
        return "\n".join(lines) + "\n"


def _where(violation: dict[str, Any]) -> str:
    if violation["location"] == "body":
        return "body" + str(violation["path"])[1:]
    if violation["location"] in ("query", "path"):
        return f"{violation['location']} {violation['path']}"
    return str(violation["path"])


def _package_version() -> str:
    """toggl-focus's version (the spec has its own): which client produced the report."""
    from .._version import __version__

    return __version__
