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
# --- Fast decoding --------------------------------------------------------------------------
# (toggl-focus template fast_decode.py.jinja; see its header for the design.)

import collections
import importlib
import json
import threading

FAST_MISS: Any = object()  # what fast_json returns when the body must take from_dict
FAST_MAX_LEARNED = 32  # unknown keys learned per model; beyond them, the fallback

# msgspec's message for an unknown key, with the path of its object (none at the top level).
# The key may hold anything, the path (made of the spec's keys and indices) no backquote: the
# reading with a path splits at the last " - at `$"; the top-level reading takes it all.
_FAST_UNKNOWN_AT = re.compile(r"Object contains unknown field `(.*)` - at `(\$[^`]*)`", re.DOTALL)
_FAST_UNKNOWN = re.compile(r"Object contains unknown field `(.*)`", re.DOTALL)
_FAST_STEP = re.compile(r"\.([^.\[`]+)|\[(\d+)\]")


# The date-times a model's _fast_convert parses with fromisoformat alone, skipping the shape
# check of expect_datetime (which then calls the same fromisoformat): the characters at
# indices 4, 7, 10, ... (`text[4::3]`) -> the text's length. "2026-03-02T09:15:00Z" (20) and
# "2026-03-02T09:15:00+02:00" (25, the user's profile timezone). Why this is exact: with those
# separators in those places and that length, fromisoformat accepts only ASCII digits in
# every other place, which makes the text one of expect_datetime's common shapes; and any
# text it refuses raises, which sends the body to from_dict. Measured: date-times were 20% of
# the fast path's CPU for the realistic ghosts (two per ghost), through expect_datetime's call
# and its encode/translate shape check; this costs a slice and a dict lookup.
FAST_DATETIME_SHAPES = {"--T::Z": 20, "--T::+:": 25, "--T::-:": 25}
fast_fromisoformat = datetime.datetime.fromisoformat


class _FastRefused(Exception):
    """A value the fast path does not take with certainty: the body goes to from_dict."""


class _FastOrderNeeded(Exception):
    """An object holds two or more learned keys: convert again in ordered mode (fast_json)."""


class _FastOrders(threading.local):
    """Ordered mode, per thread: the key orders fast_extras takes one by one, or None."""

    queue: collections.deque[list[str]] | None = None


_fast_orders_now = _FastOrders()


class _FastModel:
    """One model's fast decoding: its module's shape and converter, and the keys learned."""

    def __init__(self, module: Any) -> None:
        self.module = module
        self.fields: tuple[tuple[str, Any, bool], ...] = module._FAST_SHAPE
        self.convert: Callable[[Any], Any] = module._fast_convert
        self.learned: tuple[str, ...] = ()
        self.struct: Any = None


class _FastState:
    """The engine's state: msgspec (once imported), the models seen, the built decoders."""

    def __init__(self) -> None:
        self.msgspec: Any = None
        self.disabled = False  # msgspec could not be imported
        self.models: dict[str, _FastModel | None] = {}
        self.decoders: dict[tuple[Any, ...], tuple[Any, Callable[[Any], Any], int]] = {}
        self.walks: dict[str, Any] = {}  # _fast_walk's, per model
        self.order_decoders: dict[Any, Any] = {}  # _fast_order_decoder's, per shape
        self.generation = 0  # bumped whenever a key is learned: every Struct is rebuilt
        self.lock = threading.Lock()


_fast = _FastState()


def fast_extras(struct: Any) -> dict[str, Any]:
    """The learned keys present in `struct`, with their values as `json.loads` reads them, in
    the document's order (which the Struct does not keep: ordered mode supplies it)."""
    found: dict[str, Any] = {}
    for attribute, key in struct.fast_learned:
        raw = getattr(struct, attribute)
        if raw is not UNSET:
            found[key] = fast_loads(raw)
    queue = _fast_orders_now.queue
    if queue is not None:  # ordered mode: this object's keys, as _fast_orders walked them
        order = queue.popleft()
        if len(found) > 1:
            ordered = {key: found[key] for key in order if key in found}
            if len(ordered) != len(found):
                raise _FastRefused  # the walk and the conversion disagree: from_dict decides
            return ordered
    elif len(found) > 1:
        raise _FastOrderNeeded
    return found


def _fast_orders(shape: Any, value: Any, out: collections.deque[list[str]]) -> None:
    """Append the key order of each object of a model with learned keys found in `value` to
    `out`, in the order the converters call fast_extras: a model's fields in _FAST_SHAPE
    order, depth first, the model itself last. `value` is `shape` as `_fast_order_type`
    decodes it: an object that matters is a dict of its keys (in the document's order) to
    their raw JSON; only the fields that lead to a model with learned keys (`_fast_walk`)
    are decoded further."""
    while not isinstance(shape, str) and shape[0] == "null":
        shape = shape[1]
    if isinstance(shape, str) or value is None:
        return
    if shape[0] == "list":
        for item in value:
            _fast_orders(shape[1], item, out)
        return
    walk = _fast_walk(shape[1])
    if walk is None:
        return
    fields, learned = walk
    for key, inner in fields:
        if key in value:
            _fast_orders(inner, _fast_order_decoder(inner).decode(value[key]), out)
    if learned:
        out.append(list(value))


def _fast_order_decoder(shape: Any) -> Any:
    """The msgspec decoder of `shape` for _fast_orders (built once per generation): an object
    of a model on the way to learned keys is a `dict[str, msgspec.Raw]`, anything else Raw."""
    found = _fast.order_decoders.get(shape)
    if found is None:
        found = _fast.msgspec.json.Decoder(_fast_order_type(shape))
        _fast.order_decoders[shape] = found
    return found


def _fast_order_type(shape: Any) -> Any:
    """The type _fast_order_decoder decodes `shape` as."""
    msgspec = _fast.msgspec
    while not isinstance(shape, str) and shape[0] == "null":
        shape = shape[1]
    if isinstance(shape, str):
        return msgspec.Raw
    if shape[0] == "list":
        item = _fast_order_type(shape[1])
        return msgspec.Raw if item is msgspec.Raw else list[item] | None
    if _fast_walk(shape[1]) is None:
        return msgspec.Raw
    return dict[str, msgspec.Raw] | None


def _fast_walk(module_name: str) -> tuple[tuple[tuple[str, Any], ...], bool] | None:
    """For _fast_orders: the fields of the model that lead to a model with learned keys, and
    whether it has learned keys itself; None when neither (nothing below needs an order).
    Kept until a key is learned (_fast_learn empties `_fast.walks`)."""
    if module_name in _fast.walks:
        return _fast.walks[module_name]
    _fast.walks[module_name] = None  # a model that holds itself: not below itself
    model = _fast.models.get(module_name)
    if model is None:
        return None
    fields = []
    for key, shape, _ in model.fields:
        inner = shape
        while not isinstance(inner, str) and inner[0] != "model":
            inner = inner[1]
        if not isinstance(inner, str) and _fast_walk(inner[1]) is not None:
            fields.append((key, shape))
    walk = (tuple(fields), bool(model.learned)) if fields or model.learned else None
    _fast.walks[module_name] = walk
    return walk


_FAST_SCALARS = (int, float, str, bool, type(None))
_fast_values: dict[bytes, Any] = {}  # raw JSON text -> its value, for immutable values only


def fast_loads(raw: Any) -> Any:
    """The value of a msgspec.Raw, as `json.loads` reads it.

    A scalar value is remembered by its text (an unknown field tends to repeat its values
    page after page); a list or dict is made anew each time, since a caller may change it.
    """
    text = bytes(raw)
    value = _fast_values.get(text, FAST_MISS)
    if value is FAST_MISS:
        value = json.loads(text)
        if type(value) in _FAST_SCALARS:
            if len(_fast_values) >= 4096:
                _fast_values.clear()
            _fast_values[text] = value
    return value


def _fast_model(module_name: str) -> _FastModel | None:
    """The fast decoding of the model in models/<module_name>.py, or None if it has none."""
    if module_name in _fast.models:
        return _fast.models[module_name]
    module = importlib.import_module(f"{__package__}.models.{module_name}")
    model = _FastModel(module) if getattr(module, "_FAST_SHAPE", None) is not None else None
    _fast.models[module_name] = model
    return model


def _fast_type(shape: Any) -> Any:
    """The msgspec type of a shape (fast_model.py.jinja), or None when a model has no Struct."""
    if isinstance(shape, str):
        msgspec = _fast.msgspec
        return {
            "int": int,
            "number": int | float,
            "str": str,
            "bool": bool,
            "datetime": str,
            "any": msgspec.Raw,
        }[shape]
    kind, inner = shape
    if kind == "model":
        model = _fast_model(inner)
        return None if model is None else _fast_struct(inner, model)
    item = _fast_type(inner)
    if item is None:
        return None
    return list[item] if kind == "list" else item | None


def _fast_struct(module_name: str, model: _FastModel) -> Any:
    """The model's Struct (with its learned keys), built once per generation; None if none."""
    if model.struct is not None:
        return model.struct or None
    msgspec = _fast.msgspec
    fields: list[tuple[Any, ...]] = []
    rename: dict[str, str] = {}
    for index, (key, shape, required) in enumerate(model.fields):
        annotation = _fast_type(shape)
        if annotation is None:
            model.struct = False
            return None
        name = f"f{index}"
        rename[name] = key
        fields.append((name, annotation) if required else (name, annotation, UNSET))
    learned = tuple((f"l{index}", key) for index, key in enumerate(model.learned))
    for name, key in learned:
        rename[name] = key
        fields.append((name, msgspec.Raw, UNSET))
    model.struct = msgspec.defstruct(
        f"Fast_{module_name}",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,
        # Not tracked by the garbage collector: a decoded Struct holds only JSON values and
        # other Structs, so it is never part of a cycle, and is dropped as soon as it is
        # copied. Tracked, each one counted towards the next collection: a page of 100
        # ghosts made about 400 of them, and collections were a third of the fast path's CPU.
        gc=False,
        rename=rename,
        namespace={"fast_learned": learned},
    )
    return model.struct


def _fast_probe(msgspec: Any) -> None:
    """Raise unless this msgspec decodes as the engine needs (pyproject's floor, 0.18.0, does).

    Before 0.18 an integer beyond 64 bits in an `int | float` field became a float, and before
    0.13 a default value (UNSET) was copied into each Struct, so it was no longer UNSET.
    """
    probe = msgspec.defstruct("FastProbe", [("n", int | float, UNSET)], kw_only=True)
    if type(msgspec.json.decode(b'{"n": 18446744073709551616}', type=probe).n) is not int:
        raise ImportError("msgspec < 0.18: big integers become floats")
    if msgspec.json.decode(b"{}", type=probe).n is not UNSET:
        raise ImportError("msgspec < 0.13: defaults are copied")


def _fast_decoder(target: tuple[Any, ...]) -> tuple[Any, Callable[[Any], Any], int] | None:
    """The msgspec decoder and converter of a response shape, built once per generation."""
    found = _fast.decoders.get(target)
    if found is not None:
        return found
    if _fast.disabled:
        return None
    if _fast.msgspec is None:
        try:
            import msgspec
            import msgspec.json

            _fast_probe(msgspec)
        except Exception:
            _fast.disabled = True
            return None
        _fast.msgspec = msgspec
    cls, many, nullable = target
    module_name = cls.__module__.rpartition(".")[2]
    model = _fast_model(module_name)
    if model is None or getattr(model.module, cls.__name__, None) is not cls:
        return None
    struct = _fast_struct(module_name, model)
    if struct is None:
        return None
    annotation = list[struct] if many else struct
    if nullable:
        annotation = annotation | None
    convert = model.convert
    if many and nullable:

        def converter(data: Any) -> Any:
            return None if data is None else [convert(item) for item in data]
    elif many:

        def converter(data: Any) -> Any:
            return [convert(item) for item in data]
    elif nullable:

        def converter(data: Any) -> Any:
            return None if data is None else convert(data)
    else:
        converter = convert
    found = (_fast.msgspec.json.Decoder(annotation), converter, _fast.generation)
    _fast.decoders[target] = found
    return found


def _fast_locate(target: tuple[Any, ...], path: str) -> str | None:
    """The module of the model whose object is at `path` ("$.data[3].assigned"), or None."""
    cls, many, nullable = target
    shape: Any = ("model", cls.__module__.rpartition(".")[2])
    if many:
        shape = ("list", shape)
    steps = _FAST_STEP.findall(path, 1)
    if "".join(f".{key}" if key else f"[{index}]" for key, index in steps) != path[1:]:
        return None
    for key, _index in steps:
        while not isinstance(shape, str) and shape[0] == "null":
            shape = shape[1]
        if isinstance(shape, str):
            return None
        if key:
            model = _fast_model(shape[1]) if shape[0] == "model" else None
            if model is None:
                return None
            shape = next((s for k, s, _ in model.fields if k == key), None)
            if shape is None:
                return None
        elif shape[0] == "list":
            shape = shape[1]
        else:
            return None
    while not isinstance(shape, str) and shape[0] == "null":
        shape = shape[1]
    return shape[1] if not isinstance(shape, str) and shape[0] == "model" else None


def _fast_learn(target: tuple[Any, ...], error: Exception, generation: int) -> bool:
    """Learn the unknown key msgspec reported, if it can be placed; False: take the fallback."""
    if type(error).__name__ != "ValidationError":
        return False
    message = str(error)
    readings = []
    found = _FAST_UNKNOWN_AT.fullmatch(message)
    if found is not None:
        readings.append((found.group(1), found.group(2)))
    found = _FAST_UNKNOWN.fullmatch(message)
    if found is not None:
        readings.append((found.group(1), "$"))
    # The first reading that names a model's object; a wrong one only costs a learned slot:
    # the same error comes back, and a key learned twice sends the body to the fallback.
    placed = ((key, _fast_locate(target, path)) for key, path in readings)
    key, module_name = next(((k, m) for k, m in placed if m is not None), ("", None))
    if module_name is None:
        return False
    with _fast.lock:
        if _fast.generation != generation:
            return True  # another thread rebuilt the Structs meanwhile: try again
        model = _fast.models.get(module_name)
        if model is None or key in model.learned or len(model.learned) >= FAST_MAX_LEARNED:
            return False
        if any(key == known for known, _, _ in model.fields):
            return False
        model.learned += (key,)
        for each in _fast.models.values():
            if each is not None:
                each.struct = None
        _fast.decoders = {}
        _fast.walks = {}
        _fast.order_decoders = {}
        _fast.generation += 1
    return True


def fast_json(content: bytes, cls: type, *, many: bool = False, nullable: bool = False) -> Any:
    """`cls` (a list of `cls` when `many`; None allowed when `nullable`) decoded from the JSON
    bytes `content` on the fast path, or FAST_MISS when the body must take from_dict."""
    target = (cls, many, nullable)
    for _ in range(FAST_MAX_LEARNED + 2):
        try:
            built = _fast_decoder(target)
        except Exception:
            return FAST_MISS
        if built is None:
            return FAST_MISS
        decoder, converter, generation = built
        try:
            data = decoder.decode(content)
        except Exception as error:
            try:
                if _fast_learn(target, error, generation):
                    continue
            except Exception:
                pass
            return FAST_MISS
        try:
            return converter(data)
        except _FastOrderNeeded:
            return _fast_ordered(content, target, data, converter)
        except Exception:
            return FAST_MISS
    return FAST_MISS


def _fast_ordered(content: bytes, target: tuple[Any, ...], data: Any, converter: Any) -> Any:
    """Convert `data` (the decoded Structs, which converting leaves as they are) again, with
    the key orders of the generic decode of `content`; FAST_MISS if anything disagrees."""
    cls, many, _nullable = target
    shape: Any = ("model", cls.__module__.rpartition(".")[2])
    if many:
        shape = ("list", shape)
    try:
        orders: collections.deque[list[str]] = collections.deque()
        _fast_orders(shape, _fast_order_decoder(shape).decode(content), orders)
        _fast_orders_now.queue = orders
        try:
            result = converter(data)
        finally:
            _fast_orders_now.queue = None
    except Exception:
        return FAST_MISS
    return FAST_MISS if orders else result  # every order taken: the walk matched
