"""scripts/spec_decisions.py: every x-decision with its JSON pointer, and the marking check."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "spec_decisions.py"
SPEC_PATH = ROOT / "openapi" / "focus.yaml"
_spec = importlib.util.spec_from_file_location("spec_decisions", SCRIPT)
assert _spec and _spec.loader
spec_decisions = importlib.util.module_from_spec(_spec)
sys.modules["spec_decisions"] = spec_decisions
_spec.loader.exec_module(spec_decisions)

SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
GHOSTS = "/organizations/{organization_id}/workspaces/{workspace_id}/ghosts"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def _resolve(doc: Any, pointer: str) -> Any:
    """Follow an RFC 6901 `#/...` pointer (written independently of the script's escaping)."""
    node = doc
    for raw in pointer.removeprefix("#/").split("/"):
        key = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def test_json_listing_points_at_every_x_decision() -> None:
    result = _run("--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    lines = SPEC_PATH.read_text(encoding="utf-8").splitlines()
    assert len(listed) == sum(line.lstrip().startswith("x-decision:") for line in lines) >= 60
    operations = {
        op["operationId"] for item in SPEC["paths"].values() for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }  # fmt: skip
    for entry in listed:
        node = _resolve(SPEC, entry["pointer"])
        assert node["x-decision"] == entry["decision"]
        assert entry["operation"] is None or entry["operation"] in operations
        if entry["pointer"].startswith("#/paths/") and "/parameters/" not in entry["pointer"]:
            assert entry["operation"] is not None, entry


@pytest.mark.parametrize(
    ("pointer", "operation", "words"),
    [
        (f"#/paths/{GHOSTS.replace('/', '~1')}/get/parameters/0", "list_ghosts", "from 1"),
        (f"#/paths/{GHOSTS.replace('/', '~1')}/get/parameters/1", "list_ghosts", "above 100"),
        ("#/components/parameters/ProjectIds", None, "Comma-separated"),
        ("#/components/schemas/AssignAction", None, "replace (default), add or remove"),
        ("#/components/schemas/WorkingHours/properties/weekday", None, "0 is Sunday"),
        ("#/paths/~1organizations~1{organization_id}~1workinghours~1users~1{user_id}"
         "/parameters/1", None, "organization-user id"),
        (f"#/paths/{GHOSTS.replace('/', '~1')}/post/responses/201", "create_ghost", "empty"),
        (f"#/paths/{GHOSTS.replace('/', '~1')}~1bulk_create/post", "bulk_create_ghosts",
         "all-or-nothing"),
        (f"#/paths/{GHOSTS.replace('/', '~1')}~1{{ghost_id}}/delete", "delete_ghost",
         "idempotent"),
        ("#/components/schemas/Timestamp", None, '""'),
    ],
)  # fmt: skip
def test_the_issue_s_decisions_are_listed(pointer: str, operation: str | None, words: str) -> None:
    found = {d.pointer: d for d in spec_decisions.decisions(SPEC)}
    assert pointer in found, sorted(found)
    assert found[pointer].operation == operation
    assert words in found[pointer].decision


def test_human_listing_and_check_pass_on_the_spec() -> None:
    listing = _run()
    assert listing.returncode == 0
    count = len(spec_decisions.decisions(SPEC))
    assert listing.stdout.startswith(f"{count} decisions in ")
    assert "    Pages are numbered from 1." in listing.stdout
    assert "[list_ghosts]" in listing.stdout
    check = _run("--check", str(SPEC_PATH))
    assert check.returncode == 0, check.stderr
    assert f"{count} decisions" in check.stdout


def test_the_bundle_gives_the_same_pointers(tmp_path: Path) -> None:
    """A JSON copy (what `make spec` ships) lists the same decisions."""
    bundle = tmp_path / "focus.json"
    bundle.write_text(json.dumps(SPEC), encoding="utf-8")
    assert json.loads(_run("--json", str(bundle)).stdout) == json.loads(_run("--json").stdout)


def _doc(**schema: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"description": "say **decision**"},
            "components": {"schemas": {"S": schema}}}  # fmt: skip


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"description": "**decision**: x"}, "has no x-decision"),
        ({"description": "plain", "x-decision": "x"}, "does not say **decision**"),
        ({"description": "**decision**", "x-decision": "two\nlines"}, "one non-empty line"),
        ({"description": "**decision**", "x-decision": "  "}, "one non-empty line"),
        ({"description": "**decision**", "x-decision": ["a", "b"]}, "one non-empty line"),
    ],
)
def test_check_finds_unmarked_or_malformed_decisions(schema: dict, problem: str) -> None:
    [found] = spec_decisions.problems(_doc(**schema))
    assert found.startswith("#/components/schemas/S: ") and problem in found


def test_check_accepts_a_marked_decision_and_exits_1_otherwise(tmp_path: Path) -> None:
    good = _doc(description="**decision**: x", **{"x-decision": "x"})
    assert spec_decisions.problems(good) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(_doc(description="**decision**: x")), encoding="utf-8")
    result = _run("--check", str(bad))
    assert result.returncode == 1 and "has no x-decision" in result.stderr


def test_pointer_escapes_tilde_and_slash() -> None:
    assert spec_decisions.pointer(("paths", "/a~b/{c}", "get", 0)) == "#/paths/~1a~0b~1{c}/get/0"
