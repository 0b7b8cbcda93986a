"""Fixtures for the probe's tests: a clean fake, and a fake that drifts from the spec."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from toggl_focus.testing import Answer, FakeFocus, Fault

_GHOSTS = "/api/organizations/9001/workspaces/7001/ghosts"


class DriftedFake(FakeFocus):
    """A fake that has drifted from the spec in the four ways the issue names.

    - a field renamed: every ghost's `name` is sent as `title`;
    - a required field dropped: roles come without `role_id`;
    - a status changed: `rows` above 100 answers 422 instead of 400;
    - comma-separated ids refused: `ghost_ids=1,2` is a 400, `ghost_ids=1&ghost_ids=2` works.
    """

    def respond(
        self,
        method: str,
        path: str,
        query: str,
        headers: Any,
        body: bytes,
        fault: Fault | None = None,
    ) -> Answer:
        pairs = parse_qsl(query, keep_blank_values=True)
        listing = method.upper() == "GET" and path == _GHOSTS
        if listing:
            ids = [value for name, value in pairs if name == "ghost_ids"]
            others = [(name, value) for name, value in pairs if name != "ghost_ids"]
            if any("," in value for value in ids):
                others.append(("ghost_ids", "comma-separated ids are not supported"))
            elif len(ids) > 1:
                others.append(("ghost_ids", ",".join(ids)))
            elif ids:
                others.append(("ghost_ids", ids[0]))
            query = urlencode(others)
        answer = super().respond(method, path, query, headers, body, fault)
        rows = next((value for name, value in pairs if name == "rows"), "")
        if listing and rows.isdigit() and int(rows) > 100 and answer.status == 400:
            return Answer(422, answer.headers, answer.body)
        if answer.status != 200 or not answer.body:
            return answer
        payload = json.loads(answer.body)
        if path.startswith(_GHOSTS) and method.upper() == "GET":
            ghosts = payload["data"] if path == _GHOSTS else [payload]
            for ghost in ghosts:
                ghost["title"] = ghost.pop("name")
        elif path.endswith("/roles"):
            for role in payload:
                role.pop("role_id", None)
        else:
            return answer
        return Answer(answer.status, answer.headers, json.dumps(payload).encode())


@pytest.fixture
def fake() -> FakeFocus:
    """A seeded fake that conforms to the spec (its own answers are checked too)."""
    fake = FakeFocus(seed=0)
    fake.check_responses = True
    return fake


@pytest.fixture
def drifted() -> DriftedFake:
    """A seeded fake that drifted from the spec in four ways."""
    return DriftedFake(seed=0)
