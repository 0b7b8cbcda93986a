"""scripts/count_lines.py: the rule it counts by, and `--rev` reading a commit as it was.

The figures it prints are quoted in closing notes for old commits; `--rev` must count a
commit exactly as a checkout of that commit would be counted.
"""

from __future__ import annotations

import importlib.util
import shutil
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


def test_the_committed_ceilings_hold_and_cover_every_file() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for part in ("client", "workflows", "cli", "probe", "testing"):
        assert f"  {part} (" in result.stdout


def test_a_part_over_its_ceiling_fails_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = count_lines.CEILINGS.read_text()
    config = count_lines.tomllib.loads(text)
    ceiling = config["parts"]["probe"]["ceiling"]
    lowered = tmp_path / "line_ceilings.toml"
    lowered.write_text(text.replace(f"ceiling = {ceiling}\n", "ceiling = 10\n", 1))
    assert count_lines.tomllib.loads(lowered.read_text())["parts"]["probe"]["ceiling"] == 10
    assert count_lines.main(["--check", "--ceilings", str(lowered)]) == 1
    err = capsys.readouterr().err
    assert "probe:" in err and "over its ceiling of 10" in err
    assert "client:" not in err
    # Without --check the figures are shown and nothing fails.
    assert count_lines.main(["--ceilings", str(lowered)]) == 0


def test_a_file_in_no_part_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "extensions" / "toggl_focus"
    shutil.copytree(ROOT / "extensions" / "toggl_focus", package)
    (package / "_loose.py").write_text('"""A module no part declares."""\n')
    assert count_lines.main(["--root", str(tmp_path)]) == 1
    assert "_loose.py is in no part" in capsys.readouterr().err
