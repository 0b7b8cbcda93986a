"""`focus` in-process with click's CliRunner: config, completion, help, dry runs, imports."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from toggl_focus.cli.app import app

from .conftest import FOCUS, Cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _env(tmp_path: Path, **extra: str) -> dict[str, str | None]:
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TOGGL_FOCUS_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    env.update(extra)
    return env


def test_config_set_get_unset_show(runner: CliRunner, tmp_path: Path) -> None:
    env = _env(tmp_path)
    token_file = tmp_path / "token"
    token_file.write_text("toggl_sk_config_SECRET\n")
    for key, value in [("organization_id", "9001"), ("workspace_id", "7002"),
                       ("token_file", str(token_file))]:  # fmt: skip
        result = runner.invoke(app, ["config", "set", key, value], env=env)
        assert result.exit_code == 0, result.output
    path = tmp_path / "xdg" / "toggl-focus" / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "toggl_sk_config_SECRET" not in path.read_text()
    assert runner.invoke(app, ["config", "get", "workspace_id"], env=env).output == "7002\n"
    shown = runner.invoke(app, ["config", "show"], env=env)
    assert "token_file in the config file" in shown.output
    assert "7002" in shown.output and "toggl_sk_config_SECRET" not in shown.output
    flagged = runner.invoke(app, ["-w", "7001", "config", "show"], env=env)
    assert "workspace_id     7001" in flagged.output  # the flag wins over the file
    from_env = runner.invoke(app, ["config", "show"], env={**env, "TOGGL_FOCUS_WORKSPACE_ID": "5"})
    assert "workspace_id     5" in from_env.output  # the environment wins over the file
    assert runner.invoke(app, ["config", "unset", "workspace_id"], env=env).exit_code == 0
    assert runner.invoke(app, ["config", "get", "workspace_id"], env=env).exit_code == 1
    assert runner.invoke(app, ["config", "path"], env=env).output.strip() == str(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["config", "set", "token", "toggl_sk_x"], "does not hold the token"),
        (["config", "set", "colour", "red"], "unknown config key"),
        (["config", "set", "workspace_id", "abc"], "positive integer"),
        (["config", "set", "token_file", "/nonexistent/token"], "cannot read the token file"),
    ],
)
def test_config_refuses_bad_values(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args, env=_env(tmp_path))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "xdg" / "toggl-focus" / "config.toml").exists()


def test_a_broken_config_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "xdg" / "toggl-focus" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text("workspace_id = 'x\n")
    result = runner.invoke(app, ["roles", "ls"], env=_env(tmp_path, TOGGL_FOCUS_API_TOKEN="t"))
    assert result.exit_code == 2 and "not valid TOML" in result.output


def test_the_config_file_feeds_a_real_command(cli: Cli, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(cli.fake.token)
    env = cli.env()
    for key in ("TOGGL_FOCUS_API_TOKEN", "TOGGL_FOCUS_ORGANIZATION_ID", "TOGGL_FOCUS_WORKSPACE_ID"):
        del env[key]
    for key, value in [("organization_id", "9001"), ("workspace_id", "7001"),
                       ("token_file", str(token_file))]:  # fmt: skip
        assert cli.run("config", "set", key, value, env=env).code == 0
    result = cli.run("ghosts", "ls", "--limit", "2", env=env)
    assert result.code == 0, result.err
    assert len(result.out.splitlines()) == 3
    assert cli.spent() == 1


def test_help_documents_the_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "0 ok, 1 API error, 2 usage error" in text and "3 quota spent, 4 not found" in text


@pytest.mark.parametrize("command", ["ls", "create", "update"])
def test_ghost_id_options_say_what_they_take(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, ["ghosts", command, "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    lines = {
        line.split()[0]: line
        for line in result.output.splitlines()
        if line.lstrip().startswith("--")
    }
    for option, noun in (("--team", "Team"), ("--project", "Project")):
        assert f"{noun} id (repeats" in lines[option], lines[option]


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["ghosts", "nope"]).exit_code == 2
    assert runner.invoke(app, ["ghosts", "ls", "--limit", "0"]).exit_code == 2
    assert runner.invoke(app, ["ghosts", "embody", "1001", "a@example.com"]).exit_code == 2


def _completions(runner: CliRunner, words: str) -> list[str]:
    """What click's bash completion offers for the last of `words` (`focus gh`)."""
    env = {
        "_FOCUS_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = runner.invoke(app, [], env=env, prog_name="focus")
    assert result.exit_code == 0, result.output
    return [line.split(",", 1)[1] for line in result.output.splitlines()]  # "plain,ghosts"


def test_shell_completion_completes_commands_and_options(runner: CliRunner) -> None:
    assert _completions(runner, "focus gh") == ["ghosts"]
    assert _completions(runner, "focus ghosts em") == ["embody", "embody-many"]
    assert _completions(runner, "focus ghosts ls --inc") == ["--include-embodied"]
    assert _completions(runner, "focus --no-p") == ["--no-progress"]


def test_shell_completion_script_and_the_console_script(runner: CliRunner) -> None:
    script = runner.invoke(app, [], env={"_FOCUS_COMPLETE": "bash_source"}, prog_name="focus")
    assert script.exit_code == 0
    assert "complete -o nosort -F _focus_completion focus" in script.output
    assert "_FOCUS_COMPLETE=bash_complete" in script.output
    # the installed `focus` (toggl_focus.cli:main) answers completion requests too
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
    env.update(_FOCUS_COMPLETE="bash_complete", COMP_WORDS="focus working-h", COMP_CWORD="1")
    done = subprocess.run([str(FOCUS)], capture_output=True, text=True, env=env, timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (0, "plain,working-hours\n", "")
    help_text = " ".join(runner.invoke(app, ["--help"]).output.split())
    assert 'eval "$(_FOCUS_COMPLETE=bash_source focus)"' in help_text


def test_importing_the_library_imports_neither_click_nor_the_cli() -> None:
    # `import toggl_focus` loads no click, rich or CLI module at all. Its modules that import
    # httpx (embody, probe) load click and rich when they are installed: httpx imports them
    # itself, for its own `httpx` command (httpx/_main.py), with or without this CLI. So
    # there they run with click and rich made unimportable, as without the cli extra.
    code = """
import sys
def loaded():
    return sorted(m for m in sys.modules if m.split('.')[0] in ('click', 'rich')
                  or m.startswith('toggl_focus.cli'))
import toggl_focus
print(loaded())
class NoCliExtra:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('click', 'rich'):
            raise ModuleNotFoundError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, NoCliExtra())
import toggl_focus.embody, toggl_focus.probe
from toggl_focus import Focus
Focus('x' * 30, organization_id=1, workspace_id=2).ghosts
print(loaded())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "[]"]


def test_a_missing_cli_extra_names_the_package(tmp_path: Path) -> None:
    code = """
import sys
class NoClick:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == 'click':
            raise ModuleNotFoundError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, NoClick())
from toggl_focus.cli import main
main()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "focus: error: ModuleNotFoundError: No module named 'click' (click is not installed;"
        " toggl-focus needs click>=8.1: pip install 'toggl-focus[cli]')\n"
    )


def test_focus_fake_serves_and_prints_what_to_export(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [str(FOCUS), "fake", "--port", "0", "--quota", "50", "--seed", "3", "--style", "sparse"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
        assert "Fake Toggl Focus API at http://127.0.0.1:" in lines[0]
        assert "style: sparse" in lines[0]
        exports = dict(line.removeprefix("export ").strip().split("=", 1) for line in lines[1:])
        assert set(exports) == {
            "TOGGL_FOCUS_BASE_URL",
            "TOGGL_FOCUS_API_TOKEN",
            "TOGGL_FOCUS_ORGANIZATION_ID",
            "TOGGL_FOCUS_WORKSPACE_ID",
        }
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
        env.update(exports, XDG_CONFIG_HOME=str(tmp_path), NO_PROXY="*")
        result = subprocess.run(
            [str(FOCUS), "quota", "--json"], capture_output=True, text=True, env=env, timeout=30
        )
        assert result.returncode == 0, result.stderr
        assert '"remaining": 49' in result.stdout
        users = httpx.get(
            f"{exports['TOGGL_FOCUS_BASE_URL']}/organizations/9001/users",
            headers={"Authorization": f"Bearer {exports['TOGGL_FOCUS_API_TOKEN']}"},
            timeout=10,
            trust_env=False,
        ).json()
        assert users and all(u["deleted_at"] is None and "rate" not in u for u in users)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def fake_env(cli: Cli) -> dict[str, str | None]:
    return {**cli.env(), "COLUMNS": "200"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["ghosts", "ls", "--limit", "250"], "3 requests"),
        (["ghosts", "ls"], "1 request"),
        (["ghosts", "ls", "--all"], "at least 1 request"),
        (["ghosts", "get", "1001"], "1 request"),
        (["ghosts", "create", "X"], "1 request"),
        (["ghosts", "update", "1001", "--name", "Y"], "1 request"),
        (["ghosts", "rm", "1001", "1002", "1001"], "4 requests"),
        (["ghosts", "embody", "1001", "a@example.com", "--role", "member"], "3 requests"),
        (["ghosts", "embody", "1001", "a@example.com", "--role", "3"], "2 requests"),
        (["working-hours", "show", "5101"], "1 request"),
        (["working-hours", "set", "--user", "5101", "mon=8"], "2 or 3 requests"),
        (["users", "ls", "--limit", "100"], "1 request"),
        (["users", "find", "a@example.com"], "1 request"),
        (["roles", "ls"], "1 request"),
        (["teams", "ls"], "1 request"),
        (["teams", "ls", "--all"], "at least 1 request"),
        (["users", "ls", "--all"], "at least 1 request"),
        (["groups", "ls"], "1 request"),
        (["groups", "create", "G", "--emoji", "x"], "1 request"),
        (["groups", "update", "41", "--name", "G", "--emoji", "x"], "1 request"),
        (["groups", "rm", "41"], "1 request"),
        (["quota"], "1 request"),
        (["ghosts", "plan", "tests/cli/staff.csv"], "at least 1 request"),
        (["ghosts", "apply", "tests/cli/staff.csv"], "at least 1 request"),
        (["ghosts", "embody-many", "tests/cli/people.csv", "--role", "member"], "4 requests"),
    ],
)
def test_dry_run_says_the_cost_and_sends_nothing(
    runner: CliRunner, cli: Cli, fake_env: dict[str, str | None], args: list[str], says: str
) -> None:
    result = runner.invoke(app, [*args, "--dry-run"], env=fake_env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"dry run: would spend {says}")
    # the count is said once: "3 requests: GET ...", not "3 requests requests: GET ..."
    spend = result.output.removeprefix("dry run: would spend ").split(": ", 1)[0]
    assert spend.count("request") == 1, result.output
    assert cli.spent() == 0


def test_focus_fake_refuses_a_host_that_is_not_loopback_without_the_flag() -> None:
    done = subprocess.run(
        [str(FOCUS), "fake", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "--host 0.0.0.0: the fake serves loopback only" in done.stderr
    assert "pass --allow-remote" in done.stderr
