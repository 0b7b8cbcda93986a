"""Check HTTP traffic against the spec shipped in the package (`toggl_focus/_spec/focus.json`).

One `Spec` answers, for an operation id and a request or a response, which rules of the
spec it breaks, each a `Violation` named by operation, location and JSON path. It serves
two masters:

- the fake server (`toggl_focus.testing`) checks every request it receives (path and query
  parameters, bodies) and answers the first violation with a 400, so the fake enforces the
  spec itself rather than a hand-written restatement that could drift from it;
- the live probe (`python -m toggl_focus.probe`) checks every answer of the real server,
  strictly: there, a field the spec does not declare, an enum value it does not list or a
  status it does not document is drift worth reporting, although the client tolerates it.

Schemas are OpenAPI 3.1, that is JSON Schema 2020-12, validated by `jsonschema` (the
reference implementation; the `probe` and `testing` extras install it) with `$ref`s resolved
in the whole document through `referencing`, and a format checker that knows `date-time`
and OpenAPI's `int32`/`int64`. What this module adds is only what JSON Schema leaves to
OpenAPI: finding the operation, turning parameter text into values by the parameter's
`style`/`explode` and schema type, choosing the response by status, and the strict mode.

Strict mode (`strict=True`, the default for responses) closes the spec before validating:
an object schema that does not say what to do with undeclared properties gets
`additionalProperties: false` (`unevaluatedProperties: false` when it is composed with
others), and an open enum (an `anyOf`/`oneOf` of an enum and a bare
type, or an `x-extensible-enum` list) becomes its listed values. Reported values are limited
to enum and const values, so a report carries no names, emails or other payload data.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote

import attrs

from ..errors import FocusConfigError


class MissingExtraError(FocusConfigError, ImportError):
    """An optional dependency of the spec checks is not installed (an extra is missing)."""


try:
    import jsonschema
    from jsonschema.exceptions import ValidationError, best_match
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtraError(
        f"checking traffic against the spec needs {exc.name or 'jsonschema'}: "
        'pip install "toggl-focus[probe]" (or "toggl-focus[testing]" for the fake server)'
    ) from exc

__all__ = [
    "CheckedRequest",
    "Decision",
    "MissingExtraError",
    "Operation",
    "Parameter",
    "Route",
    "Spec",
    "Violation",
]

#: Where the bundled spec lives inside the package (written by scripts/spec_data.py).
SPEC_RESOURCE = "_spec/focus.json"
_BASE_URI = "urn:toggl-focus:spec"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_INT_TEXT = re.compile(r"-?[0-9]+")
_NUMBER_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOCATION_ORDER = {"status": 0, "path": 1, "query": 2, "header": 3, "body": 4}
#: Keys that hold example data, never schemas, references or decisions.
_DATA_KEYS = frozenset({"example", "examples"})
#: JSON Schema keywords whose value is one subschema / a list / a map of subschemas.
_ONE_SCHEMA = ("items", "contains", "propertyNames", "not", "if", "then", "else")
_SCHEMA_LISTS = ("prefixItems", "anyOf", "oneOf")
_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs")
#: Keys that leave a schema "open": a bare type, maybe documented, with no constraint.
_OPEN_KEYS = frozenset({"type", "description", "title", "examples", "example"})


# --- results -------------------------------------------------------------------------------


@attrs.frozen
class Violation:
    """One way a request or a response breaks the spec.

    `location` is `status`, `path`, `query`, `header` or `body`; `path` is a JSON path into
    the body (`$.data[0].name`), a parameter or header name (`rows`, `ghost_ids[1]`), or
    empty for the status. `keyword` and `expected` are the JSON Schema keyword and its value
    in the spec (`maximum`, 100), when a schema keyword was broken. `shape` is the offending
    scalar with its letters and digits masked (`9999-99-99` for a date-only timestamp), for
    reports that must show what went wrong without showing data (the probe's).
    """

    operation: str
    kind: str
    location: str
    path: str
    message: str
    keyword: str | None = None
    expected: Any = None
    shape: str | None = None

    @property
    def field(self) -> str:
        """Where, in one word: `rows`, `body[0].weekday`, `status`."""
        if self.location == "body":
            return "body" + self.path[1:]
        return self.path or self.location

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for reports)."""
        return {
            "operation": self.operation,
            "kind": self.kind,
            "location": self.location,
            "path": self.path,
            "message": self.message,
            "keyword": self.keyword,
            "expected": self.expected,
            "shape": self.shape,
        }

    def __str__(self) -> str:
        return f"{self.operation}: {self.field}: {self.message}"


@attrs.frozen
class Parameter:
    """A parameter of an operation, with the JSON pointer of its schema."""

    name: str
    location: str
    required: bool
    style: str
    explode: bool
    schema: Mapping[str, Any]
    schema_pointer: str


@attrs.frozen
class Operation:
    """One operation of the spec: method, path template, parameters, body and responses."""

    id: str
    method: str
    template: str
    pointer: str
    parameters: tuple[Parameter, ...]
    request_body: Mapping[str, Any] | None
    responses: Mapping[str, Any]
    tags: tuple[str, ...] = ()

    def url(self, **path_params: object) -> str:
        """The path with its parameters filled in (percent-encoded), e.g. for a request."""
        return re.sub(
            r"\{([^}]+)\}", lambda m: quote(str(path_params[m.group(1)]), safe=""), self.template
        )

    @property
    def is_read(self) -> bool:
        """Whether the operation only reads (GET or HEAD)."""
        return self.method in ("GET", "HEAD")


@attrs.frozen
class Route:
    """A path of the spec matched by a request path: raw parameter text and its operations."""

    template: str
    params: dict[str, str]
    operations: dict[str, Operation]


@attrs.frozen
class CheckedRequest:
    """A request read by the spec: typed parameters, the parsed body, and any violations."""

    operation: Operation
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    violations: tuple[Violation, ...]


@attrs.frozen
class Decision:
    """An `x-decision` marker: where the spec decides what Toggl's pages leave open."""

    pointer: str
    text: str


# --- the spec ------------------------------------------------------------------------------


class Spec:
    """A loaded OpenAPI 3.1 document that checks requests and responses of its operations."""

    def __init__(self, document: Mapping[str, Any], *, source_text: str | None = None) -> None:
        """Index `document` (the bundled spec as JSON data); `source_text` names its version."""
        self.document: dict[str, Any] = copy.deepcopy(dict(document))
        text = source_text if source_text is not None else json.dumps(self.document)
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        strict = copy.deepcopy(self.document)
        _Closer(strict).document(strict)
        # Validation copies whose `$ref`s are absolute: a subschema then validates as a root
        # schema (its references resolve in the registry), with no lookup to reach it.
        self._schemas = {False: _absolute(self.document), True: _absolute(strict)}
        self._registries = {flag: _registry(doc) for flag, doc in self._schemas.items()}
        self._validators: dict[tuple[bool, str], Any] = {}
        self.operations: dict[str, Operation] = {}
        self._routes: list[tuple[re.Pattern[str], str, dict[str, Operation]]] = []
        self._index()

    @classmethod
    def shipped(cls) -> Spec:
        """The spec shipped in this package (loaded once)."""
        return _shipped()

    @property
    def title(self) -> str:
        """`info.title`."""
        return str(self.document.get("info", {}).get("title", ""))

    @property
    def version(self) -> str:
        """`info.version`."""
        return str(self.document.get("info", {}).get("version", ""))

    def operation(self, operation_id: str) -> Operation:
        """The operation with this id (KeyError for an unknown one)."""
        return self.operations[operation_id]

    # --- indexing ------------------------------------------------------------------------

    def _index(self) -> None:
        routes = []
        for template, item in self.document.get("paths", {}).items():
            item_pointer = "/paths/" + _escape(template)
            shared = item.get("parameters", [])
            by_method: dict[str, Operation] = {}
            for method in _METHODS:
                op = item.get(method)
                if not isinstance(op, dict) or "operationId" not in op:
                    continue
                pointer = f"{item_pointer}/{method}"
                parameters = self._parameters(
                    [(f"{item_pointer}/parameters/{i}", p) for i, p in enumerate(shared)]
                    + [
                        (f"{pointer}/parameters/{i}", p)
                        for i, p in enumerate(op.get("parameters", []))
                    ]
                )
                body = self._deref(op["requestBody"]) if "requestBody" in op else None
                operation = Operation(
                    id=op["operationId"],
                    method=method.upper(),
                    template=template,
                    pointer=pointer,
                    parameters=parameters,
                    request_body=body,
                    responses=op.get("responses", {}),
                    tags=tuple(op.get("tags", ())),
                )
                self.operations[operation.id] = operation
                by_method[operation.method] = operation
            segments = template.strip("/").split("/")
            pattern = "/" + "/".join(
                f"(?P<{s[1:-1]}>[^/]+)" if s.startswith("{") and s.endswith("}") else re.escape(s)
                for s in segments
            )
            literal_first = tuple(s.startswith("{") for s in segments)
            routes.append((literal_first, re.compile(pattern), template, by_method))
        # A concrete path wins over a templated one (`groups/me` before `groups/{group_id}`).
        routes.sort(key=lambda r: r[0])
        self._routes = [(pattern, template, ops) for _, pattern, template, ops in routes]

    def _parameters(self, raw: list[tuple[str, Any]]) -> tuple[Parameter, ...]:
        """Path-level then operation-level parameters; the latter override by (name, in)."""
        found: dict[tuple[str, str], Parameter] = {}
        for pointer, node in raw:
            while isinstance(node, dict) and "$ref" in node:
                pointer = node["$ref"][1:]
                node = self._deref(node)
            location = node["in"]
            style = node.get("style", "simple" if location in ("path", "header") else "form")
            found[(node["name"], location)] = Parameter(
                name=node["name"],
                location=location,
                required=bool(node.get("required", location == "path")),
                style=style,
                explode=bool(node.get("explode", style == "form")),
                schema=self._resolve_schema(node.get("schema", {})),
                schema_pointer=f"{pointer}/schema",
            )
        return tuple(found.values())

    def _deref(self, node: Any) -> Any:
        """Follow `$ref`s (internal ones only: the bundle has no other kind)."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            node = _at(self.document, node["$ref"][1:])
            seen += 1
        return node

    def _resolve_schema(self, schema: Any) -> dict[str, Any]:
        """A schema with its top-level `$ref` followed (for reading its type)."""
        resolved = self._deref(schema)
        return resolved if isinstance(resolved, dict) else {}

    # --- routing -------------------------------------------------------------------------

    def route(self, path: str) -> Route | None:
        """The spec path matching a request path relative to the server URL, or None."""
        for pattern, template, operations in self._routes:
            match = pattern.fullmatch(path)
            if match is not None:
                return Route(template, match.groupdict(), operations)
        return None

    # --- requests ------------------------------------------------------------------------

    def check_request(
        self,
        operation_id: str,
        *,
        path_params: Mapping[str, str],
        query: str = "",
        body: bytes = b"",
        strict: bool = False,
    ) -> CheckedRequest:
        """Read a request's parameters and body by the spec and list what breaks it.

        `path_params` are the raw texts of the path's parameters, `query` the raw query
        string. Unknown query parameters are reported only when `strict` (servers commonly
        ignore them), as are unknown body fields (strict closes the schemas).
        """
        operation = self.operations[operation_id]
        violations: list[Violation] = []
        pairs = parse_qsl(query, keep_blank_values=True)
        given: dict[str, list[str]] = {}
        for name, value in pairs:
            given.setdefault(name, []).append(value)
        path_values: dict[str, Any] = {}
        query_values: dict[str, Any] = {}
        for parameter in operation.parameters:
            if parameter.location == "path":
                texts = [path_params[parameter.name]] if parameter.name in path_params else []
                target = path_values
            elif parameter.location == "query":
                texts = given.get(parameter.name, [])
                target = query_values
            else:
                continue  # header and cookie parameters: none in this spec
            value = self._read_parameter(operation, parameter, texts, strict, violations)
            if value is not _ABSENT:
                target[parameter.name] = value
        if strict:
            declared = {p.name for p in operation.parameters if p.location == "query"}
            for name in dict.fromkeys(n for n, _ in pairs if n not in declared):
                violations.append(
                    Violation(
                        operation.id,
                        "undeclared-parameter",
                        "query",
                        name,
                        "query parameter is not declared",
                    )
                )
        parsed_body = self._read_request_body(operation, body, strict, violations)
        return CheckedRequest(
            operation, path_values, query_values, parsed_body, tuple(_ordered(violations))
        )

    def _read_parameter(
        self,
        operation: Operation,
        parameter: Parameter,
        texts: list[str],
        strict: bool,
        violations: list[Violation],
    ) -> Any:
        name, where = parameter.name, parameter.location
        if not texts:
            if parameter.required:
                violations.append(
                    Violation(
                        operation.id,
                        "missing-parameter",
                        where,
                        name,
                        f"{where} parameter '{name}' is required",
                        "required",
                    )
                )
            return _ABSENT
        is_array = "array" in _types(parameter.schema)
        exploded_array = is_array and parameter.explode and parameter.style == "form"
        if len(texts) > 1 and not exploded_array:
            hint = " (lists are comma-separated)" if is_array else ""
            violations.append(
                Violation(
                    operation.id,
                    "repeated-parameter",
                    where,
                    name,
                    f"{where} parameter '{name}' is given {len(texts)} times; send it once{hint}",
                )
            )
            return _ABSENT
        if is_array:
            items = self._resolve_schema(parameter.schema.get("items", {}))
            if exploded_array:
                value: Any = [_from_text(t, items) for t in texts]
            else:
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(parameter.style, ",")
                parts = texts[0].split(separator) if texts[0] else []
                value = [_from_text(t, items) for t in parts]
        else:
            value = _from_text(texts[0], parameter.schema)
        errors = self._validator(strict, parameter.schema_pointer).iter_errors(value)
        found = _violations(errors, operation.id, where, name)
        violations.extend(found)
        return _ABSENT if found else value

    def _read_request_body(
        self, operation: Operation, body: bytes, strict: bool, violations: list[Violation]
    ) -> Any:
        spec = operation.request_body
        if spec is None:
            if strict and body.strip():
                violations.append(
                    Violation(
                        operation.id, "unexpected-body", "body", "$", "the operation takes no body"
                    )
                )
            return None
        if not body.strip():
            if spec.get("required", False):
                violations.append(
                    Violation(
                        operation.id,
                        "missing-body",
                        "body",
                        "$",
                        "a JSON request body is required",
                        "required",
                    )
                )
            return None
        parsed, problem = _parse_json(body)
        if problem is not None:
            violations.append(Violation(operation.id, "invalid-json", "body", "$", problem))
            return None
        media = _json_media(spec.get("content", {}))
        if media is not None:
            pointer = _pointer_of(operation, "requestBody", self.document)
            schema_pointer = f"{pointer}/content/{_escape(media)}/schema"
            errors = self._validator(strict, schema_pointer).iter_errors(parsed)
            violations.extend(_violations(errors, operation.id, "body", "$"))
        return parsed

    # --- responses -----------------------------------------------------------------------

    def check_response(
        self,
        operation_id: str,
        *,
        status: int,
        headers: Mapping[str, str] | Iterable[tuple[str, str]],
        body: bytes,
        strict: bool = True,
    ) -> list[Violation]:
        """List what an answer breaks: status, content type, body schema, declared headers.

        Strict (the default) also reports fields and enum values the spec does not list and
        undocumented `X-Toggl-*` headers; a body on a response documented without one is
        reported either way.
        """
        operation = self.operations[operation_id]
        pairs = headers.items() if isinstance(headers, Mapping) else headers
        lowered = {name.lower(): value for name, value in pairs}
        key = _response_key(operation.responses, status)
        if key is None:
            documented = ", ".join(sorted(operation.responses))
            return [
                Violation(
                    operation.id,
                    "unexpected-status",
                    "status",
                    "",
                    f"status {status} is not documented (documented: {documented})",
                    expected=sorted(operation.responses),
                )
            ]
        violations: list[Violation] = []
        response_pointer = f"{operation.pointer}/responses/{_escape(key)}"
        response = operation.responses[key]
        while isinstance(response, dict) and "$ref" in response:
            response_pointer = response["$ref"][1:]
            response = self._deref(response)
        self._check_headers(operation, response, response_pointer, lowered, strict, violations)
        content = response.get("content") or {}
        if not content:
            if body.strip():
                violations.append(
                    Violation(
                        operation.id,
                        "undocumented-body",
                        "body",
                        "$",
                        f"a {status} answer is documented without a body, but one was sent",
                    )
                )
            return _ordered(violations)
        media_type = lowered.get("content-type", "").split(";")[0].strip().lower()
        if not body.strip():
            violations.append(
                Violation(
                    operation.id,
                    "missing-body",
                    "body",
                    "$",
                    f"a {status} answer is documented with a body, but none was sent",
                )
            )
            return _ordered(violations)
        declared = _json_media(content)
        if not _media_matches(media_type, content):
            violations.append(
                Violation(
                    operation.id,
                    "content-type",
                    "header",
                    "Content-Type",
                    f"content type {media_type or '(none)'!r} is not documented "
                    f"(documented: {', '.join(content)})",
                    expected=list(content),
                )
            )
        if declared is None:
            return _ordered(violations)
        parsed, problem = _parse_json(body)
        if problem is not None:
            violations.append(Violation(operation.id, "invalid-json", "body", "$", problem))
            return _ordered(violations)
        schema_pointer = f"{response_pointer}/content/{_escape(declared)}/schema"
        errors = self._validator(strict, schema_pointer).iter_errors(parsed)
        violations.extend(_violations(errors, operation.id, "body", "$"))
        return _ordered(violations)

    def _check_headers(
        self,
        operation: Operation,
        response: Mapping[str, Any],
        pointer: str,
        headers: Mapping[str, str],
        strict: bool,
        violations: list[Violation],
    ) -> None:
        declared = {name.lower(): name for name in response.get("headers", {})}
        for lower, name in declared.items():
            header_pointer = f"{pointer}/headers/{_escape(name)}"
            spec = response["headers"][name]
            while isinstance(spec, dict) and "$ref" in spec:
                header_pointer = spec["$ref"][1:]
                spec = self._deref(spec)
            if lower not in headers:
                if spec.get("required", False):
                    violations.append(
                        Violation(
                            operation.id,
                            "missing-header",
                            "header",
                            name,
                            "required header is missing",
                        )
                    )
                continue
            if "schema" not in spec:
                continue
            value = _from_text(headers[lower], self._resolve_schema(spec["schema"]))
            errors = self._validator(strict, f"{header_pointer}/schema").iter_errors(value)
            violations.extend(_violations(errors, operation.id, "header", name))
        if strict:
            for lower in headers:
                if lower.startswith("x-toggl-") and lower not in declared:
                    violations.append(
                        Violation(
                            operation.id,
                            "undocumented-header",
                            "header",
                            lower,
                            "vendor header is not documented for this answer",
                        )
                    )

    # --- validators ----------------------------------------------------------------------

    def _validator(self, strict: bool, pointer: str) -> Any:
        key = (strict, pointer)
        validator = self._validators.get(key)
        if validator is None:
            validator = jsonschema.Draft202012Validator(
                _at(self._schemas[strict], pointer),
                registry=self._registries[strict],
                format_checker=_FORMATS,
            )
            self._validators[key] = validator
        return validator

    # --- decisions -----------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        """Every `x-decision` marker of the spec, in document order."""
        found: list[Decision] = []
        _collect_decisions(self.document, "", found)
        return found

    def scope(self, operation_id: str) -> tuple[str, ...]:
        """JSON pointers of everything that shapes an operation: itself, its path item's own
        keys and parameters, and every component its `$ref`s reach (transitively)."""
        operation = self.operations[operation_id]
        item_pointer = operation.pointer.rsplit("/", 1)[0]
        item = _at(self.document, item_pointer)
        roots = [operation.pointer]
        roots += [f"{item_pointer}/{_escape(k)}" for k in item if k not in _METHODS]
        seen: set[str] = set()
        pending = list(roots)
        while pending:
            pointer = pending.pop()
            if pointer in seen:
                continue
            seen.add(pointer)
            pending.extend(ref[1:] for ref in _refs(_at(self.document, pointer)))
        return tuple(sorted(seen))


_ABSENT = object()


@functools.cache
def _shipped() -> Spec:
    text = resources.files("toggl_focus").joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")
    return Spec(json.loads(text), source_text=text)


# --- formats -------------------------------------------------------------------------------


def _integer_format(bits: int) -> Any:
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

    def check(instance: object) -> bool:
        if isinstance(instance, bool) or not isinstance(instance, int | float):
            return True
        if isinstance(instance, float) and not instance.is_integer():
            return True  # not an integer at all: the `type` keyword reports it
        return bool(low <= instance <= high)

    return check


_FORMATS = jsonschema.FormatChecker()
_FORMATS.checks("int32")(_integer_format(32))
_FORMATS.checks("int64")(_integer_format(64))


# --- documents -----------------------------------------------------------------------------


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _at(document: Any, pointer: str) -> Any:
    node = document
    for raw in pointer.split("/")[1:] if pointer else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _pointer_of(operation: Operation, key: str, document: Any) -> str:
    """The pointer of an operation's `key` (requestBody), following a `$ref` there."""
    pointer = f"{operation.pointer}/{key}"
    node = _at(document, pointer)
    while isinstance(node, dict) and "$ref" in node:
        pointer = node["$ref"][1:]
        node = _at(document, pointer)
    return pointer


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            yield ref
        for key, value in node.items():
            if key not in _DATA_KEYS:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _collect_decisions(node: Any, pointer: str, found: list[Decision]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{_escape(str(key))}"
            if key == "x-decision":
                texts = value if isinstance(value, list) else [value]
                for index, text in enumerate(texts):
                    where = f"{here}/{index}" if isinstance(value, list) else here
                    found.append(Decision(where, " ".join(str(text).split())))
            elif key not in _DATA_KEYS:
                _collect_decisions(value, here, found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _collect_decisions(value, f"{pointer}/{index}", found)


def _absolute(node: Any) -> Any:
    """A copy of `node` whose internal `$ref`s name the spec's registry URI."""
    if isinstance(node, dict):
        copied = {key: _absolute(value) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            copied["$ref"] = f"{_BASE_URI}#{quote(ref[1:], safe='/~')}"
        return copied
    if isinstance(node, list):
        return [_absolute(value) for value in node]
    return node


def _registry(document: Mapping[str, Any]) -> Any:
    return Registry().with_resource(_BASE_URI, DRAFT202012.create_resource(document))


# --- strict mode: closing the schemas ------------------------------------------------------


class _Closer:
    """Closes every schema of an OpenAPI document in place (see the module docstring)."""

    def __init__(self, document: Any) -> None:
        self.root = document

    def _deref(self, schema: Any) -> Any:
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 32:
            schema = _at(self.root, schema["$ref"][1:])
            seen += 1
        return schema

    def document(self, node: Any, at_schemas: bool = False) -> None:
        """Close the schemas found under `node` (components.schemas and every `schema`)."""
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _DATA_KEYS or str(key).startswith("x-"):
                    continue
                if at_schemas or key == "schema":
                    self.schema(value)
                else:
                    self.document(value, at_schemas=key == "schemas")
        elif isinstance(node, list):
            for value in node:
                self.document(value)

    def schema(self, schema: Any, *, in_all_of: bool = False) -> None:
        """Close one schema and its subschemas."""
        if not isinstance(schema, dict):
            return
        for key in (*_ONE_SCHEMA, "additionalProperties", "unevaluatedProperties"):
            if isinstance(schema.get(key), dict):
                self.schema(schema[key])
        for key in _SCHEMA_LISTS:
            for member in schema.get(key, []):
                self.schema(member)
        for member in schema.get("allOf", []):
            self.schema(member, in_all_of=True)
        for key in _SCHEMA_MAPS:
            for member in (schema.get(key) or {}).values():
                self.schema(member)
        extensible = schema.get("x-extensible-enum")
        if isinstance(extensible, list) and "enum" not in schema:
            schema["enum"] = list(extensible)
        for key in ("anyOf", "oneOf"):
            members = schema.get(key)
            if isinstance(members, list):
                schema[key] = self._closed_union(members)
        open_keys = ("additionalProperties", "unevaluatedProperties", "patternProperties")
        composes = "properties" in schema or any(
            isinstance(m, dict) and ("properties" in m or "$ref" in m)
            for m in schema.get("allOf", [])
        )
        if composes and not in_all_of and not any(k in schema for k in open_keys):
            # `additionalProperties` sees only this schema's `properties` and is cheap; a
            # schema composed with others needs `unevaluatedProperties` (which sees theirs).
            composed = any(k in schema for k in ("allOf", "anyOf", "oneOf", "$ref", "if"))
            schema["unevaluatedProperties" if composed else "additionalProperties"] = False

    def _closed_union(self, members: list[Any]) -> list[Any]:
        """An open enum (listed values or any scalar of their type) as its listed values.

        Other unions are left alone: a `null` member stays, and so does any member that is
        neither a bare type nor a list of values (a timestamp format, an object).
        """
        listed = [m for m in members if self._lists_values(m)]
        bare = [m for m in members if _is_open(m)]
        if not listed or not bare:
            return members
        value_types = {
            _json_type(v)
            for m in listed
            for v in self._deref(m).get("enum", [self._deref(m).get("const")])
        }
        value_types |= {"number"} if "integer" in value_types else set()
        if not all(set(_types(m)) <= value_types for m in bare):
            return members
        return [m for m in members if m not in bare]

    def _lists_values(self, schema: Any) -> bool:
        target = self._deref(schema)
        return isinstance(target, dict) and ("enum" in target or "const" in target)


def _is_open(schema: Any) -> bool:
    """A bare, unconstrained scalar type (the open half of an open enum)."""
    if not isinstance(schema, dict) or "type" not in schema:
        return False
    if any(not k.startswith("x-") and k not in _OPEN_KEYS for k in schema):
        return False
    return all(t in ("string", "integer", "number") for t in _types(schema))


# --- values --------------------------------------------------------------------------------


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return [str(k) for k in kind]
    return [str(kind)] if isinstance(kind, str) else []


def _from_text(text: str, schema: Mapping[str, Any]) -> Any:
    """A parameter's text as the value its schema types it as; the text when it is not one
    (the schema's `type` then reports the mismatch)."""
    for kind in _types(schema):
        if kind == "integer" and _INT_TEXT.fullmatch(text):
            return int(text)
        if kind == "number" and _NUMBER_TEXT.fullmatch(text):
            number = float(text)
            return int(number) if _INT_TEXT.fullmatch(text) else number
        if kind == "boolean" and text in ("true", "false"):
            return text == "true"
        if kind == "string":
            return text
    return text


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _parse_json(body: bytes) -> tuple[Any, str | None]:
    """The parsed body, or None and the reason it is not JSON."""
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant), None
    except UnicodeDecodeError:
        return None, "malformed JSON body: not UTF-8"
    except ValueError as exc:
        return None, f"malformed JSON body: {exc}"


def _json_media(content: Mapping[str, Any]) -> str | None:
    for media in content:
        base = media.split(";")[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return str(media)
    return None


def _media_matches(media_type: str, content: Mapping[str, Any]) -> bool:
    for declared in content:
        base = declared.split(";")[0].strip().lower()
        if base in (media_type, "*/*") or (
            base.endswith("/*") and media_type.startswith(base[:-1])
        ):
            return True
    return False


def _response_key(responses: Mapping[str, Any], status: int) -> str | None:
    for key in (str(status), f"{str(status)[0]}XX", f"{str(status)[0]}xx", "default"):
        if key in responses:
            return key
    return None


# --- violations ----------------------------------------------------------------------------

_JSON_TYPES = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _join(prefix: str, parts: Iterable[object]) -> str:
    text = prefix
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.fullmatch(str(part)):
            text += f".{part}"
        else:
            text += "[" + json.dumps(str(part)) + "]"
    return text


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def shape_of(value: object, limit: int = 40) -> str | None:
    """A scalar's shape with its data masked: digits as 9, letters as x.

    `"2026-01-02"` is `"9999-99-99"`, `"ada@example.com"` is `"xxx@xxxxxxx.xxx"`, `12` is
    `99`, `true` is `true`; None for objects and arrays. A `T` or `Z` right after a digit
    stays (a date-time's separator and zone). Reports that may be shared show this, never
    the value: it tells a date-only or offset-less timestamp apart from a name without
    revealing either.
    """
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        text = json.dumps(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    masked: list[str] = []
    for index, char in enumerate(text[:limit]):
        if char.isdigit():
            masked.append("9")
        elif char in "TZ" and index and text[index - 1].isdigit():
            masked.append(char)
        elif char.isalpha():
            masked.append("x")
        else:
            masked.append(char if char.isascii() and char.isprintable() else "?")
    shape = "".join(masked) + ("..." if len(text) > limit else "")
    return json.dumps(shape) if isinstance(value, str) else shape


def _plural(count: object, word: str) -> str:
    if count == 1:
        return f"{count} {word}"
    return f"{count} " + (word[:-1] + "ies" if word.endswith("y") else word + "s")


def _violations(
    errors: Iterable[ValidationError], operation: str, location: str, prefix: str
) -> list[Violation]:
    found: list[Violation] = []
    for error in errors:
        found.extend(_from_error(error, operation, location, prefix))
    return found


def _from_error(
    error: ValidationError, operation: str, location: str, prefix: str
) -> list[Violation]:
    keyword = str(error.validator)
    value: Any = error.validator_value
    instance = error.instance
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    path = _join(prefix, error.absolute_path)

    def one(kind: str, message: str, where: str = path) -> list[Violation]:
        return [
            Violation(operation, kind, location, where, message, keyword, value, shape_of(instance))
        ]

    if keyword == "required" and isinstance(instance, dict):
        return [
            Violation(
                operation,
                "missing-required",
                location,
                _join(path, [name]),
                "required field is missing",
                keyword,
                name,
            )
            for name in value
            if name not in instance
        ]
    if keyword in ("unevaluatedProperties", "additionalProperties") and isinstance(instance, dict):
        declared = set(schema.get("properties", {}))
        for member in schema.get("allOf", []):
            if isinstance(member, dict):
                declared |= set(member.get("properties", {}))
        return [
            Violation(
                operation,
                "unknown-field",
                location,
                _join(path, [name]),
                "field is not declared in the spec",
                keyword,
                sorted(declared),
            )
            for name in instance
            if name not in declared
        ] or one("unknown-field", error.message)
    if keyword in ("anyOf", "oneOf") and error.context:
        # A value that fits no alternative: say why it fails the most telling one. An
        # alternative of listed values ("" for "not set": const, enum or maxLength 0) tells
        # least about a typed value, and so does one whose type the value does not have
        # (`null` beside an object): a Timestamp "yesterday" is a bad date-time, not a bad null.
        telling = [e for e in error.context if not _untelling(e)]
        if not telling and all(e.validator == "type" for e in error.context):
            types = [t for e in error.context for t in _listed(e.validator_value)]
            return one(
                "type-mismatch",
                f"expected {' or '.join(dict.fromkeys(types))}, got {_json_type(instance)}",
            )
        best = best_match(telling or error.context)
        if best is not None:
            return _from_error(best, operation, location, prefix)
    if keyword == "type":
        expected = " or ".join(value) if isinstance(value, list) else str(value)
        return one("type-mismatch", f"expected {expected}, got {_json_type(instance)}")
    if keyword == "enum":
        listed = ", ".join(_shown(v) for v in value)
        return one("unknown-enum-value", f"{_shown(instance)} is not one of {listed}")
    if keyword == "const":
        return one("unknown-enum-value", f"{_shown(instance)} is not {_shown(value)}")
    if keyword == "format":
        return one("format", f"not a valid {value}")
    messages = {
        "maximum": f"must be at most {value}",
        "minimum": f"must be at least {value}",
        "exclusiveMaximum": f"must be less than {value}",
        "exclusiveMinimum": f"must be greater than {value}",
        "maxLength": f"must have at most {_plural(value, 'character')}",
        "minLength": f"must have at least {_plural(value, 'character')}",
        "maxItems": f"must have at most {_plural(value, 'item')}",
        "minItems": f"must have at least {_plural(value, 'item')}",
        "maxProperties": f"must have at most {_plural(value, 'property')}",
        "minProperties": f"must have at least {_plural(value, 'property')}",
        "pattern": f"must match {value}",
        "uniqueItems": "items must be unique",
        "multipleOf": f"must be a multiple of {value}",
    }
    return one("constraint", messages.get(keyword, f"breaks {keyword} ({_shown(value)})"))


def _listed(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _untelling(error: ValidationError) -> bool:
    """Whether an alternative's error only says the value is not that alternative at all."""
    if error.validator in ("const", "enum"):
        return True
    if error.validator == "maxLength" and error.validator_value == 0:
        return True
    return error.validator == "type" and not error.relative_path


def _ordered(violations: list[Violation]) -> list[Violation]:
    """Violations without repeats, by location, then path."""
    unique = {(v.kind, v.location, v.path, v.message): v for v in violations}
    return sorted(
        unique.values(), key=lambda v: (_LOCATION_ORDER.get(v.location, 9), v.path, v.kind)
    )
