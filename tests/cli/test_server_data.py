r"""Server data is data: hostile names and error texts, run through the real `focus` script.

Two sources serve them: the fake (`FakeFocus`, names set in its state) and a small HTTP
server of this file's own (`http.server`, not the fake), whose bodies carry what the fake
cannot send, such as the JSON escape `\ud800` (a lone surrogate). Every mode is run: the
table on a pty, plain text on a pipe, `--json`, `--csv`, `ghosts get`, the `focus: error:`
line (also with `--debug`, whose log lines quote the server's text). Whatever the server
sends, the command exits as it would for a tame name, prints no traceback, and lets no raw
escape, C1 or bidi character reach the output; markup shows as text; JSON is exact; CSV
follows the rule in its `--help` and reads back exactly through `ghosts plan`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import FOCUS, SECRET, Cli

#: The names a tester's server sent, and how a terminal or plain text must show each.
SHOWN = {
    "[/bold]": "[/bold]",
    "Dev [remote]": "Dev [remote]",
    "[link=https://evil.example]x[/link]": "[link=https://evil.example]x[/link]",
    "\x1b]0;pwned\x07": r"\x1b]0;pwned\x07",
    "\x1b[2J": r"\x1b[2J",
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\": (
        r"\x1b]8;;https://evil.example\x1b" + "\\" + r"click\x1b]8;;\x1b" + "\\"
    ),
    "\u202eevil": r"\u202eevil",
    "\x9b31m": r"\x9b31m",
    "a\tb\nc": r"a\tb\nc",
    '=HYPERLINK("http://x")': '=HYPERLINK("http://x")',
    "\ud800": r"\ud800",
}
#: The fake answers with UTF-8 it encodes itself, which a lone surrogate cannot be.
FAKE_NAMES = [name for name in SHOWN if name != "\ud800"]
#: A character that must never reach the output raw: C0 but tab and newline, DEL, C1, bidi
#: controls, line/paragraph separators, surrogates.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff]"
)
#: What rich itself writes on a terminal: style on and off (SGR).
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def assert_inert(text: str, *, terminal: bool = False) -> str:
    """No traceback, and no raw control (but rich's own styles on a terminal); the text
    without those styles and with a terminal's CR LF as LF."""
    assert "Traceback" not in text, text
    if terminal:
        text = RICH_STYLE.sub("", text).replace("\r\n", "\n")
    found = RAW.search(text)
    assert found is None, f"raw {found[0]!r} in {text!r}"
    return text


@dataclass
class Source:
    """Where the hostile ghosts come from: the environment for `focus` and what it holds."""

    kind: str
    env: dict[str, str]
    names: dict[int, str]  # ghost id -> name
    description: str
    requests: list[str] = field(default_factory=list)  # paths, for the raw server


def read_pty(args: list[str], env: dict[str, str], *, stderr_too: bool = False) -> tuple[int, str]:
    """Run `focus` with stdout (and stderr) on a pty; its exit code and what it showed."""
    primary, secondary = os.openpty()
    try:
        done = subprocess.run(
            [str(FOCUS), *args],
            stdout=secondary,
            stderr=secondary if stderr_too else subprocess.PIPE,
            env={**env, "TERM": "xterm-256color", "COLUMNS": "200"},
            timeout=60,
        )
        os.close(secondary)
        chunks = []
        while True:  # a terminal hands its output out in pieces; EIO once it is all read
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    shown = b"".join(chunks).decode("utf-8")  # strict: a stray byte fails here too
    if not stderr_too:
        shown += done.stderr.decode("utf-8")
    assert SECRET not in shown
    return done.returncode, shown


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `focus` on pipes; stdout and stderr decoded strictly as UTF-8."""
    done = subprocess.run(
        [str(FOCUS), *args], capture_output=True, env=env, timeout=60, encoding="utf-8"
    )
    assert SECRET not in done.stdout + done.stderr
    return done


# --- a server of our own ---------------------------------------------------------------

ORG, WS = 1, 2
NOT_FOUND, FORBIDDEN = 404404, 403403
HOSTILE_ERROR = "[/bold]\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m\ud800 is [red]gone[/red]"


def _ghost(ghost_id: int, name: str, description: str) -> dict[str, Any]:
    return {
        "id": ghost_id,
        "name": name,
        "description": description,
        "assigned": {"projects": [], "tasks": [], "team_ids": []},
        "created_at": "2026-01-31T14:05:00Z",
        "updated_at": "2026-01-31T14:05:00Z",
        "deleted_at": None,
        "embodied_at": None,
        "user_id": None,
    }


def _body(value: object) -> bytes:
    """JSON as a hostile server writes it: C1 and bidi characters as raw UTF-8, control
    characters and the lone surrogate as JSON escapes (`\\u001b`, `\\ud800`)."""
    text = json.dumps(value, ensure_ascii=False).replace("\ud800", "\\ud800")
    return text.encode("utf-8")


@pytest.fixture
def raw_server(tmp_path: Path) -> Iterator[Source]:
    names = dict(enumerate(SHOWN, start=1))
    description = "\x1b[2J[/bold]\u202e\x9b"
    ghosts = {gid: _ghost(gid, name, description) for gid, name in names.items()}
    seen: list[str] = []
    prefix = f"/api/organizations/{ORG}/workspaces/{WS}/ghosts"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            path = self.path.split("?", 1)[0]
            status, body = 404, _body({"error": "not_found", "error_description": "no route"})
            if path == prefix:
                page = {"data": list(ghosts.values()), "page": 1, "rows": 100}
                status, body = 200, _body({**page, "total": len(ghosts)})
            elif path.startswith(prefix + "/"):
                gid = int(path.rsplit("/", 1)[1])
                if gid in ghosts:
                    status, body = 200, _body(ghosts[gid])
                else:
                    status = 403 if gid == FORBIDDEN else 404
                    error = {"error": "\x1b[2J", "error_description": HOSTILE_ERROR}
                    body = _body({**error, "trace_id": "\x1b]0;trace\x07"})
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
        env.update(
            TOGGL_FOCUS_BASE_URL=f"http://127.0.0.1:{server.server_address[1]}/api",
            TOGGL_FOCUS_API_TOKEN=SECRET,
            TOGGL_FOCUS_ORGANIZATION_ID=str(ORG),
            TOGGL_FOCUS_WORKSPACE_ID=str(WS),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            COLUMNS="200",
            NO_PROXY="*",
        )
        yield Source("raw", env, names, description, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def fake_source(cli: Cli) -> Source:
    state = cli.fake.state
    for gid in list(state.ghosts):  # only the hostile ones, so every row is checked
        state.ghosts[gid]["deleted_at"] = "2026-01-01T00:00:00Z"
    description = "\x1b[2J[/bold]\u202e\x9b"
    names = {cli.fake.add_ghost(n, description=description)["id"]: n for n in FAKE_NAMES}
    return Source("fake", cli.env(), names, description)


@pytest.fixture(params=["fake", "raw"])
def source(request: pytest.FixtureRequest) -> Source:
    return request.getfixturevalue("fake_source" if request.param == "fake" else "raw_server")


# --- every output mode -----------------------------------------------------------------


def test_table_on_a_terminal_shows_names_as_text(source: Source) -> None:
    code, shown = read_pty(["ghosts", "ls"], source.env)
    assert code == 0, shown
    shown = assert_inert(shown, terminal=True)
    assert "┃ name" in shown  # the rich table, not plain text
    for name in source.names.values():
        assert SHOWN[name] in shown, SHOWN[name]  # markup literally: [/bold], Dev [remote]


def test_plain_text_on_a_pipe_keeps_one_row_per_ghost(source: Source) -> None:
    done = run(["ghosts", "ls"], source.env)
    assert done.returncode == 0, done.stderr
    assert_inert(done.stdout + done.stderr)
    lines = done.stdout.split("\n")
    assert lines.pop() == ""
    rows = [line.split("\t") for line in lines]
    assert rows[0] == ["id", "name", "teams", "projects", "embodied_by"]
    assert all(len(row) == 5 for row in rows)  # a tab or newline in a name breaks nothing
    assert {int(r[0]): r[1] for r in rows[1:]} == {
        gid: SHOWN[name] for gid, name in source.names.items()
    }


def test_json_is_exact_and_parses(source: Source) -> None:
    done = run(["ghosts", "ls", "--json"], source.env)
    assert done.returncode == 0, done.stderr
    assert_inert(done.stdout + done.stderr)
    ghosts = json.loads(done.stdout)
    assert {g["id"]: g["name"] for g in ghosts} == source.names  # the surrogate too
    assert {g["description"] for g in ghosts} == {source.description}
    if source.kind == "raw":
        assert '"\\ud800"' in done.stdout  # escaped, valid JSON


def _csv_names(text: str) -> dict[int, str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["id", "name", "teams", "projects", "embodied_by"]
    return {int(row[0]): row[1] for row in rows[1:]}


def test_csv_prefixes_formulas_and_escapes_controls(source: Source) -> None:
    done = run(["ghosts", "ls", "--csv"], source.env)
    assert done.returncode == 0, done.stderr
    assert_inert(done.stdout + done.stderr)  # tab and newline stay, quoted by CSV
    cells = {source.names[gid]: cell for gid, cell in _csv_names(done.stdout).items()}
    assert cells['=HYPERLINK("http://x")'] == '\'=HYPERLINK("http://x")'  # OWASP
    assert cells["a\tb\nc"] == "a\tb\nc"
    assert cells["[/bold]"] == "[/bold]"
    assert cells["\x1b[2J"] == r"\x1b[2J"
    assert cells["\u202eevil"] == r"\u202eevil"
    if source.kind == "raw":
        assert cells["\ud800"] == r"\ud800"
    help_text = run(["ghosts", "ls", "--help"], source.env).stdout
    assert "leading '" in " ".join(help_text.split())  # the rule is in --csv's help


@pytest.mark.parametrize("key", ["name", "id"])
def test_csv_listing_read_back_as_a_plan_keeps_every_name(
    source: Source, key: str, tmp_path: Path
) -> None:
    done = run(["ghosts", "ls", "--csv"], source.env)
    assert done.returncode == 0, done.stderr
    assert_inert(done.stdout)
    rows = list(csv.reader(io.StringIO(done.stdout, newline="")))
    plan_file = tmp_path / "ghosts.csv"
    with plan_file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([row[0], row[1]] for row in rows)  # id, name verbatim
    source.requests.clear()
    plan = run(["ghosts", "plan", str(plan_file), "--key", key, "--json"], source.env)
    assert plan.returncode == 0, plan.stderr
    made = json.loads(plan.stdout)
    assert (made["creates"], made["updates"], made["deletes"]) == ([], [], [])
    assert sorted(u["id"] for u in made["unchanged"]) == sorted(source.names)
    assert made["cost"] == 0
    if source.kind == "raw":
        assert len(source.requests) == 1  # one page of ghosts read, nothing else


def test_ghosts_get_shows_each_field_inert(source: Source) -> None:
    description = r"\x1b[2J[/bold]\u202e\x9b"
    for gid, name in source.names.items():
        done = run(["ghosts", "get", str(gid)], source.env)
        assert done.returncode == 0, done.stderr
        assert_inert(done.stdout + done.stderr)
        lines = done.stdout.splitlines()
        assert f"name         {SHOWN[name]}" in lines
        assert f"description  {description}" in lines
        code, shown = read_pty(["ghosts", "get", str(gid)], source.env, stderr_too=True)
        assert code == 0, shown
        shown = assert_inert(shown, terminal=True)
        assert f"name         {SHOWN[name]}" in shown.splitlines()


def test_users_names_and_emails_are_inert(cli: Cli) -> None:
    cli.fake.state.add_user(email="\x1b]0;pwned\x07@evil.example", name="[/bold] \u202eevil")
    plain = cli.run("users", "ls")
    assert plain.code == 0, plain.err
    assert_inert(plain.out + plain.err)
    assert r"[/bold] \u202eevil" + "\t" + r"\x1b]0;pwned\x07@evil.example" in plain.out
    code, shown = read_pty(["users", "ls"], cli.env())
    assert code == 0, shown
    shown = assert_inert(shown, terminal=True)
    assert r"[/bold] \u202eevil" in shown
    listed = cli.run("users", "ls", "--json")
    assert_inert(listed.out)
    assert "[/bold] \u202eevil" in [u["name"] for u in json.loads(listed.out)]


# --- the error line ----------------------------------------------------------------------


def test_a_hostile_error_description_is_one_inert_line(raw_server: Source) -> None:
    expected = r"[/bold]\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m\ud800 is [red]gone[/red]"
    done = run(["ghosts", "get", str(NOT_FOUND)], raw_server.env)
    assert done.returncode == 4, done.stderr
    assert_inert(done.stderr)
    (line,) = [x for x in done.stderr.splitlines() if x.startswith("focus: error:")]
    assert expected in line and r"trace_id \x1b]0;trace\x07" in line
    code, shown = read_pty(["ghosts", "get", str(NOT_FOUND)], raw_server.env, stderr_too=True)
    assert code == 4
    shown = assert_inert(shown, terminal=True)
    assert expected in shown
    logged = run(["--debug", "ghosts", "get", str(NOT_FOUND)], raw_server.env)
    assert logged.returncode == 4
    assert_inert(logged.stderr)  # log lines quote the description too


def test_403_names_the_ids_the_request_used(raw_server: Source) -> None:
    done = run(["ghosts", "get", str(FORBIDDEN)], raw_server.env)
    assert done.returncode == 5, done.stderr
    assert_inert(done.stderr)
    assert done.stderr.rstrip().endswith(
        f"check that the token's user is an admin of organization {ORG} and workspace {WS}"
    )


def test_401_says_where_the_token_came_from_never_the_token(cli: Cli, tmp_path: Path) -> None:
    wrong = "toggl_sk_WRONG_0123456789"
    by_env = cli.run("ghosts", "ls", TOGGL_FOCUS_API_TOKEN=wrong)
    assert by_env.code == 5
    assert by_env.err.rstrip().endswith("check the API token (it came from $TOGGL_FOCUS_API_TOKEN)")
    token_file = tmp_path / "token"
    token_file.write_text(wrong + "\n")
    by_file = cli.run("--token-file", str(token_file), "ghosts", "ls")
    assert by_file.code == 5
    assert by_file.err.rstrip().endswith("check the API token (it came from --token-file)")
    assert wrong not in by_env.err + by_file.err


def test_a_connection_error_names_the_host(cli: Cli) -> None:
    with socket.socket() as bound:  # bound, not listening: connections are refused
        bound.bind(("127.0.0.1", 0))
        port = bound.getsockname()[1]
        done = cli.run("ghosts", "ls", TOGGL_FOCUS_BASE_URL=f"http://127.0.0.1:{port}/api")
    assert done.code == 6
    (line,) = [x for x in done.err.splitlines() if x.startswith("focus: error:")]
    assert line.startswith(f"focus: error: cannot connect to 127.0.0.1:{port}: "), line


def test_text_the_output_encoding_cannot_hold_prints_as_escapes(cli: Cli) -> None:
    gid = cli.fake.add_ghost("Zoë ☃")["id"]
    done = cli.run("ghosts", "ls", "--search", "Zo", PYTHONIOENCODING="ascii")
    assert done.code == 0, done.err  # was a UnicodeEncodeError traceback, exit 1
    assert f"{gid}\tZo\\xeb \\u2603\t" in done.out


def test_csv_round_trip_keeps_backslashes_and_quotes_that_look_like_its_own(
    cli: Cli, tmp_path: Path
) -> None:
    """Text that reads like the CSV rule's own escapes or prefix stays text: a backslash
    before an escape is doubled, a `'` before a formula character gets another one."""
    names = [r"C:\x1b", "\\\x1b[2J", r"C:\temp\u202e", "'=x", "''+1", "-", "\\\\x9b"]
    ids = [cli.fake.add_ghost(name)["id"] for name in names]
    listed = cli.run("ghosts", "ls", "--csv")
    assert listed.code == 0, listed.err
    assert_inert(listed.out)
    rows = [row for row in csv.reader(io.StringIO(listed.out, newline="")) if row[0] != "id"]
    cells = {int(row[0]): row[1] for row in rows}
    assert [cells[gid] for gid in ids] == [
        r"C:\\x1b",
        r"\\\x1b[2J",
        r"C:\temp\\u202e",
        "''=x",
        "'''+1",
        "'-",
        r"\\\\x9b",
    ]
    plan_file = tmp_path / "ghosts.csv"
    with plan_file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "name"], *([r[0], r[1]] for r in rows)])
    plan = cli.run("ghosts", "plan", str(plan_file), "--key", "id", "--json")
    assert plan.code == 0, plan.err
    made = json.loads(plan.out)
    assert (made["creates"], made["updates"], made["deletes"]) == ([], [], [])
    assert set(ids) <= {u["id"] for u in made["unchanged"]}
