"""What the fault suite ran, for the end-of-run summary: tests per log level, inputs tried."""

from __future__ import annotations

from collections import Counter

TRIED: Counter[str] = Counter()
RUNS: Counter[str] = Counter()


def ran(level: str) -> None:
    """Count one test run at log level `level`."""
    RUNS[level] += 1


def tried(name: str) -> None:
    """Count one input tried by the property test `name`."""
    TRIED[name] += 1
