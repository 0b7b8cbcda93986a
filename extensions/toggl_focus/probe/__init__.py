"""`python -m toggl_focus.probe`: check the shipped spec against the real Focus API.

We cannot reach the real API; our users can. Given a token, an organization and a
workspace, the probe sends a short, budgeted series of requests (read-only unless writes
are allowed by name), validates every answer strictly against the spec shipped in this
package, and settles the spec's decisions (its `x-decision` markers) that one request can
settle: confirmed, contradicted or not tested. Its verdict (`report.verdict`, and the exit
status of `python -m toggl_focus.probe`) is `agrees` (0) only when every planned check ran
and agreed, `drift` (1) when an answer broke the spec, and `inconclusive` (3) when too
little could be checked (the first line of `render()` says why). Its `--json` report holds
no token, no response bodies and no names; it is what to send the maintainers.

    from toggl_focus.probe import Probe

    probe = Probe(organization_id=9001, workspace_id=7001, budget=12)   # token from the env
    print(probe.plan_text())
    report = probe.run()            # or: await probe.arun()
    print(report.render())
    raise SystemExit(report.exit_code)

Requests go through a `Focus` (or `AsyncFocus`) client with retries off: one request per
step, so the budget is exact. Needs the `probe` extra: `pip install "toggl-focus[probe]"`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._engine import DecisionResult, Exchange, Skipped
    from ._probe import DEFAULT_BUDGET, PlannedStep, Probe
    from ._report import Report
    from ._steps import CHECKS, Check

__all__ = [
    "CHECKS",
    "DEFAULT_BUDGET",
    "Check",
    "DecisionResult",
    "Exchange",
    "PlannedStep",
    "Probe",
    "Report",
    "Skipped",
]

_HOMES = {
    "CHECKS": "_steps",
    "Check": "_steps",
    "DEFAULT_BUDGET": "_probe",
    "PlannedStep": "_probe",
    "Probe": "_probe",
    "DecisionResult": "_engine",
    "Exchange": "_engine",
    "Skipped": "_engine",
    "Report": "_report",
}


def __getattr__(name: str) -> Any:
    """Import lazily, so that `python -m toggl_focus.probe` can explain a missing extra."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
