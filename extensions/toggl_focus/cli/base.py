"""The click pieces every command module shares: command and group classes, the common flags.

`Command` and `Group` lay out help as the CLI always has: arguments with their help (an
Arguments section), each command's whole first paragraph in a group's list (click would cut
it at the terminal's width), commands in the order they are added (click sorts them), and a
group called without a command prints its help on stdout and exits 2. These work the same
on every click 8 release: click 8.5 documents arguments itself, older ones do not.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

__all__ = [
    "Argument",
    "Command",
    "Group",
    "argument",
    "csv_option",
    "dry_run_option",
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


class Command(click.Command):
    """A command whose help lists its arguments, then its options."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        _format_arguments(self, ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

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
