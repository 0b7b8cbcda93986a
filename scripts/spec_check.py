#!/usr/bin/env python3
"""Checks behind `make spec` and `make spec-check`: the bundle and the other generators' output.

    scripts/spec_check.py bundle SPEC BUNDLE.yaml BUNDLE.json
    scripts/spec_check.py generated GENERATOR SPEC OUT_DIR LOG

`bundle`: both bundle files parse, hold the same document, have no external `$ref` (every
`$ref` is a local `#/...` pointer that resolves inside the file) and keep SPEC's version,
operations and schema names.

`generated` (GENERATOR: typescript-fetch | go | openapi-typescript): the generator's log
has no error and no warning outside the known, explained ones below, and the generated model
names are exactly the ones SPEC's `components.schemas` should give: none missing, none
extra. An extra name is an anonymous model (`InlineResponse200`, `ListGhosts200Response`,
`..._inner`, `...Request1`): a sign that a schema is inline in the spec where it should be a
named component.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

# openapi-generator warnings that are expected for this spec (anything else fails).
KNOWN_WARNINGS = {
    # The generator's own disclaimer for every 3.1 document.
    "OpenAPI 3.1 support is still in beta": "3.1 disclaimer",
    # `Error` collides with the language's Error class, so typescript-fetch names it ModelError.
    "Error (model name matches existing language type) cannot be used as a model name. "
    "Renamed to ModelError": "Error -> ModelError",
    # Logged for free-form objects (`additionalProperties: true`: ErrorValues,
    # UserPermissions) by the 3.1 parser; they become maps, as intended.
    "Failed to get the schema name: null": "free-form object",
    # go, for delete_group's `anyOf: [GroupDeletion (a map of booleans), null]` (spec 2.0.0):
    # the generator names the map type "map" internally and renames it; no model is written,
    # and DeleteGroupExecute returns *map[string]bool as before (nil for a null body).
    "map (reserved word) cannot be used as model name. Renamed to model_map": "nullable map",
}
# Log lines that fail the check whatever their level.
FATAL = re.compile(r"\b(ERROR|SEVERE)\b|Exception|Inline schema created as")
# Names openapi-generator gives to schemas that have no name of their own.
ANONYMOUS = re.compile(r"^Inline|\d{3}Response|Response\d+$|Request\d+$|_inner|Inner$|^Object\d*$")
# Per-generator renames of schema names (reserved words of the target language).
RENAMES = {"typescript-fetch": {"Error": "ModelError"}}


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolves(doc: Any, ref: str) -> bool:
    node = doc
    for raw in ref[2:].split("/"):
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return False
    return True


def _operations(doc: dict) -> set[str]:
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return {
        f"{m.upper()} {path}"
        for path, item in doc.get("paths", {}).items()
        for m in item
        if m in methods
    }


def check_bundle(spec_path: Path, yaml_path: Path, json_path: Path) -> list[str]:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    as_yaml = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    as_json = json.loads(json_path.read_text(encoding="utf-8"))
    problems = []
    if as_yaml != as_json:
        problems.append(f"{yaml_path} and {json_path} hold different documents")
    for ref in sorted(set(_refs(as_yaml))):
        if not ref.startswith("#/"):
            problems.append(f"{yaml_path}: external $ref {ref!r}")
        elif not _resolves(as_yaml, ref):
            problems.append(f"{yaml_path}: $ref {ref!r} does not resolve")
    if as_yaml.get("info", {}).get("version") != spec.get("info", {}).get("version"):
        problems.append(f"{yaml_path}: info.version differs from {spec_path}")
    if _operations(as_yaml) != _operations(spec):
        problems.append(f"{yaml_path}: operations differ from {spec_path}")
    schemas = set(spec.get("components", {}).get("schemas", {}))
    if set(as_yaml.get("components", {}).get("schemas", {})) != schemas:
        problems.append(f"{yaml_path}: components.schemas names differ from {spec_path}")
    if not problems:
        n_ops, n_refs = len(_operations(as_yaml)), len(set(_refs(as_yaml)))
        print(
            f"spec: {yaml_path} and {json_path}: one self-contained document "
            f"({n_ops} operations, {len(schemas)} schemas, {n_refs} distinct local $refs)"
        )
    return problems


def expected_models(spec: dict, generator: str) -> set[str]:
    """Schema names that become models: objects with properties, enums and compositions.

    openapi-generator turns neither free-form objects (maps) nor array aliases into models;
    a oneOf/anyOf (`Timestamp`) becomes one. openapi-typescript keeps every schema name.
    """
    schemas = spec.get("components", {}).get("schemas", {})
    if generator == "openapi-typescript":
        return set(schemas)
    names = {
        name
        for name, schema in schemas.items()
        if "enum" in schema
        or schema.get("properties")
        or any(key in schema for key in ("allOf", "oneOf", "anyOf"))
    }
    renames = RENAMES.get(generator, {})
    return {renames.get(n, n) for n in names}


def generated_models(generator: str, out: Path) -> set[str]:
    if generator == "typescript-fetch":
        return {p.stem for p in (out / "models").glob("*.ts") if p.stem != "index"}
    if generator == "go":
        names = set()
        for path in out.glob("model_*.go"):
            for match in re.finditer(r"^type ([A-Z]\w*) ", path.read_text(), re.MULTILINE):
                if not match[1].startswith("Nullable"):
                    names.add(match[1])
        return names
    if generator == "openapi-typescript":
        text = out.read_text(encoding="utf-8")
        block = re.search(
            r"^export interface components \{\n    schemas: \{\n(.*?)^    \};", text, re.M | re.S
        )
        if not block:
            return set()
        return set(re.findall(r'^        "?([\w.-]+)"?: ', block[1], re.MULTILINE))
    raise SystemExit(f"unknown generator {generator!r}")


def check_log(log: Path) -> list[str]:
    problems, known = [], set()
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if FATAL.search(line):
            problems.append(f"{log.name}: {line.strip()}")
        elif re.search(r"\bWARN(ING)?\b|⚠|✘", line):
            hit = next((why for text, why in KNOWN_WARNINGS.items() if text in line), None)
            if hit is None:
                problems.append(f"{log.name}: unexpected warning: {line.strip()}")
            else:
                known.add(hit)
    if known:
        print(f"  known warnings: {', '.join(sorted(known))}")
    return problems


def check_generated(generator: str, spec_path: Path, out: Path, log: Path) -> list[str]:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    print(f"spec-check: {generator} -> {out}")
    problems = check_log(log)
    want, got = expected_models(spec, generator), generated_models(generator, out)
    for name in sorted(got - want):
        kind = "anonymous (inline) model" if ANONYMOUS.search(name) else "model not in the spec"
        problems.append(f"{generator}: {kind} {name!r}")
    for name in sorted(want - got):
        problems.append(f"{generator}: no model for components.schemas {name!r}")
    if not problems:
        print(f"  {len(got)} models, all named after components.schemas: {', '.join(sorted(got))}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "bundle":
        problems = check_bundle(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    elif len(argv) == 5 and argv[0] == "generated":
        problems = check_generated(argv[1], Path(argv[2]), Path(argv[3]), Path(argv[4]))
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    for problem in problems:
        print(f"spec-check: FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
