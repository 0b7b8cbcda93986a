"""Models (issue 14, point 6): `to_json`/`from_json` on every generated model, and the `Unset`
idiom the README documents, checked by mypy itself.
"""

from __future__ import annotations

import datetime
import inspect
import json
import textwrap
from pathlib import Path

import httpx
import pytest
from mypy import api as mypy_api

import toggl_focus_api.models as models
from toggl_focus import Focus
from toggl_focus.testing import FakeFocus
from toggl_focus_api.models import Ghost, GhostAssignments
from toggl_focus_api.types import UNSET

ROOT = Path(__file__).resolve().parents[1]

MODEL_CLASSES = sorted(
    (cls for _, cls in inspect.getmembers(models, inspect.isclass) if hasattr(cls, "from_dict")),
    key=lambda cls: cls.__name__,
)


def test_every_generated_model_has_to_json_and_from_json() -> None:
    assert len(MODEL_CLASSES) > 20  # the whole models package, not an empty selection
    missing = [
        c.__name__ for c in MODEL_CLASSES if not (hasattr(c, "to_json") and hasattr(c, "from_json"))
    ]
    assert missing == []


def test_to_json_is_the_wire_form_and_leaves_unset_fields_out() -> None:
    ghost = Ghost(id=7, name="Designer (TBH)", embodied_at=None)
    ghost.created_at = datetime.datetime(2026, 3, 2, 9, 15, tzinfo=datetime.UTC)
    ghost["x_extra"] = [1, "two"]  # an unknown field the server sent is kept
    data = json.loads(ghost.to_json())
    assert data == {
        "id": 7,
        "name": "Designer (TBH)",
        "embodied_at": None,
        "created_at": "2026-03-02T09:15:00+00:00",
        "x_extra": [1, "two"],
    }
    assert "user_id" not in data  # UNSET: left out, not null
    assert ghost.to_json(indent=2).startswith("{\n  ")
    assert "é" in Ghost(id=1, name="René").to_json()  # text, not \u escapes


def test_from_json_round_trips_every_ghost_the_fake_serves() -> None:
    fake = FakeFocus(seed=3, ghosts=150, users=20)
    with (
        httpx.Client(transport=fake.transport()) as http,
        Focus(
            fake.token,
            base_url=fake.base_url,
            http_client=http,
            organization_id=fake.organization_id,
            workspace_id=fake.workspace_id,
        ) as focus,
    ):
        ghosts = list(focus.ghosts.list())
    assert len(ghosts) > 50  # the seeded ghosts of the default workspace
    with_assignments = 0
    for ghost in ghosts:
        again = Ghost.from_json(ghost.to_json())
        assert again == ghost
        assert Ghost.from_json(ghost.to_json().encode()) == ghost  # bytes too
        with_assignments += isinstance(again.assigned, GhostAssignments)
    assert with_assignments > 0  # nested models went through too


def test_from_json_checks_like_from_dict() -> None:
    with pytest.raises(TypeError, match=r"Ghost\.id: expected integer"):
        Ghost.from_json('{"id": "1001", "name": "x"}')
    with pytest.raises(TypeError, match="Ghost: expected a JSON object, got list"):
        Ghost.from_json("[]")
    with pytest.raises(ValueError):
        Ghost.from_json("{not json")
    ghost = Ghost.from_json('{"id": 1, "name": "x", "embodied_at": ""}')
    assert ghost.embodied_at is None and ghost.user_id is UNSET


# --- the Unset idiom (README "Models"), proved with mypy --strict ---------------------------

NARROWING = """\
import datetime
from toggl_focus_api.models import Ghost

def embodied_on(ghost: Ghost) -> datetime.date | None:
"""


def _mypy(body: str, tmp_path: Path) -> tuple[int, str]:
    code = NARROWING + textwrap.indent(textwrap.dedent(body).strip() + "\n", " " * 4)
    snippet = tmp_path / "snippet.py"
    snippet.write_text(code)
    config = str(ROOT / "pyproject.toml")
    cache = str(tmp_path / "cache")
    out, err, status = mypy_api.run(["--config-file", config, "--cache-dir", cache, str(snippet)])
    return status, out + err


def test_truthiness_narrows_an_unset_or_null_timestamp_for_mypy(tmp_path: Path) -> None:
    status, output = _mypy(
        """
        if ghost.embodied_at:          # neither UNSET nor None
            reveal_type(ghost.embodied_at)
            return ghost.embodied_at.date()
        return None
        """,
        tmp_path,
    )
    assert 'Revealed type is "datetime.datetime"' in output, output
    assert status == 0 and "error" not in output, output


def test_without_the_check_mypy_rejects_the_same_code(tmp_path: Path) -> None:
    status, output = _mypy("return ghost.embodied_at.date()", tmp_path)
    assert status == 1
    assert 'Item "Unset" of' in output and 'Item "None" of' in output, output
