"""Saved plans, the confirmation before `apply`, the plan's colours and the hours economy, as
the real console script against the fake, on a pipe and on a pseudo-terminal (stdlib pty).

Costs are counted at the server (`cli.spent()`): a saved plan costs its staleness check
(one request per 100 ghosts it touches) and its changes, nothing else.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from toggl_focus import Focus

from .conftest import FOCUS, SECRET, Cli

#: Two ghosts of the seeded workspace (seed 0) and a new one.
HIRING = """name,team_ids,working_hours
Junior Designer (TBH),41,mon=6;tue=6
Contract Designer (TBH),44;41,
Motion Designer (TBH),42,mon=8
"""
ESC = "\x1b["


def _file(tmp_path: Path, text: str, name: str = "hiring.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _writes(cli: Cli) -> list[str]:
    return [f"{r.method} {r.path}" for r in cli.fake.requests if r.method != "GET"]


def _ghost(cli: Cli, name: str) -> dict[str, object]:
    state = cli.fake.state
    return next(
        g
        for gid, g in state.ghosts.items()
        if g["name"] == name and g["deleted_at"] is None
        and state.ghost_workspace[gid] == cli.fake.workspace_id
    )  # fmt: skip


@dataclass
class Screen:
    """A finished run on a pseudo-terminal: its exit code and all it wrote (one stream)."""

    code: int
    text: str


def run_pty(cli: Cli, *args: str, answer: str | None = None, cwd: Path | None = None) -> Screen:
    """Run `focus` with stdin, stdout and stderr on a pty; type `answer` at the `[y/N]`."""
    env = cli.env(TERM="xterm-256color", COLUMNS="200")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CI"):
        env.pop(name, None)
    main, child = os.openpty()
    proc = subprocess.Popen(
        [str(FOCUS), *args], stdin=child, stdout=child, stderr=child, env=env, cwd=cwd
    )
    os.close(child)
    seen, answered, deadline = b"", False, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # the child's side closed: it ended
                    break
                if not chunk:
                    break
                seen += chunk
            if answer is not None and not answered and b"[y/N]" in seen:
                os.write(main, answer.encode() + b"\n")
                answered = True
            if proc.poll() is not None and not ready:
                break
        code = proc.wait(timeout=30)
    finally:
        os.close(main)
        if proc.poll() is None:
            proc.kill()
    text = seen.decode("utf-8", "replace").replace("\r\n", "\n")
    assert SECRET not in text
    return Screen(code, text)


# --- plan -o, then apply exactly it ----------------------------------------------------------


def test_a_saved_plan_is_applied_exactly_for_its_check_and_its_changes(
    cli: Cli, tmp_path: Path
) -> None:
    hiring, saved = _file(tmp_path, HIRING), tmp_path / "plan.json"
    planned = cli.run("ghosts", "plan", str(hiring), "-o", str(saved))
    assert planned.code == 0, planned.err
    plan_reads = cli.spent()
    assert plan_reads == 2 + 1  # two listing pages (200 ghosts) + Junior Designer's hours
    document = json.loads(saved.read_text())
    assert document["focus_plan"] == 1 and document["source"] == str(hiring)
    assert document["cost"] == 5 and len(document["updates"]) == 2
    junior = next(u for u in document["updates"] if u["key"] == "Junior Designer (TBH)")
    assert junior["before"]["team_ids"] == [41, 42] and junior["after"] == {"team_ids": [41]}
    assert junior["before"]["updated_at"] and junior["working_hours"]["update"]

    dry = cli.run("ghosts", "apply", str(saved), "--dry-run")
    assert dry.code == 0 and dry.out.startswith("dry run: would spend 6 requests: 1 GET ghosts")
    assert cli.spent() == 0

    applied = cli.run("ghosts", "apply", str(saved))
    assert applied.code == 0, applied.err
    check, *rest = cli.fake.requests
    assert check.method == "GET" and "ghost_ids" in str(check.query)
    assert all(r.method != "GET" for r in rest)  # no listing, no hours read: the plan's 5
    assert cli.spent() == 6 and "5 of 5 requests applied" in applied.out
    assert "checking the saved plan read 1 request" in applied.out
    assert json.loads(saved.read_text())["applied"]["complete"] is True
    again = cli.run("ghosts", "plan", str(hiring), "--json")
    assert json.loads(again.out)["cost"] == 0


def test_a_saved_plan_is_applied_once(cli: Cli, tmp_path: Path) -> None:
    saved = tmp_path / "plan.json"
    hiring = _file(tmp_path, "name\nOnly New (TBH)\n")  # creates only: nothing to check
    assert cli.run("ghosts", "plan", str(hiring), "-o", str(saved)).code == 0
    assert cli.run("ghosts", "apply", str(saved)).code == 0
    cli.spent()
    twice = cli.run("ghosts", "apply", str(saved))
    assert twice.code == 8, twice.err
    assert "applied already" in twice.err and f"focus ghosts plan {hiring}" in twice.err
    assert cli.spent() == 0
    names = [g["name"] for g in cli.fake.state.ghosts.values() if g["deleted_at"] is None]
    assert names.count("Only New (TBH)") == 1


def test_a_stale_plan_is_refused_naming_the_changed_ghost(cli: Cli, tmp_path: Path) -> None:
    hiring, saved = _file(tmp_path, HIRING), tmp_path / "plan.json"
    assert cli.run("ghosts", "plan", str(hiring), "-o", str(saved)).code == 0
    contract = _ghost(cli, "Contract Designer (TBH)")
    with Focus(
        SECRET,
        base_url=cli.base_url,
        organization_id=cli.fake.organization_id,
        workspace_id=cli.fake.workspace_id,
    ) as other:  # someone else changes a ghost the plan updates
        other.ghosts.update(int(str(contract["id"])), description="changed meanwhile")
    cli.spent()
    stale = cli.run("ghosts", "apply", str(saved))
    assert stale.code == 8, stale.err
    assert f"{contract['id']} 'Contract Designer (TBH)': updated_at" in stale.err
    assert "nothing was sent" in stale.err and f"focus ghosts plan {hiring} -o" in stale.err
    assert "Traceback" not in stale.err
    assert cli.spent() == 1 and _writes(cli) == []  # the check only
    assert "applied" not in json.loads(saved.read_text())


def test_saved_plan_flags_and_inputs_are_checked_before_any_request(
    cli: Cli, tmp_path: Path
) -> None:
    hiring, saved = _file(tmp_path, HIRING), tmp_path / "plan.json"
    assert cli.run("ghosts", "plan", str(hiring), "-o", str(saved)).code == 0
    cli.spent()
    with_key = cli.run("ghosts", "apply", str(saved), "--key", "id")
    assert with_key.code == 2 and "drop --key" in with_key.err
    replan = cli.run("ghosts", "plan", str(saved))
    assert replan.code == 2 and "is a saved plan already" in replan.err
    document = json.loads(saved.read_text())
    document["updates"][0]["id"] = "x"
    saved.write_text(json.dumps(document))
    broken = cli.run("ghosts", "apply", str(saved))
    assert broken.code == 2
    assert f"{saved}: saved plan: updates[0].id must be a positive integer" in broken.err
    nowhere = cli.run("ghosts", "plan", str(hiring), "-o", str(tmp_path / "no" / "plan.json"))
    assert nowhere.code == 2 and "no directory" in nowhere.err
    assert cli.spent() == 0


# --- asking first ----------------------------------------------------------------------------


def test_apply_asks_on_a_terminal_and_n_sends_nothing(cli: Cli, tmp_path: Path) -> None:
    hiring = _file(tmp_path, HIRING)
    declined = run_pty(cli, "ghosts", "apply", str(hiring), answer="n")
    assert "Apply 3 changes (1 creates, 2 updates, 0 deletes)? [y/N]" in declined.text
    assert declined.code == 2 and "not confirmed; nothing was changed" in declined.text
    assert _writes(cli) == []
    cli.spent()
    accepted = run_pty(cli, "ghosts", "apply", str(hiring), answer="y")
    assert accepted.code == 0, accepted.text
    assert "5 of 5 requests applied" in accepted.text and len(_writes(cli)) == 5


def test_a_saved_plan_asks_too_and_yes_skips_the_question(cli: Cli, tmp_path: Path) -> None:
    hiring, saved = _file(tmp_path, HIRING), tmp_path / "plan.json"
    assert cli.run("ghosts", "plan", str(hiring), "-o", str(saved)).code == 0
    cli.spent()
    declined = run_pty(cli, "ghosts", "apply", str(saved), answer="no")
    assert declined.code == 2 and "[y/N]" in declined.text
    assert cli.spent() == 1 and "applied" not in json.loads(saved.read_text())  # the check
    unasked = run_pty(cli, "ghosts", "apply", str(saved), "--yes")
    assert unasked.code == 0 and "[y/N]" not in unasked.text
    assert cli.spent() == 6


def test_prune_without_a_terminal_needs_yes(cli: Cli, tmp_path: Path) -> None:
    keep = _file(tmp_path, "name\nJunior Designer (TBH)\n")
    refused = cli.run("ghosts", "apply", str(keep), "--prune")
    assert refused.code == 2, refused.err
    assert "pass --yes (-y) to go ahead without asking; nothing was changed" in refused.err
    assert cli.spent() == 0  # refused before reading the workspace
    saved = tmp_path / "prune.json"
    assert cli.run("ghosts", "plan", str(keep), "--prune", "-o", str(saved)).code == 0
    cli.spent()
    refused_saved = cli.run("ghosts", "apply", str(saved))
    assert refused_saved.code == 2 and "--yes" in refused_saved.err and cli.spent() == 0
    applied = cli.run("ghosts", "apply", str(saved), "--yes")
    assert applied.code == 0, applied.err
    live = [g for g in cli.fake.state.ghosts.values() if g["deleted_at"] is None]
    assert "Junior Designer (TBH)" in {g["name"] for g in live}
    assert len(_writes(cli)) == len(json.loads(saved.read_text())["deletes"]) > 100


def test_prune_on_a_terminal_lists_what_it_deletes_before_asking(cli: Cli, tmp_path: Path) -> None:
    keep = _file(tmp_path, "name\nJunior Designer (TBH)\n")
    victim = _ghost(cli, "Contract Designer (TBH)")
    screen = run_pty(cli, "ghosts", "apply", str(keep), "--prune", answer="n")
    listed = screen.text.index(f"focus:   - {victim['id']} 'Contract Designer (TBH)'")
    assert listed < screen.text.index("[y/N]")
    assert screen.code == 2 and _writes(cli) == []


# --- what planning costs ---------------------------------------------------------------------


def test_rows_without_hours_cost_no_hours_read(cli: Cli, tmp_path: Path) -> None:
    """29 rows naming ghosts of the workspace (229 ghosts), 10 of them stating working hours:
    planning reads the listing (3 pages) and those 10 ghosts' hours: 13 requests. Before, an
    empty cell meant "no hours" and every matched ghost's hours were read: 3 + 29 = 32."""
    names = [cli.fake.add_ghost(f"Economy {n:02d} (TBH)")["name"] for n in range(29)]
    lines = ["name,working_hours"]
    lines += [f"{n},{'mon=8;tue=8' if i < 10 else ''}" for i, n in enumerate(names)]
    rows = _file(tmp_path, "\n".join(lines) + "\n")
    planned = cli.run("ghosts", "plan", str(rows), "--json")
    assert planned.code == 0, planned.err
    assert cli.spent() == 3 + 10 == json.loads(planned.out)["reads"]
    assert len(json.loads(planned.out)["updates"]) == 10  # the ten get hours; the rest as is
    dry = cli.run("ghosts", "plan", str(rows), "--dry-run")
    assert "(at most 10 of the 29 rows)" in dry.out and cli.spent() == 0


# --- colour on a terminal, none on a pipe ----------------------------------------------------


def test_the_plan_is_coloured_on_a_terminal_and_plain_on_a_pipe(cli: Cli, tmp_path: Path) -> None:
    cli.fake.add_ghost("Old Ghost (TBH)")
    rows = _file(tmp_path, HIRING.replace("Contract Designer (TBH),44;41,", "Old Ghost (TBH),,"))
    keep = [line.split(",")[0] for line in rows.read_text().splitlines()[1:]]
    assert "Old Ghost (TBH)" in keep
    screen = run_pty(cli, "ghosts", "plan", str(rows), "--prune")
    assert screen.code == 0, screen.text
    line_of = {
        sign: next(x for x in screen.text.splitlines() if f" {sign} '" in x) for sign in "+~-"
    }
    assert (
        f"{ESC}32m" in line_of["+"] and f"{ESC}33m" in line_of["~"] and f"{ESC}31m" in line_of["-"]
    )
    piped = cli.run("ghosts", "plan", str(rows), "--prune")
    assert piped.code == 0 and "\x1b" not in piped.out + piped.err
    assert "  + 'Motion Designer (TBH)'" in piped.out
