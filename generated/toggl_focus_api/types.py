"""Contains some shared types for properties"""

import datetime
import logging
import math
import re
import threading
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# --- Decoding checks ------------------------------------------------------------------------
# Called by the models' from_dict on each field of these kinds, with the field's name
# ("Ghost.id"). Each returns the value (a date-time: parsed) when it has the declared JSON type,
# else raises TypeError (wrong type) or ValueError (right type, unusable value) whose message
# starts with the field's name. The common case is one type test; messages are built only on
# failure.

# RFC 3339 date-time; the offset may be missing (read as UTC). "T"/"Z" may be lower case and
# the separator a space (RFC 3339, section 5.6). Checked before parsing because
# datetime.fromisoformat also takes dates alone, week dates and compact forms.
_RFC3339_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?", re.ASCII
).fullmatch
# The same check for the common shapes at a fraction of the regex's cost (measured ~3x less):
# the text with every digit written as 0 must be one of these. Other shapes (other fractions
# of a second) and anything invalid go on to the regex.
_ZEROED = bytes.maketrans(b"123456789", b"000000000")
_COMMON_SHAPES = frozenset(
    f"0000-00-00{separator}00:00:00{fraction}{offset}".encode()
    for separator in "Tt "
    for fraction in ("", ".000", ".000000")
    for offset in ("", "Z", "z", "+00:00", "-00:00")
)


def _shown(value: object) -> str:
    """`value` for an error message: its type and a short repr (never a whole container)."""
    if value is None:
        return "null"
    if isinstance(value, dict):
        return f"dict with {len(value)} key(s)"
    if isinstance(value, list):
        return f"list of {len(value)} item(s)"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _mismatch(field: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{field}: expected {expected}, got {_shown(value)}")


def expect_int(value: object, field: str) -> int:
    """A JSON integer: an int that is not a bool."""
    if type(value) is int:  # the common case in one test
        return value
    if isinstance(value, int) and not isinstance(value, bool):  # a subclass, e.g. an IntEnum
        return value
    raise _mismatch(field, "integer", value)


def expect_number(value: object, field: str) -> float:
    """A JSON number: an int (not a bool) or a finite float; NaN and infinities are refused."""
    if type(value) is int:
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise ValueError(f"{field}: expected a finite number, got {_shown(value)}")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _mismatch(field, "number", value)


def expect_str(value: object, field: str) -> str:
    """A JSON string."""
    if isinstance(value, str):
        return value
    raise _mismatch(field, "string", value)


def expect_bool(value: object, field: str) -> bool:
    """A JSON boolean."""
    if isinstance(value, bool):
        return value
    raise _mismatch(field, "boolean", value)


def expect_datetime(value: object, field: str) -> datetime.datetime:
    """An RFC 3339 date-time string, parsed; without an offset it is read as UTC (always aware).

    What means "not set" (null, "" for optional fields) is handled by the caller, not here.
    """
    if not isinstance(value, str):
        raise _mismatch(field, "an RFC 3339 date-time string", value)
    shape = value.encode("ascii", "replace").translate(_ZEROED)
    if shape not in _COMMON_SHAPES and _RFC3339_DATE_TIME(value) is None:
        raise ValueError(f"{field}: expected an RFC 3339 date-time, got {_shown(value)}")
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:  # lower-case "t"/"z", or a date or time out of range
        try:
            moment = datetime.datetime.fromisoformat(value.upper())
        except ValueError as exc:
            raise ValueError(f"{field}: invalid date-time {_shown(value)}: {exc}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


#: Where a tolerated date-time is reported: under the `toggl_focus` logger, so the handlers and
#: levels a user sets there (or TOGGL_FOCUS_LOG) apply.
_MODELS_LOG = logging.getLogger("toggl_focus.models")
#: The fields ("Ghost.created_at") already warned about in this process, and its lock.
_WARNED: set[str] = set()
_WARNED_LOCK = threading.Lock()
U = TypeVar("U")


def tolerant_datetime(
    value: object, field: str, kept: MutableMapping[str, Any], key: str, unset: U
) -> datetime.datetime | U:
    """A model's date-time field, read as `expect_datetime` reads it, except that a string it
    refuses is kept: stored as `kept[key]` (the dict that becomes the model's
    additional_properties, so `to_dict()` gives the text back) and `unset` (UNSET, or None for
    a required field) returned. The first such value of each field ("Model.field") in the
    process logs a WARNING on "toggl_focus.models", showing the text's shape only ("9999-99-99";
    a server may echo anything, the token included); the rest are silent. A value that is not
    a string is still a TypeError.
    """
    if not isinstance(value, str):
        raise _mismatch(field, "an RFC 3339 date-time string", value)
    try:
        return expect_datetime(value, field)
    except ValueError:
        kept[key] = value
        with _WARNED_LOCK:
            first = field not in _WARNED
            _WARNED.add(field)
        if first:
            _MODELS_LOG.warning(
                "%s: not an RFC 3339 date-time (shape %r); kept as text in "
                "additional_properties[%r], the field read as not set (logged once per field)",
                field,
                _shape(value),
                key,
            )
        return unset


def _shape(text: str) -> str:
    """`text` with every digit as 9 and every letter but T and Z (those of RFC 3339) as x, at most
    40 long: what a log may show of a value a server sent, which could echo a secret (the API
    token)."""
    shape = "".join("9" if c.isdigit() else c if c in "TtZz" else "x" if c.isalnum() else c for c in text[:40])
    return shape + ("..." if len(text) > 40 else "")


def expect_list(value: object, field: str) -> list[Any]:
    """A JSON array (its items are checked by the caller)."""
    if isinstance(value, list):
        return value
    raise _mismatch(field, "array", value)


def expect_items(value: object, check: Callable[[object, str], T], field: str) -> list[T]:
    """A JSON array whose every item passes `check` (one of the above); a failure names the index."""
    items = expect_list(value, field)
    try:
        return [check(item, field) for item in items]
    except (TypeError, ValueError):
        pass
    for index, item in enumerate(items):  # again, to name the first bad item: "Ghost.ids[2]"
        check(item, f"{field}[{index}]")
    raise TypeError(f"{field}: an item failed its check")  # unreachable while checks are pure


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
