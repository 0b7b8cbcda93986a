"""`import toggl_focus` and `Focus(...)` load only what is used (PEP 562, cached resources).

Pinned by behaviour: fresh interpreters report which modules an import, a client and its
first resource loaded (`sys.modules`). The public API is unchanged: every name of
`__all__` is importable and is the object its public module holds, and mypy --strict still
sees exact types through the lazy package (and still rejects a name it does not have).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest
from mypy import api as mypy_api

import toggl_focus
from toggl_focus import AsyncFocus, Focus, FocusConfigError
from toggl_focus.testing import FakeFocus

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extensions" / "toggl_focus"

#: Prints the sorted modules of one fresh interpreter at each `report(label)`, as JSON lines.
PRELUDE = """
import json, sys
def report(label):
    print(json.dumps([label, sorted(sys.modules)]), flush=True)
"""


def loaded(script: str, **env: str) -> dict[str, set[str]]:
    """Run `script` in a fresh interpreter: the modules loaded at each `report(label)`."""
    out = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(script)],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {label: set(names) for label, names in map(json.loads, out.splitlines())}


def under(modules: set[str], prefix: str) -> set[str]:
    """The modules named `prefix` or inside it."""
    return {m for m in modules if m == prefix or m.startswith(prefix + ".")}


OPERATIONS = {
    tag: {p.stem for p in (ROOT / "generated" / "toggl_focus_api" / "api" / tag).glob("[!_]*.py")}
    for tag in ("ghosts", "working_hours", "organization")
}


def operations(modules: set[str], tag: str) -> set[str]:
    """The generated operations of one tag that were loaded, by name."""
    prefix = f"toggl_focus_api.api.{tag}."
    return {m.removeprefix(prefix) for m in modules if m.startswith(prefix)}


# --- what an import and a first use load ---------------------------------------------------


def test_import_loads_no_resource_plan_cli_or_generated_code() -> None:
    seen = loaded(
        """
        import logging
        import toggl_focus
        report("import")
        names = [h.get_name() for h in logging.getLogger("toggl_focus").handlers]
        assert names == ["toggl_focus.env"], names  # TOGGL_FOCUS_LOG still acts at import
        """,
        TOGGL_FOCUS_LOG="debug",
    )["import"]
    assert "toggl_focus" in seen
    for heavy in (
        "toggl_focus_api.api.working_hours",
        "toggl_focus_api.api",
        "toggl_focus_api.models",
        "toggl_focus._plans",
        "toggl_focus.plans",
        "toggl_focus.embody",
        "toggl_focus.cli",
        "toggl_focus._sync",
        "toggl_focus._async",
        "click",
        "rich",
        "asyncio",
    ):
        assert not under(seen, heavy), (heavy, sorted(under(seen, heavy)))


def test_a_sync_client_builds_only_the_resource_it_uses() -> None:
    seen = loaded(
        """
        from toggl_focus import Focus, FocusConfigError
        focus = Focus("lazy-token-" + "x" * 20, base_url="http://127.0.0.1:9")
        report("client")
        focus.ghosts
        report("ghosts")
        focus.ghosts.with_raw_response
        report("raw")
        try:
            focus.ghosts.plan([], key="no such key")  # refused before any request
        except FocusConfigError:
            report("plan")
        """
    )
    client, ghosts, raw, plan = seen["client"], seen["ghosts"], seen["raw"], seen["plan"]
    assert not under(client, "toggl_focus_api.api") and not under(client, "toggl_focus_api.models")
    assert "toggl_focus._sync.ghosts" not in client
    # .ghosts: all of its operations, none of the other tags', no plans
    assert operations(ghosts, "ghosts") == OPERATIONS["ghosts"]
    assert not operations(ghosts, "working_hours") and not operations(ghosts, "organization")
    assert {"toggl_focus._sync.ghosts", "toggl_focus._sync.pager"} <= ghosts
    for later in ("toggl_focus._plans", "toggl_focus._sync.plans"):
        assert later not in ghosts, later
    # the sync client never loads the async one, its pager or asyncio
    assert not under(ghosts, "toggl_focus._async") and "asyncio" not in ghosts
    # the raw twin lives beside its resource: building it loads no further module
    assert under(raw, "toggl_focus") == under(ghosts, "toggl_focus")
    assert {"toggl_focus._plans", "toggl_focus._sync.plans"} <= plan
    assert not under(plan, "toggl_focus._async")


def test_an_async_client_builds_only_the_resource_it_uses() -> None:
    seen = loaded(
        """
        from toggl_focus import AsyncFocus
        focus = AsyncFocus("lazy-token-" + "x" * 20, base_url="http://127.0.0.1:9")
        report("client")
        focus.working_hours
        report("hours")
        """
    )
    assert not under(seen["client"], "toggl_focus_api.api")
    hours = seen["hours"]
    assert operations(hours, "working_hours") == OPERATIONS["working_hours"]
    assert not operations(hours, "ghosts") and not operations(hours, "organization")
    assert "toggl_focus._async.working_hours" in hours
    assert not under(hours, "toggl_focus._sync") and "toggl_focus._async.pager" not in hours


# --- the public API is unchanged -----------------------------------------------------------


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of the `if TYPE_CHECKING:` imports of toggl_focus/__init__.py."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom)
                for alias in imp.names:
                    found[alias.asname or alias.name] = "." * imp.level + (imp.module or "")
    return found


def test_the_lazy_map_and_the_type_checking_imports_agree_with_all() -> None:
    public = set(toggl_focus.__all__) - {"__version__"}
    assert set(toggl_focus._EXPORTS) == public
    assert _type_checking_imports() == toggl_focus._EXPORTS


@pytest.mark.parametrize("name", sorted(set(toggl_focus.__all__) - {"__version__"}))
def test_every_public_name_is_the_object_of_its_public_module(name: str) -> None:
    from toggl_focus import embody, errors, pagination, plans, quota

    value = getattr(toggl_focus, name)
    homes = [m for m in (embody, errors, pagination, plans, quota) if name in m.__all__]
    if name in ("Focus", "AsyncFocus"):
        from toggl_focus._async import client as async_home
        from toggl_focus._sync import client as sync_home

        homes = [sync_home if name == "Focus" else async_home]
    assert len(homes) == 1, name
    assert getattr(homes[0], name) is value
    namespace: dict[str, object] = {}
    exec(f"from toggl_focus import {name}", namespace)
    assert namespace[name] is value
    assert name in dir(toggl_focus)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="'toggl_focus' has no attribute 'Fokus'"):
        toggl_focus.Fokus  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        exec("from toggl_focus import Fokus", {})
    from toggl_focus import pagination

    assert pagination.SyncPager.__name__ == "SyncPager" and "AsyncPager" in dir(pagination)
    with pytest.raises(AttributeError, match="no attribute 'Pager'"):
        pagination.Pager  # type: ignore[attr-defined]  # noqa: B018


MYPY_SNIPPET = """\
import toggl_focus
from toggl_focus import Focus, GhostPlan, PlanError, desired_from_rows

focus = Focus(organization_id=1, workspace_id=2)
reveal_type(focus.ghosts)
reveal_type(focus.ghosts.with_raw_response)
reveal_type(toggl_focus.AsyncFocus().users)
reveal_type(desired_from_rows)
plan: GhostPlan | None = None
reveal_type(PlanError)
toggl_focus.Fokus
"""


def test_mypy_sees_exact_types_through_the_lazy_package(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(MYPY_SNIPPET)
    out, err, status = mypy_api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(snippet),
        ]
    )
    output = out + err
    assert 'Revealed type is "toggl_focus._sync.ghosts.Ghosts"' in output, output
    assert 'Revealed type is "toggl_focus._sync.ghosts.GhostsWithRawResponse"' in output, output
    assert 'Revealed type is "toggl_focus._async.organization.AsyncUsers"' in output, output
    assert (
        'Revealed type is "def (rows: typing.Iterable[typing.Mapping[str, str | None]]) ->'
        ' list[toggl_focus._plans.desired.DesiredGhost]"' in output
    ), output
    assert 'Revealed type is "def (*args: object) -> toggl_focus._plans.errors.PlanError"' in output
    # no module __getattr__ for mypy: a misspelt name is still an error, not `object`
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert len(errors) == 1 and 'has no attribute "Fokus"' in errors[0], output
    assert status == 1


# --- cached resources and with_options -----------------------------------------------------


@pytest.fixture
def fake() -> FakeFocus:
    return FakeFocus(seed=3, ghosts=2, users=3)


def test_a_resource_is_built_once_and_copies_build_their_own(fake: FakeFocus) -> None:
    sent: list[httpx.Request] = []
    inner = fake.transport()

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return inner.handle_request(request)

    ids = {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}
    with (
        httpx.Client(transport=httpx.MockTransport(record)) as http,
        Focus(fake.token, base_url=fake.base_url, http_client=http, **ids) as focus,
    ):
        ghosts, roles = focus.ghosts, focus.roles  # built before the copy
        assert focus.ghosts is ghosts and ghosts.with_raw_response is ghosts.with_raw_response
        copy = focus.with_options(max_retries=0, default_headers={"X-Copy": "1"})
        assert copy.ghosts is not ghosts and copy.roles is not roles
        assert copy.roles._ctx.roles is roles._ctx.roles  # the role cache is shared
        copy.roles.list()
        assert sent[-1].headers["X-Copy"] == "1"
        focus.roles.list()
        assert "X-Copy" not in sent[-1].headers
        assert copy.quota is focus.quota and copy._wire is focus._wire
    with pytest.raises(FocusConfigError, match="closed"):
        copy.roles.list()


async def test_async_copies_build_their_own_resources(fake: FakeFocus) -> None:
    ids = {"organization_id": fake.organization_id, "workspace_id": fake.workspace_id}
    async with (
        httpx.AsyncClient(transport=fake.async_transport()) as http,
        AsyncFocus(fake.token, base_url=fake.base_url, http_client=http, **ids) as focus,
    ):
        before = focus.ghosts
        copy = focus.with_options(max_retries=0)
        assert copy.ghosts is not before and copy.ghosts._ctx.policy.max_retries == 0
        assert before._ctx.policy.max_retries == 2
        assert [g.id async for g in copy.ghosts.list()] == [g.id async for g in before.list()]
