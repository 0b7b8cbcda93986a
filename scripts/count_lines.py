#!/usr/bin/env python3
"""Count the hand-written lines of the client package: non-blank lines that are not comments.

Docstrings count; a line is counted as `grep -cvE '^\\s*(#.*)?$'` counts it. Counted: every
module of extensions/toggl_focus except the fake server (`testing/`), the applications
built on the client (the live probe `probe/`, the `focus` command line `cli/`; each shown
on a line of its own) and generated files (`_sync/`, written by scripts/make_sync.py, and
`_pagination_meta.py`, by scripts/pagination_meta.py). `_conformance.py` (the spec
validation only the fake server and the probe use) is shown on a line of its own and left
out of the client's total.

Usage: scripts/count_lines.py [--files]   (--files: one line per file, largest last)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extensions" / "toggl_focus"
EXCLUDED_DIRS = ("testing", "probe", "cli", "_sync")
APPLICATIONS = ("probe", "cli")
GENERATED = ("_pagination_meta.py",)
FOR_TESTING = ("_conformance.py",)
_SKIP = re.compile(r"^\s*(#.*)?$")


def count(path: Path) -> int:
    """Lines of `path` that are neither blank nor only a comment."""
    return sum(1 for line in path.read_text().splitlines() if not _SKIP.match(line))


def main() -> int:
    files = {
        p: count(p)
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.relative_to(PACKAGE).parts[0] not in EXCLUDED_DIRS and p.name not in GENERATED
    }
    client = {p: n for p, n in files.items() if p.name not in FOR_TESTING}
    if "--files" in sys.argv[1:]:
        for path, n in sorted(client.items(), key=lambda item: item[1]):
            print(f"{n:6}  {path.relative_to(PACKAGE)}")
    for path, n in files.items():
        if path.name in FOR_TESTING:
            print(
                f"{n:6}  {path.relative_to(PACKAGE)} "
                "(used by testing/ and probe/ only; not in the total)"
            )
    for app in APPLICATIONS:
        n = sum(count(p) for p in sorted((PACKAGE / app).rglob("*.py")))
        print(f"{n:6}  {app}/ (an application on the client; not in the total)")
    print(f"{sum(client.values()):6}  hand-written lines of toggl_focus ({len(client)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
