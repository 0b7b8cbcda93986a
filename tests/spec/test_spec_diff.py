"""scripts/spec_diff.py: one test per rule on small in-memory specs, then the guard and CLI."""

from __future__ import annotations

import copy
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("spec_diff", ROOT / "scripts" / "spec_diff.py")
assert _spec and _spec.loader
spec_diff = importlib.util.module_from_spec(_spec)
sys.modules["spec_diff"] = spec_diff
_spec.loader.exec_module(spec_diff)

Spec = dict[str, Any]
THING = "/things/{thing_id}"
THINGS = "/things"


def base_spec() -> Spec:
    """A small spec with every construct the rules look at."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {
            THINGS: {
                "post": {
                    "operationId": "create_thing",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ThingCreate"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "created",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        },
                        "400": {"$ref": "#/components/responses/BadRequest"},
                    },
                },
            },
            THING: {
                "parameters": [{"$ref": "#/components/parameters/ThingId"}],
                "get": {
                    "operationId": "get_thing",
                    "parameters": [
                        {
                            "name": "fields",
                            "in": "query",
                            "style": "form",
                            "explode": False,
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "maximum": 100},
                        },
                        {
                            "name": "sort",
                            "in": "query",
                            "schema": {"$ref": "#/components/schemas/SortDirection"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "the thing",
                            "headers": {"X-Quota-Remaining": {"schema": {"type": "integer"}}},
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        },
                        "404": {"$ref": "#/components/responses/BadRequest"},
                    },
                },
            },
        },
        "components": {
            "parameters": {
                "ThingId": {
                    "name": "thing_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "format": "int64"},
                }
            },
            "responses": {
                "BadRequest": {
                    "description": "bad",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
                "SortDirection": {"type": "string", "enum": ["asc", "desc"]},
                "Kind": {"type": "string", "enum": ["a", "b"]},
                "Thing": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "integer", "format": "int64"},
                        "name": {"type": "string"},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "deleted_at": {"type": ["string", "null"], "format": "date-time"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "ThingCreate": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "kind": {"type": "string", "enum": ["a", "b"]},
                        "note": {"type": "string"},
                        "size": {"type": "integer"},
                    },
                },
            },
        },
    }


def changed(mutate: Callable[[Spec], object]) -> Any:
    """Compare base_spec() with a mutated copy."""
    head = copy.deepcopy(base_spec())
    mutate(head)
    return spec_diff.compare(base_spec(), head)


def schemas(spec: Spec) -> dict[str, Any]:
    return spec["components"]["schemas"]


def get_op(spec: Spec) -> dict[str, Any]:
    return spec["paths"][THING]["get"]


def post_op(spec: Spec) -> dict[str, Any]:
    return spec["paths"][THINGS]["post"]


def param(spec: Spec, name: str) -> dict[str, Any]:
    return next(p for p in get_op(spec)["parameters"] if p.get("name") == name)


def levels(report: Any) -> dict[str, str]:
    return {c.rule: c.level for c in report.changes}


def assert_rule(report: Any, rule: str, level: str) -> None:
    found = levels(report)
    assert rule in found, f"{rule!r} not in {sorted(found)}"
    assert found[rule] == level, f"{rule!r} is {found[rule]}, expected {level}"


# --- breaking rules ------------------------------------------------------------------------

BREAKING: list[tuple[str, Callable[[Spec], object]]] = [
    ("operation removed", lambda s: s["paths"][THING].pop("get")),
    ("operationId changed", lambda s: get_op(s).update(operationId="fetch_thing")),
    ("parameter removed", lambda s: get_op(s)["parameters"].pop(1)),
    ("type changed", lambda s: param(s, "limit")["schema"].update(type="string")),
    ("parameter made required", lambda s: param(s, "limit").update(required=True)),
    (
        "new required parameter",
        lambda s: get_op(s)["parameters"].append(
            {"name": "ws", "in": "query", "required": True, "schema": {"type": "integer"}}
        ),
    ),
    ("parameter serialization changed", lambda s: param(s, "fields").update(explode=True)),
    ("request body removed", lambda s: post_op(s).pop("requestBody")),
    (
        "new required request body",
        lambda s: get_op(s).update(
            requestBody={"required": True, "content": {"application/json": {"schema": {}}}}
        ),
    ),
    ("request field removed", lambda s: schemas(s)["ThingCreate"]["properties"].pop("note")),
    (
        "new required request field",
        lambda s: (
            schemas(s)["ThingCreate"]["properties"].update(team={"type": "integer"}),
            schemas(s)["ThingCreate"]["required"].append("team"),
        ),
    ),
    ("request field made required", lambda s: schemas(s)["ThingCreate"]["required"].append("note")),
    (
        "enum value removed",
        lambda s: schemas(s)["ThingCreate"]["properties"]["kind"].update(enum=["a"]),
    ),
    (
        "enum constraint added",
        lambda s: schemas(s)["ThingCreate"]["properties"]["note"].update(enum=["x"]),
    ),
    (
        "constraint tightened",
        lambda s: schemas(s)["ThingCreate"]["properties"]["name"].update(minLength=3),
    ),
    ("response field removed", lambda s: schemas(s)["Thing"]["properties"].pop("tags")),
    ("response field made optional", lambda s: schemas(s)["Thing"]["required"].remove("name")),
    ("response code removed", lambda s: get_op(s)["responses"].pop("404")),
    ("response header removed", lambda s: get_op(s)["responses"]["200"].pop("headers")),
    ("response body removed", lambda s: get_op(s)["responses"]["200"].pop("content")),
]


@pytest.mark.parametrize(("rule", "mutate"), BREAKING, ids=[r for r, _ in BREAKING])
def test_breaking_rule(rule: str, mutate: Callable[[Spec], object]) -> None:
    report = changed(mutate)
    assert_rule(report, rule, "major")
    assert report.required_bump == "major"


def test_request_body_made_required() -> None:
    base = base_spec()
    post_op(base)["requestBody"]["required"] = False
    report = spec_diff.compare(base, base_spec())
    assert_rule(report, "request body made required", "major")


def test_schema_removed_or_renamed() -> None:
    def rename(s: Spec) -> None:
        schemas(s)["Item"] = schemas(s).pop("Thing")
        for op in (get_op(s), post_op(s)):
            for resp in op["responses"].values():
                for media in resp.get("content", {}).values():
                    media["schema"] = {"$ref": "#/components/schemas/Item"}

    report = changed(rename)
    assert_rule(report, "schema removed", "major")
    assert_rule(report, "type changed", "major")  # the responses now name another schema
    assert_rule(report, "schema added", "minor")


def test_response_field_type_changed_is_reported_once_with_its_operations() -> None:
    report = changed(lambda s: schemas(s)["Thing"]["properties"]["id"].update(type="string"))
    [change] = [c for c in report.changes if c.rule == "type changed"]
    assert change.where == "Thing.id"
    assert change.level == "major"
    assert {"GET /things/{thing_id} [get_thing]", "POST /things [create_thing]"} == (
        report.changes[change]
    )


def test_format_change_is_a_type_change() -> None:
    report = changed(lambda s: schemas(s)["Thing"]["properties"]["id"].update(format="int32"))
    assert_rule(report, "type changed", "major")


def test_response_field_becoming_nullable_is_breaking() -> None:
    report = changed(
        lambda s: schemas(s)["Thing"]["properties"]["name"].update(type=["string", "null"])
    )
    assert_rule(report, "type changed", "major")


def test_enum_value_removed_from_a_response_enum_is_breaking() -> None:
    report = changed(lambda s: schemas(s)["Kind"].update(enum=["a"]))
    assert_rule(report, "enum value removed", "major")


# --- non-breaking rules --------------------------------------------------------------------

NON_BREAKING: list[tuple[str, str, Callable[[Spec], object]]] = [
    (
        "operation added",
        "minor",
        lambda s: s["paths"][THING].update(delete={"responses": {"204": {"description": "x"}}}),
    ),
    (
        "new optional parameter",
        "minor",
        lambda s: get_op(s)["parameters"].append(
            {"name": "q", "in": "query", "schema": {"type": "string"}}
        ),
    ),
    (
        "parameter made optional",
        "minor",
        lambda s: s["components"]["parameters"]["ThingId"].update(required=False),
    ),
    (
        "new optional request field",
        "minor",
        lambda s: schemas(s)["ThingCreate"]["properties"].update(colour={"type": "string"}),
    ),
    (
        "request field made optional",
        "minor",
        lambda s: schemas(s)["ThingCreate"].update(required=[]),
    ),
    (
        "type widened",
        "minor",
        lambda s: schemas(s)["ThingCreate"]["properties"]["size"].update(type="number"),
    ),
    (
        "constraint relaxed",
        "minor",
        lambda s: param(s, "limit")["schema"].update(maximum=500),
    ),
    (
        "response field added",
        "minor",
        lambda s: schemas(s)["Thing"]["properties"].update(colour={"type": "string"}),
    ),
    (
        "response field made required",
        "minor",
        lambda s: schemas(s)["Thing"]["required"].append("kind"),
    ),
    (
        "type narrowed",
        "minor",
        lambda s: schemas(s)["Thing"]["properties"]["deleted_at"].update(type="string"),
    ),
    ("enum value added", "minor", lambda s: schemas(s)["Kind"].update(enum=["a", "b", "c"])),
    (
        "response code added",
        "minor",
        lambda s: get_op(s)["responses"].update(
            {"403": {"$ref": "#/components/responses/BadRequest"}}
        ),
    ),
    (
        "response header added",
        "minor",
        lambda s: get_op(s)["responses"]["200"]["headers"].update(
            {"X-Quota-Resets-In": {"schema": {"type": "integer"}}}
        ),
    ),
    ("schema added", "minor", lambda s: schemas(s).update(Extra={"type": "object"})),
]


@pytest.mark.parametrize(
    ("rule", "level", "mutate"), NON_BREAKING, ids=[r for r, _, _ in NON_BREAKING]
)
def test_non_breaking_rule(rule: str, level: str, mutate: Callable[[Spec], object]) -> None:
    report = changed(mutate)
    assert_rule(report, rule, level)
    assert report.breaking == []
    assert report.required_bump == level


def _bounded_weekday(s: Spec) -> None:
    """Thing (a response) gets a bounded `weekday`; ThingCreate (a request) the same field."""
    for name in ("Thing", "ThingCreate"):
        schemas(s)[name]["properties"]["weekday"] = {"type": "integer", "minimum": 0, "maximum": 6}


def _unbounded_response_weekday(s: Spec) -> None:
    _bounded_weekday(s)
    weekday = schemas(s)["Thing"]["properties"]["weekday"]
    del weekday["minimum"], weekday["maximum"]


def test_a_response_bound_removed_or_loosened_is_breaking() -> None:
    """A client may rely on what the spec said a response never holds (weekday <= 6)."""
    base = copy.deepcopy(base_spec())
    _bounded_weekday(base)
    head = copy.deepcopy(base_spec())
    _unbounded_response_weekday(head)
    report = spec_diff.compare(base, head)
    assert_rule(report, "response constraint relaxed", "major")
    assert {str(c) for c in report.breaking} == {
        "response constraint relaxed: Thing.weekday (minimum 0 -> None)",
        "response constraint relaxed: Thing.weekday (maximum 6 -> None)",
    }
    # the request's bound on the same field is untouched: nothing about ThingCreate
    assert not [c for c in report.changes if "ThingCreate" in c.where]
    loosened = copy.deepcopy(base)
    schemas(loosened)["Thing"]["properties"]["weekday"]["maximum"] = 7
    assert_rule(spec_diff.compare(base, loosened), "response constraint relaxed", "major")


def test_a_response_bound_added_or_tightened_is_additive() -> None:
    base = copy.deepcopy(base_spec())
    _unbounded_response_weekday(base)
    head = copy.deepcopy(base_spec())
    _bounded_weekday(head)
    report = spec_diff.compare(base, head)
    assert_rule(report, "response constraint tightened", "minor")
    assert report.breaking == [] and report.required_bump == "minor"
    patterned = copy.deepcopy(base_spec())
    schemas(patterned)["Thing"]["properties"]["name"]["pattern"] = "^[A-Z]"
    assert_rule(changed(lambda s: schemas(s).update(schemas(patterned))),
                "response constraint tightened", "minor")  # fmt: skip


def test_a_response_body_made_nullable_through_any_of_is_a_widening() -> None:
    """`$ref: Thing` -> `anyOf: [$ref: Thing, null]`, the name kept: object -> null|object."""

    def nullable_body(s: Spec) -> None:
        content = get_op(s)["responses"]["200"]["content"]["application/json"]
        content["schema"] = {"anyOf": [content["schema"], {"type": "null"}]}

    report = changed(nullable_body)
    assert [str(c) for c in report.breaking] == [
        "type changed: GET /things/{thing_id} [get_thing] response 200 (object -> null|object)"
    ]
    # the other way round a response narrows: additive
    back = spec_diff.compare(_mutated(nullable_body), base_spec())
    assert_rule(back, "type narrowed", "minor")
    assert back.breaking == []


def _mutated(mutate: Callable[[Spec], object]) -> Spec:
    spec = copy.deepcopy(base_spec())
    mutate(spec)
    return spec


def test_description_or_example_change_needs_a_patch_bump() -> None:
    def docs(s: Spec) -> None:
        get_op(s)["description"] = "Now documented."
        schemas(s)["Thing"]["example"] = {"id": 1, "name": "x"}

    report = changed(docs)
    assert report.changes == {}
    assert report.required_bump == "patch"
    assert "/paths/~1things~1{thing_id}/get/description" in report.other


def test_identical_specs_have_no_changes() -> None:
    report = spec_diff.compare(base_spec(), base_spec())
    assert report.changes == {}
    assert report.other == []
    assert report.required_bump == "none"


def test_refs_and_header_names_are_compared_resolved() -> None:
    """Inlining a $ref or changing a header name's case is no change on the wire."""

    def inline(s: Spec) -> None:
        get_op(s)["responses"]["404"] = copy.deepcopy(s["components"]["responses"]["BadRequest"])
        headers = get_op(s)["responses"]["200"]["headers"]
        headers["x-quota-remaining"] = headers.pop("X-Quota-Remaining")

    assert changed(inline).changes == {}


def test_recursive_schemas_terminate() -> None:
    base = base_spec()
    schemas(base)["Thing"]["properties"]["parent"] = {"$ref": "#/components/schemas/Thing"}
    head = copy.deepcopy(base)
    schemas(head)["Thing"]["properties"].pop("tags")
    report = spec_diff.compare(base, head)
    assert_rule(report, "response field removed", "major")


# --- the guard: semver of info.version -----------------------------------------------------


def with_version(spec: Spec, version: str) -> Spec:
    spec["info"]["version"] = version
    return spec


def breaking_head(version: str) -> Spec:
    head = with_version(base_spec(), version)
    get_op(head)["responses"].pop("404")
    return head


@pytest.mark.parametrize(
    ("version", "ok"),
    [("1.0.0", False), ("1.0.1", False), ("1.1.0", False), ("2.0.0", True)],
)
def test_breaking_change_needs_a_major_bump(version: str, ok: bool) -> None:
    _, problems = spec_diff.guard(base_spec(), breaking_head(version))
    assert (problems == []) is ok, problems


@pytest.mark.parametrize(
    ("version", "ok"), [("1.0.0", False), ("1.0.1", False), ("1.1.0", True), ("2.0.0", True)]
)
def test_additive_change_needs_a_minor_bump(version: str, ok: bool) -> None:
    head = with_version(base_spec(), version)
    schemas(head)["Thing"]["properties"]["colour"] = {"type": "string"}
    _, problems = spec_diff.guard(base_spec(), head)
    assert (problems == []) is ok, problems


@pytest.mark.parametrize(("version", "ok"), [("1.0.0", False), ("1.0.1", True)])
def test_documentation_change_needs_a_patch_bump(version: str, ok: bool) -> None:
    head = with_version(base_spec(), version)
    get_op(head)["summary"] = "Get a thing"
    _, problems = spec_diff.guard(base_spec(), head)
    assert (problems == []) is ok, problems


def test_version_may_not_go_down_and_must_be_semver() -> None:
    _, problems = spec_diff.guard(base_spec(), with_version(base_spec(), "0.9.0"))
    assert problems and "went down" in problems[0]
    _, problems = spec_diff.guard(base_spec(), with_version(base_spec(), "v2"))
    assert problems and "not semver" in problems[0]


def test_unchanged_spec_passes_without_a_bump() -> None:
    assert spec_diff.guard(base_spec(), base_spec())[1] == []


def test_changelog_needs_a_section_for_the_version(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    assert spec_diff.changelog_problem(changelog, "1.0.0")  # missing file
    changelog.write_text("# Changelog\n\n## [Unreleased]\n\n## [0.9.0] - 2026-01-01\n")
    assert spec_diff.changelog_problem(changelog, "1.0.0")
    changelog.write_text("# Changelog\n\n## [1.0.0] - 2026-02-01\n\n## [0.9.0] - 2026-01-01\n")
    assert spec_diff.changelog_problem(changelog, "1.0.0") is None


# --- command line --------------------------------------------------------------------------


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "spec_diff.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def test_real_spec_against_itself_passes() -> None:
    spec = ROOT / "openapi" / "focus.yaml"
    proc = run_cli("--base-file", str(spec), "--spec", str(spec))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "BREAKING changes: none" in proc.stdout
    assert "Minimum semver bump required: none" in proc.stdout


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_cli_compares_with_the_last_release_tag(tmp_path: Path) -> None:
    spec_path = tmp_path / "openapi" / "focus.yaml"
    spec_path.parent.mkdir()
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("## [2.0.0]\n## [1.1.0]\n## [1.0.0]\n")
    spec_path.write_text(yaml.safe_dump(base_spec()))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "spec 1.0.0")
    common = ("--spec", str(spec_path), "--changelog", str(changelog))

    # No release tag yet: nothing to compare with, so it passes with a note.
    proc = run_cli(*common, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "no release tag" in proc.stdout

    git(tmp_path, "tag", "spec-v1.0.0")
    spec_path.write_text(yaml.safe_dump(breaking_head("1.1.0")))
    proc = run_cli(*common, cwd=tmp_path)
    assert proc.returncode == 1
    assert "against spec-v1.0.0" in proc.stdout
    assert "response code removed" in proc.stdout
    assert "at least a major bump" in proc.stderr

    spec_path.write_text(yaml.safe_dump(breaking_head("2.0.0")))
    assert run_cli(*common, cwd=tmp_path).returncode == 0

    # An explicit base wins; an unknown one is a usage error.
    assert run_cli(*common, "--base", "HEAD", cwd=tmp_path).returncode == 0
    assert run_cli(*common, "--base", "no-such-ref", cwd=tmp_path).returncode == 2
