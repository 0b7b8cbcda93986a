"""`make demo` (`python -m toggl_focus.demo`): invite-then-embody, then a ghost plan, end to end.

It always runs on the embedded fake Focus server over a loopback socket, with the free
plan's quota of 30 requests an hour, so it needs no token and spends no real quota. It
never talks to the real API: a `TOGGL_FOCUS_API_TOKEN` in the environment is ignored,
because embodying a ghost cannot be undone and the invite endpoint is not public.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import sys

from toggl_focus_api.models import Ghost

from ._sync.client import Focus
from ._wire.auth import TOKEN_ENV
from .embody import invite_and_embody
from .errors import FocusError
from .plans import PlanBudgetError, desired_from_rows
from .testing import FakeFocus

FREE_PLAN_QUOTA = 30
LABEL = 14
#: The staffing plan of steps 5 to 7, as a spreadsheet exports it.
STAFFING_CSV = """name,description,project_ids,team_ids
Data engineer (hire 1),Q3 platform work,202;203,41
Data engineer (hire 2),Q3 platform work,202;203,41
Product designer (hire),Design system,204,42
Frontend developer (hire 1),,202,41
Frontend developer (hire 2),,202,41
Frontend developer (hire 3),,203,41
Backend developer (hire),Billing,203,
QA engineer (contract),Release testing,202;203;204,43
"""


def _row(label: str, value: object, note: str = "") -> None:
    """One aligned `label  value  (note)` line."""
    tail = f"  ({note})" if note else ""
    print(f"   {label:<{LABEL}}{value}{tail}")


def _when(value: object) -> str:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return "not set"


def _quota(focus: Focus) -> str:
    left = focus.quota.remaining
    return "unknown" if left is None else f"{left} of {FREE_PLAN_QUOTA}"


def _run(fake: FakeFocus, base_url: str, email: str, role: str) -> None:
    """The demo proper: list, invite and embody, show, re-run, quota."""
    used = fake.request_count
    with Focus(
        token=fake.token,
        base_url=base_url,
        organization_id=fake.organization_id,
        workspace_id=fake.workspace_id,
    ) as focus:
        print("1. List the ghosts waiting for a person (auto-pagination, 100 per request)")
        pages = list(focus.ghosts.list().pages())
        ghosts: list[Ghost] = [g for page in pages for g in page.items]
        _row("ghosts", f"{len(ghosts)} in {len(pages)} page{'s' * (len(pages) != 1)}")
        _row("requests", fake.request_count - used, "GET ghosts, one per page")
        _row("quota left", _quota(focus))
        if not ghosts:
            print("\nNo unembodied ghost to embody; nothing more to show.")
            return
        ghost = ghosts[0]

        print("\n2. Invite a new teammate and embody a ghost: one call")
        result = invite_and_embody(focus, ghost.id, email, role=role, inviter=fake.accounts)
        invite = result.invite
        _row("ghost", f"{ghost.id}  {ghost.name}")
        _row("person", invite.email)
        _row(
            "invited",
            f"org user {invite.recipient_org_user_id}, account {invite.recipient_user_account_id}",
            "the fake's accounts service: no Focus request",
        )
        _row("role", f"{role!r} -> role_id {result.role_id}")
        _row("requests", result.requests, "GET roles, PATCH embody")

        print("\n3. The ghost now")
        used = fake.request_count
        now = focus.ghosts.get(ghost.id)
        _row("ghost", f"{now.id}  {now.name}")
        _row("user_id", now.user_id, invite.email)
        _row("embodied_at", _when(now.embodied_at))
        _row("requests", fake.request_count - used)

        print("\n4. Run it again: a re-run is harmless")
        again = invite_and_embody(focus, ghost.id, invite, role=result.role_id or role)
        state = "already embodied by the same person" if again.already_done else "embodied"
        _row("result", f"{state}; nothing changed")
        _row("requests", again.requests, "PATCH embody -> 409, GET ghost to confirm who")

        _plan(fake, focus)

        print(
            f"\nQuota left: {_quota(focus)} requests this hour "
            f"({fake.request_count} used by this demo)."
        )


def _plan(fake: FakeFocus, focus: Focus) -> None:
    """Steps 5 to 7: plan a staffing file, price it, apply it, re-plan it."""
    desired = desired_from_rows(csv.DictReader(io.StringIO(STAFFING_CSV)))
    print(f"\n5. Plan a staffing file ({len(desired)} rows) against the workspace")
    used = fake.request_count
    plan = focus.ghosts.plan(desired)
    for line in str(plan).splitlines():
        print(f"   {line}")
    _row("requests", fake.request_count - used, "planning reads only: the listing")

    print("\n6. Apply it within a budget")
    used = fake.request_count
    try:
        plan.apply(budget=0)
    except PlanBudgetError as exc:
        _row("budget=0", "refused", f"{exc.cost} > 0; {fake.request_count - used} requests sent")
    result = plan.apply(budget=5)
    _row("budget=5", f"applied: {result.summary()}")
    _row("requests", fake.request_count - used, "exactly plan.cost: bulk create, batches of 100")

    print("\n7. Plan the same file again")
    used = fake.request_count
    again = focus.ghosts.plan(desired)
    _row(
        "changes",
        f"{len(again.creates) + len(again.updates) + len(again.deletes)}",
        (f"{len(again.unchanged)} unchanged; cost {again.cost}"),
    )
    _row("requests", fake.request_count - used, "the listing only")


def main(argv: list[str] | None = None) -> int:
    """Start the fake on loopback, run the demo, print the outcome; 0 on success."""
    parser = argparse.ArgumentParser(
        prog="python -m toggl_focus.demo",
        description=(
            "Invite-then-embody and a ghost plan on the embedded fake Toggl Focus server "
            "(no token)."
        ),
    )
    parser.add_argument("--email", default="ada.lovelace@example.com", help="who to invite")
    parser.add_argument("--role", default="member", help="role name or code (default member)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fake's data")
    args = parser.parse_args(argv)

    fake = FakeFocus(seed=args.seed, quota=FREE_PLAN_QUOTA)
    try:
        with fake.serve() as base_url:
            print(
                "Toggl Focus demo: invite-then-embody and a ghost plan, on the embedded fake server"
            )
            _row("server", base_url)
            _row("organization", f"{fake.organization_id}, workspace {fake.workspace_id}")
            _row("quota", f"{FREE_PLAN_QUOTA} requests/hour, as on the free plan")
            if os.environ.get(TOKEN_ENV):
                _row("note", f"${TOKEN_ENV} is set but not used: this demo never calls Toggl")
            print()
            _run(fake, base_url, args.email, args.role)
    except FocusError as exc:
        print(f"\ndemo failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
