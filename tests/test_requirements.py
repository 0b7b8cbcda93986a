"""A failed import names its cause (issue 21, point 5): the package, its version, what we need."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib import metadata

import pytest

from toggl_focus._ground import requirements as _requirements

REQUIRES = [
    "httpx>=0.26",
    "httpcore>=1.0.9",
    "attrs>=22.2.0",
    'click>=8.1; extra == "cli"',
    'PyYAML>=6.0.1; extra == "cli"',
    'jsonschema>=4.18; extra == "cli"',
    'jsonschema>=4.18; extra == "testing"',
]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The installed versions `explain` sees (missing: not installed), and our requirements."""
    versions: dict[str, str] = {}

    def version(name: str) -> str:
        if name not in versions:
            raise metadata.PackageNotFoundError(name)
        return versions[name]

    monkeypatch.setattr(_requirements.metadata, "version", version)
    monkeypatch.setattr(_requirements.metadata, "requires", lambda name: list(REQUIRES))
    monkeypatch.setattr(_requirements.metadata, "packages_distributions", lambda: {})
    return versions


def test_a_too_old_package_is_named_with_the_version_needed(installed: dict[str, str]) -> None:
    installed["httpcore"] = "0.17.3"
    import types

    exc = AttributeError("module 'httpcore' has no attribute 'NetworkStream'")
    exc.obj = types.ModuleType("httpcore")
    text = _requirements.explain(exc)
    assert text == (
        "AttributeError: module 'httpcore' has no attribute 'NetworkStream' (httpcore 0.17.3 is"
        " installed; toggl-focus needs httpcore>=1.0.9: pip install 'httpcore>=1.0.9')"
    )


def test_a_missing_package_of_an_extra_names_the_extra(installed: dict[str, str]) -> None:
    exc = ModuleNotFoundError("No module named 'yaml'", name="yaml")
    assert _requirements.explain(exc) == (
        "ModuleNotFoundError: No module named 'yaml' (PyYAML is not installed; toggl-focus"
        " needs PyYAML>=6.0.1: pip install 'toggl-focus[cli]')"
    )


def test_a_missing_core_package_says_reinstall(installed: dict[str, str]) -> None:
    exc = ModuleNotFoundError("No module named 'httpx'", name="httpx")
    assert _requirements.explain(exc).endswith(
        "(httpx is not installed; toggl-focus needs httpx>=0.26: pip install toggl-focus)"
    )


def test_an_accepted_version_is_not_blamed(installed: dict[str, str]) -> None:
    installed["httpcore"] = "1.0.9"
    exc = ImportError("cannot import name 'X' from 'httpcore'", name="httpcore")
    assert _requirements.explain(exc).endswith(
        "(from httpcore 1.0.9, a version toggl-focus accepts)"
    )


@pytest.mark.parametrize(
    "exc",
    [
        ModuleNotFoundError("No module named 'nothing_we_need'", name="nothing_we_need"),
        ImportError("cannot import name 'x' from 'json'", name="json"),  # the stdlib
        AttributeError("no attribute"),  # no module to blame
    ],
)
def test_what_we_cannot_attribute_is_the_message_alone(
    installed: dict[str, str], exc: BaseException
) -> None:
    assert _requirements.explain(exc) == f"{type(exc).__name__}: {exc}"


def test_a_lazy_import_failing_deep_in_a_dependency_names_it() -> None:
    # An httpcore without NetworkStream (as before 0.17.3): Python alone would say only
    # "cannot import name 'Focus' from 'toggl_focus'".
    script = textwrap.dedent(
        """
        import httpcore
        del httpcore.NetworkStream
        try:
            from toggl_focus import Focus
        except ImportError as exc:
            print(type(exc).__name__, exc)
            print("cause:", type(exc.__cause__).__name__, exc.__cause__)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    first, cause = done.stdout.splitlines()
    assert first.startswith("ImportError cannot import toggl_focus.Focus: AttributeError: ")
    assert "module 'httpcore' has no attribute 'NetworkStream' (from httpcore " in first
    assert cause == "cause: AttributeError module 'httpcore' has no attribute 'NetworkStream'"


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    import toggl_focus

    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        toggl_focus.Nope  # type: ignore[attr-defined]  # noqa: B018
