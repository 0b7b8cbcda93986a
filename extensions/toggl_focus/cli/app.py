"""The `focus` application: global options, the command groups, errors to exit codes.

Start-up stays light: this module and the command modules import click and the standard
library only; the client, rich, the fake server and the probe are imported by the command
that needs them, when it runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from .base import Group, global_options
from .errors import EXIT_CODES_HELP, CliError, Exit, describe
from .session import Session, setup_logging

__all__ = ["app"]


class _Group(Group):
    """The top-level group: turns errors into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return self._invoke_and_flush(ctx)
        except KeyboardInterrupt:
            print("focus: interrupted", file=sys.stderr)
            raise click.exceptions.Exit(Exit.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`focus ghosts ls | head`): no error line, the exit status
            # of a writer ended by SIGPIPE. Output still buffered goes nowhere, so the flush
            # at exit does not fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            raise click.exceptions.Exit(Exit.OUTPUT_CLOSED) from None
        except Exception as exc:
            from ..errors import FocusError

            if not isinstance(exc, FocusError | CliError):
                raise
            settings = ctx.obj.resolved if isinstance(ctx.obj, Session) else None
            code, message = describe(exc, settings)  # names the host, the token's source
            print(f"focus: error: {message}", file=sys.stderr)
            raise click.exceptions.Exit(code) from None

    def _invoke_and_flush(self, ctx: click.Context) -> Any:
        """Run the command, then flush stdout: a closed pipe shows here, as BrokenPipeError,
        not at exit (where click would end with 1, the code of an API error)."""
        try:
            result = super().invoke(ctx)
        except click.exceptions.Exit:  # --dry-run, a partly failed bulk operation
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return result


HELP = f"""The command line for Toggl Focus: ghosts, working hours, users, groups, quota.

Token: --token, --token-file or $TOGGL_FOCUS_API_TOKEN. Organization and workspace: the flags, $TOGGL_FOCUS_ORGANIZATION_ID / $TOGGL_FOCUS_WORKSPACE_ID, or `focus config set`. Try it without a token: `focus fake` serves a fake API and prints what to export.

The options below, but --version, may also come after the command (`focus ghosts ls --debug -w 7002`); the last one given wins.

Read commands print tables on a terminal, tab-separated text when piped, or --json / --csv. Commands that spend requests take --dry-run and report the quota left on stderr.

{EXIT_CODES_HELP}
"""  # noqa: E501 (one line per paragraph: the help reflows them)

COMPLETION = """Shell completion: add `eval "$(_FOCUS_COMPLETE=bash_source focus)"` to ~/.bashrc (zsh: `eval "$(_FOCUS_COMPLETE=zsh_source focus)"` in ~/.zshrc; fish: `_FOCUS_COMPLETE=fish_source focus | source` in ~/.config/fish/completions/focus.fish)."""  # noqa: E501


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        print(f"focus (toggl-focus {version('toggl-focus')})")
        ctx.exit(0)


@click.group(
    "focus",
    cls=_Group,
    help=HELP,
    epilog=COMPLETION,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True},
)
@global_options
@click.option(
    "--version",
    is_flag=True,
    callback=_version,
    expose_value=False,
    is_eager=True,
    help="Print the version.",
)
@click.pass_context
def app(
    ctx: click.Context,
    token: str | None,
    token_file: Path | None,
    organization_id: int | None,
    workspace_id: int | None,
    base_url: str | None,
    debug: bool,
    progress: bool,
) -> None:
    """Global options come before the command (`focus -o 9001 ghosts ls`) or after it."""
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

    app.add_command(ghosts.app, "ghosts")
    app.add_command(working_hours.app, "working-hours")
    app.add_command(org.users, "users")
    app.add_command(org.roles, "roles")
    app.add_command(org.teams, "teams")
    app.add_command(org.groups, "groups")
    app.add_command(tools.quota, "quota")
    app.add_command(tools.probe, "probe")
    app.add_command(tools.fake, "fake")
    app.add_command(commands_config.app, "config")


_register()
