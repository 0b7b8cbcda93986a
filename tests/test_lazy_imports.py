"""What `import toggl_focus` loads, and that everything deferred still arrives on first use.

Each check runs in a fresh interpreter: this test process has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import toggl_focus
import toggl_focus_api.models
from toggl_focus import AsyncFocus, Focus

ROOT = Path(__file__).resolve().parents[1]

_LOADED = """
import json, sys
{code}
names = sorted(sys.modules)
print(json.dumps({{
    "models": [n for n in names if n.startswith("toggl_focus_api.models.")],
    "operations": [n for n in names if n.startswith("toggl_focus_api.api.") and n.count(".") == 3],
    "toggl_focus": [n for n in names if n.startswith("toggl_focus.")],
}}))
"""


def _loaded(code: str) -> dict[str, list[str]]:
    """The generated models and operations and toggl_focus modules loaded after `code`."""
    out = subprocess.run(
        [sys.executable, "-c", _LOADED.format(code=code)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    loaded: dict[str, list[str]] = json.loads(out)
    return loaded


def test_import_toggl_focus_loads_no_generated_model_or_operation() -> None:
    loaded = _loaded("import toggl_focus")
    assert loaded["models"] == []
    assert loaded["operations"] == []
    assert "toggl_focus.embody" not in loaded["toggl_focus"]
    resources = {m for m in loaded["toggl_focus"] if m.startswith("toggl_focus.resources.")}
    assert resources == {"toggl_focus.resources._base"}  # Context, for the clients


@pytest.mark.parametrize("client", ["Focus", "AsyncFocus"])
def test_first_use_of_ghosts_loads_the_ghost_operations_only(client: str) -> None:
    loaded = _loaded(
        f"import toggl_focus\ntoggl_focus.{client}('t' * 24, base_url='http://127.0.0.1:9').ghosts"
    )
    assert loaded["operations"], "the ghost operations are loaded on first use"
    assert all(op.startswith("toggl_focus_api.api.ghosts.") for op in loaded["operations"])
    assert "toggl_focus_api.models.ghost" in loaded["models"]
    assert "toggl_focus_api.models.organization_user" not in loaded["models"]
    assert "toggl_focus.resources.organization" not in loaded["toggl_focus"]


def test_a_model_module_imported_alone_brings_the_models_it_refers_to() -> None:
    loaded = _loaded("import toggl_focus_api.models.ghost_page")
    assert set(loaded["models"]) == {
        f"toggl_focus_api.models.{name}"
        for name in (
            "ghost_page",
            "ghost",
            "ghost_assignments",
            "assigned_project",
            "assigned_task",
        )
    }


def test_every_exported_name_resolves() -> None:
    for module in (toggl_focus, toggl_focus_api.models):
        for name in module.__all__:
            assert getattr(module, name) is not None, (module.__name__, name)
            assert name in dir(module)
    assert toggl_focus.invite_and_embody.__module__ == "toggl_focus.embody"
    assert toggl_focus_api.models.Ghost.__module__ == "toggl_focus_api.models.ghost"


def test_unknown_names_still_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Ghosts'"):
        _ = toggl_focus.Ghosts  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = toggl_focus_api.models.Nope  # type: ignore[attr-defined]


_RESOURCES = ("ghosts", "working_hours", "groups", "roles", "teams", "users")


def test_resources_are_built_once_per_client_with_its_settings() -> None:
    first = Focus("t" * 24, base_url="http://127.0.0.1:9", organization_id=3, workspace_id=4)
    second = Focus("t" * 24, base_url="http://127.0.0.1:9", organization_id=5)
    for name in _RESOURCES:
        resource = getattr(first, name)
        assert getattr(first, name) is resource
        assert getattr(second, name) is not resource
        assert not type(resource).__name__.startswith("Async")
        assert type(resource) is type(getattr(second, name))
        assert (resource._ctx.organization_id, resource._ctx.workspace_id) == (3, 4)
        assert resource._ctx.api is first.api
        assert getattr(second, name)._ctx.organization_id == 5


async def test_async_resources_are_the_async_classes() -> None:
    async with AsyncFocus("t" * 24, base_url="http://127.0.0.1:9", organization_id=3) as focus:
        for name in _RESOURCES:
            resource = getattr(focus, name)
            assert type(resource).__name__.startswith("Async")
            assert getattr(focus, name) is resource
            assert resource._ctx.api is focus.api
