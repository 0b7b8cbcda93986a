"""Listings that stream within a default limit, deletes that ask first, and the conventions
of the command line (global options after the command, `quota` at 0, one low-quota line,
choices in help, examples that parse).

Each runs the real console script against the fake on loopback: through a shell pipe, or on
a pseudo-terminal (stdlib `pty`), as a person at tmux would; requests are counted at the
server.
"""

from __future__ import annotations

import json
import math
import os
import re
import select
import shlex
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from toggl_focus.cli.app import app
from toggl_focus.testing import FakeFocus

from .conftest import FOCUS, SECRET, Cli
from .test_commands import _live_ghosts

HERE = Path(__file__).parent


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Cli]:
    """The fake seeded with 5,000 ghosts (more than 30 pages of them in the first workspace)."""
    fake = FakeFocus(seed=0, ghosts=5000, quota=600, token=SECRET)
    with fake.serve() as base_url:
        yield Cli(fake, base_url, tmp_path / "config")


def _shell(cli: Cli, command: str) -> subprocess.CompletedProcess[str]:
    """`command` run by bash, with the console script first on PATH."""
    env = cli.env(PATH=f"{FOCUS.parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=env, timeout=60
    )


class Terminal:
    """`focus` on a pseudo-terminal: stdin, stderr and (unless `stdout` is given) stdout."""

    def __init__(self, cli: Cli, *args: str, stdout: int | None = None) -> None:
        self.master, slave = os.openpty()
        self.proc = subprocess.Popen(
            [str(FOCUS), *args],
            stdin=slave,
            stdout=slave if stdout is None else stdout,
            stderr=slave,
            env=cli.env(TERM="xterm-256color"),
        )
        os.close(slave)
        self.seen = b""

    def _read(self, timeout: float) -> bool:
        """Read what is there within `timeout`; False once the terminal is closed."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the process has ended and closed its side
            return False
        self.seen += chunk
        return bool(chunk)

    def wait_for(self, text: bytes, timeout: float = 20) -> None:
        """Read until `text` shows (an assertion error if it does not in time)."""
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            assert time.monotonic() < deadline, f"{text!r} never showed; saw {self.seen!r}"
            if not self._read(0.1):
                raise AssertionError(f"ended before {text!r} showed; saw {self.seen!r}")

    def drain(self, until: float) -> None:
        """Keep reading (so the process never blocks on a full terminal) until `until`."""
        while time.monotonic() < until and self._read(0.05):
            pass

    def send(self, text: str) -> None:
        os.write(self.master, text.encode())

    def finish(self, timeout: float = 60) -> tuple[int, bytes]:
        """Read to the end; the exit status and everything the terminal got."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.1):
            pass
        code = self.proc.wait(timeout=10)
        os.close(self.master)
        assert SECRET.encode() not in self.seen
        return code, self.seen


_CSI = re.compile(r"\x1b\[([?0-9;]*)([A-Za-z])")


def screen(raw: bytes) -> list[str]:
    """The lines a terminal shows after `raw`: enough of VT100 for rich's live display
    (carriage return, erase line, cursor up; colours and cursor visibility ignored)."""
    text = raw.decode(errors="replace")
    lines: list[list[str]] = [[]]
    row = col = 0
    i = 0
    while i < len(text):
        match = _CSI.match(text, i)
        if match:
            args, command = match.groups()
            if command == "K":  # erase in line: 2 the whole line, 0 (or none) to its end
                lines[row] = [] if args == "2" else lines[row][:col]
            elif command == "A":
                row = max(0, row - int(args or 1))
            i = match.end()
            continue
        char = text[i]
        i += 1
        if char == "\r":
            col = 0
        elif char == "\n":
            row, col = row + 1, 0
            while len(lines) <= row:
                lines.append([])
        elif char >= " ":
            line = lines[row]
            line.extend(" " * (col + 1 - len(line)))
            line[col] = char
            col += 1
    return ["".join(line).rstrip() for line in lines]


# --- listings --------------------------------------------------------------------------------


def test_a_pipe_closed_after_three_lines_costs_one_request(big: Cli) -> None:
    """`focus ghosts ls | head -3` over 5,000 ghosts: 1 request, not the 32 of every page."""
    done = _shell(big, "focus ghosts ls | head -3")
    lines = done.stdout.splitlines()
    assert len(lines) == 3 and lines[0].split("\t")[:2] == ["id", "name"], done.stderr
    assert big.spent() == 1
    # --all stops too once the reader is gone: the next write fails before the next page.
    big.fake.latency = 0.05
    done = _shell(big, "focus ghosts ls --all | head -3")
    assert len(done.stdout.splitlines()) == 3
    assert big.spent() <= 3  # the page written when head left, and maybe one in flight


def test_the_default_limit_is_one_request_and_the_footer_says_what_is_left(big: Cli) -> None:
    count = len(_live_ghosts(big))
    pages = math.ceil(count / 100)
    assert pages > 30  # more than a free plan's hour
    shown = big.run("ghosts", "ls")
    assert shown.code == 0, shown.err
    assert len(shown.out.splitlines()) == 1 + 100
    footer = (
        f"focus: showing 100 of {count} ghosts: --limit N shows more, "
        f"--all shows all {count} ({pages} requests)"
    )
    assert footer in shown.err.splitlines()
    assert big.spent() == 1
    some = big.run("ghosts", "ls", "--limit", "250", "--csv")
    assert len(some.out.splitlines()) == 1 + 250 and big.spent() == 3
    assert f"focus: showing 250 of {count} ghosts" in some.err
    both = big.run("ghosts", "ls", "--limit", "5", "--all")
    assert both.code == 2 and "--limit or --all" in both.err and big.spent() == 0


def test_all_lists_every_ghost_as_one_json_array(big: Cli) -> None:
    everything = big.run("ghosts", "ls", "--all", "--json")
    assert everything.code == 0, everything.err
    ghosts = json.loads(everything.out)
    assert sorted(g["id"] for g in ghosts) == sorted(g["id"] for g in _live_ghosts(big))
    # written item by item, yet the very document json.dumps prints
    assert everything.out == json.dumps(ghosts, indent=2, ensure_ascii=False) + "\n"
    assert "showing" not in everything.err
    assert big.spent() == math.ceil(len(ghosts) / 100)


def test_users_without_a_total_say_there_may_be_more(cli: Cli) -> None:
    users = len(cli.fake.state.users)
    assert users > 100
    first = cli.run("users", "ls", "--csv")
    assert len(first.out.splitlines()) == 1 + 100 and cli.spent() == 1
    assert "focus: showing the first 100 users; there may be more" in first.err
    every = cli.run("users", "ls", "--all", "--csv")
    assert len(every.out.splitlines()) == 1 + users and cli.spent() == 2
    assert "showing" not in every.err


def _count_after(cli: Cli, requests: int, term: Terminal | None = None) -> None:
    """Wait until the fake has counted `requests` requests (the last may be on its way)."""
    deadline = time.monotonic() + 30
    while cli.fake.request_count < requests:
        assert time.monotonic() < deadline, "the listing never got that far"
        assert term is None or term.proc.poll() is None, term.seen
        if term is not None:
            term.drain(time.monotonic() + 0.05)
        else:
            time.sleep(0.05)


def test_ctrl_c_on_a_terminal_prints_the_rows_fetched_and_exits_130(big: Cli) -> None:
    big.fake.latency = 0.4  # slow pages: Ctrl-C lands mid-listing
    term = Terminal(big, "ghosts", "ls", "--limit", "3000")
    _count_after(big, 3, term)
    term.proc.send_signal(signal.SIGINT)
    code, raw = term.finish()
    assert code == 130
    shown = "\n".join(screen(raw))
    rows = re.findall(r"^│\s*(\d+)\s*│", shown, re.MULTILINE)  # the table's rows
    # the fake counts a page before the client reads it: the last one counted may be lost
    assert len(rows) >= 200 and len(rows) % 100 == 0, shown[-2000:]
    assert len(rows) < len(_live_ghosts(big))
    assert f"{len(rows)} ghosts (stopped early)" in shown
    assert "focus: interrupted" in shown


def test_ctrl_c_keeps_json_output_valid(big: Cli, tmp_path: Path) -> None:
    big.fake.latency = 0.4
    out, err = tmp_path / "out.json", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [str(FOCUS), "ghosts", "ls", "--limit", "3000", "--json"],
            stdout=stdout,
            stderr=stderr,
            env=big.env(),
        )
        _count_after(big, 3)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
    ghosts = json.loads(out.read_text())  # the array is closed
    assert len(ghosts) >= 200 and len(ghosts) % 100 == 0
    assert "focus: interrupted" in err.read_text()


# --- deletes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "deletes"), [("n", 0), ("y", 1)])
def test_rm_on_a_terminal_shows_the_ghost_and_asks(cli: Cli, answer: str, deletes: int) -> None:
    ghost = _live_ghosts(cli)[0]
    term = Terminal(cli, "ghosts", "rm", str(ghost["id"]))
    term.wait_for(b"[y/N]")
    assert f"will delete ghost {ghost['id']}: {ghost['name']}".encode() in term.seen
    assert not any(r.method == "DELETE" for r in cli.fake.requests)  # nothing before the answer
    term.send(f"{answer}\n")
    code, raw = term.finish()
    assert code == (0 if deletes else 2), raw
    assert [r.method for r in cli.fake.requests].count("DELETE") == deletes
    assert (cli.fake.state.ghosts[ghost["id"]]["deleted_at"] is not None) == bool(deletes)
    if not deletes:
        assert b"not confirmed; nothing was changed" in raw


def test_groups_rm_on_a_terminal_names_the_group_and_asks(cli: Cli) -> None:
    term = Terminal(cli, "groups", "rm", "41")
    term.wait_for(b"[y/N]")
    assert b"will delete group 41: Design" in term.seen
    term.send("y\n")
    code, raw = term.finish()
    assert code == 0, raw
    assert [r.method for r in cli.fake.requests] == ["GET", "DELETE"]
    assert 41 not in cli.fake.state.groups


@pytest.mark.parametrize("args", [["ghosts", "rm", "GHOST"], ["groups", "rm", "41"]])
def test_rm_without_a_terminal_needs_yes_and_sends_nothing(cli: Cli, args: list[str]) -> None:
    ghost = str(_live_ghosts(cli)[0]["id"])
    argv = [ghost if a == "GHOST" else a for a in args]
    refused = cli.run(*argv)
    assert refused.code == 2
    assert "not a terminal" in refused.err and "--yes" in refused.err
    assert cli.spent() == 0
    done = cli.run(*argv, "-y")
    assert done.code == 0, done.err
    assert [r.method for r in cli.fake.requests][-1] == "DELETE"


def test_rm_of_a_missing_ghost_is_not_found_and_deletes_nothing(cli: Cli) -> None:
    ghost = _live_ghosts(cli)[0]["id"]
    missing = cli.run("ghosts", "rm", str(ghost), "999999", "--yes")
    assert missing.code == 4
    assert "ghost 999999 not found" in missing.err
    assert [r.method for r in cli.fake.requests] == ["GET", "GET"]  # no DELETE at all
    assert cli.fake.state.ghosts[ghost]["deleted_at"] is None
    assert cli.run("groups", "rm", "999999", "--yes").code == 4


# --- conventions -----------------------------------------------------------------------------


def _paths(cli: Cli) -> list[str]:
    return [r.path for r in cli.fake.requests]


def test_global_options_work_after_the_command_and_the_last_one_wins(cli: Cli) -> None:
    first, second = (str(w) for w in cli.fake.workspace_ids)
    after = cli.run("ghosts", "ls", "--limit", "1", "--debug", "-w", second)
    assert after.code == 0, after.err
    assert f"DEBUG GET /api/organizations/9001/workspaces/{second}/ghosts" in after.err
    assert cli.run("-w", first, "ghosts", "ls", "--limit", "1", "-w", second).code == 0
    assert cli.run("ghosts", "ls", "--limit", "1", "--workspace-id", second, "-w", first).code == 0
    assert [p.split("/")[5] for p in _paths(cli)] == [second, second, first]
    env = cli.env()
    del env["TOGGL_FOCUS_API_TOKEN"]
    assert cli.run("roles", "ls", "--token", SECRET, "--no-progress", env=env).code == 0
    shown = cli.run("-o", "1234", "config", "show", "-o", "5678")
    assert "organization_id  5678" in shown.out


def test_quota_when_spent_shows_the_state_and_exits_0(cli: Cli) -> None:
    cli.fake.quota = 1
    assert cli.run("roles", "ls").code == 0
    spent = cli.run("quota")
    assert spent.code == 0, spent.err
    assert spent.out.splitlines()[0] == "remaining\t0"
    assert re.search(
        r"^focus: 1 request spent; quota spent: 0 left, resets in \d+ min "
        r"\(at \d\d:\d\d:\d\d UTC\)$",
        spent.err,
        re.MULTILINE,
    ), spent.err
    assert "error" not in spent.err
    shown = cli.run("quota", "--json")
    assert shown.code == 0 and json.loads(shown.out)["remaining"] == 0


def test_near_the_limit_one_quota_line_after_the_progress_bar(big: Cli, tmp_path: Path) -> None:
    big.fake.quota = 7  # 4 pages leave 3: the quota is low from the second page on
    big.fake.latency = 0.3  # the bar is on screen while the pages arrive
    with (tmp_path / "out.csv").open("w") as out:
        term = Terminal(big, "ghosts", "ls", "--limit", "400", "--csv", stdout=out.fileno())
        code, raw = term.finish()
    assert code == 0, raw
    assert "━".encode() in raw  # a progress bar was drawn
    lines = screen(raw)
    about_quota = [line for line in lines if "quota" in line or "left" in line]
    assert len(about_quota) == 1, lines
    assert re.fullmatch(
        r"focus: 4 requests spent; quota low: 3 left, resets in \d+ min "
        r"\(at \d\d:\d\d:\d\d UTC\)",
        about_quota[0],
    ), about_quota
    assert not any("━" in line for line in lines)  # the bar is gone, not under a message


def test_choices_show_in_help_and_a_wrong_value_names_them(cli: Cli) -> None:
    update = cli.run("ghosts", "update", "--help")
    assert "--action [add|remove|replace]" in update.out
    plan = cli.run("ghosts", "plan", "--help")
    assert "--key [name|id]" in plan.out
    bad = cli.run("ghosts", "update", "1001", "--action", "append", "--team", "41")
    assert bad.code == 2 and all(f"'{c}'" in bad.err for c in ("add", "remove", "replace"))
    key = cli.run("ghosts", "plan", str(HERE / "staff.csv"), "--key", "email")
    assert key.code == 2 and "'name'" in key.err and "'id'" in key.err
    assert cli.spent() == 0


def _leaves(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _leaves(command, (*path, name))
        else:
            yield (*path, name)


def _examples(help_text: str) -> list[str]:
    """The lines of the help's Examples section."""
    _, found, rest = help_text.partition("\nExamples:\n")
    assert found, help_text
    return [line.strip() for line in rest.split("\n\n", 1)[0].splitlines() if line.strip()]


def _argv(example: str) -> list[str]:
    """The words of an example's command, up to a shell operator (`> report.csv`)."""
    lexer = shlex.shlex(example, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    ends = [i for i, word in enumerate(words) if word in (">", ">>", "<", "|", "&&", ";")]
    return words[: ends[0]] if ends else words


def _parse(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    """Parse `focus ARGV` as the console script does, every option and argument checked,
    and return the command it reached; its callback is replaced, so nothing runs."""
    reached: list[tuple[str, ...]] = []
    for path in _leaves(app):
        command = app
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        monkeypatch.setattr(command, "callback", lambda *a, _p=path, **k: reached.append(_p))
    app.main(argv, prog_name="focus", standalone_mode=False)
    monkeypatch.undo()
    return reached[0]


def test_every_command_has_examples_that_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    leaves = list(_leaves(app))
    assert len(leaves) > 20
    for path in leaves:
        shown = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
        assert shown.exit_code == 0, shown.output
        examples = _examples(shown.output)
        assert 1 <= len(examples) <= 3, (path, examples)
        for example in examples:  # whole lines: click did not wrap them at 80 columns
            argv = _argv(example)
            assert argv[: len(path) + 1] == ["focus", *path], example
            assert _parse(argv[1:], monkeypatch) == path, example
    with pytest.raises(click.UsageError):  # a wrong option in an example would fail
        _parse(["ghosts", "ls", "--serch", "designer"], monkeypatch)
