"""The Makefile's set-up (issue 14, point 10), on a copy of it in a scratch directory.

`make demo` bootstraps only the package and what it needs to run (not the dev toolchain);
`make test`'s stamp installs the toolchain into the same venv and marks the demo level done;
Redocly's Node end-of-life box is dropped from its output, nothing else is, and its exit
status survives the filter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

BANNER = """
    ╔═════════════════════════════════════════════════╗
    ║                                                 ║
    ║  Deprecation warning: Node.js 20 support is ending  ║
    ║                                                 ║
    ╚═════════════════════════════════════════════════╝

"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in (
        "Makefile",
        "pyproject.toml",
        "requirements-dev.txt",
        "package.json",
        "package-lock.json",
    ):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def make(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_demo_installs_the_package_with_its_runtime_only(tree: Path) -> None:
    plan = make(tree, "-n", "demo")
    assert plan.returncode == 0, plan.stderr
    installs = [line for line in plan.stdout.splitlines() if "pip install" in line]
    assert installs == [
        '.venv/bin/python -m pip install --quiet -c requirements-dev.txt -e ".[testing]"'
    ]
    assert "-r requirements-dev.txt" not in plan.stdout
    assert "installing what the demo needs" in plan.stdout  # progress is shown
    assert plan.stdout.rstrip().endswith(".venv/bin/python -m toggl_focus.demo")


def test_the_dev_stamp_adds_the_toolchain_and_covers_the_demo(tree: Path) -> None:
    plan = make(tree, "-n", ".venv")
    assert ".venv/bin/python -m pip install --quiet -r requirements-dev.txt" in plan.stdout
    assert "touch .venv/.stamp .venv/.stamp-demo" in plan.stdout
    # once both stamps are newer than their inputs, `make demo` installs nothing
    (tree / ".venv").mkdir()
    time.sleep(0.01)
    (tree / ".venv" / ".stamp").touch()
    (tree / ".venv" / ".stamp-demo").touch()
    again = make(tree, "-n", "demo")
    assert "pip install" not in again.stdout
    assert again.stdout.strip() == ".venv/bin/python -m toggl_focus.demo"


@pytest.mark.parametrize("status", [0, 3])
def test_redocly_loses_its_node_banner_and_nothing_else(tree: Path, status: int) -> None:
    (tree / ".venv").mkdir()
    (tree / "node_modules" / ".bin").mkdir(parents=True)
    time.sleep(0.01)
    (tree / ".venv" / ".stamp").touch()
    (tree / ".venv" / ".stamp-demo").touch()
    (tree / "node_modules" / ".stamp").touch()
    fake = tree / "node_modules" / ".bin" / "redocly"
    fake.write_text(
        "#!/bin/sh\n"
        f"cat >&2 <<'EOF'\n{BANNER}EOF\n"
        "echo 'bundling openapi/focus.yaml'\n"
        "echo '[1] openapi/focus.yaml:3:1 at #/info: real problem' >&2\n"
        "printf '    ╔══╗\\n    ║ another box ║\\n    ╚══╝\\n'\n"
        f"exit {status}\n"
    )
    fake.chmod(0o755)
    result = make(tree, "spec")
    out = result.stdout + result.stderr
    assert "support is ending" not in out
    assert "bundling openapi/focus.yaml" in out
    assert "real problem" in out
    assert "another box" in out
    assert "redocly bundle --config redocly.yaml" in out  # the command is still echoed
    if status:
        assert result.returncode != 0
        assert ".venv/bin/python scripts/spec_check.py" not in out  # make stopped there
    else:
        assert ".venv/bin/python scripts/spec_check.py" in out  # went on (and fails: no script)
