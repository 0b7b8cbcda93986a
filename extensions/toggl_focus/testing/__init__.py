"""A stateful fake Toggl Focus server that honours `openapi/focus.yaml` (like moto for AWS).

Use it in-process (no sockets) or over loopback::

    from toggl_focus.testing import FakeFocus, Fault

    fake = FakeFocus(seed=0, ghosts=300, users=120)
    with httpx.Client(base_url=fake.base_url, transport=fake.transport(),
                      headers={"Authorization": f"Bearer {fake.token}"}) as http:
        http.get(f"/organizations/{fake.organization_id}/workspaces/{fake.workspace_id}/ghosts")

    with fake.serve(port=0) as base_url:   # "http://127.0.0.1:<port>/api"
        ...

or from a shell: ``python -m toggl_focus.testing --port 8080`` (``make fake-server``).

Unset values come in two styles. ``FakeFocus(style="go")``, the default, sends what Toggl's
Go server sends, i.e. what Toggl's types say: ``""`` for a string-typed timestamp that is not
set (a user's ``deleted_at`` and ``account_locked_at``, a rate's ``end_at``, a group's and its
members' and workspaces' ``deleted_at``), ``0`` for an integer id that is not set
(``track_role_id``, ``work_role_id``, a group workspace's ``focus_role_id``), and a user's
``rate`` and ``working_hours`` in every ``list_users`` item (a zero ``rate`` and ``0`` hours
when ``include_rates``/``include_working_hours`` is not given). ``style="sparse"`` sends
``null`` for all of those and leaves ``rate`` and ``working_hours`` out unless asked for (and
``working_hours`` is ``null`` for a user without entries): the spec allows both, so test your
app against both (``--style sparse`` on the command line, ``focus fake --style sparse``,
``@pytest.mark.focus_fake(style="sparse")``). A ghost's ``deleted_at``, ``embodied_at`` and
``user_id`` are ``null`` until set in both styles, as Toggl's published spec makes them
nullable; a working-hours entry without a weekday has no ``weekday`` key in both.

Routes and request checks come from the spec shipped in the package
(`toggl_focus.testing._conformance` on `toggl_focus/_spec/focus.json`): a request that breaks
a rule of the spec (a type, a range, a required field, a pattern, an enum, the list format of
a parameter) is a 400 naming the field and the rule, before the operation runs.
`fake.check_responses = True` checks the fake's own answers against the spec too
(`fake.response_violations`). Needs the `testing` extra: `pip install "toggl-focus[testing]"`
(jsonschema).

Behaviour where the spec is silent (each a decision of the fake):

- Seed data: organization 9001 with workspaces 7001 ("Studio") and 7002 ("Operations"); ghost
  ids count up from 1001, organization users from 5101, account ids from 880001, groups from
  41, working-hour ids from 77001. Names, assignments and timestamps are reproducible from
  `seed`. The first user is the owner and holds the token (`groups/me` lists their groups);
  about 12% of users are invited and not joined, some are inactive, about 4% of the seeded
  ghosts are embodied. Roles: 1 owner, 2 admin, 3 member, 4 guest, 5 planner.
- Authentication: `Authorization: Bearer <token>`; HTTP Basic with any user name and the token
  as password is accepted too. Anything else is a 401 (with no quota headers).
- Routing comes first: an unknown path is a 404 and an undeclared method a 405 with `Allow`
  (OPTIONS is a 204 with `Allow`), before authentication and the quota.
- Quota: `quota=None` (the default) is unlimited and sends no quota headers. With a quota,
  every authenticated answer carries `X-Toggl-Quota-Remaining` and `X-Toggl-Quota-Resets-In`;
  the hourly window opens at its first request (measured with `clock`), and a spent quota is
  a 402 `{"error": "quota_exceeded", ...}` with `X-Toggl-Quota-Remaining: 0`.
- Organization or workspace ids other than the fake's are a 403 on every operation (the spec
  documents no 403 for `list_ghosts`, see the report to the spec owners).
- Query strings: lists take the form the spec's `style`/`explode` give them (today
  comma-separated, `project_ids=1,2`; percent-encoded commas work); an empty value is an
  empty list, which filters nothing; a malformed list (`1,,2`, `a,b`) is a 400; a parameter
  given twice where the spec wants it once (`project_ids=1&project_ids=2`) is a 400; booleans
  are `true`/`false`; unknown parameters are ignored.
- Page sizes: ghosts `rows` default 50; teams and users `per_page` default 50; the spec's
  maximum (100) holds, more is a 400. Pages are 1-based; a page past the end is empty.
- Ghost list: sorted by case-folded name, then id (`name,desc` reverses both); `search` is a
  case-insensitive contains-anywhere match. Unknown project/task ids in `assign_*` are
  accepted and named "Project <id>"/"Task <id>"; team ids are not checked either.
- Deleting a ghost is a soft delete: it stays in `fake.state.ghosts` with `deleted_at` set,
  but list, get, update and embody no longer see it. Embodying hands the ghost's teams to the
  user and sets their role in the ghost's workspace.
- Teams: groups of the `workspace_id` given, sorted by name, hydrated with the live,
  unembodied ghosts whose `assigned.team_ids` contain the group id. `filter` matches the
  team's name; `query` its name or the `display_name` of a member it is answered with
  (with `active_members_only`, an active member); both case-insensitive, anywhere.
- Users: sorted by name; `filter` matches name or email (case-insensitive, anywhere);
  `active_status` values are `active`, `inactive`, `invited`; `pinned_ids` come first.
  `workspaces` filters by membership. Every user has two custom fields, `1` "Cost center"
  (text, `CC-1xx`) and `2` "Office" (select: Berlin, Lisbon or Remote), the same in every
  workspace. `include_custom_fields=true` adds them only when `workspaces` names exactly one
  workspace (otherwise the key is left out), and `cf_filter=1:CC-101,2:lisbon` (pairs ANDed;
  a pair matches the field's `value` or one of its `selected_options`, ignoring case) needs
  exactly one too: otherwise it is a 422 `unprocessable`. A pair that is not
  `<positive field id>:<value>` is a 400; an empty `cf_filter` filters nothing.
- Groups: unknown `organization_users` are a 400, workspaces outside the organization a 403.
  New working-hours entries start at 9.
- Faults (`fake.inject`) answer before authentication and the quota and use none of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toggl_focus.testing._accounts import Accounts, Invite
    from toggl_focus.testing._app import Answer, FocusApp, Quota
    from toggl_focus.testing._fake import DEFAULT_TOKEN, FakeFocus, RecordedRequest
    from toggl_focus.testing._faults import Fault
    from toggl_focus.testing._state import FocusState

# The names are loaded on first use (PEP 562), so that importing the package, or its pytest
# plugin (`toggl_focus.testing.pytest_plugin`, registered for every install through the
# `pytest11` entry point), never needs the `testing` extra: only using the fake does.
_EXPORTS = {
    "DEFAULT_TOKEN": "_fake",
    "Accounts": "_accounts",
    "Answer": "_app",
    "FakeFocus": "_fake",
    "Fault": "_faults",
    "FocusApp": "_app",
    "FocusState": "_state",
    "Invite": "_accounts",
    "Quota": "_app",
    "RecordedRequest": "_fake",
}


def __getattr__(name: str) -> object:
    """Import an exported name from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "DEFAULT_TOKEN",
    "Accounts",
    "Answer",
    "FakeFocus",
    "Fault",
    "FocusApp",
    "FocusState",
    "Invite",
    "Quota",
    "RecordedRequest",
]
