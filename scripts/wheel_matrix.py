"""Test the built wheel as users install it: fresh venvs, newest and lowest versions, 3.11-3.13.

    python scripts/wheel_matrix.py dist/toggl_focus-*.whl [--config NAME ...] [--jobs N]

The dev venv holds packages users never get (click once came in through schemathesis and hid
a broken `focus`), and the editable install reads `extensions/`, not what the wheel ships. So
each configuration makes a new venv with uv (build/wheel-matrix/NAME), installs the wheel
there, never the source tree, and runs three steps:

1. core: the wheel without extras. Every module the library needs imports (`_check core`:
   every module outside cli/, testing/, probe/), and `focus` says which extra and which
   package are missing.
2. cli: `wheel[cli]`, what the README tells command-line users to install. Every module
   imports, the pytest plugin aside (pytest loads it); `focus --help` works; `focus fake`
   serves and `focus ghosts ls --json` lists its ghosts; the package README's quickstart runs
   against that fake (`_check cli`).
3. tests: `wheel[all]` plus the test tools at the dev pins (pytest, pytest-asyncio,
   hypothesis, mypy), constrained to what is installed so they move no dependency; then the
   library, CLI, fake and plugin tests (TESTS) with TOGGL_FOCUS_TEST_INSTALLED=1, which makes
   tests/conftest.py fail unless `toggl_focus` comes from the venv's site-packages. The
   fault and hostile-server suites run at DEBUG only (TEST_ENV), where the installed httpx and
   httpcore log the most; the dev suite runs them at INFO too. That keeps four
   configurations within CI's time (it saved about 65 s of each).

Configurations (CONFIGS): Python 3.11 at the newest versions the declared ranges allow,
Python 3.11 at every declared lower bound (each `>=X` of the wheel's Requires-Dist pinned
`==X`, other packages at their newest), and Python 3.12 and 3.13 at the newest. The
interpreters are found on PATH or under pyenv; a missing one fails the run and says where it
looked. Prints a line per finished configuration and a summary with the versions installed;
exit status 1 when a configuration failed (its log's tail is printed), 2 on a usage error.
Stdlib only: it also runs as `_check` inside the venvs it makes.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "wheel-matrix"


@dataclass(frozen=True)
class Config:
    name: str
    python: str  # major.minor
    lowest: bool = False


CONFIGS = (
    Config("py3.11-newest", "3.11"),
    Config("py3.11-lowest", "3.11", lowest=True),
    Config("py3.12-newest", "3.12"),
    Config("py3.13-newest", "3.13"),
)

#: The test tools, at the versions requirements-dev.txt pins (mypy: tests/client reads types).
TEST_TOOLS = ("pytest", "pytest-asyncio", "hypothesis", "mypy")

#: The library, CLI, fake and plugin tests. Left out: the spec, codegen, sync, docs, README
#: shell and Makefile tests (they test the repository's tooling, with the dev toolchain), and
#: the fake under Prism and schemathesis (Node and schemathesis are dev tools).
TESTS = (
    "tests/client",
    "tests/faults",
    "tests/hostile",
    "tests/plans",
    "tests/cli",
    "tests/testing",
    "tests/probe",
    "tests/test_embody.py",
    "tests/test_spend_fewer.py",
    "tests/test_fast_decode.py",
    "tests/test_toggl_minimal_responses.py",
    "tests/test_log_env.py",
    "tests/test_readme.py",
)
#: The tests' environment: the installed copy, and the log level of tests/faults and
#: tests/hostile (see the module docstring).
TEST_ENV = {"TOGGL_FOCUS_TEST_INSTALLED": "1", "TOGGL_FOCUS_TEST_LOG_LEVELS": "DEBUG"}
IGNORED = ("tests/testing/test_fake_prism.py", "tests/testing/test_fake_schemathesis.py")

#: Shown in the summary: the versions that matter most.
SHOWN = (
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "attrs",
    "msgspec",
    "click",
    "rich",
    "pyyaml",
    "jsonschema",
)

#: Modules that need an extra (and the pytest plugin, which needs pytest).
EXTRA_MODULES = ("toggl_focus.cli", "toggl_focus.testing", "toggl_focus.probe")
EXTRA_MODULES_FLAT = ("toggl_focus.testing._conformance", "toggl_focus.demo")
PLUGIN = "toggl_focus.testing.pytest_plugin"


# --- finding interpreters and tools ----------------------------------------------------------


PROBE = (
    "import sys; print('%d.%d' % sys.version_info[:2], sys.prefix != sys.base_prefix,"
    " sys.executable)"
)


def find_python(minor: str) -> tuple[Path | None, list[str]]:
    """An interpreter of version `minor` (3.12), and the places looked in."""
    looked: list[str] = []
    candidates: list[str] = []
    on_path = shutil.which(f"python{minor}")
    looked.append(f"python{minor} on PATH")
    if on_path:
        candidates.append(on_path)
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv")]
    pyenv = shutil.which("pyenv")
    if pyenv:
        done = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        roots.insert(0, done.stdout.strip())
    for root in dict.fromkeys(r for r in roots if r):
        pattern = f"{root}/versions/{minor}.*/bin/python{minor}"
        looked.append(pattern)
        candidates += sorted(glob.glob(pattern), key=_version_key, reverse=True)
    for candidate in candidates:
        done = subprocess.run(
            # A venv's interpreter (the dev .venv is on PATH under make) is skipped: the
            # venvs made here start from a base interpreter.
            [candidate, "-c", PROBE],
            capture_output=True,
            text=True,
            check=False,
        )
        found = done.stdout.strip().split(maxsplit=2)
        if done.returncode == 0 and found[:2] == [minor, "False"]:
            return Path(found[2]), looked  # the interpreter itself, not a pyenv shim
    return None, looked


def _version_key(path: str) -> tuple[int, ...]:
    found = re.search(r"/versions/(\d+)\.(\d+)\.(\d+)", path)
    return tuple(int(x) for x in found.groups()) if found else (0,)


def dev_pins(names: tuple[str, ...]) -> list[str]:
    """`name==version` from requirements-dev.txt for each of `names`."""
    pins = {}
    for line in (ROOT / "requirements-dev.txt").read_text().splitlines():
        found = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line)
        if found:
            pins[normalize(found.group(1))] = line.split("#")[0].strip()
    missing = [n for n in names if normalize(n) not in pins]
    if missing:
        raise SystemExit(f"wheel_matrix: requirements-dev.txt pins none of {missing}")
    return [pins[normalize(n)] for n in names]


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lower_bounds(wheel: Path) -> list[str]:
    """`name==X` for each `>=X` in the wheel's Requires-Dist (every extra included)."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(meta).decode()
    pins: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("Requires-Dist:"):
            continue
        requirement = line.split(":", 1)[1].split(";")[0].strip()
        found = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(.*)", requirement)
        assert found, line
        name, specifiers = found.groups()
        if normalize(name) == "toggl-focus":  # the `all` extra names the others
            continue
        floor = re.search(r">=\s*([^,\s]+)", specifiers)
        if floor is None:
            raise SystemExit(f"wheel_matrix: {requirement!r} has no lower bound (>=)")
        pins[normalize(name)] = f"{normalize(name)}=={floor.group(1)}"
    return sorted(pins.values())


# --- one configuration -------------------------------------------------------------------------


@dataclass
class Outcome:
    config: Config
    ok: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    python: str = ""
    tests: str = ""
    log: Path = WORK
    error: str = ""


class StepFailed(Exception):
    pass


def run_config(
    config: Config,
    wheel: Path,
    uv: str,
    interpreter: Path,
    *,
    pins: tuple[str, ...] = (),
    steps: tuple[str, ...] = ("core", "cli", "tests"),
    tests: tuple[str, ...] = TESTS,
) -> Outcome:
    tag = "+".join(re.sub(r"[^A-Za-z0-9.=]", "", pin) for pin in pins)
    home = WORK / (f"{config.name}+{tag}" if tag else config.name)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    outcome = Outcome(config, log=home / "log.txt")
    venv = home / "venv"
    py = str(venv / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TOGGL_FOCUS_", "VIRTUAL_ENV"))}
    env.update(NO_COLOR="1", UV_NO_PROGRESS="1")
    constraints = home / "constraints.txt"
    floors = lower_bounds(wheel) if config.lowest else []
    pinned = {normalize(re.split(r"[=<>!~ ]", pin, maxsplit=1)[0]) for pin in pins}
    floors = [f for f in floors if normalize(f.split("==")[0]) not in pinned]
    constraints.write_text("".join(f"{line}\n" for line in floors))
    # --with pins override the wheel's own requirements: a version below a declared floor.
    overrides = home / "overrides.txt"
    overrides.write_text("".join(f"{line}\n" for line in pins))

    with outcome.log.open("w") as log:

        def sh(*args: str, **extra: str) -> None:
            log.write(f"\n$ {' '.join(args)}\n")
            log.flush()
            done = subprocess.run(
                args, stdout=log, stderr=subprocess.STDOUT, env={**env, **extra}, cwd=ROOT
            )
            if done.returncode != 0:
                raise StepFailed(f"`{' '.join(args[:4])} ...` exited {done.returncode}")

        def install(*requirements: str) -> None:
            files = [("-c", constraints), ("--override", overrides)]
            options = [x for flag, path in files if path.stat().st_size for x in (flag, str(path))]
            sh(uv, "pip", "install", "--python", py, *options, *requirements)

        def step(name: str, *actions: object) -> None:
            start = time.monotonic()
            try:
                for action in actions:
                    action()  # type: ignore[operator]
            finally:
                outcome.seconds[name] = time.monotonic() - start

        try:
            step("venv", lambda: sh(uv, "venv", "--quiet", "--python", str(interpreter), str(venv)))
            if "core" in steps:
                step(
                    "core",
                    lambda: install(str(wheel)),
                    lambda: sh(py, __file__, "_check", "core"),
                )
            if "cli" in steps:
                step(
                    "cli",
                    lambda: install(f"{wheel}[cli]"),
                    lambda: sh(py, __file__, "_check", "cli"),
                )

            def tools() -> None:
                install(f"{wheel}[all]")
                frozen = home / "frozen.txt"
                done = subprocess.run(
                    [uv, "pip", "freeze", "--python", py], capture_output=True, text=True, env=env
                )
                frozen.write_text(
                    "\n".join(
                        line
                        for line in done.stdout.splitlines()
                        if not line.startswith("toggl-focus")
                    )
                )
                sh(uv, "pip", "install", "--python", py, "-c", str(frozen), *dev_pins(TEST_TOOLS))

            def run_tests() -> None:
                report = home / "pytest.txt"
                junit = home / "junit.xml"
                args = [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"]
                args += tests
                args += [f"--ignore={path}" for path in IGNORED]
                log.write(f"\n$ {' '.join(args)}\n")
                log.flush()
                with report.open("w") as out:
                    done = subprocess.run(
                        args,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        env={**env, **TEST_ENV},
                        cwd=ROOT,
                    )
                text = report.read_text()
                log.write(text)
                lines = [line for line in text.splitlines() if line.strip()]
                outcome.tests = re.sub(r"=+", "", lines[-1]).strip() if lines else "no output"
                if done.returncode != 0:
                    raise StepFailed(f"pytest exited {done.returncode}: {outcome.tests}")
                # The counts from the report pytest writes at the end, not from its exit status:
                # a process that ends early with status 0 (something in a test calling exit)
                # writes none, and must not pass.
                if not junit.exists():
                    raise StepFailed("pytest exited 0 without writing its report: it ended early")
                outcome.tests = junit_counts(junit)

            if "tests" in steps:
                step("tests", tools, run_tests)
            outcome.ok = True
        except StepFailed as exc:
            outcome.error = str(exc)
        finally:
            if (venv / "bin" / "python").exists():
                outcome.python = subprocess.run(
                    [py, "-c", "import platform; print(platform.python_version())"],
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                done = subprocess.run(
                    [uv, "pip", "freeze", "--python", py], capture_output=True, text=True, env=env
                )
                for line in done.stdout.splitlines():
                    name, _, version = line.partition("==")
                    if normalize(name) in SHOWN:
                        outcome.versions[normalize(name)] = version
    return outcome


def junit_counts(path: Path) -> str:
    """`4348 passed, 1 skipped` from pytest's JUnit XML report."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    total = {
        k: sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors", "skipped")
    }
    passed = total["tests"] - total["failures"] - total["errors"] - total["skipped"]
    counts = [f"{passed} passed"] + [
        f"{total[k]} {k}" for k in ("failures", "errors", "skipped") if total[k]
    ]
    return ", ".join(counts)


# --- checks that run inside a venv (python wheel_matrix.py _check core|cli) -------------------


def check(level: str) -> None:
    """Run inside the venv: import what `level` covers, then start `focus` as users do."""
    import importlib
    import pkgutil

    import toggl_focus
    import toggl_focus_api

    where = Path(toggl_focus.__file__).resolve()
    if ROOT in where.parents and "site-packages" not in where.parts:
        raise SystemExit(f"toggl_focus imported from the checkout ({where}), not the wheel")
    names = []
    for package in (toggl_focus_api, toggl_focus):
        prefix = package.__name__ + "."
        names.append(package.__name__)
        names += [m.name for m in pkgutil.walk_packages(package.__path__, prefix)]
    needs_extra = [
        n
        for n in names
        if n.startswith(tuple(m + "." for m in EXTRA_MODULES))
        or n in EXTRA_MODULES
        or n in EXTRA_MODULES_FLAT
    ]
    wanted = [n for n in names if n not in needs_extra] if level == "core" else names
    wanted = [n for n in wanted if n != PLUGIN and not n.endswith("__main__")]
    for name in wanted:
        importlib.import_module(name)
    print(f"_check {level}: {len(wanted)} modules import ({len(names) - len(wanted)} need more)")

    focus = Path(sys.executable).with_name("focus")
    if level == "core":
        done = subprocess.run([focus, "--help"], capture_output=True, text=True, check=False)
        print(f"focus --help without the cli extra: exit {done.returncode}: {done.stderr.strip()}")
        if done.returncode != 2 or "toggl-focus[cli]" not in done.stderr:
            raise SystemExit("focus without the cli extra must say which extra to install")
        return

    done = subprocess.run([focus, "--help"], capture_output=True, text=True, check=False)
    if done.returncode != 0 or "Usage" not in done.stdout:
        raise SystemExit(f"focus --help: exit {done.returncode}\n{done.stdout}{done.stderr}")
    print("focus --help: ok")
    fake = subprocess.Popen(
        [focus, "fake", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
        assert fake.stdout is not None
        for _ in range(5):
            line = fake.stdout.readline()
            print("focus fake:", line.rstrip())
            found = re.match(r"export (TOGGL_FOCUS_\w+)=(\S+)", line)
            if found:
                env[found.group(1)] = found.group(2)
        if "TOGGL_FOCUS_WORKSPACE_ID" not in env:
            raise SystemExit("focus fake printed no export lines")
        done = subprocess.run(
            [focus, "ghosts", "ls", "--json"], capture_output=True, text=True, env=env, check=False
        )
        ghosts = json.loads(done.stdout) if done.returncode == 0 else None
        if not isinstance(ghosts, list) or not ghosts:
            raise SystemExit(f"focus ghosts ls --json: exit {done.returncode}\n{done.stderr}")
        print(f"focus ghosts ls --json: {len(ghosts)} ghosts")
        readme = (ROOT / "docs" / "package-readme.md").read_text()
        blocks = re.findall(r"^```python\n(.*?)^```", readme, re.S | re.M)
        for block in blocks:
            done = subprocess.run(
                [sys.executable, "-c", block], capture_output=True, text=True, env=env, check=False
            )
            if done.returncode != 0 or "Quota(" not in done.stdout:
                raise SystemExit(f"README quickstart: exit {done.returncode}: {done.stderr}")
            print(f"package README quickstart: ok ({len(done.stdout.splitlines())} lines printed)")
    finally:
        fake.terminate()
        fake.wait(10)


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    if sys.argv[1:2] == ["_check"]:
        check(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--config", action="append", choices=[c.name for c in CONFIGS])
    parser.add_argument("--jobs", type=int, default=2, help="configurations run at once")
    parser.add_argument("--uv", default=shutil.which("uv") or "uv")
    parser.add_argument(
        "--with",
        dest="pins",
        action="append",
        default=[],
        metavar="PIN",
        help="override a requirement (httpx==0.25.2), below a declared floor too: to find one",
    )
    parser.add_argument(
        "--steps", default="core,cli,tests", help="which of core,cli,tests (default: all)"
    )
    parser.add_argument("--tests", nargs="+", default=list(TESTS), help="pytest arguments")
    args = parser.parse_args()
    wheel = args.wheel.resolve()
    if not wheel.is_file() or wheel.suffix != ".whl":
        parser.error(f"{args.wheel}: not a wheel file")
    configs = [c for c in CONFIGS if not args.config or c.name in args.config]

    interpreters: dict[str, Path] = {}
    for minor in sorted({c.python for c in configs}):
        found, looked = find_python(minor)
        if found is None:
            print(f"wheel_matrix: Python {minor} is missing; looked in: " + ", ".join(looked))
            return 1
        interpreters[minor] = found
        print(f"wheel_matrix: Python {minor}: {found}")
    if any(c.lowest for c in configs):
        print("wheel_matrix: lowest = " + " ".join(lower_bounds(wheel)))

    started = time.monotonic()
    outcomes: list[Outcome] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [
            pool.submit(
                run_config,
                c,
                wheel,
                args.uv,
                interpreters[c.python],
                pins=tuple(args.pins),
                steps=tuple(args.steps.split(",")),
                tests=tuple(args.tests),
            )
            for c in configs
        ]
        for future in concurrent.futures.as_completed(futures):
            outcome = future.result()
            outcomes.append(outcome)
            steps = ", ".join(f"{k} {v:.0f} s" for k, v in outcome.seconds.items())
            verdict = "pass" if outcome.ok else f"FAIL ({outcome.error})"
            print(f"wheel_matrix: {outcome.config.name}: {verdict}; {steps}; {outcome.tests}")
            if not outcome.ok:
                tail = outcome.log.read_text().splitlines()[-60:]
                print("\n".join(f"  | {line}" for line in tail))
            sys.stdout.flush()

    outcomes.sort(key=lambda o: CONFIGS.index(o.config))
    print(
        f"\nwheel_matrix: {wheel.name}, {len(outcomes)} configurations in "
        f"{time.monotonic() - started:.0f} s (logs in {WORK.relative_to(ROOT)}/NAME/log.txt)"
    )
    header = ["configuration", "python", "result", "seconds", *SHOWN, "tests"]
    rows = [
        [
            o.config.name,
            o.python,
            "pass" if o.ok else "FAIL",
            f"{sum(o.seconds.values()):.0f}",
            *(o.versions.get(name, "-") for name in SHOWN),
            o.tests,
        ]
        for o in outcomes
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
