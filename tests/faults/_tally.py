"""How many generated inputs the property tests tried, for the end-of-run summary."""

from __future__ import annotations

from collections import Counter

TRIED: Counter[str] = Counter()


def tried(name: str) -> None:
    """Count one input tried by the property test `name`."""
    TRIED[name] += 1
