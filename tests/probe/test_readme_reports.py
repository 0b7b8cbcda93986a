"""The README's three probe reports are real runs, kept in step with the probe.

Each is the summary of `Report.render()` (everything above "Details"), then `...`, then
its last line, from a run against the stand-in (`standin.py`). The spec's hash changes with
every spec edit, so it is compared masked. `UPDATE_README=1 pytest
tests/probe/test_readme_reports.py` rewrites them from a fresh run.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import httpx
import pytest

from tests.probe.standin import TOKEN, StandIn
from toggl_focus.probe import Probe, Report
from toggl_focus.probe._report import ISSUES_URL, REPORT_FILE

README = Path(__file__).resolve().parents[2] / "README.md"
BASE_URL = "https://focus.toggl.com/api"
_HASH = re.compile(r"sha256 [0-9a-f]{12}")


def _offsetless_first_timestamp(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """The first ghost of the first ghost list loses its timestamp's offset."""
    if request.method != "GET" or not request.url.path.endswith("/ghosts"):
        return response
    body = json.loads(response.content)
    if body.get("data"):
        body["data"][0]["created_at"] = body["data"][0]["created_at"][:19]
    return httpx.Response(response.status_code, headers=response.headers, json=body)


def _run(mode: str, token: str = TOKEN, drift: bool = False) -> Report:
    standin = StandIn(mode)
    first = [True]

    def handle(request: httpx.Request) -> httpx.Response:
        response = standin.handle(request)
        if drift and first[0] and request.url.path.endswith("/ghosts"):
            first[0] = False
            return _offsetless_first_timestamp(response, request)
        return response

    probe = Probe(organization_id=9001, workspace_id=7001, token=token, base_url=BASE_URL)
    with httpx.Client(transport=httpx.MockTransport(handle)) as http:
        return probe.run(http_client=http)


def _excerpt(report: Report) -> str:
    text = report.render()
    summary = text.split("\nDetails\n")[0].rstrip("\n")
    return f"```text\n{summary}\n...\n{text.splitlines()[-1]}\n```"


REPORTS = {
    "agrees": lambda: _run("conforming"),
    "inconclusive": lambda: _run("conforming", token="toggl_sk_expired"),
    "drift": lambda: _run("comma_ids_refused", drift=True),
}


@pytest.mark.parametrize("verdict", sorted(REPORTS))
def test_the_readme_shows_real_reports(verdict: str) -> None:
    report = REPORTS[verdict]()
    assert report.verdict == verdict
    fresh = _excerpt(report)
    readme = README.read_text(encoding="utf-8")
    start_marker = f"<!-- probe-report:{verdict}:start -->\n"
    end_marker = f"<!-- probe-report:{verdict}:end -->"
    start = readme.index(start_marker) + len(start_marker)
    end = readme.index(end_marker)
    if os.environ.get("UPDATE_README"):
        README.write_text(readme[:start] + fresh + "\n" + readme[end:], encoding="utf-8")
        return
    shown = readme[start:end].rstrip("\n")
    assert _HASH.sub("sha256 <hash>", shown) == _HASH.sub("sha256 <hash>", fresh), (
        "run: UPDATE_README=1 pytest tests/probe/test_readme_reports.py"
    )


def test_the_issue_tracker_is_the_same_everywhere() -> None:
    """The URL a drift report sends people to is the project's, in pyproject and README."""
    import tomllib

    pyproject = tomllib.loads((README.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Issues"] == ISSUES_URL
    readme = README.read_text(encoding="utf-8")
    assert f"<{ISSUES_URL}/new>" in readme and f"> {REPORT_FILE}" in readme
    drift = REPORTS["drift"]()
    assert drift.render().splitlines()[-1] == (
        f"What to do: the spec or this client is wrong for your account: run again with "
        f"--json > {REPORT_FILE} and attach that file to an issue at {ISSUES_URL}/new (it "
        "holds no token, names or emails)."
    )
