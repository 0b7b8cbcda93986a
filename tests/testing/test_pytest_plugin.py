"""The pytest plugin (issue 14, point 7), run on test files written here with `pytester`.

What an app's test suite sees once `toggl-focus[testing]` is installed: the fixtures
`fake_focus`, `focus` and `async_focus`, and the markers `focus_fake`, `focus_quota` and
`focus_fault`, registered (no unknown-marker warning under `--strict-markers`), loaded
through the `pytest11` entry point named `toggl_focus`.
"""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestAssertRewriteWarning")

STRICT = (
    "--strict-markers",
    "-W",
    "error::pytest.PytestUnknownMarkWarning",
    "-p",
    "no:cacheprovider",
    "-p",
    "no:asyncio",
)

FIXTURES = """
    import asyncio
    import pytest
    from toggl_focus import AsyncFocus, Focus, FocusConfigError
    from toggl_focus.testing import FakeFocus

    SEEN = []

    def test_fake_is_fresh_and_focus_is_bound_to_it(fake_focus, focus):
        assert isinstance(fake_focus, FakeFocus) and isinstance(focus, Focus)
        assert fake_focus.request_count == 0
        ghosts = list(focus.ghosts.list(max_items=3))
        assert len(ghosts) == 3 and fake_focus.request_count == 1
        fake_focus.add_ghost(name="only in this test")
        SEEN.append(focus)

    def test_the_previous_client_is_closed_and_this_fake_is_new(fake_focus, focus):
        with pytest.raises(FocusConfigError):
            SEEN[0].ghosts.get(1001)
        assert not [g for g in focus.ghosts.list(search="only in this test")]

    def test_async_focus(fake_focus, async_focus):
        assert isinstance(async_focus, AsyncFocus)

        async def main():
            return [g async for g in async_focus.ghosts.list(max_items=150)]

        assert len(asyncio.run(main())) == 150
        assert fake_focus.request_count == 2
        SEEN.append(async_focus)

    def test_the_async_client_was_closed():
        async def main():
            await SEEN[1].ghosts.get(1001)

        with pytest.raises(FocusConfigError):
            asyncio.run(main())
"""

MARKERS = """
    import pytest
    from toggl_focus import QuotaExceededError, ServerError, BadRequestError
    from toggl_focus.testing import Fault

    pytestmark = pytest.mark.focus_fake(seed=5, ghosts=7, users=4)

    def test_module_marker_seeds_the_fake(fake_focus, focus):
        ids = fake_focus.workspace_ids
        assert sum(len(list(focus.ghosts.list(workspace_id=w))) for w in ids) == 7
        assert len(list(focus.users.list())) == 4

    @pytest.mark.focus_quota(2)
    def test_quota(focus):
        focus.roles.list()
        focus.roles.list()
        assert focus.quota.remaining == 0
        with pytest.raises(QuotaExceededError):
            focus.roles.list()

    @pytest.mark.focus_fault(500, method="GET")
    @pytest.mark.focus_fault(Fault.status(400), method="GET")
    def test_faults_in_written_order(fake_focus, focus):
        assert fake_focus.pending_faults == 2
        with pytest.raises(ServerError):
            focus.roles.list()
        with pytest.raises(BadRequestError):
            focus.roles.list()
        assert len(focus.roles.list()) > 0

    @pytest.mark.focus_fault(Fault.status(503), times=2, path="/roles$")
    def test_faults_take_inject_options(fake_focus, focus):
        focus.teams.list()            # not /roles: untouched
        assert fake_focus.pending_faults == 2
        assert len(focus.roles.list()) > 0   # two 503s, retried
        assert [r.status for r in fake_focus.requests][-3:] == [503, 503, 200]

    class TestClassMarker:
        pytestmark = pytest.mark.focus_quota(1)

        def test_class_quota(self, focus):
            focus.roles.list()
            with pytest.raises(QuotaExceededError):
                focus.roles.list()
"""


def test_the_plugin_is_registered_through_the_pytest11_entry_point() -> None:
    found = [ep for ep in entry_points(group="pytest11") if ep.name == "toggl_focus"]
    assert [ep.value for ep in found] == ["toggl_focus.testing.pytest_plugin"]


def test_fixtures_in_a_fresh_pytest_process(pytester: pytest.Pytester) -> None:
    """A subprocess: only the installed entry point can have loaded the plugin."""
    pytester.makepyfile(test_app=FIXTURES)
    result = pytester.runpytest_subprocess(*STRICT)
    result.assert_outcomes(passed=4)


def test_without_the_entry_point_plugin_the_fixtures_do_not_exist(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_app=FIXTURES)
    result = pytester.runpytest_subprocess("-p", "no:toggl_focus", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=3, failed=1)
    result.stdout.fnmatch_lines(["*fixture 'fake_focus' not found*"])


def test_markers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_markers=MARKERS)
    result = pytester.runpytest(*STRICT)
    result.assert_outcomes(passed=5)


def test_markers_are_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--markers", "-p", "no:asyncio")
    result.stdout.fnmatch_lines(
        [
            "@pytest.mark.focus_fake(**kwargs):*",
            "@pytest.mark.focus_quota(limit):*",
            "@pytest.mark.focus_fault(fault*",
        ]
    )


def test_a_misused_marker_fails_the_test_with_a_message(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_bad="""
        import pytest

        @pytest.mark.focus_fault("503")
        def test_string(focus):
            pass

        @pytest.mark.focus_quota()
        def test_no_limit(fake_focus):
            pass
        """
    )
    result = pytester.runpytest(*STRICT)
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*focus_fault: expected a Fault or a status code, got '503'*",
            "*focus_quota takes one argument*",
        ],
        consecutive=False,
    )


def test_the_readme_example_passes(pytester: pytest.Pytester) -> None:
    """README's pytest block (skipped by the doc test, as it is a test module) runs here."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- doctest: skip: a test module for pytest[^>]*-->\s*```python\n(.*?)```", readme, re.S
    )
    assert found, "the README's pytest example is gone"
    pytester.makepyfile(test_readme_example=found.group(1))
    # In a subprocess, as a user runs it: in-process, pytester drops the modules the inner run
    # imported, and toggl_focus's lazily loaded resources would then mix two copies of the
    # generated models (the example failed when this file ran alone).
    result = pytester.runpytest_subprocess(*STRICT)
    result.assert_outcomes(passed=3)
