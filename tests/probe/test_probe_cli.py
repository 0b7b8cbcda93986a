"""`python -m toggl_focus.probe` against `FakeFocus.serve()` over loopback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.probe.conftest import DriftedFake
from toggl_focus.probe.__main__ import main
from toggl_focus.testing import FakeFocus


def _probe(base_url: str, *args: str, token: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
    if token is not None:
        env["TOGGL_FOCUS_API_TOKEN"] = token
    command = [sys.executable, "-m", "toggl_focus.probe", "--base-url", base_url]
    command += ["--organization-id", "9001", "--workspace-id", "7001", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_json_report_over_loopback(fake: FakeFocus) -> None:
    with fake.serve() as base_url:
        done = _probe(base_url, "--yes", "--json", token=fake.token)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["requests_sent"] == fake.request_count == 12
    assert report["violations"] == [] and report["drift"] is False
    assert report["base_url"] == base_url
    assert "Plan: at most 12 request(s)" in done.stderr  # the plan goes to stderr with --json
    assert fake.token not in done.stdout + done.stderr
    assert fake.response_violations == []


def test_human_report_with_a_token_file(fake: FakeFocus, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(fake.token + "\n")
    with fake.serve() as base_url:
        done = _probe(base_url, "--yes", "--budget", "10", "--token-file", str(token_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("Plan: at most 10") < done.stdout.index("AGREES (exit 0)")
    assert "10 of 10 request(s) sent" in done.stdout
    assert fake.request_count == 10
    assert fake.token not in done.stdout + done.stderr


def test_async_run_over_loopback(fake: FakeFocus) -> None:
    with fake.serve() as base_url:
        done = _probe(base_url, "--yes", "--json", "--async", "--budget", "10", token=fake.token)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["requests_sent"] == fake.request_count == 10


def test_drift_over_loopback_exits_1(drifted: DriftedFake) -> None:
    with drifted.serve() as base_url:
        done = _probe(base_url, "--yes", "--json", token=drifted.token)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["requests_sent"] == drifted.request_count <= 12
    assert (report["verdict"], report["exit_code"]) == ("drift", 1)
    kinds = {(v["operation"], v["kind"], v["path"]) for v in report["violations"]}
    assert ("list_ghosts", "unknown-field", "$.data[*].title") in kinds
    assert ("list_roles", "missing-required", "$[*].role_id") in kinds
    assert ("list_ghosts", "unexpected-status", "") in kinds
    results = {c["check"]: c["result"] for c in report["checks"]}
    assert results["list_ghosts.comma_separated_ids"] == "contradicted"
    assert results["list_ghosts.rows_over_100_is_400"] == "contradicted"


def test_declining_the_plan_sends_nothing(fake: FakeFocus, capsys: pytest.CaptureFixture[str]):
    with fake.serve() as base_url:
        argv = ["--base-url", base_url, "--organization-id", "9001", "--workspace-id", "7001"]
        argv += ["--token", fake.token]
        assert main(argv, stdin=io.StringIO("n\n")) == 2
        assert main(argv, stdin=io.StringIO("")) == 2  # no terminal: no consent
    assert fake.request_count == 0
    out = capsys.readouterr().out
    assert out.count("Send these requests to") == 2 and "Nothing sent." in out
    assert fake.token not in out


def test_consenting_sends(fake: FakeFocus, capsys: pytest.CaptureFixture[str]) -> None:
    with fake.serve() as base_url:
        argv = ["--base-url", base_url, "--organization-id", "9001", "--workspace-id", "7001"]
        argv += ["--token", fake.token, "--budget", "3"]
        # 3 requests cannot hold the core checks: sent, but inconclusive (exit 3).
        assert main(argv, stdin=io.StringIO("y\n")) == 3
    assert fake.request_count == 3


def test_usage_errors_exit_2_without_a_request(fake: FakeFocus) -> None:
    with fake.serve() as base_url:
        missing = _probe(base_url, "--yes")
        writes = _probe(base_url, "--yes", "--allow-writes", "update_group", token=fake.token)
        reads = _probe(base_url, "--yes", "--allow-writes", "list_roles", token=fake.token)
    assert missing.returncode == 2
    assert "error: no Toggl Focus API token: pass --token or --token-file, or set " in (
        missing.stderr
    )
    assert writes.returncode == 0, writes.stderr  # accepted, but no step of the probe uses it
    assert "No step uses update_group" in writes.stdout
    assert reads.returncode == 2 and "list_roles only reads" in reads.stderr
    assert {r.method for r in fake.requests} == {"GET"}


def test_a_missing_extra_is_explained() -> None:
    """Without jsonschema (the `probe` extra) the command says what to install; the client
    itself imports without it."""
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("jsonschema", "referencing"):
            raise ImportError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
import toggl_focus
from toggl_focus.probe.__main__ import main
sys.exit(main(["--organization-id", "1", "--workspace-id", "2", "--token", "toggl_sk_x"]))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert 'pip install "toggl-focus[probe]"' in done.stderr
    assert "toggl_sk_x" not in done.stdout + done.stderr
