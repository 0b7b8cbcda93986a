"""`make python-docs` (part of `make docs`; issue 14, point 8): the Python API reference.

Built into a temporary directory with the Makefile's own recipe (pdoc, pinned), then read:
the public names are documented once, from their docstrings, the resources' methods are
there, no `_async` copy is, and nothing is loaded from the network.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    subprocess.run(
        ["make", "--no-print-directory", "python-docs", f"DOCS_DIR={out}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / "python"


def text(page: Path) -> str:
    return re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))


def test_the_public_modules_have_pages_and_internals_do_not(site: Path) -> None:
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert {
        "index.html",
        "toggl_focus.html",
        "toggl_focus/errors.html",
        "toggl_focus/pagination.html",
        "toggl_focus/testing.html",
        "toggl_focus/testing/pytest_plugin.html",
        "toggl_focus/probe.html",
        "toggl_focus/_sync/ghosts.html",
        "toggl_focus_api/models.html",
    } <= pages
    assert not [p for p in pages if "_async" in p or "/_runner" in p or "/_http" in p]


def test_the_names_are_documented_from_their_docstrings(site: Path) -> None:
    import toggl_focus
    from toggl_focus.probe import Probe
    from toggl_focus.testing import FakeFocus

    main = text(site / "toggl_focus.html")
    for name in ("Focus", "AsyncFocus", "FocusError", "QuotaExceededError", "invite_and_embody"):
        assert f'id="{name}"' in (site / "toggl_focus.html").read_text(), name
    first_line = (toggl_focus.Focus.__doc__ or "").strip().splitlines()[0]
    assert first_line and " ".join(first_line.split()[:6]) in " ".join(main.split())
    # lazily loaded names (PEP 562) are resolved, not left out
    assert (FakeFocus.__doc__ or "").split()[0] in text(site / "toggl_focus" / "testing.html")
    assert 'id="Probe"' in (site / "toggl_focus" / "probe.html").read_text()
    assert Probe.__name__ in text(site / "toggl_focus" / "probe.html")


def test_resource_methods_are_there(site: Path) -> None:
    ghosts = (site / "toggl_focus" / "_sync" / "ghosts.html").read_text()
    for method in ("list", "get", "create", "bulk_create", "update", "delete", "embody"):
        assert re.search(rf'id="[A-Za-z]+\.{method}"', ghosts), method


def test_nothing_is_loaded_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="https?:|<link[^>]+href="https?:', html), page
