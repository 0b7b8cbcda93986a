"""Hypothesis strategies built from the spec's schemas, plus arbitrary and near-valid JSON.

`from_schema` covers the JSON Schema the spec uses (type or list of types, anyOf/oneOf,
properties, required, $ref, items, enum, minimum/maximum, minItems/minLength/maxLength,
additionalProperties, format date-time); objects also get unknown keys, which the models
must keep.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "focus.yaml"
SCHEMAS: dict[str, dict[str, Any]] = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]

_INT64 = (-(2**63), 2**63 - 1)

#: Any JSON value (no NaN or infinities, which JSON cannot carry).
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)

_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


def _rfc3339(moment: datetime, zulu: bool) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if zulu and text.endswith("+00:00") else text


#: RFC 3339 timestamps with an offset (some as `Z`), with and without fractions of a second.
timestamps: st.SearchStrategy[str] = st.builds(
    _rfc3339,
    st.datetimes(
        min_value=datetime(1970, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.just(UTC) | _offsets,
    ),
    st.booleans(),
)


def from_schema(schema: dict[str, Any], *, unknown_keys: bool = True) -> st.SearchStrategy[Any]:
    """Values valid for `schema` (a spec schema or $ref); objects may carry unknown keys."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return st.deferred(lambda: from_schema(SCHEMAS[name], unknown_keys=unknown_keys))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for union in ("anyOf", "oneOf"):  # a document valid for one branch is valid for the union
        if union in schema:
            rest = {k: v for k, v in schema.items() if k != union}
            return st.one_of(
                [from_schema({**rest, **branch}, unknown_keys=unknown_keys)
                 for branch in schema[union]]
            )  # fmt: skip
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of(
            [from_schema({**schema, "type": k}, unknown_keys=unknown_keys) for k in kind]
        )
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(schema.get("minimum", _INT64[0]), schema.get("maximum", _INT64[1]))
    if kind == "number":
        low, high = schema.get("minimum"), schema.get("maximum")
        return st.integers(low, high) | st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "string":
        if schema.get("format") == "date-time":
            return timestamps
        return st.text(min_size=schema.get("minLength", 0), max_size=schema.get("maxLength", 16))
    if kind == "array":
        items = from_schema(schema.get("items", {}), unknown_keys=unknown_keys)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=3)
    if kind == "object" or "properties" in schema:
        return _object(schema, unknown_keys)
    return json_values


def _object(schema: dict[str, Any], unknown_keys: bool) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fields = {
        name: from_schema(sub, unknown_keys=unknown_keys)
        for name, sub in properties.items()
        if name in required
    }
    optional = {
        name: from_schema(sub, unknown_keys=unknown_keys)
        for name, sub in properties.items()
        if name not in required
    }
    known = st.fixed_dictionaries(fields, optional=optional)
    extra = schema.get("additionalProperties", True)
    if extra is False or not unknown_keys:
        extras: st.SearchStrategy[dict[str, Any]] = st.just({})
    else:
        values = json_values if extra is True or extra == {} else from_schema(extra)
        keys = st.text(min_size=1, max_size=10).filter(lambda key: key not in properties)
        extras = st.dictionaries(keys, values, max_size=2)
    least = schema.get("minProperties", 0)
    return st.builds(lambda a, b: {**b, **a}, known, extras).filter(lambda d: len(d) >= least)


@st.composite
def mutated(draw: st.DrawFn, schema: dict[str, Any]) -> Any:
    """A valid document with one node (anywhere in it) replaced, removed or re-typed."""
    document = draw(from_schema(schema))
    path: list[Any] = []
    node = document
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    replacement: Any = draw(json_values | st.sampled_from(["", None, "2026-13-45T99:99:99Z", []]))
    if not path:
        return replacement
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return document


def encoded(value: Any) -> bytes:
    """A JSON value as the bytes a server sends."""
    return json.dumps(value).encode()


@st.composite
def damaged_bytes(draw: st.DrawFn, schema: dict[str, Any]) -> bytes:
    """Valid JSON bytes cut short or with a few bytes overwritten."""
    raw = bytearray(encoded(draw(from_schema(schema))))
    if draw(st.booleans()):
        return bytes(raw[: draw(st.integers(0, max(0, len(raw) - 1)))])
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(raw) - 1))
        raw[at] = draw(st.integers(0, 255))
    return bytes(raw)
