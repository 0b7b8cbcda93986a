"""Hand-written request validation for the fake server, following `openapi/focus.yaml`.

The spec file is not installed with the package, so its rules (types, minimum/maximum,
required fields, minItems, minProperties, enums, patterns) are restated here. Every violation
raises `ApiError`, which the router turns into a 400 in the spec's `Error` shape.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import Any, NoReturn
from urllib.parse import parse_qsl

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
_INT_TEXT = re.compile(r"-?[0-9]+")


class ApiError(Exception):
    """An HTTP error answer in the spec's `Error` shape."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str,
        values: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Describe the answer: status, machine code, human text and optional details."""
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description
        self.values = values
        self.headers = headers or {}


def invalid(description: str, **values: Any) -> NoReturn:
    """Raise a 400 `validation` error whose `error_values` are the keyword arguments."""
    raise ApiError(400, "validation", description, values or None)


class Query:
    """The query string of a request, with typed, validating accessors.

    Each accessor rejects a parameter given more than once (the wire format for lists is one
    comma-separated value); unknown parameters are ignored, as servers commonly do.
    """

    def __init__(self, raw: str) -> None:
        """Parse a raw (percent-encoded) query string."""
        self.raw = raw
        self.values: dict[str, list[str]] = {}
        for name, value in parse_qsl(raw, keep_blank_values=True):
            self.values.setdefault(name, []).append(value)

    def text(self, name: str, *, required: bool = False) -> str | None:
        """Return a parameter's single value, or None when absent."""
        values = self.values.get(name)
        if not values:
            if required:
                invalid(f"query parameter '{name}' is required", field=name)
            return None
        if len(values) > 1:
            invalid(
                f"query parameter '{name}' is given {len(values)} times; "
                "send it once (lists are comma-separated)",
                field=name,
            )
        return values[0]

    def integer(
        self,
        name: str,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
        required: bool = False,
    ) -> int | None:
        """Return an integer parameter, checking its range."""
        value = self.text(name, required=required)
        if value is None:
            return None
        number = parse_int_text(value, name)
        check_range(number, name, minimum, maximum)
        return number

    def boolean(self, name: str) -> bool | None:
        """Return a boolean parameter (`true` or `false`)."""
        value = self.text(name)
        if value is None:
            return None
        if value not in ("true", "false"):
            invalid(f"query parameter '{name}' must be true or false", field=name)
        return value == "true"

    def choice(self, name: str, choices: Sequence[str]) -> str | None:
        """Return a parameter that must be one of `choices`."""
        value = self.text(name)
        if value is not None and value not in choices:
            invalid(
                f"query parameter '{name}' must be one of {', '.join(choices)}",
                field=name,
                allowed=list(choices),
            )
        return value

    def integers(self, name: str) -> list[int] | None:
        """Return a comma-separated list of integers; an empty value is an empty list."""
        value = self.text(name)
        if value is None:
            return None
        if value == "":
            return []
        numbers = []
        for item in value.split(","):
            if not _INT_TEXT.fullmatch(item):
                invalid(
                    f"query parameter '{name}' must be a comma-separated list of integers",
                    field=name,
                )
            numbers.append(parse_int_text(item, name))
        return numbers

    def strings(self, name: str) -> list[str] | None:
        """Return a comma-separated list of strings; an empty value is an empty list."""
        value = self.text(name)
        if value is None:
            return None
        return value.split(",") if value else []


def parse_int_text(value: str, name: str) -> int:
    """Parse a decimal int64 written in a path or query parameter."""
    if not _INT_TEXT.fullmatch(value):
        invalid(f"parameter '{name}' must be an integer", field=name)
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        invalid(f"parameter '{name}' is out of the int64 range", field=name)
    return number


def check_range(number: float, name: str, minimum: float | None, maximum: float | None) -> None:
    """Reject a number outside [minimum, maximum]."""
    if minimum is not None and number < minimum:
        invalid(f"'{name}' must be at least {minimum}", field=name, min=minimum)
    if maximum is not None and number > maximum:
        invalid(f"'{name}' must be at most {maximum}", field=name, max=maximum)


def _reject_constant(name: str) -> NoReturn:
    """Reject NaN and Infinity, which Python would otherwise parse."""
    invalid(f"malformed JSON body: {name} is not JSON")


def parse_json(body: bytes) -> Any:
    """Parse a required JSON request body."""
    if not body.strip():
        invalid("a JSON request body is required")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        invalid(f"malformed JSON body: {exc}")


def as_object(value: Any, where: str) -> dict[str, Any]:
    """Require a JSON object."""
    if not isinstance(value, dict):
        invalid(f"{where} must be a JSON object", field=where)
    return value


def as_array(value: Any, where: str, *, min_items: int = 0) -> list[Any]:
    """Require a JSON array with at least `min_items` items."""
    if not isinstance(value, list):
        invalid(f"{where} must be a JSON array", field=where)
    if len(value) < min_items:
        invalid(f"{where} must have at least {min_items} item(s)", field=where, min=min_items)
    return value


def as_int(
    value: Any, where: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Require a JSON integer in the int64 range (an integral number such as 1.0 counts)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        invalid(f"{where} must be an integer", field=where)
    if isinstance(value, float) and not value.is_integer():
        invalid(f"{where} must be an integer", field=where)
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        invalid(f"{where} is out of the int64 range", field=where)
    check_range(number, where, minimum, maximum)
    return number


def as_number(value: Any, where: str, *, minimum: float, maximum: float) -> float | int:
    """Require a finite JSON number within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        invalid(f"{where} must be a number", field=where)
    if isinstance(value, float) and not math.isfinite(value):
        invalid(f"{where} must be a finite number", field=where)
    check_range(value, where, minimum, maximum)
    return value


def as_str(value: Any, where: str, *, min_length: int = 0) -> str:
    """Require a JSON string of at least `min_length` characters."""
    if not isinstance(value, str):
        invalid(f"{where} must be a string", field=where)
    if len(value) < min_length:
        invalid(f"{where} must not be empty", field=where, min_length=min_length)
    return value


def as_int_list(value: Any, where: str) -> list[int]:
    """Require a JSON array of integers."""
    return [as_int(item, f"{where}[{i}]") for i, item in enumerate(as_array(value, where))]


def ghost_fields(item: dict[str, Any], where: str, *, name_required: bool) -> dict[str, Any]:
    """Validate the fields shared by `GhostCreate`, `GhostUpdate` and `GhostBulkUpdate`."""
    fields: dict[str, Any] = {}
    if "name" in item:
        fields["name"] = as_str(item["name"], f"{where}.name", min_length=1)
    elif name_required:
        invalid(f"{where}.name is required", field=f"{where}.name")
    if "description" in item:
        fields["description"] = as_str(item["description"], f"{where}.description")
    for key in ("assign_projects", "assign_tasks", "assign_teams"):
        if key in item:
            fields[key] = as_int_list(item[key], f"{where}.{key}")
    return fields


def assign_action(item: dict[str, Any], where: str) -> str | None:
    """Validate the optional `assign_action` enum."""
    if "assign_action" not in item:
        return None
    action = item["assign_action"]
    if action not in ("add", "remove", "replace"):
        invalid(
            f"{where}.assign_action must be one of add, remove, replace",
            field=f"{where}.assign_action",
            allowed=["add", "remove", "replace"],
        )
    return str(action)
