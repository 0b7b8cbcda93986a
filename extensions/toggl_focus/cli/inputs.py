"""Input files: rows from CSV, JSON or YAML, each named for error messages, and saved plans.

Every bad file is a usage error, one line naming the file and, where there is one, the row
and its line (`people.csv: row 3 (line 4): ...`), raised before any request: a missing or
unknown column, a malformed value, invalid JSON or YAML, nesting too deep for the parser, a
number of thousands of digits, a YAML alias (`*name`: they make "billion laughs" bombs) or
tag that would build an object (`!!python/object`: YAML is loaded safely, and only plain
data is accepted), text that is not UTF-8, a UTF-16/32 byte order mark or one inside the
file, a NUL byte, a CSV cell over the csv module's 131,072 characters, a file with no rows.

Memory stays bounded whatever the file (`LIMITS_HELP` says the limits, in `--help` and the
README): CSV is read line by line (at most 1 MiB a line, 64 MiB in all) and stops at the
first row over `MAX_ROWS`; JSON and YAML files are parsed whole, so their size is capped
before parsing (`MAX_JSON_BYTES`; `MAX_YAML_BYTES` is smaller: PyYAML's safe pure-Python
loader takes about 8 s and 170 MB for 2 MiB, some 25,000 rows). A UTF-8 byte order mark
at the start is accepted (Excel writes one).

Values are strings, as a CSV cell is: JSON and YAML numbers and booleans become their text
(`12`, `true`), lists of scalars are joined with commas, null is the empty string. A CSV cell
is read back as `focus ... --csv` wrote it (`safe.from_csv_cell`: the `'` before a formula
character goes, `\\x1b`-style escapes become their characters), so a listing fed back as a
plan keeps every name exact.
"""

from __future__ import annotations

import codecs
import csv
import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from .errors import CliError
from .safe import from_csv_cell

__all__ = [
    "LIMITS_HELP",
    "MAX_JSON_BYTES",
    "MAX_ROWS",
    "MAX_YAML_BYTES",
    "Row",
    "read_rows",
    "read_saved_plan",
]

T = TypeVar("T")

#: Rows one file may hold: far above any organization's ghosts or people.
MAX_ROWS = 100_000
MiB = 1024 * 1024
#: JSON and YAML files are parsed whole: their size is capped first.
MAX_JSON_BYTES = 32 * MiB
MAX_YAML_BYTES = 2 * MiB
#: A CSV file is read a line at a time, one line at most MAX_LINE_BYTES, the whole at most
#: MAX_CSV_BYTES (a bound on memory even for rows of megabytes).
MAX_LINE_BYTES = 1 * MiB
MAX_CSV_BYTES = 64 * MiB
#: The marker of a saved plan (`focus ghosts plan FILE -o PLAN`): a JSON object holding it.
PLAN_MARKER = "focus_plan"
LIMITS_HELP = (
    f"Input files: at most {MAX_ROWS:,} rows; CSV (read row by row) at most "
    f"{MAX_CSV_BYTES // MiB} MiB, JSON {MAX_JSON_BYTES // MiB} MiB, YAML "
    f"{MAX_YAML_BYTES // MiB} MiB."
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_WS = re.compile(r"[ \t\n\r]*")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a non-UTF-8 byte
_BAD_CHARACTER = re.compile("[\x00\udc80-\udcff]")


@dataclass
class Row:
    """One input row: where it is (`label`, e.g. `row 3 (line 4)`), its string values and the
    file it comes from (set by `read_rows`)."""

    label: str
    values: dict[str, str]
    path: Path | None = None

    def get(self, column: str, convert: Callable[[str], T], what: str) -> T:
        """The column converted; a ValueError or FocusConfigError becomes a usage error naming
        the file, the row and the column (`what` says what the cell must be)."""
        from ..errors import FocusConfigError

        raw = self.values.get(column, "")
        try:
            return convert(raw)
        except (ValueError, FocusConfigError):
            where = f"{self.path}: {self.label}" if self.path is not None else self.label
            shown = repr(raw) if len(raw) <= 60 else f"{len(raw)} characters"
            raise CliError(f"{where}: {column} must be {what}, got {shown}") from None


class _Bad(Exception):
    """A problem at a line of the file; the caller adds the file and the row."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _label(row: int, line: int) -> str:
    return f"row {row} (line {line})"


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None


def _start(data: bytes, path: Path) -> bytes:
    """The first bytes without a UTF-8 byte order mark; a UTF-16/32 one is refused."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise CliError(
                f"{path}: line 1: {name} text (it starts with a {name} byte order mark); "
                "save the file as UTF-8"
            )
    return data.removeprefix(codecs.BOM_UTF8)


def _numbers(exc: ValueError) -> str | None:
    """Python's refusal of an integer of over 4,300 digits, said for a person."""
    if "integer string conversion" in str(exc):
        return "a number of more than 4,300 digits"
    return None


# --- reading ---------------------------------------------------------------------------------


def read_rows(
    path: Path, *, required: Sequence[str] = (), allowed: Sequence[str] | None = None
) -> list[Row]:
    """The file's rows by its suffix (.csv, .json, .yaml/.yml); columns checked for every row.

    A file with no rows is an error too: nothing to do is more likely a mistake (a header
    written alone), and for `apply --prune` it would delete every ghost.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv(path)
    elif suffix == ".json":
        rows = _records(_json_items(_document(path, "JSON", MAX_JSON_BYTES), path), path)
    elif suffix in (".yaml", ".yml"):
        rows = _records(_yaml_items(_document(path, "YAML", MAX_YAML_BYTES), path), path)
    else:
        raise CliError(f"{path}: unknown file type {suffix!r}; use .csv, .json, .yaml or .yml")
    for row in rows:
        row.path = path
        missing = [c for c in required if not row.values.get(c, "").strip()]
        if missing:
            raise CliError(f"{path}: {row.label}: missing {', '.join(missing)}")
        if allowed is not None:
            unknown = sorted(set(row.values) - set(allowed))
            if unknown:
                raise CliError(
                    f"{path}: {row.label}: unknown column(s) {', '.join(unknown)}; "
                    f"expected {', '.join(allowed)}"
                )
    return rows


def read_saved_plan(path: Path) -> dict[str, Any] | None:
    """The saved plan in `path` (a JSON object holding `focus_plan`), or None when the file
    is something else (rows). Only its first bytes are read to tell, unless it starts with
    `{`; a .json file holding another object is an error (rows are a list of objects)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return None
    with _open(path) as f:
        head = f.read(64)
    if not _start(head, path).lstrip().startswith(b"{"):
        return None
    text = _document(path, "JSON", MAX_JSON_BYTES)
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        if suffix in (".yaml", ".yml"):
            return None  # YAML in flow style: read as rows
        where = f"{path}: line {exc.lineno}"
        raise CliError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise CliError(f"{path}: nested too deeply (a saved plan nests 4 levels)") from None
    except ValueError as exc:
        raise CliError(f"{path}: {_numbers(exc) or exc}") from None
    if isinstance(data, dict) and PLAN_MARKER in data:
        bad = _NOT_UTF8.search(text)
        if bad is not None:
            line = text.count("\n", 0, bad.start()) + 1
            raise CliError(f"{path}: line {line}: not UTF-8 text; save the file as UTF-8")
        return data
    if suffix == ".json":
        raise CliError(
            f"{path}: line 1: a JSON object: a rows file holds a list of objects, and a "
            f"saved plan (`focus ghosts plan FILE -o PLAN`) has {PLAN_MARKER!r}"
        )
    return None


# --- CSV: line by line -----------------------------------------------------------------------


class _Lines:
    """The file's lines as text, one at a time, each checked: at most MAX_LINE_BYTES, UTF-8,
    no NUL byte, no byte order mark past the start. `line` is the last line read."""

    def __init__(self, f: IO[bytes], path: Path) -> None:
        self.f, self.path, self.line, self.read = f, path, 0, 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self.f.readline(MAX_LINE_BYTES + 1)
        if not raw:
            raise StopIteration
        self.line += 1
        self.read += len(raw)
        if self.read > MAX_CSV_BYTES:
            raise _Bad(self.line, f"more than {MAX_CSV_BYTES // MiB} MiB; split the file")
        if len(raw) > MAX_LINE_BYTES:
            raise _Bad(self.line, f"a line longer than {MAX_LINE_BYTES // MiB} MiB")
        if self.line == 1:
            raw = _start(raw, self.path)
        if b"\x00" in raw:
            raise _Bad(
                self.line, "a NUL byte: is it a binary file, or UTF-16 text? Save it as UTF-8"
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Bad(
                self.line,
                f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the "
                "line); save the file as UTF-8",
            ) from None
        if "\ufeff" in text:
            raise _Bad(self.line, "a byte order mark (U+FEFF) inside the file: were files joined?")
        return text


def _csv_error(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a cell longer than {csv.field_size_limit():,} characters"
    return text


def _csv(path: Path) -> list[Row]:
    with _open(path) as f:
        lines = _Lines(f, path)
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            raise CliError(f"{path} is empty: it needs a header row") from None
        except _Bad as bad:
            raise CliError(f"{path}: line {bad.line} (the header): {bad}") from None
        except csv.Error as exc:
            raise CliError(f"{path}: line {lines.line} (the header): {_csv_error(exc)}") from None
        header = [name.strip() for name in header]
        if len(set(header)) != len(header) or not all(header):
            raise CliError(f"{path}: the header row has an empty or repeated column name")
        rows: list[Row] = []
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except _Bad as bad:
                raise CliError(f"{path}: {_label(number + 1, bad.line)}: {bad}") from None
            except csv.Error as exc:
                label = _label(number + 1, lines.line)
                raise CliError(f"{path}: {label}: {_csv_error(exc)}") from None
            if not any(cell.strip() for cell in cells):
                continue  # blank lines carry nothing
            number += 1
            label = _label(number, reader.line_num)
            if number > MAX_ROWS:
                raise CliError(f"{path}: {label}: more than {MAX_ROWS:,} rows; split the file")
            if len(cells) != len(header):
                raise CliError(
                    f"{path}: {label}: {len(cells)} cells for {len(header)} columns "
                    f"({', '.join(header)})"
                )
            values = {k: from_csv_cell(v.strip()) for k, v in zip(header, cells, strict=True)}
            rows.append(Row(label, values))
    if not rows:
        raise CliError(f"{path}: no rows after the header (line 1): nothing to do")
    return rows


# --- JSON and YAML: whole documents, capped in size ------------------------------------------


def _document(path: Path, kind: str, limit: int) -> str:
    """The file's text, read only when it is within `limit` bytes. A byte that is not UTF-8
    becomes a lone surrogate (surrogateescape) so the row holding it can be named."""
    with _open(path) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise CliError(
            f"{path}: larger than {limit // MiB} MiB, the limit for {kind} files; use CSV "
            f"(read row by row, up to {MAX_ROWS:,} rows) or split the file"
        )
    return _start(data, path).decode("utf-8", "surrogateescape")


def _skip(text: str, pos: int) -> int:
    """The position after the JSON whitespace at `pos`."""
    found = _WS.match(text, pos)
    return pos if found is None else found.end()


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _json_items(text: str, path: Path) -> Iterator[tuple[str, object]]:
    """The items of the top-level JSON list, one at a time, each with its label."""
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    pos = _skip(text, 0)
    line = 1 + text.count("\n", 0, pos)
    if pos == len(text):
        raise CliError(f"{path} is empty: it needs a list of objects")
    if text[pos] != "[":
        raise CliError(f"{path}: line {line}: a JSON file must hold a list of objects")
    number, done = 0, pos
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        end = _skip(text, pos + 1)
        if end != len(text):
            raise CliError(f"{path}: extra data after the list")
        raise CliError(f"{path}: no rows (an empty list): nothing to do")
    while True:
        number += 1
        line += text.count("\n", done, pos)
        done = pos
        label = _label(number, line)
        if number > MAX_ROWS:
            raise CliError(f"{path}: {label}: more than {MAX_ROWS:,} rows; split the file")
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            at = _label(number, exc.lineno)
            raise CliError(
                f"{path}: {at}: not valid JSON: {exc.msg} (column {exc.colno})"
            ) from None
        except RecursionError:
            raise CliError(f"{path}: {label}: nested too deeply to read") from None
        except ValueError as exc:
            raise CliError(f"{path}: {label}: {_numbers(exc) or exc}") from None
        yield label, value
        pos = _skip(text, end)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
            continue
        if text.startswith("]", pos):
            rest = _skip(text, pos + 1)
            if rest != len(text):
                extra = 1 + text.count("\n", 0, rest)
                raise CliError(f"{path}: line {extra}: extra data after the list")
            return
        at = _label(number, 1 + text.count("\n", 0, pos))
        raise CliError(f"{path}: {at}: not valid JSON: expected ',' or ']' after the row")


def _yaml_items(text: str, path: Path) -> Iterator[tuple[str, object]]:
    """The items of the top-level YAML list, one at a time, each with its label.

    Loaded with PyYAML's pure-Python safe loader: its C loader composes recursively in C
    and crashes the process on deep nesting, while this one raises RecursionError. Aliases
    are refused while composing, so an alias bomb is never expanded.
    """
    try:
        import yaml
    except ImportError:
        raise CliError("reading YAML needs PyYAML: pip install 'toggl-focus[cli]'") from None

    class Loader(yaml.SafeLoader):
        root: yaml.Node | None = None
        row = 0

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            if parent is not None:
                self.root = self.root or parent
                if parent is self.root and isinstance(index, int):
                    self.row = index + 1
            if self.check_event(yaml.AliasEvent):
                line = self.peek_event().start_mark.line + 1  # type: ignore[no-untyped-call]
                raise _Bad(line, "a YAML alias (*name); aliases are not accepted in input files")
            return super().compose_node(parent, index)

    def where(line: int | None) -> str:
        if loader.row and line is not None:
            return f"{path}: {_label(loader.row, line)}"
        return f"{path}: line {line}" if line is not None else str(path)

    def mark(exc: yaml.YAMLError) -> int | None:
        found = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return None if found is None else int(found.line) + 1

    # PyYAML's reader refuses a NUL or a non-UTF-8 byte (a lone surrogate here) up front,
    # naming no row: blank them out, and name the row holding the first one once it is known.
    bad = _BAD_CHARACTER.search(text)
    bad_line, problem = 0, ""
    if bad is not None:
        bad_line = 1 + text.count("\n", 0, bad.start())
        problem = "a NUL byte" if bad.group() == "\x00" else "not UTF-8 text"
        text = _BAD_CHARACTER.sub(" ", text)
    try:
        loader = Loader(text)
    except yaml.YAMLError as exc:  # other characters YAML does not allow
        at = f"{path}: line {mark(exc) or 1}"
        raise CliError(f"{at}: not valid YAML: {_yaml_text(exc)}") from None
    try:
        try:
            node = loader.get_single_node()
        except _Bad as bad:
            raise CliError(f"{where(bad.line)}: {bad}") from None
        except yaml.YAMLError as exc:
            raise CliError(f"{where(mark(exc))}: not valid YAML: {_yaml_text(exc)}") from None
        except RecursionError:
            raise CliError(f"{where(loader.line + 1)}: nested too deeply to read") from None
        if node is None:
            raise CliError(f"{path} is empty: it needs a list of objects")
        if not isinstance(node, yaml.SequenceNode):
            line = node.start_mark.line + 1
            raise CliError(f"{path}: line {line}: a YAML file must hold a list of objects")
        if not node.value:
            raise CliError(f"{path}: no rows (an empty list): nothing to do")
        if bad is not None:
            rows = [  # the last row starting on the line or before it
                n for n, item in enumerate(node.value, start=1) if item.start_mark.line < bad_line
            ]
            at = f"{path}: {_label(rows[-1], bad_line)}" if rows else f"{path}: line {bad_line}"
            raise CliError(f"{at}: {problem}; save the file as UTF-8 text")
        for number, item in enumerate(node.value, start=1):
            label = _label(number, item.start_mark.line + 1)
            if number > MAX_ROWS:
                raise CliError(f"{path}: {label}: more than {MAX_ROWS:,} rows; split the file")
            try:
                value = loader.construct_document(item)
            except yaml.YAMLError as exc:
                raise CliError(f"{path}: {label}: not accepted: {_yaml_text(exc)}") from None
            except RecursionError:
                raise CliError(f"{path}: {label}: nested too deeply to read") from None
            except ValueError as exc:
                raise CliError(f"{path}: {label}: {_numbers(exc) or exc}") from None
            yield label, value
    finally:
        loader.dispose()


def _yaml_text(exc: Exception) -> str:
    """PyYAML's message without its position (the caller says the row and line)."""
    problem, context = getattr(exc, "problem", None), getattr(exc, "context", None)
    if isinstance(problem, str):
        text = f"{context}: {problem}" if isinstance(context, str) else problem
    else:
        text = str(exc)
    return " ".join(text.split())


def _records(items: Iterator[tuple[str, object]], path: Path) -> list[Row]:
    rows: list[Row] = []
    for label, item in items:
        if not isinstance(item, dict):
            raise CliError(f"{path}: {label}: expected an object, got {_kind(item)}")
        values = {}
        for key, value in item.items():
            column = str(key)
            values[column] = _text(value, f"{path}: {label}: {column}")
            for name, text in ((f"the column name {column!r}", column), (column, values[column])):
                if "\x00" in text:
                    raise CliError(f"{path}: {label}: {name} holds a NUL character")
                if _NOT_UTF8.search(text):
                    raise CliError(
                        f"{path}: {label}: {name} is not UTF-8 text; save the file as UTF-8"
                    )
        rows.append(Row(label, values))
    return rows


def _kind(value: object) -> str:
    names = {list: "a list", dict: "an object", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        raise CliError(f"{where} must be a finite number, got {value}")
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in value
    ):
        return ",".join(str(v) for v in value)
    raise CliError(f"{where} must be a string, a number or a list of them, got {_kind(value)}")
