"""`FakeFocus`: the public face of the fake server (state, faults, quota, transports, socket)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import httpx

from toggl_focus.testing._accounts import Accounts
from toggl_focus.testing._app import Answer, FocusApp, Quota
from toggl_focus.testing._conformance import Violation
from toggl_focus.testing._faults import SERVER_KINDS, Fault, FaultRule
from toggl_focus.testing._state import FocusState, JsonObject

DEFAULT_TOKEN = "toggl_sk_fake"
PRODUCTION_BASE_URL = "https://focus.toggl.com/api"


@attrs.frozen
class RecordedRequest:
    """One request the fake received; `status` is None when no answer was sent."""

    method: str
    path: str
    query: str
    status: int | None
    body: bytes = b""
    fault: str | None = None


class FakeFocus:
    """A stateful fake of the Toggl Focus API, usable in-process or over a loopback socket."""

    def __init__(
        self,
        *,
        seed: int = 0,
        ghosts: int = 300,
        users: int = 120,
        quota: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        token: str = DEFAULT_TOKEN,
        organization_id: int = 9001,
        workspace_ids: tuple[int, int] = (7001, 7002),
        style: str = "go",
    ) -> None:
        """Seed an organization reproducibly from `seed`; `quota=None` is unlimited.

        `style="go"` (the default) sends what Toggl's Go server sends for unset values: `""`
        for a string-typed timestamp, `0` for an integer id, and a user's `rate` and
        `working_hours` always. `style="sparse"` sends `null` there and leaves `rate` and
        `working_hours` out unless asked for, to test that an app tolerates that too.
        """
        self._lock = threading.RLock()
        self.state = FocusState(
            seed=seed,
            ghosts=ghosts,
            users=users,
            organization_id=organization_id,
            workspace_ids=workspace_ids,
            style=style,
        )
        self._quota = Quota(quota, clock)
        self.app = FocusApp(self.state, token, self._quota)
        self.accounts = Accounts(self.state, self._lock)
        #: Seconds added to every request (slept in sync code, awaited in async code).
        self.latency = 0.0
        self.base_url = PRODUCTION_BASE_URL
        self._requests: list[RecordedRequest] = []
        self._rules: list[FaultRule] = []

    # --- identity ------------------------------------------------------------------------

    @property
    def token(self) -> str:
        """The accepted API key (Bearer, or the password of HTTP Basic with any user name)."""
        return self.app.token

    @property
    def organization_id(self) -> int:
        """The fake organization's id."""
        return self.state.organization_id

    @property
    def workspace_ids(self) -> tuple[int, int]:
        """The organization's two workspace ids."""
        return self.state.workspace_ids

    @property
    def workspace_id(self) -> int:
        """The first workspace id (most seeded ghosts live there)."""
        return self.state.workspace_ids[0]

    @property
    def style(self) -> str:
        """How unset values are sent: `"go"` (Toggl's zero values) or `"sparse"` (null)."""
        return self.state.style

    @property
    def me_user_id(self) -> int:
        """The organization user who owns the token (the owner)."""
        return self.state.me_user_id

    # --- checking its own answers ----------------------------------------------------------

    @property
    def check_responses(self) -> bool:
        """Whether every answer to an operation is checked against the shipped spec."""
        return self.app.check_responses

    @check_responses.setter
    def check_responses(self, enabled: bool) -> None:
        """Turn checking on (strict: no undeclared field, status or vendor header) or off."""
        self.app.check_responses = enabled

    @property
    def response_violations(self) -> list[Violation]:
        """What the fake's own answers broke of the spec while `check_responses` was on."""
        with self._lock:
            return list(self.app.violations)

    # --- quota ---------------------------------------------------------------------------

    @property
    def quota(self) -> int | None:
        """Requests allowed per hourly window; None is unlimited (no quota headers)."""
        return self._quota.limit

    @quota.setter
    def quota(self, limit: int | None) -> None:
        """Set the hourly limit (None: unlimited) and start a fresh window."""
        with self._lock:
            self._quota.limit = limit
            self._quota.reset()

    @property
    def clock(self) -> Callable[[], float]:
        """The monotonic clock (seconds) the quota window is measured with."""
        return self._quota.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        """Replace the clock, e.g. with a fake one that tests move by hand."""
        with self._lock:
            self._quota.clock = clock

    @property
    def quota_used(self) -> int:
        """Requests counted in the current quota window."""
        return self._quota.used

    def reset_quota(self) -> None:
        """Start a fresh quota window at the next request."""
        with self._lock:
            self._quota.reset()

    # --- seeding helpers -----------------------------------------------------------------

    def add_ghost(
        self,
        name: str,
        *,
        workspace_id: int | None = None,
        description: str = "",
        project_ids: Iterable[int] = (),
        task_ids: Iterable[int] = (),
        team_ids: Iterable[int] = (),
        user_id: int | None = None,
        embodied_at: str | None = None,
    ) -> JsonObject:
        """Add one ghost (embodied when `user_id` is given) and return its stored record."""
        with self._lock:
            ghost = self.state.add_ghost(
                workspace_id=self.workspace_id if workspace_id is None else workspace_id,
                name=name,
                description=description,
                project_ids=project_ids,
                task_ids=task_ids,
                team_ids=team_ids,
            )
            if user_id is not None:
                ghost["user_id"] = user_id
                ghost["embodied_at"] = embodied_at or ghost["created_at"]
            return ghost

    def add_ghosts(
        self, count: int, *, prefix: str = "Ghost", workspace_id: int | None = None
    ) -> list[JsonObject]:
        """Add `count` ghosts named `<prefix> 000001`... (zero-padded, so name order = id order)."""
        width = max(6, len(str(count)))
        with self._lock:
            return [
                self.add_ghost(f"{prefix} {n:0{width}d}", workspace_id=workspace_id)
                for n in range(1, count + 1)
            ]

    # --- requests and faults -------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """The requests received so far (a copy), oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        """How many requests were received."""
        return len(self._requests)

    def reset_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    def inject(
        self,
        fault: Fault,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Make the next `times` requests matching `method` and the `path` regex fail."""
        if times < 1:
            raise ValueError("times must be at least 1")
        rule = FaultRule(
            fault,
            times,
            method.upper() if method else None,
            re.compile(path) if path is not None else None,
        )
        with self._lock:
            self._rules.append(rule)

    def clear_faults(self) -> None:
        """Drop every injected fault that has not fired yet."""
        with self._lock:
            self._rules.clear()

    @property
    def pending_faults(self) -> int:
        """How many more requests injected faults will hit."""
        with self._lock:
            return sum(rule.remaining for rule in self._rules)

    def take_fault(self, method: str, path: str) -> Fault | None:
        """Return (and use up) the first injected fault that matches a request."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        self._rules.remove(rule)
                    return rule.fault
        return None

    def record(
        self,
        method: str,
        path: str,
        query: str,
        status: int | None,
        body: bytes,
        fault: Fault | None,
    ) -> None:
        """Record a request and the status it was answered with."""
        entry = RecordedRequest(
            method.upper(), path, query, status, body, fault.kind if fault else None
        )
        with self._lock:
            self._requests.append(entry)

    def respond(
        self,
        method: str,
        path: str,
        query: str,
        headers: Any,
        body: bytes,
        fault: Fault | None = None,
    ) -> Answer:
        """Answer a request with the app, or with an answer-producing fault; record it."""
        with self._lock:
            if fault is not None and fault.kind == "lost_answer":  # handled, answer never sent
                answer = self.app.handle(method, path, query, headers, body)
                self.record(method, path, query, None, body, fault)
                return answer
            if fault is None or fault.kind == "stall":
                answer = self.app.handle(method, path, query, headers, body)
                fault = None
            else:
                extra = self._quota.peek() if fault.kind in SERVER_KINDS else {}
                content = {"Content-Type": fault.content_type} if fault.content_type else {}
                answer = Answer(fault.code, {**content, **extra}, fault.payload)
            self.record(method, path, query, answer.status, body, fault)
        return answer

    # --- transports ----------------------------------------------------------------------

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that answers in-process: `httpx.Client(transport=...)`."""
        from toggl_focus.testing._transport import FakeTransport

        return FakeTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async httpx transport that answers in-process: `httpx.AsyncClient(transport=...)`."""
        from toggl_focus.testing._transport import AsyncFakeTransport

        return AsyncFakeTransport(self)

    def client(self, **kwargs: Any) -> httpx.Client:
        """A plain httpx client on the in-process transport, authenticated with the token."""
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        return httpx.Client(
            base_url=self.base_url, transport=self.transport(), headers=headers, **kwargs
        )

    @contextmanager
    def serve(self, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
        """Serve the fake on a loopback socket in a background thread; yield its base URL."""
        from toggl_focus.testing._server import start_server

        server, thread = start_server(self, host, port)
        try:
            yield server.base_url
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
