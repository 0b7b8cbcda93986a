#!/usr/bin/env python3
"""Breaking-change guard for openapi/focus.yaml: compare the spec with a git ref.

    scripts/spec_diff.py [--base REF | --base-file PATH] [--spec openapi/focus.yaml]
                         [--changelog openapi/CHANGELOG.md]

The base spec is `git show REF:<spec path>`; REF defaults to the last release tag reachable
from HEAD (`spec-v*`, else `v*`). With no such tag there is nothing to compare against: a note
is printed and only the changelog check runs.

Every change is classified (the rule table is in docs/using-the-spec.md):

  major  BREAKING for a client written against the base: an operation, parameter, field, enum
         value, response code, response header or named schema removed; a type or format
         changed; a parameter, body or field made required; a new required parameter or
         request field; an operationId changed; a parameter's serialization changed; a
         request constraint tightened or a response constraint relaxed (a response may now
         hold values the client was told it never would).
  minor  additive: a new operation, optional parameter or request field, response field,
         enum value, response code or named schema; a requirement relaxed; a request
         constraint relaxed or a response constraint tightened.
  patch  anything else that differs (descriptions, examples, x-* metadata, ...).

It prints the changes and the minimum semver bump they require, then exits 1 when
info.version did not grow by at least that bump relative to the base (so a breaking change
fails unless the major version was bumped), when info.version went down, or when
openapi/CHANGELOG.md has no `## [<info.version>]` section. Exit 2 is a usage or git error.

Python + PyYAML only. Local `$ref`s (`#/...`) are followed; the spec has no external ones.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = "openapi/focus.yaml"
DEFAULT_CHANGELOG = "openapi/CHANGELOG.md"
TAG_PATTERNS = ("spec-v*", "v*")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

MAJOR, MINOR, PATCH, NONE = "major", "minor", "patch", "none"
RANK = {NONE: 0, PATCH: 1, MINOR: 2, MAJOR: 3}

# Value constraints: a larger lower bound, or a smaller upper bound, is stricter.
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")

Spec = dict[str, Any]


@dataclass(frozen=True, order=True)
class Change:
    """One classified difference. `where` names a component schema or an operation."""

    level: str  # major | minor | patch
    rule: str
    where: str
    detail: str = ""

    @property
    def breaking(self) -> bool:
        return self.level == MAJOR

    def __str__(self) -> str:
        text = f"{self.rule}: {self.where}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass
class Report:
    """The changes found, each with the operations through which it is reached."""

    changes: dict[Change, set[str]] = field(default_factory=dict)
    other: list[str] = field(default_factory=list)  # JSON pointers of unclassified differences

    def add(self, change: Change, op: str | None = None) -> None:
        ops = self.changes.setdefault(change, set())
        if op:
            ops.add(op)

    @property
    def breaking(self) -> list[Change]:
        return sorted(c for c in self.changes if c.breaking)

    @property
    def non_breaking(self) -> list[Change]:
        return sorted(
            (c for c in self.changes if not c.breaking), key=lambda c: (-RANK[c.level], c)
        )

    @property
    def required_bump(self) -> str:
        levels = [c.level for c in self.changes]
        if self.other:
            levels.append(PATCH)
        return max(levels, key=RANK.__getitem__, default=NONE)

    def rules(self) -> set[str]:
        return {c.rule for c in self.changes}


# --- $ref resolution ---------------------------------------------------------------------


def _pointer_get(doc: Spec, ref: str) -> Any:
    if not ref.startswith("#"):
        raise ValueError(f"external $ref not supported: {ref}")
    node: Any = doc
    for raw in ref[1:].split("/")[1:]:
        key = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def _deref(doc: Spec, node: Any, limit: int = 32) -> tuple[Any, str | None]:
    """Follow `$ref`s; return the target and the component name of the first schema ref."""
    name = None
    while isinstance(node, dict) and "$ref" in node and limit:
        ref = node["$ref"]
        if name is None and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
        node = _pointer_get(doc, ref)
        limit -= 1
    return node, name


# --- schemas -----------------------------------------------------------------------------


def _types(schema: dict[str, Any], doc: Spec | None = None) -> frozenset[str] | None:
    """The schema's JSON types as a set; None means unconstrained (any type).

    Without a `type` of its own, an `anyOf`/`oneOf` has the types of its variants together
    (`$ref`s followed in `doc`), so that `{$ref: X}` -> `anyOf: [{$ref: X}, {type: null}]`
    reads as `object -> null|object` (a response widened), not as `object -> any`.
    """
    raw = schema.get("type")
    if raw is None:
        if "properties" in schema:
            raw = ["object"]
        elif "items" in schema:
            raw = ["array"]
        elif doc is not None and (schema.get("anyOf") or schema.get("oneOf")):
            union: set[str] = set()
            for variant in schema.get("anyOf") or schema.get("oneOf"):
                kinds = _types(_flatten(doc, variant), doc)
                if kinds is None:
                    return None
                union |= kinds
            return frozenset(union)
        else:
            return None
    types = set(raw if isinstance(raw, list) else [raw])
    if schema.get("nullable") is True:  # OpenAPI 3.0 spelling
        types.add("null")
    if "number" in types:  # every integer is a number
        types.add("integer")
    return frozenset(types)


def _flatten(doc: Spec, schema: Any) -> dict[str, Any]:
    """Merge allOf members into one schema (properties, required, type)."""
    schema, _ = _deref(doc, schema)
    if not isinstance(schema, dict):
        return {}
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    props = dict(merged.get("properties", {}))
    required = list(merged.get("required", []))
    for member in schema["allOf"]:
        part = _flatten(doc, member)
        props.update(part.get("properties", {}))
        required += [r for r in part.get("required", []) if r not in required]
        for key in ("type", "enum", "format", "items", "nullable"):
            if key in part and key not in merged:
                merged[key] = part[key]
    if props:
        merged["properties"] = props
    if required:
        merged["required"] = required
    return merged


def _nullable_variant(doc: Spec, schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(X, True) for a schema that is only `anyOf`/`oneOf` [X, {type: null}], else (it, False)."""
    if "type" in schema or "properties" in schema or ("anyOf" in schema) == ("oneOf" in schema):
        return schema, False
    variants = schema.get("anyOf") or schema.get("oneOf") or []
    flat = [_flatten(doc, v) for v in variants]
    others = [v for v, f in zip(variants, flat, strict=True) if f.get("type") != "null"]
    if len(variants) != 2 or len(others) != 1:
        return schema, False
    return _flatten(doc, others[0]), True


def _fmt_types(types: frozenset[str] | None, fmt: str | None) -> str:
    if types is None:
        text = "any"
    else:
        shown = sorted(types - {"integer"} if "number" in types else types)
        text = "|".join(shown)
    return f"{text} ({fmt})" if fmt else text


class _Comparer:
    """Walks the base and head specs side by side and fills a Report."""

    def __init__(self, base: Spec, head: Spec) -> None:
        self.base, self.head, self.report = base, head, Report()

    def add(
        self, level: str, rule: str, where: str, detail: str = "", op: str | None = None
    ) -> None:
        self.report.add(Change(level, rule, where, detail), op)

    # Schemas are compared in a direction: "request" (what clients send: parameters and
    # bodies) or "response" (what clients read). Widening is safe where the client sends and
    # narrowing where it reads; everything else that changes a type breaks someone.
    def schema(
        self, b: Any, h: Any, where: str, direction: str, op: str, seen: frozenset = frozenset()
    ) -> None:
        b_raw, h_raw = b, h
        b, b_name = _deref(self.base, b)
        h, h_name = _deref(self.head, h)
        if b_name and h_name and b_name != h_name:
            self.add(MAJOR, "type changed", where, f"schema {b_name} -> {h_name}", op)
            return
        if h_name:
            where = h_name
        # Only a $ref can loop; `seen` holds the ref pairs on the way down.
        refs = (_ref_of(b_raw), _ref_of(h_raw))
        if refs != (None, None):
            if refs in seen:
                return
            seen = seen | {refs}
        b, h = _flatten(self.base, b), _flatten(self.head, h)
        # `anyOf: [X, null]` is compared as X that may also be null, so that wrapping X so (or
        # unwrapping it) is a change of type only, not of every property and variant of X.
        b, b_null = _nullable_variant(self.base, b)
        h, h_null = _nullable_variant(self.head, h)
        request = direction == "request"

        tb, th = _types(b, self.base), _types(h, self.head)
        tb = tb | {"null"} if b_null and tb is not None else tb
        th = th | {"null"} if h_null and th is not None else th
        if tb != th:
            widened = th is None or (tb is not None and tb < th)
            narrowed = tb is None or (th is not None and th < tb)
            detail = f"{_fmt_types(tb, b.get('format'))} -> {_fmt_types(th, h.get('format'))}"
            if (request and widened) or (not request and narrowed):
                self.add(MINOR, "type widened" if request else "type narrowed", where, detail, op)
            else:
                self.add(MAJOR, "type changed", where, detail, op)
                return
        elif b.get("format") != h.get("format"):
            detail = f"format {b.get('format') or 'none'} -> {h.get('format') or 'none'}"
            self.add(MAJOR, "type changed", where, detail, op)
            return

        self._enum(b, h, where, request, op)
        self._constraints(b, h, where, request, op)
        self._properties(b, h, where, direction, op, seen)
        if "items" in b or "items" in h:
            self.schema(b.get("items", {}), h.get("items", {}), f"{where}[]", direction, op, seen)
        for kw in ("oneOf", "anyOf"):
            bv, hv = b.get(kw, []), h.get(kw, [])
            if len(bv) != len(hv):
                detail = f"{kw} with {len(bv)} -> {len(hv)} variants"
                self.add(MAJOR, "type changed", where, detail, op)
                continue
            for i, (bs, hs) in enumerate(zip(bv, hv, strict=True)):
                self.schema(bs, hs, f"{where}<{kw}[{i}]>", direction, op, seen)

    def _enum(self, b: dict, h: dict, where: str, request: bool, op: str) -> None:
        if "enum" not in b and "enum" not in h:
            return
        if "enum" not in h:  # any value now
            level = MINOR if request else MAJOR
            self.add(level, "enum constraint removed", where, "", op)
            return
        if "enum" not in b:  # restricted to a list now
            level = MAJOR if request else MINOR
            self.add(level, "enum constraint added", where, _values(h["enum"]), op)
            return
        removed = [v for v in b["enum"] if v not in h["enum"]]
        added = [v for v in h["enum"] if v not in b["enum"]]
        if removed:
            self.add(MAJOR, "enum value removed", where, _values(removed), op)
        if added:
            self.add(MINOR, "enum value added", where, _values(added), op)

    def _constraints(self, b: dict, h: dict, where: str, request: bool, op: str) -> None:
        """Bounds and patterns: stricter breaks what clients send, looser what they read."""
        prefix = "" if request else "response "  # request rules keep their short names

        def classify(stricter: bool) -> tuple[str, str]:
            if stricter:
                return (MAJOR if request else MINOR), f"{prefix}constraint tightened"
            return (MINOR if request else MAJOR), f"{prefix}constraint relaxed"

        for kw in (*_LOWER_BOUNDS, *_UPPER_BOUNDS):
            bv, hv = b.get(kw), h.get(kw)
            if bv == hv or isinstance(bv, bool) or isinstance(hv, bool):
                continue
            lower = kw in _LOWER_BOUNDS
            if hv is None:
                stricter = False
            elif bv is None:
                stricter = True
            else:
                stricter = hv > bv if lower else hv < bv
            level, rule = classify(stricter)
            self.add(level, rule, where, f"{kw} {bv} -> {hv}", op)
        if b.get("pattern") != h.get("pattern"):
            bp, hp = b.get("pattern"), h.get("pattern")
            level, rule = classify(hp is not None)  # a changed pattern counts as stricter
            self.add(level, rule, where, f"pattern {bp!r} -> {hp!r}", op)

    def _properties(self, b: dict, h: dict, where: str, direction: str, op: str, seen) -> None:
        bp, hp = b.get("properties") or {}, h.get("properties") or {}
        if not bp and not hp:
            return
        breq, hreq = set(b.get("required", [])), set(h.get("required", []))
        request = direction == "request"
        side = "request" if request else "response"
        for name in bp:
            if name not in hp:
                self.add(MAJOR, f"{side} field removed", f"{where}.{name}", "", op)
        for name in hp:
            loc = f"{where}.{name}"
            if name not in bp:
                if not request:
                    self.add(MINOR, "response field added", loc, "", op)
                elif name in hreq:
                    self.add(MAJOR, "new required request field", loc, "", op)
                else:
                    self.add(MINOR, "new optional request field", loc, "", op)
                continue
            if name in hreq and name not in breq:
                level = MAJOR if request else MINOR
                rule = "request field made required" if request else "response field made required"
                self.add(level, rule, loc, "", op)
            elif name in breq and name not in hreq:
                level = MINOR if request else MAJOR
                rule = "request field made optional" if request else "response field made optional"
                self.add(level, rule, loc, "", op)
            self.schema(bp[name], hp[name], loc, direction, op, seen)

    # --- operations --------------------------------------------------------------------

    def run(self) -> Report:
        b_ops, h_ops = dict(_operations(self.base)), dict(_operations(self.head))
        for key, (b_path_item, b_op) in b_ops.items():
            label = _op_label(key, b_op)
            if key not in h_ops:
                self.add(MAJOR, "operation removed", label)
                continue
            h_path_item, h_op = h_ops[key]
            if b_op.get("operationId") != h_op.get("operationId"):
                detail = f"{b_op.get('operationId')} -> {h_op.get('operationId')}"
                self.add(MAJOR, "operationId changed", label, detail)
            label = _op_label(key, h_op)
            self._parameters(b_path_item, b_op, h_path_item, h_op, label)
            self._request_body(b_op, h_op, label)
            self._responses(b_op, h_op, label)
        for key, (_, h_op) in h_ops.items():
            if key not in b_ops:
                self.add(MINOR, "operation added", _op_label(key, h_op))
        b_schemas = (self.base.get("components") or {}).get("schemas") or {}
        h_schemas = (self.head.get("components") or {}).get("schemas") or {}
        for name in b_schemas:
            if name not in h_schemas:
                self.add(MAJOR, "schema removed", name, "generated type names change")
        for name in h_schemas:
            if name not in b_schemas:
                self.add(MINOR, "schema added", name)
        self.report.other = _other_differences(self.base, self.head) if self._differs() else []
        return self.report

    def _differs(self) -> bool:
        return _without_version(self.base) != _without_version(self.head)

    def _parameters(self, b_item: dict, b_op: dict, h_item: dict, h_op: dict, label: str) -> None:
        bp = _params(self.base, b_item, b_op)
        hp = _params(self.head, h_item, h_op)
        for key, b in bp.items():
            where = f"{label} {key[0]} parameter {key[1]}"
            if key not in hp:
                self.add(MAJOR, "parameter removed", where)
                continue
            h = hp[key]
            if h.get("required") and not b.get("required"):
                self.add(MAJOR, "parameter made required", where)
            elif b.get("required") and not h.get("required"):
                self.add(MINOR, "parameter made optional", where)
            if _serialization(b) != _serialization(h):
                detail = f"{_fmt_style(b)} -> {_fmt_style(h)}"
                self.add(MAJOR, "parameter serialization changed", where, detail)
            self.schema(b.get("schema", {}), h.get("schema", {}), where, "request", label)
        for key, h in hp.items():
            if key not in bp:
                where = f"{label} {key[0]} parameter {key[1]}"
                if h.get("required"):
                    self.add(MAJOR, "new required parameter", where)
                else:
                    self.add(MINOR, "new optional parameter", where)

    def _request_body(self, b_op: dict, h_op: dict, label: str) -> None:
        b, _ = _deref(self.base, b_op.get("requestBody"))
        h, _ = _deref(self.head, h_op.get("requestBody"))
        where = f"{label} request body"
        if b is None and h is None:
            return
        if h is None:
            self.add(MAJOR, "request body removed", where)
            return
        if b is None:
            if h.get("required"):
                self.add(MAJOR, "new required request body", where)
            else:
                self.add(MINOR, "new optional request body", where)
            return
        if h.get("required") and not b.get("required"):
            self.add(MAJOR, "request body made required", where)
        self._content(b, h, where, "request", label)

    def _responses(self, b_op: dict, h_op: dict, label: str) -> None:
        b_all = {str(k): v for k, v in (b_op.get("responses") or {}).items()}
        h_all = {str(k): v for k, v in (h_op.get("responses") or {}).items()}
        for code, b_resp in b_all.items():
            where = f"{label} response {code}"
            if code not in h_all:
                self.add(MAJOR, "response code removed", where)
                continue
            b, _ = _deref(self.base, b_resp)
            h, _ = _deref(self.head, h_all[code])
            self._content(b, h, where, "response", label)
            b_headers = {k.lower(): v for k, v in (b.get("headers") or {}).items()}
            h_headers = {k.lower(): v for k, v in (h.get("headers") or {}).items()}
            for name in b_headers:
                if name not in h_headers:
                    self.add(MAJOR, "response header removed", f"{where} header {name}")
            for name in h_headers:
                if name not in b_headers:
                    self.add(MINOR, "response header added", f"{where} header {name}")
            for name in b_headers.keys() & h_headers.keys():
                bh, _ = _deref(self.base, b_headers[name])
                hh, _ = _deref(self.head, h_headers[name])
                self.schema(
                    bh.get("schema", {}), hh.get("schema", {}), f"{where} header {name}",
                    "response", label,
                )  # fmt: skip
        for code in h_all:
            if code not in b_all:
                self.add(MINOR, "response code added", f"{label} response {code}")

    def _content(self, b: dict, h: dict, where: str, direction: str, label: str) -> None:
        bc, hc = b.get("content") or {}, h.get("content") or {}
        noun = "request media type" if direction == "request" else "response body"
        for media in bc:
            if media not in hc:
                self.add(MAJOR, f"{noun} removed", f"{where} {media}")
        for media in hc:
            if media not in bc:
                self.add(MINOR, f"{noun} added", f"{where} {media}")
        for media in bc.keys() & hc.keys():
            bs, hs = bc[media].get("schema", {}), hc[media].get("schema", {})
            self.schema(bs, hs, where, direction, label)


def _ref_of(node: Any) -> str | None:
    return node.get("$ref") if isinstance(node, dict) else None


def _values(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _operations(doc: Spec) -> Iterator[tuple[tuple[str, str], tuple[dict, dict]]]:
    for path, item in (doc.get("paths") or {}).items():
        item, _ = _deref(doc, item)
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield (method.upper(), path), (item, item[method])


def _op_label(key: tuple[str, str], op: dict) -> str:
    method, path = key
    return f"{method} {path}" + (f" [{op['operationId']}]" if op.get("operationId") else "")


def _params(doc: Spec, item: dict, op: dict) -> dict[tuple[str, str], dict]:
    params: dict[tuple[str, str], dict] = {}
    for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
        p, _ = _deref(doc, raw)
        name = p["name"].lower() if p.get("in") == "header" else p["name"]
        params[(p["in"], name)] = p
    return params


def _serialization(p: dict) -> tuple[str, bool]:
    default_style = "form" if p.get("in") in ("query", "cookie") else "simple"
    style = p.get("style", default_style)
    return style, bool(p.get("explode", style == "form"))


def _fmt_style(p: dict) -> str:
    style, explode = _serialization(p)
    return f"style={style}, explode={str(explode).lower()}"


def _without_version(doc: Spec) -> Spec:
    info = {k: v for k, v in (doc.get("info") or {}).items() if k != "version"}
    return {**doc, "info": info}


def _other_differences(base: Any, head: Any, pointer: str = "") -> list[str]:
    """JSON pointers of every differing leaf (info.version excluded)."""
    if pointer == "/info/version":
        return []
    if isinstance(base, dict) and isinstance(head, dict):
        out: list[str] = []
        for key in sorted(base.keys() | head.keys(), key=str):
            ptr = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
            if key not in base or key not in head:
                out.append(ptr)
            else:
                out += _other_differences(base[key], head[key], ptr)
        return out
    if isinstance(base, list) and isinstance(head, list) and len(base) == len(head):
        return [p for i, (b, h) in enumerate(zip(base, head, strict=True))
                for p in _other_differences(b, h, f"{pointer}/{i}")]  # fmt: skip
    return [] if base == head else [pointer or "/"]


# --- versions and the guard ----------------------------------------------------------------

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


def parse_version(text: Any) -> tuple[int, int, int]:
    match = _SEMVER.match(str(text).strip())
    if not match:
        raise ValueError(f"info.version {text!r} is not semver (MAJOR.MINOR.PATCH)")
    return int(match[1]), int(match[2]), int(match[3])


def version_bump(base: Any, head: Any) -> str:
    """How info.version grew: major/minor/patch/none, or 'decrease'."""
    b, h = parse_version(base), parse_version(head)
    if h < b:
        return "decrease"
    if h[0] > b[0]:
        return MAJOR
    if h[1] > b[1]:
        return MINOR
    if h[2] > b[2]:
        return PATCH
    return NONE


def compare(base: Spec, head: Spec) -> Report:
    """Classify every difference between two parsed specs."""
    return _Comparer(base, head).run()


def guard(base: Spec, head: Spec) -> tuple[Report, list[str]]:
    """Compare and return the report plus the reasons the guard fails (empty: it passes)."""
    report = compare(base, head)
    problems: list[str] = []
    b_ver, h_ver = (base.get("info") or {}).get("version"), (head.get("info") or {}).get("version")
    try:
        actual = version_bump(b_ver, h_ver)
    except ValueError as exc:
        return report, [str(exc)]
    required = report.required_bump
    if actual == "decrease":
        problems.append(f"info.version went down: {b_ver} -> {h_ver}")
    elif RANK[actual] < RANK[required]:
        why = "breaking changes need" if required == MAJOR else "these changes need"
        problems.append(
            f"info.version {b_ver} -> {h_ver} is a {actual} bump; {why} at least a {required} bump"
        )
    return report, problems


def changelog_problem(changelog: Path, version: Any) -> str | None:
    """None when openapi/CHANGELOG.md has a `## [version]` section, else the reason."""
    if not changelog.is_file():
        return f"{changelog} not found (every spec version needs a `## [{version}]` section)"
    heading = re.compile(rf"^##\s*\[{re.escape(str(version))}\]", re.MULTILINE)
    if not heading.search(changelog.read_text(encoding="utf-8")):
        return f"{changelog} has no `## [{version}]` section for info.version {version}"
    return None


def format_report(report: Report, limit: int = 12, verbose: bool = False) -> str:
    lines: list[str] = []
    breaking, other = report.breaking, report.non_breaking

    def line(change: Change) -> str:
        ops = sorted(report.changes[change])
        used = ""
        if ops and not change.where.startswith(tuple(m.upper() for m in METHODS)):
            names = [re.sub(r"^.*\[(.+)\]$", r"\1", o) for o in ops]
            shown = ", ".join(names[:4]) + (f", +{len(names) - 4} more" if len(names) > 4 else "")
            used = f"  <- {shown}"
        return f"  - [{change.level}] {change}{used}"

    lines.append(f"BREAKING changes ({len(breaking)}):" if breaking else "BREAKING changes: none")
    lines += [line(c) for c in breaking]
    lines.append(f"Non-breaking changes ({len(other)}):" if other else "Non-breaking changes: none")
    lines += [line(c) for c in other]
    n = len(report.other)
    if n and (verbose or not report.changes):
        limit = n if verbose else limit
        shown = ", ".join(report.other[:limit]) + (f", +{n - limit} more" if n > limit else "")
        lines.append(f"Differing locations ({n}; patch unless classified above): {shown}")
    elif n:
        lines.append(f"Differing locations: {n} (--verbose lists them)")
    lines.append(f"Minimum semver bump required: {report.required_bump}")
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)


def default_base(repo: Path) -> str | None:
    """The last release tag reachable from HEAD: spec-v* first, then v*."""
    for pattern in TAG_PATTERNS:
        proc = _git(repo, "describe", "--tags", "--abbrev=0", "--match", pattern, "HEAD")
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.strip()
    return None


def load_base(ref: str, spec: Path) -> Spec | None:
    """The spec as of REF in the spec's repository (None when the file is not there)."""
    repo = spec.resolve().parent
    top = _git(repo, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise SystemExit(f"spec-diff: not a git work tree: {repo}\n{top.stderr.strip()}")
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise SystemExit(f"spec-diff: unknown git ref {ref!r}")
    rel = spec.resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    proc = _git(repo, "show", f"{ref}:{rel}")
    if proc.returncode != 0:
        return None
    return yaml.safe_load(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--base", help="git ref to compare with (default: last spec-v*/v* tag)")
    group.add_argument("--base-file", type=Path, help="compare with this file instead of git")
    parser.add_argument("--spec", type=Path, default=ROOT / DEFAULT_SPEC)
    parser.add_argument("--changelog", type=Path, default=ROOT / DEFAULT_CHANGELOG)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    args = parser.parse_args(argv)

    try:
        head = yaml.safe_load(args.spec.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"spec-diff: cannot read {args.spec}: {exc}", file=sys.stderr)
        return 2
    version = (head.get("info") or {}).get("version")
    problems: list[str] = []

    if args.base_file:
        base_name = str(args.base_file)
        base = yaml.safe_load(args.base_file.read_text(encoding="utf-8"))
    else:
        ref = args.base or default_base(args.spec.resolve().parent)
        base_name = ref or ""
        try:
            base = load_base(ref, args.spec) if ref else None
        except SystemExit as exc:
            print(exc, file=sys.stderr)
            return 2
        if ref is None:
            print(
                "spec-diff: no release tag (spec-v* or v*) found, so there is no base to compare "
                f"with; {args.spec.name} {version} is taken as the first release."
            )
        elif base is None:
            if args.base:
                print(f"spec-diff: {args.spec} does not exist at {ref}", file=sys.stderr)
                return 2
            print(f"spec-diff: {ref} has no spec; nothing to compare with.")

    if base is not None:
        b_ver = (base.get("info") or {}).get("version")
        print(f"spec-diff: {args.spec.name} {version} against {base_name} ({b_ver})")
        report, problems = guard(base, head)
        print(format_report(report, verbose=args.verbose))
    problem = changelog_problem(args.changelog, version)
    if problem:
        problems.append(problem)
    if problems:
        for p in problems:
            print(f"spec-diff: FAIL: {p}", file=sys.stderr)
        return 1
    print(f"spec-diff: OK (info.version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
