#!/usr/bin/env python3
"""Count the hand-written lines of the client package: non-blank lines that are not comments.

Docstrings count; a line is counted as `grep -cvE '^\\s*(#.*)?$'` counts it. Counted: every
module of extensions/toggl_focus except the fake server (`testing/`), the applications
built on the client (the live probe `probe/`, the `focus` command line `cli/`; each shown
on a line of its own) and generated files (`_sync/`, written by scripts/make_sync.py, and
`_pagination_meta.py`, by scripts/pagination_meta.py). `_conformance.py` (the spec
validation only the fake server and the probe use) is shown on a line of its own and left
out of the client's total.

Usage: scripts/count_lines.py [--files] [--rev REV]
  --files    one line per file, largest last
  --rev REV  count the package as it was at git revision REV (by today's rule), so a
             figure quoted for an old commit can be checked: `--rev b43fb10`
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = PurePosixPath("extensions/toggl_focus")
EXCLUDED_DIRS = ("testing", "probe", "cli", "_sync")
APPLICATIONS = ("probe", "cli")
GENERATED = ("_pagination_meta.py",)
FOR_TESTING = ("_conformance.py",)
_SKIP = re.compile(r"^\s*(#.*)?$")


def count(text: str) -> int:
    """Lines of `text` that are neither blank nor only a comment."""
    return sum(1 for line in text.splitlines() if not _SKIP.match(line))


def sources(rev: str | None) -> dict[PurePosixPath, str]:
    """Each .py file of the package (relative to it) and its text: the working tree or `rev`."""
    if rev is None:
        return {
            PurePosixPath(p.relative_to(ROOT / PACKAGE).as_posix()): p.read_text()
            for p in sorted((ROOT / PACKAGE).rglob("*.py"))
        }

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout

    names = git("ls-tree", "-r", "--name-only", rev, "--", str(PACKAGE)).split("\n")
    return {
        PurePosixPath(name).relative_to(PACKAGE): git("show", f"{rev}:{name}")
        for name in sorted(names)
        if name.endswith(".py")
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", action="store_true", help="one line per file")
    parser.add_argument("--rev", help="count the package as it was at this git revision")
    args = parser.parse_args()
    texts = sources(args.rev)
    files = {
        p: count(text)
        for p, text in texts.items()
        if p.parts[0] not in EXCLUDED_DIRS and p.name not in GENERATED
    }
    client = {p: n for p, n in files.items() if p.name not in FOR_TESTING}
    if args.files:
        for path, n in sorted(client.items(), key=lambda item: item[1]):
            print(f"{n:6}  {path}")
    for path, n in files.items():
        if path.name in FOR_TESTING:
            print(f"{n:6}  {path} (used by testing/ and probe/ only; not in the total)")
    for app in APPLICATIONS:
        n = sum(count(text) for p, text in texts.items() if p.parts[0] == app)
        print(f"{n:6}  {app}/ (an application on the client; not in the total)")
    at = f" at {args.rev}" if args.rev else ""
    print(f"{sum(client.values()):6}  hand-written lines of toggl_focus{at} ({len(client)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
