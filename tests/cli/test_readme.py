"""The README's CLI transcript is real: re-run it against `focus fake`'s data and compare.

`UPDATE_README=1 pytest tests/cli/test_readme.py` rewrites the transcript from a fresh run.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from toggl_focus.testing import FakeFocus

from .conftest import FOCUS

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
START, END = "<!-- cli-transcript:start -->", "<!-- cli-transcript:end -->"
COMMANDS = [
    "focus ghosts ls --search designer --limit 3",
    "focus quota",
    "cat staff.csv",
    "focus ghosts plan staff.csv",
    "focus ghosts apply staff.csv",
    "cat hiring.csv",
    "focus ghosts plan hiring.csv -o plan.json",
    "focus ghosts apply plan.json --yes",
    "focus ghosts embody 1160 ada.schmidt@northwind.example --role member",
    "focus ghosts rm 1169",
    "focus ghosts rm 1169 --yes",
    "focus ghosts get 99999",
]


def transcript() -> str:
    """Run COMMANDS against a fresh fake (as `focus fake --quota 600` serves it), in a
    scratch directory holding copies of the example files (`plan -o` writes there)."""
    fake = FakeFocus(seed=0, quota=600)
    with fake.serve() as base_url, tempfile.TemporaryDirectory() as scratch:
        for example in (ROOT / "tests" / "cli").glob("*.csv"):
            shutil.copy(example, scratch)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
        env.update(
            TOGGL_FOCUS_BASE_URL=base_url,
            TOGGL_FOCUS_API_TOKEN=fake.token,
            TOGGL_FOCUS_ORGANIZATION_ID=str(fake.organization_id),
            TOGGL_FOCUS_WORKSPACE_ID=str(fake.workspace_id),
            XDG_CONFIG_HOME="/nonexistent",
            NO_PROXY="*",
        )
        lines: list[str] = []
        for command in COMMANDS:
            argv = shlex.split(command)
            if argv[0] == "focus":
                argv[0] = str(FOCUS)
            done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=scratch)
            lines.append(f"$ {command}")
            lines += done.stdout.splitlines() + done.stderr.splitlines()
            if done.returncode:
                lines.append(f"# exit status {done.returncode}")
    text = "\n".join(line.rstrip() for line in lines)
    # The moving parts: where the loopback server listened, and the wall-clock reset time.
    text = re.sub(r"http://127\.0\.0\.1:\d+/", "http://127.0.0.1:8080/", text)
    return re.sub(r"\d\d:\d\d:\d\d UTC", "10:00:00 UTC", text)


def test_the_readme_transcript_is_what_the_commands_print() -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.index(START), readme.index(END)
    fresh = f"{START}\n```console\n{transcript()}\n```\n"
    if os.environ.get("UPDATE_README"):
        README.write_text(readme[:start] + fresh + readme[end:], encoding="utf-8")
    assert readme[start:end] == fresh, "run: UPDATE_README=1 pytest tests/cli/test_readme.py"
