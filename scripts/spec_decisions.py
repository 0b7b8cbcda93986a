#!/usr/bin/env python3
"""List every decision the spec makes where no source says: each `x-decision` and its pointer.

    scripts/spec_decisions.py [SPEC] [--json] [--check]

SPEC defaults to openapi/focus.yaml; the bundle (dist/spec/focus.{yaml,json}) works too and
gives the same pointers, since bundling keeps every object where it is. Wherever the pages and
Toggl's published spec are silent and the spec decides, the object says **decision** in its
`description` and carries `x-decision: <one line>` beside it. This listing is what other teams
and the live probe use to know which assumptions are unverified.

Output: one entry per decision, in document order: its JSON pointer (RFC 6901, as a `#`
fragment) and, for those inside an operation, the operationId, then the one line. `--json`
prints a JSON array of {"pointer", "operation", "decision"} instead.

`--check` also verifies the marking, and exits 1 on a problem: every `x-decision` is a
non-empty, one-line string, every object whose `description` says **decision** has an
`x-decision`, and every object with an `x-decision` says **decision** in its `description`.

Python + PyYAML only (JSON is YAML, so a .json bundle loads too).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "openapi" / "focus.yaml"
KEY = "x-decision"
MARK = "**decision**"
METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass(frozen=True)
class Decision:
    """One `x-decision`: where it is, the operation it belongs to (if any), what it says."""

    pointer: str
    operation: str | None
    decision: str


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(path: tuple[str | int, ...]) -> str:
    """The URI-fragment JSON pointer of a path of keys and indexes (`#` is the root)."""
    return "#" + "".join("/" + _escape(str(part)) for part in path)


def _walk(
    node: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def _operation(spec: dict[str, Any], path: tuple[str | int, ...]) -> str | None:
    """The operationId of the operation that `path` is inside, if any."""
    if len(path) >= 3 and path[0] == "paths" and path[2] in METHODS:
        operation = spec["paths"][path[1]][path[2]]
        op_id = operation.get("operationId") if isinstance(operation, dict) else None
        return op_id if isinstance(op_id, str) else None
    return None


def decisions(spec: dict[str, Any]) -> list[Decision]:
    """Every `x-decision` of the document, in document order."""
    return [
        Decision(pointer(path), _operation(spec, path), str(node[KEY]))
        for path, node in _walk(spec)
        if isinstance(node, dict) and KEY in node
    ]


def problems(spec: dict[str, Any]) -> list[str]:
    """What is wrong with the marking (empty when every decision is marked on both sides)."""
    found = []
    for path, node in _walk(spec):
        if not isinstance(node, dict) or path[:1] == ("info",):
            continue  # info.description explains the marking itself
        where = pointer(path)
        description = node.get("description")
        said = isinstance(description, str) and MARK in description
        if KEY in node:
            text = node[KEY]
            if not isinstance(text, str) or not text.strip() or "\n" in text.strip():
                found.append(f"{where}: {KEY} must be one non-empty line, got {text!r}")
            if not said:
                found.append(f"{where}: has {KEY} but its description does not say {MARK}")
        elif said:
            found.append(f"{where}: its description says {MARK} but it has no {KEY}")
    return found


def load(path: Path) -> dict[str, Any]:
    """The spec (YAML or JSON) as a mapping."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        raise SystemExit(f"{path}: not an OpenAPI document")
    return doc


def render(found: list[Decision], spec_path: Path, version: object) -> str:
    """The human listing."""
    shown = spec_path.resolve()
    shown = shown.relative_to(Path.cwd()) if shown.is_relative_to(Path.cwd()) else shown
    lines = [f"{len(found)} decisions in {shown} (info.version {version}):", ""]
    for item in found:
        head = item.pointer if item.operation is None else f"{item.pointer}  [{item.operation}]"
        lines += [head, f"    {item.decision}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument("--check", action="store_true", help="verify the marking; exit 1 if not")
    args = parser.parse_args(argv)
    spec = load(args.spec)
    if args.check:
        wrong = problems(spec)
        for problem in wrong:
            print(f"spec-decisions: {problem}", file=sys.stderr)
        if wrong:
            return 1
    found = decisions(spec)
    if args.json:
        print(json.dumps([asdict(item) for item in found], indent=2, ensure_ascii=False))
    elif args.check:
        print(f"spec-decisions: {len(found)} decisions, each marked in prose and by {KEY}")
    else:
        print(render(found, args.spec, spec.get("info", {}).get("version")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
