"""scripts/bench.py's arithmetic and guards, and the model template change it measures.

The bench itself (minutes, machine-dependent) is not run here; what decides its figures is:
the paired-ratio statistics and their printed precision, the "from_dict only" contender
really running without the fast decode path, every job pyperf times listing every ghost,
and today's models running no import statement per call. Its request counts are asserted
in tests/test_request_counts.py.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench"] = bench
_spec.loader.exec_module(bench)

GENERATED = ROOT / "generated" / "toggl_focus_api"


# --- statistics ---------------------------------------------------------------------------


def test_spread_is_median_and_quartiles() -> None:
    spread = bench.Spread.of([5.0, 1.0, 4.0, 2.0, 3.0])
    assert (spread.median, spread.low, spread.high, spread.rounds) == (3.0, 2.0, 4.0, 5)


def test_paired_ratios_are_taken_round_by_round() -> None:
    # Each round's ratio is 2 although the minima (1 and 4) would say 4: pairing matters.
    spread = bench.Spread.paired([2.0, 8.0, 20.0], [1.0, 4.0, 10.0])
    assert spread.median == 2.0 and spread.low == spread.high == 2.0
    with pytest.raises(ValueError, match="unpaired"):
        bench.Spread.paired([1.0], [1.0, 2.0])


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # The last decimal printed is that of the IQR width's first significant digit.
        ([2.31, 2.43, 2.58], "2.4 (IQR 2.4-2.5)"),  # IQR 2.37-2.505, width 0.135
        ([0.601, 0.62, 0.661], "0.62 (IQR 0.61-0.64)"),  # width 0.03
        ([11.8, 12.3, 13.5], "12.3 (IQR 12.1-12.9)"),  # width 0.85
        ([11.0, 12.3, 15.0], "12 (IQR 12-14)"),  # width 1.85
        ([118.0, 123.0, 160.0], "123 (IQR 120-142)"),  # width 21.5: never fewer than none
    ],
)
def test_precision_follows_the_spread(values: list[float], expected: str) -> None:
    assert bench.Spread.of(values).text() == expected


def test_one_run_has_two_significant_digits_and_says_so() -> None:
    assert bench.Spread.of([4.2051]).text("x") == "4.2x (one run)"
    assert bench.Spread.of([0.0123]).value() == "0.012"


# --- the models --------------------------------------------------------------------------


def _imports_inside_functions(package: Path) -> int:
    """Import statements inside functions of a generated package's models (run per call)."""
    count = 0
    for path in (package / "models").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                count += sum(
                    isinstance(inner, ast.Import | ast.ImportFrom) for inner in ast.walk(node)
                )
    return count


def test_todays_models_run_no_import_per_call() -> None:
    """Issue 12's model template: referenced models are imported once, at the module's end."""
    assert _imports_inside_functions(GENERATED) == 0


def test_every_model_module_imports_first_in_a_fresh_interpreter() -> None:
    """Imports at the end of a module resolve whichever model is imported first."""
    names = sorted(p.stem for p in (GENERATED / "models").glob("[!_]*.py"))
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    for key in [k for k in sys.modules if k.startswith('toggl_focus_api')]:\n"
        "        del sys.modules[key]\n"
        "    module = importlib.import_module('toggl_focus_api.models.' + name)\n"
        "    assert module.__name__.endswith(name)\n"
    )
    subprocess.run([sys.executable, "-c", code, *names], check=True, cwd=ROOT)


def test_from_dict_only_switches_the_fast_path_off_and_back() -> None:
    """The CPU comparison's "from_dict only" contender really runs without the fast path."""
    import toggl_focus_api.types as generated_types

    fast = generated_types._fast_decoder
    with bench.models(bench.BEFORE):
        assert generated_types._fast_decoder is not fast
        assert generated_types._fast_decoder(("any", False, False)) is None
    assert generated_types._fast_decoder is fast
    with bench.models(bench.AFTER):
        assert generated_types._fast_decoder is fast


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """200 thin and 200 realistic ghosts, recorded as `make bench` records 20,000."""
    path = tmp_path_factory.mktemp("bench") / "pages.pickle"
    _, stats = bench.record(path, 200)
    assert set(stats) == {"thin", "realistic"} and stats["realistic"]["projects"] > 0
    return str(path)


def test_every_timed_job_lists_every_ghost(recorded: str, monkeypatch) -> None:
    """What pyperf's workers time: each contender lists all 200 ghosts in 2 requests (the
    async ones check the request count themselves); a short listing would raise."""
    monkeypatch.setattr(bench, "LATENCY", 0.001)
    # The bench collects garbage before each timed listing; inside the whole suite's heap
    # each collection took half a second (31 s for this test): not what is tested here.
    monkeypatch.setattr(bench.gc, "collect", lambda *args: 0)
    jobs = bench.cpu_jobs() + bench.async_jobs()
    assert len({job.name for job in jobs}) == len(jobs) == 10 + 6 + 19
    for job in jobs:
        assert bench.time_job(1, job, recorded) > 0, job.name


def test_the_unknown_field_shapes_are_the_realistic_ghosts_plus_those_fields(
    recorded: str,
) -> None:
    _, count, shapes = bench.load(recorded)
    realistic = [g for body, _ in shapes["realistic"].values() for g in json.loads(body)["data"]]
    for shape, extra in bench.UNKNOWN.items():
        ghosts = [g for body, _ in shapes[shape].values() for g in json.loads(body)["data"]]
        assert ghosts == [{**g, **extra} for g in realistic] and len(ghosts) == count
        for body, headers in shapes[shape].values():
            assert dict(headers)["content-length"] == str(len(body))
