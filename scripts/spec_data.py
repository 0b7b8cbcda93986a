#!/usr/bin/env python3
"""Write extensions/toggl_focus/_spec/focus.json: the spec, bundled, shipped as package data.

`toggl_focus.testing._conformance` (the fake server's request checks and the live probe's response
checks) validates traffic against the spec itself, so the package carries a copy of
openapi/focus.yaml as one JSON document with no external $ref. `make client` runs this;
`make check-generated` runs it with --check, so the copy cannot drift from the spec.

The bundle is the spec as written (only YAML turned into JSON): every $ref must be internal
(`#/...`) and resolve, otherwise this fails rather than ship a document that cannot be
validated against. Timestamps and other YAML-only scalars stay strings.
Usage: scripts/spec_data.py [--check] [SPEC] [OUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "extensions" / "toggl_focus" / "_spec" / "focus.json"


class _JsonLoader(yaml.SafeLoader):
    """A YAML loader that keeps timestamps as strings (JSON has no date type)."""


_JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _resolve(document: Any, pointer: str) -> bool:
    """Whether a JSON pointer (without the leading `#`) names a node of `document`."""
    node = document
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True


def _check_refs(node: Any, document: Any, where: str, problems: list[str]) -> None:
    """Collect every $ref that is external or does not resolve."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith("#"):
                problems.append(f"{where}: external $ref {ref!r} (inline it into the spec)")
            elif not _resolve(document, ref[1:]):
                problems.append(f"{where}: $ref {ref!r} does not resolve")
        for key, value in node.items():
            _check_refs(value, document, f"{where}/{key}", problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _check_refs(value, document, f"{where}/{index}", problems)


def render(spec_path: Path) -> str:
    """The bundled JSON text of the spec at `spec_path` (exits on a bad $ref)."""
    document = yaml.load(spec_path.read_text(encoding="utf-8"), Loader=_JsonLoader)
    problems: list[str] = []
    _check_refs(document, document, "#", problems)
    if problems:
        sys.exit(f"{spec_path}: cannot bundle:\n  " + "\n  ".join(problems))
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    spec_path = Path(args[0]) if args else ROOT / "openapi" / "focus.yaml"
    out = Path(args[1]) if len(args) > 1 else DEFAULT_OUT
    text = render(spec_path)
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run `make client`", file=sys.stderr)
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
