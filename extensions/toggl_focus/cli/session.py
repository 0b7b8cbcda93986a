"""One run of `focus`: its settings, its client, and what it spent.

Commands never build a client themselves: `session.client()` checks the settings (a missing
token or organization is a usage error before any request), opens a `Focus`, counts every
request sent inside the block (retries included) and, when the block ends, however it ends,
reports on stderr how many requests were spent and how much of the quota is left: one line,
after any progress bar is gone, that says `quota low` near the limit. The library's own
quota-low warning is not shown (it would repeat that line in another unit, mid-progress).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import config
from .errors import CliError
from .output import Progress, note
from .safe import visible

if TYPE_CHECKING:
    from .._sync.client import Focus
    from .._wire.http import Counter
    from ..quota import Quota

__all__ = ["Session", "duration", "quota_text", "session"]


class Session:
    """The global options of one run, and the client built from them on first use."""

    def __init__(
        self,
        *,
        token: str | None,
        token_file: Path | None,
        organization_id: int | None,
        workspace_id: int | None,
        base_url: str | None,
        debug: bool,
        progress: bool,
    ) -> None:
        self._flags: dict[str, object] = {
            "token": token,
            "token_file": token_file,
            "organization_id": organization_id,
            "workspace_id": workspace_id,
            "base_url": base_url,
        }
        self.debug = debug
        self.progress = Progress(progress)
        self._settings: config.Settings | None = None

    def override(self, **given: object) -> None:
        """Apply global options given after the command's name: they win over the same
        options given before it (the last one on the command line wins)."""
        for key in ("token", "token_file", "organization_id", "workspace_id", "base_url"):
            if key in given:
                self._flags[key] = given[key]
        self._settings = None
        if "debug" in given:
            self.debug = bool(given["debug"])
            setup_logging(self.debug)
        if "progress" in given:
            self.progress = Progress(bool(given["progress"]))

    @property
    def settings(self) -> config.Settings:
        """The resolved settings (flags, environment, config file), read once."""
        if self._settings is None:
            self._settings = config.Settings.resolve(**self._flags, config=config.load())  # type: ignore[arg-type]
        return self._settings

    @property
    def resolved(self) -> config.Settings | None:
        """The settings if this run has read them (None before, or if reading them failed):
        error messages name the token's source and the base URL from them."""
        return self._settings

    def organization_id(self) -> int:
        """The organization id, or a usage error saying the three ways to give it."""
        value = self.settings.organization_id
        if value is None:
            raise CliError(
                "no organization: pass --organization-id, set $TOGGL_FOCUS_ORGANIZATION_ID "
                "or run `focus config set organization_id ID`"
            )
        return value

    def workspace_id(self) -> int:
        """The workspace id, or a usage error saying the three ways to give it."""
        value = self.settings.workspace_id
        if value is None:
            raise CliError(
                "no workspace: pass --workspace-id, set $TOGGL_FOCUS_WORKSPACE_ID "
                "or run `focus config set workspace_id ID`"
            )
        return value

    def token(self) -> str:
        """The API token, or a usage error saying where it may come from."""
        token = self.settings.token
        if not token:
            raise CliError(
                "no API token: pass --token or --token-file, set $TOGGL_FOCUS_API_TOKEN or run "
                "`focus config set token_file PATH` (`focus fake` serves a fake API to try)"
            )
        return token

    @contextmanager
    def client(self, *, workspace: bool = True) -> Iterator[tuple[Focus, Counter]]:
        """A Focus client and the counter of its requests; reports the spend on exit.

        `workspace=False` for commands that need only the organization.
        """
        from .._sync.client import Focus
        from .._wire.http import counting

        organization = self.organization_id()
        space = self.workspace_id() if workspace else self.settings.workspace_id
        focus = Focus(
            self.token(),
            organization_id=organization,
            workspace_id=space,
            base_url=self.settings.base_url,
        )
        _install_redaction(self.token())
        from ..errors import QuotaExceededError

        try:
            with counting() as counter:
                spent_out = False
                try:
                    yield focus, counter
                except QuotaExceededError:
                    spent_out = True  # the error line says the quota and when it resets
                    raise
                finally:
                    spent = f"{counter.count} request{'s' * (counter.count != 1)} spent"
                    note(spent if spent_out else f"{spent}; {quota_text(focus.quota)}")
        finally:
            focus.close()

    def dry_run(self, requests: str, what: str) -> None:
        """Say what a command would spend, send nothing, and end the command with 0.

        `requests` is the whole count with its noun (`1 request`, `at least 1 request`).
        """
        print(f"dry run: would spend {requests}: {what}; nothing sent")
        raise click.exceptions.Exit(0)


def quota_text(quota: Quota) -> str:
    """`quota: 27 left, resets in 59 min`, or that the server said nothing about it.

    Near the limit (the client's `low_threshold`, 5) it says so, and when:
    `quota low: 3 left, resets in 59 min (at 10:00:00 UTC)` (`quota spent` at 0).
    """
    if quota.remaining is None:
        return "quota: not reported by the server"
    left = quota.resets_in
    when = "" if left is None else f", resets in {duration(left)}"
    if quota.remaining > quota.low_threshold:
        return f"quota: {quota.remaining} left{when}"
    if quota.resets_at is not None:
        when += f" (at {quota.resets_at.strftime('%H:%M:%S UTC')})"
    state = "spent" if quota.remaining == 0 else "low"
    return f"quota {state}: {quota.remaining} left{when}"


def duration(seconds: float) -> str:
    """`45 s` under a minute and a half, else whole minutes (`60 min`)."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def session(ctx: click.Context) -> Session:
    """The run's Session, set up by the top-level callback."""
    found = ctx.find_object(Session)
    if found is None:  # pragma: no cover - the callback always sets it
        raise CliError("internal error: no session")
    return found


class _Redact(logging.Filter):
    """Belt and braces: the library never logs the token; this filter would hide it if it did."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "***"), None
        return True


def _install_redaction(secret: str) -> None:
    for handler in logging.getLogger("toggl_focus").handlers:
        if not any(isinstance(f, _Redact) for f in handler.filters):
            handler.addFilter(_Redact(secret))


class _Formatter(logging.Formatter):
    """Log lines quote what servers sent (URLs, error descriptions): shown inert, one line."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return visible(super().formatMessage(record))


def _not_quota_low(record: logging.LogRecord) -> bool:
    """Drop the library's quota-low warning: the session's last line says it, once."""
    return not (record.module == "quota" and record.levelno == logging.WARNING)


def setup_logging(debug: bool) -> None:
    """The toggl_focus logger to stderr: its warnings always (but the quota-low one, which
    the requests-spent line says), every request with --debug."""
    logger = logging.getLogger("toggl_focus")
    for handler in list(logger.handlers):
        if getattr(handler, "_focus_cli", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._focus_cli = True  # type: ignore[attr-defined]
    handler.setFormatter(_Formatter("focus: %(levelname)s %(message)s"))
    handler.addFilter(_not_quota_low)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)
