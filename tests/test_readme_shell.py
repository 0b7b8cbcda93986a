"""Every fenced ```sh block of README.md runs in CI, as written (the python blocks: test_readme.py).

Each block is run by bash from its own text, with only what a test must change substituted
and said here: a free port for `8080` (`focus fake`'s default port), the fake server's token
for the `toggl_sk_...` placeholder, and a scratch `--prefix` for `pip install` (it must not
change the test's own environment, which `still_editable` checks after each install).
Commands that need a server get the fake on a loopback socket through the variables the
README names (`TOGGL_FOCUS_BASE_URL`, `TOGGL_FOCUS_API_TOKEN`). `make test` is CI's own
command (the first block runs only `make demo`); a block proved by another target is listed
in `PROVED_ELSEWHERE` with the reason. A new block with no runner fails
`test_every_shell_block_has_a_runner`.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from toggl_focus.testing import FakeFocus

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\S*)\s*$")


def shell_blocks() -> dict[str, str]:
    """The ```sh blocks by their first line."""
    blocks: dict[str, str] = {}
    lines = README.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        i += 1
        if not m:
            continue
        body = []
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        i += 1
        if m.group(1) == "sh":
            blocks[body[0].split("#")[0].strip()] = "\n".join(body) + "\n"
    return blocks


BLOCKS = shell_blocks()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env(**extra: str) -> dict[str, str]:
    """The test's environment with the venv first on PATH and no Focus settings but `extra`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("TOGGL_FOCUS_")}
    base["PATH"] = f"{BIN}{os.pathsep}{base.get('PATH', '')}"
    return {**base, **extra}


def bash(script: str, *, cwd: Path = ROOT, timeout: float = 120, **extra: str) -> str:
    """Run `script` with bash -euo pipefail: its stdout then its stderr; exit 0 or a failure."""
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env(**extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"exit {done.returncode}:\n{script}\n---\n{output}"
    return output


@pytest.fixture(scope="module")
def fake_url() -> Iterator[tuple[FakeFocus, str]]:
    fake = FakeFocus()  # as `make fake-server` serves it
    with fake.serve() as base_url:
        yield fake, base_url


def wait_for(url: str, token: str, seconds: float = 30) -> None:
    """Until the fake at `url` answers an authenticated request."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            r = httpx.get(
                f"{url}/organizations/9001/roles", headers={"Authorization": f"Bearer {token}"}
            )
            if r.status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"nothing answered at {url}"
        time.sleep(0.2)


def run_set_up(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    # `make test` is what CI runs (.ci/run): running it from a test would run it again.
    assert "make test" in block
    demo = block.split("\n")[0]
    output = bash(demo)
    assert "Plan the same file again" in output and "Quota left:" in output, output


def run_pip_install(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    fake, _ = fake_url
    prefix = tmp / "prefix"
    script = block.replace(
        "pip install .", f"pip install --no-deps --ignore-installed --prefix {prefix} ."
    )
    script = script.replace("toggl_sk_...", fake.token)
    bash(script + 'test "$TOGGL_FOCUS_API_TOKEN" = ' + fake.token + "\n", timeout=300)
    site = sysconfig.get_path("purelib", vars={"base": str(prefix), "platbase": str(prefix)})
    where = bash(
        "python -c 'import toggl_focus, toggl_focus_api; "
        "print(toggl_focus.__file__); print(toggl_focus_api.__file__)'",
        cwd=tmp,
        PYTHONPATH=site,
    ).split()
    # both packages of the one distribution come from the installed copy, not the checkout
    assert all(path.startswith(str(prefix)) for path in where), where
    still_editable()


def still_editable() -> None:
    """The test environment's toggl_focus is still the checkout's (pip left it alone)."""
    where = bash("python -c 'import toggl_focus; print(toggl_focus.__file__)'", cwd=Path("/"))
    assert where.strip().startswith(str(ROOT / "extensions")), where


def run_log_switch(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    fake, base_url = fake_url
    intro = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert intro is not None
    (tmp / "my_script.py").write_text(intro.group(1))  # the README's first example
    output = bash(block, cwd=tmp, TOGGL_FOCUS_API_TOKEN=fake.token, TOGGL_FOCUS_BASE_URL=base_url)
    assert re.search(r"DEBUG\] GET /api/organizations/9001/workspaces/7001/ghosts\?", output), (
        output
    )
    assert fake.token not in output


def run_fake_server(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    port = free_port()
    command = block.split("\n")[0].replace("8080", str(port))
    shown = re.search(r"base URL (\S+), token (\S+)", block)
    assert shown is not None
    url, token = shown.group(1).replace("8080", str(port)), shown.group(2).rstrip(".")
    server = subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(url, token)  # the URL and token the README shows are the ones served
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=10)


def run_cli_fake(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    port = free_port()
    # the README's `focus fake` serves the default port, 8080: here a free one
    script = block.replace("8080", str(port)).replace("focus fake", f"focus fake --port {port}")
    script = script.replace("&", f"> {tmp}/fake.out &", 1)
    check = f"""
trap 'kill %1' EXIT
for _ in $(seq 100); do grep -q WORKSPACE_ID {tmp}/fake.out 2>/dev/null && break; sleep 0.2; done
focus ghosts ls --limit 1 --json
"""
    output = bash(script + check, cwd=tmp, XDG_CONFIG_HOME=str(tmp))
    listed = json.loads(output[: output.rindex("]") + 1])  # stdout: the JSON; then stderr
    assert len(listed) == 1 and isinstance(listed[0]["id"], int), output
    printed = (tmp / "fake.out").read_text()
    # every value the README exports is the one `focus fake` prints
    for name, value in re.findall(r"(TOGGL_FOCUS_\w+)=(\S+)", script):
        assert f"export {name}={value}" in printed, (name, value, printed)


def run_probe(block: str, tmp: Path, fake_url: tuple[FakeFocus, str]) -> None:
    fake, base_url = fake_url
    from importlib.metadata import metadata

    assert "probe" in (metadata("toggl-focus").get_all("Provides-Extra") or [])
    prefix = tmp / "prefix"
    script = block.replace(
        'pip install ".[probe]"',
        f'pip install --no-deps --ignore-installed --prefix {prefix} "{ROOT}[probe]"',
    )
    script = script.replace("toggl_sk_...", fake.token)
    script = script.replace("--workspace-id 7001\n", "--workspace-id 7001 <<< y\n", 1)
    bash(script, cwd=tmp, timeout=300, TOGGL_FOCUS_BASE_URL=base_url)
    report = json.loads((tmp / "focus-probe.json").read_text())
    assert report and fake.token not in json.dumps(report)
    still_editable()


RUNNERS: dict[str, Callable[[str, Path, tuple[FakeFocus, str]], None]] = {
    "make demo": run_set_up,
    "pip install .": run_pip_install,
    "TOGGL_FOCUS_LOG=debug python my_script.py": run_log_switch,
    "make fake-server PORT=8080": run_fake_server,
    "focus fake --quota 600 &": run_cli_fake,
    'pip install ".[probe]"': run_probe,
}
PROVED_ELSEWHERE = {
    "make test-wheel": ".ci/run runs make dist, make test, then its matrix, on the same "
    "clean clone",
    "make client": "make check-generated (in make test) runs the same generation into a "
    "scratch directory and fails unless it matches generated/",
}


def test_every_shell_block_has_a_runner() -> None:
    assert len(BLOCKS) >= 6
    assert set(BLOCKS) == set(RUNNERS) | set(PROVED_ELSEWHERE), sorted(BLOCKS)


@pytest.mark.parametrize("first", sorted(RUNNERS))
def test_shell_block(first: str, tmp_path: Path, fake_url: tuple[FakeFocus, str]) -> None:
    RUNNERS[first](BLOCKS[first], tmp_path, fake_url)
