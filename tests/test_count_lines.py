"""scripts/count_lines.py: the rule it counts by, and `--rev` reading a commit as it was.

The figures it prints are quoted in closing notes for old commits; `--rev` must count a
commit exactly as a checkout of that commit would be counted.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "count_lines.py"
_spec = importlib.util.spec_from_file_location("count_lines", SCRIPT)
assert _spec and _spec.loader
count_lines = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(count_lines)


def test_blank_and_comment_lines_do_not_count_docstrings_and_code_do() -> None:
    text = '"""Doc."""\n\n# a comment\n   # indented comment\nx = 1  # trailing\n\t\ny = 2\n'
    assert count_lines.count(text) == 3


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def test_a_revision_reads_the_files_git_has_for_it() -> None:
    try:
        tracked = _git("ls-files", "--", "extensions/toggl_focus").splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    at_head = count_lines.sources("HEAD")
    expected = {p for p in tracked if p.endswith(".py")}
    assert {f"extensions/toggl_focus/{p}" for p in at_head} == expected
    some = sorted(expected)[0]
    relative = Path(some).relative_to("extensions/toggl_focus").as_posix()
    assert at_head[count_lines.PurePosixPath(relative)] == _git("show", f"HEAD:{some}")


def test_the_total_line_names_the_revision() -> None:
    try:
        _git("rev-parse", "HEAD")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--rev", "HEAD"], check=True, capture_output=True, text=True
    ).stdout
    last = out.strip().splitlines()[-1]
    assert "hand-written lines of toggl_focus at HEAD" in last
    assert int(last.split()[0]) > 0
