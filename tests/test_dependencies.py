"""Declared dependencies are the truth (issue 21, point 1).

Every package the shipped code imports at run time is declared in pyproject.toml: in the
core, or in the extra whose modules import it. Nothing is declared that no module imports
(but for the exceptions below, each with its reason). The README's table of dependencies
shows exactly the declared ranges. The versions themselves are proved by `make test-wheel`
(scripts/wheel_matrix.py), which runs the tests at every lower bound and at the newest.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = (ROOT / "extensions" / "toggl_focus", ROOT / "generated" / "toggl_focus_api")

#: Which extra a module's imports belong to, by its path in the package (first match wins).
EXTRA_OF = (
    ("toggl_focus/cli/", "cli"),
    ("toggl_focus/probe/", "probe"),
    ("toggl_focus/testing/", "testing"),
    ("toggl_focus/testing/_conformance.py", "testing"),  # and probe, and cli (fake, probe commands)
    ("toggl_focus/demo.py", "testing"),  # `make demo` runs on the fake
)
#: Extras that must offer what another extra's modules import: `focus fake` and `focus probe`
#: run the fake and the probe, and the probe checks answers with _conformance.
ALSO_NEEDED_BY = {"testing": ("cli", "probe"), "probe": ("cli",)}
#: Imported where it is hosted, never installed by us: the plugin runs inside pytest.
HOSTED = {"pytest": "toggl_focus/testing/pytest_plugin.py"}
#: Declared without a direct import, and why.
NOT_IMPORTED = {
    "rfc3339-validator": "jsonschema's format checker imports it to check date-time",
}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements() -> dict[str, dict[str, str]]:
    """{extra or "core": {distribution: specifier}} from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    groups = {"core": project["dependencies"], **project["optional-dependencies"]}
    parsed: dict[str, dict[str, str]] = {}
    for group, lines in groups.items():
        parsed[group] = {}
        for line in lines:
            found = re.match(r"([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)", line)
            assert found, line
            parsed[group][normalize(found.group(1))] = found.group(3).strip()
    return parsed


def runtime_imports(path: Path) -> set[str]:
    """Top-level modules `path` imports, leaving out `if TYPE_CHECKING:` blocks and relative
    imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"toggl_focus", "toggl_focus_api"}


def group_of(name: str) -> str:
    """The extra whose modules include `name` (toggl_focus/cli/app.py), or "core"."""
    for prefix, extra in EXTRA_OF:
        if name.startswith(prefix):
            return extra
    return "core"


def imports_by_group() -> dict[str, dict[str, set[str]]]:
    """{group: {distribution: {files importing it}}}."""
    distributions = metadata.packages_distributions()
    found: dict[str, dict[str, set[str]]] = {}
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            name = path.relative_to(package.parent).as_posix()
            for module in runtime_imports(path):
                if HOSTED.get(module) == name:
                    continue
                dist = normalize(distributions.get(module, [module])[0])
                found.setdefault(group_of(name), {}).setdefault(dist, set()).add(name)
    return found


def test_every_runtime_import_is_declared_where_it_is_needed() -> None:
    declared = requirements()
    missing = []
    for group, dists in imports_by_group().items():
        for dist, files in dists.items():
            for needing in (group, *ALSO_NEEDED_BY.get(group, ())):
                if dist not in declared["core"] and dist not in declared[needing]:
                    missing.append(f"{dist} (imported by {sorted(files)[0]}) not in {needing}")
    assert not missing, missing


def test_the_scan_sees_the_imports_it_must() -> None:
    found = imports_by_group()
    assert {"httpx", "httpcore", "anyio", "attrs", "msgspec"} <= set(found["core"])
    assert {"click", "pyyaml", "rich"} <= set(found["cli"])
    assert {"jsonschema", "referencing"} <= set(found["testing"])
    # an import under `if TYPE_CHECKING:` is not a run-time import
    tree = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import numpy\nimport httpx\n"
    probe = ROOT / "build" / "scan-probe.py"
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(tree)
    try:
        assert runtime_imports(probe) == {"httpx"}
    finally:
        probe.unlink()


def test_nothing_is_declared_that_nothing_imports() -> None:
    imported = {dist for dists in imports_by_group().values() for dist in dists}
    declared = {d for group, dists in requirements().items() if group != "all" for d in dists}
    unused = declared - imported - set(NOT_IMPORTED)
    assert not unused, unused


def test_every_requirement_has_a_lower_bound_and_caps_say_why() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    for group, dists in requirements().items():
        for dist, spec in dists.items():
            if dist == "toggl-focus":
                continue
            assert ">=" in spec, f"{group}: {dist} has no lower bound"
            if "<" in spec.replace("<=", ""):
                line = next(line for line in text.splitlines() if f"{spec}" in line)
                assert "#" in line, f"{dist}{spec}: an upper cap needs its reason in a comment"


def test_all_installs_every_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = set(project["optional-dependencies"]) - {"all"}
    (line,) = project["optional-dependencies"]["all"]
    found = re.fullmatch(r"toggl-focus\[([a-z,]+)\]", line)
    assert found is not None and set(found.group(1).split(",")) == extras


def test_the_readme_table_shows_the_declared_ranges() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- dependency-table:start -->")[1].split("<!-- dependency-table:end")[0]
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] not in ("package", "---"):
            rows[normalize(cells[0])] = cells[2]
    declared = {
        dist: spec
        for dists in requirements().values()
        for dist, spec in dists.items()
        if dist != "toggl-focus"
    }
    assert rows == declared
