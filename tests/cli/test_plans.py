"""`focus ghosts plan` and `apply`, as the real console script against the fake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Cli

STAFF = """name,team_ids,working_hours
CLI Designer (TBH),41,mon=8;tue=8
CLI Data Engineer (TBH),42;43,
"""


def _file(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _writes(cli: Cli) -> list[str]:
    return [f"{r.method} {r.path}" for r in cli.fake.requests if r.method != "GET"]


def test_plan_reads_only_and_apply_then_replan_to_nothing(cli: Cli, tmp_path: Path) -> None:
    staff = _file(tmp_path, STAFF)
    planned = cli.run("ghosts", "plan", str(staff), "--json")
    assert planned.code == 0, planned.err
    plan = json.loads(planned.out)
    assert [c["name"] for c in plan["creates"]] == ["CLI Designer (TBH)", "CLI Data Engineer (TBH)"]
    assert _writes(cli) == [] and cli.spent() == plan["reads"]
    applied = cli.run("ghosts", "apply", str(staff))
    assert applied.code == 0, applied.err
    assert f"{plan['cost']} of {plan['cost']} requests applied" in applied.out
    assert len(_writes(cli)) == plan["cost"]
    names = {g["name"] for g in cli.fake.state.ghosts.values() if g["deleted_at"] is None}
    assert {"CLI Designer (TBH)", "CLI Data Engineer (TBH)"} <= names
    cli.spent()
    again = json.loads(cli.run("ghosts", "plan", str(staff), "--json").out)
    assert again["cost"] == 0 and again["creates"] == [] and again["updates"] == []


def test_plan_reads_yaml_and_json(cli: Cli, tmp_path: Path) -> None:
    yaml_file = _file(tmp_path, "- name: YAML ghost\n  team_ids: [41, 42]\n", "staff.yaml")
    json_file = _file(tmp_path, json.dumps([{"name": "JSON ghost", "team_ids": 41}]), "s.json")
    for path, name in ((yaml_file, "YAML ghost"), (json_file, "JSON ghost")):
        result = cli.run("ghosts", "plan", str(path), "--json")
        assert result.code == 0, result.err
        assert [c["name"] for c in json.loads(result.out)["creates"]] == [name]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,team_ids\nA,41\nB,forty\n", "row 2 (line 3)"),
        ("name,colour\nA,red\n", "row 1 (line 2): unknown column"),
        ("team_ids\n41\n", "row 1 (line 2)"),
        ("name,working_hours\nA,funday=8\n", "row 1 (line 2)"),
    ],
)
def test_bad_rows_are_usage_errors_before_any_request(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    path = _file(tmp_path, text)
    for command in ("plan", "apply"):
        result = cli.run("ghosts", command, str(path))
        assert result.code == 2, result.err
        assert message in result.err and str(path) in result.err
    assert cli.spent() == 0


@pytest.mark.parametrize(
    ("text", "key", "shown"),
    [
        ("name,team_ids\nA,41\nB,42\nA,43\n", "name", "'A' in row 1 (line 2) and row 3 (line 4)"),
        ("id,name\n1001,A\n1001,B\n", "id", "1001 in row 1 (line 2) and row 2 (line 3)"),
    ],
)
def test_a_key_repeated_in_the_file_is_a_usage_error_naming_its_rows(
    cli: Cli, tmp_path: Path, text: str, key: str, shown: str
) -> None:
    path = _file(tmp_path, text)
    for command in ("plan", "apply"):
        result = cli.run("ghosts", command, str(path), "--key", key)
        assert result.code == 2, result.err
        assert f"{path}: the {key} {shown}" in result.err, result.err
        assert "spent" not in result.err  # refused before a client was opened
    assert cli.spent() == 0


def test_apply_over_budget_refuses_before_any_write(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("ghosts", "apply", str(_file(tmp_path, STAFF)), "--budget", "1")
    assert result.code == 2 and "budget" in result.err
    assert _writes(cli) == []


def test_apply_over_the_quota_left_refuses_with_exit_3(cli: Cli, tmp_path: Path) -> None:
    staff = _file(tmp_path, STAFF)
    reads = json.loads(cli.run("ghosts", "plan", str(staff), "--json").out)["reads"]
    cli.fake.quota = reads + 1  # room for the plan's reads and one write: not the whole plan
    cli.spent()
    refused = cli.run("ghosts", "apply", str(staff))
    assert refused.code == 3 and "nothing was sent" in refused.err
    assert _writes(cli) == []


def test_apply_stopped_part_way_finishes_on_a_rerun(cli: Cli, tmp_path: Path) -> None:
    from toggl_focus.testing import Fault

    staff = _file(tmp_path, STAFF)
    cli.fake.inject(Fault.status(500), method="POST", path="workinghours")
    stopped = cli.run("ghosts", "apply", str(staff))
    assert stopped.code == 1, stopped.err
    assert "500" in stopped.err and "again" in stopped.err
    assert "1 of 2 requests applied" in stopped.out
    cli.spent()
    finished = cli.run("ghosts", "apply", str(staff))
    assert finished.code == 0, finished.err
    assert all("bulk" not in w for w in _writes(cli))  # nothing created twice
    names = [g["name"] for g in cli.fake.state.ghosts.values() if g["deleted_at"] is None]
    assert names.count("CLI Designer (TBH)") == 1
    assert "1 of 1 requests applied" in finished.out
