"""The `focus` application: global options, the command groups, errors to exit codes.

Start-up stays light: this module and the command modules import typer and the standard
library only; the client, rich, the fake server and the probe are imported by the command
that needs them, when it runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from .errors import EXIT_CODES_HELP, CliError, Exit, describe
from .session import Session, setup_logging

__all__ = ["app"]


class _Group(TyperGroup):
    """The top-level group: turns errors into one line on stderr and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return self._invoke_and_flush(ctx)
        except KeyboardInterrupt:
            print("focus: interrupted", file=sys.stderr)
            raise typer.Exit(Exit.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`focus ghosts ls | head`): no error line, the exit status
            # of a writer ended by SIGPIPE. Output still buffered goes nowhere, so the flush
            # at exit does not fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            raise typer.Exit(Exit.OUTPUT_CLOSED) from None
        except Exception as exc:
            from ..errors import FocusError

            if not isinstance(exc, FocusError | CliError):
                raise
            code, message = describe(exc)
            print(f"focus: error: {message}", file=sys.stderr)
            raise typer.Exit(code) from None

    def _invoke_and_flush(self, ctx: Any) -> Any:
        """Run the command, then flush stdout: a closed pipe shows here, as BrokenPipeError,
        not at exit (where click would end with 1, the code of an API error)."""
        try:
            result = super().invoke(ctx)
        except (typer.Exit, click.exceptions.Exit):  # --dry-run, a partly failed bulk operation
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return result


HELP = f"""The command line for Toggl Focus: ghosts, working hours, users, groups, quota.

Token: --token, --token-file or $TOGGL_FOCUS_API_TOKEN. Organization and workspace: the flags, $TOGGL_FOCUS_ORGANIZATION_ID / $TOGGL_FOCUS_WORKSPACE_ID, or `focus config set`. Try it without a token: `focus fake` serves a fake API and prints what to export.

Read commands print tables on a terminal, tab-separated text when piped, or --json / --csv. Commands that spend requests take --dry-run and report the quota left on stderr.

{EXIT_CODES_HELP}
"""  # noqa: E501 (one line per paragraph: the help reflows them)

app = typer.Typer(
    cls=_Group,
    help=HELP,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"focus (toggl-focus {version('toggl-focus')})")
        raise typer.Exit(0)


@app.callback()
def main(
    ctx: typer.Context,
    token: Annotated[
        str | None,
        typer.Option(help="API token (default: $TOGGL_FOCUS_API_TOKEN).", show_default=False),
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option(help="File holding the API token.", show_default=False)
    ] = None,
    organization_id: Annotated[
        int | None,
        typer.Option("--organization-id", "-o", min=1, help="Organization id.", show_default=False),
    ] = None,
    workspace_id: Annotated[
        int | None,
        typer.Option("--workspace-id", "-w", min=1, help="Workspace id.", show_default=False),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="API base URL (default: $TOGGL_FOCUS_BASE_URL or production)."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log every request (method, path, status, quota).")
    ] = False,
    progress: Annotated[
        bool, typer.Option(help="Progress bars on a terminal (never when piped).")
    ] = True,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options come before the command: `focus -o 9001 ghosts ls`."""
    setup_logging(debug)
    ctx.obj = Session(
        token=token,
        token_file=token_file,
        organization_id=organization_id,
        workspace_id=workspace_id,
        base_url=base_url,
        debug=debug,
        progress=progress,
    )


def _register() -> None:
    from . import commands_config, ghosts, org, tools, working_hours

    app.add_typer(ghosts.app, name="ghosts")
    app.add_typer(working_hours.app, name="working-hours")
    app.add_typer(org.users, name="users")
    app.add_typer(org.roles, name="roles")
    app.add_typer(org.teams, name="teams")
    app.add_typer(org.groups, name="groups")
    app.command("quota")(tools.quota)
    app.command("probe", context_settings={"ignore_unknown_options": False})(tools.probe)
    app.command("fake")(tools.fake)
    app.add_typer(commands_config.app, name="config")


_register()
