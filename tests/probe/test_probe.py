"""The live probe, proven against the fake: clean when it conforms, every drift reported."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import httpx
import pytest

from tests.probe.conftest import DriftedFake
from toggl_focus import FocusConfigError
from toggl_focus.probe import CHECKS, Probe, Report
from toggl_focus.testing import FakeFocus
from toggl_focus.testing._conformance import Spec

REQUIRED_CHECKS = {
    "list_ghosts.first_page_is_1",
    "list_ghosts.comma_separated_ids",
    "list_users.per_page_max_100",
    "list_ghosts.rows_over_100_is_400",
    "list_ghosts.rows_honoured",
    "list_ghosts.pages_consistent",
    "list_ghosts.last_page_ends",
    "list_ghosts.sorted_by_name",
    "list_users.first_page_is_1",
    "list_users.pages_end",
    "working_hours.user_id_is_org_user_id",
}
#: Entries without weekday confirm it; the fake's seeded entries all carry one.
WEEKDAY = "working_hours.weekday_optional"
OBSERVATIONS = {WEEKDAY, "working_hours.weekday_zero"}
#: Steps in the read-only plan, and those the fake never needs (the conditional ones).
READ_STEPS = 21
NOT_NEEDED = 5


def _probe(fake: FakeFocus, **kwargs: Any) -> Probe:
    return Probe(
        token=fake.token,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        base_url=fake.base_url,
        **kwargs,
    )


def _run(fake: FakeFocus, **kwargs: Any) -> Report:
    with httpx.Client(transport=fake.transport()) as http:
        return _probe(fake, **kwargs).run(http_client=http)


def _results(report: Report) -> dict[str, str]:
    return {c.check: c.result for c in report.checks if c.check is not None}


def _assert_clean(report: Report, fake: FakeFocus, budget: int) -> None:
    assert report.requests_sent == fake.request_count <= budget
    assert report.violations() == []
    assert report.client_errors() == []
    assert not report.drift
    assert (report.verdict, report.exit_code, report.complete) == ("agrees", 0, True)
    assert report.render().startswith("AGREES (exit 0)")
    results = _results(report)
    assert "contradicted" not in results.values(), results
    assert {results[name] for name in REQUIRED_CHECKS} == {"confirmed"}, results
    assert results[WEEKDAY] == "not tested"  # every entry carried one: nothing to learn


def test_clean_report_against_the_fake(fake: FakeFocus) -> None:
    report = _run(fake)
    _assert_clean(report, fake, budget=12)
    assert report.requests_sent == 12  # the default budget, spent on the highest priorities
    assert fake.response_violations == []
    assert [e.status for e in report.exchanges][:5] == [200, 200, 200, 200, 400]


async def test_clean_report_async(fake: FakeFocus) -> None:
    async with httpx.AsyncClient(transport=fake.async_transport()) as http:
        report = await _probe(fake).arun(http_client=http)
    _assert_clean(report, fake, budget=12)


@pytest.mark.parametrize("budget", [1, 2, 5, 9, 10, 12, 15, 30])
def test_never_exceeds_the_budget(fake: FakeFocus, budget: int) -> None:
    report = _run(fake, budget=budget)
    assert report.requests_sent == fake.request_count
    assert report.requests_sent == min(budget, READ_STEPS - NOT_NEEDED)
    assert all(request.method == "GET" for request in fake.requests)
    spent = [s for s in report.skipped if "budget" in s.reason]
    assert report.requests_sent + len(report.skipped) == READ_STEPS
    assert len(spent) == 0 if budget >= READ_STEPS - NOT_NEEDED else len(spent) > 0
    # Below the core checks' 10 requests the run is inconclusive, never a pass.
    if budget < 10:
        assert (report.exit_code, report.stop) == (3, "budget")
        assert report.render().startswith(
            f"INCONCLUSIVE (exit 3): the budget of {budget} is too small for the core checks, "
            "which need 10: pass --budget 10"
        )
    else:
        assert (report.exit_code, report.stop) == (0, None)


def test_a_large_budget_settles_every_read_only_check(fake: FakeFocus) -> None:
    report = _run(fake, budget=30)
    results = _results(report)
    writes = {"create_ghost.201_body_is_the_ghost", "delete_ghost.idempotent"}
    reads = {c.name for c in CHECKS} - writes - OBSERVATIONS
    assert {results[name] for name in reads} == {"confirmed"}
    assert {results[name] for name in writes | OBSERVATIONS} == {"not tested"}
    assert report.exit_code == 0  # the write checks were not planned: no writes allowed


def test_entries_without_weekday_confirm_that_it_is_optional(fake: FakeFocus) -> None:
    """Toggl's spec (and ours since 1.0.0) lets an entry lack weekday: such an entry is
    evidence for that, never drift."""
    first: dict[tuple[str, int], dict[str, Any]] = {}
    for entry in fake.state.working_hours.values():  # the first entry of every user and ghost
        first.setdefault((entry["external_entity_type"], entry["external_entity_id"]), entry)
    for entry in first.values():
        del entry["weekday"]
    report = _run(fake, budget=30)
    check = next(c for c in report.checks if c.check == WEEKDAY)
    assert check.result == "confirmed"
    assert check.detail == "2 of 10 entries lack it"  # the user's 5 and the ghost's 5
    assert [m.pointer for m in check.markers] == ["/components/schemas/WorkingHours/x-decision"]
    assert not report.drift and report.violations() == [] and report.exit_code == 0


def test_entries_with_weekday_zero_are_observed_never_drift(fake: FakeFocus) -> None:
    for entry in fake.state.working_hours.values():
        entry["weekday"] = 0 if entry["weekday"] == 1 else entry["weekday"]
    report = _run(fake, budget=30)
    check = next(c for c in report.checks if c.check == "working_hours.weekday_zero")
    assert (check.result, check.detail) == (
        "confirmed",
        "2 of 10 entries say weekday 0; 0 have none",
    )
    assert report.exit_code == 0
    assert "weekday 0 (Sunday, or what Go's omitempty drops): 2 of 10" in report.render()


def test_every_drift_is_reported(drifted: DriftedFake) -> None:
    report = _run(drifted, budget=16)
    assert report.requests_sent == drifted.request_count <= 16
    assert report.drift
    found = {(v["operation"], v["status"], v["kind"], v["path"]) for v in report.violations()}
    # a field renamed: the new name is unknown (the old one, name, is optional since 1.0.0)
    assert ("list_ghosts", 200, "unknown-field", "$.data[*].title") in found
    assert ("list_ghosts", 200, "missing-required", "$.data[*].name") not in found
    assert ("get_ghost", 200, "unknown-field", "$.title") in found
    # a required field dropped
    assert ("list_roles", 200, "missing-required", "$[*].role_id") in found
    # a status changed
    assert ("list_ghosts", 422, "unexpected-status", "") in found
    results = _results(report)
    assert results["list_ghosts.rows_over_100_is_400"] == "contradicted"
    # comma-separated ids refused (and the repeated form is what works)
    assert results["list_ghosts.comma_separated_ids"] == "contradicted"
    detail = next(c.detail for c in report.checks if c.check == "list_ghosts.comma_separated_ids")
    assert detail == "ghost_ids=A,B answered 400; ghost_ids=A&ghost_ids=B works instead"
    # the generated client cannot parse the roles without role_id either (a ghost without
    # name it can: an unknown field is kept, a missing optional one is UNSET)
    assert {e["operation"] for e in report.client_errors()} == {"list_roles"}
    text = report.render()
    assert text.startswith("DRIFT (exit 1): ") and report.exit_code == 1
    assert "$.data[*].title" not in text  # human form: body paths
    summary = text.split("\nDetails\n")[0]  # each drift is one line of the summary
    assert "  - list_ghosts 200 body.data[*].title: field is not declared in the spec" in summary
    assert "  - contradicted: rows above 100 is a 400: rows=101 answered 422, not 400" in summary
    assert "  - the client cannot parse list_roles 200 [request " in summary


def test_the_report_names_the_client_version_apart_from_the_specs(fake: FakeFocus) -> None:
    import importlib.resources
    import json

    import toggl_focus

    spec_file = importlib.resources.files("toggl_focus._spec") / "focus.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))["info"]
    report = _run(fake, budget=30)
    data = report.as_dict()
    assert data["tool_version"] == toggl_focus.__version__
    assert data["spec"]["version"] == spec["version"]
    second = report.render().splitlines()[1]
    assert second.startswith(f"toggl-focus {toggl_focus.__version__} probe; spec ")
    assert f"{spec['title']!r} {spec['version']}" in second
    plan = _probe(fake).plan_text()
    assert f"{spec['title']!r} {spec['version']} (sha256 " in plan
    assert f"shipped in toggl-focus {toggl_focus.__version__}." in plan


def test_writes_are_refused_unless_allowed(fake: FakeFocus) -> None:
    report = _run(fake, budget=30)
    assert {r.method for r in fake.requests} == {"GET"}
    assert "create_ghost" not in {e.operation for e in report.exchanges}


def test_allowed_writes_create_then_delete(fake: FakeFocus) -> None:
    before = {gid for gid, g in fake.state.ghosts.items() if g["deleted_at"] is None}
    report = _run(fake, allow_writes=["create_ghost", "delete_ghost"])
    assert report.budget == 14  # the default with writes: 10 core reads, 3 writes, 1 reserve
    assert [e.operation for e in report.exchanges][10:13] == [
        "create_ghost",
        "delete_ghost",
        "delete_ghost",
    ]
    results = _results(report)
    assert results["create_ghost.201_body_is_the_ghost"] == "confirmed"
    assert results["delete_ghost.idempotent"] == "confirmed"
    after = {gid for gid, g in fake.state.ghosts.items() if g["deleted_at"] is None}
    assert after == before  # what it created, it deleted
    assert report.left_behind == () and report.exit_code == 0


def test_writes_need_a_budget_with_room_for_their_clean_up(fake: FakeFocus) -> None:
    with pytest.raises(FocusConfigError, match="--allow-writes needs --budget 14 or more"):
        _probe(fake, budget=13, allow_writes=["create_ghost", "delete_ghost"])


def test_a_write_sequence_never_starts_without_quota_for_its_clean_up(fake: FakeFocus) -> None:
    fake.quota = 13  # after the 10 core reads, 3 are left: the create and its clean-up need 4
    report = _run(fake, allow_writes=["create_ghost", "delete_ghost"])
    assert {r.method for r in fake.requests} == {"GET"}
    skipped = {s.step: s for s in report.skipped}
    assert skipped["ghosts.create"].reason == (
        "not sent: the quota left (3) is less than the 4 requests it and its clean-up need"
    )
    # The reads after it spend the quota: the run stops there, before any 402.
    assert report.requests_sent == fake.request_count == 13
    assert {e.status for e in report.exchanges} <= {200, 400}
    assert (report.exit_code, report.stop) == (3, "quota_spent")
    assert report.render().startswith(
        "INCONCLUSIVE (exit 3): the hourly quota is spent (the last answer said 0 requests left)"
    )
    missing = {c.check: c.code for c in report.not_tested()}
    assert missing["create_ghost.201_body_is_the_ghost"] == "quota_spent"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"budget": 0}, "budget must be an int >= 1"),
        ({"budget": True}, "budget must be an int >= 1"),
        ({"allow_writes": ["list_ghosts"]}, "only reads"),
        ({"allow_writes": ["drop_tables"]}, "no operation 'drop_tables'"),
        ({"allow_writes": ["create_ghost"]}, "create_ghost and delete_ghost together"),
        ({"organization_id": 0}, "organization_id must be a positive int"),
        ({"token": "toggl_sk_ with space"}, "whitespace"),
        ({"base_url": "http://example.com/api"}, "plain http"),
    ],
)
def test_mistakes_are_config_errors_before_any_request(
    fake: FakeFocus, kwargs: dict[str, Any], message: str
) -> None:
    arguments: dict[str, Any] = {
        "token": fake.token,
        "organization_id": fake.organization_id,
        "workspace_id": fake.workspace_id,
        "base_url": fake.base_url,
        **kwargs,
    }
    with pytest.raises(FocusConfigError, match=message):
        Probe(**arguments)
    assert fake.request_count == 0


def test_a_refused_token_stops_the_run(fake: FakeFocus) -> None:
    probe = Probe(
        token="toggl_sk_wrong",
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
        base_url=fake.base_url,
    )
    with httpx.Client(transport=fake.transport()) as http:
        report = probe.run(http_client=http)
    assert report.requests_sent == fake.request_count == 1
    assert (report.stop, report.exit_code, report.complete) == ("auth_refused", 3, False)
    assert report.render().startswith(
        "INCONCLUSIVE (exit 3): the server refused the token (401 on request 1): check --token"
    )
    assert "toggl_sk_wrong" not in report.render() + report.to_json() + repr(probe)


def test_an_organization_the_token_cannot_see_stops_the_run(fake: FakeFocus) -> None:
    probe = Probe(
        token=fake.token,
        organization_id=1234,
        workspace_id=fake.workspace_id,
        base_url=fake.base_url,
    )
    with httpx.Client(transport=fake.transport()) as http:
        report = probe.run(http_client=http)
    assert report.requests_sent == fake.request_count == 1
    assert report.stopped is not None and "check --organization-id" in report.stopped
    assert (report.stop, report.exit_code) == ("forbidden", 3)
    assert all(s.reason.startswith("stopped: ") for s in report.skipped)


def test_no_token_in_plan_report_or_json(fake: FakeFocus) -> None:
    probe = _probe(fake)
    report = _run(fake)
    for text in (probe.plan_text(), repr(probe), report.render(), report.to_json()):
        assert fake.token not in text


def test_the_plan_lists_each_request_and_why_before_sending(fake: FakeFocus) -> None:
    plan = _probe(fake, budget=5).plan_text()
    assert fake.request_count == 0
    assert "at most 5 request(s)" in plan
    assert plan.count("why:") == READ_STEPS
    head, _, later = plan.partition("Beyond the budget")
    assert "ghosts?rows=101" in head and "/roles" in later
    assert "only if the first answer has no `page`" in head


GHOSTS = "/paths/~1organizations~1{organization_id}~1workspaces~1{workspace_id}~1ghosts"
USERS = "/paths/~1organizations~1{organization_id}~1users/get"
TEAMS = "/paths/~1organizations~1{organization_id}~1teams/get"
#: Each check and the x-decision markers of the shipped spec it settles (by JSON pointer).
MARKERS = {
    "list_ghosts.first_page_is_1": [f"{GHOSTS}/get/parameters/0/x-decision"],
    "list_ghosts.comma_separated_ids": ["/components/parameters/GhostIds/x-decision"],
    "list_ghosts.rows_over_100_is_400": [f"{GHOSTS}/get/parameters/1/x-decision"],
    "list_users.per_page_max_100": [f"{USERS}/parameters/11/x-decision"],
    WEEKDAY: ["/components/schemas/WorkingHours/x-decision"],
    "working_hours.user_id_is_org_user_id": [
        "/paths/~1organizations~1{organization_id}~1workinghours~1users~1{user_id}"
        "/parameters/1/x-decision"
    ],
    "list_teams.first_page_is_1": [f"{TEAMS}/parameters/1/x-decision"],
    "list_teams.per_page_max_100": [f"{TEAMS}/parameters/2/x-decision"],
    "list_users.first_page_is_1": [f"{USERS}/parameters/10/x-decision"],
    "create_ghost.201_body_is_the_ghost": [f"{GHOSTS}/post/responses/201/x-decision"],
    "delete_ghost.idempotent": [f"{GHOSTS}~1{{ghost_id}}/delete/x-decision"],
    # promises the client rests on, and an observation: no marker of their own
    "list_ghosts.rows_honoured": [],
    "list_ghosts.pages_consistent": [],
    "list_ghosts.last_page_ends": [],
    "list_ghosts.sorted_by_name": [],
    "list_users.pages_end": [],
    "working_hours.weekday_zero": [],
}


def test_checks_map_to_the_shipped_specs_markers_and_the_rest_are_not_tested(
    fake: FakeFocus,
) -> None:
    """Every check settles exactly its marker(s) of the shipped spec, found by scope, text
    and pointer: the id filters share one text, and the probe tests ghost_ids alone."""
    report = _run(fake, budget=20)
    by_check = {c.check: [m.pointer for m in c.markers] for c in report.checks if c.check}
    assert by_check == MARKERS
    pointers = {d.pointer for d in Spec.shipped().decisions()}
    assert {p for ps in MARKERS.values() for p in ps} <= pointers
    decisions = {d["pointer"]: d for d in report.as_dict()["decisions"]}
    assert len(decisions) == len(pointers)  # every marker is listed, mapped or not
    assert decisions[MARKERS["list_ghosts.first_page_is_1"][0]]["result"] == "confirmed"
    for untested in ("ProjectIds", "AssignAction"):
        kind = "parameters" if untested.endswith("Ids") else "schemas"
        unmapped = decisions[f"/components/{kind}/{untested}/x-decision"]
        assert (unmapped["result"], unmapped["checks"]) == ("not tested", [])
    checks = {c["check"]: c for c in report.as_dict()["checks"]}
    first_page = MARKERS["list_ghosts.first_page_is_1"][0]
    assert checks["list_ghosts.first_page_is_1"]["decision"] == first_page
    assert "x-decision /components/schemas/AssignAction/x-decision" not in report.render()
    assert "other x-decision marker(s) no check of the probe settles" in report.render()
    assert "x-decision /components/schemas/AssignAction/x-decision" in report.render(verbose=True)


def test_a_check_without_a_marker_is_its_own_decision(fake: FakeFocus) -> None:
    """A spec without the teams page marker (a custom or older one): the check still runs
    and names itself as the decision."""
    document = copy.deepcopy(Spec.shipped().document)
    path = document["paths"]["/organizations/{organization_id}/teams"]["get"]
    for parameter in path["parameters"]:
        parameter.pop("x-decision", None)
    with httpx.Client(transport=fake.transport()) as http:
        report = _probe(fake, spec=Spec(document), budget=20).run(http_client=http)
    checks = {c["check"]: c for c in report.as_dict()["checks"]}
    assert checks["list_teams.first_page_is_1"]["markers"] == []
    assert checks["list_teams.first_page_is_1"]["decision"] == "list_teams.first_page_is_1"
    assert checks["list_teams.first_page_is_1"]["result"] == "confirmed"


def test_json_report_shape(fake: FakeFocus) -> None:
    data = json.loads(_run(fake).to_json())
    assert data["summary"]["requests_sent"] == len(data["requests"]) == 12
    assert data["drift"] is False
    assert (data["format_version"], data["verdict"], data["exit_code"]) == (2, "agrees", 0)
    assert (data["complete"], data["stop"], data["why"], data["left_behind"]) == (
        True,
        None,
        None,
        [],
    )
    assert "list_ghosts.pages_consistent" in data["checks_run"]
    not_run = {c["check"]: c for c in data["checks_not_run"]}
    assert not_run["list_teams.per_page_max_100"]["planned"] is False  # cut by the budget
    assert (
        "teams.per-page-101: not sent: the budget is spent"
        in (not_run["list_teams.per_page_max_100"]["reason"])
    )
    assert data["spec"]["sha256"] == Spec.shipped().sha256
    assert {r["status"] for r in data["requests"]} <= {200, 400}
    assert all(set(c) >= {"check", "result", "detail", "decision"} for c in data["checks"])


def test_a_client_error_always_says_something() -> None:
    """An exception with an empty message still names its type and where it was raised."""
    from toggl_focus.probe._engine import describe_error

    def parse() -> None:
        raise TypeError()

    try:
        parse()
    except TypeError as exc:
        described = describe_error(exc)
    assert re.fullmatch(r"TypeError: \(no message\) in parse\(\) at test_probe\.py:\d+", described)
    assert describe_error(ValueError("bad\nsecond line")) == "ValueError: bad"
