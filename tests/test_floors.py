"""The floors of `toggl_focus` are enforced: an upward import, type-only too, fails `make lint`.

`make lint` runs `lint-imports` on the contracts in `pyproject.toml` (`[tool.importlinter]`).
Here the package is copied, one import is added to the copy, and the same contracts are run
on the copy: the unmodified copy keeps them, and each added import breaks them, named in
the output (a runtime import, an import under `if TYPE_CHECKING:`, and a module that no
floor declares, which the `exhaustive` contract refuses).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extensions" / "toggl_focus"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

TYPE_ONLY = """
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..embody import InviteResult  # noqa: F401
"""


def lint_imports(package_parent: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the project's contracts; on a copy of the package when `package_parent` is given."""
    env = dict(os.environ)
    if package_parent is not None:
        # Ahead of the editable install on sys.path, so `toggl_focus` is the copy.
        env["PYTHONPATH"] = os.pathsep.join([str(package_parent), str(ROOT / "generated")])
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", "--config", str(ROOT / "pyproject.toml")],
        cwd=package_parent or ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package (without byte code); returns its `toggl_focus` directory."""
    target = tmp_path / "toggl_focus"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_package_keeps_its_floors() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and "2 kept, 0 broken" in result.stdout


def test_an_unmodified_copy_keeps_them_too(copy: Path) -> None:
    result = lint_imports(copy.parent)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "added", "named"),
    [
        pytest.param(
            "_ground/version.py",
            "\nfrom ..embody import InviteResult  # noqa: F401,E402\n",
            "toggl_focus._ground.version -> toggl_focus.embody",
            id="runtime-import",
        ),
        pytest.param(
            "_ground/version.py",
            TYPE_ONLY,
            "toggl_focus._ground.version -> toggl_focus.embody",
            id="type-only-import",
        ),
        pytest.param(
            "_wire/http.py",
            "\nfrom .._async import client  # noqa: F401,E402\n",
            "toggl_focus._wire.http -> toggl_focus._async.client",
            id="wire-to-io",
        ),
        pytest.param(
            "_client/config.py",
            "\nfrom .. import __version__  # noqa: F401,E402\n",
            "toggl_focus._client.config -> toggl_focus",
            id="the-package-root",
        ),
    ],
)
def test_an_upward_import_breaks_the_floors(
    copy: Path, module: str, added: str, named: str
) -> None:
    with (copy / module).open("a") as file:
        file.write(added)
    result = lint_imports(copy.parent)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert named in result.stdout, result.stdout


def test_a_module_on_no_floor_breaks_them(copy: Path) -> None:
    (copy / "_loose.py").write_text('"""A module no floor declares."""\n')
    result = lint_imports(copy.parent)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "toggl_focus._loose" in result.stdout, result.stdout
