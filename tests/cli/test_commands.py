"""Every `focus` command, run as the real console script against the fake over loopback.

Each test checks the output, the exit code and the requests the fake received.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import socket
import subprocess
from pathlib import Path

import pytest

from .conftest import FOCUS, Cli


def _live_ghosts(cli: Cli) -> list[dict]:
    state = cli.fake.state
    return [
        g
        for gid, g in state.ghosts.items()
        if g["deleted_at"] is None
        and g["user_id"] is None
        and state.ghost_workspace[gid] == cli.fake.workspace_id
    ]


def test_ghosts_ls_lists_every_ghost_in_the_fewest_requests(cli: Cli) -> None:
    expected = _live_ghosts(cli)
    result = cli.run("ghosts", "ls", "--all", "--csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert sorted(int(r["id"]) for r in rows) == sorted(g["id"] for g in expected)
    assert cli.spent() == math.ceil(len(expected) / 100)
    left = 600 - math.ceil(len(expected) / 100)
    assert f"{math.ceil(len(expected) / 100)} requests spent; quota: {left} left" in result.err


def test_ghosts_ls_json_with_filters_and_limit(cli: Cli) -> None:
    result = cli.run("ghosts", "ls", "--team", "41", "--limit", "3", "--json")
    assert result.code == 0, result.err
    ghosts = json.loads(result.out)
    assert len(ghosts) == 3
    assert all(41 in g["assigned"]["team_ids"] for g in ghosts)
    (request,) = cli.fake.requests
    assert "team_ids=41" in request.query and "rows=3" in request.query


def test_piped_output_is_plain_tab_separated_text(cli: Cli) -> None:
    result = cli.run("roles", "ls")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split("\t") == ["role_id", "code", "name", "description"]
    assert lines[3].split("\t")[:2] == ["3", "member"]
    assert "─" not in result.out  # no table drawing when not a terminal


def test_ghosts_get_and_not_found(cli: Cli) -> None:
    ghost = _live_ghosts(cli)[0]
    shown = cli.run("ghosts", "get", str(ghost["id"]), "--json")
    assert shown.code == 0 and json.loads(shown.out)["name"] == ghost["name"]
    missing = cli.run("ghosts", "get", "999999")
    assert missing.code == 4
    (line,) = [x for x in missing.err.splitlines() if "error" in x]
    assert line.startswith("focus: error: 404")
    assert "trace_id" in line and "ghost 999999" in line
    assert cli.spent() == 2


def test_ghosts_create_update_rm(cli: Cli) -> None:
    created = cli.run("ghosts", "create", "CLI Designer", "--team", "41", "--json")
    assert created.code == 0, created.err
    gid = json.loads(created.out)["id"]
    assert cli.fake.state.ghosts[gid]["name"] == "CLI Designer"
    updated = cli.run("ghosts", "update", str(gid), "--name", "CLI Lead", "--action", "add",
                      "--project", "202", "--json")  # fmt: skip
    assert updated.code == 0, updated.err
    assert json.loads(updated.out)["name"] == "CLI Lead"
    other = _live_ghosts(cli)[0]["id"]
    removed = cli.run("ghosts", "rm", str(gid), str(other), "--yes")
    assert removed.code == 0 and f"deleted {gid}: CLI Lead" in removed.out
    assert cli.fake.state.ghosts[gid]["deleted_at"] is not None
    assert cli.fake.state.ghosts[other]["deleted_at"] is not None
    methods = [r.method for r in cli.fake.requests]
    assert methods == ["POST", "PATCH", "GET", "GET", "DELETE", "DELETE"]  # read, then delete


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ghosts", "update", "1001"], "nothing to change"),
        (["ghosts", "update", "1001", "--team", "41"], "--action"),
        (["ghosts", "get", "0"], "0"),
        (["ghosts", "ls", "--json", "--csv"], "not both"),
        (["ghosts", "embody", "1001", "not-an-email", "--role", "member"], "email"),
        (["working-hours", "set", "--user", "5101", "funday=8"], "unknown day"),
        (["working-hours", "set", "--user", "5101", "mon=25"], "between 0 and 24"),
        (["working-hours", "show"], "USER"),
    ],
)
def test_usage_errors_send_nothing(cli: Cli, args: list[str], message: str) -> None:
    result = cli.run(*args)
    assert result.code == 2
    assert message in result.err
    assert cli.spent() == 0


def test_embody_a_member_by_email(cli: Cli) -> None:
    ghost = _live_ghosts(cli)[0]["id"]
    member = next(u for u in cli.fake.state.users.values() if u["joined"])
    result = cli.run("ghosts", "embody", str(ghost), member["email"].upper(), "--role", "member")
    assert result.code == 0, result.err
    assert f"ghost {ghost} embodied by" in result.out and f"org user {member['id']}" in result.out
    assert cli.fake.state.ghosts[ghost]["user_id"] == member["id"]
    assert cli.spent() == 3  # GET roles, GET users, PATCH embody
    again = cli.run("ghosts", "embody", str(ghost), member["email"], "--role", "3", "--json")
    assert again.code == 0 and json.loads(again.out)["already_done"] is True
    assert cli.spent() == 3  # GET users, PATCH (409), GET ghost


def test_embody_unknown_member_is_not_found(cli: Cli) -> None:
    result = cli.run("ghosts", "embody", "1001", "nobody@example.com", "--role", "3")
    assert result.code == 4
    assert "nobody@example.com" in result.err
    assert cli.spent() == 1


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_embody_many_reports_each_row(cli: Cli, tmp_path: Path) -> None:
    first, second, third = (g["id"] for g in _live_ghosts(cli)[:3])
    member = next(u for u in cli.fake.state.users.values() if u["joined"])
    path = _write(
        tmp_path,
        "people.csv",
        f"ghost_id,email\n{first},{member['email']}\n{second},{member['email']}\n"
        f"{third},nobody@example.com\n",
    )
    result = cli.run("ghosts", "embody-many", str(path), "--role", "member", "--json")
    assert result.code == 7, result.err  # some failed
    report = json.loads(result.out)
    assert [o["status"] for o in report["outcomes"]] == ["done", "done", "failed"]
    assert "nobody@example.com" in report["outcomes"][2]["reason"]
    # roles 1 + the ghosts' listing 1 + one lookup per distinct email 2 + one embody per
    # reachable ghost 2
    assert report["requests"] == 6 and cli.spent() == 6
    assert cli.fake.state.ghosts[second]["user_id"] == member["id"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ghost_id,email\n1001,a@example.com\nabc,b@example.com\n", ": row 2 (line 3): ghost_id"),
        ("ghost_id,email\n1001,a@example.com\n1002,not-an-email\n", ": row 2 (line 3): email"),
        ("ghost_id\n1001\n", ": row 1 (line 2): missing email"),
        (
            "ghost_id,email,emial\n1001,a@example.com,x\n",
            ": row 1 (line 2): unknown column(s) emial",
        ),
        (
            "ghost_id,email\n1001,a@example.com\n1001,b@example.com\n",
            ": row 2 (line 3): ghost 1001 is already in row 1",
        ),
        ("ghost_id,email\n1001,a@example.com,extra\n", ": row 1 (line 2): 3 cells"),
        ("", " is empty"),
    ],
)
def test_embody_many_bad_rows_are_usage_errors_before_any_request(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, "people.csv", text)
    result = cli.run("ghosts", "embody-many", str(path), "--role", "member")
    assert result.code == 2
    assert f"{path}{message}" in result.err, result.err  # the file, then the row
    assert cli.spent() == 0


def test_embody_many_reads_json_and_yaml(cli: Cli, tmp_path: Path) -> None:
    ghost = _live_ghosts(cli)[0]["id"]
    member = next(u for u in cli.fake.state.users.values() if u["joined"])
    rows = [{"ghost_id": ghost, "email": member["email"]}]
    for name, text in [
        ("people.json", json.dumps(rows)),
        ("people.yaml", f"- ghost_id: {ghost}\n  email: {member['email']}\n"),
    ]:
        result = cli.run("ghosts", "embody-many", str(_write(tmp_path, name, text)),
                         "--role", "3", "--csv")  # fmt: skip
        assert result.code == 0, result.err
        assert next(csv.DictReader(io.StringIO(result.out)))["status"] in (
            "done",
            "already_done",
        )
    bad = cli.run("ghosts", "embody-many", str(_write(tmp_path, "p.json", '[{"ghost_id": 1}]')),
                  "--role", "3")  # fmt: skip
    assert bad.code == 2 and "row 1 (line 1): missing email" in bad.err


def test_working_hours_show_and_set(cli: Cli) -> None:
    user = cli.fake.me_user_id
    shown = cli.run("working-hours", "show", str(user), "--json")
    assert shown.code == 0, shown.err
    before = json.loads(shown.out)
    assert cli.spent() == 1
    changed = cli.run("working-hours", "set", "--user", str(user), "mon-wed=6", "sat=3", "--csv")
    assert changed.code == 0, changed.err
    week = {int(r["weekday"]): float(r["hours"]) for r in csv.DictReader(io.StringIO(changed.out))}
    assert week[1] == week[2] == week[3] == 6 and week[6] == 3
    assert {e["weekday"] for e in before} - {1, 2, 3, 6} <= set(week)  # other days stay
    assert [r.method for r in cli.fake.requests] == ["GET", "POST", "PUT"]
    ghost = _live_ghosts(cli)[0]["id"]
    ghost_week = cli.run("working-hours", "set", "--ghost", str(ghost), "fri=4", "--json")
    assert ghost_week.code == 0 and any(e["weekday"] == 5 for e in json.loads(ghost_week.out))


def test_users_ls_and_find(cli: Cli) -> None:
    listed = cli.run("users", "ls", "--filter", "northwind", "--limit", "5", "--csv")
    assert listed.code == 0 and len(list(csv.DictReader(io.StringIO(listed.out)))) == 5
    member = next(iter(cli.fake.state.users.values()))
    found = cli.run("users", "find", member["email"].upper(), "--json")
    assert found.code == 0 and json.loads(found.out)["id"] == member["id"]
    missing = cli.run("users", "find", "nobody@example.com")
    assert missing.code == 4 and "nobody@example.com" in missing.err
    assert cli.spent() == 3


def test_teams_and_groups(cli: Cli) -> None:
    teams = cli.run("teams", "ls", "--json")
    assert teams.code == 0 and {t["id"] for t in json.loads(teams.out)} >= {41}
    mine = cli.run("groups", "ls", "--csv")
    assert mine.code == 0 and "id,name,emoji" in mine.out
    me = cli.fake.me_user_id
    created = cli.run("groups", "create", "Night shift", "--emoji", "🌙", "--member", str(me),
                      "--workspace", str(cli.fake.workspace_id), "--json")  # fmt: skip
    assert created.code == 0, created.err
    gid = json.loads(created.out)["id"]
    updated = cli.run("groups", "update", str(gid), "--name", "Late shift", "--emoji", "🌙",
                      "--member", str(me), "--json")  # fmt: skip
    assert updated.code == 0 and json.loads(updated.out)["name"] == "Late shift"
    removed = cli.run("groups", "rm", str(gid), "--yes")
    assert removed.code == 0 and f"deleted group {gid}" in removed.out
    assert [r.method for r in cli.fake.requests] == ["GET", "GET", "POST", "PUT", "DELETE"]


def test_quota_shows_what_is_left_and_the_plan(cli: Cli) -> None:
    result = cli.run("quota", "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["remaining"] == 599 and shown["plan"] == "at least Premium"
    assert 3500 <= shown["resets_in"] <= 3600
    cli.fake.quota = 30
    assert json.loads(cli.run("quota", "--json").out)["plan"] == "unknown (any plan)"


def test_quota_as_csv_is_one_row_under_a_header(cli: Cli) -> None:
    result = cli.run("quota", "--csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 1 and list(rows[0]) == ["remaining", "resets_in", "resets_at", "plan"]
    assert rows[0]["remaining"] == "599" and rows[0]["plan"] == "at least Premium"
    assert cli.spent() == 1


def test_quota_on_a_terminal_says_when_it_resets_once(cli: Cli) -> None:
    primary, secondary = os.openpty()  # stdout is a terminal: the rich grid with its bar
    try:
        done = subprocess.run(
            [str(FOCUS), "quota"], stdout=secondary, stderr=subprocess.PIPE, text=True,
            env=cli.env(), timeout=60,
        )  # fmt: skip
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
        shown = b"".join(chunks).decode()
    finally:
        os.close(primary)
    assert done.returncode == 0, done.stderr
    resets = next(line for line in shown.splitlines() if line.startswith("resets"))
    assert resets.split()[:3] == ["resets", "in", "60"], resets  # not "resets  resets in 60"
    assert f"{cli.fake.quota - 1} of 600" in shown and cli.spent() == 1


def test_spent_quota_exits_3(cli: Cli) -> None:
    cli.fake.quota = 1
    assert cli.run("roles", "ls").code == 0
    result = cli.run("ghosts", "ls")
    assert result.code == 3
    assert "quota spent" in result.err and "402" in result.err


def test_wrong_token_exits_5_without_showing_either_token(cli: Cli) -> None:
    result = cli.run("--debug", "roles", "ls", TOGGL_FOCUS_API_TOKEN="toggl_sk_WRONG_77")
    assert result.code == 5 and "401" in result.err
    assert "toggl_sk_WRONG_77" not in result.out + result.err


def test_the_token_never_appears_even_with_debug(cli: Cli, tmp_path: Path) -> None:
    token_file = _write(tmp_path, "token", cli.fake.token + "\n")
    env = cli.env()
    del env["TOGGL_FOCUS_API_TOKEN"]
    for args in (
        ["--debug", "--token-file", str(token_file), "ghosts", "ls", "--limit", "2"],
        ["--debug", "--token", cli.fake.token, "ghosts", "get", "999999"],
        ["--debug", "--token", cli.fake.token, "config", "show"],
    ):
        result = cli.run(*args, env=env)  # run() fails if the token shows anywhere
        assert result.code in (0, 4), result.err
    debug = cli.run("--debug", "ghosts", "ls", "--limit", "1")
    assert "DEBUG GET /api/organizations/9001/workspaces/7001/ghosts" in debug.err


def test_no_answer_exits_6(cli: Cli) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli.run("roles", "ls", TOGGL_FOCUS_BASE_URL=f"http://127.0.0.1:{port}/api")
    assert result.code == 6 and "focus: error:" in result.err
    # Three attempts were made (refused, retried twice); none reached a server or spent quota.
    assert "focus: 0 requests spent" in result.err


@pytest.mark.parametrize(
    "args",
    [["roles", "ls"], ["ghosts", "ls"], ["config", "path"], ["groups", "rm", "5", "--dry-run"]],
)
def test_output_closed_early_exits_141_quietly(cli: Cli, args: list[str]) -> None:
    """`focus ... | head`: stdout closed before the output is written is not an API error
    (exit 1) but 141, what a shell reports for a writer ended by SIGPIPE (as gh or git)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = subprocess.run(
            [str(FOCUS), *args], stdout=write_end, stderr=subprocess.PIPE, text=True,
            env=cli.env(), timeout=60,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert "error" not in done.stderr and "Traceback" not in done.stderr
    pages = {
        "roles": 1,
        "ghosts": 1,  # the default limit: the first 100
        "config": 0,
        "groups": 0,
    }
    assert cli.spent() == pages[args[0]]  # the command ran to its end


def test_missing_settings_are_usage_errors(cli: Cli) -> None:
    env = cli.env()
    del env["TOGGL_FOCUS_API_TOKEN"]
    no_token = cli.run("roles", "ls", env=env)
    assert no_token.code == 2 and "no API token" in no_token.err
    env = cli.env()
    del env["TOGGL_FOCUS_WORKSPACE_ID"]
    no_space = cli.run("ghosts", "ls", env=env)
    assert no_space.code == 2 and "no workspace" in no_space.err
    assert cli.run("roles", "ls", env=env).code == 0  # roles need no workspace
    bad = cli.run("roles", "ls", TOGGL_FOCUS_ORGANIZATION_ID="abc")
    assert bad.code == 2 and "TOGGL_FOCUS_ORGANIZATION_ID" in bad.err
    assert cli.spent() == 1


def test_probe_runs_within_its_budget(cli: Cli) -> None:
    planned = cli.run("probe", "--budget", "3", "--dry-run")
    assert planned.code == 0 and "at most 3 requests" in planned.out
    assert cli.spent() == 0
    declined = cli.run("probe", "--budget", "3", stdin="n\n")
    assert declined.code == 2 and "Nothing sent" in declined.out
    assert cli.spent() == 0
    result = cli.run("probe", "--budget", "3", "--yes", "--json")
    assert result.code == 3, result.err  # 3 requests cannot hold the core checks
    report = json.loads(result.out)
    assert (report["verdict"], report["stop"]) == ("inconclusive", "budget")
    assert cli.spent() == 3
