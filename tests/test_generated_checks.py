"""The type checks the codegen templates put into every model's from_dict.

focus.yaml has no required non-nullable date-time, no array of date-times and no union of
several types (its required nullable date-times, such as WorkingHours.created_at, are tested in
tests/faults/test_bad_input.py), so the checks for those are tested on a small spec of their
own, generated here with the project's own config and templates (scripts/codegen/generate.sh).
The helpers of toggl_focus_api.types are tested directly for what JSON bodies rarely carry.
"""

from __future__ import annotations

import enum
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import toggl_focus_api.types
from toggl_focus_api.types import (
    UNSET,
    expect_datetime,
    expect_int,
    expect_items,
    expect_number,
    expect_str,
    tolerant_datetime,
)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "kinds_api"  # the generated package, renamed so as not to shadow toggl_focus_api

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Kinds", "version": "1.0.0"},
    "paths": {
        "/kinds": {
            "get": {
                "operationId": "get_kinds",
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Kinds"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Inner": {
                "type": "object",
                "required": ["n"],
                "properties": {"n": {"type": "integer"}},
            },
            "Kinds": {
                "type": "object",
                "required": ["r_int", "r_dt", "r_null_int", "r_null_dt", "r_dts"],
                "properties": {
                    "r_int": {"type": "integer"},
                    "r_dt": {"type": "string", "format": "date-time"},
                    "r_null_int": {"type": ["integer", "null"]},
                    "r_null_dt": {"type": ["string", "null"], "format": "date-time"},
                    "r_dts": {"type": "array", "items": {"type": "string", "format": "date-time"}},
                    "o_null_str": {"type": ["string", "null"]},
                    "o_null_bool": {"type": ["boolean", "null"]},
                    "o_anys": {"type": "array", "items": {}},
                    "o_null_inner": {
                        "oneOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]
                    },
                    "o_null_ints": {"type": ["array", "null"], "items": {"type": "integer"}},
                    "o_int_or_str": {"type": ["integer", "string"]},
                    "o_any": {},
                },
            },
        }
    },
}

WHEN = "2026-03-02T09:15:00Z"
MOMENT = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
VALID = {"r_int": 1, "r_dt": WHEN, "r_null_int": None, "r_null_dt": None, "r_dts": []}


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The `Kinds` model class, generated from SPEC with the project's codegen."""
    work = tmp_path_factory.mktemp("codegen")
    spec = work / "kinds.json"
    spec.write_text(json.dumps(SPEC))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(
        [str(ROOT / "scripts/codegen/generate.sh"), str(spec), str(work / "toggl_focus_api")],
        check=True,
        capture_output=True,
        env=env,
    )
    (work / "toggl_focus_api").rename(work / PACKAGE)
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(f"{PACKAGE}.models.kinds")
    finally:
        sys.path.remove(str(work))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_well_typed_documents_parse(kinds: ModuleType) -> None:
    document = {
        "r_int": 7,
        "r_dt": "2026-03-02T09:15:00",  # no offset: UTC
        "r_null_int": 3,
        "r_null_dt": "",  # "" is null in a nullable date-time, required or not
        "r_dts": [WHEN, "2026-03-02T10:15:00+01:00"],
        "o_null_str": None,
        "o_null_bool": False,
        "o_anys": [1, "x", None],
        "o_null_inner": {"n": 1},
        "o_null_ints": [1, 2],
        "o_int_or_str": "seven",
        "o_any": {"anything": [1.5]},
    }
    model = kinds.Kinds.from_dict(document)
    assert (model.r_int, model.r_null_int, model.r_null_dt) == (7, 3, None)
    assert model.r_dt == MOMENT and model.r_dt.tzinfo is not None
    assert model.r_dts == [MOMENT, MOMENT] and all(d.tzinfo for d in model.r_dts)
    assert (model.o_null_str, model.o_null_bool, model.o_anys) == (None, False, [1, "x", None])
    assert model.o_null_inner.n == 1 and model.o_null_ints == [1, 2]
    assert (model.o_int_or_str, model.o_any) == ("seven", {"anything": [1.5]})
    assert kinds.Kinds.from_dict({**VALID, "o_int_or_str": 7}).o_int_or_str == 7
    empty = kinds.Kinds.from_dict(VALID)
    unset = sys.modules[f"{PACKAGE}.types"].UNSET
    assert empty.o_null_inner is unset and empty.o_null_ints is unset and empty.o_any is unset


@pytest.mark.parametrize(
    ("patch", "cause", "message"),
    [
        ({"r_int": True}, TypeError, "Kinds.r_int: expected integer, got bool True"),
        # a required date-time: the same rule; null and "" cannot mean "not set" there
        ({"r_dt": "not-a-date"}, ValueError,
         "Kinds.r_dt: expected an RFC 3339 date-time, got str 'not-a-date'"),
        ({"r_dt": "2026-02-30T09:15:00Z"}, ValueError,
         "Kinds.r_dt: invalid date-time str '2026-02-30T09:15:00Z': day is out of range for month"),
        ({"r_dt": ""}, ValueError, "Kinds.r_dt: expected an RFC 3339 date-time, got str ''"),
        ({"r_dt": None}, TypeError, "Kinds.r_dt: expected an RFC 3339 date-time string, got null"),
        ({"r_null_int": "3"}, TypeError, "Kinds.r_null_int: expected integer, got str '3'"),
        ({"r_null_dt": 7}, TypeError,  # tolerated text must still be text
         "Kinds.r_null_dt: expected an RFC 3339 date-time string, got int 7"),
        ({"r_dts": [WHEN, "2026-03-02"]}, ValueError,
         "Kinds.r_dts[1]: expected an RFC 3339 date-time, got str '2026-03-02'"),
        ({"r_dts": WHEN}, TypeError, f"Kinds.r_dts: expected array, got str '{WHEN}'"),
        ({"o_null_str": 5}, TypeError, "Kinds.o_null_str: expected string, got int 5"),
        ({"o_null_bool": "false"}, TypeError,
         "Kinds.o_null_bool: expected boolean, got str 'false'"),
        ({"o_anys": {"a": 1}}, TypeError, "Kinds.o_anys: expected array, got dict with 1 key(s)"),
        ({"o_null_inner": "x"}, TypeError, "Kinds.o_null_inner: expected Inner | None, got str"),
        ({"o_null_ints": "12"}, TypeError,
         "Kinds.o_null_ints: expected list[int] | None, got str"),
        ({"o_int_or_str": 1.5}, TypeError, "Kinds.o_int_or_str: expected string, got float 1.5"),
        ({"o_int_or_str": True}, TypeError, "Kinds.o_int_or_str: expected string, got bool True"),
    ],
)  # fmt: skip
def test_mistyped_documents_raise_naming_the_field(
    kinds: ModuleType, patch: dict[str, Any], cause: type[Exception], message: str
) -> None:
    with pytest.raises(cause) as info:
        kinds.Kinds.from_dict({**VALID, **patch})
    assert type(info.value) is cause and str(info.value) == message


def test_date_time_text_that_is_not_rfc3339_is_kept_where_it_can_be(
    kinds: ModuleType, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A required nullable date-time keeps the text (the field None, to_dict gives it back);
    a required non-nullable one and an array of them have no "not set" and stay strict
    (test_mistyped_documents_raise_naming_the_field)."""
    monkeypatch.setattr(sys.modules[f"{PACKAGE}.types"], "_WARNED", set())
    document = {**VALID, "r_null_dt": "yesterday"}
    model = kinds.Kinds.from_dict(document)
    assert model.r_null_dt is None and model.additional_properties == {"r_null_dt": "yesterday"}
    assert model.to_dict()["r_null_dt"] == "yesterday"
    assert kinds.Kinds.from_dict(model.to_dict()) == model  # the text survives a round trip
    again = kinds.Kinds.from_json(model.to_json())
    assert again.r_null_dt is None and again["r_null_dt"] == "yesterday"
    warned = [r.getMessage() for r in caplog.records if r.name == "toggl_focus.models"]
    assert warned == [
        "Kinds.r_null_dt: not an RFC 3339 date-time (shape 'xxxtxxxxx'); kept as text in "
        "additional_properties['r_null_dt'], the field read as not set (logged once per field)"
    ]


def test_tolerant_datetime_directly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(toggl_focus_api.types, "_WARNED", set())
    kept: dict[str, Any] = {}
    assert tolerant_datetime(WHEN, "M.f", kept, "f", UNSET) == MOMENT and kept == {}
    # what parses today parses the same: long fractions; an offset without its colon does not
    long = "2026-03-02T09:15:00.123456789Z"
    assert tolerant_datetime(long, "M.f", kept, "f", UNSET) == expect_datetime(long, "M.f")
    assert tolerant_datetime("2026-03-02T09:15:00+0200", "M.f", kept, "f", None) is None
    assert tolerant_datetime("2026-03-02", "M.f", kept, "f", UNSET) is UNSET
    assert kept == {"f": "2026-03-02"}
    assert tolerant_datetime("2026-03-02", "M.g", kept, "g", UNSET) is UNSET
    with pytest.raises(TypeError, match=r"^M\.f: expected an RFC 3339 date-time string, got"):
        tolerant_datetime(None, "M.f", kept, "f", UNSET)
    models = [r for r in caplog.records if r.name == "toggl_focus.models"]
    fields = [r.getMessage().split(":")[0] for r in models]
    assert fields == ["M.f", "M.g"]  # once per field: the second M.f is silent
    assert "(shape '9999-99-99T99:99:99+9999')" in models[0].getMessage()  # never the text


def test_an_item_of_a_nullable_array_is_checked(kinds: ModuleType) -> None:
    """Named as the document names the field, not after the generator's union member."""
    with pytest.raises(TypeError) as info:
        kinds.Kinds.from_dict({**VALID, "o_null_ints": [1, "2"]})
    assert str(info.value) == "Kinds.o_null_ints[1]: expected integer, got str '2'"


# --- the helpers, directly ----------------------------------------------------------------


class Code(enum.IntEnum):
    ONE = 1


def test_int_and_number_subclasses_and_huge_integers() -> None:
    assert expect_int(Code.ONE, "M.f") is Code.ONE  # an int subclass is an int
    assert expect_number(10**400, "M.f") == 10**400  # no float conversion, so no overflow
    assert expect_number(-0.0, "M.f") == 0.0
    with pytest.raises(TypeError, match=r"^M\.f: expected number, got bool False$"):
        expect_number(False, "M.f")


def test_date_time_fractions_of_any_length_and_case() -> None:
    long = "2026-03-02T09:15:00.123456789012Z"  # longer than the common shapes: the regex path
    assert expect_datetime(long, "M.f") == MOMENT.replace(microsecond=123456)
    assert expect_datetime("2026-03-02T09:15:00.1z", "M.f") == MOMENT.replace(microsecond=100000)
    with pytest.raises(ValueError, match=r"^M\.f: expected an RFC 3339 date-time, got str"):
        expect_datetime("2026-03-02T09:15:00.Z", "M.f")  # a dot needs digits
    with pytest.raises(ValueError, match=r"^M\.f: expected an RFC 3339 date-time, got str"):
        expect_datetime("\uff12\uff10\uff12\uff16-03-02T09:15:00Z", "M.f")  # fullwidth digits


def test_items_name_the_first_bad_index() -> None:
    assert expect_items(["a", "b"], expect_str, "M.f") == ["a", "b"]
    with pytest.raises(TypeError, match=r"^M\.f\[2\]: expected string, got null$"):
        expect_items(["a", "b", None, 4], expect_str, "M.f")
