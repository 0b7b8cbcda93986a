"""Hostile and broken input files, as the real console script: every one is a usage error
(exit 2) of one line naming the file and the row, with nothing sent and no traceback, on a
pipe and on a terminal; memory and time stay bounded (rows streamed, sizes capped)."""

from __future__ import annotations

import codecs
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Cli
from .test_saved_plans import run_pty

DEEP = 100_000
DIGITS = "7" * 5000


def _csv_rows(count: int) -> bytes:
    return b"name\n" + b"".join(b"G%d\n" % n for n in range(count))


#: name -> (file name, bytes, what the error says after `FILE: `)
CASES: dict[str, tuple[str, bytes, str]] = {
    "invalid JSON": (
        "p.json",
        b'[{"name": "A"},\n {"name": "B",}]',
        # the json module's own words follow; they differ between Python versions (3.13:
        # "Illegal trailing comma before end of object"), so only the line is checked
        "row 2 (line 2): not valid JSON: ",
    ),
    "JSON nested deep": ("p.json", b"[" * DEEP + b"]" * DEEP, "row 1 (line 1): nested too deeply"),
    "JSON row nested deep": (
        "p.json",
        b'[{"name": "A"},\n{"name": ' + b"[" * DEEP + b"]" * DEEP + b"}]",
        "row 2 (line 2): nested too deeply",
    ),
    "JSON 5,000 digits": (
        "p.json",
        b'[{"name": "A", "ghost_id": ' + DIGITS.encode() + b"}]",
        "row 1 (line 1): a number of more than 4,300 digits",
    ),
    "JSON NaN": ("p.json", b'[{"name": NaN}]', "row 1 (line 1): NaN is not a JSON number"),
    "JSON escaped NUL": ("p.json", b'[{"name": "A\\u0000"}]', "row 1 (line 1): name holds a NUL"),
    "JSON not UTF-8": (
        "p.json",
        b'[{"name": "A"},\n{"name": "B\xe9"}]',
        "row 2 (line 2): name is not UTF-8 text",
    ),
    "JSON row of a wrong type": (
        "p.json",
        b'[{"name": "A"},\n 12]',
        "row 2 (line 2): expected an object, got a number",
    ),
    "JSON value of a wrong type": (
        "p.json",
        b'[{"name": {"first": "A"}}]',
        "row 1 (line 1): name must be a string, a number or a list of them, got an object",
    ),
    "YAML nested deep": (
        "p.yaml",
        b"- name: A\n- " + b"[" * DEEP + b"]" * DEEP + b"\n",
        "row 2 (line 2): nested too deeply",
    ),
    "YAML 5,000 digits": (
        "p.yaml",
        b"- name: A\n  ghost_id: " + DIGITS.encode() + b"\n",
        "row 1 (line 1): a number of more than 4,300 digits",
    ),
    "YAML alias bomb": (
        "p.yaml",
        b"- name: A\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        b"- name: B\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"- name: C\n  c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "row 2 (line 4): a YAML alias (*name); aliases are not accepted",
    ),
    "YAML python tag": (
        "p.yaml",
        b'- name: !!python/object/apply:os.system ["touch PWNED"]\n',
        "row 1 (line 1): not accepted: could not determine a constructor for the tag",
    ),
    "YAML NUL": ("p.yaml", b"- name: A\n- name: B\x00\n", "row 2 (line 2): a NUL byte"),
    "YAML not UTF-8": ("p.yaml", b"- name: A\n- name: B\xe9\n", "row 2 (line 2): not UTF-8"),
    "YAML a mapping": ("p.yaml", b"name: A\n", "line 1: a YAML file must hold a list of objects"),
    "CSV not UTF-8": ("p.csv", b"name\nA\nB\xe9\n", "row 2 (line 3): not UTF-8 text (byte 0xe9"),
    "CSV UTF-16": ("p.csv", "name\nA\n".encode("utf-16"), "line 1: UTF-16 text"),
    "CSV BOM inside": (
        "p.csv",
        b"name\nA\n" + codecs.BOM_UTF8 + b"name\nB\n",
        "row 2 (line 3): a byte order mark (U+FEFF) inside the file",
    ),
    "CSV NUL": ("p.csv", b"name\nA\nB\x00\n", "row 2 (line 3): a NUL byte"),
    "CSV cell over the limit": (
        "p.csv",
        b"name,description\nA," + b"x" * 200_000 + b"\n",
        "row 1 (line 2): a cell longer than 131,072 characters",
    ),
    "CSV header only": ("p.csv", b"name,team_ids\n", "no rows after the header (line 1)"),
    "CSV 5,000 digits": (
        "p.csv",
        b"name,team_ids\nA," + DIGITS.encode() + b"\n",
        "row 1 (line 2), column 'team_ids': a str of 5000 characters (not shown) is not an id",
    ),
    "CSV 100,001 rows": (
        "p.csv",
        _csv_rows(100_001),
        "row 100001 (line 100002): more than 100,000 rows; split the file",
    ),
    "JSON empty list": ("p.json", b"[]", "no rows (an empty list)"),
    "JSON over 32 MiB": (
        "p.json",
        b"[" + b" " * (32 * 1024 * 1024) + b"]",
        "larger than 32 MiB, the limit for JSON files",
    ),
    "YAML over 2 MiB": (
        "p.yaml",
        b"- name: A\n" + b"#" * (2 * 1024 * 1024) + b"\n",
        "larger than 2 MiB, the limit for YAML files",
    ),
}

COMMANDS: list[Callable[[str], list[str]]] = [
    lambda path: ["ghosts", "plan", path],
    lambda path: ["ghosts", "apply", path, "--yes"],
    lambda path: ["ghosts", "embody-many", path, "--role", "3"],
]


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_input_file_is_a_usage_error_naming_file_and_row(
    cli: Cli, tmp_path: Path, case: str
) -> None:
    name, data, says = CASES[case]
    path = tmp_path / name
    path.write_bytes(data)
    for command in COMMANDS:
        result = cli.run(*command(str(path)))
        assert result.code == 2, (command(""), result.err[-2000:])
        assert result.out == ""
        assert result.err.startswith(f"focus: error: {path}: ") or result.err.startswith(
            f"focus: error: {path} "
        ), result.err[:300]
        assert result.err.count("\n") == 1 and "Traceback" not in result.err, result.err[-500:]
        if command("")[1] != "embody-many" or "5,000 digits" not in case:
            assert says in result.err, (command(""), result.err[:300])
    assert cli.spent() == 0
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_a_bad_input_file_on_a_terminal_is_one_line_too(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(CASES["YAML alias bomb"][1])
    screen = run_pty(cli, "ghosts", "apply", str(path))
    assert screen.code == 2
    assert screen.text.strip().splitlines() == [
        f"focus: error: {path}: {CASES['YAML alias bomb'][2]} in input files"
    ]
    assert cli.spent() == 0


def test_a_million_rows_are_refused_at_the_row_limit_quickly(cli: Cli, tmp_path: Path) -> None:
    """The tester's 1,000,000-row file took 68 s and 1.2 GB with --dry-run; now it stops at
    row 100,001, having read only that far."""
    path = tmp_path / "million.csv"
    path.write_bytes(_csv_rows(1_000_000))
    started = time.monotonic()
    result = cli.run("ghosts", "plan", str(path), "--dry-run")
    assert result.code == 2 and "more than 100,000 rows" in result.err
    assert time.monotonic() - started < 15
    assert cli.spent() == 0


def test_a_byte_order_mark_is_accepted_at_the_start_only(cli: Cli, tmp_path: Path) -> None:
    """Excel's UTF-8 byte order mark opens the file; one further in means joined files."""
    path = tmp_path / "excel.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"name,team_ids\r\nExcel Ghost (TBH),41\r\n")
    result = cli.run("ghosts", "plan", str(path), "--json")
    assert result.code == 0, result.err
    assert [c["name"] for c in json.loads(result.out)["creates"]] == ["Excel Ghost (TBH)"]
    cli.spent()
    path.write_bytes(path.read_bytes() + codecs.BOM_UTF8 + b"Joined Ghost (TBH),42\r\n")
    joined = cli.run("ghosts", "plan", str(path))
    assert joined.code == 2 and "row 2 (line 3): a byte order mark" in joined.err
    assert cli.spent() == 0


def test_the_limits_are_in_the_help(cli: Cli) -> None:
    for command in ("plan", "apply"):
        shown = cli.run("ghosts", command, "--help").out
        assert "at most 100,000 rows" in shown and "JSON 32 MiB, YAML 2 MiB" in " ".join(
            shown.split()
        )
