r"""Server data is data: how `focus` prints text it did not write, in every output mode.

Names, descriptions, emails, error descriptions and trace ids come from a server, and a
server may send anything a JSON string can hold: escape sequences (`\x1b]0;title\x07`, `\x1b[2J`,
OSC 8 links), C1 controls, bidi overrides, rich markup (`[/bold]`), spreadsheet formulas,
lone surrogates (`"\ud800"` is valid JSON). None of it may act on the terminal, on rich or on
a spreadsheet, and none of it may crash the command. Every output path of the CLI goes
through this module (the library itself prints nothing and is unchanged):

- Terminal and plain text (tables, tab-separated lines, `ghosts get` records, the
  `focus: error:` line, notes and log lines on stderr): `visible()`. Control characters (C0,
  tab, newline and CR included; DEL; C1), the bidi controls, the line and paragraph
  separators and lone surrogates show as Python-style escapes (`\t`, `\n`, `\x1b`, `\x9b`,
  `\u202e`, `\ud800`): an escape sequence prints as text, a value cannot break a line or a
  tab-separated column, and text reads in the order it is stored. Backslashes stay as they
  are, so a name holding the four characters `\x1b` looks like one holding ESC; `--json`
  (exact) tells them apart. rich parses no markup in server text: table cells are
  `rich.text.Text`, progress descriptions are escaped, and the console has markup off.
- JSON: `dumps()`. Exact: it parses back to the very strings the server sent. json already
  escapes C0; DEL, C1, the bidi controls, the separators and lone surrogates are written as
  `\uXXXX` escapes too, so no such character reaches the output raw and a lone surrogate is
  valid JSON (`"\ud800"`) instead of a crash.
- CSV: `csv_cell()`, undone exactly by `from_csv_cell()` (which `cli/inputs.py` applies to
  every CSV cell it reads, so `ghosts ls --csv` fed to `ghosts plan` keeps every name). Tab,
  newline and CR stay (CSV quotes them); other control characters, the bidi controls, the
  separators and lone surrogates become `\xNN` / `\uNNNN`; a run of backslashes just before
  such an escape, or before text that reads like one, is doubled, so it stays text. Then
  OWASP's rule against CSV injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR
  (after any leading `'`) gets one more leading `'`, so a spreadsheet shows it as text
  instead of running it as a formula.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

__all__ = ["csv_cell", "dumps", "from_csv_cell", "visible"]

#: The bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI), U+2028/U+2029 (line breaks to
#: some readers) and the surrogates: escaped in every mode, as regex class ranges.
_FORMAT = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
#: What `visible()` escapes: every C0 control, DEL, C1, and `_FORMAT`.
_UNSAFE = re.compile(rf"[\x00-\x1f\x7f-\x9f{_FORMAT}]")
#: What `dumps()` escapes on top of json's own escapes (json escapes every C0 control).
_JSON_UNSAFE = re.compile(rf"[\x7f-\x9f{_FORMAT}]")
#: What `csv_cell()` escapes: as `_UNSAFE` but tab, newline and CR (CSV quotes them).
_CSV_UNSAFE = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_FORMAT}]")
#: The escapes `csv_cell()` writes, as text after a backslash (lower-case hex, as written).
_CSV_ESCAPE = (
    r"x(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])"
    r"|u(?:061c|200[ef]|202[a-e89]|206[6-9]|d[89a-f][0-9a-f]{2})"
)
_CSV_BACKSLASHES = re.compile(rf"(\\+)(?=(?:{_CSV_ESCAPE})|{_CSV_UNSAFE.pattern})")
_CSV_ESCAPED = re.compile(rf"(\\+)({_CSV_ESCAPE})")
#: A cell a spreadsheet would run as a formula (OWASP), also behind `'`s already there.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _hex(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    r"""`text` safe for a terminal and for tab-separated lines: controls, bidi controls,
    separators and lone surrogates as escapes (`\t`, `\n`, `\x1b`, `\u202e`, `\ud800`).

    `keep` names characters the caller's own layout needs (`"\t\n"` for text the CLI
    composed itself, which quotes server values with repr).
    """

    def escape(match: re.Match[str]) -> str:
        char = match[0]
        return char if char in keep else _SHORT.get(char) or _hex(char)

    return _UNSAFE.sub(escape, text)


def dumps(value: object, default: Callable[[Any], object]) -> str:
    r"""`value` as indented JSON, exact and inert: non-ASCII text stays readable, but DEL,
    C1, the bidi controls, the separators and lone surrogates are `\uXXXX` escapes.

    They can only stand inside JSON strings (the syntax is ASCII), where an escape means
    the same character, so the document parses back to the same value.
    """
    text = json.dumps(value, indent=2, ensure_ascii=False, default=default)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def csv_cell(text: str) -> str:
    r"""A CSV cell for `text`: inert on a terminal and in a spreadsheet, and exact through
    `from_csv_cell()` (see the module docstring for the rule)."""
    text = _CSV_BACKSLASHES.sub(lambda m: m[1] * 2, text)
    text = _CSV_UNSAFE.sub(lambda m: _hex(m[0]), text)
    return "'" + text if _FORMULA.match(text) else text


def from_csv_cell(text: str) -> str:
    r"""The text `csv_cell()` was given: one leading `'` before `= + - @`, tab or CR goes,
    `\xNN` / `\uNNNN` escapes it writes become their characters, doubled backslashes
    before them halve. A cell written by hand reads as it always did unless it holds one of
    those escapes (`\x1b`, `\u202e`), which no name typed on a keyboard does."""
    if _FORMULA.match(text) and text.startswith("'"):
        text = text[1:]

    def decode(match: re.Match[str]) -> str:
        run, escape = match[1], match[2]
        kept = "\\" * (len(run) // 2)
        return kept + (chr(int(escape[1:], 16)) if len(run) % 2 else escape)

    return _CSV_ESCAPED.sub(decode, text)
