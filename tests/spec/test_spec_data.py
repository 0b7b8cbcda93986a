"""scripts/spec_data.py: the spec shipped in the package is openapi/focus.yaml, as JSON."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "spec_data.py"
_module = importlib.util.spec_from_file_location("spec_data", SCRIPT)
assert _module is not None and _module.loader is not None
spec_data = importlib.util.module_from_spec(_module)
_module.loader.exec_module(spec_data)


def test_the_shipped_copy_is_the_spec() -> None:
    shipped = resources.files("toggl_focus").joinpath("_spec/focus.json").read_text("utf-8")
    assert shipped == spec_data.render(ROOT / "openapi" / "focus.yaml")
    assert json.loads(shipped) == yaml.safe_load((ROOT / "openapi" / "focus.yaml").read_text())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    return path


def test_timestamps_stay_strings(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\nx-when: 2026-01-12T08:00:00Z\nx-day: 2026-01-12\n"
    data = json.loads(spec_data.render(_write(tmp_path, text)))
    assert data == {"openapi": "3.1.0", "x-when": "2026-01-12T08:00:00Z", "x-day": "2026-01-12"}


@pytest.mark.parametrize(
    ("ref", "message"),
    [("other.yaml#/components/schemas/A", "external $ref"), ("#/components/schemas/B", "does not")],
)
def test_refs_must_be_internal_and_resolve(tmp_path: Path, ref: str, message: str) -> None:
    text = f"components:\n  schemas:\n    A:\n      type: object\n    C:\n      $ref: '{ref}'\n"
    with pytest.raises(SystemExit, match="cannot bundle") as raised:
        spec_data.render(_write(tmp_path, text))
    assert message in str(raised.value)


def test_check_mode_reports_a_stale_copy(tmp_path: Path) -> None:
    spec = _write(tmp_path, "openapi: 3.1.0\n")
    out = tmp_path / "focus.json"
    command = [sys.executable, str(SCRIPT), "--check", str(spec), str(out)]
    assert subprocess.run(command, capture_output=True, text=True).returncode == 1
    subprocess.run([sys.executable, str(SCRIPT), str(spec), str(out)], check=True)
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    out.write_text(out.read_text().replace("3.1.0", "3.1.1"))
    stale = subprocess.run(command, capture_output=True, text=True)
    assert stale.returncode == 1 and "run `make client`" in stale.stderr
