"""The client operations the hostile suite drives, with their method, path and a valid answer.

One `Op` serves both clients: `call(focus, options)` works on a `Focus` and on an
`AsyncFocus` (the harness awaits or drains what the async one returns), with `options`
being the per-call keyword options (`timeout=`, `max_retries=`, `deadline=`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from .server import Headers, response

ORG = 7
WS = 8
GHOST_ID = 5
GROUP_ID = 6
USER_ID = 9

GHOST = {"id": GHOST_ID, "name": "Casper"}
GROUP = {"id": GROUP_ID, "name": "Crew"}
ROLE = {"name": "Member", "role_id": 3}
HOURS = {"weekday": 1, "working_hour_id": 77, "working_hours": 8}
IDEMPOTENT = frozenset({"GET", "PUT", "DELETE"})


@attrs.frozen
class Op:
    """One resource method: how to call it, the request it sends, and a good answer to it."""

    name: str
    method: str
    path: str  # regex searched in the request target
    status: int  # the success status the spec gives
    body: Any  # the success JSON (None: no body)
    call: Callable[[Any, dict[str, Any]], Any] = attrs.field(repr=False)

    @property
    def idempotent(self) -> bool:
        """GET, PUT and DELETE may be sent again after an ambiguous failure."""
        return self.method in IDEMPOTENT

    def ok(self, headers: Headers = (), *, reason: str | bytes | None = None) -> bytes:
        """A whole, valid success response for this operation."""
        payload = b"" if self.body is None else json.dumps(self.body).encode()
        return response(
            self.status, payload, [("Content-Type", "application/json"), *headers], reason=reason
        )

    def ok_body(self) -> bytes:
        """The JSON of the success response."""
        return b"" if self.body is None else json.dumps(self.body).encode()


_ALL = [
    Op("ghosts.get", "GET", r"/ghosts/\d+$", 200, GHOST,
       lambda f, o: f.ghosts.get(GHOST_ID, **o)),
    Op("ghosts.list", "GET", r"/ghosts\?", 200, {"data": [GHOST]},
       lambda f, o: f.ghosts.list(**o)),
    Op("roles.list", "GET", r"/roles$", 200, [ROLE], lambda f, o: f.roles.list(**o)),
    Op("ghosts.delete", "DELETE", r"/ghosts/\d+$", 204, None,
       lambda f, o: f.ghosts.delete(GHOST_ID, **o)),
    Op("ghosts.create", "POST", r"/ghosts$", 201, GHOST,
       lambda f, o: f.ghosts.create("Casper", **o)),
    Op("ghosts.bulk_create", "POST", r"/ghosts/bulk_create$", 201, [GHOST],
       lambda f, o: f.ghosts.bulk_create([{"name": "Casper"}], **o)),
    Op("ghosts.update", "PATCH", r"/ghosts/\d+$", 200, GHOST,
       lambda f, o: f.ghosts.update(GHOST_ID, name="Casper", **o)),
    Op("ghosts.bulk_update", "PATCH", r"/ghosts/bulk_update$", 200, [GHOST],
       lambda f, o: f.ghosts.bulk_update([{"id": GHOST_ID, "name": "Casper"}], **o)),
    Op("ghosts.embody", "PATCH", r"/ghosts/\d+/embody$", 200, GHOST,
       lambda f, o: f.ghosts.embody(GHOST_ID, recipient_org_user_id=USER_ID,
                                    recipient_user_account_id=11, role_id=3, **o)),
    Op("groups.create", "POST", r"/groups$", 201, GROUP,
       lambda f, o: f.groups.create("Crew", emoji="C", **o)),
    Op("groups.update", "PUT", r"/groups/\d+$", 200, GROUP,
       lambda f, o: f.groups.update(GROUP_ID, name="Crew", emoji="C", organization_users=[USER_ID],
                                    workspaces=[8], **o)),
    Op("working_hours.create_for_user", "POST", r"/workinghours/users/\d+$", 200, [HOURS],
       lambda f, o: f.working_hours.create_for_user(
           USER_ID, [{"weekday": 1, "working_hours": 8}], **o)),
    Op("working_hours.update_for_user", "PUT", r"/workinghours/users/\d+$", 200, [HOURS],
       lambda f, o: f.working_hours.update_for_user(
           USER_ID, [{"weekday": 1, "working_hour_id": 77, "working_hours": 8}], **o)),
    Op("working_hours.create_for_ghost", "POST", r"/workinghours/ghosts/\d+$", 200, [HOURS],
       lambda f, o: f.working_hours.create_for_ghost(
           GHOST_ID, [{"weekday": 1, "working_hours": 8}], **o)),
    Op("working_hours.update_for_ghost", "PUT", r"/workinghours/ghosts/\d+$", 200, [HOURS],
       lambda f, o: f.working_hours.update_for_ghost(
           GHOST_ID, [{"weekday": 1, "working_hour_id": 77, "working_hours": 8}], **o)),
]  # fmt: skip

OPS: dict[str, Op] = {op.name: op for op in _ALL}

#: The operations that change something and are not idempotent by HTTP semantics (POST,
#: PATCH), plus the PUT ones the brief lists beside them: every one is checked for how many
#: times a fault lets it reach the server.
WRITES = [
    OPS[name]
    for name in [
        "ghosts.create",
        "ghosts.bulk_create",
        "ghosts.update",
        "ghosts.bulk_update",
        "ghosts.embody",
        "groups.create",
        "groups.update",
        "working_hours.create_for_user",
        "working_hours.update_for_user",
        "working_hours.create_for_ghost",
        "working_hours.update_for_ghost",
    ]
]
