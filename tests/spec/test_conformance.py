"""toggl_focus.testing._conformance: requests and responses checked against an OpenAPI 3.1 spec."""

from __future__ import annotations

import json
from typing import Any

import pytest

from toggl_focus.testing._conformance import Spec, Violation

ITEM = "/things/{thing_id}"


def _spec(**extra_schemas: Any) -> Spec:
    """A small document exercising what the Focus spec uses (and a little more)."""
    return Spec(
        {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/things": {
                    "get": {
                        "operationId": "list_things",
                        "x-decision": "Pages start at 1.",
                        "parameters": [
                            {"name": "page", "in": "query", "schema": {"type": "integer"}},
                            {
                                "name": "rows",
                                "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                            },
                            {"$ref": "#/components/parameters/Ids"},
                            {
                                "name": "tag",
                                "in": "query",
                                "explode": True,
                                "schema": {"type": "array", "items": {"type": "string"}},
                            },
                            {"name": "on", "in": "query", "schema": {"type": "boolean"}},
                            {
                                "name": "kind",
                                "in": "query",
                                "required": True,
                                "schema": {"$ref": "#/components/schemas/Kind"},
                            },
                        ],
                        "responses": {
                            "200": {
                                "description": "ok",
                                "headers": {
                                    "X-Toggl-Quota-Remaining": {
                                        "schema": {"type": "integer", "minimum": 0}
                                    },
                                    "X-Required": {"required": True, "schema": {"type": "string"}},
                                },
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Thing"},
                                        }
                                    }
                                },
                            },
                            "4XX": {"$ref": "#/components/responses/Error"},
                        },
                    },
                    "post": {
                        "operationId": "create_thing",
                        "requestBody": {
                            "required": True,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        },
                        "responses": {"204": {"description": "done"}},
                    },
                },
                "/things/special": {
                    "get": {"operationId": "special", "responses": {"200": {"description": "x"}}}
                },
                ITEM: {
                    "parameters": [
                        {
                            "name": "thing_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "format": "int64"},
                        }
                    ],
                    "x-decision": "thing ids are account ids",
                    "get": {
                        "operationId": "get_thing",
                        "responses": {"default": {"$ref": "#/components/responses/Error"}},
                    },
                    "delete": {
                        "operationId": "delete_thing",
                        "x-decision": "a delete is idempotent",
                        "responses": {"204": {"description": "gone"}},
                    },
                },
            },
            "components": {
                "parameters": {
                    "Ids": {
                        "name": "ids",
                        "in": "query",
                        "style": "form",
                        "explode": False,
                        "schema": {
                            "type": "array",
                            "items": {"type": "integer", "format": "int64"},
                        },
                    }
                },
                "responses": {
                    "Error": {
                        "description": "error",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    }
                },
                "schemas": {
                    "Kind": {"type": "string", "enum": ["a", "b"]},
                    "Thing": {
                        "type": "object",
                        "required": ["id", "name"],
                        "x-decision": "name is required",
                        "properties": {
                            "id": {"type": "integer", "format": "int64"},
                            "name": {"type": "string", "minLength": 1},
                            "role": {
                                "anyOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "string"}]
                            },
                            "level": {"type": "string", "x-extensible-enum": ["low", "high"]},
                            "at": {
                                "anyOf": [
                                    {"type": "string", "format": "date-time"},
                                    {"const": ""},
                                ]
                            },
                            "meta": {"type": "object", "additionalProperties": True},
                            "tags": {"type": ["array", "null"], "items": {"type": "string"}},
                        },
                        "example": {"id": 1, "name": "x", "x-decision": "not a marker"},
                    },
                    "Error": {
                        "type": "object",
                        "required": ["error"],
                        "properties": {"error": {"type": "string"}},
                    },
                    **extra_schemas,
                },
            },
        }
    )


def _request(spec: Spec, query: str, **kwargs: Any) -> list[Violation]:
    return list(spec.check_request("list_things", path_params={}, query=query, **kwargs).violations)


def _kinds(violations: list[Violation]) -> set[tuple[str, str]]:
    return {(v.kind, v.field) for v in violations}


# --- requests ------------------------------------------------------------------------------


def test_parameters_are_read_by_their_schema_and_style() -> None:
    checked = _spec().check_request(
        "list_things", path_params={}, query="page=2&ids=1,2&tag=x&tag=y&on=true&kind=a&other=1"
    )
    assert checked.violations == ()
    assert checked.query == {
        "page": 2,
        "ids": [1, 2],
        "tag": ["x", "y"],
        "on": True,
        "kind": "a",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=a&rows=101", {("constraint", "rows")}),
        ("kind=a&rows=0", {("constraint", "rows")}),
        ("kind=a&page=1.5", {("type-mismatch", "page")}),
        ("kind=a&page=", {("type-mismatch", "page")}),
        ("kind=a&on=yes", {("type-mismatch", "on")}),
        ("kind=c", {("unknown-enum-value", "kind")}),
        ("", {("missing-parameter", "kind")}),
        ("kind=a&ids=1,,2", {("type-mismatch", "ids[1]")}),
        ("kind=a&ids=1,%202", {("type-mismatch", "ids[1]")}),
        ("kind=a&ids=9223372036854775808", {("format", "ids[0]")}),
        ("kind=a&ids=1&ids=2", {("repeated-parameter", "ids")}),
        ("kind=a&page=1&page=2", {("repeated-parameter", "page")}),
    ],
)
def test_bad_parameters(query: str, expected: set[tuple[str, str]]) -> None:
    assert _kinds(_request(_spec(), query)) == expected


def test_error_values_come_from_the_spec() -> None:
    (violation,) = _request(_spec(), "kind=a&rows=101")
    assert (violation.keyword, violation.expected) == ("maximum", 100)
    assert violation.message == "must be at most 100"
    (repeated,) = _request(_spec(), "kind=a&ids=1&ids=2")
    assert "lists are comma-separated" in repeated.message


def test_strict_requests_report_undeclared_parameters_and_fields() -> None:
    spec = _spec()
    assert _request(spec, "kind=a&other=1") == []
    assert _kinds(_request(spec, "kind=a&other=1", strict=True)) == {
        ("undeclared-parameter", "other")
    }
    body = b'{"id": 1, "name": "x", "colour": "red"}'
    lenient = spec.check_request("create_thing", path_params={}, body=body)
    strict = spec.check_request("create_thing", path_params={}, body=body, strict=True)
    assert lenient.violations == () and lenient.body["colour"] == "red"
    assert _kinds(list(strict.violations)) == {("unknown-field", "body.colour")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", {("missing-body", "body")}),
        (b"{", {("invalid-json", "body")}),
        (b'{"id": NaN, "name": "x"}', {("invalid-json", "body")}),
        (b"\xff", {("invalid-json", "body")}),
        (b'{"name": ""}', {("missing-required", "body.id"), ("constraint", "body.name")}),
        (b'{"id": true, "name": "x"}', {("type-mismatch", "body.id")}),
        (b'{"id": 1.0, "name": "x"}', set()),  # an integral number is an integer
        (b'{"id": 1, "name": "x", "tags": null}', set()),
        (b'{"id": 1, "name": "x", "tags": [1]}', {("type-mismatch", "body.tags[0]")}),
    ],
)
def test_bodies(body: bytes, expected: set[tuple[str, str]]) -> None:
    checked = _spec().check_request("create_thing", path_params={}, body=body)
    assert _kinds(list(checked.violations)) == expected


def test_path_parameters() -> None:
    spec = _spec()
    ok = spec.check_request("get_thing", path_params={"thing_id": "12"})
    assert ok.path == {"thing_id": 12} and ok.violations == ()
    bad = spec.check_request("get_thing", path_params={"thing_id": "x"})
    assert _kinds(list(bad.violations)) == {("type-mismatch", "thing_id")}


def test_routes_prefer_literal_segments() -> None:
    spec = _spec()
    special = spec.route("/things/special")
    assert special is not None and list(special.operations) == ["GET"]
    assert special.operations["GET"].id == "special"
    item = spec.route("/things/7")
    assert item is not None and item.params == {"thing_id": "7"}
    assert sorted(item.operations) == ["DELETE", "GET"]
    assert spec.route("/things/7/more") is None
    assert spec.operation("get_thing").url(thing_id="a/b") == "/things/a%2Fb"


# --- responses -----------------------------------------------------------------------------

JSON = {"Content-Type": "application/json", "X-Required": "1"}


def _response(spec: Spec, status: int, payload: Any, headers: Any = JSON, **kw: Any) -> Any:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    found = spec.check_response("list_things", status=status, headers=headers, body=body, **kw)
    return _kinds(found)


def test_a_conforming_answer_has_no_violation() -> None:
    thing = {"id": 1, "name": "x", "role": "a", "level": "low", "at": "", "meta": {"any": 1}}
    headers = {**JSON, "X-Toggl-Quota-Remaining": "3"}
    assert (
        _response(_spec(), 200, [thing, {**thing, "at": "2026-01-01T00:00:00Z"}], headers) == set()
    )


def test_strict_answers_report_unknown_fields_and_enum_values() -> None:
    spec = _spec()
    thing = {"id": 1, "name": "x", "role": "c", "level": "mid", "colour": 1, "meta": {"z": 1}}
    assert _response(spec, 200, [thing]) == {
        ("unknown-enum-value", "body[0].role"),
        ("unknown-enum-value", "body[0].level"),
        ("unknown-field", "body[0].colour"),
    }
    assert _response(spec, 200, [thing], strict=False) == set()


def test_answer_shapes() -> None:
    spec = _spec()
    assert _response(spec, 200, [{"id": "1", "at": "yesterday"}]) == {
        ("type-mismatch", "body[0].id"),
        ("missing-required", "body[0].name"),
        ("format", "body[0].at"),
    }
    assert _response(spec, 200, b"", JSON) == {("missing-body", "body")}
    assert _response(spec, 200, b"<html>", {**JSON, "Content-Type": "text/html"}) == {
        ("content-type", "Content-Type"),
        ("invalid-json", "body"),
    }
    headers = {"Content-Type": "application/json", "X-Toggl-Quota-Remaining": "-1", "X-Toggl-X": ""}
    assert _response(spec, 200, [], headers) == {
        ("missing-header", "X-Required"),
        ("constraint", "X-Toggl-Quota-Remaining"),
        ("undocumented-header", "x-toggl-x"),
    }


def test_statuses() -> None:
    spec = _spec()
    assert _response(spec, 404, {"error": "not_found"}) == set()  # 4XX
    assert _response(spec, 404, {"message": "x"}) == {
        ("missing-required", "body.error"),
        ("unknown-field", "body.message"),
    }
    assert _response(spec, 500, {"error": "x"}) == {("unexpected-status", "status")}
    found = spec.check_response("get_thing", status=503, headers=JSON, body=b'{"error": "x"}')
    assert found == []  # default
    created = spec.check_response("create_thing", status=204, headers={}, body=b"")
    assert created == []
    body = spec.check_response("create_thing", status=204, headers={}, body=b'{"ok": true}')
    assert _kinds(body) == {("undocumented-body", "body")}


# --- decisions -----------------------------------------------------------------------------


def test_decisions_are_listed_by_pointer_outside_examples() -> None:
    decisions = _spec().decisions()
    assert [d.pointer for d in decisions] == [
        "/paths/~1things/get/x-decision",
        "/paths/~1things~1{thing_id}/x-decision",
        "/paths/~1things~1{thing_id}/delete/x-decision",
        "/components/schemas/Thing/x-decision",
    ]


def test_scope_follows_references_and_leaves_out_sibling_methods() -> None:
    scope = set(_spec().scope("get_thing"))
    assert "/paths/~1things~1{thing_id}/get" in scope
    assert "/paths/~1things~1{thing_id}/x-decision" in scope
    assert "/components/responses/Error" in scope and "/components/schemas/Error" in scope
    assert "/paths/~1things~1{thing_id}/delete" not in scope
    assert "/components/schemas/Thing" not in scope
    assert "/components/schemas/Kind" in set(_spec().scope("list_things"))


# --- the shipped spec ----------------------------------------------------------------------


def test_the_shipped_spec_serves_all_operations() -> None:
    spec = Spec.shipped()
    assert len(spec.operations) == 23
    assert spec is Spec.shipped()  # loaded once


def _schema_examples(spec: Spec) -> list[tuple[str, Any]]:
    schemas = spec.document["components"]["schemas"]
    return [(name, schema["example"]) for name, schema in schemas.items() if "example" in schema]


def test_the_shipped_specs_own_examples_conform_strictly() -> None:
    """Each component example validates against its (closed) schema: the strict mode does
    not reject what the spec itself shows."""
    spec = Spec.shipped()
    examples = _schema_examples(spec)
    assert len(examples) > 20
    for name, example in examples:
        validator = spec._validator(True, f"/components/schemas/{name}")
        assert [e.message for e in validator.iter_errors(example)] == [], name


@pytest.mark.parametrize(
    ("patch", "kind", "field", "message"),
    [
        ({"created_at": "yesterday"}, "format", "body.created_at", "not a valid date-time"),
        ({"created_at": 5}, "type-mismatch", "body.created_at",
         "expected string or null, got integer"),
        ({"assigned": 5}, "type-mismatch", "body.assigned", "expected object or null, got integer"),
        ({"assigned": {"team_ids": "41"}}, "type-mismatch", "body.assigned.team_ids",
         "expected array or null, got string"),
    ],
)  # fmt: skip
def test_a_value_no_alternative_accepts_is_told_by_the_telling_one(
    patch: dict[str, Any], kind: str, field: str, message: str
) -> None:
    """The shipped spec's unions: a Timestamp is a date-time, "" or null, and a nullable
    object is the object or null. A bad value is reported against the alternative it was
    meant to be, not against the "" or null one it obviously is not."""
    body = json.dumps({"id": 1001, **patch}).encode()
    found = Spec.shipped().check_response(
        "get_ghost", status=200, headers={"Content-Type": "application/json"}, body=body
    )
    assert [(v.kind, v.field, v.message) for v in found] == [(kind, field, message)]
