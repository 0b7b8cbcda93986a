#!/usr/bin/env python3
"""Count the hand-written lines of the package per part, and check each against its ceiling.

A line counts when it is neither blank nor only a comment (docstrings count), as
`grep -cvE '^\\s*(#.*)?$'` counts it. Every .py file of extensions/toggl_focus belongs to
exactly one part of scripts/line_ceilings.toml (by glob, relative to the package), or is
generated and not counted (`_sync/`, written by scripts/make_sync.py, and
`_wire/pagination_meta.py`, by scripts/pagination_meta.py); a file in no part, or in two,
is an error. The parts and their ceilings are the ratchet `make lint` checks (`--check`):
a part over its ceiling fails, naming it; raising a ceiling is its own commit saying why.

Usage: scripts/count_lines.py [--files] [--rev REV] [--check] [--ceilings FILE]
  --files     one line per file, largest last
  --rev REV   count the package as it was at git revision REV (by today's parts; a file
              of an older layout in no part is noted, not counted), so a figure quoted
              for an old commit can be checked: `--rev b43fb10`
  --check     exit 1 when a part is over its ceiling (what `make lint` runs)
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = PurePosixPath("extensions/toggl_focus")
CEILINGS = ROOT / "scripts" / "line_ceilings.toml"
_SKIP = re.compile(r"^\s*(#.*)?$")


def count(text: str) -> int:
    """Lines of `text` that are neither blank nor only a comment."""
    return sum(1 for line in text.splitlines() if not _SKIP.match(line))


def sources(rev: str | None, root: Path = ROOT) -> dict[PurePosixPath, str]:
    """Each .py file of the package (relative to it) and its text: the working tree or `rev`."""
    if rev is None:
        return {
            PurePosixPath(p.relative_to(root / PACKAGE).as_posix()): p.read_text()
            for p in sorted((root / PACKAGE).rglob("*.py"))
        }

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, check=True, capture_output=True, text=True
        ).stdout

    names = git("ls-tree", "-r", "--name-only", rev, "--", str(PACKAGE)).split("\n")
    return {
        PurePosixPath(name).relative_to(PACKAGE): git("show", f"{rev}:{name}")
        for name in sorted(names)
        if name.endswith(".py")
    }


def _matches(path: PurePosixPath, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(str(path), pattern) for pattern in patterns)


def parts_of(
    texts: dict[PurePosixPath, str], config: dict[str, Any]
) -> tuple[dict[str, dict[PurePosixPath, int]], list[str]]:
    """Each part's files and their counts, and the problems (a file in no part, or in two)."""
    generated: list[str] = config["generated"]
    parts: dict[str, dict[str, Any]] = config["parts"]
    found: dict[str, dict[PurePosixPath, int]] = {name: {} for name in parts}
    problems = []
    for path, text in texts.items():
        if _matches(path, generated):
            continue
        homes = [name for name, part in parts.items() if _matches(path, part["files"])]
        if len(homes) != 1:
            where = "no part" if not homes else f"{len(homes)} parts ({', '.join(homes)})"
            problems.append(f"{PACKAGE}/{path} is in {where} of {CEILINGS.name}")
            continue
        found[homes[0]][path] = count(text)
    return found, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", action="store_true", help="one line per file")
    parser.add_argument("--rev", help="count the package as it was at this git revision")
    parser.add_argument("--check", action="store_true", help="exit 1 over a ceiling")
    parser.add_argument("--ceilings", type=Path, default=CEILINGS, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    config = tomllib.loads(args.ceilings.read_text())
    found, problems = parts_of(sources(args.rev, args.root), config)
    if args.files:
        everything = {p: n for files in found.values() for p, n in files.items()}
        for path, n in sorted(everything.items(), key=lambda item: item[1]):
            print(f"{n:6}  {path}")
    over = []
    for name, files in found.items():
        total, ceiling = sum(files.values()), config["parts"][name]["ceiling"]
        print(f"{total:6}  {name} ({len(files)} files; ceiling {ceiling})")
        if total > ceiling:
            over.append(
                f"{name}: {total} hand-written lines, over its ceiling of {ceiling} "
                f"({args.ceilings.name}); make it smaller, or raise the ceiling in a commit "
                "of its own that says why"
            )
    at = f" at {args.rev}" if args.rev else ""
    total = sum(n for files in found.values() for n in files.values())
    print(f"{total:6}  hand-written lines of toggl_focus{at} ({len(found)} parts)")
    if args.rev:  # an old layout need not fit today's parts: say so, do not fail
        for problem in problems:
            print(f"note: {problem} (not counted)", file=sys.stderr)
        problems = []
    for problem in problems + (over if args.check else []):
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems or (args.check and over) else 0


if __name__ == "__main__":
    sys.exit(main())
