"""The click pieces every command module shares: command and group classes, the common flags.

`Command` and `Group` lay out help as the CLI always has: arguments with their help (an
Arguments section), each command's whole first paragraph in a group's list (click would cut
it at the terminal's width), commands in the order they are added (click sorts them), and a
group called without a command prints its help on stdout and exits 2. These work the same
on every click 8 release: click 8.5 documents arguments itself, older ones do not.

A command's docstring may end with an `Examples:` paragraph (after a `\b` line, so click
never re-wraps it): `Command` prints it last, after the options, one invocation a line.
Every command also takes the global options (`GLOBAL_OPTIONS`) after its name, as gh and git
do (`focus ghosts ls --debug`): given there, they override the same option given before the
command, so the last one on the line wins.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

__all__ = [
    "EXAMPLES",
    "GLOBAL_OPTIONS",
    "Argument",
    "Command",
    "Group",
    "argument",
    "csv_option",
    "dry_run_option",
    "global_options",
    "json_option",
]

F = TypeVar("F", bound=Callable[..., Any])


def _first_paragraph(text: str | None) -> str:
    return " ".join(inspect.cleandoc(text or "").split("\n\n", 1)[0].split())


class Argument(click.Argument):
    """A positional argument with a help text (shown under Arguments)."""

    def __init__(
        self, param_decls: Sequence[str], required: bool | None = None, **attrs: Any
    ) -> None:
        help_text = attrs.pop("help", None)
        super().__init__(param_decls, required=required, **attrs)
        self.help = help_text


def argument(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    """`click.argument` with a help text (an `Argument`), safe to apply to several commands.

    click before 8.1.3 pops `cls` from the dict a decorator keeps, so a decorator stored once
    and applied twice (`ghost_id_argument`) built a plain click.Argument the second time, and
    that refuses `help`: each use here gets its own copy.
    """

    def decorator(f: F) -> F:
        return click.argument(*param_decls, cls=Argument, **dict(attrs))(f)

    return decorator


#: The options of the whole run: (declarations, settings). The top-level group takes them
#: before a command (`global_options`); every `Command` takes them after its name too.
GLOBAL_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--token",), {"help": "API token (default: $TOGGL_FOCUS_API_TOKEN).", "show_default": False}),
    (
        ("--token-file",),
        {
            "type": click.Path(path_type=Path),
            "help": "File holding the API token.",
            "show_default": False,
        },
    ),
    (
        ("--organization-id", "-o"),
        {"type": click.IntRange(min=1), "help": "Organization id.", "show_default": False},
    ),
    (
        ("--workspace-id", "-w"),
        {"type": click.IntRange(min=1), "help": "Workspace id.", "show_default": False},
    ),
    (("--base-url",), {"help": "API base URL (default: $TOGGL_FOCUS_BASE_URL or production)."}),
    (("--debug",), {"is_flag": True, "help": "Log every request (method, path, status, quota)."}),
    (
        ("--progress/--no-progress",),
        {"default": True, "help": "Progress bars on a terminal (never when piped)."},
    ),
)
GLOBAL_NAMES = (
    "token",
    "token_file",
    "organization_id",
    "workspace_id",
    "base_url",
    "debug",
    "progress",
)
#: The line that starts a docstring's examples: click keeps a paragraph after `\b` unwrapped.
EXAMPLES = "\b\nExamples:\n"


def global_options(f: F) -> F:
    """The global options, as decorators (the top-level group's)."""
    for decls, settings in reversed(GLOBAL_OPTIONS):
        f = click.option(*decls, **settings)(f)
    return f


def _global_decls(taken: set[str]) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """The global options without the flags a command uses itself: `ghosts plan -o PLAN`
    keeps `-o` for its output file, and takes `--organization-id` after its name."""
    return [
        (tuple(d for d in decls if d not in taken), settings) for decls, settings in GLOBAL_OPTIONS
    ]


def _global_params(taken: set[str]) -> list[click.Parameter]:
    """The global options as a command's own, hidden (its help names them in one line)."""
    return [
        click.Option(list(decls), **settings, hidden=True)
        for decls, settings in _global_decls(taken)
    ]


class Command(click.Command):
    """A command whose help lists its arguments, its options, then its examples; it takes
    the global options after its name too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        text = inspect.cleandoc(self.help or "")
        head, marker, examples = text.partition(EXAMPLES)
        self.examples = [line.strip() for line in examples.splitlines() if line.strip()]
        if marker:
            self.help = head.rstrip()
        own = {flag for param in self.params for flag in (*param.opts, *param.secondary_opts)}
        self.params.extend(_global_params(own))
        self.global_flags = ", ".join(
            "/".join(reversed(decls)) if len(decls) > 1 else decls[0]
            for decls, _ in _global_decls(own)
        )

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        _format_arguments(self, ctx, formatter)
        self.format_options(ctx, formatter)
        with formatter.section("Global options"):
            formatter.write_text(
                f"{self.global_flags} (`focus --help`): before or after the command; "
                "the last one given wins."
            )
        if self.examples:
            with formatter.section("Examples"):
                formatter.write_text("\b\n" + "\n".join(self.examples))
        self.format_epilog(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, after applying the global options given after its name."""
        given = {name: ctx.params.pop(name, None) for name in GLOBAL_NAMES}
        overrides = {
            name: value
            for name, value in given.items()
            if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE
        }
        if overrides:
            from .session import Session

            found = ctx.find_object(Session)
            if found is not None:
                found.override(**overrides)
        return super().invoke(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_paragraph(self.short_help or self.help)


class Group(click.Group):
    """A group of commands: listed in the order added, with their whole first paragraph."""

    command_class = Command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_paragraph(self.short_help or self.help)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)


def _format_arguments(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    rows = [
        (param.human_readable_name, getattr(param, "help", None) or "")
        for param in command.get_params(ctx)
        if isinstance(param, click.Argument)
    ]
    if rows:
        with formatter.section("Arguments"):
            formatter.write_dl(rows)


def dry_run_option(f: F) -> F:
    """`--dry-run`: say what the command would spend, send nothing."""
    return click.option(
        "--dry-run", is_flag=True, help="Say how many requests it would spend; send nothing."
    )(f)


def json_option(f: F) -> F:
    """`--json`, as the parameter `json_`."""
    return click.option(
        "--json", "json_", is_flag=True, help="Print JSON (every field the API sent)."
    )(f)


def csv_option(f: F) -> F:
    """`--csv`, as the parameter `csv_` (its help states the CSV rule of `safe.csv_cell`)."""
    return click.option(
        "--csv",
        "csv_",
        is_flag=True,
        help=(
            "Print CSV with a header row. A cell starting with = + - @, tab or CR gets a "
            "leading ' (no spreadsheet runs it as a formula) and control characters show as "
            "\\x1b-style escapes; `focus ghosts plan` reads both back exactly, --json is exact."
        ),
    )(f)
