"""Rows from an input file (CSV, JSON or YAML), each named for error messages.

A bad file is a usage error naming the row, raised before any request: a missing or unknown
column, a malformed value, a duplicate key. Values are strings, as a CSV cell is: JSON and
YAML numbers and booleans become their text (`12`, `true`), lists of scalars are joined
with commas, null is the empty string. A CSV cell is read back as `focus ... --csv` wrote
it (`safe.from_csv_cell`: the `'` before a formula character goes, `\\x1b`-style escapes
become their characters), so a listing fed back as a plan keeps every name exact.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import CliError
from .safe import from_csv_cell

__all__ = ["Row", "read_rows"]

T = TypeVar("T")


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
            raise CliError(f"{where}: {column} must be {what}, got {raw!r}") from None


def read_rows(
    path: Path, *, required: Sequence[str] = (), allowed: Sequence[str] | None = None
) -> list[Row]:
    """The file's rows by its suffix (.csv, .json, .yaml/.yml); columns checked for every row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise CliError(f"cannot read {path}: {reason}") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv(text, path)
    elif suffix == ".json":
        rows = _records(_json(text, path), path, "JSON")
    elif suffix in (".yaml", ".yml"):
        rows = _records(_yaml(text, path), path, "YAML")
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


def _csv(text: str, path: Path) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CliError(f"{path} is empty: it needs a header row") from None
    except csv.Error as exc:
        raise CliError(f"{path}: line 1: {exc}") from None
    header = [name.strip() for name in header]
    if len(set(header)) != len(header) or not all(header):
        raise CliError(f"{path}: the header row has an empty or repeated column name")
    rows: list[Row] = []
    number = 0
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines carry nothing
            number += 1
            label = f"row {number} (line {reader.line_num})"
            if len(cells) != len(header):
                raise CliError(
                    f"{path}: {label}: {len(cells)} cells for {len(header)} columns "
                    f"({', '.join(header)})"
                )
            values = {k: from_csv_cell(v.strip()) for k, v in zip(header, cells, strict=True)}
            rows.append(Row(label, values))
    except csv.Error as exc:
        raise CliError(f"{path}: line {reader.line_num}: {exc}") from None
    return rows


def _json(text: str, path: Path) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"{path} is not valid JSON: {exc}") from None


def _yaml(text: str, path: Path) -> object:
    try:
        import yaml
    except ImportError:
        raise CliError("reading YAML needs PyYAML: pip install 'toggl-focus[cli]'") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CliError(f"{path} is not valid YAML: {' '.join(str(exc).split())}") from None


def _records(data: object, path: Path, kind: str) -> list[Row]:
    if not isinstance(data, list):
        raise CliError(f"{path}: a {kind} file must hold a list of objects")
    rows: list[Row] = []
    for index, item in enumerate(data, start=1):
        label = f"row {index}"
        if not isinstance(item, dict):
            raise CliError(f"{path}: {label}: expected an object, got {type(item).__name__}")
        rows.append(Row(label, {str(k): _text(v, path, label, str(k)) for k, v in item.items()}))
    return rows


def _text(value: object, path: Path, label: str, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ",".join(str(v) for v in value)
    raise CliError(f"{path}: {label}: {key} must be a string, a number or a list of them")
