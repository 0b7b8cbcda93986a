"""Asking before a change: `confirm`, `refuse_without_terminal`, `--yes`.

A command that deletes shows what it will delete and asks `[y/N]` when someone is there to
answer: stdin and stdout are a terminal. Without one (a script, a pipe, cron) a destructive
change is refused unless given `--yes`: a usage error (exit 2) before anything is sent, so
a forgotten flag never deletes; a change that deletes nothing goes on, as scripts always
have. Declining, Ctrl-D or Ctrl-C at the question is exit 2 as well (as `focus probe` and gh
do), with nothing changed. The question goes to stderr, the answer is read from stdin, so
stdout keeps only results.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .errors import CliError

__all__ = ["can_ask", "confirm", "refuse_without_terminal", "yes_option"]

F = TypeVar("F", bound=Callable[..., Any])


def yes_option(f: F) -> F:
    """`--yes`/`-y`, as the parameter `yes`."""
    return click.option(
        "--yes", "-y", is_flag=True, help="Do not ask (needed when not on a terminal)."
    )(f)


def can_ask() -> bool:
    """Whether a person can see a question and answer it: stdin and stdout are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def refuse_without_terminal(prompt: str, *, yes: bool) -> None:
    """A usage error when `prompt` will have to be asked and cannot be: call it before
    sending anything, so that a refusal sends nothing at all."""
    if not yes and not can_ask():
        raise CliError(
            f"cannot ask {prompt!r}: stdin and stdout are not a terminal; "
            "pass --yes (-y) to go ahead without asking; nothing was changed"
        )


def confirm(prompt: str, *, yes: bool, destructive: bool = True) -> None:
    """Go on when `yes`, when the person at the terminal answers y to `prompt [y/N]`, or,
    without a terminal, when the change is not `destructive`; otherwise a usage error
    (exit 2) saying nothing was changed."""
    if yes:
        return
    if not can_ask():
        if destructive:
            refuse_without_terminal(prompt, yes=yes)
        return
    try:
        agreed = click.confirm(prompt, default=False, err=True)
    except click.Abort:  # Ctrl-C or end of input at the prompt
        click.echo("", err=True)
        agreed = False
    if not agreed:
        raise CliError("not confirmed; nothing was changed")
