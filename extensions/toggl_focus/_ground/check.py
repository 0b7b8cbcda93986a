"""Argument checkers: turn a caller's mistake into a FocusConfigError before any request.

Every resource method (sync and async share these; there is one implementation of each
check) and the embody workflow run their arguments through here first, so a wrong type or
value never reaches the generated code, never escapes as a builtin error, and never costs
a request. Each message names the argument (down to a list index and field) and says what
was given, through `given`, which never shows a string that could be the API token.

Limits not expressible in the generated types come from the spec (openapi/focus.yaml, which
takes them from Toggl's published spec): ids are positive int64 values, names are non-empty,
and in a working-hours entry sent to the API `weekday` is 0..6 and `working_hours` 0..168
(`_RANGES`; the spec bounds these inputs only, answers carry no bound). Only what a request
model requires is required (`body` reads the generated model's fields): a new working-hours
entry needs only `working_hours`, a change only `working_hour_id` and `working_hours`;
`weekday` is optional in both, although callers should send it in a change (the spec's
WorkingHoursUpdate: without it the entry may move to Sunday). `custom_field_filter` builds
`list_users`' `cf_filter` text.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from toggl_focus_api.types import UNSET, Unset

from ..errors import FocusConfigError

E = TypeVar("E", bound=enum.Enum)
M = TypeVar("M")
R = TypeVar("R")

_INT64_MAX = 2**63 - 1
_SHOWN_CHARS = 24  # API tokens are longer: a longer string is described, not shown
_SECRET_PREFIX = "toggl_sk"
#: Numeric body fields that are not ids: their inclusive range.
_RANGES: dict[str, tuple[int, int]] = {"weekday": (0, 6), "working_hours": (0, 168)}
#: String body fields the spec gives `minLength: 1`.
_NON_EMPTY = frozenset({"name"})
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def given(value: object) -> str:
    """What the caller passed, for a message: short and never a possible token.

    Numbers, None and short strings are shown as written; a string longer than a few
    words, or one that starts like an API key, is described by its length only; any
    other object by its type (its repr could hold anything, a token included).
    """
    if value is None or isinstance(value, bool | int | float | enum.Enum):
        text = repr(value)
        return text if len(text) <= 40 else f"an int of {len(text)} digits"
    if isinstance(value, str):
        if len(value) > _SHOWN_CHARS or value.strip().lower().startswith(_SECRET_PREFIX):
            return f"a str of {len(value)} characters (not shown)"
        return repr(value)
    return f"a {type(value).__name__}"


def _fail(
    name: str, wanted: str, value: object, error: type[FocusConfigError] = FocusConfigError
) -> FocusConfigError:
    return error(f"{name} must be {wanted}, got {given(value)}")


# --- scalars ------------------------------------------------------------------------------


def positive_id(
    name: str, value: object, *, error: type[FocusConfigError] = FocusConfigError
) -> int:
    """An id: an int (not a bool), 1 or more and within int64."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _fail(name, "a positive integer", value, error)
    if value > _INT64_MAX:
        raise _fail(name, "a positive integer below 2**63", value, error)
    return value


def integer(name: str, value: object, low: int, high: int) -> int:
    """An int (not a bool) from `low` to `high` inclusive."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(name, f"an integer from {low} to {high}", value)
    return value


def number(name: str, value: object, low: float, high: float) -> float:
    """An int or float (not a bool, not NaN) from `low` to `high` inclusive."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or math.isnan(value)
        or not low <= value <= high
    ):
        raise _fail(name, f"a number from {low:g} to {high:g}", value)
    return value


def text(name: str, value: object, *, non_empty: bool = False) -> str:
    """A str; with `non_empty`, one with something besides whitespace."""
    if not isinstance(value, str):
        raise _fail(name, "a str", value)
    if non_empty and not value.strip():
        raise _fail(name, "a non-empty str", value)
    return value


def non_empty(name: str, value: object) -> str:
    """A str with something besides whitespace (a name: the spec's minLength 1)."""
    return text(name, value, non_empty=True)


def custom_field_filter(name: str, value: object) -> str:
    """`cf_filter` of `list_users`: comma-separated `fieldID:value` pairs, all of which a user
    must match. Given as a mapping `{custom_field_id: value}` (ids positive, values strs
    without a comma, which the format cannot carry), or as that text already joined.
    """
    if isinstance(value, str):
        return text(name, value, non_empty=True)
    if not isinstance(value, Mapping) or not value:
        wanted = "a non-empty mapping {custom_field_id: value} or 'id:value,...' text"
        raise _fail(name, wanted, value)
    pairs = []
    for field_id, wanted_value in value.items():
        checked = positive_id(f"{name} key", field_id)
        if not isinstance(wanted_value, str) or "," in wanted_value:
            raise _fail(f"{name}[{checked}]", "a str without a comma", wanted_value)
        pairs.append(f"{checked}:{wanted_value}")
    return ",".join(pairs)


def flag(name: str, value: object) -> bool:
    """True or False (not 0, 1 or "true")."""
    if not isinstance(value, bool):
        raise _fail(name, "True or False", value)
    return value


def one_of(name: str, value: object, allowed: Collection[str]) -> str:
    """One of the `allowed` strings (an enum member of the same value counts)."""
    if not isinstance(value, str) or value not in allowed:
        listed = ", ".join(repr(str(a)) for a in allowed)
        raise _fail(name, f"one of {listed}", value)
    return str(value)


def choice(name: str, value: object, kind: type[E]) -> E:
    """A member of the generated enum `kind`, given as the member or its string value."""
    if isinstance(value, kind):
        return value
    return kind(one_of(name, value, [str(member.value) for member in kind]))


def email(name: str, value: object) -> str:
    """An email address (something@domain.tld), without surrounding spaces."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value.strip()):
        raise _fail(name, "an email address like ada@example.com", value)
    return value.strip()


# --- collections --------------------------------------------------------------------------


def _items(name: str, values: object, wanted: str) -> list[object]:
    """The items of an iterable that is not a str, bytes or mapping (a common slip)."""
    if isinstance(values, str | bytes | bytearray | Mapping) or not isinstance(values, Iterable):
        raise _fail(name, wanted, values)
    return list(values)


def ids(name: str, values: object) -> list[int]:
    """An iterable (list, tuple, set, generator) of ids, as a list; not a str."""
    items = _items(name, values, "an iterable of positive integers (ids)")
    return [positive_id(f"{name}[{i}]", v) for i, v in enumerate(items)]


def texts(name: str, values: object) -> list[str]:
    """An iterable of strs, as a list; not a single str."""
    items = _items(name, values, "an iterable of strs")
    return [text(f"{name}[{i}]", v) for i, v in enumerate(items)]


def optional(check: Callable[..., R], name: str, value: object, *extra: object) -> R | Unset:
    """None (not given) becomes UNSET, so the generated code leaves it out; else `check`."""
    return UNSET if value is None else check(name, value, *extra)


def keywords(given_names: Iterable[str], allowed: Collection[str]) -> None:
    """Refuse keyword arguments a method does not take (they arrive through **options)."""
    unknown = sorted(set(given_names) - set(allowed))
    if unknown:
        names = ", ".join(given(n) for n in unknown)
        raise FocusConfigError(
            f"unexpected keyword argument {names}: the per-call options are "
            + ", ".join(sorted(allowed))
        )


# --- request bodies -----------------------------------------------------------------------


@attrs.frozen
class _Field:
    """One field of a generated request model, as the checks need it."""

    attribute: str  # the Python name (`type_`)
    key: str  # the JSON key (`type`)
    kind: object  # the type without Unset and None
    optional: bool  # may be UNSET
    nullable: bool
    required: bool  # no default: from_dict needs the key


@functools.cache
def _fields(model: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(model)
    fields = []
    for field in attrs.fields(model):
        if not field.init:  # additional_properties
            continue
        hint = hints[field.name]
        parts = (
            typing.get_args(hint)
            if typing.get_origin(hint) in (typing.Union, types.UnionType)
            else (hint,)
        )
        rest = [p for p in parts if p not in (Unset, type(None))]
        fields.append(
            _Field(
                attribute=field.name,
                key=field.name.rstrip("_"),
                kind=rest[0] if len(rest) == 1 else hint,
                optional=Unset in parts,
                nullable=type(None) in parts,
                required=field.default is attrs.NOTHING,
            )
        )
    return tuple(fields)


def supported(kind: object) -> bool:
    """Whether `field_value` knows how to check a field of this type."""
    return (
        kind in (int, float, str, bool)
        or (typing.get_origin(kind) is list and typing.get_args(kind) == (int,))
        or (isinstance(kind, type) and issubclass(kind, enum.Enum))
    )


def field_value(name: str, key: str, value: object, kind: object) -> object:
    """A request-model field's value, checked by its type and the spec's limits."""
    if kind is int:
        return integer(name, value, *_RANGES[key]) if key in _RANGES else positive_id(name, value)
    if kind is float:
        low, high = _RANGES.get(key, (-math.inf, math.inf))
        return number(name, value, low, high)
    if kind is str:
        return text(name, value, non_empty=key in _NON_EMPTY)
    if kind is bool:
        return flag(name, value)
    if typing.get_origin(kind) is list and typing.get_args(kind) == (int,):
        return ids(name, value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return choice(name, value, kind)
    return value  # not a type request models use (tests/faults pin that none is left out)


def _check_field(where: str, field: _Field, value: object) -> object:
    """One field's value (UNSET when absent), checked; UNSET only where the model allows it."""
    if isinstance(value, Unset):
        if not field.optional:
            raise FocusConfigError(f"{where} lacks the required field {field.key!r}")
        return value
    if value is None and field.nullable:
        return value
    return field_value(f"{where}.{field.key}", field.key, value, field.kind)


def body(where: str, item: object, model: type[M]) -> M:
    """One request body: a `model` instance or a mapping of its JSON fields, checked.

    A mapping goes through the generated `model.from_dict` (unknown keys are kept, as the
    model keeps them), its known fields checked first so a message can name the field; an
    instance is checked field by field. Either way the result is a fresh instance, so the
    caller's object is never modified.
    """
    fields = _fields(typing.cast(type, model))
    if isinstance(item, model):
        source: Any = item
    elif isinstance(item, Mapping):
        for field in fields:
            if field.required and field.key not in item:
                raise FocusConfigError(f"{where} lacks the required field {field.key!r}")
        checked = {
            f.key: _raw(_check_field(where, f, item[f.key])) for f in fields if f.key in item
        }
        try:
            source = model.from_dict({**item, **checked})  # type: ignore[attr-defined]
        except KeyError as exc:
            raise FocusConfigError(f"{where} lacks the required field {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise FocusConfigError(
                f"{where} is not a valid {model.__name__} ({type(exc).__name__})"
            ) from None
    else:
        raise _fail(where, f"a {model.__name__} or a mapping of its fields", item)
    values = {f.attribute: _check_field(where, f, getattr(source, f.attribute)) for f in fields}
    result: Any = model(**values)
    result.additional_properties = dict(source.additional_properties)
    return typing.cast(M, result)


def _raw(value: object) -> object:
    """A checked value as JSON would carry it (an enum as its value), for `from_dict`."""
    return value.value if isinstance(value, enum.Enum) else value


def bodies(name: str, items: object, model: type[M]) -> list[M]:
    """A non-empty iterable of request bodies (the spec's bulk arrays have minItems 1)."""
    listed = _items(name, items, f"a list of {model.__name__} or mappings")
    if not listed:
        raise FocusConfigError(f"{name} must hold at least one {model.__name__}, got none")
    return [body(f"{name}[{i}]", item, model) for i, item in enumerate(listed)]
