"""The generated client's traffic passes Prism (proxy mode, `--errors`) in front of the fake.

Prism 5.14.2 validates every request against `openapi/focus.yaml` before forwarding it to
the fake's loopback server, and every answer on its way back; with `--errors` a violation in
either direction turns into an error answer, and a violation is also reported in an
`sl-violations` header. Each step below covers one operation (all 23, some twice for an
error answer) and must come back with the expected status and no violation.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from toggl_focus.testing import FakeFocus, Fault

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "focus.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"

pytestmark = pytest.mark.skipif(
    not PRISM.exists() or shutil.which("node") is None,
    reason="Prism is not installed: run `make node_modules` (pins @stoplight/prism-cli 5.14.2)",
)

api = pytest.importorskip("toggl_focus_api", reason="the generated client is not importable")
from toggl_focus_api.api.ghosts import (  # noqa: E402
    bulk_create_ghosts,
    bulk_update_ghosts,
    create_ghost,
    delete_ghost,
    embody_ghost,
    get_ghost,
    list_ghosts,
    update_ghost,
)
from toggl_focus_api.api.organization import (  # noqa: E402
    create_group,
    delete_group,
    list_my_groups,
    list_roles,
    list_teams,
    list_users,
    update_group,
)
from toggl_focus_api.api.working_hours import (  # noqa: E402
    create_ghost_working_hours,
    create_user_working_hours,
    delete_ghost_working_hours,
    delete_user_working_hours,
    get_ghost_working_hours,
    get_user_working_hours,
    update_ghost_working_hours,
    update_user_working_hours,
)
from toggl_focus_api.client import AuthenticatedClient  # noqa: E402
from toggl_focus_api.models import (  # noqa: E402
    AssignAction,
    GhostBulkUpdate,
    GhostCreate,
    GhostEmbody,
    GhostUpdate,
    GroupRequest,
    SortDirection,
    WorkingHoursCreate,
    WorkingHoursUpdate,
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def fake() -> FakeFocus:
    """A fake with a quota, so that Prism also checks the quota headers."""
    return FakeFocus(seed=7, ghosts=120, users=40, quota=10_000)


@pytest.fixture(scope="module")
def prism_url(fake: FakeFocus) -> Iterator[str]:
    """Prism in proxy mode with `--errors`, in front of the fake's loopback server."""
    with fake.serve() as upstream, tempfile.TemporaryFile() as log:
        port = _free_port()
        command = [str(PRISM), "proxy", str(SPEC), upstream, "--errors"]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        pytest.fail(f"Prism did not start:\n{log.read().decode(errors='replace')}")
                    time.sleep(0.2)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


Step = tuple[str, int, Callable[[AuthenticatedClient, dict[str, Any]], Any]]


def _steps(fake: FakeFocus) -> list[Step]:
    """The traffic: (operation, expected status, call); calls share ids through `ids`."""
    org, ws = fake.organization_id, fake.workspace_id
    me = fake.me_user_id
    invite = fake.accounts.invite("prism.recipient@example.com", name="Prism Recipient")
    owner_ghost = next(
        g["id"]
        for g in fake.state.ghosts.values()
        if g["user_id"] is None and fake.state.ghost_workspace[g["id"]] == ws
    )

    def remember(key: str, value: Any, ids: dict[str, Any]) -> Any:
        ids[key] = value
        return value

    def created_id(response: Any) -> int:
        return int(response.parsed.id)

    def parsed(response: Any) -> Any:
        return response.parsed

    return [
        ("list_ghosts", 200, lambda c, ids: list_ghosts.sync_detailed(
            org, ws, client=c, rows=100, search="e", order_by="name,desc",
            project_ids=[201, 202], include_embodied=True)),
        ("list_ghosts", 200, lambda c, ids: list_ghosts.sync_detailed(
            org, ws, client=c, page=2, rows=25, team_ids=[41], task_ids=[3001, 3002, 3003],
            ghost_ids=[owner_ghost, 1002])),
        ("create_ghost", 201, lambda c, ids: remember("ghost", created_id(
            create_ghost.sync_detailed(org, ws, client=c, body=GhostCreate(
                name="Prism ghost", description="made through Prism",
                assign_projects=[201], assign_tasks=[3001], assign_teams=[41])),
        ), ids)),
        ("bulk_create_ghosts", 201, lambda c, ids: remember("bulk", [
            g.id for g in parsed(bulk_create_ghosts.sync_detailed(org, ws, client=c, body=[
                GhostCreate(name="Bulk one"), GhostCreate(name="Bulk two", assign_teams=[41]),
            ]))
        ], ids)),
        ("bulk_update_ghosts", 200, lambda c, ids: bulk_update_ghosts.sync_detailed(
            org, ws, client=c, body=[
                GhostBulkUpdate(id=ids["bulk"][0], name="Bulk one, renamed"),
                GhostBulkUpdate(id=ids["bulk"][1], assign_action=AssignAction.REMOVE,
                                assign_teams=[41]),
            ])),
        ("get_ghost", 200, lambda c, ids: get_ghost.sync_detailed(org, ws, ids["ghost"], client=c)),
        ("get_ghost", 404, lambda c, ids: get_ghost.sync_detailed(org, ws, 1, client=c)),
        ("update_ghost", 200, lambda c, ids: update_ghost.sync_detailed(
            org, ws, ids["ghost"], client=c, body=GhostUpdate(
                assign_action=AssignAction.ADD, assign_projects=[202], name="Prism ghost 2"))),
        ("get_ghost_working_hours", 200, lambda c, ids: get_ghost_working_hours.sync_detailed(
            org, ws, ids["ghost"], client=c)),
        ("create_ghost_working_hours", 200, lambda c, ids: remember("ghost_hours", [
            e.working_hour_id for e in parsed(create_ghost_working_hours.sync_detailed(
                org, ws, ids["ghost"], client=c, body=[
                    WorkingHoursCreate(weekday=1, working_hours=8),
                    WorkingHoursCreate(weekday=2, working_hours=7.5),
                    WorkingHoursCreate(working_hours=40),  # no weekday: Toggl's spec allows it
                ]))
        ], ids)),
        ("update_ghost_working_hours", 200, lambda c, ids: update_ghost_working_hours.sync_detailed(
            org, ws, ids["ghost"], client=c, body=[
                WorkingHoursUpdate(working_hour_id=ids["ghost_hours"][0], weekday=3,
                                   working_hours=6),
                WorkingHoursUpdate(working_hour_id=ids["ghost_hours"][2], working_hours=38)])),
        ("delete_ghost_working_hours", 204, lambda c, ids: delete_ghost_working_hours.sync_detailed(
            org, ws, ids["ghost"], client=c, body=ids["ghost_hours"])),
        ("get_ghost_working_hours", 403, lambda c, ids: get_ghost_working_hours.sync_detailed(
            org, ws, 1, client=c)),
        ("embody_ghost", 200, lambda c, ids: embody_ghost.sync_detailed(
            org, ws, ids["ghost"], client=c, body=GhostEmbody(
                recipient_org_user_id=invite.recipient_org_user_id,
                recipient_user_account_id=invite.recipient_user_account_id, role_id=3))),
        ("embody_ghost", 409, lambda c, ids: embody_ghost.sync_detailed(
            org, ws, ids["ghost"], client=c, body=GhostEmbody(
                recipient_org_user_id=invite.recipient_org_user_id,
                recipient_user_account_id=invite.recipient_user_account_id, role_id=3))),
        ("delete_ghost", 204, lambda c, ids: delete_ghost.sync_detailed(
            org, ws, ids["bulk"][0], client=c)),
        ("get_user_working_hours", 200, lambda c, ids: get_user_working_hours.sync_detailed(
            org, invite.recipient_org_user_id, client=c)),
        ("create_user_working_hours", 200, lambda c, ids: remember("user_hours", [
            e.working_hour_id for e in parsed(create_user_working_hours.sync_detailed(
                org, invite.recipient_org_user_id, client=c, body=[
                    WorkingHoursCreate(weekday=w, working_hours=8) for w in (1, 2, 3, 4, 5)
                ]))
        ], ids)),
        ("update_user_working_hours", 200, lambda c, ids: update_user_working_hours.sync_detailed(
            org, invite.recipient_org_user_id, client=c, body=[
                WorkingHoursUpdate(working_hour_id=ids["user_hours"][4], weekday=6,
                                   working_hours=4)])),
        ("update_user_working_hours", 400, lambda c, ids: update_user_working_hours.sync_detailed(
            org, invite.recipient_org_user_id, client=c, body=[
                WorkingHoursUpdate(working_hour_id=1, weekday=1, working_hours=4)])),
        ("delete_user_working_hours", 204, lambda c, ids: delete_user_working_hours.sync_detailed(
            org, invite.recipient_org_user_id, client=c, body=ids["user_hours"][:2])),
        ("create_group", 201, lambda c, ids: remember("group", created_id(
            create_group.sync_detailed(org, client=c, body=GroupRequest(
                name="Prism team", emoji="P", organization_users=[me], workspaces=[ws])),
        ), ids)),
        ("update_group", 200, lambda c, ids: update_group.sync_detailed(
            org, ids["group"], client=c, body=GroupRequest(
                name="Prism team, renamed", emoji="",
                organization_users=[me, invite.recipient_org_user_id],
                workspaces=[ws]))),
        ("list_my_groups", 200, lambda c, ids: list_my_groups.sync_detailed(org, client=c)),
        ("list_teams", 200, lambda c, ids: list_teams.sync_detailed(
            org, client=c, workspace_id=ws, per_page=5, sort_dir=SortDirection.DESC)),
        ("list_teams", 200, lambda c, ids: list_teams.sync_detailed(
            org, client=c, workspace_id=ws, filter_="prism", organization_user_id=me,
            group_ids=[ids["group"], 41])),
        ("delete_group", 200, lambda c, ids: delete_group.sync_detailed(
            org, ids["group"], client=c, workspace_id=ws)),
        ("delete_group", 404, lambda c, ids: delete_group.sync_detailed(
            org, ids["group"], client=c, workspace_id=ws)),
        ("list_roles", 200, lambda c, ids: list_roles.sync_detailed(org, client=c)),
        ("list_users", 200, lambda c, ids: list_users.sync_detailed(
            org, client=c, per_page=100, include_working_hours=True, include_rates=True)),
        ("list_users", 200, lambda c, ids: list_users.sync_detailed(
            org, client=c, filter_="prism.recipient", active_status=["invited"],
            workspaces=[ws], roles=[3], toggl_products=["focus"], sort_dir=SortDirection.ASC,
            pinned_ids=[me])),
    ]  # fmt: skip


def test_traffic_through_prism_has_no_violation(fake: FakeFocus, prism_url: str) -> None:
    """Every operation answers as expected through Prism, with no `sl-violations`."""
    answers: list[httpx.Response] = []
    client = AuthenticatedClient(
        base_url=prism_url,
        token=fake.token,
        timeout=httpx.Timeout(30),
        httpx_args={"event_hooks": {"response": [answers.append]}},
    )
    ids: dict[str, Any] = {}
    seen = set()
    with client:
        for operation, expected, call in _steps(fake):
            fake.reset_requests()
            answers.clear()
            call(client, ids)
            assert fake.request_count == 1, f"{operation}: Prism did not forward the request"
            assert fake.requests[0].status == expected, f"{operation}: {fake.requests[0]}"
            (answer,) = answers
            assert "sl-violations" not in answer.headers, (operation, answer.headers)
            assert answer.status_code == expected, (operation, answer.read())
            seen.add(operation)
    assert len(seen) == 23


def test_prism_catches_a_wrong_answer(fake: FakeFocus, prism_url: str) -> None:
    """Control: an answer that breaks the spec is reported, so the test above can fail."""
    fake.inject(Fault.wrong_shape(), path="/roles$")
    headers = {"Authorization": f"Bearer {fake.token}"}
    with httpx.Client(base_url=prism_url, headers=headers, timeout=30) as http:
        response = http.get(f"/organizations/{fake.organization_id}/roles")
    assert response.status_code == 500, response.text
    assert "sl-violations" in response.headers


def test_raw_answers_through_prism(fake: FakeFocus, prism_url: str) -> None:
    """Plain httpx through Prism: statuses kept, quota headers valid, no `sl-violations`."""
    headers = {"Authorization": f"Bearer {fake.token}"}
    org, ws = fake.organization_id, fake.workspace_id
    with httpx.Client(base_url=prism_url, headers=headers, timeout=30) as http:
        checks: list[tuple[str, str, dict[str, Any], int]] = [
            ("GET", f"/organizations/{org}/workspaces/{ws}/ghosts", {"rows": 100}, 200),
            ("GET", f"/organizations/{org}/workspaces/{ws}/ghosts", {"project_ids": "1,2"}, 200),
            ("GET", f"/organizations/{org}/roles", {}, 200),
            ("GET", f"/organizations/{org}/users", {"per_page": 3, "page": 2}, 200),
            ("GET", f"/organizations/{org}/teams", {"workspace_id": ws}, 200),
            ("GET", f"/organizations/{org}/groups/me", {}, 200),
            ("GET", f"/organizations/{org}/workspaces/{ws}/ghosts/1", {}, 404),
        ]
        for method, path, params, expected in checks:
            response = http.request(method, path, params=params)
            assert response.status_code == expected, response.text
            assert "sl-violations" not in response.headers, response.headers["sl-violations"]
            assert int(response.headers["X-Toggl-Quota-Remaining"]) >= 0
